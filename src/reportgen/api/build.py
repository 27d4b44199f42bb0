"""Building the report documents: validate, render each requested format, write the files atomically.

The renderers are looked up by name in :data:`RENDERERS`; each imports its heavy library
(python-docx, Jinja2) only when called, so reading and validating stay fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..check.results import FileResult
from ..check.validate import validate_file
from ..core import exitcodes
from ..core.atomic import write_bytes_atomic
from ..core.diagnostics import Severity
from ..core.errors import UserError
from ..core.model import Report
from ..core.regular import refuse_overwriting_input


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer may be told besides the report."""

    template_dir: Path | None = None


Render = Callable[[Report, RenderOptions], bytes]


@dataclass(frozen=True)
class OutputFormat:
    """One output format: the file suffix it writes and the function producing its bytes."""

    name: str
    description: str
    render: Render


def _render_docx(report: Report, options: RenderOptions) -> bytes:
    from ..write.render.docx_render import render_docx  # heavy: python-docx

    return render_docx(report)


def _render_html(report: Report, options: RenderOptions) -> bytes:
    from ..write.render.html import render_html  # heavy: Jinja2

    return render_html(report, options.template_dir)


def _render_markdown(report: Report, options: RenderOptions) -> bytes:
    from ..write.render.markdown import render_markdown  # heavy: Jinja2

    return render_markdown(report, options.template_dir)


RENDERERS: dict[str, OutputFormat] = {
    "docx": OutputFormat("docx", "Word document (.docx)", _render_docx),
    "html": OutputFormat("html", "self-contained web page (.html)", _render_html),
    "md": OutputFormat("md", "GitHub-flavoured Markdown (.md)", _render_markdown),
}
"""Output formats by name; the name is also the suffix of the written file."""

DEFAULT_FORMATS: tuple[str, ...] = ("docx", "html")


def parse_formats(text: str) -> tuple[str, ...]:
    """The format names in a ``--to`` value such as ``docx,html`` (order kept, duplicates dropped)."""
    names: list[str] = []
    for raw in text.split(","):
        name = raw.strip().lower().lstrip(".")
        if not name:
            continue
        if name not in RENDERERS:
            known = ", ".join(RENDERERS)
            raise UserError(
                exitcodes.USAGE,
                f"未知的输出格式：{raw.strip()}（可用：{known}）",
                f"unknown output format: {raw.strip()} (choose from: {known})",
            )
        if name not in names:
            names.append(name)
    if not names:
        known = ", ".join(RENDERERS)
        raise UserError(
            exitcodes.USAGE, f"没有指定输出格式（可用：{known}）", f"no output format given ({known})"
        )
    return tuple(names)


@dataclass(frozen=True)
class BuildOptions:
    """Where and what to build."""

    output_dir: Path = Path()
    formats: tuple[str, ...] = DEFAULT_FORMATS
    force: bool = False  # write documents even from invalid data
    template_dir: Path | None = None


@dataclass
class BuildResult:
    """What a build did: the validation findings, and the files written (none when refused)."""

    validation: FileResult
    written: list[Path] = field(default_factory=list)
    refused: bool = False  # invalid data and no --force: nothing written

    @property
    def unreadable(self) -> bool:
        """Whether the input could not be read at all (its findings say why)."""
        return self.validation.unreadable or self.validation.report is None

    @property
    def has_errors(self) -> bool:
        """Whether validation found errors."""
        return self.validation.count(Severity.ERROR) > 0

    @property
    def exit_code(self) -> int:
        """0 when the documents were written, 1 when refused for invalid data, 2 when unreadable."""
        return exitcodes.exit_code(unreadable=self.unreadable, failed=self.refused)


def output_paths(source: Path, options: BuildOptions) -> dict[str, Path]:
    """The file each format is written to: ``OUTDIR/<input stem>.<format>``."""
    return {name: options.output_dir / f"{source.stem}.{name}" for name in options.formats}


def _check_template_dir(template_dir: Path | None) -> None:
    if template_dir is not None and not template_dir.is_dir():
        raise UserError(
            exitcodes.USAGE,
            f"模板目录不存在：{template_dir}",
            f"template folder not found: {template_dir}",
        )


def _check_output_dir(output_dir: Path) -> None:
    if output_dir.exists() and not output_dir.is_dir():
        raise UserError(
            exitcodes.USAGE,
            f"输出目录 {output_dir} 不是文件夹",
            f"the output folder {output_dir} is not a folder",
        )


def render_all(report: Report, formats: tuple[str, ...], options: RenderOptions) -> dict[str, bytes]:
    """Every requested document in memory; a template error becomes a UserError (exit 2)."""
    from ..write.render.problems import TemplateProblem  # no Jinja: a DOCX-only build never loads it

    documents: dict[str, bytes] = {}
    for name in formats:
        try:
            documents[name] = RENDERERS[name].render(report, options)
        except TemplateProblem as problem:
            raise UserError(
                exitcodes.USAGE,
                f"{problem.place}: 模板错误：{problem.detail}",
                f"{problem.place}: template error: {problem.detail}",
            ) from None
    return documents


def run_build(source: Path, options: BuildOptions) -> BuildResult:
    """Validate ``source`` and, unless it is invalid (and not forced), write the documents.

    An unreadable input or invalid data (without ``force``) writes nothing: see the result's
    findings and exit code. Raises UserError (exit 2) for a missing template folder, a template
    error, or an output that would overwrite the input or cannot be written. No file is written
    unless every requested document rendered.
    """
    _check_template_dir(options.template_dir)
    targets = output_paths(source, options)
    for target in targets.values():
        refuse_overwriting_input(target, [source])
    validation = validate_file(source)
    result = BuildResult(validation)
    if validation.report is None or result.unreadable or (result.has_errors and not options.force):
        result.refused = True
        return result
    _check_output_dir(options.output_dir)
    documents = render_all(validation.report, options.formats, RenderOptions(options.template_dir))
    for name, target in targets.items():
        try:
            write_bytes_atomic(target, documents[name])
        except OSError as error:
            raise UserError.cannot_write(target, error) from None
        result.written.append(target)
    return result
