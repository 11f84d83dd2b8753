"""The official report formats as data: the tables and the sums between their cells.

One declarative definition per format (2019: 国办公开办函〔2019〕60号; 2021: 国办公开办函〔2021〕30号)
drives the model's validation, the checks, the importer, the templates, the Word writer and the
questions of the dialogue.  Labels are the official wording, verbatim; nothing here is re-typed
elsewhere.  The 勾稽 relations (`Equation`) are declared here once: the checks test them, the dialogue
derives totals from them and the importer uses them to split digits that ran together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

# Section ids in order, with the official headings.
SECTION_HEADINGS: dict[str, str] = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "requests": "三、收到和处理政府信息公开申请情况",
    "appeals": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
# Sections whose body is free text (the others are tables, possibly with extra lines).
NARRATIVE_SECTIONS = ("overview", "problems", "other")
# Which table a table section holds.
SECTION_TABLE = {"proactive": "t2", "requests": "t3", "appeals": "t4"}
TABLE_NAMES = {"t2": "表二（主动公开）", "t3": "表三（依申请公开）", "t4": "表四（复议诉讼）"}

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    decimals: bool = False  # 收费金额（万元）、采购总金额 may carry decimals
    negative: bool = False  # 本年增/减 may be negative
    # An amount's one unit: figures printed in another (“251000元”) are converted to it, so that sums across
    # reports add one unit.  None for counts.
    unit: str | None = None


@dataclass(frozen=True)
class Row:
    id: str
    label: str  # the leaf label as printed in the row
    group: str = ""  # the enclosing label(s), e.g. "三、本年度办理结果" / "（三）不予公开"
    subgroup: str = ""


@dataclass(frozen=True)
class Group:
    """A block of 表二: its header (第二十条第（x）项), its columns, its rows."""

    id: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Table:
    id: str
    name: str
    groups: tuple[Group, ...]  # 表三/表四 have one group

    def cells(self):
        """Every (row, column) of the table, in reading order."""
        for g in self.groups:
            for r in g.rows:
                for c in g.columns:
                    yield g, r, c

    def row(self, row_id: str) -> Row:
        for g in self.groups:
            for r in g.rows:
                if r.id == row_id:
                    return r
        raise KeyError(row_id)

    def group_of(self, row_id: str) -> Group:
        for g in self.groups:
            if any(r.id == row_id for r in g.rows):
                return g
        raise KeyError(row_id)

    def column(self, row_id: str, col_id: str) -> Column:
        for c in self.group_of(row_id).columns:
            if c.id == col_id:
                return c
        raise KeyError(col_id)

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(r for g in self.groups for r in g.rows)


@dataclass(frozen=True)
class ReportFormat:
    version: str
    notice: str
    t2: Table
    t3: Table
    t4: Table
    # 表三 result rows that are summed into （七）总计
    t3_result_rows: tuple[str, ...] = field(default=())

    @property
    def tables(self) -> dict[str, Table]:
        return {"t2": self.t2, "t3": self.t3, "t4": self.t4}

    def equations(self, table_id: str | None = None, subtotal: bool = False) -> tuple[Equation, ...]:
        """The 勾稽 relations of this format (of one table), with the 小计 column's when a report has it."""
        found = _equations(self.version, subtotal)
        return tuple(e for e in found if table_id is None or e.table == table_id)

    def rows_under(self, table_id: str, heading: str) -> tuple[str, ...]:
        """The rows of a table under one heading (e.g. 表三 “（四）无法提供” → unable_1…unable_3)."""
        return tuple(r.id for r in self.tables[table_id].rows if heading in (r.group, r.subgroup))


# ---------------------------------------------------------------- 表三 (both versions)
T3_COLUMNS = (
    Column("natural", "自然人"),
    Column("business", "商业企业"),
    Column("research", "科研机构"),
    Column("nonprofit", "社会公益组织"),
    Column("legal", "法律服务机构"),
    Column("other", "其他"),
    Column("total", "总计"),
)
T3_APPLICANT_COLUMNS = tuple(c.id for c in T3_COLUMNS if c.id != "total")
T3_ORG_COLUMNS = ("business", "research", "nonprofit", "legal", "other")
# Some published tables add a 小计 of the five 法人或其他组织 columns; read and check it, never require it.
T3_SUBTOTAL_COLUMN = Column("subtotal", "小计")

_RESULTS = "三、本年度办理结果"
_DENY = "（三）不予公开"
_UNABLE = "（四）无法提供"
_REJECT = "（五）不予处理"
_OTHER = "（六）其他处理"


def _t3_rows(version: str) -> tuple[Row, ...]:
    rows = [
        Row("new", "一、本年新收政府信息公开申请数量"),
        Row("carried", "二、上年结转政府信息公开申请数量"),
        Row("open", "（一）予以公开", _RESULTS),
        Row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", _RESULTS),
    ]
    for i, label in enumerate(
        [
            "属于国家秘密",
            "其他法律行政法规禁止公开",
            "危及“三安全一稳定”",
            "保护第三方合法权益",
            "属于三类内部事务信息",
            "属于四类过程性信息",
            "属于行政执法案卷",
            "属于行政查询事项",
        ],
        1,
    ):
        rows.append(Row(f"deny_{i}", f"{i}.{label}", _RESULTS, _DENY))
    for i, label in enumerate(
        ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"], 1
    ):
        rows.append(Row(f"unable_{i}", f"{i}.{label}", _RESULTS, _UNABLE))
    for i, label in enumerate(
        [
            "信访举报投诉类申请",
            "重复申请",
            "要求提供公开出版物",
            "无正当理由大量反复申请",
            "要求行政机关确认或重新出具已获取信息",
        ],
        1,
    ):
        rows.append(Row(f"reject_{i}", f"{i}.{label}", _RESULTS, _REJECT))
    if version == "2021":
        for i, label in enumerate(
            [
                "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "其他",
            ],
            1,
        ):
            rows.append(Row(f"other_{i}", f"{i}.{label}", _RESULTS, _OTHER))
    else:
        rows.append(Row("other", "（六）其他处理", _RESULTS))
    rows.append(Row("results_total", "（七）总计", _RESULTS))
    rows.append(Row("carry_next", "四、结转下年度继续办理"))
    return tuple(rows)


def _t3(version: str) -> Table:
    return Table("t3", "表三", (Group("t3", "", T3_COLUMNS, _t3_rows(version)),))


# ---------------------------------------------------------------- 表四 (both versions)
T4_OUTCOMES = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
# The four outcomes whose sum is each block's 总计 (T4-SUMS).
T4_PARTS = tuple(o for o, _ in T4_OUTCOMES if o != "total")
T4_BLOCKS = (
    ("review", "行政复议"),
    ("suit_direct", "未经复议直接起诉"),
    ("suit_after_review", "复议后起诉"),
)
T4_COLUMNS = tuple(
    Column(f"{block}.{outcome}", label) for block, _ in T4_BLOCKS for outcome, label in T4_OUTCOMES
)


def _t4() -> Table:
    return Table("t4", "表四", (Group("t4", "", T4_COLUMNS, (Row("cases", "件数"),)),))


# ---------------------------------------------------------------- 表二
def _t2_2021() -> Table:
    counts = (
        Column("issued", "本年制发件数"),
        Column("repealed", "本年废止件数"),
        Column("in_force", "现行有效件数"),
    )
    decisions = (Column("decisions", "本年处理决定数量"),)
    return Table(
        "t2",
        "表二",
        (
            Group(
                "item1",
                "第二十条第（一）项",
                counts,
                (Row("rules", "规章"), Row("normative", "行政规范性文件")),
            ),
            Group("item5", "第二十条第（五）项", decisions, (Row("licensing", "行政许可"),)),
            Group(
                "item6",
                "第二十条第（六）项",
                decisions,
                (Row("penalty", "行政处罚"), Row("enforcement", "行政强制")),
            ),
            Group(
                "item8",
                "第二十条第（八）项",
                (Column("fee_amount", "本年收费金额（单位：万元）", decimals=True, unit="万元"),),
                (Row("fees", "行政事业性收费"),),
            ),
        ),
    )


def _t2_2019() -> Table:
    made = (
        Column("made", "本年新制作数量"),
        Column("published", "本年新公开数量"),
        Column("total_public", "对外公开总数量"),
    )
    items = (
        Column("last_year_items", "上一年项目数量"),
        Column("change", "本年增/减", negative=True),
        Column("decisions", "处理决定数量"),
    )
    return Table(
        "t2",
        "表二",
        (
            Group("item1", "第二十条第（一）项", made, (Row("rules", "规章"), Row("normative", "规范性文件"))),
            Group(
                "item5",
                "第二十条第（五）项",
                items,
                (Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
            ),
            Group(
                "item6",
                "第二十条第（六）项",
                items,
                (Row("penalty", "行政处罚"), Row("enforcement", "行政强制")),
            ),
            Group("item8", "第二十条第（八）项", items[:2], (Row("fees", "行政事业性收费"),)),
            Group(
                "item9",
                "第二十条第（九）项",
                (Column("procurement_items", "采购项目数量"), Column("procurement_amount", "采购总金额", decimals=True, unit="万元")),
                (Row("procurement", "政府集中采购"),),
            ),
        ),
    )


# ---------------------------------------------------------------- the sums between cells
Address = tuple[str, str]  # (row id, column id) inside one table


@dataclass(frozen=True)
class Equation:
    """One 勾稽 relation inside a table: sum(left) == sum(right).

    `total` is the cell a broken relation is reported at and the one the dialogue computes (a total the
    clerk is never asked for) — for a plain sum `left` is just that cell.  A `strict` relation applies only
    when all its cells are filled; otherwise a blank part counts as 0 once the total and at least one part are
    filled.
    """

    rule: str
    table: str
    left: tuple[Address, ...]
    right: tuple[Address, ...]
    total: Address
    strict: bool = False
    derivable: bool = True

    @property
    def cells(self) -> tuple[Address, ...]:
        return self.left + self.right

    def holds(self, value_of) -> bool | None:
        """True or False by `value_of(address)` (a number or None); None when the relation does not apply."""
        values = {a: value_of(a) for a in self.cells}
        if self.strict and any(v is None for v in values.values()):
            return None
        if values[self.total] is None:
            return None
        parts = [a for a in self.cells if a != self.total]
        if parts and all(values[a] is None for a in parts):
            return None  # every part left blank (a published 总计 column often is): nothing to add up; BLANK says so
        side = lambda cells: sum(values[a] or 0 for a in cells)  # noqa: E731
        return side(self.left) == side(self.right)


@cache
def _equations(version: str, subtotal: bool) -> tuple[Equation, ...]:
    fmt = get_format(version)
    t3_rows = [r.id for r in fmt.t3.rows]
    columns = list(T3_APPLICANT_COLUMNS) + (["subtotal"] if subtotal else []) + ["total"]
    out: list[Equation] = []
    # Derivation computes in this order: the （七）总计 row from the results, then each row's 总计 column.
    for c in columns:
        out.append(Equation("T3-BALANCE", "t3", (("new", c), ("carried", c)), (("results_total", c), ("carry_next", c)),
                            ("carry_next", c), strict=True, derivable=False))
        out.append(Equation("T3-RESULTS", "t3", (("results_total", c),),
                            tuple((r, c) for r in fmt.t3_result_rows), ("results_total", c)))
    for r in t3_rows:
        out.append(Equation("T3-COLUMNS", "t3", ((r, "total"),), tuple((r, c) for c in T3_APPLICANT_COLUMNS), (r, "total")))
        if subtotal:
            out.append(Equation("T3-COLUMNS", "t3", ((r, "subtotal"),), tuple((r, c) for c in T3_ORG_COLUMNS), (r, "subtotal")))
    for block, _ in T4_BLOCKS:
        out.append(Equation("T4-SUMS", "t4", (("cases", f"{block}.total"),),
                            tuple(("cases", f"{block}.{o}") for o in T4_PARTS), ("cases", f"{block}.total")))
    return tuple(out)


def in_force_now(last_in_force: float, issued: float, repealed: float) -> float:
    """现行有效件数 at the end of the year (X-VALID): last year's + issued − repealed."""
    return last_in_force + issued - repealed


# 表二 rows whose 现行有效 follows from last year's (2021 format).
IN_FORCE_ROWS = (("rules", "规章"), ("normative", "行政规范性文件"))


@cache
def get_format(version: str) -> ReportFormat:
    if version == "2021":
        t3 = _t3("2021")
        return ReportFormat("2021", "国办公开办函〔2021〕30号", _t2_2021(), t3, _t4(), _result_rows(t3))
    if version == "2019":
        t3 = _t3("2019")
        return ReportFormat("2019", "国办公开办函〔2019〕60号", _t2_2019(), t3, _t4(), _result_rows(t3))
    raise KeyError(version)


def _result_rows(t3: Table) -> tuple[str, ...]:
    return tuple(r.id for r in t3.rows if r.group == _RESULTS and r.id != "results_total")


def format_for_year(year: int) -> str:
    """The format a report for `year` must use."""
    return "2021" if year >= 2021 else "2019"


def cell_location(version: str, table_id: str, row_id: str, col_id: str) -> str:
    """The Chinese address of a cell, as a clerk would find it in the printed table."""
    fmt = get_format(version)
    table = fmt.tables[table_id]
    if table_id == "t4":
        block, outcome = col_id.split(".")
        block_label = dict(T4_BLOCKS)[block]
        prefix = "行政诉讼·" if block != "review" else ""
        return f"表四 · {prefix}{block_label} · {dict(T4_OUTCOMES)[outcome]}"
    row = table.row(row_id)
    path = " ".join(x for x in (row.group, row.subgroup, row.label) if x)
    if table_id == "t3" and col_id == "subtotal":
        col_label = "法人或其他组织·小计"
    else:
        col_label = table.column(row_id, col_id).label
    if table_id == "t2":
        return f"表二 · {table.group_of(row_id).title} · {row.label} · {col_label}"
    return f"表三 · {path} · {col_label}"
