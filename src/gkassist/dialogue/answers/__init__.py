"""Table answers in everyday Chinese → the cells they mean, or a question back.  Never a silent guess.

Each answer of a table question is read on its own, against the question's state (state.TableState: the facts
said so far, each with its turn and words, kept apart from the cells computed from them), in named stages:
normalize (numerals and amounts, text.normalize and core.numbers.read_amount) → clauses (text.clauses) → frames
(what each clause names, from the word lists in prompts/answers.yaml) → facts in their scope (t3.read) → edits of
what earlier answers said (edits.py: add, refine, move, set, zero; a bare count answers the question asked) →
cells under the table's sums (t3.allocate, t4.allocate) → what is missing (one question).  `t3`, `t4` and `t2` are
the three tables.  No language model is involved.

What cannot be tied down (applications of no named kind, a 不予公开 without its reason, results of several kinds
that name none, a vague “法人或者其他组织”, a case count without its outcome) becomes a question; what is impossible
(negative numbers, results without requests, no numbers, not Chinese) becomes a refusal.
"""

from __future__ import annotations

import re
from functools import cache

from gkassist.core.formats import ReportFormat
from gkassist.core.numbers import parse_number
from gkassist.dialogue.answers import t2, t3, t4
from gkassist.dialogue.answers.parsed import Cells, Parsed, impossible
from gkassist.dialogue.answers.state import AppealReading, Aside, Open, ProactiveReading, Reading, TableState, dump, load
from gkassist.dialogue.answers.t3 import states_requests
from gkassist.dialogue.answers.t4 import says_nothing_happened
from gkassist.dialogue.answers.text import NUM, all_zero
from gkassist.dialogue.answers.words import words
from gkassist.dialogue.sentences import plainly_later as _other_words_only

__all__ = ["Aside", "Cells", "Parsed", "TableState", "answer", "cells_of", "dump", "load", "parse", "parse_t2", "parse_t3",
           "parse_t4", "plainly_later", "says_nothing_happened", "start", "states_requests"]


def plainly_later(text: str, table: str) -> bool:
    """Whether an answer given while `table`'s question is open is plainly one to another question: it has another
    question's words and none of this table's — 表三's own are also the results and reasons its reader knows, so that
    “2件要的是执法队处罚他的案卷，不公开” (处罚 is a word of 表二) still answers 表三, and 表二's are also the rows its
    reader knows (“收了800块” is its 收费)."""
    if table == "t4" and t4.names_an_outcome(text):
        return False  # 表四's own are also the outcomes its reader knows (“申请人后来自己撤回了”: 其他结果)
    return _other_words_only(text, table) and not (table == "t3" and t3.names_a_result(text)) \
        and not (table == "t2" and any(found.search(text) for found, _ in words().t2_rows))  # (“收了800块”: 收费)


def start(table: str, base: Cells | None = None, reopened: bool = False) -> TableState:
    return TableState.start(table, base, reopened)


def answer(state: TableState, text: str, carried: dict[str, float] | None = None,
           fmt: ReportFormat | None = None, last: dict[str, float] | None = None) -> tuple[TableState, Parsed]:
    """One more answer to a table question: the new state and the cells it comes to (the state is left as it was
    when the answer is refused); `last`: 表二's figures in last year's report ("row|column"; None: no report)."""
    filled = answered(state, text)
    refused = impossible(text) if filled is None else None
    if refused is not None:
        return state, refused
    if filled is not None:  # Answer: a bare count fills the clause asked about, in the answer it was said in
        before = state.previous
        assert before is not None  # answered() fills only an answer that has one before it
        new = before.model_copy(update={"turns": [*before.turns, filled], "previous": before})
    else:
        new = state.model_copy(update={"turns": [*state.turns, text], "previous": state.model_copy(update={"previous": None})})
    previous = new.previous
    assert previous is not None
    new = new.with_reading(read_turn(previous, new.turns[-1], len(new.turns) - 1, fmt, carried, last))
    if filled is None and state.turns and read_nothing(previous.reading, new.reading, text):
        new = new.with_reading(new.reading.model_copy(update={"not_understood": [*new.reading.not_understood, text]}))
    return new, cells_of(new, carried)


def read_nothing(before: Reading | AppealReading | ProactiveReading, after: Reading | AppealReading | ProactiveReading,
                 text: str) -> bool:
    """Whether a later answer of a table conversation left what the answers said as it was: nothing of it was placed
    (no fact, no question, no aside) — it is then named as not understood, never silently dropped with the earlier
    cells stored.  (表二: a row said again with its figure leaves its cells as they were: that is understood.)"""
    if before.model_dump() != after.model_dump() or _says_none(text):
        return False
    if isinstance(after, Reading) and t3.kinds_confirmed(after, text):
        return False  # “合作社算公司吧，就按企业算”: the kind it was taken for, said again
    return not (isinstance(after, ProactiveReading) and any(found.search(text) for found, _ in words().t2_rows))


def _says_none(text: str) -> bool:
    """“个人申请的没有”, “没别的申请了”, “不用改”: an answer with no figure but 0 that says there is none (more) —
    understood, though it changes nothing."""
    if re.search(r"一(?:件|个|起|次|家|位|份)[^，。；]{0,6}?(?:也|都)(?:没|不|无|未)", text):
        return True  # (“企业的一件也没有”: the 一 says none)
    return bool(re.search(r"没|无|未|零|不|0", text)) and (not re.search(NUM, text) or all_zero(text))


def read_turn(before: TableState, text: str, turn: int, fmt: ReportFormat | None = None,
              carried: dict[str, float] | None = None,
              last: dict[str, float] | None = None) -> Reading | AppealReading | ProactiveReading:
    """One more answer read against the reading `before` holds (of its table); `carried`: what last year's report
    carried into this year (表三: whose applications “去年转来的103件” are)."""
    if before.table == "t3":
        return t3.read_turn(before.requests_reading, text, turn, fmt, carried)
    if before.table == "t4":
        return t4.read_turn(before.appeals_reading, text, turn)
    return t2.read_turn(before.proactive_reading, text, turn, last)


def cells_of(state: TableState, carried: dict[str, float] | None = None) -> Parsed:
    """The cells the state comes to (without its base), and what is still to be asked."""
    transcript = "".join(state.turns)
    if state.table == "t3":
        return t3.cells_of(state.requests_reading, transcript, carried)
    if state.table == "t4":
        return t4.cells_of(state.appeals_reading, transcript)
    return t2.cells_of(state.proactive_reading)


@cache
def _bare_answer(leads: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:(?:{leads})\s*[，,]?\s*)*({NUM})\s*(?:件|个|起|次|份|宗|项|条)?\s*(?:吧|啊|呢|了)?\s*"
                      rf"(?:[。！!]?\s*$|[，,；;。]\s*(?P<rest>.+)$)")


def answered(state: TableState, text: str) -> str | None:
    """The last answer with the clause the reader asked a count of filled by a bare count (“就1件”, “我查了下，12件”,
    “12”); None when the text is not a bare count or nothing of the last answer is asked."""
    m = _bare_answer(words().answer_leads).match(text)
    if not m or state.previous is None or not state.turns:
        return None
    asked = next((o for o in state.reading.opened if o.part == "count" and o.turn == len(state.turns) - 1), None)
    said = state.turns[-1]
    if asked is None:
        return _applications_counted(state, said, m.group(1)) if state.table == "t3" else None
    filled = fill(asked, m.group(1))
    if asked.words not in said or filled == asked.words:
        return None
    # (“12件，都是个人的”: what follows the count is said after the answer it completes)
    return said.replace(asked.words, filled, 1) + (f"；{m.group('rest')}" if m.group("rest") else "")


def _applications_counted(state: TableState, said: str, count: str) -> str | None:
    """A bare count after an answer that said results but no number of applications (“群众申请的全部公开” → asked how
    many → “7”): the count of the applications it spoke of, of the one kind it named; after an answer that did count
    them, the same count again only confirms it (“有位村民申请过” → “是1件”)."""
    last = len(state.turns) - 1
    facts = [f for f in state.requests_reading.facts if f.turn == last]
    counted = [f.count for f in facts if f.what == "requests" and f.count is not None]
    if counted:
        return said if parse_number(count) == sum(counted) else None
    if not any(f.what == "result" for f in facts):
        return None
    kinds = t3.kinds_in(said)
    name = words().kind_names[kinds[0]] if len(kinds) == 1 else ""
    return f"{said}；{name}申请{count}件"


# “大概20件”, “20多件”, “1000来件”, “5千元左右”: the figure said as about so much, replaced by the exact one
_ABOUT = re.compile(r"(?:大概|大约|约|差不多|估计)?\s*(?:[0-9０-９]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+(?=\s*(?:多|余|来)?\s*"
                    r"(?:件|个|起|次|份|宗|项|条)))\s*(?:多|余|来)?\s*(?:件|个|起|次|份|宗|项|条|元|万元)?\s*(?:左右)?")


def fill(asked: Open, count: str) -> str:
    """The clause asked about with the count the clerk gave in place of its vague or approximate figure."""
    vague = words().vague_counts
    if vague.search(asked.words):
        return vague.sub(f"{count}件", asked.words, count=1)
    m = _ABOUT.search(asked.words)
    return asked.words[:m.start()] + f"{count}件" + asked.words[m.end():] if m else asked.words + f"{count}件"


def parse(table: str, turns: list[str], carried: dict[str, float] | None = None,
          fmt: ReportFormat | None = None) -> Parsed:
    """A conversation about one table (its answers in order, the newest last), each answer read against the state
    the ones before it left."""
    state, out = start(table), Parsed()
    for text in turns:
        state, out = answer(state, text, carried, fmt)
        if out.refusal:
            return out
    return out


def parse_t3(text: str, carried: dict[str, float] | None = None, fmt: ReportFormat | None = None) -> Parsed:
    """One answer about 表三."""
    return parse("t3", [text], carried, fmt)


def parse_t4(text: str) -> Parsed:
    return parse("t4", [text])


def parse_t2(text: str) -> Parsed:
    return parse("t2", [text])
