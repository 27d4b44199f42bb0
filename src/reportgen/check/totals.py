"""Counting a run as its results stream by: files, findings by rule, and the exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..core import exitcodes
from ..core.diagnostics import Severity
from .results import FileResult
from .waivers import Waiver

TOP_CODES = 5
"""How many of the most frequent rule codes a summary names."""


@dataclass
class RunTotals:
    """Totals of a run; ``failing`` are the severities that fail it (``--fail-on``)."""

    failing: frozenset[Severity] = frozenset({Severity.ERROR})
    previous: FileResult | None = None
    files: int = 0
    valid: int = 0
    with_errors: int = 0
    with_warnings: int = 0
    unreadable: int = 0
    failed: int = 0
    errors: int = 0
    warnings: int = 0
    waived: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    stale: list[Waiver] = field(default_factory=list)

    def fails(self, result: FileResult) -> bool:
        """Whether ``result`` makes the run fail."""
        return result.unreadable or any(d.severity in self.failing for d in result.diagnostics)

    def add(self, result: FileResult) -> None:
        """Count one file's result."""
        errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
        self.files += 1
        self.errors += errors
        self.warnings += warnings
        self.valid += errors == 0
        self.with_errors += errors > 0
        self.with_warnings += warnings > 0
        self.unreadable += result.unreadable
        self.failed += self.fails(result)
        self.waived += len(result.waived)
        self.codes.update(d.code for d in result.diagnostics)

    def top_codes(self, count: int = TOP_CODES) -> list[tuple[str, int]]:
        """The most frequent rule codes, most frequent first, ties by code."""
        return sorted(self.codes.items(), key=lambda item: (-item[1], item[0]))[:count]

    @property
    def previous_unreadable(self) -> bool:
        """Whether last year's report (``--previous FILE``) could not be read."""
        return self.previous is not None and self.previous.unreadable

    def exit_code(self) -> int:
        """2 when a file could not be read, 1 when a file fails, else 0."""
        unreadable = self.unreadable > 0 or self.previous_unreadable
        return exitcodes.exit_code(unreadable=unreadable, failed=self.failed > 0)
