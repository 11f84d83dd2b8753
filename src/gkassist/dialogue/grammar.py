"""What a composed sentence must never be (prompts/grammar.yaml): a word cut by a rewrite, or a known broken shape.

A rewrite rule of prompts/ applies to whole words only: a match (“搞” → 开展) that would begin or end inside a word
(搞定, 整个, 制发, 网上) is left as it was, so that a word is never rewritten by its part (“搞定” never becomes
“开展定”).  The words are jieba's segmentation of the text as it stands when the rule applies, with the words the data
declares (`whole`: never cut; `may_cut`: what jieba joins that a rule may part, “多条” in “60多条”).

The output check: a composed sentence showing a broken shape (two register verbs stacked, a count with no verb, a
numbering word after a preposition…) is not printed as turned; the composer keeps the clerk's sentence instead,
marked as still spoken (dialogue.sentences)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist.core.yamldata import load_model, pattern, regex_checked
from gkassist.corpus.segmentation import jieba_module
from gkassist.paths import resource_dir

_HAN = re.compile(r"[\u4e00-\u9fff]")


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Shape(_Data):
    fault: str  # what is wrong, in a clerk's words
    shape: str

    _valid = field_validator("shape")(regex_checked)


class GrammarData(_Data):
    whole: tuple[str, ...]
    may_cut: str
    shapes: tuple[Shape, ...]

    _valid = field_validator("may_cut")(regex_checked)


@cache
def grammar_data() -> GrammarData:
    return load_model(resource_dir("prompts") / "grammar.yaml", GrammarData)


@lru_cache(maxsize=4096)
def inside_words(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """The offsets of `text` that fall inside a word (between two of its characters): inside one of jieba's words,
    inside one of the words the data declares whole."""
    d = grammar_data()
    may_cut = pattern(d.may_cut)
    jieba: set[int] = set()
    at = 0
    for word in jieba_module().lcut(text, HMM=False):  # (no word guessed: “我镇开” is none)
        if len(word) > 1 and _HAN.search(word) and not may_cut.fullmatch(word):
            jieba.update(range(at + 1, at + len(word)))
        at += len(word)
    whole: set[int] = set()
    for word in d.whole:
        for m in re.finditer(re.escape(word), text):
            whole.update(range(m.start() + 1, m.end()))
    return frozenset(jieba), frozenset(whole)


def cuts_a_word(m: re.Match[str], group: int | str = 0) -> bool:
    """Whether the match (or its `group`) begins or ends inside a word of the text it was found in.  jieba's words
    bind a short match (a verb of one or two characters: 搞, 发了, 整), the words it is least sure of being words
    a longer phrase runs into (“群众反映”+“挺好”, “问道”); a word the data declares whole binds every match."""
    start, end = m.span(group)
    if start == end or start < 0:
        return False
    jieba, whole = inside_words(m.string)
    return start in whole or end in whole or end - start <= 2 and (start in jieba or end in jieba)


def sub_whole(rule: re.Pattern[str], write: str | Callable[[re.Match[str]], str], text: str) -> str:
    """`rule.sub(write, text)`, each match that would cut a word kept as it was."""
    def one(m: re.Match[str]) -> str:
        if cuts_a_word(m):
            return m.group(0)
        return write(m) if callable(write) else m.expand(write)
    return rule.sub(one, text)


def broken_shape(sentence: str) -> str:
    """The fault of the first broken shape a composed sentence shows, "" when it shows none."""
    return next((s.fault for s in grammar_data().shapes if pattern(s.shape).search(sentence)), "")
