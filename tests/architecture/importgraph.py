"""The import graph of the reportgen package, read from the source: modules, their imports, their stage."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import reportgen

PACKAGE = Path(reportgen.__file__).resolve().parent

STAGES = ("spec", "core", "read", "check", "write", "api")
"""The packages by stage; ``check.rules`` is a stage of its own (rules see only core and spec)."""

ALLOWED: dict[str, frozenset[str]] = {
    "spec": frozenset(),
    "core": frozenset({"spec"}),
    "read": frozenset({"core", "spec"}),
    "check.rules": frozenset({"core", "spec"}),
    "check": frozenset({"check.rules", "read", "core", "spec"}),
    "write": frozenset({"core", "spec"}),
    "api": frozenset({"check", "check.rules", "read", "write", "core", "spec"}),
    "cli": frozenset({"api", "check", "check.rules", "core", "spec"}),
}
"""The stages each stage may import from (besides itself and the top package's ``__version__``)."""


@dataclass(frozen=True)
class Edge:
    """One import: the importing module, the imported module, where, and whether it is lazy."""

    source: str
    target: str
    line: int
    lazy: bool  # inside a function, or only for type checking


def module_name(path: Path, root: Path = PACKAGE) -> str:
    """The dotted name of a source file below ``root`` (the package itself for ``__init__.py``)."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> str:
    """The stage a module belongs to: a package of :data:`STAGES`, ``check.rules``, ``cli`` or ``root``."""
    parts = module.split(".")[1:]
    if not parts or parts[0] == "__main__":
        return "root" if not parts else "cli"
    if parts[0] == "cli":
        return "cli"
    if parts[:2] == ["check", "rules"]:
        return "check.rules"
    return parts[0]


def _lazy_lines(tree: ast.Module) -> set[int]:
    """Lines of imports made inside functions or under ``if TYPE_CHECKING``."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        lazy = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or (
            isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        )
        if lazy:
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    lines.add(inner.lineno)
    return lines


def edges(root: Path = PACKAGE) -> list[Edge]:
    """Every import of one reportgen module by another, resolved to module names."""
    modules = {module_name(path, root): path for path in root.rglob("*.py")}
    found: list[Edge] = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        lazy = _lazy_lines(tree)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    parent = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    parent = node.module or ""
                targets = [
                    f"{parent}.{alias.name}" if f"{parent}.{alias.name}" in modules else parent
                    for alias in node.names
                ]
            for target in targets:
                if target.split(".")[0] == root.name and target != name:
                    found.append(Edge(name, target, node.lineno, node.lineno in lazy))
    return found


def forbidden(found: list[Edge]) -> list[Edge]:
    """The imports that cross stages in a direction :data:`ALLOWED` does not permit."""
    bad: list[Edge] = []
    for edge in found:
        source, target = stage_of(edge.source), stage_of(edge.target)
        if source == target or target == "root" or source == "root":
            continue
        if target not in ALLOWED.get(source, frozenset()):
            bad.append(edge)
    return bad


def cycles(found: list[Edge]) -> list[list[str]]:
    """The import cycles among modules (strongly connected components of more than one module)."""
    graph: dict[str, set[str]] = {}
    root = found[0].source.split(".")[0] if found else ""
    for edge in found:
        if root in (edge.source, edge.target):
            continue  # the top package only names its exports lazily (see test_the_top_package_…)
        graph.setdefault(edge.source, set()).add(edge.target)
        graph.setdefault(edge.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for child in sorted(graph[node]):
            if child not in index:
                visit(child)
                low[node] = min(low[node], low[child])
            elif child in on_stack:
                low[node] = min(low[node], index[child])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components
