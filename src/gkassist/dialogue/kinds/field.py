"""The agency's name: asked first when there is no last year's report; once named, a draft of last year's or a report
in the corpus of that agency is offered as last year's."""

from __future__ import annotations

import re

from gkassist.core.flow import Step
from gkassist.core.model import Report
from gkassist.dialogue.kinds import StepKind, kind
from gkassist.dialogue.replies import Pending, Reply
from gkassist.dialogue.state import DialogueState

SAME_AS_LAST = re.compile(r"^\s*(同去年|和去年一样|跟去年一样|与去年相同)\s*[。！!]?\s*$")
NEW_AGENCY = "（待填写）"


@kind
class Field(StepKind):
    name = "field"

    def understand(self, state: DialogueState, step: Step, text: str) -> list[Reply]:
        if SAME_AS_LAST.match(text):
            if state.last_year is None:
                return [Reply("请写出本机关的全称，例如“青岚县石桥镇人民政府”。", "error")]
            text = state.last_year.agency
        state.pending = Pending(step.id, paragraphs=[text])
        return [Reply(f"机关名称：{text}。对吗？（回答“对”确认）", "understood")]

    def store(self, state: DialogueState, step: Step, pending: Pending) -> None:
        report = state.report
        report.agency = pending.paragraphs[0]
        report.title = report.format.title(report.agency, report.year)  # (the engine renames the draft after it)

    def answered(self, step: Step, report: Report) -> bool:
        return report.agency != NEW_AGENCY

    def saved(self, state: DialogueState, step: Step) -> list[Reply]:
        if not self.answered(step, state.report):
            return []
        state.pending = Pending(step.id, paragraphs=[state.report.agency], saved=True)
        return [Reply(f"已保存的是：{state.report.agency}", "understood"), Reply("回答“对”保持不变；直接写新的内容会替换它。")]
