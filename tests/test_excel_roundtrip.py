"""Lossless conversion: report → XLSX → report, report → YAML → report, YAML → XLSX → YAML (hypothesis)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.core.model import KINDS, TEXT_KEYS, Cell, CellState, Report
from reportgen.read.excel.reader import read_workbook_report
from reportgen.read.yaml_reader import read_yaml_report
from reportgen.spec.registry import FORMATS
from reportgen.spec.types import ValueKind
from reportgen.write.excel.writer import report_bytes
from reportgen.write.yaml_writer import report_yaml

_CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\x85\u2028\u2029",
)
_NAME = st.text(_CHARS, min_size=1, max_size=20).map(str.strip).filter(bool)
_LINE = st.text(_CHARS | st.sampled_from("=+-@#:'\"|>&*!%\t 一二三　"), max_size=40)


def _paragraphs(lines: list[str]) -> str:
    """Narrative text as a reader gives it: lines' ends trimmed, no blank ends."""
    return "\n".join(line.rstrip() for line in "\n".join(lines).strip().splitlines())


_TEXT = st.lists(_LINE, min_size=1, max_size=6).map(_paragraphs)
_REQUIRED_TEXT = _TEXT.filter(bool)


def _value(kind: ValueKind) -> st.SearchStrategy[int | Decimal]:
    if kind is ValueKind.COUNT:
        return st.integers(0, 10**9)
    if kind is ValueKind.SIGNED:
        return st.integers(-(10**6), 10**6)
    return st.integers(0, 10**6) | st.decimals(0, 10**8, places=4, allow_nan=False, allow_infinity=False)


@st.composite
def reports(draw: st.DrawFn, yaml_shaped: bool = False) -> Report:
    """A report as a reader could give it with no reading error (totals need not add up)."""
    spec = FORMATS[draw(st.sampled_from(sorted(FORMATS)))]
    first, last = spec.years
    year = draw(st.integers(first, last or first + 10))
    report = Report(spec=spec, year=year, agency=draw(_NAME), source="generated")
    report.kind = draw(st.sampled_from(KINDS))
    report.title = draw(st.none() | _NAME)
    report.date = draw(st.none() | st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)))
    report.explicit_format = draw(st.booleans())
    required = {s.key for s in spec.sections if s.text_required}
    for key in TEXT_KEYS:
        text = draw(_REQUIRED_TEXT) if key in required else draw(st.none() | _REQUIRED_TEXT)
        if text is not None:
            report.texts[key] = text
    for record in spec.records:
        whole_row_absent = record.derived and yaml_shaped and draw(st.booleans())
        for fld in record.fields:
            key = (record.id, fld.key)
            derived = fld.derived or record.derived
            if whole_row_absent:
                continue
            states = [CellState.GIVEN, CellState.BLANK] + ([CellState.ABSENT] if derived else [])
            if record.derived and yaml_shaped and not fld.derived:
                states = [CellState.GIVEN, CellState.BLANK]
            state = draw(st.sampled_from(states))
            if state is CellState.GIVEN:
                report.cells[key] = Cell(draw(_value(fld.kind)), state)
            elif state is CellState.BLANK:
                report.cells[key] = Cell(0, state)
    return report


def contract(report: Report) -> dict[str, Any]:
    """Everything the data contract carries, without where it was read from."""
    return {
        "format": report.spec.key,
        "year": report.year,
        "agency": report.agency,
        "kind": report.kind,
        "title": report.title,
        "date": report.date,
        "explicit_format": report.explicit_format,
        "texts": dict(report.texts),
        "cells": {
            key: (cell.state, cell.value)
            for key, cell in sorted(report.cells.items())
            if cell.state is not CellState.ABSENT
        },
    }


SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(reports())
def test_report_to_workbook_to_report(tmp_path_factory: Any, report: Report) -> None:
    path = Path(tmp_path_factory.mktemp("rt")) / "report.xlsx"
    path.write_bytes(report_bytes(report))
    read = read_workbook_report(path)
    assert read.report is not None, read.diagnostics
    assert not [d for d in read.diagnostics if d.code not in ("V003",)]
    assert contract(read.report) == contract(report)
    blanks = {d.location.place() for d in read.diagnostics}
    assert len(blanks) == sum(1 for c in report.cells.values() if c.state is CellState.BLANK)


@SETTINGS
@given(reports(yaml_shaped=True))
def test_report_to_yaml_to_report(tmp_path_factory: Any, report: Report) -> None:
    path = Path(tmp_path_factory.mktemp("ry")) / "report.yaml"
    path.write_text(report_yaml(report), encoding="utf-8")
    read = read_yaml_report(path)
    assert read.report is not None, read.diagnostics
    assert not [d for d in read.diagnostics if d.code not in ("V003",)], read.diagnostics
    assert contract(read.report) == contract(report)


@SETTINGS
@given(reports(yaml_shaped=True))
def test_yaml_to_workbook_to_yaml(tmp_path_factory: Any, report: Report) -> None:
    """YAML → XLSX → YAML gives back the same text: every value and every blank."""
    folder = Path(tmp_path_factory.mktemp("yxy"))
    text = report_yaml(report)
    first = read_yaml_report(_write(folder / "in.yaml", text)).report
    assert first is not None
    (folder / "mid.xlsx").write_bytes(report_bytes(first))
    middle = read_workbook_report(folder / "mid.xlsx").report
    assert middle is not None
    assert report_yaml(middle) == text


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_blank_absent_and_given_totals_survive_the_workbook(tmp_path: Path) -> None:
    """The three states of a total cell: a formula (absent), an empty cell (blank), a typed number."""
    text = (Path(__file__).resolve().parent.parent / "examples" / "2021.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "carried_over:       [  3,  1, 0, 0, 0, 0,   4]", "carried_over: [3, 1, 0, 0, 0, 0, ~]"
    )
    text = text.replace(
        "carried_forward:    [  4,  1, 0, 0, 1, 0,   6]", "carried_forward: [4, 1, 0, 0, 1, 0]"
    )
    source = _write(tmp_path / "in.yaml", text)
    report = read_yaml_report(source).report
    assert report is not None
    assert report.cell("applications.carried_over", "total").state is CellState.BLANK
    assert report.cell("applications.carried_forward", "total").state is CellState.ABSENT
    (tmp_path / "out.xlsx").write_bytes(report_bytes(report))
    back = read_workbook_report(tmp_path / "out.xlsx").report
    assert back is not None
    assert back.cell("applications.carried_over", "total").state is CellState.BLANK
    assert back.cell("applications.carried_forward", "total").state is CellState.ABSENT
    assert back.cell("applications.new_received", "total").state is CellState.GIVEN
    assert contract(back) == contract(report)
