"""JUnit XML output: one test case per file, failing with its findings (GitLab, Jenkins)."""

from __future__ import annotations

import re

from ...core.diagnostics import Severity
from ..policy import RulePolicy
from ..results import FileResult
from ..totals import RunTotals
from .base import Reporter
from .text import TextReporter

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
SUITE = "reportgen validate"


def _text(value: str) -> str:
    """Character data: markup escaped, characters XML 1.0 cannot hold replaced."""
    return _NOT_XML.sub("\ufffd", value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    """A quoted attribute value (line breaks kept as character references)."""
    escaped = _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
    return f'"{escaped}"'


class JunitReporter(Reporter):
    """``<testsuites><testsuite><testcase name="file"><failure>…``; unreadable files are errors."""

    summary_first = True

    def __init__(self, lang: str, policy: RulePolicy | None = None) -> None:
        super().__init__(lang, policy)
        self.text = TextReporter(lang)

    def _counts(self, summary: RunTotals) -> str:
        previous = 1 if summary.previous_unreadable else 0
        tests = summary.files + previous
        errors = summary.unreadable + previous
        failures = summary.failed - summary.unreadable
        return f'tests="{tests}" failures="{failures}" errors="{errors}"'

    def head(self, summary: RunTotals) -> str:
        """The XML declaration and the opening of the suite, with its totals."""
        counts = self._counts(summary)
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="reportgen" {counts}>\n'
            f'  <testsuite name="{SUITE}" {counts} skipped="0">\n'
        )
        if summary.previous is not None and summary.previous_unreadable:
            head += self.file(summary.previous, summary)
        return head

    def file(self, result: FileResult, summary: RunTotals) -> str:
        """The file's test case: passing, failing with its findings, or an error when unreadable."""
        name = _attr(result.path)
        opening = f'    <testcase name={name} classname="reportgen.validate" file={name}'
        lines = self.text.file(result, summary)
        if not summary.fails(result):
            if not result.diagnostics and not result.waived:
                return f"{opening}/>\n"
            return f"{opening}>\n      <system-out>{_text(lines)}</system-out>\n    </testcase>\n"
        element = "error" if result.unreadable else "failure"
        failing = [d for d in result.diagnostics if d.severity in summary.failing or d.code.startswith("F")]
        errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
        if self.lang == "en":
            headline = f"{errors} errors, {warnings} warnings"
        else:
            headline = f"{errors} 个错误，{warnings} 个警告"
        return (
            f"{opening}>\n"
            f"      <{element} message={_attr(headline)} type={_attr(failing[0].code)}>"
            f"{_text(lines)}</{element}>\n"
            "    </testcase>\n"
        )

    def tail(self, summary: RunTotals) -> str:
        """The close of the suite; stale waivers and totals go to its output."""
        totals = self.text.totals(summary)
        return f"    <system-out>{_text(totals)}</system-out>\n  </testsuite>\n</testsuites>\n"
