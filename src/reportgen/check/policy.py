"""Which rules run and how serious their findings are: select, ignore and severity overrides.

A selector is a rule code (``T303``) or a family letter (``T``). The most specific selector that
names a code decides; between ``select`` and ``ignore`` at the same level, ``ignore`` wins. File
rules (family F) always run as errors: a file that cannot be read is never a pass.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..core.diagnostics import Diagnostic, Severity
from .rules.catalog import FAMILIES, RULES_BY_CODE

ALWAYS_ON = "F"
"""The family no configuration can switch off or soften."""


def _specificity(selector: str, code: str) -> int:
    """2 when ``selector`` is ``code``, 1 when it is its family, 0 when it does not name it."""
    if selector == code:
        return 2
    if selector == code[0]:
        return 1
    return 0


def _best(selectors: tuple[str, ...], code: str) -> int:
    return max((_specificity(selector, code) for selector in selectors), default=0)


@dataclass(frozen=True)
class RulePolicy:
    """Rule selection and severity overrides (``None`` select means every rule)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    _cache: dict[str, Severity | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_default(self) -> bool:
        """Whether the policy changes nothing."""
        return self.select is None and not self.ignore and not self.severity

    def enabled(self, code: str) -> bool:
        """Whether findings of rule ``code`` are reported."""
        if code.startswith(ALWAYS_ON):
            return True
        ignored = _best(self.ignore, code)
        selected = 1 if self.select is None else _best(self.select, code)
        return selected > ignored

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity findings of ``code`` get (``default`` unless overridden)."""
        if code.startswith(ALWAYS_ON):
            return default
        best, chosen = 0, default
        for selector, severity in self.severity:
            level = _specificity(selector, code)
            if level > best:
                best, chosen = level, severity
        return chosen

    def outcome(self, code: str, default: Severity) -> Severity | None:
        """The severity of a finding of ``code``, or None when the rule is switched off."""
        key = f"{code}:{default.value}"
        if key not in self._cache:
            self._cache[key] = self.severity_of(code, default) if self.enabled(code) else None
        return self._cache[key]

    def apply(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """The findings that remain, with their severities changed as configured."""
        if self.is_default:
            return diagnostics
        kept: list[Diagnostic] = []
        for diagnostic in diagnostics:
            severity = self.outcome(diagnostic.code, diagnostic.severity)
            if severity is None:
                continue
            if severity is not diagnostic.severity:
                diagnostic = dataclasses.replace(diagnostic, severity=severity)
            kept.append(diagnostic)
        return kept


def selector_problem(selector: str, ignoring: bool = False) -> tuple[str, str] | None:
    """Why ``selector`` cannot select or ignore rules, in Chinese and English (None when it can)."""
    if selector not in RULES_BY_CODE and selector not in FAMILIES:
        families = ", ".join(FAMILIES)
        return (
            f"未知的规则代码或类别；类别：{families}；代码见 `reportgen rules`",
            f"unknown rule code or family; families: {families}; codes: see `reportgen rules`",
        )
    if ignoring and selector.startswith(ALWAYS_ON):
        return ("文件类规则（F）不能关闭", "file rules (F) cannot be switched off")
    return None
