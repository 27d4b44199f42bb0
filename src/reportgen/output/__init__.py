"""Output formats for validation results, chosen by name."""

from __future__ import annotations

from .base import Formatter
from .json_format import JsonFormatter
from .text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
}

__all__ = ["FORMATTERS", "Formatter"]
