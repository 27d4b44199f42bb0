"""Cross-year rules: this year's report against last year's (``--previous``)."""

from __future__ import annotations

from ...core.diagnostics import Diagnostic, Location, Severity
from ...core.model import Report, logical_cell
from ...core.values import Number, format_number
from ...spec.types import CellKey


def check_cross_year(
    report: Report,
    values: dict[CellKey, Number],
    previous: Report,
    previous_values: dict[CellKey, Number],
) -> list[Diagnostic]:
    """X100–X103 findings comparing ``report`` with last year's ``previous``."""
    found: list[Diagnostic] = []
    if previous.year != report.year - 1:
        found.append(
            Diagnostic(
                "X100",
                Severity.WARNING,
                report.location_of("year"),
                expected=str(report.year - 1),
                actual=str(previous.year),
                params=(("previous", previous.source),),
            )
        )
        return found
    for carry in report.spec.cross_year:
        expected: Number = 0
        usable = True
        for term in carry.terms:
            source = previous_values if term.previous else values
            key = (term.record, term.field)
            if key not in source:
                usable = False  # last year's format has no such cell
                break
            expected = expected + term.sign * source[key]
        if not usable:
            continue
        actual = values[(carry.record, carry.field)]
        if actual == expected:
            continue
        record = report.spec.record(carry.record)
        cell = report.cell(carry.record, carry.field)
        found.append(
            Diagnostic(
                carry.code,
                Severity.WARNING,
                cell.location or Location(report.source),
                logical_cell(report.spec.table_of(record.id), record, carry.field),
                format_number(expected),
                format_number(actual),
                params=(("previous", previous.source),),
            )
        )
    return found
