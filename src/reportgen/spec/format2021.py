"""The revised 2021 format (国办公开办函〔2021〕30号), for reports on 2021 and later."""

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
from .types import BlockTable, CrossYearRule, CrossYearTerm, Field, FormatSpec, ValueKind

_BASE = ACTIVE_DISCLOSURE_KEY

_DOCUMENTS = (
    Field("issued", "本年制发件数", "issued this year"),
    Field("repealed", "本年废止件数", "repealed this year"),
    Field("in_force", "现行有效件数", "in force"),
)
_DECISIONS = (Field("decisions", "本年处理决定数量", "decisions this year"),)
_FEES = (Field("amount", "本年收费金额（单位：万元）", "fees charged (10k yuan)", ValueKind.AMOUNT),)


ACTIVE_DISCLOSURE = BlockTable(
    key=_BASE,
    number="二",
    title="主动公开政府信息情况",
    title_en="Proactive disclosure",
    row_header="信息内容",
    grid_columns=4,
    label_span=1,
    blocks=(
        article20_block(
            "一",
            _DOCUMENTS,
            (
                ("regulations", "规章", "rules"),
                ("normative_documents", "行政规范性文件", "normative documents"),
            ),
        ),
        article20_block("五", _DECISIONS, (("licensing", "行政许可", "administrative licensing"),)),
        article20_block(
            "六",
            _DECISIONS,
            (
                ("penalty", "行政处罚", "administrative penalties"),
                ("coercion", "行政强制", "administrative coercion"),
            ),
        ),
        article20_block("八", _FEES, (("fees", "行政事业性收费", "administrative fees"),)),
    ),
)

_OTHER_2021 = (
    "other",
    "（六）其他处理",
    "(6) otherwise handled",
    (
        (
            "no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "1. applicant failed to correct in time",
        ),
        (
            "unpaid_fee",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "2. applicant did not pay the fee in time",
        ),
        ("other", "3.其他", "3. other"),
    ),
)

FORMAT_2021 = FormatSpec(
    key="2021",
    name="中华人民共和国政府信息公开工作年度报告格式",
    basis="国办公开办函〔2021〕30号",
    years=(2021, None),
    sections=sections(ACTIVE_DISCLOSURE, applications_table(_OTHER_2021), review_litigation_table()),
    cross_year=CARRIED_OVER
    + tuple(
        CrossYearRule(
            "X102",
            f"{_BASE}.{key}",
            "in_force",
            (
                CrossYearTerm(1, True, f"{_BASE}.{key}", "in_force"),
                CrossYearTerm(1, False, f"{_BASE}.{key}", "issued"),
                CrossYearTerm(-1, False, f"{_BASE}.{key}", "repealed"),
            ),
        )
        for key in ("regulations", "normative_documents")
    ),
    heading_variants=HEADING_VARIANTS,
)
