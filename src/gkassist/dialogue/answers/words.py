"""The words clerks use for what the tables count (prompts/answers.yaml), read once, checked and compiled."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist.core import formats
from gkassist.core.yamldata import load_model, pattern, regexes_checked
from gkassist.paths import resource_dir

Words = tuple[str, ...]
_Named = TypeVar("_Named", bound=Mapping[str, object])  # ids (of columns, rows, groups) → what they are called


def _known(ids: _Named, table: str, what: str) -> _Named:
    known = {x for f in formats.all_formats() for _, r, c in f.tables[table].cells(with_optional=True)
             for x in ((r.id,) if what == "行" else (c.id,))}
    known |= {g for f in formats.all_formats() for r in f.tables[table].rows for g in r.groups} if what == "组" else set()
    for x in ids:
        if x not in known:
            raise ValueError(f"没有“{x}”这一{what}（{formats.latest().tables[table].name}）")
    return ids


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    words: Words
    ask: str
    # groups whose reason, said just before this group's words for the same case, is the row meant: the clerk's
    # everyday word for not handling it (“反复来要同一个东西，没再处理”: 不予处理's reason, not 其他处理's)
    after: Words = ()

    _patterns = field_validator("words")(regexes_checked)


class ProactiveSaid(BaseModel):
    """表二: what a clerk says of a row instead of its figure (prompts/answers.yaml `proactive_said`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    not_ours: Words
    same_as_last: Words
    about_last: Words
    more_than_last: Words
    no_fee: Words = ()  # “一分钱没收”, “没收过费”: no fee taken at all (0)
    last_year_figure: Words = ()
    reasoned_from_last: Words = ()

    _patterns = field_validator("not_ours", "same_as_last", "about_last", "more_than_last", "no_fee", "last_year_figure",
                                "reasoned_from_last")(regexes_checked)


# The markers a clause's frame is made of besides its kinds, results and counts (prompts/answers.yaml `markers`)
MARKERS = ("applies", "finished_after_all", "retracted", "negated_kind", "organisations", "move", "same_result", "topic", "done", "also", "zero_after",
           "none_before", "one_applicant", "half", "refers", "adds", "not_but", "and", "plain_suit", "review_applied", "follow_up",
           "to_check", "other_table", "case_intro", "asked_for", "refused", "remainder", "intends", "of_requests", "frequency",
           "respectively", "case_pronoun", "same_applicant", "results_total", "applications_said", "with_carried", "other_listed", "organisations_together", "supplement_asked", "fee_asked",
           "rest", "rest_none", "content", "case_applicant", "exact", "row_none", "row_absent", "would_if", "things",
           "copy_made", "outcome_none", "reckoning", "nothing_said", "unchanged", "appealed", "taken_from", "other_kind_listed", "named_person", "in_name_of", "t3_named", "run_on",
           "block_put_into")  # 表四: “应该算复议”, “其实是复议后起诉的”: the block the cases said before are put into


class AnswerWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kinds: dict[str, Words]
    kind_names: dict[str, str]
    not_kinds: Words = ()
    vague_kinds: Words
    results: dict[str, Words]
    groups: dict[str, Group]
    not_results: Words
    carried_in: Words
    carry_next: Words
    no_carry: Words
    no_requests: Words
    vague_counts: Words
    approximate: Words
    all: Words
    corrections: Words
    answer_leads: Words
    markers: dict[str, Words]
    appeal_blocks: dict[str, Words]
    outcomes: dict[str, Words]
    no_appeals: Words
    proactive_rows: dict[str, Words]
    proactive_columns: dict[str, Words]
    proactive_said: ProactiveSaid

    @field_validator("vague_kinds", "not_results", "carried_in", "carry_next", "no_carry", "no_requests", "vague_counts", "approximate", "all",
                     "corrections", "no_appeals", "answer_leads")
    @classmethod
    def _patterns(cls, words: Words) -> Words:
        return regexes_checked(words)

    @field_validator("markers")
    @classmethod
    def _markers(cls, markers: dict[str, Words]) -> dict[str, Words]:
        for name in markers:
            if name not in MARKERS:
                raise ValueError(f"没有“{name}”这一标记（可用：{'、'.join(MARKERS)}）")
        for name in MARKERS:
            if name not in markers:
                raise ValueError(f"缺少标记“{name}”")
        for found in markers.values():
            regexes_checked(found)
        return markers

    @field_validator("kinds", "kind_names")
    @classmethod
    def _kinds(cls, kinds: _Named) -> _Named:
        _known(kinds, "t3", "列")
        return kinds

    @field_validator("results")
    @classmethod
    def _results(cls, results: dict[str, Words]) -> dict[str, Words]:
        _known(results, "t3", "行")
        for words in results.values():
            regexes_checked(words)
        return results

    @field_validator("groups")
    @classmethod
    def _groups(cls, groups: dict[str, Group]) -> dict[str, Group]:
        for g in groups.values():
            _known(dict.fromkeys(g.after), "t3", "组")
        return _known(groups, "t3", "组")

    @field_validator("proactive_rows")
    @classmethod
    def _t2_rows(cls, rows: dict[str, Words]) -> dict[str, Words]:
        return _known(rows, "t2", "行")

    @field_validator("proactive_columns")
    @classmethod
    def _t2_columns(cls, columns: dict[str, Words]) -> dict[str, Words]:
        return _known(columns, "t2", "列")

    @field_validator("appeal_blocks", "outcomes")
    @classmethod
    def _t4(cls, names: dict[str, Words]) -> dict[str, Words]:
        for words in names.values():
            regexes_checked(words)
        return names


def either(words: Words) -> re.Pattern[str]:
    return pattern("|".join(words))


class Compiled:
    """The word lists as the reader uses them: compiled patterns, most specific first."""

    def __init__(self, w: AnswerWords) -> None:
        self.kinds = tuple((word, kind) for kind, words in w.kinds.items() for word in words)
        # “学校1件（算社会公益组织）”: an applicant classed in brackets right after its count, by a kind's own word
        # (compiled with the lists, not on every answer)
        said_kind = "|".join(sorted((re.escape(word) for word, _ in self.kinds), key=len, reverse=True))
        # every kind's word as one alternation, longest first (a reading of each answer asks for it several times)
        self.kind_words = said_kind
        self.classed_in_brackets = pattern(
            r"(?:(?<=[：:、，,；;。\s])|^)[\u4e00-\u9fff]{1,8}?(\s*[0-9零一二两三四五六七八九十百]+\s*(?:件|个)?)\s*[（(]\s*"
            r"(?:算|按|归|属于?|记作?|当作?|作为)\s*(" + said_kind + r")(?:算|类|处理)?\s*[）)]")
        # “个人2800件、企业40件、其他5件”: the column's own label 其他 said in a list of kinds with their counts (the
        # kind 其他组织, not the result 3.其他)
        self.other_in_kinds_list = pattern(
            r"((?:" + said_kind + r")(?:的|申请的?)?\s*[0-9零一二两三四五六七八九十百千万]+\s*(?:件|个)?\s*[、，,]\s*(?:还有|另有)?)"
            r"其他(?!组织|类|处理|原因|情况|结果)(?=(?:的|申请的?)?\s*[0-9零一二两三四五六七八九十百千万]+\s*(?:件|个)?(?:$|[、，,；;。）)]))")
        self.kind_names = w.kind_names
        self.not_kinds = w.not_kinds
        self.vague_kinds = either(w.vague_kinds)
        self.results = tuple((either(words), row) for row, words in w.results.items())
        self.groups = tuple((either(g.words), f"{gid}_", g.ask) for gid, g in w.groups.items())
        self.group_after = {f"{gid}_": tuple(f"{a}_" for a in g.after) for gid, g in w.groups.items()}
        self.not_results = either(w.not_results)
        self.carried_in = either(w.carried_in)
        self.carry_next = either(w.carry_next)
        self.no_carry = either(w.no_carry)
        self.no_requests = either(w.no_requests)
        self.vague_counts = either(w.vague_counts)
        self.approximate = either(w.approximate)
        self.all = either(w.all)
        self.corrections = either(w.corrections)
        self.answer_leads = "|".join(w.answer_leads)
        self.markers = {name: "|".join(found) for name, found in w.markers.items()}
        self.compiled_markers: dict[tuple[str, str], re.Pattern[str]] = {}
        self.appeal_blocks = tuple((either(words), block) for block, words in w.appeal_blocks.items())
        self.outcomes = tuple((either(words), outcome) for outcome, words in w.outcomes.items())
        self.no_appeals = either(w.no_appeals)
        self.t2_rows = tuple((either(words), row) for row, words in w.proactive_rows.items())
        self.t2_columns = tuple((either(words), col) for col, words in w.proactive_columns.items())
        self.t2_not_ours = either(w.proactive_said.not_ours)
        self.t2_no_fee = either(w.proactive_said.no_fee) if w.proactive_said.no_fee else re.compile(r"(?!)")
        self.t2_same_as_last = either(w.proactive_said.same_as_last)
        self.t2_about_last = either(w.proactive_said.about_last)
        # “去年现行有效28件”: the words naming last year, a row maybe, 现行有效 and the figure (a clause of its own)
        last_year = "|".join(w.proactive_said.last_year_figure or ("去年",))  # the words naming last year, both below
        self.t2_last_in_force = pattern(
            "(?:" + last_year + r")(?:的)?(?P<before>[^，,。；;0-9０-９]{0,8}?)"
            r"现行有效(?:的)?(?P<after>[^，,。；;0-9０-９]{0,6}?)(?:是|为|有|共|还有)?\s*(?P<n>[0-9０-９]+|[零〇一二两三四五六七八九十百]+)\s*[件个部份]?")
        # “去年是5件嘛，所以现行有效剩4件”: last year's figure with no column, the reckoning toward this year's after it
        self.t2_last_reasoned = pattern(
            "(?<![比较])(?:" + last_year + r")(?:的)?(?P<before>[^，,。；;0-9０-９]{0,8}?)"
            r"(?:是|为|有|共|一共|还有)?\s*(?P<n>[0-9０-９]+|[零〇一二两三四五六七八九十百]+)\s*[件个部份](?:嘛|吧|呢|啊|哈)?"
            r"(?=[^。]{0,30}?(?:" + "|".join(w.proactive_said.reasoned_from_last or ("(?!)",)) + "))")
        self.t2_more_than_last = tuple(pattern(word) for word in w.proactive_said.more_than_last)
        self.t2_negated = re.compile(r"(?:没有|没|未|无|不曾)(?:任何)?(?:新)?(" + "|".join(
            w.proactive_columns["issued"] + w.proactive_columns["repealed"] + ("收费", "收取", "发", "废")) + ")")


@cache
def answer_words() -> AnswerWords:
    return load_model(resource_dir("prompts") / "answers.yaml", AnswerWords)


@cache
def words() -> Compiled:
    return Compiled(answer_words())


class Marker:
    """A marker of prompts/answers.yaml as a pattern, compiled when first used (and again when the lists are read
    again): `template` puts its alternatives where WORDS stands (“^(?:WORDS)$”)."""

    def __init__(self, name: str, template: str = "WORDS") -> None:
        self.name, self.template = name, template

    @property
    def compiled(self) -> re.Pattern[str]:
        w = words()
        key = (self.name, self.template)
        if key not in w.compiled_markers:
            w.compiled_markers[key] = pattern(self.template.replace("WORDS", "(?:" + w.markers[self.name] + ")"))
        return w.compiled_markers[key]

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.compiled.search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.compiled.match(text, *args)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count)
