"""Turning a composed YAML node tree into a Report, reporting every problem with its place."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Union

import yaml

from .diagnostics import Diagnostic, InputError, Location, LogicalCell, Severity
from .model import KINDS, TEXT_BODY, TEXT_KEYS, Cell, CellState, Report, logical_cell
from .spec.registry import FORMATS, format_for_year
from .spec.types import Field, FormatSpec, Record, Table, ValueKind
from .values import Number, ValueProblem, check_sign, hint_for_text, parse_plain_number
from .yamlsource import compose_text, decode, read_bytes

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null"))
_ALLOWED_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, f"{_TAG}map", f"{_TAG}seq", f"{_TAG}timestamp"})
TOP_KEYS: tuple[str, ...] = (
    "year",
    "format",
    "agency",
    "kind",
    "title",
    "date",
    "text",
    "active_disclosure",
    "applications",
    "review_litigation",
)

KeyTree = dict[str, Union["KeyTree", Record]]


@dataclass
class ReadResult:
    """What reading a file gave: the report (None when it could not be built) and the findings."""

    report: Report | None
    diagnostics: list[Diagnostic]


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


_TREES: dict[str, dict[str, KeyTree]] = {
    spec.key: {table.key: key_tree(table) for table in spec.tables} for spec in FORMATS.values()
}


def read_yaml_report(path: Path) -> ReadResult:
    """Read a YAML report file; unreadable or malformed files give an F-coded finding."""
    name = str(path)
    try:
        text = decode(read_bytes(path), name)
        root = compose_text(text, name)
    except InputError as error:
        return ReadResult(None, [error.diagnostic])
    return _Walker(name, text.splitlines()).read(root)


class _Walker:
    def __init__(self, source: str, lines: list[str] | None = None) -> None:
        self.source = source
        self.lines = lines or []  # the file's lines, to place characters inside texts
        self.diagnostics: list[Diagnostic] = []
        self.refused: set[str] = set()  # paths whose value was refused (no "missing" finding then)

    # -- helpers -------------------------------------------------------------------------
    def loc(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.source, mark.line + 1, mark.column + 1)

    def report_problem(
        self,
        code: str,
        node: yaml.Node | None,
        cell: LogicalCell | None = None,
        severity: Severity = Severity.ERROR,
        expected: str | None = None,
        actual: str | None = None,
        **params: str,
    ) -> None:
        if code == "S002" and params.get("key") in self.refused:
            return
        location = self.loc(node) if node is not None else Location(self.source)
        self.diagnostics.append(
            Diagnostic(code, severity, location, cell, expected, actual, tuple(params.items()))
        )

    def tag_ok(self, node: yaml.Node, path: str) -> bool:
        if node.tag in _ALLOWED_TAGS:
            return True
        self.report_problem("S006", node, _path_cell(path), tag=node.tag.replace(_TAG, "!!"))
        self.refused.add(path)
        return False

    def entries(
        self, node: yaml.MappingNode, path: str, allowed: tuple[str, ...]
    ) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
        """Yield (key, key node, value node) of a mapping, reporting duplicate and unknown keys."""
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.report_problem(
                    "S005", key_node, _path_cell(path), expected="key", actual=_shape(key_node)
                )
                continue
            key = str(key_node.value)
            if key in seen or key not in allowed or value_node.tag not in _ALLOWED_TAGS:
                where = f"{path}.{key}" if path else key
                if key in seen:
                    self.report_problem("S004", key_node, _path_cell(where), key=key)
                    continue
                seen.add(key)
                if key not in allowed:
                    close = difflib.get_close_matches(key, allowed, n=1)
                    self.report_problem(
                        "S003", key_node, _path_cell(where), key=key, suggestion=close[0] if close else ""
                    )
                else:
                    self.tag_ok(value_node, where)  # reports the refused tag
                continue
            seen.add(key)
            yield key, key_node, value_node

    def mapping(self, node: yaml.Node, path: str, cell: LogicalCell | None = None) -> bool:
        if isinstance(node, yaml.MappingNode):
            return True
        self.report_problem("S005", node, cell or _path_cell(path), expected="mapping", actual=_shape(node))
        return False

    # -- the document --------------------------------------------------------------------
    def read(self, root: yaml.Node | None) -> ReadResult:
        if root is None or not isinstance(root, yaml.MappingNode):
            self.report_problem("S001", root, actual=_shape(root) if root is not None else "empty")
            return ReadResult(None, self.diagnostics)
        top: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, key_node, value_node in self.entries(root, "", TOP_KEYS):
            top[key] = (key_node, value_node)
        spec, year = self.choose_format(root, top)
        agency = self.required_text(root, top, "agency")
        if spec is None or year is None:
            return ReadResult(None, self.diagnostics)
        report = Report(spec=spec, year=year, agency=agency or "", source=self.source)
        report.explicit_format = "format" in top
        for key, (_, value_node) in top.items():
            report.locations[key] = self.loc(value_node)
        self.read_meta(report, top)
        self.read_texts(report, root, top.get("text"))
        for table in spec.tables:
            if table.key not in top:
                self.report_problem("S002", root, _path_cell(table.key), key=table.key)
                continue
            self.read_tree(report, table, _TREES[spec.key][table.key], top[table.key][1], table.key)
        return ReadResult(report, self.diagnostics)

    def choose_format(
        self, root: yaml.Node, top: dict[str, tuple[yaml.Node, yaml.Node]]
    ) -> tuple[FormatSpec | None, int | None]:
        if "year" not in top:
            self.report_problem("S002", root, _path_cell("year"), key="year")
            return None, None
        year_node = top["year"][1]
        year = self.whole_number(year_node)
        if year is None or not 1990 <= year <= 2200:
            self.report_problem(
                "S009", year_node, _path_cell("year"), expected="2021", actual=_raw(year_node)
            )
            return None, None
        supported = "、".join(FORMATS)
        if year < min(spec.years[0] for spec in FORMATS.values()):
            self.report_problem("S007", year_node, _path_cell("year"), actual=str(year), supported=supported)
            return None, year
        if "format" in top:
            node = top["format"][1]
            key = str(node.value) if isinstance(node, yaml.ScalarNode) else ""
            if key not in FORMATS:
                self.report_problem(
                    "S007", node, _path_cell("format"), actual=_raw(node), supported=supported
                )
                return None, year
            return FORMATS[key], year
        spec = format_for_year(year)
        if spec is None:
            self.report_problem("S007", year_node, _path_cell("year"), actual=str(year), supported=supported)
        return spec, year

    def whole_number(self, node: yaml.Node) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT:
            try:
                value = parse_plain_number(node.value, ValueKind.SIGNED)
            except ValueProblem:
                return None
            return int(value)
        return None

    def required_text(
        self, root: yaml.Node, top: dict[str, tuple[yaml.Node, yaml.Node]], key: str
    ) -> str | None:
        if key not in top:
            self.report_problem("S002", root, _path_cell(key), key=key)
            return None
        node = top[key][1]
        if not isinstance(node, yaml.ScalarNode) or node.tag != _STR or not node.value.strip():
            self.report_problem("S009", node, _path_cell(key), expected="text", actual=_raw(node))
            return None
        return str(node.value).strip()

    def read_meta(self, report: Report, top: dict[str, tuple[yaml.Node, yaml.Node]]) -> None:
        if "kind" in top:
            node = top["kind"][1]
            if isinstance(node, yaml.ScalarNode) and node.value in KINDS:
                report.kind = node.value
            else:
                self.report_problem(
                    "S009", node, _path_cell("kind"), expected=" | ".join(KINDS), actual=_raw(node)
                )
        if "title" in top:
            node = top["title"][1]
            if isinstance(node, yaml.ScalarNode) and node.tag == _STR and node.value.strip():
                report.title = node.value.strip()
            elif not (isinstance(node, yaml.ScalarNode) and node.tag == _NULL):
                self.report_problem("S009", node, _path_cell("title"), expected="text", actual=_raw(node))
        if "date" in top:
            node = top["date"][1]
            report.date = self.read_date(node)

    def read_date(self, node: yaml.Node) -> datetime.date | None:
        if isinstance(node, yaml.ScalarNode) and node.tag in (_STR, f"{_TAG}timestamp"):
            try:
                return datetime.date.fromisoformat(node.value.strip()[:10])
            except ValueError:
                pass
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return None
        self.report_problem("S009", node, _path_cell("date"), expected="2022-01-20", actual=_raw(node))
        return None

    def read_texts(
        self, report: Report, root: yaml.Node, text_entry: tuple[yaml.Node, yaml.Node] | None
    ) -> None:
        required = {section.key for section in report.spec.sections if section.text_required}
        found: dict[str, yaml.Node] = {}
        if text_entry is None:
            self.report_problem("S002", root, _path_cell("text"), key="text")
            return
        node = text_entry[1]
        if not self.mapping(node, "text"):
            return
        assert isinstance(node, yaml.MappingNode)
        for key, _, value_node in self.entries(node, "text", TEXT_KEYS):
            found[key] = value_node
            where = f"text.{key}"
            report.locations[where] = self.loc(value_node)
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag == _STR:
                report.texts[key] = _paragraph_text(value_node.value)
                body = self.text_body(value_node)
                if body is not None:
                    report.locations[where + TEXT_BODY] = body
            elif isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL:
                report.texts[key] = ""
            else:
                self.report_problem(
                    "S005", value_node, _path_cell(where), expected="text", actual=_shape(value_node)
                )
        for key in TEXT_KEYS:
            if key in required and not report.texts.get(key, "").strip():
                target = found.get(key)
                if f"text.{key}" in self.refused or (target is not None and key not in report.texts):
                    continue  # its tag or shape is already reported
                self.report_problem(
                    "S008", target if target is not None else node, _path_cell(f"text.{key}"), key=key
                )

    def text_body(self, node: yaml.ScalarNode) -> Location | None:
        """Where the first character of a text is, when its lines are the file's lines (else None)."""
        start, end = node.start_mark, node.end_mark
        if node.style == "|":
            line = start.line + 1
            while line < len(self.lines) and not self.lines[line].strip():
                line += 1
            if line >= len(self.lines):
                return None
            content = self.lines[line]
            return Location(self.source, line + 1, len(content) - len(content.lstrip(" ")) + 1)
        if start.line != end.line or start.line >= len(self.lines) or node.value != node.value.strip():
            return None
        raw = self.lines[start.line][start.column : end.column]
        if node.style is None:
            return Location(self.source, start.line + 1, start.column + 1)
        if (node.style == '"' and "\\" not in raw) or (node.style == "'" and "''" not in raw):
            return Location(self.source, start.line + 1, start.column + 2)
        return None

    # -- tables ----------------------------------------------------------------------------
    def read_tree(self, report: Report, table: Table, tree: KeyTree, node: yaml.Node, path: str) -> None:
        if not self.mapping(node, path):
            _set_unusable(report, tree, self.loc(node))
            return
        assert isinstance(node, yaml.MappingNode)
        present: set[str] = set()
        for key, _, value_node in self.entries(node, path, tuple(tree)):
            present.add(key)
            child = tree[key]
            where = f"{path}.{key}"
            if isinstance(child, Record):
                self.read_record(report, table, child, value_node)
            else:
                self.read_tree(report, table, child, value_node, where)
        for key, child in tree.items():
            if key in present or (isinstance(child, Record) and child.derived):
                continue
            self.report_problem("S002", node, _path_cell(f"{path}.{key}"), key=f"{path}.{key}")
            _set_unusable(report, child, self.loc(node))

    def read_record(self, report: Report, table: Table, record: Record, node: yaml.Node) -> None:
        fields = record.fields
        if isinstance(node, yaml.SequenceNode) and record.accepts_list:
            written = len(node.value)
            if written != len(fields) and written != len([f for f in fields if not f.derived]):
                self.report_problem(
                    "S005",
                    node,
                    logical_cell(table, record, None),
                    expected=f"{len(fields)}",
                    actual=f"{written}",
                    shape="list",
                )
                _set_unusable(report, record, self.loc(node))
                return
            self.read_cells(report, table, record, zip(fields, node.value, strict=False))
            return
        if not isinstance(node, yaml.MappingNode):
            expected = "list-or-mapping" if record.accepts_list else "mapping"
            self.report_problem(
                "S005", node, logical_cell(table, record, None), expected=expected, actual=_shape(node)
            )
            _set_unusable(report, record, self.loc(node))
            return
        present: set[str] = set()
        self.read_cells(report, table, record, self.record_entries(node, record, present))
        for fld in fields:
            if fld.key not in present and not fld.derived:
                where = logical_cell(table, record, fld.key)
                self.report_problem("S002", node, where, key=f"{record.id}.{fld.key}")
                report.cells[(record.id, fld.key)] = Cell(0, CellState.INVALID, self.loc(node))

    def record_entries(
        self, node: yaml.MappingNode, record: Record, present: set[str]
    ) -> Iterator[tuple[Field, yaml.Node]]:
        """Yield (field, value node) of a record written as a mapping, noting the keys present."""
        for key, _, item in self.entries(node, record.id, record.field_keys):
            present.add(key)
            yield record.field(key), item

    def read_cells(
        self, report: Report, table: Table, record: Record, items: Iterable[tuple[Field, yaml.Node]]
    ) -> None:
        """Read the cells of a record; plain counts, the usual case, take the short way."""
        source, cells, record_id, given = self.source, report.cells, record.id, CellState.GIVEN
        for fld, node in items:
            if node.tag == _INT and isinstance(node, yaml.ScalarNode):
                text = node.value  # the usual case, a plain count: ASCII digits without a leading zero
                if text.isdigit() and text.isascii() and (text[0] != "0" or len(text) == 1):
                    mark = node.start_mark
                    location = Location(source, mark.line + 1, mark.column + 1)
                    cells[(record_id, fld.key)] = Cell(int(text), given, location)
                    continue
            self.read_cell(report, table, record, fld, node)

    def read_cell(self, report: Report, table: Table, record: Record, fld: Field, node: yaml.Node) -> None:
        location = self.loc(node)
        key = (record.id, fld.key)
        try:
            value = self.number(node, fld.kind)
        except ValueProblem as problem:
            self.report_problem(
                problem.code,
                node,
                logical_cell(table, record, fld.key),
                actual=_raw(node),
                hint=problem.hint,
                kind=fld.kind.value,
            )
            report.cells[key] = Cell(0, CellState.INVALID, location)
            return
        if value is None:
            self.report_problem(
                "V003", node, logical_cell(table, record, fld.key), severity=Severity.WARNING, expected="0"
            )
            report.cells[key] = Cell(0, CellState.BLANK, location)
            return
        report.cells[key] = Cell(value, CellState.GIVEN, location)

    def number(self, node: yaml.Node, kind: ValueKind) -> Number | None:
        if not isinstance(node, yaml.ScalarNode):
            raise ValueProblem("V001", "not-a-number")
        tag = node.tag
        if tag == _NULL:
            return None
        if tag == _INT or tag == _FLOAT:
            text = node.value
            if tag == _FLOAT and text.lower().lstrip("+-") in (".inf", ".nan"):
                raise ValueProblem("V001", "not-a-number")
            return check_sign(parse_plain_number(text, kind), kind)
        if tag == _BOOL:
            raise ValueProblem("V001", "boolean")
        if tag == _STR:
            raise ValueProblem("V001", hint_for_text(node.value))
        raise ValueProblem("V001", "not-a-number")


def _set_unusable(report: Report, child: KeyTree | Record, location: Location) -> None:
    """Mark the cells under ``child`` invalid: the problem is reported, so the arithmetic skips them."""
    if isinstance(child, dict):
        for grandchild in child.values():
            _set_unusable(report, grandchild, location)
        return
    if child.derived:
        return  # a derived row left unread is computed from its parts
    for fld in child.fields:
        if not fld.derived:
            report.cells[(child.id, fld.key)] = Cell(0, CellState.INVALID, location)


def _path_cell(path: str) -> LogicalCell:
    return LogicalCell("", path, None, (path,), (path,))


def _shape(node: yaml.Node | None) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    if node is None or node.tag == _NULL:
        return "empty"
    return "scalar"


def _raw(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        text = str(node.value)
        text = text if len(text) <= 40 else text[:40] + "…"
        return f'"{text}"' if node.style in ('"', "'") else text
    return _shape(node)


def _paragraph_text(value: str) -> str:
    """Narrative text with trailing white space removed from lines and from the end."""
    return "\n".join(line.rstrip() for line in value.strip().splitlines())
