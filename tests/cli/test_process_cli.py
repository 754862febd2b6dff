"""`process FILE`: exit codes, one JSON object on stdout, no store and no boto3 on this path.

The CliRunner tests go through the real readers, extraction and compliance; the ``run``
tests inject a fake pipeline so the command's own behaviour is proven on its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer
from typer.testing import CliRunner

from cli.process import CommandError, register, run
from processing.errors import InputError
from processing.pipeline import process_file
from tests.processing.pipeline_fakes import FakeStages, entry, extraction, timecard

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_KEYS = ["file", "kind", "timecards", "issues", "decision", "findings"]
LONG_CSV = (
    b"Employee,Employee ID,Date,Hours,Rate\n"
    b"Jane Smith,E104,2026-03-02,8,25\n"
    b"Jane Smith,E104,2026-03-03,8,25\n"
    b"Bo Chen,E200,2026-03-02,6,20\n"
)


def cli_app() -> typer.Typer:
    """main.app once the lead's command modules exist; until then, only this command."""
    try:
        from main import app
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("cli."):
            raise
        app = typer.Typer()
        app.callback()(lambda: None)  # keeps "process" a sub-command, as in main.app
        register(app)
    return app


@pytest.fixture
def invoke():
    runner = CliRunner()

    def _invoke(*args: str):
        return runner.invoke(cli_app(), ["process", *args])

    return _invoke


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_json_output_is_one_contract_object_and_exit_0(invoke, tmp_path):
    result = invoke(str(write(tmp_path, "week12.csv", LONG_CSV)), "--json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert list(body)[:6] == CONTRACT_KEYS
    assert body["file"]["name"] == "week12.csv" and body["file"]["format"] == "csv"
    assert body["file"]["size"] == len(LONG_CSV)
    assert [t["employee"] for t in body["timecards"]] == ["Bo Chen", "Jane Smith"]
    jane = body["timecards"][1]
    assert jane["entries"][0] == {"date": "2026-03-02", "hours": 8.0, "pay": 200.0}
    assert jane["total_hours"] == 16.0 and jane["total_pay"] == 400.0
    assert body["decision"] in ("approved", "review")
    assert "\x1b[" not in result.stdout and result.stdout.count("\n") == 1


@pytest.mark.parametrize("name, data", [("empty.csv", b""), ("junk.xlsx", bytes(range(256)) * 8),
                                        ("junk.csv", b"\x00\xff\xfe\x00" * 500)],
                         ids=["empty", "binary-junk-xlsx", "binary-junk-csv"])
def test_unreadable_files_exit_2_with_error_json(invoke, tmp_path, name, data):
    result = invoke(str(write(tmp_path, name, data)), "--json")
    assert result.exit_code == 2, result.output
    body = json.loads(result.stdout)
    assert list(body) == ["error"]
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"].isupper() and body["error"]["message"]


def test_empty_file_is_reported_as_empty(invoke, tmp_path):
    body = json.loads(invoke(str(write(tmp_path, "empty.csv", b"")), "--json").stdout)
    assert body["error"]["code"] == "EMPTY_FILE"


def test_missing_file_exit_2_file_not_found(invoke, tmp_path):
    result = invoke(str(tmp_path / "nope.xlsx"), "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == "FILE_NOT_FOUND"


def test_readable_report_without_json(invoke, tmp_path):
    result = invoke(str(write(tmp_path, "week12.csv", LONG_CSV)))
    assert result.exit_code == 0, result.output
    assert "Jane Smith" in result.stdout and "Decision:" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


def test_process_path_imports_neither_store_nor_boto3(tmp_path):
    path = write(tmp_path, "week12.csv", LONG_CSV)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cli.process import run\n"
        f"run(Path({str(path)!r}), save=False, priority=None)\n"
        "print([m for m in sys.modules if m == 'store' or m.startswith('store.') or m.startswith('boto')])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- the command's own behaviour, with a fake pipeline ---------------------------------

def services_with(save_processed, settings=None) -> SimpleNamespace:
    """A stand-in for services.completion: its saver and the stored settings."""
    from core.operational_settings import OperationalSettings

    return SimpleNamespace(save_processed=save_processed, stored_settings=lambda: settings or OperationalSettings())


def fake_process(stages: FakeStages):
    return lambda name, data, settings: process_file(name, data, settings, **stages.stage_kwargs())


def test_run_returns_the_pipeline_result(tmp_path):
    stages = FakeStages(extraction(timecard("Jane Smith", entry("2026-03-02", "8", "200"))))
    out = run(write(tmp_path, "w.xlsx", b"abc"), save=False, priority=None, process=fake_process(stages))
    assert out["timecards"][0]["entries"] == [{"date": "2026-03-02", "hours": 8.0, "pay": 200.0}]
    assert out["file"]["size"] == 3 and "job" not in out


def test_run_turns_input_errors_into_command_errors(tmp_path):
    stages = FakeStages(extraction(), read_error=InputError("UNSUPPORTED_FORMAT", "not a spreadsheet"))
    with pytest.raises(CommandError) as caught:
        run(write(tmp_path, "w.pdf", b"%PDF"), save=False, priority=None, process=fake_process(stages))
    assert (caught.value.code, caught.value.message) == ("UNSUPPORTED_FORMAT", "not a spreadsheet")


def test_save_without_store_uploads_is_store_unavailable_before_processing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "services.completion", None)  # makes the import fail
    stages = FakeStages(extraction())
    with pytest.raises(CommandError) as caught:
        run(write(tmp_path, "w.xlsx", b"abc"), save=True, priority="high", process=fake_process(stages))
    assert caught.value.code == "STORE_UNAVAILABLE"
    assert stages.calls == []


def test_save_hands_the_outcome_and_priority_to_the_store(tmp_path, monkeypatch):
    calls = []

    def save_processed(*, name, data, outcome, priority):
        calls.append((name, data, outcome.decision, priority))
        return {"id": "job-1", "status": "COMPLETED"}

    monkeypatch.setitem(sys.modules, "services.completion", services_with(save_processed))
    stages = FakeStages(extraction(timecard("Jane Smith", entry("2026-03-02", "8", "200"))))
    out = run(write(tmp_path, "w.xlsx", b"abc"), save=True, priority="urgent", process=fake_process(stages))
    assert calls == [("w.xlsx", b"abc", "approved", 4)]
    assert out["job"] == {"id": "job-1", "status": "COMPLETED"}


def test_store_refusals_become_error_codes(tmp_path, monkeypatch):
    class DuplicateFile(Exception):
        code = "DUPLICATE_FILE"

    def save_processed(**kwargs):
        raise DuplicateFile("this file was already uploaded")

    monkeypatch.setitem(sys.modules, "services.completion", services_with(save_processed))
    stages = FakeStages(extraction())
    with pytest.raises(CommandError) as caught:
        run(write(tmp_path, "w.xlsx", b"abc"), save=True, priority=None, process=fake_process(stages))
    assert caught.value.code == "DUPLICATE_FILE"


def test_invalid_priority_is_refused_before_processing(tmp_path):
    stages = FakeStages(extraction())
    with pytest.raises(CommandError) as caught:
        run(write(tmp_path, "w.xlsx", b"abc"), save=True, priority="asap", process=fake_process(stages))
    assert caught.value.code == "INVALID_PRIORITY" and stages.calls == []


def test_error_json_on_stdout_through_typer(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "services.completion", None)
    result = CliRunner().invoke(app_with(None), ["process", str(tmp_path / "missing.csv"), "--json", "--save"])
    assert result.exit_code == 2
    assert json.loads(result.stdout) == {"error": {"code": "FILE_NOT_FOUND",
                                                   "message": f"no file at {tmp_path / 'missing.csv'}"}}


def test_a_bug_exits_1_without_leaking_values(tmp_path):
    secret = "Jane Smith 123-45-6789"

    def broken(name, data, settings):
        cell = secret  # a local that a pretty traceback would show
        raise ValueError(f"cannot parse {cell}")

    result = CliRunner().invoke(app_with(broken), ["process", str(write(tmp_path, "w.csv", b"a\n1\n")), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["code"] == "INTERNAL_ERROR"
    assert secret not in result.stdout and secret not in result.stderr
    assert "ValueError" in result.stderr and "in broken" in result.stderr


def test_json_through_typer_with_a_fake_pipeline(tmp_path):
    stages = FakeStages(extraction(timecard("Zoë Müller", entry("2026-03-02", "8", "200"))))
    result = CliRunner().invoke(app_with(fake_process(stages)),
                                ["process", str(write(tmp_path, "w.xlsx", b"abc")), "--json"])
    assert result.exit_code == 0
    assert "Zoë Müller" in result.stdout  # ensure_ascii=False
    assert json.loads(result.stdout)["timecards"][0]["total_pay"] == 200.0


def app_with(process) -> typer.Typer:
    app = typer.Typer()
    app.callback()(lambda: None)
    register(app, process=process)
    return app
