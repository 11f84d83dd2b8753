"""What the engine says and what it holds while the clerk confirms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# say: a question or a remark; understood: what was understood, waiting for “对”; error: a refusal or a
# problem to fix; suggestion: a phrasing from the corpus; done: the report is finished.
ReplyKind = Literal["say", "understood", "error", "suggestion", "done"]


@dataclass
class Reply:
    text: str
    kind: ReplyKind = "say"


@dataclass
class Pending:
    """What the assistant understood of the answer to one step, waiting for the clerk's confirmation."""

    step: str
    cells: dict[tuple[str, str, str], int | float] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    before_polish: str | None = None  # the clerk's own paragraph while a polished one is pending
    own: str = ""  # the clerk's words as typed, before they were put in the register of a report (还原)
    opening: str = ""  # the sentences made from the tables that open the paragraph (not the clerk's to check)
    before_suggestion: str | None = None  # the paragraph before a suggested sentence was added (去掉参考)
    asking: bool = False  # a question back is open: “对” cannot store this yet
    saved: bool = False  # what is already saved, shown again (a part reopened): “对” keeps it
    # what a kind keeps while the answer is discussed: the preface's contact details, the phrasing suggestions
    # offered (参考N), 五's proposed problems (去掉N, 改N, 加)
    turns: list[str] = field(default_factory=list)  # a table's answers so far, read together (a follow-up refines)
    base: dict = field(default_factory=dict)  # a table's cells from “同去年” or “没有”, which later answers add to
    ignored: list[str] = field(default_factory=list)  # clauses with a number the clerk said not to count
    contact: Any = None
    suggestions: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    spoken: list = field(default_factory=list)  # the clerk's sentences kept as typed, each with its reference
    shortfalls: list[str] = field(default_factory=list)  # shortcomings told here, for 五
