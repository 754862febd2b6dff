"""Values for formula cells that were saved without one.

Files written by tools that do not calculate (openpyxl, many exporters) store the formula
but no cached result. The ``formulas`` library can compute them, but it loads the whole
workbook through openpyxl and can be slow or unbounded on hostile input, so it runs:

* only when at least one formula lacks a cached value, and the workbook is small enough;
* in a child process with a hard timeout, so a runaway evaluation is killed rather than
  stalling a worker (and its progress bar / memory stay out of ours).

A cell that still has no value becomes #N/A: unknown, and never mistaken for a blank or 0.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from processing.readers.cells import UNAVAILABLE, checked_number, error_value
from processing.workbook import CellError, CellValue

log = logging.getLogger(__name__)

# Above this many cells in the workbook, evaluation (openpyxl full load + graph) takes
# longer than a reviewer should wait; the cells are reported as #N/A instead.
MAX_EVALUATION_CELLS = 100_000
# Short enough not to outlive a worker's job lease between heartbeats.
EVALUATION_TIMEOUT_SECONDS = 20.0
_WORKER = Path(__file__).with_name("_formula_worker.py")


@dataclass
class EvaluationResult:
    values: dict[str, dict[str, CellValue]] = field(default_factory=dict)  # sheet -> ref -> value
    failed_reason: str | None = None


def evaluate_formulas(
    data: bytes, extension: str, cells: dict[str, list[str]], total_cells: int, sheet_names: list[str]
) -> EvaluationResult:
    """Compute ``cells`` ({sheet name: [A1 refs]}) of the workbook in ``data``."""
    requested = sum(len(refs) for refs in cells.values())
    if requested == 0:
        return EvaluationResult()
    if any("'" in name for name in sheet_names):
        # formulas 1.3.4 resolves every reference on such a workbook to #REF!, which
        # would read as an error the file does not have; "unknown" is the honest answer.
        return _failed("a sheet name contains an apostrophe", requested)
    if total_cells > MAX_EVALUATION_CELLS:
        return _failed(f"workbook too large to evaluate ({total_cells} cells)", requested)
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
                timeout=EVALUATION_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return _failed("evaluation timed out", requested)
        except OSError as exc:
            return _failed(f"evaluator could not start ({type(exc).__name__})", requested)
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
