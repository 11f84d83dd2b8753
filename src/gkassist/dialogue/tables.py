"""Table steps of the engine (表三, 表四, 表二): an answer becomes cells, shown row by row before they are stored.

Totals are never asked: they follow from the relations declared in `core.formats` (core.derive).
"""

from __future__ import annotations

import re

from gkassist.checks import ERROR, Finding, check
from gkassist.core import formats
from gkassist.core.derive import carried_cells, fill_totals, last_in_force
from gkassist.core.model import Report
from gkassist.core.numbers import format_number
from gkassist.dialogue.answers import Parsed, parse_t2, parse_t3, parse_t4, says_nothing_happened
from gkassist.dialogue.replies import Pending, Reply
from gkassist.dialogue.steps import Step

SAME_AS_LAST = re.compile(r"^\s*(同去年|和去年一样|跟去年一样|与去年相同)\s*[。！!]?\s*$")
NONE_ANSWER = re.compile(r"^\s*(没有|无|都是0|都是零|全是0|全部为0|没有申请|0)\s*[。！!]?\s*$")


class TableAnswers:
    report: Report
    last_year: Report | None
    pending: Pending | None

    def _table_answer(self, step: Step, text: str) -> list[Reply]:
        table = step.table
        if SAME_AS_LAST.match(text):
            if self.last_year is None:
                return [Reply("没有去年的报告可以沿用，请直接说今年的数字。", "error")]
            parsed = Parsed(self._last_year_cells(table))
            if not parsed.cells:
                return [Reply("去年的报告里没有这张表可以沿用的数字，请直接说今年的数字。", "error")]
        elif says_nothing_happened(text, table):
            fmt = self.report.format.tables[table]
            # “没有” says nothing happened this year: 上年结转 and 现行有效 (what earlier years left) are not 0 by it —
            # they come from last year's report, or 现行有效 of 行政规范性文件 is asked
            kept = {("t3", "carried")} | {("t2", r) for r in self._in_force_not_said()}
            parsed = Parsed({(table, r.id, c.id): 0 for _, r, c in fmt.cells()
                             if (table, r.id) not in kept or (table == "t2" and c.id != "in_force")})
        else:
            parsed = self._parse(table, text)
            if parsed.refusal:
                return [Reply(parsed.refusal, "error")]
        cells = parsed.cells
        if self._supplements(table, cells):
            # an answer to a question back adds to what was understood instead of starting over
            cells = {**self.pending.cells, **cells}
        trial = self.report.model_copy(deep=True)
        self._fill(trial, table, cells)
        self.pending = Pending(step.id, cells=cells, asking=bool(parsed.questions))
        replies = [Reply(understood_cells(trial, table), "understood")]
        if parsed.not_understood:
            replies.append(Reply("这些没能理解，未计入：" + "、".join(parsed.not_understood), "error"))
        if parsed.questions:
            replies.append(Reply("\n".join(parsed.questions), "error"))
            return replies
        if table == "t2" and (missing := self._in_force_unknown(trial)):
            self.pending.asking = True
            return replies + [Reply(missing, "error")]
        broken = [f for f in check(trial) if f.table == table and f.severity == ERROR and f.rule != "TEXT-NUMBERS"]
        if broken:
            replies.append(Reply("按这样填，数字对不上：" + "；".join(_plain(f) for f in broken[:3]) +
                                 "。请补充或更正（也可以回答“对”先保存）。", "error"))
        else:
            replies.append(Reply("对吗？回答“对”保存，或直接重新描述。"))
        return replies

    def _parse(self, table: str, text: str) -> Parsed:
        if table == "t3":
            # a reply to a question back is read with the applications already understood
            known = {k[2]: v for k, v in (self.pending.cells if self.pending else {}).items() if k[1] == "new"}
            carried = {c: v for c, v in self.report.tables["t3"]["carried"].items() if isinstance(v, (int, float))}
            return parse_t3(text, known, carried)
        return {"t4": parse_t4, "t2": parse_t2}[table](text)

    def _in_force_unknown(self, trial: Report) -> str:
        """现行有效 that neither the clerk nor last year's report gives: asked, never a 0 made from nothing."""
        if trial.format_version != "2021" or trial.cell("t2", "normative", "in_force") is not None:
            return ""
        why = ("去年的报告是2019年版格式，没有现行有效件数" if self.last_year is not None and self.last_year.format_version != "2021"
               else "去年的现行有效件数不知道")
        return f"{why}。请告诉我现在现行有效的行政规范性文件有几件（没有就说“现行有效0件”）。"

    def _last_year_cells(self, table: str) -> dict:
        """Last year's figures for “同去年”: the cells this year's format shares with last year's, totals and
        carry-overs left out (they are computed); of 表二 only the 处理决定 counts (文件 counts change every year)."""
        last, fmt = self.last_year, self.report.format.tables[table]
        if table == "t2":
            if last.format_version != "2021":
                return {}
            wanted = [("licensing", "decisions"), ("penalty", "decisions"), ("enforcement", "decisions")]
        else:
            derived = {eq.total for eq in self.report.format.equations(table) if eq.derivable}
            wanted = [(r.id, c.id) for _, r, c in fmt.cells() if r.id != "carried" and (r.id, c.id) not in derived]
        out = {}
        for row, col in wanted:
            try:
                value = last.number(table, row, col)
            except KeyError:  # a row the 2019 format does not have
                continue
            if value is not None:
                out[(table, row, col)] = value
        return out

    def _supplements(self, table: str, cells: dict) -> bool:
        """Whether this answer adds to the pending one: same table, and (表三) it restates no applications."""
        if self.pending is None or not cells or self.pending.step != self.step.id:
            return False
        if table == "t3":
            return bool(self.pending.cells) and not any(r == "new" for _, r, _ in cells)
        return self.pending.asking or table == "t2"

    def _fill(self, report: Report, table: str, cells: dict) -> None:
        """Store the answered cells: the rest of 表三/表四 is 0, blank 表二 cells 0, totals derived."""
        fmt = report.format.tables[table]
        for _, row, col in fmt.cells():
            keep = (table == "t3" and row.id == "carried") or (table == "t2" and report.cell(table, row.id, col.id) is not None)
            if table == "t2" and col.id == "in_force" and row.id == "normative":
                keep = True  # 现行有效 is given, derived from last year's, or asked: never a 0 made from nothing
            if not keep:
                report.set_cell(table, row.id, col.id, 0)
        if table == "t3":
            for col in formats.T3_APPLICANT_COLUMNS:
                if report.cell("t3", "carried", col) is None:
                    report.set_cell("t3", "carried", col, 0)
        for (t, r, c), v in cells.items():
            if r == "other_3" and report.format_version == "2019":
                r = "other"
            report.set_cell(t, r, c, v)
        if table == "t2":
            self._derive_in_force(report, cells)
        else:
            fill_totals(report, table)

    def _in_force_not_said(self) -> list[str]:
        """The 表二 rows whose 现行有效 a “没有” leaves alone: those last year's report gives (carried on), and
        行政规范性文件 always (asked when not known; 规章, which few bodies make, is 0 when not known)."""
        if self.report.format_version != "2021":
            return []
        known = last_in_force(self.last_year) if self.last_year is not None else {}
        return [r for r, _ in formats.IN_FORCE_ROWS if r in known or r == "normative"]

    def _derive_in_force(self, report: Report, cells: dict) -> None:
        # 现行有效 follows from last year's unless the clerk gave it: shown before confirming, like the totals
        known = last_in_force(self.last_year) if self.last_year is not None else {}
        for row, prev in known.items():
            if report.format_version == "2021" and ("t2", row, "in_force") not in cells:
                issued = report.number("t2", row, "issued") or 0
                repealed = report.number("t2", row, "repealed") or 0
                report.set_cell("t2", row, "in_force", max(0, formats.in_force_now(prev, issued, repealed)))

    def _table_hint(self, step: Step) -> str:
        """Last year's figures beside a table question — only those last year's report really gives."""
        last = self.last_year
        if step.table == "t3":
            carried = carried_cells(last).get("total") if last is not None else None
            if carried is None:
                why = "没有去年的报告" if last is None else "去年的报告里没有读出结转到今年的申请"
                return f"{why}，上年结转按0计；有的话请一并说明，例如“自然人上年结转1件”。"
            new = last.number("t3", "new", "total")
            said = f"新收申请{format_number(new)}件，" if new is not None else ""
            return f"去年：{said}结转到今年{format_number(carried)}件（已填入“上年结转”）。"
        if last is None:
            return ""
        if step.table == "t4":
            review = last.number("t4", "cases", "review.total")
            suits = [last.number("t4", "cases", f"{b}.total") for b in ("suit_direct", "suit_after_review")]
            if review is None or None in suits:
                return ""  # nothing known to say “同去年” to
            return f"去年：行政复议{format_number(review)}件，行政诉讼{format_number(sum(suits))}件。情况相同可以回答“同去年”。"
        if (inf := last_in_force(last)).get("normative") is not None:
            return f"去年底现行有效：行政规范性文件{format_number(inf['normative'])}件。回答“同去年”可沿用去年的处理决定数量。"
        return ""


def understood_cells(trial: Report, table: str) -> str:
    """The non-zero cells, one line per table row: “表三 · 一、本年新收…：自然人 3，商业企业 1，总计 4”."""
    rows: dict[str, list[str]] = {}
    unknown: list[str] = []
    for _, row, col in trial.format.tables[table].cells():
        v = trial.cell(table, row.id, col.id)
        where, _, column = formats.cell_location(trial.format_version, table, row.id, col.id).rpartition(" · ")
        if v is None:
            unknown.append(f"{where.rpartition(' · ')[2]}{column}")  # 现行有效 still to be asked: not shown as 0
        elif v != 0:
            rows.setdefault(where, []).append(f"{column} {v}")
    lines = ["我理解为："] + [f"  {where}：{'，'.join(cells)}" for where, cells in rows.items()]
    if unknown:
        lines.append(f"  待填：{'、'.join(unknown)}")
    lines.append("  （其余为 0）" if rows or unknown else "  全部为 0")
    return "\n".join(lines)


def _plain(f: Finding) -> str:
    return f"{f.location}：{f.message}"
