"""The whole system as main.yaml wires it (tables -> storage -> services), in moto, then the
app configured from nothing but a deployed task definition's environment.

moto deploys the ECS cluster, task definitions, services, load balancer, target group, security
groups, IAM roles and log groups; it skips Application Auto Scaling, CloudWatch alarms and the
queue/bucket policies (their shape is checked in test_templates.py and by cfn-lint).
"""

from __future__ import annotations

import time

import boto3
import pytest
from moto import mock_aws

from cloudformation.drift import live_drift
from core.config import AppConfig
from services.drop import start_drop_watcher
from store.blobs import S3BlobStore, set_blob_store
from store.connection import configure, target_from_config
from store.job_states import COMPLETED
from store.models import Job
from store.queue import claim_next_job, finish_job
from store.settings import invalidate_cache
from tests.aws.moto_stacks import REGION, DataStack, apply_bucket_settings_from_template, deploy_main, network


@pytest.fixture
def system():
    with mock_aws():
        root_outputs, nested = deploy_main(
            {"EnvironmentName": "qa", "ContainerImage": "punchline:test", "TableDeletionProtection": "false",
             **network()}
        )
        yield root_outputs, nested
        set_blob_store(None)
        invalidate_cache()


def _container(family: str) -> dict:
    ecs = boto3.client("ecs", region_name=REGION)
    return ecs.describe_task_definition(taskDefinition=family)["taskDefinition"]["containerDefinitions"][0]


def _environment(container: dict) -> dict[str, str]:
    # moto returns numbers as numbers, an empty value as None, and keeps the entries a false
    # condition removed (!If ... AWS::NoValue) as None; ECS passes strings and drops those.
    return {e["name"]: "" if e.get("value") is None else str(e["value"]) for e in container["environment"] if e}


def test_root_outputs_are_the_app_settings(system):
    outputs, _ = system
    assert outputs["TablePrefix"] == "punchline-qa-"
    assert outputs["BucketName"] == f"punchline-qa-123456789012-{REGION}"
    assert outputs["DropPrefix"] == "drop/" and outputs["S3Prefix"] == ""
    assert outputs["DropQueueUrl"].endswith("/punchline-qa-drop")
    assert outputs["StoreMode"] == "aws" and outputs["AwsRegion"] == REGION
    assert outputs["ApiUrl"].startswith("http://")  # no certificate given: plain HTTP


def test_services_run_the_right_commands(system):
    ecs = boto3.client("ecs", region_name=REGION)
    services = ecs.describe_services(cluster="punchline-qa", services=["api", "worker"])["services"]
    # moto keeps neither LaunchType nor the task definitions' Fargate settings: those are
    # checked on the template in test_templates.py.
    assert {s["serviceName"] for s in services} == {"api", "worker"}
    api, worker = _container("punchline-qa-api"), _container("punchline-qa-worker")
    assert api["command"][:3] == ["python", "main.py", "serve"] and "--no-workers" in api["command"]
    assert worker["command"] == ["python", "main.py", "worker"]
    assert _environment(api)["PUNCHLINE_DROP_WATCHER"] == "off"
    assert "PUNCHLINE_DROP_QUEUE_URL" not in _environment(api)  # only workers consume drops
    elbv2 = boto3.client("elbv2", region_name=REGION)
    [group] = elbv2.describe_target_groups()["TargetGroups"]
    assert group["HealthCheckPath"] == "/health" and group["TargetType"] == "ip"


def test_the_app_configured_from_the_worker_task_definition_processes_a_drop(system, monkeypatch, tmp_path,
                                                                             sample_bytes):
    outputs, nested = system
    for name, value in _environment(_container("punchline-qa-worker")).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PUNCHLINE_DATA_DIR", str(tmp_path))
    config = AppConfig()
    assert config.resolved_store_mode == "aws" and config.create_tables is False

    configure(target_from_config(config))
    dynamodb = boto3.client("dynamodb", region_name=REGION)
    assert live_drift(dynamodb, config.table_prefix, check_ttl=False) == []
    set_blob_store(S3BlobStore(config.s3_bucket, config.s3_prefix, client=boto3.client("s3", region_name=REGION)))
    invalidate_cache()
    apply_bucket_settings_from_template(DataStack(
        table_prefix=config.table_prefix, bucket=config.s3_bucket, s3_prefix=config.s3_prefix,
        drop_prefix=config.drop_prefix, drop_queue_url=outputs["DropQueueUrl"],
        drop_queue_arn=nested["Storage"]["DropQueueArn"],
        dead_letter_queue_url=outputs["DropDeadLetterQueueUrl"],
    ))

    watcher = start_drop_watcher(config, wait_seconds=1)
    try:
        assert watcher.mode == "s3"
        s3 = boto3.client("s3", region_name=REGION)
        s3.put_object(Bucket=config.s3_bucket, Key="drop/week.csv", Body=sample_bytes)
        deadline = time.monotonic() + 15
        while not list(Job.scan()) and time.monotonic() < deadline:
            time.sleep(0.1)
        job = claim_next_job("qa-worker", lease_seconds=30)
        assert job is not None
        finish_job(job, "qa-worker", COMPLETED, {"ok": True})
        processed = None
        while processed is None and time.monotonic() < deadline:
            keys = {o["Key"] for o in s3.list_objects_v2(Bucket=config.s3_bucket, Prefix="processed/").get("Contents", [])}
            processed = keys or None
            time.sleep(0.1)
        assert processed == {"processed/week.csv"}
    finally:
        watcher.stop()
