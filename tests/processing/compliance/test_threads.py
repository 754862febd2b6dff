"""Several worker threads verify files at once (max_concurrent_jobs > 1)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from core.operational_settings import OperationalSettings
from processing.pipeline import process_file

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
FILES = ["01_tour_payroll_wide.xlsx", "04_labor_blocks.xlsx", "05_weekly_long.csv", "09_punches_cp1252.csv"]


def verdicts(name: str) -> str:
    outcome = process_file(name, (SAMPLES / name).read_bytes(), OperationalSettings())
    return json.dumps([outcome.result["issues"], outcome.result["findings"]], sort_keys=True)


def test_concurrent_verification_gives_the_sequential_verdicts():
    sequential = {name: verdicts(name) for name in FILES}
    with ThreadPoolExecutor(max_workers=4) as pool:
        concurrent = dict(zip(FILES * 3, pool.map(verdicts, FILES * 3), strict=True))
    assert concurrent == sequential
