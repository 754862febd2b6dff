"""Deploy tables.yaml and storage.yaml into moto's CloudFormation, check the tables against the
models, and push an upload through the store the stacks created.

The data layer on its own (test_system_deploy.py deploys the whole system). moto's
CloudFormation creates the tables with their keys, GSIs and projections, the bucket and the
queues; it ignores the tables' TimeToLiveSpecification and the bucket's versioning and
notification (test_drift.py and test_templates.py check those on the templates).
"""

from __future__ import annotations

import boto3
import pytest
from moto import mock_aws

from cloudformation.drift import live_drift
from store.blobs import S3BlobStore, set_blob_store
from store.connection import StoreTarget, configure
from store.job_states import COMPLETED, PENDING, PROCESSING
from store.queue import claim_next_job, finish_job
from store.settings import invalidate_cache
from store.uploads import register_upload
from tests.aws.moto_stacks import REGION, deploy_data_layer


@pytest.fixture
def deployed():
    with mock_aws():
        stack = deploy_data_layer()
        configure(StoreTarget(mode="aws", endpoint=None, region=REGION, table_prefix=stack.table_prefix))
        set_blob_store(S3BlobStore(stack.bucket, stack.s3_prefix, client=boto3.client("s3", region_name=REGION)))
        invalidate_cache()
        yield stack
        set_blob_store(None)
        invalidate_cache()


def test_deployed_tables_match_the_models(deployed):
    dynamodb = boto3.client("dynamodb", region_name=REGION)
    # moto's CloudFormation does not apply TimeToLiveSpecification; TTL is checked against the
    # template in test_drift.py, and against AWS by `python -m cloudformation.drift --live`.
    assert live_drift(dynamodb, deployed.table_prefix, check_ttl=False) == []


def test_live_drift_notices_a_table_that_differs(deployed):
    dynamodb = boto3.client("dynamodb", region_name=REGION)
    dynamodb.delete_table(TableName=f"{deployed.table_prefix}counters")
    dynamodb.create_table(
        TableName=f"{deployed.table_prefix}counters",
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    dynamodb.delete_table(TableName=f"{deployed.table_prefix}reviews")
    problems = live_drift(dynamodb, deployed.table_prefix, check_ttl=False)
    assert any("counters: KeySchema" in p for p in problems), problems
    assert any("reviews: table does not exist" in p for p in problems), problems


def test_stack_outputs_feed_the_app_settings(deployed):
    assert deployed.table_prefix == "punchline-test-"
    assert deployed.bucket.startswith("punchline-test-")
    assert deployed.drop_prefix == "drop/"
    sqs = boto3.client("sqs", region_name=REGION)
    attributes = sqs.get_queue_attributes(QueueUrl=deployed.drop_queue_url, AttributeNames=["All"])["Attributes"]
    assert '"maxReceiveCount":5' in attributes["RedrivePolicy"].replace(" ", "")
    assert deployed.dead_letter_queue_url.endswith("-drop-dlq")


def test_an_upload_goes_through_the_deployed_stack(deployed, sample_bytes):
    upload = register_upload("week.csv", sample_bytes, kind="timecard", file_format="csv", priority=2,
                             uploaded_by="deploy-test")
    assert upload.job.status == PENDING and not upload.duplicate
    again = register_upload("week.csv", sample_bytes, kind="timecard", file_format="csv", priority=2,
                            uploaded_by="deploy-test")
    assert again.duplicate and again.job.job_id == upload.job.job_id

    s3 = boto3.client("s3", region_name=REGION)
    assert s3.head_object(Bucket=deployed.bucket, Key=upload.file.blob_key)["ContentLength"] == len(sample_bytes)

    job = claim_next_job("deploy-worker", lease_seconds=30)
    assert job is not None and job.job_id == upload.job.job_id and job.status == PROCESSING
    done = finish_job(job, "deploy-worker", COMPLETED, {"ok": True})
    assert done.status == COMPLETED and done.result == {"ok": True}
    assert claim_next_job("deploy-worker", lease_seconds=30) is None
