"""Turning command-line arguments (files, directories, glob patterns) into the files to check.

A province sends tens of thousands of files, so each is kept as two short strings, never as a
path object, and folders are walked in order without collecting and sorting every name first.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import re
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
    path by its parts would. Hidden folders are skipped; symbolic links to folders are never
    followed (so a link cannot lead out of the tree or round a loop), a link to a file is taken
    like the file. The walk keeps its own stack, so any depth of folders is fine.
    """
    stack: list[Iterator[tuple[str, bool]]] = [iter(_entries(directory))]
    prefixes = [prefix]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            prefixes.pop()
            continue
        name, is_dir = entry
        if is_dir:
            if not name.startswith("."):
                below = f"{prefixes[-1]}{name}/"
                stack.append(iter(_entries(os.path.join(directory, below))))
                prefixes.append(below)
        elif is_report_file(name):
            yield f"{prefixes[-1]}{name}"


def _entries(folder: str) -> list[tuple[str, bool]]:
    """The names in ``folder``, sorted, each with whether it is a real folder (not a link to one)."""
    try:
        with os.scandir(folder) as scan:
            return sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in scan)
    except OSError:
        return []


def _pattern_base(pattern: str) -> str:
    """The leading folders of a glob pattern that hold no wildcard."""
    parts: list[str] = []
    for part in PurePath(pattern).parts[:-1]:
        if _MAGIC.intersection(part):
            break
        parts.append(part)
    return str(PurePath(*parts)) if parts else ""


def _glob(pattern: str) -> list[str]:
    """The paths matching ``pattern``, sorted; ``**`` descends only through real folders.

    The standard ``glob`` follows links to folders under ``**``, where one link back up
    multiplies every file and two never finish; a pattern without ``**`` has a fixed depth
    and keeps the standard matching.
    """
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    base = _pattern_base(pattern)
    rest = PurePath(pattern).parts[len(PurePath(base).parts) if base else 0 :]
    regex = re.compile(_translate(rest))
    matches: list[str] = []
    stack = [""]  # folders below the base, "/"-separated
    while stack:
        below = stack.pop()
        for name, is_dir in _entries(os.path.join(base or os.curdir, below)):
            relative = f"{below}{name}"
            if regex.fullmatch(relative):
                matches.append(os.path.join(base, relative) if base else relative)
            if is_dir and not name.startswith("."):
                stack.append(f"{relative}/")
    return sorted(matches)


def _translate(parts: tuple[str, ...]) -> str:
    """A regular expression for the parts of a glob pattern, matched against a "/"-separated path.

    ``**`` stands for any number of folders (none too), ``*`` and ``?`` for characters within one
    name; as with ``glob``, a wildcard does not match a name that starts with a dot.
    """
    name = r"[^/.][^/]*"
    pieces: list[str] = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            pieces.append(rf"(?:{name}(?:/{name})*)?" if last else rf"(?:{name}/)*")
            continue
        text = _translate_name(part)
        if part[:1] in _MAGIC:
            text = rf"(?!\.){text}"
        pieces.append(text if last else f"{text}/")
    return "(?s:" + "".join(pieces) + ")"


def _translate_name(part: str) -> str:
    """A regular expression for one name of a glob pattern: wildcards never match a "/"."""
    pieces: list[str] = []
    index = 0
    while index < len(part):
        char = part[index]
        close = part.find("]", index + 2) if char == "[" else -1
        if char == "*":
            pieces.append("[^/]*")
        elif char == "?":
            pieces.append("[^/]")
        elif close > 0:
            bracket = fnmatch.translate(part[index : close + 1])
            pieces.append(bracket.removeprefix("(?s:").removesuffix(r")\Z"))
            index = close
        else:
            pieces.append(re.escape(char))
        index += 1
    return "".join(pieces)


def _expand(argument: str) -> Iterator[InputFile]:
    if os.path.isdir(argument):
        yield from (InputFile(argument, name) for name in _walk(argument))
    elif os.path.lexists(argument) or not _MAGIC.intersection(argument):
        folder, name = os.path.split(argument)  # a missing file is reported as F001 when read
        yield InputFile(folder, name)
    else:
        base = _pattern_base(argument)
        for match in _glob(argument):
            below = PurePath(os.path.relpath(match, base or ".")).as_posix()
            if os.path.isdir(match) and not os.path.islink(match):
                yield from (InputFile(base, f"{below}/{name}") for name in _walk(match))
            elif is_report_file(os.path.basename(match)) and not os.path.isdir(match):
                yield InputFile(base, below)


def _key(item: InputFile) -> str:
    path = os.path.join(item.base, item.name)
    try:
        path = os.path.realpath(path)  # a file reached through a link is the same file
    except (OSError, ValueError):
        path = os.path.abspath(path)
    return os.path.normcase(path)


def collect_inputs(arguments: Iterable[str]) -> list[InputFile]:
    """The files named by ``arguments``, in argument order, each file once (by its resolved path).

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
            key = _key(item)  # by the file it leads to: a link and its target are one file
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
