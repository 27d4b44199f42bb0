"""Completeness and copy rules on the edges the case files cannot fix: the day of validation, long texts."""

from __future__ import annotations

import dataclasses
import datetime
import time
from pathlib import Path

import pytest

import casekit
from reportgen.check.rules.completeness import check_completeness
from reportgen.check.rules.copies import check_copies, section_similarity
from reportgen.check.validate import check_report
from reportgen.core.model import Report
from reportgen.read.dispatch import read_report
from reportgen.write.skeleton import skeleton

DAY = datetime.date(2026, 12, 1)


def _report(base: str) -> Report:
    read = read_report(casekit.BASES[base])
    assert read.report is not None and read.diagnostics == []
    return read.report


def _codes(report: Report, today: datetime.date = DAY) -> list[str]:
    return sorted(d.code for d in check_completeness(report, today))


@pytest.mark.parametrize(("year", "codes"), [(2025, []), (2026, []), (2027, ["C006"])])
def test_a_report_year_may_not_be_later_than_this_year(year: int, codes: list[str]) -> None:
    report = dataclasses.replace(_report("2021"), year=year, date=datetime.date(year + 1, 1, 20))
    found = [d for d in check_completeness(report, DAY) if d.code != "C004"]  # dated in the future too
    assert [d.code for d in found] == codes
    for diagnostic in found:
        if diagnostic.code == "C006":
            assert (diagnostic.expected, diagnostic.actual) == ("≤ 2026", str(year))


@pytest.mark.parametrize(
    ("date", "codes"),
    [
        (datetime.date(2022, 1, 25), []),
        (DAY, ["C005"]),
        (DAY + datetime.timedelta(days=1), ["C004", "C005"]),
        (datetime.date(2021, 12, 30), ["C003"]),
        (datetime.date(2021, 12, 31), []),
    ],
)
def test_the_date_against_today_the_year_end_and_the_deadline(date: datetime.date, codes: list[str]) -> None:
    assert _codes(dataclasses.replace(_report("2021"), date=date)) == codes


def test_check_report_takes_the_day_of_validation() -> None:
    report = dataclasses.replace(_report("2021"), date=datetime.date(2022, 1, 25))
    assert [d.code for d in check_report(report, today=datetime.date(2022, 1, 24))] == ["C004"]
    assert check_report(report, today=DAY) == []


def test_findings_inside_a_block_text_point_at_the_character(tmp_path: Path) -> None:
    text = casekit.base_text("2021").replace("三是进一步完善考核评价机制", "三是XX年进一步完善考核评价机制")
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    read = read_report(path)
    assert read.report is not None
    (finding,) = check_completeness(read.report, DAY)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "三是XX年" in row)
    column = text.splitlines()[line - 1].index("XX") + 1
    assert (finding.code, finding.location.line, finding.location.column) == ("C001", line, column)


def test_the_yaml_skeleton_fails_until_filled(tmp_path: Path) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(skeleton(2021, "营口市档案局"), encoding="utf-8")
    read = read_report(path)
    assert read.report is not None
    codes = _codes(read.report)
    assert codes.count("C001") == 2 and "C002" in codes  # two （请填写…） texts, no date


def test_tables_of_zeros_repeating_are_not_a_copy(tmp_path: Path) -> None:
    problems = "存在的主要问题：解读不够。改进情况：上年度问题已整改。"
    for year in (2021, 2022):
        text = (
            skeleton(year, "营口市档案局")
            .replace("（请填写总体情况）", f"{year}年，本局政府信息公开工作有序开展。")
            .replace("（请填写存在的主要问题及改进情况）", problems)
            .replace('other_matters: "无。"', 'other_matters: "本年度未收取信息处理费。"')
            .replace("date: null", f"date: {year + 1}-01-20")
        )
        (tmp_path / f"{year}.yaml").write_text(text, encoding="utf-8")
    previous, report = (read_report(tmp_path / f"{year}.yaml").report for year in (2021, 2022))
    assert previous is not None and report is not None
    assert check_completeness(report, DAY) == []
    assert check_copies(report, report.resolved(), previous, previous.resolved()) == []


def test_comparing_long_texts_stays_fast() -> None:
    paragraph = "本年度围绕重点领域推进政府信息公开工作，及时发布政策文件和解读材料，回应社会关切。"
    text = "".join(f"{paragraph[: 10 + n % 30]}第{n}项。" for n in range(2000))  # about 60 000 characters
    edited = text.replace("回应", "回复")
    started = time.perf_counter()
    assert section_similarity(edited, text) >= 0.9
    assert section_similarity(text[::-1], text) < 0.9
    assert time.perf_counter() - started < 2
