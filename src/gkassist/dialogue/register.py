"""The clerk's words in the register of a published report (prompts/register.yaml), offline and deterministic:
relative time words become years, “我们/局里” the unit's own name for itself, everyday phrases the official ones,
“了” and sentence-final particles go, punctuation is made whole.  Every number the clerk said stays and none is
added but the years the time words stand for; where a rule would break that, the clerk's words are kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist.core.model import Report
from gkassist.core.numbers import parse_number
from gkassist.core.yamldata import load_model, pattern, regex_checked
from gkassist.dialogue.grammar import sub_whole
from gkassist.paths import resource_dir


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule(_Data):
    say: str
    write: str

    _valid = field_validator("say")(regex_checked)


class SelfName(_Data):
    ends: str
    write: str


class SelfNames(_Data):
    say: tuple[str, ...]
    by_name: tuple[SelfName, ...]
    otherwise: str


class RegisterData(_Data):
    times: tuple[Rule, ...]
    self_names: SelfNames
    phrases: tuple[Rule, ...]
    keep_le: tuple[str, ...]
    particles: tuple[str, ...]
    subject_before: tuple[str, ...]


@cache
def register_data() -> RegisterData:
    return load_model(resource_dir("prompts") / "register.yaml", RegisterData)


@dataclass(frozen=True)
class _Compiled:
    times: tuple[tuple[re.Pattern[str], str], ...]
    self_words: re.Pattern[str]
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    le: re.Pattern[str]
    particles: re.Pattern[str]
    subject: re.Pattern[str]


@cache
def _compiled() -> _Compiled:
    d = register_data()
    keep = "|".join(re.escape(w) for w in d.keep_le)
    return _Compiled(
        tuple((pattern(r.say), r.write) for r in d.times),
        # (“我们这个事” is 我局 + 这个事: “我们这” is the unit only when no measure word follows)
        re.compile("(?:" + "|".join(re.escape(w) for w in d.self_names.say) + ")(?![个些样么种])"),
        tuple((pattern(r.say), r.write) for r in d.phrases),
        # 了 not inside a word that keeps it (了解, 为了…)
        re.compile(rf"(?:{keep})|了" if keep else "了"),
        re.compile("(?:" + "|".join(re.escape(p) for p in d.particles) + r")+(?=[，。；！？,.;!?]|$)"),
        # (“公开栏更新4次” opens with a thing, not with what was done)
        re.compile("^(?:" + "|".join(re.escape(w) for w in sorted(d.subject_before, key=len, reverse=True)) + ")(?!栏)"),
    )


def self_name(report: Report) -> str:
    """How the unit speaks of itself in its report: 我局, 我镇, 我街道, 我委… by the end of its name."""
    d = register_data().self_names
    agency = report.agency
    return next((n.write for n in d.by_name if agency.endswith(n.ends)), d.otherwise)


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})


def _punctuation(text: str) -> str:
    # a space typed between two phrases parts them (“120条 财政预决算…”); next to a number it is only spacing
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "，", text.strip())
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])", "", text)
    # half-width punctuation among Chinese (not inside numbers or web addresses: “3.5万”, “www.a.cn”)
    text = re.sub(r"(?<![0-9A-Za-z])[,;:?!()]|[,;:?!()](?![0-9A-Za-z])", lambda m: m.group(0).translate(_FULL_WIDTH), text)
    text = re.sub(r"(?<=[\u4e00-\u9fff”）])\.(?=\s*$|[\u4e00-\u9fff])", "。", text)
    text = re.sub(r"(?:……|…|\.{3,})(?=等|[。，；]|$)", "", text)  # “……这些” → “等”
    text = re.sub(r"([，。；：！？、])\1+", r"\1", text)
    text = re.sub(r"[，、；]+(?=[。！？]|$)", "", text)
    return text


# “一千二百多条”, “三百来条”, “一百一十来条”: a report writes its figures in digits (“1200余条”); a numeral of one
# character stays unless 多/来 follow it (“一件事一次办” is a name, “三个专栏” reads as well as “3个专栏”)
_CHINESE_FIGURE = re.compile(r"([零〇一二两三四五六七八九十百千万]{2,}|[一二两三四五六七八九十](?=[多来]))(?=[多来余]?[条件人次个篇期块场家户项份元名位])")


def _arabic(text: str) -> str:
    def digits(m: re.Match[str]) -> str:
        value = parse_number(m.group(1))
        return m.group(0) if value is None or m.group(1) in ("一一",) else str(int(value)) if value == int(value) else str(value)
    return _CHINESE_FIGURE.sub(digits, text)


def _years(report: Report) -> set[str]:
    y = report.year
    return {str(y), str(y - 1), str(y - 2), str(y + 1)}


def to_register(text: str, report: Report, subject: bool = True) -> str:
    """The clerk's text as a published report would say it (the paragraph's heading is not part of `text`)."""
    c, y = _compiled(), report.year
    me = self_name(report)

    def fill(s: str) -> str:
        return s.format(year=y, last=y - 1, before=y - 2, next=y + 1, self=me)

    def filled(write: str) -> Callable[[re.Match[str]], str]:  # filled only where its phrase matches (most match nothing)
        return lambda m: m.expand(fill(write))

    text = _arabic(text)
    out = _punctuation(text)
    for time_word, write in c.times:
        out = time_word.sub(filled(write), out)
    # “我们县里”, “局里”: the unit's own word after 我们 is part of the self-name (“我县”, not “我县县”)
    out = re.sub(f"(?:{c.self_words.pattern})(?:{re.escape(me[1:])}(?![城区级]))?里?", me, out)
    # a bureau's “我们县政府网站” is the county's: “本县”
    out = re.sub(f"{re.escape(me)}([县市区镇乡])(?=政府|人民政府|各|范围|内|全)", r"本\1", out) if me[1:] not in "县市区镇乡" else out
    out = out.replace(me + "里", me)
    for phrase, write in c.phrases:  # (a phrase never rewritten inside a word: “搞定” is no “搞”)
        out = sub_whole(phrase, filled(write), out)
    out = c.le.sub(lambda m: m.group(0) if m.group(0) != "了" else "", out)
    out = c.particles.sub("", out)
    if subject:
        out = _with_subject(out, me, y)
    out = _punctuation(out)
    if out and not re.search(r"[。！？]$", out):
        out += "。"
    said, written = sorted(_NUMBER.findall(text)), _NUMBER.findall(out)
    if any(written.count(n) < said.count(n) for n in set(said)) or set(written) - set(said) - _years(report):
        return _punctuation(text) + ("" if re.search(r"[。！？]$", text.strip()) else "。")  # a number would change
    return out


def dated_and_named(text: str, report: Report) -> str:
    """A sentence kept as the clerk typed it, with only what a report can never print turned: its relative time
    words made years (“今年” → “2021年”) and the unit's “我们/咱/局里” made its own name (“我镇”)."""
    c, y = _compiled(), report.year
    me = self_name(report)
    out = text
    for time_word, write in c.times:
        out = time_word.sub(write.format(year=y, last=y - 1, before=y - 2, next=y + 1, self=me), out)
    out = re.sub(f"(?:{c.self_words.pattern})(?:{re.escape(me[1:])}(?![城区级]))?里?", me, out)
    return out.replace(me + "里", me)


def _with_subject(text: str, me: str, year: int) -> str:
    """A first sentence that opens with what was done (“在门户网站公开…”) gets the unit as its subject, after the
    year when it opens with one: “2025年，我局在门户网站公开…”."""
    subject = _compiled().subject
    lead = f"{year}年"
    if text.startswith(lead):
        rest = text[len(lead):].lstrip("，,")
        if subject.match(rest):
            return f"{lead}，{me}{rest}"
        return text
    if subject.match(text):
        return me + text
    return text
