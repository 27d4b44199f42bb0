"""Opening an input file only when it is a regular file, and never writing over a file a run reads.

Inputs are untrusted: a FIFO, socket or device named like a report must never be opened for
reading, since opening or reading it can block for ever or have side effects.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from . import exitcodes
from .errors import UserError


class NotRegularFileError(OSError):
    """A path that exists but is neither a regular file nor a folder (a FIFO, socket or device)."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


def open_regular(path: Path | str) -> BinaryIO:
    """Open ``path`` for binary reading if it is a regular file.

    Raises :class:`FileNotFoundError`, :class:`IsADirectoryError`, :class:`NotRegularFileError`
    or another :class:`OSError`.
    """
    mode = os.stat(path).st_mode  # follows a link to a file, as the open below does
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):  # replaced between the two looks
            raise NotRegularFileError(path)
        return os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether ``a`` and ``b`` name the same file, also through links; a missing path by its resolved name."""
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):
        return False


def refuse_overwriting_input(target: Path | str, inputs: Iterable[Path | str]) -> None:
    """Raise a :class:`UserError` (exit 2) naming ``target`` if it is one of the files a run reads."""
    if not os.path.lexists(target):
        return  # nothing there to lose
    for source in inputs:
        if same_file(target, source):
            raise UserError(
                exitcodes.USAGE,
                f"输出文件 {target} 是本次运行读取的输入文件 {source}，不会覆盖它",
                f"the output {target} is {source}, an input file this run reads; it will not be overwritten",
            )
