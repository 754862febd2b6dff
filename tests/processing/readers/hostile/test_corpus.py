"""Every file of the hostile corpus through the whole pipeline, each in a bounded child.

Each file must end as a result (exit 0) or a stable error code (exit 2) that its builder
expects; never a crash, an INTERNAL_ERROR, a time-out or more than 1 GB of memory, and no
error message may echo the file's contents. A sample also goes through the real command,
``main.py process FILE --json``, whose exit status, JSON and peak RSS are checked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from core.operational_settings import OperationalSettings
from processing import errors
from processing.errors import InputError
from processing.isolation import ChildLimits, ChildReport, IsolatedError, process_file_isolated
from tests.processing.readers.hostile.corpus import CORPUS, READ, SECRET, HostileFile, write_corpus

REPO = Path(__file__).resolve().parents[4]
TIME_LIMIT_SECONDS = 60
MEMORY_LIMIT_KB = 1024 * 1024  # 1 GB peak RSS per file
# The bound the children run under: a little above the limits asserted, so that a file
# over them is measured and reported rather than killed silently.
LIMITS = ChildLimits(cpu_seconds=TIME_LIMIT_SECONDS + 10, wall_seconds=TIME_LIMIT_SECONDS * 3,
                     memory_bytes=2 * MEMORY_LIMIT_KB * 1024)
STABLE_CODES = {value for name, value in vars(errors).items() if name.isupper() and isinstance(value, str)}
# Files that go through the real command as well (it costs an interpreter start each).
CLI_SAMPLE = ("far-cells.xlsx", "timecard-stray-ALL199000.xlsx", "lying-size-200mb.xlsx", "encrypted-flag.xlsx",
              "1e308-rate.xlsx", "date-9999.xlsx", "utf16le-bom.csv", "sheets-1000.xlsx", "junk-0.csv")


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_corpus(folder)
    return folder


def test_the_corpus_is_large_and_names_are_unique():
    assert len(CORPUS) >= 200
    assert len({item.name for item in CORPUS}) == len(CORPUS)
    for item in CORPUS:
        assert item.accept <= STABLE_CODES | {READ}, item.name


@pytest.mark.parametrize("item", CORPUS, ids=[item.name for item in CORPUS])
def test_hostile_file_is_read_or_refused_within_bounds(item: HostileFile, corpus_dir: Path):
    data = (corpus_dir / item.name).read_bytes()
    report: list[ChildReport] = []
    started = time.monotonic()
    try:
        outcome = process_file_isolated(item.name, data, OperationalSettings(), limits=LIMITS, report=report)
        got = READ
    except InputError as error:
        got = error.code
        assert error.message.strip(), item.name
        assert SECRET not in error.message and "SSN" not in error.message, item.name
    except IsolatedError as error:  # pragma: no cover - what this test exists to catch
        pytest.fail(f"{item.name} ({item.attack}): INTERNAL_ERROR, {error.exception_type}\n{error.summary}")
    elapsed = time.monotonic() - started
    assert got not in (errors.PROCESSING_CRASHED, errors.PROCESSING_LIMIT), f"{item.name} ({item.attack}): {got}"
    assert got in item.accept, f"{item.name} ({item.attack}): got {got}, expected one of {sorted(item.accept)}"
    assert elapsed < TIME_LIMIT_SECONDS, f"{item.name} took {elapsed:.1f}s"
    assert report and report[0].peak_rss_kb is not None
    assert report[0].peak_rss_kb < MEMORY_LIMIT_KB, f"{item.name} peaked at {report[0].peak_rss_kb // 1024} MB"
    if got == READ:
        assert outcome.result["decision"] in ("approved", "review")
        assert outcome.result["file"]["name"] == item.name


def _run_command(path: Path) -> tuple[int, str, int, float]:
    """``main.py process PATH --json``: exit status, stdout, peak RSS (KB) and seconds."""
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "main.py", "process", str(path), "--json"], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    timer = threading.Timer(TIME_LIMIT_SECONDS * 2, process.kill)
    timer.start()
    output = process.stdout.read().decode() if process.stdout else ""
    _pid, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, output, usage.ru_maxrss, time.monotonic() - started


@pytest.mark.parametrize("name", CLI_SAMPLE)
def test_hostile_file_through_the_command(name: str, corpus_dir: Path):
    item = next(item for item in CORPUS if item.name == name)
    status, output, peak_kb, seconds = _run_command(corpus_dir / name)
    assert status in (0, 2), f"{name}: exit {status}"
    answer = json.loads(output)
    got = READ if status == 0 else answer["error"]["code"]
    assert got in item.accept, f"{name}: {got}"
    if status == 0:
        assert answer["decision"] in ("approved", "review")
    assert seconds < TIME_LIMIT_SECONDS, f"{name} took {seconds:.1f}s"
    assert peak_kb < MEMORY_LIMIT_KB, f"{name} peaked at {peak_kb // 1024} MB"
