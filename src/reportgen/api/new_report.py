"""Starting a report: the skeleton YAML or the workbook to fill in, for a year's format."""

from __future__ import annotations

import datetime
from pathlib import Path

from ..core import exitcodes
from ..core.atomic import write_text_atomic
from ..core.errors import UserError
from ..spec.registry import FORMATS, format_for_year
from ..write.skeleton import skeleton

SUFFIXES = (".yaml", ".yml", ".xlsx")
"""What ``init`` can write: a YAML skeleton or an Excel workbook."""


def default_year(today: datetime.date | None = None) -> int:
    """Last year: reports are written in January about the year before."""
    return (today or datetime.date.today()).year - 1


def create_report_file(output: Path, year: int, agency: str, force: bool = False) -> Path:
    """Write a skeleton report (.yaml/.yml) or a workbook (.xlsx) of ``year``'s format to ``output``.

    Raises UserError (exit 2) for a year without a format, an existing file without ``force``,
    another file type, or a file that cannot be written.
    """
    if format_for_year(year) is None:
        supported = "、".join(FORMATS)
        raise UserError(
            exitcodes.USAGE,
            f"没有适用于 {year} 年的格式；支持的格式：{supported}"
            "（2019–2020 年用 2019 格式，2021 年起用 2021 格式）",
            f"no format applies to {year}; supported formats: {', '.join(FORMATS)} "
            "(2019 for 2019–2020, 2021 from 2021 on)",
        )
    if output.exists() and not force:
        raise UserError(
            exitcodes.USAGE,
            f"{output} 已存在；使用 --force 覆盖",
            f"{output} already exists; use --force to overwrite",
        )
    suffix = output.suffix.lower()
    if suffix not in SUFFIXES:
        shown = output.suffix or output.name
        raise UserError(
            exitcodes.USAGE,
            f"不支持的输出类型：{shown}（应为 .yaml 或 .xlsx）",
            f"unsupported output type: {shown} (use .yaml or .xlsx)",
        )
    try:
        if suffix == ".xlsx":
            from ..write.excel.writer import write_template  # heavy: openpyxl

            write_template(output, year, agency)
        else:
            write_text_atomic(output, skeleton(year, agency))
    except OSError as error:
        raise UserError.cannot_write(output, error) from None
    return output
