"""The onboarding mixins in a schema of their own, with a fake context (moto store)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
import strawberry

from api.auth import Identity
from resolvers.onboarding import OnboardingMutation, OnboardingQuery


@strawberry.type
class Query(OnboardingQuery):
    pass


@strawberry.type
class Mutation(OnboardingMutation):
    pass


SCHEMA = strawberry.Schema(query=Query, mutation=Mutation)

CREATE = """mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {
  __typename
  ... on Customer { id name email signupDate phone }
  ... on InvalidRecord { errors { field code message } }
  ... on RecordAlreadyExists { field existingId message }
}}"""


class Api:
    def __init__(self, role: str):
        self.context = SimpleNamespace(identity=Identity(subject=f"key:{role}", role=role, method="api_key"))

    def run(self, query: str, **variables: Any):
        return asyncio.run(SCHEMA.execute(query, variable_values=variables, context_value=self.context))

    def data(self, query: str, **variables: Any) -> dict[str, Any]:
        result = self.run(query, **variables)
        assert result.errors is None, result.errors
        return result.data

    def error_code(self, query: str, **variables: Any) -> str:
        result = self.run(query, **variables)
        assert result.errors, result.data
        return getattr(result.errors[0].original_error, "code", "?")


@pytest.fixture
def uploader(moto_store) -> Api:
    return Api("uploader")


def test_create_customer_then_read_it_by_id_and_by_email_in_any_case(uploader):
    made = uploader.data(CREATE, input={"name": "Ann Example", "email": "Ann@Example.com",
                                        "signupDate": "01/15/2024", "phone": "(555) 201-3344"})["createCustomer"]
    assert made["__typename"] == "Customer" and made["signupDate"] == "2024-01-15" and made["phone"] == "5552013344"
    got = uploader.data("query($id: ID!) { customer(id: $id) { email } }", id=made["id"])
    assert got["customer"]["email"] == "Ann@Example.com"
    by_email = uploader.data('{ customerByEmail(email: "ann@EXAMPLE.com") { id } }')
    assert by_email["customerByEmail"]["id"] == made["id"]
    assert uploader.data('{ customerByEmail(email: "nobody@example.com") { id } }')["customerByEmail"] is None


def test_create_customer_reports_every_problem_and_duplicates_name_the_owner(uploader):
    bad = uploader.data(CREATE, input={"name": "", "email": "nope", "phone": "12"})["createCustomer"]
    assert bad["__typename"] == "InvalidRecord"
    assert {(e["field"], e["code"]) for e in bad["errors"]} == {
        ("name", "REQUIRED"), ("email", "INVALID_EMAIL"), ("phone", "INVALID_PHONE")}
    first = uploader.data(CREATE, input={"name": "A", "email": "a@example.com"})["createCustomer"]
    clash = uploader.data(CREATE, input={"name": "B", "email": "A@EXAMPLE.COM"})["createCustomer"]
    assert clash == {"__typename": "RecordAlreadyExists", "field": "email", "existingId": first["id"],
                     "message": clash["message"]}


def test_customers_page_with_opaque_cursors(uploader):
    for i in range(5):
        uploader.data(CREATE, input={"name": f"P{i}", "email": f"p{i}@example.com"})
    query = "query($after: String) { customers(first: 2, after: $after) { nodes { name } pageInfo { endCursor hasNextPage } } }"
    names, after = [], None
    while True:
        page = uploader.data(query, after=after)["customers"]
        names += [n["name"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert names == ["P0", "P1", "P2", "P3", "P4"]
    assert uploader.error_code('{ customers(after: "%%%") { nodes { name } } }') == "BAD_CURSOR"


def test_projects_create_get_and_list(uploader):
    made = uploader.data("""mutation { createProject(input: {name: "Retrofit", startDate: "2024-02-01",
        endDate: "2024-06-30", budget: "$125,000", status: "active"}) { ... on Project { id budget endDate } } }""")
    project = made["createProject"]
    assert project["budget"] == "125000.00" and project["endDate"] == "2024-06-30"
    assert uploader.data("query($id: ID!) { project(id: $id) { name } }", id=project["id"])["project"]["name"] == "Retrofit"
    assert len(uploader.data("{ projects { nodes { id } } }")["projects"]["nodes"]) == 1
    bad = uploader.data("""mutation { createProject(input: {name: "X", startDate: "2024-03-15", endDate: "2024-03-01"})
        { ... on InvalidRecord { errors { code } } } }""")
    assert bad["createProject"]["errors"] == [{"code": "OUT_OF_RANGE"}]


BULK = """mutation($model: String!, $rows: [JSON!]!) { bulkInsert(model: $model, rows: $rows) {
  model rows valid invalid created errors { row field code } results { row status id } } }"""


def test_bulk_insert_gives_per_row_results_and_enforces_id_uniqueness(uploader):
    rows = [{"id": 1, "department": "Sales"}, {"id": "2", "department": "Legal"}, {"id": "x", "department": "Ops"},
            {"id": 1, "department": "Again"}]
    result = uploader.data(BULK, model="Department", rows=rows)["bulkInsert"]
    assert (result["rows"], result["valid"], result["invalid"], result["created"]) == (4, 2, 2, 2)
    assert result["errors"] == [{"row": 3, "field": "id", "code": "INVALID_NUMBER"},
                                {"row": 4, "field": "id", "code": "DUPLICATE_IN_FILE"}]
    assert [r["status"] for r in result["results"]] == ["created", "created", "invalid", "invalid"]
    again = uploader.data(BULK, model="department", rows=[{"department_id": 2, "department_name": "Legal"}])
    assert again["bulkInsert"]["errors"] == [{"row": 1, "field": "id", "code": "ALREADY_EXISTS"}]


def test_bulk_insert_takes_1_to_1000_rows(uploader):
    assert uploader.error_code(BULK, model="Department", rows=[]) == "BULK_SIZE"
    rows = [{"id": i, "department": "D"} for i in range(1, 1002)]
    assert uploader.error_code(BULK, model="Department", rows=rows) == "BULK_SIZE"
    assert uploader.error_code(BULK, model="Invoice", rows=[{"id": 1}]) == "UNKNOWN_MODEL"


def test_roles_guard_writes_and_admin_operations(moto_store):
    viewer, uploader, admin = Api("viewer"), Api("uploader"), Api("admin")
    assert viewer.error_code(CREATE, input={"name": "A", "email": "a@example.com"}) == "FORBIDDEN"
    assert viewer.data("{ customers { nodes { id } } }")["customers"]["nodes"] == []
    assert uploader.error_code('mutation { backupModel(model: "Customer") { key } }') == "FORBIDDEN"
    uploader.data(CREATE, input={"name": "A", "email": "a@example.com"})
    backup = admin.data('mutation { backupModel(model: "Customer") { key records } }')["backupModel"]
    assert backup["records"] == 1
    restored = admin.data("mutation($key: String!) { restoreModel(model: \"Customer\", key: $key) "
                          "{ records restored alreadyPresent conflicts } }", key=backup["key"])["restoreModel"]
    assert restored == {"records": 1, "restored": 0, "alreadyPresent": 1, "conflicts": 0}
    assert admin.error_code('mutation { restoreModel(model: "Customer", key: "../etc/passwd") { key } }') == \
        "BAD_BACKUP_KEY"


def test_hr_reports_through_graphql(uploader):
    uploader.data(BULK, model="Department", rows=[{"id": 1, "department": "Sales"}, {"id": 2, "department": "Legal"}])
    uploader.data(BULK, model="JobTitle", rows=[{"id": 1, "job": "Analyst"}])
    uploader.data(BULK, model="HiredEmployee", rows=[
        {"id": 1, "datetime": "2021-01-05T00:00:00Z", "departmentId": 1, "jobId": 1},
        {"id": 2, "datetime": "2021-07-05T00:00:00Z", "departmentId": 1, "jobId": 1},
        {"id": 3, "datetime": "2021-07-06T00:00:00Z", "departmentId": 1, "jobId": 1},
        {"id": 4, "datetime": "2021-10-05T00:00:00Z", "departmentId": 2, "jobId": 1}])
    report = uploader.data("{ hiresByQuarter(year: 2021) { department job q1 q2 q3 q4 } }")["hiresByQuarter"]
    assert report == [{"department": "Legal", "job": "Analyst", "q1": 0, "q2": 0, "q3": 0, "q4": 1},
                      {"department": "Sales", "job": "Analyst", "q1": 1, "q2": 0, "q3": 2, "q4": 0}]
    above = uploader.data("{ departmentsHiringAboveMean(year: 2021) { id department hired } }")
    assert above["departmentsHiringAboveMean"] == [{"id": 1, "department": "Sales", "hired": 3}]
    assert uploader.error_code("{ hiresByQuarter(year: 99999) { job } }") == "BAD_YEAR"
