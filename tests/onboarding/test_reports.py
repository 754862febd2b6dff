"""The HR reports, computed from the hires index and the list index (moto)."""

from __future__ import annotations

from services.onboarding.reports import DepartmentHires, QuarterlyHires, departments_above_mean, hires_by_quarter

HIRES = b"""1,A One,2021-01-10T10:00:00Z,1,1
2,B Two,2021-02-10T10:00:00Z,1,1
3,C Three,2021-05-10T10:00:00Z,1,2
4,D Four,2021-08-10T10:00:00Z,2,1
5,E Five,2021-12-31T23:59:59Z,1,1
6,F Six,2021-11-10T10:00:00Z,3,2
7,G Seven,2022-01-10T10:00:00Z,2,1
8,H Eight,2021-03-10T10:00:00Z,,1
"""


def load(run_upload):
    run_upload(b"1,Sales\n2,Legal\n3,Support\n", name="departments.csv")
    run_upload(b"1,Analyst\n2,Engineer\n", name="jobs.csv")
    run_upload(HIRES, name="hired_employees.csv")


def test_hires_per_quarter_for_each_department_and_job(run_upload):
    load(run_upload)
    assert hires_by_quarter(2021) == [
        QuarterlyHires("Legal", "Analyst", 0, 0, 1, 0),
        QuarterlyHires("Sales", "Analyst", 2, 0, 0, 1),
        QuarterlyHires("Sales", "Engineer", 0, 1, 0, 0),
        QuarterlyHires("Support", "Engineer", 0, 0, 0, 1),
    ]
    assert hires_by_quarter(2022) == [QuarterlyHires("Legal", "Analyst", 1, 0, 0, 0)]
    assert hires_by_quarter(2019) == []


def test_departments_hiring_more_than_the_yearly_mean(run_upload):
    load(run_upload)
    # 2021: Sales 4, Legal 1, Support 1 -> mean 2
    assert departments_above_mean(2021) == [DepartmentHires(1, "Sales", 4)]
    assert departments_above_mean(2022) == []  # one department: nobody is above its own mean
