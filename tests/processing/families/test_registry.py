"""The family registry: every family fully wired, every family read by at least one sample that CI tests,
and the classifier deciding by score, not by registry order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from processing import families
from processing.families.base import Candidate, Context
from processing.readers import read_workbook
from tests.processing.extraction.grids import sheet

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def test_every_family_has_the_whole_interface():
    names = [family.NAME for family in families.REGISTRY]
    assert len(names) == len(set(names)), "two families share a name"
    for family in families.REGISTRY:
        assert isinstance(family.ENTRIES, bool), family.NAME
        assert callable(family.detect) and callable(family.read), family.NAME


def _families_the_samples_exercise() -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for path in sorted(SAMPLES.glob("[0-9][0-9]_*")):
        if path.suffix not in (".xlsx", ".xls", ".csv", ".xlsm"):
            continue
        workbook = read_workbook(path.name, path.read_bytes())
        for one in workbook.sheets:
            layout = families.detect_layout(one, date1904=workbook.date1904)
            seen.setdefault(layout.family, []).append(path.name)
    return seen


def test_every_entry_family_reads_at_least_one_sample():
    """A family added to the registry without a sample (a half-wired family) fails here."""
    seen = _families_the_samples_exercise()
    missing = sorted(families.ENTRY_FAMILIES - set(seen))
    assert not missing, f"families no sample exercises: {missing}"


def test_the_best_score_wins_whatever_the_registry_order(monkeypatch):
    class Weak:
        NAME, ENTRIES = "weak", True

        @staticmethod
        def detect(s, c):
            return Candidate("weak", 0.2, "weak evidence")

    class Strong:
        NAME, ENTRIES = "strong", True

        @staticmethod
        def detect(s, c):
            return Candidate("strong", 0.9, "strong evidence")

    one = sheet("s", [["a", "b"], [1, 2]])
    context = Context(date1904=False, period=None, table=None)
    for order in ((Weak, Strong), (Strong, Weak)):
        monkeypatch.setattr(families, "REGISTRY", order)
        assert [c.family for c in families.candidates(one, context)] == ["strong", "weak"]


def test_a_near_tie_is_reported_as_an_alternative(monkeypatch):
    def claim(name, score):
        class Claim:
            NAME, ENTRIES = name, True

            @staticmethod
            def detect(s, c):
                return Candidate(name, score, "evidence")
        return Claim

    monkeypatch.setattr(families, "REGISTRY", (claim("a", 0.80), claim("b", 0.79)))
    detection = families.classify(sheet("s", [["x", "y"], [1, 2]]), date1904=False, period=None, table=None)
    assert detection.family == "a" and detection.alternatives == ["b"]
    monkeypatch.setattr(families, "REGISTRY", (claim("a", 0.9), claim("b", 0.5)))
    detection = families.classify(sheet("s", [["x", "y"], [1, 2]]), date1904=False, period=None, table=None)
    assert detection.alternatives == []


@pytest.mark.parametrize("rows, family", [
    ([["Employee", "Date", "In", "Out"], ["Ann Lee", dt.datetime(2026, 3, 2), "9:00", "17:00"]], "punch"),
    ([["Employee", "Date", "Hours"], ["Ann Lee", dt.datetime(2026, 3, 2), 8]], "long"),
    ([["Name", dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 3), dt.datetime(2026, 3, 4)], ["Ann Lee", 8, 8, 8]],
     "wide_grid"),
])
def test_each_family_claims_its_own_shape(rows, family):
    assert families.classify(sheet("s", rows), date1904=False, period=None).family == family
