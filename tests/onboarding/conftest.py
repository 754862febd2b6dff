"""Onboarding test helpers: CSV builders and a JobContext that runs a handler in process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "onboarding"


def customers_csv(emails: list[str], header: str = "full_name,customerEmail") -> bytes:
    lines = [header] + [f"Person {i},{email}" for i, email in enumerate(emails)]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def run_upload(moto_store) -> Callable[..., tuple[object, list[tuple[str, int]]]]:
    """Register bytes as an onboarding upload and run the handler on it, as a worker would."""
    from core.operational_settings import OperationalSettings
    from services.jobs import JobContext
    from services.onboarding.job import run_onboarding_job
    from store.blobs import get_blob_store
    from store.uploads import register_upload

    def run(data: bytes, name: str = "customers.csv", policy: str = "valid_rows_only", model: str | None = None):
        upload = register_upload(name, data, kind="onboarding", file_format="csv", priority=2, uploaded_by="test",
                                 metadata={"model": model} if model else None)
        reports: list[tuple[str, int]] = []
        ctx = JobContext(job_id=upload.job.job_id, kind="onboarding", file_name=name,
                         metadata=dict(upload.job.metadata or {}),
                         settings=OperationalSettings(onboarding_submit_policy=policy),
                         report=lambda stage, percent: reports.append((stage, percent)),
                         load_file=lambda: get_blob_store().get(upload.file.blob_key))
        return run_onboarding_job(ctx), reports, ctx

    return run
