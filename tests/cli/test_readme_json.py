"""The README's JSON example is real output: same shape, same values (``related`` shortened there)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from clihelp import run

import casekit

README = casekit.TESTS_DIR.parent / "README.md"
CORPUS_FILE = casekit.TESTS_DIR / "corpus" / "files" / "total-mismatch.yaml"


def _readme_example() -> Any:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## JSON output\n", 1)[1]
    match = re.search(r"```json\n(.*?)\n```", section, re.S)
    assert match, "README: no json block under ## JSON output"
    return json.loads(match.group(1))


def test_readme_json_example_is_real_output(tmp_path: Path) -> None:
    shutil.copy(CORPUS_FILE, tmp_path / "乙市统计局.yaml")
    outcome = run("validate", "--no-config", "--format", "json", "乙市统计局.yaml", cwd=tmp_path)
    assert outcome.exit_code == 1
    actual = outcome.json()
    documented = _readme_example()
    [documented_finding] = documented["files"][0]["diagnostics"]
    [actual_finding] = actual["files"][0]["diagnostics"]
    for item in documented_finding.pop("related"):
        assert item in actual_finding["related"]
    actual_finding.pop("related")
    assert documented == actual
