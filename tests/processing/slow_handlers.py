"""Job handlers for worker tests: they store records and report progress like the real one,
at a pace the test controls."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

from services.jobs import JobContext, JobOutcome
from store.records import EntryRow, delete_job_entries, save_timecard_entries

ENTRIES = [
    EntryRow("Ana Ruiz", "E1", dt.date(2026, 3, 2), Decimal("8"), Decimal("160")),
    EntryRow("Ana Ruiz", "E1", dt.date(2026, 3, 3), Decimal("7.5"), Decimal("150")),
    EntryRow("Bo Chen", "E2", dt.date(2026, 3, 2), Decimal("8"), Decimal("176")),
]


def make_handler(seconds_per_step: float, steps: int = 5, status: str = "COMPLETED"):
    def handler(ctx: JobContext) -> JobOutcome:
        ctx.on_rollback(lambda: delete_job_entries(ctx.job_id))
        save_timecard_entries(ctx.job_id, ENTRIES)
        for step in range(1, steps + 1):
            ctx.report(f"step{step}", int(step * 90 / steps))
            time.sleep(seconds_per_step)
        return JobOutcome(status=status, result={"entries": len(ENTRIES)})

    return handler
