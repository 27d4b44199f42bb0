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


def parse_plain_number(text: str, kind: ValueKind) -> Number:
    """Read a number written plainly (``12``, ``-3``, ``4.5`` for amounts) or raise ValueProblem."""
    if _INTEGER.fullmatch(text):
        return check_sign(int(text), kind)
    if _DECIMAL.fullmatch(text):
        if kind is not ValueKind.AMOUNT:
            raise ValueProblem("V001", "whole")
        try:
            return check_sign(Decimal(text), kind)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            raise ValueProblem("V001", "not-a-number") from None
    raise ValueProblem("V001", "plain-decimal")


def format_number(value: Number) -> str:
    """A number as the reports print it."""
    if isinstance(value, Decimal):
        normalized = value.normalize()
        return f"{normalized:f}"
    return str(value)
