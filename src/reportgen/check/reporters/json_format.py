"""JSON output: every finding as data, for tools (shape documented in the README)."""

from __future__ import annotations

import json
from typing import Any

from ...core.diagnostics import Diagnostic, Severity
from ..messages import message
from ..policy import RulePolicy
from ..results import FileResult, WaivedFinding
from ..rules.catalog import RULES_BY_CODE
from ..totals import RunTotals
from ..waivers import Waiver
from .base import Reporter

JSON_VERSION = 1


def diagnostic_data(diagnostic: Diagnostic, lang: str) -> dict[str, Any]:
    """One finding as a JSON-ready mapping."""
    location = diagnostic.location
    cell = diagnostic.cell
    return {
        "code": diagnostic.code,
        "rule": RULES_BY_CODE[diagnostic.code].name,
        "severity": diagnostic.severity.value,
        "file": location.file,
        "line": location.line,
        "column": location.column,
        "sheet": location.sheet,
        "cell": location.cell,
        "table": cell.table if cell and cell.table else None,
        "path": cell.record if cell else None,
        "field": cell.field if cell else None,
        "labels": list(cell.labels) if cell else [],
        "labels_en": list(cell.labels_en) if cell else [],
        "expected": diagnostic.expected,
        "actual": diagnostic.actual,
        "message": message(diagnostic, lang),
        "related": [
            {"table": r.table, "path": r.record, "field": r.field, "labels": list(r.labels)}
            for r in diagnostic.related
        ],
    }


def waived_data(finding: WaivedFinding, lang: str) -> dict[str, Any]:
    """A waived finding as a JSON-ready mapping: the finding plus the waiver's reason."""
    return {**diagnostic_data(finding.diagnostic, lang), "reason": finding.reason}


def file_data(result: FileResult, lang: str) -> dict[str, Any]:
    """One file's outcome as a JSON-ready mapping."""
    return {
        "file": result.path,
        "valid": result.count(Severity.ERROR) == 0,
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "format": result.format,
        "diagnostics": [diagnostic_data(d, lang) for d in result.diagnostics],
        "waived": [waived_data(w, lang) for w in result.waived],
    }


def waiver_data(waiver: Waiver) -> dict[str, Any]:
    """A waiver as a JSON-ready mapping (for stale waivers)."""
    return {
        "source": waiver.source,
        "number": waiver.number,
        "file": waiver.file,
        "rule": waiver.rule,
        "cell": waiver.cell,
        "reason": waiver.reason,
    }


def summary_data(summary: RunTotals) -> dict[str, Any]:
    """The run's totals as a JSON-ready mapping."""
    return {
        "files": summary.files,
        "valid": summary.valid,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "with_errors": summary.with_errors,
        "with_warnings": summary.with_warnings,
        "unreadable": summary.unreadable,
        "waived": summary.waived,
        "codes": dict(summary.top_codes(len(summary.codes))),
        "stale_waivers": [waiver_data(waiver) for waiver in summary.stale],
    }


def _dump(data: Any, indent: int) -> str:
    """``data`` as indented JSON, nested ``indent`` spaces deep (strings never hold raw newlines)."""
    return json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * indent)


class JsonReporter(Reporter):
    """``{"version": 1, "previous": …, "files": [...], "summary": {...}}``, written file by file."""

    def __init__(self, lang: str, policy: RulePolicy | None = None) -> None:
        super().__init__(lang, policy)
        self.count = 0

    def head(self, summary: RunTotals) -> str:
        """The opening of the document, with last year's result."""
        previous = _dump(file_data(summary.previous, self.lang), 2) if summary.previous else "null"
        return f'{{\n  "version": {JSON_VERSION},\n  "previous": {previous},\n  "files": ['

    def file(self, result: FileResult, summary: RunTotals) -> str:
        """One element of ``files``."""
        separator = "," if self.count else ""
        self.count += 1
        return f"{separator}\n    {_dump(file_data(result, self.lang), 4)}"

    def tail(self, summary: RunTotals) -> str:
        """The end of ``files`` and the summary."""
        close = "\n  ]" if self.count else "]"
        return f'{close},\n  "summary": {_dump(summary_data(summary), 2)}\n}}\n'
