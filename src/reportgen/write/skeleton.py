"""A complete YAML skeleton of a year's format: every row, zeros, labels as comments, texts to fill in."""

from __future__ import annotations

from ..core.model import TEXT_KEYS
from ..spec.registry import FORMATS, format_for_year
from ..spec.types import FormatSpec, KeyTree, Record, ValueKind, key_tree
from .schema import schema_file_name

_TEXT_PLACEHOLDERS = {
    "overview": "（请填写总体情况）",
    "problems": "（请填写存在的主要问题及改进情况）",
    "other_matters": "无。",
}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _zero(record: Record) -> str:
    return "0.0" if any(f.kind is ValueKind.AMOUNT for f in record.fields) else "0"


def _record_lines(record: Record, key: str, indent: str) -> list[str]:
    label = record.labels[-1]
    if record.accepts_list:
        values = ", ".join("0" for _ in record.fields)
        return [f"{indent}{key}: [{values}]  # {label}"]
    parts = ", ".join(f"{f.key}: {'0.0' if f.kind is ValueKind.AMOUNT else '0'}" for f in record.fields)
    labels = " ".join(f.label for f in record.fields)
    return [f"{indent}{key}: {{{parts}}}  # {label}：{labels}"]


def _tree_lines(tree: KeyTree, indent: str) -> list[str]:
    lines: list[str] = []
    for key, child in tree.items():
        if isinstance(child, Record):
            lines.extend(_record_lines(child, key, indent))
        else:
            first = next(iter(child.values()))
            group = first.labels[-2] if isinstance(first, Record) and len(first.labels) > 1 else ""
            lines.append(f"{indent}{key}:" + (f"  # {group}" if group else ""))
            lines.extend(_tree_lines(child, indent + "  "))
    return lines


def skeleton(year: int, agency: str, spec: FormatSpec | None = None) -> str:
    """The YAML text of an all-zero report for ``year`` and ``agency``.

    Its placeholder texts （请填写…） and empty date fail validation (C001, C002) until filled in.
    """
    spec = spec or format_for_year(year)
    if spec is None:
        raise ValueError(f"no supported format for {year}; supported: {', '.join(FORMATS)}")
    headings = {section.key: section.heading for section in spec.sections}
    lines = [
        f"# yaml-language-server: $schema=./{schema_file_name(spec.key)}",
        f"# {agency}{year}年政府信息公开工作年度报告（{spec.key} 格式，{spec.basis}）",
        f"year: {year}",
        f'format: "{spec.key}"',
        f"agency: {_quote(agency)}",
        "kind: department  # department：部门报告；government：本级政府报告",
        "date: null  # 落款日期，如 2022-01-20",
        "text:",
    ]
    for key in TEXT_KEYS:
        if key in _TEXT_PLACEHOLDERS:
            lines.append(f"  {key}: {_quote(_TEXT_PLACEHOLDERS[key])}  # {headings[key]}")
    for section in spec.sections:
        table = section.table
        if table is None:
            continue
        lines.append("")
        lines.append(f"{table.key}:  # {section.heading}")
        if table.key == "applications":
            columns = " ".join(f.label for f in table.records[0].fields)
            lines.append(f"  # 每行 7 个数，依次为：{columns}")
        lines.extend(_tree_lines(key_tree(table), "  "))
    return "\n".join(lines) + "\n"
