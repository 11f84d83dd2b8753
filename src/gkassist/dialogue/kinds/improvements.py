"""五、存在的主要问题及改进情况: the clerk's follow-up of last year's problems, then problems proposed from this
year's figures and the clerk's own answers (dialogue.improvements), edited with 去掉N / 改N：… / 加：…."""

from __future__ import annotations

import re

from gkassist.core.flow import Step
from gkassist.core.model import Report
from gkassist.dialogue.improvements import (
    MAX_PROPOSALS,
    MIN_PROPOSALS,
    PROBLEMS_LEAD,
    Proposal,
    followed_up,
    followup_sentences,
    in_order,
    in_said_words,
    intents_as_measures,
    kinds_to_ask,
    labelled_lists,
    last_years_problems,
    lists_told_after,
    measure_examples,
    named_in_full,
    names_something,
    new_problems,
    not_followed_up,
    not_offered,
    of_last_year,
    paired,
    paired_by_number,
    persisting,
    plainly_later,
    pointed_at,
    proposals_paragraph,
    propose,
    said_as_written,
    same_problem,
    told_done,
    with_its_measure,
    without_not_followed_up,
    without_preamble,
)
from gkassist.dialogue.kinds import StepKind, kind
from gkassist.dialogue.kinds.narrative import POLISH, RESTORE, correct_figure, corrections_in_answer, polish, restore
from gkassist.dialogue.replies import Pending, Reply
from gkassist.dialogue.sentences import (
    compose_answer,
    followup_lead,
    future_intents,
    is_shortfall,
    own_measure,
    shortfall_words,
)
from gkassist.dialogue.state import DialogueState


def _editing_help(proposals: list[Proposal]) -> str:
    n = len(proposals)
    parts = ["回答“对”采用"]
    if n > MIN_PROPOSALS:
        parts.append(f"“去掉{n}”删掉第{n}条")  # offered only while more than the minimum remain
    parts.append(f"“改{n}：……”把第{n}条换成你写的问题和改进措施")
    if n < MAX_PROPOSALS:
        parts.append("“加：……”再加一条")
    return "；".join(parts) + "。"


def ask_for_problem(report: Report) -> str:
    kinds = "、".join(f"“{k}”" for k in kinds_to_ask(report.level))
    return ("今年的数字和您前面的回答里没有看出具体问题。五、存在的主要问题不能空着：请说一个今年确实存在的具体问题"
            + (f"（同级单位的报告常写的有：{kinds}）" if kinds else "") + "，能说下一步怎么改更好。")


def saved_proposals(paragraphs: list[str]) -> list[Proposal]:
    """The problems of a saved 五 read back (“一是……，下一步将……；二是……”), so that writing its follow-up again
    keeps them as they were edited."""
    found = next((p for p in paragraphs if _is_problems(p)), "")
    out = []
    for item in re.split(r"[；。](?=[一二三四]是)", re.sub(_LEADS, "", found).rstrip("。")):
        item = re.sub(r"^[一二三四]是", "", item)
        problem, *rest = re.split(r"，下一步将|。下一步，将", item, maxsplit=1)
        improvement = rest[0] if rest else ""
        if problem:
            out.append(Proposal("own", problem, improvement.rstrip("。")))
    return out


# the lead of this year's problems as written now, and as drafts saved before wrote it (read back the same)
_LEADS = "^(?:" + re.escape(PROBLEMS_LEAD) + "|本年度存在的问题和改进措施：)"


def _is_problems(paragraph: str) -> bool:
    return bool(re.match(_LEADS, paragraph))


def _split(text: str, report: Report, last: Report | None = None) -> tuple[str, list[Proposal], list[str], list[str]]:
    """五's answer: the follow-up of last year's problems (in a report's words), the shortcomings of this year it
    names (each a problem with its measure), its sentences no rule could turn (kept as typed, shown marked), and
    those that tell only what will be done (“下一步继续……”: no rectification, shown, not written)."""
    if (lists := labelled_lists(text)) is not None:
        return "", *_from_lists(*lists, report)
    text, listed = lists_told_after(text)  # (the follow-up first, then this year's problems and measures as lists)
    if listed and (lists := labelled_lists(listed)) is not None:
        followup, named, spoken, intents = _split(text, report, last) if text else ("", [], [], [])
        more, _, left = _from_lists(*lists, report)
        return followup, [*named, *more], spoken, [*intents, *left]
    if last is not None:
        text = named_in_full(text, last)  # (“解读那条，……”: last year's problem named as its report worded it)
    text, news = new_problems(text)
    problems = last_years_problems(last) if last is not None else []
    # (a sentence of the follow-up that tells a shortcoming none of last year's is this year's)
    lead, rest = followup_lead(text, lambda s: of_last_year(s, problems))
    done = compose_answer(lead, report, shortfalls=False, subject=False)  # last year's problems: no shortcoming
    composed = compose_answer(rest, report, shortfalls=True, subject=False)
    said, intents = future_intents(done.text + composed.text, report.year)
    followup = followup_sentences(said)
    composed.spoken[:0] = [s for s in done.spoken if s not in intents]
    composed.spoken = [s for s in composed.spoken if s not in intents]
    told_here = [*composed.shortfalls, *(shortfall_words(n, report) for n in news)]
    told_here = [shortfall_words(t, report) if (t := pointed_at(told, report)) != told else told for told in told_here]
    named = [with_its_measure(in_said_words(problem), in_said_words(measure)) for told in told_here
             for problem, measure in paired(*own_measure(told)) if names_something(problem)]
    for p in named:
        p.reason = "您在这里说的"
    return followup, named, composed.spoken, intents


def _from_lists(problems: list[str], measures: list[str], report: Report) -> tuple[list[Proposal], list[str], list[str]]:
    """五's answer told as a list of this year's problems and a list of measures: each problem in a report's words
    with the measure of its number (or of its place, as many of both unnumbered), else the measures left to answer
    the problems they fit (never last year's rectification)."""
    pairs, left = paired_by_number(problems, measures)
    # (in a report's words, both: 查 → 检查, 个 → 名)
    named = [with_its_measure(said_as_written(p, report), said_as_written(m, report) if m else "") for p, m in pairs]
    for p in named:
        p.reason = "您在这里说的"
    return named, [], [said_as_written(m, report) + "。" for m in left]


def _persisting(proposals: list[Proposal], followup: str) -> list[Proposal]:
    """The problems proposed, each of last year's kind said as persisting (the follow-up never reads as having put
    it right); the clerk's own edits are never passed here."""
    for p in proposals:
        p.problem = persisting(p.problem, followup)
    return proposals


def _measure_question(state: DialogueState) -> list[Reply]:
    """One short question for the first problem with no measure of the clerk's (the assistant's proposal, or the
    general wording): what they will do, with two or three measures of its kind as examples.  Their answer is taken
    as its measure (`_answers_measure`); “对” keeps what is shown.  The other such problems are named for “措施N：”."""
    pending = state.pending
    assert pending is not None  # asked about the answer waiting for “对”
    lacking = [i for i, p in enumerate(pending.proposals, 1) if p.general or p.proposed]
    pending.measure_asked = lacking[0] if lacking else 0
    if not lacking:
        return []
    n, problem = lacking[0], pending.proposals[lacking[0] - 1]
    why = "还只是通用写法" if problem.general else "是我按问题拟的建议，不是您说的"
    examples = measure_examples(problem.problem)
    offered = f"（例如：{'；'.join(f'“{e}”' for e in examples)}）" if examples else ""
    others = "、".join(f"第{i}条" for i in lacking[1:])
    return [Reply(f"第{n}条的改进措施{why}：这一条下一步打算怎么改？请直接说您的措施{offered}，也可以用“措施{n}：……”；"
                  f"回答“对”就先用上面的写法。" + (f"{others}也可以用“措施N：……”换成实际打算做的。" if others else ""),
                  "error" if problem.general else "understood")]


def _answers_measure(state: DialogueState, step: Step, text: str) -> bool:
    """Whether an answer is the measure asked for (“上半年建立电子台账”), not 五 told again (last year's follow-up, this
    year's problems, a shortcoming)."""
    pending = state.pending
    if pending is None or pending.step != step.id or not pending.measure_asked or pending.asking or pending.saved:
        return False
    if followup_lead(text)[0] or re.search(r"去年|上年|年度报告|整改", text) or labelled_lists(text) is not None:
        return False
    if _told_before(state, step, text):
        return False  # (what was done about a problem of last year's not spoken of yet)
    if (m := re.match(_MEASURE_LEAD, text.strip())) and m.end():
        return True  # (“明年打算……”, “下一步……”: what will be done)
    if told_done(text):
        return False  # (“……那条，今年按目录补了……”: what was done, never a measure)
    return not any(is_shortfall(c) for c in re.split(r"[，,；;。]", text) if c.strip())


# what a measure told on its own opens with (dropped: 五 writes “下一步，将……”)
_MEASURE_LEAD = r"^(?:下一步|下步|今后|明年|接下来|[0-9]{4}年)?(?:我们|我[局镇乡区县市委办])?(?:将|要(?!求)|打算|准备|计划|想)?"


def _followup_asked(intents: list[str], followup: str, last: Report | None, first: bool) -> list[Reply]:
    """What will be done is no rectification: shown, not written; a problem of last year's the follow-up does not
    speak of is asked for, on the first reading only (once: what was done is never supposed)."""
    out = []
    if intents:
        out.append(Reply("这几句说的是今后的打算，不是去年问题的整改情况，没有写入：" + "".join(f"“{i}”" for i in intents)
                         + "要作为某条问题的改进措施，请用“措施N：……”。", "error"))
    if not first or last is None or not last.paragraphs("problems"):
        return out
    missing = [p for p in last_years_problems(last) if not followed_up(p, followup)]
    again = "请说做了什么（重新写整改情况只替换第一段，问题保留）。"
    if not followup:
        out.append(Reply(f"还没有说{last.year}年度报告提出的问题今年是怎么整改的：" + again, "error"))
    elif missing:
        named = "、".join(f"“{p}”" for p in missing)
        out.append(Reply(f"{last.year}年度报告提出的{named}，整改情况里还没有说到：请说做了什么（会接在已说的整改情况"
                         "后面；回答“对”就不写这一条，不会替您编写整改情况或“尚未到位”）。", "error"))
    return out


def told_plans(report: Report) -> list[str]:
    """What the clerk said will be done while answering 一 (told with no shortcoming), each a measure."""
    return [p + "。" for plans in report.plans.values() for p in plans]


def _made_a_measure(plan: str, proposals: list[Proposal], report: Report) -> bool:
    """A plan told in 一 already the measure of a problem offered (a figures problem takes it by its topic)."""
    return said_as_written(plan, report) in {p.improvement for p in proposals}


def _plans_left(plans: list[str]) -> list[Reply]:
    """The plans told in 一 that answer none of the problems: shown here (never printed in 一), for “措施N：……”."""
    if not plans:
        return []
    return [Reply("您在一、总体情况里说的打算：" + "".join(f"“{p}”" for p in plans)
                  + "没有对应上面的问题，没有写入；要作为某条问题的改进措施，请用“措施N：……”。", "error")]


def _told_before(state: DialogueState, step: Step, text: str) -> str:
    """The follow-up already told, when this answer speaks only of last year's problems it did not (the answer to
    “……整改情况里还没有说到”): the answer is then added to it, never put in its place; "" otherwise."""
    pending, last = state.pending, state.last_year
    if pending is None or pending.step != step.id or last is None or not pending.proposals:
        return ""
    before = without_not_followed_up(last, state.report.year, next((p for p in pending.paragraphs if not _is_problems(p)), ""))
    problems = last_years_problems(last)
    missing = [p for p in problems if not followed_up(p, before)]
    covered = [p for p in problems if p not in missing]
    if not before or not any(followed_up(p, text) for p in missing) or any(followed_up(p, text) for p in covered):
        return ""
    return before


def measure(state: DialogueState, number: int, text: str) -> list[Reply]:
    """The clerk's own measure for problem `number` (“措施2：每月检查一次公开栏”)."""
    assert state.pending is not None  # the engine runs a command only on an answer waiting for “对”
    proposals = state.pending.proposals
    if not 1 <= number <= len(proposals):
        return [Reply("没有这一条。", "error")]
    text = re.sub(_MEASURE_LEAD, "", text.strip()).rstrip("。；;")
    if not re.search(r"[\u4e00-\u9fff]", text):
        return [Reply("请用中文写这一条的改进措施。", "error")]
    text = said_as_written(text, state.report) or text  # (in a report's words: “每月查一次” → “每月检查一次”)
    proposals[number - 1].improvement, proposals[number - 1].general, proposals[number - 1].proposed = text, False, False
    return _show(state) + _measure_question(state)


def _spoken_reply(spoken: list[str]) -> list[Reply]:
    """The follow-up's sentences still spoken, shown marked so that the clerk sees them before “对”."""
    if not spoken:
        return []
    lines = "\n".join(f"{i}. “{s}”" for i, s in enumerate(spoken, 1))
    return [Reply("整改情况里这几句我没能改成年度报告的写法，仍是口语，照您的原话写入（审核时可能被退回）：\n" + lines
                  + "\n要改写，请重新写整改情况（已改的问题保留）。", "error")]


def _figures_checked(state: DialogueState) -> list[Reply]:
    """The figures the clerk's own words in 五 state (整改 told, a problem rewritten) that the tables contradict,
    said before they are stored — as TEXT-NUMBERS will say of the report."""
    from gkassist.checks import paragraph_findings

    pending = state.pending
    assert pending is not None  # said about the answer waiting for “对”
    found = paragraph_findings(state.report, "problems", pending.paragraphs, placeholders=False)
    return [Reply("请核对：" + f.message, "error") for f in found]


def _show(state: DialogueState) -> list[Reply]:
    pending = state.pending
    assert pending is not None  # shown only about the answer waiting for “对”
    followup = [p for p in pending.paragraphs if not _is_problems(p)]
    pending.paragraphs = followup + ([proposals_paragraph(pending.proposals, state.report.year)] if pending.proposals else [])
    pending.asking = not pending.proposals  # a problem added answers the question for one
    return [Reply("将写入：\n" + "\n".join(pending.paragraphs), "understood"), *_figures_checked(state),
            Reply(_editing_help(pending.proposals))]


def drop(state: DialogueState, match: re.Match[str]) -> list[Reply]:
    assert state.pending is not None  # the engine runs a command only on an answer waiting for “对”
    number, proposals = int(match[1]), state.pending.proposals
    if not 1 <= number <= len(proposals):
        return [Reply("没有这一条。", "error")]
    if len(proposals) <= MIN_PROPOSALS:
        return [Reply("五至少要写一条具体问题。", "error")]
    del proposals[number - 1]
    state.pending.measure_asked = 0  # (the numbers changed: the question is no longer open)
    return _show(state)


def edit(state: DialogueState, number: int, text: str) -> list[Reply]:
    """Replace proposal `number` with the clerk's own words, or add one (number = count + 1)."""
    assert state.pending is not None  # the engine runs a command only on an answer waiting for “对”
    proposals = state.pending.proposals
    if not 1 <= number <= len(proposals) + 1:
        return [Reply("没有这一条。", "error")]
    if number > MAX_PROPOSALS:
        return [Reply("最多写四条问题，请先“去掉”一条。", "error")]
    text = text.strip().rstrip("。；;")
    if not re.search(r"[\u4e00-\u9fff]", text):
        return [Reply("请用中文写这一条的问题和改进措施。", "error")]
    problem, measure = own_measure(text)  # (“……，下一步在……”: the problem, and its measure written after it)
    own = Proposal("own", problem, in_said_words(re.sub(r"^(?:将|要|在)?", lambda m: "在" if m[0] == "在" else "", measure)))
    if number > len(proposals):
        proposals.append(own)
    else:
        proposals[number - 1] = own
    state.pending.measure_asked = 0  # (the clerk edits by number: the question is no longer open)
    return _show(state)


@kind
class Improvements(StepKind):
    name = "improvements"
    commands = (
        (re.compile(r"去掉\s*(\d)"), drop),
        (re.compile(r"改\s*(\d)\s*[：:，,]?\s*(.+)", re.S), lambda e, m: edit(e, int(m[1]), m[2])),
        (re.compile(r"措施\s*(\d)\s*[：:，,]?\s*(.+)", re.S), lambda e, m: measure(e, int(m[1]), m[2])),
        (re.compile(r"加\s*[：:]\s*(.+)", re.S), lambda e, m: edit(e, len(e.pending.proposals) + 1 if e.pending else 1, m[1])),
        (POLISH, polish),
        (RESTORE, restore),
    )

    def hint(self, state: DialogueState, step: Step) -> str:
        prior = state.last_year.paragraphs("problems") if state.last_year is not None else []
        hint = "去年报告的问题和改进部分：\n" + "\n".join(prior) if prior else ""  # quoted whole: the follow-up answers it
        if not propose(state.report, state.last_year):  # (asked after the follow-up: once, never twice)
            hint += ("\n" if hint else "") + "今年的数字和您前面的回答里还没有看出具体问题：说完整改情况，请再说一个今年确实存在的问题。"
        return hint

    def understand(self, state: DialogueState, step: Step, text: str) -> list[Reply]:
        if corrected := correct_figure(state, step, text):
            return corrected
        text, corrected = corrections_in_answer(state, step, text)
        if corrected and not text:
            return corrected + [Reply("请接着回答这一题。")]
        return corrected + self._read(state, step, text)

    def _read(self, state: DialogueState, step: Step, text: str) -> list[Reply]:
        text = without_preamble(text)  # (“不对，整改重新说：”: a remark to the writer, never printed)
        pending = state.pending
        if pending is not None and _answers_measure(state, step, text):
            return measure(state, pending.measure_asked, text)  # (the answer to “这一条下一步打算怎么改？”)
        if pending is not None and pending.step == step.id and pending.asking and not followup_lead(text)[0]:
            return self._own_problem(state, text)  # (the follow-up told again is read afresh)
        report, last = state.report, state.last_year
        followup, named, spoken, intents = _split(text, report, last)
        told = _told_before(state, step, text)  # (the answer to “……还没有说到”: added to the follow-up told)
        if last is not None and followup and not told and not re.search(r"上年|去年|\d{4}年度", followup):
            followup = f"针对{last.year}年度报告提出的问题，{followup}"
        if told and followup:
            followup = told + followup
        first = not (pending is not None and pending.step == step.id and pending.proposals)
        if not first and pending is not None:
            proposals = pending.proposals  # a rewrite of the follow-up keeps every edit of the problems
        else:
            proposals = _persisting(propose(report, last), followup)
        # (a shortfall told in 一 and again here is offered once, with the measure told here)
        added = _persisting(not_offered(proposals, named), followup)
        # (the problem told last in this answer, as offered: a plan told after it and of nothing else is its measure)
        after = next((q for q in [*added, *proposals] if same_problem(named[-1].problem, q.problem)), None) if named else None
        proposals = in_order(proposals + added)
        intents = intents_as_measures(proposals, intents, after)  # (the clerk's “下一步……” answering a problem is its measure)
        plans = intents_as_measures(proposals, told_plans(report))  # (and one told in 一: report.plans)
        plans = [p for p in plans if not _made_a_measure(p, proposals, report)]  # (taken by a figures problem)
        # (each of last year's problems has its line: one told nothing of is said not yet put right)
        shown = followup + (not_followed_up(last, report.year, followup, proposals) if last is not None else "")
        paragraphs = [shown] if shown else []
        state.pending = Pending(step.id, paragraphs=paragraphs, proposals=proposals,
                                 own=text if re.search(r"[。！？]$", text) else text + "。")
        if not proposals:  # 五 with no problem of this year is never stored: asked for one
            state.pending.asking = True
            if not shown:
                return [Reply(ask_for_problem(report), "error")]
            return [Reply("将写入：" + shown, "understood"), *_figures_checked(state), *_spoken_reply(spoken),
                    Reply(ask_for_problem(report), "error")]
        paragraphs.append(proposals_paragraph(proposals, report.year))
        if told and followup:
            return _show(state) + [Reply("已接在整改情况后面。回答“对”保存。")]
        lines = [f"{i}. 问题：{p.problem}" + (f"（依据：{p.reason}）" if p.reason else "")
                 + ("；改进（我拟的建议，请确认）：" if p.proposed and not p.general else "；改进：") + p.improvement
                 for i, p in enumerate(proposals, 1)]
        return [Reply("五只写您说到的不足和数字显示的问题：\n" + "\n".join(lines), "understood"),
                Reply("将写入：\n" + "\n".join(paragraphs), "understood"), *_figures_checked(state), *_spoken_reply(spoken),
                *_followup_asked(intents, followup, last, first), *_plans_left(plans),
                Reply(_editing_help(proposals) + "重新写整改情况会替换第一段（已改的问题保留）。"), *_measure_question(state)]

    def _own_problem(self, state: DialogueState, text: str) -> list[Reply]:
        """The clerk's answer to “请说一个今年的具体问题”: their problem, in a report's words."""
        problem = "，".join(shortfall_words(c, state.report) for c in re.split(r"[，,；;。]", text) if c.strip())
        if not re.search(r"[\u4e00-\u9fff]", problem):
            return [Reply(ask_for_problem(state.report), "error")]
        pending = state.pending
        assert pending is not None  # the answer to the question asked about the pending 五
        problem, measure = own_measure(problem)  # (“……，明年……”: the clerk's own measure)
        followup = "".join(p for p in pending.paragraphs if not _is_problems(p))
        asked = with_its_measure(persisting(problem, followup), measure)
        pending.proposals = [asked]
        return _show(state) + _measure_question(state)

    def left_open(self, state: DialogueState, step: Step, pending: Pending) -> str:
        """The problem of this year asked for and not told (“对” came, or the next question's answer): 五 is left
        unfinished, its follow-up kept, and asked again at the end — never stored with no problem."""
        if not pending.asking or pending.saved or pending.step != step.id:
            return ""
        return "一个今年确实存在的具体问题（五不能只写去年问题的整改情况）"

    def answers_later(self, state: DialogueState, step: Step, text: str) -> bool:
        pending = state.pending
        return pending is not None and pending.step == step.id and pending.asking and plainly_later(text)

    def shown_again(self, state: DialogueState, step: Step, pending: Pending) -> list[Reply]:
        if pending.asking and state.pending is pending and (found := propose(state.report, state.last_year)):
            pending.proposals = found  # a table answered since gives a problem of this year now
            return _show(state)
        said = [Reply("上次说到这里（还没有保存）：\n" + "\n".join(pending.paragraphs), "understood")] if pending.paragraphs else []
        return said + [Reply(ask_for_problem(state.report), "error")]

    def store(self, state: DialogueState, step: Step, pending: Pending) -> None:
        state.report.sections[step.section] = list(pending.paragraphs)

    def answered(self, step: Step, report: Report) -> bool:
        return bool(report.paragraphs(step.section))

    def saved(self, state: DialogueState, step: Step) -> list[Reply]:
        paragraphs = state.report.paragraphs(step.section)
        if not paragraphs:
            return []
        state.pending = Pending(step.id, paragraphs=list(paragraphs), saved=True, proposals=saved_proposals(paragraphs))
        return [Reply("已保存的是：\n" + "\n".join(paragraphs), "understood"),
                Reply("回答“对”保持不变；重新写整改情况只替换第一段（问题保留），也可以“改N：……”“加：……”。")]
