"""Model values out of z3 as exact decimal strings ("6.25", "40", or "1/3" when not terminating)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import z3


def fraction_text(value: Fraction) -> str:
    """A terminating fraction as a plain decimal ("250", "6.25"); otherwise "n/d"."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    text = f"{Decimal(value.numerator) / Decimal(value.denominator):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def value_text(value: z3.ExprRef) -> str:
    if isinstance(value, (z3.RatNumRef, z3.IntNumRef)):
        # One call for the numeral's text ("29/4", "40") is much cheaper than as_fraction().
        return fraction_text(Fraction(value.as_string()))
    if z3.is_true(value):
        return "true"
    if z3.is_false(value):
        return "false"
    if z3.is_algebraic_value(value):
        return "~" + value.approx(6).as_decimal(6).rstrip("?")
    return str(value)


def model_values(model: z3.ModelRef, shows: dict[str, z3.ExprRef]) -> dict[str, str]:
    return {name: value_text(model.eval(expr, model_completion=True)) for name, expr in shows.items()}


__all__ = ["fraction_text", "model_values", "value_text"]
