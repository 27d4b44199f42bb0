"""The rule catalogue: every finding reportgen can report, with its code, severity and messages.

Families: F (the file itself), S (structure), V (values), T (table arithmetic, 勾稽关系),
C (completeness of the report's words and dates), X (cross-year, with ``--previous``), N (the
narrative text against the tables: numbers it quotes, placeholders it uses).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core.diagnostics import Severity


@dataclass(frozen=True)
class Rule:
    """A rule: stable code, short name, severity, messages in Chinese and English, documentation.

    ``doc`` carries a failing and a passing example; ``message_zh``/``message_en`` are
    ``str.format`` templates over the diagnostic's parameters plus ``expected``/``actual``.
    """

    code: str
    name: str
    severity: Severity
    title_zh: str
    title_en: str
    message_zh: str
    message_en: str
    doc: str


E, W = Severity.ERROR, Severity.WARNING

RULES: tuple[Rule, ...] = (
    Rule(
        "F001",
        "file-unreadable",
        E,
        "文件无法读取",
        "file cannot be read",
        "无法读取文件：{reason}",
        "cannot read the file: {reason}",
        "Fails: a path that does not exist. Passes: a readable file.",
    ),
    Rule(
        "F002",
        "not-utf8",
        E,
        "文件不是 UTF-8 编码",
        "file is not UTF-8",
        "文件不是 UTF-8 编码{guess_zh}，请另存为 UTF-8",
        "the file is not UTF-8{guess_en}; save it as UTF-8",
        "Fails: a YAML file saved as GBK. Passes: the same file saved as UTF-8.",
    ),
    Rule(
        "F003",
        "malformed-yaml",
        E,
        "YAML 语法错误",
        "malformed YAML",
        "YAML 语法错误：{problem_zh}",
        "malformed YAML: {problem}",
        "Fails: `year: [2021` (unclosed bracket). Passes: `year: 2021`.",
    ),
    Rule(
        "F004",
        "file-too-large",
        E,
        "文件过大",
        "file too large",
        "文件超过 {limit} 字节的上限",
        "the file exceeds the limit of {limit} bytes",
        "Fails: a 10 MB YAML file. Passes: a complete report (about 10 KB).",
    ),
    Rule(
        "F005",
        "unsupported-file",
        E,
        "不支持的文件类型",
        "unsupported file type",
        "不支持的文件类型：{reason}",
        "unsupported file type: {reason}",
        "Fails: `report.docx` given to validate. Passes: `report.yaml` or `report.xlsx`.",
    ),
    Rule(
        "F006",
        "not-a-reportgen-workbook",
        E,
        "不是 reportgen 生成的工作簿",
        "not a reportgen workbook",
        "{reason}",
        "{reason}",
        "Fails: a workbook made by hand, or one whose hidden `reportgen` sheet was deleted. Passes: the "
        "template written by `reportgen init -o report.xlsx`, filled in Excel or WPS.",
    ),
    Rule(
        "F007",
        "workbook-encrypted",
        E,
        "工作簿设有打开密码",
        "workbook is password-protected",
        "工作簿设有打开密码（已加密），无法读取；请在 Excel/WPS 中取消“用密码进行加密”后另存",
        "the workbook is encrypted with a password; remove the password in Excel or WPS and save again",
        "Fails: a workbook saved with 文件 → 信息 → 用密码进行加密. Passes: the same workbook saved "
        "without a password (sheet protection without a password is fine).",
    ),
    Rule(
        "F008",
        "workbook-corrupt",
        E,
        "工作簿已损坏或无法解析",
        "workbook is corrupt",
        "工作簿已损坏或无法解析：{reason}",
        "the workbook is corrupt or cannot be parsed: {reason}",
        "Fails: a half-downloaded `.xlsx`, or a `.docx` renamed to `.xlsx`. Passes: the workbook as "
        "saved by Excel, WPS or LibreOffice.",
    ),
    Rule(
        "F009",
        "legacy-binary-workbook",
        E,
        "旧版二进制工作簿（.xls/.et）",
        "old binary workbook (.xls/.et)",
        "这是 Excel 97-2003（.xls）或 WPS（.et）二进制格式，reportgen 只读取 .xlsx；"
        "请在 Excel/WPS 中“另存为”Excel 工作簿（*.xlsx）",
        "this is an Excel 97-2003 (.xls) or WPS (.et) binary file; reportgen reads .xlsx only: "
        "use Save As → Excel Workbook (*.xlsx)",
        "Fails: `report.xls` saved as Excel 97-2003. Passes: the same workbook saved as `.xlsx`.",
    ),
    Rule(
        "F010",
        "workbook-too-large",
        E,
        "工作簿解压后过大",
        "workbook too large when unpacked",
        "工作簿解压后超过 {limit} MB 的上限（或其中某一部分过大），拒绝读取",
        "the workbook unpacks to more than {limit} MB (or one part is too large); refused",
        "Fails: a zip bomb, or a workbook with a sheet of a million filled cells. Passes: a filled "
        "template (about 20 KB).",
    ),
    Rule(
        "F011",
        "workbook-has-macros",
        E,
        "工作簿含有宏",
        "workbook contains macros",
        "工作簿含有宏（VBA），reportgen 不读取含宏的工作簿；请另存为不含宏的 Excel 工作簿（*.xlsx）",
        "the workbook contains macros (VBA); save it as a macro-free Excel Workbook (*.xlsx)",
        "Fails: `report.xlsm` with a VBA project. Passes: the same workbook saved as `.xlsx`.",
    ),
    Rule(
        "F012",
        "internal-error",
        E,
        "检查此文件时出现内部错误",
        "internal error while checking this file",
        "检查此文件时出现意外错误（{reason}），此文件未能完成检查；其他文件照常检查。请把此文件报告给 reportgen 的维护者",
        "an unexpected error occurred while checking this file ({reason}); it was not fully checked, "
        "the other files were. Please report this file to the maintainers of reportgen",
        "Fails: a file that makes a check fail unexpectedly (a defect of reportgen, not of the file). "
        "Passes: every file reportgen can check; the run goes on with the other files either way.",
    ),
    Rule(
        "S001",
        "not-a-mapping",
        E,
        "文件内容不是映射",
        "document is not a mapping",
        "文件内容应为“键: 值”映射，实际为{actual_zh}",
        "the document must be a mapping of keys, found {actual_en}",
        "Fails: a file containing only `- 1`. Passes: `year: 2021` followed by the other keys.",
    ),
    Rule(
        "S002",
        "missing-key",
        E,
        "缺少必填项",
        "required key missing",
        "缺少必填项 {key}",
        "required key {key} is missing",
        "Fails: a report without `agency:`. Passes: `agency: 江北市档案局`.",
    ),
    Rule(
        "S003",
        "unknown-key",
        E,
        "未知的键",
        "unknown key",
        "未知的键 {key}{suggestion_zh}",
        "unknown key {key}{suggestion_en}",
        "Fails: `agncy: 江北市档案局`. Passes: `agency: 江北市档案局`.",
    ),
    Rule(
        "S004",
        "duplicate-key",
        E,
        "重复的键",
        "duplicate key",
        "键 {key} 重复出现",
        "key {key} appears more than once",
        "Fails: `year: 2020` and `year: 2021` in one mapping. Passes: one `year:`.",
    ),
    Rule(
        "S005",
        "wrong-shape",
        E,
        "结构不符",
        "wrong shape",
        "此处应为{expected_zh}，实际为{actual_zh}",
        "expected {expected_en} here, found {actual_en}",
        "Fails: `new_received: [1, 2, 3]` (3 values where 7 belong). Passes: a list of 7 numbers.",
    ),
    Rule(
        "S006",
        "refused-tag",
        E,
        "拒绝的 YAML 标签",
        "refused YAML tag",
        "不接受 YAML 标签 {tag}",
        "YAML tag {tag} is not accepted",
        "Fails: `agency: !!python/object:os.system x`. Passes: `agency: 江北市档案局`.",
    ),
    Rule(
        "S007",
        "unsupported-format",
        E,
        "不支持的格式版本",
        "unsupported format",
        "没有适用于 {actual} 的格式；支持的格式：{supported}",
        "no format applies to {actual}; supported formats: {supported}",
        "Fails: `year: 2015`. Passes: `year: 2020` (2019 format) or `year: 2021` (2021 format).",
    ),
    Rule(
        "S008",
        "section-text-missing",
        E,
        "必需的章节内容缺失",
        "required section text missing",
        "章节内容 text.{key} 缺失或为空",
        "section text text.{key} is missing or empty",
        "Fails: `text: {overview: ''}`. Passes: `problems: 无。` and the other required texts.",
    ),
    Rule(
        "S009",
        "bad-metadata",
        E,
        "基本信息不正确",
        "invalid metadata",
        "值 {actual} 不符合要求，应为 {expected}",
        "value {actual} is not valid; expected {expected}",
        "Fails: `year: 二〇二一` or `kind: bureau`. Passes: `year: 2021`, `kind: department`.",
    ),
    Rule(
        "S010",
        "workbook-layout-changed",
        E,
        "工作簿版式被改动",
        "workbook layout changed",
        "工作簿版式被改动：此处应为“{expected}”，实际为“{actual}”。请勿插入、删除、移动行列，"
        "也不要改写标签或工作表名；请在原模板中填写",
        "the workbook layout was changed: expected “{expected}” here, found “{actual}”. Do not "
        "insert, delete or move rows and columns, or rename labels or sheets; fill in the template",
        "Fails: a row inserted above 表三's （七）总计, or the sheet 表三 renamed. Passes: the template "
        "with numbers typed into its yellow cells only.",
    ),
    Rule(
        "S011",
        "format-not-for-year",
        E,
        "格式与报告年度不符",
        "format does not fit the report year",
        "{year} 年度报告应使用 {required} 格式（{required_basis}），而此处为 {given} 格式（{given_basis}）",
        "a report for {year} must use the {required} format ({required_basis}), not the {given} format "
        "({given_basis})",
        "Fails: `year: 2023` with `format: \"2019\"`, or a 2019-format workbook whose 报告年度 is changed to "
        "2023. Passes: `year: 2020` with `format: \"2019\"`, `year: 2023` with `format: \"2021\"`.",
    ),
    Rule(
        "S012",
        "data-in-other-format",
        E,
        "数据是另一种格式",
        "data in the other format",
        "表格数据是 {given} 格式（{given_basis}，如 {example}），但 {year} 年度报告应使用 {required} 格式"
        "（{required_basis}）",
        "the table data is in the {given} format ({given_basis}, e.g. {example}), but a report for {year} "
        "must use the {required} format ({required_basis})",
        "Fails: a 2023 report with 2019-style 上一年项目数量 (`previous_items`) and 政府集中采购 "
        "(`procurement`), or a 2020 report with 2021-style 制发/废止/现行有效 (`issued`). Passes: each "
        "year's data in its own format.",
    ),
    Rule(
        "V001",
        "not-a-number",
        E,
        "不是有效的数字",
        "not a valid number",
        "{actual} 不是{kind_zh}：{hint_zh}",
        "{actual} is not {kind_en}: {hint_en}",
        'Fails: `"12"`, `12件`, `1,234`, `true`, `1.5` or `１２` in a count cell. Passes: `12`.',
    ),
    Rule(
        "V002",
        "negative",
        E,
        "不能为负数",
        "negative value",
        "{actual} 为负数，此处只能填非负数",
        "{actual} is negative; this cell takes numbers >= 0",
        "Fails: `-1` as a count. Passes: `-1` as 本年增/减 (2019 format), `0` as a count.",
    ),
    Rule(
        "V003",
        "blank-cell",
        W,
        "空白单元格",
        "blank cell",
        "单元格为空，按 0 计算；若为 0 请填写 0",
        "blank cell, counted as 0; write 0 if it is zero",
        "Fails (warning): `granted: [~, 0, 0, 0, 0, 0, 0]`. Passes: `[0, 0, 0, 0, 0, 0, 0]`.",
    ),
    Rule(
        "V004",
        "formula-without-value",
        E,
        "公式没有计算结果",
        "formula has no computed value",
        "公式 {actual} 没有保存计算结果（文件可能由程序生成、未在 Excel/WPS 中打开保存过）；"
        "请在 Excel 或 WPS 中打开后保存，或直接填写数字",
        "the formula {actual} has no saved result (the file was probably written by a program and "
        "never opened in a spreadsheet); open and save it in Excel or WPS, or type the number",
        "Fails: `=B3+B4` in an input cell of a workbook written by a script. Passes: the same file "
        "after opening and saving it in Excel, WPS or LibreOffice, or the number typed in.",
    ),
    Rule(
        "V005",
        "number-stored-as-text",
        W,
        "数字以文本形式存储",
        "number stored as text",
        "{actual} 是以文本形式存储的数字，已按 {expected} 读取；建议把单元格设为数值格式后重新输入",
        "{actual} is a number stored as text, read as {expected}; format the cell as a number and retype it",
        "Fails (warning): a cell holding the text \"12\" (Excel's green triangle). Passes: the number 12. "
        "Full-width digits, units and thousands separators are V001 errors, not this.",
    ),
    Rule(
        "V006",
        "hidden-cells",
        W,
        "含有数据的行或列被隐藏",
        "hidden row or column holds report data",
        "{place_zh}被隐藏，其中填写的内容仍计入报告；请取消隐藏后核对",
        "{place_en} is hidden, but what is filled in it still counts; unhide it and check",
        "Fails (warning): row 12 of 表三 hidden with numbers in it. Passes: every row and column visible.",
    ),
    Rule(
        "V007",
        "number-out-of-range",
        E,
        "数字超出允许范围",
        "number out of range",
        "{actual} 超出允许范围：{hint_zh}",
        "{actual} is out of range: {hint_en}",
        "Counts and amounts (万元) are at most 10^12 in absolute value, and amounts have at most 6 "
        "decimal places; no real report comes near. Fails: a count of 13 digits or more, such as "
        "`10000000000001`, or `0.1234567` as an amount. Passes: `1000000000000`, `0.123456`.",
    ),
    Rule(
        "T001",
        "total-left-blank",
        E,
        "合计为空但分项不为零",
        "total left blank",
        "合计为空，但分项之和为 {expected}",
        "the total is blank but its parts add up to {expected}",
        "Fails: `total: ~` while the parts add up to 3. Passes: `total: 3`, or omit `total`.",
    ),
    Rule(
        "T201",
        "total-published-below-new",
        W,
        "对外公开总数量小于本年新公开数量",
        "total published below newly published",
        "对外公开总数量 {actual} 小于本年新公开数量 {expected}",
        "total published {actual} is below the {expected} published this year",
        "Fails (warning): `{made: 1, published: 3, total_published: 2}`. Passes: `total_published: 3`.",
    ),
    Rule(
        "T301",
        "applications-balance",
        E,
        "表三：第一项加第二项之和应等于第三项加第四项之和",
        "table 三: new + carried over = handled + carried forward",
        "一+二 = {expected}，（七）总计+四 = {actual}，两者应相等",
        "new + carried over = {expected}, but handled total + carried forward = {actual}",
        "Fails: new 5, carried over 0, （七）总计 4, carried forward 0. Passes: carried forward 1.",
    ),
    Rule(
        "T302",
        "results-total",
        E,
        "表三：（七）总计应等于各项办理结果之和",
        "table 三: (7) total = sum of the results",
        "（七）总计应为 {expected}，填写的是 {actual}",
        "(7) total should be {expected}, written {actual}",
        "Fails: granted 3, denied 1, total 5. Passes: total 4 (or omit it).",
    ),
    Rule(
        "T303",
        "applicant-total",
        E,
        "表三：总计列应等于各类申请人之和",
        "table 三: total = sum of applicants",
        "总计应为 {expected}，填写的是 {actual}",
        "the total should be {expected}, written {actual}",
        "Fails: `[1, 2, 0, 0, 0, 0, 4]`. Passes: `[1, 2, 0, 0, 0, 0, 3]` or a list of six.",
    ),
    Rule(
        "T401",
        "review-litigation-total",
        E,
        "表四：总计应等于维持、纠正、其他、尚未审结之和",
        "table 四: total = upheld + corrected + other + pending",
        "总计应为 {expected}，填写的是 {actual}",
        "the total should be {expected}, written {actual}",
        "Fails: `{upheld: 1, corrected: 1, other: 0, pending: 0, total: 3}`. Passes: `total: 2`.",
    ),
    Rule(
        "C001",
        "placeholder-text",
        E,
        "残留占位文字",
        "placeholder text left in",
        "含有未替换的占位文字“{actual}”{others_zh}，请改为实际内容",
        "contains the placeholder “{actual}”{others_en}; replace it with the real content",
        "Fails: `problems: （请填写存在的主要问题及改进情况）`, `agency: 某机关`, `共受理申请XX件`, "
        "`存在的主要问题：……`. Passes: the section written out; an ellipsis inside a long sentence, "
        "`xxx` inside a web address, and anonymised parties such as 张某某 or 某企业 are not placeholders.",
    ),
    Rule(
        "C002",
        "date-missing",
        W,
        "缺少落款日期",
        "date missing",
        "没有填写落款日期（date），应为 {expected} 之间的日期",
        "no date (落款日期) is given; expected a date in {expected}",
        "Fails (warning): `date: null` or no `date:`. Passes: `date: 2022-01-20`.",
    ),
    Rule(
        "C003",
        "date-before-year-end",
        E,
        "落款日期早于报告年度结束",
        "date before the end of the report year",
        "落款日期 {actual} 早于报告年度结束，应 {expected}",
        "the date {actual} is before the end of the report year; expected {expected}",
        "Fails: `year: 2021` with `date: 2021-03-01`. Passes: `date: 2021-12-31` or later.",
    ),
    Rule(
        "C004",
        "date-in-future",
        W,
        "落款日期晚于今天",
        "date in the future",
        "落款日期 {actual} 晚于今天，应 {expected}",
        "the date {actual} is later than today; expected {expected}",
        "Fails (warning): `date: 2999-01-20`. Passes: a date no later than the day of validation.",
    ),
    Rule(
        "C005",
        "date-after-deadline",
        W,
        "落款日期晚于法定公布期限",
        "date after the statutory deadline",
        "落款日期 {actual} 晚于法定公布期限（{report_kind_zh}应于次年{deadline_zh}前公布，"
        "《条例》第四十九条），应 {expected}",
        "the date {actual} is after the statutory deadline ({report_kind_en} is due by "
        "{deadline_en} of the next year, Regulations art. 49); expected {expected}",
        "Fails (warning): a department's 2021 report dated 2022-02-15, a government's dated 2022-04-01. "
        "Passes: a department's dated 2022-01-31, a government's dated 2022-03-31.",
    ),
    Rule(
        "C006",
        "year-in-future",
        E,
        "报告年度在将来",
        "report year in the future",
        "报告年度 {actual} 晚于今年，年度报告只能在年度结束后编制，应 {expected}",
        "the report year {actual} is later than this year; an annual report is written after its year, "
        "expected {expected}",
        "Fails: `year: 2999`, or next year's report. Passes: last year's report; this year's report is "
        "judged by its 落款日期 (C003: not before the year's end).",
    ),
    Rule(
        "C007",
        "problems-section-empty",
        W,
        "“存在的主要问题及改进情况”没有实际内容",
        "section 5 says nothing",
        "只写了“{actual}”，应写明存在的主要问题和改进情况",
        "only says “{actual}”; state the main problems and what was improved",
        "Fails (warning): `problems: 无。` or `暂无`. Passes: the problems and the improvements written out.",
    ),
    Rule(
        "C008",
        "fee-statement-missing",
        W,
        "没有说明信息处理费收取情况",
        "no statement on information processing fees",
        "没有说明信息处理费的收取情况（是否发出收费通知、是否收取及金额；国办函〔2020〕109号）",
        "does not say whether information processing fees (信息处理费) were charged (fee notices "
        "issued, amounts; 国办函〔2020〕109号)",
        "Fails (warning, 2021 format): `other_matters: 无。`. Passes: `本年度未收取信息处理费。无其他需要报告的事项。`",
    ),
    Rule(
        "C009",
        "no-follow-up-on-last-year",
        W,
        "没有说明上年度问题的改进情况",
        "no follow-up on last year's problems",
        "没有说明上年度存在问题的整改或改进情况",
        "does not say how last year's problems were addressed",
        "Fails (warning): `problems: 存在的主要问题：政策解读不够深入。` alone. Passes: the same followed by "
        "`上年度问题整改情况：…` or `改进情况：…`.",
    ),
    Rule(
        "C010",
        "government-accountability-missing",
        W,
        "本级政府报告没有说明考核、评议和责任追究情况",
        "government report lacks assessment, evaluation and accountability",
        "本级政府报告应说明政府信息公开工作考核、社会评议和责任追究结果情况（《条例》第五十条第四项），"
        "正文中没有提到：{missing}",
        "a government's report must cover the results of assessment, public evaluation and "
        "accountability (Regulations art. 50(4)); the narrative never mentions: {missing}",
        "Fails (warning, `kind: government`): a narrative without 考核, 评议 or 追究. Passes: "
        "`…纳入绩效考核…开展社会评议…未发生责任追究情况。`; department reports are not checked.",
    ),
    Rule(
        "C011",
        "number-missing-in-sentence",
        W,
        "句中缺少数字",
        "number missing in a sentence",
        "句中缺少数字：“{actual}”{others_zh}",
        "a number is missing in the sentence: “{actual}”{others_en}",
        "Fails (warning): `全年共受理申请　件`, `收到申请件，`. Passes: `共受理申请12件`; words such as "
        "文件、条例、条件、案件、事件、每件、件数 are not missing numbers.",
    ),
    Rule(
        "X100",
        "previous-year-mismatch",
        W,
        "上年报告年度不符",
        "previous report is not last year's",
        "上年报告 {previous} 的年度为 {actual}，应为 {expected}",
        "the previous report {previous} is for {actual}, expected {expected}",
        "Fails (warning): `--previous 2019.yaml` for a 2021 report. Passes: `--previous 2020.yaml`.",
    ),
    Rule(
        "X101",
        "carried-over-matches-last-year",
        W,
        "上年结转应等于上年的结转下年度继续办理",
        "carried over = last year's carried forward",
        "上年结转为 {actual}，上年报告 {previous} 结转下年度为 {expected}",
        "carried over is {actual}, but {previous} carried forward {expected}",
        "Fails (warning): last year carried forward 2, this year carried over 0. Passes: 2.",
    ),
    Rule(
        "X102",
        "in-force-carry",
        W,
        "现行有效件数应等于上年现行有效加本年制发减本年废止",
        "in force = last year's in force + issued - repealed",
        "现行有效件数为 {actual}，按上年报告 {previous} 推算应为 {expected}",
        "in force is {actual}; from {previous} it should be {expected}",
        "Fails (warning): last year 10 in force, 2 issued, 1 repealed, 12 in force. Passes: 11.",
    ),
    Rule(
        "X103",
        "previous-items-carry",
        W,
        "上一年项目数量应等于上年的上一年项目数量加本年增/减",
        "items last year = last year's items + last year's change",
        "上一年项目数量为 {actual}，按上年报告 {previous} 推算应为 {expected}",
        "items last year is {actual}; from {previous} it should be {expected}",
        "Fails (warning): last year 10 items and change +2, this year 10. Passes: 12.",
    ),
    Rule(
        "X201",
        "section-copied-from-last-year",
        W,
        "与上年报告内容雷同",
        "section copied from last year",
        "与上年报告 {previous} 的同一部分几乎相同（相似度 {actual}，应 {expected}），请按本年度实际情况撰写",
        "nearly the same as this section of last year's report {previous} (similarity {actual}, "
        "expected {expected}); write about this year",
        "Fails (warning): 五、存在的主要问题及改进情况 copied from last year with only the years changed. "
        "Passes: a section written anew; short boilerplate such as `无。` and the opening paragraph are "
        "not compared.",
    ),
    Rule(
        "X202",
        "tables-identical-to-last-year",
        W,
        "表格数字与上年完全相同",
        "tables identical to last year's",
        "表二、表三、表四的 {actual} 个数字与上年报告 {previous} 完全相同",
        "all {actual} figures of tables 二, 三 and 四 are the same as in last year's report {previous}",
        "Fails (warning): this year's tables are last year's tables. Passes: any figure differs, or "
        "both years are all zero."
    ),
    Rule(
        "N001",
        "narrative-figure-mismatch",
        W,
        "正文中的数字与表格不一致",
        "a number in the text disagrees with the tables",
        "正文写“{sentence}”，其中{figure}为 {actual}，但{source_zh} 为 {expected}",
        "the text says “{sentence}”, giving {figure_en} ({figure}) as {actual}, but {source_en} is {expected}",
        "Fails (warning): `新收政府信息公开申请171件` in the text while 表三 一、本年新收政府信息公开申请数量 "
        "totals 170. Passes: `新收政府信息公开申请170件`; approximate wording (`2300余条`, `约170件`), "
        "percentages, years and counts of other things are never compared.",
    ),
    Rule(
        "N002",
        "placeholder-unknown",
        E,
        "正文中的占位符没有对应的数字",
        "a placeholder in the text names nothing",
        "正文中的占位符“{placeholder}”既不是 {format} 年格式的数字名称，也不是表格单元格的路径"
        "（用 reportgen placeholders --format {format} 查看）{suggestion_zh}",
        "the placeholder “{placeholder}” is neither a figure name nor a table cell path of the {format} format "
        "(see reportgen placeholders --format {format}){suggestion_en}",
        "Fails: `全年新收申请{新收申请数}件` (did you mean 新收申请?), `{__class__}`, `{收费金额}` in a "
        "2019-format report. Passes: `全年新收申请{新收申请}件`, `{applications.results.granted.total}`, "
        "`{{新收申请}}` (prints {新收申请}), and braces around anything but a bare name (`{{ 7*7 }}`, "
        "`{ 新收申请 }`), which print as written.",
    ),
    Rule(
        "N003",
        "placeholder-unclosed",
        W,
        "正文中的占位符缺少右花括号",
        "a placeholder in the text is not closed",
        "正文中的“{placeholder}”以左花括号开头但没有右花括号，将按原文印出；如是占位符，请补上右花括号",
        "“{placeholder}” opens with a brace that is never closed, so it prints as written; if it is a "
        "placeholder, add the closing brace",
        "Fails (warning): `全年新收申请{新收申请件。` Passes: `全年新收申请{新收申请}件。`, and braces "
        "closed later on the line (`{注：略}`), which print as written.",
    ),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}

FAMILIES: dict[str, tuple[str, str]] = {
    "F": ("文件", "file"),
    "S": ("结构", "structure"),
    "V": ("数值", "values"),
    "T": ("勾稽关系", "table arithmetic"),
    "C": ("完整性", "completeness"),
    "X": ("跨年度", "cross-year"),
    "N": ("文字与数字", "narrative and numbers"),
}
