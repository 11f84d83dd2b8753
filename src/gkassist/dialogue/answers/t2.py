"""表二 in everyday Chinese, over a whole conversation, in the same stages: clauses → frames (the row a clause
names, what happened to its 文件 — 制发/出台/出了, 废止/废了, 现行有效 — a count, a negation) → facts in order (a
count without its row belongs to the row just said; “行政许可、行政处罚、行政强制都是0” to each) → settled across
answers (a later answer's figure for a cell puts the earlier one right, figures said before a question stay) →
what is missing (a count whose column is not said)."""

from __future__ import annotations

import re

from gkassist.core.numbers import parse_number
from gkassist.dialogue.answers.parsed import Parsed
from gkassist.dialogue.answers.t3 import names_a_row
from gkassist.dialogue.answers.text import NUM, Clause, clauses, count_of
from gkassist.dialogue.answers.words import words

REFUSAL = ("没听明白。请写成“规范性文件制发2件，废止1件，现行有效9件；行政许可41件，行政处罚12件，"
           "行政强制0件，收费0万元”这样。")
_NEGATION = re.compile(r"没有|没|未|无|不曾")


def _distributed(text: str, turn: int) -> list[Clause]:
    """“行政许可、行政处罚、行政强制都是0”: each listed row takes the number said for all of them."""
    out = []
    for c in clauses(text, names_a_row, turn):
        m = re.match(r"(.+?、.+?)(?:都|均|全)(?:是|为)?(.*)$", c.text)
        parts = m.group(1).split("、") if m else []
        out += [Clause(p + m.group(2), turn=turn) for p in parts] if m else clauses(c.text.replace("、", "，"), names_a_row, turn)
    return out


def _clauses(text: str, turn: int) -> list[Clause]:
    if re.search(r"、[^，；。]*?(?:都|均|全)", text):
        return _distributed(text, turn)
    return clauses(text.replace("、", "，"), names_a_row, turn)


def read(found: list[Clause]) -> tuple[dict, list[str], list[str]]:
    """(cells, questions, not understood): each clause's row (or the row just said) and what it counts."""
    w = words()
    cells: dict = {}
    questions: list[str] = []
    not_understood: list[str] = []
    row: str | None = None
    turn = 0
    for c in found:
        clause = c.text
        if c.turn != turn:
            turn, row = c.turn, None
        rows = [r for pattern, r in w.t2_rows if pattern.search(clause)]
        if "rules" in rows and "normative" in rows and "规范性" not in clause:
            rows.remove("normative")  # “规章” names no 规范性文件
        if "fees" in rows and len(rows) > 1:
            rows.remove("fees")
        if rows:
            row = rows[0]
        if row is None and any(pattern.search(clause) for pattern, _ in w.t2_columns):
            row = "normative"  # “现行有效7件” answering the question about 行政规范性文件 (规章 are named as such)
        if row is None:
            if count_of(clause):
                not_understood.append(clause)
            continue
        count = count_of(clause)
        if row in ("rules", "normative"):
            negation = _NEGATION.search(clause)
            if negation:
                # “没有制发”, “没有制发和废止”, “没有制发也没有废止”: each column said after the negation is 0
                negated = w.t2_negated.search(clause)
                span = clause[negation.start():] if count is None else negated.group(0) if negated else ""
                for pattern, column in w.t2_columns:
                    if column != "in_force" and pattern.search(span):
                        cells[("t2", row, column)] = 0
            column = next((col for pattern, col in w.t2_columns if pattern.search(w.t2_negated.sub("", clause))), None)
            if count is None:
                continue
            if column is None:
                questions.append(f"“{clause}”是制发、废止，还是现行有效的件数？")
                continue
            cells[("t2", row, column)] = count
        elif row == "fees":
            amount = fee(clause)
            if amount is None and w.t2_negated.search(clause) or re.search(r"(?:没有|没|未|无|不)收费|免费", clause):
                amount = 0
            if amount is not None:
                cells[("t2", "fees", "fee_amount")] = amount
        else:
            if count is None:
                if w.t2_negated.search(clause) or re.search(r"没有|无", clause):
                    cells[("t2", row, "decisions")] = 0
                continue
            cells[("t2", row, "decisions")] = count
    return cells, questions, not_understood


def parse_t2(turns: list[str]) -> Parsed:
    """Each answer of the conversation read in turn; a later answer's figure for a cell replaces the earlier one,
    and what an earlier answer said stays (a figure said before a question is not lost when the question is
    answered).  A question of an earlier answer stays open until its cell is said."""
    out = Parsed()
    for i, text in enumerate(turns):
        cells, questions, not_understood = read(_clauses(text.strip(), i))
        out.cells.update(cells)
        out.questions = [q for q in out.questions if not cells] + questions
        out.not_understood = not_understood
    if not out.cells and not out.questions:
        out.refusal = REFUSAL
    return out


def fee(clause: str) -> float | None:
    """The fee in 万元 (the table's unit): “2.5万元”, “3000元”, “收费0”."""
    m = re.search(r"(" + NUM + r")\s*(万元|万|元)?", clause)
    if not m:
        return None
    value = parse_number(m.group(1).replace("．", "."))
    if value is None:
        return None
    if m.group(2) == "元":
        value = round(value / 10000, 4)
    return value
