"""When a model's rewording may replace the clerk's paragraph: the acceptance policy of the optional polish.

The model (gkassist.llm) only rewrites.  It is never the source of a number: a polished paragraph is offered
only if every number in it was already in the clerk's paragraph, and only if the report's checks (numbers
against the tables, placeholders, repetition of last year) find nothing new in it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist import llm
from gkassist.checks import paragraph_findings
from gkassist.core import repetition
from gkassist.core.controls import has_control, visible
from gkassist.core.model import Report
from gkassist.core.numbers import parse_number
from gkassist.core.wordfigures import word_figures
from gkassist.core.yamldata import load_model
from gkassist.paths import resource_dir

MAX_REPLY_CHARS = 4000
_CN = "零〇一二两三四五六七八九十百千万亿"
_CN_NUMBER = f"[{_CN}]{{1,8}}"
_FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")  # 大写数字
_AMOUNT = rf"(?:\d+(?:\.\d+)?|{_CN_NUMBER}(?:点[{_CN}]+)?)"
# A figure in words, read before the rest so that its parts are not read again: 百分之九十五, 四分之一,
# 三成 / 九成五 (also “三成为…”; not 一成不变, 三成员), 十几 / 几十 / 数百 / 上千 (vague, kept as written), 半数;
# 逾百, 百余, 七八, 廿, 翻了一番, 成倍, 双倍 are core.wordfigures' (data: prompts/figure_words.yaml).
_SHARE = re.compile(rf"({_AMOUNT})分之({_AMOUNT})")
_TENTHS = re.compile(r"([一二两三四五六七八九十])成([一二三四五六七八九])?(?![立员本果绩效熟功就长不])")
_VAGUE = re.compile(r"[一二两三四五六七八九十]+几|几[十百千万]+|数[十百千万]+|上[百千万]|近[百千万]")
_HALF = re.compile(r"半数|一半|过半|大半")
_NUMBER = re.compile(rf"\d+(?:\.\d+)?|{_CN_NUMBER}(?=[件条个项次人名家份期批宗余多倍万元年月日])")
_ROMAN = re.compile(r"(?<![A-Za-z])(?=[MDCLXVI]{2,}(?![A-Za-z]))M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![A-Za-z])")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def _amount(text: str) -> str | None:
    whole, _, decimals = text.partition("点")
    n = parse_number(whole)
    if n is None:
        return None
    if decimals:
        digits = "".join(str(parse_number(ch)) for ch in decimals if parse_number(ch) is not None)
        return f"{n}.{digits}"
    return str(n)


def _roman(text: str) -> int:
    values = [_ROMAN_VALUES[ch] for ch in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def numbers_in(text: str) -> set[str]:
    """Every figure a text states, as written in digits, in words or in symbols: “120”, “一百二十件”, “百分之九十五”
    (95, as “95%”), “四分之一” (1/4), “三成” (30), “两倍”, “十几”, “半数”, “②”, “Ⅻ”, “XII”.  A rewording that
    adds any of them states a figure the clerk never wrote."""
    import unicodedata

    text = text.replace(",", "").translate(_FINANCIAL)
    # first the figures that words make of numbers (prompts/figure_words.yaml): “逾百” is not 100, “七八” not 78
    out, text = word_figures(text)

    def take(pattern: re.Pattern[str], value: Callable[[re.Match[str]], str | None]) -> None:
        nonlocal text
        for m in pattern.finditer(text):
            if (found := value(m)) is not None:
                out.add(found)
        text = pattern.sub(" ", text)

    take(_SHARE, lambda m: (_amount(m[2]) if _amount(m[1]) == "100" else f"{_amount(m[2])}/{_amount(m[1])}"))
    take(_TENTHS, lambda m: str((parse_number(m[1]) or 0) * 10 + ((parse_number(m[2]) or 0) if m[2] else 0)))
    take(_VAGUE, lambda m: m[0])
    take(_HALF, lambda m: "半")
    take(_NUMBER, lambda m: None if (n := parse_number(m[0])) is None else str(n))  # \d takes full-width digits too
    take(_ROMAN, lambda m: None if set(m[0]) == {"X"} else str(_roman(m[0])))  # “XX镇” is a placeholder (PLACEHOLDER)
    for ch in text:  # ②, ⑴, ⒈, ㈢, Ⅻ, ², ½ …: numeric characters that are neither digits nor Chinese numerals
        if not ch.isdecimal() and not "\u4e00" <= ch <= "\u9fff" and (value := unicodedata.numeric(ch, None)) is not None:
            out.add(str(int(value)) if value == int(value) else str(value))
    return out


class PolishPrompts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    system: str
    user: str

    @field_validator("user")
    @classmethod
    def _known_fields(cls, user: str) -> str:
        allowed = {"agency", "year", "part", "text"}
        for _, name, _, _ in string.Formatter().parse(user):
            if name is not None and name not in allowed:
                raise ValueError(f"user 里的{{{name}}}不认识（可用：{'、'.join(sorted(allowed))}）")
        return user


@cache
def polish_prompts() -> PolishPrompts:
    """The system and user prompts of the optional wording polish (prompts/polish.yaml)."""
    return load_model(resource_dir("prompts") / "polish.yaml", PolishPrompts)


@dataclass
class Polished:
    text: str
    accepted: bool
    reason: str = ""


def polish(paragraph: str, heading: str, part: str, report: Report, last_year: Report | None,
           section: str, settings: llm.LLMSettings) -> Polished:
    """Ask the model to polish `paragraph` (its `heading` kept as is) and judge the answer."""
    body = paragraph.removeprefix(heading)
    prompts = polish_prompts()
    reply = llm.ask_model(settings, prompts.system,
                          prompts.user.format(agency=report.agency, year=report.year, part=part or section, text=body))
    text = llm.paragraph_of(reply)
    if not text:
        return Polished(text, False, "大模型没有给出内容")
    if has_control(text):  # an escape sequence would act on the clerk's terminal and stay in the report
        return Polished(visible(text), False, "大模型的改写里有控制字符或转义序列（会改变终端显示），没有采用")
    if len(text) > max(3 * len(body), 200) or len(text) > MAX_REPLY_CHARS:
        return Polished(text, False, "大模型的改写比原文长得多，可能加了原文没有的内容")
    added = sorted(numbers_in(text) - numbers_in(body) - {str(report.year)})
    if added:
        return Polished(text, False, f"改写里出现了原文没有的数字（{'、'.join(added)}），数字只能来自您和表格")
    candidate = heading + text if heading and not text.startswith(heading) else text
    before = {(f.rule, f.message) for f in paragraph_findings(report, section, [paragraph])}
    new = [f for f in paragraph_findings(report, section, [candidate]) if (f.rule, f.message) not in before]
    if new:
        return Polished(candidate, False, "改写没有通过检查：" + "；".join(f"{f.rule} {f.message}" for f in new[:2]))
    if last_year is not None:
        index = repetition.sentence_index(last_year)
        if repetition.repeated_share(candidate, index) > max(repetition.repeated_share(paragraph, index),
                                                             repetition.WARNING_RATE):
            return Polished(candidate, False, "改写和去年报告的句子重复得更多了（REPEAT）")
    return Polished(candidate, True)
