"""Table answers in everyday Chinese → the cells they mean, or a question back.  Never a silent guess.

A conversation about one table is read whole, answer by answer, in named stages (each module says them): the
clauses and their asides (`text`), what each clause names (frames), the facts in order with their scope, the
facts of later answers refining the earlier ones (settle), the facts into cells under the table's sums
(allocate), and what is really missing (one question).  `t3`, `t4` and `t2` are the three tables; the words are
data (prompts/answers.yaml).  No language model is involved.

What cannot be tied down (applications of no named kind, a 不予公开 without its reason, results of several kinds
that name none, a vague “法人或者其他组织”, a case count without its outcome) becomes a question; what is impossible
(negative numbers, results without requests, no numbers, not Chinese) becomes a refusal.
"""

from __future__ import annotations

from gkassist.dialogue.answers.parsed import Cells, Parsed, impossible
from gkassist.dialogue.answers.t2 import parse_t2 as _t2
from gkassist.dialogue.answers.t3 import parse_t3 as _t3
from gkassist.dialogue.answers.t3 import states_requests
from gkassist.dialogue.answers.t4 import parse_t4 as _t4
from gkassist.dialogue.answers.t4 import says_nothing_happened

__all__ = ["Cells", "Parsed", "parse", "parse_t2", "parse_t3", "parse_t4", "says_nothing_happened", "states_requests"]


def parse(table: str, turns: list[str], carried: dict | None = None, fmt=None) -> Parsed:
    """A conversation about one table (its answers in order, the newest last)."""
    refused = impossible(turns[-1])
    if refused is not None:
        return refused
    if table == "t3":
        return _t3(turns, carried, fmt)
    return {"t4": _t4, "t2": _t2}[table](turns)


def parse_t3(text: str, carried: dict | None = None, fmt=None) -> Parsed:
    """One answer about 表三."""
    return parse("t3", [text], carried, fmt)


def parse_t4(text: str) -> Parsed:
    return parse("t4", [text])


def parse_t2(text: str) -> Parsed:
    return parse("t2", [text])
