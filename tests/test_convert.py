"""reportgen convert between YAML and XLSX, and the YAML writer's text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
from click.testing import CliRunner

import excelkit
from reportgen.cli import main
from reportgen.read.dispatch import read_report
from reportgen.read.yaml_reader import read_yaml_report
from reportgen.write.yaml_writer import report_yaml

EXAMPLES = excelkit.EXAMPLES


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_yaml_to_xlsx_to_yaml(tmp_path: Path) -> None:
    for year in (2020, 2021):
        source = EXAMPLES / f"{year}.yaml"
        workbook, back = tmp_path / f"{year}.xlsx", tmp_path / f"{year}.yaml"
        assert _run("convert", str(source), str(workbook)) == (0, f"{workbook}\n")
        assert _run("convert", str(workbook), str(back))[0] == 0
        original, again = read_yaml_report(source).report, read_yaml_report(back).report
        assert original is not None and again is not None
        assert again.resolved() == original.resolved()
        assert again.texts == original.texts
        assert report_yaml(again) == report_yaml(original)
        assert _run("validate", str(workbook))[0] == 0


def test_convert_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    report = read_yaml_report(EXAMPLES / "2021.yaml").report
    assert report is not None
    risky = '=HYPERLINK("http://x")\n+1\n-2\n@3'
    report.texts["other_matters"] = risky
    report.agency = "=1+1局"
    source = tmp_path / "in.yaml"
    source.write_text(report_yaml(report), encoding="utf-8")
    target = tmp_path / "out.xlsx"
    assert _run("convert", str(source), str(target))[0] == 0
    workbook = openpyxl.load_workbook(target)
    for label, value in (("六、", risky), ("机关名称", "=1+1局")):
        sheet, ref = excelkit.meta_ref(workbook, label).split("!")
        cell = workbook[sheet][ref]
        assert (cell.data_type, cell.value, cell.quotePrefix) == ("s", value, True)
    texts = [c for row in workbook["正文"].iter_rows() for c in row]
    assert not [c.coordinate for c in texts if c.data_type == "f"]
    back = read_report(target).report
    assert back is not None
    assert (back.texts["other_matters"], back.agency) == (risky, "=1+1局")


def test_convert_refuses_input_with_reading_errors(tmp_path: Path) -> None:
    text = (
        (EXAMPLES / "2021.yaml")
        .read_text(encoding="utf-8")
        .replace("{decisions: 1275}", '{decisions: "1275"}')
    )
    source = tmp_path / "bad.yaml"
    source.write_text(text, encoding="utf-8")
    code, output = _run("convert", str(source), str(tmp_path / "out.xlsx"))
    assert code == 1
    assert "V001" in output and "未转换" in output
    assert not (tmp_path / "out.xlsx").exists()


def test_convert_refuses_unreadable_and_unsupported(tmp_path: Path) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, output = _run("convert", str(old), str(tmp_path / "out.yaml"))
    assert code == 2 and "F009" in output
    code, output = _run("convert", str(EXAMPLES / "2021.yaml"), str(tmp_path / "out.docx"))
    assert code == 2 and ".xlsx" in output
    existing = tmp_path / "exists.xlsx"
    existing.write_bytes(b"")
    code, output = _run("convert", str(EXAMPLES / "2021.yaml"), str(existing))
    assert code == 2 and "--force" in output
    assert _run("convert", str(EXAMPLES / "2021.yaml"), str(existing), "--force")[0] == 0


def test_convert_passes_arithmetic_errors_through(tmp_path: Path) -> None:
    """Totals that disagree are data, not reading errors: they convert as written."""
    text = (EXAMPLES / "2021.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "review:                  {upheld: 3, corrected: 1, other: 1, pending: 1, total: 6}",
        "review: {upheld: 3, corrected: 1, other: 1, pending: 1, total: 7}",
    )
    source = tmp_path / "sum.yaml"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "sum.xlsx"
    assert _run("convert", str(source), str(target))[0] == 0
    code, output = _run("validate", str(target), "--format", "json")
    data = json.loads(output)
    assert code == 1
    finding = data["files"][0]["diagnostics"][0]
    assert (finding["code"], finding["sheet"], finding["cell"]) == ("T401", "表四", "E6")


def test_yaml_writer_block_scalars_and_blanks() -> None:
    report = read_yaml_report(EXAMPLES / "2021.yaml").report
    assert report is not None
    report.texts["problems"] = "第一段\n\n第二段 # 不是注释\n  缩进的行"
    text = report_yaml(report)
    assert "  problems: |-\n    第一段\n\n    第二段 # 不是注释\n      缩进的行\n" in text
    report.texts["problems"] = "line\u2028separator\r"
    assert '  problems: "line\\Lseparator' in report_yaml(report)


def test_validating_yaml_does_not_import_openpyxl() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from reportgen.cli import main\n"
        f"result = CliRunner().invoke(main, ['validate', {str(EXAMPLES / '2021.yaml')!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('openpyxl', 'docx', 'jinja2')))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"
