"""Rules for reports imported from a published file, on what the import found (`Report.imported`): cells it could
not read (未读出, never 未填写), the section headings as printed, rows whose run-together digits cannot add up."""

from __future__ import annotations

from gkassist.checks.findings import ERROR, WARNING, Finding, cell_finding
from gkassist.core import formats
from gkassist.core.model import Report

NUMERALS = "一二三四五六"


def unread_cells(report: Report) -> set[tuple[str, str, str]]:
    return set(report.imported.unread_cells) if report.imported else set()


def check_unread(report: Report) -> list[Finding]:
    """Each cell the import could not read, with its place: the published report may well have printed it."""
    return [cell_finding(report, "UNREAD", WARNING, t, r, c, "未读出：导入时没能从原文读出这一格，请对照原文核对后填写")
            for t, r, c in (report.imported.unread_cells if report.imported else [])]


def check_inconsistent_rows(report: Report) -> list[Finding]:
    """A row printed as one run of digits that no split makes add up is the published table's own error."""
    out = []
    for table_id, row_id, digits in report.imported.inconsistent_rows if report.imported else []:
        if table_id == "t4":
            rule, where, what = "T4-SUMS", "表四", "行政复议、行政诉讼各自的总计都等于结果维持、结果纠正、其他结果、尚未审结之和"
        else:
            rule, what = "T3-COLUMNS", "总计等于自然人与五类法人或其他组织之和"
            where = formats.cell_location(report.format_version, table_id, row_id, "total").rsplit(" · ", 1)[0]
        out.append(Finding(rule, ERROR, where, f"原表这一行的数字连在一起（{digits}），没有一种拆法能使{what}：公布的表格本身不一致"
                                                "（这一行未读出）", table_id, row_id))
    return out


def check_headings(report: Report) -> list[Finding]:
    """The six section headings of an imported report: each present (SECTION-MISSING says which is not), in the
    official order, numbered 一 to 六 (SECTION-HEADINGS).  A draft made here always has them."""
    if not report.imported or not report.imported.headings:
        return []
    out = []
    printed = report.imported.headings
    order = list(formats.SECTION_HEADINGS)
    present = [sid for sid, _ in printed]
    for sid in order:
        if sid not in present:
            out.append(Finding("SECTION-MISSING", WARNING if sid == "other" else ERROR, formats.SECTION_HEADINGS[sid],
                               f"报告里没有这一部分（找不到标题“{formats.SECTION_HEADINGS[sid]}”）", section=sid))
    in_place = _longest_in_order([order.index(sid) for sid in present])
    for i, (sid, heading) in enumerate(printed):
        if i not in in_place:
            before = [s for s in order[:order.index(sid)] if s in present]
            after = f"应在“{formats.SECTION_HEADINGS[before[-1]]}”之后" if before else "应在最前面"
            out.append(Finding("SECTION-HEADINGS", WARNING, formats.SECTION_HEADINGS[sid],
                               f"标题“{heading}”的位置不对（{after}），六个部分应按一至六的顺序", section=sid))
            continue
        number = NUMERALS[order.index(sid)]
        if not heading.startswith(number):
            out.append(Finding("SECTION-HEADINGS", WARNING, formats.SECTION_HEADINGS[sid],
                               f"标题印作“{heading}”，应编号为“{number}、”", section=sid))
    return out


def _longest_in_order(ranks: list[int]) -> set[int]:
    """Indexes of the longest run (not necessarily contiguous) of headings in the official order: the others are
    the ones out of place (a swap of 五 and 六 names one heading, not both)."""
    best: list[list[int]] = []
    for i, rank in enumerate(ranks):
        before = [b for j, b in enumerate(best) if ranks[j] < rank]
        best.append(max(before, key=len, default=[]) + [i])
    return set(max(best, key=len, default=[]))
