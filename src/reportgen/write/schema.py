"""JSON Schema of the YAML input, derived from a format definition."""

from __future__ import annotations

import json
from typing import Any

from ..core.model import KINDS, TEXT_KEYS
from ..spec.types import Field, FormatSpec, Record, ValueKind, key_tree

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(format_key: str) -> str:
    """The file name of the committed schema of a format: ``reportgen-2021.schema.json``."""
    return f"reportgen-{format_key}.schema.json"


def _cell_schema(fld: Field) -> dict[str, Any]:
    if fld.kind is ValueKind.AMOUNT:
        base: dict[str, Any] = {"type": ["number", "null"], "minimum": 0}
    elif fld.kind is ValueKind.SIGNED:
        base = {"type": ["integer", "null"]}
    else:
        base = {"type": ["integer", "null"], "minimum": 0}
    suffix = "（可省略，自动计算）" if fld.derived else ""
    return {**base, "description": f"{fld.label}{suffix}"}


def _record_schema(record: Record) -> dict[str, Any]:
    mapping: dict[str, Any] = {
        "type": "object",
        "description": " / ".join(record.labels),
        "properties": {f.key: _cell_schema(f) for f in record.fields},
        "required": [f.key for f in record.fields if not f.derived],
        "additionalProperties": False,
    }
    if not record.accepts_list:
        return mapping
    plain = [f for f in record.fields if not f.derived]
    listed: dict[str, Any] = {
        "type": "array",
        "description": "按表格列序：" + " ".join(f.label for f in record.fields),
        "prefixItems": [_cell_schema(f) for f in record.fields],
        "minItems": len(plain),
        "maxItems": len(record.fields),
        "items": False,
    }
    return {"description": mapping["description"], "oneOf": [listed, mapping]}


def _tree_schema(tree: dict[str, Any], description: str) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for key, child in tree.items():
        if isinstance(child, Record):
            properties[key] = _record_schema(child)
            if not child.derived:
                required.append(key)
        else:
            properties[key] = _tree_schema(child, key)
            required.append(key)
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema(spec: FormatSpec) -> dict[str, Any]:
    """The JSON Schema of a report in format ``spec``."""
    headings = {section.key: section.heading for section in spec.sections}
    text_properties = {
        key: {"type": ["string", "null"], "description": headings.get(key, "前言")} for key in TEXT_KEYS
    }
    required_texts = [section.key for section in spec.sections if section.text_required]
    properties: dict[str, Any] = {
        "year": {"type": "integer", "minimum": 1990, "description": "报告年度"},
        "format": {"enum": [spec.key, int(spec.key)], "description": "格式版本"},
        "agency": {"type": "string", "minLength": 1, "description": "机关名称"},
        "kind": {"enum": list(KINDS), "description": "department：部门报告；government：本级政府报告"},
        "title": {
            "type": ["string", "null"],
            "description": "标题（默认：机关名称+年度+政府信息公开工作年度报告）",
        },
        "date": {"type": ["string", "null"], "format": "date", "description": "落款日期"},
        "text": {
            "type": "object",
            "description": "正文",
            "properties": text_properties,
            "required": required_texts,
            "additionalProperties": False,
        },
    }
    for table in spec.tables:
        properties[table.key] = _tree_schema(key_tree(table), f"表{table.number} {table.title}")
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"https://reportgen.invalid/schemas/{schema_file_name(spec.key)}",
        "title": f"reportgen 政府信息公开工作年度报告数据（{spec.key} 格式，{spec.basis}）",
        "type": "object",
        "properties": properties,
        "required": ["year", "agency", "text", *(table.key for table in spec.tables)],
        "additionalProperties": False,
    }


def schema_text(spec: FormatSpec) -> str:
    """The schema as the committed file holds it."""
    return json.dumps(json_schema(spec), ensure_ascii=False, indent=2) + "\n"
