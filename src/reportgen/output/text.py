"""Plain-text output: one line per finding, then a summary."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Severity
from ..messages import message
from ..validate import FileResult, RunResult

_SEVERITY = {
    Severity.ERROR: ("错误", "error"),
    Severity.WARNING: ("警告", "warning"),
    Severity.INFO: ("提示", "info"),
}


class TextFormatter:
    """``file:line:col: 错误 T303 表三 / … / 总计：总计应为 17，填写的是 18``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def line(self, diagnostic: Diagnostic) -> str:
        """One finding on one line."""
        severity = _SEVERITY[diagnostic.severity][1 if self.lang == "en" else 0]
        where = f"{diagnostic.cell.describe(self.lang)}" if diagnostic.cell else ""
        text = message(diagnostic, self.lang)
        separator = ": " if self.lang == "en" else "："
        body = f"{where}{separator}{text}" if where else text
        return f"{diagnostic.location}: {severity} {diagnostic.code} {body}"

    def file_summary(self, result: FileResult) -> str:
        """``file: 有效`` or ``file: 2 个错误，1 个警告``."""
        errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
        if self.lang == "en":
            state = "valid" if not errors else "invalid"
            return f"{result.path}: {state} ({errors} errors, {warnings} warnings)"
        state = "有效" if not errors else "无效"
        return f"{result.path}：{state}（{errors} 个错误，{warnings} 个警告）"

    def render(self, run: RunResult) -> str:
        """Every finding of every file, each file followed by its summary line."""
        lines: list[str] = []
        results = ([run.previous] if run.previous and run.previous.unreadable else []) + run.files
        for result in results:
            lines.extend(self.line(d) for d in result.diagnostics)
            lines.append(self.file_summary(result))
        return "\n".join(lines) + "\n"
