"""Placing a character of a narrative text at its line and column in the YAML file, in every scalar style."""

from __future__ import annotations

from pathlib import Path

import pytest

import casekit
from reportgen.core.text_place import place_in_source
from reportgen.read.dispatch import read_report

STYLES = {
    "literal block": "|\n    依申请公开方面。\n\n    全年新收申请‸170件，上年结转4件。\n",
    "literal block, keep": "|+\n    全年新收申请‸170件。\n\n",
    "folded block": ">\n    依申请公开方面。全年\n    新收申请‸170件，\n    上年结转4件。\n",
    "plain, one line": "全年新收申请‸170件，上年结转4件。",
    "plain, two lines": "依申请公开方面。全年\n    新收申请‸170件。",
    "double quoted": '"依申请\\u516c开方面：\\"全年\\"新收申请‸170件。"',
    "double quoted, folded": '"依申请公开方面。\n    全年新收申请‸170件。"',
    "single quoted": "'依申请公开方面''全年''新收申请‸170件。'",
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_the_number_is_placed_where_it_was_written(style: str, tmp_path: Path) -> None:
    path, source = casekit.write({"base": 2021, "set": {"text.overview": STYLES[style]}}, tmp_path, "report")
    report = read_report(path).report
    assert report is not None
    text = report.texts["overview"]
    written = report.text_sources["overview"]
    offset = text.index("170")
    assert place_in_source(written.raw, written.line, written.column, text, offset) == source.mark("‸")


def test_offsets_that_cannot_be_placed() -> None:
    assert place_in_source("abc", 1, 1, "abc", 5) is None
    assert place_in_source("a c", 1, 1, "a c", 1) is None  # a blank
    assert place_in_source('"x"', 3, 7, "中", 0) is None  # not in the file as written


def test_lines_and_columns_count_characters() -> None:
    raw = "|\n  第一行\n  第二行170件\n"
    text = "第一行\n第二行170件"
    assert place_in_source(raw, 10, 13, text, text.index("170")) == (12, 6)
    assert place_in_source("中文170", 4, 5, "中文170", 2) == (4, 7)
