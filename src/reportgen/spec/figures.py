"""Named figures: the numbers a report's text quotes, each the sum of some table cells.

A figure has a Chinese name (``新收申请``, ``不予公开`` …) used both when checking the narrative
against the tables and for ``{新收申请}``-style placeholders. The catalogue holds the figures of
every format; :func:`named_figures` picks those a format has (the 2019 and 2021 formats differ in
table 二 and in （六）其他处理 of table 三).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .types import FormatSpec, ValueKind

FigureCell = tuple[str, str]
"""(record id, field key)"""


@dataclass(frozen=True)
class NamedFigure:
    """A number with a name: the sum of ``cells``."""

    name: str
    name_en: str
    description: str  # short, in Chinese
    cells: tuple[FigureCell, ...]
    kind: ValueKind = ValueKind.COUNT


def _totals(prefix: str, keys: tuple[str, ...]) -> tuple[FigureCell, ...]:
    return tuple((f"{prefix}.{key}", "total") for key in keys)


_RESULTS = "applications.results"
_AD = "active_disclosure"
_RL = "review_litigation"

_DENIED = (
    "state_secret",
    "prohibited_by_law",
    "security_stability",
    "third_party_rights",
    "internal_affairs",
    "process_information",
    "enforcement_files",
    "inquiry_matters",
)
_UNABLE = ("not_held", "needs_creation", "still_unclear")
_NOT_PROCESSED = ("complaint", "duplicate", "publication", "excessive", "confirmation")
_OTHER_2021 = ("no_correction", "unpaid_fee", "other")

_DOCUMENT_KINDS = (
    ("规范性文件", "normative documents", "normative_documents"),
    ("规章", "rules", "regulations"),
)


def _documents(verbs: tuple[tuple[str, str, str, str], ...]) -> tuple[NamedFigure, ...]:
    """Figures of table 二's first block: (Chinese verb, English verb, field key, description)."""
    return tuple(
        NamedFigure(
            f"{verb}{kind}", f"{kind_en} {verb_en}", f"表二 {kind}：{description}", ((f"{_AD}.{key}", field),)
        )
        for kind, kind_en, key in _DOCUMENT_KINDS
        for verb, verb_en, field, description in verbs
    )


FIGURES: tuple[NamedFigure, ...] = (
    NamedFigure(
        "新收申请",
        "new applications",
        "表三 一、本年新收政府信息公开申请数量（总计）",
        (("applications.new_received", "total"),),
    ),
    NamedFigure(
        "上年结转",
        "carried over",
        "表三 二、上年结转政府信息公开申请数量（总计）",
        (("applications.carried_over", "total"),),
    ),
    NamedFigure("办结", "handled", "表三 三、本年度办理结果（七）总计", ((f"{_RESULTS}.total", "total"),)),
    NamedFigure("予以公开", "disclosed", "表三 （一）予以公开（总计）", ((f"{_RESULTS}.granted", "total"),)),
    NamedFigure(
        "部分公开",
        "partly disclosed",
        "表三 （二）部分公开（总计）",
        ((f"{_RESULTS}.partially_granted", "total"),),
    ),
    NamedFigure(
        "不予公开", "not disclosed", "表三 （三）不予公开，各项之和", _totals(f"{_RESULTS}.denied", _DENIED)
    ),
    NamedFigure(
        "无法提供",
        "cannot be provided",
        "表三 （四）无法提供，各项之和",
        _totals(f"{_RESULTS}.unable", _UNABLE),
    ),
    NamedFigure(
        "不予处理",
        "not processed",
        "表三 （五）不予处理，各项之和",
        _totals(f"{_RESULTS}.not_processed", _NOT_PROCESSED),
    ),
    NamedFigure(
        "其他处理",
        "otherwise handled",
        "表三 （六）其他处理，各项之和（2021 年格式）",
        _totals(f"{_RESULTS}.other", _OTHER_2021),
    ),
    NamedFigure(
        "其他处理",
        "otherwise handled",
        "表三 （六）其他处理（2019 年格式）",
        ((f"{_RESULTS}.other", "total"),),
    ),
    NamedFigure(
        "结转下年度",
        "carried forward",
        "表三 四、结转下年度继续办理（总计）",
        (("applications.carried_forward", "total"),),
    ),
    NamedFigure("行政复议", "administrative reviews", "表四 行政复议（总计）", ((f"{_RL}.review", "total"),)),
    NamedFigure(
        "行政诉讼",
        "lawsuits",
        "表四 行政诉讼：未经复议直接起诉与复议后起诉之和",
        ((f"{_RL}.litigation_direct", "total"), (f"{_RL}.litigation_after_review", "total")),
    ),
    NamedFigure(
        "直接起诉",
        "sued directly",
        "表四 行政诉讼：未经复议直接起诉（总计）",
        ((f"{_RL}.litigation_direct", "total"),),
    ),
    NamedFigure(
        "复议后起诉",
        "sued after review",
        "表四 行政诉讼：复议后起诉（总计）",
        ((f"{_RL}.litigation_after_review", "total"),),
    ),
    *_documents(
        (
            ("制发", "issued", "issued", "本年制发件数（2021 年格式）"),
            ("废止", "repealed", "repealed", "本年废止件数（2021 年格式）"),
            ("现行有效", "in force", "in_force", "现行有效件数（2021 年格式）"),
            ("新制作", "made", "made", "本年新制作数量（2019 年格式）"),
            ("新公开", "published", "published", "本年新公开数量（2019 年格式）"),
            ("对外公开", "published in total", "total_published", "对外公开总数量（2019 年格式）"),
        )
    ),
    NamedFigure(
        "行政许可", "licensing decisions", "表二 行政许可：处理决定数量", ((f"{_AD}.licensing", "decisions"),)
    ),
    NamedFigure(
        "行政处罚", "penalty decisions", "表二 行政处罚：处理决定数量", ((f"{_AD}.penalty", "decisions"),)
    ),
    NamedFigure(
        "行政强制", "coercion decisions", "表二 行政强制：处理决定数量", ((f"{_AD}.coercion", "decisions"),)
    ),
    NamedFigure(
        "收费金额",
        "fees charged",
        "表二 行政事业性收费：本年收费金额（万元，2021 年格式）",
        ((f"{_AD}.fees", "amount"),),
        ValueKind.AMOUNT,
    ),
    NamedFigure(
        "采购项目",
        "procurement projects",
        "表二 政府集中采购：采购项目数量（2019 年格式）",
        ((f"{_AD}.procurement", "projects"),),
    ),
    NamedFigure(
        "采购金额",
        "procurement amount",
        "表二 政府集中采购：采购总金额（万元，2019 年格式）",
        ((f"{_AD}.procurement", "amount"),),
        ValueKind.AMOUNT,
    ),
)
"""Every named figure of every format; a name occurs once per format."""


_BY_FORMAT: dict[int, tuple[FormatSpec, dict[str, NamedFigure]]] = {}


def named_figures(spec: FormatSpec) -> dict[str, NamedFigure]:
    """The figures whose cells all exist in ``spec``, by name."""
    cached = _BY_FORMAT.get(id(spec))
    if cached is not None and cached[0] is spec:
        return dict(cached[1])
    found: dict[str, NamedFigure] = {}
    for figure in FIGURES:
        if figure.name not in found and all(_has_cell(spec, cell) for cell in figure.cells):
            found[figure.name] = figure
    _BY_FORMAT[id(spec)] = (spec, found)
    return dict(found)


def _has_cell(spec: FormatSpec, cell: FigureCell) -> bool:
    record_id, field_key = cell
    try:
        record = spec.record(record_id)
    except KeyError:
        return False
    return field_key in record.field_keys


def figure_value(figure: NamedFigure, values: Mapping[FigureCell, int | Decimal]) -> int | Decimal:
    """The figure's value: the sum of its cells in ``values`` (a report's resolved cells)."""
    total: int | Decimal = 0
    for cell in figure.cells:
        total = total + values[cell]
    return total
