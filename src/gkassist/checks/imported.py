"""Rules for reports imported from a published file, on what the import found (`Report.imported`): cells it could
not read (未读出, never 未填写), the section headings as printed, rows whose run-together digits cannot add up."""

from __future__ import annotations

from gkassist.checks.findings import ERROR, WARNING, Finding, cell_finding, section_finding
from gkassist.checks.registry import rule
from gkassist.core.model import Report


def unread_cells(report: Report) -> set[tuple[str, str, str]]:
    return set(report.imported.unread_cells) if report.imported else set()


@rule({"UNREAD": "导入的报告中没能从原文读出的单元格（未读出，不是未填写），逐格列出"}, last_in_list=True)
def check_unread(report: Report) -> list[Finding]:
    """Each cell the import could not read, with its place: the published report may well have printed it."""
    return [cell_finding(report, "UNREAD", WARNING, t, r, c, "未读出：导入时没能从原文读出这一格，请对照原文核对后填写")
            for t, r, c in (report.imported.unread_cells if report.imported else [])]


@rule({})  # T3-COLUMNS / T4-SUMS: the published table's own error, where its digits could not be read
def check_inconsistent_rows(report: Report) -> list[Finding]:
    """A row printed as one run of digits that no split makes add up is the published table's own error."""
    out = []
    fmt = report.format
    for table_id, row_id, digits in report.imported.inconsistent_rows if report.imported else []:
        # the row's own sum (总计 = its parts): the rule and the words of the format's declaration
        eq = next((e for e in fmt.equations(table_id) if e.each == "row" and e.total[0] == row_id), None)
        rule_id = eq.rule if eq else "T3-COLUMNS"
        what = "总计等于各项之和" if eq is None else f"总计等于{eq.said or '各项'}之和"
        col = eq.total[1] if eq else fmt.tables[table_id].value_columns()[-1]
        out.append(cell_finding(report, rule_id, ERROR, table_id, row_id, col,
                                f"原表这一行的数字连在一起（{digits}），没有一种拆法能使{what}：公布的表格本身不一致（这一行未读出）"))
    return out


@rule({"SECTION-HEADINGS": "导入的报告：各部分的标题按格式的顺序排列、编号为“一、”“二、”……（报告格式规定的编号）"})
def check_headings(report: Report) -> list[Finding]:
    """The section headings of an imported report: each present (SECTION-MISSING says which is not), in the
    format's order, numbered as the format numbers them (SECTION-HEADINGS).  A draft made here always has them."""
    if not report.imported or not report.imported.headings:
        return []
    out = []
    fmt = report.format
    printed = report.imported.headings
    order = [s.id for s in fmt.sections]
    present = [sid for sid, _ in printed if sid in order]
    for sid in order:
        if sid not in present:
            out.append(section_finding(report, "SECTION-MISSING", WARNING if sid == "other" else ERROR, sid,
                                       f"报告里没有这一部分（找不到标题“{fmt.heading(sid)}”）"))
    in_place = _longest_in_order([order.index(sid) for sid in present])
    for i, (sid, heading) in enumerate((s, h) for s, h in printed if s in order):
        if i not in in_place:
            before = [s for s in order[:order.index(sid)] if s in present]
            after = f"应在“{fmt.heading(before[-1])}”之后" if before else "应在最前面"
            out.append(section_finding(report, "SECTION-HEADINGS", WARNING, sid,
                                       f"标题“{heading}”的位置不对（{after}），各部分应按{fmt.sections[0].number}至"
                                       f"{fmt.sections[-1].number}的顺序"))
            continue
        number = fmt.section(sid).number
        if not heading.startswith(number):
            out.append(section_finding(report, "SECTION-HEADINGS", WARNING, sid, f"标题印作“{heading}”，应编号为“{number}、”"))
    return out


def _longest_in_order(ranks: list[int]) -> set[int]:
    """Indexes of the longest run (not necessarily contiguous) of headings in the official order: the others are
    the ones out of place (a swap of 五 and 六 names one heading, not both)."""
    best: list[list[int]] = []
    for i, rank in enumerate(ranks):
        before = [b for j, b in enumerate(best) if ranks[j] < rank]
        longest = _longest(before)
        best.append(longest + [i])
    return set(_longest(best))


def _longest(runs: list[list[int]]) -> list[int]:
    """The first longest of `runs` (none: empty)."""
    return max(runs, key=lambda run: len(run)) if runs else []
