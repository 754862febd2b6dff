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


def priority_given(info: Info) -> bool:
    """Whether the client sent ``priority``. The schema's default (NORMAL) is a public
    signature that stays; a client that leaves the argument out gets default_job_priority."""
    raw = info._raw_info
    for argument in raw.field_nodes[0].arguments:
        if argument.name.value == "priority":
            variable = getattr(argument.value, "name", None) if argument.value.kind == "variable" else None
            return variable is None or variable.value in raw.variable_values
    return False


def refused(refusal) -> InvalidUpload:
    return InvalidUpload(code=refusal.code, message=refusal.message)


@strawberry.type
class UploadMutations:
    @strawberry.mutation(permission_classes=[IsUploader],
                         description="Upload a spreadsheet (xlsx, xlsm, xls, csv). The same bytes twice give DuplicateFile. "
                                     "An omitted or null priority takes the default_job_priority setting. `kind` (timecard or "
                                     "onboarding) overrides the kind detected from the content.")
    async def upload_file(self, info: Info, file: Upload,
                          priority: JobPriority | None = JobPriority.NORMAL,
                          kind: str | None = None) -> UploadResult:
        from services import intake

        identity = caller(info)
        settings = await off_loop(intake.current_settings)
        data = await read_capped(file, intake.size_limit_bytes(settings))
        if data is None:  # passed the limit while streaming: the same refusal as for a complete file
            return refused(intake.too_large(settings))
        name = clean_name(getattr(file, "filename", None))
        outcome = await off_loop(intake.submit_file, "upload", name, data, kind=kind,
                                 priority=priority.number if priority and priority_given(info) else None,
                                 by=identity.subject)
        if isinstance(outcome, intake.Refused):
            return refused(outcome)
        job, record = Job(model=outcome.job), FileInfo.from_model(outcome.file)
        if isinstance(outcome, intake.Duplicate):
            return DuplicateFile(job=job, file=record)
        return UploadAccepted(job=job, file=record)


__all__ = ["UploadMutations", "clean_name", "read_capped"]
