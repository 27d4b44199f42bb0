"""Helpers for the CI-gate tests: a copy of the sample submissions and a way to run the command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import main

CI_DIR = Path(__file__).resolve().parent
DATA = CI_DIR / "data"
GOLDEN = CI_DIR / "golden"
UPDATE = os.environ.get("REPORTGEN_UPDATE_GOLDEN") == "1"


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


def copy_data(target: Path) -> Path:
    """The sample submission set (submissions/, previous/, waivers.toml) copied into ``target``."""
    shutil.copytree(DATA, target, dirs_exist_ok=True)
    return target


def run(*args: str) -> Outcome:
    """``reportgen ARGS`` in this process (the current folder is the caller's)."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, cwd: Path, module: bool = True) -> subprocess.CompletedProcess[str]:
    """``python -m reportgen ARGS`` (or the ``reportgen`` script) as a separate process."""
    if module:
        command = [sys.executable, "-m", "reportgen", *args]
    else:
        command = [str(Path(sys.executable).with_name("reportgen")), *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False)


def check_golden(name: str, text: str) -> None:
    """``text`` equals the golden file ``name`` (rewritten instead with REPORTGEN_UPDATE_GOLDEN=1)."""
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"output differs from {path}; rerun with REPORTGEN_UPDATE_GOLDEN=1 if intended"
