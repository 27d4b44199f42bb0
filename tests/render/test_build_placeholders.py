"""`reportgen build` fills the narrative's placeholders with the tables' numbers, in every format."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from buildkit import EXAMPLES, ROOT, load, run_reportgen
from htmlgrid import Element, parse_html
from markdown_it import MarkdownIt

import excelkit
from reportgen.core.values import format_number

WRITTEN = "依申请公开方面。全年新收政府信息公开申请170件，上年结转4件；办结168件，其中予以公开51件"
WITH_PLACEHOLDERS = (
    "依申请公开方面。全年新收政府信息公开申请{新收申请}件，上年结转{上年结转}件；办结{办结}件，"
    "其中予以公开{applications.results.granted.total}件（自然人{applications.results.granted.natural_person}件）"
)
FEES = "全年行政事业性收费{收费金额}万元，不予公开{不予公开}件。"


def _source(tmp_path: Path, extra: str = "") -> Path:
    """The 2021 example whose application paragraph quotes the tables through placeholders."""
    text = EXAMPLES[1].read_text(encoding="utf-8")
    assert WRITTEN in text
    text = text.replace(WRITTEN, WITH_PLACEHOLDERS).replace(
        "  problems: |\n", f"  active_disclosure: {FEES}{extra}\n  problems: |\n"
    )
    source = tmp_path / "placeholders.yaml"
    source.write_text(text, encoding="utf-8")
    return source


def _expected() -> tuple[str, str]:
    """The two sentences as printed, every number taken from the example's own tables."""
    values = load(EXAMPLES[1]).resolved()

    def show(record: str, field: str) -> str:
        return format_number(values[(record, field)])

    denied = sum(  # 不予公开: the eight reasons' totals
        value
        for (record, field), value in values.items()
        if record.rpartition(".")[0] == "applications.results.denied" and field == "total"
    )
    applications = (
        f"依申请公开方面。全年新收政府信息公开申请{show('applications.new_received', 'total')}件，"
        f"上年结转{show('applications.carried_over', 'total')}件；"
        f"办结{show('applications.results.total', 'total')}件，"
        f"其中予以公开{show('applications.results.granted', 'total')}件"
        f"（自然人{show('applications.results.granted', 'natural_person')}件）"
    )
    fees = f"全年行政事业性收费{show('active_disclosure.fees', 'amount')}万元，不予公开{denied}件。"
    return applications, fees


def _docx_text(path: Path) -> tuple[str, str]:
    """The body text of a DOCX and the text of its tables."""
    document = docx.Document(str(path))
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    cells = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return body, cells


def _paragraphs(document: Element) -> str:
    return "\n".join(p.text() for p in document.iter("p"))


def _cells(document: Element) -> str:
    return "\n".join(cell.text() for cell in document.iter() if cell.tag in ("td", "th"))


def test_the_example_values_are_what_the_test_expects() -> None:
    applications, fees = _expected()
    assert applications.startswith(WRITTEN)
    assert fees == "全年行政事业性收费3.85万元，不予公开29件。"


def test_build_fills_placeholders_in_docx_html_and_markdown(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_reportgen("build", _source(tmp_path), "-o", out, "--to", "docx,html,md")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no finding: N001 does not read placeholders, and every name is known
    applications, fees = _expected()

    body, table_cells = _docx_text(out / "placeholders.docx")
    assert applications in body and fees in body
    assert "{" not in body and "}" not in body
    for number in ("170", "168", "51", "38", "3.85"):
        assert number in table_cells.split("\n")  # the same text as the table's cell

    page = parse_html((out / "placeholders.html").read_text(encoding="utf-8"))
    text = _paragraphs(page)
    assert applications in text and fees in text
    assert "{" not in text and "}" not in text
    assert {"170", "168", "51", "38", "3.85"} <= set(_cells(page).split("\n"))

    markdown = (out / "placeholders.md").read_text(encoding="utf-8")
    rendered = parse_html(MarkdownIt("commonmark").enable(["table"]).render(markdown))
    text = _paragraphs(rendered)
    assert applications in text and fees in text
    assert "{" not in markdown and "}" not in markdown


def test_build_from_a_workbook_fills_its_text(tmp_path: Path) -> None:
    workbook = excelkit.case_workbook(
        {"base": 2021, "cells": {"正文!B6": "全年新收政府信息公开申请{新收申请}件，办结{办结}件。"}}
    )
    source = tmp_path / "report.xlsx"
    source.write_bytes(workbook)
    out = tmp_path / "out"
    done = run_reportgen("build", source, "-o", out, "--to", "docx,md")
    assert done.returncode == 0, done.stderr
    body, _ = _docx_text(out / "report.docx")
    assert "全年新收政府信息公开申请170件，办结168件。" in body
    assert "全年新收政府信息公开申请170件，办结168件。" in (out / "report.md").read_text(encoding="utf-8")


def test_doubled_braces_print_the_name_in_braces(tmp_path: Path) -> None:
    out = tmp_path / "out"
    source = _source(tmp_path, "写法：{{新收申请}}。{{ 7*7 }}")
    done = run_reportgen("build", source, "-o", out, "--to", "docx,html,md")
    assert done.returncode == 0, done.stderr
    body, _ = _docx_text(out / "placeholders.docx")
    shown = "写法：{新收申请}。{{ 7*7 }}"
    assert shown in body
    assert shown in _paragraphs(parse_html((out / "placeholders.html").read_text("utf-8")))
    markdown = (out / "placeholders.md").read_text(encoding="utf-8")
    assert shown in _paragraphs(parse_html(MarkdownIt("commonmark").render(markdown)))


@pytest.mark.parametrize(
    "placeholder",
    ["{__class__}", "{新收申请.__class__}", "{applications.new_received.total.real}", "{新收申请数}"],
)
def test_an_unknown_placeholder_stops_the_build_and_is_never_evaluated(
    tmp_path: Path, placeholder: str
) -> None:
    out = tmp_path / "out"
    source = _source(tmp_path, f"另见{placeholder}。")
    refused = run_reportgen("build", source, "-o", out, "--to", "html")
    assert refused.returncode == 1
    assert "N002" in refused.stderr and placeholder.strip("{}") in refused.stderr
    assert not out.exists()

    forced = run_reportgen("build", source, "-o", out, "--to", "docx,html", "--force")
    assert forced.returncode == 0, forced.stderr
    body, _ = _docx_text(out / "placeholders.docx")
    assert f"另见{placeholder}。" in body  # printed as written
    assert f"另见{placeholder}。" in _paragraphs(parse_html((out / "placeholders.html").read_text("utf-8")))


def test_the_readme_example_prints_what_the_readme_says(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Placeholders\n", 1)[1].split("\n## ", 1)[0]
    written = re.search(r"```yaml\ntext:\n  overview: \|\n(.*?)```", section, re.S)
    printed = re.search(r"```text\n(.*?)```", section, re.S)
    assert written is not None and printed is not None
    example = EXAMPLES[1].read_text(encoding="utf-8")
    start = example.index("  overview: |\n")
    end = example.index("  problems: |\n")
    source = tmp_path / "readme.yaml"
    text = example[:start] + "  overview: |\n" + written.group(1) + example[end:]
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = run_reportgen("build", source, "-o", out, "--to", "docx,md")
    assert done.returncode == 0, done.stderr
    body, _ = _docx_text(out / "readme.docx")
    assert printed.group(1).strip() in body  # a line break in the text is a line break in the paragraph
    markdown = (out / "readme.md").read_text(encoding="utf-8")
    assert printed.group(1).strip().replace("\n", "  \n") in markdown
