"""Onboarded records: create with store-enforced uniqueness, read, list, delete.

A record and its uniqueness items (``UniqueKey``) are written in one transaction, each
conditioned on not existing: two files carrying one email, loaded at the same moment,
create it once, and the loser learns from the cancellation reason which value clashed and
which record owns it. Several records share a transaction (up to DynamoDB's 100 items);
when one clashes, the others are retried without it.

The store knows nothing of model declarations: callers pass ``NewRecord``s with their
unique values already normalised (services.onboarding.records builds them).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from pynamodb.exceptions import DeleteError, TransactWriteError
from pynamodb.transactions import TransactWrite

from store.clock import sortable, utcnow
from store.connection import current_target, low_level_connection
from store.onboarding_models import OnboardingRecord, UniqueKey

MAX_TRANSACTION_ITEMS = 100
TRANSACTION_ATTEMPTS = 8
DEFAULT_WRITERS = 8
MAX_PAGE = 500

CREATED = "created"
REPLAYED = "replayed"  # the same record (same origin) was already written: a retried job, a re-run restore
EXISTS = "exists"


@dataclass
class NewRecord:
    model: str  # the model's key: customer, department ...
    record_id: str
    data: dict[str, Any]  # JSON-ready field values
    unique: dict[str, str] = field(default_factory=dict)  # field -> normalised unique value
    origin: str | None = None  # <job id>#<row>, api:<uuid>, ...: the same origin twice is a replay
    created_at: dt.datetime | None = None  # kept by a restore
    hires: tuple[str, str] | None = None  # (hires_pk, hires_sk) for the hires index

    @property
    def record_key(self) -> str:
        return record_key(self.model, self.record_id)

    def unique_keys(self) -> dict[str, str]:
        return {name: unique_key(self.model, name, value) for name, value in self.unique.items()}


@dataclass(frozen=True)
class CreateOutcome:
    status: str  # created | replayed | exists
    record_id: str
    clash_field: str | None = None  # the unique field whose value is taken
    existing_id: str | None = None  # the record that owns it


def record_key(model: str, record_id: str) -> str:
    return f"{model}#{record_id}"


def unique_key(model: str, field_name: str, value: str) -> str:
    return f"{model}#{field_name}#{value}"


def _record_item(new: NewRecord, now: dt.datetime) -> OnboardingRecord:
    created = new.created_at or now
    item = OnboardingRecord(
        new.record_key,
        model=new.model,
        record_id=new.record_id,
        data=new.data,
        created_at=created,
        origin=new.origin,
        list_pk=new.model,
        list_sk=f"{sortable(created)}#{new.record_id}",
    )
    if new.hires:
        item.hires_pk, item.hires_sk = new.hires
    return item


# ------------------------------------------------------------------ create


def create_record(new: NewRecord) -> CreateOutcome:
    return create_records([new], writers=1)[0]


def create_records(records: Sequence[NewRecord], *, writers: int = DEFAULT_WRITERS,
                   on_progress: Callable[[int], None] | None = None) -> list[CreateOutcome]:
    """One outcome per record, in order. Records are grouped into transactions and the
    groups written by ``writers`` threads. ``on_progress(n)`` is told how many finished."""
    groups = list(_groups(list(enumerate(records))))
    if _store_is_moto():
        writers = 1  # moto copies tables inside TransactWriteItems: concurrent transactions corrupt it
    outcomes: list[CreateOutcome | None] = [None] * len(records)

    def write(group: list[tuple[int, NewRecord]]) -> None:
        for index, outcome in _write_group(group).items():
            outcomes[index] = outcome

    if writers <= 1 or len(groups) <= 1:
        for group in groups:
            write(group)
            if on_progress:
                on_progress(len(group))
    else:
        with ThreadPoolExecutor(max_workers=writers, thread_name_prefix="onboard-writer") as pool:
            for group, _ in zip(groups, pool.map(write, groups), strict=True):
                if on_progress:
                    on_progress(len(group))
    return [outcome for outcome in outcomes if outcome is not None]


def _store_is_moto() -> bool:
    target = current_target()
    return target is not None and target.mode == "memory"


def _groups(indexed: list[tuple[int, NewRecord]]) -> Iterator[list[tuple[int, NewRecord]]]:
    group: list[tuple[int, NewRecord]] = []
    items = 0
    for index, record in indexed:
        size = 1 + len(record.unique)
        if group and items + size > MAX_TRANSACTION_ITEMS // 2:
            # Half the limit: a cancelled transaction costs its whole size again on retry.
            yield group
            group, items = [], 0
        group.append((index, record))
        items += size
    if group:
        yield group


def _write_group(group: list[tuple[int, NewRecord]]) -> dict[int, CreateOutcome]:
    """Write the group in one transaction; clashing records leave the group, the rest retry."""
    outcomes: dict[int, CreateOutcome] = {}
    pending = list(group)
    for attempt in range(TRANSACTION_ATTEMPTS):
        if not pending:
            break
        now = utcnow()
        slots: list[tuple[int, NewRecord, str | None]] = []  # per item: record index, record, unique field
        try:
            with TransactWrite(connection=low_level_connection()) as tx:
                for index, new in pending:
                    tx.save(_record_item(new, now), condition=OnboardingRecord.record_key.does_not_exist())
                    slots.append((index, new, None))
                    for name, key in new.unique_keys().items():
                        tx.save(UniqueKey(key, record_key=new.record_key, created_at=now),
                                condition=UniqueKey.unique_key.does_not_exist())
                        slots.append((index, new, name))
        except TransactWriteError as exc:
            reasons = exc.cancellation_reasons or []
            clashed = _clashes(slots, reasons)
            if exc.cause_response_code != "TransactionCanceledException" and not clashed:
                raise
            for index, (new, clash_field) in clashed.items():
                resolved = _resolve_clash(new, clash_field)
                if resolved is not None:  # None: the owner vanished meanwhile; write it again
                    outcomes[index] = resolved
            if not clashed:
                # A conflict with a concurrent transaction on the same keys: back off, retry all.
                time.sleep(min(1.0, 0.02 * 2**attempt) * (0.5 + random.random()))
            pending = [(index, new) for index, new in pending if index not in outcomes]
            continue
        for index, new in pending:
            outcomes[index] = CreateOutcome(CREATED, new.record_id)
        pending = []
    if pending:
        raise TimeoutError(f"{len(pending)} record(s) kept conflicting with concurrent writers")
    return outcomes


def _clashes(slots: list[tuple[int, NewRecord, str | None]], reasons: list) -> dict[int, tuple[NewRecord, str | None]]:
    clashed: dict[int, tuple[NewRecord, str | None]] = {}
    for (index, new, name), reason in zip(slots, reasons, strict=False):  # reasons may be missing
        failed = reason is not None and reason.code == "ConditionalCheckFailed"
        if failed and (index not in clashed or clashed[index][1] is None):
            clashed[index] = (new, name)  # a unique field names the clash better than the record key
    return clashed


def _resolve_clash(new: NewRecord, clash_field: str | None) -> CreateOutcome | None:
    """Who owns what we wanted: our own earlier write (a replay) or another record. None
    when nothing owns it any more (deleted since the clash)."""
    owner_key = new.record_key
    if clash_field is not None:
        owner = get_unique(unique_key(new.model, clash_field, new.unique[clash_field]))
        if owner is None:
            return None
        owner_key = owner.record_key
    existing = _get_by_key(owner_key)
    if existing is None and clash_field is None:
        return None
    if existing is not None and existing.record_key == new.record_key and new.origin and existing.origin == new.origin:
        return CreateOutcome(REPLAYED, new.record_id)
    field_name = clash_field or next(iter(new.unique), None)
    existing_id = existing.record_id if existing is not None else owner_key.partition("#")[2]
    return CreateOutcome(EXISTS, new.record_id, field_name, existing_id)


# ------------------------------------------------------------------ read


def _get_by_key(key: str) -> OnboardingRecord | None:
    try:
        return OnboardingRecord.get(key, consistent_read=True)
    except OnboardingRecord.DoesNotExist:
        return None


def get_record(model: str, record_id: str) -> OnboardingRecord | None:
    return _get_by_key(record_key(model, record_id))


def get_unique(key: str) -> UniqueKey | None:
    try:
        return UniqueKey.get(key, consistent_read=True)
    except UniqueKey.DoesNotExist:
        return None


def get_by_unique(model: str, field_name: str, value: str) -> OnboardingRecord | None:
    """Through the uniqueness item: two key reads, never a scan."""
    owner = get_unique(unique_key(model, field_name, value))
    return _get_by_key(owner.record_key) if owner is not None else None


def find_existing(model: str, field_name: str, values: Iterable[str]) -> dict[str, str]:
    """normalised value -> owning record id, for the values already taken (batch key reads)."""
    keys = {unique_key(model, field_name, value): value for value in values}
    taken: dict[str, str] = {}
    for item in UniqueKey.batch_get(list(keys)):
        taken[keys[item.unique_key]] = item.record_key.partition("#")[2]
    return taken


@dataclass
class RecordPage:
    records: list[OnboardingRecord]
    next_cursor: str | None  # the last list_sk returned, when there is more


def list_records(model: str, *, first: int = 50, after: str | None = None) -> RecordPage:
    """Oldest first, from the list index. ``after`` is the previous page's ``next_cursor``."""
    first = max(1, min(first, MAX_PAGE))
    condition = OnboardingRecord.list_sk > after if after else None
    query = OnboardingRecord.list_index.query(model, range_key_condition=condition, limit=first + 1)
    records = []
    for item in query:
        records.append(item)
        if len(records) > first:
            break
    page = records[:first]
    return RecordPage(page, page[-1].list_sk if len(records) > first else None)


def iter_records(model: str) -> Iterator[OnboardingRecord]:
    yield from OnboardingRecord.list_index.query(model)


def iter_hires(year: int) -> Iterator[OnboardingRecord]:
    yield from OnboardingRecord.hires_index.query(f"hired#{year:04d}")


# ------------------------------------------------------------------ delete


def delete_records(records: Iterable[NewRecord]) -> int:
    """Undo creations: each record (only while its ``origin`` is still the given one, so a
    record another load owns is never touched) and then its uniqueness items. Returns how
    many records were deleted."""
    count = 0
    for new in records:
        item = OnboardingRecord(new.record_key)
        condition = OnboardingRecord.origin == new.origin if new.origin else None
        try:
            item.delete(condition=condition)
        except DeleteError as exc:
            if exc.cause_response_code == "ConditionalCheckFailedException":
                continue  # not ours (or already gone)
            raise
        for key in new.unique_keys().values():
            try:
                UniqueKey(key).delete(condition=UniqueKey.record_key == new.record_key)
            except DeleteError as exc:
                if exc.cause_response_code != "ConditionalCheckFailedException":
                    raise
        count += 1
    return count


__all__ = ["CREATED", "CreateOutcome", "EXISTS", "NewRecord", "REPLAYED", "RecordPage", "create_record",
           "create_records", "delete_records", "find_existing", "get_by_unique", "get_record", "get_unique",
           "iter_hires", "iter_records", "list_records", "record_key", "unique_key"]
