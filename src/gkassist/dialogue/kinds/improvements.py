"""五、存在的主要问题及改进情况: the clerk's follow-up of last year's problems, then problems proposed from this
year's figures and the clerk's own answers (dialogue.improvements), edited with 去掉N / 改N：… / 加：…."""

from __future__ import annotations

import re

from gkassist.core.flow import Step
from gkassist.core.model import Report
from gkassist.dialogue.improvements import MAX_PROPOSALS, MIN_PROPOSALS, Proposal, proposals_paragraph, propose
from gkassist.dialogue.kinds import StepKind, kind
from gkassist.dialogue.kinds.narrative import POLISH, RESTORE, polish, restore
from gkassist.dialogue.register import to_register
from gkassist.dialogue.replies import Pending, Reply


def _editing_help(proposals: list[Proposal]) -> str:
    n = len(proposals)
    parts = ["回答“对”采用"]
    if n > MIN_PROPOSALS:
        parts.append(f"“去掉{n}”删掉第{n}条")  # offered only while more than the minimum remain
    parts.append(f"“改{n}：……”把第{n}条换成你写的问题和改进措施")
    if n < MAX_PROPOSALS:
        parts.append("“加：……”再加一条")
    return "；".join(parts) + "。"


def _show(state) -> list[Reply]:
    pending = state.pending
    pending.paragraphs[1] = proposals_paragraph(pending.proposals)
    return [Reply("将写入：\n" + "\n".join(pending.paragraphs), "understood"), Reply(_editing_help(pending.proposals))]


def drop(state, match) -> list[Reply]:
    number, proposals = int(match[1]), state.pending.proposals
    if not 1 <= number <= len(proposals):
        return [Reply("没有这一条。", "error")]
    if len(proposals) <= MIN_PROPOSALS:
        return [Reply("至少保留两条具体问题。", "error")]
    del proposals[number - 1]
    return _show(state)


def edit(state, number: int, text: str) -> list[Reply]:
    """Replace proposal `number` with the clerk's own words, or add one (number = count + 1)."""
    proposals = state.pending.proposals
    if not 1 <= number <= len(proposals) + 1:
        return [Reply("没有这一条。", "error")]
    if number > MAX_PROPOSALS:
        return [Reply("最多写四条问题，请先“去掉”一条。", "error")]
    text = text.strip().rstrip("。；;")
    if not re.search(r"[\u4e00-\u9fff]", text):
        return [Reply("请用中文写这一条的问题和改进措施。", "error")]
    own = Proposal("own", text, "")
    if number > len(proposals):
        proposals.append(own)
    else:
        proposals[number - 1] = own
    return _show(state)


@kind
class Improvements(StepKind):
    name = "improvements"
    commands = (
        (re.compile(r"去掉\s*(\d)"), drop),
        (re.compile(r"改\s*(\d)\s*[：:，,]?\s*(.+)", re.S), lambda e, m: edit(e, int(m[1]), m[2])),
        (re.compile(r"加\s*[：:]\s*(.+)", re.S), lambda e, m: edit(e, len(e.pending.proposals) + 1, m[1])),
        (POLISH, polish),
        (RESTORE, restore),
    )

    def hint(self, state, step: Step) -> str:
        prior = state.last_year.paragraphs("problems") if state.last_year is not None else []
        return "去年报告的问题和改进部分：\n" + "\n".join(prior) if prior else ""  # quoted whole: the follow-up answers it

    def understand(self, state, step: Step, text: str) -> list[Reply]:
        followup = to_register(text, state.report, subject=False)  # in the register of a published report
        last = state.last_year
        if last is not None and not re.search(r"上年|去年|\d{4}年度", followup):
            followup = f"{last.year}年度报告提出的问题，整改情况如下：{followup}"
        proposals = propose(state.report, last)
        paragraphs = [followup, proposals_paragraph(proposals)]
        lines = [f"{i}. 问题：{p.problem}；改进：{p.improvement}" for i, p in enumerate(proposals, 1)]
        state.pending = Pending(step.id, paragraphs=paragraphs, proposals=proposals,
                                 own=text if re.search(r"[。！？]$", text) else text + "。")
        return [Reply("根据今年的数字，我建议写这些问题：\n" + "\n".join(lines), "understood"),
                Reply("将写入：\n" + "\n".join(paragraphs), "understood"),
                Reply(_editing_help(proposals) + "重新写整改情况会替换第一段。")]

    def store(self, state, step: Step, pending: Pending) -> None:
        state.report.sections[step.section] = list(pending.paragraphs)

    def answered(self, step: Step, report: Report) -> bool:
        return bool(report.paragraphs(step.section))

    def saved(self, state, step: Step) -> list[Reply]:
        paragraphs = state.report.paragraphs(step.section)
        if not paragraphs:
            return []
        state.pending = Pending(step.id, paragraphs=list(paragraphs), saved=True)
        return [Reply("已保存的是：\n" + "\n".join(paragraphs), "understood"), Reply("回答“对”保持不变；直接写新的内容会替换它。")]
