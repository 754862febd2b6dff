from __future__ import annotations

import datetime as dt

import pytest

from processing.readers.number_formats import classify
from processing.readers.serials import convert_serial


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("General", None),
        ("0.00", None),
        ('"$"#,##0.00', None),
        ('0.0" hrs"', None),
        ("[Red]0.00", None),
        ("mm/dd/yyyy", "date"),
        ("d-mmm", "date"),
        ("mmmm d, yyyy", "date"),
        ("h:mm AM/PM", "time"),
        ("mm:ss", "time"),
        ("[$-409]h:mm:ss AM/PM", "time"),
        ("m/d/yy h:mm", "datetime"),
        ("[h]:mm", "duration"),
        ("[mm]:ss", "duration"),
    ],
)
def test_classify(code, kind):
    assert classify(code) == kind


def test_serials_in_both_date_systems():
    assert convert_serial(46083.0, "mm/dd/yyyy", date1904=False) == dt.date(2026, 3, 2)
    assert convert_serial(46083.0 - 1462, "mm/dd/yyyy", date1904=True) == dt.date(2026, 3, 2)
    assert convert_serial(61.0, "mm/dd/yyyy", date1904=False) == dt.date(1900, 3, 1)  # after the fake 29 Feb
    assert convert_serial(0.75, "h:mm", date1904=False) == dt.time(18, 0)
    assert convert_serial(46083.5, "m/d/yy h:mm", date1904=False) == dt.datetime(2026, 3, 2, 12, 0)
    assert convert_serial(1.25, "[h]:mm", date1904=False) == dt.timedelta(hours=30)
    assert convert_serial(8.5, "0.00", date1904=False) == 8.5
