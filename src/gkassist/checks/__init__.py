"""The 勾稽 rules and the defects evaluators punish, each a check with the stable id of the spec.

Every finding names the exact cell (table, row, column) or the paragraph, in Chinese.  The table rules
test the relations declared in `core.formats`; the README's rule table is tested against `RULES`.
"""

from __future__ import annotations

from datetime import date

from gkassist.checks.findings import ERROR, SEVERITY_LABELS, WARNING, Finding
from gkassist.checks.imported import check_headings, check_inconsistent_rows, check_unread, unread_cells
from gkassist.checks.tables import check_blank, check_cross_year, check_equations, check_version
from gkassist.checks.text import (
    check_placeholders,
    check_preface,
    check_repeat,
    check_sections,
    check_stale_year,
    check_text_numbers,
    check_timeliness,
    deadline,
)
from gkassist.core.model import Report

__all__ = ["ERROR", "WARNING", "SEVERITY_LABELS", "Finding", "RULES", "check", "check_placeholders",
           "check_text_numbers", "deadline"]

# The rules, their meaning (README lists them from here).
RULES: dict[str, str] = {
    "T3-BALANCE": "表三每一列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理",
    "T3-RESULTS": "表三每一列：（七）总计 = （一）至（六）各项办理结果之和",
    "T3-COLUMNS": "表三每一行：总计 = 自然人 + 五类法人或其他组织（有“小计”列时，小计 = 五类之和）",
    "T4-SUMS": "表四：行政复议、未经复议直接起诉、复议后起诉各自的总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    "T2-VALID": "表二（2021年版）：本年废止件数不超过上年现行有效件数 + 本年制发件数",
    "VERSION": "格式版本与年度相符：2021年及以后用2021年版格式，2019、2020年用2019年版格式；表三不得沿用2019年版的“（六）其他处理”一行",
    "X-CARRY": "跨年度：本年“二、上年结转”= 上年“四、结转下年度继续办理”（逐列）",
    "X-VALID": "跨年度（2021年版）：上年现行有效件数 + 本年制发 − 本年废止 = 本年现行有效件数",
    "TEXT-NUMBERS": "正文写出的数字（收到申请N件、行政复议N件、制发和现行有效规范性文件N件等）须与表格一致",
    "PLACEHOLDER": "正文不得留有占位符（X条、XX镇、××、【】、（单位名称）、20XX年等）",
    "SECTION5-EMPTY": "五、存在的主要问题及改进情况不得为空、为“无”或没有具体问题",
    "SECTION6-FEES": "有收费（表二行政事业性收费或正文提到收费）时，六应说明信息处理费收取情况",
    "SECTION-MISSING": "一、总体情况和六、其他需要报告的事项不得为空；导入的报告缺了哪一部分（找不到标题），指出是哪一部分",
    "SECTION-HEADINGS": "导入的报告：六个部分的标题按一至六的顺序排列、编号为“一、”至“六、”",
    "TEXT-YEAR": "正文中以往年年份开头的句子（如2024年度报告里的“2023年，我局……”），可能是沿用了往年报告（五不查）",
    "PREFACE": "正文前的说明段落应写明编制依据（《条例》）、统计期限（1月1日至12月31日）和联系方式",
    "REPEAT": "正文与上年报告逐句比对的重复率：超过30%提醒，超过50%错误（法定套话不计）",
    "BLANK": "应填数字的单元格为空白或“/”（空白不等于0）",
    "UNREAD": "导入的报告中没能从原文读出的单元格（未读出，不是未填写），逐格列出",
    "TIMELINESS": "生成日期已过法定公开期限（部门和乡镇次年1月31日，县级以上政府本级次年3月31日，或本地设定日期）",
}


def check(report: Report, last_year: Report | None = None, today: date | None = None) -> list[Finding]:
    """All findings, errors first.  `today` enables TIMELINESS (drafts, not published reports)."""
    findings = (
        check_version(report)
        + check_equations(report)
        + check_text_numbers(report)
        + check_placeholders(report)
        + check_sections(report)
        + check_headings(report)
        + check_inconsistent_rows(report)
        + check_stale_year(report)
        + check_preface(report)
    )
    if last_year is not None:
        findings += check_cross_year(report, last_year) + check_repeat(report, last_year)
    if today is not None:
        findings += check_timeliness(report, today)
    unread = unread_cells(report)
    findings += check_unread(report) + [f for f in check_blank(report) if (f.table, f.row, f.column) not in unread]
    return sorted(findings, key=lambda f: f.severity != ERROR)
