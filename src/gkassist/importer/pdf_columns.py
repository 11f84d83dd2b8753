"""表三 and 表四 in a PDF: blank cells leave no text, so “（一）予以公开 258 12 1 1” gives four numbers for seven
cells, and 表四's row “5 2 7 8 1 9” six for fifteen.

The PDF knows where each number sits, and the table's header says where each column is: a row of numbers is
written out cell by cell (“（一）予以公开 | 258 | 12 |  |  | 1 | 1 | ”, the way a Word or HTML table reads)
where every number falls in a column of its own. A row that does not fit so is left as the PDF gives it (the
importer then reads it as before, or says it is unread) — a number is never placed by guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from gkassist.core import formats

# Where each column's heading starts (its first two characters: headings wrap, “科研\n机构”); 小计 when a
# report adds that column for the five kinds of 法人.
# (A PDF's positions are read before its format is known: the latest format's columns; 表三's and 表四's have not
# changed between formats.)
_HEADS = [c.label[:2] for c in formats.latest().t3.columns if not c.optional]
_SUBTOTAL = "小计"
_HEADER_START = re.compile(r"申\s*请\s*人\s*情\s*况")
_FIRST_ROW = re.compile(r"一\s*、\s*本\s*年\s*新\s*收")
_LAST_ROW = re.compile(r"结\s*转\s*下\s*年\s*度\s*继\s*续\s*办\s*理")
_NUMBER = re.compile(r"(?<!\S)-?\d[\d,]*(?:\.\d+)?(?!\S)")


@dataclass
class Columns:
    """The column boundaries of 表三 once its header is seen, kept across pages until its last row."""

    left: float = 0.0  # where the first column (自然人) begins
    bounds: list[float] = field(default_factory=list)  # between column i and i + 1
    active: bool = False

    @property
    def count(self) -> int:
        return len(self.bounds) + 1


def with_cells(text: str, charbox, columns: Columns, rules=lambda: ()) -> str:
    """The page's text (pdfium's, “\r\n” between lines; `charbox(i)` is the box of its i-th character) with
    表三's and 表四's rows of numbers written out cell by cell. `rules()`, the page's horizontal lines as (y,
    left, right) (asked for only on a page of 表三), tell its rows apart: a row with no number between its lines
    is a row of blank cells."""
    out, pos = [], 0
    for start, end, row in sorted(_t3_rows(text, charbox, columns, rules) + _t4_row(text, charbox)):
        if start < pos:
            continue
        out += [text[pos:start], row]
        pos = end
    return "".join(out) + text[pos:]


def _t3_rows(text: str, charbox, columns: Columns, rules) -> list[tuple[int, int, str]]:
    start = 0
    header = _HEADER_START.search(text)
    first = _FIRST_ROW.search(text, header.end()) if header else None
    if header and first:
        found = _header_columns(text, header.end(), first.start(), charbox)
        if found is not None:
            columns.left, columns.bounds, columns.active = found[0], found[1], True
            start = first.start()
    rows: list[tuple[int, int, str]] = []
    if not columns.active:
        return rows
    # the row lines under the column of 自然人: between two of them is one row of 表三
    lines_y = sorted({round(y, 1) for y, left, right in rules() if left <= columns.left + 1 < right})
    band_lines: dict[int, list[re.Match]] = {}
    with_numbers: set[int] = set()
    for line in re.finditer(r"[^\r\n]+", text):
        if not columns.active:
            break
        if line.end() <= start or not line.group(0).strip():
            continue
        row = _row(line.group(0), line.start(), charbox, columns)
        if row != line.group(0):
            rows.append((line.start(), line.end(), row))
        if len(lines_y) > 2:
            box = charbox(line.start() + len(line.group(0)) - len(line.group(0).lstrip()))
            band = bisect_right(lines_y, (box[1] + box[3]) / 2)
            band_lines.setdefault(band, []).append(line)
            if _NUMBER.search(line.group(0)):
                with_numbers.add(band)
        if _LAST_ROW.search(line.group(0)):
            columns.active = False
    for band, lines in band_lines.items():
        if band not in with_numbers and 0 < band < len(lines_y):
            last = lines[-1]  # a label over several lines: the cells follow its last line
            rows.append((last.start(), last.end(), last.group(0) + " | " + " | ".join([""] * columns.count)))
    return rows


def _header_columns(text: str, start: int, end: int, charbox):
    """(left edge, boundaries) from the headings' positions, or None when they are not all found in order."""
    band = text[start:end]
    heads = list(_HEADS)
    if _SUBTOTAL in band:
        heads.insert(heads.index(_HEADS[-1]), _SUBTOTAL)
    spans = []
    for head in heads:
        at = next((m.start() for m in re.finditer(head, band)
                   if not (head == "其他" and band[m.start() - 1: m.start()] == "或")), None)  # not 法人或其他组织
        if at is None:
            return None
        left = charbox(start + at)[0]
        right = charbox(start + at + len(head) - 1)[2]
        spans.append((left, right))
    if any(b[0] <= a[0] for a, b in zip(spans, spans[1:])):
        return None
    return spans[0][0], _bounds(spans)


def _bounds(spans) -> list[float]:
    """Between two columns' headings (left, right), halfway: where one column ends and the next begins."""
    return [(a[1] + b[0]) / 2 for a, b in zip(spans, spans[1:])]


_MARGIN = 6.0  # points: a number a little left of its heading (right-aligned headings, padding)


def _placed(numbers: list[tuple[int, str]], charbox, left: float, bounds: list[float]) -> list[str] | None:
    """The numbers (text offset, digits) in the columns whose span holds each one's centre; None when one lies
    left of the first column (it is in the row's label) or two fall in one column (positions do not tell)."""
    cells = [""] * (len(bounds) + 1)
    for at, number in numbers:
        centre = (charbox(at)[0] + charbox(at + len(number) - 1)[2]) / 2
        if centre < left - _MARGIN:
            return None
        i = bisect_right(bounds, centre)
        if cells[i]:
            return None
        cells[i] = number
    return cells


def _row(line: str, offset: int, charbox, columns: Columns) -> str:
    numbers = list(_NUMBER.finditer(line))
    if not numbers:
        return line
    cells = _placed([(offset + m.start(), m.group(0)) for m in numbers], charbox, columns.left, columns.bounds)
    if cells is None:
        return line
    label = line[:numbers[0].start()].rstrip()
    if line[numbers[-1].end():].strip():
        return line  # text after the numbers: not a row of cells
    return f"{label} | " + " | ".join(cells)  # a blank last cell leaves the line ending in “| ”


_T4_HEADING = re.compile(r"四\s*、[^\r\n]*行\s*政\s*复\s*议[^\r\n]*(?:\r?\n|$)")
_T4_GROUP_WORDS = re.compile(r"复议|诉讼|起诉|[。，,；]")  # 行政复议 / 未经复议直接起诉 … span several columns


def _t4_row(text: str, charbox) -> list[tuple[int, int, str]]:
    """表四's row of numbers written out cell by cell, its columns from its header's words (“结果\n维持” stacked in
    one column): where exactly fifteen columns show and every number falls in one of its own."""
    heading = _T4_HEADING.search(text)
    if not heading:
        return []
    lines = list(re.finditer(r"[^\r\n]+", text[heading.end():]))
    first_numbers = next((i for i, ln in enumerate(lines) if _NUMBER.search(ln.group(0))), None)
    if first_numbers is None:
        return []
    spans = []
    for ln in lines[:first_numbers]:
        for word in re.finditer(r"\S+", ln.group(0)):
            if _T4_GROUP_WORDS.search(word.group(0)) or len(word.group(0)) > 4:
                continue
            at = heading.end() + ln.start() + word.start()
            spans.append([charbox(at)[0], charbox(at + len(word.group(0)) - 1)[2]])
    columns: list[list[float]] = []
    for left, right in sorted(spans):
        if columns and left <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], right)  # words stacked in one column
        else:
            columns.append([left, right])
    if len(columns) != len(formats.latest().t4.value_columns()):
        return []
    rows = []
    for ln in lines[first_numbers:]:
        if not ln.group(0).strip() or _NUMBER.sub("", ln.group(0)).strip():
            break  # the row of numbers ends at the first line holding anything else
        rows.append(ln)
    if not rows:
        return []  # the first line with a number holds text too (“注：2021年…”): no row of cells
    numbers = [(heading.end() + ln.start() + m.start(), m.group(0)) for ln in rows for m in _NUMBER.finditer(ln.group(0))]
    cells = _placed(numbers, charbox, columns[0][0], _bounds(columns))
    if cells is None:
        return []
    return [(heading.end() + rows[0].start(), heading.end() + rows[-1].end(), " | ".join(cells))]
