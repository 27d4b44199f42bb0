"""What one workbook cell holds, read strictly: a number, a blank, or a problem with a hint.

Policy for numbers typed as text (documented in the README): a plain number stored as text
("12", " 12 ") is accepted with a V005 warning; anything else in text form (full-width
digits, units, thousands separators, dashes) is a V001 error with a hint, as in YAML.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ...core.values import (
    Number,
    ValueProblem,
    check_range,
    check_sign,
    format_number,
    hint_for_text,
    parse_plain_number,
)
from ...spec.types import ValueKind

_PLAIN = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_PLUS_ZEROS = re.compile(r"^\+?(-?)0*(?=[0-9])")
"""A leading plus sign and leading zeros, which a spreadsheet user may type before a number."""
_NONE_WORDS = frozenset({"-", "--", "—", "——", "－", "/", "／", "无", "空", "n/a", "na", "none", "null"})


@dataclass(frozen=True)
class CellProblem:
    """A problem or remark about a cell value: rule code, hint and the text shown as ``actual``."""

    code: str
    hint: str = ""
    actual: str = ""
    expected: str = ""


@dataclass(frozen=True)
class Reading:
    """The outcome for one cell: its value (None for a blank) and what to report about it."""

    value: Number | None
    findings: tuple[CellProblem, ...] = field(default=())

    @property
    def refused(self) -> bool:
        """Whether the value could not be used (an error was found)."""
        return any(f.code in ("V001", "V002", "V004", "V007") for f in self.findings)


def shown(value: object) -> str:
    """A cell value as a diagnostic shows it: text in quotes, cut at 40 characters."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:40] + "…"
        return f'"{text}"'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_number(value: object, kind: ValueKind, error: bool = False) -> Reading:
    """Read a cell value (already resolved from any formula) as a number of ``kind``.

    ``error`` marks an Excel error value such as ``#REF!``.
    """
    if error:
        return Reading(None, (CellProblem("V001", "formula-error", shown(value)),))
    if value is None:
        return Reading(None)
    if isinstance(value, bool):
        return Reading(None, (CellProblem("V001", "boolean", str(value).upper()),))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time | datetime.timedelta):
        return Reading(None, (CellProblem("V001", "date", str(value)),))
    if isinstance(value, int | float | Decimal):
        return _from_number(value, kind)
    if isinstance(value, str):
        return _from_text(value, kind)
    return Reading(None, (CellProblem("V001", "not-a-number", shown(value)),))


def _from_number(value: float | Decimal, kind: ValueKind) -> Reading:
    actual = shown(value)
    number: Number
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value):
            return Reading(None, (CellProblem("V001", "not-a-number", actual),))
        if kind is ValueKind.AMOUNT:
            number = int(value) if value.is_integer() else Decimal(format(value, ".15g"))
        elif value.is_integer():
            number = int(value)
        else:
            return Reading(None, (CellProblem("V001", "whole", actual),))
    else:
        number = value
    try:
        return Reading(check_sign(check_range(number), kind))
    except ValueProblem as problem:
        return Reading(None, (CellProblem(problem.code, problem.hint, actual),))


def _from_text(text: str, kind: ValueKind) -> Reading:
    stripped = text.strip()
    if not stripped:
        return Reading(None)
    if stripped.lower() in _NONE_WORDS:
        return Reading(None, (CellProblem("V001", "none-word", shown(text)),))
    if not _PLAIN.fullmatch(stripped):
        return Reading(None, (CellProblem("V001", hint_for_text(stripped), shown(text)),))
    try:
        number = parse_plain_number(_PLUS_ZEROS.sub(r"\1", stripped), kind)
    except ValueProblem as problem:
        return Reading(None, (CellProblem(problem.code, problem.hint, shown(text)),))
    return Reading(number, (CellProblem("V005", "", shown(text), format_number(number)),))


def read_text(value: object) -> str:
    """A narrative or metadata cell as text: line breaks as newlines, lines' ends trimmed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().splitlines())
