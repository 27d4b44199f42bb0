"""Writing a Report as YAML text in the data contract's shape, readable by ``read_yaml_report``.

Blanks are written ``~``, totals the tool computes (absent) are left out, given totals are
written, and narrative text becomes literal block scalars that keep every line break.
"""

from __future__ import annotations

import re

import yaml

from ..core.model import TEXT_KEYS, Cell, CellState, Report
from ..core.values import Number, format_number
from ..spec.types import KeyTree, Record, key_tree
from .schema import schema_file_name

_BLOCK_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
"""Characters a literal block cannot hold as they are (YAML breaks lines at some of them)."""


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar on one line, escaped by PyYAML's own emitter."""
    dumped = yaml.dump(text, Dumper=yaml.SafeDumper, default_style='"', allow_unicode=True, width=2**31 - 1)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _text_value(text: str, indent: str) -> str:
    """A narrative text: a literal block (``|-``) when it can be one, else a quoted scalar."""
    if not text:
        return '""'
    lines = text.split("\n")
    if (
        _BLOCK_UNSAFE.search(text)
        or lines[0][:1] in (" ", "\t")
        or any(line != line.rstrip() for line in lines)
    ):
        return quoted(text)
    body = "\n".join(f"{indent}{line}" if line else "" for line in lines)
    return f"|-\n{body}"


def _number(cell: Cell, computed: Number) -> str:
    if cell.state is CellState.BLANK:
        return "~"
    if cell.state is CellState.GIVEN:
        return format_number(cell.value)
    return format_number(computed)


def _record(report: Report, record: Record, values: dict[tuple[str, str], Number]) -> str | None:
    """One record as a list in printed order (``[1, 0, ~, …]``) where it may be, else a mapping.

    None when every cell of a derived row is absent (the tool computes the row).
    """
    cells = [(fld, report.cell(record.id, fld.key)) for fld in record.fields]
    if record.derived and all(cell.state is CellState.ABSENT for _, cell in cells):
        return None
    kept = [(fld, cell) for fld, cell in cells if not (fld.derived and cell.state is CellState.ABSENT)]
    written = [_number(cell, values[(record.id, fld.key)]) for fld, cell in kept]
    plain = [fld for fld in record.fields if not fld.derived]
    as_list = [fld for fld, _ in kept] in (list(record.fields), plain)
    if record.accepts_list and as_list:
        return "[" + ", ".join(written) + "]"
    return "{" + ", ".join(f"{fld.key}: {text}" for (fld, _), text in zip(kept, written, strict=True)) + "}"


def _tree(report: Report, tree: KeyTree, indent: str, values: dict[tuple[str, str], Number]) -> list[str]:
    lines: list[str] = []
    for key, child in tree.items():
        if isinstance(child, Record):
            written = _record(report, child, values)
            if written is not None:
                lines.append(f"{indent}{key}: {written}  # {child.labels[-1]}")
            continue
        first = next(iter(child.values()))
        group = first.labels[-2] if isinstance(first, Record) and len(first.labels) > 1 else ""
        lines.append(f"{indent}{key}:" + (f"  # {group}" if group else ""))
        lines.extend(_tree(report, child, indent + "  ", values))
    return lines


def report_yaml(report: Report) -> str:
    """The YAML text of ``report``; reading it back gives the same values, blanks and texts."""
    spec = report.spec
    lines = [f"# yaml-language-server: $schema=./{schema_file_name(spec.key)}", f"year: {report.year}"]
    if report.explicit_format:
        lines.append(f'format: "{spec.key}"')
    lines.append(f"agency: {quoted(report.agency)}")
    lines.append(f"kind: {report.kind}")
    if report.title:
        lines.append(f"title: {quoted(report.title)}")
    if report.date is not None:
        lines.append(f"date: {report.date.isoformat()}")
    lines.append("text:")
    texts = [key for key in TEXT_KEYS if key in report.texts]
    if not texts:
        lines[-1] = "text: {}"
    for key in texts:
        lines.append(f"  {key}: {_text_value(report.texts[key], '    ')}")
    values = report.resolved()
    for table in spec.tables:
        lines.append("")
        lines.append(f"{table.key}:  # {table.number}、{table.title}")
        if any(record.accepts_list for record in table.records):
            columns = " ".join(f.label for f in table.records[0].fields)
            lines.append(f"  # 列表按表中列的顺序：{columns}")
        lines.extend(_tree(report, key_tree(table), "  ", values))
    return "\n".join(lines) + "\n"
