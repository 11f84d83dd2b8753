"""The report's parts: the six section headings (as published headings vary), where the report ends (a second
report pasted after it), and lines joined into paragraphs."""

from __future__ import annotations

import re

from gkassist.core import formats
from gkassist.importer.title import PAGE_META, PUBLISHER, TITLE, Title, title_line

# Each heading with any numeral 一 to 六 in its place, so that a misnumbered heading is still found (SECTION-HEADINGS
# says so); the words after it tell the section.
SECTION_PATTERNS: dict[str, re.Pattern] = {
    "overview": re.compile(r"(?:^|(?<![（(]))[一二三四五六1-6]\s*[、.．]?\s*总\s*体\s*情\s*况"),
    "proactive": re.compile(r"(?<![（(])[一二三四五六1-6]\s*[、.．]\s*主\s*动\s*公\s*开\s*政\s*府\s*信\s*息\s*(?:的\s*)?情\s*况"),
    "requests": re.compile(r"(?<![（(])[一二三四五六1-6]\s*[、.．]\s*收\s*到\s*和\s*处\s*理\s*政\s*府\s*信\s*息\s*公\s*开\s*申\s*请\s*(?:的\s*)?情\s*况"),
    # published headings vary ("行政复议与行政诉讼", even "行政法复议")
    "appeals": re.compile(r"(?<![（(])[一二三四五六1-6]\s*[、.．]\s*(?:(?!结转)[^。\n]){0,20}?复\s*议[^。\n]{0,12}?诉\s*讼[^。\n]{0,6}?情\s*况"),
    "problems": re.compile(r"(?<![（(])[一二三四五六1-6]\s*[、.．]\s*[^。\n\d]{0,12}?存\s*在\s*的?\s*主\s*要\s*问\s*题(?:\s*[及和与]\s*[^。\n\d]{0,8}?(?:情\s*况|计\s*划|措\s*施|方\s*向))?"),
    "other": re.compile(r"(?<![（(])[一二三四五六1-6]\s*[、.．]\s*其\s*他\s*需\s*要\s*报\s*告\s*的\s*事\s*项"),
}
# What marks the start of a table inside its section.
TABLE_START = {
    "t2": re.compile(r"第\s*二\s*十\s*条\s*第"),
    "t3": re.compile(r"[（(]?\s*本\s*列\s*数\s*据|申\s*请\s*人\s*情\s*况"),
    "t4": re.compile(r"类别\s*\||行\s*政\s*复\s*议\s*[|\s]*行\s*政\s*诉\s*讼|结\s*果\s*维\s*持"),
}


def find_headings(text: str) -> list[tuple[str, int, int]]:
    """(section id, start, end) of each heading found, in order."""
    found = []
    pos = 0
    for sid, pattern in SECTION_PATTERNS.items():
        candidates = list(pattern.finditer(text, pos))
        if not candidates:
            continue
        m = candidates[0]
        table_id = formats.SECTION_TABLE.get(sid)
        if table_id:
            # the heading that is followed by its table (the overview may repeat the headings)
            for cand in candidates:
                window = text[cand.end(): cand.end() + 3000]
                start = TABLE_START[table_id].search(window)
                if start and not any(p.search(window[: start.start()]) for p in SECTION_PATTERNS.values() if p is not pattern):
                    m = cand
                    break
        found.append((sid, m.start(), m.end()))
        pos = m.end()
    return found


def with_headings_out_of_place(text: str, headings: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The headings found in order, and those found only out of their place (六 printed before 五), all in the
    order of the text, so that each section is read up to the next heading whatever its number.  Looked for after
    the first heading only: a preface listing the six parts holds no heading."""
    if not headings:
        return headings
    seen = {sid for sid, _, _ in headings}
    found = list(headings)
    for sid, pattern in SECTION_PATTERNS.items():
        if sid not in seen and (m := pattern.search(text, headings[0][2])):
            found.append((sid, m.start(), m.end()))
    return sorted(found, key=lambda h: h[1])


def printed_headings(text: str, headings: list[tuple[str, int, int]]) -> list[tuple[str, str]]:
    """(section id, heading as printed) in the order of the text."""
    return [(sid, re.sub(r"\s+", "", text[start:end])) for sid, start, end in headings]


_ENDS_SENTENCE = frozenset("。！？：；!?;:")
_STARTS_PARAGRAPH = re.compile(r"(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是]|\d+[、.．])")


def split_paragraphs(body: str, wrapped: bool) -> list[str]:
    """Lines joined into paragraphs, in time linear in the text: a paragraph grows as a list of lines and only
    its last character is looked at (a regex over the growing paragraph made 10,000 lines take seconds)."""
    paras: list[str] = []
    buf: list[str] = []
    for ln in (line.strip() for line in body.split("\n")):
        if not ln:
            if buf and not wrapped:
                paras.append("".join(buf))
                buf = []
            continue
        if buf and (not wrapped or _STARTS_PARAGRAPH.match(ln) or buf[-1][-1] in _ENDS_SENTENCE):
            paras.append("".join(buf))
            buf = [ln]
        else:
            buf.append(ln)
    if buf:
        paras.append("".join(buf))
    # text that came as one long line: cut before the sub-headings （一）…
    out = []
    for p in paras:
        pieces = re.split(r"(?<=[。；;])\s*(?=[（(][一二三四五六七八九十]{1,3}[）)])", p)
        out.extend(x.strip() for x in pieces if x.strip())
    return out


def is_wrapped(text: str) -> bool:
    lines = [ln.strip() for ln in text.split("\n") if len(ln.strip()) > 8]
    if len(lines) < 10:
        return False
    lengths = sorted(len(ln) for ln in lines)
    typical = lengths[int(len(lengths) * 0.8)]
    if typical > 60:
        return False
    unterminated = sum(1 for ln in lines if not re.search(r"[。！？：；!?;:]$", ln) and len(ln) >= 0.8 * typical)
    return unterminated / len(lines) > 0.4


_NAV_JUNK = re.compile(r"^.*(?:-->|相关链接[:：]?)\s*", re.S)


def end_of_report(text: str, after: int) -> int:
    """Where a second report pasted after this one begins (its title, or its 一、总体情况)."""
    nxt = [m.start() for m in (TITLE.search(text, after), SECTION_PATTERNS["overview"].search(text, after)) if m]
    if not nxt:
        return len(text)
    cut = text.rfind("\n", after, min(nxt))
    if cut <= after:
        return min(nxt)
    prev = text.rfind("\n", after, cut)
    if prev > after and len(text[prev + 1:cut].strip()) < 40 and not re.search(r"[。；]$", text[prev + 1:cut].strip()):
        cut = prev  # the agency line above the title
    return cut


def preface_paragraphs(head_text: str, title: Title, agency: str, wrapped: bool) -> list[str]:
    """The paragraphs between the title and the first heading, without the page's own lines."""
    tm = title.match
    preface = head_text[title.end:]
    if "-->" in preface or "相关链接" in preface:
        preface = _NAV_JUNK.sub("", preface, count=1)
    if tm and title.end == 0 and tm.start() < len(head_text) and not title.in_sentence:
        preface = head_text[tm.end():]
    paras = [p for p in split_paragraphs(preface, wrapped) if not PUBLISHER.match(p) and not PAGE_META.match(p)]
    if agency and paras and paras[0] in (agency,):
        paras = paras[1:]
    while paras and title_line(paras[0])[0] is not None and len(paras[0]) < 80:
        paras = paras[1:]  # the title printed once more under the agency's name
    return paras
