from __future__ import annotations

import strawberry

from api.types.file_info import FileInfo
from api.types.job import Job


@strawberry.type(description="These exact bytes were uploaded before: the existing job and file.")
class DuplicateFile:
    job: Job
    file: FileInfo


__all__ = ["DuplicateFile"]
