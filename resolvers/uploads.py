"""uploadFile: cap the size while reading, sniff the content, register once per content."""

from __future__ import annotations

from pathlib import PurePath

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from api.permissions import IsUploader
from api.threads import off_loop
from api.types.duplicate_file import DuplicateFile
from api.types.enums import JobPriority
from api.types.file_info import FileInfo
from api.types.invalid_upload import InvalidUpload
from api.types.job import Job
from api.types.results import UploadResult
from api.types.upload_accepted import UploadAccepted
from processing.errors import FILE_TOO_LARGE, InputError
from resolvers.common import caller

CHUNK_BYTES = 256 * 1024
MAX_NAME = 200


async def read_capped(upload: Upload, limit: int) -> bytes | None:
    """The upload's bytes, or None as soon as they pass ``limit``."""
    chunks, total = [], 0
    while chunk := await upload.read(CHUNK_BYTES):
        total += len(chunk)
        if total > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def clean_name(filename: str | None) -> str:
    name = PurePath((filename or "upload").replace("\\", "/")).name.strip() or "upload"
    return name[-MAX_NAME:]


def notify_workers() -> None:
    """Wake the in-process worker pool, when this process has one."""
    try:
        from processing.worker import notify_new_job  # type: ignore[attr-defined]
    except ImportError:
        return
    notify_new_job()


def too_large(limit_mb: int) -> InvalidUpload:
    return InvalidUpload(code=FILE_TOO_LARGE,
                         message=f"the file is larger than the {limit_mb} MB limit; split it or raise upload_size_limit_mb")


@strawberry.type
class UploadMutations:
    @strawberry.mutation(permission_classes=[IsUploader],
                         description="Upload a spreadsheet (xlsx, xlsm, xls, csv). The same bytes twice give DuplicateFile. "
                                     "A null priority takes the default_job_priority setting. `kind` (timecard or "
                                     "onboarding) overrides the kind detected from the content.")
    async def upload_file(self, info: Info, file: Upload,
                          priority: JobPriority | None = JobPriority.NORMAL,
                          kind: str | None = None) -> UploadResult:
        from processing.intake import inspect_upload
        from store.settings import get_operational_settings
        from store.uploads import register_upload

        identity = caller(info)
        settings = await off_loop(get_operational_settings)
        limit = settings.upload_size_limit_mb * 1024 * 1024
        data = await read_capped(file, limit)
        if data is None:
            return too_large(settings.upload_size_limit_mb)
        name = clean_name(getattr(file, "filename", None))
        try:
            intake = await off_loop(inspect_upload, name, data, max_bytes=limit, kind=kind)
        except InputError as exc:
            return InvalidUpload(code=exc.code, message=exc.message)
        number = priority.number if priority else settings.default_job_priority
        result = await off_loop(register_upload, name, data, kind=intake.kind, file_format=intake.format,
                                priority=number, uploaded_by=identity.subject,
                                max_attempts=settings.job_max_attempts)
        job, record = Job(model=result.job), FileInfo.from_model(result.file)
        if result.duplicate:
            return DuplicateFile(job=job, file=record)
        notify_workers()
        return UploadAccepted(job=job, file=record)


__all__ = ["UploadMutations", "clean_name", "read_capped"]
