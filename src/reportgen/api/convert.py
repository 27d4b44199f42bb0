"""Converting a report between YAML and the Excel workbook, in either direction, without loss.

The input is read by the same readers ``validate`` uses; a file with reading errors (values
that are not numbers, missing keys …) is not converted, since those values would be lost.
Table arithmetic is not checked: a report whose totals disagree converts as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core import exitcodes
from ..core.atomic import write_text_atomic
from ..core.diagnostics import Diagnostic, Severity
from ..core.errors import UserError
from ..core.regular import refuse_overwriting_input
from ..read.dispatch import read_report
from ..write.yaml_writer import report_yaml

TARGETS: dict[str, str] = {".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx"}
"""Output file types by suffix."""


@dataclass
class ConvertResult:
    """What a conversion did: the findings of reading the input (warnings only) and the file written."""

    written: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)


def convert_file(source: Path, target: Path, force: bool = False) -> ConvertResult:
    """Read ``source`` (YAML or XLSX) and write the same report to ``target`` (YAML or XLSX).

    Raises UserError for an unsupported target, the source itself as target (even with ``force``),
    an existing target without ``force``, an input
    with errors (its findings in ``UserError.findings``) or a target that cannot be written.
    """
    kind = TARGETS.get(target.suffix.lower())
    if kind is None:
        raise UserError(
            exitcodes.USAGE,
            f"不支持的输出类型：{target.suffix or target.name}（应为 .yaml 或 .xlsx）",
            f"unsupported output type: {target.suffix or target.name} (use .yaml or .xlsx)",
        )
    refuse_overwriting_input(target, (source,))  # even with force
    if target.exists() and not force:
        raise UserError(
            exitcodes.USAGE,
            f"{target} 已存在；使用 --force 覆盖",
            f"{target} already exists; use --force to overwrite",
        )
    read = read_report(source)
    diagnostics = sorted(read.diagnostics, key=Diagnostic.sort_key)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if read.report is None or errors:
        unreadable = any(d.code.startswith("F") for d in errors)
        raise UserError(
            exitcodes.exit_code(unreadable=unreadable, failed=True),
            "输入文件有错误，未转换（这些值转换后会丢失）",
            "the input has errors; nothing converted (those values would be lost)",
            findings=(str(source), diagnostics),
        )
    try:
        if kind == "yaml":
            write_text_atomic(target, report_yaml(read.report))
        else:
            from ..write.excel.writer import WorkbookWriteError, write_report_workbook  # heavy: openpyxl

            try:
                write_report_workbook(target, read.report)
            except WorkbookWriteError as error:
                raise UserError(
                    exitcodes.INVALID, f"无法写入工作簿：{error}", f"cannot write the workbook: {error}"
                ) from None
    except OSError as error:
        raise UserError.cannot_write(target, error) from None
    return ConvertResult(target, diagnostics)
