"""The explicit state of a table question, kept apart from the cells computed from it.

Each answer is read on its own against this state into named edits (edits.py); the cells come from the state
(t3.allocate, t4.allocate, t2's cells).  A fact is “so many applications (cases, documents) of this kind ended this
way”, any part still unknown, with the turn and the words it came from.  The state serializes (pydantic, versioned)
so that a draft resumed at a table question does not read its earlier answers again; a draft saved before the
state existed opens with its saved table as the `base`.
"""

from __future__ import annotations

from typing import Literal, cast

from pydantic import BaseModel, ConfigDict, Field

from gkassist.dialogue.answers.parsed import Cells

CellKey = tuple[str, str, str]  # (table, row, column)

VERSION: Literal[1] = 1


class Fact(BaseModel):
    """表三: `what` (requests, result, carry_next, carried_in) of `kind` of applicant, in result `row` (or a group's
    prefix, “deny_”, while its reason is not said), `count` (None: not said), from `clause` of answer `turn`."""

    model_config = ConfigDict(extra="forbid")
    what: str
    kind: str | None
    row: str | None
    count: float | None
    clause: str = ""
    turn: int = 0
    for_all: bool = False  # “都” over every kind's applications
    explicit: bool = False  # the clause itself names the kind
    correction: bool = False
    refers: bool = False
    quantified: bool = False  # “都”: a count said of every application in scope (“三件都公开了”)
    moved_from: str | None = None  # the row whose result this one is put right from
    moved_kind: str | None = None  # … of this kind of applicant (“个人不掌握的有1件应该是企业的公开”): not its own
    of_carried: bool = False  # said of last year's applications carried in (“上年结转的那件也公开了”)
    organisations: bool = False  # “法人的全都公开了”: said of every kind but 自然人 (with for_all)
    of_moved: bool = False  # the result of cases just moved to this kind (“……应该算个人，都是公开的”): added
    under_kind: bool = False  # said under a clause naming its kind (“科研机构那2件一件公开……”): that kind's, no guess

    def __init__(self, what: str, kind: str | None = None, row: str | None = None, count: float | None = None,
                 clause: str = "", turn: int = 0, **more: bool | str | None) -> None:
        super().__init__(what=what, kind=kind, row=row, count=count, clause=clause, turn=turn, **more)

    @property
    def row_id(self) -> str:
        """The row (or group prefix) as text: "" for a fact of no row."""
        return self.row or ""


class AppealFact(BaseModel):
    """表四: cases of `block` (review, suit_direct, suit_after_review) with `outcome` (None: the block's count)."""

    model_config = ConfigDict(extra="forbid")
    block: str
    outcome: str | None
    count: float | None
    turn: int = 0
    correction: bool = False
    clause: str = ""

    def __init__(self, block: str, outcome: str | None = None, count: float | None = None, turn: int = 0,
                 correction: bool = False, **more: str) -> None:
        super().__init__(block=block, outcome=outcome, count=count, turn=turn, correction=correction, **more)


class Aside(BaseModel):
    """A fact said at one table's question for another (a 复议 said at 表三): kept, and shown when that table is asked."""

    model_config = ConfigDict(extra="forbid")
    table: Literal["t3", "t4", "t2"]
    words: str
    turn: int = 0


class Open(BaseModel):
    """A question the reader asked about a clause: `part` is what it wants (count, kind, reason, outcome); a bare
    answer (“就1件”, “12”) fills it (edits.Answer)."""

    model_config = ConfigDict(extra="forbid")
    words: str  # the clause asked about, as the clerk said it
    # (“last_year”: a 表二 figure said to be last year's that last year's report does not give — a figure said next
    # answers it, as a count does)
    part: Literal["count", "kind", "reason", "outcome", "shares", "last_year"] = "count"
    turn: int = 0
    question: str = ""
    kind: str | None = None  # the kind of applicant (表三) or case (表四) it is about, when said
    row: str | None = None


class Reading(BaseModel):
    """What the answers of one table question said so far (表三): the facts in order and what stays open."""

    model_config = ConfigDict(extra="forbid")
    facts: list[Fact] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    not_understood: list[str] = Field(default_factory=list)
    no_requests: bool = False
    no_organisations: bool = False  # “没有企业申请”: applications of no named kind are persons'
    last_carry: str = ""  # the clause that last said applications carry on (said again, not one more)
    opened: list[Open] = Field(default_factory=list)
    asides: list[Aside] = Field(default_factory=list)  # said here, for another table
    no_carry: bool = False  # “没有转到明年的”, “都办完了”: every application has its result (else asked)
    rest_kind: str | None = None  # “其余都是个人的”: the kind of the results of no kind left after the kinds said
    # “都是老百姓个人的”, “全是个人申请”: every applicant of the conversation said to be of one kind — a case said
    # later with no kind is of it, while no other kind is said
    only_kind: str | None = None

    def __init__(self, facts: list[Fact] | None = None, **more: object) -> None:
        super().__init__(facts=facts or [], **more)


class AppealReading(BaseModel):
    """What the answers about 表四 said so far."""

    model_config = ConfigDict(extra="forbid")
    facts: list[AppealFact] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    not_understood: list[str] = Field(default_factory=list)
    block: str | None = None  # the kind of case just said: an outcome after it is its
    uncounted: list[str | None] = Field(default_factory=list)  # kinds of case said without their number
    opened: list[Open] = Field(default_factory=list)
    asides: list[Aside] = Field(default_factory=list)


class ProactiveReading(BaseModel):
    """What the answers about 表二 said so far: its figures by "row|column" (a later one replaces), open questions."""

    model_config = ConfigDict(extra="forbid")
    cells: dict[str, float] = Field(default_factory=dict)
    questions: list[str] = Field(default_factory=list)
    not_understood: list[str] = Field(default_factory=list)
    opened: list[Open] = Field(default_factory=list)
    # “收费跟去年一样”: "row|column" → the words, of the figures taken from last year's report (shown as such)
    from_last: dict[str, str] = Field(default_factory=dict)


class TableState(BaseModel):
    """One table question's state: the transcript, what its answers said (表三's facts, 表四's cases, 表二's figures),
    the state before the last answer (a bare answer to a question about it reads that answer again, filled in), facts
    said here for another table (asides), and the saved table it starts from (base)."""

    model_config = ConfigDict(extra="forbid")
    version: Literal[1] = VERSION
    table: Literal["t3", "t4", "t2"]
    turns: list[str] = Field(default_factory=list)
    requests: Reading | None = None  # 表三
    appeals: AppealReading | None = None  # 表四
    proactive: ProactiveReading | None = None  # 表二
    previous: TableState | None = None
    base: dict[str, float] = Field(default_factory=dict)  # "row|column" → the saved (reopened) table's figure
    reopened: bool = False  # the base is the saved table (not “同去年”/“没有”): a restated kind replaces its cells

    @property
    def reading(self) -> Reading | AppealReading | ProactiveReading:
        reading = {"t3": self.requests, "t4": self.appeals, "t2": self.proactive}[self.table]
        assert reading is not None  # start() gives the table's reading; with_reading() only replaces it
        return reading

    @property
    def requests_reading(self) -> Reading:
        """表三's reading (the state of a 表三 question)."""
        assert self.requests is not None
        return self.requests

    @property
    def appeals_reading(self) -> AppealReading:
        assert self.appeals is not None
        return self.appeals

    @property
    def proactive_reading(self) -> ProactiveReading:
        assert self.proactive is not None
        return self.proactive

    def with_reading(self, reading: Reading | AppealReading | ProactiveReading) -> "TableState":
        return self.model_copy(update={{"t3": "requests", "t4": "appeals", "t2": "proactive"}[self.table]: reading})

    @classmethod
    def start(cls, table: str, base: Cells | None = None, reopened: bool = False) -> "TableState":
        """A new question, or one reopened: its saved cells (or those of “同去年”/“没有”) are the base."""
        readings = {"t3": ("requests", Reading), "t4": ("appeals", AppealReading), "t2": ("proactive", ProactiveReading)}
        field_, model = readings[table]
        return cls(table=table, base={f"{r}|{c}": v for (_, r, c), v in (base or {}).items()}, reopened=reopened,
                   **{field_: model()})

    def base_cells(self) -> Cells:
        # a key is "row|column" (start() writes it so): the cell key of three parts
        return {cast(CellKey, (self.table, *key.split("|", 1))): v for key, v in self.base.items()}


TableState.model_rebuild()


def dump(state: TableState) -> dict[str, object]:
    return state.model_dump(mode="json")


def load(data: dict[str, object]) -> TableState | None:
    """A saved state, or None when it is of another version or damaged (the saved table is then the base)."""
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return None
    try:
        return TableState.model_validate(data)
    except ValueError:
        return None
