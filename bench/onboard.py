"""Onboarding throughput on DynamoDB Local: rows/s of a generated customer CSV through
read + detect + validate + persist (transactions with uniqueness items, parallel writers),
beside a raw PynamoDB ``batch_write`` of the same record items measured in the same run.

    .venv/bin/python bench/onboard.py [--rows 100000] [--writers 8] [--in-memory]

The ratio (onboard rows/s ÷ raw batch rows/s) is the figure that travels between machines.
Each onboarded row costs a transactional write of two items (the record and its email's
uniqueness item, both conditional); the raw baseline writes one unconditional item per row.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/queue.py shadows the stdlib's `queue`: drop this folder from the path, add the root.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402

os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")

FIRST = ["Avery", "Bram", "Celia", "Dario", "Esme", "Frida", "Gus", "Hana", "Ivo", "Juno", "Kai", "Lena"]
LAST = ["Quinlan", "Okafor", "Marchetti", "Lindqvist", "Varga", "Holm", "Patel", "Sato", "Novak", "Reyes"]


def customer_csv(rows: int, seed: int = 5) -> bytes:
    """Synthetic customers with header aliases; about 1% invalid rows, like a real export."""
    rng = random.Random(seed)
    lines = ["full_name,customerEmail,joined_on,company,phone"]
    for i in range(rows):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        email = f"customer{i}@example.com" if rng.random() > 0.01 else "not-an-email"
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines.append(f"{name},{email},{day},Company {i % 997},555-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}")
    return ("\n".join(lines) + "\n").encode()


def fresh_tables(endpoint: str) -> None:
    from store.bootstrap import _create_tables_when_ready
    from store.connection import StoreTarget, configure

    prefix = f"b{uuid.uuid4().hex[:6]}-"
    configure(StoreTarget(mode="embedded", endpoint=endpoint, region="us-west-2", table_prefix=prefix))
    _create_tables_when_ready()


def onboard(data: bytes, writers: int) -> tuple[float, float, int, list]:
    """(seconds validating, seconds persisting, rows created, the planned records)."""
    from processing.onboarding.parse import parse_file
    from processing.onboarding.validation import validate_rows
    from services.onboarding.records import plan_record
    from services.onboarding.submit import submit

    start = time.perf_counter()
    parsed = parse_file("customers.csv", data)
    outcomes = validate_rows(parsed.detection.model, parsed.rows)
    validated = time.perf_counter()
    summary = submit(parsed.detection.model, outcomes, policy="valid_rows_only", origin_prefix="bench",
                     writers=writers)
    persisted = time.perf_counter()
    spec = parsed.detection.model
    planned = [plan_record(spec, o.values, origin=f"bench#{o.row}") for o in outcomes if o.valid]
    return validated - start, persisted - validated, len(summary.created_ids), planned


def raw_batch(planned: list) -> float:
    """A plain PynamoDB batch_write of the same record items (no uniqueness, no conditions)."""
    from store.clock import utcnow
    from store.onboarding import _record_item
    from store.onboarding_models import OnboardingRecord

    now = utcnow()
    items = [_record_item(new, now) for new in planned]
    start = time.perf_counter()
    with OnboardingRecord.batch_write() as batch:
        for item in items:
            batch.save(item)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--in-memory", action="store_true", help="DynamoDB Local without disk")
    args = parser.parse_args()

    from core.config import AppConfig
    from store.embedded import start_or_attach

    data = customer_csv(args.rows)
    store = start_or_attach(AppConfig(data_dir=Path(tempfile.mkdtemp(prefix="pl-bench-")),
                                      embedded_in_memory=args.in_memory))
    try:
        fresh_tables(store.endpoint)
        validate_s, persist_s, created, planned = onboard(data, args.writers)
        fresh_tables(store.endpoint)
        raw_s = raw_batch(planned)
    finally:
        store.stop()
    rows = len(planned)
    onboard_rate = created / (validate_s + persist_s)
    raw_rate = rows / raw_s
    print(f"DynamoDB Local ({'in memory' if args.in_memory else 'on disk'}), {args.rows} CSV rows "
          f"({rows} valid, {created} created), {args.writers} writer threads")
    print(f"read+detect+validate: {args.rows / validate_s:10.1f} rows/s ({validate_s:.1f} s)")
    print(f"persist (tx + uniqueness): {created / persist_s:10.1f} rows/s ({persist_s:.1f} s)")
    print(f"onboard end to end:  {onboard_rate:10.1f} rows/s")
    print(f"raw PynamoDB batch_write of the same items: {raw_rate:10.1f} rows/s ({raw_s:.1f} s)")
    print(f"ratio onboard / raw batch: {onboard_rate / raw_rate:.2f}")


if __name__ == "__main__":
    main()
