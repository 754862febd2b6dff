"""Cell value -> typed value, one function per field type. Each returns the value or raises
``FieldProblem(code, message)``; messages name the field's expectation, never the value
(cells hold personal data)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

INVALID_EMAIL = "INVALID_EMAIL"
INVALID_DATE = "INVALID_DATE"
INVALID_NUMBER = "INVALID_NUMBER"
INVALID_PHONE = "INVALID_PHONE"
OUT_OF_RANGE = "OUT_OF_RANGE"


class FieldProblem(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


# Local part and domain kept deliberately plain: what mail systems accept in practice, not
# every RFC 5322 curiosity (quoted locals, IP literals) that no business CSV carries.
_EMAIL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")


def as_email(value: Any) -> str:
    text = str(value).strip()
    local, _, _domain = text.partition("@")
    if not _EMAIL.match(text) or len(local) > 64:
        raise FieldProblem(INVALID_EMAIL, "is not a valid email address (expected name@example.com)")
    return text


_DATE_FORMATS = (
    "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d",
    "%m/%d/%Y", "%m-%d-%Y", "%m/%d/%y",  # US order first: the source systems are US ones
    "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y",  # day first when the first number cannot be a month
    "%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%d-%b-%Y", "%d-%b-%y",
)


def as_date(value: Any) -> dt.date:
    """ISO and the common spreadsheet forms; Excel cells arrive as date/datetime already."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = re.sub(r"\s+", " ", str(value).strip())
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text, flags=re.IGNORECASE)
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text):
        return as_datetime(text).date()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise FieldProblem(INVALID_DATE, "is not a date (use YYYY-MM-DD, MM/DD/YYYY or 'Jan 5, 2024')")


def as_datetime(value: Any) -> dt.datetime:
    """An instant in UTC. Naive times are taken as UTC (the HR exports are UTC, with a Z)."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            try:
                moment = dt.datetime.combine(as_date(text), dt.time())
            except FieldProblem:
                raise FieldProblem(INVALID_DATE, "is not a date and time (use ISO 8601, e.g. "
                                                 "2021-07-27T16:02:08Z)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def as_integer(value: Any, minimum: int | None, maximum: int | None) -> int:
    if isinstance(value, bool):
        raise FieldProblem(INVALID_NUMBER, "must be a whole number")
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip().replace(",", "")
        try:
            exact = Decimal(text)
        except InvalidOperation:
            raise FieldProblem(INVALID_NUMBER, "must be a whole number") from None
        if not exact.is_finite() or exact != exact.to_integral_value():
            raise FieldProblem(INVALID_NUMBER, "must be a whole number")
        number = int(exact)
    _check_range(number, minimum, maximum)
    return number


_MONEY_NOISE = re.compile(r"[\s$€£,]|USD|EUR|GBP", re.IGNORECASE)
CENT = Decimal("0.01")


def as_money(value: Any, minimum: Decimal | int | None, maximum: Decimal | int | None) -> Decimal:
    """``$12,500.00``, ``12500``, ``(300)`` (accounting negative). Exact: never via float text."""
    if isinstance(value, bool):
        raise FieldProblem(INVALID_NUMBER, "must be an amount such as 12500.00")
    text = str(value).strip() if not isinstance(value, float) else repr(value)
    negative = text.startswith("(") and text.endswith(")")
    text = _MONEY_NOISE.sub("", text.strip("()"))
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise FieldProblem(INVALID_NUMBER, "must be an amount such as 12500.00") from None
    if not amount.is_finite():
        raise FieldProblem(INVALID_NUMBER, "must be an amount such as 12500.00")
    amount = (-amount if negative else amount).quantize(CENT, rounding=ROUND_HALF_UP)
    _check_range(amount, minimum, maximum)
    return amount


def as_phone(value: Any) -> str:
    """Digits only (a leading + kept): 7 to 15 digits, the E.164 bounds."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stores an unformatted phone number as a number
    text = str(value).strip()
    text = re.sub(r"\s*(ext\.?|x)\s*\d+$", "", text, flags=re.IGNORECASE)
    plus = text.startswith("+")
    digits = re.sub(r"[\s().\-/+]", "", text)
    if not digits.isdigit() or not 7 <= len(digits) <= 15:
        raise FieldProblem(INVALID_PHONE, "must be a phone number of 7 to 15 digits")
    return ("+" if plus else "") + digits


def as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return re.sub(r"\s+", " ", str(value)).strip()


def as_choice(value: Any, choices: tuple[str, ...]) -> str:
    key = re.sub(r"[\s-]+", "_", str(value).strip().lower())
    if key not in choices:
        raise FieldProblem(OUT_OF_RANGE, f"must be one of {', '.join(choices)}")
    return key


def _check_range(number: Decimal | int, minimum: Decimal | int | None, maximum: Decimal | int | None) -> None:
    if minimum is not None and number < minimum:
        raise FieldProblem(OUT_OF_RANGE, f"must be at least {minimum}")
    if maximum is not None and number > maximum:
        raise FieldProblem(OUT_OF_RANGE, f"must be at most {maximum}")


__all__ = ["FieldProblem", "as_choice", "as_date", "as_datetime", "as_email", "as_integer", "as_money", "as_phone",
           "as_text"]
