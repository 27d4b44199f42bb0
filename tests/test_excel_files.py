"""Files that are not a readable workbook: each refused with its own finding, exit 2, no traceback."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from msoffcrypto.format.ooxml import OOXMLFile

import excelkit
from reportgen.check.validate import validate_file
from reportgen.cli import main
from reportgen.read.excel import safety
from reportgen.write.excel.writer import template_bytes

TEMPLATE = template_bytes(2021, "某市档案局")


def _refused(tmp_path: Path, data: bytes, name: str = "report.xlsx") -> tuple[str, str, str]:
    """(code, reason, CLI output) for a file; asserts exit 2 and no traceback."""
    path = tmp_path / name
    path.write_bytes(data)
    result = validate_file(path)
    assert len(result.diagnostics) == 1, result.diagnostics
    finding = result.diagnostics[0]
    assert finding.location.file == str(path)
    run = CliRunner().invoke(main, ["validate", str(path)])
    assert run.exit_code == 2, run.output
    assert "Traceback" not in run.output
    assert run.exception is None or isinstance(run.exception, SystemExit)
    return finding.code, finding.param("reason"), run.output


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_openpyxl_parses_with_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


def test_old_binary_xls(tmp_path: Path) -> None:
    data = safety.OLE2_MAGIC + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 600
    code, _, output = _refused(tmp_path, data, "report.xls")
    assert code == "F009"
    assert ".xlsx" in output


def test_password_protected_workbook(tmp_path: Path) -> None:
    plain = io.BytesIO(TEMPLATE)
    encrypted = io.BytesIO()
    office = OOXMLFile(plain)
    office.encrypt("secret", encrypted)
    data = encrypted.getvalue()
    assert data.startswith(safety.OLE2_MAGIC)
    code, _, output = _refused(tmp_path, data)
    assert code == "F007"
    assert "密码" in output


def test_macro_workbook(tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(TEMPLATE)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0" + b"\x00" * 100
    code, _, output = _refused(tmp_path, _zip(members), "report.xlsm")
    assert code == "F011"
    assert "宏" in output


def test_truncated_workbook(tmp_path: Path) -> None:
    code, reason, _ = _refused(tmp_path, TEMPLATE[: len(TEMPLATE) // 2])
    assert (code, reason) == ("F008", "corrupt")


def test_corrupt_part_inside_a_valid_zip(tmp_path: Path) -> None:
    part = excelkit.sheet_part(TEMPLATE, "表三")
    data = excelkit.rewrite_parts(TEMPLATE, lambda name, c: c[: len(c) // 2] if name == part else c)
    code, reason, output = _refused(tmp_path, data)
    assert code == "F008"
    assert reason  # the parser's own words
    assert "已损坏" in output


def test_not_a_zip_at_all(tmp_path: Path) -> None:
    code, reason, _ = _refused(tmp_path, "year,agency\n2021,某局\n".encode())
    assert (code, reason) == ("F008", "not-zip")


def test_word_document_renamed(tmp_path: Path) -> None:
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    code, reason, _ = _refused(tmp_path, data)
    assert (code, reason) == ("F008", "not-workbook")


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    part = excelkit.sheet_part(TEMPLATE, "表三")
    data = excelkit.rewrite_parts(TEMPLATE, lambda name, c: bomb if name == part else c)
    code, reason, _ = _refused(tmp_path, data)
    assert (code, reason) == ("F008", "dtd")


def _zip_bomb(declared: int) -> bytes:
    """A small archive whose central directory declares a huge uncompressed part."""
    data = bytearray(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}))
    index = data.rfind(b"PK\x01\x02")  # the last central directory entry: xl/workbook.xml
    struct.pack_into("<I", data, index + 24, declared)
    return bytes(data)


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    code, _, output = _refused(tmp_path, _zip_bomb(4 * 1024**3 - 1))
    assert code == "F010"
    assert "MB" in output


def test_too_many_parts(tmp_path: Path) -> None:
    members = {f"xl/media/p{i}.xml": b"<a/>" for i in range(safety.MAX_MEMBERS + 1)}
    code, _, _ = _refused(tmp_path, _zip(members))
    assert code == "F010"


def test_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as stream:
        stream.write(TEMPLATE)
        stream.seek(safety.MAX_FILE_BYTES + 10)
        stream.write(b"\0")
    result = validate_file(path)
    assert [d.code for d in result.diagnostics] == ["F004"]


@pytest.mark.parametrize("name", ["missing.xlsx", "folder.xlsx"])
def test_missing_or_directory(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.startswith("folder"):
        path.mkdir()
    assert [d.code for d in validate_file(path).diagnostics] == ["F001"]


def test_xlsx_saved_under_xls_name_is_read(tmp_path: Path) -> None:
    path = tmp_path / "report.xls"
    path.write_bytes(excelkit.fill_like_a_person(excelkit.valid_report(2021)))
    assert validate_file(path).diagnostics == []
