"""The JSON Schemas of the YAML input: one format's text, or every format written to a folder."""

from __future__ import annotations

from pathlib import Path

from ..core.atomic import write_text_atomic
from ..core.errors import UserError
from ..spec.registry import FORMATS
from ..write.schema import schema_file_name, schema_text


def schema_of(format_key: str) -> str:
    """The JSON Schema of one format version's YAML input, as text."""
    return schema_text(FORMATS[format_key])


def write_schemas(output_dir: Path, format_keys: list[str]) -> list[Path]:
    """Write ``reportgen-<format>.schema.json`` for each format into ``output_dir``; the paths written."""
    written: list[Path] = []
    for key in format_keys:
        target = output_dir / schema_file_name(key)
        try:
            write_text_atomic(target, schema_text(FORMATS[key]))
        except OSError as error:
            raise UserError.cannot_write(target, error) from None
        written.append(target)
    return written
