"""Output formats for validation results, chosen by name."""

from __future__ import annotations

from .base import Formatter
from .github import GithubFormatter
from .json_format import JsonFormatter
from .junit import JunitFormatter
from .sarif import SarifFormatter
from .text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "github": GithubFormatter,
    "junit": JunitFormatter,
    "sarif": SarifFormatter,
}

__all__ = ["FORMATTERS", "Formatter"]
