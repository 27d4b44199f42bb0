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
from ..spec.types import FormatSpec, Record

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

    def add_with(
        self, code: str, location: Location | None, cell: LogicalCell | None, params: dict[str, str]
    ) -> None:
        """Report an error whose message parameters are in ``params``."""
        where = location if location is not None else Location(self.source)
        self.diagnostics.append(Diagnostic(code, Severity.ERROR, where, cell, params=tuple(params.items())))

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


KeyPath = tuple[str, ...]
"""Keys from a table's top key down to a value; a list written where a record is ends in ``LIST``."""

LIST = "[]"


def format_params(year: int, given: FormatSpec, required: FormatSpec) -> dict[str, str]:
    """The message parameters naming the year, the format given and the format the year requires."""
    return {
        "year": str(year),
        "given": given.key,
        "given_basis": given.basis,
        "required": required.key,
        "required_basis": required.basis,
    }


def format_mismatch(year: int, spec: FormatSpec) -> dict[str, str] | None:
    """S011's parameters when ``spec`` is not the format ``year`` requires (None when it is)."""
    required = format_for_year(year)
    if required is None or required is spec:
        return None
    return format_params(year, spec, required)


def _fits(spec: FormatSpec, path: KeyPath) -> bool:
    """Whether a key path written in the data is a place of ``spec``."""
    tree = spec.key_trees.get(path[0])
    if tree is None:
        return False
    node: object = tree
    for key in path[1:]:
        if isinstance(node, Record):
            return (key == LIST and node.accepts_list) or key in node.field_keys
        if not isinstance(node, dict) or key not in node:
            return False
        node = node[key]
    return True


def misfits(spec: FormatSpec, paths: list[KeyPath]) -> list[KeyPath]:
    """The key paths of the data that are not places of ``spec``."""
    return [path for path in paths if not _fits(spec, path)]


def other_format_of(spec: FormatSpec, paths: list[KeyPath]) -> tuple[FormatSpec, KeyPath] | None:
    """The format the table data is written in, when it is clearly not ``spec`` (and an example key).

    Clearly: the other format explains every key path written, or nearly all, while ``spec`` leaves
    several unexplained. A few stray keys are not enough: they are reported one by one as usual.
    """
    wrong = misfits(spec, paths)
    if len(wrong) < 2:
        return None
    for other in FORMATS.values():
        if other is spec:
            continue
        if len(misfits(other, paths)) * 4 <= len(wrong) - 2:
            return other, wrong[0]
    return None
