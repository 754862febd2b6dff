"""The cases issue 16 found, each through the whole pipeline (process_file), by name.

Before: SIGABRT on far-apart cells, INTERNAL_ERROR on 9999-12-31 (OverflowError), on 1e308
(decimal InvalidOperation) and on a zip flagged encrypted (RuntimeError); NaN or infinite
hours and rates became blanks with the file approved.
"""

from __future__ import annotations

import pytest

from core.operational_settings import OperationalSettings
from processing import errors
from processing.errors import InputError
from processing.isolation import process_file_isolated
from processing.pipeline import process_file
from tests.processing.readers.builders import single_sheet_xlsx
from tests.processing.readers.hostile.corpus import CORPUS, timecard_rows_xml


def _file(name: str) -> bytes:
    return next(item for item in CORPUS if item.name == name).bytes()


def _process(name: str, data: bytes):
    return process_file(name, data, OperationalSettings())


@pytest.mark.parametrize(("hours", "rate", "cell"), [("NaN", "20", "C3"), ("8", "INF", "D3"), ("1e309", "20", "C3"),
                                                     ("5e-324", "20", "C3"), ("8", "-INF", "D3")])
def test_a_number_no_spreadsheet_holds_sends_the_file_to_review_naming_the_cell(hours, rate, cell):
    data = single_sheet_xlsx(timecard_rows_xml([("46083", "8", "20"), ("46084", hours, rate)]))
    result = _process("week.xlsx", data).result
    assert result["decision"] == "review"
    unreadable = [issue for issue in result["issues"] if issue["code"] == "UNREADABLE_CELL"]
    assert [issue["severity"] for issue in unreadable] == ["error"]
    assert cell in unreadable[0]["message"]


@pytest.mark.parametrize("name", ["date-9999.xlsx", "serial-max.xlsx", "date-year-0.xlsx", "csv-date-9999.csv"])
def test_dates_past_any_payroll_are_no_internal_error(name):
    try:
        outcome = _process(name, _file(name))
    except InputError as error:
        assert error.code in (errors.NO_DATA, errors.UNRECOGNIZED_LAYOUT)
        return
    assert outcome.result["decision"] in ("approved", "review")
    assert all(entry["date"] < "2200" for card in outcome.result["timecards"] for entry in card["entries"])


@pytest.mark.parametrize("name", ["1e308-rate.xlsx", "1e308-hours.xlsx", "csv-1e308.csv", "csv-long-digits.csv"])
def test_numbers_near_the_float_limit_are_no_internal_error(name):
    outcome = _process(name, _file(name))
    assert outcome.result["decision"] in ("approved", "review")
    for card in outcome.result["timecards"]:
        for entry in card["entries"]:
            assert entry["hours"] is None or entry["hours"] < 1e12
            assert entry["pay"] is None or entry["pay"] < 1e12


def test_a_zip_flagged_encrypted_is_encrypted_file_not_an_internal_error():
    with pytest.raises(InputError) as caught:
        _process("locked.xlsx", _file("encrypted-flag.xlsx"))
    assert caught.value.code == errors.ENCRYPTED_FILE


def test_far_apart_cells_no_longer_abort_the_process():
    # in a child, so that a regression (SIGABRT) fails this test instead of the whole run
    with pytest.raises(InputError) as caught:
        process_file_isolated("far.xlsx", _file("far-cells.xlsx"), OperationalSettings())
    assert caught.value.code in (errors.NO_DATA, errors.UNRECOGNIZED_LAYOUT)


def test_a_real_timecard_with_one_stray_far_cell_gives_the_clean_files_result():
    from tests.processing.readers.hostile.corpus import timecard_xlsx

    clean = _process("week.xlsx", timecard_xlsx()).result
    stray = process_file_isolated("week.xlsx", timecard_xlsx(stray="ALL199000"), OperationalSettings()).result
    assert stray["timecards"] == clean["timecards"]
    assert stray["decision"] == clean["decision"]


def test_a_thousand_sheet_workbook_is_refused_before_any_extraction():
    with pytest.raises(InputError) as caught:
        _process("crew.xlsx", _file("sheets-1000-hidden.xlsx"))
    assert caught.value.code == errors.TOO_MANY_SHEETS
