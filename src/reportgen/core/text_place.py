"""Placing a character of a narrative text in its YAML file: which line and column it was written at."""

from __future__ import annotations

from .diagnostics import Location
from .model import Report

_SKIPPABLE = 8  # non-blank characters the file may hold between two characters of the text (quotes, escapes)


def place_in_source(raw: str, line: int, column: int, text: str, offset: int) -> tuple[int, int] | None:
    """The 1-based (line, column) in the file of ``text[offset]``, or None when it cannot be placed.

    ``raw`` is the scalar as written (indicators, quotes, indentation and line breaks included) and
    starts at ``line``:``column``; ``text`` is the value read from it (lines may be folded or
    stripped, escapes resolved).
    """
    if not 0 <= offset < len(text) or text[offset].isspace():
        return None
    index = _align(raw, text, offset)
    if index is None:
        return None
    breaks = raw.count("\n", 0, index)
    if breaks == 0:
        return line, column + index
    return line + breaks, index - raw.rindex("\n", 0, index)


def text_location(report: Report, key: str, offset: int) -> Location:
    """Where character ``offset`` of text ``key`` was written: line and column in a YAML file.

    A workbook's text is placed at its 正文 cell; a character that cannot be placed, at the text itself.
    """
    where = report.location_of(f"text.{key}")
    source = report.text_sources.get(key)
    if where.sheet is not None or source is None:
        return where
    text = report.texts.get(key, "")
    anchor = offset
    while 0 < anchor < len(text) and text[anchor].isspace() and text[anchor] != "\n":
        anchor -= 1  # white space is placed from the character before it, on the same line
    placed = place_in_source(source.raw, source.line, source.column, text, anchor)
    if placed is None:
        return where
    return Location(where.file, placed[0], placed[1] + (offset - anchor))


def _align(raw: str, text: str, offset: int) -> int | None:
    """The index in ``raw`` of ``text[offset]``: the non-blank characters of ``text`` are matched in order."""
    position = 0
    found: int | None = None
    for char in text[: offset + 1]:
        if char.isspace():
            continue
        found = None
        skipped = 0
        probe = position
        while probe < len(raw):
            candidate = raw[probe]
            if candidate == char:
                found = probe
                break
            if not candidate.isspace():
                skipped += 1
                if skipped > _SKIPPABLE:
                    break
            probe += 1
        if found is not None:
            position = found + 1
    return found
