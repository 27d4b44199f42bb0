"""Process exit codes: the contract CI relies on."""

OK = 0
"""Valid (warnings allowed unless --strict)."""
INVALID = 1
"""The data is invalid."""
USAGE = 2
"""Usage error, unreadable or malformed input file, or an output that cannot be written."""


def exit_code(*, unreadable: bool = False, failed: bool = False) -> int:
    """The exit code of a command: 2 when an input could not be read, 1 when the data fails, else 0."""
    if unreadable:
        return USAGE
    return INVALID if failed else OK
