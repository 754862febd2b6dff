"""Interpretation time against a raw read of the same file, for the layouts that grow large.

    .venv/bin/python bench/interpret.py [--rows 10000] [--runs 3]

Writes, in a temp dir, synthetic files of ``--rows`` data rows (invented people and numbers):
  * a punch export CSV (Employee ID, Employee, Date, Time In, Time Out, Break, Rate);
  * a clock event log CSV (one row per IN or OUT event);
  * a long xlsx (Employee, Date, ST, OT, Total Hours, Rate, Wage Subtotal);
  * a wide xlsx grid (one row per person, seven dated day columns, a SUM total per row).
For each: the median of ``--runs`` timings of read_workbook (the raw read) and of extract (the
interpretation: family registry, column evidence, reading, merging, reconciliation), and their ratio.
Issue 10's target: the interpretation of a 10,000-row file within 5 s. Prints counts and times only.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_BENCH_DIR = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _BENCH_DIR]
sys.path.insert(0, str(_BENCH_DIR.parent))

import openpyxl  # noqa: E402 - after the sys.path fix above

from core.operational_settings import OperationalSettings  # noqa: E402
from processing.extraction import extract  # noqa: E402
from processing.readers import read_workbook  # noqa: E402

MONDAY = dt.date(2026, 3, 2)
FIRST = ["Ann", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo"]
LAST = ["Lee", "Diaz", "Park", "Moss", "Nash", "Ortiz", "Price", "Quinn", "Reyes", "Stone"]


def person(i: int) -> str:
    """A distinct invented name per index, letters only (digits would not read as a person's name)."""
    suffix, rest = "", i // 100
    while rest:
        rest, letter = divmod(rest, 26)
        suffix += chr(97 + letter)
    return f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}{suffix}"


def punch_csv(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Employee ID", "Employee", "Date", "Time In", "Time Out", "Break (min)", "Rate"])
    for n in range(rows):
        who, day = n // 5, MONDAY + dt.timedelta(days=n % 5)
        writer.writerow([1000 + who, person(who), day.strftime("%m/%d/%Y"), "7:00 AM", "3:30 PM", 30, "18.50"])
    return out.getvalue().encode()


def event_csv(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Employee ID", "Employee", "Date", "Time", "Direction", "Rate"])
    for n in range(rows):
        shift, direction = divmod(n, 2)
        who, day = shift // 5, MONDAY + dt.timedelta(days=shift % 5)
        writer.writerow([1000 + who, person(who), day.strftime("%m/%d/%Y"), "3:30 PM" if direction else "7:00 AM",
                         "OUT" if direction else "IN", "18.50"])
    return out.getvalue().encode()


def _xlsx(fill: Callable) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Timesheet")
    fill(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def long_xlsx(rows: int) -> bytes:
    def fill(sheet):
        sheet.append(["Employee", "Date", "ST", "OT", "Total Hours", "Rate", "Wage Subtotal"])
        for n in range(rows):
            who = n // 5
            day = dt.datetime.combine(MONDAY + dt.timedelta(days=n % 5), dt.time())
            st, ot = 8, random.choice((0, 0, 1, 2))
            sheet.append([person(who), day, st, ot, st + ot, 20, round(20 * st + 30 * ot, 2)])
    return _xlsx(fill)


def wide_xlsx(rows: int) -> bytes:
    def fill(sheet):
        days = [dt.datetime.combine(MONDAY + dt.timedelta(days=i), dt.time()) for i in range(7)]
        sheet.append(["Employee", "Rate", *days, "Total Hours"])
        for n in range(rows):
            hours = [random.choice((0, 8, 8, 10)) for _ in range(7)]
            sheet.append([person(n), 20, *hours, sum(hours)])
    return _xlsx(fill)


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    random.seed(7)
    settings = OperationalSettings()
    files = {"punch export (csv)": ("punch.csv", punch_csv(args.rows)),
             "clock event log (csv)": ("events.csv", event_csv(args.rows)),
             "long table (xlsx)": ("long.xlsx", long_xlsx(args.rows)),
             "wide grid (xlsx)": ("wide.xlsx", wide_xlsx(args.rows))}
    print(f"{args.rows} data rows per file, median of {args.runs} runs")
    print(f"{'layout':24} {'read s':>8} {'extract s':>10} {'ratio':>7} {'people':>7} {'entries':>8}")
    with tempfile.TemporaryDirectory():
        for label, (name, data) in files.items():
            workbook = read_workbook(name, data)
            read_s = median_time(lambda n=name, d=data: read_workbook(n, d), args.runs)
            extraction = extract(workbook, settings)
            extract_s = median_time(lambda w=workbook: extract(w, settings), args.runs)
            entries = sum(len(card.entries) for card in extraction.timecards)
            print(f"{label:24} {read_s:8.3f} {extract_s:10.3f} {extract_s / read_s:7.2f} "
                  f"{len(extraction.timecards):7} {entries:8}")


if __name__ == "__main__":
    main()
