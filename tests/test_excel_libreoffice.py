"""LibreOffice (the closest thing here to Excel and WPS) opens the workbook and adds up the same totals.

Skipped only when LibreOffice is absent and ``CI`` is not set: in CI it must be installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

import excelkit
from reportgen.check.validate import validate_file
from reportgen.core.model import Report
from reportgen.core.workbook_layout import workbook_layout

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"), reason="LibreOffice (soffice) is not installed"
)


def _recalculate(source: Path, folder: Path) -> Path:
    """Open ``source`` in headless LibreOffice and save it again as .xlsx (formulas recalculated)."""
    assert SOFFICE is not None, "LibreOffice must be installed in CI (see .ci/run)"
    out = folder / "saved"
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    saved = out / source.name
    assert saved.exists()
    return saved


def _check_totals(report: Report, saved: Path) -> int:
    """Compare LibreOffice's results of every total formula with reportgen's; returns how many."""
    values = openpyxl.load_workbook(saved, data_only=True)
    formulas = openpyxl.load_workbook(saved)
    mapping = workbook_layout(report.spec.key)
    resolved = report.resolved()
    compared = 0
    for sheet in mapping.tables:
        for key in sheet.values:
            if mapping.formula(sheet, key) is None:
                continue
            ref = sheet.ref(key)
            assert formulas[sheet.name][ref].data_type == "f", (sheet.name, ref)
            assert values[sheet.name][ref].value == resolved[key], (sheet.name, ref, key)
            compared += 1
    return compared


@pytest.mark.parametrize("year", [2020, 2021])
def test_libreoffice_adds_up_the_same_totals(tmp_path: Path, year: int) -> None:
    report = excelkit.valid_report(year)
    source = tmp_path / f"report-{year}.xlsx"
    source.write_bytes(excelkit.fill_like_a_person(report))
    saved = _recalculate(source, tmp_path)
    assert _check_totals(report, saved) == sum(
        1
        for sheet in workbook_layout(report.spec.key).tables
        for key in sheet.values
        if workbook_layout(report.spec.key).formula(sheet, key)
    )
    # the file as LibreOffice saved it (cached values, its own XML) still reads the same
    result = validate_file(saved)
    assert result.diagnostics == []
    assert result.report is not None and result.report.resolved() == report.resolved()


def test_libreoffice_totals_with_blanks_and_text_numbers(tmp_path: Path) -> None:
    report = excelkit.valid_report(2021)
    data = excelkit.fill_like_a_person(report)
    where = excelkit.person_cells(report.spec, excelkit.load(data))
    blank = ("applications.results.granted", "natural_person")
    text = ("review_litigation.review", "upheld")

    def edit(wb: openpyxl.Workbook) -> None:
        excelkit.put(wb, where[blank], None)
        excelkit.put(wb, where[text], "3")

    source = tmp_path / "quirks.xlsx"
    source.write_bytes(excelkit.edited(data, edit))
    read = validate_file(source)
    assert read.report is not None
    saved = _recalculate(source, tmp_path)
    values = openpyxl.load_workbook(saved, data_only=True)
    mapping = workbook_layout("2021")
    sheet = mapping.table_of(("applications.results.total", "natural_person"))
    computed = read.report.resolved()
    # a blank counts as 0 for both; a number stored as text is skipped by SUM but read as 3 by reportgen
    ref = sheet.ref(("applications.results.total", "natural_person"))
    assert values[sheet.name][ref].value == computed[("applications.results.total", "natural_person")]
    review = mapping.table_of(("review_litigation.review", "total"))
    lo_total = values[review.name][review.ref(("review_litigation.review", "total"))].value
    assert lo_total == computed[("review_litigation.review", "total")] - 3
    assert {d.code for d in read.diagnostics} == {"V003", "V005", "T301"}  # 一+二 no longer balances
