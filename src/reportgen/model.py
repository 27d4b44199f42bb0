"""The report data as read from any source, with the location of every value."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from .diagnostics import Location, LogicalCell
from .spec.types import FormatSpec, Record, Table
from .values import Number

CellKey = tuple[str, str]
"""(record id, field key)"""


class CellState(StrEnum):
    """How a cell was written."""

    GIVEN = "given"  # a valid number
    BLANK = "blank"  # written empty (null, empty Excel cell): counts as 0, with a warning
    INVALID = "invalid"  # written but not acceptable (already reported): counts as 0
    ABSENT = "absent"  # not written at all (allowed for derived cells)


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of a table and where it was written."""

    value: Number
    state: CellState
    location: Location | None = None

    def __init__(self, value: Number, state: CellState, location: Location | None = None) -> None:
        # What the generated __init__ of a frozen dataclass does, through the slot descriptors
        # directly: a report has some 200 cells, and this halves their cost.
        _set_value(self, value)
        _set_state(self, state)
        _set_location(self, location)


_set_value, _set_state, _set_location = (
    Cell.__dict__[name].__set__ for name in ("value", "state", "location")
)

ABSENT = Cell(0, CellState.ABSENT)

TEXT_KEYS: tuple[str, ...] = (
    "preamble",
    "overview",
    "active_disclosure",
    "applications",
    "review_litigation",
    "problems",
    "other_matters",
)
"""Keys of the narrative mapping, in the order they appear in a report."""

TEXT_BODY = ".body"
"""Suffix of a location key (``text.overview.body``) giving where a text's first character is written,
when every line of the text is a line of the file starting at that column (a YAML ``|`` block or a
one-line scalar); texts without it are located by where their value starts."""

KINDS: tuple[str, ...] = ("department", "government")


@dataclass
class Report:
    """A report: metadata, narrative text and table cells of one format version."""

    spec: FormatSpec
    year: int
    agency: str
    source: str
    kind: str = "department"
    title: str | None = None
    date: datetime.date | None = None
    texts: dict[str, str] = field(default_factory=dict)
    cells: dict[CellKey, Cell] = field(default_factory=dict)
    locations: dict[str, Location] = field(default_factory=dict)  # e.g. "year", "text.overview"
    explicit_format: bool = False

    @property
    def display_title(self) -> str:
        """The title, defaulting to ``{agency}{year}年政府信息公开工作年度报告``."""
        return self.title or f"{self.agency}{self.year}年政府信息公开工作年度报告"

    def cell(self, record_id: str, field_key: str) -> Cell:
        """The cell as written (``ABSENT`` when it was not)."""
        return self.cells.get((record_id, field_key), ABSENT)

    def location_of(self, key: str) -> Location:
        """Where a top-level value (``year``, ``text.overview`` …) was written, else the file."""
        return self.locations.get(key) or Location(self.source)

    def resolved(self) -> dict[CellKey, Number]:
        """Every cell's value with blank as 0 and absent derived cells computed."""
        return resolve(self.spec, self.cells)


ResolvePlan = tuple[tuple[CellKey, tuple[CellKey, ...] | None], ...]
"""Every cell of a format in an order it can be resolved in, and what it is computed from when absent."""

_PLANS: dict[int, tuple[FormatSpec, ResolvePlan]] = {}


def _resolve_plan(spec: FormatSpec) -> ResolvePlan:
    cached = _PLANS.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    steps: list[tuple[CellKey, tuple[CellKey, ...] | None]] = []
    for record in spec.records:  # plain rows first: a total adds up its own row
        if not record.derived:
            for fld in record.fields:
                parts = tuple((record.id, part) for part in fld.sum_of) if fld.derived else None
                steps.append(((record.id, fld.key), parts))
    for record in spec.records:  # then derived rows: every column adds up the rows' cells
        if record.derived:
            for fld in record.fields:
                steps.append(((record.id, fld.key), tuple((part, fld.key) for part in record.sum_of)))
    plan = tuple(steps)
    _PLANS[id(spec)] = (spec, plan)
    return plan


def resolve(spec: FormatSpec, cells: dict[CellKey, Cell]) -> dict[CellKey, Number]:
    """Values of every cell of ``spec``: written values, derived totals computed where absent."""
    values: dict[CellKey, Number] = {}
    absent = CellState.ABSENT
    for key, parts in _resolve_plan(spec):
        cell = cells.get(key, ABSENT)
        if cell.state is absent and parts is not None:
            values[key] = _sum(map(values.__getitem__, parts))
        else:
            values[key] = cell.value
    return values


def _sum(numbers: Iterable[Number]) -> Number:
    return sum(numbers, 0)


def logical_cell(table: Table, record: Record, field_key: str | None) -> LogicalCell:
    """The printed labels naming a cell (or a whole record when ``field_key`` is None)."""
    if field_key is None:
        return LogicalCell(table.number, record.id, None, record.labels, record.labels_en)
    fld = record.field(field_key)
    return LogicalCell(
        table.number,
        record.id,
        field_key,
        (*record.labels, fld.label),
        (*record.labels_en, fld.label_en),
    )
