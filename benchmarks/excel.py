"""Workbook write and read times per workbook.

Times, for each example report (examples/2020.yaml in the 2019 format, examples/2021.yaml in the
2021 format):

* template: writing the blank template (``reportgen init -o FILE.xlsx``);
* write: writing the report's values into a workbook (``reportgen convert IN.yaml OUT.xlsx``);
* read: reading the filled workbook into a Report (what ``validate``/``build`` do first);
* read (cached): reading a workbook whose formulas carry results, as a spreadsheet saves it,
  with one formula typed in an input cell (so the results are loaded too);
* validate: ``validate_file`` on the filled workbook (read and check every rule);
* YAML read, for comparison.

It prints milliseconds per workbook (the median of R rounds) and the file size.

    python benchmarks/excel.py [--repeat R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportgen.check.validate import validate_file
from reportgen.core.workbook_layout import workbook_layout
from reportgen.read.excel.reader import read_workbook_report
from reportgen.read.yaml_reader import read_yaml_report
from reportgen.write.excel.writer import report_bytes, template_bytes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    times: list[float] = []
    action()  # warm up (imports, caches)
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    import excelkit  # tests/excelkit.py: cached formula results as a spreadsheet saves them

    print(f"{'workbook':<10} {'step':<16} {'ms':>8}  {'size':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for year in (2020, 2021):
            source = EXAMPLES / f"{year}.yaml"
            report = read_yaml_report(source).report
            assert report is not None
            filled = Path(folder) / f"{year}.xlsx"
            filled.write_bytes(report_bytes(report))
            mapping = workbook_layout(report.spec.key)
            sheet = mapping.tables[1]
            key = next(k for k in sheet.values if mapping.formula(sheet, k) is None)
            ref = sheet.ref(key)
            cached = Path(folder) / f"{year}-cached.xlsx"
            typed = excelkit.edited(
                filled.read_bytes(), lambda wb, r=ref, s=sheet.name: excelkit.put(wb, f"{s}!{r}", "=1+1")
            )
            cached.write_bytes(excelkit.with_cached_values(typed, sheet.name, {ref: "2"}))
            rows: list[tuple[str, float, int]] = [
                (
                    "template",
                    _median_ms(lambda y=year: template_bytes(y, "某机关"), args.repeat),
                    len(template_bytes(year, "某机关")),
                ),
                ("write", _median_ms(lambda r=report: report_bytes(r), args.repeat), filled.stat().st_size),
                (
                    "read",
                    _median_ms(lambda p=filled: read_workbook_report(p), args.repeat),
                    filled.stat().st_size,
                ),
                (
                    "read (cached)",
                    _median_ms(lambda p=cached: read_workbook_report(p), args.repeat),
                    cached.stat().st_size,
                ),
                (
                    "validate",
                    _median_ms(lambda p=filled: validate_file(p), args.repeat),
                    filled.stat().st_size,
                ),
                (
                    "YAML read",
                    _median_ms(lambda p=source: read_yaml_report(p), args.repeat),
                    source.stat().st_size,
                ),
            ]
            for step, ms, size in rows:
                print(f"{year:<10} {step:<16} {ms:8.1f}  {size:8d}")


if __name__ == "__main__":
    main()
