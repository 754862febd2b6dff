"""The HR reports, from keys and indexes only: the year's hires come from the hires index
(one partition per year), department and job names from the list index; the aggregation
is done here.

Hires without a department or a job are left out of both reports, as the HR system's SQL
joins did.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from processing.onboarding.registry import DEPARTMENT, JOB_TITLE
from store.onboarding import iter_hires, iter_records


@dataclass(frozen=True)
class QuarterlyHires:
    department: str
    job: str
    q1: int
    q2: int
    q3: int
    q4: int


@dataclass(frozen=True)
class DepartmentHires:
    id: int
    department: str
    hired: int


def _names(model_key: str, field: str) -> dict[int, str]:
    return {int(item.record_id): item.data.get(field, "") for item in iter_records(model_key)}


def _year_hires(year: int) -> list[tuple[int, int, int]]:
    """(department id, job id, quarter) per hire of the year that names both."""
    hires = []
    for item in iter_hires(year):
        department, job = item.data.get("departmentId"), item.data.get("jobId")
        if department is None or job is None:
            continue
        month = int(item.data["datetime"][5:7])
        hires.append((int(department), int(job), (month - 1) // 3 + 1))
    return hires


def hires_by_quarter(year: int) -> list[QuarterlyHires]:
    """Hires per quarter for each department and job, ordered by department then job."""
    departments, jobs = _names(DEPARTMENT.key, "department"), _names(JOB_TITLE.key, "job")
    counts: Counter[tuple[str, str, int]] = Counter()
    for department, job, quarter in _year_hires(year):
        counts[(departments.get(department, f"#{department}"), jobs.get(job, f"#{job}"), quarter)] += 1
    pairs = sorted({(d, j) for d, j, _ in counts})
    return [QuarterlyHires(d, j, *(counts[(d, j, q)] for q in (1, 2, 3, 4))) for d, j in pairs]


def departments_above_mean(year: int) -> list[DepartmentHires]:
    """Departments that hired more than the mean of the departments that hired that year,
    most hires first."""
    per_department = Counter(department for department, _, _ in _year_hires(year))
    if not per_department:
        return []
    mean = sum(per_department.values()) / len(per_department)
    names = _names(DEPARTMENT.key, "department")
    above = [DepartmentHires(d, names.get(d, f"#{d}"), n) for d, n in per_department.items() if n > mean]
    return sorted(above, key=lambda row: (-row.hired, row.id))


__all__ = ["DepartmentHires", "QuarterlyHires", "departments_above_mean", "hires_by_quarter"]
