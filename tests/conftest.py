"""Shared fixtures: a store on moto (fast) and a store on DynamoDB Local (real emulator)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-west-2")
os.environ.setdefault("AWS_ACCOUNT_ID_ENDPOINT_MODE", "disabled")


@pytest.fixture
def moto_store(tmp_path: Path) -> Iterator[None]:
    """Every table on moto, in process; blobs in a temporary folder."""
    from moto import mock_aws

    from store.blobs import LocalBlobStore, set_blob_store
    from store.connection import StoreTarget, configure, ensure_tables
    from store.settings import invalidate_cache

    with mock_aws():
        configure(StoreTarget(mode="memory", endpoint=None, region="us-west-2", table_prefix="test-"))
        ensure_tables(wait=False)
        set_blob_store(LocalBlobStore(tmp_path / "blobs"))
        invalidate_cache()
        yield
        set_blob_store(None)
        invalidate_cache()


@pytest.fixture(scope="session")
def dynamodb_local(tmp_path_factory: pytest.TempPathFactory):
    """One DynamoDB Local (in memory) for the session. CI installs Java and the jar: a missing
    one fails here, it is never skipped."""
    from core.config import AppConfig
    from store.embedded import start_or_attach

    config = AppConfig(data_dir=tmp_path_factory.mktemp("ddb"), embedded_in_memory=True)
    store = start_or_attach(config)
    yield store
    store.stop()


@pytest.fixture
def local_store(dynamodb_local, tmp_path: Path) -> Iterator[None]:
    """Fresh tables (a unique prefix) on the session's DynamoDB Local."""
    from store.blobs import LocalBlobStore, set_blob_store
    from store.bootstrap import _create_tables_when_ready
    from store.connection import StoreTarget, configure
    from store.settings import invalidate_cache

    prefix = f"t{uuid.uuid4().hex[:8]}-"
    configure(StoreTarget(mode="embedded", endpoint=dynamodb_local.endpoint, region="us-west-2", table_prefix=prefix))
    _create_tables_when_ready()
    set_blob_store(LocalBlobStore(tmp_path / "blobs"))
    invalidate_cache()
    yield
    set_blob_store(None)
    invalidate_cache()
