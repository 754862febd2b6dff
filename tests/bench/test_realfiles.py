"""bench/realfiles.py over a temp folder of synthetic samples: one row per file, named by
index only, refusals by code, stated totals and how many the reading reproduces, never a
person's name; a hung file is stopped and reported, not waited for."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from samples.generator.sheet_samples import clock_punches_csv, per_employee_timesheets
from samples.generator.wide_samples import ref_error_grid, tour_payroll_wide

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
BUILDERS = {"01_tour_payroll_wide.xlsx": tour_payroll_wide, "07_timesheets_per_employee.xlsx": per_employee_timesheets,
            "08_clock_punches.csv": clock_punches_csv, "12_ref_error_grid.xlsx": ref_error_grid}


def bench(folder: Path, *options: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "bench/realfiles.py", str(folder), *options], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def expected(name: str) -> dict:
    return json.loads((SAMPLES / (name.rsplit(".", 1)[0] + ".expected.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("realfiles")
    for name in BUILDERS:
        shutil.copy(SAMPLES / name, path / name)
    (path / "empty.xlsx").write_bytes(b"")
    (path / "scan.pdf").write_bytes(b"%PDF-1.4 not a spreadsheet")
    (path / ".hidden.csv").write_text("Name,Date,Hours\nnobody,2026-01-01,8\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report(folder: Path) -> dict:
    return json.loads(bench(folder, "--json").stdout)


def test_one_row_per_visible_file_named_by_index_only(report: dict):
    files = report["files"]
    assert [f["index"] for f in files] == list(range(1, 7))  # the hidden file is skipped
    assert all("name" not in f for f in files)


def test_recognized_files_report_what_the_ground_truth_holds(report: dict, tmp_path: Path):
    rows = {name: row for name, row in zip([*BUILDERS, "empty.xlsx", "scan.pdf"], report["files"], strict=True)}
    for name, build in BUILDERS.items():
        row, want = rows[name], expected(name)
        assert row["status"] == "recognized", name
        assert row["employees"] == len(want["timecards"]), name
        assert row["entries"] == sum(len(card["entries"]) for card in want["timecards"]), name
        truth = build(tmp_path)
        mismatches = sum(1 for issue in want["issues"] if issue["code"] == "TOTAL_MISMATCH")
        assert row["stated"] >= len(truth.stated_totals), name  # every total the file states was found
        assert row["stated"] - row["reproduced"] == mismatches, name
        assert row["seconds"] > 0
    assert rows["07_timesheets_per_employee.xlsx"]["reproduced"] < rows["07_timesheets_per_employee.xlsx"]["stated"]


def test_refusals_are_codes_not_crashes(report: dict):
    empty, pdf = report["files"][4], report["files"][5]
    for row in (empty, pdf):
        assert row["status"] != "recognized"
        assert row["status"].isupper() and not row["status"].startswith(("CRASH", "TIMEOUT")), row["status"]
        assert row["employees"] is None and row["stated"] is None
    assert report["totals"]["files"] == 6 and report["totals"]["recognized"] == 4
    assert report["totals"]["stated"] == sum(r["stated"] or 0 for r in report["files"])


def test_no_person_is_ever_named(folder: Path, report: dict):
    text = bench(folder).stdout
    people = {card["employee"] for name in BUILDERS for card in expected(name)["timecards"]}
    people |= {part for person in people for part in person.split() if len(part) > 3}
    for output in (text, json.dumps(report)):
        assert not [p for p in people if p in output]
    assert not any(name in text for name in BUILDERS)  # files by index unless asked


def test_names_option_shows_file_names_only(folder: Path):
    text = bench(folder, "--names").stdout
    assert all(name in text for name in BUILDERS)


def test_a_file_that_does_not_finish_in_time_is_stopped_and_reported(tmp_path: Path):
    shutil.copy(SAMPLES / "01_tour_payroll_wide.xlsx", tmp_path / "slow.xlsx")
    row = json.loads(bench(tmp_path, "--json", "--timeout", "0.001").stdout)["files"][0]
    assert row["status"] == "TIMEOUT"


def test_a_missing_folder_is_an_error_code(tmp_path: Path):
    done = subprocess.run([sys.executable, "bench/realfiles.py", str(tmp_path / "nowhere")], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "FOLDER_NOT_FOUND" in done.stderr
