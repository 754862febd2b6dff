"""`process` latency on a one-employee weekly sheet: p50/p95 over 50 runs, the CLI as a user
runs it (a new interpreter each time) and the pipeline in process, beside the bare cost of
starting the interpreter measured in the same run.

    .venv/bin/python bench/process.py [--runs 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))


def weekly_sheet(path: Path) -> None:
    """A timesheet template: one employee, Mon-Sun, Date / Start / End / Lunch / Hours and a Total row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Timesheet"
    sheet.append(["Weekly Timesheet"])
    sheet.append(["Employee:", "Rosa Delgado", None, "Rate:", 21.5])
    sheet.append(["Week of 3/2/2026 - 3/8/2026"])
    sheet.append([])
    sheet.append(["Date", "Start", "End", "Lunch", "Hours"])
    monday = dt.date(2026, 3, 2)
    for offset in range(5):
        sheet.append([monday + dt.timedelta(days=offset), dt.time(8, 0), dt.time(16, 30), 0.5, 8])
    sheet.append(["Total", None, None, None, 40])
    book.save(path)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def time_command(argv: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    from core.operational_settings import OperationalSettings
    from processing.pipeline import process_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "weekly.xlsx"
        weekly_sheet(path)
        data = path.read_bytes()
        settings = OperationalSettings()
        process_file(path.name, data, settings)  # warm imports
        in_process = []
        for _ in range(args.runs):
            start = time.perf_counter()
            outcome = process_file(path.name, data, settings)
            in_process.append(time.perf_counter() - start)
        assert outcome.result["timecards"], "the benchmark sheet must yield a timecard"
        interpreter = time_command([sys.executable, "-c", "pass"], args.runs)
        cli = time_command([sys.executable, "main.py", "process", str(path), "--json"], args.runs)

    def row(label: str, values: list[float]) -> str:
        return f"{label:<34} p50 {statistics.median(values) * 1000:8.1f} ms   p95 {percentile(values, 0.95) * 1000:8.1f} ms"

    print(f"process on a one-employee weekly xlsx, {args.runs} runs each")
    print(row("pipeline in process", in_process))
    print(row("python -c pass (baseline)", interpreter))
    print(row("python main.py process --json", cli))
    print(f"CLI p50 / interpreter start p50: {statistics.median(cli) / statistics.median(interpreter):.1f}x")


if __name__ == "__main__":
    main()
