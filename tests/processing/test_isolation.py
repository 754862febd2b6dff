"""run_isolated: every way a child can end becomes a value or an exception the caller handles."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from core.operational_settings import OperationalSettings
from processing import errors
from processing.errors import InputError
from processing.isolation import ChildLimits, ChildReport, IsolatedError, process_file_isolated, run_isolated
from tests.processing import isolated_children as children

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
QUICK = ChildLimits(cpu_seconds=2, wall_seconds=20, memory_bytes=256 * 1024 * 1024)


def test_a_value_comes_back():
    assert run_isolated(children.add, 2, 3) == 5


def test_the_child_is_another_process():
    assert run_isolated(children.own_pid) != os.getpid()
    report: list[ChildReport] = []
    run_isolated(children.add, 1, 1, report=report)
    assert report[0].peak_rss_kb and report[0].peak_rss_kb > 0


def test_an_input_error_keeps_its_code_and_message():
    with pytest.raises(InputError) as caught:
        run_isolated(children.refuse, errors.CORRUPT_FILE)
    assert (caught.value.code, caught.value.message) == (errors.CORRUPT_FILE, "what to fix")


def test_a_bug_is_reported_by_type_and_frames_never_by_message():
    with pytest.raises(IsolatedError) as caught:
        run_isolated(children.bug)
    assert caught.value.exception_type == "KeyError"
    assert "isolated_children.py" in caught.value.summary
    assert "123-45-6789" not in caught.value.summary + str(caught.value)


def test_cpu_time_is_limited():
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        run_isolated(children.burn_cpu, limits=QUICK)
    assert caught.value.code == errors.PROCESSING_LIMIT
    assert time.monotonic() - started < 15


def test_wall_time_is_limited_for_a_child_that_blocks():
    limits = ChildLimits(cpu_seconds=10, wall_seconds=1.5, memory_bytes=256 * 1024 * 1024)
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        run_isolated(children.sleep_forever, limits=limits)
    assert caught.value.code == errors.PROCESSING_LIMIT
    assert time.monotonic() - started < 8


def test_memory_is_limited():
    with pytest.raises(InputError) as caught:
        run_isolated(children.allocate, 2048, limits=QUICK)
    assert caught.value.code == errors.PROCESSING_LIMIT
    assert "256 MB" in caught.value.message
    assert run_isolated(children.allocate, 64, limits=QUICK) == 64


@pytest.mark.parametrize("crash", [children.abort, children.segfault])
def test_a_native_crash_is_a_stable_code_and_the_caller_lives_on(crash):
    with pytest.raises(InputError) as caught:
        run_isolated(crash, limits=QUICK)
    assert caught.value.code == errors.PROCESSING_CRASHED
    assert run_isolated(children.add, 1, 2) == 3


def test_events_reach_the_caller_in_order():
    seen = []
    assert run_isolated(children.progress, 3, on_event=seen.append) == "done"
    assert seen == [("step", 0), ("step", 1), ("step", 2)]


def test_the_pipeline_isolated_gives_the_same_result_as_in_process():
    from processing.pipeline import process_file

    path = SAMPLES / "05_weekly_long.csv"
    settings = OperationalSettings()
    stages: list[tuple[str, int]] = []
    isolated = process_file_isolated(path.name, path.read_bytes(), settings, on_stage=lambda s, p: stages.append((s, p)))
    direct = process_file(path.name, path.read_bytes(), settings)
    assert isolated.result == direct.result
    assert [stage for stage, _ in stages] == ["read", "extract", "validate", "done"]


def test_the_pipeline_isolated_survives_the_file_that_aborted_the_process():
    # The old reader aborted (SIGABRT) on this file; whatever a reader does now, the caller
    # gets a result or a stable code.
    from tests.processing.readers.builders import single_sheet_xlsx

    data = single_sheet_xlsx(
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="200000"><c r="ALL200000"><v>2</v></c></row>',
        head='<dimension ref="A1:XFD200000"/>',
    )
    with pytest.raises(InputError) as caught:
        process_file_isolated("far.xlsx", data, OperationalSettings())
    assert caught.value.code in (errors.UNRECOGNIZED_LAYOUT, errors.NO_DATA)


def test_only_the_reading_isolated_feeds_the_pipeline_in_this_process():
    from processing.isolation import read_workbook_isolated
    from processing.pipeline import process_file

    path = SAMPLES / "01_tour_payroll_wide.xlsx"
    settings = OperationalSettings()
    workbook = read_workbook_isolated(path.name, path.read_bytes(), settings)
    via_child = process_file(path.name, path.read_bytes(), settings, reader=lambda *_: workbook)
    assert via_child.result == process_file(path.name, path.read_bytes(), settings).result


def test_reading_isolated_keeps_input_errors():
    from processing.isolation import read_workbook_isolated

    with pytest.raises(InputError) as caught:
        read_workbook_isolated("week.xlsx", b"PK\x03\x04 damaged", OperationalSettings())
    assert caught.value.code == errors.CORRUPT_FILE
