"""The report as one self-contained HTML page (inline CSS, no external requests)."""

from __future__ import annotations

from pathlib import Path

from ...core.model import Report
from .templating import template_set
from .view import document_view

HTML_TEMPLATE = "report.html.j2"
"""The page template; ``--template-dir`` may replace it or any file it includes."""


def render_html(report: Report, template_dir: Path | None = None) -> bytes:
    """The report as a UTF-8 HTML page, from the built-in templates or those in ``template_dir``."""
    templates = template_set(template_dir, autoescape=True)
    return templates.render(HTML_TEMPLATE, {"report": document_view(report)}).encode("utf-8")
