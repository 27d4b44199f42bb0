"""N002 and N003: placeholders in the narrative that name nothing, or were never closed."""

from __future__ import annotations

from ...core.diagnostics import Diagnostic, LogicalCell, Severity
from ...core.model import TEXT_KEYS, Report
from ...core.placeholders import Placeholder, PlaceholderKind, find_placeholders
from ...core.text_place import text_location
from ...spec.references import closest_reference, find_reference


def check_placeholders(report: Report) -> list[Diagnostic]:
    """N002 for a placeholder naming no figure or cell of the report's format; N003 for an unclosed one."""
    found: list[Diagnostic] = []
    for key in TEXT_KEYS:
        text = report.texts.get(key)
        if not text:
            continue
        for placeholder in find_placeholders(text):
            if placeholder.kind is PlaceholderKind.UNCLOSED:
                found.append(_finding("N003", Severity.WARNING, report, key, placeholder))
            elif placeholder.kind is PlaceholderKind.PLACEHOLDER and not _known(report, placeholder):
                suggestion = closest_reference(report.spec, placeholder.name) or ""
                found.append(_finding("N002", Severity.ERROR, report, key, placeholder, suggestion))
    return found


def _known(report: Report, placeholder: Placeholder) -> bool:
    return find_reference(report.spec, placeholder.name) is not None


def _finding(
    code: str, severity: Severity, report: Report, key: str, placeholder: Placeholder, suggestion: str = ""
) -> Diagnostic:
    return Diagnostic(
        code,
        severity,
        text_location(report, key, placeholder.start),
        LogicalCell("", f"text.{key}", None, (f"text.{key}",), (f"text.{key}",)),
        actual=placeholder.name,
        params=(("placeholder", placeholder.name), ("format", report.spec.key), ("suggestion", suggestion)),
    )
