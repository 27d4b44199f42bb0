"""Strict reading of cell values: what counts as a number, and a hint for what does not."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..spec.types import ValueKind

Number = int | Decimal

_INTEGER = re.compile(r"[+-]?(0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[+-]?(0|[1-9][0-9]*)(\.[0-9]+)?")
_FULL_WIDTH = re.compile(r"[０-９．－＋]")
_UNIT = re.compile(r"^\s*[+-]?[0-9０-９.,，]+\s*(件|个|项|条|次|万元|元|人|家|起)\s*$")
_GROUPED = re.compile(r"^\s*[+-]?[0-9]{1,3}([,，][0-9]{3})+(\.[0-9]+)?\s*$")

MAX_MAGNITUDE = 10**12
"""The largest count or amount (万元) accepted, in absolute value: no real report comes near it.

Anything larger is a V007 finding. The bound also keeps every value exact in a workbook (Excel holds
15 significant digits) and far from Python's limit on converting long digit strings to ``int``.
"""
MAX_DIGITS = len(str(MAX_MAGNITUDE))
"""The most digits a whole part within :data:`MAX_MAGNITUDE` can have: longer text is refused unread."""
MAX_DECIMALS = 6
"""The most decimal places an amount may have (V007 beyond)."""


class ValueProblem(Exception):
    """A value that is not acceptable; ``code`` is the rule, ``hint`` a message key."""

    def __init__(self, code: str, hint: str) -> None:
        super().__init__(code, hint)
        self.code = code
        self.hint = hint


def hint_for_text(text: str) -> str:
    """The hint key explaining why a piece of text is not a number."""
    stripped = text.strip()
    if not stripped:
        return "empty-text"
    if _UNIT.match(stripped):
        return "unit"
    if _GROUPED.match(stripped):
        return "grouping"
    if _FULL_WIDTH.search(stripped):
        return "full-width"
    if _DECIMAL.fullmatch(stripped):
        return "quoted"
    return "not-a-number"


def check_sign(value: Number, kind: ValueKind) -> Number:
    """``value`` if its sign suits ``kind``; a negative count or amount is a V002 problem."""
    if value < 0 and kind is not ValueKind.SIGNED:
        raise ValueProblem("V002", "negative")
    return value


def check_range(value: Number) -> Number:
    """``value`` if it lies within the bounds; a larger magnitude or more decimals is a V007 problem."""
    if not -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:
        raise ValueProblem("V007", "too-large")
    if isinstance(value, Decimal) and value != value.to_integral_value():
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
            raise ValueProblem("V007", "too-many-decimals")
    return value


def check_digits(text: str) -> None:
    """Raise a V007 problem when the plain number ``text`` has too many digits to be within bounds.

    Checked on the text, before any conversion, so a number of thousands of digits is never
    converted (Python refuses to convert digit strings beyond a few thousand characters).
    """
    whole, _, fraction = text.lstrip("+-").partition(".")
    if len(whole.lstrip("0")) > MAX_DIGITS:
        raise ValueProblem("V007", "too-large")
    if len(fraction.rstrip("0")) > MAX_DECIMALS:
        raise ValueProblem("V007", "too-many-decimals")


def parse_plain_number(text: str, kind: ValueKind) -> Number:
    """Read a number written plainly (``12``, ``-3``, ``4.5`` for amounts) or raise ValueProblem.

    Numbers beyond :data:`MAX_MAGNITUDE` or with more than :data:`MAX_DECIMALS` decimals are V007.
    """
    if _INTEGER.fullmatch(text):
        check_digits(text)
        return check_sign(check_range(int(text)), kind)
    if _DECIMAL.fullmatch(text):
        if kind is not ValueKind.AMOUNT:
            raise ValueProblem("V001", "whole")
        check_digits(text)
        try:
            return check_sign(check_range(Decimal(text)), kind)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            raise ValueProblem("V001", "not-a-number") from None
    raise ValueProblem("V001", "plain-decimal")


def format_number(value: Number) -> str:
    """A number as the reports print it."""
    if isinstance(value, Decimal):
        normalized = value.normalize()
        return f"{normalized:f}"
    return str(value)
