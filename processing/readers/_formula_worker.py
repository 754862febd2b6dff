"""Evaluate formulas of one workbook in a separate process (see formula_eval.py).

Reads {"path": ..., "cells": {sheet: [A1 refs]}} as JSON on stdin and writes
{sheet: {ref: [kind, value]}} on stdout, kind in n/s/b/e/empty. Imports nothing of
ours, so it runs from any working directory. Writes no cell contents anywhere else.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Self

_KEY = re.compile(r"^'?\[(?P<book>[^\]]+)\](?P<sheet>.+?)'?!(?P<ref>\$?[A-Z]+\$?\d+)$")


class _QuietProgress:
    """formulas draws a tqdm progress bar on stderr; this replaces it in this process only."""

    total = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> bool:
        return False

    def update(self, *args: object, **kwargs: object) -> None:
        return None

    def refresh(self) -> None:
        return None


def _plain(value: object) -> list[object]:
    import numpy as np
    from formulas.tokens.operand import XlError

    if isinstance(value, np.ndarray):
        value = value.ravel()[0] if value.size else None
    if isinstance(value, XlError):
        return ["e", str(value)]
    if value is None or type(value).__name__ in ("EmptyValue", "Token") or str(value) == "empty":
        return ["empty", None]
    if isinstance(value, (bool, np.bool_)):
        return ["b", bool(value)]
    if isinstance(value, (int, float, np.integer, np.floating)):
        return ["n", float(value)]
    if isinstance(value, str):
        return ["s", value]
    return ["e", "#VALUE!"]


def main() -> int:
    request = json.load(sys.stdin)
    import formulas
    import formulas.excel as excel_module

    excel_module.tqdm.tqdm = _QuietProgress  # type: ignore[attr-defined]
    model = formulas.ExcelModel().loads(request["path"]).finish()
    solution = model.calculate()
    wanted = {sheet.upper(): (sheet, set(refs)) for sheet, refs in request["cells"].items()}
    out: dict[str, dict[str, list[object]]] = {}
    for key, ranges in solution.items():
        match = _KEY.match(str(key))
        if not match:
            continue
        # Quoted sheet names double their apostrophes ('Jane''s week').
        target = wanted.get(match.group("sheet").replace("''", "'").upper())
        ref = match.group("ref").replace("$", "")
        if target is None or ref not in target[1]:
            continue
        value = getattr(ranges, "value", ranges)
        out.setdefault(target[0], {})[ref] = _plain(value)
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
