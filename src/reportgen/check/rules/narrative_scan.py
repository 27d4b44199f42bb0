"""Finding the sentences of a narrative text that quote a named figure (``新收政府信息公开申请170件``).

Precision over recall: a number is taken only when a known label stands right before it in the
same clause, joined by nothing but a few connecting words (``共``、``为``、``政府信息公开申请`` …),
and it is followed by the figure's unit. Approximate wording (约、近、超过、余、多、以上、左右),
comparisons (同比、较上年、增加), channels and other subsets (网上、当场、其中已办结), other years,
and lists of several labels before one number are never taken.

The scan is linear in the size of the text: one regular-expression pass finds every number
followed by a unit, and each is examined against a bounded window before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...core.numerals import parse_amount, parse_count


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure quoted in a text: its name, the value written, and the offsets of the number."""

    name: str
    value: int | Decimal
    start: int
    end: int


# Traditional forms of the characters the labels use (one character each, so offsets are kept).
_TRADITIONAL = "開請結轉辦處議訟強許罰費數與補據覆範規條於"
_SIMPLIFIED = str.maketrans(_TRADITIONAL, "开请结转办处议讼强许罚费数与补据复范规条于")
_ANY_TRADITIONAL = re.compile(f"[{_TRADITIONAL}]")

_DIGIT = "0-9０-９"
_CHINESE = "零〇一二两三四五六七八九十百千万亿"
_UNIT = re.compile(r"万元|[件起宗次]")
_NUMBER_CHARS = frozenset("0123456789０１２３４５６７８９,，.．" + _CHINESE)
_NUMBER = re.compile(rf"(?:[{_DIGIT}]+(?:[,，][{_DIGIT}]{{3}})*(?:[.．][{_DIGIT}]+)?[万亿]?|[{_CHINESE}]+)\Z")
_LONGEST_NUMBER = 24  # characters; a longer run of digits is no count
_BLANKS = " \t\u3000"

_WINDOW = 48  # how far back from a number its label may start
_CLAUSE_BREAKS = '，,；;。！？!?\n\r（）()【】[]“”"「」《》、'
_CLAUSE_REVERSED = re.compile(f"[^{re.escape(_CLAUSE_BREAKS)}]*")
_SENTENCE_BREAKS = frozenset("；;。！？!?\n\r")
_CONJUNCTIONS = frozenset("和及与或、")
_AFTER_UNIT_APPROXIMATE = ("左右", "以上", "以下", "上下", "之多", "多", "余")

# Words before a label that make the number something else: a subset, a comparison, an average,
# another period. (An explicit four-digit year is handled separately.)
_QUALIFIERS = re.compile(
    "网上|线上|网络|当面|信函|传真|邮寄|邮件|电话|现场|当场|窗口|按时|按期|逾期|超期|延期|即时"
    "|同比|较上|比上|较去|比去|增加|减少|增长|下降|多|少|平均|每月|每年|日均|月均|年均"
    "|上年(?!结转)|去年|上一年(?!结转)|前年|累计至今|历年|减免|免收|退还|退费|信息处理费"
)
_SUBSET = re.compile("其中")  # before 办结/答复 only: 其中已办结 is a part of the total
_YEAR = re.compile(rf"[{_DIGIT}]{{4}}年")

_APPLICATION = r"(?:的)?(?:各类)?(?:政府信息公开|信息公开|依申请公开(?:政府信息)?|公开)?申请"
_TAIL = r"(?:的)?(?:数量|总数|数)?(?:共计|总计|合计|共|计|为|达|是|有)?[:：]?[ \t\u3000]*"
_RESULT_FILLER = r"(?:的)?(?:申请)?(?:的)?(?:答复|决定|处理)?"
_DOCUMENT = r"(?:了)?(?:的)?(?:行政)?规范性文件"

COUNT_UNITS = frozenset({"件"})
CASE_UNITS = frozenset({"件", "起", "宗", "次"})
AMOUNT_UNITS = frozenset({"万元"})

# (figure name, label and the words that may follow it, units), in order of preference when two
# labels start at the same place.
_LABELS: tuple[tuple[str, str, frozenset[str]], ...] = (
    (
        "新收申请",
        rf"(?:本年)?(?:新收到?|共收到|收到|新受理|共受理|受理|接收|接到)(?:了)?{_APPLICATION}",
        COUNT_UNITS,
    ),
    ("上年结转", rf"上一?年度?结转(?:来|下来)?(?:的)?(?:{_APPLICATION})?", COUNT_UNITS),
    (
        "结转下年度",
        rf"结转(?:至|到|入)?(?:下一?年度?|次年|[{_DIGIT}]{{4}}年度?)(?:继续)?(?:办理|处理)?(?:的)?(?:{_APPLICATION})?",
        COUNT_UNITS,
    ),
    ("办结", rf"(?:办结|办理完毕|办理完结|答复|作出答复|予以答复)(?:了)?(?:{_APPLICATION})?", COUNT_UNITS),
    ("予以公开", rf"(?:予以公开|同意公开|全部公开){_RESULT_FILLER}", COUNT_UNITS),
    ("部分公开", rf"(?:部分公开|部分予以公开|同意部分公开){_RESULT_FILLER}", COUNT_UNITS),
    ("不予公开", rf"不予(?:以)?公开{_RESULT_FILLER}", COUNT_UNITS),
    ("无法提供", rf"无法提供{_RESULT_FILLER}", COUNT_UNITS),
    ("不予处理", rf"不予处理{_RESULT_FILLER}", COUNT_UNITS),
    ("其他处理", rf"(?:作)?其他处理{_RESULT_FILLER}", COUNT_UNITS),
    ("直接起诉", r"(?:未经(?:行政)?复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)(?:案件)?", CASE_UNITS),
    ("复议后起诉", r"(?:行政)?复议后(?:提起)?(?:行政)?(?:起诉|诉讼)(?:案件)?", CASE_UNITS),
    ("行政复议", r"行政复议(?:案件|申请)?", CASE_UNITS),
    ("行政诉讼", r"行政诉讼(?:案件)?", CASE_UNITS),
    ("制发规范性文件", rf"(?:制发|印发|制定|出台){_DOCUMENT}", COUNT_UNITS),
    ("废止规范性文件", rf"废止{_DOCUMENT}", COUNT_UNITS),
    ("现行有效规范性文件", rf"现行有效{_DOCUMENT}", COUNT_UNITS),
    ("新制作规范性文件", rf"新制作{_DOCUMENT}", COUNT_UNITS),
    ("新公开规范性文件", rf"新公开{_DOCUMENT}", COUNT_UNITS),
    ("对外公开规范性文件", rf"对外公开{_DOCUMENT}(?:总数量|总数)", COUNT_UNITS),
    ("制发规章", r"(?:制发|制定|出台)(?:了)?(?:的)?规章", COUNT_UNITS),
    ("废止规章", r"废止(?:了)?(?:的)?规章", COUNT_UNITS),
    ("现行有效规章", r"现行有效(?:的)?规章", COUNT_UNITS),
    ("行政许可", r"行政许可(?:处理)?(?:决定)?", COUNT_UNITS),
    ("行政处罚", r"行政处罚(?:处理)?(?:决定)?", COUNT_UNITS),
    ("行政强制", r"行政强制(?:处理)?(?:决定)?", COUNT_UNITS),
    ("收费金额", r"(?:行政事业性收费|收费)(?:的)?(?:金额|总额|总金额)?", AMOUNT_UNITS),
    ("采购金额", r"政府集中采购(?:的)?(?:总金额|金额|总额)", AMOUNT_UNITS),
)
_NAMES = {f"f{index}": name for index, (name, _, _) in enumerate(_LABELS)}
_UNITS = {name: units for name, _, units in _LABELS}
_LABEL = re.compile(
    "|".join(f"(?P<f{index}>(?:{label}){_TAIL}$)" for index, (_, label, _) in enumerate(_LABELS))
)
# A cheap test run first: every label contains one of these characters.
_KEY_CHARS = re.compile("[收受接结办答复公开提供处理议讼诉规章许罚强费购]")
_APPROXIMATE_BEFORE = ("约", "近", "逾", "超", "过", "达约", "不足", "不到", "接近", "大约", "将近")

# A bare verb continuing a list of documents: 制发行政规范性文件6件、废止2件.
_DOCUMENT_VERB = re.compile(r"(?:同时|并|另)?(制发|废止|现行有效)(?:的)?[ \t\u3000]*$")
_DOCUMENT_KINDS = ("规范性文件", "规章")
_CONTINUATION_GAP = 24


def find_mentions(text: str, year: int | None = None) -> list[Mention]:
    """The figures quoted in ``text``, in order; ``year`` is the report year (other years are skipped)."""
    plain = text.translate(_SIMPLIFIED) if _ANY_TRADITIONAL.search(text) else text
    found: list[Mention] = []
    for unit in _UNIT.finditer(plain):
        number = _number_before(plain, unit.start())
        if number is None:
            continue
        mention = _mention(plain, number, unit, found[-1] if found else None, year)
        if mention is not None:
            found.append(mention)
    return found


def _number_before(text: str, end: int) -> tuple[int, int] | None:
    """(start, end) of the number written right before position ``end``, or None."""
    while end > 0 and text[end - 1] in _BLANKS:
        end -= 1
    start = end
    while start > 0 and text[start - 1] in _NUMBER_CHARS:
        start -= 1
        if end - start > _LONGEST_NUMBER:
            return None
    if start == end:
        return None
    number = _NUMBER.search(text, start, end)
    if number is None:
        return None
    if number.start() > start and text[number.start() - 1] not in ",，":
        return None  # the end of a longer token such as 3.4.5
    return number.start(), end


def _mention(
    text: str, number: tuple[int, int], unit_match: re.Match[str], previous: Mention | None, year: int | None
) -> Mention | None:
    """The mention a number followed by a unit makes, or None when it quotes no figure."""
    unit = unit_match.group()
    after = text[unit_match.end() : unit_match.end() + 2]
    if after.startswith(_AFTER_UNIT_APPROXIMATE) or (unit == "起" and after.startswith("诉")):
        return None
    if unit == "件" and after.startswith("次"):
        return None  # 件次: person-times
    number_start, number_end = number
    number_text = text[number_start:number_end]
    clause_start = _clause_start(text, number_start)
    clause = text[clause_start:number_start]
    if clause.rstrip(_BLANKS).endswith(_APPROXIMATE_BEFORE):
        return None
    name = _label(text, clause, clause_start, year) if _KEY_CHARS.search(clause) else None
    if name is None:
        name = _continued(text, clause, clause_start, previous)
    if name is None or unit not in _UNITS.get(name, COUNT_UNITS):
        return None
    value: int | Decimal | None
    if unit == "万元":
        value = parse_amount(number_text) if number_text[-1] not in "万亿" else None
    else:
        value = parse_count(number_text)
    if value is None:
        return None
    return Mention(name, value, number_start, number_end)


def _clause_start(text: str, end: int) -> int:
    """Where the clause holding position ``end`` begins (at most ``_WINDOW`` characters back)."""
    start = max(0, end - _WINDOW)
    clause = _CLAUSE_REVERSED.match(text[start:end][::-1])
    return end - (clause.end() if clause else 0)


def _label(text: str, clause: str, clause_start: int, year: int | None) -> str | None:
    """The figure whose label ends ``clause``, or None when there is none or it is qualified."""
    found = _LABEL.search(clause)
    if found is None or found.lastgroup is None:
        return None
    name = _NAMES[found.lastgroup]
    before = clause[: found.start()]
    if before and before[-1] in _CONJUNCTIONS:
        return None  # 行政复议和行政诉讼共3件: one number for several labels
    if clause_start > 0 and text[clause_start - 1] == "、" and not _ends_with_unit(text, clause_start - 1):
        return None  # 行政许可、行政处罚决定共1500件
    if _QUALIFIERS.search(before):
        return None
    if name == "办结" and _SUBSET.search(before):
        return None
    for written in _YEAR.finditer(before):
        if year is None or int(written.group().translate(_ASCII_DIGITS)[:4]) != year:
            return None
    return name


_ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _ends_with_unit(text: str, end: int) -> bool:
    """Whether the text before ``end`` ends with a number and a unit (an earlier item of a list)."""
    return text[max(0, end - 2) : end].endswith(("件", "起", "宗", "次", "万元"))


def _continued(text: str, clause: str, clause_start: int, previous: Mention | None) -> str | None:
    """The document figure a bare verb continues (``…规范性文件6件、废止2件``), or None."""
    if previous is None or not previous.name.endswith(_DOCUMENT_KINDS):
        return None
    verb = _DOCUMENT_VERB.fullmatch(clause)
    if verb is None:
        return None
    gap = text[previous.end : clause_start]
    if len(gap) > _CONTINUATION_GAP or any(char in _SENTENCE_BREAKS for char in gap):
        return None
    kind = next(kind for kind in _DOCUMENT_KINDS if previous.name.endswith(kind))
    return f"{verb.group(1)}{kind}"
