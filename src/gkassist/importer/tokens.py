"""The characters and cells of a report's text: normalisation (full-width digits, page marks) and the tokens of
a table row — numbers, “/”, blank cells and text — however the source separated them (pipes, tabs, spaces, a
cell per line, or none at all)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_PAGE_MARK = re.compile(r"^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$", re.M)
_NA_TOKENS = {"/", "／", "—", "-", "－", "–", "——", "\\"}


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    text = text.translate(_FULLWIDTH)
    text = _PAGE_MARK.sub("", text)
    return text


@dataclass
class Token:
    kind: str  # "num" | "na" | "blank" | "text"
    text: str
    start: int
    end: int
    glued: bool = False  # digits running straight into text ("164640第二十条")
    trailing: bool = False  # the empty field after a line's last "|": a blank cell, or a Markdown row's end
    unit: str | None = None  # “元”/“万元” written with an amount (“251000元”)
    spacing: bool = False  # an empty field between tabs: a blank cell, or tabs used to line text up


_WS_TOKEN = re.compile(r"\S+")
_SEPARATOR_CHARS = frozenset(" \t:|-\u3000")
_NUMERIC = re.compile(r"^-?\d[\d,，]*(?:\.\d+)?$")


_CELL_LINE = re.compile(r"[^|]*\|")  # “0 |”: one cell and its closing pipe, a line per cell


def _one_cell_per_line(lines: list[str]) -> bool:
    """A page copied a cell per line (“规章 |” / “0 |” / “|” for an empty cell / “||” for a merged one)."""
    filled = [ln.strip() for ln in lines if ln.strip()][:3]
    return len(filled) >= 2 and all(_CELL_LINE.fullmatch(ln) or set(ln) == {"|"} for ln in filled)


def tokenize(region: str, offset: int = 0) -> list[Token]:
    """The tokens of a table's text, line by line, each line read by how it separates its cells: a cell per line,
    pipes, tabs, or spaces (and none)."""
    tokens: list[Token] = []
    pos = 0
    lines = region.split("\n")
    per_line = _one_cell_per_line(lines)
    for line in lines:
        line_start = pos
        pos += len(line) + 1
        at = offset + line_start
        if line_start == 0 and line.count("\t") >= 2 and not line.strip():
            tokens += _blank_label_row(line, at)
        elif not line.strip():
            continue
        elif per_line and _CELL_LINE.fullmatch(line.strip()):
            tokens += _cell_line(line, at, first=line_start == 0)
        elif "-" in line and set(line) <= _SEPARATOR_CHARS:
            continue  # a Markdown separator line (a set test: the regex it replaces backtracked on long blank lines)
        elif "|" in line:
            tokens += _piped(line, at, first=line_start == 0)
        elif "\t" in line.strip() or (line_start == 0 and "\t" in line):  # on the label's line a tab parts cells
            tokens += _tabbed(line, at, first=line_start == 0)
        else:
            _spaced(line, at, tokens)
    return tokens


def _blank_label_row(line: str, at: int) -> list[Token]:
    """“label\t\t\t…”: the label's row of blank cells (the field before the first tab is no cell)."""
    out = []
    p = line.index("\t") + 1
    for f in line.split("\t")[1:]:
        out.append(Token("blank", "", at + p, at + p + len(f), spacing=True))
        p += len(f) + 1
    return out


def _cell_line(line: str, at: int, first: bool) -> list[Token]:
    """“0 |”: a page copied a cell per line."""
    cell = line.strip()[:-1].strip()
    if not cell and first:
        return []  # the label's own closing pipe is no cell
    start = at + max(line.find(cell), 0)
    return [_classify(cell, start, start + len(cell), pipe=True)]


def _piped(line: str, at: int, first: bool) -> list[Token]:
    """Cells between pipes (text and Markdown tables)."""
    if not line.replace("|", "").strip() and (not first or line.count("|") < 2):
        # only the pipes before the next row's label (a Markdown row continues); on the label's own line (the
        # region's first) “label |  |  |” is a row of blank cells, read as blanks
        return []
    fields = line.split("|")
    starts = []
    p = 0
    for f in fields:
        starts.append(p)
        p += len(f) + 1
    if fields and not fields[0].strip():
        fields, starts = fields[1:], starts[1:]
    out = [_classify(f.strip(), at + s, at + s + len(f), pipe=True) for f, s in zip(fields, starts)]
    if len(fields) > 1 and not fields[-1].strip():
        # “| a | b |” (Markdown) ends with an empty field that is no cell, “a | b |” with a blank last cell: which
        # one, only the row's count of cells can tell (_TableReader._put)
        out[-1].trailing = True
    return out


def _tabbed(line: str, at: int, first: bool) -> list[Token]:
    """A table copied from Word or a browser: cells between tabs, an empty field a blank cell — or, where a row has
    more fields than cells, tabs for spacing (_TableReader._put tells which by the count)."""
    out = []
    p = 0
    fields = line.split("\t")
    first_filled = next((i for i, f in enumerate(fields) if f.strip()), len(fields))
    for i, f in enumerate(fields):
        if f.strip():
            out.append(_classify(f.strip(), at + p, at + p + len(f)))
        elif i > first_filled or (0 < i < first_filled and first):  # on the label's line, after its tab
            out.append(Token("blank", "", at + p, at + p + len(f), trailing=i == len(fields) - 1, spacing=True))
        p += len(f) + 1
    return out


def _spaced(line: str, at: int, tokens: list[Token]) -> None:
    """Words between spaces (a PDF's text), each split where text and digits run together."""
    for m in _WS_TOKEN.finditer(line):
        word = m.group(0)
        if word in ("元", "万元") and tokens and tokens[-1].kind == "num" and tokens[-1].unit is None \
                and tokens[-1].end >= at:
            tokens[-1].unit = word  # “251000 元”: a PDF's amount with its unit as a word of its own
            continue
        tokens.extend(_split_word(word, at + m.start()))


_PIECE = re.compile(r"-?\d[\d,，]*(?:\.\d+)?|[^\d-]+|-")


_AMOUNT = re.compile(r"^(-?\d[\d,，]*(?:\.\d+)?)\s*(万元|元)$")


def _amount(text: str, start: int, end: int) -> Token | None:
    """“251000元”, “2.5万元”: the number with its unit (converted only where the cell's unit is known); None for
    anything else."""
    m = _AMOUNT.match(text)
    if not m:
        return None
    return Token("num", m.group(1).replace(",", "").replace("，", ""), start, end, unit=m.group(2))


def _split_word(word: str, start: int) -> list[Token]:
    """A whitespace-free word may hold text and digits run together ("总计010000000000000"), or an amount with
    its unit ("251000元")."""
    if (amount := _amount(word, start, start + len(word))) is not None:
        return [amount]
    pieces = list(_PIECE.finditer(word))
    if len(pieces) == 1:
        return [_classify(word, start, start + len(word))]
    out = []
    for i, p in enumerate(pieces):
        tok = _classify(p.group(0), start + p.start(), start + p.end())
        if tok.kind == "num" and i + 1 < len(pieces) and not re.match(r"-?\d", pieces[i + 1].group(0)):
            tok.glued = True  # digits running straight into text
        out.append(tok)
    return out


def _classify(text: str, start: int, end: int, pipe: bool = False) -> Token:
    if not text:
        return Token("blank" if pipe else "text", text, start, end)
    if text in _NA_TOKENS:
        return Token("na", text, start, end)
    if text == "无":
        return Token("num", "0", start, end)
    if _NUMERIC.match(text):
        return Token("num", text.replace(",", "").replace("，", ""), start, end)
    if (amount := _amount(text, start, end)) is not None:
        return amount
    return Token("text", text, start, end)


def leading_cells(tokens: list[Token], n: int) -> list[Token]:
    """The cells at the start of a row's text: numbers, "/" and blanks up to the first other text."""
    out: list[Token] = []
    for t in tokens:
        if t.glued:
            # digits running into text ("00三、本年度…") end a run-together row; when the row already
            # has its cells they belong to the text ("2020年本行政区域…")
            if len(out) < n:
                out.append(t)
            break
        if t.kind in ("num", "na", "blank"):
            out.append(t)
        else:
            if out:
                break
    return out

