"""Rendering findings as sentences in Chinese or English, at output time."""

from __future__ import annotations

from ..core.diagnostics import Diagnostic
from .rules.catalog import RULES_BY_CODE

LANGS: tuple[str, ...] = ("zh", "en")

_HINTS: dict[str, tuple[str, str]] = {
    "quoted": ("去掉引号，直接写数字，如 12", "remove the quotes and write the number, e.g. 12"),
    "unit": (
        "去掉单位（件、个、元、万元等），只写数字",
        "remove the unit (件, 元, 万元 …) and write the number only",
    ),
    "grouping": ("去掉千位分隔符，如 1234", "remove the thousands separators, e.g. 1234"),
    "full-width": ("请使用半角数字，如 12 而不是 １２", "use half-width digits: 12, not １２"),
    "empty-text": ("空白请写 0 或留空（~）", "write 0, or ~ for a blank"),
    "not-a-number": ("请填写数字", "write a number"),
    "boolean": ("true/false 不是数字", "true/false is not a number"),
    "whole": ("此处只能填整数", "only whole numbers are allowed here"),
    "plain-decimal": ("请用普通十进制数字书写，如 12", "write a plain decimal number, e.g. 12"),
    "negative": ("", ""),
    "too-large": (
        "计数和金额（万元）的绝对值不能超过 10^12（1 万亿）",
        "counts and amounts (10k yuan) are at most 10^12 in absolute value",
    ),
    "too-many-decimals": ("金额最多保留 6 位小数", "amounts have at most 6 decimal places"),
    "date": (
        "单元格被识别为日期，请把单元格格式设为“数值”后重新填写数字",
        "the cell holds a date; format it as a number and retype the value",
    ),
    "formula-error": (
        "公式出错，请改正公式或直接填写数字",
        "the formula gives an error; fix it or type the number",
    ),
    "none-word": ("没有请填 0，不要用“—”“/”“无”等代替", "write 0 for none, not a dash, slash or 无"),
}
_KINDS: dict[str, tuple[str, str]] = {
    "count": ("非负整数", "a whole number >= 0"),
    "signed": ("整数", "a whole number"),
    "amount": ("非负金额（万元）", "an amount >= 0 (10k yuan)"),
}
_REPORT_KINDS: dict[str, tuple[str, str, str, str]] = {
    # kind: (who, zh; who, en; deadline, zh; deadline, en)
    "department": ("部门报告", "a department's report", "1月31日", "31 January"),
    "government": ("本级政府报告", "a government's report", "3月31日", "31 March"),
}
_SHAPES: dict[str, tuple[str, str]] = {
    "mapping": ("映射（键: 值）", "a mapping"),
    "list": ("列表", "a list"),
    "list-or-mapping": ("7 个数的列表或映射", "a list of values or a mapping"),
    "scalar": ("单个值", "a single value"),
    "empty": ("空", "nothing"),
    "text": ("文字", "text"),
    "key": ("键", "a key"),
    "number": ("一个数字", "a number"),
}
_REASONS: dict[str, tuple[str, str]] = {
    "not-found": ("文件不存在", "no such file"),
    "directory": ("这是一个目录", "it is a directory"),
    "not-regular": (
        "这不是普通文件（管道、套接字或设备），未打开",
        "not a regular file (a pipe, socket or device); not opened",
    ),
    "no-marker": (
        "这不是用 reportgen 生成的工作簿（没有隐藏的版式标记），无法确定各数字的位置；"
        "请用 reportgen init -o 文件名.xlsx 生成模板，在模板中填写",
        "this workbook was not made by reportgen (no hidden layout marker), so the place of each number "
        "is unknown; create a template with reportgen init -o FILE.xlsx and fill that in",
    ),
    "newer": (
        "工作簿由更新版本的 reportgen 生成，请升级 reportgen 后再读取",
        "the workbook was made by a newer reportgen; upgrade reportgen to read it",
    ),
    "layout": (
        "工作簿的版式与当前版本 reportgen 的格式定义不一致（由其他版本生成）；请用当前版本重新生成模板并填写",
        "the workbook's layout does not match this reportgen's format definition (made by another "
        "version); create a new template with this version",
    ),
    "not-zip": (
        "文件内容不是 .xlsx 工作簿（可能是改了扩展名的其他文件）",
        "the content is not an .xlsx workbook (perhaps another file renamed)",
    ),
    "corrupt": ("文件已损坏或不完整（可能下载或复制中断）", "the file is damaged or incomplete"),
    "not-workbook": (
        "压缩包中没有 Excel 工作簿（可能是改了扩展名的 Word 等文件）",
        "the archive holds no Excel workbook (perhaps a Word file renamed)",
    ),
    "dtd": (
        "工作簿含有不允许的 XML 声明（DTD/实体），拒绝读取",
        "the workbook contains XML declarations (DTD/entities) that are refused",
    ),
}


def _pick(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]


# Fragments of the YAML parser's (English) problem texts and what they mean, for Chinese messages.
_YAML_PROBLEMS_ZH: tuple[tuple[str, str], ...] = (
    ("did not find expected ',' or ']'", "方括号列表没有闭合，或缺少逗号"),
    ("did not find expected ',' or '}'", "花括号映射没有闭合，或缺少逗号"),
    ("mapping values are not allowed here", "此处不能出现“键: 值”，请检查冒号和缩进"),
    ("could not find expected ':'", "缺少“键: 值”中的冒号"),
    ("found character '\\t' that cannot start any token", "不能用制表符（Tab）缩进，请改用空格"),
    ("found character '\\t'", "不能用制表符（Tab）缩进，请改用空格"),
    ("tab character", "不能用制表符（Tab）缩进，请改用空格"),
    ("expected <block end>", "缩进不一致"),
    ("did not find expected key", "缩进不一致或缺少键"),
    ("did not find expected '-' indicator", "列表项缩进不一致"),
    ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
    ("found undefined alias", "引用了未定义的锚点（*别名）"),
    ("found duplicate anchor", "锚点（&名称）重复定义"),
    ("unacceptable character", "文件中含有不允许的控制字符"),
    ("found unknown escape character", "双引号字符串中有无效的转义字符（\\）"),
)


def _problem_zh(problem: str) -> str:
    """The parser's problem with a Chinese explanation in front when it is a known one."""
    for fragment, explanation in _YAML_PROBLEMS_ZH:
        if fragment in problem:
            return f"{explanation}（{problem}）"
    return problem


def message(diagnostic: Diagnostic, lang: str = "zh") -> str:
    """The finding as one sentence in ``lang`` (``zh`` or ``en``)."""
    rule = RULES_BY_CODE[diagnostic.code]
    params: dict[str, str] = dict(diagnostic.params)
    params.setdefault("expected", diagnostic.expected or "")
    params.setdefault("actual", diagnostic.actual or "")
    for name in ("key", "reason", "guess", "suggestion", "problem", "limit", "tag", "supported", "previous"):
        params.setdefault(name, "")
    params["reason"] = _pick(_REASONS, params["reason"], lang)
    params["problem_zh"] = _problem_zh(params["problem"])
    guess = params["guess"]
    params["guess_zh"] = f"（疑似 {guess}）" if guess else ""
    params["guess_en"] = f" (it looks like {guess})" if guess else ""
    suggestion = params["suggestion"]
    params["suggestion_zh"] = f"，是否应为 {suggestion}？" if suggestion else ""
    params["suggestion_en"] = f"; did you mean {suggestion}?" if suggestion else ""
    hint = params.get("hint", "not-a-number")
    params["hint_zh"] = _HINTS.get(hint, ("", ""))[0]
    params["hint_en"] = _HINTS.get(hint, ("", ""))[1]
    others = params.get("others", "")
    params["others_zh"] = f"（另有 {others} 处）" if others else ""
    params["others_en"] = f" (and {others} more)" if others else ""
    who = _REPORT_KINDS.get(params.get("report_kind", ""), _REPORT_KINDS["department"])
    params["report_kind_zh"], params["report_kind_en"], params["deadline_zh"], params["deadline_en"] = who
    params.setdefault("missing", "")
    kind = params.get("kind", "count")
    params["kind_zh"], params["kind_en"] = _KINDS.get(kind, _KINDS["count"])
    if diagnostic.code == "S009":
        params["expected"] = _pick(_SHAPES, params["expected"], lang)  # "text" reads 文字
    for side in ("expected", "actual"):
        value = params[side]
        if diagnostic.code == "S005" and params.get("shape") == "list":
            params[f"{side}_zh"] = f" {value} 个数"
            params[f"{side}_en"] = f"{value} values"
        else:
            params[f"{side}_zh"] = _pick(_SHAPES, value, "zh")
            params[f"{side}_en"] = _pick(_SHAPES, value, "en")
    template = rule.message_en if lang == "en" else rule.message_zh
    return template.format(**params)
