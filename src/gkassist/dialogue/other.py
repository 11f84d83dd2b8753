"""六、其他需要报告的事项 composed from what the clerk's answer states (prompts/paragraphs.yaml `other`): the 人大代表建议
and 政协委员提案 handled, no 信息处理费, nothing else to report — each written as a published report says it, never in
the clerk's words (“没有，收费也没收” → “2025年，我局未收取信息处理费，无其他需要报告的事项。”).  What the answer says
besides is composed as any narrative answer (dialogue.sentences)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gkassist.core.model import Report
from gkassist.dialogue.composed import Other, OtherWrite, compose, paragraphs
from gkassist.dialogue.register import self_name
from gkassist.dialogue.sentences import Composed, compose_answer, normalized

_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
_CLAUSE = re.compile(r"[^，,]+")


@dataclass
class _Read:
    counts: dict[str, int | None] = field(default_factory=lambda: {"npc": None, "cppcc": None})  # 0: said none
    qualifier: str = ""  # what kind of proposals they were (“涉及政务公开的”), as said
    fee_none: bool = False
    fee_charged: str = ""  # the amount said charged (“信息处理费2150元”), written as a report says it
    fee_change: str = ""  # “more”/“less”: the fee compared with last year's, said right after it
    led_none: bool = False  # none led by the unit (“没有我们局主办的”): 协办 not ruled out
    nothing_else: bool = False
    with_proposals: list[str] = field(default_factory=list)  # what the sentence of the proposals goes on to say
    rest: list[str] = field(default_factory=list)  # the sentences of other matters


def _proposals_in(clause: str, d: Other) -> dict[str, int | str] | None:
    """The counts a clause gives of 人大代表建议 and 政协委员提案 (0: said none), None when it names neither."""
    found: dict[str, int | str] = {}
    if re.search(d.npc, clause) and re.search(d.cppcc, clause) and (m := re.search(f"各{d.count}", clause)):
        return {"npc": int(m["n"]), "cppcc": int(m["n"])}  # (“人大建议、政协提案各5件”)
    for kind in ("npc", "cppcc"):
        word = getattr(d, kind)
        if not re.search(word, clause):
            continue
        other = d.cppcc if kind == "npc" else d.npc
        # (“人大代表建议2025年市政府办承办了8件”: a year and who handled them may come between, never the other kind)
        if m := re.search(f"{word}(?:(?!{other})(?:[^，。；0-9]|[0-9]{{4}}年)){{0,16}}?{d.count}", clause):
            found[kind] = int(m["n"])
            if q := re.search(f"{d.qualifier}(?={word})", clause):
                found["qualifier"] = q[0]  # (“涉及公开的人大建议5件”: what they were, kept)
        elif re.search(d.negation, clause):
            found[kind] = 0
    return found or None


def _read(text: str, d: Other) -> _Read:
    read = _Read()
    for m in _SENTENCE.finditer(normalized(text)):
        kept: list[str] = []
        proposals_here = False
        for clause in _CLAUSE.findall(m.group(0).rstrip("。！？!?；; ")):
            clause = clause.strip()
            if re.search(f"{d.npc}|{d.cppcc}", clause) and re.search(d.declined, clause):
                continue  # the clerk telling the drafter to leave them out: no sentence, no count made up
            if (counts := _proposals_in(clause, d)) is not None:
                read.qualifier = read.qualifier or str(counts.pop("qualifier", ""))
                read.counts.update({k: v for k, v in counts.items() if not isinstance(v, str)})
                read.led_none = read.led_none or not any(counts.values()) and bool(re.search(d.led, clause))
                proposals_here = True
                # (“建议办理126件、提案208件、结果都在网上公开了”: what the clause goes on to say of them)
                if tail := re.split(f"{d.count}|{d.negation}", clause)[-1].strip("、，, "):
                    if not re.search(f"{d.npc}|{d.cppcc}|{d.led}", tail):
                        kept.append(tail)
            elif re.fullmatch(d.topic, clause):
                continue  # 六's question named again: says nothing
            elif re.search(d.fee, clause) and re.search(d.fee_negation, clause) and not re.search(r"[1-9]", clause):
                read.fee_none = True
            elif re.search(d.fee, clause) and (fee := re.search(d.fee_amount, clause)) and re.search(r"[1-9]", fee["amount"]):
                read.fee_charged = fee["amount"]
            elif read.fee_charged and (change := re.search(d.fee_compared, clause)):
                read.fee_change = "less" if change["less"] else "more"
            elif re.fullmatch(d.nothing_else, clause):
                read.nothing_else = True
            elif clause:
                kept.append(clause)
        if proposals_here:
            read.with_proposals += kept
        elif kept:
            read.rest.append("，".join(kept) + "。")
    return read


def _proposals_sentence(read: _Read, w: OtherWrite, self_name: str) -> tuple[str, str]:
    """The sentence of the proposals handled, and the kind said none that follows what is said of them."""
    a, b = read.counts["npc"], read.counts["cppcc"]
    if read.qualifier and (a or b):  # (“办理涉及公开的人大代表建议5件、政协委员提案8件”)
        w = w.model_copy(update={k: re.sub(r"^办理", "办理" + read.qualifier, getattr(w, k)) for k in ("both", "npc", "cppcc")})
    if a == 0 and b == 0 and read.led_none:
        return w.none_led.format(self=self_name), ""
    if a and b:
        return w.both.format(a=a, b=b), ""
    if a:
        return w.npc.format(a=a), w.cppcc_none if b == 0 else ""
    if b:
        return w.cppcc.format(b=b), w.npc_none if a == 0 else ""
    if a == 0 and b == 0:
        return w.none, ""
    none = w.npc_none if a == 0 else w.cppcc_none if b == 0 else ""
    return (w.alone.format(what=none) if none else ""), ""


def compose_other(text: str, report: Report) -> Composed:
    """六 from the clerk's answer: the proposals handled (and what the answer says of them), the other matters
    composed as narrative sentences, then that no 信息处理费 was charged (said so, or not said at all) and that there
    is nothing else to report (said so, or nothing else said)."""
    d = paragraphs().other
    read = _read(text, d)
    sentences = []
    said_of_proposals = Composed("")
    proposals, other_none = _proposals_sentence(read, d.write, self_name(report))
    if proposals:
        said_of_proposals = compose_answer("，".join(read.with_proposals), report, shortfalls=False, subject=False)
        said = [said_of_proposals.text.rstrip("。")] if said_of_proposals.text else []
        sentences.append("，".join([proposals, *said]) + (("；" if said else "，") + other_none if other_none else "") + "。")
    rest = compose_answer("".join(read.rest), report, shortfalls=False) if read.rest else Composed("")
    if rest.text:
        sentences.append(rest.text)
    fee_said = re.search(d.fee, normalized(text))
    closing = [compose("fees", report).rstrip("。")] if read.fee_none or not fee_said else []
    if read.fee_charged:  # (“信息处理费2150元”: 2025年，我市收取信息处理费2150元)
        closing = [d.write.fee_charged.format(year=report.year, self=self_name(report), amount=read.fee_charged)]
        if read.fee_change:  # (“比去年少”: 较2024年有所减少)
            closing[0] += f"，较{report.year - 1}年有所" + ("减少" if read.fee_change == "less" else "增加")
    # (“无其他需要报告的事项” only when 六 reports nothing: never after the proposals handled or another matter)
    reported = any(read.counts.values()) or rest.text
    if not reported:
        closing.append(d.write.nothing_else)
    if closing:
        sentences.append("，".join(closing) + "。")
    return Composed("".join(sentences), spoken=said_of_proposals.spoken + rest.spoken, facts=rest.facts)
