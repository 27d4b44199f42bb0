"""The DOCX renderer: build the examples, reopen the files with python-docx and check them."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table

from reportgen.core.layout import CellRole, Grid, GridCell, grid
from reportgen.core.model import Cell, CellState, Report
from reportgen.core.values import format_number
from reportgen.read.yaml_reader import read_yaml_report
from reportgen.write.render import docx_styles
from reportgen.write.render.content import cell_text
from reportgen.write.render.docx_render import render_docx

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {year: ROOT / "examples" / f"{year}.yaml" for year in ("2020", "2021")}
SEED = Path(__file__).resolve().parents[1] / "data" / "seed003.txt"


def load(path: Path) -> Report:
    result = read_yaml_report(path)
    assert result.report is not None, result.diagnostics
    return result.report


def build(report: Report, path: Path) -> Any:
    """Render ``report`` into ``path`` and reopen it."""
    path.write_bytes(render_docx(report))
    return docx.Document(str(path))


@pytest.fixture(scope="module", params=sorted(EXAMPLES))
def example(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Any]:
    report = load(EXAMPLES[request.param])
    return report, build(report, tmp_path_factory.mktemp("docx") / f"{request.param}.docx")


def grids(report: Report) -> list[Grid]:
    return [grid(table) for table in report.spec.tables]


def cells_of(table_grid: Grid) -> list[GridCell]:
    return [cell for row in table_grid.all_rows for cell in row]


def tc_positions(table: Table) -> dict[tuple[int, int], Any]:
    """Each raw ``w:tc`` by the (row, grid column) where it starts."""
    positions = {}
    for r, tr in enumerate(table._tbl.tr_lst):
        col = 0
        for tc in tr.tc_lst:
            positions[(r, col)] = tc
            col += tc.grid_span
    return positions


def tc_text(tc: Any) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


def all_runs(document: Any) -> Iterator[Any]:
    yield from document.element.body.iter(qn("w:r"))
    for section in document.sections:
        yield from section.footer._element.iter(qn("w:r"))
        yield from section.even_page_footer._element.iter(qn("w:r"))


def east_asia(run: Any) -> str | None:
    fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def alignment(paragraph: Any) -> Any:
    """The paragraph's alignment, set directly or by its style."""
    direct = paragraph.alignment
    return direct if direct is not None else paragraph.style.paragraph_format.alignment


# --- page -----------------------------------------------------------------------------------


def test_page_is_a4_with_official_margins(example: tuple[Report, Any]) -> None:
    _, document = example
    section = document.sections[0]
    expected = {
        "page_width": 210,
        "page_height": 297,
        "top_margin": 37,
        "bottom_margin": 35,
        "left_margin": 28,
        "right_margin": 26,
    }
    for name, mm in expected.items():
        assert getattr(section, name).mm == pytest.approx(mm, abs=0.05), name
    footer = section.footer._element
    assert any("PAGE" in (text.text or "") for text in footer.iter(qn("w:instrText")))


def test_page_numbers_odd_right_even_left_one_character_in(example: tuple[Report, Any]) -> None:
    _, document = example
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT  # LEFT is 0: compare directly
    assert odd.paragraph_format.right_indent.pt == pytest.approx(14)
    assert even.paragraph_format.left_indent.pt == pytest.approx(14)
    for paragraph in (odd, even):
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        instructions = paragraph._p.iter(qn("w:instrText"))
        assert any("PAGE" in (text.text or "") for text in instructions)


# --- tables: structure ----------------------------------------------------------------------


def test_one_docx_table_per_format_table(example: tuple[Report, Any]) -> None:
    report, document = example
    assert len(document.tables) == len(report.spec.tables) == 3
    for table, table_grid in zip(document.tables, grids(report), strict=True):
        assert len(table.rows) == len(table_grid.all_rows)
        assert len(table.columns) == table_grid.columns


def test_every_grid_cell_is_one_merged_docx_cell_over_its_range(example: tuple[Report, Any]) -> None:
    report, document = example
    for table, table_grid in zip(document.tables, grids(report), strict=True):
        cells = cells_of(table_grid)
        for cell in cells:
            top = table.cell(cell.row, cell.col)._tc
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    assert table.cell(r, c)._tc is top, (cell.text, r, c)
        every = [table.cell(r, c)._tc for r in range(len(table.rows)) for c in range(table_grid.columns)]
        assert len({id(tc) for tc in every}) == len(cells)  # ``every`` keeps the proxies (and ids) alive


def test_merges_are_written_as_grid_span_and_vertical_merge(example: tuple[Report, Any]) -> None:
    report, document = example
    for table, table_grid in zip(document.tables, grids(report), strict=True):
        positions = tc_positions(table)
        for cell in cells_of(table_grid):
            for r in range(cell.row, cell.row + cell.rowspan):
                tc = positions[(r, cell.col)]
                assert tc.grid_span == cell.colspan
                if cell.rowspan == 1:
                    assert tc.vMerge is None
                else:
                    assert tc.vMerge == ("restart" if r == cell.row else "continue")
                for c in range(cell.col + 1, cell.col + cell.colspan):
                    assert (r, c) not in positions
        xml = table._tbl
        spans = xml.findall(f".//{qn('w:gridSpan')}")
        merges = xml.findall(f".//{qn('w:vMerge')}")
        assert all(int(span.get(qn("w:val"))) > 1 for span in spans)
        assert len(spans) == sum(c.rowspan for c in cells_of(table_grid) if c.colspan > 1)
        assert len(merges) == sum(c.rowspan for c in cells_of(table_grid) if c.rowspan > 1)


def test_2021_merges_match_the_official_blank_template_counts(tmp_path: Path) -> None:
    """formats.md: the official 2021 Word template has 26 gridSpan and 58 vMerge elements."""
    document = build(load(EXAMPLES["2021"]), tmp_path / "2021.docx")
    body = document.element.body
    assert len(body.findall(f".//{qn('w:gridSpan')}")) == 26
    assert len(body.findall(f".//{qn('w:vMerge')}")) == 58
    applications = document.tables[1]
    corner = applications.cell(0, 0)
    assert corner._tc is applications.cell(2, 2)._tc  # the corner note: 3 × 3
    results = tc_positions(applications)[(5, 0)]
    assert tc_text(results) == "三、本年度办理结果"
    continued = [tc_positions(applications)[(r, 0)].vMerge for r in range(6, 27)]
    assert continued == ["continue"] * 21  # one cell over 22 result rows


def test_known_merged_headers(example: tuple[Report, Any]) -> None:
    report, document = example
    applications, review = document.tables[1], document.tables[2]
    header = tc_positions(applications)
    assert tc_text(header[(0, 3)]) == "申请人情况" and header[(0, 3)].grid_span == 7
    assert tc_text(header[(1, 4)]) == "法人或其他组织" and header[(1, 4)].grid_span == 5
    result_rows = 20 if report.spec.key == "2019" else 22
    assert applications.cell(5, 0)._tc is applications.cell(5 + result_rows - 1, 0)._tc
    assert applications.cell(5 + result_rows, 0)._tc is not applications.cell(5, 0)._tc
    top = tc_positions(review)
    assert [(tc_text(tc), tc.grid_span) for (r, _), tc in sorted(top.items()) if r == 0] == [
        ("行政复议", 5),
        ("行政诉讼", 10),
    ]


# --- tables: content ------------------------------------------------------------------------


def test_every_label_and_number_is_in_its_cell(example: tuple[Report, Any]) -> None:
    report, document = example
    values = report.resolved()
    for table, table_grid in zip(document.tables, grids(report), strict=True):
        for cell in cells_of(table_grid):
            text = table.cell(cell.row, cell.col).text
            if cell.role is CellRole.VALUE:
                assert cell.key is not None
                assert text == format_number(values[cell.key]), cell.key
            else:
                assert text == cell.text
                assert text  # every label of the format definitions is printed


def test_example_numbers_land_in_the_expected_rows(tmp_path: Path) -> None:
    report = load(EXAMPLES["2021"])
    document = build(report, tmp_path / "2021.docx")
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in document.tables[1].rows}
    assert rows["一、本年新收政府信息公开申请数量"][-7:] == ["125", "31", "2", "1", "8", "3", "170"]
    assert rows["四、结转下年度继续办理"][-1] == "6"
    fees = next(row.cells for row in document.tables[0].rows if row.cells[0].text == "行政事业性收费")
    assert fees[-1].text == "3.85"


def test_derived_totals_are_filled_in_when_absent(tmp_path: Path) -> None:
    report = load(EXAMPLES["2021"])
    expected = report.resolved()
    derived = {
        cell.key
        for table_grid in grids(report)
        for cell in table_grid.value_cells
        if cell.derived and cell.key is not None
    }
    assert len(derived) > 20
    without = dataclasses.replace(report, cells={k: v for k, v in report.cells.items() if k not in derived})
    document = build(without, tmp_path / "computed.docx")
    checked = 0
    for table, table_grid in zip(document.tables, grids(report), strict=True):
        for cell in table_grid.value_cells:
            if cell.key in derived:
                assert table.cell(cell.row, cell.col).text == format_number(expected[cell.key])
                checked += 1
    assert checked == len(derived)
    total = next(row for row in document.tables[1].rows if row.cells[1].text == "（七）总计")
    assert total.cells[-1].text == "168"  # computed from the result rows


def test_blank_cells_print_zero(tmp_path: Path) -> None:
    source = EXAMPLES["2021"].read_text(encoding="utf-8")
    edited = source.replace("coercion:            {decisions: 214}", "coercion:            {decisions: null}")
    assert edited != source
    path = tmp_path / "blank.yaml"
    path.write_text(edited, encoding="utf-8")
    report = load(path)
    assert report.cell("active_disclosure.coercion", "decisions").state is CellState.BLANK
    document = build(report, tmp_path / "blank.docx")
    row = next(row for row in document.tables[0].rows if row.cells[0].text == "行政强制")
    assert row.cells[-1].text == "0"


def test_seed_003_tables_match_cell_for_cell(tmp_path: Path) -> None:
    """Tables 二, 三 and 四 built from examples/2020.yaml read like the published report (seed 003)."""
    document = build(load(EXAMPLES["2020"]), tmp_path / "2020.docx")
    seed = seed_tables(SEED.read_text(encoding="utf-8"))
    for index, number in enumerate(("二", "三", "四")):
        ours = [normal(text) for text in reading_order(document.tables[index])]
        assert ours == [normal(text) for text in seed[number]], number
    # 10 header cells, 23 rows of a label and 7 numbers, 4 group labels (三、本年度办理结果, （三）to（五）)
    assert len(seed["三"]) == 10 + 23 * 8 + 4
    assert len(seed["四"]) == 2 + 5 + 2 + 10 + 15


def seed_tables(text: str) -> dict[str, list[str]]:
    """The non-empty cells of the seed's tables in reading order (cells end with ' |')."""
    lines = text.splitlines()
    starts = {
        "二": lines.index("二、主动公开政府信息情况"),
        "三": lines.index("三、收到和处理政府信息公开申请情况"),
        "四": lines.index("四、政府信息公开行政复议、行政诉讼情况"),
    }
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    bounds = [*starts.values(), end]
    tables = {}
    for number, start, stop in zip(starts, bounds, bounds[1:], strict=False):
        block = "\n".join(lines[start + 1 : stop])
        tables[number] = [cell.strip() for cell in block.split("|") if cell.strip()]
    return tables


def reading_order(table: Table) -> list[str]:
    """The non-empty ``w:tc`` texts of a DOCX table, row by row."""
    return [text for tr in table._tbl.tr_lst for tc in tr.tc_lst if (text := tc_text(tc))]


def normal(text: str) -> str:
    """Comparable text: half-width punctuation (NFKC) and no spaces (the seed wraps some labels)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# --- tables: layout -------------------------------------------------------------------------


def test_rows_never_split_and_header_rows_repeat(example: tuple[Report, Any]) -> None:
    report, document = example
    for table, table_grid in zip(document.tables, grids(report), strict=True):
        for index, row in enumerate(table.rows):
            tr_pr = row._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
            repeats = tr_pr.find(qn("w:tblHeader")) is not None
            assert repeats == (index < len(table_grid.header_rows))
    assert len(grids(report)[1].header_rows) == 3  # table 三's header repeats on every page
    assert len(grids(report)[2].header_rows) == 3


def test_tables_fit_the_text_width(example: tuple[Report, Any]) -> None:
    _, document = example
    section = document.sections[0]
    text_width = round((section.page_width - section.left_margin - section.right_margin) / 635)
    for table in document.tables:
        columns = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(columns) - text_width) <= 2
        for tr in table._tbl.tr_lst:
            col = 0
            for tc in tr.tc_lst:
                assert tc.width.twips == sum(columns[col : col + tc.grid_span])
                col += tc.grid_span
    labels, numbers = document.tables[1].columns[2].width, document.tables[1].columns[3].width
    assert labels > 2 * numbers  # table 三's sub-label column is the wide one


def test_row_heights_and_cell_margins_are_in_a_sensible_range(example: tuple[Report, Any]) -> None:
    _, document = example
    for table in document.tables:
        for side in ("left", "right"):
            margin = table._tbl.tblPr.find(f"{qn('w:tblCellMar')}/{qn(f'w:{side}')}")
            assert 0 < int(margin.get(qn("w:w"))) <= 115  # twips: at most 2 mm
        for tr in table._tbl.tr_lst:
            height = tr.trPr.find(qn("w:trHeight"))
            assert height.get(qn("w:hRule")) == "atLeast"
            assert 280 <= int(height.get(qn("w:val"))) <= 460  # twips: 5 to 8 mm


def test_table_text_is_smaller_than_body_text(example: tuple[Report, Any]) -> None:
    _, document = example
    for table in document.tables:
        for tr in table._tbl.tr_lst:
            for run in tr.iter(qn("w:r")):
                size = run.find(f"{qn('w:rPr')}/{qn('w:sz')}")
                assert size is not None and int(size.get(qn("w:val"))) == 20  # 10 pt


# --- type -----------------------------------------------------------------------------------


def test_every_run_names_an_east_asian_font(example: tuple[Report, Any]) -> None:
    _, document = example
    runs = list(all_runs(document))
    assert len(runs) > 300
    assert all(east_asia(run) for run in runs)


def test_styles_name_east_asian_fonts(example: tuple[Report, Any]) -> None:
    _, document = example
    names = ["Normal", *(getattr(docx_styles, n) for n in dir(docx_styles) if n.endswith("_STYLE"))]
    for name in names:
        fonts = document.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None and fonts.get(qn("w:eastAsia")), name
        assert fonts.get(qn("w:eastAsiaTheme")) is None
    defaults = document.styles.element.find(f".//{qn('w:rPrDefault')}//{qn('w:rFonts')}")
    assert defaults.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_official_faces_and_sizes(example: tuple[Report, Any]) -> None:
    report, document = example
    paragraphs = document.paragraphs
    title = paragraphs[0]
    assert title.text == report.display_title
    assert alignment(title) == WD_ALIGN_PARAGRAPH.CENTER
    assert {east_asia(run.element) for run in title.runs} == {"方正小标宋简体"}
    assert {run.font.size.pt for run in title.runs} == {22}
    assert not any(run.font.bold for run in title.runs)
    headings = [p for p in paragraphs if p.style.name == docx_styles.HEADING_STYLE]
    assert [p.text for p in headings] == [s.heading for s in report.spec.sections]
    assert all(east_asia(run.element) == "黑体" for p in headings for run in p.runs)
    body = [p for p in paragraphs if p.style.name == "Normal" and p.text]
    assert body
    for paragraph in body:
        assert {east_asia(run.element) for run in paragraph.runs} == {"仿宋_GB2312"}
        assert {run.font.size.pt for run in paragraph.runs} == {16}
    normal_format = document.styles["Normal"].paragraph_format
    assert 28 <= normal_format.line_spacing.pt <= 29
    assert normal_format.first_line_indent.pt == pytest.approx(32, abs=0.1)  # two characters
    indent = document.styles["Normal"].element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert indent.get(qn("w:firstLineChars")) == "200"
    cells = {east_asia(run) for table in document.tables for run in table._tbl.iter(qn("w:r"))}
    assert cells == {"宋体"}


def test_font_table_declares_each_face_with_a_substitute(tmp_path: Path) -> None:
    path = tmp_path / "2021.docx"
    path.write_bytes(render_docx(load(EXAMPLES["2021"])))
    with zipfile.ZipFile(path) as package:
        fonts = docx.oxml.parse_xml(package.read("word/fontTable.xml"))
    declared = {font.get(qn("w:name")): font for font in fonts.findall(qn("w:font"))}
    for name, substitute in (("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体")):
        alt = declared[name].find(qn("w:altName"))
        assert alt is not None and alt.get(qn("w:val")) == substitute
        assert declared[name].find(qn("w:charset")).get(qn("w:val")) == "86"  # GB2312


# --- document -------------------------------------------------------------------------------


def body_sequence(document: Any) -> list[str]:
    """The body in order: paragraph texts, and ``<table N>`` for each table."""
    sequence, tables = [], 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            sequence.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            sequence.append(f"<table {tables}>")
            tables += 1
    return [item for item in sequence if item]


def test_document_order(example: tuple[Report, Any]) -> None:
    report, document = example
    sequence = body_sequence(document)
    assert sequence[0] == report.display_title
    positions = [sequence.index(section.heading) for section in report.spec.sections]
    assert positions == sorted(positions)
    table_index = 0
    for section, position in zip(report.spec.sections, positions, strict=True):
        if section.table is None:
            continue
        text = report.texts.get(section.key, "")
        expected_gap = len([p for p in text.split("\n\n") if p.strip()])
        assert sequence[position + 1 + expected_gap] == f"<table {table_index}>"
        table_index += 1
    assert report.date is not None
    date = f"{report.date.year}年{report.date.month}月{report.date.day}日"
    assert sequence[-2:] == [report.agency, date]
    closing = document.paragraphs[-2:]
    assert [alignment(p) for p in closing] == [WD_ALIGN_PARAGRAPH.RIGHT] * 2
    if "preamble" in report.texts:
        assert sequence[1].startswith(report.texts["preamble"].strip()[:20])


def test_narrative_that_looks_like_markup_is_text(tmp_path: Path) -> None:
    report = load(EXAMPLES["2021"])
    tricky = "<script>alert('x')</script> {{ agency }} {% for x in y %}&amp; & <b>粗</b>"
    texts = dict(report.texts, overview=f'{tricky}\n第二行 ]]> "引号"', problems="无。")
    document = build(dataclasses.replace(report, texts=texts), tmp_path / "tricky.docx")
    paragraphs = [p.text for p in document.paragraphs]
    assert f'{tricky}\n第二行 ]]> "引号"' in paragraphs
    with zipfile.ZipFile(tmp_path / "tricky.docx") as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "&lt;script&gt;" in xml and "<script>" not in xml and "&amp;amp;" in xml


def test_second_level_headings_use_kaiti(tmp_path: Path) -> None:
    report = load(EXAMPLES["2021"])
    texts = dict(report.texts, overview="（一）主动公开情况\n\n（二）依申请公开。全年收到申请170件。")
    document = build(dataclasses.replace(report, texts=texts), tmp_path / "levels.docx")
    alone = next(p for p in document.paragraphs if p.text == "（一）主动公开情况")
    assert alone.style.name == docx_styles.SUBHEADING_STYLE
    assert {east_asia(run.element) for run in alone.runs} == {"楷体_GB2312"}
    mixed = next(p for p in document.paragraphs if p.text.startswith("（二）"))
    assert [(run.text, east_asia(run.element)) for run in mixed.runs] == [
        ("（二）依申请公开。", "楷体_GB2312"),
        ("全年收到申请170件。", "仿宋_GB2312"),
    ]


def test_characters_xml_cannot_hold_are_dropped(tmp_path: Path) -> None:
    report = load(EXAMPLES["2020"])
    texts = dict(report.texts, other_matters="无\x00\x07。")
    document = build(dataclasses.replace(report, texts=texts), tmp_path / "control.docx")
    assert "无。" in [p.text for p in document.paragraphs]


def test_same_report_same_bytes() -> None:
    report = load(EXAMPLES["2021"])
    assert render_docx(report) == render_docx(report)


def test_blank_state_is_not_needed_to_print_zero() -> None:
    """An absent, non-derived cell (never written) also prints 0."""
    report = load(EXAMPLES["2020"])
    key = ("applications.new_received", "natural_person")
    cells = dict(report.cells)
    cells[key] = Cell(0, CellState.ABSENT)
    values = dataclasses.replace(report, cells=cells).resolved()
    applications = grid(report.spec.tables[1])
    cell = next(c for c in applications.value_cells if c.key == key)
    assert cell_text(cell, values) == "0"


def test_content_helpers_do_not_import_python_docx() -> None:
    code = "import sys, reportgen.write.render.content; assert 'docx' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
