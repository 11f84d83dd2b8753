"""Table questions (表三, 表四, 表二): an answer becomes cells, shown row by row before they are stored.

Totals are never asked: they follow from the sums the format declares (core.derive); cells that follow from last
year's report (上年结转, 现行有效) are filled from it.
"""

from __future__ import annotations

import re

from gkassist.checks import ERROR, Finding, check
from gkassist.core import relations
from gkassist.core.derive import carried_cells, fill_totals, from_last_year, last_in_force
from gkassist.core.flow import Step
from gkassist.core.model import Report
from gkassist.core.numbers import format_number
from gkassist.dialogue import answers
from gkassist.dialogue.answers import Parsed, plainly_later, says_nothing_happened, states_requests
from gkassist.dialogue.answers.limits import implausible
from gkassist.dialogue.answers.t2 import names_in_force
from gkassist.dialogue.answers.words import Marker
from gkassist.dialogue.kinds import StepKind, kind
from gkassist.dialogue.kinds.field import SAME_AS_LAST
from gkassist.dialogue.replies import Cells, Pending, Reply
from gkassist.dialogue.sentences import in_common_words
from gkassist.dialogue.state import DialogueState

NONE_ANSWER = re.compile(r"^\s*(没有|无|都是0|都是零|全是0|全部为0|没有申请|0)\s*[。！!]?\s*$")
# “不用管”: the clauses with a number that named nothing known are not to be counted
KEEP_SAVED_TABLE = ("回答“对”保持不变；说“还有……”“漏了……”会加在已保存的上面，重新说某一类的件数会替换那一类，"
                    "“重新说：……”替换整张表。")
# “还有”, “漏了一件”, “另外”, “又”: an answer on a reopened table that adds to what is saved
ADDS = Marker("adds")
IGNORE = re.compile(r"^\s*(不用管|不用管它|不管|忽略|不计入|不算|那个不算|不用算)\s*[。！!]?\s*$")


def _not_taken(report: Report, table: str, text: str, asking: bool, waiting: bool = False) -> list[Reply]:
    """A free answer this table does not take: one plainly to a later question, or any of a table whose format's
    columns are not those the reader has words for (2019's 表二) — a figure put in the wrong column would be a wrong
    cell, so that table is set cell by cell (or in the grid), never guessed."""
    name = report.format.tables[table].name
    if report.format.tables[table].question:
        return [Reply(f"这一年度（{report.format.name}格式）的{name}栏目和现行格式不同，整段话里的数字容易填错格，"
                      f"请一格一格说，每行一格，例如“{_cell_example(report, table)}”；在界面里也可以按 Ctrl+T 打开表格"
                      "直接填。都没有就回答“没有”。", "error")]
    if asking and plainly_later(text, table):
        return [Reply(f"这句说的是后面的问题，不是{name}的内容，没有计入。上面的问题还没有回答；要先跳过这一题，回答“跳过”。",
                      "error")]
    if waiting and plainly_later(text, table):
        # (what was understood waits for “对”: an answer to the next question never reads as this table's)
        return [Reply(f"这句说的是后面的问题，不是{name}的内容，没有计入。{name}上面理解的还没有保存：回答“对”保存，"
                      "再回答下一题。", "error")]
    return []


def _cell_example(report: Report, table_id: str) -> str:
    """“表二 行政许可 处理决定数量 5”: a cell of the table said in the one form always understood."""
    table = report.format.tables[table_id]
    block = next(b for b in table.blocks if len(b.columns) > 1)
    return f"{table.name} {block.rows[0].label} {block.columns[-1].label} 5"


def _documents_counted(cells: Cells, row: str) -> bool:
    """Whether the clerk gave a figure other than 0 for the 文件 of `row` (规章: few bodies make any)."""
    return any(r == row and v for (_, r, _), v in cells.items())


def _across_years_cells(report: Report) -> set[tuple[str, str]]:
    """(row, column) of this year's cells that follow from last year's report (上年结转, 现行有效)."""
    return {relation.this for relation in report.format.across_years}


# 现行有效 neither said nor following from last year: asked before saving when the clerk counted documents made or
# repealed this year (the figure changed, and the one who counted them knows it); otherwise — none made, none
# repealed, or nothing said of them — asked once with the rest stored on “对”: blank till said (the check lists it
# as not filled), never a 0 guessed
IN_FORCE_ASKED = "请告诉我现在现行有效的行政规范性文件有几件（没有就说“现行有效0件”）。"
RULES_IN_FORCE_LATER = "规章现行有效几件？知道的话直接说（如“规章现行有效12件”）；回答“对”就先空着。\n"
IN_FORCE_LATER = ("现行有效的行政规范性文件有几件？知道的话直接说（如“现行有效3件”）；回答“对”就先保存其余的，"
                  "现行有效件数空着，检查时会列为未填。\n")


@kind
class Table(StepKind):
    name = "table"

    # ---------------------------------------------------------- asking
    def hint(self, state: DialogueState, step: Step) -> str:
        """Last year's figures beside a table question — only those last year's report really gives."""
        last = state.last_year
        if step.table == "t3":
            carried = carried_cells(last, state.report.format_version).get("total") if last is not None else None
            if carried is None:
                why = "没有去年的报告" if last is None else "去年的报告里没有读出结转到今年的申请"
                return f"{why}，上年结转按0计；有的话请一并说明，例如“自然人上年结转1件”。"
            assert last is not None  # (what was carried on comes from last year's report)
            new = last.number("t3", "new", "total")
            said = f"新收申请{format_number(new)}件，" if new is not None else ""
            then = f"请一并说说这{format_number(carried)}件今年的办理结果。" if carried else ""
            return f"去年：{said}结转到今年{format_number(carried)}件（已填入“上年结转”）。{then}"
        if last is None:
            return ""
        if step.table == "t4":
            review = last.number("t4", "cases", "review.total")
            suits = [last.number("t4", "cases", f"{b}.total") for b in ("suit_direct", "suit_after_review")]
            if review is None or None in suits:
                return ""  # nothing known to say “同去年” to
            return f"去年：行政复议{format_number(review)}件，行政诉讼{format_number(sum(s for s in suits if s is not None))}件。情况相同可以回答“同去年”。"
        if unknown := _unknown_in_force(state.report, last):
            return (f"去年的报告里{unknown}的现行有效件数没有读出（原文数字连在一起或没有填），今年的现行有效没法按"
                    "“去年现行有效＋今年制发－今年废止”核对。知道去年的数请一并说（如“去年现行有效28件”）；"
                    "不知道也可以，请直接说今年现行有效几件。")
        if (inf := last_in_force(last)).get("normative") is not None:
            return f"去年底现行有效：行政规范性文件{format_number(inf['normative'])}件。回答“同去年”可沿用去年的处理决定数量。"
        return ""

    # ---------------------------------------------------------- understanding
    def understand(self, state: DialogueState, step: Step, text: str) -> list[Reply]:
        told: list[Reply] = []
        if step.table == "t2":  # “去年现行有效28件”, “去年是5件，所以现行有效剩4件”: last year's, taken out first
            told, text = _last_year_in_force_told(state, text)
            if told and not text.strip(" ，,。；;！!"):
                pending = state.pending if state.pending is not None and state.pending.step == step.id else None
                return told + self._shown_with_last_year(state, step, pending)
        return told + self._understand(state, step, text)

    def _understand(self, state: DialogueState, step: Step, text: str) -> list[Reply]:
        table = step.table
        assert table is not None  # a table question names its table (core.flow.Step checks it)
        report = state.report
        pending = state.pending if state.pending is not None and state.pending.step == step.id else None
        table_state = self._state(pending, table)
        ignored = list(pending.ignored) if pending is not None and table_state.turns else []
        asides: list[answers.Aside] = []
        if SAME_AS_LAST.match(text):
            if state.last_year is None:
                return [Reply("没有去年的报告可以沿用，请直接说今年的数字。", "error")]
            base = self._last_year_cells(state, table)
            if not base:
                return [Reply("去年的报告里没有这张表可以沿用的数字，请直接说今年的数字。", "error")]
            table_state, parsed, ignored = answers.start(table, base), Parsed(), []
        elif IGNORE.match(text) and table_state.turns:
            # the clauses not understood are dropped on the clerk's word: what else was understood stays
            parsed = answers.cells_of(table_state, self._carried(state))
            ignored += parsed.not_understood
        elif (nothing := self._said_none(state, table, text, table_state)) is not None:
            table_state, parsed, ignored = answers.start(table, nothing), Parsed(), []
            # (“复议诉讼都没有；规范性文件没出过，现行有效的也没有”: what it says of 表二 is kept for 表二's question)
            asides = _asides_in(table, text)
        else:
            if refused := _not_taken(report, table, text, pending is not None and pending.asking,
                                     pending is not None and not pending.saved and bool(pending.cells)):
                return refused
            if not table_state.turns and table_state.reopened and self._restates(text, table, report):
                table_state = answers.start(table, self._restated_base(table_state, text, table, report), reopened=True)
            elif table == "t3" and table_state.turns and answers.answered(table_state, text) is None \
                    and states_requests(text, report.format, table_state):
                table_state = answers.start(table, table_state.base_cells())  # the year described afresh
            new, parsed = answers.answer(table_state, text, self._carried(state), report.format,
                                         _last_figures(state, table))
            if parsed.refusal:
                return [Reply(parsed.refusal, "error")]  # nothing changes: what was understood before stays
            if table_state.turns and pending is not None and pending.asking and self._adds_nothing(state, table_state, new):
                # an answer that says nothing of this table (the clerk answered the next question): not taken in
                return [Reply(f"这句没有说到{state.report.format.tables[table].name}的内容，没有计入。上面的问题还没有回答；"
                              "要先跳过这一题，回答“跳过”；没能理解的数字不用计入，回答“不用管”。", "error")]
            table_state = new
        _keep_asides(state, table, table_state, asides)
        parsed.cells = _on_top_of(table_state.base_cells(), parsed.cells, table)
        parsed.not_understood = [c for c in parsed.not_understood if c not in ignored]
        trial = report.model_copy(deep=True)
        self.fill(state, trial, table, parsed.cells)
        state.pending = Pending(step.id, cells=parsed.cells, turns=list(table_state.turns), ignored=ignored,
                                 base=table_state.base_cells(), reader=table_state)
        replies = [Reply(understood_cells(trial, table), "understood")]
        questions = list(parsed.questions)
        if parsed.not_understood:
            questions.append("这些没能理解，还没有计入：" + "、".join(f"“{c}”" for c in parsed.not_understood)
                             + "。请说明是哪一项；不用计入的话回答“不用管”。")
        asked_after = ""
        if not questions and table == "t2":
            questions, asked_after = self._in_force_asked(state, trial, parsed.cells)
        if not questions:
            questions = _imbalance(trial, table)
        if questions:
            state.pending.asking, state.pending.asked = True, "\n".join(questions)
            return replies + [Reply(state.pending.asked, "error")]
        notes = "".join(n + "\n" for n in implausible(parsed.cells, report.level, report.format))
        notes += _as_last_year_note(trial, parsed) + _in_force_note(state, trial, parsed)
        return replies + [Reply(notes + asked_after + self._against_last_year(state, trial, table)
                                + "对吗？回答“对”保存，或直接重新描述。")]

    # ---------------------------------------------------------- a question back left open
    def left_open(self, state: DialogueState, step: Step, pending: Pending) -> str:
        """Every question a table asks back asks for something (which kind, how many, which result): “对” answers
        none of them, so the flow may move on from any, the table unfinished.  Not from a table reopened after it was
        saved: what is saved stands, and the clerk changing it is asked to finish the change."""
        if not pending.asking or pending.saved or pending.step != step.id or self.answered(step, state.report):
            return ""
        return pending.asked or "上面问的还没有回答。"

    def answers_later(self, state: DialogueState, step: Step, text: str) -> bool:
        pending = state.pending
        return (step.table is not None and pending is not None and pending.step == step.id and pending.asking
                and plainly_later(text, step.table))

    def shown_again(self, state: DialogueState, step: Step, pending: Pending) -> list[Reply]:
        assert step.table is not None  # a table question names its table (core.flow.Step checks it)
        trial = state.report.model_copy(deep=True)
        self.fill(state, trial, step.table, pending.cells)
        shown = understood_cells(trial, step.table).replace("我理解为：", "上次说到这里（还没有保存）：", 1)
        if not (missing := self.left_open(state, step, pending)):
            return [Reply(shown, "understood"), Reply("补上的回答还没有确认：回答“对”保存，或直接重新描述。")]
        return [Reply(shown, "understood"), Reply(f"还差：{missing}\n补上就可以保存；说“跳过”先放着。", "error")]

    def _state(self, pending: Pending | None, table: str) -> answers.TableState:
        """The question's state: the one its answers so far left; a table reopened (or a draft saved before the state
        existed) starts from its saved cells; a new question from nothing."""
        if pending is None:
            return answers.start(table)
        if isinstance(pending.reader, answers.TableState) and pending.reader.table == table and not pending.saved:
            return pending.reader
        return answers.start(table, pending.cells, reopened=True) if pending.saved else answers.start(table, pending.base)

    def _said_none(self, state: DialogueState, table: str, text: str, table_state: answers.TableState) -> Cells | None:
        """The cells of an answer saying nothing happened (“没有”), None for any other answer."""
        if state.report.format.tables[table].question and _rest_none(text):
            # a table set cell by cell: “没有”, “其余都是0” after some cells — those stay, every other cell is 0
            return {**self._nothing(state, table), **table_state.base_cells()}
        if says_nothing_happened(text, table) and not (table == "t2" and names_in_force(text)) \
                and (not table_state.turns or NONE_ANSWER.match(in_common_words(text))):
            # (“现行有效的一件都没有” says a figure of 表二: read, so it is not asked again)
            # (after earlier answers of this question, “没有其他申请了” is one more of them, read with them below)
            return self._nothing(state, table)
        return None

    def _nothing(self, state: DialogueState, table: str) -> Cells:
        """“没有” says nothing happened this year: what earlier years left (上年结转, 现行有效) is not 0 by it — it
        comes from last year's report, or 现行有效 of 行政规范性文件 is asked."""
        report = state.report
        fmt = report.format.tables[table]
        kept = {(r, c) for r, c in _across_years_cells(report) if table == "t3" or r in self._in_force_not_said(state)}
        return {(table, r.id, c.id): 0 for _, r, c in fmt.cells()
                if (r.id, c.id) not in kept and not (table == "t3" and r.id == "carried")}

    def _restates(self, text: str, table: str, report: Report) -> bool:
        """On a table reopened (or after “同去年”): an answer that restates a kind of applicant (表三) or of case (表四)
        with its count sets that kind afresh; one that adds (还有、漏了、另外、又) adds to what is saved."""
        if ADDS.search(text):
            return False
        if table == "t3":
            return bool(answers.t3.kinds_stated(text, report.format, corrections=True) - {None})
        return table == "t4"

    def _restated_base(self, table_state: answers.TableState, text: str, table: str, report: Report) -> Cells:
        """The saved cells without those of the kinds the answer states afresh."""
        base = table_state.base_cells()
        if table == "t3":
            stated = answers.t3.kinds_stated(text, report.format, corrections=True)
            return {k: v for k, v in base.items() if k[2] not in stated}
        blocks = answers.t4.blocks_stated(text)
        return {k: v for k, v in base.items() if k[2].split(".")[0] not in blocks}

    def _asides_for(self, state: DialogueState, step: Step) -> list[Reply]:
        """The question of a table something was said of earlier (“有1件复议，维持了” at 表三): that is read as its
        first answer, shown, and confirmed with “对” or added to like any answer."""
        assert step.table is not None  # a table question names its table (core.flow.Step checks it)
        said = _asides_of(state, step.table)
        if not said:
            return []
        fmt = state.report.format
        where = "、".join(dict.fromkeys(fmt.tables[at].name for at, _ in said))
        text = "，".join(words for _, words in said)
        replies = self.understand(state, step, text)
        if state.pending is None or state.pending.step != step.id:
            return []
        return [Reply(f"回答{where}时提到：“{text}”，先按这个填：")] + replies

    def _carried(self, state: DialogueState) -> dict[str, float]:
        row = state.report.tables["t3"]["carried"]
        return {c: row[c] for c in state.report.format.applicant_columns if isinstance(row.get(c), (int, float))}

    def _against_last_year(self, state: DialogueState, trial: Report, table: str) -> str:
        """A figure the clerk gave that last year's report does not bear out (现行有效 4 where last year's 5 with
        nothing made or repealed gives 5; 上年结转 1 where last year carried none on): said before “对”, the clerk's
        figure kept — last year's may be wrong."""
        if state.last_year is None:
            return ""
        notes = []
        mismatches = relations.year_mismatches(trial, state.last_year, table)
        carried = [m for m in mismatches if m.relation.plus is None and m.relation.minus is None
                   and m.at.column in trial.format.applicant_columns]  # (not the totals: they add the same again)
        if off := sum(m.found - m.expected for m in carried):
            rows = trial.format.tables[table]
            this, last = rows.row(carried[0].relation.this[0]), rows.row(carried[0].relation.last[0])
            said = sum(trial.number(table, this.id, c) or 0 for c in trial.format.applicant_columns)
            notes.append(f"注意：去年报告的{last.plain_label}是{format_number(said - off)}件，今年的{this.name}应与它相同，"
                         f"这里是{format_number(said)}件。去年的数字有误就保持这样，否则请更正。")
        for m in mismatches:
            if (m.relation.plus or m.relation.minus) and not m.bound:
                label = trial.format.tables[table].row(m.at.row).plain_label
                terms = "、".join(f"{word}今年{m.label(a).removeprefix('本年')}"
                                 for word, a in (("加上", m.relation.plus), ("减去", m.relation.minus)) if a)
                notes.append(f"注意：去年报告的{label}{m.label(m.relation.last)}{format_number(m.last)}件，{terms}，"
                             f"应为{format_number(m.expected)}件，这里是{format_number(m.found)}件。去年的数字有误就保持这样，否则请更正。")
        notes += [_unknown_note(trial, u) for u in relations.unknown_last_year(trial, state.last_year, table)
                  if u.relation.plus or u.relation.minus]
        return "\n".join(notes) + ("\n" if notes else "")

    def _shown_with_last_year(self, state: DialogueState, step: Step, pending: Pending | None) -> list[Reply]:
        '''After last year's figure alone was told: the answer waiting for “对” shown again with it, or the question
        still to answer.'''
        assert step.table is not None  # a table question names its table (core.flow.Step checks it)
        if pending is None or not pending.cells:
            return [Reply("请接着说今年的数字。")]
        trial = state.report.model_copy(deep=True)
        self.fill(state, trial, step.table, pending.cells)
        return [Reply(understood_cells(trial, step.table), "understood"),
                Reply(self._against_last_year(state, trial, step.table) + "对吗？回答“对”保存，或直接重新描述。")]

    def _adds_nothing(self, state: DialogueState, before: answers.TableState, after: answers.TableState) -> bool:
        """Whether an answer leaves the cells and the questions as they were (its words were of no use here)."""
        carried = self._carried(state)
        was, now = answers.cells_of(before, carried), answers.cells_of(after, carried)
        return was.cells == now.cells and set(was.questions) >= set(now.questions)

    def _in_force_asked(self, state: DialogueState, trial: Report, cells: Cells) -> tuple[list[str], str]:
        """(a question before saving, a question asked with the rest stored on “对”) about an unknown 现行有效:
        行政规范性文件's, and 规章's where the clerk counted some (“规章新制定1件”; few bodies make any)."""
        rules = trial.format.has("t2", "rules", "in_force") and trial.cell("t2", "rules", "in_force") is None \
            and _documents_counted(cells, "rules")
        rules_later = RULES_IN_FORCE_LATER if rules else ""
        if not (missing := self._in_force_unknown(state, trial)):
            return [], rules_later
        if any(r == "normative" and c in ("issued", "repealed") and v for (_, r, c), v in cells.items()):
            return [missing + IN_FORCE_ASKED], ""  # documents made or repealed this year: what is in force now?
        return [], missing + IN_FORCE_LATER + rules_later  # the rest is stored on “对”; 现行有效 stays blank till said

    def _in_force_unknown(self, state: DialogueState, trial: Report) -> str:
        """现行有效 that neither the clerk nor last year's report gives: asked, never a 0 made from nothing."""
        if not trial.format.has("t2", "normative", "in_force") or trial.cell("t2", "normative", "in_force") is not None:
            return ""
        last = state.last_year
        why = (f"去年的报告是{last.format.name}格式，没有现行有效件数"
               if last is not None and not last.format.has("t2", "normative", "in_force") else "去年的现行有效件数不知道")
        return f"{why}。"

    def _last_year_cells(self, state: DialogueState, table: str) -> Cells:
        """Last year's figures for “同去年”: the cells this year's format shares with last year's, totals and what
        follows from last year (上年结转, 现行有效) left out; of 表二 only the 处理决定 counts (文件 counts change
        every year)."""
        last, fmt = state.last_year, state.report.format
        assert last is not None  # “同去年” is taken only with last year's report
        derived = {eq.total for eq in fmt.equations(table) if eq.derivable} | _across_years_cells(state.report)
        wanted = [(r.id, c.id) for _, r, c in fmt.tables[table].cells()
                  if (r.id, c.id) not in derived and (table != "t2" or c.id == "decisions")]
        return {(table, r, c): value for r, c in wanted
                if last.format.has(table, r, c) and (value := last.number(table, r, c)) is not None}

    # ---------------------------------------------------------- storing
    def store(self, state: DialogueState, step: Step, pending: Pending) -> None:
        from gkassist.dialogue.composed import refresh_openings, table_openings

        assert step.table is not None  # a table question names its table (core.flow.Step checks it)
        before = table_openings(state.steps, state.report)
        self.fill(state, state.report, step.table, pending.cells)
        # 一（二）、（三） opened with this table's figures: written again, and said
        state.notices += refresh_openings(state.steps, state.report, before, step.title.split()[0])

    def fill(self, state: DialogueState, report: Report, table: str, cells: Cells) -> None:
        """Store the answered cells: the rest of 表三/表四 is 0, blank 表二 cells 0, what follows from last year's
        report kept or derived, totals derived."""
        fmt = report.format
        from_last = _across_years_cells(report)
        # (a table set cell by cell — 2019's 表二 — keeps the cells not yet said blank: shown as 待填, never a 0
        # the clerk did not say; “没有”/“其余都是0” makes them 0)
        by_cell = bool(fmt.tables[table].question)
        for _, row, col in fmt.tables[table].cells():
            keep = (table == "t3" and (row.id, col.id) in from_last) or by_cell or \
                   (table == "t2" and report.cell(table, row.id, col.id) is not None)
            if table == "t2" and col.id == "in_force" and (row.id == "normative" or _documents_counted(cells, row.id)):
                keep = True  # 现行有效 is given, derived from last year's, or asked: never a 0 made from nothing
            if not keep:
                report.set_cell(table, row.id, col.id, 0)
        if table == "t3":
            for column in fmt.applicant_columns:
                if report.cell("t3", "carried", column) is None:
                    report.set_cell("t3", "carried", column, 0)
        for (t, r, c), v in cells.items():
            resolved = fmt.resolve(t, r)
            if resolved is not None:
                report.set_cell(t, resolved, c, v)
        if table == "t2":
            if state.last_year is not None:
                # 现行有效 follows from last year's unless the clerk gave it: shown before confirming, like the totals
                for (t, r, c), value in from_last_year(report, state.last_year, "X-VALID").items():
                    if (t, r, c) not in cells:
                        report.set_cell(t, r, c, max(0, value))
        else:
            fill_totals(report, table)

    def _in_force_not_said(self, state: DialogueState) -> list[str]:
        """The 表二 rows whose 现行有效 a “没有” leaves alone: those last year's report gives (carried on), and
        行政规范性文件 always (asked when not known; 规章, which few bodies make, is 0 when not known)."""
        if not state.report.format.has("t2", "normative", "in_force"):
            return []
        known = last_in_force(state.last_year) if state.last_year is not None else {}
        return [r for r, _ in _across_years_cells(state.report) if r in known or r == "normative"]

    # ---------------------------------------------------------- what the report has
    def answered(self, step: Step, report: Report) -> bool:
        table = step.table
        assert table is not None  # a table question names its table (core.flow.Step checks it)
        from_last = _across_years_cells(report)
        return all(report.cell(table, r.id, c.id) is not None
                   for _, r, c in report.format.tables[table].cells() if (r.id, c.id) not in from_last or table != "t3")

    def saved(self, state: DialogueState, step: Step) -> list[Reply]:
        report = state.report
        if not self.answered(step, report):
            return self._asides_for(state, step)
        table = step.table
        assert table is not None  # a table question names its table (core.flow.Step checks it)
        derived = {eq.total for eq in report.format.equations(table) if eq.derivable}
        skip = derived | (_across_years_cells(report) if table == "t3" else set())
        cells = {(table, r.id, c.id): v for _, r, c in report.format.tables[table].cells()
                 if (r.id, c.id) not in skip and (v := report.number(table, r.id, c.id)) is not None}
        state.pending = Pending(step.id, cells=cells, saved=True)
        shown = understood_cells(report, table).replace("我理解为：", "已保存的是：", 1)
        return [Reply(shown, "understood"), Reply(KEEP_SAVED_TABLE)]




def _last_figures(state: DialogueState, table: str) -> dict[str, float] | None:
    """表二's figures in last year's report ("row|column") for a row said to be as last year (“收费跟去年一样”);
    None without last year's report."""
    last = state.last_year
    if last is None or table != "t2":
        return None
    return {f"{row.id}|{col.id}": float(value) for _, row, col in state.report.format.tables[table].cells()
            if last.format.has(table, row.id, col.id) and (value := last.number(table, row.id, col.id)) is not None}


def _as_last_year_note(trial: Report, parsed: Parsed) -> str:
    """The cells taken from last year's report because the clerk said “跟去年一样”: said, so a figure not meant is
    put right before it is stored."""
    if not parsed.from_last_year:
        return ""
    shown = "；".join(f"{'·'.join(trial.format.location_parts(t, r, c))} {format_number(v)}（您说“{said}”）"
                     for (t, r, c), said in parsed.from_last_year.items() if (v := trial.number(t, r, c)) is not None)
    return f"按去年的报告填：{shown}。不对请直接说今年的数。\n"


# “其余都是0”, “别的都没有”: every cell not said is 0 (the rows' own words: prompts/answers.yaml rest_none)
REST_NONE = Marker("rest_none", "^(?:WORDS)$")


def _rest_none(text: str) -> bool:
    """“没有”, “其余都是0”, “剩下的都没有”: what is not said of the table is none."""
    said = re.sub(r"[\s。！!]+$", "", in_common_words(text))
    return bool(NONE_ANSWER.match(said) or REST_NONE.match(said))


def _in_force_note(state: DialogueState, trial: Report, parsed: Parsed) -> str:
    """现行有效 the clerk did not say, worked out from last year's report with this year's 制发 and 废止 (“规章：去年11件
    ＋今年制发1件＝12件”): said how, so a figure nobody said is never taken for one the clerk gave."""
    last = state.last_year
    if last is None or not trial.format.has("t2", "normative", "in_force"):
        return ""
    known, shown = last_in_force(last), []
    for (_, row, column), value in from_last_year(trial, last, "X-VALID").items():
        if ("t2", row, column) in parsed.cells or row not in known or not value:
            continue
        made, repealed = (trial.number("t2", row, c) or 0 for c in ("issued", "repealed"))
        terms = "".join(f"{sign}今年{word}{format_number(n)}件" for sign, word, n in (("＋", "制发", made), ("－", "废止", repealed)) if n)
        name = trial.format.tables["t2"].row(row).name
        shown.append(f"{name}去年{format_number(known[row])}件{terms}＝{format_number(value)}件" if terms
                     else f"{name}同去年{format_number(value)}件")
    if not shown:
        return ""
    return f"现行有效件数按去年的报告推算：{'；'.join(shown)}。不对请直接说（如“规章现行有效3件”）。\n"


def _keep_asides(state: DialogueState, table: str, table_state: answers.TableState, asides: list[answers.Aside]) -> None:
    state.asides[table] = list(getattr(table_state.reading, "asides", [])) or asides


def _asides_in(table: str, text: str) -> list[answers.Aside]:
    """What an answer saying nothing happened says of another table (read as a whole answer for its asides)."""
    if table != "t4":
        return []
    read, _ = answers.answer(answers.start(table), text)
    return list(getattr(read.reading, "asides", []))


def _asides_of(state: DialogueState, table: str) -> list[tuple[str, str]]:
    """(table it was said at, words) of what was said for `table` at another table's question."""
    return [(at, a.words) for at, said in state.asides.items() for a in said if a.table == table]


def understood_cells(trial: Report, table: str) -> str:
    """The non-zero cells, one line per table row: “表三 · 一、本年新收…：自然人 3，商业企业 1，总计 4”."""
    rows: dict[str, list[str]] = {}
    unknown: list[str] = []
    fmt = trial.format
    for _, row, col in fmt.tables[table].cells():
        v = trial.cell(table, row.id, col.id)
        where, column = fmt.location_parts(table, row.id, col.id)
        if v is None:
            unknown.append(f"{row.label}{column}")  # 现行有效 still to be asked: not shown as 0
        elif v != 0:
            rows.setdefault(where, []).append(f"{column} {v}")
    lines = ["我理解为："] + [f"  {where}：{'，'.join(cells)}" for where, cells in rows.items()]
    if unknown:
        lines.append(f"  待填：{'、'.join(unknown)}")
    lines.append("  （其余为 0）" if rows or unknown else "  全部为 0")
    return "\n".join(lines)


def _on_top_of(base: Cells, cells: Cells, table: str) -> Cells:
    """What later answers say, on top of “同去年”/“没有”: 表三 and 表四 count more cases (“上年结转的那1件也公开了”),
    表二's figures replace those."""
    if table == "t2":
        return {**base, **cells}
    out = dict(base)
    for key, value in cells.items():
        out[key] = out.get(key, 0) + value
    return out


def _imbalance(trial: Report, table: str) -> list[str]:
    """Sums that do not hold, in plain words naming the kind of applicant (not the row the check reports them at):
    a question, since something said is missing or too much."""
    if table != "t3":
        return [f"按这样填，数字对不上：{_plain(f)}。请补充或更正。" for f in check(trial)
                if f.table == table and f.severity == ERROR and f.rule != "TEXT-NUMBERS"][:1]
    from gkassist.dialogue.answers.words import words

    out = []
    for m in relations.sum_mismatches(trial, table):  # the balance of each kind of applicant's column
        col = m.at.column
        if len(m.equation.left) < 2 or col not in trial.format.applicant_columns:
            continue
        (_, carried_at), (used_at, carry_at) = m.equation.left, m.equation.right
        supply, carried, used, carry = m.left_sum, m.values[carried_at] or 0, m.values[used_at] or 0, m.values[carry_at] or 0
        name = words().kind_names.get(col, col)
        applied = f"{name}申请{format_number(supply)}件" + (f"（含上年结转{format_number(carried)}件）" if carried else "")
        said = f"办理结果{format_number(used)}件" + (f"、结转下年度{format_number(carry)}件" if carry else "")
        if used + carry > supply:
            out.append(f"{applied}，但{said}，多了{format_number(used + carry - supply)}件。")
        elif not used and not carry and supply == carried:
            out.append(f"上年结转的{name}申请{format_number(carried)}件还没有说办理结果——今年办结了（结果是什么），"
                       "还是继续结转下年度？")
        else:
            out.append(f"{applied}，{said}，还有{format_number(supply - used - carry)}件没有说办理结果——是结转下年度，"
                       "还是别的结果？")
    return (["数字对不上：" + "".join(out) + "请补充或更正（直接说缺的那部分就行）。"] if out else [])


def _plain(f: Finding) -> str:
    return f"{f.location}：{f.message}"


def _unknown_in_force(report: Report, last: Report) -> str:
    """The 表二 rows whose 现行有效 last year's report should give but does not (“行政规范性文件”), by name; “” when
    none.  规章, which few bodies make, is named only when last year's import could not read it."""
    fmt = report.format
    rows = []
    for relation in fmt.across_years:
        if relation.rule != "X-VALID" or not last.format.has(relation.table, *relation.last):
            continue
        row = relation.last[0]
        if last.number(relation.table, *relation.last) is not None:
            continue
        unread = bool(last.imported and (relation.table, row, relation.last[1]) in last.imported.unread_cells)
        if row != "normative" and not unread:
            continue
        rows.append(fmt.tables[relation.table].row(row).name)
    return "、".join(rows)


def _unknown_note(report: Report, unknown: relations.UnknownLastYear) -> str:
    table = report.format.tables[unknown.relation.table]
    now = report.number(unknown.relation.table, *unknown.relation.this)
    return (f"提醒：去年报告里{table.row(unknown.at.row).name}的现行有效件数不知道（导入时没能读出），今年的"
            f"{format_number(now or 0)}件没法和去年核对（{relations.said(report.format, unknown.relation)}），检查时会列为提醒。"
            "知道去年的数就说“去年现行有效N件”。")


def _last_year_in_force_told(state: DialogueState, text: str) -> tuple[list[Reply], str]:
    """“去年现行有效28件”, “去年是5件嘛，所以现行有效剩4件”: last year's 现行有效, told where last year's report does not
    give it — kept on last year's report (so the cross-year check can run) and taken out of the answer, never read as
    this year's figure.  Where last year's report gives it, its figure stands and the clerk is told which, once."""
    replies, rest, at = [], [], 0
    for m, n in _last_year_figures(text):
        rest.append(text[at:m.start()])
        at = m.end()
        if (reply := _last_year_in_force_kept(state, _last_row(m), n)) is not None:
            replies.append(reply)
    rest.append(text[at:])
    return replies, "".join(rest)


def _last_year_figures(text: str) -> list[tuple[re.Match[str], int]]:
    """Last year's 现行有效 said in an answer: named so, or a figure of last year's with no column said as the
    reckoning toward this year's; in order, none overlapping."""
    from gkassist.core.numbers import parse_number
    from gkassist.dialogue.answers.words import words

    w = words()
    found: list[tuple[re.Match[str], int]] = []
    named = [m for m in w.t2_last_in_force.finditer(text)]
    reasoned = [m for m in w.t2_last_reasoned.finditer(text) if _no_column_but_in_force(m["before"] or "")]
    for m in sorted(named + reasoned, key=lambda m: m.start()):
        n = parse_number(m["n"])
        if isinstance(n, int) and (not found or m.start() >= found[-1][0].end()):
            found.append((m, n))
    return found


def _no_column_but_in_force(before: str) -> bool:
    """“去年的规范性文件是5件”, “去年有效的7个”: no column of 表二 but 现行有效 named, no row but the documents'."""
    from gkassist.dialogue.answers.words import words

    w = words()
    if any(p.search(before) and col != "in_force" for p, col in w.t2_columns):
        return False
    return not any(p.search(before) and r not in ("rules", "normative") for p, r in w.t2_rows)


def _last_row(m: re.Match[str]) -> str:
    from gkassist.dialogue.answers.words import words

    named = (m["before"] or "") + (m.groupdict().get("after") or "")
    return next((r for p, r in words().t2_rows if p.search(named) and r in ("rules", "normative")), "normative")


def _last_year_in_force_kept(state: DialogueState, row: str, n: int) -> Reply | None:
    """Last year's 现行有效 of `row` as the clerk said it: kept where last year's report does not give it; where it
    does and differs, the clerk is reminded which stands (once); with no report of last year's, only noted."""
    last = state.last_year
    if last is None:
        return Reply(f"已记下：去年现行有效{format_number(n)}件是去年的数，没有计入今年的表。")
    if not last.format.has("t2", row, "in_force"):
        return None
    name = last.format.tables["t2"].row(row).name
    known = last.number("t2", row, "in_force")
    if known is not None:
        if known == n:
            return None
        return Reply(f"提醒：去年的报告里{name}现行有效是{format_number(known)}件（您说的是{format_number(n)}件），"
                     "按报告的数核对；报告印错了的话，今年的数照实说就行。")
    last.set_cell("t2", row, "in_force", n)
    if last.imported:
        last.imported.unread_cells = [c for c in last.imported.unread_cells if c != ("t2", row, "in_force")]
    return Reply(f"已记下：去年{name}现行有效{format_number(n)}件（去年报告里没有读出的数），今年的现行有效按它核对。")
