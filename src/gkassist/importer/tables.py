"""The table reader: 表二 and 表三 by their row labels in the format's order, 表四 as its one row of fifteen cells,
each row's cells from the tokens after its label; digits run together split by the declared sums."""

from __future__ import annotations

import re
from functools import cache
from itertools import product

from gkassist.core import formats
from gkassist.core.figures import stated_figures
from gkassist.core.model import NOT_APPLICABLE
from gkassist.core.numbers import format_number, parse_number
from gkassist.importer.digits import Ambiguous, can_cut, row_constraint, split_cells, t3_columns_hold
from gkassist.importer.labels import loose_matches
from gkassist.importer.result import ImportResult
from gkassist.importer.tokens import Token, leading_cells, tokenize


@cache
def t4_words(version: str) -> re.Pattern:
    """A run of 表四's header words (行政复议, 未经复议直接起诉, 结果维持, …, 类别 and the “·” joining them), from the
    format's own labels: text among 表四's cells that is no cell."""
    table = formats.get_format(version).t4
    words = {table.label_heading, *(c.label for c in table.columns), *(u for c in table.columns for u in c.under)}
    return re.compile("[" + re.escape("".join(sorted(set("".join(words))))) + "·|]+")


def _label_pattern(label: str) -> str:
    parts = []
    chars = list(label)
    for i, ch in enumerate(chars):
        if ch in "“”\"‘’'":
            parts.append(r"[“”\"‘’'「」]?")
        elif ch in "（(":
            parts.append(r"[（(]")
        elif ch in "）)":
            parts.append(r"[）)]")
        elif ch in "，,":
            parts.append(r"[，,、]")
        elif ch == "、":
            parts.append(r"[、，,]")
        elif ch == "." and i > 0 and chars[i - 1].isdigit():
            parts.append(r"[.．、]")
        else:
            parts.append(re.escape(ch))
    return r"\s*".join(parts)


@cache
def row_patterns(version: str, table_id: str) -> list[tuple[str, re.Pattern]]:
    table = formats.get_format(version).tables[table_id]
    out = []
    for row in table.rows:
        if not table.row_labels:
            continue  # 表四: one row of numbers under its header, no label
        out.append((row.id, re.compile(_label_pattern(row.label))))
    return out


UNKNOWN_UNIT = object()  # an amount printed without a unit where the heading states none either: not guessed


class TableReader:
    """Reads the tables of one report's text into its ImportResult."""

    def __init__(self, result: ImportResult, text: str):
        self.result = result
        self.report = result.report
        self.text = text
        self.ambiguous: dict[tuple[str, str], Ambiguous] = {}
        self.closing_pipes: dict[str, int] = {}  # rows of each table read with a closing "|" after their cells
        self.heading_units: dict[tuple[str, str], str] = {}  # (table, column) → the unit its printed heading states

    def _put(self, table_id: str, row_id: str, col_ids: list[str], tokens: list[Token] | None, constraint=None) -> bool:
        n = len(col_ids)
        values: list | None = None
        if tokens and len(tokens) == n + 1 and tokens[-1].trailing:
            tokens = tokens[:-1]  # a Markdown row's closing "|"
            self.closing_pipes[table_id] = self.closing_pipes.get(table_id, 0) + 1
        elif tokens and len(tokens) == n and tokens[-1].trailing and self.closing_pipes.get(table_id, 0) >= 2:
            tokens = tokens[:-1]  # every row so far closed with a "|": this one's is no blank cell, it lacks one
        if tokens and len(tokens) > n and all(t.kind == "blank" for t in tokens[n:]) and any(t.kind != "blank" for t in tokens[:n]):
            tokens = tokens[:n]  # “| 行政许可 | 0 | ||”: empty fields after the row's cells are a merged cell's remnants
        if tokens and len(tokens) > n and all(t.spacing for t in tokens if t.kind == "blank"):
            filled = [t for t in tokens if t.kind != "blank"]
            if len(filled) == n:
                tokens = filled  # “规章\t\t0\t\t0\t\t0”: tabs lining the cells up, no blank cells
        if tokens is not None:
            if len(tokens) == n:
                values = [self._value(t, table_id, row_id, c) for t, c in zip(tokens, col_ids)]
            elif 0 < len(tokens) < n and all(t.kind == "num" and "." not in t.text for t in tokens):
                candidates = split_cells([t.text for t in tokens], n, constraint)
                if not candidates and constraint is not None and len(tokens) == 1 and can_cut(tokens[0].text, n):
                    self._inconsistent(table_id, row_id, col_ids, tokens[0].text)
                if len(candidates) == 1:
                    values = candidates[0]
                elif len(candidates) > 1:
                    self.ambiguous[(table_id, row_id)] = Ambiguous(col_ids, candidates, " ".join(t.text for t in tokens),
                                                                   self._where(table_id, row_id, col_ids))
                    return False
        if values is None:
            for c in col_ids:
                self.result.unread.append((table_id, row_id, c))
            return False
        self._store(table_id, row_id, col_ids, values)
        return True

    def _inconsistent(self, table_id: str, row_id: str, col_ids: list[str], digits: str) -> None:
        """A row printed as one run of digits that no cut makes add up: the published table itself does not add
        up (kept on the report: the checks show it as the table's error), and the row stays unread."""
        self.result.notes.inconsistent_rows.append((table_id, row_id, digits))
        where = "表四" if table_id == "t4" else self._where(table_id, row_id, col_ids)
        self.result.problems.append(f"{where}：数字连在一起（{digits}），"
                                    "没有一种拆法能使这一行的总计等于各项之和，原表本身不一致，未读出")

    def _store(self, table_id: str, row_id: str, col_ids: list[str], values: list) -> None:
        for c, v in zip(col_ids, values):
            if v is UNKNOWN_UNIT:
                self.result.unread.append((table_id, row_id, c))
                continue
            try:
                self.report.set_cell(table_id, row_id, c, v)
            except ValueError as e:  # a negative count, a decimal count: the cell stays unread
                self.result.problems.append(str(e))
                self.result.unread.append((table_id, row_id, c))
                continue
            self.result.read_cells += 1

    def resolve_ambiguous_t3(self) -> None:
        """表三's rows whose run-together digits split several ways: keep the one split (jointly over all
        such rows) under which every column's T3-RESULTS and T3-BALANCE totals hold; said as unread if none."""
        rows = [k for k in self.ambiguous if k[0] == "t3"]
        if rows:
            fmt = self.report.format
            t3 = self.report.tables["t3"]
            choices = [self.ambiguous[k].splits for k in rows]
            fits = []
            combos = 1
            for c in choices:
                combos *= len(c)
            if combos <= 5000:
                for combo in product(*choices):
                    trial = {r: dict(t3[r]) for r in t3}
                    for (_, row_id), values in zip(rows, combo):
                        trial[row_id].update(zip(self.ambiguous[("t3", row_id)].columns, values))
                    cols = self.ambiguous[("t3", rows[0][1])].columns
                    if t3_columns_hold(fmt.version, trial, cols, "subtotal" in cols):
                        fits.append(combo)
                        if len(fits) > 1:
                            break
            if len(fits) == 1:
                for (_, row_id), values in zip(rows, fits[0]):
                    self._store("t3", row_id, self.ambiguous[("t3", row_id)].columns, list(values))
                    del self.ambiguous[("t3", row_id)]

    def resolve_with_stated_figures(self) -> None:
        """Rows still ambiguous (表二's run-together digits): the one split that agrees with every figure the
        report's own text states for the row's cells (“制发…88件”, “现行有效…698件”), said as a problem."""
        stated: dict[tuple[str, str, str], set] = {}
        quoted: dict[tuple[str, str, str], str] = {}
        for _, _, figure, m, value in stated_figures(self.report):
            if figure.single:  # a figure of one cell (not a sum of several)
                stated.setdefault(figure.single, set()).add(value)
                quoted.setdefault(figure.single, m.group(0))
        for (table_id, row_id), row in list(self.ambiguous.items()):
            known = [(i, stated[(table_id, row_id, c)]) for i, c in enumerate(row.columns) if (table_id, row_id, c) in stated]
            if not known:
                continue
            fits = [values for values in row.splits if all(values[i] in allowed for i, allowed in known)]
            said = "、".join(f"“{quoted[(table_id, row_id, row.columns[i])]}”" for i, _ in known)
            if len(fits) == 1:
                self._store(table_id, row_id, row.columns, list(fits[0]))
                del self.ambiguous[(table_id, row_id)]
                self.result.problems.append(row.settled(fits[0], f"按正文{said}"))
            elif fits:
                row.splits, row.text_said = fits, f"按正文{said}仍"
            else:
                row.text_said = f"与正文{said}都不相符，"

    def _where(self, table_id: str, row_id: str, col_ids: list[str]) -> str:
        return self.report.format.location_parts(table_id, row_id, col_ids[0])[0]

    def report_ambiguous(self) -> None:
        """What no constraint settled: unread, said, and kept on the result (last year's report may settle it)."""
        for (table_id, row_id), row in self.ambiguous.items():
            row.said = (f"{row.where}：数字连在一起（{row.digits}），{row.text_said}"
                        f"有{len(row.splits) if len(row.splits) < 50 else '50多'}种拆法都说得通，未猜测")
            self.result.problems.append(row.said)
            self.result.ambiguous[(table_id, row_id)] = row
            for c in row.columns:
                self.result.unread.append((table_id, row_id, c))
        self.ambiguous.clear()

    def read_single_other_row(self, start: int, end: int, cols: list[str], with_sub: bool) -> None:
        """A report published with an earlier layout's single row where this format has several (2019's
        “（六）其他处理”, split in 2021): its numbers go to the row the format names for it (“3.其他”), the other rows
        of its group are 0 in that layout; said as a problem, never dropped."""
        fmt = self.report.format
        for legacy, row_id in fmt.legacy_rows.items():
            group = fmt.t3.row(row_id).groups[-1]
            rows = fmt.t3.rows_in(group)
            cells = [("t3", r, c) for r in rows for c in cols]
            if not all(cell in self.result.unread for cell in cells):
                continue
            following = fmt.t3.rows[fmt.t3.rows.index(fmt.t3.row(rows[-1])) + 1]  # the row after the group
            m = re.search(_label_pattern(legacy), self.text[start:end])
            nxt = re.search(_label_pattern(following.label), self.text[start:end])
            if not m or not nxt or nxt.start() < m.end():
                continue
            tokens = leading_cells(tokenize(self.text[start + m.end(): start + nxt.start()], start + m.end()), len(cols))
            self.result.unread = [cell for cell in self.result.unread if cell not in cells]
            if not self._put("t3", row_id, cols, tokens, row_constraint(fmt.version, "t3", row_id, cols, with_sub)):
                continue
            for other in rows:
                if other != row_id:
                    self._store("t3", other, cols, [0] * len(cols))
            self.report.t3_single_other_row = True
            earlier = next((f.name for f in formats.all_formats() if any(r.label == legacy for r in f.t3.rows)), "旧版")
            self.result.problems.append(f"表三用的是{earlier}格式的“{legacy}”一行（{fmt.name}分为{len(rows)}项），已计入"
                                        f"“{fmt.t3.row(row_id).label}”，另{len(rows) - 1}项按0计")

    def _value(self, t: Token, table_id: str, row_id: str, col_id: str):
        if t.kind == "na":
            return NOT_APPLICABLE
        if t.kind == "blank":
            return None
        value = parse_number(t.text)
        column = self.report.format.tables[table_id].column(row_id, col_id)
        if column.unit is None or value is None:
            return value
        # the amount's unit as printed: with the figure (“251000元”), else in the column's heading (“采购总金额（元）”)
        printed = t.unit or self.heading_units.get((table_id, col_id))
        if printed is None and column.unit in column.label:
            printed = column.unit  # the official heading states it (“本年收费金额（单位：万元）”)
        where = self.report.format.location(table_id, row_id, col_id)
        if printed == column.unit or value == 0:
            return value
        if printed == "元" and column.unit == "万元":
            converted = round(value / 10000, 6)
            converted = int(converted) if converted == int(converted) else converted
            if t.unit is None or column.unit not in column.label:  # a conversion the heading does not make plain
                self.result.problems.append(f"{where}：原文为{format_number(value)}元，按万元记为{format_number(converted)}")
            return converted
        self.result.problems.append(f"{where}：原文“{t.text}”没有写明单位（元还是万元），未读出")
        return UNKNOWN_UNIT

    def read_heading_units(self, start: int, end: int) -> None:
        """The unit a table's heading prints for an amount column (“采购总金额（元）”, “本年收费金额（单位：元）”)."""
        for table_id, table in self.report.format.tables.items():
            for _, _, column in table.cells():
                if column.unit:
                    name = re.sub(r"[（(].*", "", column.label)
                    m = re.search(_label_pattern(name) + r"\s*[（(]\s*(?:单位\s*[:：]\s*)?(万元|元)\s*[）)]", self.text[start:end])
                    if m:
                        self.heading_units[(table_id, column.id)] = m.group(1)

    def read_t2(self, start: int, end: int) -> int:
        fmt = self.report.format
        self.read_heading_units(start, end)
        return self.read_rows("t2", start, end, lambda r: [c.id for c in fmt.t2.block_of(r).columns], lambda r: None)

    def read_t3(self, start: int, end: int) -> int:
        version = self.report.format_version
        header = re.sub(r"\s+", "", self.text[start: start + 400])
        with_sub = "小计" in header.split("一、本年新收")[0]
        cols = list(self.report.format.t3.value_columns(with_optional=with_sub))
        table_end = self.read_rows("t3", start, end, lambda r: cols, lambda r: row_constraint(version, "t3", r, cols, with_sub))
        self.read_single_other_row(start, end, cols, with_sub)
        self.resolve_ambiguous_t3()
        return table_end

    def read_t4(self, start: int, end: int, mark_end: int) -> int:
        """表四's labels may sit between its numbers (one row per 复议/诉讼 kind): skip them; header lines (no
        digit: “| 结果维持 | 结果纠正 | …” or merged cells left blank) are blanked out, keeping the offsets."""
        region = re.sub(r"[^\n]+", lambda m: m.group(0) if re.search(r"\d", m.group(0)) else " " * len(m.group(0)),
                        self.text[start:end])
        t4_cols = list(self.report.format.t4.value_columns())
        cells = [t for t in tokenize(region, start) if not (t.kind == "text" and t4_words(self.report.format_version).fullmatch(t.text))]
        # each row's closing "|" leaves a trailing empty field: no cell in “| 5 | 0 |”, the last blank cell in
        # “5 |  | 2 |  |” (a page's row whose last cell is empty): the count of cells tells which
        tokens = leading_cells([t for t in cells if not (t.kind == "blank" and t.trailing)], len(t4_cols))
        if len(tokens) != len(t4_cols) and len(with_trailing := leading_cells(cells, len(t4_cols))) == len(t4_cols):
            tokens = with_trailing
        self._put("t4", "cases", t4_cols, tokens, row_constraint(self.report.format_version, "t4", "cases", t4_cols))
        return tokens[-1].end if tokens else mark_end


    def read_rows(self, table_id: str, region_start: int, region_end: int, columns_of, constraint_of) -> int:
        """Read labelled rows in order; returns the end of the last cell read (or region_start)."""
        text = self.text
        spans = self._find_labels(table_id, region_start, region_end)
        last_end = region_start
        for i, (row_id, span) in enumerate(spans):
            cols = columns_of(row_id)
            if not span:
                for c in cols:
                    self.result.unread.append((table_id, row_id, c))
                continue
            nxt = next((s[0] for _, s in spans[i + 1:] if s), region_end)
            tokens = leading_cells(tokenize(text[span[1]:nxt], span[1]), len(cols))
            if self._put(table_id, row_id, cols, tokens, constraint_of(row_id)) and tokens:
                last_end = max(last_end, tokens[-1].end)
            elif tokens:
                last_end = max(last_end, tokens[-1].end)
            else:
                last_end = max(last_end, span[1])
        return last_end

    def _find_labels(self, table_id: str, region_start: int, region_end: int) -> list[tuple[str, tuple[int, int] | None]]:
        """Each row's label (start, end) in the format's order: found exactly, else loosely in its place between
        the rows found around it (said on the result), else None."""
        text, version = self.text, self.report.format_version
        spans: list[tuple[str, tuple[int, int] | None]] = []
        pos = region_start
        for row_id, pattern in row_patterns(version, table_id):
            m = pattern.search(text, pos, region_end)
            spans.append((row_id, m.span() if m else None))
            if m:
                pos = m.end()
        table = self.report.format.tables[table_id]
        i = 0
        while i < len(spans):
            if spans[i][1]:
                i += 1
                continue
            j = i
            while j < len(spans) and not spans[j][1]:
                j += 1
            before, after = spans[i - 1][1] if i > 0 else None, spans[j][1] if j < len(spans) else None
            gap_start = before[1] if before else region_start  # the row before the gap was found (spans[i - 1] is)
            gap_end = after[0] if after else region_end
            rows = [(row_id, table.row(row_id).label) for row_id, _ in spans[i:j]]
            for row_id, start, end, printed in loose_matches(text, gap_start, gap_end, rows):
                k = next(k for k in range(i, j) if spans[k][0] == row_id)
                spans[k] = (row_id, (start, end))
                self.result.loose_labels.append((table_id, row_id, printed.split("|")[-1].strip()))
            i = j
        return spans


def mark_missing(result: ImportResult, table_id: str) -> None:
    table = result.report.format.tables[table_id]
    for _, row, col in table.cells():
        result.unread.append((table_id, row.id, col.id))
