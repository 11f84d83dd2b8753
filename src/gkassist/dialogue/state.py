"""Where the conversation is, apart from the engine that moves it: the report being drafted, last year's report,
the question open and the modes the conversation can be in.  The question kinds (dialogue.kinds) receive this
object — never the engine — so that a kind can read and propose but not move the conversation or save."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gkassist.core.flow import Step, steps_for
from gkassist.core.model import Report
from gkassist.dialogue.answers.state import Aside
from gkassist.dialogue.replies import Pending


@dataclass
class Fresh:
    """A draft offered instead of the one open (“重新开始” from last year's report, the season's year): not yet
    written anywhere."""

    report: Report
    last_year: Report | None
    step_index: int
    path: Path


@dataclass
class Modes:
    """What the conversation is in the middle of, besides the question itself.  At most one of the offers and
    questions of the assistant's own is open at a time; each is answered before the question of the flow."""

    pending: Pending | None = None  # the answer understood, waiting for “对”
    offered_last_year: Report | None = None  # last year's report found or given, waiting for “对”/“用”
    asking_last_year: bool = False  # none found: asked where it is (a file, a web address or “没有”)
    offered_restart: Fresh | None = None  # a fresh draft from last year's report, waiting for “重新开始”
    offered_year: Fresh | None = None  # a draft of the season's year beside an older unfinished one
    return_to: int | None = None  # a part reopened (改表二, 上一题, the palette): once confirmed, the question left
    catching_up: bool = False  # past the last question with parts skipped: on to each part still empty
    export_asked: str | None = None  # the format whose export was warned about (errors or blanks left)

    @property
    def asking_own(self) -> bool:
        """A question of the assistant's own is open (which draft, last year's report)."""
        return (self.offered_restart is not None or self.offered_year is not None or self.asking_last_year
                or self.offered_last_year is not None)


@dataclass
class DialogueState:
    """What a question kind receives: the report, last year's, the flow's question open and the modes."""

    report: Report
    last_year: Report | None = None
    step_index: int = 0
    modes: Modes = field(default_factory=Modes)
    # facts said at one table's question for another (a 复议 said at 表三), by the table they were said at: shown
    # when their own table is asked, and saved with the conversation
    asides: dict[str, list[Aside]] = field(default_factory=dict)
    # tables the flow moved on from with a question back still open (“对”, or the next question's answer, came
    # instead), by step id: nothing of them is stored; what was said comes back when they are asked again
    unfinished: dict[str, Pending] = field(default_factory=dict)
    # what the clerk must hear besides the replies (a paragraph written again from a changed table, a draft saved
    # elsewhere): the engine says them after the answer
    notices: list[str] = field(default_factory=list)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The questions for this report's format."""
        return steps_for(self.report.format_version).steps

    @property
    def step(self) -> Step | None:
        steps = self.steps
        return steps[self.step_index] if self.step_index < len(steps) else None

    @property
    def pending(self) -> Pending | None:
        return self.modes.pending

    @pending.setter
    def pending(self, value: Pending | None) -> None:
        self.modes.pending = value
