"""The unions mutations answer with: the success type, or what the client must act on."""

from __future__ import annotations

from typing import Annotated

import strawberry

from api.types.deleted_job import DeletedJob
from api.types.duplicate_file import DuplicateFile
from api.types.invalid_job_transition import InvalidJobTransition
from api.types.invalid_settings import InvalidSettings
from api.types.invalid_upload import InvalidUpload
from api.types.job import Job
from api.types.job_not_found import JobNotFound
from api.types.settings import Settings
from api.types.upload_accepted import UploadAccepted

UploadResult = Annotated[UploadAccepted | DuplicateFile | InvalidUpload, strawberry.union("UploadResult")]
JobActionResult = Annotated[Job | JobNotFound | InvalidJobTransition, strawberry.union("JobActionResult")]
DeleteJobResult = Annotated[DeletedJob | JobNotFound | InvalidJobTransition, strawberry.union("DeleteJobResult")]
ReviewResult = Annotated[Job | JobNotFound | InvalidJobTransition, strawberry.union("ReviewResult")]
UpdateSettingsResult = Annotated[Settings | InvalidSettings, strawberry.union("UpdateSettingsResult")]

__all__ = ["DeleteJobResult", "JobActionResult", "ReviewResult", "UpdateSettingsResult", "UploadResult"]
