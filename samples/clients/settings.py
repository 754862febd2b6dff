"""Read the operational settings, change some (admin key), or show a setting's history.

    python samples/clients/settings.py show --url ... --api-key pl_...
    python samples/clients/settings.py set overtimeThresholdHours=38 maxConcurrentJobs=4 --url ... --api-key pl_...
    python samples/clients/settings.py history overtime_threshold_hours --url ... --api-key pl_...

Values are parsed as JSON when they can be (numbers, true/false, null), else kept as text.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys

from gql import Client, gql
from gql.transport.httpx import HTTPXAsyncTransport

SHOW = """query { settings {
  maxConcurrentJobs defaultJobPriority cleanupAfterDays autoCleanupEnabled federalMinimumWage
  overtimeThresholdHours salaryExemptThresholdWeekly maxRecommendedHoursWeekly uploadSizeLimitMb
  workweekStartDay defaultWorkState jobMaxAttempts retryBackoffSeconds
  reviewTriggers { ratesBelow: rateBelowFederalMinimum moreThan60HoursWeek highDailyRatesThreshold }
} }"""
UPDATE = """mutation($input: SettingsInput!) {
  updateSettings(input: $input) {
    __typename
    ... on Settings { maxConcurrentJobs overtimeThresholdHours uploadSizeLimitMb }
    ... on InvalidSettings { message problems { key message } }
  }
}"""
HISTORY = "query($key: String!) { settingHistory(key: $key) { oldValue newValue changedBy changedAt } }"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["show", "set", "history"])
    parser.add_argument("items", nargs="*", help="set: name=value (camelCase names); history: snake_case key")
    parser.add_argument("--url", default=os.environ.get("PUNCHLINE_URL", "http://127.0.0.1:8000/graphql"))
    parser.add_argument("--api-key", default=os.environ.get("PUNCHLINE_API_KEY"), required=not os.environ.get("PUNCHLINE_API_KEY"))
    return parser.parse_args()


def parse_changes(items: list[str]) -> dict:
    changes = {}
    for item in items:
        name, _, raw = item.partition("=")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        changes[name.strip()] = str(value) if isinstance(value, float) else value
    return changes


async def main(args: argparse.Namespace) -> int:
    transport = HTTPXAsyncTransport(url=args.url, headers={"x-api-key": args.api_key}, timeout=30)
    async with Client(transport=transport) as session:
        if args.action == "show":
            result = (await session.execute(gql(SHOW)))["settings"]
        elif args.action == "set":
            request = gql(UPDATE)
            request.variable_values = {"input": parse_changes(args.items)}
            result = (await session.execute(request))["updateSettings"]
        else:
            request = gql(HISTORY)
            request.variable_values = {"key": args.items[0] if args.items else "overtime_threshold_hours"}
            result = (await session.execute(request))["settingHistory"]
    print(json.dumps(result, indent=2))
    return 1 if isinstance(result, dict) and result.get("__typename") == "InvalidSettings" else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(arguments())))
