"""The error a template raises, kept apart from Jinja so callers can catch it without importing Jinja."""

from __future__ import annotations


class TemplateProblem(Exception):
    """A template could not be loaded, compiled or rendered; says which file and line."""

    def __init__(self, template: str, line: int | None, detail: str) -> None:
        super().__init__(template, line, detail)
        self.template = template
        self.line = line
        self.detail = detail

    @property
    def place(self) -> str:
        """``file:line`` (or just the file when the line is unknown)."""
        return f"{self.template}:{self.line}" if self.line else self.template

    def __str__(self) -> str:
        return f"{self.place}: {self.detail}"
