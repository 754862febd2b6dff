"""Look-alike of a payroll-service "Salary Exempt Time Sheet" template with hidden control sheets.

The visible sheet: label/value cells at the top (Client Name, *Pay Period Start Date, *Pay
Period End Date, Direct Deposit Date, *Tax Frequency) with instructions beside them; a row
of =IF(K7>$I$3,"Do not enter","") warnings; the header row (Full Name | SSN (full or last 4
SSN) | Loan Out- Corp Name | EIN | Home State | Occupation | GL Codes/Cost Codes | Weekly
Rate | Daily Rate | 16 date formulas chained from the start date, "" past the end date |
# Days | Total | adjustment columns: 194 Per Diem Non Taxable, 243 Cell Phone, 401k
Contribution, 630 Gas Reimbursement | a state check column). Then Work/Day type, City, Zip
Code rows, and a placeholder row ("Lastname, Firstname", "XXX-XX-XXXX") that also carries
the TOTALS of the people below it. Names have trailing spaces. The used range runs to
column XFD (a formatted cell far right), and the state check is a lookup that yields #N/A
for a state missing from the hidden list. Very hidden sheets hold an exceptions form with
its own period and a Data Control sheet of lists; a hidden Requirements sheet holds text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

START = dt.date(2026, 4, 6)
END = dt.date(2026, 4, 12)
FIRST_DAY = 10  # J
DATE_COLUMNS = 16  # J..Y
SHEET = "Salary Exempt"
ADJUSTMENTS = {29: "194 Per Diem Non Taxable", 30: "243 Cell Phone", 31: "401k Contribution",
               32: "630 Gas Reimbursement"}
KNOWN_STATES = ["CA", "NY", "TX", "WA", "OR"]


@dataclass
class Exempt:
    raw: str  # "Last, First" with the template's trailing spaces
    name: str
    ssn: str
    ein: str | None
    state: str
    occupation: str
    daily: int
    worked: list[int]  # day indexes of the period
    adjustments: dict[int, Decimal] = field(default_factory=dict)  # column -> amount


@dataclass
class Form:
    """One visible timesheet of the template: its sheet, period, people and adjustment columns."""

    sheet: str
    title: str
    client: str | None
    start: dt.date
    end: dt.date
    frequency: str | None
    staff: list[Exempt]
    adjustments: dict[int, str]
    places: list[tuple[str, object, str]] = field(default_factory=lambda: [
        ("Pasadena", 91101, "CA"), ("Pasadena", 91101, "CA"), ("Glendale", 91204, "CA"),
        ("Irvine", 92618, "CA"), ("Glendale", 91204, "CA"), ("Pasadena", 91101, "CA"),
        ("Pasadena", 91101, "CA")])
    last_row: int = 78


def _timesheet(book: Book, ws, truth: Truth, form: Form) -> None:
    """Write one template sheet; an empty ``staff`` leaves the template's formulas over blank rows."""
    period = [form.start + dt.timedelta(days=i) for i in range((form.end - form.start).days + 1)]
    ws["H1"], ws["I1"] = "Client Name:", form.client
    ws["H2"], ws["H3"], ws["H4"], ws["H5"] = ("*Pay Period Start Date:", "*Pay Period End Date:",
                                               "Direct Deposit Date: ", "*Tax Frequency:")
    ws["I2"] = dt.datetime.combine(form.start, dt.time())
    ws["I3"] = dt.datetime.combine(form.end, dt.time())
    if form.staff:
        ws["I4"] = dt.datetime.combine(form.end + dt.timedelta(days=5), dt.time())
    ws["I5"] = form.frequency
    ws["K2"] = "*Pay Period Start Date Cannot be changed after submission"
    ws["K4"] = "Payroll needs to be approved by Wednesday noon"
    ws["A5"] = form.title
    headers = ["Full Name", "SSN \n(full or last 4 SSN)", "Loan Out- Corp Name", "EIN", "Home State", "Occupation",
               "GL Codes/Cost Codes", "Weekly Rate", "Daily Rate"]
    for col, text in enumerate(headers, start=1):
        ws.cell(row=7, column=col, value=text)
    for i in range(DATE_COLUMNS):
        col = FIRST_DAY + i
        letter, previous = get_column_letter(col), get_column_letter(col - 1)
        day = form.start + dt.timedelta(days=i)
        value = day if day <= form.end else ""
        if i == 0:
            book.formula(ws, 7, col, '=IF(I2=0,"",I2)', value, "m/d")
        else:
            book.formula(ws, 7, col, f'=IF({previous}7="","", IF({previous}7+1>$I$3,"",{previous}7+1))', value, "m/d")
        book.formula(ws, 6, col, f'=IF({letter}7="","Do not enter","")', "" if day <= form.end else "Do not enter")
    ws.cell(row=7, column=26, value="# Days")
    ws.cell(row=7, column=27, value="Total")
    ws.cell(row=7, column=34, value="State check")
    for col, text in form.adjustments.items():
        ws.cell(row=8, column=col, value=text)
    ws["A9"], ws["A10"], ws["I11"], ws["I12"] = ("Work/Day type:", "City (for USA) or Country (outside USA)",
                                                 "Zip Code Only US (required)", "Work State: ")
    if form.staff:
        for i in range(len(period)):
            city, zip_code, state = form.places[i % len(form.places)]
            ws.cell(row=9, column=FIRST_DAY + i, value="Work")
            ws.cell(row=10, column=FIRST_DAY + i, value=city)
            ws.cell(row=11, column=FIRST_DAY + i, value=zip_code)
            ws.cell(row=12, column=FIRST_DAY + i, value=state)
    ws["A12"], ws["B12"], ws["D12"] = "Lastname, Firstname", "XXX-XX-XXXX", "XX-XXXXXXX"
    for col in (27, *form.adjustments):
        ws.cell(row=10, column=col, value="TOTALS")
    first = 13
    wages_total = Decimal(0)
    adjustment_totals = {col: Decimal(0) for col in form.adjustments}
    for offset, member in enumerate(form.staff):
        row = first + offset
        person = truth.person(member.name)
        person.exempt = True  # the sheet's title calls its people exempt
        for col, value in ((1, member.raw), (2, member.ssn), (4, member.ein), (5, member.state),
                           (6, member.occupation), (9, member.daily)):
            if value is not None:
                ws.cell(row=row, column=col, value=value)
        wages = Decimal(0)
        for i in member.worked:
            ws.cell(row=row, column=FIRST_DAY + i, value=member.daily)
            person.add(period[i], None, money(D(member.daily)))
            wages += D(member.daily)
        for col, amount in member.adjustments.items():
            ws.cell(row=row, column=col, value=float(amount))
            adjustment_totals[col] += amount
        check = member.state if member.state in KNOWN_STATES else "#N/A"
        book.formula(ws, row, 34, f"=VLOOKUP(E{row},'Data Control'!$A$2:$A$60,1,FALSE)", check)
        truth.state_total(member.name, "pay", wages)
        wages_total += wages
    for offset in range(max(len(form.staff), 8)):  # the template's formulas run over blank rows too
        row = first + offset
        member = form.staff[offset] if offset < len(form.staff) else None
        book.formula(ws, row, 26, f"=COUNTA(J{row}:Y{row})", len(member.worked) if member else 0)
        book.formula(ws, row, 27, f"=SUM(J{row}:Y{row})", sum((D(member.daily) for _ in member.worked), Decimal(0))
                     if member else 0)
    book.formula(ws, 12, 27, f"=SUM(AA{first}:AA{form.last_row})", wages_total)
    if form.staff:
        truth.state_total(None, "pay", wages_total, form.sheet)
    for col, amount in adjustment_totals.items():
        letter = get_column_letter(col)
        book.formula(ws, 12, col, f"=SUM({letter}{first}:{letter}{form.last_row})", amount)
    ws.cell(row=form.last_row + 229, column=16384).font = Font(bold=True)  # formatted whole rows: range to XFD


def exempt_template(out: Path) -> Truth:
    path = out / "26_exempt_template.xlsx"
    truth = Truth(path.name, family="wide_grid (payroll-service template)", structure=" ".join(__doc__.split()),
                  week_start=START, declared_review=["EXEMPT_DUTIES_TEST"],
                  traps=["label/value banner cells with instructions", "row of =IF(...,\"Do not enter\",\"\") "
                         "warnings (text results)", "16 date formulas, cached \"\" after the period end",
                         "placeholder row (Lastname, Firstname / XXX-XX-XXXX) that also holds the TOTALS",
                         "TOTALS above the people", "trailing spaces in names", "adjustment columns: per diem, "
                         "cell phone, 401k contribution (a deduction), gas reimbursement", "used range to column XFD",
                         "#N/A from a lookup helper column (no issue)", "very hidden sheets with their own period "
                         "and lists", "Work/Day type, City and Zip Code rows over the dates"])
    staff = [
        Exempt("Kowalczyk, Hanna     ", "Hanna Kowalczyk", "xxx-xx-7301", None, "CA", "Bass Tech (fill-in)", 350,
               [0, 1, 2, 3, 4, 5], {29: D(15), 31: D(550)}),
        Exempt("Ibarra, Tomas ", "Tomas Ibarra", "xxx-xx-7302", "xx-xxx7302", "NY", "Monitor Tech", 400,
               [0, 1, 2, 3, 4, 5], {31: D(550), 32: D(35)}),
        Exempt("Lindqvist, Sofie", "Sofie Lindqvist", "xxx-xx-7303", "xx-xxx7303", "MN", "Prod Asst", 300,
               [0, 1, 2, 4, 5], {29: D(25), 30: D(45), 32: D(35)}),
        Exempt("Mokoena, Thabo  ", "Thabo Mokoena", "xxx-xx-7304", None, "CA", "Lighting Designer", 500,
               [0, 1, 2, 3, 4, 5, 6], {30: D(15)}),
    ]
    book = Book()
    _timesheet(book, book.sheet(SHEET), truth, Form(SHEET, "Salary Exempt Time Sheet", "Juniper Reach", START, END,
                                                   "Weekly", staff, ADJUSTMENTS))
    exceptions = book.sheet("Exceptions A", "veryHidden")
    exceptions["G1"], exceptions["G4"], exceptions["G5"] = ("ACCOUNT NAME HERE:", "Pay Period Start Date:",
                                                            "*Pay Period End Date:")
    exceptions["H4"] = dt.datetime(2025, 11, 2)
    exceptions["H5"] = dt.datetime(2025, 11, 8)
    for col, text in enumerate(["Name", "Last 4 of SSN", "Corp Name", "Last 4 of EIN", "Home State", "Occ",
                                "Period Salary", "Daily Salary"], start=1):
        exceptions.cell(row=8, column=col, value=text)
    for i in range(7):
        exceptions.cell(row=8, column=9 + i,
                        value=dt.datetime(2025, 11, 2) + dt.timedelta(days=i)).number_format = "m/d"
    exceptions["A9"], exceptions["G9"], exceptions["H9"] = "Example, Person", 2100, 300
    for i in range(7):
        exceptions.cell(row=9, column=9 + i, value="#N/A")
    control = book.sheet("Data Control", "veryHidden")
    for col, (title, values) in enumerate([("State", ["HOME", *KNOWN_STATES]),
                                           ("Day Type", ["Work", "Off", "Rehearsal", "Show", "Travel"]),
                                           ("Adjustments", list(ADJUSTMENTS.values()))], start=1):
        control.cell(row=1, column=col, value=title)
        for r, value in enumerate(values, start=2):
            control.cell(row=r, column=col, value=value)
    requirements = book.sheet("Requirements", "hidden")
    requirements["A1"] = "Submit by Wednesday noon. Exempt staff: enter the daily salary on each day worked."
    book.save(path)
    return truth





def tour_exempt_template(out: Path) -> Truth:
    """The tour variant of the same template: a bi-weekly period of ten work days (one abroad,
    with a postal code that is not a US ZIP), other adjustment columns, and a second visible
    sheet for drivers left empty, with a period of its own."""
    path = out / "31_tour_exempt_template.xlsx"
    start, end = dt.date(2026, 4, 19), dt.date(2026, 5, 2)
    truth = Truth(path.name, family="wide_grid (payroll-service template)", declared_review=["EXEMPT_DUTIES_TEST"],
                  week_start=start,  # a stated two-week period from a Sunday: Sunday workweeks
                  structure="The template of 26_exempt_template.xlsx. "
                  + " ".join((tour_exempt_template.__doc__ or "").split()),
                  traps=["bi-weekly period in one row of 16 date formulas", "a work day abroad with a non-US postal "
                         "code and HOME as its work state", "adjustments: cell phone, gas reimbursement, 401k catch-up "
                         "(a deduction), meal expense", "a visible Drivers sheet that is an empty copy of the "
                         "template with another period (no entries, no period)", "TOTALS above the people",
                         "used range to column XFD", "hidden Requirements sheet", "#N/A lookups (no issue)"])
    adjustments = {29: "243 Cell Phone", 30: "630 Gas Reimbursement", 31: "401k Catch Up Contribution",
                   32: "644 Meal Expense"}
    days = list(range(14))
    staff = [
        Exempt("Fairbanks, Odile     ", "Odile Fairbanks", "xxx-xx-7311", None, "CA", "Bass Tech (fill-in)", 350,
               [d for d in days if d not in (6, 13)], {29: D(15), 31: D(425)}),
        Exempt("Quarshie, Kofi ", "Kofi Quarshie", "xxx-xx-7312", "xx-xxx7312", "WA", "Monitor Tech", 400,
               [d for d in days if d not in (5, 6, 12, 13)], {31: D(425)}),
        Exempt("Marchetti, Lia", "Lia Marchetti", "xxx-xx-7313", "xx-xxx7313", "RI", "FOH Audio", 450,
               [0, 1, 2, 3, 4, 7, 8, 9, 10, 11], {30: D(15), 32: D(68)}),
    ]
    places = [("Glendale", 91218, "CA"), ("Glendale", 91219, "CA"), ("Glendale", 91219, "CA"),
              ("Glendale", 91222, "CA"), ("Glendale", 91222, "CA"), ("Kahului", 96732, "HI"),
              ("Kahului", 96732, "HI"), ("Kahului", 96793, "HI"), ("Montreal", "H2X", "HOME"),
              ("Montreal", "H2X", "HOME"), ("Glendale", 91218, "CA"), ("Glendale", 91218, "CA"),
              ("Glendale", 91218, "CA"), ("Glendale", 91218, "CA")]
    book = Book()
    _timesheet(book, book.sheet("Tours Salary"), truth,
               Form("Tours Salary", "Tours Exempt Time Sheet", "Harbor Lights Tour", start, end, "Bi-Weekly", staff,
                    adjustments, places=places, last_row=299))
    exceptions = book.sheet("Exceptions A", "veryHidden")
    exceptions["G4"], exceptions["H4"] = "Pay Period Start Date:", dt.datetime(2025, 12, 7)
    exceptions["A9"] = "Example, Person"
    exceptions["I9"] = "#N/A"
    _timesheet(book, book.sheet("Drivers"), truth,
               Form("Drivers", "Tours Exempt Time Sheet", None, dt.date(2026, 5, 24), dt.date(2026, 5, 30), None, [],
                    adjustments, last_row=299))
    control = book.sheet("Data Control", "veryHidden")
    for r, value in enumerate(["State", "HOME", *KNOWN_STATES, "HI", "RI"], start=1):
        control.cell(row=r, column=1, value=value)
    book.sheet("Requirements", "hidden")["A1"] = "Tour staff: enter the daily salary on each day worked."
    book.save(path)
    return truth


__all__ = ["exempt_template", "tour_exempt_template"]
