"""What the issue asks of the templates that moto cannot deploy, checked on the templates
themselves, plus cfn-lint (which CI also runs through ./dev test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cloudformation.drift import load_template
from tests.aws.conftest import TEMPLATES

CFN_LINT = Path(sys.executable).with_name("cfn-lint")


@pytest.fixture(scope="module")
def storage() -> dict:
    return load_template(TEMPLATES / "storage.yaml")


@pytest.fixture(scope="module")
def services() -> dict:
    return load_template(TEMPLATES / "services.yaml")


def _resources(template: dict, kind: str) -> dict:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == kind}


def test_cfn_lint_passes_on_every_template():
    templates = sorted(str(p) for p in TEMPLATES.glob("*.yaml"))
    assert len(templates) >= 4
    result = subprocess.run([str(CFN_LINT), *templates], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_bucket_is_versioned_encrypted_private_with_lifecycle(storage):
    bucket = storage["Resources"]["Bucket"]["Properties"]
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]
    assert set(bucket["PublicAccessBlockConfiguration"].values()) == {True}
    rules = {r["Id"]: r for r in bucket["LifecycleConfiguration"]["Rules"]}
    assert rules["expire-processed-drops"]["Prefix"] == {"Fn::Sub": "${S3Prefix}processed/"}
    assert rules["expire-failed-drops"]["Prefix"] == {"Fn::Sub": "${S3Prefix}failed/"}


def test_drop_events_go_to_a_queue_with_a_dead_letter_queue(storage):
    bucket = storage["Resources"]["Bucket"]["Properties"]
    [queue_config] = bucket["NotificationConfiguration"]["QueueConfigurations"]
    assert queue_config["Event"] == "s3:ObjectCreated:*"
    assert queue_config["Queue"] == {"Fn::GetAtt": ["DropQueue", "Arn"]}
    redrive = storage["Resources"]["DropQueue"]["Properties"]["RedrivePolicy"]
    assert redrive["deadLetterTargetArn"] == {"Fn::GetAtt": ["DropDeadLetterQueue", "Arn"]}
    # S3 validates the destination when the notification is set: the policy must exist first.
    assert storage["Resources"]["Bucket"]["DependsOn"] == "DropQueuePolicy"


def test_services_are_fargate_with_health_checks(services):
    for name, definition in _resources(services, "AWS::ECS::TaskDefinition").items():
        assert definition["Properties"]["RequiresCompatibilities"] == ["FARGATE"], name
        for container in definition["Properties"]["ContainerDefinitions"]:
            assert container["HealthCheck"]["Command"][0] == "CMD", name
            assert container["LogConfiguration"]["LogDriver"] == "awslogs", name
    target_group = services["Resources"]["ApiTargetGroup"]["Properties"]
    assert target_group["HealthCheckPath"] == "/health"


def test_workers_scale_on_queue_depth(services):
    alarm = services["Resources"]["BacklogHighAlarm"]["Properties"]
    assert alarm["MetricName"] == "PendingJobs"
    assert alarm["AlarmActions"] == [{"Ref": "WorkerScaleOutPolicy"}]
    policy = services["Resources"]["WorkerScaleOutPolicy"]["Properties"]
    assert policy["ScalingTargetId"] == {"Ref": "WorkerScalableTarget"}
    idle = services["Resources"]["QueueIdleAlarm"]["Properties"]
    assert idle["TreatMissingData"] == "notBreaching"  # silence never shrinks the fleet


def test_app_iam_is_scoped_to_the_environment(services):
    statements = services["Resources"]["AppDataPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    for statement in statements:
        assert "*" not in statement["Action"] and not any(a.endswith(":*") for a in statement["Action"])
        if statement["Resource"] == "*":
            assert statement["Condition"], statement["Sid"]  # PutMetricData: namespace-scoped
    tables = next(s for s in statements if s["Sid"] == "Tables")
    assert all("${TablePrefix}" in r["Fn::Sub"] for r in tables["Resource"])


def test_task_environment_matches_the_app_settings(services):
    from core.config import AppConfig

    fields = {f"PUNCHLINE_{name.upper()}" for name in AppConfig.model_fields}
    own = {"PUNCHLINE_DROP_QUEUE_URL", "PUNCHLINE_DROP_WATCHER", "PUNCHLINE_METRICS_NAMESPACE", "PUNCHLINE_ENVIRONMENT"}
    for definition in _resources(services, "AWS::ECS::TaskDefinition").values():
        for container in definition["Properties"]["ContainerDefinitions"]:
            for entry in container["Environment"]:
                if isinstance(entry, dict) and "Name" in entry:
                    assert entry["Name"] in fields | own, entry["Name"]
