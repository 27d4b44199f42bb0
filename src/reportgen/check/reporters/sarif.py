"""SARIF 2.1.0 output, for code-scanning dashboards: the rule catalogue and one result per finding.

Waived findings are results with an external suppression carrying the waiver's reason; stale
waivers are configuration notifications of the invocation.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from ... import __version__
from ...core.diagnostics import Diagnostic, Severity
from ..policy import RulePolicy
from ..results import FileResult
from ..rules.catalog import FAMILIES, RULES, Rule
from ..totals import RunTotals
from .base import Reporter
from .text import TextReporter

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_INDEX = {rule.code: index for index, rule in enumerate(RULES)}


def artifact_uri(path: str) -> str:
    """A file path as a SARIF artifact URI: relative paths stay relative, percent-encoded."""
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return quote(PurePath(path).as_posix(), safe="/")


def _dump(data: Any, indent: int) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * indent)


class SarifReporter(Reporter):
    """One SARIF log with one run; results are written file by file."""

    def __init__(self, lang: str, policy: RulePolicy | None = None) -> None:
        super().__init__(lang, policy)
        self.text = TextReporter(lang)
        self.count = 0

    def rule_data(self, rule: Rule) -> dict[str, Any]:
        """A rule of the catalogue as a reporting descriptor, with its configured severity."""
        severity = self.policy.severity_of(rule.code, rule.severity)
        family = FAMILIES[rule.code[0]]
        return {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.title_en if self.lang == "en" else rule.title_zh},
            "fullDescription": {"text": f"{rule.title_zh} / {rule.title_en}"},
            "help": {"text": rule.doc},
            "defaultConfiguration": {
                "enabled": self.policy.enabled(rule.code),
                "level": _LEVEL[severity],
            },
            "properties": {"tags": [family[1]]},
        }

    def result_data(self, diagnostic: Diagnostic, reason: str | None = None) -> dict[str, Any]:
        """One finding as a SARIF result (suppressed when a waiver accepted it)."""
        location = diagnostic.location
        region: dict[str, int] = {"startLine": location.line or 1}
        if location.line is not None:
            region["startColumn"] = location.column or 1
        text = self.text.body(diagnostic)
        if location.sheet is not None:
            text = f"{location.place()}: {text}"
        place: dict[str, Any] = {
            "physicalLocation": {"artifactLocation": {"uri": artifact_uri(location.file)}, "region": region}
        }
        cell = diagnostic.cell
        logical = ""
        if cell is not None:
            logical = f"{cell.record}.{cell.field}" if cell.field else cell.record
            place["logicalLocations"] = [
                {"name": cell.describe(self.lang), "fullyQualifiedName": logical, "kind": "element"}
            ]
        import hashlib  # here, not at start-up: only SARIF output needs it

        fingerprint = hashlib.sha256(f"{diagnostic.code}|{location.file}|{logical}".encode()).hexdigest()
        data: dict[str, Any] = {
            "ruleId": diagnostic.code,
            "ruleIndex": _INDEX[diagnostic.code],
            "level": _LEVEL[diagnostic.severity],
            "message": {"text": text},
            "locations": [place],
            "partialFingerprints": {"reportgenCell/v1": fingerprint[:32]},
        }
        if diagnostic.expected is not None or diagnostic.actual is not None:
            data["properties"] = {"expected": diagnostic.expected, "actual": diagnostic.actual}
        if reason is not None:
            data["suppressions"] = [{"kind": "external", "justification": reason}]
        return data

    def head(self, summary: RunTotals) -> str:
        """The log, the run and the tool with its rules, up to the opening of ``results``."""
        driver = {
            "name": "reportgen",
            "version": __version__,
            "rules": [self.rule_data(rule) for rule in RULES],
        }
        opening = (
            f'{{\n  "$schema": "{SARIF_SCHEMA}",\n  "version": "2.1.0",\n  "runs": [\n    {{\n'
            f'      "tool": {{\n        "driver": {_dump(driver, 8)}\n      }},\n'
            '      "columnKind": "unicodeCodePoints",\n      "results": ['
        )
        if summary.previous is not None and summary.previous_unreadable:
            opening += self.file(summary.previous, summary)
        return opening

    def _result(self, data: dict[str, Any]) -> str:
        separator = "," if self.count else ""
        self.count += 1
        return f"{separator}\n        {_dump(data, 8)}"

    def file(self, result: FileResult, summary: RunTotals) -> str:
        """The file's findings, active and waived, as results."""
        parts = [self._result(self.result_data(d)) for d in result.diagnostics]
        parts.extend(self._result(self.result_data(w.diagnostic, w.reason)) for w in result.waived)
        return "".join(parts)

    def tail(self, summary: RunTotals) -> str:
        """The close of ``results`` and the invocation, with stale waivers as notifications."""
        notifications = [
            {
                "level": "warning",
                "message": {"text": self.text.waiver_line(waiver)},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(waiver.source)}}}
                ],
                "descriptor": {"id": "stale-waiver"},
            }
            for waiver in summary.stale
        ]
        invocation: dict[str, Any] = {"executionSuccessful": True, "exitCode": summary.exit_code()}
        if notifications:
            invocation["toolConfigurationNotifications"] = notifications
        close = "\n      ]" if self.count else "]"
        return f'{close},\n      "invocations": [\n        {_dump(invocation, 8)}\n      ]\n    }}\n  ]\n}}\n'
