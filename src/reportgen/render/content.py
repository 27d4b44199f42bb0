"""What a report document says, in order, independent of the output format.

Every renderer (DOCX, HTML, Markdown) walks :func:`document_parts` and prints each part
in its own way, so the order of the parts, the paragraphs of the narrative, the text of
every table cell and the closing 落款 are decided once, here.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..layout import CellRole, Grid, GridCell, grid
from ..model import CellKey, Report
from ..spec.types import Section
from ..values import Number, format_number

# A second-level heading opening a paragraph: （一）… up to the first full stop, if short.
_SECOND_LEVEL = re.compile(r"[（(][一二三四五六七八九十]+[）)][^。\n]*。?")
_SECOND_LEVEL_MAX = 30  # longer openings are enumerated sentences, not headings


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


def date_text(date: datetime.date) -> str:
    """A date as official documents print it: 2021年1月20日."""
    return f"{date.year}年{date.month}月{date.day}日"


def cell_text(cell: GridCell, values: Mapping[CellKey, Number]) -> str:
    """The printed text of a grid cell: its label, or its number (blank cells print 0)."""
    if cell.role is not CellRole.VALUE:
        return cell.text
    assert cell.key is not None
    return format_number(values.get(cell.key, 0))


def document_parts(report: Report) -> tuple[Part, ...]:
    """The parts of the report document in printed order.

    Title, preamble, then for each section its heading, its text and its table, and
    finally the issuing agency and date.
    """
    parts: list[Part] = [Title(report.display_title)]
    parts.extend(paragraphs(report.texts.get("preamble", "")))
    for section in report.spec.sections:
        parts.append(Heading(section.heading, section))
        parts.extend(paragraphs(report.texts.get(section.key, "")))
        if section.table is not None:
            parts.append(TablePart(section, grid(section.table)))
    date = date_text(report.date) if report.date is not None else None
    parts.append(Signature(report.agency, date))
    return tuple(parts)
