"""The 勾稽 rules and the defects evaluators punish, each a check with the stable id of the spec.

Every finding names the exact cell (table, row, column) or the paragraph, in Chinese.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from . import formats
from .formats import T3_APPLICANT_COLUMNS, T3_ORG_COLUMNS, T4_BLOCKS, cell_location
from .model import NOT_APPLICABLE, Report
from .textnums import parse_number
from . import repetition
from .corpus import SLOT_MARK

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "提醒"}

# The rules, their meaning (README lists them from here).
RULES: dict[str, str] = {
    "T3-BALANCE": "表三每一列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理",
    "T3-RESULTS": "表三每一列：（七）总计 = （一）至（六）各项办理结果之和",
    "T3-COLUMNS": "表三每一行：总计 = 自然人 + 五类法人或其他组织（有“小计”列时，小计 = 五类之和）",
    "T4-SUMS": "表四：行政复议、未经复议直接起诉、复议后起诉各自的总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    "T2-VALID": "表二（2021年版）：本年废止件数不超过上年现行有效件数 + 本年制发件数",
    "VERSION": "格式版本与年度相符：2021年及以后用2021年版格式，2019、2020年用2019年版格式",
    "X-CARRY": "跨年度：本年“二、上年结转”= 上年“四、结转下年度继续办理”（逐列）",
    "X-VALID": "跨年度（2021年版）：上年现行有效件数 + 本年制发 − 本年废止 = 本年现行有效件数",
    "TEXT-NUMBERS": "正文写出的数字（收到申请N件、行政复议N件、制发规范性文件N件等）须与表格一致",
    "PLACEHOLDER": "正文不得留有占位符（X条、XX镇、××、【】、（单位名称）、20XX年等）",
    "SECTION5-EMPTY": "五、存在的主要问题及改进情况不得为空、为“无”或没有具体问题",
    "SECTION6-FEES": "有收费（表二行政事业性收费或正文提到收费）时，六应说明信息处理费收取情况",
    "SECTION-MISSING": "一、总体情况和六、其他需要报告的事项不得为空",
    "REPEAT": "正文与上年报告逐句比对的重复率：超过30%提醒，超过50%错误（法定套话不计）",
    "BLANK": "应填数字的单元格为空白或“/”（空白不等于0）",
    "TIMELINESS": "生成日期已过法定公开期限（部门和乡镇次年1月31日，县级以上政府本级次年3月31日，或本地设定日期）",
}


@dataclass
class Finding:
    rule: str
    severity: str  # "error" | "warning"
    location: str
    message: str
    # The machine address of the cell ("t3", "results_total", "natural") or of the section.
    table: str | None = None
    row: str | None = None
    column: str | None = None
    section: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        return f"[{SEVERITY_LABELS[self.severity]}] {self.rule} {self.location}：{self.message}"


def _num(report: Report, t: str, r: str, c: str) -> float:
    v = report.number(t, r, c)
    return 0 if v is None else v


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _cell_finding(report: Report, rule: str, severity: str, t: str, r: str, c: str, message: str) -> Finding:
    return Finding(rule, severity, cell_location(report.format_version, t, r, c), message, t, r, c)


def _is_number(report: Report, t: str, r: str, c: str) -> bool:
    return report.number(t, r, c) is not None


def _t3_columns(report: Report) -> list[str]:
    cols = [c.id for c in report.format.t3.groups[0].columns]
    if report.has_subtotal():
        cols.insert(cols.index("total"), "subtotal")
    return cols


# ------------------------------------------------------------------ table rules
def check_t3(report: Report) -> list[Finding]:
    out: list[Finding] = []
    fmt = report.format
    for c in _t3_columns(report):
        col_label = "小计" if c == "subtotal" else fmt.t3.column("new", c).label
        if all(_is_number(report, "t3", r, c) for r in ("new", "carried", "results_total", "carry_next")):
            left = _num(report, "t3", "new", c) + _num(report, "t3", "carried", c)
            right = _num(report, "t3", "results_total", c) + _num(report, "t3", "carry_next", c)
            if left != right:
                out.append(_cell_finding(
                    report, "T3-BALANCE", ERROR, "t3", "carry_next", c,
                    f"{col_label}列：本年新收{_fmt(_num(report, 't3', 'new', c))} + 上年结转{_fmt(_num(report, 't3', 'carried', c))} = {_fmt(left)}，"
                    f"但办理结果总计{_fmt(_num(report, 't3', 'results_total', c))} + 结转下年度{_fmt(_num(report, 't3', 'carry_next', c))} = {_fmt(right)}",
                ))
        if _is_number(report, "t3", "results_total", c):
            parts = sum(_num(report, "t3", r, c) for r in fmt.t3_result_rows)
            total = _num(report, "t3", "results_total", c)
            if parts != total:
                out.append(_cell_finding(
                    report, "T3-RESULTS", ERROR, "t3", "results_total", c,
                    f"{col_label}列：（一）至（六）各项之和为{_fmt(parts)}，但（七）总计填的是{_fmt(total)}",
                ))
    has_subtotal = report.has_subtotal()
    for row in fmt.t3.rows:
        r = row.id
        if _is_number(report, "t3", r, "total"):
            parts = sum(_num(report, "t3", r, c) for c in T3_APPLICANT_COLUMNS)
            if parts != _num(report, "t3", r, "total"):
                out.append(_cell_finding(
                    report, "T3-COLUMNS", ERROR, "t3", r, "total",
                    f"自然人与五类法人或其他组织之和为{_fmt(parts)}，但总计填的是{_fmt(_num(report, 't3', r, 'total'))}",
                ))
        if has_subtotal and _is_number(report, "t3", r, "subtotal"):
            parts = sum(_num(report, "t3", r, c) for c in T3_ORG_COLUMNS)
            if parts != _num(report, "t3", r, "subtotal"):
                out.append(_cell_finding(
                    report, "T3-COLUMNS", ERROR, "t3", r, "subtotal",
                    f"五类法人或其他组织之和为{_fmt(parts)}，但小计填的是{_fmt(_num(report, 't3', r, 'subtotal'))}",
                ))
    return out


def check_t4(report: Report) -> list[Finding]:
    out: list[Finding] = []
    for block, label in T4_BLOCKS:
        total_col = f"{block}.total"
        if not _is_number(report, "t4", "cases", total_col):
            continue
        parts = sum(_num(report, "t4", "cases", f"{block}.{o}") for o in formats.T4_PARTS)
        total = _num(report, "t4", "cases", total_col)
        if parts != total:
            out.append(_cell_finding(
                report, "T4-SUMS", ERROR, "t4", "cases", total_col,
                f"{label}：结果维持、结果纠正、其他结果、尚未审结之和为{_fmt(parts)}，但总计填的是{_fmt(total)}",
            ))
    return out


def check_version(report: Report) -> list[Finding]:
    expected = formats.format_for_year(report.year)
    if report.format_version == expected:
        return []
    if report.format_version == "2019":
        msg = f"{report.year}年度报告应使用2021年版格式（国办公开办函〔2021〕30号），却使用了2019年版旧格式"
    else:
        msg = f"{report.year}年度报告应使用2019年版格式（国办公开办函〔2019〕60号），却使用了2021年版格式"
    return [Finding("VERSION", ERROR, "格式版本", msg)]


def check_blank(report: Report) -> list[Finding]:
    out = []
    for table_id, table in report.format.tables.items():
        for _, row, col in table.cells():
            v = report.cell(table_id, row.id, col.id)
            if v is None:
                out.append(_cell_finding(report, "BLANK", WARNING, table_id, row.id, col.id, "未填写（没有的请填0，不适用的填“/”）"))
            elif v == NOT_APPLICABLE and table_id != "t2":
                out.append(_cell_finding(report, "BLANK", WARNING, table_id, row.id, col.id, "填了“/”，此处应为数字（没有的请填0）"))
    return out


# ------------------------------------------------------------------ cross-year rules
def check_cross_year(report: Report, last: Report) -> list[Finding]:
    out: list[Finding] = []
    if last.year != report.year - 1:
        out.append(Finding("X-CARRY", WARNING, "上年报告", f"给出的上年报告是{last.year}年度，本报告是{report.year}年度，不是相邻年度"))
    for c in T3_APPLICANT_COLUMNS + ("total",):
        this = report.number("t3", "carried", c)
        prev = last.number("t3", "carry_next", c)
        if this is None or prev is None:
            continue
        if this != prev:
            label = report.format.t3.column("carried", c).label
            out.append(_cell_finding(
                report, "X-CARRY", ERROR, "t3", "carried", c,
                f"{label}列：本年上年结转{_fmt(this)}件，但上年报告结转下年度继续办理为{_fmt(prev)}件",
            ))
    if report.format_version == "2021" and last.format_version == "2021":
        for r, label in (("rules", "规章"), ("normative", "行政规范性文件")):
            prev = last.number("t2", r, "in_force")
            issued = report.number("t2", r, "issued")
            repealed = report.number("t2", r, "repealed")
            now = report.number("t2", r, "in_force")
            if None in (prev, issued, repealed):
                continue
            if repealed > prev + issued:
                out.append(_cell_finding(
                    report, "T2-VALID", ERROR, "t2", r, "repealed",
                    f"{label}：本年废止{_fmt(repealed)}件，超过上年现行有效{_fmt(prev)}件与本年制发{_fmt(issued)}件之和",
                ))
            if now is not None and prev + issued - repealed != now:
                out.append(_cell_finding(
                    report, "X-VALID", ERROR, "t2", r, "in_force",
                    f"{label}：上年现行有效{_fmt(prev)} + 本年制发{_fmt(issued)} − 本年废止{_fmt(repealed)} = {_fmt(prev + issued - repealed)}，"
                    f"但本年现行有效填的是{_fmt(now)}",
                ))
    return out


# ------------------------------------------------------------------ text rules
_NUM = r"([0-9０-９][0-9０-９,，]*|[零〇一二两三四五六七八九十百千万]+)"
# (pattern, what the number is, how to compute it from the tables); the patterns run on text with
# whitespace removed, since PDF text puts spaces around digits ("3119 件").
_TEXT_NUMBER_PATTERNS: list[tuple[re.Pattern, str, str, tuple]] = [
    (re.compile(r"(?:收到|受理|接收|新收|接到)[^。；，,]{0,16}?政府信息公开申请件?(?:共计|共|合计)?" + _NUM + r"[件条]"),
     "收到政府信息公开申请", "t3", ("new", "total")),
    (re.compile(r"共?收到" + _NUM + r"件[^。；，]{0,6}申请"),
     "收到政府信息公开申请", "t3", ("new", "total")),
    # “收到申请5件” (not 受理: “受理申请41件” is as often 行政许可)
    (re.compile(r"(?:收到|新收|接收)(?:依)?申请(?:共计|共|合计)?" + _NUM + r"件"),
     "收到政府信息公开申请", "t3", ("new", "total")),
    (re.compile(r"行政复议(?:案件)?(?:共计|共)?" + _NUM + r"件"), "行政复议", "t4", ("cases", "review.total")),
    (re.compile(r"行政诉讼(?:案件)?(?:共计|共)?" + _NUM + r"件"), "行政诉讼", "t4_suits", ()),
    (re.compile(r"制发(?:的)?(?:行政)?规范性文件" + _NUM + r"件"), "制发规范性文件", "t2", ("normative", "issued")),
]


def _paragraphs(report: Report):
    for i, p in enumerate(report.preface, 1):
        yield "preface", i, p
    for sid in formats.NARRATIVE_SECTIONS:
        for i, p in enumerate(report.paragraphs(sid), 1):
            yield sid, i, p
    for sid, lines in report.extra_lines.items():
        for i, p in enumerate(lines, 1):
            yield sid, i, p


def _para_location(section_id: str, index: int) -> str:
    heading = "报告开头" if section_id == "preface" else formats.SECTION_HEADINGS[section_id]
    return f"{heading} · 第{index}段"


def check_text_numbers(report: Report) -> list[Finding]:
    out: list[Finding] = []
    for sid, i, para in _paragraphs(report):
        flat = re.sub(r"\s+", "", para)
        for pattern, what, table, address in _TEXT_NUMBER_PATTERNS:
            if table == "t2" and report.format_version != "2021":
                continue
            for m in pattern.finditer(flat):
                stated = parse_number(m.group(1))
                if stated is None:
                    continue
                if table == "t4_suits":
                    cells = [report.number("t4", "cases", f"{b}.total") for b in ("suit_direct", "suit_after_review")]
                    if None in cells:
                        continue
                    actual = sum(cells)
                    where = "表四 行政诉讼总计"
                else:
                    actual = report.number(table, *address)
                    if actual is None:
                        continue
                    where = cell_location(report.format_version, table, *address)
                # "收到申请N件" is often written with last year's carried-over ones included
                also = []
                if address == ("new", "total") and report.number("t3", "carried", "total") is not None:
                    also.append(actual + report.number("t3", "carried", "total"))
                if stated != actual and stated not in also:
                    out.append(Finding(
                        "TEXT-NUMBERS", ERROR, _para_location(sid, i),
                        f"正文写“{m.group(0)}”，但{where}为{_fmt(actual)}", section=sid,
                    ))
    return out


_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])[XxＸｘ×]{1,3}(?=[条件个万项次人元镇乡村街年月日%％])"
    r"|[×＊*]{2,}"
    r"|【\s*】|\[\s*\]|【[^】]{0,12}(?:填写|名称|单位|待定|待补)[^】]{0,12}】"
    r"|（(?:单位名称|机关名称|填写|待补充|待填)）"
    r"|20[XxＸｘ]{2}年|[XxＸ]{2}[镇乡街区县市局]"
    r"|(?<![A-Za-z])[XYZ](?:万余?|余)?条"
    r"|" + SLOT_MARK.pattern  # a slot of a reused sentence not yet filled in
)


def check_placeholders(report: Report) -> list[Finding]:
    out = []
    texts = [("title", 1, report.title), ("agency", 1, report.agency)]
    for sid, i, p in texts + list(_paragraphs(report)):
        m = _PLACEHOLDER.search(p)
        if m:
            loc = {"title": "标题", "agency": "机关名称"}.get(sid) or _para_location(sid, i)
            out.append(Finding("PLACEHOLDER", ERROR, loc, f"留有占位符“{m.group(0)}”，请换成实际内容", section=sid))
    return out


_PROBLEM_WORDS = re.compile(r"问题|不足|短板|差距|薄弱|不够|有待|欠缺|滞后|不及时|不充分|不到位|不全面|不高|偏少|较少")


def check_sections(report: Report) -> list[Finding]:
    out = []
    problems = "".join(report.paragraphs("problems")).strip()
    loc = formats.SECTION_HEADINGS["problems"]
    if not problems:
        out.append(Finding("SECTION5-EMPTY", ERROR, loc, "本部分为空，应写明本年度存在的具体问题和改进措施", section="problems"))
    elif re.fullmatch(r"[无無没有。.\s]*", problems) or problems in ("暂无", "无。", "本年度无"):
        out.append(Finding("SECTION5-EMPTY", ERROR, loc, f"本部分只写了“{problems}”，应写明具体问题和改进措施", section="problems"))
    elif not _PROBLEM_WORDS.search(problems):
        out.append(Finding("SECTION5-EMPTY", ERROR, loc, "本部分没有写出任何具体问题（只有成绩或套话）", section="problems"))
    for sid in ("overview", "other"):
        if not "".join(report.paragraphs(sid)).strip():
            out.append(Finding("SECTION-MISSING", ERROR if sid == "overview" else WARNING, formats.SECTION_HEADINGS[sid],
                               "本部分为空" + ("，至少应说明信息处理费收取情况（如“本年度未收取信息处理费”）" if sid == "other" else ""),
                               section=sid))
    fee_amount = None
    if report.format_version == "2021":
        fee_amount = report.number("t2", "fees", "fee_amount")
    mentions_fees = bool(re.search(r"收取[^。]{0,10}(?:费|费用)|信息处理费", "".join(report.paragraphs("overview")) + "".join(report.paragraphs("problems"))))
    other = "".join(report.paragraphs("other"))
    if ((fee_amount or 0) > 0 or mentions_fees) and not re.search(r"信息处理费|收费|收取费用", other):
        why = f"表二行政事业性收费为{_fmt(fee_amount)}万元" if (fee_amount or 0) > 0 else "正文提到收费"
        out.append(Finding("SECTION6-FEES", WARNING, formats.SECTION_HEADINGS["other"],
                           f"{why}，但六未说明信息处理费收取情况", section="other"))
    return out


def check_repeat(report: Report, last: Report) -> list[Finding]:
    result = repetition.compare(report, last)
    out = []
    per_section = "，".join(f"{formats.SECTION_HEADINGS[s][2:]}{r:.0%}" for s, r in result.per_section.items())
    if result.overall > repetition.ERROR_RATE:
        sev = ERROR
    elif result.overall > repetition.WARNING_RATE:
        sev = WARNING
    else:
        sev = None
    if sev:
        out.append(Finding("REPEAT", sev, "全文", f"正文与{last.year}年度报告重复率{result.overall:.0%}（{per_section}）"))
    p = result.per_section.get("problems")
    if p is not None and p > repetition.ERROR_RATE:
        out.append(Finding("SECTION5-EMPTY", ERROR, formats.SECTION_HEADINGS["problems"],
                           f"与{last.year}年度报告的问题和改进部分重复率{p:.0%}，基本照抄上年", section="problems"))
    elif p is not None and p > repetition.WARNING_RATE:
        out.append(Finding("SECTION5-EMPTY", WARNING, formats.SECTION_HEADINGS["problems"],
                           f"与{last.year}年度报告的问题和改进部分重复率{p:.0%}", section="problems"))
    return out


# ------------------------------------------------------------------ timeliness
def deadline(report: Report) -> date:
    if report.local_deadline:
        return report.local_deadline
    if report.level == "government":
        return date(report.year + 1, 3, 31)
    return date(report.year + 1, 1, 31)


def check_timeliness(report: Report, today: date) -> list[Finding]:
    due = deadline(report)
    if today > due:
        return [Finding("TIMELINESS", WARNING, "公开期限",
                        f"{report.year}年度报告应于{due:%Y年%m月%d日}前公开，今天（{today:%Y年%m月%d日}）已过期限")]
    return []


# ------------------------------------------------------------------ entry point
def check(report: Report, last_year: Report | None = None, today: date | None = None) -> list[Finding]:
    """All findings, errors first.  `today` enables TIMELINESS (drafts, not published reports)."""
    findings = (
        check_version(report)
        + check_t3(report)
        + check_t4(report)
        + check_text_numbers(report)
        + check_placeholders(report)
        + check_sections(report)
    )
    if last_year is not None:
        findings += check_cross_year(report, last_year) + check_repeat(report, last_year)
    if today is not None:
        findings += check_timeliness(report, today)
    findings += check_blank(report)
    return sorted(findings, key=lambda f: f.severity != ERROR)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
