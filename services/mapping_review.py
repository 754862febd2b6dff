"""A reviewer confirms or corrects which role a sheet's columns play; the mapping is stored under
the sheet's layout fingerprint and used for the next file with the same layout."""

from __future__ import annotations

from typing import Any

from processing.mapping_review import MappingError, fingerprint_from_file, sheet_fingerprint, validate_columns
from store.blobs import get_blob_store
from store.jobs import get_job, job_result
from store.mappings import get_mappings, save_mapping
from store.uploads import get_file


def _job_fingerprint(job_id: str, sheet: str) -> str:
    job = get_job(job_id)
    try:
        return sheet_fingerprint(job_result(job), sheet)
    except MappingError:
        file = get_file(job.file_sha256) if job.file_sha256 else None
        if file is None:
            raise
        return fingerprint_from_file(file.name, get_blob_store().get(file.blob_key), sheet)


def confirm_mapping(job_id: str, sheet: str, columns: dict[str, str | None], *, confirmed_by: str) -> dict[str, Any]:
    """Store the reviewer's mapping for ``sheet`` of ``job_id``; return what was stored.
    Retry the job (or upload the next file of the layout) to read it with the mapping."""
    cleaned = validate_columns(columns)
    fingerprint = _job_fingerprint(job_id, sheet)
    mapping = {**get_mappings([fingerprint]).get(fingerprint, {}), **cleaned}
    save_mapping(fingerprint, mapping, confirmed_by=confirmed_by)
    return {"fingerprint": fingerprint, "mapping": mapping}


__all__ = ["MappingError", "confirm_mapping"]
