"""``reportgen validate`` end to end: several files, JSON output, languages, --strict and --previous."""

from __future__ import annotations

import re
from pathlib import Path

from clihelp import invoke, run

import casekit

DATA = casekit.DATA_DIR
VALID_2020, VALID_2021, VALID_2022 = (DATA / f"valid-{year}.yaml" for year in (2020, 2021, 2022))
DIAGNOSTIC_KEYS: dict[str, type | tuple[type, ...]] = {
    "code": str,
    "severity": str,
    "file": str,
    "line": (int, type(None)),
    "column": (int, type(None)),
    "table": (str, type(None)),
    "path": (str, type(None)),
    "field": (str, type(None)),
    "labels": list,
    "expected": (str, type(None)),
    "actual": (str, type(None)),
    "message": str,
}


def _write(tmp_path: Path, stem: str, **description: object) -> Path:
    return casekit.write(description, tmp_path, stem)[0]


def _validate(*args: str | Path) -> tuple[int, str, str]:
    outcome = invoke("validate", "--no-config", *args)
    return outcome.exit_code, outcome.stdout, outcome.stderr


def test_several_files_in_one_run(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad", base=2021, set={"review_litigation.review.total": "7"})
    code, out, _ = _validate(VALID_2021, bad, VALID_2020)
    assert code == 1
    assert f"{VALID_2021}：有效（0 个错误，0 个警告）" in out
    assert f"{VALID_2020}：有效（0 个错误，0 个警告）" in out
    assert f"{bad}：无效（1 个错误，0 个警告）" in out
    assert re.search(
        rf"{re.escape(str(bad))}:\d+:\d+: 错误 T401 表四 / 行政复议 / 总计：总计应为 6，填写的是 7", out
    )


def test_all_valid_files_exit_0() -> None:
    code, out, err = _validate(VALID_2020, VALID_2021, VALID_2022)
    assert (code, err) == (0, "")
    assert out.count("有效（0 个错误，0 个警告）") == 3


def test_an_unreadable_file_among_others_exits_2(tmp_path: Path) -> None:
    code, out, _ = _validate(VALID_2021, tmp_path / "missing.yaml")
    assert code == 2
    assert f"{tmp_path / 'missing.yaml'}: 错误 F001" in out


def test_json_output_shape(tmp_path: Path) -> None:
    description = {
        "base": 2021,
        "set": {
            "applications.carried_over": "[3, 1, 0, 0, 0, 0, ‸5]",
            "active_disclosure.coercion.decisions": "~",
        },
    }
    bad, source = casekit.write(description, tmp_path, "bad")
    outcome = invoke("validate", "--no-config", "--format", "json", VALID_2020, bad)
    assert outcome.exit_code == 1
    data = outcome.json()
    assert data["version"] == 1
    assert data["previous"] is None
    assert [f["file"] for f in data["files"]] == [str(VALID_2020), str(bad)]
    valid, invalid = data["files"]
    assert (valid["valid"], valid["errors"], valid["warnings"], valid["format"]) == (True, 0, 0, "2019")
    assert valid["diagnostics"] == []
    assert (invalid["valid"], invalid["errors"], invalid["warnings"], invalid["format"]) == (
        False,
        2,
        1,
        "2021",
    )
    for diagnostic in invalid["diagnostics"]:
        for key, kind in DIAGNOSTIC_KEYS.items():
            assert isinstance(diagnostic[key], kind), (key, diagnostic)
        assert diagnostic["file"] == str(bad)
    by_code = {d["code"]: d for d in invalid["diagnostics"]}
    assert sorted(by_code) == ["T301", "T303", "V003"]
    t303 = by_code["T303"]
    assert (t303["severity"], t303["line"], t303["column"]) == ("error", *source.mark("‸"))
    assert (t303["table"], t303["path"], t303["field"]) == ("三", "applications.carried_over", "total")
    assert t303["labels"] == ["二、上年结转政府信息公开申请数量", "总计"]
    assert (t303["expected"], t303["actual"]) == ("4", "5")
    assert t303["message"] == "总计应为 4，填写的是 5"
    assert by_code["V003"]["severity"] == "warning"
    assert data["summary"]["files"] == 2
    assert data["summary"]["errors"] == 2
    assert data["summary"]["warnings"] == 1


def test_json_for_an_unreadable_file(tmp_path: Path) -> None:
    broken = _write(tmp_path, "broken", file="year: [2021\nagency: x\n")
    outcome = invoke("validate", "--no-config", "--format", "json", broken)
    assert outcome.exit_code == 2
    [result] = outcome.json()["files"]
    [finding] = result["diagnostics"]
    assert (finding["code"], finding["line"], finding["column"]) == ("F003", 2, 7)
    assert (finding["table"], finding["path"], finding["field"], finding["labels"]) == (None, None, None, [])
    assert result["format"] is None


def test_lang_en_gives_english_messages(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad", base=2021, set={"review_litigation.review.total": "7"})
    code, out, _ = _validate("--lang", "en", bad)
    assert code == 1
    assert "error T401 Table 四 / administrative review / total: the total should be 6, written 7" in out
    assert f"{bad}: invalid (1 errors, 0 warnings)" in out
    json_out = invoke("validate", "--no-config", "--lang", "en", "--format", "json", bad).json()
    [finding] = json_out["files"][0]["diagnostics"]
    assert finding["message"] == "the total should be 6, written 7"
    assert not re.search(r"[\u4e00-\u9fff]", finding["message"])


def test_default_language_is_chinese(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad", base=2021, set={"active_disclosure.penalty.decisions": "12件"})
    code, out, _ = _validate(bad)
    assert code == 1
    assert "错误 V001" in out and "去掉单位" in out


def test_strict_turns_warnings_into_exit_1(tmp_path: Path) -> None:
    blank = _write(tmp_path, "blank", base=2021, set={"active_disclosure.coercion.decisions": "~"})
    assert _validate(blank)[0] == 0
    code, out, _ = _validate("--strict", blank)
    assert code == 1
    assert "警告 V003" in out


def test_strict_does_not_fail_clean_files() -> None:
    assert _validate("--strict", VALID_2021)[0] == 0


def test_previous_2020_report_for_a_2021_report(tmp_path: Path) -> None:
    code, out, _ = _validate("--lang", "en", "--previous", VALID_2020, VALID_2021)
    assert code == 0  # cross-year findings are warnings
    assert re.findall(r":\d+:\d+: warning (X\d+) ", out) == ["X101"] * 3
    assert f"but {VALID_2020} carried forward 0" in out
    data = invoke("validate", "--no-config", "--format", "json", "--previous", VALID_2020, VALID_2021).json()
    found = [(d["path"], d["field"], d["expected"], d["actual"]) for d in data["files"][0]["diagnostics"]]
    assert found == [
        ("applications.carried_over", "natural_person", "0", "3"),
        ("applications.carried_over", "commercial", "0", "1"),
        ("applications.carried_over", "total", "0", "4"),
    ]
    assert _validate("--strict", "--previous", VALID_2020, VALID_2021)[0] == 1


def test_previous_that_matches(tmp_path: Path) -> None:
    previous = _write(
        tmp_path,
        "2020",
        base=2020,
        set={
            "applications.new_received": "[3, 1, 0, 0, 0, 0, 4]",
            "applications.carried_forward": "[3, 1, 0, 0, 0, 0, 4]",
        },
    )
    assert _validate("--strict", "--previous", previous, VALID_2021)[0] == 0
    assert _validate("--strict", "--previous", VALID_2021, VALID_2022)[0] == 0


def test_previous_in_json(tmp_path: Path) -> None:
    data = invoke("validate", "--no-config", "--format", "json", "--previous", VALID_2021, VALID_2022).json()
    assert data["previous"]["file"] == str(VALID_2021)
    assert data["previous"]["format"] == "2021"
    assert data["files"][0]["diagnostics"] == []


def test_previous_of_the_wrong_year(tmp_path: Path) -> None:
    code, out, _ = _validate("--lang", "en", "--previous", VALID_2020, VALID_2022)
    assert code == 0
    assert "warning X100" in out and "is for 2020, expected 2021" in out


def test_unreadable_previous_exits_2(tmp_path: Path) -> None:
    code, _, _ = _validate("--previous", tmp_path / "none.yaml", VALID_2021)
    assert code == 2


def test_python_dash_m_and_exit_codes_in_a_real_process(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad", base=2021, set={"text.overview": "''"})
    assert run("validate", "--no-config", VALID_2021, cwd=tmp_path).exit_code == 0
    outcome = run("validate", "--no-config", "--lang", "en", bad, cwd=tmp_path)
    assert outcome.exit_code == 1
    assert "error S008" in outcome.stdout
    assert run("validate", "--no-config", tmp_path / "none.yaml", cwd=tmp_path).exit_code == 2
    assert run("validate", "--no-such-option", cwd=tmp_path).exit_code == 2
