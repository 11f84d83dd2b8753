"""Figures written in words that plain numeral reading misses: “逾百条” (more than 100, not 100), “百余条”,
“七八条” (seven or eight), “廿条”, “翻了一番”, “成倍增长”, “双倍”.

The words are data (prompts/figure_words.yaml); `word_figures` finds each such figure in a text and names it by
a token that is equal only for the same figure (“超过100”, “100余”, “7至8”, “2倍”), so that a text can be compared
with another by the figures they state.  The polish uses it to refuse a rewording that states a figure the clerk
never wrote; the reader's numeral normalizer may take over the same data later (one list, not two).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist.core.numbers import parse_number
from gkassist.core.yamldata import load_model

_CN = "零〇一二两三四五六七八九十百千万亿"
_RANGE_DIGITS = "一二两三四五六七八九"


class FigureWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    numerals: dict[str, str]
    before: dict[str, str]
    after: dict[str, str]
    multiples: dict[str, str]

    @field_validator("numerals")
    @classmethod
    def _one_character(cls, numerals: dict[str, str]) -> dict[str, str]:
        for key, value in numerals.items():
            if len(key) != 1:
                raise ValueError(f"numerals 的“{key}”应为一个字")
            if parse_number(value) is None:
                raise ValueError(f"numerals 的“{key}”写成的“{value}”不是数字")
        return numerals

    @field_validator("before", "after", "multiples")
    @classmethod
    def _words(cls, words: dict[str, str]) -> dict[str, str]:
        for key in words:
            if not key.strip():
                raise ValueError("词不能为空")
        return words


@cache
def figure_words() -> FigureWords:
    from gkassist.paths import resource_dir

    loaded: FigureWords = load_model(resource_dir("prompts") / "figure_words.yaml", FigureWords)
    return loaded


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = figure_words()
    number = rf"(\d+(?:\.\d+)?|[{_CN}]{{1,8}})"
    marked = re.compile(rf"({_alternatives(words.before)})?{number}({_alternatives(words.after)})?")
    # two neighbouring numerals, the second the larger, alone: “七八条”, “两三件”, “七八十人” (before a unit or a marker)
    ranged = re.compile(rf"(?<![{_CN}])([{_RANGE_DIGITS}])([{_RANGE_DIGITS}])([十百千万])?(?=[件条个项次人名家份期批宗天年月日]|"
                        rf"{_alternatives(words.after)})")
    doubled = re.compile(rf"翻了?([{_CN}\d]{{1,3}})番")
    multiples = re.compile(_alternatives(words.multiples) or "(?!)")
    return marked, ranged, doubled, multiples


def normalise_numerals(text: str) -> str:
    """“廿条” → “二十条”: characters standing for a numeral written as it (prompts/figure_words.yaml)."""
    numerals = figure_words().numerals
    return "".join(numerals.get(ch, ch) for ch in text)


def word_figures(text: str) -> tuple[set[str], str]:
    """The figures in words of `text` as tokens, and the text with them blanked out (so that a reader of plain
    numbers does not read their parts again)."""
    words = figure_words()
    marked, ranged, doubled, multiples = _patterns()
    text = normalise_numerals(text)
    found: set[str] = set()

    def take(pattern: re.Pattern[str], token: Callable[[re.Match[str]], str | None]) -> None:
        nonlocal text
        kept = []
        for m in pattern.finditer(text):
            if (value := token(m)) is not None:
                found.add(value) if value else None
                kept.append(m.span())
        for start, end in reversed(kept):
            text = text[:start] + " " + text[end:]

    take(ranged, _range)
    take(doubled, lambda m: f"{2 ** n}倍" if (n := parse_number(m[1])) is not None and 0 < n < 10 else m[0])
    take(multiples, lambda m: words.multiples[m[0]])

    def approximate(m: re.Match[str]) -> str | None:
        if not m[1] and not m[3]:
            return None  # a plain number: not this reader's
        value = parse_number(m[2])
        if value is None:
            value = _bare_unit(m[2])
        if value is None:
            return None
        return f"{words.before.get(m[1] or '', '')}{value}{words.after.get(m[3] or '', '')}"

    take(marked, approximate)
    return found, text


def _range(m: re.Match[str]) -> str | None:
    """“七八” → “7至8”, “七八十” → “70至80”; “三三” or “八七” is no range."""
    low, high, unit = parse_number(m[1]), parse_number(m[2]), (_bare_unit(m[3]) or 1) if m[3] else 1
    return f"{low * unit}至{high * unit}" if low is not None and high is not None and low < high else None


def _bare_unit(text: str) -> int | None:
    """“百”, “千”, “万” alone (逾百, 百余): one of that unit."""
    return {"十": 10, "百": 100, "千": 1000, "万": 10_000}.get(text)
