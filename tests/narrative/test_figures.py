"""The catalogue of named figures: which cells each sums, per format."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.read.dispatch import read_report
from reportgen.spec import FORMATS
from reportgen.spec.figures import FIGURES, figure_value, named_figures
from reportgen.spec.types import ValueKind

DATA = Path(__file__).resolve().parents[1] / "data"
COMMON = (
    "新收申请",
    "上年结转",
    "办结",
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "结转下年度",
    "行政复议",
    "行政诉讼",
    "行政许可",
    "行政处罚",
    "行政强制",
)


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_every_format_has_the_common_figures(key: str) -> None:
    figures = named_figures(FORMATS[key])
    assert set(COMMON) <= set(figures)


def test_the_formats_differ_in_table_two() -> None:
    in_2019, in_2021 = named_figures(FORMATS["2019"]), named_figures(FORMATS["2021"])
    for name in ("制发规范性文件", "废止规范性文件", "现行有效规范性文件", "收费金额", "现行有效规章"):
        assert name in in_2021 and name not in in_2019
    for name in ("新制作规范性文件", "新公开规范性文件", "对外公开规范性文件", "采购金额"):
        assert name in in_2019 and name not in in_2021
    assert in_2021["其他处理"].cells != in_2019["其他处理"].cells
    assert in_2019["其他处理"].cells == (("applications.results.other", "total"),)


@pytest.mark.parametrize("key", sorted(FORMATS))
def test_group_figures_sum_every_row_of_their_group(key: str) -> None:
    spec = FORMATS[key]
    figures = named_figures(spec)
    for name, group in (
        ("不予公开", "denied"),
        ("无法提供", "unable"),
        ("不予处理", "not_processed"),
        ("其他处理", "other"),
    ):
        prefix = f"applications.results.{group}"
        rows = [r.id for r in spec.records if r.id == prefix or r.id.startswith(prefix + ".")]
        assert [record for record, _ in figures[name].cells] == rows, name
        assert {field for _, field in figures[name].cells} == {"total"}


def test_every_figure_belongs_to_some_format_and_names_are_unique_per_format() -> None:
    for figure in FIGURES:
        assert any(named_figures(spec).get(figure.name) is figure for spec in FORMATS.values()), figure.name
        assert figure.description and figure.name_en
    for spec in FORMATS.values():
        figures = named_figures(spec)
        for figure in figures.values():
            for record_id, field_key in figure.cells:
                kind = spec.record(record_id).field(field_key).kind
                assert kind is figure.kind, (figure.name, record_id, field_key)


def test_values_of_the_valid_2021_report() -> None:
    report = read_report(DATA / "valid-2021.yaml").report
    assert report is not None
    values = report.resolved()
    figures = named_figures(report.spec)
    expected = {
        "新收申请": 170,
        "上年结转": 4,
        "办结": 168,
        "予以公开": 51,
        "部分公开": 10,
        "不予公开": 29,
        "无法提供": 43,
        "不予处理": 23,
        "其他处理": 12,
        "结转下年度": 6,
        "行政复议": 6,
        "行政诉讼": 6,
        "制发规范性文件": 6,
        "现行有效规范性文件": 31,
        "行政许可": 18436,
        "收费金额": Decimal("3.85"),
    }
    assert {name: figure_value(figures[name], values) for name in expected} == expected
    assert figures["收费金额"].kind is ValueKind.AMOUNT
