"""The table rules: the declared 勾稽 relations, the format version, blank cells and last year's figures."""

from __future__ import annotations

from gkassist.checks.findings import ERROR, WARNING, Finding, cell_finding
from gkassist.core import formats
from gkassist.core.formats import T3_APPLICANT_COLUMNS, Equation
from gkassist.core.model import NOT_APPLICABLE, Report
from gkassist.core.numbers import format_number as _fmt


def _column_label(report: Report, col: str) -> str:
    return "小计" if col == "subtotal" else report.format.t3.column("new", col).label


def _sum(values: dict, cells) -> float:
    return sum(values[a] or 0 for a in cells)


def _message(report: Report, eq: Equation, values: dict) -> str:
    """The plain words for a broken relation, naming the figures on both sides."""
    row, col = eq.total
    total = values[eq.total] or 0
    parts = _sum(values, eq.right)
    if eq.rule == "T3-BALANCE":
        (new, carried), (results, nxt) = eq.left, eq.right
        return (f"{_column_label(report, col)}列：本年新收{_fmt(values[new])} + 上年结转{_fmt(values[carried])} = "
                f"{_fmt(_sum(values, eq.left))}，但办理结果总计{_fmt(values[results])} + 结转下年度{_fmt(values[nxt])} = {_fmt(parts)}")
    if eq.rule == "T3-RESULTS":
        return f"{_column_label(report, col)}列：（一）至（六）各项之和为{_fmt(parts)}，但（七）总计填的是{_fmt(total)}"
    if eq.rule == "T3-COLUMNS":
        what, name = ("五类法人或其他组织", "小计") if col == "subtotal" else ("自然人与五类法人或其他组织", "总计")
        return f"{what}之和为{_fmt(parts)}，但{name}填的是{_fmt(total)}"
    block = dict(formats.T4_BLOCKS)[col.split(".")[0]]
    return f"{block}：结果维持、结果纠正、其他结果、尚未审结之和为{_fmt(parts)}，但总计填的是{_fmt(total)}"


def check_equations(report: Report, table_id: str | None = None) -> list[Finding]:
    """Every declared relation (T3-BALANCE, T3-RESULTS, T3-COLUMNS, T4-SUMS) that the figures break."""
    out = []
    for eq in report.format.equations(table_id, subtotal=report.has_subtotal()):
        value_of = lambda a, t=eq.table: report.number(t, *a)  # noqa: E731
        if eq.holds(value_of) is False:
            values = {a: value_of(a) for a in eq.cells}
            out.append(cell_finding(report, eq.rule, ERROR, eq.table, *eq.total, _message(report, eq, values)))
    return out


def check_version(report: Report) -> list[Finding]:
    expected = formats.format_for_year(report.year)
    if report.format_version == expected:
        if report.t3_single_other_row:
            return [cell_finding(report, "VERSION", ERROR, "t3", "other_3", "total",
                                 "表三用的是2019年版格式的“（六）其他处理”一行；2021年版分为“1.申请人无正当理由逾期不补正…”"
                                 "“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三项，导入时已计入“3.其他”")]
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
                out.append(cell_finding(report, "BLANK", WARNING, table_id, row.id, col.id, "未填写（没有的请填0，不适用的填“/”）"))
            elif v == NOT_APPLICABLE and table_id != "t2":
                out.append(cell_finding(report, "BLANK", WARNING, table_id, row.id, col.id, "填了“/”，此处应为数字（没有的请填0）"))
    return out


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
            out.append(cell_finding(
                report, "X-CARRY", ERROR, "t3", "carried", c,
                f"{label}列：本年上年结转{_fmt(this)}件，但上年报告结转下年度继续办理为{_fmt(prev)}件",
            ))
    if report.format_version == "2021" and last.format_version == "2021":
        for r, label in formats.IN_FORCE_ROWS:
            prev = last.number("t2", r, "in_force")
            issued = report.number("t2", r, "issued")
            repealed = report.number("t2", r, "repealed")
            now = report.number("t2", r, "in_force")
            if None in (prev, issued, repealed):
                continue
            if repealed > prev + issued:
                out.append(cell_finding(
                    report, "T2-VALID", ERROR, "t2", r, "repealed",
                    f"{label}：本年废止{_fmt(repealed)}件，超过上年现行有效{_fmt(prev)}件与本年制发{_fmt(issued)}件之和",
                ))
            expected = formats.in_force_now(prev, issued, repealed)
            if now is not None and expected != now:
                out.append(cell_finding(
                    report, "X-VALID", ERROR, "t2", r, "in_force",
                    f"{label}：上年现行有效{_fmt(prev)} + 本年制发{_fmt(issued)} − 本年废止{_fmt(repealed)} = {_fmt(expected)}，"
                    f"但本年现行有效填的是{_fmt(now)}",
                ))
    return out
