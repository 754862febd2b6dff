"""Excel serial numbers to Python dates, times and durations, for both date systems."""

from __future__ import annotations

import datetime as dt

from processing.readers.cells import INVALID_NUMBER, checked_number
from processing.readers.number_formats import classify

_EPOCH_1900 = dt.datetime(1899, 12, 30)  # serial 60 is the fake 29 Feb 1900; 61 onwards line up
_EPOCH_1904 = dt.datetime(1904, 1, 1)
# Longer than any timesheet duration, and far inside what timedelta can hold (~2.7M years).
_MAX_DURATION_DAYS = 1_000_000


def serial_to_datetime(serial: float, date1904: bool) -> dt.datetime:
    if date1904:
        base = _EPOCH_1904
    else:
        base = _EPOCH_1900
        if serial < 60:  # before the phantom leap day Excel's count is one ahead
            serial += 1
    # Round to the millisecond: serials are binary fractions of a day.
    return base + dt.timedelta(milliseconds=round(serial * 86_400_000))


def convert_serial(value: float, number_format: str | None, date1904: bool) -> object:
    """The value as Excel shows it under ``number_format``; plain numbers unchanged."""
    kind = classify(number_format)
    if kind is None or isinstance(value, bool):
        return value
    if checked_number(value) is INVALID_NUMBER:
        return INVALID_NUMBER
    if kind == "duration":
        if abs(value) > _MAX_DURATION_DAYS:
            return value  # not a duration anyone worked: the plain number, for the parsers to refuse
        return dt.timedelta(milliseconds=round(value * 86_400_000))
    if kind == "time" and 0 <= value < 1:
        # A time of day is the fraction alone; the date system does not matter.
        return (dt.datetime.min + dt.timedelta(milliseconds=round(value * 86_400_000))).time()
    if value < 0 or value > 2_958_465:  # beyond 9999-12-31: not a date, keep the number
        return value
    moment = serial_to_datetime(value, date1904)
    if kind in ("date", "datetime") and moment.time() == dt.time(0):
        return moment.date()  # midnight is a date, as calamine reads the same cell on the dense path
    return moment
