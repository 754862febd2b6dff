"""confirmMapping over HTTP: reviewers only, validated, and stored for the sheet's layout."""

from __future__ import annotations

from store.mappings import get_mappings

UNKNOWN_HOURS_HEADER = b"Name,Date,Arbeitszeit,Rate\nAna Ruiz,2026-03-02,8,20\n"
MUTATION = """mutation($job: ID!, $sheet: String!, $columns: [ColumnRoleInput!]!) {
  confirmMapping(jobId: $job, sheet: $sheet, columns: $columns) { fingerprint mapping }
}"""


def uploaded_job(as_role) -> str:
    body = as_role("uploader").upload(UNKNOWN_HOURS_HEADER, name="week.csv")["body"]
    return body["data"]["uploadFile"]["job"]["id"]


def test_reviewer_stores_a_mapping_for_the_layout(as_role):
    job_id = uploaded_job(as_role)
    answer = as_role("reviewer").gql(MUTATION, {"job": job_id, "sheet": "week",
                                                "columns": [{"column": "c", "role": "hours"}]})
    stored = answer["data"]["confirmMapping"]
    assert stored["mapping"] == {"C": "hours"}
    assert get_mappings([stored["fingerprint"]])[stored["fingerprint"]] == {"C": "hours"}


def test_uploader_cannot_confirm_mappings(as_role):
    job_id = uploaded_job(as_role)
    answer = as_role("uploader").gql(MUTATION, {"job": job_id, "sheet": "week",
                                                "columns": [{"column": "C", "role": "hours"}]})
    assert answer["data"] is None
    assert answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_unknown_role_is_refused_with_its_code(as_role):
    job_id = uploaded_job(as_role)
    answer = as_role("reviewer").gql(MUTATION, {"job": job_id, "sheet": "week",
                                                "columns": [{"column": "C", "role": "hourz"}]})
    assert answer["errors"][0]["extensions"]["code"] == "UNKNOWN_ROLE"
    assert "known roles" in answer["errors"][0]["message"]


def test_upload_kind_can_be_given_and_is_validated(as_role, client, api_keys):
    import json

    def upload(kind: str) -> dict:
        query = """mutation($file: Upload!, $kind: String) { uploadFile(file: $file, kind: $kind) {
          __typename ... on UploadAccepted { job { kind } } ... on InvalidUpload { code message } } }"""
        response = client.post(
            "/graphql",
            data={"operations": json.dumps({"query": query, "variables": {"file": None, "kind": kind}}),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": ("people.csv", f"name,email\nAna Ruiz,ana+{kind}@example.com\n".encode(), "text/csv")},
            headers={"x-api-key": api_keys["uploader"]},
        )
        return response.json()["data"]["uploadFile"]

    assert upload("timecard")["job"]["kind"] == "timecard"
    refused = upload("payroll")
    assert refused["__typename"] == "InvalidUpload" and refused["code"] == "INVALID_KIND"
