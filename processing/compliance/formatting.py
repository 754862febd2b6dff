"""Numbers in messages: hours without trailing zeros (46.5, 40), money with two decimals."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

_CENT = Decimal("0.01")


def hours_text(value: Decimal | Fraction | int) -> str:
    number = _decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP).normalize()
    return f"{number:f}"


def money_text(value: Decimal | Fraction | int) -> str:
    return f"{_decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP):f}"


def rate_text(value: Decimal | Fraction | int) -> str:
    """A rate per hour: cents, like money."""
    return money_text(value)


def _decimal(value: Decimal | Fraction | int) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value)


__all__ = ["hours_text", "money_text", "rate_text"]
