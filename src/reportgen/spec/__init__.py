"""The official report formats as data: one definition per format version."""

from .registry import FORMATS, format_for_year
from .types import FormatSpec, Record, ValueKind

__all__ = ["FORMATS", "FormatSpec", "Record", "ValueKind", "format_for_year"]
