"""Properties of validation over randomly generated reports of both formats.

The generator builds every report from the format definitions (``reportgen.spec.FORMATS``): the
records, fields, value kinds, derived totals, balances and at-least checks all come from the spec,
so a format change is picked up here without editing this file.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, currently_in_test_context, given, note, settings
from hypothesis import strategies as st

from reportgen.check.messages import message
from reportgen.check.results import FileResult
from reportgen.check.validate import validate_file
from reportgen.core.diagnostics import Diagnostic, Severity
from reportgen.core.model import TEXT_KEYS, CellKey, CellState
from reportgen.core.values import MAX_MAGNITUDE, Number, hint_for_text
from reportgen.spec import FORMATS, FormatSpec, Record, ValueKind
from reportgen.spec.types import Field, KeyTree, key_tree
from reportgen.write.schema import json_schema

# No example database (it would be written into the checkout); a failure prints the blob that
# reproduces it with @reproduce_failure.
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
    print_blob=True,
)

# Record styles: how a record is written.
LIST, LIST_PLAIN = "list", "list-plain"  # flow list in printed column order (plain: without totals)
MAP, MAP_PLAIN = "map", "map-plain"  # flow mapping (plain: without totals)
BLOCK = "block"  # block mapping, one field per line, totals included
OMIT = "omit"  # a derived row left to the tool

# 某 is left out: an agency called 某… is a placeholder (C001)
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5, exclude_characters="某")
TODAY = datetime.date.today()
# What sections must say to be complete (C008, C009, C010): added after the generated text.
REQUIRED_WORDS = {
    "overview": "本年度开展了工作考核、社会评议和责任追究。",
    "problems": "上年度问题已整改。",
    "other_matters": "本年度未收取信息处理费。",
}


@dataclass
class Plan:
    """A report to write: metadata, texts, every cell's number and how each record is written."""

    spec: FormatSpec
    year: int
    explicit_format: bool
    agency: str
    kind: str | None
    date: datetime.date | None
    texts: dict[str, str]
    values: dict[CellKey, Number]
    styles: dict[str, str]
    orders: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field order of mappings

    def __repr__(self) -> str:
        return f"Plan(format {self.spec.key}, {self.year}; the YAML text is in the notes)"

    def fields_written(self, record: Record) -> list[Field]:
        """The fields of ``record`` that appear in the file, in the order written."""
        style = self.styles[record.id]
        if style == OMIT:
            return []
        fields = [f for f in record.fields if not (f.derived and style in (LIST_PLAIN, MAP_PLAIN))]
        if style in (MAP, MAP_PLAIN, BLOCK):
            order = self.orders.get(record.id, tuple(f.key for f in record.fields))
            fields.sort(key=lambda f: order.index(f.key))
        return fields

    def written(self) -> list[CellKey]:
        """Every cell that appears in the file."""
        return [(r.id, f.key) for r in self.spec.records for f in self.fields_written(r)]


# -- numbers ---------------------------------------------------------------------------------------
def _number(draw: st.DrawFn, kind: ValueKind) -> Number:
    if kind is ValueKind.SIGNED:
        return draw(st.integers(-1000, 1000))
    if kind is ValueKind.AMOUNT:
        places = draw(st.integers(0, 2))
        return draw(st.decimals(min_value=0, max_value=10**6, places=places))
    return draw(st.one_of(st.integers(0, 20), st.integers(0, 100_000)))


def _sum(numbers: list[Number]) -> Number:
    total: Number = 0
    for number in numbers:
        total = total + number
    return total


@st.composite
def cell_values(draw: st.DrawFn, spec: FormatSpec) -> dict[CellKey, Number]:
    """Numbers for every cell of ``spec`` that satisfy every rule the spec defines."""
    balances = [balance for table in spec.tables for balance in getattr(table, "balances", ())]
    solved = {record_id for balance in balances for record_id in balance.lhs}
    values: dict[CellKey, Number] = {}
    for record in spec.records:
        if record.derived or record.id in solved:
            continue
        for fld in record.fields:
            if not fld.derived:
                values[(record.id, fld.key)] = _number(draw, fld.kind)
    for check in spec.at_least:
        greater, lesser = (check.record, check.greater), (check.record, check.lesser)
        values[greater] = values[lesser] + draw(st.integers(0, 50))
    for record in spec.records:
        if record.derived:
            for fld in record.fields:
                if not fld.derived:
                    values[(record.id, fld.key)] = _sum([values[(part, fld.key)] for part in record.sum_of])
    for balance in balances:
        # The right-hand side (results, carried forward …) is drawn; the left-hand side is split so
        # that it adds up to the same number, column by column.
        for fld in spec.record(balance.lhs[0]).fields:
            if fld.derived:
                continue
            remaining = _sum([values[(record_id, fld.key)] for record_id in balance.rhs])
            for record_id in balance.lhs[1:]:
                share = draw(st.integers(0, int(remaining)))
                values[(record_id, fld.key)] = share
                remaining -= share
            values[(balance.lhs[0], fld.key)] = remaining
    for record in spec.records:
        for fld in record.fields:
            if fld.derived:
                values[(record.id, fld.key)] = _sum([values[(record.id, part)] for part in fld.sum_of])
    assert set(values) == {(r.id, f.key) for r in spec.records for f in r.fields}
    return values


# -- whole reports ---------------------------------------------------------------------------------
def _style(draw: st.DrawFn, record: Record) -> str:
    choices = [MAP, MAP_PLAIN, BLOCK]
    if record.accepts_list:
        choices += [LIST, LIST_PLAIN]
    if record.derived:
        choices.append(OMIT)
    return draw(st.sampled_from(choices))


PARAGRAPH = st.text(CJK, min_size=1, max_size=60)
TEXT = st.lists(PARAGRAPH, min_size=1, max_size=3).map("\n\n".join)


@st.composite
def plans(draw: st.DrawFn, spec: FormatSpec | None = None) -> Plan:
    """A valid report of either format (or of ``spec``), with varied ways of writing it."""
    spec = spec or draw(st.sampled_from(list(FORMATS.values())))
    first, last = spec.years
    year = draw(st.integers(first, min(last if last is not None else first + 10, TODAY.year - 1)))
    required = {section.key for section in spec.sections if section.text_required}
    texts = {}
    for key in TEXT_KEYS:
        if key in required or draw(st.booleans()):
            texts[key] = draw(TEXT) + REQUIRED_WORDS.get(key, "")
    kind = draw(st.sampled_from([None, "department", "government"]))
    deadline = datetime.date(year + 1, 3 if kind == "government" else 1, 31)
    styles = {record.id: _style(draw, record) for record in spec.records}
    orders = {
        record.id: tuple(draw(st.permutations([f.key for f in record.fields])))
        for record in spec.records
        if draw(st.booleans())
    }
    return Plan(
        spec=spec,
        year=year,
        explicit_format=draw(st.booleans()),
        agency=draw(st.text(CJK, min_size=2, max_size=20)),
        kind=kind,
        date=draw(st.dates(datetime.date(year, 12, 31), min(deadline, TODAY))),  # on time, not ahead
        texts=texts,
        values=draw(cell_values(spec)),
        styles=styles,
        orders=orders,
    )


def _scalar(value: Number) -> str:
    return f"{value:f}" if isinstance(value, Decimal) else str(value)


def _record_lines(plan: Plan, record: Record, key: str, indent: str, raw: dict[CellKey, str]) -> list[str]:
    fields = plan.fields_written(record)
    style = plan.styles[record.id]
    text = {f.key: raw.get((record.id, f.key), _scalar(plan.values[(record.id, f.key)])) for f in fields}
    if style == BLOCK or any((record.id, f.key) in raw for f in fields):
        return [f"{indent}{key}:", *(f"{indent}  {f.key}: {text[f.key]}" for f in fields)]
    if style in (LIST, LIST_PLAIN):
        return [f"{indent}{key}: [{', '.join(text[f.key] for f in fields)}]"]
    return [f"{indent}{key}: {{{', '.join(f'{f.key}: {text[f.key]}' for f in fields)}}}"]


def _tree_lines(plan: Plan, tree: KeyTree, indent: str, raw: dict[CellKey, str]) -> list[str]:
    lines: list[str] = []
    for key, child in tree.items():
        if isinstance(child, Record):
            if plan.styles[child.id] != OMIT:
                lines.extend(_record_lines(plan, child, key, indent, raw))
        else:
            lines.append(f"{indent}{key}:")
            lines.extend(_tree_lines(plan, child, indent + "  ", raw))
    return lines


def render(plan: Plan, raw: dict[CellKey, str] | None = None) -> str:
    """The YAML text of ``plan``; ``raw`` replaces the written text of some cells."""
    raw = raw or {}
    lines = [f"year: {plan.year}"]
    if plan.explicit_format:
        lines.append(f'format: "{plan.spec.key}"')
    lines.append(f"agency: {plan.agency}")
    if plan.kind is not None:
        lines.append(f"kind: {plan.kind}")
    if plan.date is not None:
        lines.append(f"date: {plan.date.isoformat()}")
    lines.append("text:")
    for key, text in plan.texts.items():
        lines.append(f"  {key}: |")
        lines.extend(f"    {line}" if line else "" for line in text.split("\n"))
    for table in plan.spec.tables:
        lines.append(f"{table.key}:")
        lines.extend(_tree_lines(plan, key_tree(table), "  ", raw))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def validate_text(directory: Path, text: str) -> FileResult:
    if currently_in_test_context():
        note(text)
    path = directory / "report.yaml"
    path.write_text(text, encoding="utf-8")
    return validate_file(path)


def names(diagnostic: Diagnostic, key: CellKey) -> bool:
    """Whether the finding names the cell: as its own cell or among the related cells."""
    cells = [diagnostic.cell, *diagnostic.related]
    return any(cell is not None and (cell.record, cell.field) == key for cell in cells)


# -- properties ------------------------------------------------------------------------------------
@SETTINGS
@given(plan=plans())
def test_data_satisfying_every_rule_validates_clean(workdir: Path, plan: Plan) -> None:
    result = validate_text(workdir, render(plan))
    assert result.diagnostics == []
    assert result.report is not None
    assert result.report.spec is plan.spec
    assert result.report.resolved() == plan.values


def _detectable(plan: Plan, key: CellKey) -> bool:
    """Whether a sum rule always catches a change of this cell (a balance, or a written total)."""
    record = plan.spec.record(key[0])
    if getattr(plan.spec.table_of(record.id), "balances", ()):
        return True
    return any(f.derived for f in plan.fields_written(record))


@SETTINGS
@given(plan=plans(), data=st.data())
def test_changing_one_cell_gives_findings_that_all_name_it(
    workdir: Path, plan: Plan, data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(plan.written()), label="cell")
    kind = plan.spec.record(key[0]).field(key[1]).kind
    old = plan.values[key]
    if kind is ValueKind.AMOUNT:
        delta: Number = data.draw(st.decimals(min_value=-old, max_value=1000, places=2).filter(bool), "delta")
    elif kind is ValueKind.SIGNED:
        delta = data.draw(st.integers(-100, 100).filter(bool), label="delta")
    else:
        delta = data.draw(st.integers(-int(old), 100).filter(bool), label="delta")
    result = validate_text(workdir, render(plan, {key: _scalar(old + delta)}))

    assert all(d.code.startswith("T") for d in result.diagnostics), result.diagnostics
    for diagnostic in result.diagnostics:
        assert names(diagnostic, key), (key, diagnostic)
    if _detectable(plan, key):
        assert any(d.severity is Severity.ERROR for d in result.diagnostics)


@SETTINGS
@given(plan=plans(), data=st.data(), number=st.integers(-(10**15), 10**15))
def test_a_plain_integer_reads_as_that_number_or_gives_v002_or_v007(
    workdir: Path, plan: Plan, data: st.DataObject, number: int
) -> None:
    key = data.draw(st.sampled_from(plan.written()), label="cell")
    kind = plan.spec.record(key[0]).field(key[1]).kind
    result = validate_text(workdir, render(plan, {key: str(number)}))

    assert result.report is not None
    value_findings = [d for d in result.diagnostics if not d.code.startswith("T")]
    if abs(number) > MAX_MAGNITUDE:
        assert [d.code for d in value_findings] == ["V007"]
        assert names(value_findings[0], key)
        assert result.report.cells[key].state is CellState.INVALID
    elif number >= 0 or kind is ValueKind.SIGNED:
        assert value_findings == []
        cell = result.report.cells[key]
        assert (cell.value, cell.state) == (number, CellState.GIVEN)
    else:
        assert [d.code for d in value_findings] == ["V002"]
        assert names(value_findings[0], key)
        assert result.report.cells[key].state is CellState.INVALID


REALISTIC_TEXT = st.sampled_from(["12件", "1,234", "１２", "3万元", "无", "N/A", "12.5.1", "一百"])


@SETTINGS
@given(
    plan=plans(), data=st.data(), text=st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"]))
)
def test_a_string_in_a_number_cell_gives_v001_with_a_hint(
    workdir: Path, plan: Plan, data: st.DataObject, text: str
) -> None:
    key = data.draw(st.sampled_from(plan.written()), label="cell")
    if data.draw(st.booleans(), label="realistic, written plainly"):
        text = data.draw(REALISTIC_TEXT, label="text")
        written = text
    else:
        written = json.dumps(text)  # a double-quoted YAML scalar
    result = validate_text(workdir, render(plan, {key: written}))

    value_findings = [d for d in result.diagnostics if not d.code.startswith("T")]
    assert [d.code for d in value_findings] == ["V001"]
    finding = value_findings[0]
    assert finding.cell is not None and (finding.cell.record, finding.cell.field) == key
    assert finding.param("hint") == hint_for_text(text)
    assert message(finding, "zh").rsplit("：", 1)[1].strip()
    assert message(finding, "en").rsplit(": ", 1)[1].strip()
    assert result.report is not None
    assert result.report.cells[key].state is CellState.INVALID


def _json_able(data: object) -> object:
    """YAML data as a JSON editor sees it: dates are strings."""
    if isinstance(data, dict):
        return {key: _json_able(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_json_able(value) for value in data]
    if isinstance(data, datetime.date):
        return data.isoformat()
    return data


def _validator(spec: FormatSpec) -> jsonschema.Draft202012Validator:
    schema = json_schema(spec)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


VALIDATORS = {key: _validator(spec) for key, spec in FORMATS.items()}


@SETTINGS
@given(plan=plans())
def test_the_json_schema_accepts_every_valid_report(plan: Plan) -> None:
    text = render(plan)
    note(text)
    data = _json_able(yaml.safe_load(text))
    errors = list(VALIDATORS[plan.spec.key].iter_errors(data))
    assert errors == []


@pytest.mark.parametrize("format_key", sorted(FORMATS))
def test_a_changed_row_total_is_named_by_the_balance_it_upsets(workdir: Path, format_key: str) -> None:
    # An all-zero report with every row written in full except the derived (七）总计 row, which the
    # tool adds up from the rows' 总计 cells. Raising one row's 总计 breaks that row (T303) and the
    # balance of the 总计 column (T301); both must name the changed cell.
    spec = FORMATS[format_key]
    derived = next(record for record in spec.records if record.derived)
    leaf = spec.record(derived.sum_of[0])
    total = next(f for f in leaf.fields if f.derived)
    plan = Plan(
        spec=spec,
        year=spec.years[0],
        explicit_format=True,
        agency="营口市档案局",
        kind=None,
        date=datetime.date(spec.years[0] + 1, 1, 20),
        texts={s.key: "无。" + REQUIRED_WORDS.get(s.key, "") for s in spec.sections if s.text_required},
        values={(r.id, f.key): 0 for r in spec.records for f in r.fields},
        styles={r.id: OMIT if r.derived else LIST if r.accepts_list else MAP for r in spec.records},
    )
    key = (leaf.id, total.key)
    result = validate_text(workdir, render(plan, {key: "1"}))

    assert sorted(d.code for d in result.diagnostics) == ["T301", total.total_rule]
    for diagnostic in result.diagnostics:
        assert names(diagnostic, key), diagnostic
