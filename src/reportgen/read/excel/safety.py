"""Checking a workbook file before any parser sees it: type, encryption, macros, sizes, XML.

Everything here works on the raw bytes with the standard library, so old binary files,
password-protected files, corrupt archives and zip bombs are refused with a clear finding
before openpyxl is asked to parse anything.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from ...core.diagnostics import Diagnostic, InputError, Location, Severity
from ..yaml_text import read_bytes

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest workbook file accepted; a filled template is about 20 KB."""
MAX_MEMBER_BYTES = 16 * 1024 * 1024
"""Largest uncompressed part of a workbook (one sheet's XML, say)."""
MAX_TOTAL_BYTES = 64 * 1024 * 1024
"""Largest uncompressed size of all parts together."""
MAX_MEMBERS = 2000
"""Most parts a workbook may have."""
_XML_HEAD = 4096
"""Bytes of each XML part scanned for a DTD (it must come before the root element)."""

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File Binary: Excel 97-2003 .xls, WPS .et, and password-protected OOXML files."""
_ENCRYPTED_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))


def _fail(code: str, path: str, **params: str) -> InputError:
    return InputError(Diagnostic(code, Severity.ERROR, Location(path), params=tuple(params.items())))


def checked_bytes(path: Path) -> bytes:
    """The bytes of a workbook that is safe to hand to openpyxl, or an InputError saying why not."""
    name = str(path)
    data = read_bytes(path, MAX_FILE_BYTES)
    if data.startswith(OLE2_MAGIC):
        if any(stream in data for stream in _ENCRYPTED_STREAMS):
            raise _fail("F007", name)
        raise _fail("F009", name)
    if not data.startswith(b"PK"):
        raise _fail("F008", name, reason="not-zip")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise _fail("F008", name, reason="corrupt") from None
    with archive:
        infos = archive.infolist()
        total = sum(info.file_size for info in infos)
        largest = max((info.file_size for info in infos), default=0)
        if len(infos) > MAX_MEMBERS or largest > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise _fail("F010", name, limit=str(MAX_TOTAL_BYTES // (1024 * 1024)))
        names = {info.filename for info in infos}
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise _fail("F011", name)
        if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
            raise _fail("F008", name, reason="not-workbook")
        for info in infos:
            if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                continue
            try:
                dtd = _has_dtd(archive, info)
            except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError):
                raise _fail("F008", name, reason="corrupt") from None
            if dtd:
                raise _fail("F008", name, reason="dtd")
    return data


def _has_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether an XML part declares a DTD or entities (never in a genuine workbook)."""
    with archive.open(info) as stream:
        head = stream.read(_XML_HEAD).upper()
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head
