"""Tables for the templates: the printed grid with its numbers, as HTML cells and as flat tables.

Both views are derived from :func:`reportgen.core.layout.grid` only, so every label, merged header and
note comes from the format definitions:

- the HTML view keeps the grid (row and column spans) and adds what accessible tables need:
  ``th`` with ``scope`` for headers and labels, an ``id`` on each of them and a ``headers`` list on
  each value cell naming every header and label that applies to it;
- the flat view serves formats without merged cells (Markdown): one header row whose labels join
  the merged headers above each column with " / ", and one label column joining the row labels.
  Table 二's blocks, whose columns differ, become one flat table each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...core.layout import CellRole, Grid, GridCell
from ...core.values import Number
from ...spec.types import CellKey
from .content import cell_text, column_shares

PATH_SEPARATOR = " / "


@dataclass(frozen=True)
class HtmlCell:
    """One cell of a table as HTML prints it."""

    tag: str  # "th" or "td"
    text: str
    role: str  # corner, caption, header, label, value
    rowspan: int
    colspan: int
    scope: str  # col, colgroup, row, rowgroup; "" for td
    id: str  # set on th cells
    headers: str  # value cells: space-separated ids of the headers and labels that apply
    record: str  # value cells: the record id (dotted YAML path)
    field: str  # value cells: the field key
    kind: str  # value cells: count, signed, amount
    derived: bool  # value cells: a total the tool can compute
    classes: str  # CSS classes


@dataclass(frozen=True)
class HtmlRow:
    """A table row: only the cells that start in it."""

    cells: tuple[HtmlCell, ...]


@dataclass(frozen=True)
class HtmlBody:
    """A ``tbody``: table 二 has one per block, the other tables one."""

    rows: tuple[HtmlRow, ...]


@dataclass(frozen=True)
class FlatTable:
    """A table without merged cells: ``header`` names every column, ``rows`` hold texts."""

    caption: str  # the block caption (table 二), else ""
    header: tuple[str, ...]
    numeric: tuple[bool, ...]  # per column: whether it holds numbers
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class TableView:
    """A report table ready for a template."""

    key: str
    number: str
    title: str
    title_en: str
    columns: int
    label_columns: int
    column_widths: tuple[float, ...]  # per grid column, percent of the table width (as in the DOCX)
    head: tuple[HtmlRow, ...]
    bodies: tuple[HtmlBody, ...]
    flat: tuple[FlatTable, ...]


@dataclass(frozen=True)
class _Segment:
    """Rows sharing column headers: the table head plus its body, or one block of table 二."""

    caption: GridCell | None
    header_rows: tuple[tuple[GridCell, ...], ...]
    rows: tuple[tuple[GridCell, ...], ...]


def _covers_col(cell: GridCell, col: int) -> bool:
    return cell.col <= col < cell.col + cell.colspan


def _covers_row(cell: GridCell, row: int) -> bool:
    return cell.row <= row < cell.row + cell.rowspan


def _has_values(row: tuple[GridCell, ...]) -> bool:
    return any(cell.role is CellRole.VALUE for cell in row)


def _segments(layout: Grid) -> tuple[_Segment, ...]:
    """Split the grid where a caption row (table 二) starts a new block."""
    segments: list[_Segment] = []
    caption: GridCell | None = None
    headers: list[tuple[GridCell, ...]] = list(layout.header_rows)
    rows: list[tuple[GridCell, ...]] = []
    for row in layout.rows:
        captions = [cell for cell in row if cell.role is CellRole.CAPTION]
        if captions:
            if rows or headers or caption:
                segments.append(_Segment(caption, tuple(headers), tuple(rows)))
            caption, headers, rows = captions[0], [], []
        elif _has_values(row):
            rows.append(row)
        else:
            headers.append(row)
    segments.append(_Segment(caption, tuple(headers), tuple(rows)))
    return tuple(segments)


def _cell_id(key: str, cell: GridCell) -> str:
    return f"{key}-r{cell.row}c{cell.col}"


def _is_group(cell: GridCell, others: list[GridCell]) -> bool:
    """Whether other header (label) cells sit below (right of) ``cell`` inside its span."""
    if cell.role is CellRole.LABEL:
        return any(o.col > cell.col and _covers_row(cell, o.row) for o in others if o is not cell)
    return any(o.row > cell.row and _covers_col(cell, o.col) for o in others if o is not cell)


def _scope(cell: GridCell, headers: list[GridCell], labels: list[GridCell]) -> str:
    if cell.role is CellRole.CAPTION:
        return "colgroup"
    if cell.role is CellRole.HEADER:
        return "colgroup" if _is_group(cell, headers) else "col"
    if cell.role is CellRole.LABEL:
        return "rowgroup" if _is_group(cell, labels) else "row"
    return ""


def _html_cell(
    key: str,
    cell: GridCell,
    values: Mapping[CellKey, Number],
    headers: list[GridCell],
    labels: list[GridCell],
) -> HtmlCell:
    role = cell.role
    if role is CellRole.VALUE:
        assert cell.key is not None
        applying = [h for h in headers if _covers_col(h, cell.col) and h.row < cell.row]
        applying += [label for label in labels if _covers_row(label, cell.row) and label.col < cell.col]
        applying.sort(key=lambda h: (h.row, h.col))
        classes = ["value", *(["derived"] if cell.derived else [])]
        return HtmlCell(
            "td",
            cell_text(cell, values),
            role.value,
            cell.rowspan,
            cell.colspan,
            "",
            "",
            " ".join(_cell_id(key, h) for h in applying),
            cell.key[0],
            cell.key[1],
            cell.kind.value if cell.kind else "",
            cell.derived,
            " ".join(classes),
        )
    scope = _scope(cell, headers, labels)
    tag = "td" if role is CellRole.CORNER else "th"
    return HtmlCell(
        tag,
        cell.text,
        role.value,
        cell.rowspan,
        cell.colspan,
        scope if tag == "th" else "",
        _cell_id(key, cell) if tag == "th" else "",
        "",
        "",
        "",
        "",
        False,
        f"{role.value} {scope}".strip(),
    )


def _html(
    key: str, segments: tuple[_Segment, ...], values: Mapping[CellKey, Number], head_count: int
) -> tuple[tuple[HtmlRow, ...], tuple[HtmlBody, ...]]:
    head: list[HtmlRow] = []
    bodies: list[HtmlBody] = []
    for index, segment in enumerate(segments):
        column_cells = [c for row in segment.header_rows for c in row]
        column_cells += [segment.caption] if segment.caption else []
        labels = [c for row in segment.rows for c in row if c.role is CellRole.LABEL]
        headers = [c for c in column_cells if c.role in (CellRole.HEADER, CellRole.CAPTION)]
        own_head = segment.header_rows[:head_count] if index == 0 else ()
        body_rows: list[tuple[GridCell, ...]] = [(segment.caption,)] if segment.caption else []
        body_rows += [*segment.header_rows[len(own_head) :], *segment.rows]
        head.extend(HtmlRow(tuple(_html_cell(key, c, values, headers, labels) for c in r)) for r in own_head)
        body = tuple(
            HtmlRow(tuple(_html_cell(key, c, values, headers, labels) for c in r)) for r in body_rows
        )
        bodies.append(HtmlBody(body))
    return tuple(head), tuple(bodies)


def _path(cells: list[GridCell]) -> str:
    texts: list[str] = []
    for cell in cells:
        if cell.text and cell.text not in texts:
            texts.append(cell.text)
    return PATH_SEPARATOR.join(texts)


def _flat(segment: _Segment, values: Mapping[CellKey, Number]) -> FlatTable:
    heads = [c for row in segment.header_rows for c in row]
    value_cols = sorted({c.col for row in segment.rows for c in row if c.role is CellRole.VALUE})
    has_labels = any(c.role is CellRole.LABEL for row in segment.rows for c in row)
    header: list[str] = []
    numeric: list[bool] = []
    if has_labels:
        first_value = value_cols[0] if value_cols else 0
        label_heads = [c for c in heads if c.col < first_value]
        header.append(_path(label_heads))
        numeric.append(False)
    for col in value_cols:
        header.append(_path([c for c in heads if _covers_col(c, col)]))
        numeric.append(True)
    labels = [c for row in segment.rows for c in row if c.role is CellRole.LABEL]
    rows: list[tuple[str, ...]] = []
    for row in segment.rows:
        number = row[0].row
        texts: list[str] = []
        if has_labels:
            texts.append(_path(sorted((c for c in labels if _covers_row(c, number)), key=lambda c: c.col)))
        by_col = {c.col: c for c in row if c.role is CellRole.VALUE}
        texts.extend(cell_text(by_col[col], values) if col in by_col else "" for col in value_cols)
        rows.append(tuple(texts))
    caption = segment.caption.text if segment.caption else ""
    return FlatTable(caption, tuple(header), tuple(numeric), tuple(rows))


def table_view(layout: Grid, values: Mapping[CellKey, Number]) -> TableView:
    """The HTML and flat views of a table's grid, with ``values`` (resolved numbers) filled in."""
    table = layout.table
    segments = _segments(layout)
    head, bodies = _html(table.key, segments, values, len(layout.header_rows))
    label_columns = min((c.col for row in layout.rows for c in row if c.role is CellRole.VALUE), default=0)
    return TableView(
        key=table.key,
        number=table.number,
        title=table.title,
        title_en=table.title_en,
        columns=layout.columns,
        label_columns=label_columns,
        column_widths=tuple(round(share * 100, 2) for share in column_shares(layout)),
        head=head,
        bodies=bodies,
        flat=tuple(_flat(segment, values) for segment in segments),
    )
