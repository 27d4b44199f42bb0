"""JSON output: every finding as data, for tools (shape documented in the README)."""

from __future__ import annotations

import json
from typing import Any

from ..diagnostics import Diagnostic, Severity
from ..messages import message
from ..rules.catalog import RULES_BY_CODE
from ..validate import FileResult, RunResult

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


def file_data(result: FileResult, lang: str) -> dict[str, Any]:
    """One file's outcome as a JSON-ready mapping."""
    return {
        "file": result.path,
        "valid": result.count(Severity.ERROR) == 0,
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "format": result.report.spec.key if result.report else None,
        "diagnostics": [diagnostic_data(d, lang) for d in result.diagnostics],
    }


class JsonFormatter:
    """``{"version": 1, "files": [...], "summary": {...}}``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def render(self, run: RunResult) -> str:
        """The run as one JSON document."""
        files = [file_data(result, self.lang) for result in run.files]
        data = {
            "version": JSON_VERSION,
            "previous": file_data(run.previous, self.lang) if run.previous else None,
            "files": files,
            "summary": {
                "files": len(files),
                "valid": sum(1 for f in files if f["valid"]),
                "errors": sum(f["errors"] for f in files),
                "warnings": sum(f["warnings"] for f in files),
            },
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
