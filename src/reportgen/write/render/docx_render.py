"""The report as a Word document (DOCX) in the format of Chinese official documents.

Imported only when a DOCX is built: python-docx is not loaded by ``reportgen validate``.
"""

from __future__ import annotations

import datetime
import io
import re

import docx
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.shared import Length, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from ...core.model import Report
from . import docx_fonts as fonts
from . import docx_styles as styles
from .content import Heading, Paragraph, Signature, TablePart, Title, document_parts
from .docx_table import add_table

# Characters XML 1.0 cannot hold; python-docx would refuse them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_docx(report: Report) -> bytes:
    """The report as the bytes of a DOCX file."""
    document = docx.Document()
    styles.set_up(document)
    _properties(document, report)
    values = report.resolved()
    for part in document_parts(report, values):
        if isinstance(part, Title):
            _text(document.add_paragraph(style=styles.TITLE_STYLE), part.text, fonts.TITLE, fonts.SIZE_2)
        elif isinstance(part, Heading):
            _text(document.add_paragraph(style=styles.HEADING_STYLE), part.text, fonts.HEADING, fonts.SIZE_3)
        elif isinstance(part, Paragraph):
            _paragraph(document, part)
        elif isinstance(part, TablePart):
            add_table(document, part.grid, values)
        elif isinstance(part, Signature):
            _signature(document, part)
    out = io.BytesIO()
    document.save(out)
    return fonts.finish_package(out.getvalue())


def _properties(document: Document, report: Report) -> None:
    properties = document.core_properties
    properties.title = report.display_title
    properties.subject = "政府信息公开工作年度报告"
    properties.author = report.agency
    properties.last_modified_by = report.agency
    properties.comments = ""
    properties.language = "zh-CN"
    if report.date is not None:
        moment = datetime.datetime.combine(report.date, datetime.time(), datetime.UTC)
        properties.created = moment
        properties.modified = moment


def _paragraph(document: Document, part: Paragraph) -> None:
    if part.lead and not part.lines:  # a second-level heading on its own line
        paragraph = document.add_paragraph(style=styles.SUBHEADING_STYLE)
        _text(paragraph, part.lead, fonts.SUBHEADING, fonts.SIZE_3)
        return
    paragraph = document.add_paragraph()
    if part.lead:
        run = paragraph.add_run(_clean(part.lead), style=styles.SUBHEADING_CHAR_STYLE)
        fonts.apply_face(run.font, fonts.SUBHEADING, fonts.SIZE_3)
    for index, line in enumerate(part.lines):
        run = paragraph.add_run(_clean(line))
        if index < len(part.lines) - 1:
            run.add_break(WD_BREAK.LINE)
        fonts.apply_face(run.font, fonts.BODY, fonts.SIZE_3)


def _signature(document: Document, part: Signature) -> None:
    agency_indent, date_indent = part.right_indents
    lines = [(part.agency, agency_indent)]
    if part.date is not None:
        lines.append((part.date, date_indent))
    for index, (text, indent) in enumerate(lines):
        paragraph = document.add_paragraph(style=styles.SIGNATURE_STYLE)
        paragraph.paragraph_format.right_indent = Pt(fonts.SIZE_3.pt * indent)
        paragraph.paragraph_format.keep_with_next = index < len(lines) - 1
        if index == 0:
            paragraph.paragraph_format.space_before = styles.LINE  # one empty line above
        _text(paragraph, text, fonts.BODY, fonts.SIZE_3)


def _text(paragraph: DocxParagraph, text: str, face: fonts.Face, size: Length) -> None:
    run = paragraph.add_run(_clean(text))
    fonts.apply_face(run.font, face, size)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
