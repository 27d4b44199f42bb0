"""Reading filled workbooks: the person-filled template, and every real-file quirk with its cell reference."""

from __future__ import annotations

import datetime
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import excelkit
from reportgen.check.messages import message
from reportgen.check.validate import validate_file
from reportgen.cli import main
from reportgen.core.diagnostics import Diagnostic, Severity
from reportgen.core.model import CellState, Report
from reportgen.read.dispatch import read_report

REPORT = excelkit.valid_report(2021)


@pytest.fixture(scope="module")
def filled() -> bytes:
    """valid-2021.yaml typed into the blank 2021 template, totals left to the formulas."""
    return excelkit.fill_like_a_person(REPORT)


@pytest.fixture(scope="module")
def where() -> dict[tuple[str, str], str]:
    return excelkit.person_cells(REPORT.spec, excelkit.load(excelkit.fill_like_a_person(REPORT)))


def _write(tmp_path: Path, data: bytes, name: str = "report.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _read(tmp_path: Path, data: bytes) -> tuple[Report | None, list[Diagnostic]]:
    read = read_report(_write(tmp_path, data))
    return read.report, read.diagnostics


def _only(diagnostics: list[Diagnostic], code: str) -> Diagnostic:
    found = [d for d in diagnostics if d.code == code]
    assert len(found) == 1, [(d.code, str(d.location)) for d in diagnostics]
    return found[0]


def _ref(diagnostic: Diagnostic) -> str:
    return diagnostic.location.place()


def test_person_filled_template_validates_clean(tmp_path: Path, filled: bytes) -> None:
    path = _write(tmp_path, filled)
    result = validate_file(path)
    assert result.diagnostics == []
    report = result.report
    assert report is not None
    assert report.resolved() == REPORT.resolved()
    assert report.texts == REPORT.texts
    assert (report.year, report.agency, report.date, report.kind) == (
        REPORT.year,
        REPORT.agency,
        REPORT.date,
        REPORT.kind,
    )
    amount = report.cell("active_disclosure.fees", "amount")
    assert amount.value == REPORT.cell("active_disclosure.fees", "amount").value
    assert isinstance(amount.value, Decimal)


def test_person_filled_template_builds(tmp_path: Path, filled: bytes) -> None:
    path = _write(tmp_path, filled)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "--to", "html,docx"])
    assert result.exit_code == 0, result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert REPORT.agency in html and "18436" in html


def test_cells_carry_sheet_locations(
    tmp_path: Path, filled: bytes, where: dict[tuple[str, str], str]
) -> None:
    report, _ = _read(tmp_path, filled)
    assert report is not None
    key = ("applications.results.denied.state_secret", "commercial")
    assert report.cell(*key).location is not None
    assert report.cell(*key).location.place() == where[key]  # type: ignore[union-attr]
    assert report.location_of("text.overview").place() == "正文!B4"


def test_number_stored_as_text_is_read_with_a_warning(
    tmp_path: Path, filled: bytes, where: dict[tuple[str, str], str]
) -> None:
    key = ("applications.new_received", "natural_person")
    data = excelkit.edited(filled, lambda wb: excelkit.put(wb, where[key], " 125 "))
    report, diagnostics = _read(tmp_path, data)
    finding = _only(diagnostics, "V005")
    assert finding.severity is Severity.WARNING
    assert _ref(finding) == where[key]
    assert finding.cell is not None and finding.cell.labels[-1] == "自然人"
    assert (finding.actual, finding.expected) == ('" 125 "', "125")
    assert report is not None and report.cell(*key).value == 125
    assert "文本形式存储" in message(finding, "zh")


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("１２５", "full-width"),
        ("125件", "unit"),
        ("1,250", "grouping"),
        ("—", "none-word"),
        ("十二", "not-a-number"),
    ],
)
def test_text_that_is_not_a_plain_number_is_an_error(
    tmp_path: Path, filled: bytes, where: dict[tuple[str, str], str], typed: str, hint: str
) -> None:
    key = ("applications.results.granted", "commercial")
    data = excelkit.edited(filled, lambda wb: excelkit.put(wb, where[key], typed))
    report, diagnostics = _read(tmp_path, data)
    finding = _only(diagnostics, "V001")
    assert _ref(finding) == where[key]
    assert finding.param("hint") == hint
    assert finding.cell is not None and finding.cell.labels == (
        "三、本年度办理结果",
        "（一）予以公开",
        "商业企业",
    )
    assert report is not None and report.cell(*key).state is CellState.INVALID
    assert validate_file(_write(tmp_path, data)).diagnostics[0].code == "V001"


def test_empty_cell_is_blank_with_a_warning(
    tmp_path: Path, filled: bytes, where: dict[tuple[str, str], str]
) -> None:
    key = ("review_litigation.litigation_direct", "pending")
    data = excelkit.edited(filled, lambda wb: excelkit.put(wb, where[key], None))
    result = validate_file(_write(tmp_path, data))
    codes = [(d.code, _ref(d)) for d in result.diagnostics]
    assert ("V003", where[key]) in codes
    assert [code for code, _ in codes] == ["V003"]  # the group's 总计 is a formula: no T401
    assert result.report is not None
    assert result.report.cell(*key).state is CellState.BLANK


def test_wrong_kinds_of_numbers(tmp_path: Path, filled: bytes, where: dict[tuple[str, str], str]) -> None:
    whole = ("active_disclosure.penalty", "decisions")
    negative = ("applications.carried_over", "research")
    date = ("active_disclosure.coercion", "decisions")

    def edit(wb: openpyxl.Workbook) -> None:
        excelkit.put(wb, where[whole], 2.5)
        excelkit.put(wb, where[negative], -1)
        excelkit.put(wb, where[date], datetime.datetime(2021, 3, 1))

    _, diagnostics = _read(tmp_path, excelkit.edited(filled, edit))
    found = {(d.code, _ref(d), d.param("hint")) for d in diagnostics}
    assert ("V001", where[whole], "whole") in found
    assert ("V002", where[negative], "negative") in found
    assert ("V001", where[date], "date") in found


def test_formula_without_cached_value_is_reported(
    tmp_path: Path, filled: bytes, where: dict[tuple[str, str], str]
) -> None:
    """openpyxl writes no results: a person's formula in an input cell is never silently 0."""
    key = ("applications.results.unable.not_held", "natural_person")
    data = excelkit.edited(filled, lambda wb: excelkit.put(wb, where[key], "=20+1"))
    report, diagnostics = _read(tmp_path, data)
    finding = _only(diagnostics, "V004")
    assert _ref(finding) == where[key]
    assert finding.actual == '"=20+1"'
    assert report is not None and report.cell(*key).state is CellState.INVALID
    result = validate_file(_write(tmp_path, data))
    assert result.diagnostics[0].code == "V004"  # no arithmetic finding built on a guessed 0
    assert {d.code for d in result.diagnostics} == {"V004"}


def test_formula_with_cached_value_uses_it(
    tmp_path: Path, filled: bytes, where: dict[tuple[str, str], str]
) -> None:
    key = ("applications.results.unable.not_held", "natural_person")
    data = excelkit.edited(filled, lambda wb: excelkit.put(wb, where[key], "=20+1"))
    sheet, ref = where[key].split("!")
    data = excelkit.with_cached_values(data, sheet, {ref: "21"})
    result = validate_file(_write(tmp_path, data))
    assert result.diagnostics == []
    assert result.report is not None and result.report.cell(*key).value == 21


def test_template_totals_without_cached_values_are_computed(tmp_path: Path, filled: bytes) -> None:
    """The file was never opened in a spreadsheet: the SUM formulas have no results, the tool adds up."""
    report, diagnostics = _read(tmp_path, filled)
    assert report is not None and diagnostics == []
    total = report.cell("applications.results.total", "total")
    assert total.state is CellState.ABSENT
    assert total.location is not None and total.location.place().startswith("表三!")
    assert report.resolved()[("applications.results.total", "total")] == 168


def test_total_typed_over_its_formula_is_checked(tmp_path: Path, filled: bytes) -> None:
    wb = excelkit.load(filled)
    ws = wb["表三"]
    row = next(r for r in range(1, 40) if ws.cell(r, 1).value == "一、本年新收政府信息公开申请数量")
    total = next(c for c in range(1, 12) if str(ws.cell(row, c).value or "").startswith("=SUM"))
    ref = ws.cell(row, total).coordinate
    ws.cell(row, total).value = 171  # the parts add up to 170
    result = validate_file(_write(tmp_path, excelkit.save(wb)))
    finding = _only(result.diagnostics, "T303")
    assert _ref(finding) == f"表三!{ref}"
    assert (finding.expected, finding.actual) == ("170", "171")
    ws.cell(row, total).value = 170
    assert validate_file(_write(tmp_path, excelkit.save(wb))).diagnostics == []


def test_extra_sheets_are_ignored(tmp_path: Path, filled: bytes) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        notes = wb.create_sheet("草稿", 0)
        notes["A1"] = "=SUM(1,2)"
        notes["B2"] = "备注"

    assert validate_file(_write(tmp_path, excelkit.edited(filled, edit))).diagnostics == []


def test_hidden_row_with_numbers_is_a_warning(
    tmp_path: Path, filled: bytes, where: dict[tuple[str, str], str]
) -> None:
    key = ("applications.results.denied.internal_affairs", "natural_person")
    sheet, ref = where[key].split("!")
    row = int(ref[1:])
    data = excelkit.edited(filled, lambda wb: setattr(wb[sheet].row_dimensions[row], "hidden", True))
    report, diagnostics = _read(tmp_path, data)
    finding = _only(diagnostics, "V006")
    assert _ref(finding) == where[key]  # the first number of the hidden row
    assert finding.severity is Severity.WARNING
    assert f"第 {row} 行" in message(finding, "zh")
    assert report is not None and report.cell(*key).value == REPORT.cell(*key).value


def test_hidden_column_is_a_warning(tmp_path: Path, filled: bytes, where: dict[tuple[str, str], str]) -> None:
    key = ("applications.new_received", "research")
    sheet, ref = where[key].split("!")
    data = excelkit.edited(filled, lambda wb: setattr(wb[sheet].column_dimensions[ref[0]], "hidden", True))
    _, diagnostics = _read(tmp_path, data)
    finding = _only(diagnostics, "V006")
    assert _ref(finding) == where[key]
    assert f"第 {ref[0]} 列" in message(finding, "zh")


def test_file_saved_by_wps(tmp_path: Path, filled: bytes) -> None:
    data = excelkit.as_wps(filled)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()
        assert "WPS 表格" in archive.read("docProps/app.xml").decode()
        assert b"inlineStr" not in archive.read("xl/worksheets/sheet2.xml")
    result = validate_file(_write(tmp_path, data))
    assert result.diagnostics == []
    assert result.report is not None and result.report.resolved() == REPORT.resolved()


def test_narrative_keeps_line_breaks_and_formula_like_text(tmp_path: Path, filled: bytes) -> None:
    text = "=第一段，以等号开头。\n第二行\n\n-第二段\n@第三段"

    def edit(wb: openpyxl.Workbook) -> None:
        cell = excelkit.meta_ref(wb, "五、存在的主要问题")
        sheet, ref = cell.split("!")
        wb[sheet][ref].value = text
        wb[sheet][ref].data_type = "s"  # typed as text, as Excel does after a leading apostrophe

    report, diagnostics = _read(tmp_path, excelkit.edited(filled, edit))
    assert diagnostics == []
    assert report is not None and report.texts["problems"] == text


def test_metadata_quirks(tmp_path: Path, filled: bytes) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        excelkit.put(wb, excelkit.meta_ref(wb, "落款日期"), "2022年1月25日")
        excelkit.put(wb, excelkit.meta_ref(wb, "报告年度"), "2021")
        excelkit.put(wb, excelkit.meta_ref(wb, "报告类型"), "本级政府报告")

    report, diagnostics = _read(tmp_path, excelkit.edited(filled, edit))
    assert diagnostics == []
    assert report is not None
    assert (report.date, report.year, report.kind) == (datetime.date(2022, 1, 25), 2021, "government")


def test_year_of_another_format_is_an_error_naming_both_formats(tmp_path: Path, filled: bytes) -> None:
    data = excelkit.edited(filled, lambda wb: excelkit.put(wb, excelkit.meta_ref(wb, "报告年度"), 2020))
    report, diagnostics = _read(tmp_path, data)
    finding = _only(diagnostics, "S011")
    assert _ref(finding) == "基本信息!B3"
    assert (finding.param("given"), finding.param("required")) == ("2021", "2019")
    assert finding.param("required_basis") == "国办公开办函〔2019〕60号"
    assert report is not None and report.spec.key == "2021"  # its tables are still read and checked


def test_missing_agency_and_texts(tmp_path: Path, filled: bytes) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        excelkit.put(wb, excelkit.meta_ref(wb, "机关名称"), "  ")
        excelkit.put(wb, excelkit.meta_ref(wb, "六、其他需要报告的事项"), None)

    _, diagnostics = _read(tmp_path, excelkit.edited(filled, edit))
    assert {(d.code, _ref(d)) for d in diagnostics} == {("S002", "基本信息!B4"), ("S008", "正文!B9")}


def test_inserted_row_is_a_layout_change(tmp_path: Path, filled: bytes) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        wb["表三"].insert_rows(10)

    report, diagnostics = _read(tmp_path, excelkit.edited(filled, edit))
    finding = _only(diagnostics, "S010")
    assert finding.location.sheet == "表三"
    assert report is None
    assert "插入" in message(finding, "zh")


def test_renamed_sheet_is_a_layout_change(tmp_path: Path, filled: bytes) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        wb["表四"].title = "复议诉讼"

    _, diagnostics = _read(tmp_path, excelkit.edited(filled, edit))
    finding = _only(diagnostics, "S010")
    assert finding.location.sheet == "表四" and "表四" in (finding.expected or "")


def test_workbook_without_marker_is_not_ours(tmp_path: Path, filled: bytes) -> None:
    data = excelkit.edited(filled, lambda wb: wb.remove(wb["reportgen"]))
    path = _write(tmp_path, data)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert "F006" in result.output and "reportgen init" in result.output
    assert "Traceback" not in result.output


def test_plain_workbook_is_not_ours(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "政府信息公开工作年度报告"  # type: ignore[index]
    result = validate_file(_write(tmp_path, excelkit.save(wb)))
    assert [d.code for d in result.diagnostics] == ["F006"]
    assert result.report is None


def test_marker_of_another_layout(tmp_path: Path, filled: bytes) -> None:
    data = excelkit.edited(filled, lambda wb: excelkit.put(wb, "reportgen!B3", "0123456789abcdef"))
    result = validate_file(_write(tmp_path, data))
    assert [(d.code, d.param("reason")) for d in result.diagnostics] == [("F006", "layout")]
    newer = excelkit.edited(filled, lambda wb: excelkit.put(wb, "reportgen!B1", "99"))
    assert [d.param("reason") for d in validate_file(_write(tmp_path, newer)).diagnostics] == ["newer"]
