"""The interface every output format implements."""

from __future__ import annotations

from typing import Protocol

from ..validate import RunResult


class Formatter(Protocol):
    """Turns a validation run into text in one language."""

    def __init__(self, lang: str) -> None: ...

    def render(self, run: RunResult) -> str:
        """The whole report of the run."""
        ...
