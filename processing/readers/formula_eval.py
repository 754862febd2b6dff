"""Values for formula cells that were saved without one.

Files written by tools that do not calculate (openpyxl, many exporters) store the formula
but no cached result. The ``formulas`` library can compute them, but it loads the whole
workbook through openpyxl and can be slow or unbounded on hostile input, so it runs:

* only when at least one formula lacks a cached value, and the work is bounded up front:
  the workbook's cells (``MAX_EVALUATION_CELLS``) and the cells its formulas' ranges cover
  (``MAX_REFERENCED_CELLS``, so =SUM(A1:ALL200000) is not expanded into 200M values);
* in a child process limited by CPU time and memory, not by wall-clock time: the same file
  gives the same values on a quiet machine and on a loaded one (a 20 s wall-clock limit
  turned 11 values into #N/A under load and none when idle). A wall-clock backstop, far
  above what the CPU limit allows on any plausible load, only catches a child that blocks.

A cell that still has no value becomes #N/A: unknown, and never mistaken for a blank or 0.
"""

from __future__ import annotations

import json
import logging
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from processing.readers.cells import UNAVAILABLE, checked_number, error_value
from processing.workbook import CellError, CellValue

log = logging.getLogger(__name__)

# Above this many cells in the workbook, evaluation (openpyxl full load + graph) takes
# longer than a reviewer should wait; the cells are reported as #N/A instead.
MAX_EVALUATION_CELLS = 100_000
# Above this many cells covered by the formulas' ranges, the evaluator would build arrays
# of that size (SUM(A1:ALL200000) took 1 GB): not evaluated.
MAX_REFERENCED_CELLS = 1_000_000
# CPU seconds the evaluator may use: the deterministic bound. A 2,000-cell dependency chain
# takes ~4 s of CPU, however long the wall clock says it took.
EVALUATION_CPU_SECONDS = 30
# Address space of the evaluator process (numpy and openpyxl reserve ~400 MB of it idle).
EVALUATION_MEMORY_BYTES = 1536 * 1024 * 1024
# Only for a child that makes no progress at all (blocked, stopped): on a 2-CPU machine
# shared by ten busy processes, 30 s of CPU still fits in it.
EVALUATION_WALL_SECONDS = 600.0
_WORKER = Path(__file__).with_name("_formula_worker.py")


@dataclass
class EvaluationResult:
    values: dict[str, dict[str, CellValue]] = field(default_factory=dict)  # sheet -> ref -> value
    failed_reason: str | None = None


def evaluate_formulas(
    data: bytes,
    extension: str,
    cells: dict[str, list[str]],
    total_cells: int,
    sheet_names: list[str],
    formulas: Iterable[str] = (),
) -> EvaluationResult:
    """Compute ``cells`` ({sheet name: [A1 refs]}) of the workbook in ``data``; ``formulas``
    are the texts of every formula in the workbook (the evaluator computes them all)."""
    requested = sum(len(refs) for refs in cells.values())
    if requested == 0:
        return EvaluationResult()
    if any("'" in name for name in sheet_names):
        # formulas 1.3.4 resolves every reference on such a workbook to #REF!, which
        # would read as an error the file does not have; "unknown" is the honest answer.
        return _failed("a sheet name contains an apostrophe", requested)
    if total_cells > MAX_EVALUATION_CELLS:
        return _failed(f"workbook too large to evaluate ({total_cells} cells)", requested)
    covered = referenced_cells(formulas)
    if covered > MAX_REFERENCED_CELLS:
        return _failed(f"formulas cover too many cells to evaluate ({covered})", requested)
    with tempfile.TemporaryDirectory(prefix="punchline-formulas-") as folder:
        path = os.path.join(folder, f"book.{extension}")
        with open(path, "wb") as handle:
            handle.write(data)
        request = json.dumps({"path": path, "cells": cells})
        try:
            completed = subprocess.run(
                [sys.executable, str(_WORKER)],
                input=request.encode(),
                capture_output=True,
                timeout=EVALUATION_WALL_SECONDS,
                check=False,
                preexec_fn=_limit_child,  # noqa: PLW1509 - only setrlimit, safe before exec
                env={**os.environ, **_SINGLE_THREADED},
            )
        except subprocess.TimeoutExpired:
            return _failed("evaluation made no progress", requested)
        except OSError as exc:
            return _failed(f"evaluator could not start ({type(exc).__name__})", requested)
    if completed.returncode == -signal.SIGXCPU or completed.returncode == -signal.SIGKILL:
        return _failed(f"evaluation needed more than {EVALUATION_CPU_SECONDS} s of CPU", requested)
    if completed.returncode != 0:
        # The child's stderr may quote formulas or values; only its last line's exception
        # type is kept for the log.
        last = completed.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        return _failed(f"evaluator failed ({last[0].split(':', 1)[0][:80]})", requested)
    try:
        raw = json.loads(completed.stdout)
    except ValueError:
        return _failed("evaluator returned no result", requested)
    result = EvaluationResult()
    for sheet, values in raw.items():
        result.values[sheet] = {ref: _value(kind, value) for ref, (kind, value) in values.items()}
    return result


# numpy's BLAS would start a thread per core: more CPU contention, no gain for this work.
_SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (EVALUATION_CPU_SECONDS, EVALUATION_CPU_SECONDS + 5))
    resource.setrlimit(resource.RLIMIT_AS, (EVALUATION_MEMORY_BYTES, EVALUATION_MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})\s*:\s*\$?([A-Z]{1,3})\$?([0-9]{1,7})")
_WHOLE_COLUMNS = re.compile(r"(?<![A-Z0-9$])\$?([A-Z]{1,3})\s*:\s*\$?([A-Z]{1,3})(?![A-Z0-9(])")
_WHOLE_ROWS = re.compile(r"(?<![A-Z0-9$.])\$?([0-9]{1,7})\s*:\s*\$?([0-9]{1,7})(?![0-9])")
_EXCEL_ROWS, _EXCEL_COLUMNS = 1_048_576, 16_384


def referenced_cells(formulas: Iterable[str]) -> int:
    """How many cells the ranges in ``formulas`` cover (A1:C10 is 30, A:A 1,048,576): the
    work count that decides, before anything runs, whether evaluation is attempted."""
    from processing.readers.refs import column_index

    total = 0
    for formula in formulas:
        text = _STRING_LITERAL.sub('""', formula.upper())
        for first_col, first_row, last_col, last_row in _RANGE.findall(text):
            rows = abs(int(last_row) - int(first_row)) + 1
            columns = abs(column_index(last_col) - column_index(first_col)) + 1
            total += rows * columns
        remainder = _RANGE.sub("", text)
        for first_col, last_col in _WHOLE_COLUMNS.findall(remainder):
            total += (abs(column_index(last_col) - column_index(first_col)) + 1) * _EXCEL_ROWS
        for first_row, last_row in _WHOLE_ROWS.findall(remainder):
            total += (abs(int(last_row) - int(first_row)) + 1) * _EXCEL_COLUMNS
    return total


_STRING_LITERAL = re.compile(r'"(?:[^"]|"")*"')


def _value(kind: str, value: object) -> CellValue:
    if kind == "n":
        return checked_number(float(value))  # type: ignore[arg-type]
    if kind == "b":
        return bool(value)
    if kind == "s":
        return str(value) if value != "" else None
    if kind == "e":
        return error_value(str(value))
    return None


def _failed(reason: str, requested: int) -> EvaluationResult:
    log.warning("formula evaluation skipped for %d cell(s): %s", requested, reason)
    return EvaluationResult(failed_reason=reason)


__all__ = ["UNAVAILABLE", "CellError", "EvaluationResult", "evaluate_formulas"]
