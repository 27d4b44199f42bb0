"""The package list in pyproject.toml is explicit (templates/ maps to reportgen.templates): keep it whole."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _setuptools() -> Any:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_under_src_is_listed() -> None:
    packages = set(_setuptools()["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src" / "reportgen").rglob("__init__.py")
    }
    listed = packages - {"reportgen.templates"}
    assert on_disk == listed, f"update [tool.setuptools] packages: {sorted(on_disk ^ listed)}"
    assert "reportgen.templates" in packages


def test_templates_folder_is_the_templates_package() -> None:
    assert _setuptools()["package-dir"] == {"": "src", "reportgen.templates": "templates"}
    installed = Path(str(files("reportgen.templates")))
    assert installed.resolve() == (ROOT / "templates").resolve()
    for name in ("report.html.j2", "report.md.j2", "report.css"):
        assert files("reportgen.templates").joinpath(name).is_file(), name


def test_every_template_file_is_package_data() -> None:
    patterns = _setuptools()["package-data"]["reportgen.templates"]
    shipped = [path for path in (ROOT / "templates").iterdir() if path.is_file() and path.suffix != ".py"]
    assert shipped
    for path in shipped:
        assert any(path.match(pattern) for pattern in patterns), f"{path.name} would not ship"
