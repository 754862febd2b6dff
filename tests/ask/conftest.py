"""One seeded moto store per test module: the questions only read, so they can share it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ask.seed import seed_entries, seed_hires, seed_jobs


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    from moto import mock_aws

    from store.blobs import LocalBlobStore, set_blob_store
    from store.connection import StoreTarget, configure, ensure_tables
    from store.settings import invalidate_cache

    with mock_aws(), pytest.MonkeyPatch.context() as monkeypatch:
        configure(StoreTarget(mode="memory", endpoint=None, region="us-west-2", table_prefix="ask-"))
        ensure_tables(wait=False)
        set_blob_store(LocalBlobStore(tmp_path_factory.mktemp("blobs")))
        invalidate_cache()
        seed_entries()
        job_ids = seed_jobs(monkeypatch)
        monkeypatch.undo()
        seed_hires()
        yield job_ids
        set_blob_store(None)
        invalidate_cache()
