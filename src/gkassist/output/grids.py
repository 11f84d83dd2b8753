"""The official table layouts (merged header cells included), derived from the report's format.

One grid per table: rows of `GridCell`s in HTML semantics (a merged cell appears once, with its rowspan/colspan).
The HTML template renders it as is, the Word writer places it in a full matrix and merges; text and Markdown use
`flat_tables`, a one-label-per-row reading of the same definition.  Nothing here knows a particular table: the
header is built from each column's place under the header cells above it (`Column.under`), the row labels from
each row's groups (`Row.path`), so a format with another row or column lays out by itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gkassist.core.formats import Column, Table
from gkassist.core.model import Cell, Report

# “（一）主动公开。”: the lead a paragraph opens with, the 公文 二级标题 (楷体 in Word and HTML)
SUBHEADING = re.compile(r"^([（(][一二三四五六七八九十]{1,3}[）)][^。；]{0,20}?。)")


@dataclass
class GridCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    number: bool = False


def cell_text(value: Cell, column: Column | None = None) -> str:
    """A cell as printed: an amount whose unit its official label does not state carries it (“25.1万元”, the
    2019 format's 采购总金额), so that nobody reads 25.1 where the source said 251000元; the label stays verbatim."""
    if value is None:
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    if column is not None and column.unit and column.unit not in column.label and isinstance(value, (int, float)):
        text += column.unit
    return text


def shown_columns(report: Report, table: Table) -> list[Column]:
    """The columns a report's table shows: optional ones (小计) only where the report fills them."""
    with_optional = report.has_optional(table.id)
    return [c for c in table.columns if with_optional or not c.optional]


# ------------------------------------------------------------------ grids
def blocks_grid(report: Report, table: Table) -> list[list[GridCell]]:
    """A table of several blocks (表二): each block's title row, its header row, its rows."""
    width = max(len(b.columns) for b in table.blocks)
    rows: list[list[GridCell]] = []
    for b in table.blocks:
        rows.append([GridCell(b.title, colspan=width + 1, header=True)])
        span = lambda i: width - len(b.columns) + 1 if i == len(b.columns) - 1 else 1  # noqa: E731 — the last widens
        rows.append([GridCell(table.label_heading, header=True)]
                    + [GridCell(c.label, colspan=span(i), header=True) for i, c in enumerate(b.columns)])
        for r in b.rows:
            rows.append([GridCell(r.label, header=True)] + [
                GridCell(cell_text(report.cell(table.id, r.id, c.id), c), colspan=span(i), number=True)
                for i, c in enumerate(b.columns)])
    return rows


def _header(table: Table, columns: list[Column], label_columns: int) -> list[list[GridCell]]:
    """The header rows: every header cell over the columns it covers, every column's own label under them."""
    depth = max(len(c.under) + 1 for c in columns)
    levels = depth + (1 if table.heading else 0)
    rows: list[list[GridCell]] = [[] for _ in range(levels)]
    if label_columns:
        rows[0].append(GridCell(table.corner, rowspan=levels, colspan=label_columns, header=True))
    if table.heading:
        rows[0].append(GridCell(table.heading, colspan=len(columns), header=True))
    top = 1 if table.heading else 0
    for level in range(depth):
        i = 0
        while i < len(columns):
            c = columns[i]
            if len(c.under) == level:  # the column's own label, down to the last header row
                rows[top + level].append(GridCell(c.label, rowspan=depth - level, header=True))
                i += 1
            elif len(c.under) > level:  # a header cell over this column and its neighbours under it
                prefix = c.under[:level + 1]
                n = next((j for j in range(i, len(columns)) if columns[j].under[:level + 1] != prefix), len(columns)) - i
                rows[top + level].append(GridCell(c.under[level], colspan=n, header=True))
                i += n
            else:
                i += 1  # covered by its own label above
    return rows


def single_grid(report: Report, table: Table) -> list[list[GridCell]]:
    """A one-block table (表三, 表四): header from the columns' places, row labels merged down their groups."""
    columns = shown_columns(report, table)
    rows_def = table.rows
    label_columns = (max(len(r.path) for r in rows_def) + 1) if table.row_labels else 0
    grid = _header(table, columns, label_columns)
    for i, r in enumerate(rows_def):
        line: list[GridCell] = []
        if label_columns:
            for level, group in enumerate(r.path):
                prefix = r.path[:level + 1]
                if i == 0 or rows_def[i - 1].path[:level + 1] != prefix:  # the group's first row carries its label
                    size = next((k for k, x in enumerate(rows_def[i:]) if x.path[:level + 1] != prefix), len(rows_def) - i)
                    line.append(GridCell(group, rowspan=size, header=True))
            line.append(GridCell(r.label, colspan=label_columns - len(r.path), header=True))
        line += [GridCell(cell_text(report.cell(table.id, r.id, c.id), c), number=True) for c in columns]
        grid.append(line)
    return grid


def table_grid(report: Report, table_id: str) -> list[list[GridCell]]:
    table = report.format.tables[table_id]
    return blocks_grid(report, table) if len(table.blocks) > 1 else single_grid(report, table)


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
    title: str  # e.g. 第二十条第（一）项, or a line above the table
    header: list[str]
    rows: list[list[str]]  # first item the label


def flat_tables(report: Report, table_id: str) -> list[FlatTable]:
    table = report.format.tables[table_id]
    if len(table.blocks) > 1:
        return [FlatTable(b.title, [table.label_heading] + [c.label for c in b.columns],
                          [[r.label] + [cell_text(report.cell(table_id, r.id, c.id), c) for c in b.columns] for r in b.rows])
                for b in table.blocks]
    if table.row_labels:
        return [_flat_rows(report, table)]
    return [_flat_column_groups(report, table)]


def _flat_rows(report: Report, table: Table) -> FlatTable:
    """表三 read as its rows: a row's groups before its label (the top group only on the group's first row)."""
    columns = shown_columns(report, table)
    rows = []
    for i, r in enumerate(table.rows):
        first_of_top = r.path and (i == 0 or table.rows[i - 1].path[:1] != r.path[:1])
        label = " ".join((r.path[:1] if first_of_top and len(r.path) == 1 else ()) + r.path[1:] + (r.label,))
        rows.append([label] + [cell_text(report.cell(table.id, r.id, c.id), c) for c in columns])
    groups: dict[str, list[str]] = {}
    for c in columns:
        if c.under and not c.optional:
            groups.setdefault(c.under[-1], []).append(c.label)
    title = "".join(f"（{'、'.join(labels)}为{group}）" for group, labels in groups.items())
    return FlatTable(title, [table.heading] + [c.label for c in columns], rows)


def _flat_column_groups(report: Report, table: Table) -> FlatTable:
    """表四 read as one row per group of columns (行政复议, 行政诉讼·未经复议直接起诉, …) of the same outcomes."""
    columns = shown_columns(report, table)
    by_group: dict[tuple[str, ...], list[Column]] = {}
    for c in columns:
        by_group.setdefault(c.under, []).append(c)
    header = [table.label_heading] + [c.label for c in next(iter(by_group.values()))]
    row = table.rows[0]
    rows = [["·".join(under)] + [cell_text(report.cell(table.id, row.id, c.id), c) for c in cols] for under, cols in by_group.items()]
    return FlatTable("", header, rows)


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def pad(s: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(s))
    return gap + s if right else s + gap
