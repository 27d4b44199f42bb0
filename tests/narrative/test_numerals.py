"""Numbers as Chinese prose writes them: Arabic, full-width, grouped and Chinese numerals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.core.numerals import parse_amount, parse_count

_DIGITS = "零一二三四五六七八九"


def _below_10000(number: int, leading_one: bool) -> str:
    """A number below 10000 in standard Chinese numerals (10–19 as 十… unless ``leading_one``)."""
    if number == 0:
        return ""
    out: list[str] = []
    zero = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit_value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        if not (unit == "十" and digit == 1 and not out and not leading_one):
            out.append(_DIGITS[digit])
        out.append(unit)
    return "".join(out)


def to_chinese(number: int) -> str:
    """``number`` (0 ≤ n < 10¹²) in Chinese numerals: 一百零五, 三千零二十, 一万二千, 十二."""
    if number == 0:
        return "零"
    parts: list[str] = []
    higher = False
    for scale_value, scale in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        part = number // scale_value % 10_000
        if part == 0:
            continue
        if higher and part < 1000 and number // scale_value // 10_000 * 10_000 != 0:
            parts.append("零")
        parts.append(_below_10000(part, leading_one=higher) + scale)
        higher = True
    return "".join(parts)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("170", 170),
        ("１７０", 170),
        ("1,234", 1234),
        ("1，234", 1234),
        ("１，２３４", 1234),
        ("12,345,678", 12345678),
        (" 18436 ", 18436),
        ("十", 10),
        ("十二", 12),
        ("两", 2),
        ("二十", 20),
        ("一百零五", 105),
        ("一百一十", 110),
        ("两百", 200),
        ("三千零二十", 3020),
        ("一千零五十", 1050),
        ("一万二千", 12000),
        ("一万零五", 10005),
        ("十万", 100000),
        ("五千万", 50000000),
        ("一亿零五", 100000005),
        ("零", 0),
        ("〇", 0),
        ("1.2万", 12000),
        ("12万", 120000),
        ("1.5亿", 150000000),
        ("１．２万", 12000),
    ],
)
def test_counts(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "1.5",
        "1,23",
        "12,3456",
        "1.23456万",
        "一百五",  # abbreviated: 一百五十
        "一万二",  # abbreviated: 一万二千
        "一万五十",  # should be written 一万零五十
        "一二",
        "二〇二一",  # a year read digit by digit
        "十两",
        "百",
        "万",
        "零零",
        "一百零",
        "十二件",
        "abc",
        "三点五",
        "-3",
    ],
)
def test_not_counts(text: str) -> None:
    assert parse_count(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3.85", Decimal("3.85")),
        ("３．８５", Decimal("3.85")),
        ("0", Decimal(0)),
        ("1,234.5", Decimal("1234.5")),
        ("十二", Decimal(12)),
        ("12", Decimal(12)),
    ],
)
def test_amounts(text: str, value: Decimal) -> None:
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["", "3.", ".5", "3.8.5", "约3", "3万", "1,23.5"])
def test_not_amounts(text: str) -> None:
    assert parse_amount(text) is None


def test_the_converter_writes_what_reports_write() -> None:
    assert [to_chinese(n) for n in (12, 105, 3020, 12000, 10005, 110, 100000005)] == [
        "十二",
        "一百零五",
        "三千零二十",
        "一万二千",
        "一万零五",
        "一百一十",
        "一亿零五",
    ]


@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_chinese_numerals_read_back(number: int) -> None:
    assert parse_count(to_chinese(number)) == number


@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_numerals_read_back(number: int) -> None:
    assert parse_count(str(number)) == number
    assert parse_count(f"{number:,}") == number
    assert parse_count(f"{number:,}".replace(",", "，")) == number
    full_width = str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_count(full_width) == number


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_amounts_read_back(amount: Decimal) -> None:
    assert parse_amount(f"{amount:f}") == amount
