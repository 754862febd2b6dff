"""Upload intake: format from the bytes, kind from the content."""

from __future__ import annotations

from pathlib import Path

import pytest

from processing.errors import EMPTY_FILE, FILE_TOO_LARGE, UNSUPPORTED_FORMAT, InputError
from processing.intake import inspect_upload

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TIMECARD_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".csv", ".xlsx", ".xls"})
ONBOARDING_FILES = sorted((SAMPLES / "onboarding").glob("*.csv"))


@pytest.mark.parametrize("path", TIMECARD_FILES, ids=lambda p: p.name)
def test_timecard_samples_go_to_the_timecard_job(path: Path):
    intake = inspect_upload(path.name, path.read_bytes(), max_bytes=16 << 20)
    assert intake.kind == "timecard"
    assert intake.format == path.suffix.lstrip(".")


@pytest.mark.parametrize("path", ONBOARDING_FILES, ids=lambda p: p.name)
def test_onboarding_csvs_go_to_the_onboarding_job(path: Path):
    assert inspect_upload(path.name, path.read_bytes(), max_bytes=16 << 20).kind == "onboarding"


def test_caller_can_force_the_kind():
    data = (SAMPLES / "onboarding" / "customers.csv").read_bytes()
    assert inspect_upload("c.csv", data, max_bytes=1 << 20, kind="timecard").kind == "timecard"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.csv", b"", EMPTY_FILE),
        ("junk.csv", b"\x00\x01\x02binary", UNSUPPORTED_FORMAT),
        ("notes.pdf", b"%PDF-1.7 text", UNSUPPORTED_FORMAT),
        ("big.csv", b"a,b\n" * 1000, FILE_TOO_LARGE),
    ],
)
def test_refusals_carry_stable_codes(name: str, data: bytes, code: str):
    with pytest.raises(InputError) as refused:
        inspect_upload(name, data, max_bytes=1000)
    assert refused.value.code == code
