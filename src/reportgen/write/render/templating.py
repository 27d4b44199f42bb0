"""Sandboxed Jinja environments for the HTML and Markdown templates, and readable template errors.

Built-in templates live in the package ``reportgen.templates`` (the repository's top-level
``templates/`` folder). A template folder given by the user is searched first, so an agency can
replace any single file; ``builtin/<name>`` always names the shipped version, so a replacement can
``{% extends "builtin/report.html.j2" %}`` and override only some blocks.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from .problems import TemplateProblem

__all__ = [
    "BUILTIN_PACKAGE",
    "BUILTIN_PREFIX",
    "PackageTemplateLoader",
    "TemplateProblem",
    "TemplateSet",
    "template_set",
]

BUILTIN_PACKAGE = "reportgen.templates"
BUILTIN_PREFIX = "builtin"


class PackageTemplateLoader(BaseLoader):
    """Loads the built-in templates from the installed package with importlib.resources."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        """The source of a built-in template, its file name, and an always-fresh check."""
        resource = files(BUILTIN_PACKAGE).joinpath(*split_template_path(template))
        if not resource.is_file():
            raise TemplateNotFound(template)
        return resource.read_text(encoding="utf-8"), str(resource), lambda: True

    def list_templates(self) -> list[str]:
        """Names of the built-in template files."""
        return sorted(
            entry.name
            for entry in files(BUILTIN_PACKAGE).iterdir()
            if entry.is_file() and not entry.name.endswith(".py")
        )


class _RecordingLoader(BaseLoader):
    """Delegates to another loader and remembers every file it handed out (to locate errors)."""

    def __init__(self, inner: BaseLoader) -> None:
        self.inner = inner
        self.filenames: set[str] = set()

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if filename is not None:
            self.filenames.add(filename)
        return source, filename, uptodate


@dataclass(frozen=True)
class TemplateSet:
    """A sandboxed environment over the built-in templates and, optionally, a user folder."""

    environment: SandboxedEnvironment
    loader: _RecordingLoader

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """Render template ``name``; any failure becomes a :class:`TemplateProblem`."""
        try:
            template = self.environment.get_template(name)
            return template.render(context)
        except TemplateSyntaxError as error:
            where = error.filename or error.name or name
            raise TemplateProblem(where, error.lineno, error.message or "syntax error") from None
        except TemplateNotFound as error:
            raise self._problem(error, name, f"template not found: {error.name}") from None
        except Exception as error:  # any runtime failure inside a (user) template
            raise self._problem(error, name, f"{type(error).__name__}: {error}") from None

    def _problem(self, error: BaseException, name: str, detail: str) -> TemplateProblem:
        """The innermost template frame of ``error``'s traceback names the file and line."""
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            if frame.filename in self.loader.filenames:
                return TemplateProblem(frame.filename, frame.lineno, detail)
        return TemplateProblem(name, None, detail)


def template_set(
    template_dir: Path | None,
    *,
    autoescape: bool,
    finalize: Callable[[Any], Any] | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
) -> TemplateSet:
    """A sandboxed environment: ``template_dir`` (if given) first, then the built-in templates."""
    builtin = PackageTemplateLoader()
    loaders: list[BaseLoader] = []
    if template_dir is not None:
        loaders.append(FileSystemLoader(str(template_dir), encoding="utf-8"))
    loaders.extend([builtin, PrefixLoader({BUILTIN_PREFIX: builtin})])
    loader = _RecordingLoader(ChoiceLoader(loaders))
    environment = SandboxedEnvironment(
        loader=loader,
        autoescape=autoescape,
        undefined=StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    environment.filters.update(filters or {})
    return TemplateSet(environment, loader)
