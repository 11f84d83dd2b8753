"""What follows from cells already known: totals from the declared sums, next year's draft from last year's.

Nothing here is asked of the clerk: a total is computed from its parts (the `Equation`s of the format), a cell
that follows from last year's report (上年结转, 现行有效) from the format's `AcrossYears` relations.
"""

from __future__ import annotations

from gkassist.core import formats, relations
from gkassist.core.model import Report


def fill_totals(report: Report, table_id: str) -> None:
    """Set every derivable total of a table from its parts (blank parts count as 0), in the declared order."""
    for eq in report.format.equations(table_id, with_optional=report.has_optional(table_id)):
        if eq.derivable:
            row, col = eq.total
            cells = report.tables[eq.table]  # report.number's values, read directly: every answer sums every total
            report.set_cell(eq.table, row, col, sum(v for r, c in eq.right
                                                    if (v := cells[r].get(c)) is not None and not isinstance(v, str)))


def from_last_year(report: Report, last: Report, rule: str | None = None) -> dict[formats.CellAddress, int | float]:
    """This year's cells that last year's report gives (by the format's relations across years, `rule` only if
    given): last year's value where the relation adds nothing of this year's (上年结转), else last year's plus
    this year's own cells when they are known (现行有效 = last year's + 制发 − 废止)."""
    return relations.expected_from_last_year(report, last, rule)


def carried_cells(last: Report, version: str | None = None) -> dict[str, int | float]:
    """This year's 二、上年结转 = last year's 四、结转下年度继续办理, column by column."""
    draft = Report.blank(version or formats.format_for_year(last.year + 1), last.agency, last.year + 1)
    return {a.column: v for a, v in from_last_year(draft, last, "X-CARRY").items()}


def last_in_force(last: Report) -> dict[str, int | float]:
    """Last year's 现行有效件数 by 表二 row (none where last year's format has no such column)."""
    fmt = formats.get_format(formats.format_for_year(last.year + 1))
    out = {}
    for relation in fmt.across_years:
        if relation.rule == "X-VALID" and last.format.has(relation.table, *relation.last):
            value = last.number(relation.table, *relation.last)
            if value is not None:
                out[relation.last[0]] = value
    return out


def next_year_draft(last: Report, year: int | None = None) -> tuple[Report, list[str]]:
    """A draft for the year after `last`, in the format that year requires, and what it still needs."""
    year = year or last.year + 1
    fmt = formats.get_format(formats.format_for_year(year))
    draft = Report.blank(fmt.version, last.agency, year, level=last.level, origin="draft", local_deadline=None)
    for (table_id, row_id, col_id), value in from_last_year(draft, last, "X-CARRY").items():
        draft.set_cell(table_id, row_id, col_id, value)
    # what last year's format could not give: a column that follows from last year's (现行有效), rows it lacks
    unknown: dict[tuple[str, str], list[str]] = {}  # (table, its column label) → the rows' labels
    for relation in fmt.across_years:
        if not last.format.has(relation.table, *relation.last):
            table = fmt.tables[relation.table]
            key = (table.name, table.column(*relation.this).label)
            unknown.setdefault(key, []).append(table.row(relation.this[0]).label)
    needs = [f"{name} {'和'.join(rows)}的{column}（{last.format.name}格式没有这一栏，须按实际填写）"
             for (name, column), rows in unknown.items()]
    for table_id, table in fmt.tables.items():
        new_rows = [r for r in table.rows if not last.format.has(table_id, r.id) and not r.total]
        if new_rows:
            names = "、".join(r.label for r in new_rows)
            needs.append(f"{table.name} {names}（{last.format.name}格式没有这{'一行' if len(new_rows) == 1 else '几行'}）")
    needs += [f"{fmt.tables[t].name} 本年数据" for t in fmt.tables] + [fmt.heading(s) for s in fmt.narrative_sections]
    return draft, needs

