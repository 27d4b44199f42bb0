"""The one error type the library raises for a problem the user can mend, with its exit code."""

from __future__ import annotations

from . import exitcodes


class UserError(Exception):
    """A problem with the command's input or output that stops it: exit code and message in zh and en.

    The library raises it; the command line catches it once and prints it in the chosen language.
    """

    def __init__(self, exit_code: int, zh: str, en: str) -> None:
        super().__init__(en)
        self.exit_code = exit_code
        self.zh = zh
        self.en = en

    def message(self, lang: str) -> str:
        """The message in ``lang`` (zh or en)."""
        return self.en if lang == "en" else self.zh


class SettingsError(UserError):
    """A configuration, waiver file or command-line value that cannot be used (exit code 2)."""

    def __init__(self, zh: str, en: str | None = None) -> None:
        super().__init__(exitcodes.USAGE, zh, en if en is not None else zh)
