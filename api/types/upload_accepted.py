from __future__ import annotations

import strawberry

from api.types.file_info import FileInfo
from api.types.job import Job


@strawberry.type(description="A new file: its job is queued.")
class UploadAccepted:
    job: Job
    file: FileInfo


__all__ = ["UploadAccepted"]
