"""The kinds of question in the flow, one module each: how a kind is hinted, how its answer is understood, how
it is stored, whether the report already has it.  `KINDS` is filled by importing every module of this package,
so a new kind of question is one new module here (and the steps of prompts/flow.yaml that use it)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable

from gkassist.core.errors import InputError
from gkassist.core.flow import Flow, Step, flow_path
from gkassist.core.model import Report
from gkassist.dialogue.replies import Pending, Reply
from gkassist.dialogue.state import DialogueState

# A command on the answer waiting for confirmation (“参考1”, “去掉2”…): its pattern and what it does.
Command = tuple[re.Pattern[str], Callable[[DialogueState, re.Match[str]], list[Reply]]]


class StepKind:
    """How one kind of question is asked, read and stored.  Each receives the conversation's state (the report, last
    year's, the question open, the pending answer): it may propose (set `state.pending`) and store, never move the
    conversation or save — that is the engine's."""

    name = ""
    # commands on the pending answer this kind understands, tried in order before the answer is read as an answer
    commands: tuple[Command, ...] = ()

    def hint(self, state: DialogueState, step: Step) -> str:
        """What to show beside the question (last year's figures or wording)."""
        return ""

    def understand(self, state: DialogueState, step: Step, text: str) -> list[Reply]:
        """Read an answer: set `state.pending` to what was understood and say it (or ask, or refuse)."""
        raise NotImplementedError

    def store(self, state: DialogueState, step: Step, pending: Pending) -> None:
        """Write a confirmed answer into `state.report`."""
        raise NotImplementedError

    def answered(self, step: Step, report: Report) -> bool:
        """Whether the report already holds this step's part."""
        raise NotImplementedError

    def unfinished(self, state: DialogueState, step: Step, pending: Pending) -> str:
        """Why “对” cannot store the pending answer yet (a 〔…〕 slot still open); "" when it can."""
        return ""

    def left_open(self, state: DialogueState, step: Step, pending: Pending) -> str:
        """The question back still open on the pending answer that the flow may move on from, unanswered (“对” came,
        or the next question's answer): what is still missing, said as asked; "" when the flow does not move on
        from it (no question open, or one “对” itself answers)."""
        return ""

    def answers_later(self, state: DialogueState, step: Step, text: str) -> bool:
        """Whether `text`, said while this question's question back is open, is plainly the answer to a later
        question (not to be read as this one's)."""
        return False

    def shown_again(self, state: DialogueState, step: Step, pending: Pending) -> list[Reply]:
        """A question the flow moved on from, asked again (at the end, or reopened): what was understood so far
        and what is still missing."""
        return []

    def saved(self, state: DialogueState, step: Step) -> list[Reply]:
        """A part already answered (reopened): set `state.pending` to what is saved and show it; [] if nothing is."""
        return []


KINDS: dict[str, StepKind] = {}


def kind(cls: type[StepKind]) -> type[StepKind]:
    """Register a kind (its `name` is what prompts/flow.yaml writes as `kind:`)."""
    KINDS[cls.name] = cls()
    return cls


def of(step: Step) -> StepKind:
    return KINDS[step.kind]


def validate(steps: Flow) -> None:
    """Every step of the flow is of a known kind: otherwise an error at start naming the file and the line."""
    for i, step in enumerate(steps.steps):
        if step.kind not in KINDS:
            from gkassist.core.yamldata import line_of

            raise InputError(f"{flow_path()}：第{line_of(flow_path(), ('steps', i, 'kind'))}行：不认识的题型“{step.kind}”"
                             f"（可用：{'、'.join(sorted(KINDS))}）")


def first_unanswered(steps: Flow, report: Report, after: int = -1) -> int:
    """The first step (after the step `after`) whose part of the report is still empty (len(steps) when none is)."""
    for i, step in enumerate(steps.steps):
        if i > after and step.kind in KINDS and not of(step).answered(step, report):
            return i
    return len(steps.steps)


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
