"""Every sample with an expected result: `python main.py process FILE --json`, as a user runs it.

Compared with ``samples/*.expected.json`` (written by the extraction engineer): every key
the expected result has, except ``findings`` (proof details), ``issues`` and the sample's
own description (``sample``), must be equal; timecards are compared in name order
because the expected files list them in file order and the contract fixes no order.
Issues with the contract's codes must match exactly on (code, severity, employee, date)
and message; other codes in the expected file must be present; extra codes the
compliance engine adds are allowed. Speed is measured by bench/read.py, not asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
CONTRACT_KEYS = ["file", "kind", "timecards", "issues", "decision", "findings"]
CONTRACT_CODES = frozenset({"MIN_WAGE", "HOURS_ASSUMED", "OVERTIME", "EXCESSIVE_HOURS", "TOTAL_MISMATCH",
                            "NEGATIVE_VALUE", "MISSING_VALUE"})
NOT_COMPARED = frozenset({"findings", "issues", "sample"})
EXPECTED_SUFFIX = ".expected.json"


def sample_input(expected: Path) -> Path:
    """``week12.xlsx.expected.json`` or ``week12.expected.json`` -> the sample it describes."""
    base = expected.name[: -len(EXPECTED_SUFFIX)]
    direct = expected.with_name(base)
    if direct.is_file():
        return direct
    candidates = [p for p in expected.parent.glob(base + ".*") if not p.name.endswith(".json")]
    if len(candidates) != 1:
        raise AssertionError(f"{expected.name}: expected exactly one sample file named {base}.*, found {candidates}")
    return candidates[0]


EXPECTED_FILES = sorted(SAMPLES.glob("*" + EXPECTED_SUFFIX))


def by_person(timecards: list[dict]) -> list[dict]:
    return sorted(timecards, key=lambda t: (t["employee"].casefold(), t["employee"], t["employee_id"] or ""))


def issue_key(issue: dict) -> tuple:
    return (issue["code"], issue["severity"], issue["employee"], issue["date"])


def run_process(path: Path) -> dict:
    done = subprocess.run([sys.executable, "main.py", "process", str(path), "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stdout[-2000:]} {done.stderr[-2000:]}"
    return json.loads(done.stdout)


@pytest.mark.parametrize("expected_path", EXPECTED_FILES, ids=[p.name for p in EXPECTED_FILES])
def test_sample_matches_expected_result(expected_path: Path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    actual = run_process(sample_input(expected_path))

    assert list(actual)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    for key in expected.keys() - NOT_COMPARED - {"timecards"}:
        assert actual.get(key) == expected[key], f"{key} differs"
    assert by_person(actual["timecards"]) == by_person(expected["timecards"]), "timecards differ"

    # Multisets, not dicts: one person has one HOURS_ASSUMED per workweek under the same key.
    expected_contract = Counter((*issue_key(i), i["message"]) for i in expected.get("issues", [])
                                if i["code"] in CONTRACT_CODES)
    actual_contract = Counter((*issue_key(i), i["message"]) for i in actual["issues"] if i["code"] in CONTRACT_CODES)
    assert Counter(k[:4] for k in actual_contract.elements()) == Counter(k[:4] for k in expected_contract.elements()), \
        "contract issues differ"
    assert actual_contract == expected_contract, "contract issue messages differ"
    other_expected = {issue_key(i) for i in expected.get("issues", []) if i["code"] not in CONTRACT_CODES}
    assert other_expected <= {issue_key(i) for i in actual["issues"]}, "expected extra issues are missing"
