"""The conversation as the draft file keeps it: the answer waiting for “对”, where a reopened part returns, and
what was said.  A reload, a restart of a server or a new window on the draft goes on where it stopped — the pending
answer is not read again from the clerk's words, it is restored as it was understood.

Versioned: a draft saved before the conversation was kept has none (it opens with its saved tables and no pending
answer); one saved by a newer gkassist keeps its report and says that the unconfirmed answer could not be restored.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from gkassist.corpus.index import Suggestion
from gkassist.dialogue.answers import state as answers_state
from gkassist.dialogue.answers.state import Aside
from gkassist.dialogue.improvements import Proposal
from gkassist.dialogue.preface import Contact
from gkassist.dialogue.replies import Cells, Pending, Reply, Spoken

VERSION = 1
KEPT_TURNS = 400  # what was said, the latest kept: a year's conversation is about 100 turns; a file stays small

SavedCell = tuple[str, str, str, float]


class SavedPending(BaseModel):
    """`replies.Pending` as JSON: the cells (keyed by table, row, column) as rows of four."""

    model_config = ConfigDict(extra="ignore")
    step: str
    cells: list[SavedCell] = []
    paragraphs: list[str] = []
    before_polish: str | None = None
    own: str = ""
    opening: str = ""
    before_suggestion: str | None = None
    asking: bool = False
    asked: str = ""
    saved: bool = False
    turns: list[str] = []
    base: list[SavedCell] = []
    ignored: list[str] = []
    contact: Contact | None = None
    suggestions: list[Suggestion] = []
    proposals: list[Proposal] = []
    reader: dict[str, object] | None = None  # a table question's state (dialogue.answers.state, versioned apart)
    spoken: list[Spoken] = []  # sentences kept as the clerk typed them, each with its reference
    shortfalls: list[str] = []  # shortcomings told at this question, for 五
    plans: list[str] = []  # what will be done, told at this question with no shortcoming, for 五

    @classmethod
    def of(cls, pending: Pending) -> "SavedPending":
        return cls(step=pending.step, cells=_rows(pending.cells), paragraphs=pending.paragraphs,
                   before_polish=pending.before_polish, own=pending.own, opening=pending.opening,
                   before_suggestion=pending.before_suggestion, asking=pending.asking, asked=pending.asked,
                   saved=pending.saved,
                   turns=pending.turns, base=_rows(pending.base), ignored=pending.ignored, contact=pending.contact,
                   suggestions=pending.suggestions, proposals=pending.proposals,
                   reader=answers_state.dump(pending.reader) if pending.reader is not None else None,
                   spoken=pending.spoken, shortfalls=pending.shortfalls, plans=pending.plans)

    def restored(self) -> Pending:
        return Pending(self.step, cells=_cells(self.cells), paragraphs=list(self.paragraphs),
                       before_polish=self.before_polish, own=self.own, opening=self.opening,
                       before_suggestion=self.before_suggestion, asking=self.asking, asked=self.asked,
                       saved=self.saved,
                       turns=list(self.turns), base=_cells(self.base), ignored=list(self.ignored), contact=self.contact,
                       suggestions=list(self.suggestions), proposals=list(self.proposals),
                       reader=answers_state.load(self.reader) if self.reader is not None else None,
                       spoken=list(self.spoken), shortfalls=list(self.shortfalls), plans=list(self.plans))


class Said(BaseModel):
    model_config = ConfigDict(extra="ignore")
    who: Literal["clerk", "assistant"]
    text: str
    kind: str = "say"


class Conversation(BaseModel):
    model_config = ConfigDict(extra="ignore")
    version: int = VERSION
    pending: SavedPending | None = None
    return_to: int | None = None
    catching_up: bool = False
    # tables the flow moved on from with a question open, by step id: what was said, asked again at the end
    unfinished: dict[str, SavedPending] = Field(default_factory=dict)
    asides: dict[str, list[Aside]] = Field(default_factory=dict)  # said at one table for another (DialogueState)
    transcript: list[Said] = Field(default_factory=list)

    def heard(self, answer: str, replies: list[Reply]) -> None:
        """One answer and the replies to it, into the transcript (the oldest dropped past KEPT_TURNS)."""
        self.transcript.append(Said(who="clerk", text=answer))
        self.transcript += [Said(who="assistant", text=r.text, kind=r.kind) for r in replies if r.kind != "action"]
        del self.transcript[:-KEPT_TURNS]


def conversation_from(data: object) -> tuple[Conversation, str]:
    """The conversation a draft file holds, and what the clerk must hear when it cannot be restored (a newer
    version, a damaged part): the report is never refused for it."""
    if data is None:
        return Conversation(), ""  # a draft saved before conversations were kept
    try:
        conversation = Conversation.model_validate(data)
    except ValidationError:
        return Conversation(), "草稿里上次还没确认的回答读不出来，请重新回答这一题（已保存的内容都在）。"
    if conversation.version > VERSION:
        return Conversation(transcript=conversation.transcript), \
            "草稿由更新版本的 gkassist 保存，上次还没确认的回答这个版本恢复不了，请重新回答这一题（已保存的内容都在）。"
    return conversation, ""


def _rows(cells: Cells) -> list[SavedCell]:
    return [(t, r, c, v) for (t, r, c), v in cells.items()]


def _cells(rows: list[SavedCell]) -> Cells:
    return {(t, r, c): int(v) if float(v).is_integer() else v for t, r, c, v in rows}
