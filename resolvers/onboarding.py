"""Onboarded records over GraphQL: customers and projects (create, get, list, by email),
bulk insert of 1-1000 rows, the HR reports, and backup/restore for admins.

Thin: check the input, call processing.onboarding off the event loop, map to types.
``OnboardingQuery`` and ``OnboardingMutation`` are mixins for the root Query and Mutation.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON

from api.errors import BadRequest
from api.permissions import IsAdmin, IsUploader, IsViewer
from api.threads import off_loop
from api.types.onboarding import (
    BackupResult,
    BulkInsertResult,
    CreateCustomerInput,
    CreateCustomerResult,
    CreateProjectInput,
    CreateProjectResult,
    Customer,
    CustomerConnection,
    DepartmentHires,
    FieldError,
    InvalidRecord,
    OnboardingField,
    OnboardingModel,
    Project,
    ProjectConnection,
    QuarterlyHires,
    RecordAlreadyExists,
    RestoreResult,
)
from api.types.page_info import PageInfo
from core.cursors import SORTABLE_TIME_AND_ID, InvalidCursor, decode_cursor, encode_cursor
from resolvers.common import clamp

MAX_PAGE = 500
MIN_YEAR, MAX_YEAR = 1900, 2200


def encode_after(model: str, sort_key: str | None) -> str | None:
    return encode_cursor(f"onboarding:{model}", sort_key)


def decode_after(model: str, cursor: str | None) -> str | None:
    try:
        return decode_cursor(f"onboarding:{model}", cursor, SORTABLE_TIME_AND_ID)
    except InvalidCursor as exc:
        raise BadRequest(str(exc), code=exc.code) from None


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadRequest(f"year must be between {MIN_YEAR} and {MAX_YEAR}", code="BAD_YEAR")


def model_or_bad_request(name: str) -> str:
    from processing.onboarding.registry import UnknownModel, get_model

    try:
        return get_model(name).name
    except UnknownModel as exc:
        raise BadRequest(str(exc), code="UNKNOWN_MODEL") from None


def input_row(data: Any) -> dict[str, Any]:
    """A strawberry input -> field values, camelCase names, unset fields left out."""
    from processing.onboarding.registry import normalize_header

    row = {}
    for name, value in vars(data).items():
        if value is not None and value is not strawberry.UNSET:
            row[normalize_header(name)] = value
    return row


async def create(model: str, data: Any, to_type: Any) -> Any:
    from services.onboarding.service import create_one, is_already_exists

    result = await off_loop(create_one, model, input_row(data))
    if result.record is not None:
        return to_type(result.record)
    clash = is_already_exists(result.errors or [])
    if clash is not None:
        return RecordAlreadyExists(field=clash.field or "", existing_id=strawberry.ID(clash.existing_id or ""),
                                   message=clash.message)
    return InvalidRecord(errors=[FieldError(row=e.row, field=e.field, code=e.code, message=e.message)
                                 for e in result.errors or []])


async def page_of(model: str, first: int | None, after: str | None) -> tuple[list[Any], PageInfo]:
    from services.onboarding.service import list_page

    records, next_key = await off_loop(list_page, model, first=clamp(first, 50, MAX_PAGE), after=decode_after(model, after))
    cursor = encode_after(model, next_key)
    return records, PageInfo(end_cursor=cursor, has_next_page=cursor is not None)


async def one(model: str, record_id: str) -> Any:
    from services.onboarding.service import get_one

    return await off_loop(get_one, model, record_id)


@strawberry.type
class OnboardingQuery:
    @strawberry.field(permission_classes=[IsViewer], description="A customer by id.")
    async def customer(self, id: strawberry.ID) -> Customer | None:
        record = await one("Customer", str(id))
        return Customer.from_record(record) if record else None

    @strawberry.field(permission_classes=[IsViewer], description="Customers, oldest first.")
    async def customers(self, first: int | None = 50, after: str | None = None) -> CustomerConnection:
        records, info = await page_of("Customer", first, after)
        return CustomerConnection(nodes=[Customer.from_record(r) for r in records], page_info=info)

    @strawberry.field(permission_classes=[IsViewer], description="A customer by email, ignoring case.")
    async def customer_by_email(self, email: str) -> Customer | None:
        from services.onboarding.service import get_by_email

        record = await off_loop(get_by_email, email)
        return Customer.from_record(record) if record else None

    @strawberry.field(permission_classes=[IsViewer], description="A project by id.")
    async def project(self, id: strawberry.ID) -> Project | None:
        record = await one("Project", str(id))
        return Project.from_record(record) if record else None

    @strawberry.field(permission_classes=[IsViewer], description="Projects, oldest first.")
    async def projects(self, first: int | None = 50, after: str | None = None) -> ProjectConnection:
        records, info = await page_of("Project", first, after)
        return ProjectConnection(nodes=[Project.from_record(r) for r in records], page_info=info)

    @strawberry.field(permission_classes=[IsViewer], description="The models files and bulk inserts can load.")
    def onboarding_models(self) -> list[OnboardingModel]:
        from processing.onboarding.registry import MODELS

        return [OnboardingModel(name=m.name, description=m.description, unique=list(m.unique),
                                fields=[OnboardingField(name=f.name, type=f.type, required=f.required,
                                                        aliases=list(f.aliases)) for f in m.fields])
                for m in MODELS]

    @strawberry.field(permission_classes=[IsViewer],
                      description="Hires per quarter of `year` for each department and job title.")
    async def hires_by_quarter(self, year: int) -> list[QuarterlyHires]:
        from services.onboarding.reports import hires_by_quarter

        check_year(year)
        rows = await off_loop(hires_by_quarter, year)
        return [QuarterlyHires(department=r.department, job=r.job, q1=r.q1, q2=r.q2, q3=r.q3, q4=r.q4) for r in rows]

    @strawberry.field(permission_classes=[IsViewer],
                      description="Departments that hired more than the mean per department in `year`.")
    async def departments_hiring_above_mean(self, year: int) -> list[DepartmentHires]:
        from services.onboarding.reports import departments_above_mean

        check_year(year)
        rows = await off_loop(departments_above_mean, year)
        return [DepartmentHires(id=r.id, department=r.department, hired=r.hired) for r in rows]


@strawberry.type
class OnboardingMutation:
    @strawberry.mutation(permission_classes=[IsUploader], description="Create a customer; the email is unique.")
    async def create_customer(self, input: CreateCustomerInput) -> CreateCustomerResult:
        return await create("Customer", input, Customer.from_record)

    @strawberry.mutation(permission_classes=[IsUploader], description="Create a project.")
    async def create_project(self, input: CreateProjectInput) -> CreateProjectResult:
        return await create("Project", input, Project.from_record)

    @strawberry.mutation(permission_classes=[IsUploader],
                         description="Insert 1 to 1000 rows of a model (objects keyed by field name or alias); "
                                     "per-row results. Rows follow the onboarding_submit_policy setting.")
    async def bulk_insert(self, model: str, rows: list[JSON]) -> BulkInsertResult:
        from services.onboarding.service import BulkSizeError, bulk_insert, check_bulk_size
        from store.settings import get_operational_settings

        name = model_or_bad_request(model)
        try:
            check_bulk_size(len(rows))
        except BulkSizeError as exc:
            raise BadRequest(str(exc), code="BULK_SIZE") from None
        if not all(isinstance(row, dict) for row in rows):
            raise BadRequest("every row must be an object of field name to value", code="BAD_ROW")
        settings = await off_loop(get_operational_settings)
        try:
            summary = await off_loop(bulk_insert, name, rows, policy=settings.onboarding_submit_policy)
        except BulkSizeError as exc:
            raise BadRequest(str(exc), code="BULK_SIZE") from None
        return BulkInsertResult.from_summary(summary.to_dict())

    @strawberry.mutation(permission_classes=[IsAdmin], description="Back up a model to an AVRO file; returns its key.")
    async def backup_model(self, model: str) -> BackupResult:
        from services.onboarding.backup import backup_model

        name = model_or_bad_request(model)
        key, count = await off_loop(backup_model, name)
        return BackupResult(model=name, key=key, records=count)

    @strawberry.mutation(permission_classes=[IsAdmin], description="Restore a model from a backup key (idempotent).")
    async def restore_model(self, model: str, key: str) -> RestoreResult:
        from services.onboarding.backup import BackupMismatch, restore_model
        from store.blobs import BlobNotFound

        name = model_or_bad_request(model)
        if not key.startswith("backups/") or ".." in key:
            raise BadRequest("key must be one `backupModel` returned (backups/...)", code="BAD_BACKUP_KEY")
        try:
            report = await off_loop(restore_model, name, key)
        except BlobNotFound:
            raise BadRequest(f"no backup at {key}", code="BACKUP_NOT_FOUND") from None
        except BackupMismatch as exc:
            raise BadRequest(str(exc), code="BACKUP_MISMATCH") from None
        return RestoreResult(model=report.model, key=report.key, records=report.records, restored=report.restored,
                             already_present=report.already_present, conflicts=report.conflicts)


__all__ = ["OnboardingMutation", "OnboardingQuery"]
