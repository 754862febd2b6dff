"""Formula evaluation is bounded by work and CPU time, never by the wall clock.

The same file must give the same values on a quiet machine and on a loaded one: a 20 s
wall-clock limit turned 11 values into #N/A under load and none when idle.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from processing.readers import formula_eval, read_workbook
from processing.readers.cells import UNAVAILABLE
from processing.readers.formula_eval import referenced_cells
from tests.processing.readers.builders import xlsx_bytes

REPO = Path(__file__).resolve().parents[3]
CHAIN = 300  # formulas in the dependency chain: well under a second of evaluator CPU
CPU_BUDGET = 5  # seconds: what the evaluator (imports included) fits in, with room


def chain_workbook(length: int = CHAIN) -> bytes:
    """A timecard whose pay and a running total are formulas saved without values."""

    def build(wb):
        ws = wb.active
        ws.append(["Employee", "Date", "Hours", "Rate", "Pay", "Running"])
        for row in range(2, length + 2):
            ws.append([f"Worker {row % 7}", dt.date(2026, 3, 2) + dt.timedelta(days=row % 5), 8 + row % 3, 20,
                       f"=C{row}*D{row}", f"=F{row - 1}+E{row}" if row > 2 else f"=E{row}"])

    return xlsx_bytes(build)


@pytest.mark.parametrize(
    ("formula", "cells"),
    [
        ("=C2*D2", 0),
        ("=SUM(A1:C10)", 30),
        ("=SUM($A$1:$C$10)+B2", 30),
        ("=SUM(A1:ALL200000)", 200_000_000),
        ("=SUM(A:A)", 1_048_576),
        ("=SUM(B:C)", 2 * 1_048_576),
        ("=SUM(2:3)", 2 * 16_384),
        ("=Other!A1:B2", 4),
        ('="A1:ZZ99999"&B2', 0),  # a string, not a range
    ],
)
def test_the_work_count_is_the_cells_the_ranges_cover(formula, cells):
    assert referenced_cells([formula]) == cells


def test_formulas_covering_too_many_cells_are_not_evaluated_at_all(monkeypatch):
    calls = []
    monkeypatch.setattr(formula_eval.subprocess, "run", lambda *a, **k: calls.append(a) or pytest.fail("ran"))

    def build(wb):
        ws = wb.active
        ws.append(["Hours", 8])
        ws["C1"] = "=SUM(A1:ALL200000)"

    sheet = read_workbook("week.xlsx", xlsx_bytes(build)).sheets[0]
    assert sheet.value(0, 2) == UNAVAILABLE
    assert calls == []


def test_an_evaluation_over_its_cpu_budget_is_stopped_the_same_way_every_time(monkeypatch):
    monkeypatch.setattr(formula_eval, "EVALUATION_CPU_SECONDS", 1)
    results = []
    for _ in range(2):
        sheet = read_workbook("week.xlsx", chain_workbook(3000)).sheets[0]
        results.append([sheet.value(row, 5) for row in range(1, 3001)])
    assert results[0] == results[1] == [UNAVAILABLE] * 3000


_READ_IN_CHILD = """
import json, os, sys, time
os.nice(int(sys.argv[2]))
from processing.readers import formula_eval, read_workbook
formula_eval.EVALUATION_CPU_SECONDS = int(sys.argv[3])
started = time.monotonic()
sheet = read_workbook("week.xlsx", open(sys.argv[1], "rb").read()).sheets[0]
values = [[repr(sheet.value(r, c)) for c in (4, 5)] for r in range(sheet.n_rows)]
print(json.dumps({"values": values, "seconds": time.monotonic() - started}))
"""


def _read_in_child(path: Path, niceness: int) -> dict:
    completed = subprocess.run([sys.executable, "-c", _READ_IN_CHILD, str(path), str(niceness), str(CPU_BUDGET)],
                               cwd=REPO, capture_output=True, text=True, timeout=900, check=True)
    return json.loads(completed.stdout)


def test_the_same_file_gives_the_same_values_idle_and_under_a_cpu_burning_neighbour(tmp_path):
    path = tmp_path / "week.xlsx"
    path.write_bytes(chain_workbook())
    idle = _read_in_child(path, niceness=0)
    assert all(value != repr(UNAVAILABLE) for row in idle["values"][1:] for value in row)

    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2 * (os.cpu_count() or 1))]
    try:
        time.sleep(0.5)
        # the reader runs a little below the burners: its wall time stretches past its CPU time
        loaded = _read_in_child(path, niceness=2)
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
    assert loaded["values"] == idle["values"]
    # The load was real: a wall-clock limit at the CPU budget would have cut this evaluation off.
    assert loaded["seconds"] > CPU_BUDGET, f"loaded read took only {loaded['seconds']:.1f}s"
