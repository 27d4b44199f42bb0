"""Cross-year rules over a whole submission set: --previous DIR pairs files by name."""

from __future__ import annotations

import json
from pathlib import Path

from cihelp import run


def _codes(stdout: str) -> dict[str, list[str]]:
    data = json.loads(stdout)
    return {f["file"]: [d["code"] for d in f["diagnostics"]] for f in data["files"]}


def test_each_file_is_compared_with_its_namesake(sample: Path) -> None:
    outcome = run("validate", "submissions", "--previous", "previous", "--format", "json", "--no-config")
    codes = _codes(outcome.stdout)
    assert codes["submissions/a-ok.yaml"] == []  # carried over 1 = last year's 1 carried forward
    assert codes["submissions/c-blank.yaml"] == ["X101", "X101", "V003"]  # 0 against last year's 2
    assert codes["submissions/units/e-ok.yaml"] == []  # no namesake last year: nothing to compare
    data = json.loads(outcome.stdout)
    x101 = data["files"][2]["diagnostics"][0]
    assert x101["message"] == "上年结转为 0，上年报告 previous/c-blank.yaml 结转下年度为 2"


def test_folder_structure_is_kept_in_pairing(sample: Path) -> None:
    Path("previous/units").mkdir()
    last = Path("previous/c-blank.yaml").read_text(encoding="utf-8").replace("丙区民政局", "戊镇人民政府")
    Path("previous/units/e-ok.yaml").write_text(last, encoding="utf-8")
    codes = _codes(run("validate", "submissions", "--previous", "previous", "--format", "json").stdout)
    assert codes["submissions/units/e-ok.yaml"] == ["X101", "X101"]


def test_an_unreadable_namesake_is_reported_with_the_file(sample: Path) -> None:
    Path("previous/a-ok.yaml").write_text("year: [2020\n", encoding="utf-8")
    outcome = run(
        "validate", "submissions/a-ok.yaml", "--previous", "previous", "--lang", "en", "--no-config"
    )
    assert outcome.code == 2
    assert outcome.stdout.splitlines()[0].startswith("previous/a-ok.yaml:2:1: error F003 malformed YAML")


def test_a_single_previous_file_serves_every_file(sample: Path) -> None:
    outcome = run("validate", "submissions", "--previous", "previous/c-blank.yaml", "--format", "json")
    codes = _codes(outcome.stdout)
    assert codes["submissions/a-ok.yaml"] == ["X101", "X101"]  # 1 against c-blank's 2
    assert codes["submissions/units/e-ok.yaml"] == ["X101", "X101"]
    assert json.loads(outcome.stdout)["previous"]["file"] == "previous/c-blank.yaml"
