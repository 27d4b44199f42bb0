"""What a report document says, in order, independent of the output format.

Every renderer (DOCX, HTML, Markdown) walks :func:`document_parts` and prints each part
in its own way, so the order of the parts, the paragraphs of the narrative (with its placeholders
filled in), the text of every table cell and the closing 落款 are decided once, here.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from ...core.layout import CellRole, Grid, GridCell, grid
from ...core.model import Report
from ...core.placeholders import fill_placeholders
from ...core.values import Number, format_number
from ...spec.types import CellKey, Section

# A second-level heading opening a paragraph: （一）… up to the first full stop, if short.
_SECOND_LEVEL = re.compile(r"[（(][一二三四五六七八九十]+[）)][^。\n]*。?")
_SECOND_LEVEL_MAX = 30  # longer openings are enumerated sentences, not headings

# Column widths, in characters of table type: a number column, and the narrowest and widest
# label column (longer labels wrap; a label over several rows may wrap into them).
_VALUE_CHARS = 4.0
_LABEL_CHARS = (4.0, 12.0)


@dataclass(frozen=True)
class Title:
    """The report title."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A section heading such as 一、总体情况."""

    text: str
    section: Section


@dataclass(frozen=True)
class Paragraph:
    """A narrative paragraph: ``lines`` are separated by line breaks.

    ``lead`` is a second-level heading (（一）…) opening the paragraph, printed in the
    heading type; it is already removed from ``lines``.
    """

    lines: tuple[str, ...]
    lead: str = ""

    @property
    def text(self) -> str:
        """The whole paragraph as plain text, lines joined by newlines."""
        return self.lead + "\n".join(self.lines)


@dataclass(frozen=True)
class TablePart:
    """A section's table, laid out as its printed grid."""

    section: Section
    grid: Grid


@dataclass(frozen=True)
class Signature:
    """The closing 落款: issuing agency and date (None when the data gives none)."""

    agency: str
    date: str | None

    @property
    def right_indents(self) -> tuple[float, float]:
        """How far (in characters) the agency line and the date line stand off the right margin.

        GB/T 9704 for documents without a seal: the agency 2 characters from the right, the
        date one line below starting 2 characters further right than the agency; when the date
        is the longer one, the date sits 2 characters from the right and the agency moves left.
        """
        agency = text_width(self.agency)
        date = text_width(self.date or "")
        if not self.date or agency - date >= 2:
            return 2.0, agency - date
        return 4.0 + date - agency, 2.0


Part = Title | Heading | Paragraph | TablePart | Signature


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """The paragraphs of a narrative text: blank lines separate paragraphs, newlines break lines."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    result: list[Paragraph] = []
    for block in re.split(r"\n[ \t\u3000]*\n", normalized):
        lines = tuple(line.strip() for line in block.split("\n") if line.strip())
        if lines:
            result.append(_with_lead(lines))
    return tuple(result)


def _with_lead(lines: tuple[str, ...]) -> Paragraph:
    match = _SECOND_LEVEL.match(lines[0])
    if match is None or len(match.group(0)) > _SECOND_LEVEL_MAX:
        return Paragraph(lines)
    lead = match.group(0)
    rest = lines[0][len(lead) :]
    return Paragraph(((rest,) if rest else ()) + lines[1:], lead)


def text_width(text: str) -> float:
    """Printed width of ``text`` in full-width characters (Latin letters and digits count half)."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.5 for char in text)


def date_text(date: datetime.date) -> str:
    """A date as official documents print it: 2021年1月20日."""
    return f"{date.year}年{date.month}月{date.day}日"


def cell_text(cell: GridCell, values: Mapping[CellKey, Number]) -> str:
    """The printed text of a grid cell: its label, or its number (blank cells print 0)."""
    if cell.role is not CellRole.VALUE:
        return cell.text
    assert cell.key is not None
    return format_number(values.get(cell.key, 0))


def column_shares(table_grid: Grid) -> tuple[float, ...]:
    """The share of the table width each grid column takes (they add up to 1).

    Number columns share alike; a label column is as wide as its longest label needs, within
    bounds, so table 三's ten columns fit the width of an A4 page.
    """
    value_columns = {cell.col for cell in table_grid.value_cells if cell.colspan == 1}
    needs: list[float] = []
    for col in range(table_grid.columns):
        if col in value_columns:
            needs.append(_VALUE_CHARS)
            continue
        labels = [
            len(cell.text) / cell.rowspan
            for row in table_grid.all_rows
            for cell in row
            if cell.col == col and cell.colspan == 1 and cell.role is CellRole.LABEL
        ]
        low, high = _LABEL_CHARS
        needs.append(min(high, max([low, *labels])))
    total = sum(needs)
    return tuple(need / total for need in needs)


def narrative(report: Report, key: str, values: Mapping[CellKey, Number]) -> str:
    """The text ``key`` as printed: its placeholders replaced by the tables' values (``""`` when absent)."""
    return fill_placeholders(report.texts.get(key, ""), report.spec, values)


def document_parts(report: Report, values: Mapping[CellKey, Number] | None = None) -> tuple[Part, ...]:
    """The parts of the report document in printed order.

    Title, preamble, then for each section its heading, its text and its table, and
    finally the issuing agency and date. The texts' placeholders print the numbers of
    ``values`` (the report's resolved cells, computed when not given).
    """
    if values is None:
        values = report.resolved()
    parts: list[Part] = [Title(report.display_title)]
    parts.extend(paragraphs(narrative(report, "preamble", values)))
    for section in report.spec.sections:
        parts.append(Heading(section.heading, section))
        parts.extend(paragraphs(narrative(report, section.key, values)))
        if section.table is not None:
            parts.append(TablePart(section, grid(section.table)))
    date = date_text(report.date) if report.date is not None else None
    parts.append(Signature(report.agency, date))
    return tuple(parts)
