"""Turning command-line arguments (files, directories, glob patterns) into the files to check.

A province sends tens of thousands of files, so each is kept as two short strings, never as a
path object, and folders are walked in order without collecting and sorting every name first.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from .dispatch import EXCEL_SUFFIXES, YAML_SUFFIXES

REPORT_SUFFIXES: tuple[str, ...] = (*YAML_SUFFIXES, *EXCEL_SUFFIXES)
"""Suffixes of the files a directory or a glob pattern contributes."""

_MAGIC = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to check: the folder it was found in (as given) and its name below that folder.

    The name below the folder pairs the file with last year's file under ``--previous DIR``.
    """

    base: str  # "" for a file named directly
    name: str  # with "/" between folders

    @property
    def path(self) -> Path:
        """The file's path, as it is shown in reports."""
        return Path(self.base, self.name)

    @property
    def relative(self) -> PurePath:
        """The file's name below its folder."""
        return PurePath(self.name)


class NoFilesError(ValueError):
    """A directory or pattern that contributes no report file."""

    def __init__(self, argument: str) -> None:
        super().__init__(argument)
        self.argument = argument


def is_report_file(name: str) -> bool:
    """Whether a file found in a directory is a report to check (by suffix; hidden and lock files are not)."""
    return name.lower().endswith(REPORT_SUFFIXES) and not name.startswith((".", "~$"))


def _walk(directory: str, prefix: str = "") -> Iterator[str]:
    """Report files under ``directory`` (names relative to it), in name order at every level.

    Entries are sorted folder by folder, which orders the whole tree as sorting every relative
    path by its parts would. Hidden folders are skipped; symbolic links to folders are not followed.
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in scan)
    except OSError:
        return
    for name, is_dir in entries:
        if is_dir:
            if not name.startswith("."):
                yield from _walk(os.path.join(directory, name), f"{prefix}{name}/")
        elif is_report_file(name):
            yield f"{prefix}{name}"


def _pattern_base(pattern: str) -> str:
    """The leading folders of a glob pattern that hold no wildcard."""
    parts: list[str] = []
    for part in PurePath(pattern).parts[:-1]:
        if _MAGIC.intersection(part):
            break
        parts.append(part)
    return str(PurePath(*parts)) if parts else ""


def _expand(argument: str) -> Iterator[InputFile]:
    if os.path.isdir(argument):
        yield from (InputFile(argument, name) for name in _walk(argument))
    elif os.path.exists(argument) or not _MAGIC.intersection(argument):
        folder, name = os.path.split(argument)  # a missing file is reported as F001 when read
        yield InputFile(folder, name)
    else:
        base = _pattern_base(argument)
        for match in sorted(glob.glob(argument, recursive=True)):
            below = PurePath(os.path.relpath(match, base or ".")).as_posix()
            if os.path.isdir(match):
                yield from (InputFile(base, f"{below}/{name}") for name in _walk(match))
            elif is_report_file(os.path.basename(match)):
                yield InputFile(base, below)


def _key(item: InputFile) -> str:
    return os.path.normcase(os.path.abspath(os.path.join(item.base, item.name)))


def collect_inputs(arguments: Iterable[str]) -> list[InputFile]:
    """The files named by ``arguments``, in argument order, each file once.

    A directory contributes its ``.yaml``/``.yml``/``.xlsx`` files, recursively and sorted; a glob
    pattern (``**`` allowed) the report files it matches; any other argument is taken as a file.
    Raises :class:`NoFilesError` for a directory or pattern without any report file.
    """
    arguments = list(arguments)
    files: list[InputFile] = []
    seen: set[str] = set()
    for argument in arguments:
        found = 0
        for item in _expand(argument):
            found += 1
            if len(arguments) > 1:  # one folder or pattern never names a file twice
                key = _key(item)
                if key in seen:
                    continue
                seen.add(key)
            files.append(item)
        if not found:
            raise NoFilesError(argument)
    return files


def previous_for(item: InputFile, directory: Path) -> Path | None:
    """Last year's file for ``item`` in ``directory``: the same relative name, else the same stem.

    The stem match lets a unit that sent a workbook last year send YAML this year (or the reverse).
    """
    same = directory / item.name
    if same.is_file():
        return same
    for suffix in REPORT_SUFFIXES:
        other = same.with_suffix(suffix)
        if other != same and other.is_file():
            return other
    return None
