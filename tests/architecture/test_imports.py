"""Import structure: light validation, the spec as pure data, click only in the command line."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import reportgen

PACKAGE = Path(reportgen.__file__).resolve().parent
HEAVY = ("docx", "openpyxl", "jinja2")
VALID = Path(__file__).resolve().parents[1] / "data" / "valid-2021.yaml"


def _fresh(code: str, *args: str) -> dict[str, object]:
    """Run ``code`` in a new interpreter; it prints one JSON line last."""
    completed = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, object] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


CLI_RUN = """
import importlib.util, json, sys
from reportgen.cli import main
file, heavy = sys.argv[1], sys.argv[2:]
try:
    main(["validate", "--no-config", file])
except SystemExit as done:
    status = done.code
loaded = sorted(m for m in heavy if m in sys.modules)
installed = all(importlib.util.find_spec(m) is not None for m in heavy)  # else the check proves nothing
print(json.dumps({"exit": status, "heavy": loaded, "installed": installed}))
"""

LIBRARY_RUN = """
import json, sys
from pathlib import Path
from reportgen.check.runner import validate_files
from reportgen.check.validate import Options
from reportgen.check.reporters import REPORTERS
file, output_format, heavy = sys.argv[1], sys.argv[2], sys.argv[3:]
run = validate_files([Path(file)], Options())
REPORTERS[output_format]("zh").render(run)
print(json.dumps({"heavy": sorted(m for m in heavy if m in sys.modules)}))
"""


def test_validating_yaml_through_the_cli_imports_no_heavy_library() -> None:
    result = _fresh(CLI_RUN, str(VALID), *HEAVY)
    assert result == {"exit": 0, "heavy": [], "installed": True}


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_validating_yaml_as_a_library_imports_no_heavy_library(output_format: str) -> None:
    assert _fresh(LIBRARY_RUN, str(VALID), output_format, *HEAVY) == {"heavy": []}


def _imports(path: Path) -> list[tuple[str, int]]:
    """(module, relative level) of every import in a source file."""
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, 0) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append((node.module or "", node.level))
    return found


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_spec_imports_nothing_else_from_reportgen() -> None:
    spec_files = sorted((PACKAGE / "spec").glob("*.py"))
    assert spec_files
    for path in spec_files:
        for module, level in _imports(path):
            assert level <= 1, f"{path.name} imports {'.' * level}{module} from outside reportgen.spec"
            if level == 0:
                top = module.split(".")[0]
                assert top != "reportgen" or module.startswith("reportgen.spec"), f"{path.name}: {module}"


def test_only_the_cli_imports_click() -> None:
    offenders = [
        path.relative_to(PACKAGE).as_posix()
        for path in _sources()
        if any(module.split(".")[0] == "click" for module, level in _imports(path) if level == 0)
    ]
    assert offenders == ["cli.py"]


def test_the_scan_sees_imports() -> None:
    # guards the two tests above against scanning nothing
    assert ("click", 0) in _imports(PACKAGE / "cli.py")
    assert any(level == 1 for _, level in _imports(PACKAGE / "spec" / "registry.py"))
