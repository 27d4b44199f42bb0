"""What ``reportgen placeholders`` prints: the names a narrative text may use, and how to name a cell."""

from __future__ import annotations

from ..core import exitcodes
from ..core.errors import UserError
from ..core.model import logical_cell
from ..spec.figures import FigureCell, NamedFigure, named_figures
from ..spec.references import cell_references
from ..spec.registry import FORMATS
from ..spec.types import FormatSpec

NEWEST_FORMAT: str = list(FORMATS)[-1]
"""The format listed when none is asked for: the one in force."""

_EXAMPLE = ("applications.results.granted", "natural_person")

# Only "title", "sum" and "more" are str.format templates; the other texts are printed as they are.
_TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "占位符（{key} 年格式）",
        "intro": "在正文中写 {名称}，生成 DOCX、HTML、Markdown 时替换为表格中的数字，写法与表格中相同。",
        "example": "例：全年新收政府信息公开申请{新收申请}件，办结{办结}件。",
        "figures": "数字名称",
        "sum": "{count} 个单元格之和",
        "cells": "表格单元格",
        "path": "任一单元格也可按路径引用：{记录.字段}，即 YAML 文件中的键路径，例如",
        "more": "用 --cells 列出本格式全部 {count} 个单元格的路径。",
        "all": "本格式全部单元格：",
        "braces": "花括号",
        "escape": "{{新收申请}} 印出 {新收申请}。只有花括号中是名称（文字、数字、_ 和 .，不含空格）"
        "时才是占位符，其他花括号（如 { 注 }、{{ 7*7 }}）照原样印出。",
        "rules": "名称未知时 validate 报告错误 N002，缺少右花括号时报告警告 N003。",
    },
    "en": {
        "title": "Placeholders (the {key} format)",
        "intro": "Write {name} in the narrative text: DOCX, HTML and Markdown print the tables' number "
        "there, written as the table writes it.",
        "example": "Example: 全年新收政府信息公开申请{新收申请}件，办结{办结}件。",
        "figures": "Figure names",
        "sum": "the sum of {count} cells",
        "cells": "Table cells",
        "path": "Any cell can be named by its path, {record.field}: the keys of the YAML file, e.g.",
        "more": "Use --cells to list the paths of all {count} cells of this format.",
        "all": "Every cell of this format:",
        "braces": "Braces",
        "escape": "{{新收申请}} prints {新收申请}. Only a bare name in braces (letters, digits, _ and ., "
        "no spaces) is a placeholder; other braces ({ 注 }, {{ 7*7 }}) print as written.",
        "rules": "validate reports an unknown name as error N002, and a missing closing brace as "
        "warning N003.",
    },
}


def placeholder_listing(format_key: str = NEWEST_FORMAT, lang: str = "zh", *, cells: bool = False) -> str:
    """The placeholders a report of ``format_key`` may use, explained in ``lang``.

    ``cells`` lists the path of every cell of the format as well.
    """
    spec = FORMATS.get(format_key)
    if spec is None:
        known = ", ".join(FORMATS)
        raise UserError(
            exitcodes.USAGE,
            f"未知的格式：{format_key}（可用：{known}）",
            f"unknown format: {format_key} ({known})",
        )
    text = _TEXTS["en" if lang == "en" else "zh"]
    lines = [text["title"].format(key=spec.key), "", text["intro"], text["example"], ""]
    lines.append(text["figures"])
    for figure in named_figures(spec).values():
        lines.extend(_figure(spec, figure, lang, text))
    paths = cell_references(spec)
    lines.extend(["", text["cells"], f"  {text['path']}"])
    lines.append(f"    {{{'.'.join(_EXAMPLE)}}}  {_describe(spec, _EXAMPLE, lang)}")
    if cells:
        lines.append(f"  {text['all']}")
        lines.extend(f"    {{{path}}}  {_describe(spec, ref.cells[0], lang)}" for path, ref in paths.items())
    else:
        lines.append(f"  {text['more'].format(count=len(paths))}")
    lines.extend(["", text["braces"], f"  {text['escape']}", f"  {text['rules']}"])
    return "\n".join(lines) + "\n"


def _figure(spec: FormatSpec, figure: NamedFigure, lang: str, text: dict[str, str]) -> list[str]:
    """A figure's lines: its placeholder and English name, what it is, and the cells it adds up."""
    if lang == "en":
        what = _describe(spec, figure.cells[0], lang) if len(figure.cells) == 1 else ""
        what = what or text["sum"].format(count=len(figure.cells))
    else:
        what = figure.description
    paths = [f"{record}.{field}" for record, field in figure.cells]
    lines = [f"  {{{figure.name}}}  {figure.name_en}", f"      {what}", f"      = {paths[0]}"]
    lines.extend(f"      + {path}" for path in paths[1:])
    return lines


def _describe(spec: FormatSpec, cell: FigureCell, lang: str) -> str:
    """The printed labels of a cell (表三 / 三、本年度办理结果 / （一）予以公开 / 自然人)."""
    record_id, field_key = cell
    return logical_cell(spec.table_of(record_id), spec.record(record_id), field_key).describe(lang)
