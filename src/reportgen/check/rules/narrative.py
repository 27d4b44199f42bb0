"""N001: figures quoted in the narrative text that disagree with the tables."""

from __future__ import annotations

from ...core.diagnostics import Diagnostic, LogicalCell, Severity
from ...core.model import TEXT_KEYS, CellState, Report, logical_cell
from ...core.placeholders import mask_placeholders
from ...core.text_place import text_location
from ...core.values import Number, format_number
from ...spec.figures import NamedFigure, figure_value, named_figures
from ...spec.types import CellKey
from .narrative_scan import Mention, find_mentions

_EXCERPT = 60  # characters of the sentence shown in a finding
_SENTENCE_END = "。！？；;!?\n"


def check_narrative(report: Report, values: dict[CellKey, Number]) -> list[Diagnostic]:
    """N001 findings: each figure the text quotes with a value other than the tables'."""
    figures = named_figures(report.spec)
    found: list[Diagnostic] = []
    known: dict[CellKey, bool] = {}
    for key in TEXT_KEYS:
        text = report.texts.get(key)
        if not text:
            continue
        for mention in find_mentions(mask_placeholders(text), report.year):
            figure = figures.get(mention.name)
            if figure is None:
                continue
            table_value = figure_value(figure, values)
            if table_value == mention.value or not _comparable(report, values, figure, known):
                continue
            found.append(_finding(report, key, text, mention, figure, table_value))
    return found


def _comparable(
    report: Report, values: dict[CellKey, Number], figure: NamedFigure, known: dict[CellKey, bool]
) -> bool:
    """Whether every cell of the figure is a settled number: filled in, and a total agreeing with its parts.

    Blank, invalid and contradictory cells are reported by other rules already. ``known`` remembers
    the cells already looked at.
    """
    return all(_settled(report, values, cell, known) for cell in figure.cells)


def _settled(report: Report, values: dict[CellKey, Number], key: CellKey, known: dict[CellKey, bool]) -> bool:
    """Whether a cell holds a number that its own parts (if it is a total) agree with."""
    if key not in known:
        known[key] = _settled_now(report, values, key, known)
    return known[key]


def _settled_now(
    report: Report, values: dict[CellKey, Number], key: CellKey, known: dict[CellKey, bool]
) -> bool:
    state = report.cell(*key).state
    if state is CellState.BLANK or state is CellState.INVALID:
        return False
    record_id, field_key = key
    record = report.spec.record(record_id)
    if record.derived:
        parts = [(part, field_key) for part in record.sum_of]
    else:
        parts = [(record_id, part) for part in record.field(field_key).sum_of]
    if not parts:
        return state is CellState.GIVEN
    if not all(_settled(report, values, part, known) for part in parts):
        return False
    return state is CellState.ABSENT or values[key] == sum((values[part] for part in parts), 0)


def _finding(
    report: Report, key: str, text: str, mention: Mention, figure: NamedFigure, table_value: Number
) -> Diagnostic:
    related = tuple(_logical(report, cell) for cell in figure.cells)
    if len(related) == 1:
        source_zh, source_en = related[0].describe("zh"), related[0].describe("en")
    else:
        source_zh = figure.description
        source_en = f"the sum of {len(related)} cells ({figure.name_en})"
    text_value, shown_table = format_number(mention.value), format_number(table_value)
    return Diagnostic(
        "N001",
        Severity.WARNING,
        text_location(report, key, mention.start),
        LogicalCell("", f"text.{key}", None, (f"text.{key}",), (f"text.{key}",)),
        expected=shown_table,
        actual=text_value,
        params=(
            ("sentence", excerpt(text, mention.start, mention.end)),
            ("figure", figure.name),
            ("figure_en", figure.name_en),
            ("text_value", text_value),
            ("table_value", shown_table),
            ("source_zh", source_zh),
            ("source_en", source_en),
        ),
        related=related,
    )


def _logical(report: Report, cell: CellKey) -> LogicalCell:
    record_id, field_key = cell
    record = report.spec.record(record_id)
    return logical_cell(report.spec.table_of(record_id), record, field_key)


def excerpt(text: str, start: int, end: int, width: int = _EXCERPT) -> str:
    """The sentence holding ``text[start:end]``, cut to about ``width`` characters around it with ``…``."""
    first = start
    while first > 0 and text[first - 1] not in _SENTENCE_END and start - first < width:
        first -= 1
    last = end
    while last < len(text) and text[last] not in _SENTENCE_END and last - end < width:
        last += 1
    before, after = text[first:start], text[end:last]
    keep_before = min(len(before), width * 2 // 3)
    keep_after = min(len(after), max(width - keep_before - (end - start), 0))
    cut_before = keep_before < len(before) or (first > 0 and text[first - 1] not in _SENTENCE_END)
    cut_after = keep_after < len(after) or (last < len(text) and text[last] not in _SENTENCE_END)
    quoted = before[len(before) - keep_before :] + text[start:end] + after[:keep_after]
    return ("…" if cut_before else "") + quoted.strip() + ("…" if cut_after else "")
