"""The official report formats, as data: one YAML file a format, beside this module (2019.yaml, 2021.yaml).

Every format question is answered here and nowhere else: the sections and their headings, the tables with their
rows and columns (labels verbatim), the sums between cells (`Equation`, the 勾稽关系), the relations between last
year's report and this year's (`AcrossYears`), the report-title phrase and which format a year uses.  The model
validates against it, the checks test its sums, the importer reads its labels, the templates and the Word writer
lay out its tables, the dialogue derives totals from it and asks for its rows.  No other module compares version
strings: it asks the format (`fmt.has("t2", "normative", "in_force")`, `fmt.fee_cell`, `fmt.result_rows`…).

A new official format is one more YAML file here; nothing else changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, model_validator

FORMATS_DIR = Path(__file__).resolve().parent
# Folders with more format files (a test registers a fictional revision here; see `add_folder`).
_EXTRA_DIRS: list[Path] = []


class CellAddress(NamedTuple):
    """One cell: (table id, row id, column id).  A plain tuple, so it is a dict key and unpacks like one; the
    Chinese words for it are made only where it is shown (`ReportFormat.location`)."""

    table: str
    row: str
    column: str


# ------------------------------------------------------------------ what a format is made of
@dataclass(frozen=True)
class Column:
    id: str
    label: str
    under: tuple[str, ...] = ()  # the header cells above this one (“法人或其他组织”; “行政诉讼”, “复议后起诉”)
    named: tuple[str, ...] = ()  # those of them a location names the column by (表四's “行政诉讼·复议后起诉”)
    where: str = ""  # how a location names it, where its label alone does not (“法人或其他组织·小计”)
    decimals: bool = False  # 收费金额（万元）、采购总金额 may carry decimals
    negative: bool = False  # 本年增/减 may be negative
    unit: str | None = None  # an amount's one unit, declared: figures printed in another (元) are converted to it
    total: bool = False  # computed from other cells, never asked
    optional: bool = False  # a column some published tables add (小计): read and checked, never required
    applicant: bool = False  # a kind of applicant (表三)
    fee: bool = False  # the fees charged this year (六 must say so)
    short: str = ""  # its header where the width is short (80 columns): “企业” for 商业企业, “纠正” for 结果纠正


@dataclass(frozen=True)
class Row:
    id: str
    label: str  # the label as printed in its row
    path: tuple[str, ...] = ()  # the labels of the groups it sits in (“三、本年度办理结果”, “（三）不予公开”)
    groups: tuple[str, ...] = ()  # the ids of those groups (“results”, “deny”)
    total: bool = False  # computed (（七）总计)
    legacy: str = ""  # the label of an earlier layout's row whose figures this row takes (VERSION says so)
    same_as: str = ""  # the row of the later format that takes this row's figures (2019 （六）其他处理 → 3.其他)
    short: str = ""  # the row as a message names it (“本年新收”)

    @property
    def name(self) -> str:
        return self.short or self.plain_label

    @property
    def group(self) -> str:
        return self.path[0] if self.path else ""

    @property
    def subgroup(self) -> str:
        return self.path[1] if len(self.path) > 1 else ""

    @property
    def full_label(self) -> str:
        """The label with its groups: “三、本年度办理结果 （四）无法提供 1.本机关不掌握相关政府信息”."""
        return " ".join(self.path + (self.label,))

    @property
    def plain_label(self) -> str:
        """The label without its numbering: “本机关不掌握相关政府信息”, “予以公开”."""
        return re.sub(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])", "", self.label)


@dataclass(frozen=True)
class Block:
    """A part of a table with its own header row: 表二's 第二十条第（x）项; 表三 and 表四 are one block each."""

    id: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Table:
    id: str
    name: str  # 表二
    topic: str  # 主动公开: what the table is about, in a word
    blocks: tuple[Block, ...]
    corner: str = ""  # the header's top-left cell (表三's note on its sums)
    heading: str = ""  # a header cell over every number column (“申请人情况”)
    label_heading: str = ""  # the header of the label column (表二's “信息内容”; 表四 read as rows: “类别”)
    row_labels: bool = True  # 表四 prints its one row without a label
    not_applicable: bool = False  # “/” (不适用) is a proper entry in its cells (表二), not a missing number
    # the question the assistant asks for this table when its columns are not the ones prompts/flow.yaml's question
    # names (2019's 表二: 新制作、新公开、对外公开总数 instead of 制发、废止、现行有效); empty: the flow's question
    question: str = ""

    def cells(self, with_optional: bool = False) -> Iterator[tuple[Block, Row, Column]]:
        """Every (block, row, column) of the table in reading order (optional columns only if asked)."""
        for b in self.blocks:
            for r in b.rows:
                for c in b.columns:
                    if with_optional or not c.optional:
                        yield b, r, c

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(r for b in self.blocks for r in b.rows)

    @property
    def columns(self) -> tuple[Column, ...]:
        """The columns of a one-block table (表三, 表四), optional ones included."""
        return self.blocks[0].columns

    @cached_property
    def _by_id(self) -> tuple[dict[str, Row], dict[str, Block], dict[tuple[str, str], Column]]:
        # looked up for every cell of every check of every report of an audit: by id, not by scanning
        rows = {r.id: r for b in self.blocks for r in b.rows}
        blocks = {r.id: b for b in self.blocks for r in b.rows}
        columns = {(r.id, c.id): c for b in self.blocks for r in b.rows for c in b.columns}
        return rows, blocks, columns

    @cached_property
    def optional_columns(self) -> frozenset[str]:
        """The ids of the columns only some reports have (表三's 小计)."""
        return frozenset(c.id for _, _, c in self.cells(with_optional=True) if c.optional)

    def row(self, row_id: str) -> Row:
        return self._by_id[0][row_id]

    def block_of(self, row_id: str) -> Block:
        return self._by_id[1][row_id]

    def column(self, row_id: str, col_id: str) -> Column:
        try:
            return self._by_id[2][(row_id, col_id)]
        except KeyError:
            raise KeyError(col_id if row_id in self._by_id[0] else row_id) from None

    def has(self, row_id: str, col_id: str | None = None) -> bool:
        return (row_id, col_id) in self._by_id[2] if col_id else row_id in self._by_id[0]

    def rows_in(self, group: str) -> tuple[str, ...]:
        """The rows of a group, by its id or its label (“unable”, “（四）无法提供”)."""
        return tuple(r.id for r in self.rows if group in r.groups or group in r.path)

    def value_columns(self, with_optional: bool = False) -> tuple[str, ...]:
        return tuple(c.id for c in self.columns if with_optional or not c.optional)


@dataclass(frozen=True)
class Section:
    id: str
    number: str  # 一
    title: str  # 总体情况
    table: str | None = None
    variants: str = ""  # a regular expression for the wording published headings use instead of the title
    ask: str = ""  # the question the dialogue asks where its flow has none for this section

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"

    @property
    def narrative(self) -> bool:
        return self.table is None


Address = tuple[str, str]  # (row id, column id) inside one table
# A cell's number by its address (None when blank or not applicable)
ValueOf = Callable[[Address], "int | float | None"]


@dataclass(frozen=True)
class Equation:
    """One 勾稽 relation inside a table: sum(left) == sum(right).

    `total` is the cell a broken relation is reported at and the one the dialogue computes (a total the clerk is
    never asked for) — for a plain sum `left` is just that cell.  A `strict` relation applies only when all its
    cells are filled; otherwise a blank part counts as 0 once the total and at least one part are filled.
    `optional`: it involves a column only some reports have (小计).
    """

    rule: str
    table: str
    left: tuple[Address, ...]
    right: tuple[Address, ...]
    total: Address
    strict: bool = False
    derivable: bool = True
    optional: bool = False
    said: str = ""  # the parts as a message names them (“自然人与五类法人或其他组织”)
    each: str = "column"  # repeated down every column (“column”) or across every row (“row”)

    @cached_property
    def cells(self) -> tuple[Address, ...]:
        return self.left + self.right

    @cached_property
    def _parts(self) -> tuple[Address, ...]:
        return tuple(a for a in self.cells if a != self.total)

    def holds(self, value_of: ValueOf) -> bool | None:
        """True or False by `value_of(address)` (a number or None); None when the relation does not apply."""
        if value_of(self.total) is None:
            return None
        parts = [value_of(a) for a in self._parts]
        if self.strict and None in parts:
            return None
        if parts and all(v is None for v in parts):
            return None  # every part left blank (a published 总计 column often is): nothing to add up; BLANK says so
        return sum(value_of(a) or 0 for a in self.left) == sum(value_of(a) or 0 for a in self.right)


@dataclass(frozen=True)
class AcrossYears:
    """A cell of this year's report that follows from last year's: this = last (+ plus − minus of this year).

    X-CARRY: 二、上年结转 = last year's 四、结转下年度继续办理; X-VALID: 现行有效 = last year's 现行有效 + 本年制发 −
    本年废止, and (`bound`, T2-VALID) 本年废止 can be no more than last year's 现行有效 + 本年制发."""

    rule: str
    table: str
    this: Address
    last: Address
    plus: Address | None = None
    minus: Address | None = None
    bound: str = ""

    def expected(self, last_value: float, value_of: ValueOf) -> float | None:
        """This year's value, from last year's and this year's own cells (None when one of them is unknown)."""
        plus = value_of(self.plus) if self.plus else 0
        minus = value_of(self.minus) if self.minus else 0
        if plus is None or minus is None:
            return None
        return last_value + plus - minus


@dataclass(frozen=True)
class ReportFormat:
    version: str  # "2021"
    name: str  # "2021年版"
    notice: str  # 国办公开办函〔2021〕30号
    from_year: int
    title_phrase: str  # 政府信息公开工作年度报告
    sections: tuple[Section, ...]
    tables: dict[str, Table]
    sums: tuple[Equation, ...]
    across_years: tuple[AcrossYears, ...] = ()
    source: str = ""  # the file it was read from

    # ------------------------------------------------------------ tables
    @property
    def t2(self) -> Table:
        return self.tables["t2"]

    @property
    def t3(self) -> Table:
        return self.tables["t3"]

    @property
    def t4(self) -> Table:
        return self.tables["t4"]

    def has(self, table_id: str, row_id: str, col_id: str | None = None) -> bool:
        """Whether this format has the cell (or the row): “现行有效件数” is in 2021's 表二, not in 2019's."""
        table = self.tables.get(table_id)
        return table is not None and table.has(row_id, col_id)

    def equations(self, table_id: str | None = None, with_optional: bool = False) -> tuple[Equation, ...]:
        """The 勾稽 relations of this format (of one table), with an optional column's (小计) when a report has it."""
        return tuple(e for e in self.sums if (table_id is None or e.table == table_id) and (with_optional or not e.optional))

    @property
    def result_rows(self) -> tuple[str, ...]:
        """表三's rows summed into （七）总计."""
        found = next((e for e in self.sums if e.table == "t3" and e.total[0] == "results_total"), None)
        return tuple(r for r, _ in found.right) if found else ()

    @property
    def applicant_columns(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.t3.columns if c.applicant)

    @property
    def fee_cell(self) -> CellAddress | None:
        """The cell of the fees charged this year (表二 行政事业性收费 本年收费金额), if this format has one."""
        return next((CellAddress(t.id, r.id, c.id) for t in self.tables.values() for _, r, c in t.cells() if c.fee), None)

    def resolve(self, table_id: str, row_id: str) -> str | None:
        """The row of this format that holds `row_id`'s figures: itself, or the row that stands for it in this layout
        (“3.其他” said to a 2019 report is its single “（六）其他处理”); None if there is none."""
        table = self.tables[table_id]
        if table.has(row_id):
            return row_id
        return next((r.id for r in table.rows if r.same_as == row_id), None)

    @property
    def legacy_rows(self) -> dict[str, str]:
        """Labels of an earlier layout's rows that a report of this format may still print → the row taking them."""
        return {r.legacy: r.id for t in self.tables.values() for r in t.rows if r.legacy}

    # ------------------------------------------------------------ sections and words
    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def heading(self, section_id: str) -> str:
        return self.section(section_id).heading

    @property
    def narrative_sections(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections if s.narrative)

    @property
    def table_sections(self) -> dict[str, str]:
        """Section id → the table it holds."""
        return {s.id: s.table for s in self.sections if s.table}

    def table_name(self, table_id: str) -> str:
        """“表三（依申请公开）”."""
        table = self.tables[table_id]
        return f"{table.name}（{table.topic}）"

    def title(self, agency: str, year: int) -> str:
        return f"{agency}{year}年{self.title_phrase}"

    def contents(self) -> str:
        """The parts of the report as a preface lists them: “总体情况、主动公开政府信息情况、…、其他需要报告的事项”."""
        return "、".join(s.title.replace("、", "和") for s in self.sections)

    # ------------------------------------------------------------ locations
    def location(self, table_id: str, row_id: str, col_id: str) -> str:
        """The Chinese address of a cell, as a clerk would find it in the printed table."""
        where, column = self.location_parts(table_id, row_id, col_id)
        return f"{where} · {column}"

    def location_parts(self, table_id: str, row_id: str, col_id: str) -> tuple[str, str]:
        """(the table and row, the column): “表三 · 三、本年度办理结果 （一）予以公开”, “自然人”."""
        table = self.tables[table_id]
        column = table.column(row_id, col_id)
        named = "·".join(column.named)
        if not table.row_labels:  # 表四: the cell is named by its column groups alone
            return (f"{table.name} · {named}" if named else table.name), column.where or column.label
        row = table.row(row_id)
        block = table.block_of(row_id)
        head = f"{table.name} · {block.title} · {row.label}" if block.title else f"{table.name} · {row.full_label}"
        return head, column.where or (f"{named}·{column.label}" if named else column.label)

    def distinct_labels(self, others: Iterable[ReportFormat]) -> tuple[str, ...]:
        """Row and column labels of this format that no other format's label holds (2019's “规范性文件” is inside
        2021's “行政规范性文件”, so it tells nothing): what tells a published report's format."""
        theirs = [x for f in others if f is not self for x in f._labels()]
        return tuple(x for x in self._labels() if not any(x in label for label in theirs))

    def _labels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x for t in self.tables.values() for b in t.blocks
                                   for x in [r.label for r in b.rows] + [c.label for c in b.columns]))


# ------------------------------------------------------------------ the files
class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ColumnSpec(_Spec):
    id: str | None = None
    label: str | None = None
    group: str | None = None  # a header cell over the columns below it
    named: bool = False  # a group whose label is part of its columns' locations (表四's 行政复议)
    columns: tuple["ColumnSpec", ...] = ()
    where: str = ""
    decimals: bool = False
    negative: bool = False
    unit: str | None = None
    total: bool = False
    optional: bool = False
    applicant: bool = False
    fee: bool = False
    short: str = ""

    @model_validator(mode="after")
    def _leaf_or_group(self) -> "ColumnSpec":
        if self.group is None and (self.id is None or self.label is None or self.columns):
            raise ValueError("一列要写 id 和 label；一组列要写 group 和 columns")
        if self.group is not None and (not self.columns or self.label is not None):
            raise ValueError(f"列组“{self.group}”要写 columns（不写 label）")
        return self


class RowSpec(_Spec):
    id: str | None = None
    label: str | None = None
    group: str | None = None
    rows: tuple["RowSpec", ...] = ()
    total: bool = False
    legacy: str = ""
    same_as: str = ""
    short: str = ""

    @model_validator(mode="after")
    def _leaf_or_group(self) -> "RowSpec":
        if self.group is None and (self.id is None or self.label is None or self.rows):
            raise ValueError("一行要写 id 和 label；一组行要写 group、id 和 rows")
        if self.group is not None and (not self.rows or self.id is None):
            raise ValueError(f"行组“{self.group}”要写 id 和 rows")
        return self


class BlockSpec(_Spec):
    id: str
    title: str = ""
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]


class TableSpec(_Spec):
    name: str
    topic: str
    corner: str = ""
    heading: str = ""
    label_heading: str = ""
    row_labels: bool = True
    not_applicable: bool = False
    question: str = ""
    blocks: tuple[BlockSpec, ...] = ()
    columns: tuple[ColumnSpec, ...] = ()
    rows: tuple[RowSpec, ...] = ()

    @model_validator(mode="after")
    def _blocks_or_one(self) -> "TableSpec":
        if bool(self.blocks) == bool(self.columns or self.rows):
            raise ValueError(f"{self.name}：要么写 blocks，要么写 columns 和 rows")
        return self


class SectionSpec(_Spec):
    id: str
    number: str
    title: str
    table: str | None = None
    variants: str = ""
    ask: str = ""


class SumSpec(_Spec):
    rule: str
    table: str
    each: Literal["column", "row"]
    # a sum: total = the parts (rows when each: column, columns when each: row), or rows of a group
    total: str | None = None
    parts: tuple[str, ...] = ()
    parts_in: str | None = None
    # a balance: left = right, reported at `at`
    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    at: str | None = None
    strict: bool = False
    derive: bool = True
    said: str = ""

    @model_validator(mode="after")
    def _sum_or_balance(self) -> "SumSpec":
        if (self.total is None) == (self.at is None):
            raise ValueError(f"{self.rule}：要么写 total 和 parts（或 parts_in），要么写 left、right 和 at")
        return self


class AcrossSpec(_Spec):
    rule: str
    table: str
    each: Literal["column", "row"]
    this: str
    last: str
    plus: str | None = None
    minus: str | None = None
    bound: str = ""


class FormatSpec(_Spec):
    version: str
    name: str
    notice: str
    from_year: int
    title_phrase: str
    sections: tuple[SectionSpec, ...]
    tables: dict[str, TableSpec]
    sums: tuple[SumSpec, ...] = ()
    across_years: tuple[AcrossSpec, ...] = ()

    @model_validator(mode="after")
    def _references(self) -> "FormatSpec":
        ids = [s.id for s in self.sections]
        if len(set(ids)) != len(ids):
            raise ValueError("sections 里有重复的 id")
        for s in self.sections:
            if s.table is not None and s.table not in self.tables:
                raise ValueError(f"章节“{s.title}”的表格 {s.table} 没有定义")
            if s.variants:
                try:
                    re.compile(s.variants)
                except re.error as e:
                    raise ValueError(f"章节“{s.title}”的 variants 不是有效的正则表达式（{e}）") from None
        missing = set(self.tables) - {s.table for s in self.sections}
        if missing:
            raise ValueError(f"表格 {'、'.join(sorted(missing))} 不属于任何章节")
        return self


def _columns(specs: Iterable[ColumnSpec], under: tuple[str, ...] = (), prefix: str = "", named: tuple[str, ...] = ()) -> list[Column]:
    out: list[Column] = []
    for s in specs:
        if s.group is not None:
            inner_prefix = f"{prefix}{s.id}." if s.id else prefix
            out += _columns(s.columns, under + (s.group,), inner_prefix, named + ((s.group,) if s.named else ()))
        else:
            assert s.id is not None and s.label is not None  # _leaf_or_group: a leaf column has both
            out.append(Column(prefix + s.id, s.label, under, named, s.where, s.decimals, s.negative,
                              s.unit, s.total, s.optional, s.applicant, s.fee, s.short))
    return out


def _rows(specs: Iterable[RowSpec], path: tuple[str, ...] = (), groups: tuple[str, ...] = ()) -> list[Row]:
    out: list[Row] = []
    for s in specs:
        if s.group is not None:
            assert s.id is not None  # _leaf_or_group: a group of rows has an id
            out += _rows(s.rows, path + (s.group,), groups + (s.id,))
        else:
            assert s.id is not None and s.label is not None  # _leaf_or_group: a leaf row has both
            out.append(Row(s.id, s.label, path, groups, s.total, s.legacy, s.same_as, s.short))
    return out


def _table(table_id: str, spec: TableSpec) -> Table:
    blocks = spec.blocks or (BlockSpec(id=table_id, columns=spec.columns, rows=spec.rows),)
    built = tuple(Block(b.id, b.title, tuple(_columns(b.columns)), tuple(_rows(b.rows))) for b in blocks)
    for b in built:
        for kind, ids in (("行", [r.id for r in b.rows]), ("列", [c.id for c in b.columns])):
            if len(set(ids)) != len(ids):
                raise ValueError(f"{spec.name}有重复的{kind} id")
    row_ids = [r.id for b in built for r in b.rows]
    if len(set(row_ids)) != len(row_ids):
        raise ValueError(f"{spec.name}有重复的行 id")
    return Table(table_id, spec.name, spec.topic, built, spec.corner, spec.heading, spec.label_heading, spec.row_labels,
                 spec.not_applicable, spec.question)


def _equations(spec: SumSpec, table: Table) -> list[Equation]:
    """A declared sum, repeated down every column or across every row of its table."""
    def known(ids: tuple[str, ...], what: str) -> tuple[str, ...]:
        for x in ids:
            if (what == "行" and not table.has(x)) or (what == "列" and all(c.id != x for c in table.columns)):
                raise ValueError(f"{spec.rule}：{table.name}没有“{x}”这一{what}")
        return ids

    out: list[Equation] = []
    if spec.each == "column":
        if spec.total is not None:
            parts = table.rows_in(spec.parts_in) if spec.parts_in else spec.parts
            parts = tuple(r for r in parts if r != spec.total)
            left, right, at = known((spec.total,), "行"), known(parts, "行"), spec.total
        else:
            assert spec.at is not None  # SumSpec's validator: a balance names the row it is written at
            left, right, at = known(spec.left, "行"), known(spec.right, "行"), known((spec.at,), "行")[0]
        if not right:
            raise ValueError(f"{spec.rule}：没有要相加的行")
        for c in table.columns:
            out.append(Equation(spec.rule, table.id, tuple((r, c.id) for r in left), tuple((r, c.id) for r in right),
                                (at, c.id), spec.strict, spec.derive, c.optional, spec.said, "column"))
    else:
        if spec.total is None:
            raise ValueError(f"{spec.rule}：each: row 要写 total 和 parts")
        columns = {c.id: c for c in table.columns}
        known((spec.total,) + spec.parts, "列")
        optional = any(columns[x].optional for x in (spec.total,) + spec.parts)
        for r in table.rows:
            out.append(Equation(spec.rule, table.id, ((r.id, spec.total),), tuple((r.id, p) for p in spec.parts),
                                (r.id, spec.total), spec.strict, spec.derive, optional, spec.said, "row"))
    return out


def _across(spec: AcrossSpec, table: Table) -> list[AcrossYears]:
    if spec.each == "column":
        return [AcrossYears(spec.rule, table.id, (spec.this, c.id), (spec.last, c.id), bound=spec.bound)
                for c in table.columns if not c.optional and table.has(spec.this)]
    return [AcrossYears(spec.rule, table.id, (r.id, spec.this), (r.id, spec.last),
                        (r.id, spec.plus) if spec.plus else None, (r.id, spec.minus) if spec.minus else None, spec.bound)
            for r in table.rows if table.has(r.id, spec.this)]


def build(spec: FormatSpec, source: str = "") -> ReportFormat:
    """The format from its validated file: tables, sums expanded down columns and across rows, relations across
    years.  A reference to a row or column the table lacks is a ValueError naming it."""
    tables = {tid: _table(tid, t) for tid, t in spec.tables.items()}
    sums, across = [], []
    for s in spec.sums:
        if s.table not in tables:
            raise ValueError(f"{s.rule}：没有表格 {s.table}")
        sums += _equations(s, tables[s.table])
    for a in spec.across_years:
        if a.table not in tables:
            raise ValueError(f"{a.rule}：没有表格 {a.table}")
        across += _across(a, tables[a.table])
    sections = tuple(Section(s.id, s.number, s.title, s.table, s.variants, s.ask) for s in spec.sections)
    return ReportFormat(spec.version, spec.name, spec.notice, spec.from_year, spec.title_phrase, sections, tables,
                        tuple(sums), tuple(across), source)


@cache
def _registry() -> dict[str, ReportFormat]:
    from gkassist.core.errors import InputError
    from gkassist.core.yamldata import load_model

    found: dict[str, ReportFormat] = {}
    for folder in [FORMATS_DIR, *_EXTRA_DIRS]:
        for path in sorted(folder.glob("*.yaml")):
            spec = load_model(path, FormatSpec)
            try:
                found[spec.version] = build(spec, str(path))
            except ValueError as e:
                raise InputError(f"{path}：{e}") from None
    return dict(sorted(found.items(), key=lambda kv: kv[1].from_year))


def add_folder(folder: Path) -> None:
    """Read the format files of another folder too (a revision not yet shipped; the tests' fictional one)."""
    _EXTRA_DIRS.append(Path(folder))
    _registry.cache_clear()


def remove_folder(folder: Path) -> None:
    _EXTRA_DIRS.remove(Path(folder))
    _registry.cache_clear()


def versions() -> tuple[str, ...]:
    """The known formats, oldest first."""
    return tuple(_registry())


def all_formats() -> tuple[ReportFormat, ...]:
    return tuple(_registry().values())


def get_format(version: str) -> ReportFormat:
    return _registry()[version]


def format_for_year(year: int) -> str:
    """The format a report for `year` must use: the latest one in force by then (the oldest before any)."""
    formats = all_formats()
    in_force = [f for f in formats if f.from_year <= year]
    return (in_force[-1] if in_force else formats[0]).version


def latest() -> ReportFormat:
    return all_formats()[-1]
