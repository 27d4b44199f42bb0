"""Building blocks of a format definition: fields, records, tables, sections and rules.

A format definition is pure data. Everything else in reportgen (the YAML reader, the
rules, the JSON Schema, the renderers and the Excel templates) is derived from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Union

CellKey = tuple[str, str]
"""(record id, field key): one cell of a report's tables."""


class ValueKind(StrEnum):
    """What a cell may hold."""

    COUNT = "count"  # whole number >= 0
    SIGNED = "signed"  # whole number, may be negative (本年增/减)
    AMOUNT = "amount"  # decimal >= 0, in 万元


@dataclass(frozen=True)
class Field:
    """One column of a record: a key in the YAML contract and its printed label."""

    key: str
    label: str
    label_en: str
    kind: ValueKind = ValueKind.COUNT
    sum_of: tuple[str, ...] = ()  # a derived total: the sum of these fields of the same record
    total_rule: str = ""  # the rule code that checks the total

    @property
    def derived(self) -> bool:
        """Whether the tool can compute this cell from the other fields of its record."""
        return bool(self.sum_of)


@dataclass(frozen=True)
class Record:
    """A row of cells stored under one YAML path (e.g. ``applications.results.granted``)."""

    id: str  # dotted YAML path
    labels: tuple[str, ...]  # printed labels from the outermost group to the row itself
    labels_en: tuple[str, ...]
    fields: tuple[Field, ...]
    accepts_list: bool = False  # may be written as a list of values in printed column order
    sum_of: tuple[str, ...] = ()  # a derived row: per field, the sum of these records
    total_rule: str = ""  # the rule code that checks the derived row

    @property
    def path(self) -> tuple[str, ...]:
        """The YAML keys leading to this record."""
        return tuple(self.id.split("."))

    @property
    def derived(self) -> bool:
        """Whether the whole row can be computed from other rows."""
        return bool(self.sum_of)

    @cached_property
    def field_keys(self) -> tuple[str, ...]:
        """The field keys in printed order."""
        return tuple(f.key for f in self.fields)

    @cached_property
    def _by_key(self) -> dict[str, Field]:
        return {f.key: f for f in self.fields}

    def field(self, key: str) -> Field:
        """The field with this key."""
        return self._by_key[key]


@dataclass(frozen=True)
class HeaderNode:
    """A header cell of a table; leaves name the value column they head."""

    label: str
    label_en: str
    children: tuple[HeaderNode, ...] = ()
    field: str | None = None  # leaf: the field key of the column
    record: str | None = None  # leaf of a single-row table: the record the column belongs to


@dataclass(frozen=True)
class RowNode:
    """A row label of a matrix table; leaves name the record of the row."""

    label: str
    label_en: str
    children: tuple[RowNode, ...] = ()
    record: str | None = None


@dataclass(frozen=True)
class Block:
    """A stacked block of the Article 20 table: caption row, header row, data rows."""

    caption: str
    records: tuple[Record, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        """The value columns of this block (shared by all its records)."""
        return self.records[0].fields


@dataclass(frozen=True)
class BlockTable:
    """Table 二: blocks stacked in one bordered table."""

    key: str
    number: str
    title: str
    title_en: str
    blocks: tuple[Block, ...]
    row_header: str  # 信息内容
    grid_columns: int  # width of the printed grid
    label_span: int  # columns taken by the row label

    @property
    def records(self) -> tuple[Record, ...]:
        """All records of the table in printed order."""
        return tuple(record for block in self.blocks for record in block.records)


@dataclass(frozen=True)
class MatrixTable:
    """Table 三: nested row labels against nested column headers."""

    key: str
    number: str
    title: str
    title_en: str
    corner: str  # the note in the top-left corner cell
    columns: tuple[HeaderNode, ...]
    rows: tuple[RowNode, ...]
    records: tuple[Record, ...]
    balances: tuple[Balance, ...] = ()


@dataclass(frozen=True)
class SingleRowTable:
    """Table 四: a two-level header over one row of numbers, no row label."""

    key: str
    number: str
    title: str
    title_en: str
    columns: tuple[HeaderNode, ...]
    records: tuple[Record, ...]


Table = BlockTable | MatrixTable | SingleRowTable


@dataclass(frozen=True)
class Balance:
    """An identity between rows, checked for every field: sum(lhs) == sum(rhs)."""

    code: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]


@dataclass(frozen=True)
class AtLeast:
    """A plausibility check inside one record: ``greater`` >= ``lesser`` (a warning)."""

    code: str
    record: str
    greater: str
    lesser: str


@dataclass(frozen=True)
class CrossYearTerm:
    """One term of a cross-year identity: sign * (this or last year's) cell."""

    sign: int
    previous: bool
    record: str
    field: str


@dataclass(frozen=True)
class CrossYearRule:
    """A cross-year identity: this year's ``record.field`` == sum of ``terms``."""

    code: str
    record: str
    field: str
    terms: tuple[CrossYearTerm, ...]


@dataclass(frozen=True)
class Derivation:
    """A derived cell as printed: the cells its total adds up, and the rule that checks it.

    A total column adds up its own row (even on a derived row); any other cell of a derived row
    adds up the same column of the rows it sums.
    """

    cell: CellKey
    parts: tuple[CellKey, ...]
    code: str


@dataclass(frozen=True)
class BalanceColumn:
    """One column of a balance identity: sum of ``lhs`` cells == sum of ``rhs`` cells."""

    code: str
    lhs: tuple[CellKey, ...]
    rhs: tuple[CellKey, ...]


TableChecks = tuple[tuple[Derivation, ...], tuple[BalanceColumn, ...]]
"""The arithmetic of one table: its derived cells, then its balance identities column by column."""

ResolveStep = tuple[CellKey, tuple[CellKey, ...] | None]
"""A cell, and what it is computed from when it was not written (None: an input cell)."""


KeyTree = dict[str, Union["KeyTree", "Record"]]
"""The nested YAML keys of a table, with records at the leaves."""


def key_tree(table: Table) -> KeyTree:
    """The nested YAML keys of a table, with records at the leaves."""
    tree: KeyTree = {}
    for record in table.records:
        node = tree
        for key in record.path[1:-1]:
            child = node.setdefault(key, {})
            assert isinstance(child, dict)
            node = child
        node[record.path[-1]] = record
    return tree


@dataclass(frozen=True)
class Section:
    """One of the six numbered sections of the report."""

    key: str
    number: str
    heading: str
    heading_en: str
    text_required: bool
    table: Table | None = None


@dataclass(frozen=True)
class FormatSpec:
    """A complete format version: sections, tables and the rules the data must obey."""

    key: str
    name: str
    basis: str
    years: tuple[int, int | None]  # first and last report year it applies to (None: open-ended)
    sections: tuple[Section, ...]
    at_least: tuple[AtLeast, ...] = ()
    cross_year: tuple[CrossYearRule, ...] = ()
    heading_variants: dict[str, str] = field(default_factory=dict)

    @cached_property
    def tables(self) -> tuple[Table, ...]:
        """The tables of this format in printed order."""
        return tuple(section.table for section in self.sections if section.table is not None)

    @cached_property
    def records(self) -> tuple[Record, ...]:
        """Every record of every table, in printed order."""
        return tuple(record for table in self.tables for record in table.records)

    @cached_property
    def _records_by_id(self) -> dict[str, tuple[Record, Table]]:
        return {record.id: (record, table) for table in self.tables for record in table.records}

    def record(self, record_id: str) -> Record:
        """The record with this dotted id."""
        return self._records_by_id[record_id][0]

    def table_of(self, record_id: str) -> Table:
        """The table a record belongs to."""
        return self._records_by_id[record_id][1]

    @cached_property
    def key_trees(self) -> dict[str, KeyTree]:
        """The nested YAML keys of each table, by table key."""
        return {table.key: key_tree(table) for table in self.tables}

    @cached_property
    def derivations(self) -> dict[CellKey, Derivation]:
        """Every derived cell as printed (see :class:`Derivation`), in printed order."""
        found: dict[CellKey, Derivation] = {}
        for record in self.records:
            for fld in record.fields:
                key = (record.id, fld.key)
                if fld.derived:
                    parts = tuple((record.id, part) for part in fld.sum_of)
                    found[key] = Derivation(key, parts, fld.total_rule)
                elif record.derived:
                    parts = tuple((source, fld.key) for source in record.sum_of)
                    found[key] = Derivation(key, parts, record.total_rule)
        return found

    @cached_property
    def computed_from(self) -> dict[CellKey, tuple[CellKey, ...]]:
        """For every derived cell, the cells its value is computed from when it was not written.

        A cell of a derived row adds up the same column of its rows, even in a total column
        (（七）总计 / 总计 adds up the rows' 总计 cells); a total column of a plain row adds up its row.
        """
        parts: dict[CellKey, tuple[CellKey, ...]] = {}
        for record in self.records:
            for fld in record.fields:
                if record.derived:
                    parts[(record.id, fld.key)] = tuple((source, fld.key) for source in record.sum_of)
                elif fld.derived:
                    parts[(record.id, fld.key)] = tuple((record.id, key) for key in fld.sum_of)
        return parts

    @cached_property
    def resolve_order(self) -> tuple[ResolveStep, ...]:
        """Every cell in an order its value can be resolved in: plain rows first, then derived rows."""
        computed = self.computed_from
        plain = [r for r in self.records if not r.derived]
        derived = [r for r in self.records if r.derived]
        return tuple(
            ((record.id, fld.key), computed.get((record.id, fld.key)))
            for record in (*plain, *derived)
            for fld in record.fields
        )

    @cached_property
    def table_checks(self) -> tuple[TableChecks, ...]:
        """Per table, in printed order: its derived cells, then its balance identities by column."""
        derivations = self.derivations
        checks: list[TableChecks] = []
        for table in self.tables:
            totals = tuple(
                derivations[(record.id, fld.key)]
                for record in table.records
                for fld in record.fields
                if (record.id, fld.key) in derivations
            )
            balances = tuple(
                BalanceColumn(
                    balance.code,
                    tuple((rid, fld.key) for rid in balance.lhs),
                    tuple((rid, fld.key) for rid in balance.rhs),
                )
                for balance in getattr(table, "balances", ())
                for fld in self.record(balance.lhs[0]).fields
            )
            checks.append((totals, balances))
        return tuple(checks)
