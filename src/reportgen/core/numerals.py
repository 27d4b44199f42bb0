"""Reading numbers as they are written in Chinese prose: Arabic, full-width and Chinese numerals."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_PLAIN = re.compile(r"[0-9]+")
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_DECIMAL = re.compile(r"(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?")
_SCALED = re.compile(r"([0-9]+(?:\.[0-9]+)?)([万亿])")

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_SCALES = {"万": 10_000, "亿": 100_000_000}


def parse_count(text: str) -> int | None:
    """The whole number ``text`` writes (``1,234``, ``１２``, ``一百零五``, ``1.2万``), or None.

    None when the text is not a number, is not whole, or is an abbreviated or ambiguous
    Chinese form such as ``一百五`` or ``一二``.
    """
    stripped = text.strip()
    if not stripped.isascii():
        stripped = stripped.translate(_FULL_WIDTH)
    if not stripped:
        return None
    if _PLAIN.fullmatch(stripped):
        return int(stripped)
    if _GROUPED.fullmatch(stripped):
        return int(stripped.replace(",", ""))
    scaled = _SCALED.fullmatch(stripped)
    if scaled:
        value = Decimal(scaled.group(1)) * _SCALES[scaled.group(2)]
        return int(value) if value == value.to_integral_value() else None
    return _chinese(stripped)


def parse_amount(text: str) -> Decimal | None:
    """The amount ``text`` writes (``3.85``, ``1,234.5``, ``３．８５``, ``十二``), or None."""
    stripped = text.strip().translate(_FULL_WIDTH)
    if _DECIMAL.fullmatch(stripped):
        try:
            return Decimal(stripped.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            return None
    count = _chinese(stripped) if stripped else None
    return Decimal(count) if count is not None else None


def _chinese(text: str) -> int | None:
    """The value of a Chinese numeral such as ``三千零二十`` or ``一万二千``, or None."""
    if any(char not in _DIGITS and char not in _UNITS and char not in _SCALES for char in text):
        return None
    if text in ("零", "〇"):
        return 0
    total = 0
    rest = text
    higher = False  # a larger scale (亿, 万) came before the current part
    for scale_char in ("亿", "万"):
        if scale_char not in rest:
            continue
        head, _, rest = rest.partition(scale_char)
        if scale_char in rest:
            return None
        part = _section(head, higher)
        if part is None or part == 0:
            return None
        total += part * _SCALES[scale_char]
        higher = True
    if rest:
        part = _section(rest, higher)
        if part is None:
            return None
        total += part
    return total


def _section(text: str, after_scale: bool) -> int | None:
    """The value (0–9999) of a part between scale characters, or None when it is malformed."""
    if not text or text in ("零", "〇"):
        return None
    if after_scale and text[0] not in ("零", "〇") and text[0] in _DIGITS and len(text) > 1:
        unit = _UNITS.get(text[1])
        if unit is not None and unit < 1000:
            return None  # 一万五十: write 一万零五十
    total = 0
    pending: int | None = None
    last_unit = 10_000
    zero = False
    for position, char in enumerate(text):
        if char in _DIGITS:
            digit = _DIGITS[char]
            if pending is not None:
                return None  # two digits in a row: 一二
            if digit == 0:
                if zero and position > 0 and text[position - 1] in ("零", "〇"):
                    return None
                zero = True
                continue
            if char == "两" and position + 1 == len(text) and last_unit == 10:
                return None  # 十两
            pending = digit
            continue
        unit = _UNITS[char]
        if unit >= last_unit:
            return None
        if pending is None:
            if unit != 10 or total or zero:
                return None  # a unit without a digit: only a leading 十
            pending = 1
        total += pending * unit
        pending, last_unit = None, unit
    if text[-1] in ("零", "〇"):
        return None
    if pending is not None:
        if last_unit not in (10, 10_000) and not zero:
            return None  # 一百五: abbreviated
        if after_scale and last_unit == 10_000 and not zero:
            return None  # 一万二: abbreviated
        total += pending
    return total
