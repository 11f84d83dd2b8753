"""The audit as a page (one sortable, filterable table of units, each unit's findings unfolding; inline CSS
and JS, nothing fetched), as a workbook (units, findings, totals) and as JSON."""

from __future__ import annotations

import io
import json

from gkassist.audit import Audit, Unit
from gkassist.checks.findings import SEVERITY_LABELS
from gkassist.core import formats
from gkassist.core.controls import visible
from gkassist.core.levels import level_name

UNIT_COLUMNS = ("机关", "层级", "年度", "格式", "错误", "提醒", "与上年重复率", "未读出单元格", "文件")


def unit_row(u: Unit) -> list:
    if u.error:
        return ["（无法读取）", "", "", "", 1, 0, "", "", u.path]
    rate = "" if u.repeat_rate is None else f"{u.repeat_rate:.0%}"
    return [u.agency, level_name(u.level), u.year, formats.get_format(u.format_version).name, u.errors, u.warnings, rate,
            u.unread_cells, u.path]


def totals_rows(audit: Audit) -> list[tuple[str, str, str, list[tuple[str, float]]]]:
    """(year and format, table name, row label, [(column label, sum)]) for every summed row with a number."""
    out = []
    for key, tables in sorted(audit.totals.items()):
        year, version = key.split(":")
        fmt = formats.get_format(version)
        for table_id, table in fmt.tables.items():
            sums = tables.get(table_id, {})
            for block in table.blocks:
                for row in block.rows:
                    cols = [(fmt.location_parts(table_id, row.id, c.id)[1], sums.get(row.id, {}).get(c.id)) for c in block.columns]
                    if any(v is not None for _, v in cols):
                        label = " ".join(x for x in (block.title, *row.path, row.label) if x)
                        out.append((group_name(key), fmt.table_name(table_id), label, [(c, v) for c, v in cols if v is not None]))
    return out


def group_name(key: str) -> str:
    year, version = key.split(":")
    return f"{year}年度（{formats.get_format(version).name}）"


def to_json(audit: Audit) -> str:
    return json.dumps(audit.to_dict(), ensure_ascii=False, indent=2)


def to_html(audit: Audit) -> str:
    from gkassist.output import environment

    rows = [{"cells": unit_row(u), "unit": u, "findings": u.findings} for u in audit.units]
    # every value printed on the page shows its control characters (a U+202E in a file name would print it backwards)
    env = environment().overlay(finalize=lambda v: visible(v) if isinstance(v, str) else v)
    return env.get_template("audit.html.j2").render(
        audit=audit, columns=UNIT_COLUMNS, rows=rows, totals=totals_rows(audit),
        counted={group_name(k): n for k, n in audit.totals_counted.items()},
        errors=sum(1 for u in audit.units if u.error or u.errors), count=len(audit.units))


# Text that Excel or WPS would take for a formula (“=HYPERLINK(…)” as an agency, a title or a file name), at
# once or when the cell is edited: stored as a string and marked as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def _as_text(sheet) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                cell.data_type = "s"  # openpyxl made every “=…” a formula when it was appended
                cell.quotePrefix = True


def _add(sheet, values: list) -> None:
    """A row of text from reports and file names: a control character (“\\x1b” in an agency, “\\x07” in a file name)
    shown as “\\u001b”, since openpyxl refuses such a cell and with it the whole workbook."""
    sheet.append([visible(v, keep="\r") if isinstance(v, str) else v for v in values])  # a cell may hold a line break


def to_xlsx(audit: Audit) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    units = book.active
    units.title = "单位"
    _add(units, list(UNIT_COLUMNS))
    for u in audit.units:
        _add(units, unit_row(u))
    findings = book.create_sheet("问题")
    _add(findings, ["机关", "文件", "规则", "级别", "位置", "说明"])
    for u in audit.units:
        if u.error:
            _add(findings, ["（无法读取）", u.path, "UNREADABLE", "错误", "文件", u.error])
        for f in u.findings:
            _add(findings, [u.agency, u.path, f["rule"], SEVERITY_LABELS[f["severity"]], f["location"], f["message"]])
    totals = book.create_sheet("汇总")
    _add(totals, ["各单位报告数字之和（不是一份报告）；表格勾稽不平或无法读取的单位不计入：" + "、".join(audit.left_out_of_totals)])
    _add(totals, ["年度和格式", "表", "行", "列", "合计", "计入单位数"])
    counted = {group_name(k): n for k, n in audit.totals_counted.items()}
    for group, table, row, cols in totals_rows(audit):
        for column, value in cols:
            _add(totals, [group, table, row, column, value, counted[group]])
    if audit.missing or audit.duplicates:
        other = book.create_sheet("缺报和重复")
        _add(other, ["缺报单位"] + audit.missing)
        for paths in audit.duplicates:
            _add(other, ["重复报送"] + paths)
    for sheet in book.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        _as_text(sheet)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
