"""A clerk's narrative answer made into a report's sentences, one sentence at a time (prompts/sentences.yaml).

Each sentence is read for its facts (the sentence patterns), the rest put in the register of a published report
(prompts/register.yaml).  A sentence that neither turns whole is never half-rewritten: it stays as the clerk typed
it and is returned as `spoken`, to be shown marked with a published sentence of the same level.  A clause telling
of a shortcoming is taken out, put in a report's words and returned as a `shortfall` (it belongs in 五)."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

import yaml
from pydantic import ValidationInfo, field_validator, model_validator

from gkassist.core.errors import InputError
from gkassist.core.model import Report
from gkassist.core.numbers import chinese_numeral
from gkassist.core.yamldata import Loader, line_of, load_model, pattern, regex_checked, regexes_checked, replacement
from gkassist.dialogue.grammar import broken_shape, sub_whole
from gkassist.dialogue.placement import (
    as_measure,
    counted_in_pieces,
    exact_figures,
    is_problem,
    is_remark,
    placement,
    plan_at,
    problem_words,
)

# the register's data model, its pattern check and its rewrite rule (say → write) serve the sentences too
from gkassist.dialogue.register import Rule as Rewrite
from gkassist.dialogue.register import _Data, dated_and_named, self_name, to_register
from gkassist.dialogue.verb_order import DoneTo, in_report_order
from gkassist.paths import resource_dir


class FactPattern(_Data):
    id: str
    say: str
    write: str

    _valid = field_validator("say")(regex_checked)

    @model_validator(mode="after")
    def _writes_what_it_reads(self) -> "FactPattern":
        groups = set(pattern(self.say).groupindex) | {"self"}
        for _, name, _, _ in string.Formatter().parse(self.write):
            if name is not None and name not in groups:
                raise ValueError(f"“{self.id}”的写法里的{{{name}}}在 say 里没有读出（可用：{'、'.join(sorted(groups))}）")
        return self


class Measure(_Data):
    when: str
    measure: str

    _valid = field_validator("when")(regex_checked)


class Shortfalls(_Data):
    signs: tuple[str, ...]
    opens: str
    opens_with_sign: str
    remedied: str
    explains: str
    amended: str
    item: str  # a clause numbered as an item of a list (“二是……”): a shortcoming of its own
    unless: str
    rewrites: tuple[Rewrite, ...]
    measures: tuple[Measure, ...]
    own_measure: str
    intent: str  # a sentence that tells only what will be done: no rectification of last year's problems
    last_years: str
    this_year: str
    otherwise: str
    # the words a run-on answer typed without commas chains its clauses with (“……挂了95条然后……还有就是有的村贴得
    #不太及时”): in a clause that tells a shortcoming, each a clause's end, so that only the clause telling it goes to 五
    run_on: str = ""
    # where this year's problems begin inside a sentence of the follow-up (“……开了公众号还有今年的问题就是……”)
    this_year_within: str = ""

    _valid = field_validator("signs")(regexes_checked)
    _unless = field_validator("unless", "opens", "opens_with_sign", "remedied", "explains", "amended", "item", "own_measure", "intent", "last_years", "this_year", "run_on", "this_year_within")(regex_checked)


class Numbered(_Data):
    """A list the clerk counts out item by item (“1是……；2是……”, “第一……第二……”), written “一是……；二是……”."""

    mark: str  # the words opening one item; the group `n` is its number (a digit or a Chinese numeral)
    lead: str  # a sentence that only says how many items follow (“主要两块。”): gone before the list
    channel: str  # an item that opens with only the name of where it is published (“1是XX网站我镇栏目，发了86条”)
    channel_verb: str  # … gets this verb before that name

    _valid = field_validator("mark", "lead", "channel")(regex_checked)


class SentenceData(_Data):
    numbered: Numbered
    openers: tuple[str, ...]
    facts: tuple[FactPattern, ...]
    spoken: tuple[str, ...]
    broken: tuple[str, ...]
    shortfalls: Shortfalls
    offices: dict[str, str]
    office_words: str
    level_words: dict[str, str]
    correction_lead: str
    corrections: tuple[str, ...]
    correction_clause_lead: str
    correction_reason: str
    table_words: dict[str, str]
    narrative_words: str

    _valid = field_validator("openers", "spoken", "broken", "corrections")(regexes_checked)
    _lead = field_validator("correction_lead", "correction_clause_lead", "correction_reason", "narrative_words")(regex_checked)


@cache
def sentence_data() -> SentenceData:
    return load_model(resource_dir("prompts") / "sentences.yaml", SentenceData)


class RunOn(_Data):
    chain: str  # what always chains two clauses of a run-on typed without commas (“……然后……”)
    also: str  # what chains them only in a sentence that has a `chain` word too, or before a year (a bare 还有)
    continues: str  # a part opening with this goes on with the part before it: joined by a comma

    _valid = field_validator("chain", "also", "continues")(regex_checked)


class Replace(Rewrite):
    """A rewrite whose `write` may name only the groups its `say` has (“\\g<new>”, “\\1”)."""

    @field_validator("write")
    @classmethod
    def _writes_its_groups(cls, write: str, info: ValidationInfo) -> str:
        if "say" in info.data:
            _writes_groups(info.data["say"], write)
        return write


class Turns(_Data):
    """Whole families of spoken clauses in a report's words (prompts/spoken_turns.yaml)."""

    chains: tuple[Replace, ...]  # told across the clauses of a run-on, turned before it is parted
    run_on: RunOn
    evaluative: tuple[str, ...]  # praise and slang that carry no fact (“整挺好”, “妥妥的”): never printed
    evaluative_before: str  # what may lead them in their clause (“效果”, “还”, “算”)
    evaluative_after: str  # and close it (“的”, “啊”)
    tags: str  # particles said after a clause (“哈”, “呗”): never printed
    turns: tuple[Replace, ...]
    still_spoken: tuple[str, ...]

    _tags = field_validator("tags", "evaluative_before", "evaluative_after")(regex_checked)
    _still = field_validator("still_spoken")(regexes_checked)


@cache
def spoken_turns() -> Turns:
    return load_model(resource_dir("prompts") / "spoken_turns.yaml", Turns)


@cache
def _evaluative() -> re.Pattern[str]:
    """A clause made only of praise or slang (its adverb and particles with it), or such words ending a clause."""
    d = spoken_turns()
    words = "|".join(re.escape(w) for w in sorted(d.evaluative, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[，,：:]))\s*(?:{d.evaluative_before})?(?:{words})(?:{d.evaluative_after}|{d.tags})*"
                      rf"\s*(?:[，,！!]\s*|(?=[。；;？?]|$))")


def _turned(sentence: str) -> str:
    """A sentence without praise, slang and tags that carry no fact, and with the spoken families it holds turned
    (prompts/spoken_turns.yaml `turns`)."""
    d = spoken_turns()
    sentence = _evaluative().sub("", sentence)
    sentence = _re(rf"(?<=[\u4e00-\u9fff0-9])(?:{d.tags})(?=[，,。；;！!？?]|$)").sub("", sentence)
    for r in d.turns:
        sentence = _re(r.say).sub(replacement(r.write), sentence)
    return sentence


def _run_ons_parted(text: str) -> str:
    """A run-on typed without commas (“党政办先审然后分管领导签字然后才发还有……”) with what it tells across its
    clauses turned whole (`chains`), then parted at its chaining words, each part a sentence of its own."""
    d = spoken_turns()
    for r in d.chains:
        text = _re(r.say).sub(replacement(r.write), text)
    between = r"(?<=[\u4e00-\u9fff0-9）)”])(?:{})(?=[\u4e00-\u9fff0-9“])"
    chain, also = _re(between.format(d.run_on.chain)), _re(between.format(d.run_on.also))
    continues = _re(d.run_on.continues)

    def end(m: re.Match[str]) -> str:
        return "，" if continues.match(m.string, m.end()) else "。"

    def parted(m: re.Match[str]) -> str:
        s = m.group(0)
        if _re(d.run_on.chain).search(s) or _re(between.format(d.run_on.also) + "(?=[0-9]{4}年)").search(s):
            s = also.sub(end, s)
        return chain.sub(end, s)
    return _SENTENCE.sub(parted, text)


class Verb(_Data):
    say: str
    write: str
    object: str = ""  # the class of things the clause must speak of (prompts/lexicon.yaml `objects`); "" any

    @model_validator(mode="after")
    def _known_object(self, info: ValidationInfo) -> "Verb":
        objects = (info.context or {}).get("objects") or {}
        if self.object and self.object not in objects:
            raise ValueError(f"object“{self.object}”不在 objects 里（有：{'、'.join(objects)}）")
        say = _class_words(self.say, objects.get(self.object, ""))
        regex_checked(say)
        _writes_groups(say, self.write)
        return self


class Regional(Replace):
    """A dialect's word and the common one; `prose: false` where the prose keeps the word as typed (啥, 咋 mark a
    sentence as spoken: prompts/sentences.yaml `spoken`), read as the common word by the table readers only."""

    prose: bool = True


class Lexicon(_Data):
    recount: str = ""  # the words for going over a figure again (“又数了一遍”): `{recount}` in a repair's `say`
    repairs: tuple[Replace, ...]
    connectors: str = ""  # what only chains the clauses of a spoken run-on (“，然后”): a sentence ends there
    questions: tuple[Replace, ...] = ()  # a clerk's own question and its answer (“网站？发了60条。”) as one clause
    abbreviations: dict[str, str] = {}  # a clerk's short word → the full term a report writes
    across: tuple[Replace, ...] = ()  # over the whole answer: a sentence given the subject the one before gives it
    to_writer: tuple[str, ...] = ()  # a remark to the one writing the report (“这个你帮我写好看点”): never printed
    regional: tuple[Regional, ...] = ()  # a dialect's word (“莫得”, “晓得”, “贼多”) → the common one
    common: tuple[str, ...] = ()  # common words the `regional` entries must leave whole (checked when loaded)
    fillers: tuple[Replace, ...]
    topics: tuple[Replace, ...] = ()  # a part named as a topic (“网站呢？……”, “管理这块：”): the particle never printed
    residue: tuple[Replace, ...] = ()  # spoken lists, demonstratives and counts (“……那些”, “光……就”) in a report's form
    alike: str = ""  # the units of a count written in digits when another count of its unit in the sentence is
    names: tuple[str, ...] = ()  # names and set phrases whose numerals are never counts (“高效办成一件事”, “一网通办”)
    objects: dict[str, str]
    verbs: tuple[Verb, ...]
    done_to: DoneTo | None = None  # what is done to what, in a report's order (see dialogue/verb_order)

    _connectors = field_validator("connectors")(regex_checked)
    _to_writer = field_validator("to_writer")(regexes_checked)
    _alike = field_validator("alike")(regex_checked)

    @field_validator("names")
    @classmethod
    def _names_said(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            if not name.strip() or not re.search(r"[零〇一二两三四五六七八九十百千]", name):
                raise ValueError(f"“{name}”里没有数字：names 只列含汉字数字的名称和固定说法")
        return names
    _recount = field_validator("recount")(regex_checked)

    @field_validator("objects")
    @classmethod
    def _objects_compile(cls, objects: dict[str, str]) -> dict[str, str]:
        for words in objects.values():
            regex_checked(words)
        return objects


def _class_words(say: str, words: str) -> str:
    return say.replace("{object}", words)


def _writes_groups(say: str, write: str) -> None:
    try:
        said = pattern(say)
    except re.error:
        return  # said by the check of `say` itself
    for name in re.findall(r"\\g<(\w+)>", write):
        if not (name.isdigit() and int(name) <= said.groups or name in said.groupindex):
            raise ValueError(f"“{write}”里的{name}在“{say}”里没有")
    for n in re.findall(r"\\(\d)", write):
        if int(n) > said.groups:
            raise ValueError(f"“{write}”里的第{n}组在“{say}”里没有")


@cache
def lexicon() -> Lexicon:
    path = resource_dir("prompts") / "lexicon.yaml"
    try:  # the object classes first: each verb is checked against them (a broken file is said by load_model)
        objects = (yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}).get("objects")
    except (yaml.YAMLError, OSError, UnicodeDecodeError, AttributeError):
        objects = None
    loaded = load_model(path, Lexicon, context={"objects": objects if isinstance(objects, dict) else {}})
    _regional_checked(path, loaded)
    return loaded


def _regional_checked(path: Path, d: Lexicon) -> None:
    """A dialect's entry that would change a common word (“整” inside “整改”, “没得” inside “没得到”) is said when
    the file is loaded, naming the entry's line — not found later as a clerk's word broken in a report."""
    for i, r in enumerate(d.regional):
        for word in d.common:
            if (changed := re.sub(r.say, r.write, word)) != word:
                raise InputError(f"{path}：第{line_of(path, ('regional', i))}行：“{r.say}”会把普通话的“{word}”改成"
                                 f"“{changed}”（common 里的词不能改动）")


def in_common_words(text: str, prose: bool = False) -> str:
    """A clerk's dialect words (“莫得”, “啥子”, “晓得”, “贼多”) as the common ones (prompts/lexicon.yaml `regional`):
    the first step of reading an answer, for the table readers and (`prose`: but the words it keeps) the prose."""
    for r in lexicon().regional:
        if r.prose or not prose:
            text = _re(r.say).sub(replacement(r.write), text)
    return text


@cache
def _verbs() -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None, str], ...]:
    d = lexicon()
    return tuple((pattern(_class_words(v.say, d.objects.get(v.object, ""))),
                  pattern(d.objects[v.object]) if v.object else None, v.write) for v in d.verbs)


_ONE_DIGIT = dict(zip("一两二三四五六七八九", "1223456789"))


def repaired(text: str) -> str:
    """The figures the clerk corrected while speaking (“58件——哦不对，是61件”) as corrected (prompts/lexicon.yaml
    `repairs`): the prose's and the table readers' normalization alike."""
    d = lexicon()
    for r in d.repairs:
        text = _re(r.say.replace("{recount}", d.recount or "(?!)")).sub(partial(_repair, write=r.write), text)
    return text


def _repair(m: re.Match[str], write: str) -> str:
    """The figure put right; a clause after it (`why`) that says where the difference came from goes only when its
    count is the difference (“3件……不对，是4件，年底又罚了1个”): another count is another fact, kept."""
    why = m.groupdict().get("why") or ""
    if why:
        old, new, diff = (_figure(m[name]) for name in ("old", "new", "diff"))
        if old is not None and new is not None and diff is not None and new - old == diff:
            why = ""
    return m.expand(write) + why


def _figure(said: str) -> float | None:
    return float(said) if said[:1].isdigit() else chinese_numeral(said)


def without_repairs(text: str) -> str:
    """An answer with the figures the clerk corrected while speaking (“15个村——哦不对，是16个村”) as corrected, and a
    count of applications said in a word (“收了三件”, “还有一件”) in digits, as the tables' opening states it."""
    text = repaired(text)
    kept = _name_spans(text)
    return re.sub(r"(?<=[收有共就剩另了，,、：:])([一两二三四五六七八九])(?=件)",
                  lambda m: m.group(1) if any(a <= m.start() < b for a, b in kept) else _ONE_DIGIT[m.group(1)], text)


# A count said in words before what it counts (“一百四十二条”, “十七个村”, “两次”) or before “几/多/来” (“三十几个”):
# the numeral is read by core.numbers.  A one-character numeral stays a word before 个 (“两个问题”, “弄了一个”) and
# before 几/多/来 (“十来天”), a lone 一 before all but what is counted in a report (“审一次”, “一批”, “一件也没有”, “一条不落”),
# and after 第/统/唯 a numeral is no count at all, nor before 分之 (“百分之百”, “三分之一”: a share) or 十分 before a word
# (“十分重视”: an adverb).
_COUNTED = "条件个次期篇场项份块家名人台批户村天分回轮起元"  # (元: a fee said in words, “收了两千一百六十元”)
_SPOKEN_COUNT = re.compile(
    rf"(?<![第统唯之星万千百十零〇一二两三四五六七八九0-9])(?P<n>[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万]*)"
    rf"(?P<about>几|多|来|余)?(?=(?P<unit>[{_COUNTED}])(?!(?<=分)之)(?P<none>[也都不])?|(?<=[几多来余]))")
_ABOUT_DIGITS = re.compile(rf"(?<=[0-9])(?:几|多|来)(?=[{_COUNTED}]|万)")
_ONE_AS_COUNT = "条件篇期场项份家名台户"


def _count_in_digits(m: re.Match[str]) -> str:
    n, about, unit = m.group("n"), m.group("about"), m.group("unit") or ""
    value = chinese_numeral(n)
    if value is None or _very(m) or m.group("none") and n == "一" or len(n) == 1 and (
            about or unit == "个" and not _counted_last(m) or n == "一" and unit not in _ONE_AS_COUNT):
        return m.group(0)
    return f"{value}{'余' if about else ''}"


def _counted_last(m: re.Match[str]) -> bool:
    """“问题整改了五个。”: a count of 个 that ends its clause is a count (5个); “两个村”, “弄了一个” stay words."""
    return m.group("n") != "一" and re.match(r"[，,。；;、！？]|$", m.string[m.end() + 1:m.end() + 2]) is not None


def _very(m: re.Match[str]) -> bool:
    """“十分重视”: 十分 before a word is the adverb; “占十分。” is a score of 10."""
    after = m.string[m.end() + 1:m.end() + 2]
    return m.group("n") == "十" and m.group("unit") == "分" and "\u4e00" <= after <= "\u9fff"


def spoken_counts_in_digits(text: str) -> str:
    """“一百四十二条” → “142条”, “三十几个” → “30余个”, “八十多篇” → “80余篇”, “150多篇” → “150余篇”: counts as a
    report writes them (a word like 一起/统一/第一 untouched, nor a name or set phrase whose numeral is no count:
    “高效办成一件事”, “一件事一次办”, prompts/lexicon.yaml `names`)."""
    kept = _name_spans(text)
    return _ABOUT_DIGITS.sub("余", _SPOKEN_COUNT.sub(
        lambda m: m.group(0) if any(a < m.end() and m.start() < b for a, b in kept) else _count_in_digits(m), text))


def _name_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for name in lexicon().names for m in re.finditer(re.escape(name), text)]


def normalized(text: str) -> str:
    """A narrative answer before its sentences are composed: counts in digits, the figures the clerk corrected
    while speaking as corrected, a question the clerk asked themselves joined to its answer, the connectors of a
    run-on (“，然后”“，另外”) made sentence ends, a clerk's short words spelled out (prompts/lexicon.yaml)."""
    d = lexicon()
    text = _without_topics(counted_in_pieces(exact_figures(without_repairs(spoken_counts_in_digits(in_common_words(text.strip(), prose=True))))))
    for q in d.questions:
        text = _re(q.say).sub(q.write, text)
    text = _run_ons_parted(text)
    if d.connectors:
        text = _re(d.connectors).sub("。", text)
    for r in d.across:
        text = _re(r.say).sub(replacement(r.write), text)
    return _spelled_out(text, d.abbreviations)


def _spelled_out(text: str, words: dict[str, str]) -> str:
    """Each short word as its full term, where the full term is not already said there."""
    for short, full in sorted(words.items(), key=lambda kv: -len(kv[0])):
        at = full.find(short)
        if at < 0:  # “规范文件” is not inside “行政规范性文件”: every one is the short word
            text = text.replace(short, full)
            continue
        before, after = re.escape(full[:at]), re.escape(full[at + len(short):])
        short_alone = (f"(?<!{before})" if before else "") + re.escape(short) + (f"(?!{after})" if after else "")
        text = re.sub(short_alone, full, text)
    return text


def without_remarks_to_writer(sentence: str) -> str:
    """The sentence without its clauses addressed to the one writing the report (prompts/lexicon.yaml `to_writer`):
    a clause with a figure in it always stays (it tells something)."""
    patterns = [_re(p) for p in lexicon().to_writer]
    kept = [c for c in _CLAUSE.findall(sentence)
            if re.search(r"[0-9]", c) or not (any(p.search(c.strip("，,。；;！？!? ")) for p in patterns) or is_remark(c))]
    if len(kept) == len(_CLAUSE.findall(sentence)):
        return sentence
    text = "".join(kept).rstrip("，,。；;！？!? ")
    end = re.search(r"[。！？；]$", sentence.strip())
    return text + (end.group(0) if end else "") if text else ""


def _without_fillers(sentence: str) -> str:
    for r in lexicon().fillers:
        sentence = sub_whole(_re(r.say), replacement(r.write), sentence)
    return re.sub(r"^[，,]+|[，,]+(?=[。；！？]|$)", "", re.sub(r"[，,]{2,}", "，", sentence))


def in_report_words(sentence: str) -> str:
    """A sentence without the words that only keep speech going, and with the everyday verbs a report says otherwise
    for the thing each clause speaks of (prompts/lexicon.yaml)."""
    return _with_verbs(_in_report_form(_without_fillers(_turned(sentence))))


def _without_topics(text: str) -> str:
    """A part the clerk names as a topic before what they say of it (“网站呢？在市政府网站……”, “管理这块：……”,
    “申请的话，一共十件”): gone where the heading or the sentence says it, else the clerk's own question
    (prompts/lexicon.yaml `topics`, then `questions`)."""
    for r in lexicon().topics:
        text = _re(r.say).sub(replacement(r.write), text)
    return text


def _in_report_form(sentence: str) -> str:
    """A list, a pointer and a count as a report writes them (prompts/lexicon.yaml `residue`): “……这些” closed as
    “主要涵盖……等内容”, “光……就” as “其中”, “开了一次、培训2次” in digits alike."""
    for r in lexicon().residue:
        sentence = sub_whole(_re(r.say), replacement(r.write), sentence)
    return _counts_alike(sentence)


def _counts_alike(sentence: str) -> str:
    """“专题会开了一次、培训搞了2次”: a count of one said in a word beside a count of its unit in digits is written
    “1次” as well; “每季度排查一次” (how often) stays a word."""
    units = lexicon().alike
    if not units:
        return sentence
    out = []
    for clause in re.findall(r"[^，,、；;。]+[，,、；;。]*", sentence):
        if "每" not in clause:
            clause = re.sub(rf"(?<=[\u4e00-\u9fff])(?<![第统唯每])一(?=(?P<u>{units})(?:[，,、；;。]|$))",
                            lambda m: "1" if re.search(rf"[0-9]+[余多]?{m.group('u')}", sentence) else m.group(0), clause)
        out.append(clause)
    return "".join(out)


def _with_verbs(sentence: str) -> str:
    out = []
    for clause in _CLAUSE.findall(sentence):
        for say, thing, write in _verbs():
            if thing is None or thing.search(clause):
                clause = sub_whole(say, replacement(write), clause)  # (never inside a word: 整个, 制发)
        out.append(in_report_order(clause, lexicon().done_to))
    return "".join(out)


@cache
def _re(text: str) -> re.Pattern[str]:
    return pattern(text)


@dataclass
class Fact:
    """What a clause of the answer states, as the pattern read it (its named parts), and the sentence it made."""

    pattern: str
    parts: dict[str, str]
    source: str


@dataclass
class Composed:
    text: str  # the sentences, in order, each either in a report's words or kept as typed (see `spoken`)
    spoken: list[str] = field(default_factory=list)  # the clerk's sentences kept as typed
    shortfalls: list[str] = field(default_factory=list)  # in a report's words, for 五
    plans: list[str] = field(default_factory=list)  # what will be done, told with no shortcoming: measures, for 五
    facts: list[Fact] = field(default_factory=list)


_CONTINUES = re.compile(r"^\s*(?:也|还|都|并|且|而且)?(?:没|未|不|无)")
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
_CLAUSE = re.compile(r"[^，,]+[，,]*")


def is_spoken(text: str) -> bool:
    d = sentence_data()
    return any(_re(p).search(text) for p in d.spoken + d.broken + spoken_turns().still_spoken) or bool(broken_shape(text))


def is_shortfall(clause: str) -> bool:
    d = sentence_data().shortfalls
    return not _re(d.unless).search(clause) and (any(_re(p).search(clause) for p in d.signs) or is_problem(clause))


def _opens_shortfall(sentence: str) -> str:
    """The opening words by which a whole sentence tells a shortcoming (“不过……”; “就是……” with a sign in it), "" when
    it does not."""
    d = sentence_data().shortfalls
    if _re(d.unless).search(sentence):
        return ""
    if _re(d.opens).match(sentence):
        return d.opens
    if _re(d.opens_with_sign).match(sentence) and any(is_shortfall(c) for c in _CLAUSE.findall(sentence)):
        return d.opens_with_sign
    return ""


def shortfall_words(clause: str, report: Report) -> str:
    """A shortfall clause in a report's words (“有几份采购合同挂网晚” → “部分采购合同公开不够及时”)."""
    text = problem_words(_in_report_form(_without_fillers(_turned(clause))).strip("，,。；; "))
    for r in sentence_data().shortfalls.rewrites:
        text = _re(r.say).sub(replacement(r.write), text)
    return to_register(_with_verbs(text).strip("，,；; "), report, subject=False).rstrip("。")  # a dropped clause leaves no comma


_TOPIC_ONLY = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}?(?:那块|这块|这一块|方面)[，,]+$")


def _clause_by_clause(sentence: str, report: Report) -> list[str]:
    """A sentence that tells a shortcoming whole in a report's words, each clause rewritten as a clause (a rewrite
    anchored at a clause's start fits the second clause too: “……比较单一，图解视频这些弄得少”); a list of them
    (“一是……，二是……”) is one shortcoming an item."""
    item = _re(sentence_data().shortfalls.item)
    told: list[list[str]] = [[]]
    joined: list[str] = []  # (a topic said first, “互动交流那块，”, goes with the clause it introduces)
    for clause in _CLAUSE.findall(sentence):
        if joined and _TOPIC_ONLY.match(joined[-1]):
            joined[-1] += clause
        else:
            joined.append(clause)
    for clause in joined:
        if item.match(clause.strip()) and told[-1]:
            told.append([])
        if (words := shortfall_words(clause, report)) and not (told[-1] and _restates(words, told[-1][-1])):
            told[-1].append(words)
    return ["，".join(t) for t in told if t]


def _restates(words: str, before: str) -> bool:
    """Whether a clause only says again the judgement the clause before it ends with (“……老是拖，不及时”)."""
    def plain(text: str) -> str:
        return re.sub(r"不够|不太", "不", text.strip("，,。；; "))
    return len(plain(words)) <= 6 and plain(before).endswith(plain(words))


def figure_correction(text: str) -> tuple[str, str, str, str] | None:
    """(what it names, old figure, new figure, unit) of a correction of one figure, None when `text` is not one.  The
    old figure is "" when only the new one is said (“刚才说错了，主动公开应该是105条”)."""
    d = sentence_data()
    said = spoken_counts_in_digits(text.strip()).rstrip("。！!；; ")  # (“七十二条”: 72条)
    for rest in (_re(d.correction_lead).sub("", said), said):  # (the words saying it was wrong may be the pattern's)
        for correction in _corrections():
            if m := _re(correction).fullmatch(rest):
                return _correction_parts(m)
    return None


def _corrections() -> tuple[str, ...]:
    """The patterns of a correction: prompts/sentences.yaml's, then prompts/placement.yaml's."""
    return sentence_data().corrections + placement().corrections


def _correction_parts(m: re.Match[str]) -> tuple[str, str, str, str]:
    parts = m.groupdict()
    return parts["what"] or "", parts.get("old") or "", parts["new"], parts["unit"] or ""


@dataclass(frozen=True)
class Correction:
    """A figure said in an earlier answer put right inside a later one."""

    what: str
    old: str  # "" when only the new figure is said
    new: str
    unit: str


def _correction_from(rest: str) -> re.Match[str] | None:
    """A correction of one figure starting `rest` and ending at a clause's end, None when it does not start with one."""
    for correction in _corrections():
        if m := _re(correction + r"(?=[，,、。！？；;!?]|$)").match(rest):
            return m
    return None


def corrections_in(text: str) -> tuple[str, list[Correction]]:
    """The corrections of figures said before that an answer holds among its other sentences (“……；对了，前面说的主动公开
    95条不对，应该是105条。另外……”), and the answer without them (nor the clauses saying why the figure changed).  A
    figure said wrong and put right within the answer itself (“挂了86条——不对，89条”) is no such correction: the
    answer's own words are read as corrected (`normalized`).  `text` unchanged when it holds none."""
    d = sentence_data()
    said = spoken_counts_in_digits(text.strip())
    kept: list[str] = []
    found: list[Correction] = []
    for sentence in re.findall(r"[^。！？；;!?]+[。！？；;!?]?", said):
        clauses = re.findall(r"[^，,]+[，,]?", sentence)
        for i in range(len(clauses)):
            rest = "".join(clauses[i:])
            start = m.end() if (m := _re(d.correction_clause_lead).match(rest)) else 0
            if not (c := _correction_from(rest[start:])):
                start += m.end() if (m := _re(d.correction_lead).match(rest[start:])) else 0
                if not (c := _correction_from(rest[start:])):
                    continue
            what, old, new, unit = _correction_parts(c)
            if old and re.search(rf"(?<![\d.]){re.escape(old)}(?![\d.])", "".join(kept) + "".join(clauses[:i])):
                break  # said wrong and put right in this very answer
            found.append(Correction(what, old, new, unit))
            tail = rest[start + c.end():]
            end = tail[-1] if re.search(r"[。！？；;!?]$", tail) else ""
            after = re.findall(r"[^，,]+[，,]?", tail.strip("，,。！？；;!? "))
            while after and _re(d.correction_reason).match(after[0].strip()):
                after.pop(0)
            before = "".join(clauses[:i]).rstrip("，, ")
            sentence = before + ("，" if before and after else "") + "".join(after).rstrip("，, ")
            sentence += (end or "。") if sentence else ""
            break
        kept.append(sentence)
    if not found:
        return text, []
    return "".join(kept).strip("，,；; "), found


def plainly_later(text: str, table: str) -> bool:
    """Whether an answer given while `table`'s question is open is plainly one to another question (a later table's
    or a narrative one): none of this table's words, some of another's."""
    d = sentence_data()
    own = d.table_words.get(table)
    if not own or _re(own).search(text):
        return False
    others = [w for t, w in d.table_words.items() if t != table] + [d.narrative_words]
    return any(_re(w).search(text) for w in others)


def own_measure(shortfall: str) -> tuple[str, str]:
    """A shortcoming as told and the measure the clerk told with it (“……更新不够及时，2022年要求每月至少更新一次”
    → the shortcoming, “要求每月至少更新一次”); "" when none was told."""
    lead = _re(sentence_data().shortfalls.own_measure)
    clauses = _CLAUSE.findall(shortfall)
    for i, clause in enumerate(clauses[1:], 1):
        if (m := lead.match(clause.strip())) and m.end():
            measure = lead.sub("", "".join(clauses[i:]).strip("，,。；; "))
            if measure:
                return "".join(clauses[:i]).strip("，,。；; "), measure
    return shortfall, ""


def measure_for(problem: str, otherwise: bool = True) -> str:
    """A concrete improvement for a shortcoming: the first measure that fits it, else (`otherwise`) the general one."""
    d = sentence_data().shortfalls
    found = next((m.measure for m in d.measures if _re(m.when).search(problem)), "")
    return found or (d.otherwise if otherwise else "")


def _facts(sentence: str, report: Report) -> tuple[str, list[Fact]]:
    facts = []
    me = self_name(report)
    for p in sentence_data().facts:
        def write(m: re.Match[str], p: FactPattern = p) -> str:
            parts = {k: v or "" for k, v in m.groupdict().items()}
            facts.append(Fact(p.id, parts, m.group(0)))
            return p.write.format(self=me, **parts)
        sentence = _re(p.say).sub(write, sentence)
    return sentence, facts


def compose_answer(text: str, report: Report, shortfalls: bool = True, subject: bool = True,
                   plans: bool = False) -> Composed:
    """The clerk's answer as a report's sentences; see the module's docstring.  With `plans` (a part of 一), what
    the clerk says will be done is taken out too: the measure of the shortcoming told just before it, else a plan
    of its own (`Composed.plans`) — both for 五."""
    d = sentence_data()
    out = Composed("")
    written: list[str] = []
    told: list[str] = []
    said = normalized(text)
    for m in _SENTENCE.finditer(numbered_items(said) if plans else said):
        sentence = without_remarks_to_writer(m.group(0).strip())
        if not sentence:
            continue
        if shortfalls and (opens := _opens_shortfall(sentence)):
            # (“……公开栏贴了40多期。就是更新有时候慢”: what is done badly is done to the thing just spoken of)
            told = [_with_its_thing(t, written[-1:]) for t in _clause_by_clause(_re(opens).sub("", sentence), report)]
            out.shortfalls += told
            continue
        for opener in d.openers:
            sentence = _re(opener).sub("", sentence)
        told_before, told = told, []
        if shortfalls:
            sentence, told = _take_shortfalls(sentence, report)
            out.shortfalls += told
        if shortfalls and (split := _plan_split(sentence, report))[1] and (plans or out.shortfalls and (told or told_before)):
            sentence, plan = split
            if out.shortfalls and (told or told_before):
                out.shortfalls[-1] += "，" + plan  # (“……不太爱看。明年想多弄点短视频”: its measure)
                told = told or told_before
            else:
                out.plans.append(_as_measure(plan, report))
        as_said, sentence = sentence, in_report_words(sentence)
        if not sentence.strip("。；;！？ "):
            continue
        turned, facts = _facts(sentence, report)
        turned = to_register(turned, report, subject=subject and not written)
        if is_spoken(turned):
            own = _as_typed(dated_and_named(as_said, report))
            out.spoken.append(own)
            written.append(own)
        else:
            out.facts.extend(facts)
            written.append(turned)
    out.text = _items_joined(_once(written)) if plans else _once(written)
    if shortfalls:
        out.shortfalls = [_with_plan_as_measure(s, report) for s in out.shortfalls]
    return out


_ORDINALS = "一二三四五六七八九"


def _item_number(m: re.Match[str]) -> int:
    said = m.group("c") or m.group("n")
    return int(said) if said.isdigit() else _ORDINALS.index(said) + 1


def numbered_items(text: str) -> str:
    """A list the clerk counts out (“主要两块。1是……；2是……”) as a report numbers it: each item opened “一是”“二是”…,
    an item that only names where things are published given its verb (“二是依托村务公开栏，……”), the sentence that
    only counts the items gone (prompts/sentences.yaml `numbered`).  Only a run numbered 1, 2, … is a list; each item
    stays a sentence of its own until `_items_joined`."""
    d = sentence_data().numbered
    marks = list(_re(d.mark).finditer(text))
    run: list[re.Match[str]] = []
    for m in marks:
        if _item_number(m) == len(run) + 1:
            run.append(m)
        elif run and len(run) < 2:
            run = [m] if _item_number(m) == 1 else []
    if len(run) < 2:
        return text
    out, at = [], 0
    for k, m in enumerate(run):
        before = text[at:m.start()]
        if k == 0:
            before = _re(d.lead + "$").sub("", before)
        elif not re.search(r"[。；;]\s*$", before):
            before = before.rstrip("，,：: ") + "；"
        item_end = run[k + 1].start() if k + 1 < len(run) else len(text)
        first = re.split(r"[，,。；;]", text[m.end():item_end], maxsplit=1)[0]
        verb = d.channel_verb if _re(d.channel).search(first) else ""
        out.append(before + _ORDINALS[k] + "是" + verb)
        at = m.end()
    return "".join(out) + text[at:]


def _items_joined(text: str) -> str:
    """The items of a numbered list, composed as sentences of their own, joined as one (“一是……；二是……。”)."""
    for k in range(1, len(_ORDINALS)):
        if f"{_ORDINALS[k - 1]}是" not in text:
            break
        text = re.sub(rf"[。；](?={_ORDINALS[k]}是)", "；", text)
    return text


def _plan_split(sentence: str, report: Report) -> tuple[str, str]:
    """A sentence parted where a plan begins (“……清理过期栏目11个，明年准备把……”): what was done, and the plan
    (each clause from the first that opens one); (`sentence`, "") when it tells none."""
    clauses = _CLAUSE.findall(sentence)
    i = next((i for i, c in enumerate(clauses) if plan_at(c, report.year)), None)
    if i is None:
        return sentence, ""
    done = "".join(clauses[:i]).rstrip("，, ")
    end = m.group(0) if (m := re.search(r"[。！？；]$", sentence.strip())) else "。"
    return (done + end if done else ""), "".join(clauses[i:]).strip("，,。；; ")


def _as_measure(plan: str, report: Report) -> str:
    return shortfall_words(as_measure(plan), report).strip("，,。；; ")


def _with_plan_as_measure(shortfall: str, report: Report) -> str:
    """A shortcoming with the plan told with it (“……群众阅读意愿不强，2026年我市想多弄点短视频和图解”) as the
    shortcoming and its measure (“……，下一步将增加短视频和图解”), as 五 reads a measure told with it."""
    clauses = _CLAUSE.findall(shortfall)
    i = next((i for i, c in enumerate(clauses) if i and plan_at(c, report.year)), None)
    if i is None:
        return shortfall
    measure = _as_measure("".join(clauses[i:]), report)
    problem = "".join(clauses[:i]).strip("，, ")
    return f"{problem}，下一步将{measure}" if measure else problem


def followup_lead(text: str, of_last_year: Callable[[str], bool] | None = None) -> tuple[str, str]:
    """五's answer parted into the follow-up of last year's problems it opens with (each item a problem of last year
    and what was done: no shortcoming of this year) and the rest, "" and the answer when it opens otherwise.  Given
    `of_last_year` (whether a sentence speaks of one of last year's problems), a later sentence that tells a
    shortcoming not of last year's starts the rest (“……；县区栏目更新慢的问题，明年按月通报”)."""
    d = sentence_data().shortfalls
    if not _re(d.last_years).match(text.strip()):
        return "", text
    sentences = [part for m in _SENTENCE.finditer(text.strip()) for part in _at_shortfall_opened(m.group(0))]
    for i, sentence in enumerate(sentences[1:], 1):
        s = sentence.strip()
        opened = _opens_shortfall(s)  # (“还有就是……”: an opener that opens a shortcoming too)
        for opener in sentence_data().openers:
            s = _re(opener).sub("", s)
        if opened or _opens_shortfall(s) or _re(d.this_year).match(s) or of_last_year is not None \
                and any(is_shortfall(c) for c in _CLAUSE.findall(s)) and not of_last_year(s):
            return "".join(sentences[:i]), "".join(sentences[i:])
    return text, ""


def _at_shortfall_opened(sentence: str) -> list[str]:
    """A sentence of the follow-up parted where a clause opens a shortcoming (“……算是补上了，然后还有一个问题就是……”):
    what comes from there on is this year's (also where a run-on goes on to them, “……开了公众号还有今年的问题就是……”)."""
    within = sentence_data().shortfalls.this_year_within
    if within and (m := _re(within).search(sentence)) and m.start() > 0:
        return [sentence[:m.start()].rstrip("，, ") + "。", sentence[m.end():]]
    clauses = _CLAUSE.findall(sentence)
    for i, clause in enumerate(clauses[1:], 1):
        c = clause.strip()
        for opener in sentence_data().openers:
            c = _re(opener).sub("", c)
        if _re(sentence_data().shortfalls.opens).match(c) and _opens_shortfall("".join([c, *clauses[i + 1:]])):
            return ["".join(clauses[:i]).rstrip("，, ") + "。", "".join([c, *clauses[i + 1:]])]
    return [sentence]


def _take_shortfalls(sentence: str, report: Report) -> tuple[str, list[str]]:
    """The sentence without its clauses that tell a shortcoming, and those shortcomings in a report's words."""
    kept: list[str] = []
    told: list[str] = []
    after_one = False
    clauses = _CLAUSE.findall(sentence)
    remedy = _re(sentence_data().shortfalls.remedied)
    measure = _re(sentence_data().shortfalls.own_measure)
    amended = _re(sentence_data().shortfalls.amended)
    explains = _re(sentence_data().shortfalls.explains)
    item = _re(sentence_data().shortfalls.item)
    in_measure = False
    clauses = [part for clause in clauses for part in _run_on_parts(clause)]
    for i, clause in enumerate(clauses):
        if told and (after_one or in_measure) and ((m := measure.match(clause.strip())) and m.end()
                                                   or in_measure and not is_shortfall(clause)):
            # the clerk's own measure for it (see own_measure), and what the measure goes on to say
            told[-1] += "，" + shortfall_words(clause, report)
            in_measure = True
            continue
        in_measure = False
        if told and after_one and amended.match(clause.strip()):
            # “……写得不全，后来补发了更正”: what was done about the one case stays with the shortcoming
            told[-1] += "，" + re.sub(r"^(?:后来|随后|事后|当即|马上|及时)(?:也|都)?(?:已)?", "已",
                                     shortfall_words(clause, report))
            continue
        if not is_shortfall(clause) or any(remedy.match(c.strip()) for c in clauses[i + 1:i + 2]) \
                or kept and not after_one and explains.match(clause.strip()):
            kept.append(clause)
            after_one = False
            continue
        if told and not item.match(clause.strip()) and (_CONTINUES.match(clause) or after_one and not _THING.search(clause)):
            # “有几份合同挂网晚，没在…内公开”, “大部分还是文字的，形式单一” (no thing of its own): one shortcoming
            words = shortfall_words(clause, report)
            if words in told[-1]:  # “人手不够，顾不过来”: the same shortcoming said twice is told once
                words = ""
            told[-1] += "，" * bool(words) + words  # “这个得改” adds nothing
        elif words := shortfall_words(clause, report):
            told.append(_with_its_thing(words, kept))
        else:  # (“效果一般”: a judgement with no thing said, nothing to put in 五)
            continue
        after_one = True
    return "".join(kept).strip("，, "), told


def _run_on_parts(clause: str) -> list[str]:
    """A clause typed as a run-on (its parts chained by “然后”, “还有就是” …) that tells a shortcoming, as its parts
    (each a clause of its own, the chaining words gone): what was done stays in its part of 一, the shortcoming alone
    goes to 五.  Any other clause is kept whole."""
    run_on = sentence_data().shortfalls.run_on
    if not run_on or not is_shortfall(clause) or not _re(run_on).search(clause):
        return [clause]
    end = m.group(0) if (m := re.search(r"[，,]+$", clause)) else ""
    parts = [p.strip() for p in _re(run_on).split(clause.rstrip("，, ")) if p.strip("，, ")]
    return [p + "，" for p in parts[:-1]] + [parts[-1] + end] if parts else [clause]


_THING = re.compile(r"政务新媒体|新媒体|微信公众号|公众号|门户网站|网站|公开栏|公告栏|视频号|微博|专栏|栏目|政策解读|解读")
_DONE_TO = re.compile(r"^(?:更新|发布|公开|维护|推送|回复|答复|大部分|形式|偏少|较少|不多|数量)")


def things_named(text: str) -> set[str]:
    """The things of the work a sentence speaks of (网站, 公开栏, 政策解读 …), each by one name."""
    return {{"公众号": "微信公众号", "解读": "政策解读"}.get(t, t) for t in _THING.findall(text)}


def future_intents(text: str, year: int | None = None) -> tuple[str, list[str]]:
    """`text` without its sentences that tell only what will be done (“下一步继续……”; given the report's `year`, one
    opening with a later year, “2026年主要将……”), and those sentences: an intent is no rectification of last year's
    problems."""
    lead = _re(sentence_data().shortfalls.intent)
    item = _re(sentence_data().shortfalls.item)
    kept: list[str] = []
    intents: list[str] = []
    last_was_intent = False
    for m in _SENTENCE.finditer(text):
        s = m.group(0)
        later = re.match(r"([0-9]{4})年", s.strip())
        # (“2025年打算：一是……。二是……。”: the plan's further items are the plan's too)
        last_was_intent = bool((found := lead.match(s.strip())) and found.end()
                               or year is not None and later is not None and int(later[1]) > year
                               or last_was_intent and item.match(s.strip()))
        (intents if last_was_intent else kept).append(s)
    return "".join(kept), intents


def _with_its_thing(shortfall: str, before: list[str]) -> str:
    """“公众号也开起来了，就是更新有点慢”: a shortcoming that says only what is done badly gets the thing the
    clauses before it spoke of (“微信公众号更新不够及时”)."""
    if not _DONE_TO.match(shortfall):
        return shortfall
    things = [m.group(0) for c in before for m in _THING.finditer(c)]
    if not things:
        return shortfall
    thing = things[-1]
    thing = {"公众号": "微信公众号", "解读": "政策解读"}.get(thing, thing)
    return thing + ("数量" if re.match(r"偏少|较少|不多", shortfall) else "") + shortfall


def _as_typed(sentence: str) -> str:
    sentence = sentence.strip().rstrip("，,；;")
    return sentence if re.search(r"[。！？]$", sentence) else sentence + "。"


_FIGURE = re.compile(r"\d+(?:\.\d+)?[多余]?(?:条|件|个|次|期|篇|场|人次|家|项|块|处|万元|元|名|人)")


def _once(sentences: list[str]) -> str:
    """The sentences joined, a clause whose figures an earlier sentence already states (the same figure said twice)
    left out."""
    seen: set[str] = set()
    out: list[str] = []
    for s in sentences:
        clauses = _CLAUSE.findall(s)
        kept: list[str] = []
        for clause in clauses:
            figures = set(_FIGURE.findall(clause))
            if figures and figures <= seen and _said_before(clause, "".join(out + kept)):
                continue  # the same figure of the same thing, said again
            seen |= figures
            kept.append(clause)
        text = "".join(kept).rstrip("，,")
        if text and not re.search(r"[。！？；]$", text):
            text += "。"
        if text.strip("。"):
            out.append(text)
    return "".join(_shares_joined(out)).replace("；。", "。")


# “不予公开5件，占6.17%。”: a result and its share, one of a list the clerk read out item by item
_SHARE = re.compile(r"^[^。；！？]{2,30}?[0-9]+件，占[0-9]+(?:\.[0-9]+)?%。$")


def _shares_joined(sentences: list[str]) -> list[str]:
    """A run of results each with its share, said as sentences of their own, as one sentence parted by “；”."""
    out = list(sentences)
    for i in range(len(out) - 1):
        if _SHARE.match(out[i]) and _SHARE.match(out[i + 1]):
            out[i] = out[i][:-1] + "；"
    return out


def _said_before(clause: str, earlier: str) -> bool:
    words = re.sub(r"其中|共|全年|累计|一共|总共|[^\u4e00-\u9fff]", "", clause)
    grams = {words[i:i + 2] for i in range(len(words) - 1)}
    return not grams or sum(g in earlier for g in grams) >= 0.6 * len(grams)


# ---------------------------------------------------------------- reference sentences from other reports
def office_word(report: Report, last_year: Report | None) -> str:
    """What the unit calls its internal offices: last year's report's word, else its level's."""
    d = sentence_data()
    if last_year is not None:
        text = "".join(p for ps in last_year.sections.values() for p in ps)
        found: list[str] = re.findall(d.office_words, text)
        if found:
            return max(set(found), key=found.count)
    return d.offices.get(report.level, "")


_SELF = re.compile(r"(?:我|本)(?:镇|乡|街道|局|委|办|区|县|市|中心|院)|本机关|本单位")


def adapted(reference: str, report: Report, last_year: Report | None) -> tuple[str, list[str]]:
    """A published sentence in this unit's words (its self-name, its offices' name) and the other level's words it
    still holds (to flag on screen)."""
    d = sentence_data()
    text = _SELF.sub(self_name(report), reference)
    if own := office_word(report, last_year):
        text = re.sub(d.office_words, own, text)
    other = d.level_words.get(report.level)
    return text, sorted(set(re.findall(other, text))) if other else []
