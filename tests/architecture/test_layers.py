"""The layout by stage holds: imports go one way (spec → core → read → check → write, api, cli), no cycles."""

from __future__ import annotations

from pathlib import Path

from importgraph import PACKAGE, STAGES, Edge, cycles, edges, forbidden, stage_of


def test_every_module_sits_in_a_stage() -> None:
    assert {p.name for p in PACKAGE.glob("*.py")} == {"__init__.py", "__main__.py", "cli.py"}
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(STAGES)


def test_imports_only_go_the_allowed_way() -> None:
    found = edges()
    assert len(found) > 100  # the scan sees the package's imports
    bad = [f"{e.source} → {e.target} (line {e.line})" for e in forbidden(found)]
    assert bad == []


def test_no_import_cycles() -> None:
    assert cycles(edges()) == []


def test_the_top_package_imports_nothing_eagerly() -> None:
    assert [e for e in edges() if e.source == "reportgen" and not e.lazy] == []


def test_the_checks_catch_a_forbidden_edge_and_a_cycle(tmp_path: Path) -> None:
    package = tmp_path / "reportgen"
    for folder in ("spec", "core", "write"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "spec" / "types.py").write_text("from ..core import model\n", encoding="utf-8")
    (package / "core" / "model.py").write_text("from ..spec import types\n", encoding="utf-8")
    (package / "write" / "out.py").write_text(
        "def render():\n    from ..check import validate\n", encoding="utf-8"
    )
    found = edges(package)
    assert {(e.source, e.target) for e in forbidden(found)} == {
        ("reportgen.spec.types", "reportgen.core.model"),
        ("reportgen.write.out", "reportgen.check"),
    }
    assert cycles(found) == [["reportgen.core.model", "reportgen.spec.types"]]
    assert Edge("reportgen.write.out", "reportgen.check", 2, True) in found


def test_stages_are_named_by_their_package() -> None:
    assert stage_of("reportgen.check.rules.arithmetic") == "check.rules"
    assert stage_of("reportgen.check.runner") == "check"
    assert stage_of("reportgen.cli") == "cli"
    assert stage_of("reportgen") == "root"


def test_the_public_names_load_on_first_use() -> None:
    import reportgen

    assert set(reportgen.__all__) == {"__version__", *reportgen._EXPORTS}
    for name in reportgen.__all__:
        assert getattr(reportgen, name) is not None, name
