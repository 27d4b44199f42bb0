"""The printed grid of each table (cells, positions, merges), derived from the format definitions.

Every renderer (DOCX, HTML, Markdown) and the Excel template lays tables out from this
grid, so merged headers and labels are defined once, by the format definitions.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..spec.types import (
    BlockTable,
    CellKey,
    HeaderNode,
    MatrixTable,
    RowNode,
    SingleRowTable,
    Table,
    ValueKind,
)


class CellRole(StrEnum):
    """What a grid cell shows."""

    CORNER = "corner"  # the note in table 三's top-left corner
    CAPTION = "caption"  # a block caption of table 二 (第二十条第（一）项)
    HEADER = "header"  # a column header
    LABEL = "label"  # a row label
    VALUE = "value"  # a number


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell of the printed grid at (row, col), spanning rowspan × colspan grid positions."""

    row: int
    col: int
    text: str
    role: CellRole
    rowspan: int = 1
    colspan: int = 1
    key: CellKey | None = None  # for values: (record id, field key)
    kind: ValueKind | None = None  # for values
    derived: bool = False  # for values: a total the tool can compute

    @property
    def is_header(self) -> bool:
        """Whether the cell belongs to the header (caption, corner or column header)."""
        return self.role in (CellRole.CORNER, CellRole.CAPTION, CellRole.HEADER)


@dataclass(frozen=True)
class Grid:
    """A table's printed layout: ``header_rows`` repeat on every page, ``rows`` hold the data."""

    table: Table
    columns: int
    header_rows: tuple[tuple[GridCell, ...], ...]
    rows: tuple[tuple[GridCell, ...], ...]

    @property
    def all_rows(self) -> tuple[tuple[GridCell, ...], ...]:
        """Header rows then body rows; each row lists only the cells that start in it."""
        return self.header_rows + self.rows

    @property
    def value_cells(self) -> tuple[GridCell, ...]:
        """Every value cell in reading order."""
        return tuple(cell for row in self.all_rows for cell in row if cell.role is CellRole.VALUE)


def _depth(nodes: tuple[HeaderNode, ...] | tuple[RowNode, ...]) -> int:
    return max((1 + _depth(node.children) if node.children else 1) for node in nodes)


def _leaves(node: HeaderNode | RowNode) -> int:
    return sum(_leaves(child) for child in node.children) if node.children else 1


def _header_cells(
    nodes: tuple[HeaderNode, ...], depth: int, total_depth: int, col: int, out: list[list[GridCell]]
) -> list[HeaderNode]:
    """Place header nodes from ``col`` on; returns the leaves in order."""
    leaves: list[HeaderNode] = []
    for node in nodes:
        if node.children:
            span = _leaves(node)
            out[depth].append(GridCell(depth, col, node.label, CellRole.HEADER, colspan=span))
            leaves.extend(_header_cells(node.children, depth + 1, total_depth, col, out))
            col += span
        else:
            out[depth].append(GridCell(depth, col, node.label, CellRole.HEADER, rowspan=total_depth - depth))
            leaves.append(node)
            col += 1
    return leaves


def _value(table: Table, row: int, col: int, record_id: str, field_key: str) -> GridCell:
    record = next(r for r in table.records if r.id == record_id)
    fld = record.field(field_key)
    derived = fld.derived or record.derived
    return GridCell(row, col, "", CellRole.VALUE, key=(record_id, field_key), kind=fld.kind, derived=derived)


def _matrix(table: MatrixTable) -> Grid:
    label_width = _depth(table.rows)
    header_depth = _depth(table.columns)
    header: list[list[GridCell]] = [[] for _ in range(header_depth)]
    header[0].append(
        GridCell(0, 0, table.corner, CellRole.CORNER, rowspan=header_depth, colspan=label_width)
    )
    leaves = _header_cells(table.columns, 0, header_depth, label_width, header)
    body: list[list[GridCell]] = []

    def place(nodes: tuple[RowNode, ...], depth: int) -> None:
        for node in nodes:
            row = header_depth + len(body)
            if node.children:
                first = len(body)
                # the label cell starts in the row of the first leaf below it
                place_label = GridCell(row, depth, node.label, CellRole.LABEL, rowspan=_leaves(node))
                pending.append((first, place_label))
                place(node.children, depth + 1)
            else:
                assert node.record is not None
                cells = [GridCell(row, depth, node.label, CellRole.LABEL, colspan=label_width - depth)]
                cells.extend(
                    _value(table, row, label_width + i, node.record, leaf.field or "")
                    for i, leaf in enumerate(leaves)
                )
                body.append(cells)

    pending: list[tuple[int, GridCell]] = []
    place(table.rows, 0)
    for index, cell in pending:
        body[index].insert(0, cell)
    for cells in body:
        cells.sort(key=lambda cell: cell.col)
    return Grid(
        table, label_width + len(leaves), tuple(map(tuple, header)), tuple(tuple(row) for row in body)
    )


def _single_row(table: SingleRowTable) -> Grid:
    depth = _depth(table.columns)
    header: list[list[GridCell]] = [[] for _ in range(depth)]
    leaves = _header_cells(table.columns, 0, depth, 0, header)
    row = tuple(
        _value(table, depth, col, leaf.record or "", leaf.field or "") for col, leaf in enumerate(leaves)
    )
    return Grid(table, len(leaves), tuple(map(tuple, header)), (row,))


def _spans(count: int, width: int) -> list[int]:
    """Column spans of ``count`` cells filling ``width`` columns: the last one takes the rest."""
    return [1] * (count - 1) + [width - (count - 1)]


def _blocks(table: BlockTable) -> Grid:
    rows: list[tuple[GridCell, ...]] = []
    width = table.grid_columns
    for block in table.blocks:
        r = len(rows)
        rows.append((GridCell(r, 0, block.caption, CellRole.CAPTION, colspan=width),))
        spans = _spans(len(block.fields), width - table.label_span)
        header = [GridCell(r + 1, 0, table.row_header, CellRole.HEADER, colspan=table.label_span)]
        col = table.label_span
        for fld, span in zip(block.fields, spans, strict=True):
            header.append(GridCell(r + 1, col, fld.label, CellRole.HEADER, colspan=span))
            col += span
        rows.append(tuple(header))
        for record in block.records:
            r = len(rows)
            cells = [GridCell(r, 0, record.labels[-1], CellRole.LABEL, colspan=table.label_span)]
            col = table.label_span
            for fld, span in zip(block.fields, spans, strict=True):
                key = (record.id, fld.key)
                cells.append(GridCell(r, col, "", CellRole.VALUE, colspan=span, key=key, kind=fld.kind))
                col += span
            rows.append(tuple(cells))
    return Grid(table, width, (), tuple(rows))


def grid(table: Table) -> Grid:
    """The printed grid of ``table``."""
    if isinstance(table, MatrixTable):
        return _matrix(table)
    if isinstance(table, SingleRowTable):
        return _single_row(table)
    return _blocks(table)
