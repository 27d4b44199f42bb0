"""The HTML page: parse the built file, expand every table's spans and check each number's headers."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from buildkit import DATA, EXAMPLES, load, run_reportgen
from htmlgrid import Element, TableGrid, parse_html, position, tables_by_key
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.core.layout import grid
from reportgen.core.model import Cell, CellState, Report
from reportgen.core.values import format_number
from reportgen.spec.registry import FORMATS
from reportgen.spec.types import BlockTable, HeaderNode, MatrixTable, SingleRowTable, Table, ValueKind
from reportgen.write.render.content import date_text
from reportgen.write.render.html import render_html


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Report, Element, str]]:
    """Both examples and the derived-totals file, built to HTML by the real command."""
    out = tmp_path_factory.mktemp("html")
    pages: dict[str, tuple[Report, Element, str]] = {}
    for source in (*EXAMPLES, DATA / "derived-2020.yaml"):
        done = run_reportgen("build", source, "-o", out, "--to", "html")
        assert done.returncode == 0, done.stderr
        text = (out / f"{source.stem}.html").read_text(encoding="utf-8")
        pages[source.stem] = (load(source), parse_html(text), text)
    return pages


def _column_path(table: Table, record_id: str, field_key: str) -> list[str]:
    """The printed header labels above a value column, outermost first."""

    def walk(nodes: tuple[HeaderNode, ...], path: list[str]) -> list[str] | None:
        for node in nodes:
            here = [*path, node.label]
            if node.children:
                found = walk(node.children, here)
                if found:
                    return found
            elif node.field == field_key and (node.record in (None, record_id)):
                return here
        return None

    if isinstance(table, BlockTable):
        record = next(r for r in table.records if r.id == record_id)
        return [record.labels[0], record.field(field_key).label]
    assert isinstance(table, MatrixTable | SingleRowTable)
    found = walk(table.columns, [])
    assert found is not None
    return found


def _block_headers(layout: TableGrid, row: int, col: int) -> list[str]:
    """For table 二: the block caption and the column header above (row, col) within its block."""
    caption, header = "", ""
    for r in range(row - 1, -1, -1):
        cell = layout.cells[r][col]
        if cell.tag != "th":
            continue
        if "caption" in cell.attrs["class"].split():
            caption = cell.text()
            break
        header = header or cell.text()
    return [caption, header]


def _check_table(report: Report, table: Table, layout: TableGrid) -> int:
    """Every value cell sits under its own headers and beside its own labels; returns the count."""
    values = report.resolved()
    expected_grid = grid(table)
    assert layout.width == expected_grid.columns
    assert all(len(row) == expected_grid.columns for row in layout.cells)
    assert layout.head_rows == len(expected_grid.header_rows)
    checked = 0
    for element in layout.element.iter("td"):
        if "data-record" not in element.attrs:
            continue
        record_id, field_key = element.attrs["data-record"], element.attrs["data-field"]
        record = next(r for r in table.records if r.id == record_id)
        row, col = position(layout, element)
        column_path = _column_path(table, record_id, field_key)
        if isinstance(table, BlockTable):
            assert _block_headers(layout, row, col) == column_path
            assert layout.row_labels(row, col) == [record.labels[-1]]
        else:
            assert layout.column_headers(row, col) == column_path
            expected_labels = list(record.labels) if isinstance(table, MatrixTable) else []
            assert layout.row_labels(row, col) == expected_labels
        assert element.text() == format_number(values[(record_id, field_key)])
        checked += 1
    assert checked == len(expected_grid.value_cells)
    return checked


@pytest.mark.parametrize("stem", ["2020", "2021", "derived-2020"])
def test_every_number_sits_under_its_headers(
    built: dict[str, tuple[Report, Element, str]], stem: str
) -> None:
    report, document, _ = built[stem]
    tables = tables_by_key(document)
    assert list(tables) == [table.key for table in report.spec.tables]
    for table in report.spec.tables:
        _check_table(report, table, tables[table.key])


@pytest.mark.parametrize("stem", ["2020", "2021"])
def test_tables_are_semantic(built: dict[str, tuple[Report, Element, str]], stem: str) -> None:
    report, document, _ = built[stem]
    for table in report.spec.tables:
        element = next(t for t in document.iter("table") if t.attrs.get("id") == f"table-{table.key}")
        caption = element.find("caption")
        assert caption is not None and caption.text() == table.title
        thead = element.find("thead")
        for th in thead.iter("th") if thead is not None else []:
            assert th.attrs["scope"] in ("col", "colgroup")
        ids = {th.attrs["id"]: th for th in element.iter("th")}
        for tbody in (c for c in element.children if isinstance(c, Element) and c.tag == "tbody"):
            for th in tbody.iter("th"):
                expected = {"label": ("row", "rowgroup"), "header": ("col",), "caption": ("colgroup",)}
                role = th.attrs["class"].split()[0]
                assert th.attrs["scope"] in expected[role]
        for td in element.iter("td"):
            if "data-record" in td.attrs:
                # every header the td names exists, and names one of its row or column headers
                named = [ids[ref].text() for ref in td.attrs["headers"].split()]
                record = report.spec.record(td.attrs["data-record"])
                field = record.field(td.attrs["data-field"])
                assert field.label in named
                assert record.labels[-1] in named or isinstance(table, SingleRowTable)


def test_table_three_layout_matches_the_official_one(built: dict[str, tuple[Report, Element, str]]) -> None:
    _, document, _ = built["2021"]
    layout = tables_by_key(document)["applications"]
    assert layout.head_rows == 3 and layout.width == 10
    corner = layout.cells[0][0]
    assert corner.attrs["rowspan"] == "3" and corner.attrs["colspan"] == "3"
    assert corner.text().startswith("（本列数据的勾稽关系为")
    results = next(th for th in layout.element.iter("th") if th.text() == "三、本年度办理结果")
    assert results.attrs["rowspan"] == "22"  # 2021: 22 result rows
    assert results.attrs["scope"] == "rowgroup"
    assert [th.text() for th in layout.element.iter("th") if th.attrs.get("colspan") == "5"] == [
        "法人或其他组织"
    ]


def test_derived_totals_are_filled_and_blanks_show_zero(
    built: dict[str, tuple[Report, Element, str]],
) -> None:
    report, document, _ = built["derived-2020"]
    assert report.cell("applications.results.total", "total").state is CellState.ABSENT
    assert report.cell("active_disclosure.licensing", "decisions").state is CellState.BLANK
    cells = {
        (td.attrs["data-record"], td.attrs["data-field"]): td
        for td in document.iter("td")
        if "data-record" in td.attrs
    }
    assert cells[("applications.results.total", "total")].text() == "12"
    assert cells[("applications.results.total", "natural_person")].text() == "9"
    assert cells[("applications.new_received", "total")].text() == "12"
    assert cells[("review_litigation.review", "total")].text() == "2"
    assert cells[("applications.results.total", "total")].attrs.get("data-derived") == "true"
    assert cells[("active_disclosure.licensing", "decisions")].text() == "0"
    assert cells[("active_disclosure.licensing", "change")].text() == "-2"
    assert cells[("active_disclosure.procurement", "amount")].text() == "12.5"


@pytest.mark.parametrize("stem", ["2020", "2021"])
def test_page_is_self_contained(built: dict[str, tuple[Report, Element, str]], stem: str) -> None:
    _, document, text = built[stem]
    for element in document.iter():
        assert element.tag not in ("script", "link", "img", "iframe", "object", "embed")
        for attribute in ("src", "href", "srcset", "action"):
            assert attribute not in element.attrs, (element.tag, attribute)
    styles = [style.text() for style in document.iter("style")]
    assert len(styles) == 1 and "@media print" in styles[0] and "size: A4" in styles[0]
    assert not re.search(r"url\(|@import|https?:", styles[0])
    assert '<meta charset="utf-8">' in text
    assert any(m.attrs.get("name") == "viewport" for m in document.iter("meta"))


@pytest.mark.parametrize("stem", ["2020", "2021"])
def test_document_order_and_text(built: dict[str, tuple[Report, Element, str]], stem: str) -> None:
    report, document, _ = built[stem]
    article = next(e for e in document.iter("article"))
    h1 = article.find("h1")
    assert h1 is not None and h1.text() == f"{report.agency}{report.year}年政府信息公开工作年度报告"
    assert [h2.text() for h2 in article.iter("h2")] == [s.heading for s in report.spec.sections]
    paragraphs = [p.text() for p in article.iter("p")]
    overview_first = report.texts["overview"].split("\n\n")[0].strip()
    assert any(p == overview_first for p in paragraphs)
    assert report.date is not None
    assert paragraphs[-2:] == [report.agency, date_text(report.date)]


def test_title_date_and_line_breaks(tmp_path: Path) -> None:
    report = load(EXAMPLES[1])
    report.title = "关于2021年度政府信息公开工作的报告"
    report.date = datetime.date(2022, 1, 5)
    report.texts["other_matters"] = "第一行\n第二行\n\n第二段"
    document = parse_html(render_html(report).decode("utf-8"))
    assert document.find("title") is not None and document.find("title").text() == report.title  # type: ignore[union-attr]
    section = next(s for s in document.iter("section") if s.attrs["id"] == "section-other_matters")
    assert [p.text() for p in section.iter("p")] == ["第一行\n第二行", "第二段"]
    assert document.find("time") is not None and document.find("time").attrs["datetime"] == "2022-01-05"  # type: ignore[union-attr]


def _random_report(spec_key: str, numbers: st.DataObject) -> Report:
    """A report of ``spec_key`` with random numbers in every non-derived cell (totals computed)."""
    spec = FORMATS[spec_key]
    report = Report(spec, 2021 if spec_key == "2021" else 2020, "某某局", "random.yaml")
    report.texts = {"overview": "总体。", "problems": "问题。", "other_matters": "无。"}
    for record in spec.records:
        if record.derived:
            continue
        for field in record.fields:
            if field.derived:
                continue
            if field.kind is ValueKind.AMOUNT:
                value = numbers.draw(st.decimals(min_value=0, max_value=10**6, places=2))
            elif field.kind is ValueKind.SIGNED:
                value = numbers.draw(st.integers(min_value=-(10**4), max_value=10**4))
            else:
                value = numbers.draw(st.integers(min_value=0, max_value=10**6))
            report.cells[(record.id, field.key)] = Cell(value, CellState.GIVEN)
    return report


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec_key=st.sampled_from(sorted(FORMATS)), numbers=st.data())
def test_any_numbers_land_in_their_cells(spec_key: str, numbers: st.DataObject) -> None:
    report = _random_report(spec_key, numbers)
    document = parse_html(render_html(report).decode("utf-8"))
    tables = tables_by_key(document)
    for table in report.spec.tables:
        _check_table(report, table, tables[table.key])
