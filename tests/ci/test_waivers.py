"""Waivers: accepted findings stop failing, are still reported, and go stale when fixed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cihelp import run

from reportgen.check.waivers import Waiver, WaiverBook
from reportgen.core.diagnostics import Diagnostic, Location, LogicalCell, Severity

INVALID = "submissions/b-total.yaml"  # one T303 at applications.results.granted.total


def _waivers(text: str, name: str = "waivers.toml") -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


WAIVE_T303 = """
[[waiver]]
file = "submissions/b-total.yaml"
rule = "T303"
cell = "applications.results.granted.total"
reason = "accepted: printed total kept"
"""


def test_a_waived_finding_no_longer_fails_and_is_reported_as_waived(sample: Path) -> None:
    assert run("validate", INVALID, "--no-config").code == 1
    _waivers(WAIVE_T303)
    outcome = run("validate", INVALID, "--no-config", "--waivers", "waivers.toml", "--lang", "en")
    assert outcome.code == 0
    assert "submissions/b-total.yaml:25:33: waived T303 " in outcome.stdout
    assert "(reason: accepted: printed total kept)" in outcome.stdout
    assert "submissions/b-total.yaml: valid (0 errors, 0 warnings, 1 waived)" in outcome.stdout


def test_a_waiver_for_another_cell_or_rule_does_not_apply(sample: Path) -> None:
    _waivers(WAIVE_T303.replace("granted.total", "partially_granted.total"))
    outcome = run("validate", INVALID, "--no-config", "--waivers", "waivers.toml", "--lang", "en")
    assert outcome.code == 1
    assert "stale waiver #1" in outcome.stdout
    _waivers(WAIVE_T303.replace('rule = "T303"', 'rule = "T302"'))
    assert run("validate", INVALID, "--no-config", "--waivers", "waivers.toml").code == 1


def test_a_waiver_without_cell_covers_the_rule_in_that_file(sample: Path) -> None:
    _waivers(WAIVE_T303.replace('cell = "applications.results.granted.total"\n', ""))
    assert run("validate", INVALID, "--no-config", "--waivers", "waivers.toml").code == 0
    # … and only in that file
    Path("other.yaml").write_text(Path(INVALID).read_text(encoding="utf-8"), encoding="utf-8")
    assert run("validate", "other.yaml", "--no-config", "--waivers", "waivers.toml").code == 1


def test_a_stale_waiver_is_reported_once_its_file_is_fixed(sample: Path) -> None:
    _waivers(WAIVE_T303)
    fixed = (
        Path(INVALID).read_text(encoding="utf-8").replace("[3, 0, 0, 0, 0, 0, 4]", "[3, 0, 0, 0, 0, 0, 3]")
    )
    Path(INVALID).write_text(fixed, encoding="utf-8")
    outcome = run("validate", INVALID, "--no-config", "--waivers", "waivers.toml", "--format", "json")
    assert outcome.code == 0  # stale waivers are reported, they do not fail the run
    stale = json.loads(outcome.stdout)["summary"]["stale_waivers"]
    assert stale == [
        {
            "source": "waivers.toml",
            "number": 1,
            "file": "submissions/b-total.yaml",
            "rule": "T303",
            "cell": "applications.results.granted.total",
            "reason": "accepted: printed total kept",
        }
    ]
    text = run("validate", INVALID, "--no-config", "--waivers", "waivers.toml").stdout
    assert (
        "waivers.toml：第 1 条豁免（submissions/b-total.yaml T303 applications.results.granted.total）"
        in text
    )


def test_a_waiver_for_a_file_not_checked_is_not_stale(sample: Path) -> None:
    _waivers(WAIVE_T303)
    outcome = run("validate", "submissions/a-ok.yaml", "--no-config", "--waivers", "waivers.toml")
    assert "豁免" not in outcome.stdout


def test_waiver_paths_are_relative_to_the_waiver_file(sample: Path) -> None:
    _waivers(
        WAIVE_T303.replace("submissions/b-total.yaml", "../submissions/b-total.yaml"), "config/waivers.toml"
    )
    Path("reportgen.toml").write_text('waivers = "config/waivers.toml"\n', encoding="utf-8")
    assert run("validate", INVALID).code == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (WAIVE_T303.replace('reason = "accepted: printed total kept"', 'reason = "  "'), "waiver #1.reason:"),
        (
            WAIVE_T303.replace('reason = "accepted: printed total kept"\n', ""),
            "waiver #1.reason: Field required",
        ),
        (WAIVE_T303.replace('"T303"', '"T999"'), "waiver #1.rule: 未知的规则代码或类别"),
        (WAIVE_T303.replace('"T303"', '"T"'), "waiver #1.rule: 请写一个规则代码"),
        (WAIVE_T303.replace('"T303"', '"F003"'), "waiver #1.rule: 文件类规则（F）不能关闭"),
        (WAIVE_T303.replace("cell =", "cel ="), "waiver #1.cel: Extra inputs are not permitted"),
        ("[[waiver]]\nfile = 3\n", "waiver #1.file: Input should be a valid string"),
    ],
)
def test_bad_waiver_files_are_usage_errors(sample: Path, text: str, expected: str) -> None:
    _waivers(text)
    outcome = run("validate", INVALID, "--no-config", "--waivers", "waivers.toml")
    assert outcome.code == 2
    assert "waivers.toml" in outcome.stderr and expected in outcome.stderr


def test_a_workbook_finding_is_waived_by_its_sheet_and_cell(tmp_path: Path) -> None:
    target = tmp_path / "unit.xlsx"
    cell = LogicalCell("三", "applications.results.granted", "total")
    finding = Diagnostic("T303", Severity.ERROR, Location(str(target), sheet="表三", cell="J12"), cell)
    other = Diagnostic("T303", Severity.ERROR, Location(str(target), sheet="表三", cell="J13"))
    book = WaiverBook([Waiver("unit.xlsx", "T303", "表三!J12", "ok", str(tmp_path / "w.toml"), 1)])
    kept, waived = book.apply(str(target), [finding, other])
    assert kept == [other]
    assert [w.diagnostic for w in waived] == [finding]
    assert book.stale() == []
