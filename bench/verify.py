"""What formal proof costs: p50/p95 time per file of evaluate() (rules + z3) vs the plain rules,
and vs the proof path before issue 12 (``BASELINE``: z3's global context, default solver
parameters), both measured in the same run, runs interleaved so machine load hits both alike.

Random timecards (2 workweeks each, hourly and day-rate employees, some in CA) for 1, 10
and 100 employees. Run from the repo root: ``.venv/bin/python bench/verify.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import datetime as dt  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from decimal import Decimal  # noqa: E402

from core.operational_settings import OperationalSettings  # noqa: E402
from processing.compliance import compute_issues, evaluate  # noqa: E402
from processing.compliance.verification.solver import BASELINE  # noqa: E402
from processing.model import Entry, Extraction, StatedTotal, Timecard  # noqa: E402

START = dt.date(2026, 3, 2)  # a Monday
SIZES = ((1, 30), (10, 30), (100, 10))  # (employees, runs)


def random_timecard(rng: random.Random, n: int) -> Timecard:
    day_rate = rng.random() < 0.2
    state = rng.choice([None, None, "CA", "NY-NYC", "TX", "AK"])
    rate = Decimal(rng.randrange(700, 3500)) / 100
    entries = []
    for offset in range(14):
        if rng.random() < 0.3:
            continue
        day = START + dt.timedelta(days=offset)
        if day_rate:
            entries.append(Entry(date=day, pay=Decimal(rng.randrange(150, 400)), day_rate=None))
        else:
            hours = Decimal(rng.randrange(4, 13 * 4)) / 4
            entries.append(Entry(date=day, hours=hours, pay=(hours * rate).quantize(Decimal("0.01")),
                                 hourly_rate=rate))
    pay_total = sum((e.pay for e in entries), Decimal(0))
    totals = [StatedTotal(measure="pay", value=pay_total, scope="employee", employee=f"Employee {n}")]
    return Timecard(employee=f"Employee {n}", entries=entries, stated_totals=totals, work_state=state)


def random_extraction(rng: random.Random, employees: int) -> Extraction:
    return Extraction(timecards=[random_timecard(rng, n) for n in range(employees)], sheets=[],
                      period_start=START, period_end=START + dt.timedelta(days=13))


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one run (CPU time is what a busy machine does not inflate)."""
    began, began_cpu = time.perf_counter(), time.process_time()
    run()
    return (time.perf_counter() - began) * 1000, (time.process_time() - began_cpu) * 1000


def interleaved(runs: dict[str, Callable[[], object]], times: int) -> dict[str, tuple[list[float], list[float]]]:
    """Each variant once per round, in turn: a load spike on the shared machine hits every variant."""
    out: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in runs}
    for _ in range(times):
        for name, run in runs.items():
            wall, cpu = timed(run)
            out[name][0].append(wall)
            out[name][1].append(cpu)
    return out


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    settings = OperationalSettings()
    rng = random.Random(20260302)
    print("per file, milliseconds; plain = the rule computation alone, proved = evaluate() (rules + z3),")
    print("baseline = evaluate() on the proof path before issue 12; CPU = this process's CPU time")
    print(f"{'employees':>9} {'runs':>4} {'plain p50':>9} {'proved p50':>10} {'proved p95':>10} {'/plain':>6} "
          f"{'cpu p50':>8} {'base cpu p50':>12} {'cpu/base':>8} {'findings':>8}")
    for employees, runs in SIZES:
        extraction = random_extraction(rng, employees)
        evaluate(extraction, settings)  # warm up (imports, table cache)
        evaluate(extraction, settings, proofs=BASELINE)
        results = interleaved({
            "plain": lambda file=extraction: compute_issues(file, settings),
            "proved": lambda file=extraction: evaluate(file, settings),
            "baseline": lambda file=extraction: evaluate(file, settings, proofs=BASELINE),
        }, runs)
        plain, _ = results["plain"]
        proved, proved_cpu = results["proved"]
        _, base_cpu = results["baseline"]
        findings = len(evaluate(extraction, settings).findings)
        p50, z50, c50, b50 = (statistics.median(x) for x in (plain, proved, proved_cpu, base_cpu))
        print(f"{employees:>9} {runs:>4} {p50:>9.2f} {z50:>10.1f} {percentile(proved, .95):>10.1f} {z50 / p50:>5.0f}x "
              f"{c50:>8.1f} {b50:>12.1f} {c50 / b50:>7.2f}x {findings:>8}")


if __name__ == "__main__":
    main()
