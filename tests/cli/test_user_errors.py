"""Every command stops on a user's mistake with one message in the chosen language and exit code 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clihelp import invoke

VALID = Path(__file__).resolve().parents[1] / "data" / "valid-2021.yaml"
HAN = re.compile(r"[\u4e00-\u9fff]")


def _cases(tmp: Path) -> dict[str, tuple[list[str | Path], str, str]]:
    existing = tmp / "exists.yaml"
    existing.write_text("year: 2021\n", encoding="utf-8")
    return {
        "validate: a pattern matching nothing": (
            ["validate", "--no-config", str(tmp / "none" / "*.yaml")],
            "没有找到",
            "no .yaml, .yml or .xlsx file found",
        ),
        "validate: an unknown rule": (
            ["validate", "--no-config", "--select", "Q9", VALID],
            "未知的规则代码或类别",
            "unknown rule code or family",
        ),
        "build: an unknown output format": (
            ["build", VALID, "--to", "pdfx", "-o", tmp],
            "未知的输出格式",
            "unknown output format",
        ),
        "init: a year without a format": (
            ["init", "--year", "2012", "-o", tmp / "x.yaml"],
            "没有适用于 2012 年的格式",
            "no format applies to 2012",
        ),
        "init: an existing file": (["init", "-o", existing], "已存在", "already exists"),
        "convert: an unsupported target": (
            ["convert", VALID, tmp / "x.txt"],
            "不支持的输出类型",
            "unsupported output type",
        ),
        "schema: two formats to standard output": (["schema"], "用 --format", "Give --format"),
    }


NAMES = [
    "validate: a pattern matching nothing",
    "validate: an unknown rule",
    "build: an unknown output format",
    "init: a year without a format",
    "init: an existing file",
    "convert: an unsupported target",
    "schema: two formats to standard output",
]


@pytest.mark.parametrize("name", NAMES)
def test_chinese_by_default_english_on_request(name: str, tmp_path: Path) -> None:
    args, zh, en = _cases(tmp_path)[name]
    chinese = invoke(*args)
    assert chinese.exit_code == 2
    assert zh in chinese.stderr and en not in chinese.stderr
    english = invoke(*args, "--lang", "en")
    assert english.exit_code == 2
    assert en in english.stderr
    assert not HAN.search(english.stderr), english.stderr


def test_convert_names_the_findings_that_stop_it_in_the_chosen_language(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = VALID.read_text(encoding="utf-8").replace("year: 2021", "year: 二〇二一")
    broken.write_text(text, encoding="utf-8")
    english = invoke("convert", broken, tmp_path / "out.xlsx", "--lang", "en")
    assert english.exit_code == 1
    assert "S009" in english.stderr and "the input has errors" in english.stderr
    assert not (tmp_path / "out.xlsx").exists()
