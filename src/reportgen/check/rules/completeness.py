"""Completeness of a report's words and dates (C001–C011): what an assessor fails on sight.

Placeholders left from templates, the 落款日期 against the report year, today and the statutory
deadline, and narrative sections that leave out what the 条例 asks for.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ...core.diagnostics import Diagnostic, Location, LogicalCell, Severity
from ...core.model import TEXT_KEYS, Report
from ...core.text_place import text_location

_CJK = "\u4e00-\u9fff"
_GAP = "[ \t\u3000]"
_FUNCTION_WORDS = "向在对和与的了是为从被把将及等已均并"  # not part of an agency's name


@dataclass(frozen=True)
class _Search:
    """A pattern tried only on texts that hold one of its trigger strings (most texts hold none)."""

    triggers: tuple[str, ...]
    pattern: re.Pattern[str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The pattern's matches in ``text``."""
        if any(trigger in text for trigger in self.triggers):
            yield from self.pattern.finditer(text)


def _search(triggers: tuple[str, ...], *parts: str) -> _Search:
    return _Search(triggers, re.compile("|".join(f"(?:{part})" for part in parts), re.MULTILINE))


_AGENCY_PLACEHOLDER = (
    # 某机关, 某单位, 某市人民政府, 某县财政局 (not 某市民, 张某某, 某企业: anonymised parties are fine)
    rf"某(?:机关|单位)|某[市县区省](?!民)(?:人民政府|(?:(?![{_FUNCTION_WORDS}])[{_CJK}]){{0,6}}?"
    r"(?:局|委员会|办公室))"
)
_COMMON_SEARCHES = (
    _search(
        ("填写", "输入", "补充"),
        # （请填写总体情况） (请输入…) 【此处填写…】: a bracketed instruction, or one without brackets
        r"[（(【\[〔][^（()）【】\[\]〔〕\n]{0,8}?(?:请(?:在此处?|于此处?)?(?:填写|输入|补充)|此处填写|待填写|待补充)"
        r"[^（()）【】\[\]〔〕\n]{0,40}[）)】\]〕]",
        r"请在此处?(?:填写|输入)|此处填写|待填写",
    ),
    _search(("略",), r"[（(][ \t\u3000]*略[ \t\u3000]*[）)]"),  # （略）
    _search(
        ("X", "x", "Ｘ", "ｘ", "×"),
        # XXX as a token of its own (not part of a word or of a web or mail address)
        r"(?<![A-Za-z0-9_@/.\-])(?:XXX+|xxx+|ＸＸＸ+|ｘｘｘ+)(?![A-Za-z0-9_@/\-]|\.[A-Za-z0-9])",
        r"×{2,}|Ｘ{2,}",  # ××
        # XX年, X月X日, 20XX年, 共XX件, XX市: letters standing for digits or names
        r"(?<![A-Za-z])[0-9]*[XxＸｘ]{1,4}(?=[年月日件条起次个项人万元市县区省局])",
    ),
    _search(("TODO", "TBD", "FIXME"), r"(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])"),
    _search(
        ("…", "⋯", "...", "。。。"),
        # …… as a paragraph of its own, or right after a heading-like start: "存在的主要问题：……", "一是……"
        r"^[^\n，,。；;！？!?]{0,20}?(?:…+|⋯+|\.{3,}|。{3,})[ \t\u3000]*$",
        r"[：:][ \t\u3000]*(?:…+|⋯+|\.{3,})[ \t\u3000]*$",
        r"[一二三四五六七八九十]是(?:…+|⋯+)",
    ),
)
_TEXT_PLACEHOLDERS = (*_COMMON_SEARCHES, _search(("某",), _AGENCY_PLACEHOLDER))
_NAME_PLACEHOLDERS = (*_COMMON_SEARCHES, _search(("某",), _AGENCY_PLACEHOLDER, rf"某[{_CJK}]"))
"""In the agency and the title any 某 is a placeholder: no real agency is called 某…."""

# 共受理申请　件, 主动公开政府信息 条: white space where the number belongs, then the unit (the character
# before the space must be Chinese); 收到申请件，: a counted noun directly followed by its unit and the
# end of the clause.
_MISSING_NUMBER = (
    _search(
        (" ", "\t", "\u3000"),
        rf"{_GAP}+(?:人次|万元|件|条|起|次|元|项|个|家)(?!数|例|款|件|目|诉|草|止|来|日|年|人|别|旦|庭|要|码|理)",
    ),
    _search(
        ("件", "条", "起", "次"),
        r"(?:申请|信息|决定|复议|诉讼|办结|受理|答复|收到|新收|结转|废止|制发)(?:件|条|起|次)"
        r"(?=[，。；、,;：:）)\s]|$)",
    ),
    _search(("金额",), r"金额(?:万元|元)(?=[，。；、,;）)\s]|$)"),
)


_SAYS_NOTHING = re.compile(
    r"(?:本年度)?(?:无|暂无|没有|无问题|暂无问题|没有问题|无明显问题|不存在问题|未发现问题|无主要问题)"
)
_PUNCTUATION = re.compile(r"[\s。．.，,；;！!、：:]+")
_FEES = re.compile(r"信息处理费|处理费|收费通知|(?:未|不|没有|无)(?:收取|收费)|收取[^。\n]{0,6}费")
_FOLLOW_UP = re.compile(r"上年|上一年|去年|往年|以往|前期|整改|改进|落实|已解决|得到解决")
_ACCOUNTABILITY: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("考核", re.compile("考核")),
    ("评议", re.compile("评议")),
    ("追究", re.compile("追究")),
)

_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "agency": ("机关名称", "agency"),
    "title": ("标题", "title"),
    "text.preamble": ("开头", "opening"),
    "date": ("落款日期", "date"),
    "year": ("报告年度", "year"),
}
_SHOWN = 24  # characters of a match quoted in a message
_CONTEXT = 10  # characters before a missing number quoted with it
_CLAUSE_END = re.compile(r"[，,。；;：:、！!？?（(）)“”\n]")


def check_completeness(report: Report, today: datetime.date) -> list[Diagnostic]:
    """C001–C011 findings on ``report``'s metadata, dates and narrative, judged on the day ``today``."""
    found = check_placeholder_text(report)
    found.extend(check_dates(report, today))
    found.extend(check_sections(report))
    found.extend(check_missing_numbers(report))
    return found


def check_placeholder_text(report: Report) -> list[Diagnostic]:
    """C001: placeholder or template text in the agency, the title or a narrative text (one per field)."""
    found: list[Diagnostic] = []
    for key, text in _named_fields(report):
        searches = _NAME_PLACEHOLDERS if key in ("agency", "title") else _TEXT_PLACEHOLDERS
        first, others = _first_match(searches, text)
        if first is not None:
            found.append(_text_finding("C001", Severity.ERROR, report, key, text, first, others))
    return found


def check_missing_numbers(report: Report) -> list[Diagnostic]:
    """C011: a sentence of the narrative where a count belongs and none is written (one per text)."""
    found: list[Diagnostic] = []
    for key, text in _named_fields(report):
        if key.startswith("text."):
            first, others = _first_match(_MISSING_NUMBER, text, _counted_gap)
            if first is not None:
                finding = _text_finding("C011", Severity.WARNING, report, key, text, first, others)
                found.append(
                    replace(
                        finding,
                        location=_position(report, key, text, first.start()),
                        actual=_clause_before(text, first),
                    )
                )
    return found


def check_dates(report: Report, today: datetime.date) -> list[Diagnostic]:
    """C002–C006: the 落款日期 against the report year, ``today`` and the deadline; the year itself."""
    found: list[Diagnostic] = []
    if report.year > today.year:  # this year's report is judged by its date (C003) instead
        found.append(
            _meta_finding("C006", Severity.ERROR, report, "year", f"≤ {today.year}", str(report.year))
        )
    year_end = datetime.date(report.year, 12, 31)
    deadline = statutory_deadline(report)
    date = report.date
    if date is None:
        found.append(
            _meta_finding("C002", Severity.WARNING, report, "date", f"{year_end} … {deadline}", None)
        )
        return found
    actual = date.isoformat()
    if date < year_end:
        found.append(_meta_finding("C003", Severity.ERROR, report, "date", f"≥ {year_end}", actual))
    if date > today:
        found.append(_meta_finding("C004", Severity.WARNING, report, "date", f"≤ {today}", actual))
    if date > deadline:
        found.append(
            _meta_finding(
                "C005", Severity.WARNING, report, "date", f"≤ {deadline}", actual, report_kind=report.kind
            )
        )
    return found


def statutory_deadline(report: Report) -> datetime.date:
    """The last day to publish ``report`` (条例 第四十九条): 1月31日, or 3月31日 for a government."""
    month = 3 if report.kind == "government" else 1
    return datetime.date(report.year + 1, month, 31)


def check_sections(report: Report) -> list[Diagnostic]:
    """C007–C010: sections 五 and 六, and a government's accountability, saying what they must."""
    found: list[Diagnostic] = []
    problems = report.texts.get("problems", "").strip()
    if problems:
        if _SAYS_NOTHING.fullmatch(_PUNCTUATION.sub("", problems)):
            found.append(_section_finding("C007", report, "problems", actual=problems[:_SHOWN]))
        elif not _FOLLOW_UP.search(problems):
            found.append(_section_finding("C009", report, "problems"))
    other = report.texts.get("other_matters", "").strip()
    if report.spec.key == "2021" and other and not _FEES.search(other):
        found.append(_section_finding("C008", report, "other_matters"))
    narrative = "\n".join(report.texts.get(key, "") for key in TEXT_KEYS)
    if report.kind == "government" and narrative.strip():
        missing = [word for word, pattern in _ACCOUNTABILITY if not pattern.search(narrative)]
        if missing:
            found.append(_section_finding("C010", report, "overview", missing="、".join(missing)))
    return found


# -- helpers -----------------------------------------------------------------------------------------
def _named_fields(report: Report) -> Iterator[tuple[str, str]]:
    """(location key, text) of the agency, the title and every narrative text written."""
    if report.agency:
        yield "agency", report.agency
    if report.title:
        yield "title", report.title
    for key in TEXT_KEYS:
        text = report.texts.get(key)
        if text:
            yield f"text.{key}", text


def _first_match(
    searches: tuple[_Search, ...], text: str, keep: Callable[[str, re.Match[str]], bool] | None = None
) -> tuple[re.Match[str] | None, int]:
    """The first match of any of ``searches`` in ``text`` (that ``keep`` accepts) and how many more."""
    first: re.Match[str] | None = None
    count = 0
    for search in searches:
        for match in search.finditer(text):
            if keep is not None and not keep(text, match):
                continue
            count += 1
            if first is None or match.start() < first.start():
                first = match
    return first, max(count - 1, 0)


def _after_chinese(text: str, match: re.Match[str]) -> bool:
    """Whether the match follows a Chinese character (or is not white space at its start)."""
    start = match.start()
    if not text[start].isspace():
        return True
    return start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff"


def _counted_gap(text: str, match: re.Match[str]) -> bool:
    """Whether a missing-number match is a real gap: after a Chinese character, not in a placeholder.

    ``{新收申请件`` is a placeholder left open (N003 says so), not a sentence without its number.
    """
    line_start = text.rfind("\n", 0, match.start()) + 1
    before = text[line_start : match.start()]
    if before.rfind("{") > before.rfind("}"):
        return False
    return _after_chinese(text, match)


def _label(report: Report, key: str) -> LogicalCell:
    """The logical place of a metadata value or a narrative text, named as the report prints it."""
    if key in _FIELD_LABELS:
        zh, en = _FIELD_LABELS[key]
        return LogicalCell("", key, None, (zh,), (en,))
    section_key = key.removeprefix("text.")
    for section in report.spec.sections:
        if section.key == section_key:
            return LogicalCell("", key, None, (section.heading,), (section.heading_en,))
    return LogicalCell("", key, None, (key,), (key,))


def _position(report: Report, key: str, text: str, offset: int) -> Location:
    """Where character ``offset`` of the text at ``key`` is in the file (else where the value is)."""
    if key.startswith("text."):
        return text_location(report, key.removeprefix("text."), offset)
    return report.location_of(key)


def _clause_before(text: str, match: re.Match[str]) -> str:
    """The match with up to ``_CONTEXT`` characters of its clause before it: ``政府信息公开申请　件``."""
    start = max(0, match.start() - _CONTEXT)
    for end in _CLAUSE_END.finditer(text, start, match.start()):
        start = end.end()
    return text[start : match.end()]


def _shown(match: re.Match[str]) -> str:
    text = match.group(0).strip()
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def _text_finding(
    code: str, severity: Severity, report: Report, key: str, text: str, match: re.Match[str], others: int
) -> Diagnostic:
    start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
    return Diagnostic(
        code,
        severity,
        _position(report, key, text, start),
        _label(report, key),
        actual=_shown(match),
        params=(("others", str(others)),) if others else (),
    )


def _meta_finding(
    code: str, severity: Severity, report: Report, key: str, expected: str, actual: str | None, **params: str
) -> Diagnostic:
    return Diagnostic(
        code,
        severity,
        report.location_of(key),
        _label(report, key),
        expected=expected,
        actual=actual,
        params=tuple(params.items()),
    )


def _section_finding(
    code: str, report: Report, section: str, actual: str | None = None, **params: str
) -> Diagnostic:
    key = f"text.{section}"
    return Diagnostic(
        code,
        Severity.WARNING,
        report.location_of(key),
        _label(report, key),
        actual=actual,
        params=tuple(params.items()),
    )
