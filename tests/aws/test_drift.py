"""tables.yaml must be exactly what the PynamoDB models imply (keys, indexes, projections, TTL),
and the drift check must notice every kind of difference."""

from __future__ import annotations

import copy

import pytest
from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.indexes import GlobalSecondaryIndex, KeysOnlyProjection

from cloudformation import generate_tables
from cloudformation.drift import load_template, template_drift
from cloudformation.model_schema import load_registered_models
from store.models import BaseModel
from tests.aws.conftest import TEMPLATES


@pytest.fixture(scope="module")
def committed() -> dict:
    return load_template(TEMPLATES / "tables.yaml")


def _table(template: dict, logical: str) -> dict:
    return template["Resources"][logical]["Properties"]


def test_committed_tables_yaml_is_what_the_generator_writes():
    # Fails when a model changed and `python -m cloudformation.generate_tables` was not re-run.
    assert (TEMPLATES / "tables.yaml").read_text() == generate_tables.render()


def test_committed_template_has_no_drift(committed):
    assert template_drift(committed) == []


def test_every_registered_model_has_a_table(committed):
    names = {r["Properties"]["TableName"]["Fn::Sub"] for r in committed["Resources"].values()}
    assert {f"${{TablePrefix}}{m.base_table_name}" for m in load_registered_models()} == names


def test_table_policy_pay_per_request_pitr_encryption_retain(committed):
    for resource in committed["Resources"].values():
        properties = resource["Properties"]
        assert properties["BillingMode"] == "PAY_PER_REQUEST"
        assert properties["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
        assert properties["SSESpecification"] == {"SSEEnabled": True}
        assert resource["DeletionPolicy"] == "Retain"


def test_job_table_keeps_queue_index_sharded_and_ttl(committed):
    jobs = _table(committed, "JobTable")
    indexes = {i["IndexName"]: i for i in jobs["GlobalSecondaryIndexes"]}
    assert indexes["queue-index"]["KeySchema"][0] == {"AttributeName": "queue_pk", "KeyType": "HASH"}
    assert indexes["status-index"]["Projection"]["NonKeyAttributes"] == ["completed_at", "file_sha256", "kind", "priority"]
    assert jobs["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda t: _table(t, "JobTable")["GlobalSecondaryIndexes"].pop(), "index status-index is missing"),
        (lambda t: _table(t, "JobTable")["GlobalSecondaryIndexes"][2]["Projection"]["NonKeyAttributes"].remove("kind"),
         "index status-index is"),
        (lambda t: _table(t, "JobTable")["GlobalSecondaryIndexes"][1].update(
            {"Projection": {"ProjectionType": "KEYS_ONLY"}}), "index queue-index is"),
        (lambda t: _table(t, "JobTable").pop("TimeToLiveSpecification"), "TimeToLive is None"),
        (lambda t: _table(t, "JobEventTable")["KeySchema"].pop(), "KeySchema"),
        (lambda t: _table(t, "FileRecordTable")["AttributeDefinitions"][0].update({"AttributeType": "N"}),
         "AttributeDefinitions"),
        (lambda t: t["Resources"].pop("CounterTable"), "model Counter has no table"),
        (lambda t: t["Resources"].update({"Stray": copy.deepcopy(t["Resources"]["CounterTable"]) | {
            "Properties": {**t["Resources"]["CounterTable"]["Properties"], "TableName": {"Fn::Sub": "${TablePrefix}x"}}}}),
         "matches no registered model"),
        (lambda t: _table(t, "ReviewTable").update({"BillingMode": "PROVISIONED"}), "PAY_PER_REQUEST"),
    ],
    ids=["gsi-missing", "projection-attrs", "projection-type", "ttl", "range-key", "attr-type", "table-missing",
         "stray-table", "billing"],
)
def test_drift_is_reported(committed, mutate, expected):
    template = copy.deepcopy(committed)
    mutate(template)
    problems = template_drift(template)
    assert any(expected in p for p in problems), problems


class _WidgetIndex(GlobalSecondaryIndex["_Widget"]):
    class Meta:
        index_name = "owner-index"
        projection = KeysOnlyProjection()

    owner = UnicodeAttribute(hash_key=True)
    made_at = NumberAttribute(range_key=True)


class _Widget(BaseModel):
    """A model another team might add later."""

    base_table_name = "widgets"

    class Meta(BaseModel.Meta):
        table_name = "widgets"

    widget_id = UnicodeAttribute(hash_key=True)
    owner = UnicodeAttribute()
    made_at = NumberAttribute()
    gone_at = TTLAttribute(null=True)
    owner_index = _WidgetIndex()


def test_a_new_model_is_drift_until_the_generator_runs(committed):
    models = [*load_registered_models(), _Widget]
    assert template_drift(committed, models) == ["widgets: model _Widget has no table in the template"]
    regenerated = generate_tables.build_template(models)
    assert template_drift(regenerated, models) == []
    widget = regenerated["Resources"]["_WidgetTable"]["Properties"]
    assert widget["TimeToLiveSpecification"] == {"AttributeName": "gone_at", "Enabled": True}
    assert widget["GlobalSecondaryIndexes"][0]["KeySchema"] == [
        {"AttributeName": "owner", "KeyType": "HASH"},
        {"AttributeName": "made_at", "KeyType": "RANGE"},
    ]


def test_generator_check_mode_fails_on_a_stale_file(tmp_path):
    stale = tmp_path / "tables.yaml"
    stale.write_text("# old\n")
    assert generate_tables.main(["--check", "--output", str(stale)]) == 1
    assert generate_tables.main(["--output", str(stale)]) == 0
    assert generate_tables.main(["--check", "--output", str(stale)]) == 0
