"""The Markdown document: render the built file with a CommonMark/GFM parser and check its tables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from buildkit import DATA, EXAMPLES, load, run_reportgen
from htmlgrid import Element, expand, parse_html
from markdown_it import MarkdownIt

from reportgen.core.model import Report
from reportgen.core.values import format_number
from reportgen.spec.types import BlockTable, MatrixTable, SingleRowTable
from reportgen.write.render.content import date_text

SEPARATOR = " / "


def to_html(markdown: str) -> Element:
    """The Markdown as GitHub-flavoured Markdown renders it (CommonMark plus tables)."""
    return parse_html(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Report, str]]:
    out = tmp_path_factory.mktemp("md")
    documents: dict[str, tuple[Report, str]] = {}
    for source in (*EXAMPLES, DATA / "derived-2020.yaml"):
        done = run_reportgen("build", source, "-o", out, "--to", "md")
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == str(out / f"{source.stem}.md")
        documents[source.stem] = (load(source), (out / f"{source.stem}.md").read_text(encoding="utf-8"))
    return documents


def _paragraphs(document: Element) -> list[str]:
    """Paragraph texts, a line break as one newline (markdown-it writes "<br />\\n")."""
    return [re.sub(r"\n+", "\n", p.text()) for p in document.iter("p")]


def _tables(document: Element) -> list[tuple[list[str], list[list[str]]]]:
    """Every table as (header texts, body rows of texts)."""
    found = []
    for table in document.iter("table"):
        layout = expand(table)
        assert layout.head_rows == 1
        texts = [[cell.text() for cell in row] for row in layout.cells]
        found.append((texts[0], texts[1:]))
    return found


@pytest.mark.parametrize("stem", ["2020", "2021", "derived-2020"])
def test_tables_flatten_the_official_headers(built: dict[str, tuple[Report, str]], stem: str) -> None:
    report, markdown = built[stem]
    values = report.resolved()
    tables = _tables(to_html(markdown))
    active, applications, review = report.spec.tables
    assert isinstance(active, BlockTable)
    assert isinstance(applications, MatrixTable)
    assert isinstance(review, SingleRowTable)
    assert len(tables) == len(active.blocks) + 2
    for block, (header, rows) in zip(active.blocks, tables, strict=False):
        assert header == [active.row_header, *(field.label for field in block.fields)]
        assert [row[0] for row in rows] == [record.labels[-1] for record in block.records]
        for record, row in zip(block.records, rows, strict=True):
            assert row[1:] == [format_number(values[(record.id, f.key)]) for f in record.fields]
    header, rows = tables[len(active.blocks)]
    assert header[0] == applications.corner
    assert header[1:] == [
        "申请人情况 / 自然人",
        "申请人情况 / 法人或其他组织 / 商业企业",
        "申请人情况 / 法人或其他组织 / 科研机构",
        "申请人情况 / 法人或其他组织 / 社会公益组织",
        "申请人情况 / 法人或其他组织 / 法律服务机构",
        "申请人情况 / 法人或其他组织 / 其他",
        "申请人情况 / 总计",
    ]
    assert [row[0] for row in rows] == [SEPARATOR.join(record.labels) for record in applications.records]
    for record, row in zip(applications.records, rows, strict=True):
        assert row[1:] == [format_number(values[(record.id, f.key)]) for f in record.fields]
    header, rows = tables[-1]
    expected_header = [
        SEPARATOR.join(("行政复议", f.label))
        if record.id.endswith(".review")
        else SEPARATOR.join((*record.labels, f.label))
        for record in review.records
        for f in record.fields
    ]
    assert header == expected_header
    assert rows == [[format_number(values[(r.id, f.key)]) for r in review.records for f in r.fields]]


def test_table_three_row_labels_join_the_merged_labels(built: dict[str, tuple[Report, str]]) -> None:
    _, markdown = built["2021"]
    assert "| 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |" in markdown
    assert "| 三、本年度办理结果 / （七）总计 | 124 | 31 | 2 | 1 | 7 | 3 | 168 |" in markdown


@pytest.mark.parametrize("stem", ["2020", "2021"])
def test_pipe_tables_have_even_rows(built: dict[str, tuple[Report, str]], stem: str) -> None:
    _, markdown = built[stem]
    block: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            counts = {len(re.findall(r"(?<!\\)\|", row)) for row in block}
            assert len(counts) == 1, block
            assert re.fullmatch(r"\|( -{3}:? \|)+", block[1])
            block = []


@pytest.mark.parametrize("stem", ["2020", "2021"])
def test_document_structure(built: dict[str, tuple[Report, str]], stem: str) -> None:
    report, markdown = built[stem]
    document = to_html(markdown)
    h1 = document.find("h1")
    assert h1 is not None and h1.text() == report.display_title
    assert [h.text() for h in document.iter("h2")] == [s.heading for s in report.spec.sections]
    captions = [strong.text() for strong in document.iter("strong")]
    active = report.spec.tables[0]
    assert isinstance(active, BlockTable)
    assert captions == [block.caption for block in active.blocks]
    paragraphs = _paragraphs(document)
    assert report.date is not None
    assert paragraphs[-1] == f"{report.agency}\n{date_text(report.date)}"
    for paragraph in report.texts["overview"].split("\n\n"):
        assert paragraph.strip() in paragraphs
    if "preamble" in report.texts:
        assert paragraphs[0] == report.texts["preamble"].strip()


def test_line_breaks_inside_a_paragraph(tmp_path: Path) -> None:
    from reportgen.write.render.markdown import render_markdown

    report = load(EXAMPLES[0])
    report.texts["other_matters"] = "第一行\n第二行\n\n（一）标题。正文"
    markdown = render_markdown(report).decode("utf-8")
    assert "第一行  \n第二行\n\n（一）标题。正文\n" in markdown
    paragraphs = _paragraphs(to_html(markdown))
    assert "第一行\n第二行" in paragraphs and "（一）标题。正文" in paragraphs
