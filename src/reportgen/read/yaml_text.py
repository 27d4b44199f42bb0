"""Reading a YAML file into a node tree that keeps the line and column of every value.

Only composes nodes (never constructs Python objects), so tags such as
``!!python/object`` cannot run code; aliases stay shared nodes and are never expanded.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..core.diagnostics import Diagnostic, InputError, Location, Severity
from ..core.regular import NotRegularFileError, open_regular

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - the C loader is missing on some platforms
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
"""Largest YAML file accepted; a complete report is around 10 KB."""


def _fail(
    code: str, path: str, line: int | None = None, column: int | None = None, **params: str
) -> InputError:
    return InputError(
        Diagnostic(
            code,
            Severity.ERROR,
            Location(path, line, column),
            params=tuple(params.items()),
        )
    )


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character."""
    sample = data[:200]
    half = len(sample) // 2
    return half > 0 and max(sample[0::2].count(0), sample[1::2].count(0)) * 2 >= half


def decode(data: bytes, path: str) -> str:
    """The text of a YAML file, refusing anything that is not UTF-8 with a hint at its encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        raise _fail("F002", path, guess="UTF-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        start, guess = error.start, ""
        try:
            data.decode("gb18030")
            guess = "GBK/GB18030"
            # a GBK character may pass for UTF-8 by chance: point at the first non-ASCII byte instead
            start = next(index for index, byte in enumerate(data) if byte >= 0x80)
        except UnicodeDecodeError:
            pass
        prefix = data[:start]
        line = prefix.count(b"\n") + 1
        line_start = prefix.rfind(b"\n") + 1
        column = len(prefix[line_start:].decode("utf-8")) + 1  # in characters, as YAML marks count
        raise _fail("F002", path, line, column, guess=guess) from None


def compose_text(text: str, path: str) -> yaml.Node | None:
    """Compose YAML text into a node tree, turning parser errors into F003 diagnostics."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = " ".join(part for part in (error.context, error.problem) if part)
        raise _fail("F003", path, line, column, problem=problem) from None
    except yaml.YAMLError as error:
        raise _fail("F003", path, problem=str(error).splitlines()[0]) from None


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of an input file, bounded in size; I/O problems become F001/F004 diagnostics.

    Only a regular file is opened: a FIFO, socket or device is F001 ("not a regular file").
    """
    name = str(path)
    try:
        with open_regular(path) as stream:
            data = stream.read(limit + 1)
    except NotRegularFileError:
        raise _fail("F001", name, reason="not-regular") from None
    except FileNotFoundError:
        raise _fail("F001", name, reason="not-found") from None
    except IsADirectoryError:
        raise _fail("F001", name, reason="directory") from None
    except OSError as error:
        raise _fail("F001", name, reason=error.strerror or str(error)) from None
    if len(data) > limit:
        raise _fail("F004", name, limit=str(limit))
    return data


def load_nodes(path: Path) -> yaml.Node | None:
    """Read, decode and compose a YAML file."""
    name = str(path)
    return compose_text(decode(read_bytes(path), name), name)
