"""What a worker runs for each job kind. A handler gets a JobContext and returns a JobOutcome;
it reports progress through ``ctx.report``, which raises JobStopped once the job is no longer
this worker's (cancelled, reclaimed)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from core.operational_settings import OperationalSettings
from store.job_states import COMPLETED, REVIEW


class JobStopped(Exception):
    """The job was cancelled or taken away: stop now, write nothing more."""


@dataclass
class JobContext:
    job_id: str
    kind: str
    file_name: str | None
    metadata: dict[str, Any]
    settings: OperationalSettings
    report: Callable[[str, int], None]
    load_file: Callable[[], bytes]
    rollbacks: list[Callable[[], None]] = field(default_factory=list)

    def on_rollback(self, undo: Callable[[], None]) -> None:
        """Register how to undo a write, before making it: run if the job is stopped or fails."""
        self.rollbacks.append(undo)


@dataclass
class JobOutcome:
    status: str  # store.job_states.REVIEW | COMPLETED
    result: dict[str, Any]
    message: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


Handler = Callable[[JobContext], JobOutcome]


class LazyMappings(Mapping[str, dict]):
    """Stored layout mappings, fetched per fingerprint only when extraction asks."""

    def __init__(self, fetch: Callable[[list[str]], dict[str, dict]]):
        self._fetch = fetch
        self._cache: dict[str, dict | None] = {}

    def _load(self, key: str) -> dict | None:
        if key not in self._cache:
            self._cache[key] = self._fetch([key]).get(key)
        return self._cache[key]

    def __getitem__(self, key: str) -> dict:
        value = self._load(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._load(key) is not None

    def __iter__(self):
        return iter(k for k, v in self._cache.items() if v is not None)

    def __len__(self) -> int:
        return sum(1 for v in self._cache.values() if v is not None)

    def __bool__(self) -> bool:
        return True  # "are there mappings?" is only known per fingerprint: always ask


def run_timecard_job(ctx: JobContext) -> JobOutcome:
    from processing.isolation import read_workbook_isolated
    from processing.pipeline import process_file
    from store.mappings import get_mappings

    data = ctx.load_file()
    name = ctx.file_name or "upload"
    # The untrusted bytes are parsed in a limited child (CPU, memory, wall time): a file that makes native
    # code abort or eat memory fails its own job (PROCESSING_LIMIT / PROCESSING_CRASHED), never the worker
    # and the embedded store beside it. The later stages need this process's store (stored mappings).
    workbook = read_workbook_isolated(name, data, ctx.settings)
    outcome = process_file(
        name,
        data,
        ctx.settings,
        on_stage=lambda stage, percent: ctx.report(stage, min(percent, 95)),
        mappings=LazyMappings(get_mappings),
        reader=lambda *_: workbook,
    )
    ctx.report("store", 96)
    return timecard_outcome(ctx.job_id, outcome, ctx.on_rollback)


def status_for_decision(decision: str | None) -> str:
    """The one place a pipeline decision becomes a job status: a person must look, or done."""
    return REVIEW if decision == "review" else COMPLETED


def timecard_outcome(job_id: str, outcome: Any, on_rollback: Callable[[Callable[[], None]], None],
                     message: str | None = None) -> JobOutcome:
    """Store a processed file's entries under ``job_id`` (undo registered first) and say how the
    job ends. ``outcome`` is processing.pipeline's ProcessOutcome."""
    from store.records import delete_job_entries, entry_rows, save_timecard_entries

    rows = entry_rows(outcome.extraction.timecards)
    on_rollback(lambda: delete_job_entries(job_id))
    save_timecard_entries(job_id, rows)
    decision = outcome.result.get("decision")
    n_issues = len(outcome.result.get("issues", []))
    summary = f"{len(outcome.extraction.timecards)} timecard(s), {n_issues} issue(s): {decision}"
    return JobOutcome(
        status=status_for_decision(decision),
        result=outcome.stored_result,  # the contract plus sheet schemas, markdown and per-stage history
        message=f"{summary}; {message}" if message else summary,
    )


def run_onboarding_job(ctx: JobContext) -> JobOutcome:
    from services.onboarding.job import run_onboarding_job as run

    return run(ctx)


HANDLERS: dict[str, Handler] = {"timecard": run_timecard_job, "onboarding": run_onboarding_job}


def register_handler(kind: str, handler: Handler) -> None:
    HANDLERS[kind] = handler


__all__ = ["HANDLERS", "Handler", "JobContext", "JobOutcome", "JobStopped", "LazyMappings", "register_handler",
           "run_timecard_job", "status_for_decision", "timecard_outcome"]
