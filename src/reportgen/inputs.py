"""Turning command-line arguments (files, directories, glob patterns) into the files to check."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from .readers import EXCEL_SUFFIXES, YAML_SUFFIXES

REPORT_SUFFIXES: tuple[str, ...] = (*YAML_SUFFIXES, *EXCEL_SUFFIXES)
"""Suffixes of the files a directory or a glob pattern contributes."""

_MAGIC = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to check, and its name relative to the directory or pattern it came from.

    ``relative`` pairs the file with last year's file of the same name under ``--previous DIR``.
    """

    path: Path
    relative: PurePath


class NoFilesError(ValueError):
    """A directory or pattern that contributes no report file."""

    def __init__(self, argument: str) -> None:
        super().__init__(argument)
        self.argument = argument


def is_report_file(name: str) -> bool:
    """Whether a file found in a directory is a report to check (by suffix; hidden and lock files are not)."""
    return name.lower().endswith(REPORT_SUFFIXES) and not name.startswith((".", "~$"))


def _walk(directory: Path) -> Iterator[PurePath]:
    """Report files under ``directory``, relative to it, in a stable order; hidden folders skipped."""
    found: list[tuple[str, ...]] = []
    for root, folders, files in os.walk(directory):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = PurePath(root).relative_to(directory).parts
        found.extend((*base, name) for name in files if is_report_file(name))
    for parts in sorted(found):
        yield PurePath(*parts)


def _pattern_base(pattern: str) -> Path:
    """The leading folders of a glob pattern that hold no wildcard."""
    parts: list[str] = []
    for part in PurePath(pattern).parts[:-1]:
        if _MAGIC.intersection(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path()


def _expand(argument: str) -> list[InputFile]:
    path = Path(argument)
    if path.is_dir():
        return [InputFile(path / relative, relative) for relative in _walk(path)]
    if path.exists() or not _MAGIC.intersection(argument):
        return [InputFile(path, PurePath(path.name))]  # a missing file is reported as F001 later
    base = _pattern_base(argument)
    files: list[InputFile] = []
    for match in sorted(glob.glob(argument, recursive=True)):
        found = Path(match)
        if found.is_dir():
            files.extend(
                InputFile(found / relative, found.relative_to(base) / relative) for relative in _walk(found)
            )
        elif is_report_file(found.name):
            files.append(InputFile(found, found.relative_to(base)))
    return files


def collect_inputs(arguments: Iterable[str]) -> list[InputFile]:
    """The files named by ``arguments``, in argument order, each file once.

    A directory contributes its ``.yaml``/``.yml``/``.xlsx`` files, recursively and sorted; a glob
    pattern (``**`` allowed) the report files it matches; any other argument is taken as a file.
    Raises :class:`NoFilesError` for a directory or pattern without any report file.
    """
    seen: set[str] = set()
    files: list[InputFile] = []
    for argument in arguments:
        expanded = _expand(argument)
        if not expanded:
            raise NoFilesError(argument)
        for item in expanded:
            key = os.path.normcase(os.path.abspath(item.path))
            if key not in seen:
                seen.add(key)
                files.append(item)
    return files


def previous_for(item: InputFile, directory: Path) -> Path | None:
    """Last year's file for ``item`` in ``directory``: the same relative name, else the same stem.

    The stem match lets a unit that sent a workbook last year send YAML this year (or the reverse).
    """
    same = directory / item.relative
    if same.is_file():
        return same
    for suffix in REPORT_SUFFIXES:
        other = same.with_suffix(suffix)
        if other != same and other.is_file():
            return other
    return None
