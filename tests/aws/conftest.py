"""Fixtures for the AWS deployment, drop-folder and scale-out tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "cloudformation"
SAMPLE_CSV = ROOT / "samples" / "05_weekly_long.csv"


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE_CSV.read_bytes()
