"""Row labels printed otherwise than the format's: a wording variant (“规范性文件”, the 2019 wording, in a 2021
table) or a misprint (a character or two missing or wrong: “1.本机关不掌握政府信息”).

A row whose label is not found exactly is looked for only in its place — between the rows found before and
after it — as a run of text followed by cells, and taken where its label is the one nearest in edit distance
(at most two characters, and at most a third of the label) and no other row of that place is as near.  A tie
leaves the row unread, as before.

A misprint that loses more (“2.其他法律行政止公开”: three characters of 法律行政法规禁止公开 missing) is still the
row where its place and its own words say so together: the run carries the row's numbering (“2.”), every
character it prints after it but at most one is the label's, in the label's order, it keeps at least 60 % of the
label, and no other row of that place comes as close.  Anything less leaves the row unread: never a wrong cell."""

from __future__ import annotations

import re

from gkassist.importer.tokens import Token, tokenize

_SAME = str.maketrans({"(": "（", ")": "）", ",": "，", "、": "，", "．": ".", '"': "“", "”": "“", "‘": "“", "’": "“",
                       "'": "“", "「": "“", "」": "“"})
_NOT_LABEL = re.compile(r"[\s|]+")
MAX_PLACE = 20_000  # characters of a row's place looked through (a whole table is a few thousand)
MAX_CANDIDATES = 200  # a table's place holds a few dozen runs of text; a whole file pasted there is not looked through


def _norm(text: str) -> str:
    return _NOT_LABEL.sub("", text).translate(_SAME)


def tail_distance(label: str, text: str) -> int:
    """Edit distance between `label` and the end of `text` that fits it best (text before that is skipped
    freely: a group heading or the previous row's run-together digits before the label)."""
    previous = [0] * (len(text) + 1)
    for i, ch in enumerate(label, 1):
        current = [i] + [0] * len(text)
        for j, tc in enumerate(text, 1):
            current[j] = min(previous[j - 1] + (ch != tc), previous[j] + 1, current[j - 1] + 1)
        previous = current
    return previous[-1]


def allowed(label: str) -> int:
    """How many characters a printed label may differ by: two, and no more than a third of it (“规章” none)."""
    return min(2, len(_norm(label)) // 3)


_NUMBERING = re.compile(r"^(?:\d+[.．、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")
KEPT_SHARE = 0.6  # of a label's characters, a misprint read by its numbering and words must keep


def _common(a: str, b: str) -> int:
    """Length of the longest common subsequence (the characters of `b` that are `a`'s, in `a`'s order)."""
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0]
        for j, tc in enumerate(b, 1):
            current.append(previous[j - 1] + 1 if ch == tc else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def by_numbering_and_words(label: str, said: str) -> float:
    """How much of `label` a misprinted run `said` keeps (0 when it cannot be that row): the run ends with the
    label's numbering and then its words — all of them the label's but one, in order, at least KEPT_SHARE of it."""
    label = _norm(label)
    number = _NUMBERING.match(label)
    if number is None:
        return 0.0
    body = label[number.end():]
    core = number.group(0).rstrip(".，")  # “2.” printed “2、”, “2．” or “2”
    found = [m for m in re.finditer(re.escape(core) + r"[.，]?", said)]
    printed = said[found[-1].end():] if found else ""
    if not printed or not body:
        return 0.0
    kept = _common(body, printed)
    return kept / len(body) if kept >= len(printed) - 1 and kept >= KEPT_SHARE * len(body) else 0.0


def _by_place(rows: list[tuple[str, str]], next_row: int, said: str) -> int | None:
    """The one row of the place (from `next_row` on) that a misprinted run reads as, by numbering and words."""
    scores = sorted(((by_numbering_and_words(label, said), k) for k, (_, label) in enumerate(rows) if k >= next_row),
                    reverse=True)
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


def _candidates(tokens: list[Token], text: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, printed label) of each run of text that cells follow.  A short number glued to the run
    (“1” of “1.属于…”) is compared as part of the label but left out of the span, so the row before keeps its
    cells whatever they are."""
    out = []
    i = 0
    while i < len(tokens):
        if tokens[i].kind != "text":
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].kind == "text":
            j += 1
        if j + 1 < len(tokens):  # cells (or at least one) follow the run
            start = tokens[i].start
            context = start
            if i > 0 and tokens[i - 1].glued and len(tokens[i - 1].text) <= 2:
                context = tokens[i - 1].start
                if context == offset or text[context - offset - 1] in " \t\n|":
                    start = context  # a number of its own glued to the label (“2.其他…”): the label's numbering
            out.append((start, tokens[j].end, text[context - offset: tokens[j].end - offset]))
        i = j + 1
    return out


def loose_matches(text: str, start: int, end: int, rows: list[tuple[str, str]]) -> list[tuple[str, int, int, str]]:
    """For the rows (id, label) whose labels were not found between `start` and `end`, in the format's order:
    (row id, span start, span end, printed label) of each matched loosely."""
    end = min(end, start + MAX_PLACE)
    region = text[start:end]
    candidates = _candidates(tokenize(region, start), text[start:end], start)[:MAX_CANDIDATES]
    found = []
    next_row = 0
    for c_start, c_end, printed in candidates:
        said = _norm(printed)[-60:]
        distances = [(tail_distance(_norm(label), said) if set(_norm(label)) & set(said) else len(label), k)
                     for k, (_, label) in enumerate(rows) if k >= next_row]
        if not distances:
            break
        distances.sort()
        best, k = distances[0]
        if best > allowed(rows[k][1]) or (len(distances) > 1 and distances[1][0] == best):
            placed = _by_place(rows, next_row, said) if best > allowed(rows[k][1]) else None
            if placed is None:
                continue
            k = placed
        found.append((rows[k][0], c_start, c_end, printed.strip()))
        next_row = k + 1
    return found
