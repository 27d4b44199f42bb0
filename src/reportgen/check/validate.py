"""Validating one report file: read it and check every rule."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from ..core.diagnostics import Diagnostic, Location, Severity
from ..core.model import Report
from ..read.dispatch import read_report
from .policy import RulePolicy
from .results import FileResult
from .rules.arithmetic import check_arithmetic
from .rules.completeness import check_completeness
from .rules.copies import check_copies
from .rules.crossyear import check_cross_year
from .rules.narrative import check_narrative
from .rules.placeholders import check_placeholders
from .waivers import Waiver


@dataclass
class Options:
    """What to check and how strictly."""

    previous: Path | None = None  # last year's file, or a folder of last year's files
    fail_on: Severity = Severity.ERROR  # the lowest severity that fails a run
    jobs: int | None = 1  # None: decide from the number of files and cores
    policy: RulePolicy = field(default_factory=RulePolicy)
    waivers: tuple[Waiver, ...] = ()

    @property
    def failing(self) -> frozenset[Severity]:
        """The severities that make a run fail."""
        if self.fail_on is Severity.WARNING:
            return frozenset({Severity.ERROR, Severity.WARNING})
        return frozenset({Severity.ERROR})


def check_report(
    report: Report, previous: Report | None = None, today: datetime.date | None = None
) -> list[Diagnostic]:
    """Findings of every whole-report rule.

    Arithmetic, narrative and placeholders, completeness (judged on ``today``, by default the current
    date), and the cross-year rules when ``previous`` is given.
    """
    values = report.resolved()
    found = check_arithmetic(report, values)
    found.extend(check_narrative(report, values))
    found.extend(check_placeholders(report))
    found.extend(check_completeness(report, today or datetime.date.today()))
    if previous is not None:
        previous_values = previous.resolved()
        found.extend(check_cross_year(report, values, previous, previous_values))
        found.extend(check_copies(report, values, previous, previous_values))
    return found


REASON_CHARS = 200
"""How much of an unexpected error's type and message an F012 finding keeps."""


def internal_error(path: Path | str, error: BaseException) -> Diagnostic:
    """The F012 finding for a file whose checking failed unexpectedly with ``error``."""
    reason = f"{type(error).__name__}: {error}"
    if len(reason) > REASON_CHARS:
        reason = reason[:REASON_CHARS] + "…"
    return Diagnostic("F012", Severity.ERROR, Location(str(path)), params=(("reason", reason),))


def check_file(path: Path, previous: Report | None = None) -> tuple[Report | None, list[Diagnostic]]:
    """Read one file and check it: the report (None when unreadable) and its findings sorted by place.

    An unexpected error while reading or checking becomes an F012 finding for this file (exit code 2),
    so one file never stops a run of many.
    """
    try:
        return _check_file(path, previous)
    except Exception as error:  # any defect met on untrusted input: reported, the run goes on
        return None, [internal_error(path, error)]


def _check_file(path: Path, previous: Report | None) -> tuple[Report | None, list[Diagnostic]]:
    read = read_report(path)
    diagnostics = list(read.diagnostics)
    if read.report is not None:
        found = _without_repeats(check_report(read.report, previous), diagnostics)
        if found:
            diagnostics = _without_superseded(diagnostics, found) + found
    diagnostics.sort(key=Diagnostic.sort_key)
    return read.report, diagnostics


def validate_file(path: Path, previous: Report | None = None) -> FileResult:
    """Read one file and check it, keeping the report read; findings are sorted by place."""
    report, diagnostics = check_file(path, previous)
    return FileResult(str(path), diagnostics, report, format=report.spec.key if report else None)


def _without_repeats(checked: list[Diagnostic], read: list[Diagnostic]) -> list[Diagnostic]:
    """Checking findings less "no date" (C002) where a date was written but refused (S009)."""
    refused = {
        d.location for d in read if d.code == "S009" and d.cell is not None and d.cell.record == "date"
    }
    if not refused:
        return checked
    return [d for d in checked if not (d.code == "C002" and d.location in refused)]


def _without_superseded(read: list[Diagnostic], checked: list[Diagnostic]) -> list[Diagnostic]:
    """Reading findings less the blank-cell warnings on totals that T001 already reports as errors."""
    blank_totals = {d.location for d in checked if d.code == "T001"}
    if not blank_totals:
        return read
    return [d for d in read if not (d.code == "V003" and d.location in blank_totals)]
