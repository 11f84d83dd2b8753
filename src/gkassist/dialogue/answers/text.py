"""The first stage of reading an answer: its clauses, the asides in brackets that belong to them, and numbers in
every form clerks write them (3、３、三、两、十二, “一家公司申请了1件”)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gkassist.core.numbers import parse_number

# Numbers: arabic (full-width too), decimals, Chinese numerals; a count is the number before 件 etc.
NUM = r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万]+)"
UNIT = r"(?:件|个|条|宗|次|份|项|起|例|笔|家|名|位|所)"
# Arabic numbers count anywhere; a Chinese numeral only with a unit after it (第三方, 三安全一稳定 are words).
COUNT = re.compile(r"(-|负|－)?([0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万]+(?=\s*" + UNIT + r"))\s*" + UNIT + "?")
NEGATIVE = re.compile(r"(?:^|[^0-9])[-－负]\s*[0-9０-９一二两三四五六七八九十]")
# words that start a new clause of their own (“另外” only before a count: “要另外制作” is one clause)
_SPLIT = re.compile(r"[，,、；;。！!？?：:\n]+|其中|另有|此外|以及|(?:另外|还有)(?=[0-9０-９一二两三四五六七八九十])")
_BRACKETS = re.compile(r"[（(\[【]([^（）()\[\]【】]*)[）)\]】]")
_ASIDE = "\ue000"  # where an aside in brackets stood


@dataclass
class Clause:
    text: str
    heads: bool = False  # ends with a colon: it heads what follows (“个人的：”)
    ends: bool = False  # ends a sentence or a “；” part
    asides: list[str] = field(default_factory=list)  # the clauses of what followed it in brackets
    turn: int = 0  # which answer of the conversation it comes from


def unspaced(text: str, names_a_row) -> str:
    """Spaces typed instead of commas separate clauses; spaces inside a clause (“申请 3 件”) do not."""
    text = re.sub(r"([0-9０-９零〇一二两三四五六七八九十百千万])\s+(?=[件个条项次家])", r"\1", text)  # “3 件”
    pieces = [p for p in re.split(r"\s+", text.strip()) if p]
    out: list[str] = []
    for piece in pieces:
        tail = re.split(r"[，,、；;。：:]", out[-1])[-1] if out else ""
        if out and not re.search(NUM, out[-1]) and not names_a_row(out[-1]):
            out[-1] += piece  # “自然人 申请3件”: the piece before has no number and no row of its own
        elif tail and not re.search(NUM, tail) and re.match(NUM, piece):
            out[-1] += piece  # “…，予以公开 3 件”: a count after the words it counts
        else:
            out.append(piece)
    return "，".join(out)


def _split(text: str) -> list[tuple[str, bool, bool]]:
    out = []
    pos = 0
    for m in _SPLIT.finditer(text):
        piece = text[pos:m.start()].strip()
        if piece:
            out.append((piece, bool(re.search(r"[:：]", m.group(0))), bool(re.search(r"[；;。！!？?\n]", m.group(0)))))
        pos = m.end()
    tail = text[pos:].strip()
    if tail:
        out.append((tail, False, True))
    return out


def clauses(text: str, names_a_row=lambda piece: False, turn: int = 0) -> list[Clause]:
    """The clauses of an answer in order; what it says in brackets is kept with the clause it follows."""
    text = unspaced(text, names_a_row)
    asides: list[str] = []

    def keep(m: re.Match) -> str:
        asides.append(m.group(1))
        return _ASIDE
    flat = _BRACKETS.sub(keep, text)
    flat = re.sub(r"[（）()\[\]【】]", "，", flat)  # a bracket left open
    out: list[Clause] = []
    for piece, heads, ends in _split(flat):
        found = piece.count(_ASIDE)
        own = piece.replace(_ASIDE, "").strip()
        inner = [a for _ in range(found) for a, _, _ in _split(asides.pop(0))]
        if own:
            out.append(Clause(own, heads, ends, inner, turn))
        elif out:
            out[-1].asides += inner  # “（…）” after the comma that ends its clause
        else:
            out += [Clause(a, turn=turn) for a in inner]
    return out


def count_of(clause: str) -> int | float | None:
    """The count a clause states (the number before 件 if there is one), None when it states none."""
    matches = [m for m in COUNT.finditer(clause) if parse_number(m.group(2)) is not None]
    if not matches:
        return None
    # the number of requests (件) before the number of applicants (一家公司)
    with_unit = [m for m in matches if re.match(r"\s*(?:件|条|宗|次|份|项|起|例|笔)", clause[m.end(2):])]
    m = (with_unit or matches)[0]
    return parse_number(m.group(2).replace("．", "."))


def counted(clause: str) -> str | None:
    """The count as written (“2件”), to put another in its place."""
    m = next((m for m in COUNT.finditer(clause) if parse_number(m.group(2)) is not None), None)
    return m.group(0) if m else None


def all_zero(text: str) -> bool:
    numbers = [parse_number(m.group(2)) for m in COUNT.finditer(text)]
    return bool(numbers) and all(n == 0 for n in numbers)
