"""The one diagnostic type every check produces, with its location as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value came from: a YAML line and column, or an Excel sheet and cell."""

    file: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    sheet: str | None = None
    cell: str | None = None  # e.g. "C12"

    def __init__(
        self,
        file: str,
        line: int | None = None,
        column: int | None = None,
        sheet: str | None = None,
        cell: str | None = None,
    ) -> None:
        # What the generated __init__ of a frozen dataclass does, through the slot descriptors
        # directly: every cell of a report has a location, and this halves their cost.
        _set_file(self, file)
        _set_line(self, line)
        _set_column(self, column)
        _set_sheet(self, sheet)
        _set_cell(self, cell)

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}!{self.cell}" if self.cell else f"{self.file}:{self.sheet}"
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file

    def place(self) -> str:
        """The location without the file name: ``line:col`` or ``Sheet!C12``."""
        if self.sheet is not None:
            return f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        if self.line is not None:
            return f"{self.line}:{self.column or 1}"
        return ""


_set_file, _set_line, _set_column, _set_sheet, _set_cell = (
    Location.__dict__[name].__set__ for name in ("file", "line", "column", "sheet", "cell")
)


@dataclass(frozen=True, slots=True)
class LogicalCell:
    """A cell of the report as its tables print it: table number, row and column labels."""

    table: str  # "二", "三", "四"; "" for non-table data such as the year
    record: str  # the dotted record id, or a top-level key path such as "text.overview"
    field: str | None = None
    labels: tuple[str, ...] = ()
    labels_en: tuple[str, ...] = ()

    def describe(self, lang: str) -> str:
        """``表三 / 三、本年度办理结果 / （七）总计 / 自然人`` (or its English counterpart)."""
        labels = self.labels_en if lang == "en" else self.labels
        if not self.table:
            return " / ".join(labels) if labels else self.record
        prefix = f"Table {self.table}" if lang == "en" else f"表{self.table}"
        return " / ".join((prefix, *labels))


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding: rule code, severity, where, which logical cell, expected and actual values."""

    code: str
    severity: Severity
    location: Location
    cell: LogicalCell | None = None
    expected: str | None = None
    actual: str | None = None
    params: tuple[tuple[str, str], ...] = ()
    related: tuple[LogicalCell, ...] = field(default=())

    @property
    def file(self) -> str:
        """The file the finding is in."""
        return self.location.file

    def param(self, name: str) -> str:
        """The message parameter ``name`` (empty when absent)."""
        for key, value in self.params:
            if key == name:
                return value
        return ""

    def sort_key(self) -> tuple[str, str, int, int, str]:
        """Order of findings in a report: by file, sheet, place (line/row, column), then code."""
        location = self.location
        if location.sheet is not None:
            row, column = _cell_position(location.cell or "")
            return (location.file, location.sheet, row, column, self.code)
        return (location.file, "", location.line or 0, location.column or 0, self.code)


def _cell_position(reference: str) -> tuple[int, int]:
    """(row, column) numbers of an Excel reference such as ``C12`` ((0, 0) when there is none)."""
    letters = reference.rstrip("0123456789")
    digits = reference[len(letters) :]
    column = 0
    for letter in letters.upper():
        column = column * 26 + (ord(letter) - ord("A") + 1)
    return (int(digits) if digits.isdigit() else 0, column)


class InputError(Exception):
    """A file that cannot be read or parsed at all (exit code 2)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic
