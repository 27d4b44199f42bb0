"""Reading produced HTML back: a small HTML tree, and tables expanded into grids of positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    def text(self) -> str:
        """The text content, <br> as a newline."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            else:
                parts.append(child.text())
        return "".join(parts)

    def iter(self, tag: str | None = None) -> list[Element]:
        """Every element below (and including) this one, optionally only ``tag``."""
        found: list[Element] = [self] if tag is None or self.tag == tag else []
        for child in self.children:
            if isinstance(child, Element):
                found.extend(child.iter(tag))
        return found

    def find(self, tag: str) -> Element | None:
        """The first element named ``tag`` below this one."""
        for element in self.iter(tag):
            if element is not self:
                return element
        return None


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"unbalanced </{tag}>"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(text: str) -> Element:
    """The element tree of an HTML document (strict about unbalanced end tags)."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return builder.root


@dataclass
class TableGrid:
    """A table with its spans expanded: ``cells[r][c]`` is the element covering that position."""

    element: Element
    head_rows: int
    cells: list[list[Element]]

    @property
    def width(self) -> int:
        return len(self.cells[0])

    def column_headers(self, row: int, col: int) -> list[str]:
        """Texts of the th cells above (row, col) in the same column, top to bottom, once each."""
        seen: list[Element] = []
        for r in range(row):
            cell = self.cells[r][col]
            if cell.tag == "th" and cell not in seen:
                seen.append(cell)
        return [cell.text() for cell in seen]

    def row_labels(self, row: int, col: int) -> list[str]:
        """Texts of the th cells left of (row, col) in the same row, once each."""
        seen: list[Element] = []
        for c in range(col):
            cell = self.cells[row][c]
            if cell.tag == "th" and cell not in seen:
                seen.append(cell)
        return [cell.text() for cell in seen]


def expand(table: Element) -> TableGrid:
    """Lay out the rows of ``table`` (thead then tbody) on a grid, following rowspan and colspan."""
    rows: list[Element] = []
    head_rows = 0
    for section in (c for c in table.children if isinstance(c, Element)):
        if section.tag in ("thead", "tbody", "tfoot"):
            section_rows = [c for c in section.children if isinstance(c, Element) and c.tag == "tr"]
            rows.extend(section_rows)
            if section.tag == "thead":
                head_rows += len(section_rows)
    grid: dict[tuple[int, int], Element] = {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in (x for x in tr.children if isinstance(x, Element) and x.tag in ("th", "td")):
            while (r, c) in grid:
                c += 1
            rowspan = int(cell.attrs.get("rowspan", "1"))
            colspan = int(cell.attrs.get("colspan", "1"))
            for dr in range(rowspan):
                for dc in range(colspan):
                    assert (r + dr, c + dc) not in grid, f"cells overlap at {(r + dr, c + dc)}"
                    grid[(r + dr, c + dc)] = cell
            c += colspan
    height = len(rows)
    assert max(r for r, _ in grid) < height, "a rowspan reaches below the table"
    width = max(c for _, c in grid) + 1
    cells: list[list[Element]] = []
    for r in range(height):
        assert all((r, c) in grid for c in range(width)), f"row {r} does not fill all {width} columns"
        cells.append([grid[(r, c)] for c in range(width)])
    return TableGrid(table, head_rows, cells)


def tables_by_key(document: Element) -> dict[str, TableGrid]:
    """Every report table of the page, by its id without the ``table-`` prefix."""
    return {
        table.attrs["id"].removeprefix("table-"): expand(table)
        for table in document.iter("table")
        if table.attrs.get("id", "").startswith("table-")
    }


def position(grid: TableGrid, cell: Element) -> tuple[int, int]:
    """The top-left grid position of ``cell``."""
    for r, row in enumerate(grid.cells):
        for c, candidate in enumerate(row):
            if candidate is cell:
                return r, c
    raise KeyError(cell.tag)
