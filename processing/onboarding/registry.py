"""The onboarding model registry: one declaration per model.

A declaration lists the fields (type, required, aliases, length and range limits), which
fields are unique across the store, the column order of a headerless file, and cross-field
checks. Detection, validation, the store, AVRO backups and the API all read it; adding a
model is adding one ``ModelSpec`` to ``MODELS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Field types understood by validation.py (and mapped to AVRO types by the store).
TEXT = "text"
EMAIL = "email"
DATE = "date"
DATETIME = "datetime"
INTEGER = "integer"
MONEY = "money"
PHONE = "phone"
CHOICE = "choice"
FIELD_TYPES = (TEXT, EMAIL, DATE, DATETIME, INTEGER, MONEY, PHONE, CHOICE)


@dataclass(frozen=True)
class FieldSpec:
    name: str  # canonical, camelCase as in the API
    type: str = TEXT
    required: bool = False
    aliases: tuple[str, ...] = ()
    max_length: int | None = None
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None
    choices: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class OrderCheck:
    """``earlier`` must not come after ``later`` when both are given (e.g. start <= end)."""

    earlier: str
    later: str


@dataclass(frozen=True)
class ModelSpec:
    name: str  # PascalCase, what --model and the API take
    fields: tuple[FieldSpec, ...]
    unique: tuple[str, ...] = ()  # fields unique across every file ever loaded
    id_field: str | None = None  # the record id comes from this field (HR tables); else a UUID
    headerless_columns: tuple[str, ...] = ()  # column order of a file shipped without headers
    file_hints: tuple[str, ...] = ()  # words in a file name that point at this model
    order_checks: tuple[OrderCheck, ...] = ()
    yearly_index_field: str | None = None  # a datetime field whose year partitions the hires index
    description: str = ""

    @property
    def key(self) -> str:
        """Lower-case name used in store keys: ``customer``, ``jobtitle``."""
        return self.name.lower()

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.fields if spec.required)


def normalize_header(text: str) -> str:
    """``Customer E-mail`` -> ``customeremail``: case, spaces and punctuation never matter."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


ID_LIMIT = 10**12  # ids are positive integers below this (they become keys and AVRO longs)
MONEY_LIMIT = Decimal("1000000000000")  # a budget above a trillion is a typo

CUSTOMER = ModelSpec(
    name="Customer",
    description="A customer account (Foreman).",
    fields=(
        FieldSpec("name", TEXT, required=True, max_length=200,
                  aliases=("full_name", "customer_name", "client_name", "contact_name", "customer")),
        FieldSpec("email", EMAIL, required=True, max_length=254,
                  aliases=("customerEmail", "email_address", "e_mail", "mail", "contact_email")),
        FieldSpec("signupDate", DATE,
                  aliases=("joined_on", "hire_date", "start_date", "signup", "signed_up", "registration_date",
                           "created")),
        FieldSpec("companyName", TEXT, max_length=200, aliases=("company", "organization", "organisation",
                                                                  "business_name", "employer")),
        FieldSpec("phone", PHONE, aliases=("phone_number", "telephone", "tel", "mobile", "cell")),
    ),
    unique=("email",),
    file_hints=("customer", "client"),
)

PROJECT = ModelSpec(
    name="Project",
    description="A project for a customer (Foreman).",
    fields=(
        FieldSpec("name", TEXT, required=True, max_length=200, aliases=("project_name", "project", "title")),
        FieldSpec("description", TEXT, max_length=2000, aliases=("details", "summary", "project_description")),
        FieldSpec("startDate", DATE, aliases=("start", "begins", "kickoff", "project_start")),
        FieldSpec("endDate", DATE, aliases=("end", "due_date", "deadline", "ends", "project_end")),
        FieldSpec("status", CHOICE, choices=("planned", "active", "on_hold", "completed", "cancelled"),
                  aliases=("project_status", "state")),
        FieldSpec("budget", MONEY, minimum=Decimal(0), maximum=MONEY_LIMIT,
                  aliases=("budget_usd", "amount", "cost", "project_budget")),
        FieldSpec("customerId", TEXT, max_length=64, aliases=("customer_id", "client_id", "account_id")),
    ),
    order_checks=(OrderCheck("startDate", "endDate"),),
    file_hints=("project",),
)

DEPARTMENT = ModelSpec(
    name="Department",
    description="An HR department (HR data API).",
    fields=(
        FieldSpec("id", INTEGER, required=True, minimum=1, maximum=ID_LIMIT, aliases=("department_id", "dept_id")),
        FieldSpec("department", TEXT, required=True, max_length=100, aliases=("department_name", "dept", "name")),
    ),
    unique=("id",),
    id_field="id",
    headerless_columns=("id", "department"),
    file_hints=("department", "dept"),
)

JOB_TITLE = ModelSpec(
    name="JobTitle",
    description="An HR job title (HR data API).",
    fields=(
        FieldSpec("id", INTEGER, required=True, minimum=1, maximum=ID_LIMIT, aliases=("job_id", "title_id")),
        FieldSpec("job", TEXT, required=True, max_length=100, aliases=("job_title", "title", "position")),
    ),
    unique=("id",),
    id_field="id",
    headerless_columns=("id", "job"),
    file_hints=("job", "title", "position"),
)

HIRED_EMPLOYEE = ModelSpec(
    name="HiredEmployee",
    description="A hire: who, when, into which department and job (HR data API).",
    fields=(
        FieldSpec("id", INTEGER, required=True, minimum=1, maximum=ID_LIMIT, aliases=("employee_id", "emp_id")),
        FieldSpec("name", TEXT, max_length=200, aliases=("employee_name", "full_name", "employee")),
        FieldSpec("datetime", DATETIME, aliases=("hired_at", "hire_datetime", "hired_on", "hire_time")),
        FieldSpec("departmentId", INTEGER, minimum=1, maximum=ID_LIMIT, aliases=("department_id", "dept_id")),
        FieldSpec("jobId", INTEGER, minimum=1, maximum=ID_LIMIT, aliases=("job_id", "title_id")),
    ),
    unique=("id",),
    id_field="id",
    headerless_columns=("id", "name", "datetime", "departmentId", "jobId"),
    yearly_index_field="datetime",
    file_hints=("hired", "employee", "hire"),
)

MODELS: tuple[ModelSpec, ...] = (CUSTOMER, PROJECT, DEPARTMENT, JOB_TITLE, HIRED_EMPLOYEE)
_BY_NAME = {normalize_header(spec.name): spec for spec in MODELS}


class UnknownModel(ValueError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(f"unknown model {name!r}; known models: {', '.join(model_names())}")


def model_names() -> list[str]:
    return [spec.name for spec in MODELS]


def get_model(name: str) -> ModelSpec:
    """By name, forgiving case and separators: ``job_title`` and ``JobTitle`` are one model."""
    spec = _BY_NAME.get(normalize_header(name))
    if spec is None:
        raise UnknownModel(name)
    return spec


def header_lookup(spec: ModelSpec) -> dict[str, str]:
    """Normalized header text -> canonical field name, for the field names and their aliases."""
    lookup: dict[str, str] = {}
    for field_spec in spec.fields:
        for text in (field_spec.name, *field_spec.aliases):
            lookup.setdefault(normalize_header(text), field_spec.name)
    return lookup


__all__ = [
    "CHOICE", "CUSTOMER", "DATE", "DATETIME", "DEPARTMENT", "EMAIL", "FIELD_TYPES", "FieldSpec", "HIRED_EMPLOYEE",
    "INTEGER", "JOB_TITLE", "MODELS", "MONEY", "ModelSpec", "OrderCheck", "PHONE", "PROJECT", "TEXT",
    "UnknownModel", "get_model", "header_lookup", "model_names", "normalize_header",
]
