"""Reading a filled workbook into a Report."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, Location, Severity
from ..yamlreader import ReadResult


def read_workbook_report(path: Path) -> ReadResult:
    """Read an ``.xlsx`` report (not supported yet: an F005 finding)."""
    return ReadResult(
        None, [Diagnostic("F005", Severity.ERROR, Location(str(path)), params=(("reason", "xlsx"),))]
    )
