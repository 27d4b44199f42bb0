"""A report table in DOCX, laid out from its printed grid (:mod:`reportgen.core.layout`).

Every grid cell becomes one merged DOCX cell over exactly its rows and columns, so the
merged headers and labels are those of the format definitions. Rows never split across
pages; the header rows repeat on every page the table runs onto.
"""

from __future__ import annotations

from collections.abc import Mapping

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Twips
from docx.table import Table, _Cell

from ...core.layout import CellRole, Grid, GridCell
from ...core.values import Number
from ...spec.types import CellKey, MatrixTable
from . import docx_fonts as fonts
from .content import cell_text, column_shares
from .docx_styles import TABLE_STYLE, TEXT_WIDTH

_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
_CELL_MARGIN = 57  # twips: 1 mm left and right, so narrow number columns keep their width
_MIN_ROW_HEIGHT = 340  # twips: 6 mm, as in the official blank template
_KEEP_ROWS = 8  # a label over at most this many rows keeps them on one page (（三）不予公开 has 8)


def add_table(document: Document, table_grid: Grid, values: Mapping[CellKey, Number]) -> Table:
    """Append the table of ``table_grid`` filled with ``values`` to ``document``."""
    table: Table = document.add_table(rows=len(table_grid.all_rows), cols=table_grid.columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _widths(table_grid)
    _table_properties(table._tbl, sum(widths))
    for col, width in enumerate(widths):
        table.columns[col].width = Twips(width)
    cells = [cell for row in table_grid.all_rows for cell in row]
    # Look every position up once: Table.cell() walks the whole table on each call.
    positions = [row.cells for row in table.rows]
    for cell in cells:
        if cell.rowspan > 1 or cell.colspan > 1:
            last = positions[cell.row + cell.rowspan - 1][cell.col + cell.colspan - 1]
            positions[cell.row][cell.col].merge(last)  # the top-left w:tc becomes the merged cell
    style_id = document.styles[TABLE_STYLE].style_id
    left_labels = isinstance(table_grid.table, MatrixTable)
    for cell in cells:
        _fill(positions[cell.row][cell.col], style_id, cell, cell_text(cell, values), left_labels)
    _cell_widths(table._tbl, widths)
    _row_properties(table, table_grid)
    return table


def _widths(table_grid: Grid) -> list[int]:
    """Column widths in twips filling the text width exactly."""
    total = int(TEXT_WIDTH.twips)
    widths = [int(share * total) for share in column_shares(table_grid)]
    widths[widths.index(max(widths))] += total - sum(widths)
    return widths


def _table_properties(tbl: CT_Tbl, width: int) -> None:
    tbl_pr = tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(tbl_w, "w:jc", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblLook")
    tbl_w.set(qn("w:w"), str(width))
    tbl_w.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for side in _BORDER_SIDES:
        attributes = {qn("w:val"): "single", qn("w:sz"): "4", qn("w:space"): "0", qn("w:color"): "auto"}
        borders.append(OxmlElement(f"w:{side}", attributes))
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(OxmlElement(f"w:{side}", {qn("w:w"): str(_CELL_MARGIN), qn("w:type"): "dxa"}))
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _fill(target: _Cell, style_id: str, cell: GridCell, text: str, left_labels: bool) -> None:
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = target.paragraphs[0]
    paragraph._p.style = style_id  # by id: assigning by name searches all styles each time
    left = cell.role in (CellRole.CORNER, CellRole.CAPTION) or (left_labels and cell.role is CellRole.LABEL)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    fonts.apply_face(run.font, fonts.TABLE, fonts.SIZE_TABLE)


def _cell_widths(tbl: CT_Tbl, widths: list[int]) -> None:
    """Give every ``w:tc`` (merged ones included) the width of the grid columns it covers."""
    for tr in tbl.tr_lst:
        col = 0
        for tc in tr.tc_lst:
            tc.width = Twips(sum(widths[col : col + tc.grid_span]))
            col += tc.grid_span


def _row_properties(table: Table, table_grid: Grid) -> None:
    header_rows = len(table_grid.header_rows)
    kept = _kept_with_next(table_grid)
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        tr_pr.append(OxmlElement("w:trHeight", {qn("w:val"): str(_MIN_ROW_HEIGHT), qn("w:hRule"): "atLeast"}))
        if index < header_rows:
            tr_pr.append(OxmlElement("w:tblHeader"))
        if index in kept:
            for tc in row._tr.tc_lst:  # every paragraph, continued merged cells included
                for p in tc.p_lst:
                    p.get_or_add_pPr().keepNext_val = True


def _kept_with_next(table_grid: Grid) -> set[int]:
    """Rows that stay on the page of the row below them.

    Header rows stay with the first body row, the rows under a label of a few rows stay
    together, and the rows of a captioned block (table 二) stay together.
    """
    rows = table_grid.all_rows
    kept = set(range(len(table_grid.header_rows)))
    for cell in (cell for row in rows for cell in row):
        if 1 < cell.rowspan <= _KEEP_ROWS:
            kept.update(range(cell.row, cell.row + cell.rowspan - 1))
    if any(cell.role is CellRole.CAPTION for row in rows for cell in row):
        kept.update(
            index
            for index in range(len(rows) - 1)
            if not any(cell.role is CellRole.CAPTION for cell in rows[index + 1])
        )
    return kept
