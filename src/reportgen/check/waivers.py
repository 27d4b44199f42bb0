"""Waivers: accepted findings (file, rule, cell, reason) that no longer fail a run.

A waiver names a file, a rule code and, optionally, a cell: the logical path of the cell
(``applications.results.granted.total``, the ``path.field`` shown in JSON output) or, for a
workbook, its place (``表三!C12``). Without a cell it covers every finding of that rule in the
file. A waiver whose file was checked but that matched nothing is stale.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core.diagnostics import Diagnostic
from .results import WaivedFinding


def file_key(path: str | Path) -> str:
    """A path in the form waivers are matched on: absolute and normalised."""
    return os.path.normcase(os.path.abspath(path))


@dataclass(frozen=True, slots=True)
class Waiver:
    """One accepted finding, as written in the waiver file."""

    file: str  # as written, relative to the waiver file's folder
    rule: str
    cell: str | None
    reason: str
    source: str  # the waiver file
    number: int  # 1-based position in the waiver file

    @property
    def target(self) -> str:
        """The waived file's matching key."""
        return file_key(Path(self.source).parent / self.file)

    def covers(self, diagnostic: Diagnostic) -> bool:
        """Whether this waiver accepts ``diagnostic`` (already known to be in the right file)."""
        if diagnostic.code != self.rule:
            return False
        if self.cell is None:
            return True
        cell = diagnostic.cell
        if cell is not None:
            path = f"{cell.record}.{cell.field}" if cell.field else cell.record
            if self.cell == path:
                return True
        return diagnostic.location.sheet is not None and self.cell == diagnostic.location.place()


class WaiverBook:
    """Applies waivers to results as they come, remembering which waivers were used."""

    def __init__(self, waivers: Iterable[Waiver]) -> None:
        self.waivers = tuple(waivers)
        self._by_file: dict[str, list[Waiver]] = {}
        for waiver in self.waivers:
            self._by_file.setdefault(waiver.target, []).append(waiver)
        self._used: set[Waiver] = set()
        self._checked: set[str] = set()

    def apply(self, path: str, diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], list[WaivedFinding]]:
        """The findings of the file at ``path`` that remain, and those a waiver accepts."""
        if not self._by_file:
            return diagnostics, []
        key = file_key(path)
        waivers = self._by_file.get(key)
        if not waivers:
            return diagnostics, []
        self._checked.add(key)
        kept: list[Diagnostic] = []
        waived: list[WaivedFinding] = []
        for diagnostic in diagnostics:
            waiver = next((w for w in waivers if w.covers(diagnostic)), None)
            if waiver is None or diagnostic.code.startswith("F"):
                kept.append(diagnostic)
                continue
            self._used.add(waiver)
            waived.append(WaivedFinding(diagnostic, waiver.reason))
        return kept, waived

    def stale(self) -> list[Waiver]:
        """Waivers for files that were checked but that matched no finding, in file order."""
        return [w for w in self.waivers if w.target in self._checked and w not in self._used]
