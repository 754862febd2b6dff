"""List the review queue, or approve / reject one job (needs a reviewer or admin key).

    python samples/clients/review.py list    --url ... --api-key pl_...
    python samples/clients/review.py approve JOB_ID [--comment "checked"] --url ... --api-key pl_...
    python samples/clients/review.py reject  JOB_ID --comment "hours do not add up" --url ... --api-key pl_...
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys

from gql import Client, gql
from gql.transport.httpx import HTTPXAsyncTransport

QUEUE = """query($after: String) {
  reviewQueue(first: 50, after: $after) {
    nodes { id createdAt file { name } issues { code severity message } }
    pageInfo { endCursor hasNextPage }
  }
}"""
RESULT = """__typename
  ... on Job { id status reviews { decision reviewer comment at } }
  ... on JobNotFound { message }
  ... on InvalidJobTransition { message }"""
APPROVE = "mutation($id: ID!, $comment: String) { approveReview(jobId: $id, comment: $comment) { " + RESULT + " } }"
REJECT = "mutation($id: ID!, $comment: String!) { rejectReview(jobId: $id, comment: $comment) { " + RESULT + " } }"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["list", "approve", "reject"])
    parser.add_argument("job_id", nargs="?")
    parser.add_argument("--comment")
    parser.add_argument("--url", default=os.environ.get("PUNCHLINE_URL", "http://127.0.0.1:8000/graphql"))
    parser.add_argument("--api-key", default=os.environ.get("PUNCHLINE_API_KEY"), required=not os.environ.get("PUNCHLINE_API_KEY"))
    args = parser.parse_args()
    if args.action != "list" and not args.job_id:
        parser.error("approve and reject need a JOB_ID")
    if args.action == "reject" and not args.comment:
        parser.error("reject needs --comment saying what is wrong")
    return args


async def main(args: argparse.Namespace) -> int:
    transport = HTTPXAsyncTransport(url=args.url, headers={"x-api-key": args.api_key}, timeout=30)
    async with Client(transport=transport) as session:
        if args.action == "list":
            after = None
            while True:
                request = gql(QUEUE)
                request.variable_values = {"after": after}
                page = (await session.execute(request))["reviewQueue"]
                for job in page["nodes"]:
                    codes = ", ".join(sorted({i["code"] for i in job["issues"]})) or "-"
                    print(f"{job['id']}  {(job['file'] or {}).get('name', '?'):<30} {codes}")
                if not page["pageInfo"]["hasNextPage"]:
                    return 0
                after = page["pageInfo"]["endCursor"]
        request = gql(APPROVE if args.action == "approve" else REJECT)
        request.variable_values = {"id": args.job_id, "comment": args.comment}
        result = (await session.execute(request))["approveReview" if args.action == "approve" else "rejectReview"]
    print(json.dumps(result, indent=2))
    return 0 if result["__typename"] == "Job" else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main(arguments())))
