"""Validating report files: read, check every rule, collect findings and the exit code."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from . import exitcodes
from .diagnostics import Diagnostic, Severity
from .model import Report
from .policy import RulePolicy
from .readers import read_report
from .rules.arithmetic import check_arithmetic
from .rules.completeness import check_completeness
from .rules.copies import check_copies
from .rules.crossyear import check_carries
from .waivers import WaivedFinding, Waiver


@dataclass
class FileResult:
    """The outcome of validating one file."""

    path: str
    diagnostics: list[Diagnostic]
    report: Report | None = None
    waived: list[WaivedFinding] = field(default_factory=list)
    format: str | None = None  # the format key of the report read (kept when the report is dropped)

    @property
    def unreadable(self) -> bool:
        """Whether the file could not be read or parsed at all (an F-coded finding)."""
        return any(d.code.startswith("F") for d in self.diagnostics)

    def count(self, severity: Severity) -> int:
        """How many findings of ``severity`` the file has."""
        return sum(1 for d in self.diagnostics if d.severity is severity)


@dataclass
class Options:
    """What to check and how strictly."""

    previous: Path | None = None  # last year's file, or a folder of last year's files
    strict: bool = False  # the same as fail_on=WARNING
    fail_on: Severity = Severity.ERROR
    jobs: int | None = 1  # None: decide from the number of files and cores
    policy: RulePolicy = field(default_factory=RulePolicy)
    waivers: tuple[Waiver, ...] = ()

    @property
    def failing(self) -> frozenset[Severity]:
        """The severities that make a run fail."""
        if self.strict or self.fail_on is Severity.WARNING:
            return frozenset({Severity.ERROR, Severity.WARNING})
        return frozenset({Severity.ERROR})


@dataclass
class RunResult:
    """The outcome of validating several files."""

    files: list[FileResult] = field(default_factory=list)
    previous: FileResult | None = None

    def exit_code(self, strict: bool = False) -> int:
        """0 when valid, 1 when any data is invalid, 2 when any file could not be read."""
        results = [*self.files, *([self.previous] if self.previous else [])]
        if any(result.unreadable for result in results):
            return exitcodes.USAGE
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        if any(d.severity in failing for result in self.files for d in result.diagnostics):
            return exitcodes.INVALID
        return exitcodes.OK


def check_report(
    report: Report, previous: Report | None = None, today: datetime.date | None = None
) -> list[Diagnostic]:
    """Findings of every whole-report rule.

    Arithmetic, completeness (judged on ``today``, by default the current date), and cross-year
    rules when ``previous`` is given.
    """
    values = report.resolved()
    found = check_arithmetic(report, values)
    found.extend(check_completeness(report, today or datetime.date.today()))
    if previous is not None:
        previous_values = previous.resolved()
        found.extend(check_carries(report, values, previous, previous_values))
        found.extend(check_copies(report, values, previous, previous_values))
    return found


def validate_file(path: Path, previous: Report | None = None) -> FileResult:
    """Read one file and check it; findings are sorted by place."""
    read = read_report(path)
    diagnostics = list(read.diagnostics)
    if read.report is not None:
        found = _without_repeats(check_report(read.report, previous), diagnostics)
        if found:
            diagnostics = _without_superseded(diagnostics, found) + found
    diagnostics.sort(key=Diagnostic.sort_key)
    format_key = read.report.spec.key if read.report is not None else None
    return FileResult(str(path), diagnostics, read.report, format=format_key)


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


def validate_files(paths: list[Path], options: Options) -> RunResult:
    """Validate each file (against ``options.previous`` when given)."""
    run = RunResult()
    previous_report: Report | None = None
    if options.previous is not None:
        run.previous = validate_file(options.previous)
        previous_report = run.previous.report
    for path in paths:
        run.files.append(validate_file(path, previous_report))
    return run
