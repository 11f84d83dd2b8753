"""Sentences made from the tables that open a part of the report (prompts/paragraphs.yaml; a step's `opens_with`):
the applications of 表三 and appeals of 表四 for （二）依申请公开, 表二's 文件 for （三）政府信息管理, the fees for 六.
Every figure comes from its cell: they can never fail TEXT-NUMBERS."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist.core.figures import STATED_FIGURES
from gkassist.core.flow import Step
from gkassist.core.formats import Column
from gkassist.core.model import Report
from gkassist.core.numbers import format_number
from gkassist.core.yamldata import load_model, regex_checked
from gkassist.dialogue.improvements import Condition, figures_of
from gkassist.dialogue.register import self_name
from gkassist.paths import resource_dir


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Applications(_Data):
    none: str
    received: str
    kinds: str
    kind: str
    carried: str
    results: str
    result: str
    carry_next: str


class Appeals(_Data):
    none: str
    review: str
    suits: str
    outcome: str


class Document(_Data):
    cell: tuple[str, str, str]
    write: str
    skip_zero: bool = False
    none: str = ""  # how a report says 0 (“未制发行政规范性文件”)


class Fees(_Data):
    none: str


class OtherWrite(_Data):
    """六's sentences composed from the clerk's answer (dialogue.other)."""

    both: str
    npc: str
    cppcc: str
    none: str
    none_led: str
    npc_none: str
    cppcc_none: str
    alone: str
    nothing_else: str
    fee_charged: str = "{year}年，{self}收取信息处理费{amount}"


class Other(_Data):
    npc: str
    cppcc: str
    count: str
    negation: str
    fee: str
    fee_negation: str
    nothing_else: str
    led: str
    topic: str
    qualifier: str
    fee_compared: str = r"^$"  # a fee compared with last year's right after it (“比去年少”): `more`/`less` named
    declined: str = r"^$"  # the clerk telling the drafter to leave the proposals out (“这块不写”): no sentence
    fee_amount: str = r"(?P<amount>[0-9]+(?:\.[0-9]+)?(?:万)?元)"
    write: OtherWrite

    _valid = field_validator("npc", "cppcc", "count", "negation", "fee", "fee_negation", "nothing_else",
                             "led", "topic", "qualifier", "declined", "fee_compared")(regex_checked)


class Contradiction(_Data):
    words: str
    when: Condition


class Restated(_Data):
    say: str
    opening: str
    subject: str = "上述申请"  # what a sentence left without its first clause is about (“上述申请均涉及……”)

    @field_validator("say")
    @classmethod
    def regex_checked(cls, v: str) -> str:
        return regex_checked(v)


class Paragraphs(_Data):
    applications: Applications
    appeals: Appeals
    documents: tuple[Document, ...]
    fees: Fees
    other: Other
    contradictions: tuple[Contradiction, ...] = ()
    restated: tuple[Restated, ...] = ()
    topic_lead: str = "$^"
    topic_only: str = "$^"

    _topic = field_validator("topic_lead", "topic_only")(regex_checked)


@cache
def paragraphs() -> Paragraphs:
    return load_model(resource_dir("prompts") / "paragraphs.yaml", Paragraphs)


def compose(what: str, report: Report, answer: str = "") -> str:
    """The sentences `what` (a step's `opens_with`) makes from the report's tables; "" when there is nothing to say
    (六 when the clerk's own answer speaks of fees)."""
    return {"applications": _applications, "documents": _documents, "fees": _fees}[what](report, answer)


# the openings made from the tables alone (六's fees depend on the clerk's answer, not on a table)
FROM_TABLES = ("applications", "documents")


def table_openings(steps: Sequence[Step], report: Report) -> dict[str, str]:
    """Each step's opening as the tables make it now (kept before a table changes, to find it in the paragraph)."""
    return {s.id: compose(s.opens_with, report) for s in steps if s.opens_with in FROM_TABLES}


def refresh_openings(steps: Sequence[Step], report: Report, before: dict[str, str], table: str) -> list[str]:
    """The paragraphs whose opening the tables made, made again after `table` changed — unless the clerk wrote that
    paragraph (the opening as made is no longer in it); what changed, to say in the conversation."""
    said = []
    for step in steps:
        if step.id not in before:
            continue  # no opening made from the tables
        old = before[step.id]
        if (new := compose(step.opens_with, report)) == old:
            continue
        paragraphs = report.sections.get(step.section, [])
        for i, p in enumerate(paragraphs):
            # (no opening before — the tables it is made from were not answered yet — : it goes after the heading)
            if p.startswith(step.heading + old) and (old or p.startswith(step.heading)):
                # (the clerk's sentences that now only say again what the new opening states go: said once)
                paragraphs[i] = step.heading + new + without_restatements(p[len(step.heading + old):], new)
                found = re.match(r"[一二三四五六七]（[一二三四五六七八九十]）|\S+", step.title)
                part = found.group(0) if found else step.title
                said.append(f"{part}已按{table}更新：{paragraphs[i]}")
    return said


def _fill(template: str, report: Report, **values: object) -> str:
    return template.format(year=report.year, self=self_name(report), **values)


def _n(value: int | float | None) -> str:
    return format_number(value or 0)


def _applications(report: Report, answer: str) -> str:
    p, fmt, n = paragraphs().applications, report.format, report.number
    appeals = _appeals(report) + "。" if _stored(report, "t4") else ""
    if not _stored(report, "t3"):
        return appeals  # 表三 not answered yet (left unfinished): nothing said of it — never “未收到” made from blanks
    new, carried = n("t3", "new", "total") or 0, n("t3", "carried", "total") or 0
    if not new and not carried:
        text = _fill(p.none, report)
    else:
        text = _fill(p.received, report, n=_n(new))
        kinds = [(fmt.t3.column("new", k).label, n("t3", "new", k)) for k in fmt.applicant_columns if n("t3", "new", k)]
        if len(kinds) > 1:
            text += p.kinds.format(list="、".join(p.kind.format(name=name, n=_n(v)) for name, v in kinds))
        if carried:
            text += p.carried.format(n=_n(carried))
        done = n("t3", "results_total", "total") or 0
        if done:
            text += p.results.format(n=_n(done), list="、".join(p.result.format(name=name, n=_n(v))
                                                               for name, v in _results(report) if v))
        if carry := n("t3", "carry_next", "total"):
            text += p.carry_next.format(n=_n(carry))
    return text + "。" + appeals


def _stored(report: Report, table: str) -> bool:
    """Whether a table's answer is stored (its totals filled): one the flow left unfinished is not."""
    carried = {relation.this[0] for relation in report.format.across_years if relation.table == table}
    return any(report.cell(table, r.id, c.id) is not None for _, r, c in report.format.tables[table].cells()
               if (r.total or c.total) and r.id not in carried)  # (上年结转 is filled from last year's report)


def _results(report: Report) -> list[tuple[str, float]]:
    """表三's results as a report states them: each row outside a group, each group (不予公开…) as one."""
    t3, n = report.format.t3, report.number
    out: dict[str, float] = {}
    for row_id in report.format.result_rows:
        row = t3.row(row_id)
        name = re.sub(r"^[（(][一二三四五六七八九十]+[）)]", "", row.path[-1]) if len(row.path) > 1 else row.plain_label
        name = re.sub(r"[（(].*", "", name)  # “部分公开（区分处理的…）” → 部分公开
        out[name] = out.get(name, 0) + (n("t3", row_id, "total") or 0)
    return list(out.items())


def _appeals(report: Report) -> str:
    p, t4, n = paragraphs().appeals, report.format.t4, report.number
    blocks: dict[tuple[str, ...], list[Column]] = {}
    for c in t4.columns:
        blocks.setdefault(c.under, []).append(c)
    said = []
    review = [cols for under, cols in blocks.items() if len(under) == 1]
    suits = [cols for under, cols in blocks.items() if len(under) > 1]

    def part(template: str, groups: list[list[Column]]) -> str:
        total = sum(n("t4", "cases", c.id) or 0 for cols in groups for c in cols if c.total)
        if not total:
            return ""
        outcomes: dict[str, float] = {}
        for cols in groups:
            for c in cols:
                if not c.total and (v := n("t4", "cases", c.id)):
                    outcomes[c.label] = outcomes.get(c.label, 0) + v
        return template.format(n=_n(total), list="、".join(p.outcome.format(name=k, n=_n(v)) for k, v in outcomes.items()))

    said = [x for x in (part(p.review, review), part(p.suits, suits)) if x]
    return "，".join(said) if said else p.none


def _documents(report: Report, answer: str) -> str:
    parts: list[str] = []
    for d in paragraphs().documents:
        if not report.format.has(*d.cell):
            continue
        value = report.number(*d.cell)
        if value is None or (d.skip_zero and not value):
            continue
        none = d.none if not value else ""
        if none and parts and parts[-1].startswith("未") and _same_object(parts[-1], none):
            # “未制发行政规范性文件” + “未废止行政规范性文件” → “未制发、废止行政规范性文件”
            obj = _same_object(parts[-1], none)
            parts[-1] = parts[-1].removesuffix(obj) + "、" + none.removeprefix("未").removesuffix(obj) + obj
            continue
        parts.append(none or d.write.format(n=_n(value)))
    return _fill("{year}年，{self}", report) + "，".join(parts) + "。" if parts else ""


def _same_object(a: str, b: str) -> str:
    """The words two sentences end with (their object), when at least four characters."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n:] if n >= 4 else ""


def _fees(report: Report, answer: str) -> str:
    if re.search(r"信息处理费|收费|收取|费用|收钱", answer):
        return ""  # the clerk's own answer says it
    return _fill(paragraphs().fees.none, report) + "。"


_ITEM = re.compile(r"[一二三四五六七八九]是")


def without_restatements(body: str, opening: str) -> str:
    """The clerk's text without the clauses that only say again what the opening sentences already state (“收到申请
    9件” after “共收到政府信息公开申请9件”): the rest of the clerk's facts follow the opening."""
    stated = {(f.what, m.group(1)) for f in STATED_FIGURES for m in f.pattern.finditer(re.sub(r"\s+", "", opening))}
    flat_opening = re.sub(r"[，。；、\s]", "", opening)
    sentences = re.split(r"(?<=[。；！？])", body)
    kept_sentences = []
    for sentence in sentences:
        clauses = re.split(r"(?<=，)(?!占)", sentence)  # (a count and its share, “不予公开5件，占6.17%”, are one)
        kept = []
        said_subject, said_none = "", False
        for clause in clauses:
            if re.search(r"占[0-9.]+%", clause):
                kept.append(clause)  # a count with its share says what the opening does not (“不予公开5件，占6.17%”)
                continue
            core = _core(clause)
            # (a figure's clause said in the opening word for word, however short: “办结25件”)
            found = _restated(core, flat_opening)
            said_none = said_none or found == ""  # (none said again: no subject for what follows it)
            subject = found or ("上述申请" if any((f.what, m.group(1)) in stated for f in STATED_FIGURES
                                               for m in f.pattern.finditer(clause)) else "")
            restates = found is not None or bool(subject) \
                or ((len(core) >= 6 or len(core) >= 4 and re.search(r"\d", core)) and re.sub(r"[，。；、\s]", "", core) in flat_opening)
            if restates and subject:
                said_subject = said_subject or subject
            if not restates:
                kept.append(clause)
        text = "".join(kept).lstrip("，")
        if len(kept) < len(clauses) and re.match(paragraphs().topic_only, text.strip("。；")):
            text = ""  # the part's topic alone (“依申请公开方面，”): every fact of the sentence is the opening's
        if re.fullmatch(r"(?:\d{4}年|我\w{1,2}|本机关|[，。；])*", text):
            text = ""  # only the time and the unit of a clause said already: nothing of the clerk's own is left
        # the time and the unit a clause opens with (the pattern matches the empty string: always a match)
        start = m.end() if (m := re.match(r"(?:\d{4}年，?)?(?:我\w{1,2}|本机关)?", text)) else 0
        if kept and kept[0] is not clauses[0] and re.match(r"比|与|跟|和", text[start:]):
            # “收到申请9件，比2024年减少3件” (“与2024年相同”) without its first clause
            text = "申请数量" + text[start:]
        elif kept and kept[0] is not clauses[0] and re.match(r"均在法定期限内", text[start:]) and said_subject == "上述申请":
            text = "已办结的申请" + text[start:]  # “4件当年办完，都是期限内答复的” without its count
        elif kept and kept[0] is not clauses[0] and re.match(r"已告知申请人", text[start:]):
            text = "对本机关不掌握相关信息的申请，" + text[start:]  # “另1件我们这没有，告诉他去……问了”
        elif kept and kept[0] is not clauses[0] and not said_none and re.match(r"(?:均|都|全部|主要|大多|多数|涉及)", text[start:]):
            # “就2件，都是问征地补偿的”, “一共10件，户籍的、备案的都有” (涉及……等) without its count
            text = (said_subject or "上述申请") + text[start:]
        text = text.rstrip("，、")
        if text and kept and kept[0] is not clauses[0] and (m := _ITEM.match(clauses[0].strip())) and not _ITEM.match(text):
            text = m.group(0) + text  # (“一是收到申请6件，比2024年增加3件”: the item keeps its number, “二是” has its “一是”)
        if text and not re.search(r"[。；！？]$", text):
            text += "。"
        kept_sentences.append(text)
    return "".join(s for s in kept_sentences if s.strip("。；，"))


def _core(clause: str) -> str:
    """A clause without its part's topic, time and unit (“依申请呢，2021年，我镇……”): what it states."""
    return re.sub(r"^(?:\d{4}年，)?(?:我\w{1,2}|本机关)?", "", re.sub(paragraphs().topic_lead, "", clause.strip("，。；")))


def said_otherwise(body: str, opening: str) -> list[str]:
    """The clauses of the clerk's text that state a figure the opening states from the tables, with another number
    (“就2件” when the opening says 申请3件): asked about, never printed as if both were true."""
    flat_opening = re.sub(r"[，。；、\s]", "", opening)
    carried = m.group(1) if (m := re.search(r"上年结转申请([0-9]+)件", flat_opening)) else ""
    out = []
    for clause in re.split(r"[，。；！？]", body):
        core = _core(clause)
        # (only a clause that is wholly such a figure: a looser one may pair a count with the wrong result)
        for r in (r for r in paragraphs().restated if r.say.startswith("^") and "{n}" in r.opening):
            if not (m := re.search(r.say, core)) or not (n := m.groupdict().get("n")):
                continue
            stated = re.search(r.opening.replace("{n}", "([0-9]+)"), flat_opening)
            # (a count said with last year's carried-over ones included is the same count)
            if stated and n not in (stated.group(1), str(int(stated.group(1)) + int(carried or 0))):
                out.append(clause.strip())
            break
    return out


def _restated(clause: str, flat_opening: str) -> str | None:
    """What a clause is about when it only says again a figure of the tables the opening states (prompts/
    paragraphs.yaml; "" when it says again that there was none), None when it says something of its own."""
    clause = clause.strip()
    for r in paragraphs().restated:
        if m := re.search(r.say, clause):
            n = m.groupdict().get("n") or ""
            if re.search(r.opening.replace("{n}", re.escape(n)), flat_opening):
                return r.subject
    return None


def contradicts(sentence: str, report: Report) -> bool:
    """Whether a sentence says what this year's tables make untrue (“未收到政府信息公开申请” when 表三 has some)."""
    figures = figures_of(report)
    return any(re.search(c.words, sentence) and c.when.holds(figures) for c in paragraphs().contradictions)
