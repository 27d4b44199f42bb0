"""Shared helpers of the build and renderer tests: example files, running the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reportgen.core.model import Report
from reportgen.read.dispatch import read_report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = (ROOT / "examples" / "2020.yaml", ROOT / "examples" / "2021.yaml")
DATA = Path(__file__).resolve().parent / "data"


def load(path: Path) -> Report:
    """The report in ``path`` (which must be readable)."""
    read = read_report(path)
    assert read.report is not None, read.diagnostics
    return read.report


def run_reportgen(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m reportgen`` with ``args``, as a user would; output captured as text."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "reportgen", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        check=False,
    )
