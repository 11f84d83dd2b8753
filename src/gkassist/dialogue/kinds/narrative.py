"""Narrative questions (the parts of 一, 六, a section a format adds): a paragraph shown before it is stored,
phrasing suggestions from the corpus (参考N, 填：…), and the optional polish by a language model (润色, 还原)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gkassist.core.errors import InputError
from gkassist.core.flow import Step
from gkassist.core.model import Report
from gkassist.core.slots import SLOT_MARK
from gkassist.dialogue.composed import compose, contradicts, said_otherwise, without_restatements
from gkassist.dialogue.kinds import StepKind, kind
from gkassist.dialogue.kinds.field import SAME_AS_LAST
from gkassist.dialogue.kinds.table import NONE_ANSWER
from gkassist.dialogue.other import compose_other
from gkassist.dialogue.placement import home_of
from gkassist.dialogue.replies import Pending, Reply, Spoken
from gkassist.dialogue.sentences import Composed, adapted, compose_answer, corrections_in, figure_correction, in_common_words
from gkassist.dialogue.state import DialogueState

if TYPE_CHECKING:  # the corpus loads when a suggestion is first looked for
    from gkassist.corpus.index import Suggestion

POLISH = re.compile(r"^\s*(润色|润色一下|帮我润色|改通顺)\s*[。！!]?\s*$")
RESTORE = re.compile(r"^\s*(还原|不用润色|用原来的)\s*[。！!]?\s*$")
PREVIEW_CHARS = 120

_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:余)?(?:条|件|个|次|期|篇|场|人次|家|项|块|处|万元|元)")


def repeated_figures(paragraph: str) -> list[str]:
    """Figures (a number with its unit) a paragraph states more than once of the same thing: with the same words
    right before it (“发布信息120条……发布信息120条”) or right after it.  The same count of different things (“1件
    公开，1件不掌握”, “予以公开1件、不予公开1件”) is no repetition."""
    seen: dict[str, list[tuple[str, str]]] = {}
    out: list[str] = []
    for m in _FIGURE.finditer(paragraph):
        figure = re.sub(r"\s+", "", m.group(0))
        before = re.search(r"[\u4e00-\u9fff]{0,4}$", paragraph[:m.start()])
        after = re.match(r"[\u4e00-\u9fff]{0,4}", paragraph[m.end():])
        words = (before.group(0) if before else "", after.group(0) if after else "")
        if any(len(w) >= 2 and w == o for earlier in seen.get(figure, []) for w, o in zip(words, earlier)) \
                and figure not in out:
            out.append(figure)
        seen.setdefault(figure, []).append(words)
    return out


def paragraph_warnings(state: DialogueState, placeholders: bool = False) -> list[Reply]:
    """Numbers in the pending paragraphs that the tables contradict, said before they are stored."""
    from gkassist.checks import paragraph_findings

    assert state.step is not None and state.pending is not None  # said about the answer to the question open
    # (a sentence sent to another part of 一 is checked here too: it is shown in this reply, printed there later)
    moved = ["".join(sentences) for sentences in state.pending.moved.values()]
    findings = paragraph_findings(state.report, state.step.section, [*state.pending.paragraphs, *moved], placeholders)
    own = "".join(state.pending.paragraphs).replace(state.pending.opening, "", 1)  # the figures' sentences aside
    return [Reply("请核对：" + f.message, "error") for f in findings] + [
        Reply(f"请核对：“{figure}”在这段里出现了两次，是不是同一件事写了两遍（比如自己写的和参考句里的）？", "error")
        for figure in repeated_figures(own)]


# ---------------------------------------------------------------- the optional polish (narrative and 五)
def polish_target(state: DialogueState) -> int:
    # 五: the clerk's follow-up, not the generated list
    return 0 if state.step is not None and state.step.kind == "improvements" else -1


def polish(state: DialogueState, match: re.Match[str] | None = None) -> list[Reply]:
    """Offer the model's wording of the pending paragraph, if it passes the checks; numbers never change."""
    from gkassist import llm
    from gkassist.dialogue.polish import polish as ask_for_polish

    step = state.step
    assert state.pending is not None  # the engine runs a command only on an answer waiting for “对”
    assert step is not None
    if not state.pending.paragraphs:
        return [Reply("先写一段文字，再说“润色”。表格数字不润色。", "error")]
    try:
        settings = llm.load_settings()
    except InputError as e:
        return [Reply(str(e), "error")]
    if settings.enabled and not settings.ready:
        return [Reply(f"大模型润色已打开，但还缺 {settings.missing}；请在 {llm.config_path()} 或环境变量中补上。", "error")]
    if not settings.ready:
        return [Reply(f"大模型润色没有打开（默认关闭，全部在本机离线完成）。需要时在 {llm.config_path()} 中配置"
                      "一个 OpenAI 兼容的服务，见 README“可选：大模型润色”。", "error")]
    i = polish_target(state)
    original = state.pending.before_polish or state.pending.paragraphs[i]
    try:
        result = ask_for_polish(original, step.heading, step.part, state.report, state.last_year, step.section, settings)
    except InputError as e:
        return [Reply(str(e), "error")]
    if not result.accepted:
        return [Reply(f"没有采用大模型的改写：{result.reason}。仍按您写的保存。", "error"),
                Reply("对吗？回答“对”保存，或重新输入。")]
    state.pending.before_polish = original
    state.pending.paragraphs[i] = result.text
    return [Reply("润色后将写入（数字未变，已通过检查）：" + result.text, "understood"),
            Reply("回答“对”采用；“还原”用您原来写的。")]


def restore(state: DialogueState, match: re.Match[str] | None = None) -> list[Reply]:
    """Back to the clerk's own words: after a polish, the paragraph before it; else the words as typed, before they
    were put in the register of a report."""
    pending, i = state.pending, polish_target(state)
    assert pending is not None  # the engine runs a command only on an answer waiting for “对”
    if pending.before_polish is not None:
        pending.paragraphs[i], pending.before_polish = pending.before_polish, None
        said = "已换回润色前的："
    elif pending.own and pending.paragraphs[i] != pending.own:
        pending.paragraphs[i] = pending.own
        said = "已换回您写的："
    else:
        return [Reply("没有改过您写的，不需要还原。", "error")]
    return [Reply(said + pending.paragraphs[i], "understood"), Reply("回答“对”保存。")]


# ---------------------------------------------------------------- sentences kept as the clerk typed them

def spoken_replies(spoken: list[Spoken]) -> list[Reply]:
    lines = []
    for i, s in enumerate(spoken, 1):
        line = f"{i}. “{s.text}”"
        if s.reference:
            line += f"\n   同级报告的写法：{s.reference}（出处：{s.source}）"
            if s.other_level:
                line += f"\n   注意：参考句里的“{'、'.join(s.other_level)}”是别的层级的说法，用之前请核对"
        lines.append(line)
    # “换N” only where a sentence has a reference to take: offered for one without, it only said it had none
    referenced = next((i for i, s in enumerate(spoken, 1) if s.reference), None)
    take = f"“换{referenced}”用参考的写法替换第{referenced}句；" if referenced else ""
    return [Reply("这几句我没能改成年度报告的写法，仍是口语，照您的原话写入（审核时可能被退回）：\n" + "\n".join(lines), "error"),
            Reply(f"回答“对”照上面的保存；{take}“改1：……”换成您重写的；“删1”去掉第1句。")]


def _replace_spoken(state: DialogueState, number: int, new: str | None) -> list[Reply]:
    pending = state.pending
    assert pending is not None  # the engine runs a command only on an answer waiting for “对”
    if not 1 <= number <= len(pending.spoken):
        return [Reply("没有这一句。", "error")]
    old = pending.spoken.pop(number - 1)
    paragraph = pending.paragraphs[-1]
    still = []
    if new:
        composed = compose_answer(new, state.report, shortfalls=False)
        new = composed.text
        still = [Spoken(s) for s in composed.spoken]
    pending.paragraphs[-1] = paragraph.replace(old.text, new or "", 1)
    pending.spoken[number - 1:number - 1] = still
    replies = [Reply("将写入：" + pending.paragraphs[-1], "understood"), *paragraph_warnings(state)]
    if pending.spoken:
        return replies + spoken_replies(pending.spoken)
    return replies + [Reply("回答“对”保存。")]


def take_reference(state: DialogueState, match: re.Match[str]) -> list[Reply]:
    number = int(match[1])
    assert state.pending is not None  # the engine runs a command only on an answer waiting for “对”
    spoken = state.pending.spoken
    if 1 <= number <= len(spoken) and not spoken[number - 1].reference:
        return [Reply("这一句没有找到同级报告的写法，请用“改N：……”重写或“删N”去掉。", "error")]
    return _replace_spoken(state, number, spoken[number - 1].reference if 1 <= number <= len(spoken) else "")


def rewrite_spoken(state: DialogueState, match: re.Match[str]) -> list[Reply]:
    return _replace_spoken(state, int(match[1]), match[2].strip())


def drop_spoken(state: DialogueState, match: re.Match[str]) -> list[Reply]:
    return _replace_spoken(state, int(match[1]), None)


# ---------------------------------------------------------------- a figure corrected
def _figure(old: str, unit: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.]){re.escape(old)}(?=[多余]?{re.escape(unit)})" if unit else rf"(?<![\d.]){re.escape(old)}(?![\d.])")


def _named_figure(paragraphs: Sequence[str], what: str, unit: str) -> str:
    """The figure of `unit` a paragraph states right after the words a correction names (“主动公开政府信息95条” for
    “主动公开”), "" when none does: the old figure of a correction that says only the new one."""
    if not what or not unit:
        return ""
    best, score = "", 1  # (at least two of the words named, in order: one shared character names nothing)
    for p in paragraphs:
        for m in re.finditer(rf"(?<![\d.])(\d+(?:\.\d+)?)(?=[多余]?{re.escape(unit)})", p):
            before = p[max(0, m.start() - 16):m.start()]
            shared = max((n for n in range(len(what), 1, -1) for i in range(len(what) - n + 1) if what[i:i + n] in before),
                         default=0)
            if shared > score:
                best, score = m[1], shared
    return best


def _correct_saved(state: DialogueState, what: str, old: str, new: str, unit: str, besides: str = "") -> Reply | None:
    """The figure a correction names changed in the saved paragraph that states it (next to the words it names);
    None when no saved paragraph (other than those starting with `besides`, being answered anew) states it."""
    mine = [(sid, i, p) for sid, ps in state.report.sections.items() for i, p in enumerate(ps)
            if not (besides and p.startswith(besides))]
    old = old or _named_figure([p for _, _, p in mine], what, unit) or (_near_figure([p for _, _, p in mine], new, unit)
                                                                         if not what else "")
    if not old or old == new:
        return None
    figure = _figure(old, unit)
    places = [x for x in mine if figure.search(x[2])]
    if not places:
        return None
    places.sort(key=lambda x: -sum(ch in x[2] for ch in set(what)))  # the paragraph that names what was said
    sid, i, p = places[0]
    state.report.sections[sid][i] = figure.sub(new, p, count=1)  # saved by the engine, and undone by 撤销
    where = re.match(r"（[一二三四五六七八九十]+）", p)
    return Reply(f"已把{where.group(0) if where else ''}里的{old}{unit}改为{new}{unit}。"
                 f"{_part_name(state, sid, p)}已改为：{state.report.sections[sid][i]}", "understood")


def _near_figure(paragraphs: Sequence[str], new: str, unit: str) -> str:
    """The figure a correction that names nothing (“前面那个数说错了，应该是63条”) puts right: the only saved figure
    of its unit near the new one (within half to twice of it), "" when none or several are: never a guess."""
    if not unit:
        return ""
    value = float(new)
    near = {m[1] for p in paragraphs for m in re.finditer(rf"(?<![\d.])(\d+(?:\.\d+)?)(?=[多余]?{re.escape(unit)})", p)
            if value / 2 <= float(m[1]) <= value * 2}
    return near.pop() if len(near) == 1 else ""


def _part_name(state: DialogueState, section: str, paragraph: str) -> str:
    """The part a paragraph belongs to as the flow names it (“一（一）”, “五、”)."""
    step = next((s for s in state.steps if s.section == section and (not s.heading or paragraph.startswith(s.heading))),
                None)
    if step is None:
        return ""
    found = re.match(r"[一二三四五六七]（[一二三四五六七八九十]）|[一二三四五六七]、", step.title)
    return found.group(0).rstrip("、") if found else step.title


def correct_figure(state: DialogueState, step: Step, text: str) -> list[Reply]:
    """“说错了，主动公开是76条不是73条”: the figure it names changed where it was written — in the paragraph
    waiting for “对”, else in the saved paragraph that states it (next to the words it names) — and nothing else.
    [] when `text` is no such correction or no paragraph states that figure."""
    said = figure_correction(text)
    if said is None:
        return []
    what, old, new, unit = said
    pending = state.pending
    if pending is not None and pending.step == step.id and not pending.saved:
        old_here = old or _named_figure(pending.paragraphs, what, unit)
        figure = _figure(old_here, unit) if old_here else None
        for i, p in enumerate(pending.paragraphs):
            if figure is not None and figure.search(p):
                pending.paragraphs[i] = figure.sub(new, p, count=1)
                return [Reply(f"已把{old_here}{unit}改为{new}{unit}。将写入：" + "\n".join(pending.paragraphs), "understood"),
                        *paragraph_warnings(state), Reply("回答“对”保存。")]
    if (done := _correct_saved(state, what, old, new, unit)) is None:
        return []
    return [done, Reply("已保存。请接着回答这一题。")]


def corrections_in_answer(state: DialogueState, step: Step, text: str) -> tuple[str, list[Reply]]:
    """A longer answer that also puts right a figure said before (“……；对了，前面说的主动公开95条不对，应该是105条。另外
    ……”): the figure changed in the saved paragraph that states it, and the rest of the answer to be read as usual
    (the correction is never printed in this part).  (`text`, []) when it holds none."""
    rest, found = corrections_in(text)
    if not found:
        return text, []
    replies = []
    for c in found:
        done = _correct_saved(state, c.what, c.old, c.new, c.unit, besides=step.heading)
        replies.append(done or Reply(f"您说{c.what}应是{c.new}{c.unit}，但前面写好的段落里没有找到"
                                     f"{c.old + c.unit if c.old else '这个数'}；"
                                     + ("请说是哪一项的数（比如“主动公开应该是……”）；" if not c.old and not c.what else "")
                                     + "如果是表格里的数，请说“改表三”等回到那张表去改。", "error"))
    return rest, replies


# ---------------------------------------------------------------- suggestions
def take_suggestion(state: DialogueState, match: re.Match[str]) -> list[Reply]:
    number = int(match[1])
    assert state.pending is not None  # the engine runs a command only on an answer waiting for “对”
    found = state.pending.suggestions
    if not state.pending.paragraphs or not (1 <= number <= len(found)):
        return [Reply("没有这条参考。", "error")]
    if state.pending.before_suggestion is None:
        state.pending.before_suggestion = state.pending.paragraphs[-1]
    # a sentence cut at “；” from its paragraph now ends this one
    state.pending.paragraphs[-1] += re.sub(r"[；;，,、]$", "。", found[number - 1].text)
    follow = ("请用“填：……”按顺序把〔…〕换成本单位今年的实际（逗号分开），或重新输入整段。"
              if found[number - 1].slots else "回答“对”保存。")
    return [Reply("将写入：" + state.pending.paragraphs[-1], "understood"), Reply(follow)]


def drop_suggestion(state: DialogueState, match: re.Match[str] | None = None) -> list[Reply]:
    """The suggested sentence taken is not wanted after all (its 〔…〕 cannot be filled): back to the paragraph before."""
    pending = state.pending
    assert pending is not None  # the engine runs a command only on an answer waiting for “对”
    if pending.before_suggestion is None:
        return [Reply("这段没有用参考句，不需要去掉。", "error")]
    pending.paragraphs[-1], pending.before_suggestion = pending.before_suggestion, None
    return [Reply("已去掉参考句，将写入：" + pending.paragraphs[-1], "understood"), Reply("回答“对”保存。")]


def fill_slots(state: DialogueState, match: re.Match[str]) -> list[Reply]:
    """Put the clerk's own facts into the 〔…〕 slots of the pending paragraph, in order."""
    values = [v for v in re.split(r"\s*[，,、；;\s]\s*", match[1].strip()) if v]
    i = polish_target(state)
    assert state.pending is not None  # the engine runs a command only on an answer waiting for “对”
    paragraph = state.pending.paragraphs[i]
    slots = SLOT_MARK.findall(paragraph)
    if not slots:
        return [Reply("这段没有〔…〕要填的地方。", "error")]
    if len(values) > len(slots):
        return [Reply(f"这段只有{len(slots)}处〔…〕，您给了{len(values)}个值。", "error")]
    for value in values:
        paragraph = SLOT_MARK.sub(lambda m: value, paragraph, count=1)
    state.pending.paragraphs[i] = paragraph
    left = len(slots) - len(values)
    return [Reply("将写入：" + paragraph, "understood"), *paragraph_warnings(state),
            Reply(f"还有{left}处〔…〕，可以接着“填：……”。" if left else "回答“对”保存。")]


def in_flow_order(steps: Sequence[Step], step: Step, others: list[str], new: list[str]) -> list[str]:
    """A part's paragraphs put where the flow puts that part: a reopened （四） goes back before （五）."""
    order = {s.heading: i for i, s in enumerate(steps) if s.heading and s.section == step.section}

    def rank(p: str) -> int:  # unheaded first
        return next((i for h, i in order.items() if p.startswith(h)), -1)

    mine = order[step.heading]
    cut = next((i for i, p in enumerate(others) if rank(p) > mine), len(others))
    return others[:cut] + new + others[cut:]


def narrative_hint(state: DialogueState, step: Step) -> str:
    """How last year's report put this part."""
    from gkassist.corpus import paragraph_kinds

    if state.last_year is None:
        return ""
    if step.part:
        prior = [p for k, p in paragraph_kinds(state.last_year) if k == step.part]
    else:
        prior = state.last_year.paragraphs(step.section)
    if not prior:
        return ""
    return "去年这样写：" + prior[0][:PREVIEW_CHARS] + ("……" if len(prior[0]) > PREVIEW_CHARS else "")


def _as_written(spoken: list[str], body: str) -> list[str]:
    """The sentences kept as typed, as they stand in the paragraph (a clause the tables' opening already states is
    cut from them)."""
    written = re.findall(r"[^。！？]+[。！？]?", body)
    out = []
    for s in spoken:
        if s in body:
            out.append(s)
        else:
            out += [w for w in written if len(w) > 4 and w in s]
    return out


def _tables_left_open(state: DialogueState, step: Step, body: str) -> list[Reply]:
    """A part whose opening the tables make, answered with counts while a table the flow moved on from is still
    unfinished: the counts cannot be checked against it yet — said, so that the table, when it comes back, gets them."""
    from gkassist.dialogue.composed import FROM_TABLES

    left = [s.title.split()[0] for s in state.steps if s.id in state.unfinished and s.kind == "table"]
    if step.opens_with not in FROM_TABLES or not left or not _FIGURE.search(body):
        return []
    names = "、".join(left)
    return [Reply(f"请核对：{names}还没填完（没有保存），这段里说到的数字还没法和表格对上；"
                  f"其他题答完后会回到{names}，请按这里说的实际情况填上。", "error")]


def _sent_home(step: Step, body: str, spoken: list[str]) -> tuple[str, dict[str, list[str]]]:
    """`body` without its sentences that belong to another part of 一 (prompts/placement.yaml `homes`; a sentence kept
    as typed stays, shown where it was said), and those sentences by their part."""
    if not step.part:
        return body, {}
    kept: list[str] = []
    moved: dict[str, list[str]] = {}
    for sentence in re.findall(r"[^。！？]+[。！？]?", body):
        home = "" if sentence in spoken else home_of(sentence, step.part)
        if home:
            moved.setdefault(home, []).append(sentence if re.search(r"[。！？]$", sentence) else sentence + "。")
        else:
            kept.append(sentence)
    return "".join(kept), moved


def _home_step(state: DialogueState, part: str) -> Step | None:
    return next((s for s in state.steps if s.part == part), None)


def _moved_replies(state: DialogueState, moved: dict[str, list[str]]) -> list[Reply]:
    """Where the sentences of another part go, said before “对”: the end of that part, saved or still to answer."""
    out = []
    for part, sentences in moved.items():
        home = _home_step(state, part)
        if home is None:
            continue
        name = _part_name(state, home.section, home.heading)
        saved = any(p.startswith(home.heading) for p in state.report.paragraphs(home.section))
        out.append(Reply(f"这几句属于{name}{part}，" + ("将接在已保存的那一段后面：" if saved else "回答那一题时写入那一段：")
                         + "".join(sentences), "understood"))
    return out


def _store_moved(state: DialogueState, paras: list[str], moved: dict[str, list[str]]) -> None:
    """The sentences of another part of 一: added to its saved paragraph, else kept for when it is answered."""
    for part, sentences in moved.items():
        home = _home_step(state, part)
        at = next((i for i, p in enumerate(paras) if home is not None and home.heading and p.startswith(home.heading)), None)
        if at is not None:
            # (a sentence whose figures that part already states says nothing new there: a figure is printed once)
            new = [x for x in sentences if not (figures := set(_FIGURE.findall(x))) or not figures <= set(_FIGURE.findall(paras[at]))]
            paras[at] = paras[at].rstrip() + "".join(new)
        else:
            state.report.moved.setdefault(part, []).extend(sentences)


@kind
class Narrative(StepKind):
    name = "narrative"
    # 加 and 填 need their colon so that a paragraph starting “加强……” or “填报……” stays a paragraph
    commands = (
        (re.compile(r"换\s*(\d)"), take_reference),
        (re.compile(r"改\s*(\d)\s*[：:，,]\s*(.+)", re.S), rewrite_spoken),
        (re.compile(r"(?:删|删掉|去掉)\s*(\d)"), drop_spoken),
        (re.compile(r"参考\s*(\d)"), take_suggestion),
        (re.compile(r"去掉参考(?:句)?|不用参考(?:句)?|不要参考(?:句)?"), drop_suggestion),
        (re.compile(r"填\s*[：:]\s*(.+)", re.S), fill_slots),
        (POLISH, polish),
        (RESTORE, restore),
    )

    def hint(self, state: DialogueState, step: Step) -> str:
        return narrative_hint(state, step)

    def understand(self, state: DialogueState, step: Step, text: str) -> list[Reply]:
        if corrected := correct_figure(state, step, text):
            return corrected
        text, corrected = corrections_in_answer(state, step, text)
        if corrected and not text:
            return corrected + [Reply("请接着回答这一题。")]
        return corrected + self._read(state, step, text)

    def _read(self, state: DialogueState, step: Step, text: str) -> list[Reply]:
        report = state.report
        own = step.heading + text.removeprefix(step.heading)
        if not re.search(r"[。！？]$", own):
            own += "。"
        body = text.removeprefix(step.heading)
        composed = Composed("")
        from_facts = False  # 六 composed from its facts says the fees itself
        if SAME_AS_LAST.match(text):
            standard = self._last_year_standard(state, step)
            if not standard:
                return [Reply("正文不宜照抄去年（重复率超过50%会被扣分），请写今年的具体做法。", "error")]
            body = standard
        elif step.section == "other":
            # 六 from the facts the answer states (proposals handled, no fee, nothing else), never its words
            composed, from_facts = compose_other(body, report), True
            body = composed.text
        elif NONE_ANSWER.match(in_common_words(text)):
            body = ""
        else:
            # the clerk's words as a published report's sentences; a shortcoming goes to 五
            composed = compose_answer(body, report, shortfalls=bool(step.part), plans=bool(step.part))
            body = composed.text
        body, moved = _sent_home(step, body, composed.spoken)
        body += "".join(report.moved.get(step.part, [])) if step.part and not from_facts else ""
        opening = compose(step.opens_with, report, text) if step.opens_with and not from_facts else ""
        otherwise = said_otherwise(body, opening) if opening else []
        if opening:
            body = without_restatements(body, opening)
        if not opening and not body and not composed.shortfalls and not composed.plans and not moved:
            return [Reply("请写几句今年这部分的具体做法（有数字更好）。", "error")]
        paragraph = step.heading + opening + body
        state.pending = Pending(step.id, paragraphs=[paragraph], own=own, opening=opening,
                                 shortfalls=composed.shortfalls, plans=composed.plans, moved=moved)
        state.pending.spoken = [Spoken(s, *self._reference(state, step, s)) for s in _as_written(composed.spoken, body)]
        replies = [Reply("将写入：" + paragraph, "understood")] + paragraph_warnings(state, placeholders=True)
        replies += _tables_left_open(state, step, body) + [
            Reply(f"请核对：您说的“{c}”和表格不一致（段首按表格写的是：{opening}）。以表格为准；表格填错了请说“改表三”等回去改。", "error")
            for c in otherwise]
        if composed.shortfalls:
            replies.append(Reply("说到的不足写进五、存在的主要问题（那里会列出并配上改进措施）："
                                 + "；".join(composed.shortfalls) + "。"))
        replies += _moved_replies(state, moved)
        if composed.plans:
            replies.append(Reply("说到的打算写进五、存在的主要问题及改进情况（作为相应问题的改进措施）："
                                 + "；".join(composed.plans) + "。"))
        if state.pending.spoken:
            replies += spoken_replies(state.pending.spoken)
            return replies
        if paragraph != own and not SAME_AS_LAST.match(text):
            replies.append(Reply("（已按年度报告的写法整理了用词；要用您原来的说法，回答“还原”。）"))
        if step.part and body:
            found = self._suggestions(state, step, text)
            for i, s in enumerate(found, 1):
                replies.append(Reply(f"参考{i}：{s.text}（出处：{s.agency} {s.year}年度）", "suggestion"))
            if found:
                replies.append(Reply("回答“对”采用你写的内容；回答“参考1”等把参考句接在后面，"
                                     "再用“填：210条，8条……”按顺序把〔…〕换成本单位的实际。"))
                state.pending.suggestions = found
                return replies
        replies.append(Reply("对吗？回答“对”保存，或重新输入。"))
        return replies

    def _reference(self, state: DialogueState, step: Step, sentence: str) -> tuple[str, str, list[str]]:
        """The nearest published sentence of the unit's level about the same thing, with nothing left to fill, in this
        unit's words."""
        report = state.report
        try:
            from gkassist.corpus import load_index, search

            # (only a sentence about the same thing: one sharing a register word is no way to write this one)
            found = search(load_index(), sentence, step.part, 12, for_agency=report.agency, level=report.level or None,
                           on_subject=True)
        except Exception:  # a reference is a help, never a reason to fail an answer
            return "", "", []
        for s in found:
            if not s.slots and not contradicts(s.original, report):
                text, other = adapted(s.text, report, state.last_year)
                return text, f"{s.agency} {s.year}年度", other
        return "", "", []

    def _suggestions(self, state: DialogueState, step: Step, text: str) -> list[Suggestion]:
        """Phrasing from earlier reports that fits this unit: of its level, the unit's own first, never saying what
        this year's tables make untrue."""
        report = state.report
        try:
            from gkassist.corpus import load_index, search

            found = search(load_index(), text, step.part, 12, for_agency=report.agency, level=report.level or None,
                           on_subject=True)
        except Exception:  # suggestions are a help, never a reason to fail an answer
            return []
        return [s for s in found if not contradicts(s.original, report)][:3]

    def unfinished(self, state: DialogueState, step: Step, pending: Pending) -> str:
        left = sum(len(SLOT_MARK.findall(p)) for p in pending.paragraphs)
        if left:
            return (f"这段还有{left}处〔…〕没有换成本单位的实际：请用“填：……”按顺序填上，"
                    "或回答“去掉参考”不用这句参考。")
        return ""

    def _last_year_standard(self, state: DialogueState, step: Step) -> str:
        """Last year's 六 when it is only the standard sentences (未收取信息处理费, 无其他需要报告的事项):
        “同去年” may take it, since such sentences are not counted as repetition."""
        from gkassist.core.repetition import is_boilerplate, split_sentences

        if state.last_year is None or step.section != "other":
            return ""
        text = "".join(state.last_year.paragraphs("other"))
        sentences = split_sentences(text)
        return text if sentences and all(is_boilerplate(s) for s in sentences) else ""

    def store(self, state: DialogueState, step: Step, pending: Pending) -> None:
        if step.part and not pending.saved:  # an answer given anew replaces the shortcomings told here before
            state.report.shortfalls.pop(step.part, None)
            state.report.plans.pop(step.part, None)
            if pending.shortfalls:
                state.report.shortfalls[step.part] = list(pending.shortfalls)
            if pending.plans:
                state.report.plans[step.part] = list(pending.plans)
        paras = state.report.sections.setdefault(step.section, [])
        if step.part and not pending.saved:
            state.report.moved.pop(step.part, None)  # (printed in this part now)
            _store_moved(state, paras, pending.moved)
        if step.heading:
            paras[:] = in_flow_order(state.steps, step, [p for p in paras if not p.startswith(step.heading)],
                                     pending.paragraphs)
        else:
            paras[:] = pending.paragraphs  # a section without sub-headings is written whole by its one step

    def answered(self, step: Step, report: Report) -> bool:
        paragraphs = report.paragraphs(step.section)
        if step.heading:
            return any(p.startswith(step.heading) for p in paragraphs)
        return bool(paragraphs)

    def saved(self, state: DialogueState, step: Step) -> list[Reply]:
        if not self.answered(step, state.report):
            return []
        paragraphs = [p for p in state.report.paragraphs(step.section) if not step.heading or p.startswith(step.heading)]
        state.pending = Pending(step.id, paragraphs=list(paragraphs), saved=True)
        return [Reply("已保存的是：\n" + "\n".join(paragraphs), "understood"), Reply("回答“对”保持不变；直接写新的内容会替换它。")]
