"""What the engine says and what it holds while the clerk confirms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # what a kind keeps in the pending answer; loaded with those kinds, not with every reply
    from gkassist.corpus.index import Suggestion
    from gkassist.dialogue.answers.state import TableState
    from gkassist.dialogue.improvements import Proposal
    from gkassist.dialogue.preface import Contact

Cells = dict[tuple[str, str, str], int | float]  # (table, row, column) → value

# say: a question or a remark; understood: what was understood, waiting for “对”; error: a refusal or a
# problem to fix; suggestion: a phrasing from the corpus; done: the report is finished; exported: a file written;
# action: the clerk typed an action that is the front end's to do (`action`: its id in prompts/actions.yaml).
ReplyKind = Literal["say", "understood", "error", "suggestion", "done", "exported", "action"]


@dataclass
class Reply:
    text: str
    kind: ReplyKind = "say"
    action: str = ""


@dataclass
class Spoken:
    """A sentence of the clerk (a narrative answer)'s that no pattern or register rule turns whole, kept as typed, and the published
    sentence of the unit's level nearest to it (in this unit's words), with the other level's words it holds."""

    text: str
    reference: str = ""
    source: str = ""
    other_level: list[str] = field(default_factory=list)


@dataclass
class Pending:
    """What the assistant understood of the answer to one step, waiting for the clerk's confirmation."""

    step: str
    cells: Cells = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    before_polish: str | None = None  # the clerk's own paragraph while a polished one is pending
    own: str = ""  # the clerk's words as typed, before they were put in the register of a report (还原)
    opening: str = ""  # the sentences made from the tables that open the paragraph (not the clerk's to check)
    before_suggestion: str | None = None  # the paragraph before a suggested sentence was added (去掉参考)
    asking: bool = False  # a question back is open: “对” cannot store this yet
    asked: str = ""  # that question, as asked (said again when the flow moves on from it, and when it comes back)
    saved: bool = False  # what is already saved, shown again (a part reopened): “对” keeps it
    # what a kind keeps while the answer is discussed: the preface's contact details, the phrasing suggestions
    # offered (参考N), 五's proposed problems (去掉N, 改N, 加)
    turns: list[str] = field(default_factory=list)  # a table's answers so far, read together (a follow-up refines)
    base: Cells = field(default_factory=dict)  # a table's cells from “同去年” or “没有”, which later answers add to
    ignored: list[str] = field(default_factory=list)  # clauses with a number the clerk said not to count
    reader: TableState | None = None  # a table question's state: what its answers said so far (dialogue.answers)
    contact: Contact | None = None
    agency: str = ""  # the unit's full name as the clerk named it in the preface's answer, taken on “对”
    suggestions: list[Suggestion] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    measure_asked: int = 0  # 五: the problem (its number) whose measure the clerk was just asked for; 0 none
    spoken: list[Spoken] = field(default_factory=list)  # the clerk's sentences kept as typed, each with its reference
    shortfalls: list[str] = field(default_factory=list)  # shortcomings told here, for 五
    plans: list[str] = field(default_factory=list)  # what will be done, told here with no shortcoming, for 五
    moved: dict[str, list[str]] = field(default_factory=dict)  # sentences of another part of 一 (by its name), for it
