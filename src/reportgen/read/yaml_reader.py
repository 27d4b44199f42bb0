"""Turning a composed YAML node tree into a Report, reporting every problem with its place."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from ..core.diagnostics import InputError, Location, LogicalCell, Severity
from ..core.model import KINDS, TEXT_KEYS, Cell, CellState, Report, TextSource, logical_cell
from ..core.values import MAX_DIGITS, Number, ValueProblem, check_sign, hint_for_text, parse_plain_number
from ..spec.types import Field, FormatSpec, KeyTree, Record, Table, ValueKind
from .report_rules import (
    LIST,
    Findings,
    KeyPath,
    ReadResult,
    declared_format,
    format_mismatch,
    format_of_year,
    format_params,
    kind_of,
    missing_texts,
    other_format_of,
    plausible_year,
    supported_formats,
    year_without_format,
)
from .yaml_text import compose_text, decode, read_bytes

_SHAPE_CODES = frozenset({"S002", "S003", "S005"})
"""Findings that say the tables are not shaped as the format expects (then the other format is tried)."""
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


def read_yaml_report(path: Path) -> ReadResult:
    """Read a YAML report file; unreadable or malformed files give an F-coded finding."""
    name = str(path)
    try:
        text = decode(read_bytes(path), name)
        root = compose_text(text, name)
    except InputError as error:
        return ReadResult(None, [error.diagnostic])
    return _YamlReportReader(name, text).read(root)


class _YamlReportReader:
    def __init__(self, source: str, text: str = "") -> None:
        self.source = source
        self.text = text  # the decoded file, for the raw form of narrative texts
        self.findings = Findings(source)

    # -- helpers -------------------------------------------------------------------------
    def loc(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.source, mark.line + 1, mark.column + 1)

    def text_source(self, node: yaml.Node) -> TextSource:
        """A scalar's characters as written in the file and where they begin."""
        start, end = node.start_mark, node.end_mark
        return TextSource(self.text[start.index : end.index], start.line + 1, start.column + 1)

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
        location = self.loc(node) if node is not None else None
        if code == "S002":
            self.findings.missing(params["key"], location, cell)
            return
        self.findings.add(code, location, cell, severity, expected, actual, **params)

    def tag_ok(self, node: yaml.Node, path: str) -> bool:
        if node.tag in _ALLOWED_TAGS:
            return True
        self.report_problem("S006", node, _path_cell(path), tag=node.tag.replace(_TAG, "!!"))
        self.findings.refuse(path)
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
            return self.findings.result(None)
        top: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, key_node, value_node in self.entries(root, "", TOP_KEYS):
            top[key] = (key_node, value_node)
        spec, year = self.choose_format(root, top)
        agency = self.required_text(root, top, "agency")
        if spec is None or year is None:
            return self.findings.result(None)
        if "format" in top:
            mismatch = format_mismatch(year, spec)
            if mismatch is not None:
                self.findings.add_with("S011", self.loc(top["format"][1]), _path_cell("format"), mismatch)
            return self.findings.result(self.build(spec, year, agency, root, top))
        mark, refused = len(self.findings.diagnostics), set(self.findings.refused)
        report = self.build(spec, year, agency, root, top)
        if any(d.code in _SHAPE_CODES for d in self.findings.diagnostics[mark:]):
            other = self.other_format(spec, top)  # looked for only when the tables did not fit
            if other is not None:
                data_format, example = other
                del self.findings.diagnostics[mark:]
                self.findings.refused = refused
                where = self.loc(top[example[0]][1])
                params = {**format_params(year, data_format, spec), "example": ".".join(example)}
                self.findings.add_with("S012", where, _path_cell(example[0]), params)
                report = self.build(data_format, year, agency, root, top)
        return self.findings.result(report)

    def build(
        self,
        spec: FormatSpec,
        year: int,
        agency: str | None,
        root: yaml.MappingNode,
        top: dict[str, tuple[yaml.Node, yaml.Node]],
    ) -> Report:
        """The report read in the format ``spec``: metadata, texts and tables."""
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
            self.read_tree(report, table, spec.key_trees[table.key], top[table.key][1], table.key)
        return report

    def other_format(
        self, spec: FormatSpec, top: dict[str, tuple[yaml.Node, yaml.Node]]
    ) -> tuple[FormatSpec, KeyPath] | None:
        """The format the tables are written in when it is clearly not ``spec`` (with an example key)."""
        paths = [path for key in spec.key_trees if key in top for path in _key_paths(top[key][1], (key,))]
        return other_format_of(spec, paths)

    def choose_format(
        self, root: yaml.Node, top: dict[str, tuple[yaml.Node, yaml.Node]]
    ) -> tuple[FormatSpec | None, int | None]:
        if "year" not in top:
            self.report_problem("S002", root, _path_cell("year"), key="year")
            return None, None
        year_node = top["year"][1]
        year = self.whole_number(year_node)
        if year is None or not plausible_year(year):
            self.report_problem(
                "S009", year_node, _path_cell("year"), expected="2021", actual=_raw(year_node)
            )
            return None, None
        supported = supported_formats()
        if year_without_format(year):
            self.report_problem("S007", year_node, _path_cell("year"), actual=str(year), supported=supported)
            return None, year
        if "format" in top:
            node = top["format"][1]
            declared = declared_format(str(node.value) if isinstance(node, yaml.ScalarNode) else "")
            if declared is None:
                self.report_problem(
                    "S007", node, _path_cell("format"), actual=_raw(node), supported=supported
                )
            return declared, year
        spec = format_of_year(year)
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
            kind = kind_of(str(node.value)) if isinstance(node, yaml.ScalarNode) else None
            if kind is not None:
                report.kind = kind
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
                report.text_sources[key] = self.text_source(value_node)
            elif isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL:
                report.texts[key] = ""
            else:
                self.report_problem(
                    "S005", value_node, _path_cell(where), expected="text", actual=_shape(value_node)
                )
        refused = self.findings.refused
        reported = {key for key in TEXT_KEYS if f"text.{key}" in refused}
        reported |= {key for key in found if key not in report.texts}  # its shape is already reported
        for key in missing_texts(report, reported):
            target = found.get(key)
            self.report_problem(
                "S008", target if target is not None else node, _path_cell(f"text.{key}"), key=key
            )

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
                if (
                    text.isdigit()
                    and text.isascii()
                    and (text[0] != "0" or len(text) == 1)
                    and len(text) < MAX_DIGITS  # longer ones are bounds-checked on the long way
                ):
                    mark = node.start_mark
                    location = Location(source, mark.line + 1, mark.column + 1)
                    cells[(record_id, fld.key)] = Cell(int(text), given, location)
                    continue
            self.read_cell(report, table, record, fld, node)

    def read_cell(self, report: Report, table: Table, record: Record, fld: Field, node: yaml.Node) -> None:
        location = self.loc(node)
        key = (record.id, fld.key)
        if isinstance(node, yaml.SequenceNode | yaml.MappingNode):  # a number belongs here
            where = logical_cell(table, record, fld.key)
            self.report_problem("S005", node, where, expected="number", actual=_shape(node))
            report.cells[key] = Cell(0, CellState.INVALID, location)
            return
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


def _key_paths(node: yaml.Node, path: KeyPath, depth: int = 6) -> Iterator[KeyPath]:
    """The key paths written below a table's node (a list ends its path with ``LIST``)."""
    if isinstance(node, yaml.SequenceNode):
        yield (*path, LIST)
    elif isinstance(node, yaml.MappingNode) and depth > 0:
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                yield from _key_paths(value_node, (*path, str(key_node.value)), depth - 1)
    elif len(path) > 1:
        yield path


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
