"""五、存在的主要问题及改进情况: problems proposed from this year's figures and the clerk's own answers, and
their editing in the dialogue (去掉N / 改N：… / 加：…).

The areas, their conditions and wording are data (prompts/problems.yaml); the figures are the report's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gkassist.core import formats
from gkassist.core.model import Report
from gkassist.core.repetition import SentenceIndex
from gkassist.dialogue.replies import Pending, Reply
from gkassist.dialogue.steps import Said, flow, problem_areas

MIN_PROPOSALS, MAX_PROPOSALS = 2, 4


@dataclass
class Proposal:
    area: str  # the problem area's id, or "own" for the clerk's own words
    problem: str
    improvement: str


def propose(report: Report, last_year: Report | None = None) -> list[Proposal]:
    """2–4 problem areas whose conditions hold for this year's figures or the clerk's own answers, filled from them.

    A problem last year's report already stated in the same words is not proposed again: 五 must not be a copy.
    """
    figures = figures_of(report)
    said_last_year = SentenceIndex(re.split(r"[；。]", "".join(last_year.paragraphs("problems"))) if last_year else [])
    out: list[Proposal] = []
    for area in problem_areas():
        if area.said is not None:
            # one problem per shortfall the clerk named in that part
            fills = [dict(figures, said=clause) for clause in _said(report, area.said)]
        elif area.fallback:
            fills = [figures] if len(out) < MIN_PROPOSALS else []
        else:
            fills = [figures] if all(c.holds(figures) for c in area.when) else []
        for values in fills:
            problem = area.problem.format(**values)
            if said_last_year.contains(problem) or len(out) == MAX_PROPOSALS:
                continue
            out.append(Proposal(area.id, problem, area.improvement.format(**values)))
    return out


_CONJUNCTION = re.compile(r"^(?:但是|但|不过|然而|可是|只是|同时|另外|此外|而且|并且|仍然|仍)")


def _said(report: Report, said: Said) -> list[str]:
    """The clauses of the clerk's answer for `said.part` that name a gap (e.g. “依申请公开栏目尚未开通”), each
    without the conjunction that joined it to the sentence (“但”…)."""
    heading = next((s.heading for s in flow().steps if s.part == said.part), None)
    found = []
    for paragraph in report.paragraphs("overview"):
        if heading and paragraph.startswith(heading):
            for clause in re.split(r"[，,；;。！？]", paragraph.removeprefix(heading)):
                if any(w in clause for w in said.words):
                    found.append(_CONJUNCTION.sub("", clause.strip()))
    return [c for c in found if c]


def proposals_paragraph(proposals: list[Proposal]) -> str:
    return "本年度存在的问题和改进措施：" + "；".join(
        f"{'一二三四'[i]}是{p.problem}" + (f"，下一步将{p.improvement}" if p.improvement else "")
        for i, p in enumerate(proposals)) + "。"


def figures_of(report: Report) -> dict:
    """This year's figures the conditions of prompts/problems.yaml speak of (sums over the format's own rows)."""
    n, fmt = report.number, report.format

    def total(rows, col="total"):
        return sum(n("t3", r, col) or 0 for r in rows)

    results_total = n("t3", "results_total", "total") or 0
    unable = total(fmt.rows_under("t3", "（四）无法提供"))
    blocks = [b for b, _ in formats.T4_BLOCKS]
    return {
        "requests_total": n("t3", "new", "total") or 0,
        "results_total": results_total,
        "unable_total": unable,
        "unable_share": f"{unable / results_total:.0%}" if results_total else "0%",
        "deny_total": total(fmt.rows_under("t3", "（三）不予公开")),
        "corrected_total": sum(n("t4", "cases", f"{b}.corrected") or 0 for b in blocks),
        "appeals_total": sum(n("t4", "cases", f"{b}.total") or 0 for b in blocks),
        "carry_next_total": n("t3", "carry_next", "total") or 0,
        "fee_amount": (n("t2", "fees", "fee_amount") if report.format_version == "2021" else 0) or 0,
    }


class ImprovementAnswers:
    """The 五 step of the engine: the clerk's follow-up of last year, then the proposals to edit."""

    report: Report
    last_year: Report | None
    pending: Pending | None
    proposals: list[Proposal]

    def _improvements_answer(self, text: str) -> list[Reply]:
        followup = text if re.search(r"[。！？]$", text) else text + "。"
        if self.last_year is not None and not re.search(r"上年|去年|\d{4}年度", followup):
            followup = f"{self.last_year.year}年度报告提出的问题，整改情况如下：{followup}"
        self.proposals = propose(self.report, self.last_year)
        paragraphs = [followup, proposals_paragraph(self.proposals)]
        lines = [f"{i}. 问题：{p.problem}；改进：{p.improvement}" for i, p in enumerate(self.proposals, 1)]
        self.pending = Pending(self.step.id, paragraphs=paragraphs)
        return [Reply("根据今年的数字，我建议写这些问题（来自 prompts/problems.yaml）：\n" + "\n".join(lines), "understood"),
                Reply("将写入：\n" + "\n".join(paragraphs), "understood"),
                Reply(self._editing_help() + "重新写整改情况会替换第一段。")]

    def _editing_help(self) -> str:
        n = len(self.proposals)
        parts = ["回答“对”采用"]
        if n > MIN_PROPOSALS:
            parts.append(f"“去掉{n}”删掉第{n}条")  # offered only while more than the minimum remain
        parts.append(f"“改{n}：……”把第{n}条换成你写的问题和改进措施")
        if n < MAX_PROPOSALS:
            parts.append("“加：……”再加一条")
        return "；".join(parts) + "。"

    def _editing_proposals(self, number: int, extra: int = 0) -> bool:
        return (self.pending is not None and self.step is not None and self.step.kind == "improvements"
                and 1 <= number <= len(self.proposals) + extra)

    def drop_proposal(self, number: int) -> list[Reply]:
        if not self._editing_proposals(number):
            return [Reply("没有这一条。", "error")]
        if len(self.proposals) <= MIN_PROPOSALS:
            return [Reply("至少保留两条具体问题。", "error")]
        del self.proposals[number - 1]
        return self._show_proposals()

    def edit_proposal(self, number: int, text: str) -> list[Reply]:
        """Replace proposal `number` with the clerk's own words, or add one (number = count + 1)."""
        if not self._editing_proposals(number, extra=1):
            return [Reply("没有这一条。", "error")]
        if number > MAX_PROPOSALS:
            return [Reply("最多写四条问题，请先“去掉”一条。", "error")]
        text = text.strip().rstrip("。；;")
        if not re.search(r"[\u4e00-\u9fff]", text):
            return [Reply("请用中文写这一条的问题和改进措施。", "error")]
        own = Proposal("own", text, "")
        if number > len(self.proposals):
            self.proposals.append(own)
        else:
            self.proposals[number - 1] = own
        return self._show_proposals()

    def _show_proposals(self) -> list[Reply]:
        self.pending.paragraphs[1] = proposals_paragraph(self.proposals)
        return [Reply("将写入：\n" + "\n".join(self.pending.paragraphs), "understood"), Reply(self._editing_help())]
