"""The official table layouts (merged header cells included), derived from `formats`.

One grid per table: rows of `GridCell`s in HTML semantics (a merged cell appears once, with its
rowspan/colspan).  The HTML template renders it as is, the Word writer places it in a full matrix and
merges; text and Markdown use `flat_rows`, a one-label-per-row reading of the same definition.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from gkassist.core import formats
from gkassist.core.formats import T3_NOTE, T4_BLOCKS, T4_OUTCOMES
from gkassist.core.model import Cell, Report


@dataclass
class GridCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    number: bool = False


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


# ------------------------------------------------------------------ grids
def t2_grid(report: Report) -> list[list[GridCell]]:
    table = report.format.t2
    width = max(len(g.columns) for g in table.groups)
    rows: list[list[GridCell]] = []
    for g in table.groups:
        rows.append([GridCell(g.title, colspan=width + 1, header=True)])
        header = [GridCell("信息内容", header=True)]
        for i, c in enumerate(g.columns):
            span = width - len(g.columns) + 1 if i == len(g.columns) - 1 else 1
            header.append(GridCell(c.label, colspan=span, header=True))
        rows.append(header)
        for r in g.rows:
            line = [GridCell(r.label, header=True)]
            for i, c in enumerate(g.columns):
                span = width - len(g.columns) + 1 if i == len(g.columns) - 1 else 1
                line.append(GridCell(cell_text(report.cell("t2", r.id, c.id)), colspan=span, number=True))
            rows.append(line)
    return rows


def t3_value_columns(report: Report) -> list[str]:
    cols = [c.id for c in formats.T3_COLUMNS]
    if report.has_subtotal():
        cols.insert(cols.index("total"), "subtotal")
    return cols


def t3_grid(report: Report) -> list[list[GridCell]]:
    table = report.format.t3
    cols = t3_value_columns(report)
    n_org = 6 if "subtotal" in cols else 5
    rows: list[list[GridCell]] = [
        [GridCell(T3_NOTE, rowspan=3, colspan=3, header=True), GridCell("申请人情况", colspan=len(cols), header=True)],
        [GridCell("自然人", rowspan=2, header=True), GridCell("法人或其他组织", colspan=n_org, header=True),
         GridCell("总计", rowspan=2, header=True)],
        [GridCell(formats.T3_SUBTOTAL_COLUMN.label if c == "subtotal" else table.column("new", c).label, header=True)
         for c in cols if c not in ("natural", "total")],
    ]
    body_rows = table.rows
    group_sizes: dict[str, int] = {}
    sub_sizes: dict[str, int] = {}
    for r in body_rows:
        if r.group:
            group_sizes[r.group] = group_sizes.get(r.group, 0) + 1
        if r.subgroup:
            sub_sizes[r.subgroup] = sub_sizes.get(r.subgroup, 0) + 1
    seen: set[str] = set()

    def merged_once(label: str, sizes: dict[str, int]) -> list[GridCell]:
        """A label spanning its rows appears in the first of them only."""
        if label in seen:
            return []
        seen.add(label)
        return [GridCell(label, rowspan=sizes[label], header=True)]

    for r in body_rows:
        line: list[GridCell] = []
        if not r.group:
            line.append(GridCell(r.label, colspan=3, header=True))
        else:
            line += merged_once(r.group, group_sizes)
            if not r.subgroup:
                line.append(GridCell(r.label, colspan=2, header=True))
            else:
                line += merged_once(r.subgroup, sub_sizes)
                line.append(GridCell(r.label, header=True))
        line += [GridCell(cell_text(report.cell("t3", r.id, c)), number=True) for c in cols]
        rows.append(line)
    return rows


def t4_grid(report: Report) -> list[list[GridCell]]:
    outcomes = [GridCell(label, header=True) for _, label in T4_OUTCOMES]
    return [
        [GridCell("行政复议", colspan=5, header=True), GridCell("行政诉讼", colspan=10, header=True)],
        [GridCell(label, rowspan=2, header=True) for _, label in T4_OUTCOMES]
        + [GridCell(label, colspan=5, header=True) for _, label in T4_BLOCKS[1:]],
        outcomes + [GridCell(c.text, header=True) for c in outcomes],
        [GridCell(cell_text(report.cell("t4", "cases", c.id)), number=True) for c in formats.T4_COLUMNS],
    ]


GRIDS = {"t2": t2_grid, "t3": t3_grid, "t4": t4_grid}


def grid_matrix(grid: list[list[GridCell]]) -> tuple[list[list[GridCell | None]], list[tuple[int, int, GridCell]]]:
    """Place a grid in a full matrix: returns the matrix (None where covered) and the origins."""
    placed: dict[tuple[int, int], GridCell | None] = {}
    origins: list[tuple[int, int, GridCell]] = []
    for r, row in enumerate(grid):
        c = 0
        for cell in row:
            while (r, c) in placed:
                c += 1
            origins.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    placed[(r + dr, c + dc)] = cell if (dr, dc) == (0, 0) else None
            c += cell.colspan
    n_rows = len(grid)
    n_cols = max(c for _, c in placed) + 1
    matrix = [[placed.get((r, c)) for c in range(n_cols)] for r in range(n_rows)]
    return matrix, origins


# ------------------------------------------------------------------ flat reading (text, Markdown)
@dataclass
class FlatTable:
    title: str  # e.g. 第二十条第（一）项, or "" for 表三/表四
    header: list[str]
    rows: list[list[str]]  # first item the label


def flat_tables(report: Report, table_id: str) -> list[FlatTable]:
    fmt = report.format
    if table_id == "t2":
        return [
            FlatTable(g.title, ["信息内容"] + [c.label for c in g.columns],
                      [[r.label] + [cell_text(report.cell("t2", r.id, c.id)) for c in g.columns] for r in g.rows])
            for g in fmt.t2.groups
        ]
    if table_id == "t3":
        cols = t3_value_columns(report)
        header = ["申请人情况"] + [
            formats.T3_SUBTOTAL_COLUMN.label if c == "subtotal" else fmt.t3.column("new", c).label for c in cols
        ]
        rows = []
        for r in fmt.t3.rows:
            label = " ".join(x for x in (r.subgroup, r.label) if x)
            if r.group and not r.subgroup and r.id == "open":
                label = f"{r.group} {r.label}"
            rows.append([label] + [cell_text(report.cell("t3", r.id, c)) for c in cols])
        org = "、".join(fmt.t3.column("new", c).label for c in formats.T3_ORG_COLUMNS)
        return [FlatTable(f"（{org}为法人或其他组织）", header, rows)]
    # 表四 read as three rows (复议, and the two kinds of 诉讼) of the five outcomes
    header = ["类别"] + [label for _, label in T4_OUTCOMES]
    rows = [[("行政诉讼·" if b != "review" else "") + bl] + [cell_text(report.cell("t4", "cases", f"{b}.{o}")) for o, _ in T4_OUTCOMES]
            for b, bl in T4_BLOCKS]
    return [FlatTable("", header, rows)]


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def pad(s: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(s))
    return gap + s if right else s + gap
