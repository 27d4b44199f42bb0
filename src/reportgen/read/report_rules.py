"""What every reader shares: the result of reading, a findings sink, and the report-level reading rules.

A reader (YAML, workbook, and later published documents) turns its own syntax into plain values
with locations, then asks this module whether the year, the format, the kind and the narrative
texts are acceptable, so that each rule is written once and reported alike from every source.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.diagnostics import Diagnostic, Location, LogicalCell, Severity
from ..core.model import KINDS, Report
from ..spec.registry import FORMATS, format_for_year
from ..spec.types import FormatSpec

YEAR_RANGE = (1990, 2200)
"""Years outside this range are not report years at all (S009)."""


@dataclass
class ReadResult:
    """What reading a file gave: the report (None when it could not be built) and the findings."""

    report: Report | None
    diagnostics: list[Diagnostic]


class Findings:
    """The findings of reading one file.

    A value refused for its syntax (a tag, a shape) is reported once: :meth:`refuse` its path and
    :meth:`missing` stays silent about it.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self.refused: set[str] = set()

    def add(
        self,
        code: str,
        location: Location | None,
        cell: LogicalCell | None = None,
        severity: Severity = Severity.ERROR,
        expected: str | None = None,
        actual: str | None = None,
        **params: str,
    ) -> None:
        """Report a finding (at the file when there is no better place)."""
        where = location if location is not None else Location(self.source)
        finding = Diagnostic(code, severity, where, cell, expected, actual, tuple(params.items()))
        self.diagnostics.append(finding)

    def refuse(self, path: str) -> None:
        """Note that the value at ``path`` was refused and reported: it is not also missing."""
        self.refused.add(path)

    def missing(self, key: str, location: Location | None, cell: LogicalCell | None) -> None:
        """Report a required value that is not there (S002), unless it was refused already."""
        if key not in self.refused:
            self.add("S002", location, cell, key=key)

    def result(self, report: Report | None) -> ReadResult:
        """The result of reading: ``report`` and every finding so far."""
        return ReadResult(report, self.diagnostics)


def supported_formats() -> str:
    """The supported format keys, for messages: ``2019、2021``."""
    return "、".join(FORMATS)


def plausible_year(year: int | None) -> bool:
    """Whether ``year`` can be a report year at all."""
    return year is not None and YEAR_RANGE[0] <= year <= YEAR_RANGE[1]


def year_without_format(year: int) -> bool:
    """Whether ``year`` is earlier than every supported format (S007)."""
    return year < min(spec.years[0] for spec in FORMATS.values())


def declared_format(key: str) -> FormatSpec | None:
    """The format a file declares by key, None when no such format exists (S007)."""
    return FORMATS.get(key)


def format_of_year(year: int) -> FormatSpec | None:
    """The format the year requires (None: no supported format, S007)."""
    return format_for_year(year)


def kind_of(text: str, labels: dict[str, str] | None = None) -> str | None:
    """The report kind a value names (its key, or a printed label in ``labels``), None if none."""
    if text in KINDS:
        return text
    if labels:
        return {label: key for key, label in labels.items()}.get(text)
    return None


def missing_texts(report: Report, written: set[str]) -> list[str]:
    """The required narrative sections with no text, among those not already reported (``written``)."""
    required = [section.key for section in report.spec.sections if section.text_required]
    return [key for key in required if key not in written and not report.texts.get(key, "").strip()]
