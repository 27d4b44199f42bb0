"""The generated workbook: official layout from the format definitions, protection, validation, printing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import excelkit
from reportgen.check.runner import validate_files
from reportgen.check.validate import Options
from reportgen.cli import main
from reportgen.core.layout import CellRole, grid
from reportgen.read.dispatch import read_report
from reportgen.spec.registry import format_for_year
from reportgen.spec.types import Table, ValueKind
from reportgen.write.excel.writer import template_bytes

YEARS = (2020, 2021)


def _top(ws: openpyxl.worksheet.worksheet.Worksheet, table: Table) -> int:
    """The sheet row where the table's grid starts: where its first grid cell's text is."""
    first = grid(table).all_rows[0][0].text
    return next(row for row in range(1, 10) if ws.cell(row, 1).value == first)


@pytest.fixture(scope="module", params=YEARS)
def template(request: pytest.FixtureRequest) -> tuple[int, openpyxl.Workbook]:
    year = int(request.param)
    return year, excelkit.load(template_bytes(year, "某市档案局"))


def test_sheets_and_hidden_marker(template: tuple[int, openpyxl.Workbook]) -> None:
    year, wb = template
    spec = format_for_year(year)
    assert spec is not None
    assert wb.sheetnames == ["基本信息", *(f"表{t.number}" for t in spec.tables), "正文", "reportgen"]
    marker = wb["reportgen"]
    assert marker.sheet_state == "veryHidden"
    pairs = {row[0]: row[1] for row in marker.iter_rows(values_only=True)}
    assert pairs["reportgen-workbook"] == "1"
    assert pairs["format"] == spec.key
    assert len(str(pairs["layout"])) == 16


def test_tables_follow_the_layout_grid(template: tuple[int, openpyxl.Workbook]) -> None:
    """Same labels at the same places, same merged ranges as the printed grid."""
    year, wb = template
    spec = format_for_year(year)
    assert spec is not None
    for table in spec.tables:
        ws = wb[f"表{table.number}"]
        g = grid(table)
        top = _top(ws, table)
        expected_merges = set()
        for row in g.all_rows:
            for cell in row:
                r, c = top + cell.row, 1 + cell.col
                if cell.text:
                    assert ws.cell(r, c).value == cell.text
                if cell.rowspan > 1 or cell.colspan > 1:
                    end = openpyxl.utils.get_column_letter(c + cell.colspan - 1)
                    expected_merges.add(f"{ws.cell(r, c).coordinate}:{end}{r + cell.rowspan - 1}")
        merges = {str(m) for m in ws.merged_cells.ranges if m.min_row >= top}
        assert merges == expected_merges
        # the heading above the table is the section heading from the spec
        section = next(s for s in spec.sections if s.table is table)
        assert ws["A1"].value == section.heading


def test_input_cells_are_unlocked_and_marked(template: tuple[int, openpyxl.Workbook]) -> None:
    year, wb = template
    spec = format_for_year(year)
    assert spec is not None
    cells = excelkit.person_cells(spec, wb)  # every yellow cell is found by its labels
    plain = {(r.id, f.key) for r in spec.records for f in r.fields if not (f.derived or r.derived)}
    assert set(cells) == plain
    for ref in cells.values():
        sheet, coordinate = ref.split("!")
        cell = wb[sheet][coordinate]
        assert cell.protection.locked is False
        assert cell.fill.fgColor.rgb.endswith("FFF2CC")
        assert cell.value is None
    for name in wb.sheetnames:
        ws = wb[name]
        assert ws.protection.sheet is True
        assert not ws.protection.password  # no password needed to unprotect
        for row in ws.iter_rows():
            for cell in row:
                if name.startswith("表") and isinstance(cell.value, str) and not cell.protection.locked:
                    pytest.fail(f"{name}!{cell.coordinate}: a label is unlocked")


def test_totals_are_locked_formulas(template: tuple[int, openpyxl.Workbook]) -> None:
    year, wb = template
    spec = format_for_year(year)
    assert spec is not None
    ws = wb["表三"]
    formulas = [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
    derived = [
        (r, f)
        for r in spec.table_of("applications.new_received").records
        for f in r.fields
        if f.derived or r.derived
    ]
    assert len(formulas) == len(derived)
    for cell in formulas:
        assert cell.protection.locked is True
        assert str(cell.value).startswith("=SUM(")
    # the 总计 of 一、本年新收 adds up the six applicant columns of its own row
    person = excelkit.person_cells(spec, wb)
    first = person[("applications.new_received", "natural_person")].split("!")[1]
    last = person[("applications.new_received", "other")].split("!")[1]
    row = first[1:]
    total = ws.cell(int(row), openpyxl.utils.column_index_from_string(last[0]) + 1)
    assert total.value == f"=SUM({first}:{last})"
    assert wb.calculation.fullCalcOnLoad is True


def test_number_cells_have_validation_with_chinese_messages(template: tuple[int, openpyxl.Workbook]) -> None:
    year, wb = template
    spec = format_for_year(year)
    assert spec is not None
    cells = excelkit.person_cells(spec, wb)
    for key, ref in cells.items():
        sheet, coordinate = ref.split("!")
        kind = spec.record(key[0]).field(key[1]).kind
        rules = [dv for dv in wb[sheet].data_validations.dataValidation if coordinate in dv.sqref]
        assert len(rules) == 1, ref
        rule = rules[0]
        assert rule.showInputMessage and rule.showErrorMessage and rule.prompt and rule.error
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.prompt)
        if kind is ValueKind.COUNT:
            assert (rule.type, rule.operator, rule.formula1) == ("whole", "greaterThanOrEqual", "0")
        elif kind is ValueKind.SIGNED:
            assert (rule.type, rule.operator) == ("whole", "between")
            assert int(rule.formula1) < 0 < int(rule.formula2)
        else:
            assert (rule.type, rule.operator, rule.formula1) == ("decimal", "greaterThanOrEqual", "0")
            assert "万元" in rule.prompt


def test_signed_cells_exist_only_in_2019(template: tuple[int, openpyxl.Workbook]) -> None:
    year, wb = template
    kinds = {dv.type + (dv.operator or "") for dv in wb["表二"].data_validations.dataValidation}
    assert ("wholebetween" in kinds) == (year == 2020)


def test_each_table_prints_on_one_a4_page(template: tuple[int, openpyxl.Workbook]) -> None:
    _, wb = template
    for name in wb.sheetnames:
        if not name.startswith("表"):
            continue
        ws = wb[name]
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 1)
        assert ws.print_area
        for letter, dimension in ws.column_dimensions.items():
            assert dimension.width and dimension.width >= 6, (name, letter)


def test_init_writes_the_workbook_and_it_reads_back(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    result = CliRunner().invoke(main, ["init", "-o", str(target), "--year", "2021", "--agency", "某市档案局"])
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(target)
    read = read_report(target)
    assert read.report is not None
    assert (read.report.year, read.report.agency, read.report.spec.key) == (2021, "某市档案局", "2021")
    codes = {d.code for d in read.diagnostics}
    assert codes == {"V003", "S008"}  # the blank template: every number blank, required texts empty
    again = CliRunner().invoke(main, ["init", "-o", str(target), "--year", "2021"])
    assert again.exit_code == 2 and "--force" in again.output


def test_the_unfilled_workbook_fails_validation(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    assert CliRunner().invoke(main, ["init", "-o", str(target), "--year", "2021"]).exit_code == 0
    result = validate_files([target], Options())
    codes = {d.code for d in result.files[0].diagnostics}
    assert {"C001", "C002", "S008"} <= codes  # agency 某机关, no date, the required texts empty
    assert result.exit_code == 1


def test_init_year_defaults_to_last_year(tmp_path: Path) -> None:
    import datetime

    target = tmp_path / "t.xlsx"
    result = CliRunner().invoke(main, ["init", "-o", str(target)])
    assert result.exit_code == 0, result.output
    read = read_report(target)
    assert read.report is not None and read.report.year == datetime.date.today().year - 1


def test_init_refuses_other_suffixes(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", "-o", str(tmp_path / "t.xls"), "--year", "2021"])
    assert result.exit_code == 2
    assert ".xlsx" in result.output


def test_roles_in_grid_match_sheet_styles(template: tuple[int, openpyxl.Workbook]) -> None:
    """Computed cells are grey, label cells are not yellow."""
    year, wb = template
    spec = format_for_year(year)
    assert spec is not None
    for table in spec.tables:
        ws = wb[f"表{table.number}"]
        for row in grid(table).all_rows:
            for cell in row:
                sheet_cell = ws.cell(_top(ws, table) + cell.row, 1 + cell.col)
                colour = sheet_cell.fill.fgColor.rgb
                if cell.role is CellRole.VALUE and cell.derived:
                    assert colour.endswith("E7E6E6")
                elif cell.role is not CellRole.VALUE:
                    assert not colour.endswith("FFF2CC")
