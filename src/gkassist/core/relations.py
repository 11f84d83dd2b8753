"""The one evaluator of the relations a format declares: the sums between cells (`Equation`, 勾稽关系) and the
relations between last year's report and this year's (`AcrossYears`: 上年结转, 现行有效).

Every user of a relation asks here: the checks (T3-*, T4-SUMS, X-CARRY, X-VALID, T2-VALID) report the mismatches,
`core.derive` fills this year's cells from what the relations give, the importer settles run-together digits by the
one split that keeps them, the dialogue says before “对” what last year's report does not bear out.  A format file
that changes a relation changes all of them; none of them names a row or a column of its own.

A mismatch is structured (the relation, the cell it is reported at, the figures on both sides) and can say itself
in words (`words`) — the checks' message; the dialogue words its notes from the same figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gkassist.core.formats import AcrossYears, Address, CellAddress, Equation, ReportFormat, ValueOf
from gkassist.core.numbers import format_number as _fmt

if TYPE_CHECKING:  # the model imports the formats, not this module: no cycle at run time
    from gkassist.core.model import Report

Number = int | float
# A cell's figure by its table and address (None when blank or not applicable)
TableValueOf = Callable[[str, Address], "Number | None"]


# ------------------------------------------------------------------ sums inside a table
@dataclass(frozen=True)
class SumMismatch:
    """A declared sum its figures break: sum(left) ≠ sum(right), reported at `equation.total`."""

    format: ReportFormat
    equation: Equation
    values: dict[Address, Number | None]  # every cell of the relation as the report has it (None: blank)

    @property
    def rule(self) -> str:
        return self.equation.rule

    @property
    def at(self) -> CellAddress:
        return CellAddress(self.equation.table, *self.equation.total)

    def side(self, cells: Iterable[Address]) -> Number:
        return sum(self.values[a] or 0 for a in cells)

    @property
    def left_sum(self) -> Number:
        return self.side(self.equation.left)

    @property
    def right_sum(self) -> Number:
        return self.side(self.equation.right)

    def words(self) -> str:
        """The plain words for it, naming the figures on both sides (the checks' message)."""
        eq, values = self.equation, self.values
        table = self.format.tables[eq.table]
        row, col = eq.total
        column = table.column(row, col)
        if eq.each == "column":
            where = f"{column.where or column.label}列："
        elif not table.row_labels:
            where = f"{'·'.join(column.under)}："
        else:
            where = ""
        if len(eq.left) > 1:  # a balance: both sides named
            def side(cells: Iterable[Address]) -> str:
                return " + ".join(f"{table.row(r).name}{_fmt(values[(r, c)] or 0)}" for r, c in cells)
            return f"{where}{side(eq.left)} = {_fmt(self.left_sum)}，但{side(eq.right)} = {_fmt(self.right_sum)}"
        total_name = table.row(row).label if eq.each == "column" else column.label
        return f"{where}{eq.said or '各项'}之和为{_fmt(self.right_sum)}，但{total_name}填的是{_fmt(values[eq.total] or 0)}"


def table_numbers(report: Report, table_id: str) -> dict[Address, Number | None]:
    """A table's numbers once, by (row, column) (“/” as None): every relation reads them (an audit checks 1,000
    reports)."""
    from gkassist.core.model import NOT_APPLICABLE

    return {(r, c): (None if v == NOT_APPLICABLE else v) for r, cols in report.tables.get(table_id, {}).items()
            for c, v in cols.items()}


def sum_mismatches(report: Report, table_id: str | None = None, rule: str | None = None) -> list[SumMismatch]:
    """Every declared sum of the report's format (of one table, of one rule) that its figures break."""
    fmt = report.format
    out = []
    for t in [table_id] if table_id else fmt.tables:
        value_of = table_numbers(report, t).get
        for eq in fmt.equations(t, with_optional=report.has_optional(t)):
            if (rule is None or eq.rule == rule) and eq.holds(value_of) is False:
                out.append(SumMismatch(fmt, eq, {a: value_of(a) for a in eq.cells}))
    return out


def sum_rules() -> frozenset[str]:
    """The rules of the sums every known format declares (T3-BALANCE, T3-RESULTS, T3-COLUMNS, T4-SUMS): the
    findings that say a report's tables do not add up."""
    from gkassist.core.formats import all_formats

    return frozenset(e.rule for f in all_formats() for e in f.sums)


# ------------------------------------------------------------------ from last year to this year
@dataclass(frozen=True)
class YearMismatch:
    """A cell of this year's report that last year's does not bear out: `found` where the relation gives
    `expected` (= last year's `last` + this year's `plus` − `minus`); or, for the relation's `bound` (T2-VALID),
    this year's `minus` cell more than last year's + `plus`."""

    format: ReportFormat
    relation: AcrossYears
    rule: str  # the relation's rule, or its bound's
    at: CellAddress  # the cell it is reported at
    last: Number  # last year's figure
    plus: Number | None  # this year's figure added (本年制发), None when the relation adds none
    minus: Number | None  # this year's figure taken away (本年废止)
    expected: Number
    found: Number

    @property
    def bound(self) -> bool:
        return self.rule != self.relation.rule

    def label(self, address: Address | None) -> str:
        """A cell's column label without its “件数” (“现行有效”, “本年制发”)."""
        table = self.format.tables[self.relation.table]
        return table.column(*address).label.removesuffix("件数") if address else ""

    def words(self) -> str:
        """The plain words for it, naming last year's figure and this year's (the checks' message)."""
        rel = self.relation
        table = self.format.tables[rel.table]
        if rel.plus is None and rel.minus is None:
            column = table.column(*rel.this).label
            return (f"{column}列：本年{table.row(rel.this[0]).name}{_fmt(self.found)}件，"
                    f"但上年报告{table.row(rel.last[0]).plain_label}为{_fmt(self.last)}件")
        row = table.row(rel.this[0]).label
        this = self.label(rel.this)
        if self.bound:
            return (f"{row}：{self.label(rel.minus)}{_fmt(self.found)}件，超过上年{this}{_fmt(self.last)}件"
                    + (f"与{self.label(rel.plus)}{_fmt(self.plus or 0)}件之和" if rel.plus else ""))
        return f"{row}：上年{this}{_fmt(self.last)}{self.terms()} = {_fmt(self.expected)}，但本年{this}填的是{_fmt(self.found)}"

    def terms(self) -> str:
        """“ + 本年制发1 − 本年废止0”: what this year adds and takes away."""
        rel = self.relation
        plus = f" + {self.label(rel.plus)}{_fmt(self.plus or 0)}" if rel.plus else ""
        return plus + (f" − {self.label(rel.minus)}{_fmt(self.minus or 0)}" if rel.minus else "")


def _last_value(relation: AcrossYears, last: Report) -> Number | None:
    if not last.format.has(relation.table, *relation.last):
        return None  # last year's format has no such cell (2019's 表二 has no 现行有效)
    return last.number(relation.table, *relation.last)


def _relations(report: Report, table_id: str | None, rule: str | None) -> list[AcrossYears]:
    return [r for r in report.format.across_years
            if (table_id is None or r.table == table_id) and (rule is None or r.rule == rule)]


def expected_from_last_year(report: Report, last: Report, rule: str | None = None, table_id: str | None = None,
                            value_of: TableValueOf | None = None) -> dict[CellAddress, Number]:
    """This year's cells that last year's report gives, by the format's relations across years (of one rule, one
    table): last year's figure plus this year's own cells the relation adds (`value_of(table, address)`, the
    report's own by default), where all of them are known."""
    this_year = value_of or _report_numbers(report)
    out = {}
    for relation in _relations(report, table_id, rule):
        previous = _last_value(relation, last)
        if previous is None:
            continue
        value = relation.expected(previous, _in_table(this_year, relation.table))
        if value is not None:
            out[CellAddress(relation.table, *relation.this)] = value
    return out


def year_mismatches(report: Report, last: Report, table_id: str | None = None, rule: str | None = None,
                    value_of: TableValueOf | None = None) -> list[YearMismatch]:
    """This year's cells that the format's relations across years and last year's report do not bear out (of
    one table, one rule), with the bounds the relations declare (T2-VALID)."""
    this_year = value_of or _report_numbers(report)
    fmt = report.format
    out = []
    for relation in _relations(report, table_id, None):
        previous = _last_value(relation, last)
        if previous is None:
            continue
        get = _in_table(this_year, relation.table)
        plus = get(relation.plus) if relation.plus else None
        minus = get(relation.minus) if relation.minus else None
        now = get(relation.this)
        expected = relation.expected(previous, get)
        if expected is None:
            continue
        if relation.bound and relation.minus and minus is not None and (rule is None or rule == relation.bound) and \
                minus > previous + (plus or 0):
            out.append(YearMismatch(fmt, relation, relation.bound, CellAddress(relation.table, *relation.minus),
                                    previous, plus, minus, expected=previous + (plus or 0), found=minus))
        if now is not None and now != expected and (rule is None or rule == relation.rule):
            out.append(YearMismatch(fmt, relation, relation.rule, CellAddress(relation.table, *relation.this),
                                    previous, plus, minus, expected=expected, found=now))
    return out


@dataclass(frozen=True)
class UnknownLastYear:
    """Cells of last year's report a relation across years needs but that are unknown there (the import could not
    read them, the draft left them blank): the check of this year's cells they reach cannot run."""

    format: ReportFormat
    relation: AcrossYears  # the first of the relations (one per column of the row, for 上年结转)
    at: CellAddress  # this year's cell the check would have been at
    columns: tuple[str, ...]  # last year's columns unknown (of the relation's row)

    @property
    def rule(self) -> str:
        return self.relation.rule

    def where(self) -> str:
        """Last year's cells: “表二 · 行政规范性文件 · 现行有效件数”, “表三 · 四、结转下年度继续办理（自然人、总计）”."""
        table = self.format.tables[self.relation.table]
        row = table.row(self.relation.last[0])
        labels = [table.column(row.id, c).label for c in self.columns]
        return f"{table.name} · {row.plain_label} · " + (labels[0] if len(labels) == 1 else "（" + "、".join(labels) + "）")

    def words(self) -> str:
        return (f"上年报告的{self.where()}不知道（导入时没能读出或没有填写），跨年度核对（{said(self.format, self.relation)}）"
                "没法做：请对照上年报告补上这个数，或自己核对本年这一格")


def unknown_last_year(report: Report, last: Report, table_id: str | None = None) -> list[UnknownLastYear]:
    """The relations across years that cannot be checked because last year's cell is unknown (last year's format
    has it, its figure is not known), one per row of last year's table; a format without the cell (2019's 表二 has
    no 现行有效) is no gap.  Only where this year's cell is known: there is something the check would have said."""
    grouped: dict[tuple[str, str, str], list[AcrossYears]] = {}
    for relation in _relations(report, table_id, None):
        if not last.format.has(relation.table, *relation.last) or last.number(relation.table, *relation.last) is not None:
            continue
        if report.number(relation.table, *relation.this) is None:
            continue
        grouped.setdefault((relation.rule, relation.table, relation.last[0]), []).append(relation)
    out = []
    for relations in grouped.values():
        at = next((r for r in relations if r.this[1] == "total"), relations[0])
        out.append(UnknownLastYear(report.format, relations[0], CellAddress(at.table, *at.this),
                                   tuple(r.last[1] for r in relations)))
    return out


def _report_numbers(report: Report) -> TableValueOf:
    return lambda table_id, address: report.number(table_id, *address)


def _in_table(value_of: TableValueOf, table_id: str) -> ValueOf:
    """`value_of` for the cells of one table."""
    return lambda address: value_of(table_id, address)


def row_keeps_last_year(report: Report, last: Report, table_id: str, row_id: str, cells: dict[str, Number]) -> bool:
    """Whether this year's row with `cells` (column → figure) in place keeps every relation across years that
    reaches it — and at least one does (a relation with a figure unknown cannot vouch for it)."""
    def value_of(t: str, a: Address) -> Number | None:
        return cells[a[1]] if t == table_id and a[0] == row_id and a[1] in cells else report.number(t, *a)

    reaching = [(r, previous) for r in report.format.across_years if r.table == table_id and r.this[0] == row_id
                and r.this[1] in cells and (previous := _last_value(r, last)) is not None]
    if not reaching or any(r.expected(previous, _in_table(value_of, r.table)) is None for r, previous in reaching):
        return False
    mismatches = year_mismatches(report, last, table_id, value_of=value_of)
    return not any(m.at.row == row_id for m in mismatches)


def said(fmt: ReportFormat, relation: AcrossYears) -> str:
    """A relation in words: “上年现行有效 + 本年制发 − 本年废止 = 本年现行有效”, “上年结转下年度继续办理 = 本年上年结转”."""
    table = fmt.tables[relation.table]

    def name(address: Address) -> str:
        if relation.plus is None and relation.minus is None:
            return table.row(address[0]).plain_label.removesuffix("政府信息公开申请数量")
        return table.column(*address).label.removesuffix("件数")

    terms = f"上年{name(relation.last)}"
    terms += f" + {name(relation.plus)}" if relation.plus else ""
    terms += f" − {name(relation.minus)}" if relation.minus else ""
    return f"{terms} = 本年{name(relation.this)}"


def last_year_words(report: Report, last: Report, table_id: str, row_id: str) -> str:
    """How last year's report settled a row: “按上年现行有效411件（上年现行有效 + 本年制发 − 本年废止 = 本年现行有效）”."""
    fmt = report.format
    reaching = [(r, previous) for r in fmt.across_years if r.table == table_id and r.this[0] == row_id
                and (previous := _last_value(r, last)) is not None]
    return "、".join(f"按上年{fmt.tables[table_id].column(*r.last).label.removesuffix('件数')}"
                     f"{_fmt(previous)}件（{said(fmt, r)}）" for r, previous in reaching)
