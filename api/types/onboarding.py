"""GraphQL types of onboarded records: customers, projects, bulk results, HR reports,
backups. Field values come from ``services.onboarding.service.StoredRecord``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

import strawberry

from api.types.page_info import PageInfo


@strawberry.type(description="A customer account.")
class Customer:
    id: strawberry.ID
    name: str
    email: str
    signup_date: dt.date | None
    company_name: str | None
    phone: str | None
    created_at: dt.datetime

    @classmethod
    def from_record(cls, record: Any) -> Customer:
        v = record.values
        return cls(id=strawberry.ID(record.id), name=v["name"], email=v["email"], signup_date=v.get("signupDate"),
                   company_name=v.get("companyName"), phone=v.get("phone"), created_at=record.created_at)


@strawberry.type(description="A project, optionally for a customer.")
class Project:
    id: strawberry.ID
    name: str
    description: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    status: str | None
    budget: Decimal | None
    customer_id: str | None
    created_at: dt.datetime

    @classmethod
    def from_record(cls, record: Any) -> Project:
        v = record.values
        return cls(id=strawberry.ID(record.id), name=v["name"], description=v.get("description"),
                   start_date=v.get("startDate"), end_date=v.get("endDate"), status=v.get("status"),
                   budget=v.get("budget"), customer_id=v.get("customerId"), created_at=record.created_at)


@strawberry.type
class CustomerConnection:
    nodes: list[Customer]
    page_info: PageInfo


@strawberry.type
class ProjectConnection:
    nodes: list[Project]
    page_info: PageInfo


@strawberry.input(description="Dates accept ISO (2024-01-15) and the common forms (01/15/2024, Jan 15, 2024).")
class CreateCustomerInput:
    name: str
    email: str
    signup_date: str | None = None
    company_name: str | None = None
    phone: str | None = None


@strawberry.input
class CreateProjectInput:
    name: str
    description: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    status: str | None = None
    budget: str | None = strawberry.field(default=None, description="An amount: 12500, 12500.00, $12,500")
    customer_id: str | None = None


@strawberry.type(description="One problem with one field of one row.")
class FieldError:
    row: int
    field: str | None
    code: str
    message: str


@strawberry.type(description="The record was not created: every problem found, not only the first.")
class InvalidRecord:
    errors: list[FieldError]


@strawberry.type(description="A unique value (a customer's email, an id) already belongs to another record.")
class RecordAlreadyExists:
    field: str
    existing_id: strawberry.ID
    message: str


CreateCustomerResult = Annotated[Customer | InvalidRecord | RecordAlreadyExists,
                                 strawberry.union("CreateCustomerResult")]
CreateProjectResult = Annotated[Project | InvalidRecord | RecordAlreadyExists,
                                strawberry.union("CreateProjectResult")]


@strawberry.type(description="What happened to one input row: created (with its id), invalid, or held back.")
class RowResult:
    row: int
    status: str
    id: strawberry.ID | None


@strawberry.type(description="Per-row results of a bulk insert; rows are numbered from 1 in input order.")
class BulkInsertResult:
    model: str
    rows: int
    valid: int
    invalid: int
    created: int
    errors: list[FieldError]
    results: list[RowResult]

    @classmethod
    def from_summary(cls, summary: dict[str, Any]) -> BulkInsertResult:
        return cls(model=summary["model"], rows=summary["rows"], valid=summary["valid"], invalid=summary["invalid"],
                   created=summary["created"], errors=[FieldError(**e) for e in summary["errors"]],
                   results=[RowResult(row=r["row"], status=r["status"],
                                      id=strawberry.ID(r["id"]) if r["id"] else None) for r in summary["results"]])


@strawberry.type(description="Hires of one department and job title in each quarter of a year.")
class QuarterlyHires:
    department: str
    job: str
    q1: int
    q2: int
    q3: int
    q4: int


@strawberry.type(description="A department that hired more than the year's mean per department.")
class DepartmentHires:
    id: int
    department: str
    hired: int


@strawberry.type
class OnboardingField:
    name: str
    type: str
    required: bool
    aliases: list[str]


@strawberry.type(description="A model files and bulk inserts can load.")
class OnboardingModel:
    name: str
    description: str
    unique: list[str]
    fields: list[OnboardingField]


@strawberry.type
class BackupResult:
    model: str
    key: str
    records: int


@strawberry.type
class RestoreResult:
    model: str
    key: str
    records: int
    restored: int
    already_present: int
    conflicts: int


__all__ = ["BackupResult", "BulkInsertResult", "CreateCustomerInput", "CreateCustomerResult", "CreateProjectInput",
           "CreateProjectResult", "Customer", "CustomerConnection", "DepartmentHires", "FieldError", "InvalidRecord",
           "OnboardingField", "OnboardingModel", "Project", "ProjectConnection", "QuarterlyHires",
           "RecordAlreadyExists", "RestoreResult", "RowResult"]
