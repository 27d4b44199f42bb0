"""Hostile numbers and one file's failure: bounded values (V007), isolated failures (F012), whole runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import casekit
from reportgen.check import validate
from reportgen.cli import main
from reportgen.core.model import Report

CORPUS = Path(__file__).resolve().parent / "corpus" / "files"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2021.yaml"
HUGE = "9" * 5000


def _validate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", "--no-config", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout


def _batch(folder: Path) -> list[Path]:
    """Good reports a.yaml, c.yaml and d.yaml around the hostile b.yaml (written by the caller)."""
    folder.mkdir()
    for name in ("a", "c", "d"):
        shutil.copy(EXAMPLE, folder / f"{name}.yaml")
    return sorted(folder.iterdir())


def _codes(result: dict[str, object]) -> set[str]:
    diagnostics = result["diagnostics"]
    assert isinstance(diagnostics, list)
    return {d["code"] for d in diagnostics}


def test_a_huge_count_in_a_batch_leaves_the_other_files_checked(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    _batch(folder)
    shutil.copy(CORPUS / "huge-count.yaml", folder / "b.yaml")
    code, out = _validate("--format", "json", str(folder))
    data = json.loads(out)
    assert [Path(f["file"]).name for f in data["files"]] == ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]
    assert [_codes(f) for f in data["files"]] == [set(), {"V007"}, set(), set()]
    assert data["summary"]["files"] == 4
    assert data["summary"]["valid"] == 3
    assert data["summary"]["with_errors"] == 1
    assert code == 1


def test_output_file_is_written_for_a_batch_with_a_huge_count(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    _batch(folder)
    shutil.copy(CORPUS / "huge-count-as-text.xlsx", folder / "b.xlsx")
    target = tmp_path / "out.sarif"
    code, _ = _validate("--format", "sarif", "-o", str(target), str(folder))
    sarif = json.loads(target.read_text(encoding="utf-8"))
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"V007"}
    assert code == 1


def test_an_unexpected_error_is_a_finding_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "batch"
    _batch(folder)
    shutil.copy(EXAMPLE, folder / "b.yaml")
    original = validate.check_arithmetic

    def failing_for_b(report: Report, *args: object) -> object:
        # A deliberate defect, in this process only: the arithmetic check (not something a user
        # relies on for this test) raises for b.yaml, as a defect of reportgen might on odd input.
        if report.source.endswith("b.yaml"):
            raise ZeroDivisionError("deliberate " + "x" * 500)
        return original(report, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(validate, "check_arithmetic", failing_for_b)
    code, out = _validate("--format", "json", str(folder))
    data = json.loads(out)
    assert [Path(f["file"]).name for f in data["files"]] == ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]
    assert [_codes(f) for f in data["files"]] == [set(), {"F012"}, set(), set()]
    [finding] = data["files"][1]["diagnostics"]
    assert "ZeroDivisionError: deliberate" in finding["message"]
    assert len(finding["message"]) < 400  # the reason is cut short
    assert data["summary"]["unreadable"] == 1
    assert data["summary"]["valid"] == 3
    assert code == 2


@pytest.mark.parametrize("name", ["huge-count.yaml", "huge-count-as-text.xlsx"])
def test_a_previous_report_with_a_huge_count(name: str) -> None:
    code, out = _validate("--format", "json", "--previous", str(CORPUS / name), str(EXAMPLE))
    data = json.loads(out)
    assert _codes(data["previous"]) == {"V007"}
    assert "V007" not in _codes(data["files"][0])
    assert code == 0  # last year's errors are reported with it; they do not fail this year's report


def test_a_row_of_huge_counts_whose_total_would_grow_past_any_limit(tmp_path: Path) -> None:
    row = ", ".join(["‸" + HUGE] * 6 + ["‸" + HUGE + "9"])
    path, _ = casekit.write({"base": 2021, "set": {"applications.carried_over": f"[{row}]"}}, tmp_path, "r")
    code, out = _validate("--format", "json", str(path))
    [result] = json.loads(out)["files"]
    assert [d["code"] for d in result["diagnostics"]] == ["V007"] * 7
    assert code == 1


def test_a_huge_number_in_the_information_sheet_year(tmp_path: Path) -> None:
    path, _ = casekit.write({"workbook": {"cells": {"基本信息!B3": HUGE}}}, tmp_path, "r")
    code, out = _validate("--format", "json", str(path))
    [result] = json.loads(out)["files"]
    assert [(d["code"], d["sheet"], d["cell"]) for d in result["diagnostics"]] == [("S009", "基本信息", "B3")]
    assert code == 1


def _convert(source: Path, target: Path) -> int:
    result = CliRunner().invoke(main, ["convert", str(source), str(target), "--force"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code


@pytest.mark.parametrize("count", ["1000000000001", "12345678901234567", "1" + "0" * 400, HUGE])
def test_convert_refuses_a_count_beyond_the_bound(count: str, tmp_path: Path) -> None:
    path, _ = casekit.write(
        {"base": 2021, "set": {"active_disclosure.penalty.decisions": count}}, tmp_path, "r"
    )
    target = tmp_path / "out.xlsx"
    assert _convert(path, target) == 1
    assert not target.exists()


def test_convert_keeps_the_largest_count_exactly_both_ways(tmp_path: Path) -> None:
    path, _ = casekit.write(
        {"base": 2021, "set": {"active_disclosure.penalty.decisions": "1000000000000"}}, tmp_path, "r"
    )
    book, back = tmp_path / "out.xlsx", tmp_path / "back.yaml"
    assert _convert(path, book) == 0
    assert _convert(book, back) == 0
    assert "{decisions: 1000000000000}" in back.read_text(encoding="utf-8").replace("  ", "")


@pytest.mark.parametrize("value", [1000000000001, 10**15 + 1, "12345678901234567"])
def test_convert_refuses_a_workbook_value_beyond_the_bound(value: object, tmp_path: Path) -> None:
    path, _ = casekit.write({"workbook": {"cells": {"表三!D6": value}}}, tmp_path, "r")
    target = tmp_path / "out.yaml"
    assert _convert(path, target) == 1
    assert not target.exists()
