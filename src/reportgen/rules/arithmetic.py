"""Table arithmetic (勾稽关系) of one report: totals, derived rows and balance identities."""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Diagnostic, Location, LogicalCell, Severity
from ..model import CellKey, CellState, Report, logical_cell
from ..spec.types import FormatSpec, Record
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


def check_arithmetic(report: Report, values: dict[CellKey, Number]) -> list[Diagnostic]:
    """T001, T302, T303, T401, T301 and T201 findings for one report."""
    found: list[Diagnostic] = []
    spec = report.spec
    for table in spec.tables:
        for record in table.records:
            for fld in record.fields:
                if fld.derived:
                    parts = tuple((record.id, key) for key in fld.sum_of)
                    _check_total(report, values, record, fld.key, parts, fld.sum_code, found)
                if record.derived and not fld.derived:
                    parts = tuple((source, fld.key) for source in record.sum_of)
                    _check_total(report, values, record, fld.key, parts, record.sum_code, found)
        for balance in getattr(table, "balances", ()):
            for fld in spec.record(balance.lhs[0]).fields:
                left = _total(values[(rid, fld.key)] for rid in balance.lhs)
                right = _total(values[(rid, fld.key)] for rid in balance.rhs)
                if left == right:
                    continue
                cells = [(rid, fld.key) for rid in (*balance.rhs, *balance.lhs)]
                if _any_invalid(report, cells):
                    continue
                anchor = next((c for c in cells if report.cell(*c).state is not CellState.ABSENT), cells[0])
                found.append(_diagnostic(report, balance.code, Severity.ERROR, anchor, left, right, cells))
    for check in spec.at_least:
        greater, lesser = (check.record, check.greater), (check.record, check.lesser)
        if values[greater] < values[lesser]:
            found.append(
                _diagnostic(
                    report, check.code, Severity.WARNING, greater, values[lesser], values[greater], [lesser]
                )
            )
    return found


def _check_total(
    report: Report,
    values: dict[CellKey, Number],
    record: Record,
    field_key: str,
    parts: tuple[CellKey, ...],
    code: str,
    found: list[Diagnostic],
) -> None:
    cell = report.cell(record.id, field_key)
    if cell.state in (CellState.ABSENT, CellState.INVALID) or _any_invalid(report, parts):
        return
    expected = _total(values[part] for part in parts)
    if cell.state is CellState.BLANK:
        if expected != 0:
            found.append(
                _diagnostic(
                    report, "T001", Severity.ERROR, (record.id, field_key), expected, None, list(parts)
                )
            )
        return
    if cell.value != expected:
        found.append(
            _diagnostic(
                report, code, Severity.ERROR, (record.id, field_key), expected, cell.value, list(parts)
            )
        )


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
    total: Number = 0
    for number in numbers:
        total = total + number
    return total
