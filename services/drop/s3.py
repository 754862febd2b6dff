"""AWS mode: objects put under ``<s3_prefix><drop_prefix>`` arrive as S3 event notifications on
an SQS queue (cloudformation/storage.yaml). Each object becomes a job; the message is deleted
only once the job exists, so a crash before that means the event is delivered again (and goes
to the dead-letter queue after ``maxReceiveCount`` attempts). A second delivery of the same
event finds the same bytes already registered: one job.

When the job ends the object is copied to ``<s3_prefix>processed/<rest of key>`` or
``<s3_prefix>failed/<rest of key>`` (outside the drop prefix, so the copy triggers no event)
and the original is deleted. The copy is conditioned on the ETag seen at registration: an
object overwritten meanwhile is new content and is registered on its own.

A periodic reconcile lists the drop prefix and adopts what no event brought (a restart lost
the jobs this process was following, a message went to the dead-letter queue): dedupe makes
that re-registration free of side effects.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any

from botocore.exceptions import ClientError

from services.drop.names import ERROR_SUFFIX, FAILED, NOTE_SUFFIX, is_candidate
from services.drop.registration import Registered, Rejected, failure_document, register_drop, too_large
from services.drop.s3_events import CreatedObject, UnreadableMessage, parse_message
from services.drop.tracker import JobTracker, Tracked

log = logging.getLogger(__name__)

_MISSING = ("NoSuchKey", "404", "NotFound")
_CHANGED = ("PreconditionFailed", "412")


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


class S3DropConsumer:
    mode = "s3"

    def __init__(
        self,
        *,
        bucket: str,
        queue_url: str,
        s3_prefix: str = "",
        drop_prefix: str = "drop/",
        s3=None,
        sqs=None,
        region: str | None = None,
        wait_seconds: int = 10,
        reconcile_interval: float = 300.0,
        reconcile_min_age: float = 120.0,
        retry_delay_seconds: int = 30,
    ):
        import boto3

        self.bucket = bucket
        self.queue_url = queue_url
        self.s3_prefix = s3_prefix
        self.drop_root = f"{s3_prefix}{drop_prefix}"
        self.s3 = s3 or boto3.client("s3", region_name=region)
        self.sqs = sqs or boto3.client("sqs", region_name=region)
        self.wait_seconds = wait_seconds
        self.reconcile_interval = reconcile_interval
        self.reconcile_min_age = reconcile_min_age
        self.retry_delay_seconds = retry_delay_seconds
        self.tracker = JobTracker()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------ lifecycle

    def start(self) -> S3DropConsumer:
        self._thread = threading.Thread(target=self._loop, name="punchline-drop-s3", daemon=True)
        self._thread.start()
        log.info("consuming drop events for s3://%s/%s", self.bucket, self.drop_root)
        return self

    def stop(self, timeout: float | None = None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout if timeout is not None else self.wait_seconds + 5)

    def _loop(self) -> None:
        last_reconcile = 0.0  # at start: adopt what a previous process left behind
        while not self._stop.is_set():
            try:
                if time.monotonic() - last_reconcile >= self.reconcile_interval:
                    last_reconcile = time.monotonic()
                    self.reconcile_once()
                self.poll_once()
                self.follow_once()
            except Exception:  # noqa: BLE001 - AWS or the store hiccuped: the next round retries
                log.warning("drop round failed; retrying", exc_info=True)
                self._stop.wait(1.0)

    # ------------------------------------------------------------ events

    def poll_once(self, wait_seconds: int | None = None) -> int:
        """Receive up to 10 messages (long polling) and handle them; return how many were deleted."""
        response = self.sqs.receive_message(
            QueueUrl=self.queue_url,
            MaxNumberOfMessages=10,
            WaitTimeSeconds=self.wait_seconds if wait_seconds is None else wait_seconds,
        )
        deleted = 0
        for message in response.get("Messages", []):
            handled = self._handle(message)
            if handled is True:
                self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])
                deleted += 1
            elif handled is None:
                # Transient failure: try again sooner than the queue's visibility timeout.
                self.sqs.change_message_visibility(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"],
                                                   VisibilityTimeout=self.retry_delay_seconds)
        return deleted

    def _handle(self, message: dict[str, Any]) -> bool | None:
        """True when every object the message announces has its job (or was refused); False for
        a message that is no S3 event (left to reach the dead-letter queue); None to retry."""
        try:
            objects = parse_message(message.get("Body", ""))
        except UnreadableMessage as exc:
            log.warning("drop queue message %s ignored: %s", message.get("MessageId"), exc)
            return False
        try:
            for obj in objects:
                self.adopt(obj)
        except Exception:  # noqa: BLE001 - kept on the queue: redelivered after the visibility timeout
            log.warning("drop event %s not registered yet; it will be redelivered", message.get("MessageId"),
                        exc_info=True)
            return None
        return True

    def _is_drop_key(self, key: str) -> bool:
        return key.startswith(self.drop_root) and not key.endswith("/") and is_candidate(key)

    def adopt(self, obj: CreatedObject) -> str | None:
        """Register the object unless it is already followed; return the job id (None if not a
        drop, already gone, or refused). Raises on transient errors."""
        if obj.bucket and obj.bucket != self.bucket:
            log.warning("drop event for another bucket ignored")
            return None
        if not self._is_drop_key(obj.key):
            return None
        tracked = self.tracker.get(obj.key)
        if tracked is not None and (obj.etag is None or _etag(obj.etag) == tracked.fingerprint):
            return tracked.job_id
        try:
            head = self.s3.head_object(Bucket=self.bucket, Key=obj.key)
        except ClientError as exc:
            if _code(exc) in _MISSING:
                return None  # already moved: a late duplicate of a finished drop
            raise
        etag = _etag(head["ETag"])
        refused = too_large(int(head["ContentLength"]))
        if refused is None:
            body = self.s3.get_object(Bucket=self.bucket, Key=obj.key, IfMatch=head["ETag"])
            outcome: Registered | Rejected = register_drop(obj.key, body["Body"].read())
        else:
            outcome = refused
        if isinstance(outcome, Rejected):
            self._move(obj.key, etag, FAILED, {ERROR_SUFFIX: failure_document(None, None, outcome.error)})
            log.info("drop %s refused at intake (%s): moved to %s/", obj.key, outcome.error.get("code"), FAILED)
            return None
        self.tracker.track(Tracked(obj.key, outcome.job_id, outcome.note, etag))
        log.info("drop %s -> job %s", obj.key, outcome.job_id)
        return outcome.job_id

    # ------------------------------------------------------------ finishing

    def follow_once(self) -> list[str]:
        moved = []
        for ended in self.tracker.ended():
            tracked = ended.tracked
            documents: dict[str, Any] = {}
            if tracked.note:
                documents[NOTE_SUFFIX] = tracked.note
            if ended.folder == FAILED:
                documents[ERROR_SUFFIX] = failure_document(tracked.job_id, ended.status, ended.error)
            if self._move(tracked.key, tracked.fingerprint, ended.folder, documents):
                moved.append(tracked.key)
                log.info("job %s %s: drop %s moved to %s/", tracked.job_id, ended.status, tracked.key, ended.folder)
            self.tracker.forget(tracked.key)
        return moved

    def destination_key(self, key: str, folder: str) -> str:
        return f"{self.s3_prefix}{folder}/{key[len(self.drop_root):]}"

    def _move(self, key: str, etag: Any, folder: str, documents: dict[str, Any]) -> bool:
        """Copy to processed/ or failed/, write the documents beside it, delete the original.
        False when the original is gone (another consumer moved it) or was replaced."""
        target = self.destination_key(key, folder)
        copy: dict[str, Any] = {"Bucket": self.bucket, "Key": target, "CopySource": {"Bucket": self.bucket, "Key": key}}
        if etag:
            copy["CopySourceIfMatch"] = f'"{etag}"'
        try:
            self.s3.copy_object(**copy)
        except ClientError as exc:
            if _code(exc) in _MISSING + _CHANGED:
                return False
            raise
        for suffix, document in documents.items():
            self.s3.put_object(
                Bucket=self.bucket,
                Key=target + suffix,
                Body=json.dumps(document, indent=2, sort_keys=True).encode(),
                ContentType="application/json",
            )
        self.s3.delete_object(Bucket=self.bucket, Key=key)
        return True

    # ------------------------------------------------------------ reconcile

    def reconcile_once(self) -> list[str]:
        """Adopt drop objects no event brought; return the job ids now followed because of it."""
        adopted = []
        cutoff = time.time() - self.reconcile_min_age
        paginator = self.s3.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self.drop_root):
            for item in page.get("Contents", []):
                key = item["Key"]
                if self.tracker.get(key) is not None or not self._is_drop_key(key):
                    continue
                if item["LastModified"].timestamp() > cutoff:
                    continue  # its event is probably on the way
                try:
                    job_id = self.adopt(CreatedObject(self.bucket, key, item.get("ETag"), item.get("Size")))
                except Exception:  # noqa: BLE001 - one bad object must not stop the sweep
                    log.warning("could not adopt drop %s", key, exc_info=True)
                    continue
                if job_id:
                    adopted.append(job_id)
        return adopted


def _etag(value: str) -> str:
    return value.strip('"')


__all__ = ["S3DropConsumer"]
