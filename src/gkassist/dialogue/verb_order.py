"""What is done to what, in a report's order (prompts/lexicon.yaml `done_to`).

A clerk names the thing first and says an empty verb after it (“文件清理弄了两轮”, “问题整改了五个”), an empty verb
before it (“新挂了5块电子屏”, “又弄了个公众号”, “上了一次电台”), a verb with a meaning of its own after it
(“几个栏目都补了内容”, “信息也更新了”), or names what was done with no verb at all (“民意征集3期、网上调查2期”).
A published report says the verb its thing takes, then the thing, then the count: “开展文件清理2轮”, “整改…问题5个”,
“新安装社区电子屏5块”, “补充…等栏目内容”, “开展民意征集3期、网上调查2期”.  A part of a clause none of the forms
fits whole is left as it was (for the register, or to be shown as still spoken)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import field_validator

from gkassist.core.numbers import chinese_numeral
from gkassist.core.yamldata import pattern, regex_checked
from gkassist.dialogue.grammar import cuts_a_word
from gkassist.dialogue.register import _Data


class DoneToKind(_Data):
    things: str  # the words for things of this kind (a regular expression's alternatives)
    verb: str  # what a report says is done to them
    units: str  # the measure words a count of them takes
    after: str = ""  # a word a report writes after the thing (电台 → 电台访谈)
    new: str = ""  # the verb for a new one (公开栏 → 新建); "" is 新 and the verb
    bare: bool = False  # named with a count and no verb (“民意征集3期”), the verb is put before them

    _valid = field_validator("things", "units")(regex_checked)


class DoneTo(_Data):
    empty: str  # everyday verbs that say nothing of their own: the thing's verb is the report's
    report_verbs: str  # a report's verbs: said by the clerk, they stay
    kinds: tuple[DoneToKind, ...]
    verbs: dict[str, str] = {}  # everyday verbs with a meaning of their own, said after their thing
    adverbs: dict[str, str] = {}  # what the word before such a verb becomes ("" drops it)
    nouns: str = "信息|内容|目录|事项|栏目"  # what else such a verb is said after (besides the kinds' things)
    all_there: str = ""  # “…的、…的都有”: the kinds a list names, all of them met (a report's verb for them)

    _valid = field_validator("empty", "report_verbs", "nouns")(regex_checked)


_TIMES = r"[0-9]{4}年|今年|去年|全年|本年|年内|年初|年中|年底|年末|上半年|下半年"
_TIME = rf"(?P<when>(?:{_TIMES})(?:度)?)?"
_COUNT = r"(?P<n>[0-9]+|[一两二三四五六七八九十]{1,3})"
# things done by another (“市里检查2次”: a check the unit received) are no verbless note of the unit's own
_ELSEWHERE = r"[市县区省]里|[市县区省]级|上级"
_RUN = re.compile(r"([^，,。；;：:—！？!?]*)([，,。；;：:—！？!?]*)")
# a character that makes a word with an empty verb after it (公开, 召开, 提出, 增加, 制定, 网上 …): no verb of its own
_NOT_A_WORD = r"(?<![公召展打离线网马以提发推作做列支叫建开增创组修制确规认决鉴参附更安包调完举承督主悬])"
# what an object's words never hold: a verb's marks, who does it (由, 接受), how often, when, an adverb
_NOT_OBJECT = rf"了|已|均|将|对|把|由|被|让|负责|接受|每|还|又|也|都|是|在|通过|{_TIMES}"


def _words(d: DoneTo, listed: bool = False, verbless: bool = False) -> str:
    """One character of an object's words (no count; a list of things `listed` with 、; no report's verb where the
    words stand `verbless` before the thing: “开展自查1次” is done already)."""
    verbs = f"|{d.report_verbs}" if verbless else ""
    return rf"(?:(?!{_NOT_OBJECT}{verbs})[^0-9，。；：{'' if listed else '、'}])"


@dataclass(frozen=True)
class _Kind:
    kind: DoneToKind
    first: re.Pattern[str]  # the thing, then the verb and its count
    then: re.Pattern[str]  # the verb, then its count and the thing
    bare: re.Pattern[str] | None


@dataclass(frozen=True)
class _Order:
    kinds: tuple[_Kind, ...]
    said_after: re.Pattern[str]
    report_verbs: re.Pattern[str]
    report_verbs_lead: re.Pattern[str]  # a run opening on a report's verb


_ORDERS: dict[int, tuple[DoneTo, _Order]] = {}


def _order(d: DoneTo) -> _Order:
    """The patterns of `d`, compiled once for the loaded data (a model holding dicts is not hashable)."""
    held = _ORDERS.get(id(d))
    if held is None or held[0] is not d:
        held = _ORDERS[id(d)] = (d, _compiled(d))
    return held[1]


def _compiled(d: DoneTo) -> _Order:
    kinds = []
    for k in d.kinds:
        things, units = f"(?:{k.things})", f"(?:{k.units})"
        first = (rf"^{_TIME}(?P<obj>{_words(d, True)}{{0,30}}?{things})(?P<adv>也|都|还|又|共|一共|共计)?"
                 rf"(?P<verb>{d.report_verbs}|{d.empty})(?:了|过)?{_COUNT}(?P<unit>{units})$")
        then = (rf"^{_TIME}(?P<lead>(?:(?!了)[^0-9，。；：、]){{0,16}}?)(?:也|都|还|又|再)?(?P<new>新)?{_NOT_A_WORD}(?P<verb>{d.empty})"
                # with no 了 a count says it is a verb (“新挂5块”, “弄个”): 定期, 上次, 开会 are words of their own
                rf"(?:(?:了|上了?|好了?)(?:{_COUNT}?(?P<unit>{units}|个))?|{_COUNT.replace('n>', 'n2>')}(?P<unit2>{units}|个)|个)"
                rf"(?P<obj>{_words(d)}{{0,12}}?{things})$")
        bare = (rf"^{_TIME}(?P<items>(?:(?!{_ELSEWHERE}){_words(d, verbless=True)}{{0,10}}?{things}(?:[0-9]+|[一两二三四五六七八九十]{{1,3}}){units}、?)+)$") if k.bare else None
        kinds.append(_Kind(k, pattern(first), pattern(then), pattern(bare) if bare else None))
    verbs = "|".join(sorted(map(re.escape, d.verbs), key=len, reverse=True)) or "(?!)"
    adverbs = "|".join(sorted(map(re.escape, d.adverbs), key=len, reverse=True)) or "(?!)"
    nouns = "|".join(k.things for k in d.kinds) + "|" + d.nouns
    said_after = (rf"^{_TIME}(?P<obj>{_words(d, True)}{{0,30}}?(?:{nouns}))(?P<adv>{adverbs})?"
                  rf"(?P<verb>{verbs})(?:了)?(?:一遍|一下|一轮)?(?P<what>内容|信息)?$")
    return _Order(tuple(kinds), pattern(said_after), pattern(rf"^(?:{d.report_verbs})$"),
                  pattern(rf"^(?:{d.report_verbs})"))


def in_report_order(clause: str, d: DoneTo | None) -> str:
    """The clause with each of its runs (between commas, colons, dashes) put as a report says what was done."""
    if d is None:
        return clause
    return "".join(_run_in_order(run, d) + end for run, end in _RUN.findall(clause) if run or end)


def _run_in_order(run: str, d: DoneTo) -> str:
    o = _order(d)
    whole = _bare(run, o) or _said_after(run, o, d) or _first(run, o) or _then(run, o) or _all_there(run, d)
    if whole:
        return whole
    if "、" not in run:
        return run
    # (“召开发布会、通气会15场”: a list after a report's verb is its objects, a piece named with no verb takes no verb
    # again; “召开1次专题会议、培训2次”: a piece another verb fits takes its own)
    lead = m.group(0) if (m := o.report_verbs_lead.match(run)) else ""
    return "、".join(_first(piece, o) or _then(piece, o) or _unless_led(_bare(piece, o), lead) or piece
                    for piece in run.split("、"))


def _unless_led(done: str, lead: str) -> str:
    return "" if lead and done.startswith(lead) else done


def _count(said: str) -> str:
    if said.isdigit():
        return said
    value = chinese_numeral(said)
    return str(int(value)) if value is not None else said


def _first(run: str, o: _Order) -> str:
    """“文件清理弄了两轮” → “开展文件清理2轮”, “问题整改了五个” → “整改问题5个”."""
    for k in o.kinds:
        if (m := k.first.match(run)) and not cuts_a_word(m, "verb"):
            verb = m["verb"] if o.report_verbs.match(m["verb"]) else k.kind.verb
            together = "共" if m["adv"] in ("共", "一共", "共计") else ""
            return f"{m['when'] or ''}{together}{verb}{m['obj']}{k.kind.after}{_count(m['n'])}{m['unit']}"
    return ""


def _then(run: str, o: _Order) -> str:
    """“新挂了5块社区电子屏” → “新安装社区电子屏5块”, “弄了个公众号” → “开通公众号”, “上了一次电台” → “参加电台访谈1次”,
    “加了个栏目” → “新开设栏目”."""
    for k in o.kinds:
        if (m := k.then.match(run)) and not cuts_a_word(m, "verb"):  # (“整个流程” is no 整 of a 流程)
            n, unit = m["n"] or m["n2"] or "", m["unit"] or m["unit2"] or ""
            added = m["new"] or m["verb"].startswith("新") or m["verb"] == "加"  # 加了 is a new one
            verb = (k.kind.new or "新" + k.kind.verb) if added else k.kind.verb
            count = "" if not n and unit in ("", "个") or _count(n) == "1" and unit in ("个", "张", "套", "份") else _count(n or "1") + unit
            return f"{m['when'] or ''}{m['lead']}{verb}{m['obj']}{k.kind.after}{count}"
    return ""


def _said_after(run: str, o: _Order, d: DoneTo) -> str:
    """“公示公告、常见问题几个栏目都补了内容” → “补充公示公告、常见问题等栏目内容”, “信息也更新了” → “更新信息”."""
    m = o.said_after.match(run)
    if not m:
        return ""
    obj = re.sub(r"(?<=[\u4e00-\u9fff])(?:这|那)?几(?:个|类|项)", "等", m["obj"])
    return f"{m['when'] or ''}{d.adverbs.get(m['adv'] or '', '')}{d.verbs[m['verb']]}{obj}{m['what'] or ''}"


def _bare(run: str, o: _Order) -> str:
    """“民意征集3期、网上调查2期” → “开展民意征集3期、网上调查2期”."""
    for k in o.kinds:
        if k.bare is not None and (m := k.bare.match(run)):
            counted = pattern(rf"[一两二三四五六七八九十]{{1,3}}(?=(?:{k.kind.units})(?:、|$))")
            items = counted.sub(lambda n: _count(n.group(0)), m["items"].rstrip("、"))
            return f"{m['when'] or ''}{k.kind.verb}{items}"
    return ""


_ALL_THERE = re.compile(r"^(?:主要是|主要为|主要)?((?:[^，。；、的]{2,10}的、)+[^，。；、的]{2,10}的)(?:都|均|全)有$")


def _all_there(run: str, d: DoneTo) -> str:
    """“户籍的、备案的、事故的都有” → “涉及户籍、备案、事故等方面” (`all_there` is what a report says of them)."""
    m = _ALL_THERE.match(run)
    if not m or not d.all_there:
        return ""
    return d.all_there.format(items="、".join(item[:-1] for item in m.group(1).split("、")))
