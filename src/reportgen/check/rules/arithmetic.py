"""Table arithmetic (勾稽关系) of one report: totals, derived rows and balance identities."""

from __future__ import annotations

from collections.abc import Iterable

from ...core.diagnostics import Diagnostic, Location, LogicalCell, Severity
from ...core.model import CellState, Report, logical_cell
from ...core.values import Number, format_number
from ...spec.types import CellKey, FormatSpec


def check_arithmetic(report: Report, values: dict[CellKey, Number]) -> list[Diagnostic]:
    """T001, T302, T303, T401, T301 and T201 findings for one report."""
    found: list[Diagnostic] = []
    spec = report.spec
    cells = report.cells
    # Without any invalid cell, no check has to be skipped for one (the usual case, checked once).
    invalid = any(cell.state is CellState.INVALID for cell in cells.values())
    for totals, balances in spec.table_checks:
        for derivation in totals:
            key, parts, code = derivation.cell, derivation.parts, derivation.code
            cell = cells.get(key)
            if cell is None or cell.state is CellState.ABSENT or cell.state is CellState.INVALID:
                continue
            if invalid and _any_invalid(report, parts):
                continue
            expected = _total(map(values.__getitem__, parts))
            if cell.state is CellState.BLANK:
                if expected != 0:
                    found.append(
                        _diagnostic(report, "T001", Severity.ERROR, key, expected, None, list(parts))
                    )
            elif cell.value != expected:
                found.append(
                    _diagnostic(report, code, Severity.ERROR, key, expected, cell.value, list(parts))
                )
        for balance in balances:
            code, lhs, rhs = balance.code, balance.lhs, balance.rhs
            left = _total(map(values.__getitem__, lhs))
            right = _total(map(values.__getitem__, rhs))
            if left == right:
                continue
            involved = [*rhs, *lhs]
            if invalid and _any_invalid(report, involved):
                continue
            anchor = next((c for c in involved if report.cell(*c).state is not CellState.ABSENT), involved[0])
            found.append(_diagnostic(report, code, Severity.ERROR, anchor, left, right, involved))
    for check in spec.at_least:
        greater, lesser = (check.record, check.greater), (check.record, check.lesser)
        if values[greater] < values[lesser]:
            found.append(
                _diagnostic(
                    report, check.code, Severity.WARNING, greater, values[lesser], values[greater], [lesser]
                )
            )
    return found


def _diagnostic(
    report: Report,
    code: str,
    severity: Severity,
    anchor: CellKey,
    expected: Number,
    actual: Number | None,
    involved: list[CellKey],
) -> Diagnostic:
    spec = report.spec
    location = report.cell(*anchor).location or Location(report.source)
    related = tuple(_logical(spec, key) for key in _expand(spec, report, [anchor, *involved]))
    return Diagnostic(
        code,
        severity,
        location,
        _logical(spec, anchor),
        format_number(expected),
        format_number(actual) if actual is not None else "",
        related=related,
    )


def _expand(spec: FormatSpec, report: Report, keys: Iterable[CellKey]) -> list[CellKey]:
    """The cells named, with every absent derived cell replaced by the cells it is computed from."""
    parts = spec.computed_from
    out: list[CellKey] = []
    seen: set[CellKey] = set()
    stack = list(keys)
    while stack:
        key = stack.pop(0)
        if key in seen:
            continue
        seen.add(key)
        out.append(key)
        if key in parts and report.cell(*key).state is CellState.ABSENT:
            stack.extend(parts[key])
    return out


def _any_invalid(report: Report, keys: Iterable[CellKey]) -> bool:
    """Whether any of the cells, or what an absent one is computed from, was an invalid value."""
    return any(report.cell(*key).state is CellState.INVALID for key in _expand(report.spec, report, keys))


def _logical(spec: FormatSpec, key: CellKey) -> LogicalCell:
    record = spec.record(key[0])
    return logical_cell(spec.table_of(record.id), record, key[1])


def _total(numbers: Iterable[Number]) -> Number:
    return sum(numbers, 0)
