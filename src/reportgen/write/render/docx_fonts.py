"""Typefaces of a report in DOCX and how a missing one falls back.

Chinese official documents (GB/T 9704) ask for fonts that many computers lack: 方正小标宋简体
for the title, 仿宋_GB2312 for the body, 楷体_GB2312 for second-level headings. The document
names them exactly (``w:eastAsia`` on every style and run, so Word and WPS show them where
they are installed) and declares each in the font table with a common substitute
(``w:altName``) and the GB2312 character set, so a word processor that lacks the font
picks a Chinese face of the same kind instead of a Latin one.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.text.font import Font

LATIN = "Times New Roman"
"""Digits and Latin letters: the usual choice in Chinese official documents."""


@dataclass(frozen=True)
class Face:
    """An East Asian typeface, its substitute and its kind (font table family)."""

    name: str
    substitute: str
    family: str  # "roman" (serif: 宋, 仿宋, 楷) or "swiss" (sans: 黑体)


TITLE = Face("方正小标宋简体", "宋体", "roman")
BODY = Face("仿宋_GB2312", "仿宋", "roman")
HEADING = Face("黑体", "SimHei", "swiss")
SUBHEADING = Face("楷体_GB2312", "楷体", "roman")
TABLE = Face("宋体", "SimSun", "roman")  # as in the official blank template
FACES = (TITLE, BODY, HEADING, SUBHEADING, TABLE)

# Chinese type sizes (字号)
SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_TABLE = Pt(10)  # the official blank template's table text

_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_GB2312_CHARSET = "86"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def set_fonts(rpr: Any, face: Face, latin: str = LATIN) -> None:
    """Name ``face`` for East Asian text and ``latin`` for the rest on a ``w:rPr`` element."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(1 if rpr.find(qn("w:rStyle")) is not None else 0, rfonts)  # schema order
    for attribute in _THEME_ATTRIBUTES:  # a theme font would override the names below
        rfonts.attrib.pop(qn(attribute), None)
    for attribute, value in (
        ("w:ascii", latin),
        ("w:hAnsi", latin),
        ("w:eastAsia", face.name),
        ("w:cs", latin),
        ("w:hint", "eastAsia"),  # shared punctuation such as “” takes the East Asian font
    ):
        rfonts.set(qn(attribute), value)


def apply_face(font: Font, face: Face, size: Length, latin: str = LATIN) -> None:
    """Give a run's or style's font ``face`` (East Asian), ``latin`` (other scripts) and ``size``."""
    font.name = latin  # creates w:rPr/w:rFonts in schema order
    font.size = size
    set_fonts(font.element.find(qn("w:rPr")), face, latin)


def finish_package(data: bytes) -> bytes:
    """The saved document with the faces declared in its font table and fixed file times.

    Fixed times make the output depend on the report only: the same data gives the same bytes.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "word/fontTable.xml":
                blob = _declare_faces(blob)
            target.writestr(zipfile.ZipInfo(info.filename, _FIXED_TIME), blob, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _declare_faces(blob: bytes) -> bytes:
    fonts = parse_xml(blob)
    declared = {font.get(qn("w:name")) for font in fonts.findall(qn("w:font"))}
    for face in FACES:
        if face.name in declared:
            continue
        font = OxmlElement("w:font", {qn("w:name"): face.name})
        for tag, value in (
            ("w:altName", face.substitute),
            ("w:charset", _GB2312_CHARSET),
            ("w:family", face.family),
            ("w:pitch", "variable"),
        ):
            font.append(OxmlElement(tag, {qn("w:val"): value}))
        fonts.append(font)
    return serialize_part_xml(fonts)
