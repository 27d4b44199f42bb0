"""The supported format versions and how a report year picks one."""

from __future__ import annotations

from .format2019 import FORMAT_2019
from .format2021 import FORMAT_2021
from .types import FormatSpec

FORMATS: dict[str, FormatSpec] = {
    FORMAT_2019.key: FORMAT_2019,
    FORMAT_2021.key: FORMAT_2021,
}


def format_for_year(year: int) -> FormatSpec | None:
    """The format that applies to reports on ``year``, or None when no supported format does."""
    for spec in FORMATS.values():
        first, last = spec.years
        if year >= first and (last is None or year <= last):
            return spec
    return None
