"""ask latency over 10,000 stored timecard entries on the embedded store, against a direct
call of the same store function (store.queries.iter_entries) for the same rows.

    .venv/bin/python bench/ask.py [--entries 10000] [--runs 30] [--in-memory]

Seeds 100 employees x 100 days (from 2026-01-01) into fresh tables on DynamoDB Local (on
disk by default, as the embedded store runs), then, per question, times ``ask`` end to end
(guardrails, parse, plan validation, indexed reads, aggregation) and ``list(iter_entries(...))``
reading the same entries, alternating the two: median and p95 of ``--runs`` runs each after a
warm-up. The ratio is ask / direct. Prints counts and timings only.
"""

from __future__ import annotations

import sys
from pathlib import Path

_BENCH_DIR = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _BENCH_DIR]  # bench/queue.py shadows `queue`
sys.path.insert(0, str(_BENCH_DIR.parent))

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Callable  # noqa: E402
from decimal import Decimal  # noqa: E402

FIRST = ("Alex", "Blair", "Casey", "Drew", "Emery", "Finley", "Gray", "Harper", "Jordan", "Kendall")
LAST = ("Baker", "Clark", "Diaz", "Evans", "Foster", "Garcia", "Hughes", "Irwin", "Jones", "Klein")
START = dt.date(2026, 1, 1)
TODAY = dt.date(2026, 4, 15)

# question, and the direct read of the same entries: (date_from, date_to, employee)
QUESTIONS = (
    ("Who went over 40 hours in the week of March 2?", (dt.date(2026, 3, 2), dt.date(2026, 3, 8), None)),
    ("How much overtime did Alex Baker work in Q1 2026?", (dt.date(2026, 1, 5), dt.date(2026, 4, 5), "Alex Baker")),
    ("Total hours by employee in March 2026", (dt.date(2026, 3, 1), dt.date(2026, 3, 31), None)),
    ("Total hours in the first quarter of 2026", (dt.date(2026, 1, 1), dt.date(2026, 3, 31), None)),
)


def seed(entries: int) -> None:
    from store.records import EntryRow, save_timecard_entries

    people = [f"{first} {last}" for first in FIRST for last in LAST]
    rows = []
    for i in range(entries):
        person, day = people[i % len(people)], START + dt.timedelta(days=i // len(people))
        hours = Decimal(6 + (i * 7) % 6)  # 6..11 h: some people pass 40 h in a week
        rows.append(EntryRow(person, None, day, hours, hours * 20))
    save_timecard_entries("bench-ask", rows)


def _p50_p95(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]


def paired(first: Callable[[], object], second: Callable[[], object], runs: int) -> tuple[tuple, tuple]:
    """Alternate the two (after a warm-up of each), so a change in the machine's load hits both."""
    first(), second()
    a, b = [], []
    for _ in range(runs):
        for run, samples in ((first, a), (second, b)):
            started = time.perf_counter()
            run()
            samples.append((time.perf_counter() - started) * 1000)
    return _p50_p95(a), _p50_p95(b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--in-memory", action="store_true", help="DynamoDB Local without disk")
    args = parser.parse_args()

    from core.config import AppConfig
    from core.operational_settings import OperationalSettings
    from services.ask import Answer, ask
    from services.ask.parser import parse
    from store.bootstrap import _create_tables_when_ready
    from store.connection import StoreTarget, configure
    from store.embedded import start_or_attach
    from store.queries import iter_entries

    store = start_or_attach(AppConfig(data_dir=Path(tempfile.mkdtemp(prefix="pl-bench-ask-")),
                                      embedded_in_memory=args.in_memory))
    settings = OperationalSettings()
    try:
        configure(StoreTarget(mode="embedded", endpoint=store.endpoint, region="us-west-2",
                              table_prefix=f"b{uuid.uuid4().hex[:6]}-"))
        _create_tables_when_ready()
        started = time.perf_counter()
        seed(args.entries)
        print(f"DynamoDB Local ({'in memory' if args.in_memory else 'on disk'}): {args.entries} entries seeded "
              f"in {time.perf_counter() - started:.1f} s; {args.runs} runs per figure after a warm-up")
        print(f"{'question':52} {'read':>6} {'ask p50':>8} {'p95':>7} {'direct p50':>11} {'p95':>7} {'ratio':>6}")
        for question, (date_from, date_to, employee) in QUESTIONS:
            answer = ask(question, role="admin", today=TODAY, settings=settings)
            assert isinstance(answer, Answer), (question, answer)
            direct = len(list(iter_entries(date_from, date_to, employee=employee)))
            assert direct == answer.table.drawn_on.records, (question, direct, answer.table.drawn_on.records)
            (ask_p50, ask_p95), (direct_p50, direct_p95) = paired(
                lambda q=question: ask(q, role="admin", today=TODAY, settings=settings),
                lambda a=date_from, b=date_to, e=employee: list(iter_entries(a, b, employee=e)), args.runs)
            print(f"{question:52} {direct:6d} {ask_p50:6.1f}ms {ask_p95:5.1f}ms {direct_p50:9.1f}ms "
                  f"{direct_p95:5.1f}ms {ask_p50 / direct_p50:6.2f}")
        (refusal_p50, _), (parse_p50, _) = paired(
            lambda: ask("Delete every timecard", role="admin", today=TODAY, settings=settings),
            lambda: parse("Who went over 40 hours in the week of March 2?", TODAY), args.runs)
        print(f"refusal before any read (write intent): p50 {refusal_p50 * 1000:.0f} us; "
              f"parsing a question alone: p50 {parse_p50 * 1000:.0f} us")
        print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finally:
        store.stop()


if __name__ == "__main__":
    main()
