"""Upload a spreadsheet and follow its job live until it stops for review or finishes.

    python samples/clients/upload_and_follow.py week12.xlsx --url http://127.0.0.1:8000/graphql --api-key pl_...

Uses gql: a GraphQL multipart upload over HTTP, then the jobProgress subscription over
graphql-transport-ws with the key in connection_init. Prints one line per event.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from gql import Client, FileVar, gql
from gql.transport.httpx import HTTPXAsyncTransport
from gql.transport.websockets import WebsocketsTransport

UPLOAD = """mutation($file: Upload!, $priority: JobPriority) {
  uploadFile(file: $file, priority: $priority) {
    __typename
    ... on UploadAccepted { job { id status } file { name kind format } }
    ... on DuplicateFile { job { id status } file { name } }
    ... on InvalidUpload { code message }
  }
}"""
PROGRESS = """subscription($id: ID!, $after: Int) {
  jobProgress(jobId: $id, afterSeq: $after) { seq status progress stage message at }
}"""
SUMMARY = """query($id: ID!) {
  job(id: $id) { status decision issues { code severity employee message } timecards { employee totalHours totalPay } }
}"""


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--url", default=os.environ.get("PUNCHLINE_URL", "http://127.0.0.1:8000/graphql"))
    parser.add_argument("--api-key", default=os.environ.get("PUNCHLINE_API_KEY"), required=not os.environ.get("PUNCHLINE_API_KEY"))
    parser.add_argument("--priority", choices=["LOW", "NORMAL", "HIGH", "URGENT"], default="NORMAL")
    return parser.parse_args()


def http_client(url: str, key: str) -> Client:
    return Client(transport=HTTPXAsyncTransport(url=url, headers={"x-api-key": key}, timeout=60))


def ws_client(url: str, key: str) -> Client:
    ws_url = url.replace("https://", "wss://").replace("http://", "ws://")
    transport = WebsocketsTransport(url=ws_url, init_payload={"x-api-key": key},
                                    subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL])
    return Client(transport=transport)


async def main(args: argparse.Namespace) -> int:
    async with http_client(args.url, args.api_key) as session:
        with args.file.open("rb") as handle:
            request = gql(UPLOAD)
            request.variable_values = {"file": FileVar(handle, filename=args.file.name), "priority": args.priority}
            result = (await session.execute(request, upload_files=True))["uploadFile"]
    if result["__typename"] == "InvalidUpload":
        print(f"refused: {result['code']}: {result['message']}", file=sys.stderr)
        return 2
    job_id = result["job"]["id"]
    print(f"{result['__typename']}: job {job_id} ({result['job']['status']})")

    async with ws_client(args.url, args.api_key) as session:
        request = gql(PROGRESS)
        request.variable_values = {"id": job_id}
        async for item in session.subscribe(request):
            event = item["jobProgress"]
            print(f"  #{event['seq']:>3} {event['status']:<10} {event['progress']:>3}% {event['stage']}"
                  f"{' - ' + event['message'] if event['message'] else ''}")

    async with http_client(args.url, args.api_key) as session:
        request = gql(SUMMARY)
        request.variable_values = {"id": job_id}
        job = (await session.execute(request))["job"]
    print(f"{job['status']} (decision: {job['decision']}), {len(job['timecards'])} timecard(s)")
    for issue in job["issues"]:
        print(f"  {issue['severity']:<8} {issue['code']}: {issue['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(arguments())))
