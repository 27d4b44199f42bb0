"""Configuration: discovery, precedence over defaults and under flags, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from cihelp import run

from reportgen.check.settings import find_config
from reportgen.core.diagnostics import Severity
from reportgen.core.errors import SettingsError

ONE_WARNING = "submissions/c-blank.yaml"  # V003 only
INVALID = "submissions/b-total.yaml"  # T303


def _write(path: str, text: str) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_discovery_walks_up_and_the_nearest_wins(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = sample / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) is None or not str(find_config(deep)).startswith(str(sample))
    _write("reportgen.toml", 'lang = "en"\n')
    assert find_config(deep) == sample / "reportgen.toml"
    _write("a/pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.reportgen]: passed over
    assert find_config(deep) == sample / "reportgen.toml"
    _write("a/b/pyproject.toml", "[tool.reportgen]\nfail-on = 'warning'\n")
    assert find_config(deep) == sample / "a" / "b" / "pyproject.toml"
    _write("a/b/reportgen.toml", "")  # reportgen.toml beats pyproject.toml in the same folder
    assert find_config(deep) == sample / "a" / "b" / "reportgen.toml"
    monkeypatch.chdir(sample)
    assert find_config(sample) == Path("reportgen.toml")  # shown relative when in the current folder


def test_config_file_sets_language_fail_on_and_rules(sample: Path) -> None:
    assert run("validate", ONE_WARNING).code == 0
    _write("reportgen.toml", 'lang = "en"\nfail-on = "warning"\n')
    outcome = run("validate", ONE_WARNING)
    assert outcome.code == 1
    assert "warning V003 Table 三" in outcome.stdout
    _write("reportgen.toml", 'fail-on = "warning"\nignore = ["V"]\n')
    assert run("validate", ONE_WARNING).code == 0


def test_pyproject_section_is_read(sample: Path) -> None:
    _write("pyproject.toml", '[project]\nname = "office"\n\n[tool.reportgen]\nlang = "en"\n')
    assert "valid (0 errors, 1 warnings)" in run("validate", ONE_WARNING).stdout


def test_found_from_a_subfolder(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write("reportgen.toml", 'lang = "en"\n')
    monkeypatch.chdir(sample / "submissions")
    assert run("validate", "c-blank.yaml").stdout.endswith("c-blank.yaml: valid (0 errors, 1 warnings)\n")


def test_command_line_overrides_the_file(sample: Path) -> None:
    _write("reportgen.toml", 'lang = "en"\nfail-on = "warning"\nignore = ["T303"]\n')
    assert run("validate", INVALID).code == 0  # T303 ignored by the file
    assert run("validate", INVALID, "--ignore", "V003").code == 1  # the flag replaces the file's list
    assert run("validate", ONE_WARNING, "--fail-on", "error").code == 0
    assert "警告 V003" in run("validate", ONE_WARNING, "--lang", "zh").stdout
    assert run("validate", INVALID, "--no-config").code == 1
    _write("other.toml", 'lang = "zh"\n')
    assert "有效" in run("validate", ONE_WARNING, "--config", "other.toml").stdout


def test_select_and_ignore_by_family_and_code(sample: Path) -> None:
    _write("reportgen.toml", 'select = ["T", "V003"]\nignore = ["V"]\n')
    outcome = run("validate", "submissions", "--previous", "previous", "--format", "json")
    codes = {d["code"] for f in __import__("json").loads(outcome.stdout)["files"] for d in f["diagnostics"]}
    # X is not selected; V003 is selected by code, which beats ignoring its family; F always runs
    assert codes == {"T303", "V003", "F003"}


def test_severity_override(sample: Path) -> None:
    _write("reportgen.toml", '[severity]\nV003 = "error"\nT = "warning"\n')
    assert run("validate", ONE_WARNING).code == 1
    outcome = run("validate", INVALID, "--lang", "en")
    assert outcome.code == 0 and "warning T303" in outcome.stdout
    _write("reportgen.toml", '[severity]\nT = "warning"\nT303 = "error"\n')  # the code beats the family
    assert run("validate", INVALID).code == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('fail-on = "sometimes"\n', "fail-on: Input should be 'error' or 'warning'"),
        ('select = ["T9"]\n', "select: T9: 未知的规则代码或类别"),
        (
            'ignore = ["F001"]\n',
            "ignore: F001: 文件类规则（F）不能关闭",
        ),
        ('colour = "red"\n', "colour: Extra inputs are not permitted"),
        ('lang = "fr"\n', "lang: Input should be 'zh' or 'en'"),
        ('[severity]\nV003 = "fatal"\n', "severity.V003: Input should be 'error', 'warning' or 'info'"),
        ('[severity]\nV9 = "error"\n', "severity: V9: 未知的规则代码或类别"),
        ("select = [\n", "reportgen.toml：TOML 语法错误"),
        ('waivers = "nowhere.toml"\n', "nowhere.toml：文件不存在"),
    ],
)
def test_bad_values_are_usage_errors_naming_file_and_key(sample: Path, text: str, expected: str) -> None:
    _write("reportgen.toml", text)
    outcome = run("validate", ONE_WARNING)
    assert outcome.code == 2
    assert "reportgen.toml" in outcome.stderr or "nowhere.toml" in outcome.stderr
    assert expected in outcome.stderr
    assert "Traceback" not in outcome.stderr


def test_bad_pyproject_section_names_the_table(sample: Path) -> None:
    _write("pyproject.toml", "[tool.reportgen]\nfail-on = 3\n")
    outcome = run("validate", ONE_WARNING)
    assert outcome.code == 2
    assert "pyproject.toml" in outcome.stderr and "tool.reportgen.fail-on:" in outcome.stderr


def test_bad_flags_are_usage_errors(sample: Path) -> None:
    outcome = run("validate", ONE_WARNING, "--ignore", "F")
    assert outcome.code == 2 and "--ignore F:" in outcome.stderr
    outcome = run("validate", ONE_WARNING, "--select", "Z1")
    assert outcome.code == 2 and "--select Z1:" in outcome.stderr
    outcome = run("validate", ONE_WARNING, "--previous", "no-such-folder")
    assert outcome.code == 2 and "目录不存在" in outcome.stderr


def test_missing_explicit_config_file(sample: Path) -> None:
    outcome = run("validate", ONE_WARNING, "--config", "absent.toml")
    assert outcome.code == 2 and "absent.toml：文件不存在" in outcome.stderr


def test_settings_error_is_raised_for_a_bad_file(sample: Path) -> None:
    from reportgen.check.config import load_config

    _write("reportgen.toml", 'fail-on = "warning"\n[severity]\nx101 = "error"\n')
    settings = load_config(Path("reportgen.toml"))
    assert settings.fail_on is Severity.WARNING
    assert settings.severity == (("X101", Severity.ERROR),)  # codes are not case-sensitive
    _write("reportgen.toml", "select = 3\n")
    with pytest.raises(SettingsError, match="select: Input should be a valid list"):
        load_config(Path("reportgen.toml"))
