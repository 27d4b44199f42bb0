"""Reports copied from last year's (X201, X202): the same narrative, or the same tables, again."""

from __future__ import annotations

import difflib
import re

from ...core.diagnostics import Diagnostic, Location, LogicalCell, Severity
from ...core.model import Report
from ...core.values import Number
from ...spec.types import CellKey

COMPARED_SECTIONS: tuple[str, ...] = ("overview", "problems", "other_matters")
"""Sections compared with last year's; the opening paragraph is the same boilerplate every year."""
MIN_CHARS = 60
"""Shorter texts (``无。``, one stock sentence) are allowed to repeat."""
THRESHOLD = 0.9
MAX_CHARS = 4000
"""Characters of each text compared in detail, which bounds the work on very long texts."""
_SHINGLE = 4
_SHINGLE_GATE = 0.5  # texts sharing fewer of their 4-character pieces are not compared further

_CHUNK = 600  # characters of a run of changed sentences compared character by character
_SENTENCE = re.compile(r"[^。；;！!？?]*[。；;！!？?]|[^。；;！!？?]+$")
_NOISE = re.compile(r"\s+")
_DIGITS = re.compile(r"[0-9０-９]+")


def check_copies(
    report: Report,
    values: dict[CellKey, Number],
    previous: Report,
    previous_values: dict[CellKey, Number],
) -> list[Diagnostic]:
    """X201 and X202 findings: sections or tables of ``report`` that repeat last year's ``previous``."""
    if previous.year >= report.year:
        return []  # not an earlier report (X100 says so)
    found: list[Diagnostic] = []
    for key in COMPARED_SECTIONS:
        score = section_similarity(report.texts.get(key, ""), previous.texts.get(key, ""))
        if score >= THRESHOLD:
            found.append(
                Diagnostic(
                    "X201",
                    Severity.WARNING,
                    report.location_of(f"text.{key}"),
                    _section_cell(report, key),
                    expected=f"< {THRESHOLD:.0%}",
                    actual=f"{score:.0%}",
                    params=(("previous", previous.source),),
                )
            )
    common = [key for key in values if key in previous_values]
    if (
        common
        and all(values[key] == previous_values[key] for key in common)
        and any(values[key] != 0 for key in common)
    ):
        found.append(
            Diagnostic(
                "X202",
                Severity.WARNING,
                _tables_location(report),
                actual=str(len(common)),
                params=(("previous", previous.source),),
            )
        )
    return found


def normalised(text: str) -> str:
    """The text without white space and with every number as ``0``: what stays when only years change."""
    return _DIGITS.sub("0", _NOISE.sub("", text))


def section_similarity(text: str, previous: str) -> float:
    """How alike two section texts are, 0–1 (0 for texts too short to judge, or plainly different)."""
    a, b = normalised(text)[:MAX_CHARS], normalised(previous)[:MAX_CHARS]
    if len(a) < MIN_CHARS or len(b) < MIN_CHARS:
        return 0.0
    if a == b:
        return 1.0
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < THRESHOLD:
        return 0.0  # the lengths alone rule it out
    pieces_a = {a[i : i + _SHINGLE] for i in range(len(a) - _SHINGLE + 1)}
    pieces_b = {b[i : i + _SHINGLE] for i in range(len(b) - _SHINGLE + 1)}
    if len(pieces_a & pieces_b) / len(pieces_a | pieces_b) < _SHINGLE_GATE:
        return 0.0
    return 2 * _matching_characters(a, b) / (len(a) + len(b))


def _matching_characters(a: str, b: str) -> int:
    """Characters the two texts share in order: sentence by sentence, then inside changed sentences.

    Comparing sentences first keeps the work small: a character-level comparison of whole texts is
    slow on Chinese, where a few hundred characters make up most of any text.
    """
    sentences_a, sentences_b = _SENTENCE.findall(a), _SENTENCE.findall(b)
    outer = difflib.SequenceMatcher(None, sentences_a, sentences_b, autojunk=False)
    matched = 0
    for tag, i1, i2, j1, j2 in outer.get_opcodes():
        if tag == "equal":
            matched += sum(map(len, sentences_a[i1:i2]))
        elif tag == "replace" and i2 - i1 == j2 - j1:  # sentences edited one for one
            for old, new in zip(sentences_a[i1:i2], sentences_b[j1:j2], strict=True):
                matched += _common(old[:_CHUNK], new[:_CHUNK])
        elif tag == "replace":
            matched += _common("".join(sentences_a[i1:i2])[:_CHUNK], "".join(sentences_b[j1:j2])[:_CHUNK])
    return matched


def _common(a: str, b: str) -> int:
    return sum(
        block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    )


def _section_cell(report: Report, key: str) -> LogicalCell:
    for section in report.spec.sections:
        if section.key == key:
            return LogicalCell("", f"text.{key}", None, (section.heading,), (section.heading_en,))
    return LogicalCell("", f"text.{key}", None, (key,), (key,))


def _tables_location(report: Report) -> Location:
    """Where the first table is written (else the file)."""
    for table in report.spec.tables:
        if table.key in report.locations:
            return report.locations[table.key]
    return Location(report.source)
