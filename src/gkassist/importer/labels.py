"""Row labels printed otherwise than the format's: a wording variant (“规范性文件”, the 2019 wording, in a 2021
table) or a misprint (a character or two missing or wrong: “1.本机关不掌握政府信息”).

A row whose label is not found exactly is looked for only in its place — between the rows found before and
after it — as a run of text followed by cells, and taken where its label is the one nearest in edit distance
(at most two characters, and at most a third of the label) and no other row of that place is as near.  A tie
leaves the row unread, as before."""

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
            continue
        found.append((rows[k][0], c_start, c_end, printed.strip()))
        next_row = k + 1
    return found
