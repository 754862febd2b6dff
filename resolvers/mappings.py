"""confirmMapping: a reviewer says which role a sheet's columns play; stored under the sheet's
layout fingerprint and used for the next file of that layout (retry the job to re-read it)."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from api.errors import BadRequest, NotFound
from api.permissions import IsReviewer
from api.threads import off_loop
from resolvers.common import actor


@strawberry.input(description="One column: its letter (A, B, ..., AA) and its role, or null for none.")
class ColumnRoleInput:
    column: str
    role: str | None = None


@strawberry.type(description="The mapping stored for a layout.")
class LayoutMappingResult:
    fingerprint: str
    mapping: JSON


@strawberry.type
class MappingMutations:
    @strawberry.mutation(permission_classes=[IsReviewer],
                         description="Confirm or correct column roles of a job's sheet; reused for its layout.")
    async def confirm_mapping(self, info: Info, job_id: strawberry.ID, sheet: str,
                              columns: list[ColumnRoleInput]) -> LayoutMappingResult:
        from services.mapping_review import MappingError, confirm_mapping
        from store.errors import JobNotFound

        pairs = {item.column: item.role for item in columns}
        try:
            stored = await off_loop(confirm_mapping, str(job_id), sheet, pairs, confirmed_by=await actor(info))
        except JobNotFound as exc:
            raise NotFound(str(exc), code=exc.code) from None
        except MappingError as exc:
            raise BadRequest(exc.message, code=exc.code) from None
        return LayoutMappingResult(fingerprint=stored["fingerprint"], mapping=stored["mapping"])


__all__ = ["ColumnRoleInput", "LayoutMappingResult", "MappingMutations"]
