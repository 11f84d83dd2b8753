"""The table rules: the declared 勾稽 relations, the format version, blank cells and last year's figures."""

from __future__ import annotations

from gkassist.checks.findings import ERROR, WARNING, Finding, cell_finding, place_finding
from gkassist.checks.registry import rule
from gkassist.core import formats, relations
from gkassist.core.model import NOT_APPLICABLE, Report


@rule({"VERSION": "格式版本与年度相符：每一年度用当年适用的格式（2021年及以后用2021年版，2019、2020年用2019年版）；"
                  "表三不得沿用旧格式已拆分的一行（2019年版的“（六）其他处理”）"})
def check_version(report: Report) -> list[Finding]:
    expected = formats.get_format(formats.format_for_year(report.year))
    used = report.format
    if used.version == expected.version:
        if report.t3_single_other_row and used.legacy_rows:
            legacy, row_id = next(iter(used.legacy_rows.items()))
            table = used.t3
            row = table.row(row_id)
            earlier = next((f.name for f in formats.all_formats() if any(r.label == legacy for r in f.t3.rows)), "旧版")
            parts = table.rows_in(row.groups[-1])
            split = "".join(f"“{table.row(r).label.split('、')[0]}{'…' if '、' in table.row(r).label else ''}”" for r in parts)
            return [cell_finding(report, "VERSION", ERROR, "t3", row_id, "total",
                                 f"表三用的是{earlier}格式的“{legacy}”一行；{used.name}分为{split}"
                                 f"{'一二三四五六七八九十'[len(parts) - 1]}项，导入时已计入“{row.label}”")]
        return []
    older = "旧" if used.from_year < expected.from_year else ""
    return [place_finding(report, "VERSION", ERROR, "格式版本",
                          f"{report.year}年度报告应使用{expected.name}格式（{expected.notice}），却使用了{used.name}{older}格式")]


@rule({"T3-BALANCE": "表三每一列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理",
       "T3-RESULTS": "表三每一列：（七）总计 = （一）至（六）各项办理结果之和",
       "T3-COLUMNS": "表三每一行：总计 = 自然人 + 五类法人或其他组织（有“小计”列时，小计 = 五类之和）",
       "T4-SUMS": "表四：行政复议、未经复议直接起诉、复议后起诉各自的总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"})
def check_equations(report: Report, table_id: str | None = None) -> list[Finding]:
    """Every declared relation of the report's format that its figures break."""
    return [cell_finding(report, m.rule, ERROR, *m.at, m.words()) for m in relations.sum_mismatches(report, table_id)]


@rule({"X-CARRY": "跨年度：本年“二、上年结转”= 上年“四、结转下年度继续办理”（逐列）",
       "X-VALID": "跨年度（2021年版）：上年现行有效件数 + 本年制发 − 本年废止 = 本年现行有效件数",
       "T2-VALID": "表二（2021年版）：本年废止件数不超过上年现行有效件数 + 本年制发件数"}, needs="last")
def check_cross_year(report: Report, last: Report) -> list[Finding]:
    """The format's relations between last year's report and this one (上年结转, 现行有效)."""
    out: list[Finding] = []
    if last.year != report.year - 1:
        out.append(place_finding(report, "X-CARRY", WARNING, "上年报告",
                                 f"给出的上年报告是{last.year}年度，本报告是{report.year}年度，不是相邻年度"))
    out += [cell_finding(report, m.rule, ERROR, *m.at, m.words()) for m in relations.year_mismatches(report, last)]
    # a figure of last year's the relation needs, unknown: said, never a silent pass (“0个错误” that checked nothing)
    return out + [cell_finding(report, u.rule, WARNING, *u.at, u.words()) for u in relations.unknown_last_year(report, last)]


@rule({"BLANK": "应填数字的单元格为空白或“/”（空白不等于0）"}, last_in_list=True)
def check_blank(report: Report) -> list[Finding]:
    out = []
    for table_id, table in report.format.tables.items():
        values = report.tables.get(table_id, {})
        for _, row, col in table.cells():
            v = values.get(row.id, {}).get(col.id)
            if v is None:
                out.append(cell_finding(report, "BLANK", WARNING, table_id, row.id, col.id, "未填写（没有的请填0，不适用的填“/”）"))
            elif v == NOT_APPLICABLE and not table.not_applicable:
                out.append(cell_finding(report, "BLANK", WARNING, table_id, row.id, col.id, "填了“/”，此处应为数字（没有的请填0）"))
    return out
