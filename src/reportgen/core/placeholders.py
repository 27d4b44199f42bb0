"""Placeholders in the narrative text: ``{新收申请}`` stands for the value the tables give that name.

The syntax is deliberately small, so that prose is never taken for one by accident:

- ``{NAME}`` is a placeholder when NAME is letters (Chinese ones too), digits, ``_`` and ``.`` only:
  a figure name (``{新收申请}``) or a cell's dotted path (``{applications.results.granted.total}``).
- ``{{NAME}}`` is the escape: it prints ``{NAME}`` as text.
- Every other brace is text and printed as written: ``{ 新收申请 }`` (spaces), ``{{ 7*7 }}``, ``{% if %}``,
  ``{注：略}``, a lone ``{`` or ``}``.
- ``{NAME`` with no ``}`` before the next ``{`` or the end of the line is text as well; validation
  warns about it (N003), since a closing brace was most likely forgotten.

Filling in is a lookup of NAME and nothing else: no expressions, attributes or template code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from ..spec.references import find_reference, reference_value
from ..spec.types import CellKey, FormatSpec
from .values import Number, format_number

_NAME = r"[\w.]+"
_TOKEN = re.compile(
    rf"\{{\{{(?P<escaped>{_NAME})\}}\}}"  # {{NAME}}: the text {NAME}
    rf"|\{{(?P<name>{_NAME})\}}"  # {NAME}: a placeholder
    rf"|\{{(?P<open>{_NAME})(?![\w.}}])(?![^{{}}\n]*\}})"  # {NAME with no } before the next { or line end
)

MASK = "\ufffc"
"""What a placeholder is replaced by when the text is scanned for quoted numbers (OBJECT REPLACEMENT)."""


class PlaceholderKind(StrEnum):
    """What a brace construct in a text is."""

    PLACEHOLDER = "placeholder"  # {NAME}
    ESCAPED = "escaped"  # {{NAME}}, printed as {NAME}
    UNCLOSED = "unclosed"  # {NAME without its closing brace, printed as written


_KINDS = {
    "name": PlaceholderKind.PLACEHOLDER,
    "escaped": PlaceholderKind.ESCAPED,
    "open": PlaceholderKind.UNCLOSED,
}


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A placeholder (or escape, or unclosed one) in a text: its name and the offsets it spans."""

    kind: PlaceholderKind
    name: str
    start: int  # offset of the first brace
    end: int  # offset just after the last character

    @property
    def written(self) -> str:
        """The placeholder as the text writes it."""
        if self.kind is PlaceholderKind.ESCAPED:
            return f"{{{{{self.name}}}}}"
        if self.kind is PlaceholderKind.UNCLOSED:
            return f"{{{self.name}"
        return f"{{{self.name}}}"


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder, escape and unclosed placeholder in ``text``, in order."""
    if "{" not in text:
        return []
    found: list[Placeholder] = []
    for match in _TOKEN.finditer(text):
        group = match.lastgroup or ""
        found.append(Placeholder(_KINDS[group], match.group(group), match.start(), match.end()))
    return found


def substitute(text: str, value_of: Callable[[str], str | None]) -> str:
    """``text`` with each placeholder replaced by ``value_of(name)`` and each escape by ``{NAME}``.

    A placeholder ``value_of`` knows nothing of (None) stays as written, as does every other brace.
    """
    pieces: list[str] = []
    position = 0
    for placeholder in find_placeholders(text):
        if placeholder.kind is PlaceholderKind.UNCLOSED:
            continue
        if placeholder.kind is PlaceholderKind.ESCAPED:
            shown: str | None = f"{{{placeholder.name}}}"
        else:
            shown = value_of(placeholder.name)
        if shown is None:
            continue
        pieces.append(text[position : placeholder.start])
        pieces.append(shown)
        position = placeholder.end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def fill_placeholders(text: str, spec: FormatSpec, values: Mapping[CellKey, Number]) -> str:
    """``text`` with each placeholder replaced by its value as the tables print it."""

    def value_of(name: str) -> str | None:
        reference = find_reference(spec, name)
        return format_number(reference_value(reference, values)) if reference is not None else None

    return substitute(text, value_of)


def mask_placeholders(text: str) -> str:
    """``text`` with every placeholder and escape overwritten by :data:`MASK` (offsets kept).

    What stands in a placeholder is the tables' own value: a scan for numbers quoted in the text
    must not read anything there.
    """
    placeholders = [p for p in find_placeholders(text) if p.kind is not PlaceholderKind.UNCLOSED]
    if not placeholders:
        return text
    chars = list(text)
    for placeholder in placeholders:
        chars[placeholder.start : placeholder.end] = MASK * (placeholder.end - placeholder.start)
    return "".join(chars)
