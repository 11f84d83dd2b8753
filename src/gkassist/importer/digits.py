"""Table rows whose digits ran together (“640020470”): the ways to cut them into cells, and which ways keep the
sums the format declares (a row's 总计, 表三's columns).  A row that still splits several ways is `Ambiguous`:
none is guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from gkassist.core import formats
from gkassist.core.numbers import format_number


def _splits(digits: str, pieces: int):
    """All ways to cut a digit string into `pieces` numbers without leading zeros."""
    if pieces == 1:
        if len(digits) == 1 or digits[0] != "0":
            yield (int(digits),)
        return
    for i in range(1, len(digits) - pieces + 2):
        head = digits[:i]
        if len(head) > 1 and head[0] == "0":
            break
        for rest in _splits(digits[i:], pieces - 1):
            yield (int(head),) + rest


def split_cells(values: list[str], n: int, constraint, limit: int = 50) -> list[list[int]]:
    """The ways to cut tokens whose cells ran together into n cells.

    A cut forced by the digits alone (e.g. 15 digits into 15 cells) is the only reading and is kept
    even if the row does not add up (the checks report that) — but only for one run of digits: numbers
    the text already separates (“258 12 1 1” in a PDF whose blank cells left no text) are cut further only
    where the row's totals (`constraint`) hold.  Returns at most `limit` candidates."""
    if any(not re.fullmatch(r"\d+", v) for v in values) or sum(len(v) for v in values) < n:
        return []
    all_cuts: list[list[int]] = []
    fitting: list[list[int]] = []
    for counts in product(*(range(1, len(v) + 1) for v in values)):
        if sum(counts) != n:
            continue
        for combo in product(*(list(_splits(v, k)) for v, k in zip(values, counts))):
            cells = [x for part in combo for x in part]
            if len(all_cuts) < 2:
                all_cuts.append(cells)
            if constraint is None or constraint(cells):
                fitting.append(cells)
                if len(fitting) >= limit:
                    return fitting
    if len(all_cuts) == 1 and len(values) == 1:
        return all_cuts
    return fitting


def can_cut(digits: str, n: int) -> bool:
    """Whether a run of digits can be cut into n numbers at all (without leading zeros)."""
    return len(digits) >= n and next(_splits(digits, n), None) is not None


def _fits(equations, value_of) -> bool:
    """Whether a candidate split keeps the declared relations.  A sum with a cell still unknown cannot vouch
    for a split (no fit); a strict relation (T3-BALANCE) with one unknown simply does not apply."""
    for eq in equations:
        values = [value_of(a) for a in eq.cells]
        if any(not isinstance(v, (int, float)) for v in values):
            if eq.strict:
                continue
            return False
        if sum(values[: len(eq.left)]) != sum(values[len(eq.left):]):
            return False
    return True


def row_constraint(version: str, table_id: str, row_id: str, col_ids: list[str], subtotal: bool = False):
    """The relations inside one table row (T3-COLUMNS, T4-SUMS) as a test of a candidate list of cells."""
    equations = [e for e in formats.get_format(version).equations(table_id, with_optional=subtotal)
                 if all(r == row_id and c in col_ids for r, c in e.cells)]
    return lambda values: _fits(equations, dict(zip(((row_id, c) for c in col_ids), values)).get)


def t3_columns_hold(version: str, t3: dict, cols: list[str], subtotal: bool) -> bool:
    """The column relations of 表三 (T3-RESULTS, T3-BALANCE) over the columns `cols` of a trial table."""
    equations = [e for e in formats.get_format(version).equations("t3", with_optional=subtotal)
                 if e.each == "column" and e.total[1] in cols]
    return _fits(equations, lambda a: t3.get(a[0], {}).get(a[1]))


@dataclass
class Ambiguous:
    """A row whose digits ran together and split several ways: none is guessed."""

    columns: list[str]
    splits: list[list[int]]
    digits: str
    where: str  # “表二 · 第二十条第（一）项 · 行政规范性文件”
    said: str = ""  # the problem the import reported for it
    text_said: str = ""  # what the report's own figures made of it, when they did not settle it

    def settled(self, values: list, by: str) -> str:
        return f"{self.where}：数字连在一起（{self.digits}），{by}拆为{'、'.join(format_number(v) for v in values)}，请核对"

