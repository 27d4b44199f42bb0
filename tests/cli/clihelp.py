"""Running the command line in tests: in-process with click's CliRunner, or as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from reportgen.cli import main


@dataclass(frozen=True)
class Outcome:
    """What a command printed and its exit code."""

    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """stdout parsed as JSON."""
        return json.loads(self.stdout)


def invoke(*args: str | Path) -> Outcome:
    """Run ``reportgen ARGS`` in this process; a traceback fails the test."""
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"reportgen {args} raised {result.exception!r}") from result.exception
    outcome = Outcome(result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in outcome.stdout + outcome.stderr
    return outcome


def run(*args: str | Path, cwd: Path) -> Outcome:
    """Run ``python -m reportgen ARGS`` as a separate process."""
    completed = subprocess.run(
        [sys.executable, "-m", "reportgen", *(str(arg) for arg in args)],
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    outcome = Outcome(
        completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    )
    assert "Traceback" not in outcome.stdout + outcome.stderr, outcome.stderr
    return outcome
