"""Job ids from clients are bounded before they reach the store."""

from __future__ import annotations

import pytest


def test_an_oversized_job_id_is_not_found_rather_than_an_internal_error(local_store):
    """A 950 KB id reached DynamoDB, which refuses keys over 2 KB (INTERNAL_ERROR)."""
    from store.errors import JobNotFound
    from store.jobs import get_job

    with pytest.raises(JobNotFound) as missing:
        get_job("a" * 950_000)
    assert len(str(missing.value)) < 120  # the id is not echoed back whole
