"""The generator's own machinery for the real-file look-alikes: ground-truth rules for totals
that include non-wage money or cover part of the entries, people told apart by id, review
triggers, cached formula results, and every look-alike builder registered."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from decimal import Decimal

import openpyxl

import samples.generator.lookalikes as lookalikes
from samples.generator.lookalikes.book import Book
from samples.generator.truth import Truth, contract, expected_issues, review_triggers
from samples.make_samples import BUILDERS

MONDAY = dt.date(2026, 3, 2)


def _week_of_pay(truth: Truth, name: str, days: int, pay: int = 200, employee_id: str | None = None) -> None:
    for i in range(days):
        truth.person(name, employee_id).add(MONDAY + dt.timedelta(days=i), None, pay)


def _mismatches(truth: Truth) -> list[dict]:
    return [i for i in expected_issues(truth) if i["code"] == "TOTAL_MISMATCH"]


def test_a_total_with_per_diem_is_compared_with_wages_plus_per_diem():
    truth = Truth("t.xlsx")
    _week_of_pay(truth, "Ann Lee", 5)
    truth.state_total("Ann Lee", "pay", 1000 + 175, extra=175)  # Total Due = wages + per diem
    assert _mismatches(truth) == []
    truth.state_total("Ann Lee", "pay", 1000 + 175)  # the same figure taken for wages alone
    assert len(_mismatches(truth)) == 1


def test_partial_totals_cover_their_dates_and_their_section_only():
    truth = Truth("t.xlsx")
    _week_of_pay(truth, "Ann Lee", 5)
    _week_of_pay(truth, "Bo Chen", 5, pay=300)
    truth.state_total(None, "pay", 200, "S", among=["Ann Lee"], dates=[MONDAY])
    truth.state_total(None, "pay", 1500, "S", among=["Bo Chen"])
    assert _mismatches(truth) == []
    truth.state_total(None, "pay", 1500, "S")  # the whole sheet is 2500
    [issue] = _mismatches(truth)
    assert "sheet 'S'" in issue["message"] and "2500.00" in issue["message"]


def test_two_people_with_one_name_stay_apart_by_employee_id():
    truth = Truth("t.xlsx")
    _week_of_pay(truth, "Sam Okafor", 2, employee_id="E-1")
    _week_of_pay(truth, "Sam Okafor", 3, employee_id="E-2")
    assert [(p.employee_id, len(p.days)) for p in truth.people] == [("E-1", 2), ("E-2", 3)]
    truth.state_total("Sam Okafor", "pay", 600, employee_id="E-2")
    assert _mismatches(truth) == []


def test_seven_worked_days_send_a_clean_reading_to_review():
    six, seven = Truth("six.csv"), Truth("seven.csv")
    _week_of_pay(six, "Ann Lee", 6)
    _week_of_pay(seven, "Ann Lee", 7)
    assert review_triggers(six) == [] and review_triggers(seven) == ["MORE_THAN_6_DAYS"]
    declared = Truth("exempt.csv", declared_review=["EXEMPT_DUTIES_TEST"])
    _week_of_pay(declared, "Ann Lee", 5)
    assert review_triggers(declared) == ["EXEMPT_DUTIES_TEST"]


def test_decision_follows_review_triggers_and_the_trigger_is_an_expected_issue(tmp_path):
    truth = Truth("seven.csv")
    _week_of_pay(truth, "Ann Lee", 7)
    path = tmp_path / "seven.csv"
    path.write_text("x\n", encoding="utf-8")
    result = contract(truth, path)
    assert result["decision"] == "review"
    assert {i["code"] for i in result["issues"]} == {"HOURS_ASSUMED", "MORE_THAN_6_DAYS"}
    six = Truth("six.csv")
    _week_of_pay(six, "Ann Lee", 6)
    assert contract(six, path)["decision"] == "approved"


def test_formula_cells_keep_numeric_text_and_error_results(tmp_path):
    book = Book()
    ws = book.sheet("Grid")
    ws["A1"] = 3
    book.formula(ws, 1, 2, "=A1/7", Decimal(3) / 7)
    book.formula(ws, 1, 3, '=IF(A1>0,"","x")', "")
    book.formula(ws, 1, 4, "=VLOOKUP(A1,E:E,1,FALSE)", "#N/A")
    book.formula(ws, 1, 5, "=A1+1", dt.date(2026, 3, 2))
    hidden = book.sheet("Lists", "veryHidden")
    book.formula(hidden, 1, 1, '="A"&"B"', "AB")
    path = tmp_path / "book.xlsx"
    book.save(path)
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path)
    assert [c.value for c in values["Grid"][1]][1:4] == [float(Decimal(3) / 7), None, "#N/A"]
    assert values["Grid"]["E1"].value == 46083  # the date's 1900-system serial
    assert formulas["Grid"]["C1"].value.startswith("=IF(")
    assert values["Lists"]["A1"].value == "AB" and values["Lists"].sheet_state == "veryHidden"
    first = path.read_bytes()
    book.save(path)
    assert path.read_bytes() == first  # reproducible bytes


def test_every_lookalike_builder_is_registered_once():
    registered = [b.__name__ for b in BUILDERS]
    builders = []
    for module in pkgutil.iter_modules(lookalikes.__path__):
        loaded = importlib.import_module(f"{lookalikes.__name__}.{module.name}")
        for name, value in inspect.getmembers(loaded, inspect.isfunction):
            parameters = list(inspect.signature(value).parameters)
            if value.__module__ == loaded.__name__ and not name.startswith("_") and parameters == ["out"]:
                builders.append(name)
    assert builders, "no look-alike builders found"
    assert sorted(b for b in builders if b in registered) == sorted(builders)
    assert len(registered) == len(set(registered))
