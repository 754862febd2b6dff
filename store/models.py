"""PynamoDB models: one table per concern, every list served by a key or an index.

Table names are ``<prefix><base>``; ``store.connection.configure`` sets the prefix and the
endpoint before first use (PynamoDB reads ``Meta`` at import, so it is set on the class).
"""

from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, IncludeProjection, KeysOnlyProjection
from pynamodb.models import Model

from store.attributes import CompressedJSONAttribute, DecimalAttribute


class BaseModel(Model):
    """Common Meta; ``base_table_name`` is what the prefix is prepended to."""

    base_table_name = ""

    class Meta:
        abstract = True
        table_name = ""
        region = "us-west-2"
        billing_mode = "PAY_PER_REQUEST"
        max_pool_connections = 64  # above Starlette's 40 worker threads
        connect_timeout_seconds = 5
        read_timeout_seconds = 20


# ---------------------------------------------------------------- files


class FileRecord(BaseModel):
    """One per distinct content. The hash key is the SHA-256, so a re-upload is known even
    when the first upload loaded nothing."""

    base_table_name = "files"

    class Meta(BaseModel.Meta):
        table_name = "files"

    sha256 = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute()
    size = NumberAttribute()
    format = UnicodeAttribute()
    kind = UnicodeAttribute()
    blob_key = UnicodeAttribute()
    job_id = UnicodeAttribute()
    uploaded_by = UnicodeAttribute()
    uploaded_at = UTCDateTimeAttribute()
    source = UnicodeAttribute(default="upload")  # upload | cli | drop
    drop_key = UnicodeAttribute(null=True)  # the S3/drop-folder object that created it


# ---------------------------------------------------------------- jobs


class QueueIndex(GlobalSecondaryIndex["Job"]):
    """Sparse: only PENDING jobs carry ``queue_pk``. Sort key orders urgent first, then FIFO."""

    class Meta:
        index_name = "queue-index"
        projection = AllProjection()

    queue_pk = UnicodeAttribute(hash_key=True)
    queue_sk = UnicodeAttribute(range_key=True)


class LeaseIndex(GlobalSecondaryIndex["Job"]):
    """Sparse: only PROCESSING jobs carry ``lease_pk``; finds leases that expired."""

    class Meta:
        index_name = "lease-index"
        projection = KeysOnlyProjection()

    lease_pk = UnicodeAttribute(hash_key=True)
    lease_expires_at = NumberAttribute(range_key=True)


class StatusIndex(GlobalSecondaryIndex["Job"]):
    """Jobs by status, newest first when scanned backwards; serves lists, counts, cleanup."""

    class Meta:
        index_name = "status-index"
        projection = IncludeProjection(["priority", "kind", "completed_at", "file_sha256"])

    status = UnicodeAttribute(hash_key=True)
    status_sk = UnicodeAttribute(range_key=True)


class Job(BaseModel):
    base_table_name = "jobs"

    class Meta(BaseModel.Meta):
        table_name = "jobs"

    job_id = UnicodeAttribute(hash_key=True)
    kind = UnicodeAttribute()
    status = UnicodeAttribute()
    priority = NumberAttribute()
    file_sha256 = UnicodeAttribute(null=True)
    file_name = UnicodeAttribute(null=True)
    progress = NumberAttribute(default=0)
    stage = UnicodeAttribute(default="queued")
    attempts = NumberAttribute(default=0)
    max_attempts = NumberAttribute(default=3)
    lease_owner = UnicodeAttribute(null=True)
    not_before = NumberAttribute(default=0)  # epoch seconds: retry backoff
    created_at = UTCDateTimeAttribute()
    started_at = UTCDateTimeAttribute(null=True)
    updated_at = UTCDateTimeAttribute()
    completed_at = UTCDateTimeAttribute(null=True)
    result = CompressedJSONAttribute(null=True)
    result_blob_key = UnicodeAttribute(null=True)  # results too large for an item
    error = JSONAttribute(null=True)  # {"code": ..., "message": ...}
    metadata = JSONAttribute(null=True)
    created_by = UnicodeAttribute(null=True)
    event_seq = NumberAttribute(default=0)  # last JobEvent seq; doubles as the optimistic lock
    expires_at = TTLAttribute(null=True)

    queue_pk = UnicodeAttribute(null=True)
    queue_sk = UnicodeAttribute(null=True)
    lease_pk = UnicodeAttribute(null=True)
    lease_expires_at = NumberAttribute(null=True)
    status_sk = UnicodeAttribute()

    queue_index = QueueIndex()
    lease_index = LeaseIndex()
    status_index = StatusIndex()


class FeedIndex(GlobalSecondaryIndex["JobEvent"]):
    """Every job's events in time order, one partition per UTC hour (for dashboards)."""

    class Meta:
        index_name = "feed-index"
        projection = AllProjection()

    feed_pk = UnicodeAttribute(hash_key=True)
    feed_sk = UnicodeAttribute(range_key=True)


class JobEvent(BaseModel):
    """Every status and progress change, stored before it is announced, so subscribers replay."""

    base_table_name = "job-events"

    class Meta(BaseModel.Meta):
        table_name = "job-events"

    job_id = UnicodeAttribute(hash_key=True)
    seq = NumberAttribute(range_key=True)
    type = UnicodeAttribute()  # created | claimed | progress | status | priority | review
    status = UnicodeAttribute()
    progress = NumberAttribute()
    stage = UnicodeAttribute()
    message = UnicodeAttribute(null=True)
    at = UTCDateTimeAttribute()
    data = JSONAttribute(null=True)
    feed_pk = UnicodeAttribute()
    feed_sk = UnicodeAttribute()
    expires_at = TTLAttribute(null=True)

    feed_index = FeedIndex()


# ---------------------------------------------------------------- review


class Review(BaseModel):
    """Append-only audit trail: one item per review action on a job."""

    base_table_name = "reviews"

    class Meta(BaseModel.Meta):
        table_name = "reviews"

    job_id = UnicodeAttribute(hash_key=True)
    review_sk = UnicodeAttribute(range_key=True)  # <iso time>#<uuid>
    decision = UnicodeAttribute()  # approved | rejected
    reviewer = UnicodeAttribute()
    comment = UnicodeAttribute(null=True)
    at = UTCDateTimeAttribute()
    from_status = UnicodeAttribute()
    to_status = UnicodeAttribute()


# ---------------------------------------------------------------- settings


class Setting(BaseModel):
    """One item per operational setting; all live in the ``global`` partition (one query)."""

    base_table_name = "settings"

    class Meta(BaseModel.Meta):
        table_name = "settings"

    scope = UnicodeAttribute(hash_key=True)
    key = UnicodeAttribute(range_key=True)
    value = JSONAttribute(null=True)  # absent: the setting was cleared (null), e.g. default_work_state
    updated_at = UTCDateTimeAttribute()
    updated_by = UnicodeAttribute()
    version = NumberAttribute(default=1)


class SettingChange(BaseModel):
    base_table_name = "setting-history"

    class Meta(BaseModel.Meta):
        table_name = "setting-history"

    key = UnicodeAttribute(hash_key=True)
    change_sk = UnicodeAttribute(range_key=True)  # <iso time>#<version>
    old_value = JSONAttribute(null=True)
    new_value = JSONAttribute(null=True)
    changed_by = UnicodeAttribute()
    changed_at = UTCDateTimeAttribute()


# ---------------------------------------------------------------- records


class EmployeeIndex(GlobalSecondaryIndex["TimecardEntry"]):
    class Meta:
        index_name = "employee-index"
        projection = AllProjection()

    employee_key = UnicodeAttribute(hash_key=True)
    date_sk = UnicodeAttribute(range_key=True)  # <date>#<job_id>


class MonthIndex(GlobalSecondaryIndex["TimecardEntry"]):
    class Meta:
        index_name = "month-index"
        projection = AllProjection()

    month = UnicodeAttribute(hash_key=True)  # YYYY-MM
    date_sk = UnicodeAttribute(range_key=True)


class TimecardEntry(BaseModel):
    """One extracted entry (employee, work date) of one job. Keyed so a re-run overwrites."""

    base_table_name = "timecard-entries"

    class Meta(BaseModel.Meta):
        table_name = "timecard-entries"

    job_id = UnicodeAttribute(hash_key=True)
    entry_sk = UnicodeAttribute(range_key=True)  # <employee_key>#<date>
    employee = UnicodeAttribute()
    employee_key = UnicodeAttribute()
    employee_id = UnicodeAttribute(null=True)
    work_date = UnicodeAttribute()
    hours = DecimalAttribute(null=True)
    pay = DecimalAttribute(null=True)
    month = UnicodeAttribute()
    date_sk = UnicodeAttribute()

    employee_index = EmployeeIndex()
    month_index = MonthIndex()


# ---------------------------------------------------------------- auth, mappings, counters


class ApiKey(BaseModel):
    """API keys stored as SHA-256 of the secret; the secret is shown once."""

    base_table_name = "api-keys"

    class Meta(BaseModel.Meta):
        table_name = "api-keys"

    key_hash = UnicodeAttribute(hash_key=True)
    key_id = UnicodeAttribute()  # the non-secret prefix, for listing and logs
    role = UnicodeAttribute()
    name = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    created_by = UnicodeAttribute()
    revoked = BooleanAttribute(default=False)


class LayoutMapping(BaseModel):
    """A reviewer-confirmed column mapping, reused for the next file with the same layout."""

    base_table_name = "layout-mappings"

    class Meta(BaseModel.Meta):
        table_name = "layout-mappings"

    fingerprint = UnicodeAttribute(hash_key=True)
    mapping = JSONAttribute()
    confirmed_by = UnicodeAttribute()
    confirmed_at = UTCDateTimeAttribute()
    uses = NumberAttribute(default=0)


class Counter(BaseModel):
    """Running aggregates updated atomically (ADD), e.g. processing time over finished jobs."""

    base_table_name = "counters"

    class Meta(BaseModel.Meta):
        table_name = "counters"

    name = UnicodeAttribute(hash_key=True)
    count = NumberAttribute(default=0)
    total = NumberAttribute(default=0)


CORE_MODELS: list[type[BaseModel]] = [
    FileRecord,
    Job,
    JobEvent,
    Review,
    Setting,
    SettingChange,
    TimecardEntry,
    ApiKey,
    LayoutMapping,
    Counter,
]

__all__ = [
    "ApiKey",
    "BaseModel",
    "CORE_MODELS",
    "Counter",
    "FileRecord",
    "Job",
    "JobEvent",
    "LayoutMapping",
    "Review",
    "Setting",
    "SettingChange",
    "TimecardEntry",
]
