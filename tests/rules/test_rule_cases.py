"""Every rule of the catalogue against its case file: inputs built from fragments, exact findings."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import rulecases

import casekit
from reportgen.check.messages import LANGS, message
from reportgen.check.reporters import REPORTERS
from reportgen.check.rules.catalog import RULES, RULES_BY_CODE
from reportgen.check.runner import validate_files
from reportgen.check.validate import Options

ALL = rulecases.load_all()
CASES = [case for cases in ALL.values() for case in cases]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}:{c.name}" for c in CASES])
def test_case(case: rulecases.Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, source = casekit.write(case.source, tmp_path, "report")
    if "fault" in case.data:
        # An unexpected error can only be provoked by breaking reportgen itself: the named function
        # (never what a user relies on) is replaced, in this process, by one that raises.
        module, _, name = case.data["fault"].rpartition(".")
        monkeypatch.setattr(importlib.import_module(module), name, _raise)
    previous = None
    if "previous" in case.data:
        previous, _ = casekit.write(case.data["previous"], tmp_path, "previous")
    run = validate_files([path], Options(previous=previous))

    if run.previous is not None:  # last year's report is a valid one unless a case says otherwise
        assert [rulecases.describe(d) for d in run.previous.diagnostics] == []
    diagnostics = run.files[0].diagnostics
    problems = rulecases.compare(diagnostics, case.expect, source, frozenset(case.data.get("ignore") or ()))
    assert not problems, "\n".join(problems)
    for diagnostic in diagnostics:
        assert diagnostic.location.file == str(path)
        for lang in LANGS:
            text = message(diagnostic, lang)
            assert text.strip() and "{" not in text and "None" not in text, text
    if "exit" in case.data:
        assert run.exit_code == case.data["exit"]
    for name, formatter in REPORTERS.items():  # every finding renders in every output format
        assert formatter("en").render(run), name


def _raise(*args: object, **kwargs: object) -> None:
    raise RuntimeError("a deliberate fault of the test")


def test_every_rule_has_a_case_file() -> None:
    codes = {rule.code for rule in RULES}
    assert sorted(codes - set(ALL)) == [], "rules without a case file"
    assert sorted(set(ALL) - codes) == [], "case files for codes that are not in the catalogue"


@pytest.mark.parametrize("code", sorted(RULES_BY_CODE))
def test_case_file_has_failing_and_passing_cases(code: str) -> None:
    path = rulecases.CASES_DIR / f"{code}.yaml"
    if not path.exists():
        pytest.fail(f"{code} has no case file {path.name}")
    rule, cases = rulecases.load_file(path)
    assert rule == code, f"{path.name} declares rule {rule}"
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    failing = [case for case in cases if case.failing]
    passing = [case for case in cases if not case.failing]
    assert failing, f"{code} has no failing case"
    assert passing, f"{code} has no passing case"
    for case in failing:
        for expectation in case.expect:
            if expectation["code"] == code:
                assert "at" in expectation, f"{case.name}: a finding of {code} must give its place (at)"
    for case in passing:
        assert code not in (case.data.get("ignore") or ()), (
            f"{case.name}: a passing case may not ignore {code}"
        )


def test_case_builder_rejects_mistakes(tmp_path: Path) -> None:
    with pytest.raises(casekit.CaseError):
        casekit.build({"base": 2021, "set": {"applications.no_such_row": "1"}})
    with pytest.raises(casekit.CaseError):
        casekit.build({"base": 2021, "replace": [{"old": "0, 0", "new": "1"}]})  # not unique
    with pytest.raises(casekit.CaseError):
        casekit.build({"base": 2021, "sett": {}})
    with pytest.raises(casekit.CaseError):
        casekit.build({"base": 2021, "file": "year: 2021\n"})


def test_case_builder_marks_and_splices() -> None:
    source = casekit.build({"file": "a: 1\nb: {x: 某某, y: ‸2}\n", "set": {"a": "[‸1]"}})
    assert source.data == "a: [1]\nb: {x: 某某, y: 2}\n".encode()
    assert source.marks == ((1, 5), (2, 15))
    deleted = casekit.build(
        {"file": "a: {x: 1, y: 2, z: 3}\nb:\n  c: 1  # note\n  d: 2\n", "delete": ["a.y", "a.z", "b.c"]}
    )
    assert deleted.data == b"a: {x: 1}\nb:\n  d: 2\n"
