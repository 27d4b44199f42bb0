"""Building test input files from short, readable descriptions.

A *source* description (a mapping, usually read from a YAML case file) says how to make one input file:

``base: 2021``
    start from the valid report ``tests/data/valid-2021.yaml`` (also ``2020``, ``2022``);
``file: |``
    or write this whole text (then positions in the case are literal line:col of this text);
``set: {PATH: FRAGMENT}``
    replace the YAML value at a dotted PATH (``applications.carried_over``, ``…new_received[6]``)
    by a raw YAML FRAGMENT, keeping every other byte of the file;
``rename: {PATH: NEW_KEY}``
    rewrite the key of the entry at PATH;
``delete: [PATH, …]``
    remove the entries at PATH (block or flow mappings);
``replace: [{old: TEXT, new: TEXT}, …]``
    replace a piece of text that occurs exactly once;
``append: TEXT``
    add text at the end;
``encoding: gbk | utf-16 | utf-16-le | utf-8-sig``
    save the text in another encoding;
``bytes_at_mark: "ff"``
    insert these raw bytes (hex) where the marker is, after encoding;
``pad_to: N``
    append comment lines until the file has at least N bytes;
``suffix: .docx``
    the file name's suffix (default ``.yaml``);
``path: missing | directory``
    give a path that does not exist, or a directory.
``workbook: {base: 2021, cells: {"表三!D6": "12"}, …}``
    an Excel workbook instead of YAML (see ``excelkit.case_workbook``); findings are then
    placed ``at: 表三!D6``.

Fragments and texts may hold the marker ``‸``: it is removed from the file and its line:col is where a
finding is expected (``at: ‸``; with several markers, ``at: ‸2`` is the second in file order).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MARK = "‸"
TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"
BASES: dict[str, Path] = {
    "2020": DATA_DIR / "valid-2020.yaml",
    "2021": DATA_DIR / "valid-2021.yaml",
    "2022": DATA_DIR / "valid-2022.yaml",
}
SOURCE_KEYS = frozenset(
    {
        "base",
        "file",
        "set",
        "rename",
        "delete",
        "replace",
        "append",
        "encoding",
        "bytes_at_mark",
        "pad_to",
        "suffix",
        "path",
        "workbook",
    }
)


class CaseError(Exception):
    """A case description that cannot be applied (a mistake in the test data, not in reportgen)."""


@dataclass(frozen=True)
class Source:
    """A built input: its bytes (None when the path must not exist) and the markers' line:col."""

    data: bytes | None
    marks: tuple[tuple[int, int], ...]
    suffix: str = ".yaml"
    kind: str = "file"  # file | missing | directory

    def write(self, directory: Path, stem: str) -> Path:
        """Create the input under ``directory`` and return its path."""
        path = directory / f"{stem}{self.suffix}"
        if self.kind == "directory":
            path.mkdir()
        elif self.kind == "file":
            assert self.data is not None
            path.write_bytes(self.data)
        return path

    def mark(self, name: str) -> tuple[int, int]:
        """The line:col of marker ``‸`` (the only one) or ``‸N`` (the N-th in file order)."""
        if name == MARK:
            if len(self.marks) != 1:
                raise CaseError(f"`at: {MARK}` needs exactly one marker, the file has {len(self.marks)}")
            return self.marks[0]
        number = int(name[len(MARK) :])
        if not 1 <= number <= len(self.marks):
            raise CaseError(f"`at: {name}`: the file has {len(self.marks)} markers")
        return self.marks[number - 1]


# -- paths inside a YAML document ------------------------------------------------------------------
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for match in _STEP.finditer(path):
        steps.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
    if not steps:
        raise CaseError(f"empty path {path!r}")
    return steps


def _find(root: yaml.Node, path: str) -> tuple[yaml.Node, yaml.Node | None, yaml.Node]:
    """(parent, key node or None for a list item, value node) at ``path``."""
    parent: yaml.Node | None = None
    key_node: yaml.Node | None = None
    node = root
    for step in _steps(path):
        parent = node
        if isinstance(step, int):
            if not isinstance(node, yaml.SequenceNode) or step >= len(node.value):
                raise CaseError(f"{path}: no list item {step}")
            key_node, node = None, node.value[step]
            continue
        if not isinstance(node, yaml.MappingNode):
            raise CaseError(f"{path}: {step!r} is not under a mapping")
        for candidate_key, candidate_value in node.value:
            if isinstance(candidate_key, yaml.ScalarNode) and candidate_key.value == step:
                key_node, node = candidate_key, candidate_value
                break
        else:
            raise CaseError(f"{path}: no key {step!r}")
    assert parent is not None
    return parent, key_node, node


def _content_end(node: yaml.Node, text: str) -> int:
    """Index just after the last character that belongs to ``node`` (not the comments after it)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        end = int(node.end_mark.index)
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            while end > node.start_mark.index and text[end - 1] in " \n":
                end -= 1  # a block scalar's end mark is past its trailing line breaks
        return end
    if isinstance(node, yaml.MappingNode):
        ends = [_content_end(part, text) for pair in node.value for part in pair]
    else:
        assert isinstance(node, yaml.SequenceNode)
        ends = [_content_end(item, text) for item in node.value]
    return max(ends) if ends else int(node.end_mark.index)


class _Text:
    """The file text with markers, edited at positions computed on the text without markers."""

    def __init__(self, text: str) -> None:
        self.text = text

    def plain(self) -> tuple[str, list[int]]:
        """The text without markers, and for each of its indices the index in the marked text."""
        chars: list[str] = []
        index: list[int] = []
        for position, char in enumerate(self.text):
            if char != MARK:
                chars.append(char)
                index.append(position)
        index.append(len(self.text))
        return "".join(chars), index

    def splice(self, start: int, end: int, new: str) -> None:
        """Replace plain-text span [start, end) by ``new``."""
        _, index = self.plain()
        self.text = self.text[: index[start]] + new + self.text[index[end] :]

    def compose(self) -> tuple[yaml.Node, str]:
        plain, _ = self.plain()
        root = yaml.compose(plain, Loader=yaml.SafeLoader)
        if root is None:
            raise CaseError("the base text is empty")
        return root, plain

    def set_value(self, path: str, fragment: str) -> None:
        root, plain = self.compose()
        _, _, node = _find(root, path)
        self.splice(node.start_mark.index, _content_end(node, plain), fragment)

    def rename(self, path: str, new_key: str) -> None:
        root, _ = self.compose()
        _, key_node, _ = _find(root, path)
        if key_node is None:
            raise CaseError(f"{path}: a list item has no key")
        self.splice(key_node.start_mark.index, key_node.end_mark.index, new_key)

    def delete(self, path: str) -> None:
        root, plain = self.compose()
        parent, key_node, node = _find(root, path)
        if key_node is None or not isinstance(parent, yaml.MappingNode):
            raise CaseError(f"{path}: only mapping entries can be deleted")
        if parent.flow_style:
            keys = [key for key, _ in parent.value]
            position = keys.index(key_node)
            if position + 1 < len(keys):
                start, end = key_node.start_mark.index, keys[position + 1].start_mark.index
            elif position > 0:
                start, end = _content_end(parent.value[position - 1][1], plain), _content_end(node, plain)
            else:
                start, end = key_node.start_mark.index, _content_end(node, plain)
        else:
            start = plain.rfind("\n", 0, key_node.start_mark.index) + 1
            line_end = plain.find("\n", _content_end(node, plain) - 1)
            end = len(plain) if line_end < 0 else line_end + 1
        self.splice(start, end, "")

    def replace(self, old: str, new: str) -> None:
        count = self.text.count(old)
        if count != 1:
            raise CaseError(f"replace: {old!r} occurs {count} times, not once")
        self.text = self.text.replace(old, new)

    def marks(self) -> tuple[str, tuple[tuple[int, int], ...], tuple[int, ...]]:
        """The final text, the markers' (line, col), and their indices in the final text."""
        plain, _ = self.plain()
        found: list[tuple[int, int]] = []
        indices: list[int] = []
        line, column, removed = 1, 1, 0
        for position, char in enumerate(self.text):
            if char == MARK:
                found.append((line, column))
                indices.append(position - removed)
                removed += 1
            elif char == "\n":
                line, column = line + 1, 1
            else:
                column += 1
        return plain, tuple(found), tuple(indices)


def _pairs(value: Any, what: str) -> list[tuple[str, str]]:
    if isinstance(value, Mapping):
        return [(str(k), _fragment(v)) for k, v in value.items()]
    raise CaseError(f"{what}: expected a mapping of PATH: VALUE")


def _fragment(value: Any) -> str:
    """A fragment is written as a string of raw YAML; plain numbers are accepted for brevity."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise CaseError(f"fragment {value!r}: write it as a quoted YAML string")
    return str(value)


def base_text(name: str | int) -> str:
    """The text of the valid base report ``name`` (``2020``, ``2021``, ``2022``)."""
    key = str(name)
    if key not in BASES:
        raise CaseError(f"unknown base {name!r}; known: {', '.join(BASES)}")
    return BASES[key].read_text(encoding="utf-8")


def build(description: Mapping[str, Any]) -> Source:
    """The input file a source description asks for."""
    unknown = set(description) - SOURCE_KEYS
    if unknown:
        raise CaseError(f"unknown source keys: {', '.join(sorted(unknown))}")
    suffix = str(description.get("suffix", ".yaml"))
    kind = str(description.get("path", "file"))
    if kind in ("missing", "directory"):
        return Source(None, (), suffix, kind)
    if "workbook" in description:  # an Excel case: see excelkit.case_workbook
        import excelkit

        workbook = excelkit.case_workbook(description["workbook"])
        return Source(workbook, (), str(description.get("suffix", ".xlsx")), "file")
    if ("base" in description) == ("file" in description):
        raise CaseError("give exactly one of `base` and `file`")
    text = _Text(base_text(description["base"]) if "base" in description else str(description["file"]))
    for path, fragment in _pairs(description.get("set", {}), "set"):
        text.set_value(path, fragment)
    for path, new_key in _pairs(description.get("rename", {}), "rename"):
        text.rename(path, new_key)
    for path in _as_list(description.get("delete", [])):
        text.delete(str(path))
    for item in _as_list(description.get("replace", [])):
        if not isinstance(item, Mapping) or set(item) != {"old", "new"}:
            raise CaseError("replace: each item needs exactly `old` and `new`")
        text.replace(str(item["old"]), str(item["new"]))
    if "append" in description:
        text.text += str(description["append"])
    final, marks, indices = text.marks()
    encoding = str(description.get("encoding", "utf-8"))
    data = final.encode(encoding)
    if "bytes_at_mark" in description:
        if len(indices) != 1:
            raise CaseError("bytes_at_mark needs exactly one marker")
        offset = len(final[: indices[0]].encode(encoding))
        data = data[:offset] + bytes.fromhex(str(description["bytes_at_mark"])) + data[offset:]
    if "pad_to" in description:
        filler = b"# " + b"padding " * 12 + b"\n"
        missing = int(description["pad_to"]) - len(data)
        if missing > 0:
            data += filler * (missing // len(filler) + 1)
    return Source(data, marks, suffix, "file")


def _as_list(value: Any) -> Sequence[Any]:
    if isinstance(value, list):
        return value
    return [value]


def write(description: Mapping[str, Any], directory: Path, stem: str) -> tuple[Path, Source]:
    """Build the input a description asks for under ``directory``; its path and the built source."""
    source = build(description)
    return source.write(directory, stem), source
