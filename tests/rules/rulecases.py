"""Loading the rule case files (tests/rules/cases/<CODE>.yaml) and checking findings against them.

A case file::

    rule: T303
    cases:
      - name: a list row whose total is one too many      # unique in the file
        base: 2021                                         # how to build the input: see casekit.py
        set: {applications.carried_over: "[3, 1, 0, 0, 0, 0, ‸5]"}
        previous: {base: 2020}                             # optional: last year's report (X rules)
        expect:                                            # every finding, in any order
          - {code: T303, at: ‸, path: applications.carried_over, field: total, expected: "4", actual: "5"}
        ignore: [V003]                                     # optional: codes not compared in this case
        exit: 1                                            # optional: the exit code of the run
        fault: reportgen.check.validate.check_arithmetic   # optional: a function made to raise (F012)

An expectation names a ``code`` and any of: ``at`` (``‸``, ``‸2``, ``line:col``, or ``file`` for a
finding without a line), ``severity`` (default: the rule's), ``table``, ``path``, ``field``,
``expected``, ``actual``, ``params`` (a mapping), ``message`` / ``message_en`` (substrings).
A *failing* case expects the file's rule code; a *passing* case does not (so it must not be reported).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import casekit
from reportgen.check.messages import message
from reportgen.check.rules.catalog import RULES_BY_CODE
from reportgen.core.diagnostics import Diagnostic

CASES_DIR = Path(__file__).resolve().parent / "cases"
CASE_KEYS = frozenset({"name", "note", "expect", "ignore", "previous", "exit", "fault"}) | casekit.SOURCE_KEYS
EXPECT_KEYS = frozenset(
    {
        "code",
        "at",
        "severity",
        "table",
        "path",
        "field",
        "expected",
        "actual",
        "params",
        "message",
        "message_en",
    }
)


@dataclass(frozen=True)
class Case:
    """One case of a rule's case file."""

    rule: str
    name: str
    data: Mapping[str, Any]

    @property
    def expect(self) -> list[Mapping[str, Any]]:
        """The findings the case expects."""
        return list(self.data.get("expect") or [])

    @property
    def failing(self) -> bool:
        """Whether the case expects its rule to fire."""
        return any(item.get("code") == self.rule for item in self.expect)

    @property
    def source(self) -> dict[str, Any]:
        """The input description (the case without its expectations)."""
        return {k: v for k, v in self.data.items() if k in casekit.SOURCE_KEYS}


def load_file(path: Path) -> tuple[str, list[Case]]:
    """The rule code a case file declares and its cases; malformed case files raise CaseError."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) - {"rule", "about", "cases"}:
        raise casekit.CaseError(f"{path.name}: expected keys rule, about, cases")
    rule = str(data.get("rule"))
    cases: list[Case] = []
    for item in data.get("cases") or []:
        unknown = set(item) - CASE_KEYS
        if unknown:
            raise casekit.CaseError(f"{path.name}: {item.get('name')}: unknown keys {sorted(unknown)}")
        for expectation in item.get("expect") or []:
            extra = set(expectation) - EXPECT_KEYS
            if extra or "code" not in expectation:
                raise casekit.CaseError(f"{path.name}: {item.get('name')}: bad expectation {expectation}")
        cases.append(Case(rule, str(item["name"]), item))
    return rule, cases


def load_all() -> dict[str, list[Case]]:
    """Every case file by its file name's code."""
    return {path.stem: load_file(path)[1] for path in sorted(CASES_DIR.glob("*.yaml"))}


def _place(diagnostic: Diagnostic) -> str:
    location = diagnostic.location
    if location.sheet is not None:  # an Excel cell: 表三!D6
        return location.place()
    return f"{location.line}:{location.column}" if location.line is not None else "file"


def describe(diagnostic: Diagnostic) -> str:
    """A finding on one line, for failure messages."""
    cell = diagnostic.cell
    where = f"{cell.table}|{cell.record}|{cell.field}" if cell else "-"
    return (
        f"{diagnostic.code} {diagnostic.severity.value} at {_place(diagnostic)} {where} "
        f"expected={diagnostic.expected!r} actual={diagnostic.actual!r} params={dict(diagnostic.params)}"
    )


def _wanted_place(at: Any, source: casekit.Source) -> str:
    text = str(at)
    if text == "file":
        return "file"
    if text.startswith(casekit.MARK):
        line, column = source.mark(text)
        return f"{line}:{column}"
    return text


def matches(diagnostic: Diagnostic, expectation: Mapping[str, Any], source: casekit.Source) -> list[str]:
    """The attributes of ``expectation`` that ``diagnostic`` does not have (empty: it matches)."""
    wrong: list[str] = []
    cell = diagnostic.cell
    severity = expectation.get("severity", RULES_BY_CODE[str(expectation["code"])].severity.value)
    checks: list[tuple[str, Any, Any]] = [
        ("code", expectation["code"], diagnostic.code),
        ("severity", severity, diagnostic.severity.value),
    ]
    if "at" in expectation:
        checks.append(("at", _wanted_place(expectation["at"], source), _place(diagnostic)))
    for name, actual in (
        ("table", cell.table if cell else None),
        ("path", cell.record if cell else None),
        ("field", cell.field if cell else None),
        ("expected", diagnostic.expected),
        ("actual", diagnostic.actual),
    ):
        if name in expectation:
            checks.append((name, expectation[name], actual))
    for key, value in (expectation.get("params") or {}).items():
        checks.append((f"params.{key}", str(value), diagnostic.param(key)))
    for name, lang in (("message", "zh"), ("message_en", "en")):
        if name in expectation and str(expectation[name]) not in message(diagnostic, lang):
            wrong.append(f"{name} {expectation[name]!r} not in {message(diagnostic, lang)!r}")
    for name, want, got in checks:
        if (str(want) if want is not None else None) != (str(got) if got is not None else None):
            wrong.append(f"{name}: want {want!r}, got {got!r}")
    return wrong


def compare(
    diagnostics: list[Diagnostic],
    expectations: list[Mapping[str, Any]],
    source: casekit.Source,
    ignore: frozenset[str] = frozenset(),
) -> list[str]:
    """Problems found comparing the findings with the expectations (empty: they agree exactly)."""
    problems: list[str] = []
    left = list(diagnostics)
    for expectation in expectations:
        found = next((d for d in left if not matches(d, expectation, source)), None)
        if found is None:
            near = [f"    {describe(d)}: {'; '.join(matches(d, expectation, source))}" for d in left]
            problems.append(f"no finding matches {dict(expectation)}; findings left:\n" + "\n".join(near))
            continue
        left.remove(found)
    problems.extend(f"unexpected finding: {describe(d)}" for d in left if d.code not in ignore)
    return problems
