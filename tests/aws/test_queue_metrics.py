"""The queue-depth metric the worker fleet scales on, published to CloudWatch (moto)."""

from __future__ import annotations

import datetime as dt
import time

import boto3
import pytest
from botocore.stub import Stubber

from store.metrics import QueueDepth, metric_data, publish_queue_depth, queue_depth, start_queue_metrics_publisher
from store.queue import claim_next_job
from store.uploads import create_job


@pytest.fixture
def three_pending_one_running(moto_store):
    for _ in range(4):
        create_job("bench", 2, created_by="test")
    assert claim_next_job("w", lease_seconds=30) is not None


def test_queue_depth_counts_pending_and_processing(three_pending_one_running):
    assert queue_depth() == QueueDepth(pending=3, processing=1)


def test_published_datapoints_reach_cloudwatch(three_pending_one_running):
    cloudwatch = boto3.client("cloudwatch", region_name="us-west-2")
    publish_queue_depth(cloudwatch, "Punchline", "test")
    now = dt.datetime.now(dt.UTC)
    values = {}
    for name in ("PendingJobs", "ProcessingJobs"):
        stats = cloudwatch.get_metric_statistics(
            Namespace="Punchline", MetricName=name, Dimensions=[{"Name": "Environment", "Value": "test"}],
            StartTime=now - dt.timedelta(minutes=5), EndTime=now + dt.timedelta(minutes=1), Period=60,
            Statistics=["Maximum"],
        )
        values[name] = max(p["Maximum"] for p in stats["Datapoints"])
    assert values == {"PendingJobs": 3.0, "ProcessingJobs": 1.0}


def test_request_shape_matches_what_the_alarms_read(moto_store):
    # The alarms in services.yaml read Namespace/PendingJobs with dimension Environment.
    cloudwatch = boto3.client("cloudwatch", region_name="us-west-2")
    with Stubber(cloudwatch) as stub:
        stub.add_response("put_metric_data", {}, {"Namespace": "Punchline",
                                                  "MetricData": metric_data(QueueDepth(0, 0), "prod")})
        publish_queue_depth(cloudwatch, "Punchline", "prod")
        stub.assert_no_pending_responses()


def test_publisher_thread_publishes_until_stopped(three_pending_one_running):
    cloudwatch = boto3.client("cloudwatch", region_name="us-west-2")
    publisher = start_queue_metrics_publisher("Punchline", "test", interval=0.05, client=cloudwatch)
    deadline = time.monotonic() + 10
    while publisher.published < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    publisher.stop()
    assert publisher.published >= 2
    count = publisher.published
    time.sleep(0.2)
    assert publisher.published == count


def test_no_namespace_means_no_publisher(monkeypatch):
    monkeypatch.delenv("PUNCHLINE_METRICS_NAMESPACE", raising=False)
    assert start_queue_metrics_publisher() is None
