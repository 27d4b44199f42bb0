"""Process exit codes: the contract CI relies on."""

OK = 0
"""Valid (warnings allowed unless --strict)."""
INVALID = 1
"""The data is invalid."""
USAGE = 2
"""Usage error, unreadable or malformed input file, or an output that cannot be written."""
