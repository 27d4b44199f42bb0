"""Placeholders in the narrative: what is one, what is text, what a name stands for, and the N001 scan."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.check.rules.narrative import check_narrative
from reportgen.check.rules.narrative_scan import find_mentions
from reportgen.core.placeholders import (
    MASK,
    PlaceholderKind,
    fill_placeholders,
    find_placeholders,
    mask_placeholders,
    substitute,
)
from reportgen.read.dispatch import read_report
from reportgen.spec import FORMATS
from reportgen.spec.references import cell_references, closest_reference, find_reference

DATA = Path(__file__).resolve().parents[1] / "data"


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind.value, p.name) for p in find_placeholders(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年新收申请{新收申请}件", [("placeholder", "新收申请")]),
        ("{applications.results.granted.total}", [("placeholder", "applications.results.granted.total")]),
        ("{{新收申请}}", [("escaped", "新收申请")]),
        ("{新收申请件，", [("unclosed", "新收申请件")]),
        ("{新收申请件，办结{办结}件", [("unclosed", "新收申请件"), ("placeholder", "办结")]),
        ("{新收申请\n}", [("unclosed", "新收申请")]),
        # template code, spaces, punctuation, empty braces: text
        ("{{ 7*7 }}", []),
        ("{% if true %}是{% endif %}", []),
        ("{# 注释 #}", []),
        ("{{ report.title }}", []),
        ("{ 新收申请 }", []),
        ("{注：略}", []),
        ("{}", []),
        ("{{7*7}}", []),
        ("没有花括号", []),
        # looked up as names (and found unknown), never evaluated
        ("{__class__}", [("placeholder", "__class__")]),
        ("{新收申请.__class__}", [("placeholder", "新收申请.__class__")]),
    ],
)
def test_what_is_a_placeholder(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_offsets_and_written_form() -> None:
    text = "甲{新收申请}乙{{办结}}丙{上年结转"
    found = find_placeholders(text)
    assert [text[p.start : p.end] for p in found] == ["{新收申请}", "{{办结}}", "{上年结转"]
    assert [p.written for p in found] == ["{新收申请}", "{{办结}}", "{上年结转"]
    kinds = [PlaceholderKind.PLACEHOLDER, PlaceholderKind.ESCAPED, PlaceholderKind.UNCLOSED]
    assert [p.kind for p in found] == kinds


def test_substitute_replaces_known_names_and_unescapes() -> None:
    values = {"新收申请": "170", "办结": "168"}
    text = "新收{新收申请}件，办结{办结}件，写作{{新收申请}}，未知{未知}，{{ 7*7 }}，{新收申请件"
    filled = "新收170件，办结168件，写作{新收申请}，未知{未知}，{{ 7*7 }}，{新收申请件"
    assert substitute(text, values.get) == filled
    assert substitute("无占位符", values.get) == "无占位符"


def test_fill_prints_numbers_as_the_tables_do() -> None:
    read = read_report(DATA / "valid-2021.yaml")
    assert read.report is not None
    report = read.report
    values = report.resolved()
    text = "{新收申请}/{办结}/{不予公开}/{收费金额}/{applications.results.granted.legal_service}/{新收.real}"
    assert fill_placeholders(text, report.spec, values) == "170/168/29/3.85/2/{新收.real}"


def test_an_amount_prints_without_trailing_zeros() -> None:
    spec = FORMATS["2021"]
    values = {key: 0 for key in cell_references(spec).values() for key in key.cells}
    values[("active_disclosure.fees", "amount")] = Decimal("3.50")
    assert fill_placeholders("{收费金额}万元", spec, values) == "3.5万元"


def test_references_of_each_format() -> None:
    new, old = FORMATS["2021"], FORMATS["2019"]
    assert find_reference(new, "收费金额") is not None and find_reference(old, "收费金额") is None
    assert find_reference(old, "采购金额") is not None and find_reference(new, "采购金额") is None
    path = find_reference(new, "applications.results.denied.state_secret.total")
    assert path is not None and path.cells == (("applications.results.denied.state_secret", "total"),)
    figure = find_reference(new, "不予公开")
    assert figure is not None and figure.figure is not None and len(figure.cells) == 8
    for name in ("__class__", "新收申请.__class__", "applications", "applications.new_received", "", "."):
        assert find_reference(new, name) is None


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("新收申请数", "新收申请"),
        ("办洁", "办结"),
        ("新收申请.total", "新收申请"),
        ("applications.results.granted.natural_persons", "applications.results.granted.natural_person"),
        ("applications.new_received.total.real", "applications.new_received.total"),
        ("__class__", None),
    ],
)
def test_did_you_mean(name: str, suggestion: str | None) -> None:
    assert closest_reference(FORMATS["2021"], name) == suggestion


def test_masking_keeps_offsets_and_hides_placeholders_from_the_scan() -> None:
    text = "全年新收政府信息公开申请{新收申请}件，上年结转{{4}}件；办结{办结}件，{未知}件，{新收申请件"
    masked = mask_placeholders(text)
    assert len(masked) == len(text)
    assert masked.count(MASK) == len("{新收申请}{{4}}{办结}{未知}")
    assert masked.endswith("{新收申请件")
    assert find_mentions(masked, 2021) == []


def test_a_placeholder_never_trips_n001() -> None:
    read = read_report(DATA / "valid-2021.yaml")
    assert read.report is not None
    report = read.report
    report.texts["applications"] = "全年新收政府信息公开申请{新收申请}件，上年结转{上年结转}件；办结{办结}件"
    assert check_narrative(report, report.resolved()) == []
    report.texts["applications"] += "结转下年度继续办理7件。"  # a number written out is still compared
    assert [d.param("figure") for d in check_narrative(report, report.resolved())] == ["结转下年度"]
