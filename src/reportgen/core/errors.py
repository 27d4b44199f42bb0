"""The one error type the library raises for a problem the user can mend, with its exit code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import exitcodes

if TYPE_CHECKING:
    from .diagnostics import Diagnostic


class UserError(Exception):
    """A problem with the command's input or output that stops it: exit code and message in zh and en.

    The library raises it; the command line catches it once and prints it in the chosen language,
    after the reading findings that explain it (``findings``: the file and its findings), if any.
    """

    def __init__(
        self, exit_code: int, zh: str, en: str, findings: tuple[str, list[Diagnostic]] | None = None
    ) -> None:
        super().__init__(en)
        self.exit_code = exit_code
        self.zh = zh
        self.en = en
        self.findings = findings

    def message(self, lang: str) -> str:
        """The message in ``lang`` (zh or en)."""
        return self.en if lang == "en" else self.zh

    @classmethod
    def cannot_write(cls, target: Path | str, error: OSError) -> UserError:
        """An output that cannot be written (exit code 2)."""
        reason = error.strerror or str(error)
        return cls(exitcodes.USAGE, f"无法写入 {target}：{reason}", f"cannot write {target}: {reason}")


class SettingsError(UserError):
    """A configuration, waiver file or command-line value that cannot be used (exit code 2)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(exitcodes.USAGE, zh, en)
