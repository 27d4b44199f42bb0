"""The 2019 format (国办公开办函〔2019〕60号), for reports on 2019 and 2020."""

from __future__ import annotations

from .common import (
    ACTIVE_DISCLOSURE_KEY,
    CARRIED_OVER,
    HEADING_VARIANTS,
    applications_table,
    article20_block,
    review_litigation_table,
    sections,
)
from .types import (
    AtLeast,
    BlockTable,
    CrossYearRule,
    CrossYearTerm,
    Field,
    FormatSpec,
    ValueKind,
)

_BASE = ACTIVE_DISCLOSURE_KEY

_PUBLISHED = (
    Field("made", "本年新制作数量", "made this year"),
    Field("published", "本年新公开数量", "published this year"),
    Field("total_published", "对外公开总数量", "total published"),
)
_ITEMS = (
    Field("previous_items", "上一年项目数量", "items last year"),
    Field("change", "本年增/减", "change this year", ValueKind.SIGNED),
    Field("decisions", "处理决定数量", "decisions"),
)
_FEES = _ITEMS[:2]
_PROCUREMENT = (
    Field("projects", "采购项目数量", "procurement projects"),
    Field("amount", "采购总金额", "total amount", ValueKind.AMOUNT),
)


ACTIVE_DISCLOSURE = BlockTable(
    key=_BASE,
    number="二",
    title="主动公开政府信息情况",
    title_en="Proactive disclosure",
    row_header="信息内容",
    grid_columns=5,
    label_span=2,
    blocks=(
        article20_block(
            "一",
            _PUBLISHED,
            (
                ("regulations", "规章", "rules"),
                ("normative_documents", "规范性文件", "normative documents"),
            ),
        ),
        article20_block(
            "五",
            _ITEMS,
            (
                ("licensing", "行政许可", "administrative licensing"),
                ("other_services", "其他对外管理服务事项", "other public services"),
            ),
        ),
        article20_block(
            "六",
            _ITEMS,
            (
                ("penalty", "行政处罚", "administrative penalties"),
                ("coercion", "行政强制", "administrative coercion"),
            ),
        ),
        article20_block("八", _FEES, (("fees", "行政事业性收费", "administrative fees"),)),
        article20_block(
            "九",
            _PROCUREMENT,
            (("procurement", "政府集中采购", "government procurement"),),
        ),
    ),
)

_ITEM_RECORDS = ("licensing", "other_services", "penalty", "coercion", "fees")

FORMAT_2019 = FormatSpec(
    key="2019",
    name="政府信息公开工作年度报告格式（试行）",
    basis="国办公开办函〔2019〕60号",
    years=(2019, 2020),
    sections=sections(ACTIVE_DISCLOSURE, applications_table(None), review_litigation_table()),
    at_least=tuple(
        AtLeast("T201", f"{_BASE}.{key}", "total_published", "published")
        for key in ("regulations", "normative_documents")
    ),
    cross_year=CARRIED_OVER
    + tuple(
        CrossYearRule(
            "X103",
            f"{_BASE}.{key}",
            "previous_items",
            (
                CrossYearTerm(1, True, f"{_BASE}.{key}", "previous_items"),
                CrossYearTerm(1, True, f"{_BASE}.{key}", "change"),
            ),
        )
        for key in _ITEM_RECORDS
    ),
    heading_variants=HEADING_VARIANTS,
)
