"""Helpers for the Excel tests: the template filled as a person would, and real-file quirks.

``person_cells`` finds where a number goes the way a person does — by the row label to the
left and the column headers above a yellow (unlocked) cell — without using reportgen's own
position mapping, so the tests check the template against the format definitions.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from reportgen.core.model import CellState, Report
from reportgen.read.yaml_reader import read_yaml_report
from reportgen.spec.types import FormatSpec
from reportgen.write.excel.writer import template_bytes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
"""The project's valid example reports: 2020.yaml (2019 format) and 2021.yaml (2021 format)."""


def valid_report(year: int) -> Report:
    """The valid example report of ``year`` (examples/<year>.yaml)."""
    read = read_yaml_report(EXAMPLES / f"{year}.yaml")
    assert read.report is not None, read.diagnostics
    return read.report


def load(data: bytes) -> openpyxl.Workbook:
    """A workbook from bytes, formulas as written."""
    return openpyxl.load_workbook(io.BytesIO(data))


def save(workbook: openpyxl.Workbook) -> bytes:
    """The bytes of a workbook."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def covering_text(ws: Worksheet, row: int, column: int) -> str | None:
    """The text shown at (row, column): the cell's own, or that of the merged range covering it."""
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            value = ws.cell(merged.min_row, merged.min_col).value
            return value if isinstance(value, str) else None
    value = ws.cell(row, column).value
    return value if isinstance(value, str) and not value.startswith("=") else None


def _full_width(ws: Worksheet, row: int) -> bool:
    return any(
        m.min_row <= row <= m.max_row and m.min_col == 1 and m.max_col == ws.max_column
        for m in ws.merged_cells.ranges
    )


def input_cells(ws: Worksheet) -> list[tuple[int, int]]:
    """The (row, column) of every unlocked cell of a sheet, in reading order."""
    return [
        (cell.row, cell.column)
        for row in ws.iter_rows()
        for cell in row
        if not isinstance(cell, MergedCell)
        and cell.protection is not None
        and cell.protection.locked is False
    ]


def labels_of(ws: Worksheet, row: int, column: int) -> tuple[list[str], list[str]]:
    """Texts to the left in the same row, and above in the same column up to a full-width caption."""
    left = [t for c in range(1, column) if (t := covering_text(ws, row, c))]
    above: list[str] = []
    for r in range(row - 1, 0, -1):
        if _full_width(ws, r):
            break
        text = covering_text(ws, r, column)
        if text and text not in above:
            above.append(text)
    return left, above


def person_cells(spec: FormatSpec, workbook: openpyxl.Workbook) -> dict[tuple[str, str], str]:
    """For every input cell of the tables, the (record, field) a person would say it holds → "Sheet!A1"."""
    found: dict[tuple[str, str], str] = {}
    for table in spec.tables:
        ws = workbook[f"表{table.number}"]
        for row, column in input_cells(ws):
            left, above = labels_of(ws, row, column)
            matches = [
                (record.id, fld.key)
                for record in table.records
                for fld in record.fields
                if fld.label in above
                and (record.labels[-1] in left or (not left and all(lb in above for lb in record.labels)))
            ]
            assert len(matches) == 1, (ws.title, row, column, left, above, matches)
            ref = f"{ws.title}!{ws.cell(row, column).coordinate}"
            assert matches[0] not in found, (matches[0], found[matches[0]], ref)
            found[matches[0]] = ref
    return found


def meta_cells(workbook: openpyxl.Workbook) -> dict[str, str]:
    """Label text → "Sheet!B3" of the input cells on the information and narrative sheets."""
    out: dict[str, str] = {}
    for name in ("基本信息", "正文"):
        ws = workbook[name]
        for row, column in input_cells(ws):
            label = ws.cell(row, column - 1).value
            assert isinstance(label, str), (name, row, column)
            out[label] = f"{name}!{ws.cell(row, column).coordinate}"
    return out


def meta_ref(workbook: openpyxl.Workbook, starts: str) -> str:
    """The input cell whose label starts with ``starts`` (e.g. 机关名称, 一、总体情况)."""
    refs = [ref for label, ref in meta_cells(workbook).items() if label.startswith(starts)]
    assert len(refs) == 1, (starts, refs)
    return refs[0]


def put(workbook: openpyxl.Workbook, ref: str, value: Any) -> None:
    """Type ``value`` into "Sheet!A1"."""
    sheet, cell = ref.split("!")
    workbook[sheet][cell] = value


def fill_like_a_person(report: Report, year: int | None = None) -> bytes:
    """The blank template with every value of ``report`` typed into its input cells only.

    Totals are left to the template's formulas; blanks stay empty.
    """
    workbook = load(template_bytes(year or report.year, "某机关"))
    cells = person_cells(report.spec, workbook)
    for key, ref in cells.items():
        cell = report.cell(*key)
        put(workbook, ref, cell.value if cell.state is CellState.GIVEN else None)
    put(workbook, meta_ref(workbook, "机关名称"), report.agency)
    if report.date is not None:
        put(workbook, meta_ref(workbook, "落款日期"), report.date)
    sections = {s.key: s.heading for s in report.spec.sections}
    for key, text in report.texts.items():
        if key == "preamble":
            put(workbook, meta_ref(workbook, "开头"), text)
        else:
            put(workbook, meta_ref(workbook, sections[key]), text)
    return save(workbook)


def edited(data: bytes, edit: Callable[[openpyxl.Workbook], None]) -> bytes:
    """The workbook after ``edit`` (openpyxl, formulas kept)."""
    workbook = load(data)
    edit(workbook)
    return save(workbook)


# -- rewriting the package, as other programs save it ------------------------------------------
def rewrite_parts(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The .xlsx with each part passed through ``change(name, content)`` (None drops the part)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = change(info.filename, source.read(info))
            if content is not None:
                target.writestr(info.filename, content)
    return out.getvalue()


def sheet_part(data: bytes, sheet: str) -> str:
    """The part name (xl/worksheets/sheetN.xml) of a sheet."""
    workbook = load(data)
    return f"xl/worksheets/sheet{workbook.sheetnames.index(sheet) + 1}.xml"


def with_cached_values(data: bytes, sheet: str, values: Mapping[str, str]) -> bytes:
    """Give formula cells the cached results a spreadsheet would have saved (``{"J6": "17"}``)."""
    part = sheet_part(data, sheet)

    def change(name: str, content: bytes) -> bytes:
        if name != part:
            return content
        text = content.decode("utf-8")
        for ref, value in values.items():
            pattern = re.compile(rf'(<c r="{ref}"[^>]*>\s*<f>[^<]*</f>)\s*<v\s*/?>(?:</v>)?')
            text, count = pattern.subn(rf"\g<1><v>{value}</v>", text)
            assert count == 1, (ref, count)
        return text.encode("utf-8")

    return rewrite_parts(data, change)


def as_wps(data: bytes) -> bytes:
    """The workbook as WPS 表格 saves it: shared strings instead of inline ones, WPS in app.xml."""
    strings: list[str] = []
    inline = re.compile(
        r'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"([^>]*)><is><t([^>]*)>(.*?)</t></is></c>', re.S
    )

    def shared(match: re.Match[str]) -> str:
        strings.append(match.group(5))
        return f'<c r="{match.group(1)}"{match.group(2)} t="s"{match.group(3)}><v>{len(strings) - 1}</v></c>'

    def change(name: str, content: bytes) -> bytes | None:
        if name.startswith("xl/worksheets/sheet"):
            return inline.sub(shared, content.decode("utf-8")).encode("utf-8")
        if name == "docProps/app.xml":
            return re.sub(
                rb"<Application>[^<]*</Application>", "<Application>WPS 表格</Application>".encode(), content
            )
        return content

    converted = rewrite_parts(data, change)
    items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in strings)
    sst = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    ).encode()

    def add_sst(name: str, content: bytes) -> bytes:
        if name == "[Content_Types].xml":
            override = (
                '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
            )
            return content.replace(b"</Types>", override.encode())
        if name == "xl/_rels/workbook.xml.rels":
            rel = (
                '<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
            )
            return content.replace(b"</Relationships>", rel.encode())
        return content

    result = rewrite_parts(converted, add_sst)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(result)) as source, zipfile.ZipFile(out, "a") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr("xl/sharedStrings.xml", sst)
    return out.getvalue()


# -- short descriptions, for the rule case files (tests/rules/cases) -------------------------------
CASE_KEYS = frozenset(
    {"base", "cells", "cached", "hide_rows", "hide_columns", "insert_rows", "delete_sheets", "rename_sheets"}
)


def case_workbook(description: Mapping[str, Any]) -> bytes:
    """A workbook from a case description.

    ``base: 2021`` types examples/2021.yaml into the blank template (``base: blank-2021``: the
    template as written); ``cells: {"表三!D6": " 125 "}`` types values (text starting with = is a
    formula); ``cached: {"表三!D6": "21"}`` stores a formula's result as a spreadsheet would;
    ``hide_rows: {"表三": [14]}``, ``hide_columns: {"表三": ["F"]}``, ``insert_rows: {"表三": 10}``,
    ``delete_sheets: [reportgen]``, ``rename_sheets: {"表四": "复议诉讼"}`` change the workbook.
    """
    unknown = set(description) - CASE_KEYS
    assert not unknown, f"unknown workbook keys: {sorted(unknown)}"
    base = str(description.get("base", "2021"))
    if base.startswith("blank-"):
        data = template_bytes(int(base.removeprefix("blank-")), "某机关")
    else:
        data = fill_like_a_person(valid_report(int(base)))

    def edit(workbook: openpyxl.Workbook) -> None:
        for ref, value in (description.get("cells") or {}).items():
            put(workbook, ref, value)
        for sheet, rows in (description.get("hide_rows") or {}).items():
            for row in rows:
                workbook[sheet].row_dimensions[int(row)].hidden = True
        for sheet, columns in (description.get("hide_columns") or {}).items():
            for column in columns:
                workbook[sheet].column_dimensions[str(column)].hidden = True
        for sheet, row in (description.get("insert_rows") or {}).items():
            workbook[sheet].insert_rows(int(row))
        for sheet in description.get("delete_sheets") or []:
            workbook.remove(workbook[sheet])
        for old, new in (description.get("rename_sheets") or {}).items():
            workbook[old].title = new

    data = edited(data, edit)
    cached: dict[str, dict[str, str]] = {}
    for ref, value in (description.get("cached") or {}).items():
        sheet, cell = ref.split("!")
        cached.setdefault(sheet, {})[cell] = str(value)
    for sheet, values in cached.items():
        data = with_cached_values(data, sheet, values)
    return data
