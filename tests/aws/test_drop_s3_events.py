"""AWS drop folder on moto: the stacks from the templates, the template's notification
(drop prefix -> SQS), S3 events consumed from the queue, objects moved when jobs end."""

from __future__ import annotations

import json
import time
from urllib.parse import unquote_plus

import boto3
import pytest
from moto import mock_aws

from services.drop import start_drop_watcher
from services.drop.s3 import S3DropConsumer
from store.blobs import S3BlobStore, set_blob_store
from store.connection import StoreTarget, configure
from store.job_states import COMPLETED, PENDING
from store.models import FileRecord, Job
from store.queue import claim_next_job, fail_attempt, finish_job
from store.settings import invalidate_cache
from tests.aws.moto_stacks import REGION, DataStack, apply_bucket_settings_from_template, deploy_data_layer


@pytest.fixture
def stack():
    with mock_aws():
        deployed = deploy_data_layer()
        apply_bucket_settings_from_template(deployed)
        configure(StoreTarget(mode="aws", endpoint=None, region=REGION, table_prefix=deployed.table_prefix))
        set_blob_store(S3BlobStore(deployed.bucket, deployed.s3_prefix, client=boto3.client("s3", region_name=REGION)))
        invalidate_cache()
        yield deployed
        set_blob_store(None)
        invalidate_cache()


@pytest.fixture
def s3():
    return boto3.client("s3", region_name=REGION)


@pytest.fixture
def sqs():
    return boto3.client("sqs", region_name=REGION)


@pytest.fixture
def consumer(stack: DataStack, s3, sqs) -> S3DropConsumer:
    return S3DropConsumer(bucket=stack.bucket, queue_url=stack.drop_queue_url, s3_prefix=stack.s3_prefix,
                          drop_prefix=stack.drop_prefix, s3=s3, sqs=sqs, reconcile_min_age=0,
                          retry_delay_seconds=0)


def _receive_raw(sqs, url: str) -> list[dict]:
    return sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0).get("Messages", [])


def _keys(s3, bucket: str) -> set[str]:
    return {o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", []) if not o["Key"].startswith("files/")}


def _complete_next(status: str = COMPLETED) -> Job:
    job = claim_next_job("test-worker", lease_seconds=30)
    assert job is not None
    return finish_job(job, "test-worker", status, {"ok": True})


def test_an_event_delivered_twice_makes_one_job_and_the_object_moves_when_it_completes(stack, consumer, s3, sqs,
                                                                                       sample_bytes):
    assert consumer.poll_once(wait_seconds=0) == 1  # the s3:TestEvent from configuring the notification
    s3.put_object(Bucket=stack.bucket, Key="drop/acme/week 12.csv", Body=sample_bytes)
    [message] = _receive_raw(sqs, stack.drop_queue_url)
    # At-least-once delivery: the same event arrives twice.
    sqs.send_message(QueueUrl=stack.drop_queue_url, MessageBody=message["Body"])
    sqs.change_message_visibility(QueueUrl=stack.drop_queue_url, ReceiptHandle=message["ReceiptHandle"],
                                  VisibilityTimeout=0)
    raw_key = json.loads(message["Body"])["Records"][0]["s3"]["object"]["key"]
    assert "+" in raw_key and unquote_plus(raw_key) == "drop/acme/week 12.csv"  # keys arrive URL-encoded

    assert consumer.poll_once(wait_seconds=0) == 2  # both deleted: the job exists
    [job] = list(Job.scan())
    assert job.status == PENDING and job.file_name == "week 12.csv"
    record = FileRecord.get(job.file_sha256)
    assert (record.source, record.drop_key) == ("drop", "drop/acme/week 12.csv")
    assert _receive_raw(sqs, stack.drop_queue_url) == []

    # A third, late delivery (even from another consumer that follows nothing) adds nothing.
    other = S3DropConsumer(bucket=stack.bucket, queue_url=stack.drop_queue_url, s3=s3, sqs=sqs)
    sqs.send_message(QueueUrl=stack.drop_queue_url, MessageBody=message["Body"])
    assert other.poll_once(wait_seconds=0) == 1
    assert len(list(Job.scan())) == 1

    assert consumer.follow_once() == []  # pending: the object stays
    _complete_next()
    assert consumer.follow_once() == ["drop/acme/week 12.csv"]
    assert other.follow_once() == []  # already moved by the first: nothing to do, no error
    assert _keys(s3, stack.bucket) == {"processed/acme/week 12.csv"}
    moved = s3.get_object(Bucket=stack.bucket, Key="processed/acme/week 12.csv")["Body"].read()
    assert moved == sample_bytes
    assert _receive_raw(sqs, stack.drop_queue_url) == []  # the copy outside drop/ raised no event


def test_an_unreadable_object_goes_to_failed_with_an_error_document(stack, consumer, s3):
    consumer.poll_once(wait_seconds=0)
    s3.put_object(Bucket=stack.bucket, Key="drop/junk.csv", Body=b"\x00\x01SECRET\x00" * 20)
    assert consumer.poll_once(wait_seconds=0) == 1
    assert list(Job.scan()) == []
    assert _keys(s3, stack.bucket) == {"failed/junk.csv", "failed/junk.csv.error.json"}
    document = s3.get_object(Bucket=stack.bucket, Key="failed/junk.csv.error.json")["Body"].read().decode()
    assert json.loads(document)["error"]["code"] == "UNSUPPORTED_FORMAT"
    assert "SECRET" not in document


def test_a_failed_job_moves_its_object_to_failed(stack, consumer, s3, sample_bytes):
    consumer.poll_once(wait_seconds=0)
    s3.put_object(Bucket=stack.bucket, Key="drop/week.csv", Body=sample_bytes)
    consumer.poll_once(wait_seconds=0)
    job = claim_next_job("w", lease_seconds=30)
    fail_attempt(job, "w", {"code": "NO_DATA", "message": "no timecard found"}, retryable=False, backoff_seconds=0)
    assert consumer.follow_once() == ["drop/week.csv"]
    document = json.loads(s3.get_object(Bucket=stack.bucket, Key="failed/week.csv.error.json")["Body"].read())
    assert document["error"] == {"code": "NO_DATA", "message": "no timecard found"}
    assert "drop/week.csv" not in _keys(s3, stack.bucket)


def test_objects_outside_the_drop_prefix_and_temp_names_raise_no_job(stack, consumer, s3, sqs, sample_bytes):
    consumer.poll_once(wait_seconds=0)
    s3.put_object(Bucket=stack.bucket, Key="elsewhere/week.csv", Body=sample_bytes)  # filtered by S3
    s3.put_object(Bucket=stack.bucket, Key="drop/.partial-week.csv", Body=sample_bytes)
    assert consumer.poll_once(wait_seconds=0) == 1
    assert list(Job.scan()) == []


def test_a_message_that_cannot_be_registered_stays_on_the_queue(stack, consumer, s3, sqs, sample_bytes, monkeypatch):
    consumer.poll_once(wait_seconds=0)
    s3.put_object(Bucket=stack.bucket, Key="drop/week.csv", Body=sample_bytes)

    def store_down(*args, **kwargs):
        raise ConnectionError("store unreachable")

    monkeypatch.setattr("services.drop.s3.register_drop", store_down)
    assert consumer.poll_once(wait_seconds=0) == 0
    monkeypatch.undo()
    deadline = time.monotonic() + 5
    while not list(Job.scan()) and time.monotonic() < deadline:
        consumer.poll_once(wait_seconds=0)  # redelivered once visible again
    assert len(list(Job.scan())) == 1


def test_reconcile_adopts_objects_whose_event_was_lost(stack, consumer, s3, sqs, sample_bytes):
    s3.put_object(Bucket=stack.bucket, Key="drop/week.csv", Body=sample_bytes)
    sqs.purge_queue(QueueUrl=stack.drop_queue_url)  # the event is lost (or sits in the DLQ)
    [job_id] = consumer.reconcile_once()
    assert [j.job_id for j in Job.scan()] == [job_id]
    _complete_next()
    assert consumer.follow_once() == ["drop/week.csv"]


def test_start_drop_watcher_picks_s3_when_bucket_and_queue_are_configured(stack, s3, sample_bytes, tmp_path):
    from core.config import AppConfig

    config = AppConfig(data_dir=tmp_path, s3_bucket=stack.bucket, aws_region=REGION)
    watcher = start_drop_watcher(config, queue_url=stack.drop_queue_url, wait_seconds=1)
    try:
        assert watcher.mode == "s3"
        s3.put_object(Bucket=stack.bucket, Key="drop/week.csv", Body=sample_bytes)
        deadline = time.monotonic() + 15
        while not list(Job.scan()) and time.monotonic() < deadline:
            time.sleep(0.1)
        [job] = list(Job.scan())
        _complete_next()
        while "processed/week.csv" not in _keys(s3, stack.bucket) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _keys(s3, stack.bucket) == {"processed/week.csv"}
        assert Job.get(job.job_id).status == COMPLETED
    finally:
        watcher.stop()
    assert not (tmp_path / "drop").exists()  # no local folder in AWS mode
