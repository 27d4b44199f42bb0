"""Every output format on the sample submission set, compared with golden files and checked as data."""

from __future__ import annotations

import json
from pathlib import Path

import defusedxml.ElementTree as ElementTree
import jsonschema
import pytest
from cihelp import CI_DIR, check_golden, run

from reportgen import __version__
from reportgen.check.rules.catalog import RULES

COMMON = ("validate", "submissions", "--previous", "previous", "--waivers", "waivers.toml", "--no-config")
SARIF_SCHEMA = CI_DIR / "schemas" / "sarif-schema-2.1.0.json"


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("text-zh.txt", ()),
        ("text-en.txt", ("--lang", "en")),
        ("json.json", ("--format", "json")),
        ("github.txt", ("--format", "github", "--lang", "en")),
        ("junit.xml", ("--format", "junit")),
        ("sarif.json", ("--format", "sarif", "--lang", "en")),
    ],
)
def test_golden(sample: Path, name: str, extra: tuple[str, ...]) -> None:
    outcome = run(*COMMON, *extra, "--jobs", "1")
    assert outcome.code == 2  # d-broken.yaml cannot be parsed
    text = outcome.stdout
    if name == "sarif.json":
        text = _stable_sarif(text)
    check_golden(name, text)


def _stable_sarif(text: str) -> str:
    """The SARIF log without what changes with the catalogue: rule descriptors, indexes, version."""
    log = json.loads(text)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["version"] == __version__
    driver["version"] = "VERSION"
    driver["rules"] = [rule["id"] for rule in driver["rules"]]
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result.pop("ruleIndex")] == result["ruleId"]
    driver["rules"] = "(the catalogue: see test_sarif_carries_the_rule_catalogue_and_results)"
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def test_text_summary_names_counts_and_frequent_rules(sample: Path) -> None:
    outcome = run(*COMMON, "--lang", "en")
    tail = outcome.stdout.split("\n\n")[-1]
    assert tail.splitlines()[0] == "5 files checked: 4 valid, 1 with errors, 1 with warnings, 1 unreadable"
    assert tail.splitlines()[1] == "most frequent rules: X101 ×2, F003 ×1, V003 ×1"
    assert "waived: 1" in tail
    assert "stale waiver #2 (submissions/a-ok.yaml V003)" in tail


def test_json_is_one_document_with_totals(sample: Path) -> None:
    data = json.loads(run(*COMMON, "--format", "json").stdout)
    assert [f["file"] for f in data["files"]] == [
        "submissions/a-ok.yaml",
        "submissions/b-total.yaml",
        "submissions/c-blank.yaml",
        "submissions/d-broken.yaml",
        "submissions/units/e-ok.yaml",
    ]
    waived = data["files"][1]["waived"]
    assert [(w["code"], w["path"], w["field"]) for w in waived] == [
        ("T303", "applications.results.granted", "total")
    ]
    assert waived[0]["reason"].startswith("乙市统计局")
    summary = data["summary"]
    assert (summary["files"], summary["valid"], summary["with_errors"], summary["unreadable"]) == (5, 4, 1, 1)
    assert summary["codes"] == {"X101": 2, "F003": 1, "V003": 1}
    assert [w["number"] for w in summary["stale_waivers"]] == [2]


def test_junit_has_a_test_case_per_file(sample: Path) -> None:
    root = ElementTree.fromstring(run(*COMMON, "--format", "junit").stdout.encode())
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "0", "1")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert list(cases) == [
        "submissions/a-ok.yaml",
        "submissions/b-total.yaml",
        "submissions/c-blank.yaml",
        "submissions/d-broken.yaml",
        "submissions/units/e-ok.yaml",
    ]
    broken = cases["submissions/d-broken.yaml"].find("error")
    assert broken is not None and broken.get("type") == "F003"
    assert "submissions/d-broken.yaml:2:7" in (broken.text or "")
    assert cases["submissions/a-ok.yaml"].find("failure") is None
    # warnings pass by default and fail with --fail-on warning
    assert cases["submissions/c-blank.yaml"].find("failure") is None
    strict = ElementTree.fromstring(run(*COMMON, "--format", "junit", "--fail-on", "warning").stdout.encode())
    failed = {c.get("name"): c.find("failure") for c in strict.iter("testcase")}
    failure = failed["submissions/c-blank.yaml"]
    assert failure is not None and failure.get("type") == "X101"
    assert "V003" in (failure.text or "")
    assert strict.get("failures") == "1"


def test_junit_failure_for_an_invalid_file(sample: Path) -> None:
    outcome = run("validate", "submissions/b-total.yaml", "--format", "junit", "--no-config")
    assert outcome.code == 1
    root = ElementTree.fromstring(outcome.stdout.encode())
    (case,) = root.iter("testcase")
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "T303"
    assert failure.get("message") == "1 个错误，0 个警告"
    assert "submissions/b-total.yaml:25:33: 错误 T303" in (failure.text or "")


def _sarif(sample: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    data: dict = json.loads(run(*COMMON, "--format", "sarif", *extra).stdout)  # type: ignore[type-arg]
    return data


def test_sarif_matches_the_published_schema(sample: Path) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    for extra in ((), ("--lang", "en"), ("--ignore", "V", "--fail-on", "warning")):
        errors = sorted(validator.iter_errors(_sarif(sample, *extra)), key=str)
        assert errors == []


def test_sarif_schema_catches_a_broken_log(sample: Path) -> None:
    """The committed schema really checks: a result without a message fails it."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = _sarif(sample)
    del log["runs"][0]["results"][0]["message"]
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log))


def test_sarif_carries_the_rule_catalogue_and_results(sample: Path) -> None:
    run_ = _sarif(sample, "--ignore", "V003")["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.code for rule in RULES]
    v003 = next(rule for rule in rules if rule["id"] == "V003")
    assert v003["defaultConfiguration"] == {"enabled": False, "level": "warning"}
    results = run_["results"]
    assert {r["ruleId"] for r in results} == {"X101", "F003", "T303"}
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    waived = [r for r in results if "suppressions" in r]
    assert [(r["ruleId"], r["suppressions"][0]["kind"]) for r in waived] == [("T303", "external")]
    x101 = next(r for r in results if r["ruleId"] == "X101")
    location = x101["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "submissions/c-blank.yaml"
    assert location["physicalLocation"]["region"] == {"startLine": 23, "startColumn": 18}
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "applications.carried_over.natural_person"
    invocation = run_["invocations"][0]
    assert invocation["exitCode"] == 2
    assert len(invocation["toolConfigurationNotifications"]) == 1


def test_github_annotations_and_full_text(sample: Path) -> None:
    lines = run(*COMMON, "--format", "github", "--lang", "en").stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert annotations[0].startswith(
        "::warning file=submissions/c-blank.yaml,line=23,col=18,title=X101 carried-over-matches-last-year::"
    )
    assert any(
        a.startswith("::error file=submissions/d-broken.yaml,line=2,col=7,title=F003") for a in annotations
    )
    assert annotations[-1].startswith("::warning file=waivers.toml,title=stale waiver::")
    assert not any("T303" in a for a in annotations)  # waived: text only
    text = [line for line in lines if not line.startswith("::")]
    assert any(line.startswith("submissions/b-total.yaml:25:33: waived T303") for line in text)
    assert "5 files checked: 4 valid, 1 with errors, 1 with warnings, 1 unreadable" in text


def test_github_escapes_workflow_command_syntax() -> None:
    from reportgen.check.reporters.github import escape_data, escape_property

    assert escape_data("100%\nnext") == "100%25%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_output_file_gets_the_report_and_terminal_the_totals(sample: Path) -> None:
    outcome = run(*COMMON, "--format", "sarif", "--output", "out/report.sarif", "--lang", "en")
    assert outcome.code == 2
    assert json.loads(Path("out/report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert outcome.stdout.startswith("5 files checked: 4 valid")
    assert "results" not in outcome.stdout
    assert not list(Path("out").glob(".*.tmp"))


def test_output_that_cannot_be_written_is_a_usage_error(sample: Path) -> None:
    Path("taken").write_text("a file, not a folder", encoding="utf-8")
    outcome = run(*COMMON, "--output", "taken/report.txt")
    assert outcome.code == 2
    assert "无法写入 taken" in outcome.stderr
    english = run(*COMMON, "--output", "taken/report.txt", "--lang", "en")
    assert english.code == 2 and "cannot write taken" in english.stderr
