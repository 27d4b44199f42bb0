"""``reportgen rules``, ``schema`` and ``init`` end to end."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml
from clihelp import invoke, run

import casekit
from reportgen.check.rules.catalog import RULES
from reportgen.spec.registry import FORMATS
from reportgen.write.schema import schema_file_name

REPO = casekit.TESTS_DIR.parent
SCHEMAS = REPO / "schemas"


# -- rules -----------------------------------------------------------------------------------------
def test_rules_lists_every_code() -> None:
    outcome = invoke("rules")
    assert outcome.exit_code == 0
    listed = [line.split()[0] for line in outcome.stdout.splitlines() if line and not line.startswith(" ")]
    assert listed == [rule.code for rule in RULES]
    for rule in RULES:
        assert rule.title_zh in outcome.stdout
        assert rule.name in outcome.stdout


def test_rules_in_english() -> None:
    outcome = invoke("rules", "--lang", "en")
    assert outcome.exit_code == 0
    for rule in RULES:
        assert rule.title_en in outcome.stdout


# -- schema ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("key", sorted(FORMATS))
def test_committed_schema_is_current(key: str) -> None:
    outcome = invoke("schema", "--format", key)
    assert outcome.exit_code == 0
    committed = (SCHEMAS / schema_file_name(key)).read_text(encoding="utf-8")
    assert outcome.stdout == committed, (
        f"schemas/{schema_file_name(key)} is stale: run reportgen schema -o schemas"
    )


def test_schema_dir_writes_every_format(tmp_path: Path) -> None:
    outcome = invoke("schema", "-o", tmp_path)
    assert outcome.exit_code == 0
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted(schema_file_name(key) for key in FORMATS)
    for name in written:
        assert (tmp_path / name).read_bytes() == (SCHEMAS / name).read_bytes()


def test_schema_without_format_or_dir_is_a_usage_error() -> None:
    outcome = invoke("schema")
    assert outcome.exit_code == 2
    assert "--format" in outcome.stderr


def _schema(key: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMAS / schema_file_name(key)).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("base", "key"), [("2020", "2019"), ("2021", "2021"), ("2022", "2021")])
def test_valid_reports_satisfy_the_schema(base: str, key: str) -> None:
    data = yaml.safe_load(casekit.base_text(base))
    data["date"] = str(data["date"])  # YAML reads dates as dates; the schema describes the text
    jsonschema.validate(data, _schema(key))


@pytest.mark.parametrize(
    "fragment",
    [
        {"agncy": "x"},  # unknown key
        {"year": "2021"},  # quoted year
        {"kind": "bureau"},
    ],
)
def test_the_schema_flags_what_validate_flags(fragment: dict[str, Any]) -> None:
    data = yaml.safe_load(casekit.base_text("2021"))
    data["date"] = str(data["date"])
    data.update(fragment)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, _schema("2021"))


# -- init ------------------------------------------------------------------------------------------
def _records_present(data: dict[str, Any], key: str) -> None:
    spec = FORMATS[key]
    for record in spec.records:
        node: Any = data
        for step in record.path:
            assert isinstance(node, dict) and step in node, f"{record.id} missing from the skeleton"
            node = node[step]
        if isinstance(node, list):
            assert len(node) == len(record.fields), record.id
            assert all(value == 0 for value in node), record.id
        else:
            assert set(node) == {f.key for f in record.fields}, record.id


@pytest.mark.parametrize(("year", "key"), [(2020, "2019"), (2021, "2021"), (2023, "2021")])
def test_init_writes_a_complete_skeleton_that_fails_until_filled(year: int, key: str, tmp_path: Path) -> None:
    target = tmp_path / "report.yaml"
    outcome = invoke("init", "--year", str(year), "--agency", "营口市档案局", "-o", target)
    assert outcome.exit_code == 0
    assert outcome.stdout.strip() == str(target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=./{schema_file_name(key)}\n")
    data = yaml.safe_load(text)
    assert (data["year"], str(data["format"]), data["agency"]) == (year, key, "营口市档案局")
    _records_present(data, key)
    validated = invoke("validate", "--no-config", target)
    assert validated.exit_code == 1, validated.stdout
    assert "C001" in validated.stdout  # the placeholders （请填写…） are not a report yet

    problems = "存在的主要问题：解读不够深入。改进情况：上年度问题已整改。"
    filled = (
        text.replace("（请填写总体情况）", "本年度政府信息公开工作有序开展。")
        .replace("（请填写存在的主要问题及改进情况）", problems)
        .replace('other_matters: "无。"', 'other_matters: "本年度未收取信息处理费。"')
        .replace("date: null", f"date: {year + 1}-01-20")
    )
    target.write_text(filled, encoding="utf-8")
    validated = invoke("validate", "--no-config", "--strict", target)
    assert validated.exit_code == 0, validated.stdout


def test_init_for_an_unsupported_year(tmp_path: Path) -> None:
    target = tmp_path / "report.yaml"
    outcome = invoke("init", "--year", "2015", "-o", target)
    assert outcome.exit_code == 2
    assert "2015" in outcome.stderr
    for key in FORMATS:
        assert key in outcome.stderr
    assert not target.exists()


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "report.yaml"
    target.write_text("year: 2021\n", encoding="utf-8")
    outcome = invoke("init", "--year", "2021", "-o", target)
    assert outcome.exit_code == 2
    assert "--force" in outcome.stderr
    assert target.read_text(encoding="utf-8") == "year: 2021\n"
    forced = invoke("init", "--year", "2021", "-o", target, "--force")
    assert forced.exit_code == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["format"] == "2021"


def test_init_refuses_other_file_types(tmp_path: Path) -> None:
    outcome = invoke("init", "--year", "2021", "-o", tmp_path / "report.txt")
    assert outcome.exit_code == 2
    assert not (tmp_path / "report.txt").exists()


def test_init_then_validate_in_real_processes(tmp_path: Path) -> None:
    assert run("init", "--year", "2020", "-o", "x.yaml", cwd=tmp_path).exit_code == 0
    assert run("validate", "--no-config", "x.yaml", cwd=tmp_path).exit_code == 1  # placeholders left
    assert run("init", "--year", "2020", "-o", "x.yaml", cwd=tmp_path).exit_code == 2


# -- placeholders ----------------------------------------------------------------------------------
def test_placeholders_lists_the_figures_of_the_newest_format_in_chinese() -> None:
    from reportgen.spec.figures import named_figures

    outcome = invoke("placeholders")
    assert outcome.exit_code == 0
    assert outcome.stdout.startswith("占位符（2021 年格式）\n")
    for figure in named_figures(FORMATS["2021"]).values():
        assert f"  {{{figure.name}}}  {figure.name_en}\n      {figure.description}\n" in outcome.stdout
    assert "      = applications.results.denied.state_secret.total\n" in outcome.stdout
    assert "      + applications.results.denied.inquiry_matters.total\n" in outcome.stdout
    assert "{收费金额}" in outcome.stdout and "{采购金额}" not in outcome.stdout  # 2019 only
    assert "{applications.results.granted.natural_person}  表三 / 三、本年度办理结果" in outcome.stdout
    assert "{{新收申请}} 印出 {新收申请}" in outcome.stdout
    assert "{applications.new_received.commercial}" not in outcome.stdout  # only with --cells


def test_placeholders_in_english_for_the_2019_format_with_every_cell() -> None:
    from reportgen.spec.references import cell_references

    outcome = invoke("placeholders", "--format", "2019", "--lang", "en", "--cells")
    assert outcome.exit_code == 0
    assert outcome.stdout.startswith("Placeholders (the 2019 format)\n")
    assert "  {采购金额}  procurement amount\n" in outcome.stdout
    assert "{收费金额}" not in outcome.stdout
    assert "  {不予公开}  not disclosed\n      the sum of 8 cells\n" in outcome.stdout
    assert "  {新收申请}  new applications\n      Table 三 / I. new applications / total\n" in outcome.stdout
    for path in cell_references(FORMATS["2019"]):
        assert f"    {{{path}}}  Table " in outcome.stdout
    assert "{{新收申请}} prints {新收申请}" in outcome.stdout


def test_placeholders_refuses_an_unknown_format() -> None:
    outcome = invoke("placeholders", "--format", "2008")
    assert outcome.exit_code == 2


def test_placeholder_listing_as_a_library_raises_a_user_error() -> None:
    from reportgen.api.placeholders import placeholder_listing
    from reportgen.core.errors import UserError

    with pytest.raises(UserError) as raised:
        placeholder_listing("2008", "en")
    assert raised.value.message("en") == "unknown format: 2008 (2019, 2021)"
