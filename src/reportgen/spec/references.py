"""What a placeholder in the narrative may name: a named figure, or one table cell by its dotted path.

``新收申请`` names a figure of :mod:`.figures` (the sum of some cells); ``applications.results.granted.total``
names one cell: the record id (``applications.results.granted``) and the field key (``total``), as the
YAML file writes them. Looking a name up is a plain dictionary lookup: nothing is evaluated.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .figures import FigureCell, NamedFigure, named_figures
from .types import FormatSpec, ValueKind


@dataclass(frozen=True)
class Reference:
    """What a placeholder name stands for: the cells it adds up, their kind, and the figure if it is one."""

    name: str
    cells: tuple[FigureCell, ...]
    kind: ValueKind
    figure: NamedFigure | None = None


_PATHS: dict[int, tuple[FormatSpec, dict[str, Reference]]] = {}


def cell_references(spec: FormatSpec) -> dict[str, Reference]:
    """Every cell of ``spec`` by its dotted path (``record id.field key``), in printed order."""
    cached = _PATHS.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    found = {
        f"{record.id}.{fld.key}": Reference(f"{record.id}.{fld.key}", ((record.id, fld.key),), fld.kind)
        for record in spec.records
        for fld in record.fields
    }
    _PATHS[id(spec)] = (spec, found)
    return found


def figure_references(spec: FormatSpec) -> dict[str, Reference]:
    """Every named figure of ``spec`` by its Chinese name."""
    figures = named_figures(spec)
    return {name: Reference(name, figure.cells, figure.kind, figure) for name, figure in figures.items()}


def find_reference(spec: FormatSpec, name: str) -> Reference | None:
    """What ``name`` stands for in ``spec`` (a figure name or a cell path), or None when it names nothing."""
    figure = named_figures(spec).get(name)
    if figure is not None:
        return Reference(name, figure.cells, figure.kind, figure)
    return cell_references(spec).get(name)


def closest_reference(spec: FormatSpec, name: str) -> str | None:
    """The known name most like ``name`` (a figure name or a cell path), or None when none is close."""
    figures = list(named_figures(spec))
    if "." in name:
        head = name.split(".", 1)[0]
        if head in figures:
            return head  # 新收申请.total: a figure with something after it
    # Figure names are a few Chinese characters: one wrong character of two is still close.
    close = [
        *difflib.get_close_matches(name, figures, n=1, cutoff=_FIGURE_CUTOFF),
        *difflib.get_close_matches(name, list(cell_references(spec)), n=1, cutoff=_PATH_CUTOFF),
    ]
    return max(close, key=lambda candidate: _likeness(name, candidate), default=None)


_FIGURE_CUTOFF = 0.5
_PATH_CUTOFF = 0.6


def _likeness(name: str, candidate: str) -> float:
    return difflib.SequenceMatcher(None, name, candidate).ratio()


def reference_value(reference: Reference, values: Mapping[FigureCell, int | Decimal]) -> int | Decimal:
    """The value ``reference`` stands for: the sum of its cells in ``values`` (a report's resolved cells)."""
    total: int | Decimal = 0
    for cell in reference.cells:
        total = total + values[cell]
    return total
