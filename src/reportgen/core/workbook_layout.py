"""Where every part of a report sits in the workbook: sheets, cells and total formulas.

The template writer and the workbook reader both take positions from here, so a value is
read from exactly the cell it was written to. Table sheets are laid out from
``reportgen.core.layout.grid``; a fingerprint of the whole mapping is stored in the hidden marker
sheet and checked when a workbook is read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

from ..spec.registry import FORMATS
from ..spec.types import CellKey, FormatSpec, Section, Table
from .layout import CellRole, Grid, GridCell, grid
from .model import TEXT_KEYS

LAYOUT_VERSION = 1
"""Bumped whenever positions change in a way older readers would misread."""

MARKER_SHEET = "reportgen"
MARKER_TAG = "reportgen-workbook"
META_SHEET = "基本信息"
TEXT_SHEET = "正文"

TITLE_ROW = 1
NOTE_ROW = 2
GRID_TOP = 3
"""Sheet row (1-based) of grid row 0; rows above hold the title and a filling note."""
FIRST_FIELD_ROW = 3
"""First row of the label/value pairs on the information and narrative sheets."""
LABEL_COLUMN = 1
VALUE_COLUMN = 2

META_KEYS: tuple[tuple[str, str, str], ...] = (
    ("year", "报告年度", "report year"),
    ("agency", "机关名称", "agency"),
    ("kind", "报告类型", "kind of report"),
    ("title", "报告标题（可选，默认为“机关名称+年度+政府信息公开工作年度报告”）", "title (optional)"),
    ("date", "落款日期", "date"),
)
"""Report metadata on the information sheet: key, Chinese label, English label."""

KIND_LABELS: dict[str, str] = {"department": "部门报告", "government": "本级政府报告"}
"""How the two kinds of report read in the workbook's drop-down list."""

PREAMBLE_LABEL = "开头（可选，写在“一、总体情况”之前）"
TABLE_TEXT_SUFFIX = "（表前说明文字，可选）"
REQUIRED_SUFFIX = "（必填）"


def column_letter(column: int) -> str:
    """The letters of a 1-based column number (1 → A, 27 → AA)."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_ref(row: int, column: int) -> str:
    """The A1-style reference of a 1-based row and column."""
    return f"{column_letter(column)}{row}"


def grid_position(cell: GridCell) -> tuple[int, int]:
    """The sheet (row, column), 1-based, of a grid cell's top-left corner."""
    return GRID_TOP + cell.row, 1 + cell.col


@dataclass(frozen=True)
class TableSheet:
    """One table's sheet: its name, section, grid and the sheet cell of every value."""

    name: str
    section: Section
    grid: Grid
    values: dict[CellKey, GridCell]

    @property
    def table(self) -> Table:
        """The table laid out on this sheet."""
        return self.grid.table

    def ref(self, key: CellKey) -> str:
        """The A1 reference of a value cell."""
        return cell_ref(*grid_position(self.values[key]))

    @property
    def last_row(self) -> int:
        """The sheet row of the grid's last row."""
        return GRID_TOP + len(self.grid.all_rows) - 1

    @property
    def last_column(self) -> int:
        """The sheet column of the grid's last column."""
        return self.grid.columns


def _text_label(spec: FormatSpec, key: str) -> str:
    if key == "preamble":
        return PREAMBLE_LABEL
    section = next(s for s in spec.sections if s.key == key)
    if section.table is not None:
        return section.heading + TABLE_TEXT_SUFFIX
    return section.heading + (REQUIRED_SUFFIX if section.text_required else "")


@dataclass(frozen=True)
class WorkbookLayout:
    """Every position of one format's workbook."""

    spec: FormatSpec
    tables: tuple[TableSheet, ...]
    meta_rows: dict[str, int]
    text_rows: dict[str, int]
    text_labels: dict[str, str]

    def table_of(self, key: CellKey) -> TableSheet:
        """The sheet holding a value cell."""
        for sheet in self.tables:
            if key in sheet.values:
                return sheet
        raise KeyError(key)

    def formula(self, sheet: TableSheet, key: CellKey) -> str | None:
        """The template formula of a derived cell (a SUM of its parts), None for an input cell."""
        derivation = self.spec.derivations.get(key)
        if derivation is None:
            return None
        parts = derivation.parts
        positions = [grid_position(sheet.values[part]) for part in parts]
        return "=SUM(" + ",".join(_ranges(positions)) + ")"

    @property
    def fingerprint(self) -> str:
        """A short digest of every position and label; stored in the marker, checked on reading."""
        parts: list[str] = [f"v{LAYOUT_VERSION}", self.spec.key]
        parts.extend(f"meta:{key}:{row}" for key, row in self.meta_rows.items())
        parts.extend(f"text:{key}:{row}:{self.text_labels[key]}" for key, row in self.text_rows.items())
        for sheet in self.tables:
            parts.append(f"sheet:{sheet.name}")
            for row in sheet.grid.all_rows:
                for cell in row:
                    parts.append(
                        f"{cell.row},{cell.col},{cell.rowspan},{cell.colspan},{cell.role},{cell.text},{cell.key}"
                    )
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def _ranges(positions: list[tuple[int, int]]) -> list[str]:
    """A1 references of the positions, runs of adjacent cells in one row or column as ranges."""
    out: list[str] = []
    index = 0
    while index < len(positions):
        end = index
        for down, right in ((1, 0), (0, 1)):
            probe = index
            while probe + 1 < len(positions) and positions[probe + 1] == (
                positions[probe][0] + down,
                positions[probe][1] + right,
            ):
                probe += 1
            if probe > index:
                end = probe
                break
        first, last = cell_ref(*positions[index]), cell_ref(*positions[end])
        out.append(first if end == index else f"{first}:{last}")
        index = end + 1
    return out


def table_sheet_name(table: Table) -> str:
    """The sheet name of a table: 表二, 表三, 表四."""
    return f"表{table.number}"


@cache
def workbook_layout(format_key: str) -> WorkbookLayout:
    """The positions of the workbook of a format version."""
    spec = FORMATS[format_key]
    tables: list[TableSheet] = []
    for section in spec.sections:
        if section.table is None:
            continue
        table_grid = grid(section.table)
        values = {
            cell.key: cell
            for row in table_grid.all_rows
            for cell in row
            if cell.role is CellRole.VALUE and cell.key is not None
        }
        tables.append(TableSheet(table_sheet_name(section.table), section, table_grid, values))
    meta_rows = {key: FIRST_FIELD_ROW + index for index, (key, _, _) in enumerate(META_KEYS)}
    text_rows = {key: FIRST_FIELD_ROW + index for index, key in enumerate(TEXT_KEYS)}
    labels = {key: _text_label(spec, key) for key in TEXT_KEYS}
    return WorkbookLayout(spec, tuple(tables), meta_rows, text_rows, labels)


def normalize_formula(text: str) -> str:
    """A formula compared loosely: no spaces, no ``$``, upper case, one leading ``=``."""
    compact = "".join(text.split()).replace("$", "").upper()
    return compact if compact.startswith("=") else "=" + compact
