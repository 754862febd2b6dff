"""Write every sample file and its expected result (samples/<name>.expected.json).

    python samples/make_samples.py

Deterministic: the same bytes on every run. The expected JSON comes from the generator's
own ground truth (it knows the entries because it wrote them), never from the extractor.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from samples.generator.grid_samples import (  # noqa: E402
    labor_blocks,
    month_day_grid_xls,
    repeated_header_blocks,
    stage_crew_transposed,
)
from samples.generator.lookalikes.attendance_marks import attendance_marks  # noqa: E402
from samples.generator.lookalikes.biweekly_labor_blocks import biweekly_labor_blocks  # noqa: E402
from samples.generator.lookalikes.day_mark_grid import day_mark_grid  # noqa: E402
from samples.generator.lookalikes.event_crew_blocks import event_crew_blocks  # noqa: E402
from samples.generator.lookalikes.exempt_template import exempt_template, tour_exempt_template  # noqa: E402
from samples.generator.lookalikes.home_cities_grid import home_cities_grid  # noqa: E402
from samples.generator.lookalikes.hourly_legal_name import hourly_legal_name  # noqa: E402
from samples.generator.lookalikes.multi_week_blocks import multi_week_blocks  # noqa: E402
from samples.generator.lookalikes.paired_column_transposed import paired_column_transposed  # noqa: E402
from samples.generator.lookalikes.punch_events import punch_events_csv  # noqa: E402
from samples.generator.lookalikes.rate_sheet_payroll import rate_sheet_payroll  # noqa: E402
from samples.generator.lookalikes.retainer_tour_rates import retainer_tour_rates  # noqa: E402
from samples.generator.lookalikes.sectioned_salary import sectioned_weekly_salary  # noqa: E402
from samples.generator.lookalikes.summary_hidden_weeks import summary_hidden_weeks  # noqa: E402
from samples.generator.lookalikes.totals_above_crew import totals_above_crew  # noqa: E402
from samples.generator.lookalikes.two_week_blocks import two_week_tour_blocks  # noqa: E402
from samples.generator.lookalikes.weekly_sheets import weekly_sheets  # noqa: E402
from samples.generator.row_samples import (  # noqa: E402
    legacy_long_xls,
    missing_rate_csv,
    payroll_export,
    weekly_long_csv,
)
from samples.generator.sheet_samples import clock_punches_csv, per_employee_timesheets, punches_cp1252  # noqa: E402
from samples.generator.truth import review_triggers, write_expected  # noqa: E402
from samples.generator.wide_samples import (  # noqa: E402
    crew_day_pay_xls,
    rates_register,
    ref_error_grid,
    tour_payroll_wide,
)

BUILDERS = [
    tour_payroll_wide,
    crew_day_pay_xls,
    stage_crew_transposed,
    labor_blocks,
    weekly_long_csv,
    payroll_export,
    per_employee_timesheets,
    clock_punches_csv,
    punches_cp1252,
    rates_register,
    legacy_long_xls,
    ref_error_grid,
    missing_rate_csv,
    repeated_header_blocks,
    month_day_grid_xls,
    # Look-alikes of real public payroll workbooks (issue 10): structure and traps, invented contents.
    sectioned_weekly_salary,
    two_week_tour_blocks,
    biweekly_labor_blocks,
    day_mark_grid,
    summary_hidden_weeks,
    hourly_legal_name,
    punch_events_csv,
    multi_week_blocks,
    event_crew_blocks,
    paired_column_transposed,
    exempt_template,
    rate_sheet_payroll,
    retainer_tour_rates,
    home_cities_grid,
    totals_above_crew,
    tour_exempt_template,
    weekly_sheets,
    attendance_marks,
]


def main(out: Path = HERE) -> list[Path]:
    written = []
    catalogue = ["# Timecard samples", "",
                 "Written by `python samples/make_samples.py` (deterministic). Each file has its expected result",
                 "`<name>.expected.json`, computed from the generator's own ground truth.", "",
                 "| file | family | traps | decision |", "|---|---|---|---|"]
    lookalikes = []
    for build in BUILDERS:
        truth = build(out)
        if truth.structure:
            lookalikes.append((truth.file_name, truth))
        path = out / truth.file_name
        write_expected(truth, path)
        written.append(path)
        decision = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json").read_text())["decision"]
        traps = ", ".join(truth.traps).replace("|", "\\|")  # a pipe would split the Markdown cell
        catalogue.append(f"| {path.name} | {truth.family} | {traps} | {decision} |")
    if lookalikes:
        catalogue += ["", "## Look-alikes of real payroll workbooks", "",
                      "Samples 16 and later copy the structure and the traps of layouts met in real public tour,",
                      "crew and retail payroll workbooks (issue 10), with invented people, companies and figures.",
                      "Nothing in them comes from a real file's cells.", "",
                      "Ground-truth conventions they add (samples/generator/truth.py): a person listed with no "
                      "worked day (a row of zeros, dashes or blanks) has no timecard; a total that includes per "
                      "diem, reimbursements, bonuses or deductions is compared with wages plus those and is never "
                      "flagged for them; a total over part of the entries (one week, one day's column, one "
                      "section) is compared with that part; people are told apart by employee id when the file "
                      "has one; hidden sheets give neither entries, nor the period, nor issues; exact duplicate "
                      "rows are counted once.", ""]
        for name, truth in lookalikes:
            catalogue += [f"### {name}", "", truth.structure, "", "Traps: " + "; ".join(truth.traps) + ".", ""]
            if review_triggers(truth):
                catalogue += ["Review triggers beyond the contract codes (the decision follows them): "
                              + ", ".join(review_triggers(truth)) + ".", ""]
    (out / "TIMECARD_SAMPLES.md").write_text("\n".join(catalogue).rstrip("\n") + "\n", encoding="utf-8")
    return written


if __name__ == "__main__":
    for written_path in main():
        print(written_path.name)
