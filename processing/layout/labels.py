"""Row labels of a block-per-employee sheet, mapped to what the row carries."""

from __future__ import annotations

# Row labels of a block-per-employee sheet, mapped to what the row carries.
BLOCK_LABELS: dict[str, str] = {
    "paid hours": "hours", "hours": "hours", "total hours": "hours", "hours worked": "hours",
    "regular": "straight_hours", "regular hours": "straight_hours", "reg hours": "straight_hours",
    "straight": "straight_hours", "straight time": "straight_hours", "st": "straight_hours",
    "overtime": "overtime_hours", "ot": "overtime_hours", "overtime hours": "overtime_hours",
    "ot hours": "overtime_hours",
    "double time": "double_time_hours", "dt": "double_time_hours", "double time hours": "double_time_hours",
    "labor cost": "pay", "labor": "pay", "wages": "pay", "pay": "pay", "gross pay": "pay", "gross": "pay",
    "amount": "pay", "daily pay": "pay",
}

__all__ = ["BLOCK_LABELS"]
