"""AVRO backup -> wipe -> restore gives back the same records (moto)."""

from __future__ import annotations

import io

import fastavro
import pytest

from processing.onboarding.registry import get_model
from services.onboarding.backup import BackupMismatch, avro_schema, backup_model, restore_model
from services.onboarding.records import from_json, plan_record
from store.blobs import get_blob_store
from store.onboarding import delete_records, get_by_unique, iter_records
from store.onboarding_models import UniqueKey
from tests.onboarding.conftest import SAMPLES


def snapshot(model: str) -> list[tuple]:
    return [(r.record_key, r.record_id, r.data, r.created_at, r.origin, r.list_sk, r.hires_pk, r.hires_sk)
            for r in iter_records(get_model(model).key)]


def wipe(model: str) -> None:
    spec = get_model(model)
    delete_records([plan_record(spec, from_json(spec, r.data), origin=None, record_id=r.record_id)
                    for r in iter_records(spec.key)])


@pytest.mark.parametrize("sample,model", [("customers.csv", "Customer"), ("projects.csv", "Project"),
                                          ("hired_employees.csv", "HiredEmployee")])
def test_backup_wipe_restore_gives_back_equal_records(run_upload, sample, model):
    run_upload((SAMPLES / sample).read_bytes(), name=sample)
    before = snapshot(model)
    assert before
    key, count = backup_model(model)
    assert count == len(before) and key.startswith(f"backups/{get_model(model).key}/") and key.endswith(".avro")
    wipe(model)
    assert snapshot(model) == [] and UniqueKey.count() == 0
    progress: list[tuple[int, int]] = []
    report = restore_model(model, key, on_progress=lambda done, total: progress.append((done, total)), batch=2)
    assert (report.restored, report.already_present, report.conflicts) == (len(before), 0, 0)
    assert snapshot(model) == before
    assert progress[-1] == (len(before), len(before)) and len(progress) == (len(before) + 1) // 2
    if model == "Customer":  # uniqueness came back with the records
        assert get_by_unique("customer", "email", "avery.quinlan@example.com") is not None


def test_restoring_twice_writes_nothing_the_second_time(run_upload):
    run_upload((SAMPLES / "departments.csv").read_bytes(), name="departments.csv")
    key, _ = backup_model("Department")
    report = restore_model("Department", key)
    assert (report.restored, report.already_present) == (0, 12)


def test_the_backup_is_typed_avro(run_upload):
    run_upload((SAMPLES / "projects.csv").read_bytes(), name="projects.csv")
    key, _ = backup_model("Project")
    reader = fastavro.reader(io.BytesIO(get_blob_store().get(key)))
    fields = {f["name"]: f["type"] for f in reader.writer_schema["fields"]}
    assert fields["budget"][1]["logicalType"] == "decimal" and fields["startDate"][1]["logicalType"] == "date"
    [row] = list(reader)
    assert str(row["budget"]) == "125000.00" and row["startDate"].isoformat() == "2024-02-01"
    assert avro_schema(get_model("Project"))["name"] == "Project"


def test_a_backup_of_another_model_is_refused(run_upload):
    run_upload((SAMPLES / "jobs.csv").read_bytes(), name="jobs.csv")
    key, _ = backup_model("JobTitle")
    with pytest.raises(BackupMismatch):
        restore_model("Department", key)
