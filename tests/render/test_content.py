"""Renderer-neutral document content: paragraphs, 落款, column widths, part order."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.core.layout import grid
from reportgen.core.model import Report
from reportgen.read.yaml_reader import read_yaml_report
from reportgen.spec import FORMATS
from reportgen.write.render.content import (
    Heading,
    Paragraph,
    Signature,
    TablePart,
    Title,
    column_shares,
    date_text,
    document_parts,
    paragraphs,
    text_width,
)

EXAMPLE_2021 = Path(__file__).resolve().parents[2] / "examples" / "2021.yaml"


def load(path: Path) -> Report:
    result = read_yaml_report(path)
    assert result.report is not None, result.diagnostics
    return result.report


def test_blank_lines_separate_paragraphs_and_newlines_break_lines() -> None:
    text = "第一段第一行\n第一段第二行\n\n  第二段  \r\n\u3000\r\n\n第三段\n"
    assert paragraphs(text) == (
        Paragraph(("第一段第一行", "第一段第二行")),
        Paragraph(("第二段",)),
        Paragraph(("第三段",)),
    )
    assert paragraphs("") == paragraphs("\n \n") == ()


def test_a_second_level_heading_opening_a_paragraph_is_its_lead() -> None:
    alone, mixed, long, plain = paragraphs(
        "（一）主动公开情况\n\n(二)依申请公开。全年收到申请。\n第二行\n\n"
        "（三）这是一个很长的列举句子而不是标题，它一直写下去超过了三十个字符的限度。\n\n一是……"
    )
    assert alone == Paragraph((), "（一）主动公开情况")
    assert mixed == Paragraph(("全年收到申请。", "第二行"), "(二)依申请公开。")
    assert long.lead == "" and plain.lead == ""


@given(st.text(alphabet=st.sampled_from("甲乙丙 \t\n\r\u3000（一）。ab1<>&{}"), max_size=80))
def test_paragraphs_lose_no_visible_text(text: str) -> None:
    visible = re.sub(r"\s", "", text)
    assert "".join(re.sub(r"\s", "", p.text) for p in paragraphs(text)) == visible
    for paragraph in paragraphs(text):
        assert all(line and line == line.strip() for line in paragraph.lines)


def test_date_text_has_no_leading_zeros() -> None:
    assert date_text(datetime.date(2021, 1, 20)) == "2021年1月20日"
    assert date_text(datetime.date(2022, 12, 5)) == "2022年12月5日"


def test_text_width_counts_latin_as_half() -> None:
    assert text_width("2021年1月20日") == 6.5
    assert text_width("营口市档案局") == 6


@pytest.mark.parametrize(
    ("agency", "date", "indents"),
    [
        ("江北市市场监督管理局", "2022年1月25日", (2.0, 3.5)),  # agency 2 from the right, date 2 further in
        ("营口市档案局", "2021年1月20日", (4.5, 2.0)),  # the date is longer: it sits 2 from the right
        ("营口市档案局", None, (2.0, 6.0)),
    ],
)
def test_signature_indents_follow_gbt_9704(
    agency: str, date: str | None, indents: tuple[float, float]
) -> None:
    assert Signature(agency, date).right_indents == indents


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_column_shares_fill_the_width_and_favour_labels(key: str) -> None:
    for table in FORMATS[key].tables:
        shares = column_shares(grid(table))
        assert len(shares) == grid(table).columns
        assert sum(shares) == pytest.approx(1)
    applications = column_shares(grid(FORMATS[key].tables[1]))
    assert applications[2] > 2 * applications[3]  # sub-labels wider than a number column
    assert len(set(applications[3:])) == 1  # the seven number columns alike


def test_document_parts_in_printed_order() -> None:
    report = load(EXAMPLE_2021)
    parts = document_parts(report)
    assert parts[0] == Title(report.display_title)
    assert isinstance(parts[1], Paragraph)  # the preamble
    headings = [part for part in parts if isinstance(part, Heading)]
    assert [h.text for h in headings] == [s.heading for s in report.spec.sections]
    tables = [part for part in parts if isinstance(part, TablePart)]
    assert [t.section.key for t in tables] == ["active_disclosure", "applications", "review_litigation"]
    for table in tables:  # each table comes after its heading and before the next one
        index = parts.index(table)
        previous = next(p for p in reversed(parts[:index]) if isinstance(p, Heading))
        assert previous.section == table.section
    assert parts[-1] == Signature(report.agency, "2022年1月25日")
