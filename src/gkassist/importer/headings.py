"""The report's parts: the six section headings (as published headings vary), where the report ends (a second
report pasted after it), and lines joined into paragraphs."""

from __future__ import annotations

import re
from functools import cache

from gkassist.core import formats
from gkassist.importer.title import PAGE_META, PUBLISHER, TITLE, Title, title_line


def _heading_pattern(numbers: str, title: str, variants: str, first: bool) -> re.Pattern:
    """A section heading as published: a numeral (any of the headings', so that a misnumbered heading is still
    found — SECTION-HEADINGS says so), then its title with any spacing or a declared variant wording; never a
    sub-heading “（一）…”.  The first heading's “、” is often left out."""
    body = variants or r"\s*".join(re.escape(ch) for ch in title)
    if not variants and body.endswith(r"情\s*况"):
        body = body[: -len(r"情\s*况")] + r"(?:的\s*)?情\s*况"  # “主动公开政府信息的情况”
    separator = r"\s*[、.．]" + ("?" if first else "") + r"\s*"
    return re.compile(rf"(?<![（(])[{numbers}]{separator}{body}")


@cache
def _section_patterns(versions: tuple[str, ...]) -> dict[str, re.Pattern]:
    known = formats.all_formats()
    numbers = "".join(dict.fromkeys(s.number for f in known for s in f.sections))
    numbers += "1-" + str(max(len(f.sections) for f in known))
    first: dict[str, tuple] = {}
    for fmt in reversed(known):  # the latest format's order and wording first
        for i, section in enumerate(fmt.sections):
            first.setdefault(section.id, (section, i == 0))
    return {sid: _heading_pattern(numbers, s.title, s.variants, is_first) for sid, (s, is_first) in first.items()}


def section_patterns() -> dict[str, re.Pattern]:
    """The headings of every known format's sections, the latest format's first (headings are found before the
    report's format is known)."""
    return _section_patterns(formats.versions())


def section_tables() -> dict[str, str]:
    """Which table a section holds, in any known format."""
    return {s.id: s.table for f in formats.all_formats() for s in f.sections if s.table}


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
    for sid, pattern in section_patterns().items():
        candidates = list(pattern.finditer(text, pos))
        if not candidates:
            continue
        m = candidates[0]
        table_id = section_tables().get(sid)
        if table_id:
            # the heading that is followed by its table (the overview may repeat the headings)
            for cand in candidates:
                window = text[cand.end(): cand.end() + 3000]
                start = TABLE_START[table_id].search(window)
                if start and not any(p.search(window[: start.start()]) for p in section_patterns().values() if p is not pattern):
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
    for sid, pattern in section_patterns().items():
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
    out: list[str] = []
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
    nxt = [m.start() for m in (TITLE.search(text, after), section_patterns()["overview"].search(text, after)) if m]
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
