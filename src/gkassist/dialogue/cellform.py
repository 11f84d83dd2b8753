"""A cell the clerk can always set: “表三 自然人 予以公开 2”, “表二 行政许可 12”, “表四 复议 维持 1”.

The table by its name, the row and the column by their labels in the format (core/formats/*.yaml) or the words
clerks use for them (prompts/answers.yaml), then the figure.  Whatever the reader makes of an answer, this form
says exactly one cell; the engine proposes it like any answer (shown, then “对”).  Totals and what follows from
last year's report are not set: they are derived, and the clerk is told so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gkassist.core.formats import ReportFormat as Format
from gkassist.core.numbers import format_number

# “表三 自然人 予以公开 2”, “表二：行政许可12件”, “表2 规范性文件 现行有效 = 9”
FORM = re.compile(r"^\s*表\s*([一二三四1-4])\s*[：:，,·\s]\s*(\S.*?)\s*[：:=为是]?\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)"
                  r"\s*(?:件|个|条|项|次|万元|元)?\s*[。！!]?\s*$")
_TABLES = {"一": "t1", "二": "t2", "三": "t3", "四": "t4", "1": "t1", "2": "t2", "3": "t3", "4": "t4"}
_WIDE = str.maketrans("０１２３４５６７８９．", "0123456789.")


@dataclass
class CellSaid:
    table: str
    row: str
    column: str
    value: int | float


def read_cell(text: str, fmt: Format) -> CellSaid | str | None:
    """The cell the direct form names; a Chinese message when it names none or several (or a derived one); None
    when the text is not the direct form (an ordinary answer)."""
    m = FORM.match(text)
    if not m:
        return None
    table = _TABLES[m[1]]
    if table not in fmt.tables or table == "t1":
        return f"“表{m[1]}”不是可以逐格填写的表（可以填的是表二、表三、表四）。"
    value_text = m[3].translate(_WIDE)
    value: int | float = float(value_text) if "." in value_text else int(value_text)
    found = _best(table, m[2], fmt)
    if isinstance(found, str):
        return found
    row, column = found
    col = next(c for _, r, c in fmt.tables[table].cells() if r.id == row and c.id == column)
    if isinstance(value, float) and not col.decimals:
        return f"{_where(fmt, table, row, column)}要填整数。"
    if why := derived(fmt, table, row, column):
        return why
    return CellSaid(table, row, column, value)


def derived(fmt: Format, table: str, row: str, column: str) -> str:
    """Why a cell is not the clerk's to set (a total, a figure carried from last year's report); "" when it is."""
    where = _where(fmt, table, row, column)
    totals = {eq.total for eq in fmt.equations(table) if eq.derivable}
    cell = next((r, c) for _, r, c in fmt.tables[table].cells() if r.id == row and c.id == column)
    if (row, column) in totals or cell[0].total or cell[1].total:
        return f"{where}是合计，由各项加起来，我来算；请说各项的数（如“表三 自然人 予以公开 2”）。"
    return ""


def carried_from_last_year(fmt: Format, table: str, row: str, column: str) -> bool:
    return (row, column) in {relation.this for relation in fmt.across_years if relation.table == table}


def _best(table: str, said: str, fmt: Format) -> tuple[str, str] | str:
    """The (row, column) whose names the words say, the longest names winning; a message when none or a tie."""
    t = fmt.tables[table]
    one_row = len(t.rows) == 1
    scored: dict[tuple[str, str], int] = {}
    for block, row, col in t.cells():
        row_len = 0 if one_row else _said(said, _row_names(table, row.id, row.plain_label, row.short))
        col_len = 0 if len(block.columns) == 1 else _said(said, _column_names(table, col.id, col.label))
        if (row_len or one_row) and (col_len or len(block.columns) == 1):
            named = [n for n in col.named[-1:]]
            block_len = _said(said, _block_names(col.id.split(".")[0], named)) if named else 0
            if named and not block_len:
                continue
            scored[(row.id, col.id)] = row_len + col_len + block_len
    if not scored:
        return f"没找到“{said}”是{t.name}的哪一格。请写成“{t.name} 行名 列名 数字”，例如“表三 自然人 予以公开 2”。"
    best = max(scored.values())
    top = [cell for cell, score in scored.items() if score == best]
    if len(top) > 1:
        names = "、".join(_where(fmt, table, r, c) for r, c in top[:4])
        return f"“{said}”可以是{names}，请说得具体一些。"
    return top[0]


def _said(text: str, names: tuple[str, ...]) -> int:
    """The length of the longest name found in the text (0: none)."""
    best = 0
    for name in names:
        for m in re.finditer(name, text):
            best = max(best, len(m.group(0)))
    return best


@cache
def _synonyms() -> dict[str, dict[str, tuple[str, ...]]]:
    """prompts/answers.yaml's words for rows and columns, by table (what it names the lists may change: read
    leniently)."""
    from gkassist.dialogue.answers.words import answer_words

    w = answer_words()

    def get(name: str) -> dict[str, tuple[str, ...]]:
        return dict(getattr(w, name, None) or {})

    return {"t3.rows": get("results"), "t3.columns": get("kinds"), "t2.rows": get("proactive_rows"),
            "t2.columns": get("proactive_columns"), "t4.blocks": get("appeal_blocks"), "t4.columns": get("outcomes")}


def _row_names(table: str, row: str, label: str, short: str) -> tuple[str, ...]:
    own = tuple(re.escape(x) for x in (label, short) if x)
    return own + tuple(_synonyms().get(f"{table}.rows", {}).get(row, ()))


def _column_names(table: str, column: str, label: str) -> tuple[str, ...]:
    outcome = column.split(".")[-1]
    return (re.escape(label),) + tuple(_synonyms().get(f"{table}.columns", {}).get(outcome, ()))


def _block_names(block: str, named: list[str]) -> tuple[str, ...]:
    return tuple(re.escape(n) for n in named) + tuple(_synonyms().get("t4.blocks", {}).get(block, ()))


def _where(fmt: Format, table: str, row: str, column: str) -> str:
    where, col = fmt.location_parts(table, row, column)
    return f"“{where}·{col}”"


def describe(fmt: Format, cell: CellSaid) -> str:
    return f"{_where(fmt, cell.table, cell.row, cell.column)}填{format_number(cell.value)}"
