"""Settings of a validate run: command-line flags over the configuration file over the defaults.

The configuration is ``reportgen.toml``, or ``[tool.reportgen]`` in ``pyproject.toml``, found by
walking up from the current folder. Its parser (and pydantic) is loaded only when a file is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.diagnostics import Severity
from ..core.errors import SettingsError
from ..read.inputs import InputFile, NoFilesError, collect_inputs, previous_for
from .policy import RulePolicy, selector_problem
from .validate import Options
from .waivers import Waiver

if TYPE_CHECKING:
    from .config import FileSettings

CONFIG_NAME = "reportgen.toml"
_PYPROJECT_SECTION = re.compile(r"^\s*\[\s*tool\s*\.\s*reportgen\s*[\].]", re.MULTILINE)


@dataclass(frozen=True)
class Flags:
    """The validate command's flags as given (None: not given)."""

    files: tuple[str, ...]
    previous: Path | None = None
    lang: str | None = None
    strict: bool = False
    fail_on: str | None = None
    select: str | None = None
    ignore: str | None = None
    waivers: Path | None = None
    config: Path | None = None
    no_config: bool = False
    jobs: int | None = None


@dataclass
class Invocation:
    """Everything a validate run needs: the files, the options and the language."""

    inputs: list[InputFile]
    options: Options
    lang: str
    config: Path | None = None
    waivers: Path | None = None

    def files_read(self) -> Iterator[Path]:
        """Every file the run reads: the inputs, last year's files, the waiver and configuration files."""
        yield from (item.path for item in self.inputs)
        previous = self.options.previous
        if previous is not None and previous.is_dir():
            yield from (found for item in self.inputs if (found := previous_for(item, previous)) is not None)
        elif previous is not None:
            yield previous
        yield from (path for path in (self.waivers, self.config) if path is not None)


def has_reportgen_section(pyproject: Path) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.reportgen]`` table (a quick look at the text)."""
    try:
        return bool(_PYPROJECT_SECTION.search(pyproject.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return False


def find_config(start: Path) -> Path | None:
    """The nearest ``reportgen.toml`` or ``pyproject.toml`` with ``[tool.reportgen]``, walking up."""
    start = start.absolute()
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if not candidate.is_file():
            candidate = folder / "pyproject.toml"
            if not (candidate.is_file() and has_reportgen_section(candidate)):
                continue
        return candidate.relative_to(start) if folder == start else candidate
    return None


def _selectors(text: str, option: str) -> tuple[str, ...]:
    """A comma-separated list of rule codes and families from the command line."""
    selectors = tuple(part.strip().upper() for part in text.split(",") if part.strip())
    for selector in selectors:
        problem = selector_problem(selector, ignoring=option == "--ignore")
        if problem:
            raise SettingsError(f"{option} {selector}: {problem[0]}", f"{option} {selector}: {problem[1]}")
    return selectors


def _load_file(flags: Flags) -> FileSettings | None:
    if flags.no_config:
        return None
    path = flags.config or find_config(Path.cwd())
    if path is None:
        return None
    from .config import load_config  # pydantic: only when there is a file to read

    return load_config(path)


def _waivers(path: Path | None) -> tuple[Waiver, ...]:
    if path is None:
        return ()
    from .config import load_waivers

    return load_waivers(path)


def resolve_settings(flags: Flags) -> Invocation:
    """Combine flags, configuration file and defaults; collect the input files.

    Raises :class:`SettingsError` with a message naming the file and key at fault.
    """
    found = _load_file(flags)
    select = _selectors(flags.select, "--select") if flags.select is not None else None
    ignore = _selectors(flags.ignore, "--ignore") if flags.ignore is not None else None
    if found is not None:
        select = select if select is not None else found.select
        ignore = ignore if ignore is not None else found.ignore
    if flags.strict:
        fail_on = Severity.WARNING
    elif flags.fail_on is not None:
        fail_on = Severity(flags.fail_on)
    else:
        fail_on = (found.fail_on if found else None) or Severity.ERROR
    policy = RulePolicy(select, ignore or (), found.severity if found else ())
    waivers_file = flags.waivers or (found.waivers if found else None)
    waivers = _waivers(waivers_file)
    try:
        inputs = collect_inputs(flags.files)
    except NoFilesError as error:
        raise SettingsError(
            f"{error.argument}：没有找到 .yaml、.yml 或 .xlsx 文件",
            f"{error.argument}: no .yaml, .yml or .xlsx file found",
        ) from None
    if flags.previous is not None and not flags.previous.exists():
        if not flags.previous.suffix:  # meant as a folder: say so rather than report a missing file
            raise SettingsError(
                f"--previous {flags.previous}：目录不存在", f"--previous {flags.previous}: no such folder"
            )
    options = Options(
        previous=flags.previous,
        fail_on=fail_on,
        jobs=flags.jobs or None,
        policy=policy,
        waivers=waivers,
    )
    lang = flags.lang or (found.lang if found else None) or "zh"
    return Invocation(inputs, options, lang, found.source if found else None, waivers_file)
