"""五、存在的主要问题及改进情况: problems proposed from this year's figures and the clerk's own answers, and
their editing in the dialogue (去掉N / 改N：… / 加：…).

The areas, their conditions and wording are data (prompts/problems.yaml); the figures are the report's own.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from gkassist.core.flow import OVERVIEW, overview_parts
from gkassist.core.levels import LEVELS
from gkassist.core.model import Report
from gkassist.core.numbers import format_number
from gkassist.core.repetition import SentenceIndex
from gkassist.core.yamldata import load_model, regex_checked, regexes_checked
from gkassist.dialogue.register import Rule as Rewrite
from gkassist.dialogue.sentences import (
    is_shortfall,
    is_spoken,
    measure_for,
    own_measure,
    sentence_data,
    shortfall_words,
    things_named,
)
from gkassist.paths import resource_dir

MIN_PROPOSALS, MAX_PROPOSALS = 1, 4
# The figures of this year's report a problem area's conditions and wording may use (`figures_of` gives them).
# Numbers, and the words made of them (“…_share”: “12%”, appeals_said): a condition compares the numbers only, the
# wording of a problem formats any of them — hence Any, not float | str.
Figures = dict[str, Any]
FIGURES = ("requests_total", "results_total", "unable_total", "unable_share", "deny_total", "deny_share", "corrected_total",
           "corrected_said", "appeals_total", "appeals_said", "review_total", "suits_total", "carry_next_total", "fee_amount")


# ------------------------------------------------------------------ prompts/problems.yaml
class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _known_figure(name: str | None) -> str | None:
    if name is not None and name not in FIGURES:
        raise ValueError(f"没有叫“{name}”的数字（可用：{'、'.join(FIGURES)}）")
    return name


class Condition(_Data):
    """A figure of this year's report (or its share of another) compared with a number."""

    figure: str
    share_of: str | None = None
    equals: float | None = None
    at_least: float | None = None
    more_than: float | None = None

    _figures = field_validator("figure", "share_of")(_known_figure)

    def holds(self, figures: Figures) -> bool:
        value = figures[self.figure]
        if self.share_of is not None:
            whole = figures[self.share_of]
            if not whole:
                return False
            value = value / whole
        return ((self.equals is None or value == self.equals)
                and (self.at_least is None or value >= self.at_least)
                and (self.more_than is None or value > self.more_than))


class Said(_Data):
    """The clerk named a gap in their answer for `part` (e.g. “依申请公开栏目尚未开通”)."""

    part: str
    words: tuple[str, ...]
    topic: str = ""  # what a shortcoming of this part speaks of (“解读|图解”): told in another part, it is filed here

    _topic = field_validator("topic")(regex_checked)

    @field_validator("part")
    @classmethod
    def _known_part(cls, part: str) -> str:
        parts = [p for p, _ in overview_parts()]
        if part not in parts:
            raise ValueError(f"问答流程里没有“{part}”这一部分（可用：{'、'.join(parts)}）")
        return part


class ProblemArea(_Data):
    id: str
    problem: str
    improvement: str = ""  # a figures area's measure; a `said` area's is the shortcoming's own (sentences.yaml)
    only_when_none_said: bool = False  # no shortcoming by itself: offered only when the clerk named no problem
    when: tuple[Condition, ...] = ()
    said: Said | None = None
    reason: str = ""  # why the figures make it a problem, shown to the clerk (“不予公开占办结的40%”)
    topic: str = ""  # a figures area's words: what the clerk said will be done of them (anywhere) is its measure
    levels: tuple[str, ...] = LEVELS  # the units whose reports it fits

    @field_validator("levels")
    @classmethod
    def _known_levels(cls, levels: tuple[str, ...]) -> tuple[str, ...]:
        for level in levels:
            if level not in LEVELS:
                raise ValueError(f"没有“{level}”这一层级（可用：{'、'.join(LEVELS)}）")
        return levels

    @model_validator(mode="after")
    def _wording_uses_known_figures(self) -> "ProblemArea":
        if self.said is None and not self.improvement:
            raise ValueError(f"“{self.id}”按数字提出问题，要写改进措施（improvement）")
        allowed = set(FIGURES) | ({"said"} if self.said else set())
        for text in (self.problem, self.improvement, self.reason):
            for _, name, _, _ in string.Formatter().parse(text):
                if name is not None and name not in allowed:
                    raise ValueError(f"“{self.id}”的写法里的{{{name}}}不是可用的数字（可用：{'、'.join(sorted(allowed))}）")
        return self


class Persists(_Data):
    words: tuple[str, ...]  # each a kind of shortcoming (“不够及时|不及时|滞后”)
    write: str  # put before its words in this year's problem (“仍”)

    _valid = field_validator("words")(regexes_checked)


class LastYears(_Data):
    measures_from: str
    items: str
    listed: str
    common: str
    particles: str
    pointed: str
    pointer: str
    count_lead: str
    done: str

    _valid = field_validator("measures_from", "items", "listed", "common", "particles", "pointed", "pointer", "count_lead",
                             "done")(regex_checked)


class Labelled(_Data):
    problems: str
    measures: str
    items: str
    lead: str
    ordinal: str
    within: str

    _valid = field_validator("problems", "measures", "items", "lead", "ordinal", "within")(regex_checked)


class NotFollowedUp(_Data):
    persists: str
    open: str

    @field_validator("persists", "open")
    @classmethod
    def _known_names(cls, text: str) -> str:
        for _, name, _, _ in string.Formatter().parse(text):
            if name is not None and name not in {"last", "year", "problem"}:
                raise ValueError(f"“{text}”里的{{{name}}}不可用（可用：last、year、problem）")
        return text


class MeasureExamples(_Data):
    when: str
    examples: tuple[str, ...]

    _valid = field_validator("when")(regex_checked)


class ProblemAreas(_Data):
    areas: tuple[ProblemArea, ...]
    measure_examples: tuple[MeasureExamples, ...] = ()
    last_years: LastYears
    labelled: Labelled
    ask: dict[str, tuple[str, ...]]
    followup: tuple[Rewrite, ...] = ()
    not_followed_up: NotFollowedUp
    next_year_times: str
    persists: Persists
    later: str
    said_words: tuple[Rewrite, ...] = ()
    done_words: tuple[Rewrite, ...] = ()
    preamble: str
    bare: str
    measure_said: str
    pointed_back: str
    new_problem: str

    _later = field_validator("later", "bare", "next_year_times", "measure_said", "pointed_back", "new_problem",
                             "preamble")(regex_checked)

    @field_validator("ask")
    @classmethod
    def _known_levels(cls, ask: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for level in ask:
            if level not in LEVELS:
                raise ValueError(f"没有“{level}”这一层级（可用：{'、'.join(LEVELS)}）")
        return ask


@cache
def problem_areas() -> tuple[ProblemArea, ...]:
    """The problem areas of 五 with their conditions and wording (prompts/problems.yaml), checked when loaded."""
    return _problems_data().areas


@cache
def _problems_data() -> ProblemAreas:
    return load_model(resource_dir("prompts") / "problems.yaml", ProblemAreas)


def followup_sentences(followup: str) -> str:
    """五's follow-up of last year's problems with the problems it names joined to what was done (a sentence, never
    the fragment “针对……提出的X、Y。”)."""
    for r in _problems_data().followup:
        followup = re.sub(r.say, r.write, followup)
    return followup


def not_followed_up(last_year: Report, year: int, followup: str, proposals: "list[Proposal]") -> str:
    """The lines of the follow-up for last year's problems it does not speak of: one of the kind of a problem the clerk
    named this year is said to persist (listed again below); one the clerk was asked about and told nothing of is
    not written (asked, never asserted: no rectification made up, no “尚未到位” the clerk did not say); "" when
    none persists."""
    d = _problems_data().not_followed_up
    told: dict[str, list[str]] = {d.persists: [], d.open: []}
    for problem in last_years_problems(last_year):
        if followed_up(problem, followup):
            continue
        family = measure_for(problem, otherwise=False)
        # (of its kind, or speaking of the same things — never by the part a problem is filed under, “平台建设方面，”)
        again = any(family and measure_for(p.problem, otherwise=False) == family
                    or followed_up(problem, re.sub(r"^[\u4e00-\u9fff]{2,8}方面[，,]", "", p.problem)) for p in proposals)
        if again:
            told[d.persists].append(problem)
    # (several of one kind in one sentence: “A”“B”问题)
    return "".join(line.format(last=last_year.year, year=year, problem="”“".join(problems))
                   for line, problems in told.items() if problems)


def without_not_followed_up(last_year: Report, year: int, followup: str) -> str:
    """The follow-up as the clerk told it, without the lines `not_followed_up` added to it."""
    d = _problems_data().not_followed_up
    for line in (d.persists, d.open):
        head, _, tail = line.partition("{problem}")
        pattern = re.escape(head.format(last=last_year.year, year=year)) + r"[^。]*?" \
            + re.escape(tail.format(last=last_year.year, year=year))
        followup = re.sub(pattern, "", followup)
    return followup


def persisting(problem: str, followup: str) -> str:
    """This year's problem said as persisting (“网站更新仍不够及时”) when the follow-up of last year's names one of its
    kind: the follow-up's measures are then never read as having put it right."""
    d = _problems_data().persists
    if re.search(d.write + "|还|依然|依旧", problem):
        return problem
    for words in d.words:
        if re.search(words, followup) and (m := re.search(words, problem)):
            return problem[:m.start()] + d.write + problem[m.start():]
    return problem


def last_years_problems(last_year: Report) -> list[str]:
    """The problems last year's 五 names (each as its first clause), in its order; [] when none can be told apart."""
    d = _problems_data().last_years
    text = "".join(last_year.paragraphs("problems"))
    text = re.split(d.measures_from, text, maxsplit=1)[0]
    parts = re.split(d.items, text)
    if len(parts) > 1:
        found = parts[1:]
    elif m := re.search(d.listed, text):
        found = re.split(r"、", m[1])
    else:
        found = re.split(r"；", text.rsplit("：", 1)[-1]) if "：" in text else []
    # (“（一）存在的主要问题：A；B；C。”: the items after its lead, each the first clause of its own)
    pieces = [piece for f in found for piece in re.split(r"[；;]", re.split(r"[：:]", f)[-1])]
    items = [re.split(r"[，,。]", piece.strip(), maxsplit=1)[0].strip() for piece in pieces]
    return [i for i in items if 4 <= len(i) <= 60]


def in_said_words(text: str) -> str:
    """A problem or a measure the clerk told in 五, in a report's words (prompts/problems.yaml `said_words`)."""
    for r in _problems_data().said_words:
        text = re.sub(r.say, r.write, text)
    return text


def said_as_written(text: str, report: Report) -> str:
    """A problem or a measure the clerk told (in 五, or in 一 as a plan), in a report's words: the shortcomings'
    rewrites, then `said_words` (the one way every such text is put, so that two tellings of one compare equal)."""
    return in_said_words(shortfall_words(text.strip("，,。；; "), report))


def names_something(problem: str) -> bool:
    """Whether a problem names something (“二是还不够”, “问题就是”: no item of 五)."""
    return len(re.sub(_problems_data().bare, "", problem)) >= 2


def new_problems(text: str) -> tuple[str, list[str]]:
    """五's answer without the items it labels as this year's (“三、新问题：县区进度不平衡”), and those problems."""
    d = _problems_data()
    found = [m[1].strip("，, ") for m in re.finditer(d.new_problem, text)]
    return (re.sub(d.new_problem, "", text).strip("；;，, ") if found else text), found


def pointed_at(problem: str, report: Report) -> str:
    """A problem told by pointing back (“还不够，前面也说了偏文字”): the shortcoming it points at as the clerk told
    it before (in 一, or handed to 五 from there), with the measure told with it; the problem itself otherwise."""
    if not (m := re.search(_problems_data().pointed_back, problem)):
        return problem
    told = [t for said in report.shortfalls.values() for t in said if m[1] in t]
    told += [s for s in re.findall(r"[^。；;！？]+", "".join(report.paragraphs(OVERVIEW))) if m[1] in s]
    return told[0].strip("，,。 ") if told else problem


def measure_said_of(report: Report, topic: str) -> str:
    """What the clerk said in 一 will be done of a figures area's topic (“2026年想把纠正的案子专门梳理一下，……”),
    as told (from its lead on, the lead dropped); "" when nothing was."""
    lead = _problems_data().measure_said
    for sentence in re.findall(r"[^。；;！？]+", "".join(report.paragraphs(OVERVIEW))):
        if (m := re.search(lead, sentence)) and re.search(topic, sentence[m.start():]):
            return str(sentence[m.end():]).strip("，,。；; ")
    # (a plan told in 一 is kept apart from 一's paragraphs, its lead already dropped: report.plans)
    return next((plan.strip("，,。；; ") for plans in report.plans.values() for plan in plans if re.search(topic, plan)), "")


def without_preamble(text: str) -> str:
    """An answer without the remark to the writer that opens a correction (“不对，整改重新说：”): never printed."""
    return re.sub(_problems_data().preamble, "", text, count=1)


def lists_told_after(text: str) -> tuple[str, str]:
    """五's answer that tells last year's follow-up and then this year's problems and next year's measures as lists
    (“……定期培训了。今年的问题一是A；二是B。明年一是X；二是Y”): the follow-up, and the lists (`labelled_lists`
    reads them); the whole answer and "" when it is told otherwise."""
    for m in re.finditer(_problems_data().labelled.within, text):
        if m.end() > 0 and labelled_lists(text[m.end():]) is not None:
            return text[:m.start()].strip(), text[m.end():]
    return text, ""


def named_in_full(text: str, last_year: Report) -> str:
    """The follow-up with last year's problems it points at by the clerk's name (“解读那条，……”) named as last
    year's report worded them (“针对2024年度报告提出的文件解读形式和内容还需进一步丰富的问题，……”), each when the
    name fits that problem alone; a count of them before the items (“去年两条：”) dropped."""
    d = _problems_data().last_years
    problems = last_years_problems(last_year)

    def named(m: re.Match[str]) -> str:
        name = next(g for g in m.groups() if g)
        fits = [p for p in problems if _pointed_at(name, p)]
        if len(fits) != 1:
            return m[0]
        return f"针对{last_year.year}年度报告提出的{fits[0]}的问题，"
    said = re.sub(d.pointer, named, text)
    if said == text:
        return text  # (no item named: the answer is read as told, its “去年两条：” too)
    text = re.sub(d.count_lead, "", said)
    # (what was done is said in a report's words in the items so named only: a plan told elsewhere keeps its words)
    lead = f"针对{last_year.year}年度报告提出的"
    return "".join(_done_words(piece) if piece.lstrip().startswith(lead) else piece
                   for piece in re.split(r"(?<=[。；;])", text))


def _pointed_at(name: str, problem: str) -> bool:
    """Whether the clerk's name for a problem (“公开栏”, “信息员”, “解读形式内容”) speaks of last year's problem: two
    characters of it in a row, not one of the common words alone (“信息”, “公开”), are in the problem's words."""
    common = _problems_data().last_years.common
    pairs = [name[i:i + 2] for i in range(len(name) - 1)]
    return any(pair in problem for pair in pairs if not re.fullmatch(common, pair))


def _done_words(item: str) -> str:
    for r in _problems_data().done_words:
        item = re.sub(r.say, r.write, item)
    return item


def ordinal_of(item: str) -> int | None:
    """An item's own number (“二是……” → 2, “3.……” → 3); None when it has none."""
    if not (m := re.match(_problems_data().labelled.ordinal, item.strip())):
        return None
    told = next(g for g in m.groups() if g)
    return int(told) if told.isdigit() else "一二三四五六".index(told) + 1


def paired_by_number(problems: list[str], measures: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """Problems and measures told as two lists, each problem with the measure of its number (“一是A；二是B。明年一是X；
    二是Y”), else of its place when both are unnumbered and as many; "" when none is told for it. Also the measures
    answering no problem told (left to fit the problems, never put in the follow-up)."""
    d = _problems_data().labelled

    def bare(item: str) -> str:
        return re.sub(d.lead, "", item).strip("，,。；; ")
    numbers = [n for p in problems if (n := ordinal_of(p)) is not None]
    by_number = {n: bare(m) for m in measures if (n := ordinal_of(m)) is not None}
    if len(numbers) == len(problems) and len(by_number) == len(measures):
        pairs = [(bare(p), by_number.get(n, "")) for p, n in zip(problems, numbers)]
        return pairs, [m for n, m in by_number.items() if n not in numbers]
    if len(problems) == len(measures):
        return [(bare(p), bare(m)) for p, m in zip(problems, measures)], []
    return [(bare(p), "") for p in problems], [bare(m) for m in measures]


def labelled_lists(text: str) -> tuple[list[str], list[str]] | None:
    """五's answer told as a list of problems and a list of measures (prompts/problems.yaml `labelled`): their items,
    in order, each with its own number if it was told one (`paired_by_number`); None when it is told otherwise."""
    d = _problems_data().labelled
    opening = re.match(d.problems, text.strip())
    if opening is None or not (split := re.search(d.measures, text)):
        return None
    problems, measures = text.strip()[opening.end():split.start() - (len(text) - len(text.strip()))], text[split.end():]

    def items(part: str) -> list[str]:
        found = [i.strip("，,。；; ") for i in re.split(d.items, part.strip()) if i]
        return [i for i in found if re.sub(d.lead, "", i).strip("，,。；; ")]
    listed, to_do = items(problems), items(measures)
    if len(listed) == 1 and len(to_do) > 1:  # (“A，B，还有C” with three measures: the problems told in a row)
        one_by_one = items(re.sub(r"[，,]", "；", problems))
        listed = one_by_one if len(one_by_one) == len(to_do) else listed
    return listed, to_do


def paired(problem: str, measure: str) -> list[tuple[str, str]]:
    """Problems told together (“A、B”) with one measure for each told together (“X、Y”), as many of both: each
    problem with its own measure, in order; otherwise the one problem with the one measure."""
    problems, measures = problem.split("、"), measure.split("、")
    if len(problems) > 1 and len(problems) == len(measures) and all(len(p) >= 4 for p in problems) \
            and all(is_shortfall(p) for p in problems):
        return list(zip(problems, measures))
    return [(problem, measure)]


def followed_up(problem: str, followup: str) -> bool:
    """Whether the follow-up speaks of last year's problem: a word of it other than the common ones."""
    d = _problems_data().last_years
    runs = re.split(d.common, problem)
    if any(len(run) >= 2 for run in runs):
        return any(run[i:i + 2] in followup for run in runs for i in range(len(run) - 1))
    # (“信息的公开面还不够广”: every word of it a common one — then three characters of it in a row, 的/还 left out)
    core = re.sub(d.particles, "", problem)
    return any(core[i:i + 3] in re.sub(d.particles, "", followup) for i in range(len(core) - 2))


def of_last_year(sentence: str, problems: list[str]) -> bool:
    """Whether a sentence of 五's answer tells what was done about one of last year's problems (it names one, or
    points at one: “公开面不够广那条，……”) — not this year's (“处室不上心这个还得盯，明年按月通报”: said to persist, with
    a measure to come)."""
    d = _problems_data().last_years
    if own_measure(sentence.rstrip("。；;"))[1]:
        return False
    if re.match(d.pointed, sentence.strip()):
        return True
    # (last year's problems unknown: an item that tells what was done — “形式单一——加了视频号” — is one of them)
    return any(followed_up(p, sentence) for p in problems) if problems else bool(re.search(d.done, sentence))


def told_done(text: str) -> bool:
    """Whether an answer tells what was done (“今年按目录补了……”) or points at one of last year's problems (“内容深化
    那条，……”): a follow-up, never a measure to come."""
    d = _problems_data().last_years
    return bool(re.match(d.pointed, text.strip()) or re.search(d.done, text))


def plainly_later(text: str) -> bool:
    """Whether an answer given while 五 asks for a problem is plainly one to a later question (六, the contact)."""
    return bool(re.search(_problems_data().later, text))


def measure_examples(problem: str) -> tuple[str, ...]:
    """Two or three concrete measures of a problem's kind (prompts/problems.yaml `measure_examples`), offered when the
    clerk is asked for their own; () when none fits."""
    return next((e.examples for e in _problems_data().measure_examples if re.search(e.when, problem)), ())


def kinds_to_ask(level: str) -> tuple[str, ...]:
    """The kinds of problem published reports of this level name (offered when nothing else gives one)."""
    return _problems_data().ask.get(level, ())


@dataclass
class Proposal:
    area: str  # the problem area's id, or "own" for the clerk's own words
    problem: str
    improvement: str
    reason: str = ""  # the figures that make it a problem, or “您在……里说的”
    general: bool = False  # no measure of the problem's family: the general wording, the clerk asked for a real one
    proposed: bool = False  # the measure is the assistant's proposal, not the clerk's: shown so, replaced by theirs


def with_its_measure(problem: str, own: str = "") -> Proposal:
    """A problem the clerk named with the measure that answers it: their own, else the one of its family
    (sentences.yaml `measures`), else the general wording marked `general` (the clerk is asked for one)."""
    measure = own or measure_for(problem, otherwise=False)
    return Proposal("own", problem, measure or measure_for(problem), general=not measure, proposed=not own)


def said_by_clerk(p: Proposal) -> bool:
    """Whether a problem is one the clerk named (in any part), not one the figures show."""
    return p.area == "own" or any(a.id == p.area and a.said is not None for a in problem_areas())


def same_problem(a: str, b: str) -> bool:
    """Whether two problems are one told twice (in 一 and again in 五): one holds the other, or both are of one
    family (the same measure answers them) and speak of the same things (“解读的形式较为单一” and “解读形式和内容
    还不够丰富”; never “网站更新不及时” and “公开栏更新不及时”)."""
    a, b = (re.sub(r"^[\u4e00-\u9fff]{2,8}方面[，,]", "", x) for x in (a, b))
    if a in b or b in a or _told_alike(a, b):
        return True
    family = measure_for(a, otherwise=False)
    if not family or family != measure_for(b, otherwise=False):
        return False
    return things_named(a) == things_named(b) != set() or _same_subject(a, b)


def _told_alike(a: str, b: str) -> bool:
    """Whether two tellings of a problem share its words (“受理登记仍为纸质台账，查询不便” in 一 and “依申请受理登记仍为
    纸质台账” in 五): a run of six characters or more that is most of the first clause of the shorter."""
    a, b = (re.sub(r"^[\u4e00-\u9fff]{2,8}方面[，,]", "", x) for x in (a, b))  # (the part it is filed under: no words of it)
    first_a, first_b = (re.split(r"[，,；;]", x, maxsplit=1)[0] for x in (a, b))
    shorter, other = (first_a, b) if len(first_a) <= len(first_b) else (first_b, a)
    match = SequenceMatcher(None, shorter, other, autojunk=False).find_longest_match(0, len(shorter), 0, len(other))
    return match.size >= 6 and match.size >= 0.85 * len(shorter)


_QUALIFIERS = re.compile(r"部分|个别|有的|少数|一些|几个|各|的")


def _same_subject(a: str, b: str) -> bool:
    """Two problems of one family that speak of one thing, said in other words (“村栏更新不够及时” and “村务栏部分村
    更新不够及时”, “处室报送不积极” and “部分处室报送信息不够及时”): what each says before its family's words
    shares two characters, or one says nothing before them and both name the family by the same words."""
    family = next((m for m in sentence_data().shortfalls.measures if re.search(m.when, a)), None)
    found = [re.search(family.when, x) if family else None for x in (a, b)]
    if family is None or None in found:
        return False
    ma, mb = found
    assert ma is not None and mb is not None  # (both found just above)
    subject_a, subject_b = (_QUALIFIERS.sub("", x[:m.start()]) for x, m in ((a, ma), (b, mb)))
    if not subject_a or not subject_b:
        return ma[0] == mb[0] or ma[0] in b or mb[0] in a  # (“申请答复” read first in one: its words in the other)
    return len(set(subject_a) & set(subject_b)) >= 2


def not_offered(proposals: list[Proposal], named: list[Proposal]) -> list[Proposal]:
    """The problems told in 五 that are not already offered (told in 一 too: offered once); the measure the clerk
    told with such a one replaces the measure chosen for the one offered."""
    new = []
    for p in named:
        same = next((q for q in proposals if same_problem(p.problem, q.problem)), None)
        if same is None:
            new.append(p)
        elif not p.general and p.improvement != measure_for(p.problem, otherwise=False) \
                and (same.general or same.proposed or same.improvement == measure_for(same.problem, otherwise=False)
                     or same.improvement and same.improvement in p.improvement):
            # (told again here with more: “按月通报、纳入考核扣分” after “按月通报” in 一 — the fuller one)
            same.improvement, same.general, same.proposed = p.improvement, False, p.proposed
        if same is not None and not said_by_clerk(same) and p.problem not in same.problem:
            same.problem += f"，{p.problem}"  # (the figures and what the clerk makes of them: “……被纠正6件，答复质量有待提高”)
        elif same is not None:
            same.problem += "".join(f"，{c}" for c in _told_besides(p.problem, same.problem))
    return new


def _told_besides(told: str, offered: str) -> list[str]:
    """The shortcomings a problem told in 五 names that the one offered for it does not (“公开内容不够精准、解读不深，
    还有线上线下联动不紧” beside “核心内容解读还不够深入”): never lost when the two are offered once."""
    return [c for c in re.split(r"[、，,；;]", told)
            if len(c) >= 4 and is_shortfall(c) and c not in offered and not _told_alike(c, offered)
            and not (measure_for(c, otherwise=False) and measure_for(c, otherwise=False) == measure_for(offered, otherwise=False)
                     and things_named(c) <= things_named(offered))]


def intents_as_measures(proposals: list[Proposal], intents: list[str], after: Proposal | None = None) -> list[str]:
    """What the clerk said will be done (“2022年将每季度检查一次各村公开栏”) made the measure of the problem it
    answers — one of the same things (公开栏) or of the same family, else the problem told just before it (`after`)
    — in place of a measure chosen for it; the intents that answer none (or are still spoken) are returned."""
    lead = sentence_data().shortfalls.intent
    left = []
    for intent in intents:
        unused: list[str] = []
        last = None  # the problem the clause before answered: a clause that answers none goes on with it
        for clause in re.split(r"[，,；;]", re.sub(lead, "", intent.strip()).rstrip("。")):
            clause = in_said_words(re.sub(r"^(?:再|还|也|并|同时)", "", clause.strip()))
            fits = [p for p in proposals if p.general or p.proposed or p.improvement == measure_for(p.problem, otherwise=False)]
            family = measure_for(clause, otherwise=False)
            target = next((p for p in fits if things_named(clause) & things_named(p.problem) or _of_topic(clause, p)
                           or family and family == measure_for(p.problem, otherwise=False)), None)
            # (a clause of a family or thing of its own answers another problem, never goes on with this one)
            on = last is not None and not unused and not family and not things_named(clause)
            if target is None and not on and last is None and after in fits and not unused:
                target = after  # (“……更新不及时、老拖；明年打算每月月初……核查”: the measure of the problem just told)
            if len(clause) < 4 or is_spoken(clause) or target is None and not on:
                unused.append(clause)
                last = None
            elif target is None and last is not None:
                last.improvement += "，" + clause  # (“纳入考核，每季度通报一次”: one measure)
            elif target is not None:
                target.improvement, target.general, target.proposed, last = clause, False, False, target
        if unused := [c for c in unused if c]:
            left.append(intent if len(unused) == len(re.split(r"[，,；;]", intent)) else "，".join(unused) + "。")
    return left


def _of_topic(measure: str, p: Proposal) -> bool:
    """Whether a measure the clerk told speaks of a figures problem's topic (“复议纠正的案件……” of 被纠正)."""
    return any(a.id == p.area and a.topic and re.search(a.topic, measure) for a in problem_areas())


def in_order(proposals: list[Proposal]) -> list[Proposal]:
    """五's problems, the clerk's own first (a problem the figures show never displaces one the clerk named), one
    that is no shortcoming by itself only when the clerk named none, at most MAX_PROPOSALS."""
    fallback = {a.id for a in problem_areas() if a.only_when_none_said}
    own = [p for p in proposals if said_by_clerk(p)]
    figures = [p for p in proposals if not said_by_clerk(p) and not (own and p.area in fallback)]
    return (own + figures)[:MAX_PROPOSALS]


def propose(report: Report, last_year: Report | None = None) -> list[Proposal]:
    """2–4 problem areas whose conditions hold for this year's figures or the clerk's own answers, filled from them.

    A problem last year's report already stated in the same words is not proposed again: 五 must not be a copy.
    """
    from gkassist.checks import paragraph_findings

    figures = figures_of(report)
    unknown = unknown_figures(report)
    # (each of last year's problems apart from its lead and its measure: a short problem is compared with a problem)
    said_last_year = SentenceIndex(re.split(r"[；。：]|，下一步", "".join(last_year.paragraphs("problems"))) if last_year else [])
    out: list[Proposal] = []
    for area in problem_areas():
        if report.level not in area.levels:
            continue
        if area.said is not None:
            # one problem per shortcoming the clerk told in that part, with its own measure where one fits
            # (told in that part, or in another of that part's topic)
            fills = [dict(figures, said=in_said_words(clause), own=in_said_words(measure)) for part in report.shortfalls
                     for clause, measure in map(own_measure, _said(report, part)) if _home(clause, part) == area.said.part]
        else:
            # a table left unfinished says nothing: its blank cells are no “0 applications” to find a problem in
            known = not any({c.figure, c.share_of} & unknown for c in area.when)
            fills = [figures] if known and all(c.holds(figures) for c in area.when) else []
        for values in fills:
            problem = area.problem.format(**values)
            if said_last_year.contains(problem):
                continue
            reason = f"您在一、总体情况（{area.said.part}）里说的" if area.said else area.reason.format(**values)
            if area.said:  # the shortcoming's own measure, by its family (never the area's: it may answer another)
                proposal = with_its_measure(values["said"], values["own"])
                proposal.area, proposal.problem, proposal.reason = area.id, problem, reason
            else:
                proposal = Proposal(area.id, problem, area.improvement.format(**values), reason, proposed=True)
                if area.topic and (said := measure_said_of(report, area.topic)):
                    said = said_as_written(said, report)
                    if not is_spoken(said):  # (the clerk's own measure for it, told in 一: never one chosen instead)
                        proposal.improvement, proposal.proposed = said, False
            if not names_something(proposal.problem):
                continue  # a fragment (“还不够”): no item of 五
            if paragraph_findings(report, "problems", [proposals_paragraph([proposal])]):
                continue  # a figure that disagrees with the tables, a placeholder: never offered
            out.append(proposal)
    return in_order(out)


def _home(shortfall: str, told_in: str) -> str:
    """The part of the report a shortcoming belongs to: where it was told, unless it speaks only of another part's
    topic (prompts/problems.yaml `topic`)."""
    topics = {a.said.part: a.said.topic for a in problem_areas() if a.said is not None and a.said.topic}
    if told_in not in topics or re.search(topics[told_in], shortfall):
        return told_in
    return next((part for part, topic in topics.items() if re.search(topic, shortfall)), told_in)


_CONJUNCTION = re.compile(r"^(?:但是|但|不过|然而|可是|只是|同时|另外|此外|而且|并且|仍然|仍)")


def _said(report: Report, part: str) -> list[str]:
    """The shortcomings the clerk told while answering `part` (dialogue.sentences took them out of its paragraph,
    in a report's words)."""
    found = list(report.shortfalls.get(part, []))
    return list(dict.fromkeys(c for c in found if c))


PROBLEMS_LEAD = "本年度工作中还存在以下问题。"


def proposals_paragraph(proposals: list[Proposal], year: int | None = None) -> str:
    """This year's problems in a report's form: “一是……。下一步，将……。二是……。” after a lead of its own (never a
    lead ending in a colon inside the first sentence, never an item numbered inside a measure); given the report's
    `year`, a time of the year a measure names is next year's (“2026年上半年……”)."""
    return PROBLEMS_LEAD + "".join(
        f"{'一二三四'[i]}是{p.problem.rstrip('。；;，, ')}。"
        + (f"下一步，将{_with_time(_dated(_unnumbered(p.improvement), year))}。" if p.improvement else "")
        for i, p in enumerate(proposals))


def _with_time(measure: str) -> str:
    """A measure opening with its time is done at it (“将于2026年上半年建立……”, never “将2026年上半年建立……”)."""
    return re.sub(r"^(?=[0-9]{4}年)", "于", measure)


def _dated(measure: str, year: int | None) -> str:
    """A measure's first time of the year with no year of its own, as next year's."""
    if year is None or re.search(r"[0-9]{4}年", measure):
        return measure
    return re.sub(_problems_data().next_year_times, lambda m: f"{year + 1}年{m[0]}", measure, count=1)


def _unnumbered(measure: str) -> str:
    """A measure without item numbers of its own (“一是编制……，二是……”, “1是……” → “编制……，……”)."""
    return re.sub(r"(?:^|(?<=[，,；;]))\s*(?:[一二三四五六七八九]|[1-9])是", "", measure).rstrip("。；;，, ")


# The table each figure of figures_of() is summed from (a figure of a table not filled in is unknown, not 0)
_FIGURE_TABLE = {"requests_total": "t3", "results_total": "t3", "unable_total": "t3", "unable_share": "t3",
                 "deny_total": "t3", "deny_share": "t3", "carry_next_total": "t3", "corrected_total": "t4", "corrected_said": "t4",
                 "appeals_total": "t4", "appeals_said": "t4", "review_total": "t4", "suits_total": "t4",
                 "fee_amount": "t2"}


def unknown_figures(report: Report) -> set[str]:
    """The figures whose table holds no figure yet (left unfinished, or not reached): never read as 0.  (上年结转 is
    filled from last year's report before anything is said, so it does not count as said.)"""
    empty = {table for table in ("t2", "t3", "t4")
             if all(report.cell(table, r.id, c.id) is None
                    for _, r, c in report.format.tables[table].cells() if r.id != "carried")}
    return {name for name, table in _FIGURE_TABLE.items() if table in empty}


def _corrected_said(review: float, suits: float) -> str:
    """The appeals corrected, only of the kinds that had one (“被申请行政复议后被纠正1件”); both kinds: their total
    (the figure TEXT-NUMBERS reads as “被纠正N件”) and each as 表四 names it."""
    if review and suits:
        return (f"被申请行政复议、被提起行政诉讼后被纠正{format_number(review + suits)}件（行政复议结果纠正{format_number(review)}件、"
                f"行政诉讼结果纠正{format_number(suits)}件）")
    if review:
        return f"被申请行政复议后被纠正{format_number(review)}件"
    return f"被提起行政诉讼后被纠正{format_number(suits)}件" if suits else ""


def figures_of(report: Report) -> Figures:
    """This year's figures the conditions of prompts/problems.yaml speak of (sums over the format's own rows)."""
    n, fmt = report.number, report.format

    def total(rows: Iterable[str], col: str = "total") -> float:
        return sum(n("t3", r, col) or 0 for r in rows)

    results_total = n("t3", "results_total", "total") or 0
    unable = total(fmt.t3.rows_in("unable"))
    # 表四's blocks (行政复议, the two kinds of 诉讼): the columns before “.total”
    blocks = [c.id.removesuffix(".total") for c in fmt.t4.columns if c.id.endswith(".total")]
    review = sum(n("t4", "cases", f"{b}.total") or 0 for b in blocks if b == "review")
    suits = sum(n("t4", "cases", f"{b}.total") or 0 for b in blocks if b != "review")
    corrected = {b: n("t4", "cases", f"{b}.corrected") or 0 for b in blocks}
    corrected_said = _corrected_said(corrected.get("review", 0), sum(v for b, v in corrected.items() if b != "review"))
    appeals_said = "、".join(x for x in (f"行政复议{format_number(review)}件" if review else "",
                                         f"行政诉讼{format_number(suits)}件" if suits else "") if x)
    fee = fmt.fee_cell
    return {
        "requests_total": n("t3", "new", "total") or 0,
        "results_total": results_total,
        "unable_total": unable,
        "unable_share": f"{unable / results_total:.0%}" if results_total else "0%",
        "deny_total": (deny := total(fmt.t3.rows_in("deny"))),
        "deny_share": f"{deny / results_total:.0%}" if results_total else "0%",
        "corrected_total": sum(corrected.values()),
        "corrected_said": corrected_said,  # “被申请行政复议后被纠正1件”: only the kind of case that had one
        "appeals_total": sum(n("t4", "cases", f"{b}.total") or 0 for b in blocks),
        "appeals_said": appeals_said,  # “行政复议1件、行政诉讼2件”: each figure where TEXT-NUMBERS looks for it
        "review_total": review,
        "suits_total": suits,
        "carry_next_total": n("t3", "carry_next", "total") or 0,
        "fee_amount": (n(*fee) if fee else 0) or 0,
    }
