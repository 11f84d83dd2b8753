"""Sentence-level repetition of a report's narrative against another report (usually last year's).

A sentence counts as repeated when, numbers aside, it is the same as a sentence of the other report or
shares at least 80 % of its character bigrams with one; the rate is the share of characters in
repeated sentences.  The standard formulas (legal basis, statistics period, contact) are left out:
every report must carry them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gkassist.core.model import Report

import re
from collections import defaultdict
from dataclasses import dataclass

WARNING_RATE = 0.30
ERROR_RATE = 0.50  # 宿迁's assessment deducts above 50 %
SIMILAR = 0.8

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")
_BOILERPLATE = re.compile(
    r"统计期限|统计时限|统计期间|统计时间|数据统计|如对本?报告|联系地址|联系电话|邮编|电子邮箱|电子版"
    r"|(?:根据|依据|按照)[^。]{0,30}政府信息公开条例[^。]{0,60}(?:编制|制定|发布|公布)"
    r"|本报告由|报告全文由|六个部分组成"
    # 六's standard sentences: every report without fees or other matters says them the same way
    r"|(?:没有|无|未有)其他需要报告的事项|未(?:收取|发生)(?:任何)?(?:信息处理费|费用|收费)|收取信息处理费0"
)
_STRIP = re.compile(r"[\s，。、；：！？,.;:!?“”\"'（）()《》【】—\-]")


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def normalise(sentence: str) -> str:
    return re.sub(r"\d+(?:\.\d+)?", "#", _STRIP.sub("", sentence))


def is_boilerplate(sentence: str) -> bool:
    return bool(_BOILERPLATE.search(sentence))


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} or {s}


@dataclass
class RepeatResult:
    overall: float
    per_section: dict[str, float]
    repeated: list[tuple[str, str]]  # (section id, sentence)


class SentenceIndex:
    """The other report's sentences, indexed by bigram for a fast near-duplicate lookup."""

    def __init__(self, sentences: list[str]):
        self.exact: set[str] = set()
        self.grams: list[set[str]] = []
        self.postings: dict[str, list[int]] = defaultdict(list)
        for s in sentences:
            n = normalise(s)
            if len(n) < 6 or is_boilerplate(s):
                continue
            self.exact.add(n)
            g = _bigrams(n)
            idx = len(self.grams)
            self.grams.append(g)
            for b in g:
                self.postings[b].append(idx)

    def contains(self, sentence: str) -> bool:
        n = normalise(sentence)
        if n in self.exact:
            return True
        g = _bigrams(n)
        counts: dict[int, int] = defaultdict(int)
        for b in g:
            for idx in self.postings.get(b, ()):
                counts[idx] += 1
        need = SIMILAR * len(g)
        return any(c >= need and c >= SIMILAR * len(self.grams[i]) * 0.5 for i, c in counts.items())


def narrative_by_section(report: Report) -> dict[str, str]:
    return {sid: "\n".join(report.paragraphs(sid)) for sid in report.format.narrative_sections}


def sentence_index(other: Report) -> SentenceIndex:
    """Every sentence of the other report's narrative and preface, indexed."""
    return SentenceIndex([s for text in narrative_by_section(other).values() for s in split_sentences(text)]
                         + [s for p in other.preface for s in split_sentences(p)])


def _measure(text: str, index: SentenceIndex) -> tuple[int, int, list[str]]:
    """(characters counted, characters in repeated sentences, the repeated sentences) of `text`."""
    total = repeated = 0
    hits = []
    for s in split_sentences(text):
        n = normalise(s)
        if len(n) < 6 or is_boilerplate(s):
            continue
        total += len(n)
        if index.contains(s):
            repeated += len(n)
            hits.append(s)
    return total, repeated, hits


def repeated_share(text: str, index: SentenceIndex) -> float:
    """The share of `text` in sentences the index holds — the measure REPEAT applies to a whole report."""
    total, repeated, _ = _measure(text, index)
    return repeated / total if total else 0.0


def compare(report: Report, other: Report) -> RepeatResult:
    index = sentence_index(other)
    total = repeated = 0
    per_section: dict[str, float] = {}
    hits: list[tuple[str, str]] = []
    for sid, text in narrative_by_section(report).items():
        sec_total, sec_rep, sec_hits = _measure(text, index)
        hits += [(sid, s) for s in sec_hits]
        if sec_total:
            per_section[sid] = sec_rep / sec_total
        total += sec_total
        repeated += sec_rep
    return RepeatResult(repeated / total if total else 0.0, per_section, hits)
