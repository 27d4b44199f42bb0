"""How the workbook looks: fonts, fills, borders, column widths and row heights, input messages."""

from __future__ import annotations

import math
import unicodedata
from typing import Literal

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

from ...spec.types import ValueKind

FONT_NAME = "宋体"
BODY = Font(name=FONT_NAME, size=10)
BOLD = Font(name=FONT_NAME, size=10, bold=True)
TITLE = Font(name=FONT_NAME, size=14, bold=True)
NOTE = Font(name=FONT_NAME, size=9, color="595959")

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
"""Cells to fill in: light yellow, unlocked."""
COMPUTED_FILL = PatternFill("solid", fgColor="E7E6E6")
"""Totals computed by formulas: light grey, locked."""
LABEL_FILL = PatternFill("solid", fgColor="F2F2F2")

_THIN = Side(style="thin", color="000000")
GRID_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
NUMBER = Alignment(horizontal="right", vertical="center")

UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)

LINE_HEIGHT = 13.5
"""Points per line of 10-point text."""
MIN_ROW_HEIGHT = 20.0
VALUE_WIDTH = 9.0
LABEL_MIN_WIDTH = 6.0
LABEL_MAX_WIDTH = 32.0
SHORT_LABEL = 16
"""Labels up to this many width units stay on one line even when they span several rows."""

A4_PRINTABLE = (523.0, 770.0)
"""Portrait A4 width and height in points, less 0.5-inch margins."""
POINTS_PER_UNIT = 5.6
"""Approximate width in points of one column-width unit."""


def text_width(text: str) -> int:
    """The width of ``text`` in column units: two for a Chinese character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def lines_needed(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column span ``width`` units wide."""
    usable = max(1.0, width - 1.5)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n"))


def label_width(text: str, rowspan: int) -> float:
    """The width a label column wants for ``text`` in a cell spanning ``rowspan`` rows."""
    units = text_width(text)
    if units <= SHORT_LABEL:
        return float(units + 2)
    return min(LABEL_MAX_WIDTH, max(LABEL_MIN_WIDTH, math.ceil(units / (2 * rowspan)) * 2 + 2))


_Check = Literal["whole", "decimal"]
_Operator = Literal["greaterThanOrEqual", "between"]
_PROMPTS: dict[ValueKind, tuple[_Check, _Operator, str, str]] = {
    # kind: (validation type, operator, input message, error message)
    ValueKind.COUNT: (
        "whole",
        "greaterThanOrEqual",
        "请填写大于或等于 0 的整数；没有请填 0，不要留空。",
        "此处只能填写大于或等于 0 的整数（不带单位、不加千位分隔符）。",
    ),
    ValueKind.SIGNED: (
        "whole",
        "between",
        "请填写整数；比上一年减少时填负数，如 -2；没有变化填 0。",
        "此处只能填写整数（减少时填负数）。",
    ),
    ValueKind.AMOUNT: (
        "decimal",
        "greaterThanOrEqual",
        "请填写金额，单位为万元，可带小数，如 3.85；没有请填 0。",
        "此处只能填写大于或等于 0 的数字（单位：万元，不带单位）。",
    ),
}
SIGNED_LIMIT = 999_999_999


def number_validation(kind: ValueKind) -> DataValidation:
    """The data validation of number cells of ``kind``, with Chinese input and error messages."""
    kind_type, operator, prompt, error = _PROMPTS[kind]
    first, second = ("0", None) if operator != "between" else (str(-SIGNED_LIMIT), str(SIGNED_LIMIT))
    return DataValidation(
        type=kind_type,
        operator=operator,
        formula1=first,
        formula2=second,
        allow_blank=True,
        showInputMessage=True,
        showErrorMessage=True,
        promptTitle="填写说明",
        prompt=prompt,
        errorTitle="输入有误",
        error=error,
        errorStyle="stop",
    )


def text_validation(prompt: str) -> DataValidation:
    """An input message for a text cell (no restriction on what is typed)."""
    return DataValidation(
        type=None, allow_blank=True, showInputMessage=True, promptTitle="填写说明", prompt=prompt[:250]
    )
