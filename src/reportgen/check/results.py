"""What checking gives: one file's findings, the findings a waiver accepted, a whole run."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.diagnostics import Diagnostic, Severity
from ..core.model import Report


@dataclass(frozen=True, slots=True)
class WaivedFinding:
    """A finding a waiver accepted, with the waiver's reason."""

    diagnostic: Diagnostic
    reason: str


@dataclass(frozen=True)
class FileResult:
    """The outcome of validating one file, built once when its findings are final."""

    path: str
    diagnostics: list[Diagnostic]
    report: Report | None = None  # kept only by those who ask for it (build, the library)
    waived: list[WaivedFinding] = field(default_factory=list)
    format: str | None = None  # the format key of the report read (kept when the report is dropped)

    @property
    def unreadable(self) -> bool:
        """Whether the file could not be read or parsed at all (an F-coded finding)."""
        return any(d.code.startswith("F") for d in self.diagnostics)

    def count(self, severity: Severity) -> int:
        """How many findings of ``severity`` the file has."""
        return sum(1 for d in self.diagnostics if d.severity is severity)


@dataclass(frozen=True)
class RunResult:
    """The outcome of validating several files, and the exit code the command line gives it."""

    files: list[FileResult]
    previous: FileResult | None = None
    exit_code: int = 0
