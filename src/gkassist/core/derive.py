"""What follows from cells already known: totals from the declared sums, next year's draft from last year's.

Nothing here is asked of the clerk: a total is computed from its parts (the `Equation`s of `formats`),
上年结转 is last year's 结转下年度, 现行有效 is last year's plus issued minus repealed.
"""

from __future__ import annotations

from gkassist.core import formats
from gkassist.core.model import Report


def fill_totals(report: Report, table_id: str) -> None:
    """Set every derivable total of a table from its parts (blank parts count as 0), in the declared order."""
    fmt = report.format
    for eq in fmt.equations(table_id, subtotal=table_id == "t3" and report.has_subtotal()):
        if eq.derivable:
            row, col = eq.total
            report.set_cell(eq.table, row, col, sum(report.number(eq.table, r, c) or 0 for r, c in eq.right))


def carried_cells(last: Report) -> dict[str, int | float]:
    """This year's 二、上年结转 = last year's 四、结转下年度继续办理, column by column."""
    out = {}
    for col in formats.T3_APPLICANT_COLUMNS + ("total",):
        value = last.number("t3", "carry_next", col)
        if value is not None:
            out[col] = value
    return out


def last_in_force(last: Report) -> dict[str, int | float]:
    """Last year's 现行有效件数 (2021 format only; the 2019 format has no such column)."""
    if last.format_version != "2021":
        return {}
    return {r: v for r, _ in formats.IN_FORCE_ROWS if (v := last.number("t2", r, "in_force")) is not None}


def next_year_draft(last: Report, year: int | None = None) -> tuple[Report, list[str]]:
    """A draft for the year after `last`, in the format that year requires, and what it still needs."""
    year = year or last.year + 1
    version = formats.format_for_year(year)
    draft = Report.blank(version, last.agency, year, level=last.level, origin="draft", local_deadline=None)
    for col, value in carried_cells(last).items():
        draft.set_cell("t3", "carried", col, value)
    missing = []
    if version == "2021" and last.format_version == "2019":
        missing.append("表二 规章和行政规范性文件的现行有效件数（2019年版格式没有这一栏，须按实际填写）")
        missing.append("表三 （六）其他处理 的三个细项（2019年版只有一行）")
    missing += [
        "表二 本年数据",
        "表三 本年新收申请及办理结果",
        "表四 行政复议、行政诉讼情况",
        formats.SECTION_HEADINGS["overview"],
        formats.SECTION_HEADINGS["problems"],
        formats.SECTION_HEADINGS["other"],
    ]
    return draft, missing
