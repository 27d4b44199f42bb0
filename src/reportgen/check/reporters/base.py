"""The interface every output format implements: a head, one piece per file, a tail."""

from __future__ import annotations

from typing import ClassVar

from ..policy import RulePolicy
from ..results import FileResult, RunResult
from ..totals import RunTotals


class Reporter:
    """Turns a validation run into text in one language, a file at a time.

    ``head`` comes before the files and ``tail`` after them. A format whose head needs the run's
    totals sets ``summary_first``; its head is then written once every file has been counted.
    """

    summary_first: ClassVar[bool] = False

    def __init__(self, lang: str, policy: RulePolicy | None = None) -> None:
        self.lang = lang
        self.policy = policy or RulePolicy()  # the rules in force, for formats that list them

    def head(self, summary: RunTotals) -> str:
        """What precedes the files (``summary`` holds last year's result, and totals if ``summary_first``)."""
        return ""

    def file(self, result: FileResult, summary: RunTotals) -> str:
        """The part of the report for one file (``summary`` already counts it)."""
        raise NotImplementedError

    def tail(self, summary: RunTotals) -> str:
        """What follows the files, once every file has been counted."""
        return ""

    def render(self, run: RunResult, summary: RunTotals | None = None) -> str:
        """The whole report of a run held in memory."""
        summary = summary or RunTotals(previous=run.previous)
        parts: list[str] = []
        for result in run.files:
            summary.add(result)
            parts.append(self.file(result, summary))
        return self.head(summary) + "".join(parts) + self.tail(summary)
