"""The report as GitHub-flavoured Markdown: the same content, merged table headers flattened."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from markupsafe import Markup

from ...core.model import Report
from .templating import template_set
from .view import document_view

MARKDOWN_TEMPLATE = "report.md.j2"
"""The Markdown template; ``--template-dir`` may replace it or any file it includes."""

HARD_BREAK = "  \n"
"""A line break inside a paragraph (two trailing spaces: understood by every Markdown dialect)."""

# Characters with a meaning anywhere in a line: emphasis, code, links, HTML, tables, strikethrough,
# entities, and the braces of Liquid/Jinja-style site generators.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~&{}])")
# Characters with a meaning at the start of a line: headings, lists, rules and setext underlines
# (a marker followed by a space, the line end or another marker), ordered lists (``1. ``).
_LINE_START = re.compile(r"^([ \t]*)([#+=-](?=[\s#+=-]|$)|\d{1,9}(?=[.)](?:\s|$)))", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown (and HTML) meaning removed, so it renders as itself."""
    escaped = _ANYWHERE.sub(r"\\\1", text)

    def line_start(match: re.Match[str]) -> str:
        indent, token = match.group(1), match.group(2)
        if token.isdigit():  # 1. or 1) opens an ordered list: escape the delimiter instead
            return f"{indent}{token}\\"
        return f"{indent}\\{token}"

    return _LINE_START.sub(line_start, escaped)


def _finalize(value: object) -> object:
    """Escape every ``{{ … }}`` output unless a template marked it safe.

    A value is one line of Markdown (a heading, a table cell): line breaks become spaces, so
    they cannot end a heading or a table row early. Paragraph lines go through ``markdown_lines``.
    """
    if isinstance(value, Markup):
        return str(value)
    return escape_markdown(" ".join(str(value).splitlines()))


def markdown_lines(lines: Iterable[str]) -> Markup:
    """Lines of one paragraph, each escaped, joined by hard line breaks (a template filter)."""
    return Markup(HARD_BREAK.join(escape_markdown(line) for line in lines))  # noqa: S704 - escaped above


def render_markdown(report: Report, template_dir: Path | None = None) -> bytes:
    """The report as UTF-8 Markdown, from the built-in templates or those in ``template_dir``."""
    templates = template_set(
        template_dir,
        autoescape=False,
        finalize=_finalize,
        filters={"markdown_lines": markdown_lines},
    )
    return templates.render(MARKDOWN_TEMPLATE, {"report": document_view(report)}).encode("utf-8")
