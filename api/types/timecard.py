from __future__ import annotations

from typing import Any

import strawberry


@strawberry.type(description="One work date of one employee.")
class TimecardDay:
    date: str
    hours: float | None
    pay: float | None


@strawberry.type(description="One employee's extracted timecard (result contract `timecards`).")
class Timecard:
    employee: str
    employee_id: str | None
    entries: list[TimecardDay]
    total_hours: float | None
    total_pay: float | None

    @classmethod
    def from_dict(cls, item: dict[str, Any]) -> Timecard:
        days = [TimecardDay(date=e.get("date", ""), hours=e.get("hours"), pay=e.get("pay"))
                for e in item.get("entries", [])]
        return cls(employee=item.get("employee", ""), employee_id=item.get("employee_id"), entries=days,
                   total_hours=item.get("total_hours"), total_pay=item.get("total_pay"))


__all__ = ["Timecard", "TimecardDay"]
