"""Page, paragraph styles and page numbers of a report in DOCX, after GB/T 9704 (党政机关公文格式).

A4 with the standard type area (156 × 225 mm: top 37, bottom 35, left 28, right 26 mm),
22 lines of 三号 type per page, title in 二号 小标宋, body in 仿宋, first-level headings in
黑体, second-level headings in 楷体, page numbers in 四号 宋体 between dashes.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Length, Mm, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from . import docx_fonts as fonts

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
TEXT_WIDTH = Mm(156)
LINE = Twips(579)  # 28.95 pt: 22 lines fill the 225 mm type area
TITLE_LINE = Pt(36)

TITLE_STYLE = "Report Title"
HEADING_STYLE = "Report Heading 1"
SUBHEADING_STYLE = "Report Heading 2"
SUBHEADING_CHAR_STYLE = "Report Heading 2 Char"
TABLE_STYLE = "Report Table Text"
SIGNATURE_STYLE = "Report Signature"
PAGE_NUMBER_STYLE = "Report Page Number"


def set_up(document: Document) -> None:
    """Give a new document the page, default type, styles and page numbers of a report."""
    section = document.sections[0]
    _page(section)
    _defaults(document)
    _styles(document)
    _page_numbers(document, section)


def _page(section: Section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]
    section.header_distance = Mm(15)
    section.footer_distance = Mm(22)  # the dashes of the page number 7 mm below the type area


def _defaults(document: Document) -> None:
    styles = document.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is not None:
        fonts.set_fonts(rpr, fonts.BODY)
        lang = rpr.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:eastAsia"), "zh-CN")
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _styles(document: Document) -> None:
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _format(normal, fonts.BODY, fonts.SIZE_3, WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
    normal.paragraph_format.widow_control = True
    _add(document, TITLE_STYLE, fonts.TITLE, fonts.SIZE_2, WD_ALIGN_PARAGRAPH.CENTER, line=TITLE_LINE)
    document.styles[TITLE_STYLE].paragraph_format.space_after = LINE  # one empty line below
    for name, face, level in ((HEADING_STYLE, fonts.HEADING, 0), (SUBHEADING_STYLE, fonts.SUBHEADING, 1)):
        style = _add(document, name, face, fonts.SIZE_3, WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
        style.paragraph_format.keep_with_next = True
        style.element.get_or_add_pPr().append(OxmlElement("w:outlineLvl", {qn("w:val"): str(level)}))
    char_style = document.styles.add_style(SUBHEADING_CHAR_STYLE, WD_STYLE_TYPE.CHARACTER)
    fonts.apply_face(char_style.font, fonts.SUBHEADING, fonts.SIZE_3)
    table = _add(document, TABLE_STYLE, fonts.TABLE, fonts.SIZE_TABLE, WD_ALIGN_PARAGRAPH.CENTER, line=None)
    table.paragraph_format.widow_control = False
    _add(document, SIGNATURE_STYLE, fonts.BODY, fonts.SIZE_3, WD_ALIGN_PARAGRAPH.RIGHT)
    _add(document, PAGE_NUMBER_STYLE, fonts.TABLE, fonts.SIZE_4, WD_ALIGN_PARAGRAPH.CENTER, line=None)


def _add(
    document: Document,
    name: str,
    face: fonts.Face,
    size: Length,
    align: WD_ALIGN_PARAGRAPH,
    *,
    indent: bool = False,
    line: Length | None = LINE,
) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    _format(style, face, size, align, indent=indent, line=line)
    return style


def _format(
    style: ParagraphStyle,
    face: fonts.Face,
    size: Length,
    align: WD_ALIGN_PARAGRAPH,
    *,
    indent: bool = False,
    line: Length | None = LINE,
) -> None:
    fonts.apply_face(style.font, face, size)
    style.font.bold = False
    paragraph = style.paragraph_format
    paragraph.alignment = align
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(0)
    if line is None:
        paragraph.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph.line_spacing = line
    set_first_line_indent(style.element, 2 if indent else 0, size)


def set_first_line_indent(element: Any, chars: int, size: Length) -> None:
    """Indent the first line by ``chars`` characters of ``size`` (``w:firstLineChars`` and twips)."""
    ppr = element.get_or_add_pPr()
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:firstLine"), str(round(size.twips * chars)))
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def _page_numbers(document: Document, section: Section) -> None:
    """GB/T 9704 7.5: odd page numbers on the right, even ones on the left, each one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.style = PAGE_NUMBER_STYLE
        paragraph.alignment = align
        if align is WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = fonts.SIZE_4
        else:
            paragraph.paragraph_format.left_indent = fonts.SIZE_4
        paragraph.add_run("— ")
        _field(paragraph, "PAGE")
        paragraph.add_run(" —")
        for run in paragraph.runs:
            fonts.apply_face(run.font, fonts.TABLE, fonts.SIZE_4, latin=fonts.TABLE.name)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """Append a field (begin, instruction, separator, placeholder result, end) as runs."""
    paragraph.add_run().element.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"}))
    code = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    code.text = f" {instruction} "
    paragraph.add_run().element.append(code)
    paragraph.add_run().element.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"}))
    paragraph.add_run("1")
    paragraph.add_run().element.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))
