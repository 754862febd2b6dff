"""SMT-LIB 2 text for rules, premises and claims.

A scope is handed to z3 as one SMT-LIB string (one parse) instead of hundreds of Python
API calls: building terms through z3's Python bindings cost ten times the solving.
Numbers are exact rationals: ``(/ 29.0 4.0)``, never floats.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def sym(name: str) -> str:
    """A quoted symbol: names like ``hours[2026-03-02]`` are fine inside bars."""
    return f"|{name}|"


def num(value: Decimal | Fraction | int) -> str:
    fraction = Fraction(value)
    magnitude = (f"{abs(fraction.numerator)}.0" if fraction.denominator == 1
                 else f"(/ {abs(fraction.numerator)}.0 {fraction.denominator}.0)")
    return f"(- {magnitude})" if fraction < 0 else magnitude


def integer(value: int) -> str:
    return f"(- {abs(value)})" if value < 0 else str(value)


def op(name: str, *args: str) -> str:
    return f"({name} {' '.join(args)})"


def and_(parts: list[str]) -> str:
    if not parts:
        return "true"
    return parts[0] if len(parts) == 1 else op("and", *parts)


def or_(parts: list[str]) -> str:
    if not parts:
        return "false"
    return parts[0] if len(parts) == 1 else op("or", *parts)


def add(parts: list[str], zero: str = "0.0") -> str:
    if not parts:
        return zero
    return parts[0] if len(parts) == 1 else op("+", *parts)


def eq(a: str, b: str) -> str:
    return op("=", a, b)


def le(a: str, b: str) -> str:
    return op("<=", a, b)


def ge(a: str, b: str) -> str:
    return op(">=", a, b)


def lt(a: str, b: str) -> str:
    return op("<", a, b)


def gt(a: str, b: str) -> str:
    return op(">", a, b)


def mul(a: str, b: str) -> str:
    return op("*", a, b)


def sub(a: str, b: str) -> str:
    return op("-", a, b)


def not_(a: str) -> str:
    return op("not", a)


def implies(a: str, b: str) -> str:
    return op("=>", a, b)


def ite(condition: str, then: str, otherwise: str) -> str:
    return op("ite", condition, then, otherwise)


def min_(a: str, b: str) -> str:
    return ite(le(a, b), a, b)


def max_(a: str, b: str) -> str:
    return ite(ge(a, b), a, b)


def within(a: str, b: str, tolerance: str) -> str:
    """|a - b| <= tolerance, without abs."""
    return and_([le(sub(a, b), tolerance), le(sub(b, a), tolerance)])


__all__ = ["add", "and_", "eq", "ge", "gt", "implies", "integer", "ite", "le", "lt", "max_", "min_", "mul", "not_",
           "num", "op", "or_", "sub", "sym", "within"]
