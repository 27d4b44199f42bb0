"""Plain-text output: one line per finding, a line per file, then the totals of a many-file run."""

from __future__ import annotations

from ...core.diagnostics import Diagnostic, Severity
from ..messages import message
from ..results import FileResult, WaivedFinding
from ..totals import RunTotals
from ..waivers import Waiver
from .base import Reporter

_SEVERITY = {
    Severity.ERROR: ("错误", "error"),
    Severity.WARNING: ("警告", "warning"),
    Severity.INFO: ("提示", "info"),
}
_WAIVED = ("已豁免", "waived")


def _place(item: Diagnostic | WaivedFinding) -> tuple[str, str, int, int, str]:
    return (item.diagnostic if isinstance(item, WaivedFinding) else item).sort_key()


def _merged(result: FileResult) -> list[Diagnostic | WaivedFinding]:
    """Findings and waived findings of a file, in place order."""
    if not result.waived:
        return list(result.diagnostics)
    return sorted([*result.diagnostics, *result.waived], key=_place)


class TextReporter(Reporter):
    """``file:line:col: 错误 T303 表三 / … / 总计：总计应为 17，填写的是 18``."""

    @property
    def en(self) -> bool:
        """Whether the output is in English."""
        return self.lang == "en"

    def body(self, diagnostic: Diagnostic) -> str:
        """The finding without its place: the logical cell, then the message."""
        where = diagnostic.cell.describe(self.lang) if diagnostic.cell else ""
        text = message(diagnostic, self.lang)
        separator = ": " if self.en else "："
        return f"{where}{separator}{text}" if where else text

    def line(self, diagnostic: Diagnostic, reason: str | None = None) -> str:
        """One finding on one line (a waived one ends with the waiver's reason)."""
        if reason is None:
            severity = _SEVERITY[diagnostic.severity][self.en]
        else:
            severity = _WAIVED[self.en]
        body = self.body(diagnostic)
        if reason is not None:
            body += f" (reason: {reason})" if self.en else f"（理由：{reason}）"
        return f"{diagnostic.location}: {severity} {diagnostic.code} {body}"

    def file_summary(self, result: FileResult) -> str:
        """``file: 有效`` or ``file: 2 个错误，1 个警告`` (and the waived count, if any)."""
        errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
        waived = len(result.waived)
        if self.en:
            state = "valid" if not errors else "invalid"
            extra = f", {waived} waived" if waived else ""
            return f"{result.path}: {state} ({errors} errors, {warnings} warnings{extra})"
        state = "有效" if not errors else "无效"
        extra = f"，{waived} 个已豁免" if waived else ""
        return f"{result.path}：{state}（{errors} 个错误，{warnings} 个警告{extra}）"

    def head(self, summary: RunTotals) -> str:
        """Last year's findings when its report could not be read."""
        if summary.previous is None or not summary.previous_unreadable:
            return ""
        return self.file(summary.previous, summary)

    def file(self, result: FileResult, summary: RunTotals) -> str:
        """Every finding of the file, then its summary line."""
        lines = [
            self.line(item.diagnostic, item.reason) if isinstance(item, WaivedFinding) else self.line(item)
            for item in _merged(result)
        ]
        lines.append(self.file_summary(result))
        return "\n".join(lines) + "\n"

    def waiver_line(self, waiver: Waiver) -> str:
        """A stale waiver, named by its file and position."""
        cell = f" {waiver.cell}" if waiver.cell else ""
        if self.en:
            return (
                f"{waiver.source}: stale waiver #{waiver.number} ({waiver.file} {waiver.rule}{cell}): "
                "it matches no finding any more; remove it"
            )
        return (
            f"{waiver.source}：第 {waiver.number} 条豁免（{waiver.file} {waiver.rule}{cell}）"
            "已不再匹配任何结果，请删除"
        )

    def totals(self, summary: RunTotals) -> str:
        """The run's totals: files checked, valid, with errors and warnings, frequent rules."""
        top = summary.top_codes()
        if self.en:
            lines = [
                f"{summary.files} files checked: {summary.valid} valid, {summary.with_errors} with errors, "
                f"{summary.with_warnings} with warnings"
                + (f", {summary.unreadable} unreadable" if summary.unreadable else "")
            ]
            if top:
                lines.append("most frequent rules: " + ", ".join(f"{code} ×{n}" for code, n in top))
            if summary.waived:
                lines.append(f"waived: {summary.waived}")
        else:
            lines = [
                f"共检查 {summary.files} 个文件：{summary.valid} 个有效，{summary.with_errors} 个有错误，"
                f"{summary.with_warnings} 个有警告"
                + (f"，{summary.unreadable} 个无法读取" if summary.unreadable else "")
            ]
            if top:
                lines.append("最常见的规则：" + "、".join(f"{code}（{n} 处）" for code, n in top))
            if summary.waived:
                lines.append(f"已豁免 {summary.waived} 处")
        lines.extend(self.waiver_line(waiver) for waiver in summary.stale)
        return "\n".join(lines) + "\n"

    def tail(self, summary: RunTotals) -> str:
        """The totals, when more than one file was checked or a waiver is stale."""
        if summary.files < 2 and not summary.stale:
            return ""
        return "\n" + self.totals(summary)
