"""GitHub Actions output: workflow-command annotations plus the full text report.

GitHub shows only the first few annotations of a step, so every finding is also printed as
text in the log.
"""

from __future__ import annotations

from ...core.diagnostics import Diagnostic, Severity
from ..policy import RulePolicy
from ..results import FileResult
from ..rules.catalog import RULES_BY_CODE
from ..totals import RunTotals
from .base import Reporter
from .text import TextReporter

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A workflow-command message with ``%``, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow-command property value, which additionally escapes ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """``::error file=a.yaml,line=49,col=45,title=T303 applicant-total::…`` then the text lines."""

    def __init__(self, lang: str, policy: RulePolicy | None = None) -> None:
        super().__init__(lang, policy)
        self.text = TextReporter(lang)

    def annotation(self, diagnostic: Diagnostic) -> str:
        """One finding as a workflow command."""
        location = diagnostic.location
        properties = [f"file={escape_property(location.file)}"]
        if location.line is not None:
            properties.append(f"line={location.line}")
            properties.append(f"col={location.column or 1}")
        title = f"{diagnostic.code} {RULES_BY_CODE[diagnostic.code].name}"
        properties.append(f"title={escape_property(title)}")
        body = self.text.body(diagnostic)
        if location.sheet is not None:
            body = f"{location.place()}: {body}"
        return f"::{_COMMAND[diagnostic.severity]} {','.join(properties)}::{escape_data(body)}"

    def head(self, summary: RunTotals) -> str:
        """Last year's findings when its report could not be read."""
        if summary.previous is None or not summary.previous_unreadable:
            return ""
        return self.file(summary.previous, summary)

    def file(self, result: FileResult, summary: RunTotals) -> str:
        """The file's text lines, then an annotation per finding (waived ones excepted)."""
        lines = [self.annotation(d) for d in result.diagnostics]
        return self.text.file(result, summary) + "".join(f"{line}\n" for line in lines)

    def tail(self, summary: RunTotals) -> str:
        """The totals, and a warning annotation per stale waiver."""
        lines = [
            f"::warning file={escape_property(w.source)},title=stale waiver::"
            f"{escape_data(self.text.waiver_line(w))}"
            for w in summary.stale
        ]
        return self.text.tail(summary) + "".join(f"{line}\n" for line in lines)
