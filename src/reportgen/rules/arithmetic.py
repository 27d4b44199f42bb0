"""Table arithmetic (勾稽关系) of one report: totals, derived rows and balance identities."""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Diagnostic, Location, LogicalCell, Severity
from ..model import CellKey, CellState, Report, logical_cell
from ..spec.types import FormatSpec
from ..values import Number, format_number

Parts = dict[CellKey, tuple[CellKey, ...]]


def derivation(spec: FormatSpec) -> Parts:
    """For every derived cell of ``spec``, the cells it is computed from when absent.

    A cell of a derived row is the sum of the same column of the rows it adds up, even in a derived
    column (（七）总计 / 总计 adds up the rows' 总计 cells), exactly as ``model.resolve`` computes it.
    """
    parts: Parts = {}
    for record in spec.records:
        for fld in record.fields:
            if record.derived:
                parts[(record.id, fld.key)] = tuple((source, fld.key) for source in record.sum_of)
            elif fld.derived:
                parts[(record.id, fld.key)] = tuple((record.id, key) for key in fld.sum_of)
    return parts


_PARTS_CACHE: dict[str, Parts] = {}


def _parts(spec: FormatSpec) -> Parts:
    if spec.key not in _PARTS_CACHE:
        _PARTS_CACHE[spec.key] = derivation(spec)
    return _PARTS_CACHE[spec.key]


TotalCheck = tuple[CellKey, tuple[CellKey, ...], str]
"""A written total: the cell, the cells it must add up, the rule code."""
BalanceCheck = tuple[str, tuple[CellKey, ...], tuple[CellKey, ...]]
"""One column of a balance identity: the rule code, the left-hand and the right-hand cells."""
TableChecks = tuple[tuple[TotalCheck, ...], tuple[BalanceCheck, ...]]

_CHECKS: dict[int, tuple[FormatSpec, tuple[TableChecks, ...]]] = {}


def _table_checks(spec: FormatSpec) -> tuple[TableChecks, ...]:
    """Per table, in printed order: the total checks, then the balance checks (built once per spec)."""
    cached = _CHECKS.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    checks: list[TableChecks] = []
    for table in spec.tables:
        totals: list[TotalCheck] = []
        for record in table.records:
            for fld in record.fields:
                if fld.derived:
                    parts = tuple((record.id, key) for key in fld.sum_of)
                    totals.append(((record.id, fld.key), parts, fld.sum_code))
                if record.derived and not fld.derived:
                    parts = tuple((source, fld.key) for source in record.sum_of)
                    totals.append(((record.id, fld.key), parts, record.sum_code))
        balances: list[BalanceCheck] = [
            (
                balance.code,
                tuple((rid, fld.key) for rid in balance.lhs),
                tuple((rid, fld.key) for rid in balance.rhs),
            )
            for balance in getattr(table, "balances", ())
            for fld in spec.record(balance.lhs[0]).fields
        ]
        checks.append((tuple(totals), tuple(balances)))
    result = tuple(checks)
    _CHECKS[id(spec)] = (spec, result)
    return result


def check_arithmetic(report: Report, values: dict[CellKey, Number]) -> list[Diagnostic]:
    """T001, T302, T303, T401, T301 and T201 findings for one report."""
    found: list[Diagnostic] = []
    spec = report.spec
    cells = report.cells
    # Without any invalid cell, no check has to be skipped for one (the usual case, checked once).
    invalid = any(cell.state is CellState.INVALID for cell in cells.values())
    for totals, balances in _table_checks(spec):
        for key, parts, code in totals:
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
        for code, lhs, rhs in balances:
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
    parts = _parts(spec)
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
