"""Choosing the reader for an input file by its suffix."""

from __future__ import annotations

from pathlib import Path

from ..core.diagnostics import Diagnostic, Location, Severity
from .report_rules import ReadResult
from .yaml_reader import read_yaml_report

YAML_SUFFIXES = (".yaml", ".yml")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et")
"""Read by content: .xlsx is accepted, the others are refused with a finding that says why."""


def read_report(path: Path) -> ReadResult:
    """Read a report from YAML or Excel; other file types give an F005 finding."""
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        return read_yaml_report(path)
    if suffix in EXCEL_SUFFIXES:
        from .excel.reader import read_workbook_report  # heavy: openpyxl, imported only here

        return read_workbook_report(path)
    reason = suffix or "?"
    return ReadResult(
        None,
        [Diagnostic("F005", Severity.ERROR, Location(str(path)), params=(("reason", reason),))],
    )
