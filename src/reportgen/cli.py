"""The command line: parses arguments, calls the library, prints, and exits with a contract code."""

from __future__ import annotations

import contextlib
import functools
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TextIO, TypeVar, cast

import click

from . import __version__
from .api.build import DEFAULT_FORMATS, RENDERERS
from .check.reporters import REPORTERS
from .core import exitcodes
from .core.errors import UserError
from .core.regular import refuse_overwriting_input
from .spec.registry import FORMATS

if TYPE_CHECKING:
    from .check.settings import Invocation
    from .core.diagnostics import Diagnostic

LANG_OPTION = click.option(
    "--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Message language."
)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _print_findings(path: str, diagnostics: list[Diagnostic], lang: str) -> None:
    """The findings of one file, as ``validate`` prints them, on standard error."""
    from .check.reporters.text import TextReporter
    from .check.results import FileResult, RunResult

    run = RunResult([FileResult(path, diagnostics)])
    click.echo(TextReporter(lang).render(run), err=True, nl=False)


def _user_errors(command: Callable[_P, _R]) -> Callable[_P, _R]:
    """Print a UserError raised by the library in the command's language and exit with its code."""

    @functools.wraps(command)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return command(*args, **kwargs)
        except UserError as error:
            lang = str(kwargs.get("lang") or "zh")
            if error.findings is not None:
                _print_findings(*error.findings, lang)
            click.echo(error.message(lang), err=True)
            sys.exit(error.exit_code)

    return run


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def main() -> None:
    """Validate and build 政府信息公开工作年度报告 (government information-disclosure annual reports)."""


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--previous",
    type=click.Path(path_type=Path),
    help="Last year's report, or a folder of last year's reports paired by file name (cross-year rules).",
)
@click.option(
    "--format", "output_format", type=click.Choice(list(REPORTERS)), default="text", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write the report to FILE; print only totals."
)
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Message language (default zh).")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), help="Lowest severity that fails.")
@click.option("--strict", is_flag=True, help="Warnings fail too (the same as --fail-on warning).")
@click.option("--select", metavar="CODES", help="Only these rules: codes or families, comma-separated.")
@click.option("--ignore", metavar="CODES", help="Skip these rules: codes or families, comma-separated.")
@click.option("--waivers", type=click.Path(path_type=Path), help="File of accepted findings (TOML).")
@click.option("--config", type=click.Path(path_type=Path), help="Configuration file (default: found upward).")
@click.option("--no-config", is_flag=True, help="Ignore any reportgen.toml / [tool.reportgen].")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), help="Processes to use (default: automatic; 0 the same)."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@_user_errors
def validate(
    files: tuple[str, ...],
    previous: Path | None,
    output_format: str,
    output: Path | None,
    lang: str | None,
    fail_on: str | None,
    strict: bool,
    select: str | None,
    ignore: str | None,
    waivers: Path | None,
    config: Path | None,
    no_config: bool,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Check report data files (YAML or Excel), folders and glob patterns against the official format."""
    from .check.settings import Flags, resolve_settings

    flags = Flags(files, previous, lang, strict, fail_on, select, ignore, waivers, config, no_config, jobs)
    invocation = resolve_settings(flags)
    if output is not None:
        refuse_overwriting_input(output, invocation.files_read())
    sys.exit(_run_validate(invocation, output_format, output, quiet))


PROGRESS_MIN_FILES = 20
"""A progress bar is shown from this many files on (on a terminal, without --quiet)."""


def _run_validate(invocation: Invocation, output_format: str, output: Path | None, quiet: bool) -> int:
    """Run the checks, with a progress bar on a terminal when there are many files; the exit code."""
    from .check.reporters.text import TextReporter
    from .check.runner import SPOOL_BYTES, run_validation
    from .core.atomic import open_text_atomic

    formatter = REPORTERS[output_format](invocation.lang, invocation.options.policy)
    count = len(invocation.inputs)
    show = not quiet and count >= PROGRESS_MIN_FILES and sys.stderr.isatty()
    try:
        with contextlib.ExitStack() as stack:
            if output is not None:
                out: TextIO = stack.enter_context(open_text_atomic(output))
            elif show:  # the report waits until the bar is done, so the two do not interleave
                spool = tempfile.SpooledTemporaryFile(SPOOL_BYTES, "w+", encoding="utf-8")
                out = cast(TextIO, stack.enter_context(spool))
            else:
                out = sys.stdout
            if show:
                with click.progressbar(length=count, file=sys.stderr, label="reportgen") as bar:
                    summary = run_validation(
                        invocation.inputs, invocation.options, formatter, out, progress=lambda: bar.update(1)
                    )
            else:
                summary = run_validation(invocation.inputs, invocation.options, formatter, out)
            if output is None and show:
                out.seek(0)
                shutil.copyfileobj(out, sys.stdout)
    except OSError as error:
        raise UserError.cannot_write(str(error.filename or output), error) from None
    if output is not None:
        click.echo(TextReporter(invocation.lang).totals(summary), nl=False)
        click.echo(f"→ {output}")
    return summary.exit_code()


@main.command()
@LANG_OPTION
def rules(lang: str) -> None:
    """Print the rule catalogue: code, severity, name, description."""
    from .check.rules.catalog import FAMILIES, RULES

    for rule in RULES:
        family = FAMILIES[rule.code[0]][1 if lang == "en" else 0]
        title = rule.title_en if lang == "en" else rule.title_zh
        click.echo(f"{rule.code}  {rule.severity.value:<7}  {rule.name:<32}  [{family}] {title}")
        click.echo(f"      {rule.doc}")


@main.command()
@click.option(
    "--format",
    "format_key",
    type=click.Choice(list(FORMATS)),
    default=list(FORMATS)[-1],
    show_default=True,
    help="The format version whose tables the names refer to.",
)
@click.option("--cells", is_flag=True, help="List the dotted path of every table cell as well.")
@LANG_OPTION
@_user_errors
def placeholders(format_key: str, cells: bool, lang: str) -> None:
    """List the names the narrative text may use as {placeholders} for the tables' numbers."""
    from .api.placeholders import placeholder_listing

    click.echo(placeholder_listing(format_key, lang, cells=cells), nl=False)


@main.command()
@click.option("--format", "format_key", type=click.Choice(list(FORMATS)), help="Only this format version.")
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(path_type=Path),
    help="Write reportgen-<format>.schema.json files here.",
)
@LANG_OPTION
@_user_errors
def schema(format_key: str | None, output_dir: Path | None, lang: str) -> None:
    """Write the JSON Schema of the YAML input of each format version."""
    from .api.schemas import schema_of, write_schemas

    keys = [format_key] if format_key else list(FORMATS)
    if output_dir is None:
        if len(keys) != 1:
            raise UserError(
                exitcodes.USAGE,
                "用 --format 指定一个格式以打印其模式，或用 -o DIR 写出全部模式。",
                "Give --format to print one schema, or -o DIR to write all of them.",
            )
        click.echo(schema_of(keys[0]), nl=False)
        return
    for target in write_schemas(output_dir, keys):
        click.echo(str(target))


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(path_type=Path),
    default=Path(),
    show_default=True,
    help="Folder for the documents (<input stem>.<format>).",
)
@click.option(
    "--to",
    "formats",
    default=",".join(DEFAULT_FORMATS),
    show_default=True,
    help=f"Comma-separated output formats: {', '.join(RENDERERS)}.",
)
@click.option("--force", is_flag=True, help="Write the documents even from invalid data.")
@click.option(
    "--template-dir",
    type=click.Path(path_type=Path),
    help="Folder of HTML/Markdown templates that replace the built-in ones.",
)
@LANG_OPTION
@_user_errors
def build(
    file: Path, output_dir: Path, formats: str, force: bool, template_dir: Path | None, lang: str
) -> None:
    """Validate a report file and write it as DOCX, HTML and/or Markdown in the official layout."""
    from .api.build import BuildOptions, parse_formats, run_build

    result = run_build(file, BuildOptions(output_dir, parse_formats(formats), force, template_dir))
    if result.validation.diagnostics:
        _print_findings(result.validation.path, result.validation.diagnostics, lang)
    if result.refused and not result.unreadable:
        click.echo(
            "data is invalid: nothing written (use --force to build anyway)"
            if lang == "en"
            else "数据有误，未生成文件（使用 --force 强制生成）",
            err=True,
        )
    for path in result.written:
        click.echo(str(path))
    sys.exit(result.exit_code)


@main.command()
@click.option("--year", type=int, help="Report year (default: last year).")
@click.option("--agency", default="某机关", show_default=True, help="机关名称.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="FILE.yaml (a skeleton) or FILE.xlsx (the official-layout workbook to fill in).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@LANG_OPTION
@_user_errors
def init(year: int | None, agency: str, output: Path, force: bool, lang: str) -> None:
    """Write a skeleton report (.yaml) or a workbook to fill in Excel or WPS (.xlsx)."""
    from .api.new_report import create_report_file, default_year

    click.echo(str(create_report_file(output, year if year is not None else default_year(), agency, force)))


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an existing TARGET.")
@LANG_OPTION
@_user_errors
def convert(source: Path, target: Path, force: bool, lang: str) -> None:
    """Convert a report between YAML and the Excel workbook (.yaml/.yml ↔ .xlsx), losslessly."""
    from .api.convert import convert_file

    result = convert_file(source, target, force)
    if result.diagnostics:
        _print_findings(str(source), result.diagnostics, lang)
    click.echo(str(result.written))
