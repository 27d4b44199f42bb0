"""The context the HTML and Markdown templates receive: the whole report document as plain data.

Templates get one variable, ``report`` (a :class:`DocumentView`). It is built from
:func:`reportgen.render.content.document_parts`, so it holds exactly what the DOCX renderer prints,
in the same order. The README documents every attribute; keep it in step when changing these types.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import __version__
from ...core.model import Report
from .content import Heading, Paragraph, Signature, TablePart, Title, document_parts
from .tableview import TableView, table_view


@dataclass(frozen=True)
class SectionView:
    """One of the six sections: its heading, its paragraphs and its table (if it has one)."""

    key: str
    number: str
    heading: str
    heading_en: str
    paragraphs: tuple[Paragraph, ...]
    table: TableView | None


@dataclass(frozen=True)
class DocumentView:
    """The report document: title, preamble, sections and the closing agency and date."""

    title: str
    agency: str
    year: int
    kind: str  # department | government
    date: str  # ISO date (2022-01-25), "" when the data gives none
    date_text: str  # the printed date (2022年1月25日), "" when the data gives none
    agency_indent: float  # characters between the agency line and the right margin (GB/T 9704)
    date_indent: float  # characters between the date line and the right margin
    format_key: str  # "2019" | "2021"
    format_name: str
    format_basis: str
    preamble: tuple[Paragraph, ...]
    sections: tuple[SectionView, ...]
    generator: str  # "reportgen <version>"


@dataclass
class _OpenSection:
    heading: Heading
    paragraphs: list[Paragraph]
    table: TableView | None = None

    def close(self) -> SectionView:
        section = self.heading.section
        return SectionView(
            section.key,
            section.number,
            self.heading.text,
            section.heading_en,
            tuple(self.paragraphs),
            self.table,
        )


def document_view(report: Report) -> DocumentView:
    """The template context of ``report``: derived totals filled in, blank cells shown as 0."""
    values = report.resolved()
    title = report.display_title
    preamble: list[Paragraph] = []
    sections: list[SectionView] = []
    current: _OpenSection | None = None
    signature = Signature(report.agency, None)
    for part in document_parts(report, values):
        if isinstance(part, Title):
            title = part.text
        elif isinstance(part, Heading):
            if current is not None:
                sections.append(current.close())
            current = _OpenSection(part, [])
        elif isinstance(part, Paragraph):
            (current.paragraphs if current is not None else preamble).append(part)
        elif isinstance(part, TablePart):
            assert current is not None
            current.table = table_view(part.grid, values)
        elif isinstance(part, Signature):
            signature = part
    if current is not None:
        sections.append(current.close())
    return DocumentView(
        title=title,
        agency=signature.agency,
        year=report.year,
        kind=report.kind,
        date=report.date.isoformat() if report.date else "",
        date_text=signature.date or "",
        agency_indent=signature.right_indents[0],
        date_indent=signature.right_indents[1],
        format_key=report.spec.key,
        format_name=report.spec.name,
        format_basis=report.spec.basis,
        preamble=tuple(preamble),
        sections=tuple(sections),
        generator=f"reportgen {__version__}",
    )
