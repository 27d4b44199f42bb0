"""Writing workbooks in the official layout: the blank template and a report's values.

Table sheets are laid out from ``reportgen.core.layout.grid`` (same labels, same merges); every
position comes from ``core.workbook_layout``. Input cells are yellow and unlocked, labels and totals are
locked (sheet protection without a password), totals carry SUM formulas.
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ... import __version__
from ...core.atomic import write_bytes_atomic
from ...core.layout import CellRole, GridCell
from ...core.model import Cell, CellState, Report
from ...core.workbook_layout import (
    GRID_TOP,
    KIND_LABELS,
    LABEL_COLUMN,
    LAYOUT_VERSION,
    MARKER_SHEET,
    MARKER_TAG,
    META_KEYS,
    META_SHEET,
    NOTE_ROW,
    TEXT_SHEET,
    TITLE_ROW,
    VALUE_COLUMN,
    TableSheet,
    WorkbookLayout,
    cell_ref,
    column_letter,
    grid_position,
    workbook_layout,
)
from ...spec.registry import format_for_year
from ...spec.types import FormatSpec, ValueKind
from . import styles

MAX_CELL_TEXT = 32767
"""Excel's limit on the characters of one cell."""
_FORMULA_START = ("=", "+", "-", "@")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class WorkbookWriteError(Exception):
    """A report that cannot be stored in a workbook (text too long, control characters)."""


def _put_text(cell: SheetCell, text: str | None) -> None:
    """Store ``text`` as text, never as a formula, even when it starts with = + - or @."""
    if text is None or text == "":
        cell.value = None
        return
    if len(text) > MAX_CELL_TEXT:
        raise WorkbookWriteError(f"{cell.coordinate}: 文字超过 Excel 单元格 {MAX_CELL_TEXT} 字的上限")
    if _ILLEGAL.search(text):
        raise WorkbookWriteError(f"{cell.coordinate}: 文字中含有 Excel 不能保存的控制字符")
    cell.value = text
    if text.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def _at(ws: Worksheet, row: int, column: int) -> SheetCell:
    """The (top-left, writable) cell at a position."""
    cell = ws.cell(row, column)
    assert isinstance(cell, SheetCell)
    return cell


def _style(
    cell: SheetCell,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    align: Alignment | None = None,
) -> None:
    cell.font = font or styles.BODY
    if fill is not None:
        cell.fill = fill
    cell.alignment = align or styles.CENTER


def _merge(ws: Worksheet, row: int, col: int, rowspan: int, colspan: int) -> None:
    if rowspan > 1 or colspan > 1:
        ws.merge_cells(
            start_row=row, start_column=col, end_row=row + rowspan - 1, end_column=col + colspan - 1
        )


def _protect(ws: Worksheet) -> None:
    """Lock the sheet without a password; resizing rows and columns stays allowed."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _print_setup(
    ws: Worksheet, last_row: int, last_column: int, width: float, height: float, pages_high: int = 1
) -> None:
    """A4, one page wide (and ``pages_high`` high, 0: as many as needed), the larger orientation."""
    portrait_w, portrait_h = styles.A4_PRINTABLE
    portrait = min(portrait_w / width, portrait_h / height)
    landscape = min(portrait_h / width, portrait_w / height)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait" if pages_high != 1 or portrait >= landscape else "landscape"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = pages_high
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_area = f"A1:{cell_ref(last_row, last_column)}"


class _Builder:
    """Builds one workbook for a format, optionally filled with a report's values."""

    def __init__(self, spec: FormatSpec, report: Report | None) -> None:
        self.spec = spec
        self.map: WorkbookLayout = workbook_layout(spec.key)
        self.report = report
        self.wb = Workbook()

    def build(self, year: int, agency: str) -> Workbook:
        first = self.wb.active
        assert first is not None
        self.wb.remove(first)
        self.meta_sheet(year, agency)
        for sheet in self.map.tables:
            self.table_sheet(sheet)
        self.text_sheet()
        self.marker_sheet()
        self.wb.active = 0
        self.wb.calculation.fullCalcOnLoad = True
        self.wb.properties.creator = f"reportgen {__version__}"
        self.wb.properties.title = f"{agency}{year}年政府信息公开工作年度报告"
        return self.wb

    # -- shared pieces ------------------------------------------------------------------
    def heading(self, ws: Worksheet, title: str, note: str, last_column: int) -> None:
        _put_text(_at(ws, TITLE_ROW, 1), title)
        _style(_at(ws, TITLE_ROW, 1), font=styles.TITLE)
        _merge(ws, TITLE_ROW, 1, 1, last_column)
        ws.row_dimensions[TITLE_ROW].height = 28
        _put_text(_at(ws, NOTE_ROW, 1), note)
        _style(_at(ws, NOTE_ROW, 1), font=styles.NOTE, align=styles.LEFT)
        _merge(ws, NOTE_ROW, 1, 1, last_column)
        ws.row_dimensions[NOTE_ROW].height = 30

    def label(self, ws: Worksheet, row: int, text: str, width: float) -> None:
        cell = _at(ws, row, LABEL_COLUMN)
        _put_text(cell, text)
        _style(cell, font=styles.BOLD, fill=styles.LABEL_FILL, align=styles.LEFT)
        cell.border = styles.GRID_BORDER
        ws.row_dimensions[row].height = max(
            styles.MIN_ROW_HEIGHT, styles.lines_needed(text, width) * styles.LINE_HEIGHT + 6
        )

    def input_cell(self, ws: Worksheet, row: int, col: int, align: Alignment | None = None) -> SheetCell:
        cell = _at(ws, row, col)
        _style(cell, fill=styles.INPUT_FILL, align=align or styles.LEFT)
        cell.border = styles.GRID_BORDER
        cell.protection = styles.UNLOCKED
        return cell

    # -- 基本信息 -------------------------------------------------------------------------
    def meta_sheet(self, year: int, agency: str) -> None:
        ws = self.wb.create_sheet(META_SHEET)
        note = (
            "黄色单元格为填写区域；表二、表三、表四填写数字，“正文”填写各部分文字。"
            "灰色单元格为自动合计，不需填写。填好后用 reportgen validate 检查。"
        )
        self.heading(ws, f"政府信息公开工作年度报告（{self.spec.key} 格式，{self.spec.basis}）", note, 2)
        ws.column_dimensions["A"].width = 30
        ws.column_dimensions["B"].width = 60
        report = self.report
        values: dict[str, int | str | datetime.date | None] = {
            "year": year,
            "agency": agency,
            "kind": KIND_LABELS[report.kind if report else "department"],
            "title": report.title if report else None,
            "date": report.date if report else None,
        }
        for key, label, _ in META_KEYS:
            row = self.map.meta_rows[key]
            self.label(ws, row, label, 30)
            cell = self.input_cell(ws, row, VALUE_COLUMN)
            value = values[key]
            if isinstance(value, str):
                _put_text(cell, value)
            else:
                cell.value = value
            if key == "date":
                cell.number_format = "yyyy-mm-dd"
            self.meta_validation(ws, key, cell.coordinate)
        last = self.map.meta_rows[META_KEYS[-1][0]]
        _print_setup(ws, last, VALUE_COLUMN, 90 * styles.POINTS_PER_UNIT, 400)
        _protect(ws)

    def meta_validation(self, ws: Worksheet, key: str, ref: str) -> None:
        if key == "year":
            check = DataValidation(type="whole", operator="between", formula1="2019", formula2="2200")
            check.prompt = "报告所属年度，如 2021。2019–2020 年用 2019 格式，2021 年起用 2021 格式。"
            check.error = "请填写四位数的年度，如 2021。"
        elif key == "kind":
            choices = ",".join(KIND_LABELS.values())
            check = DataValidation(type="list", formula1=f'"{choices}"')
            check.prompt = "部门报告：政府部门的年度报告；本级政府报告：本级人民政府的年度报告。"
            check.error = f"请从列表中选择：{choices}。"
        elif key == "date":
            check = DataValidation(type="date", operator="greaterThan", formula1="36526")
            check.prompt = "报告落款日期，如 2022-01-20。"
            check.error = "请填写日期，如 2022-01-20。"
        else:
            prompts = {"agency": "填写机关全称，如 江北市档案局。", "title": "一般不填，使用默认标题。"}
            check = styles.text_validation(prompts.get(key, ""))
        check.promptTitle = "填写说明"
        check.errorTitle = "输入有误"
        check.showInputMessage = True
        check.showErrorMessage = check.type is not None
        check.allow_blank = True
        check.add(ref)
        ws.add_data_validation(check)

    # -- 正文 -----------------------------------------------------------------------------
    def text_sheet(self) -> None:
        ws = self.wb.create_sheet(TEXT_SHEET)
        note = (
            "在黄色单元格中填写各部分文字。单元格内换行：Excel 按 Alt+Enter，WPS 按 Alt+Enter；"
            "段落之间空一行（连按两次 Alt+Enter）。五、六两部分必填，“无。”也是有效的回答。"
        )
        self.heading(ws, "报告正文", note, 2)
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["B"].width = 100
        required = {s.key for s in self.spec.sections if s.text_required}
        texts = self.report.texts if self.report else {}
        for key, row in self.map.text_rows.items():
            self.label(ws, row, self.map.text_labels[key], 28)
            cell = self.input_cell(ws, row, VALUE_COLUMN, align=styles.TOP_LEFT)
            text = texts.get(key)
            _put_text(cell, text)
            lines = styles.lines_needed(text, 100) if text else (8 if key in required else 3)
            ws.row_dimensions[row].height = min(409, max(40, lines * styles.LINE_HEIGHT + 8))
        last = max(self.map.text_rows.values())
        _print_setup(ws, last, VALUE_COLUMN, 128 * styles.POINTS_PER_UNIT, 800, pages_high=0)
        _protect(ws)

    # -- 表二、表三、表四 -------------------------------------------------------------------
    def table_sheet(self, sheet: TableSheet) -> None:
        ws = self.wb.create_sheet(sheet.name)
        grid = sheet.grid
        has_totals = any(cell.derived for cell in sheet.values.values())
        note = "黄色单元格填写数字，没有请填 0，不要留空。" + (
            "灰色单元格为自动合计（公式），不需填写。" if has_totals else ""
        )
        self.heading(ws, sheet.section.heading, note, sheet.last_column)
        widths = self.column_widths(sheet)
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[column_letter(index)].width = width
        checks = {kind: styles.number_validation(kind) for kind in ValueKind}
        used: set[ValueKind] = set()
        for row in grid.all_rows:
            for gcell in row:
                r, c = grid_position(gcell)
                for rr in range(r, r + gcell.rowspan):
                    for cc in range(c, c + gcell.colspan):
                        ws.cell(rr, cc).border = styles.GRID_BORDER
                _merge(ws, r, c, gcell.rowspan, gcell.colspan)
                cell = ws.cell(r, c)
                if gcell.role is CellRole.VALUE:
                    self.value_cell(ws, sheet, gcell, cell)
                    if not gcell.derived and gcell.kind is not None:
                        checks[gcell.kind].add(cell.coordinate)
                        used.add(gcell.kind)
                else:
                    _put_text(cell, gcell.text)
                    bold = gcell.role in (CellRole.HEADER, CellRole.CAPTION)
                    align = styles.LEFT if gcell.role in (CellRole.LABEL, CellRole.CORNER) else styles.CENTER
                    _style(
                        cell, font=styles.BOLD if bold else styles.BODY, fill=styles.LABEL_FILL, align=align
                    )
        for kind in used:
            ws.add_data_validation(checks[kind])
        height = self.row_heights(ws, sheet, widths)
        if grid.header_rows:
            ws.freeze_panes = cell_ref(GRID_TOP + len(grid.header_rows), 1)
        _print_setup(ws, sheet.last_row, sheet.last_column, sum(widths) * styles.POINTS_PER_UNIT, height)
        _protect(ws)

    def value_cell(self, ws: Worksheet, sheet: TableSheet, gcell: GridCell, cell: SheetCell) -> None:
        assert gcell.key is not None
        formula = self.map.formula(sheet, gcell.key)
        written: Cell | None = self.report.cell(*gcell.key) if self.report else None
        cell.alignment = styles.NUMBER
        cell.font = styles.BODY
        if gcell.derived:
            cell.fill = styles.COMPUTED_FILL
            cell.protection = styles.LOCKED
        else:
            cell.fill = styles.INPUT_FILL
            cell.protection = styles.UNLOCKED
        if written is None or written.state is CellState.ABSENT:
            cell.value = formula
        elif written.state is CellState.GIVEN:
            cell.value = written.value
        else:
            cell.value = None

    def column_widths(self, sheet: TableSheet) -> list[float]:
        widths = [styles.VALUE_WIDTH] * sheet.grid.columns
        cells = [c for row in sheet.grid.all_rows for c in row if c.role is not CellRole.VALUE]
        for gcell in cells:
            if gcell.colspan == 1:
                wanted = styles.label_width(gcell.text, gcell.rowspan)
                widths[gcell.col] = max(widths[gcell.col], wanted)
        for gcell in cells:
            if gcell.colspan > 1 and gcell.role is not CellRole.CAPTION:
                span = widths[gcell.col : gcell.col + gcell.colspan]
                wanted = min(styles.text_width(gcell.text) + 2, styles.LABEL_MAX_WIDTH * 2)
                if sum(span) < wanted and gcell.role is CellRole.LABEL:
                    widths[gcell.col + gcell.colspan - 1] += wanted - sum(span)
        return widths

    def row_heights(self, ws: Worksheet, sheet: TableSheet, widths: list[float]) -> float:
        """Set every grid row's height so wrapped labels show whole; returns the page height in points."""
        rows = sheet.grid.all_rows
        heights = [styles.MIN_ROW_HEIGHT] * len(rows)
        for row in rows:
            for gcell in row:
                if gcell.role is CellRole.VALUE or not gcell.text:
                    continue
                width = sum(widths[gcell.col : gcell.col + gcell.colspan])
                needed = styles.lines_needed(gcell.text, width) * styles.LINE_HEIGHT + 6
                share = needed / gcell.rowspan
                for index in range(gcell.row, gcell.row + gcell.rowspan):
                    heights[index] = max(heights[index], share)
        for index, height in enumerate(heights):
            ws.row_dimensions[GRID_TOP + index].height = height
        return sum(heights) + 28 + 30

    # -- the marker -------------------------------------------------------------------------
    def marker_sheet(self) -> None:
        ws = self.wb.create_sheet(MARKER_SHEET)
        explicit = self.report.explicit_format if self.report else False
        rows = (
            (MARKER_TAG, str(LAYOUT_VERSION)),
            ("format", self.spec.key),
            ("layout", self.map.fingerprint),
            ("explicit-format", "yes" if explicit else "no"),
            ("generator", f"reportgen {__version__}"),
        )
        for index, (key, value) in enumerate(rows, start=1):
            ws.cell(index, 1, key)
            ws.cell(index, 2, value)
        ws.sheet_state = "veryHidden"
        _protect(ws)


def build_workbook(spec: FormatSpec, year: int, agency: str, report: Report | None = None) -> Workbook:
    """The workbook of ``spec``: blank for ``year``/``agency``, or holding ``report``'s values."""
    return _Builder(spec, report).build(year, agency)


def workbook_bytes(workbook: Workbook) -> bytes:
    """The ``.xlsx`` bytes of a workbook."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_bytes(year: int, agency: str) -> bytes:
    """The blank template of the format of ``year``."""
    spec = format_for_year(year)
    if spec is None:
        raise WorkbookWriteError(f"没有适用于 {year} 年的格式")
    return workbook_bytes(build_workbook(spec, year, agency))


def report_bytes(report: Report) -> bytes:
    """A workbook holding every value of ``report`` (blanks stay empty, absent totals keep formulas)."""
    return workbook_bytes(build_workbook(report.spec, report.year, report.agency, report))


def write_template(path: Path, year: int, agency: str) -> None:
    """Write the blank template of the format of ``year`` to ``path`` atomically."""
    write_bytes_atomic(path, template_bytes(year, agency))


def write_report_workbook(path: Path, report: Report) -> None:
    """Write ``report`` as a filled workbook to ``path`` atomically."""
    write_bytes_atomic(path, report_bytes(report))


__all__ = [
    "WorkbookWriteError",
    "build_workbook",
    "report_bytes",
    "template_bytes",
    "write_report_workbook",
    "write_template",
]
