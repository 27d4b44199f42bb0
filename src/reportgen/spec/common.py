"""Parts shared by the 2019 and 2021 formats: sections, table 三's columns and table 四."""

from __future__ import annotations

from .types import (
    Balance,
    Block,
    CrossYearRule,
    CrossYearTerm,
    Field,
    HeaderNode,
    MatrixTable,
    Record,
    RowNode,
    Section,
    SingleRowTable,
    Table,
)

# (key, label, English label) of the six applicant columns of table 三, in printed order.
APPLICANT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("natural_person", "自然人", "natural persons"),
    ("commercial", "商业企业", "commercial enterprises"),
    ("research", "科研机构", "research institutions"),
    ("social_welfare", "社会公益组织", "public-interest organizations"),
    ("legal_service", "法律服务机构", "legal service institutions"),
    ("other", "其他", "other"),
)

APPLICATION_FIELDS: tuple[Field, ...] = (
    *tuple(Field(key, label, label_en) for key, label, label_en in APPLICANT_COLUMNS),
    Field("total", "总计", "total", sum_of=tuple(key for key, _, _ in APPLICANT_COLUMNS), total_rule="T303"),
)

APPLICATION_COLUMNS: tuple[HeaderNode, ...] = (
    HeaderNode(
        "申请人情况",
        "applicants",
        children=(
            HeaderNode("自然人", "natural persons", field="natural_person"),
            HeaderNode(
                "法人或其他组织",
                "legal persons or other organizations",
                children=tuple(
                    HeaderNode(label, label_en, field=key) for key, label, label_en in APPLICANT_COLUMNS[1:]
                ),
            ),
            HeaderNode("总计", "total", field="total"),
        ),
    ),
)

APPLICATIONS_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

RESULTS_LABEL = ("三、本年度办理结果", "III. results of handling this year")

# (group key, group label, group English label, ((row key, label, English label), ...))
DENIED = (
    "denied",
    "（三）不予公开",
    "(3) not disclosed",
    (
        ("state_secret", "1.属于国家秘密", "1. state secret"),
        ("prohibited_by_law", "2.其他法律行政法规禁止公开", "2. prohibited by other laws"),
        ("security_stability", "3.危及“三安全一稳定”", "3. endangers security or stability"),
        ("third_party_rights", "4.保护第三方合法权益", "4. protects third-party rights"),
        ("internal_affairs", "5.属于三类内部事务信息", "5. internal affairs"),
        ("process_information", "6.属于四类过程性信息", "6. process information"),
        ("enforcement_files", "7.属于行政执法案卷", "7. law-enforcement files"),
        ("inquiry_matters", "8.属于行政查询事项", "8. administrative inquiry"),
    ),
)
UNABLE = (
    "unable",
    "（四）无法提供",
    "(4) cannot be provided",
    (
        ("not_held", "1.本机关不掌握相关政府信息", "1. not held by this agency"),
        ("needs_creation", "2.没有现成信息需要另行制作", "2. would need to be created"),
        ("still_unclear", "3.补正后申请内容仍不明确", "3. still unclear after correction"),
    ),
)
NOT_PROCESSED = (
    "not_processed",
    "（五）不予处理",
    "(5) not processed",
    (
        ("complaint", "1.信访举报投诉类申请", "1. petitions, reports, complaints"),
        ("duplicate", "2.重复申请", "2. duplicate application"),
        ("publication", "3.要求提供公开出版物", "3. asks for publications"),
        ("excessive", "4.无正当理由大量反复申请", "4. excessive repeated applications"),
        (
            "confirmation",
            "5.要求行政机关确认或重新出具已获取信息",
            "5. asks to confirm or reissue information already obtained",
        ),
    ),
)
OTHER_LABEL = ("（六）其他处理", "(6) otherwise handled")

Group = tuple[str, str, str, tuple[tuple[str, str, str], ...]]


def _row(record_id: str, labels: tuple[str, ...], labels_en: tuple[str, ...]) -> Record:
    return Record(record_id, labels, labels_en, APPLICATION_FIELDS, accepts_list=True)


def applications_table(other: Group | None) -> MatrixTable:
    """Table 三; ``other`` gives the sub-rows of （六）其他处理, or None for a single row."""
    base = "applications"
    results = f"{base}.results"
    records: list[Record] = [
        _row(f"{base}.new_received", ("一、本年新收政府信息公开申请数量",), ("I. new applications",)),
        _row(
            f"{base}.carried_over",
            ("二、上年结转政府信息公开申请数量",),
            ("II. carried over from last year",),
        ),
    ]
    result_nodes: list[RowNode] = []
    result_ids: list[str] = []

    def add_leaf(key: str, labels: tuple[str, ...], labels_en: tuple[str, ...]) -> RowNode:
        record = _row(f"{results}.{key}", (RESULTS_LABEL[0], *labels), (RESULTS_LABEL[1], *labels_en))
        records.append(record)
        result_ids.append(record.id)
        return RowNode(labels[-1], labels_en[-1], record=record.id)

    result_nodes.append(add_leaf("granted", ("（一）予以公开",), ("(1) disclosed",)))
    result_nodes.append(
        add_leaf(
            "partially_granted",
            ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",),
            ("(2) partly disclosed",),
        )
    )
    groups: list[Group] = [DENIED, UNABLE, NOT_PROCESSED]
    for group_key, label, label_en, rows in groups:
        children = tuple(
            add_leaf(f"{group_key}.{key}", (label, row_label), (label_en, row_label_en))
            for key, row_label, row_label_en in rows
        )
        result_nodes.append(RowNode(label, label_en, children=children))
    if other is None:
        result_nodes.append(add_leaf("other", (OTHER_LABEL[0],), (OTHER_LABEL[1],)))
    else:
        group_key, label, label_en, rows = other
        children = tuple(
            add_leaf(f"{group_key}.{key}", (label, row_label), (label_en, row_label_en))
            for key, row_label, row_label_en in rows
        )
        result_nodes.append(RowNode(label, label_en, children=children))
    total = Record(
        f"{results}.total",
        (RESULTS_LABEL[0], "（七）总计"),
        (RESULTS_LABEL[1], "(7) total"),
        APPLICATION_FIELDS,
        accepts_list=True,
        sum_of=tuple(result_ids),
        total_rule="T302",
    )
    records.append(total)
    result_nodes.append(RowNode("（七）总计", "(7) total", record=total.id))
    records.append(
        _row(
            f"{base}.carried_forward",
            ("四、结转下年度继续办理",),
            ("IV. carried forward to next year",),
        )
    )
    rows_tree = (
        RowNode(records[0].labels[0], records[0].labels_en[0], record=records[0].id),
        RowNode(records[1].labels[0], records[1].labels_en[0], record=records[1].id),
        RowNode(RESULTS_LABEL[0], RESULTS_LABEL[1], children=tuple(result_nodes)),
        RowNode(records[-1].labels[0], records[-1].labels_en[0], record=records[-1].id),
    )
    return MatrixTable(
        key=base,
        number="三",
        title="收到和处理政府信息公开申请情况",
        title_en="Applications received and handled",
        corner=APPLICATIONS_CORNER,
        columns=APPLICATION_COLUMNS,
        rows=rows_tree,
        records=tuple(records),
        balances=(
            Balance(
                "T301",
                lhs=(f"{base}.new_received", f"{base}.carried_over"),
                rhs=(total.id, f"{base}.carried_forward"),
            ),
        ),
    )


OUTCOME_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("upheld", "结果维持", "upheld"),
    ("corrected", "结果纠正", "corrected"),
    ("other", "其他结果", "other outcome"),
    ("pending", "尚未审结", "pending"),
)
OUTCOME_FIELDS: tuple[Field, ...] = (
    *tuple(Field(key, label, label_en) for key, label, label_en in OUTCOME_COLUMNS),
    Field("total", "总计", "total", sum_of=tuple(key for key, _, _ in OUTCOME_COLUMNS), total_rule="T401"),
)


def _outcome_leaves(record_id: str) -> tuple[HeaderNode, ...]:
    return tuple(HeaderNode(f.label, f.label_en, field=f.key, record=record_id) for f in OUTCOME_FIELDS)


def review_litigation_table() -> SingleRowTable:
    """Table 四, identical in the 2019 and 2021 formats."""
    base = "review_litigation"
    review = Record(f"{base}.review", ("行政复议",), ("administrative review",), OUTCOME_FIELDS, True)
    direct = Record(
        f"{base}.litigation_direct",
        ("行政诉讼", "未经复议直接起诉"),
        ("litigation", "sued directly"),
        OUTCOME_FIELDS,
        True,
    )
    after = Record(
        f"{base}.litigation_after_review",
        ("行政诉讼", "复议后起诉"),
        ("litigation", "sued after review"),
        OUTCOME_FIELDS,
        True,
    )
    columns = (
        HeaderNode("行政复议", "administrative review", children=_outcome_leaves(review.id)),
        HeaderNode(
            "行政诉讼",
            "litigation",
            children=(
                HeaderNode("未经复议直接起诉", "sued directly", children=_outcome_leaves(direct.id)),
                HeaderNode("复议后起诉", "sued after review", children=_outcome_leaves(after.id)),
            ),
        ),
    )
    return SingleRowTable(
        key=base,
        number="四",
        title="政府信息公开行政复议、行政诉讼情况",
        title_en="Administrative review and litigation",
        columns=columns,
        records=(review, direct, after),
    )


def sections(active_disclosure: Table, applications: Table, review_litigation: Table) -> tuple[Section, ...]:
    """The six sections in order, with the given tables placed in 二, 三 and 四."""
    return (
        Section("overview", "一", "一、总体情况", "1. Overview", text_required=True),
        Section(
            "active_disclosure",
            "二",
            "二、主动公开政府信息情况",
            "2. Proactive disclosure",
            text_required=False,
            table=active_disclosure,
        ),
        Section(
            "applications",
            "三",
            "三、收到和处理政府信息公开申请情况",
            "3. Applications received and handled",
            text_required=False,
            table=applications,
        ),
        Section(
            "review_litigation",
            "四",
            "四、政府信息公开行政复议、行政诉讼情况",
            "4. Administrative review and litigation",
            text_required=False,
            table=review_litigation,
        ),
        Section(
            "problems",
            "五",
            "五、存在的主要问题及改进情况",
            "5. Main problems and improvements",
            text_required=True,
        ),
        Section(
            "other_matters",
            "六",
            "六、其他需要报告的事项",
            "6. Other matters to report",
            text_required=True,
        ),
    )


HEADING_VARIANTS: dict[str, str] = {
    "五、政府信息公开工作存在的主要问题及改进情况": "problems",
    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况": "review_litigation",
}


CARRIED_OVER: tuple[CrossYearRule, ...] = tuple(
    CrossYearRule(
        "X101",
        "applications.carried_over",
        field.key,
        (CrossYearTerm(1, True, "applications.carried_forward", field.key),),
    )
    for field in APPLICATION_FIELDS
)
"""This year's 二、上年结转 equals last year's 四、结转下年度继续办理, column by column."""


ACTIVE_DISCLOSURE_KEY = "active_disclosure"
_ITEM_NUMBERS = {"一": "1", "五": "5", "六": "6", "八": "8", "九": "9"}


def article20_block(item: str, fields: tuple[Field, ...], rows: tuple[tuple[str, str, str], ...]) -> Block:
    """A block of table 二 for 第二十条第（item）项 with ``rows`` of (key, label, English label)."""
    caption = f"第二十条第（{item}）项"
    caption_en = f"Art. 20 item ({_ITEM_NUMBERS[item]})"
    return Block(
        caption,
        tuple(
            Record(f"{ACTIVE_DISCLOSURE_KEY}.{key}", (caption, label), (caption_en, label_en), fields)
            for key, label, label_en in rows
        ),
    )
