"""The bad-input corpus through the real command line: exit code, rule code and place, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from reportgen.cli import main

CORPUS = Path(__file__).resolve().parent
FILES = CORPUS / "files"
INDEX: list[dict[str, Any]] = yaml.safe_load((CORPUS / "index.yaml").read_text(encoding="utf-8"))
IDS = [str(entry["file"]) for entry in INDEX]


def _path(entry: dict[str, Any]) -> Path:
    path = FILES / str(entry["file"])
    assert path.exists() != bool(entry.get("missing")), f"{path}: existence does not match the index"
    return path


def _place(at: str) -> tuple[int | str | None, int | str | None]:
    """(line, column) of a YAML place, (sheet, cell) of a workbook's ``表三!D6``, or nothing for ``file``."""
    if at == "file":
        return None, None
    if "!" in at:
        sheet, cell = at.split("!")
        return sheet, cell
    line, column = at.split(":")
    return int(line), int(column)


def test_index_covers_every_file() -> None:
    listed = {str(entry["file"]) for entry in INDEX}
    on_disk = {path.name for path in FILES.iterdir()}
    assert sorted(on_disk - listed) == [], "corpus files missing from index.yaml"
    for entry in INDEX:
        assert set(entry) <= {"file", "about", "exit", "code", "at", "missing", "stderr", "stderr_en"}, entry
        assert entry["exit"] in (0, 1, 2)
        assert entry.get("code") is None or "at" in entry, entry


@pytest.mark.parametrize("entry", INDEX, ids=IDS)
def test_subprocess_json(entry: dict[str, Any], tmp_path: Path) -> None:
    path = _path(entry)
    completed = subprocess.run(
        [sys.executable, "-m", "reportgen", "validate", "--no-config", "--format", "json", str(path)],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    stdout = completed.stdout.decode("utf-8")
    stderr = completed.stderr.decode("utf-8")
    assert "Traceback" not in stdout + stderr, stdout + stderr
    assert completed.returncode == entry["exit"], stdout + stderr
    if entry.get("code") is None:
        assert str(entry["stderr"]) in stderr
        return
    data = json.loads(stdout)
    [result] = data["files"]
    assert result["file"] == str(path)
    line, column = _place(str(entry["at"]))
    found = [
        (d["code"], *((d["sheet"], d["cell"]) if d["sheet"] else (d["line"], d["column"])))
        for d in result["diagnostics"]
    ]
    assert (entry["code"], line, column) in found, found


@pytest.mark.parametrize("entry", INDEX, ids=IDS)
def test_click_runner_text(entry: dict[str, Any], tmp_path: Path) -> None:
    path = _path(entry)
    result = CliRunner().invoke(main, ["validate", "--no-config", "--lang", "en", str(path)])
    output = result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert "Traceback" not in output
    assert result.exit_code == entry["exit"], output
    if entry.get("code") is None:
        assert str(entry["stderr_en"]) in result.stderr
        return
    where = f"{path}:{entry['at']}" if entry["at"] != "file" else str(path)
    severity = "warning" if entry["exit"] == 0 else "error"
    assert f"{where}: {severity} {entry['code']} " in result.stdout, result.stdout
