"""The example reports and every report under tests/ quote their own tables correctly (no N001)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.check.validate import validate_file

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATA = sorted((TESTS / "data").glob("*.yaml"))
OTHERS = sorted(
    path
    for path in TESTS.rglob("*.yaml")
    if path.is_file() and "cases" not in path.parts and path not in DATA and path.name != "index.yaml"
)


@pytest.mark.parametrize("path", EXAMPLES + DATA, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_examples_and_test_data_have_no_narrative_finding(path: Path) -> None:
    result = validate_file(path)
    assert result.report is not None
    assert [d.code for d in result.diagnostics if d.code.startswith("N")] == []


def test_the_examples_quote_figures() -> None:
    # guards the test above against a scanner that finds nothing
    from reportgen.check.rules.narrative_scan import find_mentions

    result = validate_file(ROOT / "examples" / "2021.yaml")
    assert result.report is not None
    assert len(find_mentions(result.report.texts["overview"], 2021)) >= 10


def test_no_other_report_under_tests_has_a_narrative_finding() -> None:
    assert OTHERS
    offenders = [
        f"{path.relative_to(ROOT)}: {d.code} {d.location}"
        for path in OTHERS
        for d in validate_file(path).diagnostics
        if d.code.startswith("N")
    ]
    assert offenders == []
