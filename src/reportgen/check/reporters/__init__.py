"""Output formats for validation results, chosen by name."""

from __future__ import annotations

from .base import Reporter
from .github import GithubReporter
from .json_format import JsonReporter
from .junit import JunitReporter
from .sarif import SarifReporter
from .text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "junit": JunitReporter,
    "sarif": SarifReporter,
}

__all__ = ["REPORTERS", "Reporter"]
