"""Reading a filled workbook into a Report, with ``Sheet!C12`` locations and the printed labels.

The workbook must carry reportgen's hidden marker: it names the format version and a
fingerprint of the layout, and every value is then read from the position the workbook layout gives.
"""

from __future__ import annotations

import datetime
import io
import re
import warnings
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.worksheet import Worksheet

from ...core.diagnostics import Diagnostic, InputError, Location, LogicalCell, Severity
from ...core.model import Cell, CellState, Report, logical_cell
from ...core.workbook_layout import (
    KIND_LABELS,
    LABEL_COLUMN,
    LAYOUT_VERSION,
    MARKER_SHEET,
    MARKER_TAG,
    META_KEYS,
    META_SHEET,
    TEXT_SHEET,
    VALUE_COLUMN,
    TableSheet,
    WorkbookLayout,
    cell_ref,
    column_letter,
    grid_position,
    normalize_formula,
    workbook_layout,
)
from ...spec.types import FormatSpec
from ..report_rules import (
    Findings,
    ReadResult,
    declared_format,
    format_mismatch,
    kind_of,
    missing_texts,
    plausible_year,
    supported_formats,
    year_without_format,
)
from .cellvalues import CellProblem, read_number, read_text, shown
from .safety import checked_bytes

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def read_workbook_report(path: Path) -> ReadResult:
    """Read a filled ``.xlsx`` report; files that are not reportgen workbooks give an F finding."""
    name = str(path)
    try:
        data = checked_bytes(path)
        workbook = _load(data, name, values=False)
    except InputError as error:
        return ReadResult(None, [error.diagnostic])
    return _WorkbookReader(name, data, workbook).read()


def _load(data: bytes, name: str, values: bool) -> Workbook:
    """Parse the workbook (formulas, or with ``values`` the values last computed by a spreadsheet)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown extensions, as WPS and Excel write them
            return load_workbook(io.BytesIO(data), data_only=values, keep_links=False, keep_vba=False)
    except Exception as error:  # any parser failure on untrusted input: a corrupt file
        detail = f"{type(error).__name__}: {error}"[:160]
        raise InputError(
            Diagnostic("F008", Severity.ERROR, Location(name), params=(("reason", detail),))
        ) from None


def _squash(value: object) -> str:
    """Label text compared without any white space."""
    return "".join(str(value).split()) if value is not None else ""


def _meta_cell(key: str, label: str, label_en: str) -> LogicalCell:
    return LogicalCell("", key, None, (META_SHEET, label), ("information", label_en))


class _WorkbookReader:
    def __init__(self, source: str, data: bytes, workbook: Workbook) -> None:
        self.source = source
        self.data = data
        self.book = workbook
        self.cached: Workbook | None = None
        self.findings = Findings(source)

    # -- helpers ---------------------------------------------------------------------------
    def location(self, sheet: str, row: int | None = None, column: int | None = None) -> Location:
        ref = cell_ref(row, column) if row is not None and column is not None else None
        return Location(self.source, sheet=sheet, cell=ref)

    def add(
        self,
        code: str,
        location: Location,
        cell: LogicalCell | None = None,
        severity: Severity = Severity.ERROR,
        expected: str | None = None,
        actual: str | None = None,
        **params: str,
    ) -> None:
        self.findings.add(code, location, cell, severity, expected, actual, **params)

    def finding(self, finding: CellProblem, location: Location, cell: LogicalCell | None, kind: str) -> None:
        severity = Severity.WARNING if finding.code in ("V003", "V005", "V006") else Severity.ERROR
        self.add(
            finding.code,
            location,
            cell,
            severity,
            expected=finding.expected or None,
            actual=finding.actual,
            hint=finding.hint,
            kind=kind,
        )

    def cached_value(self, sheet: str, row: int, column: int) -> Any:
        """The value a spreadsheet last computed for a formula cell (None when it never did)."""
        if self.cached is None:
            try:
                self.cached = _load(self.data, self.source, values=True)
            except InputError:  # pragma: no cover - the same bytes parsed a moment ago
                return None
        return self.cached[sheet].cell(row, column).value

    def raw(self, ws: Worksheet, row: int, column: int) -> tuple[Any, str | None, bool]:
        """(value, formula text or None, is an Excel error value) of a cell, formulas resolved."""
        cell = ws.cell(row, column)
        value = cell.value
        formula: str | None = None
        if isinstance(value, ArrayFormula):
            formula = value.text or ""
        elif isinstance(value, DataTableFormula):
            formula = "TABLE()"
        elif cell.data_type == "f" and isinstance(value, str):
            formula = value
        if formula is None:
            return value, None, cell.data_type == "e"
        cached = self.cached_value(ws.title, row, column)
        is_error = isinstance(cached, str) and cached.startswith("#") and cached.endswith(("!", "?", "A"))
        return cached, formula, is_error

    # -- the workbook ----------------------------------------------------------------------
    def read(self) -> ReadResult:
        spec, explicit = self.check_marker()
        if spec is None:
            return self.findings.result(None)
        layout = workbook_layout(spec.key)
        if not self.check_layout(layout):
            return self.findings.result(None)
        meta = self.book[META_SHEET]
        year = self.read_year(meta, layout, spec)
        if year is None:
            return self.findings.result(None)
        report = Report(spec=spec, year=year, agency="", source=self.source)
        report.explicit_format = explicit
        self.read_meta(report, meta, layout)
        self.read_texts(report, layout)
        self.read_tables(report, layout)
        return self.findings.result(report)

    def check_marker(self) -> tuple[FormatSpec | None, bool]:
        marker: dict[str, str] = {}
        if MARKER_SHEET in self.book.sheetnames:
            ws = self.book[MARKER_SHEET]
            for key, value in ws.iter_rows(min_row=1, max_row=20, max_col=2, values_only=True):
                if key is not None:
                    marker[str(key).strip()] = read_text(value)
        where = Location(self.source)
        if MARKER_TAG not in marker:
            self.add("F006", where, reason="no-marker")
            return None, False
        version = marker[MARKER_TAG]
        if not version.isdigit() or int(version) > LAYOUT_VERSION:
            self.add("F006", where, reason="newer", version=version)
            return None, False
        key = marker.get("format", "")
        spec = declared_format(key)
        if spec is None:
            self.add(
                "S007",
                Location(self.source, sheet=MARKER_SHEET, cell="B2"),
                actual=key or "?",
                supported=supported_formats(),
            )
            return None, False
        if marker.get("layout") != workbook_layout(key).fingerprint:
            self.add("F006", where, reason="layout")
            return None, False
        return spec, marker.get("explicit-format") == "yes"

    def check_layout(self, layout: WorkbookLayout) -> bool:
        """Every sheet present and every label where the template put it (S010 otherwise)."""
        expected: list[tuple[str, int, int, str]] = []
        for key, label, _ in META_KEYS:
            expected.append((META_SHEET, layout.meta_rows[key], LABEL_COLUMN, label))
        for key, row in layout.text_rows.items():
            expected.append((TEXT_SHEET, row, LABEL_COLUMN, layout.text_labels[key]))
        for sheet in layout.tables:
            for grid_row in sheet.grid.all_rows:
                for gcell in grid_row:
                    if gcell.text:
                        expected.append((sheet.name, *grid_position(gcell), gcell.text))
        for sheet_name, row, column, text in expected:
            if sheet_name not in self.book.sheetnames:
                self.add(
                    "S010", self.location(sheet_name), expected=f"工作表“{sheet_name}”", actual="（缺少）"
                )
                return False
            found = self.book[sheet_name].cell(row, column).value
            if _squash(found) != _squash(text):
                self.add(
                    "S010",
                    self.location(sheet_name, row, column),
                    expected=text,
                    actual=read_text(found) or "（空）",
                )
                return False
        return True

    # -- 基本信息 ----------------------------------------------------------------------------
    def meta_value(
        self, ws: Worksheet, layout: WorkbookLayout, key: str
    ) -> tuple[Any, Location, LogicalCell]:
        row = layout.meta_rows[key]
        label, label_en = next((zh, en) for k, zh, en in META_KEYS if k == key)
        value, formula, _ = self.raw(ws, row, VALUE_COLUMN)
        location = self.location(META_SHEET, row, VALUE_COLUMN)
        cell = _meta_cell(key, label, label_en)
        if formula is not None and value is None:
            self.add("V004", location, cell, actual=f'"={formula.lstrip("=")}"')
        return value, location, cell

    def read_year(self, ws: Worksheet, layout: WorkbookLayout, spec: FormatSpec) -> int | None:
        value, location, cell = self.meta_value(ws, layout, "year")
        year: int | None = None
        if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
            year = int(value)
        elif isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
            digits = value.strip()
            year = int(digits) if len(digits) <= 4 else 0  # longer text is never converted: no year
        if year is None or not plausible_year(year):
            self.add(
                "S009", location, cell, expected="2021", actual=shown(value) if value is not None else ""
            )
            return None
        if year_without_format(year):
            self.add("S007", location, cell, actual=str(year), supported=supported_formats())
            return None
        mismatch = format_mismatch(year, spec)
        if mismatch is not None:  # a workbook of one format relabelled with another format's year
            self.findings.add_with("S011", location, cell, mismatch)
        return year

    def read_meta(self, report: Report, ws: Worksheet, layout: WorkbookLayout) -> None:
        for key, _, _ in META_KEYS:
            report.locations[key] = self.location(META_SHEET, layout.meta_rows[key], VALUE_COLUMN)
        value, location, cell = self.meta_value(ws, layout, "agency")
        agency = read_text(value)
        if not agency:
            self.add("S002", location, cell, key="agency")
        report.agency = agency
        value, location, cell = self.meta_value(ws, layout, "kind")
        text = read_text(value)
        kind = kind_of(text, KIND_LABELS)
        if kind is not None:
            report.kind = kind
        elif text:
            choices = " | ".join(KIND_LABELS.values())
            self.add("S009", location, cell, expected=choices, actual=shown(value))
        value, _, _ = self.meta_value(ws, layout, "title")
        report.title = read_text(value) or None
        value, location, cell = self.meta_value(ws, layout, "date")
        report.date = self.read_date(value, location, cell)

    def read_date(self, value: Any, location: Location, cell: LogicalCell) -> datetime.date | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            match = _DATE.fullmatch(value.strip())
            if match:
                try:
                    return datetime.date(*(int(part) for part in match.groups()))
                except ValueError:
                    pass
        self.add("S009", location, cell, expected="2022-01-20", actual=shown(value))
        return None

    # -- 正文 ------------------------------------------------------------------------------
    def read_texts(self, report: Report, layout: WorkbookLayout) -> None:
        ws = self.book[TEXT_SHEET]
        empty: dict[str, tuple[Location, LogicalCell]] = {}
        for key, row in layout.text_rows.items():
            location = self.location(TEXT_SHEET, row, VALUE_COLUMN)
            report.locations[f"text.{key}"] = location
            value, formula, _ = self.raw(ws, row, VALUE_COLUMN)
            logical = LogicalCell("", f"text.{key}", None, (TEXT_SHEET, layout.text_labels[key]))
            if formula is not None and value is None:
                self.add("V004", location, logical, actual=f'"={formula.lstrip("=")}"')
                continue
            text = read_text(value)
            if text:
                report.texts[key] = text
            else:
                empty[key] = (location, logical)
        for key in missing_texts(report, set(layout.text_rows) - set(empty)):
            if key in empty:
                self.add("S008", *empty[key], key=key)
        self.hidden_rows(ws, TEXT_SHEET, {row: (VALUE_COLUMN, None) for row in layout.text_rows.values()})

    # -- 表二、表三、表四 ----------------------------------------------------------------------
    def read_tables(self, report: Report, layout: WorkbookLayout) -> None:
        spec = report.spec
        for sheet in layout.tables:
            ws = self.book[sheet.name]
            table = sheet.table
            rows: dict[int, tuple[int, LogicalCell | None]] = {}
            for key, gcell in sheet.values.items():
                row, column = grid_position(gcell)
                location = self.location(sheet.name, row, column)
                record = spec.record(key[0])
                logical = logical_cell(table, record, key[1])
                if row not in rows or column < rows[row][0]:
                    rows[row] = (column, logical_cell(table, record, None))
                value, formula, is_error = self.raw(ws, row, column)
                template = layout.formula(sheet, key)
                if formula is not None and template is not None:
                    if normalize_formula(formula) == normalize_formula(template):
                        report.cells[key] = Cell(0, CellState.ABSENT, location)
                        continue
                kind = (gcell.kind or record.field(key[1]).kind).value
                if formula is not None and value is None and not is_error:
                    self.add("V004", location, logical, actual=f'"={formula.lstrip("=")}"')
                    report.cells[key] = Cell(0, CellState.INVALID, location)
                    continue
                reading = read_number(value, gcell.kind or record.field(key[1]).kind, is_error)
                for finding in reading.findings:
                    self.finding(finding, location, logical, kind)
                if reading.refused:
                    report.cells[key] = Cell(0, CellState.INVALID, location)
                elif reading.value is None:
                    self.add("V003", location, logical, Severity.WARNING, expected="0")
                    report.cells[key] = Cell(0, CellState.BLANK, location)
                else:
                    report.cells[key] = Cell(reading.value, CellState.GIVEN, location)
            self.hidden_rows(ws, sheet.name, rows)
            self.hidden_columns(ws, sheet)

    def hidden_rows(self, ws: Worksheet, sheet: str, rows: dict[int, tuple[int, LogicalCell | None]]) -> None:
        """A V006 warning for each hidden row that holds cells of the report, at its first such cell."""
        for row, (column, logical) in sorted(rows.items()):
            dimension = ws.row_dimensions.get(row)
            if dimension is not None and dimension.hidden:
                self.add(
                    "V006",
                    self.location(sheet, row, column),
                    logical,
                    Severity.WARNING,
                    place_zh=f"第 {row} 行",
                    place_en=f"row {row}",
                )

    def hidden_columns(self, ws: Worksheet, sheet: TableSheet) -> None:
        """A V006 warning for each hidden column that holds cells of the report."""
        hidden: set[int] = set()
        for dimension in ws.column_dimensions.values():
            if dimension.hidden and dimension.min is not None:
                hidden.update(range(dimension.min, (dimension.max or dimension.min) + 1))
        columns = sorted({grid_position(gcell)[1] for gcell in sheet.values.values()} & hidden)
        for column in columns:
            first_row = min(r for r, c in map(grid_position, sheet.values.values()) if c == column)
            letter = column_letter(column)
            self.add(
                "V006",
                self.location(sheet.name, first_row, column),
                None,
                Severity.WARNING,
                place_zh=f"第 {letter} 列",
                place_en=f"column {letter}",
            )
