"""A live server (uvicorn) on DynamoDB Local, a real worker pool, and the real gql client:
upload -> progress events in order -> REVIEW -> approve -> COMPLETED; the same file again
-> DuplicateFile; refusals do not stop the server."""

from __future__ import annotations

import asyncio

import pytest
from gql import Client, FileVar, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.httpx import HTTPXAsyncTransport
from gql.transport.websockets import WebsocketsTransport

from tests.api.helpers import ServerThread

# 48 hours in one workweek: an OVERTIME warning, so the decision is review.
OVERTIME_CSV = (
    "Employee,Date,Hours,Rate\n"
    + "".join(f"Jane Smith,2026-03-0{d},12,25\n" for d in range(2, 6))
).encode()

UPLOAD = gql("""mutation($file: Upload!) {
  uploadFile(file: $file, priority: HIGH) {
    __typename
    ... on UploadAccepted { job { id status lastSeq } }
    ... on DuplicateFile { job { id status } }
    ... on InvalidUpload { code message }
  }
}""")
PROGRESS = gql("""subscription($id: ID!, $after: Int) {
  jobProgress(jobId: $id, afterSeq: $after) { seq type status progress stage }
}""")
APPROVE = gql("""mutation($id: ID!) {
  approveReview(jobId: $id, comment: "hours confirmed with the site") {
    __typename ... on Job { status reviews { decision reviewer comment } issues { code } timecards { employee totalHours } }
  }
}""")


@pytest.fixture
def live(local_store, tmp_path):
    from api.app import create_app
    from services.worker import WorkerPool
    from store.apikeys import create_api_key

    keys = {role: create_api_key(role)[0] for role in ("viewer", "uploader", "reviewer")}
    pool = WorkerPool(poll_interval=0.2).start()
    try:
        with ServerThread(create_app(start_background=True)) as server:
            yield server, keys
    finally:
        pool.stop(timeout=10)


def http_client(url: str, key: str) -> Client:
    return Client(transport=HTTPXAsyncTransport(url=url, headers={"x-api-key": key}, timeout=30))


def ws_client(url: str, key: str) -> Client:
    transport = WebsocketsTransport(url=url.replace("http", "ws"), init_payload={"x-api-key": key},
                                    subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL])
    return Client(transport=transport)


async def upload(url: str, key: str, path) -> dict:
    async with http_client(url, key) as session:
        with open(path, "rb") as handle:
            UPLOAD.variable_values = {"file": FileVar(handle, filename=path.name, content_type="text/csv")}
            return (await session.execute(UPLOAD, upload_files=True))["uploadFile"]


async def follow(url: str, key: str, job_id: str, after: int | None = None) -> list[dict]:
    PROGRESS.variable_values = {"id": job_id, "after": after}
    async with ws_client(url, key) as session:
        return [item["jobProgress"] async for item in session.subscribe(PROGRESS)]


def test_upload_follow_review_approve_and_duplicate(live, tmp_path):
    server, keys = live
    path = tmp_path / "week12.csv"
    path.write_bytes(OVERTIME_CSV)

    async def scenario():
        accepted = await upload(server.url, keys["uploader"], path)
        assert accepted["__typename"] == "UploadAccepted", accepted
        job_id = accepted["job"]["id"]
        events = await asyncio.wait_for(follow(server.url, keys["viewer"], job_id), 60)
        seqs = [e["seq"] for e in events]
        assert seqs == list(range(1, len(seqs) + 1)), "every event, in order, no duplicates"
        assert events[0]["type"] == "created" and events[-1]["status"] == "REVIEW"
        assert [e["progress"] for e in events] == sorted(e["progress"] for e in events)
        assert any(e["status"] == "PROCESSING" for e in events)

        async with http_client(server.url, keys["reviewer"]) as session:
            APPROVE.variable_values = {"id": job_id}
            approved = (await session.execute(APPROVE))["approveReview"]
        assert approved["status"] == "COMPLETED"
        assert approved["reviews"][0]["decision"] == "approved"
        assert approved["reviews"][0]["reviewer"].startswith("key:")
        assert "OVERTIME" in {i["code"] for i in approved["issues"]}
        assert approved["timecards"] == [{"employee": "Jane Smith", "totalHours": 48.0}]

        after_review = await asyncio.wait_for(follow(server.url, keys["viewer"], job_id, seqs[-1]), 30)
        assert [(e["seq"], e["status"]) for e in after_review] == [(seqs[-1] + 1, "COMPLETED")]

        again = await upload(server.url, keys["uploader"], path)
        assert again == {"__typename": "DuplicateFile", "job": {"id": job_id, "status": "COMPLETED"}}

    asyncio.run(scenario())


def test_refusals_leave_the_server_serving(live, tmp_path):
    server, keys = live
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\x00binary")

    async def scenario():
        with pytest.raises(TransportQueryError) as refused:
            async with Client(transport=HTTPXAsyncTransport(url=server.url)) as session:
                await session.execute(gql("{ health { ok } }"))
        assert refused.value.errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
        with pytest.raises(TransportQueryError) as forbidden:
            async with http_client(server.url, keys["viewer"]) as session:
                await session.execute(gql('mutation { approveReview(jobId: "x") { __typename } }'))
        assert forbidden.value.errors[0]["extensions"]["code"] == "FORBIDDEN"
        wrong = await upload(server.url, keys["uploader"], path)
        assert wrong["code"] == "UNSUPPORTED_FORMAT"
        async with http_client(server.url, keys["viewer"]) as session:
            assert (await session.execute(gql("{ health { ok } }")))["health"]["ok"] is True

    asyncio.run(scenario())


def run_sample(name: str, *args: str) -> tuple[int, str]:
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, str(root / "samples" / "clients" / name), *args], capture_output=True,
                          text=True, timeout=120, cwd=root)
    return done.returncode, done.stdout + done.stderr


def test_sample_clients_upload_follow_review_and_settings(live, tmp_path):
    server, keys = live
    from store.apikeys import create_api_key

    admin = create_api_key("admin")[0]
    path = tmp_path / "crew.csv"
    path.write_bytes(OVERTIME_CSV.replace(b"Jane Smith", b"Ann Lee"))
    code, out = run_sample("upload_and_follow.py", str(path), "--url", server.url, "--api-key", keys["uploader"])
    assert code == 0, out
    assert "UploadAccepted" in out and "REVIEW" in out and "OVERTIME" in out
    job_id = out.split("job ", 1)[1].split()[0]

    code, out = run_sample("review.py", "list", "--url", server.url, "--api-key", keys["reviewer"])
    assert code == 0 and job_id in out, out
    code, out = run_sample("review.py", "reject", job_id, "--comment", "wrong crew", "--url", server.url,
                           "--api-key", keys["reviewer"])
    assert code == 0 and '"status": "FAILED"' in out, out

    code, out = run_sample("settings.py", "set", "overtimeThresholdHours=38", "--url", server.url, "--api-key", admin)
    assert code == 0 and '"overtimeThresholdHours": "38"' in out, out
    code, out = run_sample("settings.py", "set", "maxConcurrentJobs=99", "--url", server.url, "--api-key", admin)
    assert code == 1 and "max_concurrent_jobs" in out, out
    code, out = run_sample("settings.py", "show", "--url", server.url, "--api-key", keys["viewer"])
    assert code == 0 and '"overtimeThresholdHours": "38"' in out, out

