from __future__ import annotations

import strawberry

from api.types.page_info import PageInfo
from store.models import TimecardEntry


@strawberry.type(description="One stored entry (employee, work date) of one job.")
class TimecardRecord:
    job_id: strawberry.ID
    employee: str
    employee_id: str | None
    date: str
    hours: float | None
    pay: float | None

    @classmethod
    def from_model(cls, item: TimecardEntry) -> TimecardRecord:
        return cls(job_id=strawberry.ID(item.job_id), employee=item.employee, employee_id=item.employee_id,
                   date=item.work_date, hours=float(item.hours) if item.hours is not None else None,
                   pay=float(item.pay) if item.pay is not None else None)


@strawberry.type
class TimecardRecordConnection:
    nodes: list[TimecardRecord]
    page_info: PageInfo


__all__ = ["TimecardRecord", "TimecardRecordConnection"]
