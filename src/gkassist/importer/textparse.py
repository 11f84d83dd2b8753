"""Read a published report from its text into the model.

Every source (plain text, HTML, Word, PDF) is first turned into text in which table rows are lines and
cells are separated by " | " where the source knew them; this module then reads that text with the
format definition: section headings, row labels found in order (whitespace-, bracket- and
quote-tolerant, so labels broken over PDF lines or run into the numbers still match), and the numbers
that follow each label.  Cells that ran together without separators are split with the help of the
row's totals and left unread where more than one split fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import product

from gkassist.core import formats
from gkassist.core.figures import stated_figures
from gkassist.core.model import NOT_APPLICABLE, YEAR_MAX, YEAR_MIN, Report
from gkassist.core.numbers import format_number, parse_number

# ------------------------------------------------------------------ normalisation
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_PAGE_MARK = re.compile(r"^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$", re.M)
_NA_TOKENS = {"/", "／", "—", "-", "－", "–", "——", "\\"}

def _heading_pattern(numbers: str, title: str, variants: str, first: bool) -> re.Pattern:
    """A section heading as published: its number in Chinese or in digits (any a format gives it), then its title
    with any spacing (or a declared variant wording); never a sub-heading “（一）…”.  The first heading's “、” is
    often left out."""
    body = variants or r"\s*".join(re.escape(ch) for ch in title)
    if not variants and body.endswith(r"情\s*况"):
        body = body[: -len(r"情\s*况")] + r"(?:的\s*)?情\s*况"  # “主动公开政府信息的情况”
    separator = r"\s*[、.．]" + ("?" if first else "") + r"\s*"
    return re.compile(rf"(?<![（(])[{numbers}]{separator}{body}")


@cache
def _section_patterns(versions: tuple[str, ...]) -> dict[str, re.Pattern]:
    numbers: dict[str, str] = {}
    first: dict[str, object] = {}
    for fmt in reversed(formats.all_formats()):  # the latest format's order and wording first
        for i, section in enumerate(fmt.sections):
            numbers[section.id] = numbers.get(section.id, "") + section.number + str(i + 1)
            first.setdefault(section.id, (section, i == 0))
    return {sid: _heading_pattern("".join(dict.fromkeys(numbers[sid])), s.title, s.variants, is_first)
            for sid, (s, is_first) in first.items()}


def section_patterns() -> dict[str, re.Pattern]:
    """The headings of every known format's sections, the latest format's first (a heading is found before the
    report's format is known)."""
    return _section_patterns(formats.versions())


def _section_tables() -> dict[str, str]:
    """Which table a section holds, in any known format."""
    return {s.id: s.table for f in formats.all_formats() for s in f.sections if s.table}
# What marks the start of a table inside its section.
TABLE_START = {
    "t2": re.compile(r"第\s*二\s*十\s*条\s*第"),
    "t3": re.compile(r"[（(]?\s*本\s*列\s*数\s*据|申\s*请\s*人\s*情\s*况"),
    "t4": re.compile(r"类别\s*\||行\s*政\s*复\s*议\s*[|\s]*行\s*政\s*诉\s*讼|结\s*果\s*维\s*持"),
}
_T4_WORDS = re.compile(r"[行政复议诉讼未经直接起后结果维持纠正其他尚审总计类别·|]+")
_TITLE = re.compile(r"(\d{4})\s*年\s*度?\s*(?:政府信息公开|政务公开)[^\n。]{0,6}?年\s*度\s*报\s*告")
# “2019年上海市人民政府办公厅政府信息公开工作年度报告”: the year first, the agency between
_TITLE_YEAR_FIRST = re.compile(r"(\d{4})\s*年\s*度?\s*([^\n。，,；\d]{2,40}?)\s*(?:政府信息公开|政务公开)[^\n。]{0,6}?年\s*度\s*报\s*告")
# “发布机构：青岚县教育局” and the like, on a published page
_PUBLISHER = re.compile(r"(?:发布机构|发文机关|发布单位|信息来源|来源单位)\s*[:：]\s*([^\s|，,。；;]{2,40})")
# a preface naming the report: “特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告”, “现公布子长市人民政府
# 2023年度政府信息公开工作报告”
_PREFACE_NAMING = re.compile(r"(?:编制|公布|发布)了?([^\s，,。；;、《》“”()（）]{2,40}?)\s*(\d{4})\s*年\s*度?\s*(?:政府信息公开|政务公开)"
                             r"[^\n。]{0,6}?(?:年\s*度\s*)?报\s*告")
# a page's own lines above the article (“发布日期：2020-01-31”, “字号:大 中 小”): no part of the preface
_PAGE_META = re.compile(r"^(?:发布日期|发布时间|成文日期|索引号|文号|字号|浏览次数|访问次数)\s*[:：][^。]{0,60}$")
_AGENCY_END = re.compile(r"(?:政府|办公厅|办公室|局|委员会|委|办|院|厅|署|镇|乡|街道|街道办事处|中心|所|处|会|站|管委会|（管委会）|集团|公司)$")
_NOT_AGENCY = re.compile(r"^(?:根据|依据|按照|本报告|我局|我委|我办|我镇|我乡|我区|我县|我市|为|现|特|以下|如对)|[。，；：、]")


def title_line(text: str):
    """The title as a line of its own (“青岚县教育局2024年政府信息公开工作年度报告”), not the same words inside a
    preface sentence (“…编制青岚县教育局2024年政府信息公开工作年度报告。”): a match of either title form that
    the line holds whole."""
    for line in re.finditer(r"[^\n]+", text):
        stripped = line.group(0).strip()
        if len(stripped) > 80 or re.search(r"[。；]", stripped):
            continue
        for pattern in (_TITLE_YEAR_FIRST, _TITLE):
            m = pattern.search(stripped)
            if m and stripped.endswith(m.group(0)[-4:]):
                return pattern, pattern.search(text, line.start(), line.end())
    return None, None


def looks_like_agency(name: str) -> bool:
    """A title's agency is a name (…人民政府, …局, …街道办事处), never a sentence of the preface."""
    name = name.strip()
    return 2 <= len(name) <= 40 and bool(_AGENCY_END.search(name)) and not _NOT_AGENCY.search(name)


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    text = text.translate(_FULLWIDTH)
    text = _PAGE_MARK.sub("", text)
    return text


def _label_pattern(label: str) -> str:
    parts = []
    chars = list(label)
    for i, ch in enumerate(chars):
        if ch in "“”\"‘’'":
            parts.append(r"[“”\"‘’'「」]?")
        elif ch in "（(":
            parts.append(r"[（(]")
        elif ch in "）)":
            parts.append(r"[）)]")
        elif ch in "，,":
            parts.append(r"[，,、]")
        elif ch == "、":
            parts.append(r"[、，,]")
        elif ch == "." and i > 0 and chars[i - 1].isdigit():
            parts.append(r"[.．、]")
        else:
            parts.append(re.escape(ch))
    return r"\s*".join(parts)


@cache
def row_patterns(version: str, table_id: str) -> list[tuple[str, re.Pattern]]:
    table = formats.get_format(version).tables[table_id]
    out = []
    for row in table.rows:
        if not table.row_labels:
            continue
        out.append((row.id, re.compile(_label_pattern(row.label))))
    return out


# ------------------------------------------------------------------ tokens
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
    tokens: list[Token] = []
    pos = 0
    lines = region.split("\n")
    per_line = _one_cell_per_line(lines)
    for line in lines:
        line_start = pos
        pos += len(line) + 1
        if line_start == 0 and line.count("\t") >= 2 and not line.strip():
            # “label\t\t\t…”: the label's row of blank cells (the field before the first tab is no cell)
            p = line.index("\t") + 1
            for f in line.split("\t")[1:]:
                tokens.append(Token("blank", "", offset + p, offset + p + len(f), spacing=True))
                p += len(f) + 1
            continue
        if not line.strip():
            continue
        if per_line and _CELL_LINE.fullmatch(line.strip()):
            cell = line.strip()[:-1].strip()
            if cell or line_start > 0:  # the label's own closing pipe is no cell
                at = offset + line_start + max(line.find(cell), 0)
                tokens.append(_classify(cell, at, at + len(cell), pipe=True))
            continue
        if "-" in line and set(line) <= _SEPARATOR_CHARS:
            continue  # a Markdown separator line (a set test: the regex it replaces backtracked on long blank lines)
        if "|" in line:
            if not line.replace("|", "").strip() and (line_start > 0 or line.count("|") < 2):
                # only the pipes before the next row's label (a Markdown row continues); on the label's own line
                # (the region's first) “label |  |  |” is a row of blank cells, read as blanks
                continue
            fields = line.split("|")
            starts = []
            p = line_start
            for f in fields:
                starts.append(p)
                p += len(f) + 1
            if fields and not fields[0].strip():
                fields, starts = fields[1:], starts[1:]
            for f, s in zip(fields, starts):
                tokens.append(_classify(f.strip(), offset + s, offset + s + len(f), pipe=True))
            if len(fields) > 1 and not fields[-1].strip():
                # “| a | b |” (Markdown) ends with an empty field that is no cell, “a | b |” with a blank last
                # cell: which one, only the row's count of cells can tell (_TableReader._put)
                tokens[-1].trailing = True
        elif "\t" in line.strip() or (line_start == 0 and "\t" in line):  # on the label's line a tab parts cells
            # a table copied from Word or a browser: cells between tabs, an empty field a blank cell — or, where a
            # row has more fields than cells, tabs for spacing (_TableReader._put tells which by the count)
            p = line_start
            fields = line.split("\t")
            first = next((i for i, f in enumerate(fields) if f.strip()), len(fields))
            for i, f in enumerate(fields):
                if f.strip():
                    tokens.append(_classify(f.strip(), offset + p, offset + p + len(f)))
                elif i > first or (0 < i < first and line_start == 0):  # on the label's line, after its tab
                    tokens.append(Token("blank", "", offset + p, offset + p + len(f), trailing=i == len(fields) - 1,
                                        spacing=True))
                p += len(f) + 1
        else:
            for m in _WS_TOKEN.finditer(line):
                tokens.extend(_split_word(m.group(0), offset + line_start + m.start()))
    return tokens


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


# ------------------------------------------------------------------ splitting run-together digits
def _splits(digits: str, pieces: int):
    """All ways to cut a digit string into `pieces` numbers without leading zeros."""
    if pieces == 1:
        if len(digits) == 1 or digits[0] != "0":
            yield (int(digits),)
        return
    for i in range(1, len(digits) - pieces + 2):
        head = digits[:i]
        if len(head) > 1 and head[0] == "0":
            break
        for rest in _splits(digits[i:], pieces - 1):
            yield (int(head),) + rest


def split_cells(values: list[str], n: int, constraint, limit: int = 50) -> list[list[int]]:
    """The ways to cut tokens whose cells ran together into n cells.

    A cut forced by the digits alone (e.g. 15 digits into 15 cells) is the only reading and is kept
    even if the row does not add up (the checks report that) — but only for one run of digits: numbers
    the text already separates (“258 12 1 1” in a PDF whose blank cells left no text) are cut further only
    where the row's totals (`constraint`) hold.  Returns at most `limit` candidates."""
    if any(not re.fullmatch(r"\d+", v) for v in values) or sum(len(v) for v in values) < n:
        return []
    all_cuts: list[list[int]] = []
    fitting: list[list[int]] = []
    for counts in product(*(range(1, len(v) + 1) for v in values)):
        if sum(counts) != n:
            continue
        for combo in product(*(list(_splits(v, k)) for v, k in zip(values, counts))):
            cells = [x for part in combo for x in part]
            if len(all_cuts) < 2:
                all_cuts.append(cells)
            if constraint is None or constraint(cells):
                fitting.append(cells)
                if len(fitting) >= limit:
                    return fitting
    if len(all_cuts) == 1 and len(values) == 1:
        return all_cuts
    return fitting


def _fits(equations, value_of) -> bool:
    """Whether a candidate split keeps the declared relations.  A sum with a cell still unknown cannot vouch
    for a split (no fit); a strict relation (T3-BALANCE) with one unknown simply does not apply."""
    for eq in equations:
        values = [value_of(a) for a in eq.cells]
        if any(not isinstance(v, (int, float)) for v in values):
            if eq.strict:
                continue
            return False
        if sum(values[: len(eq.left)]) != sum(values[len(eq.left):]):
            return False
    return True


def row_constraint(version: str, table_id: str, row_id: str, col_ids: list[str], subtotal: bool = False):
    """The relations inside one table row (T3-COLUMNS, T4-SUMS) as a test of a candidate list of cells."""
    equations = [e for e in formats.get_format(version).equations(table_id, with_optional=subtotal)
                 if all(r == row_id and c in col_ids for r, c in e.cells)]
    return lambda values: _fits(equations, dict(zip(((row_id, c) for c in col_ids), values)).get)


def _t3_columns_hold(version: str, t3: dict, cols: list[str], subtotal: bool) -> bool:
    """The column relations of 表三 (T3-RESULTS, T3-BALANCE) over the columns `cols` of a trial table."""
    equations = [e for e in formats.get_format(version).equations("t3", with_optional=subtotal)
                 if e.each == "column" and e.total[1] in cols]
    return _fits(equations, lambda a: t3.get(a[0], {}).get(a[1]))


# ------------------------------------------------------------------ the result
@dataclass
class Ambiguous:
    """A row whose digits ran together and split several ways: none is guessed."""

    columns: list[str]
    splits: list[list[int]]
    digits: str
    where: str  # “表二 · 第二十条第（一）项 · 行政规范性文件”
    said: str = ""  # the problem the import reported for it
    text_said: str = ""  # what the report's own figures made of it, when they did not settle it

    def settled(self, values: list, by: str) -> str:
        return f"{self.where}：数字连在一起（{self.digits}），{by}拆为{'、'.join(format_number(v) for v in values)}，请核对"


@dataclass
class ImportResult:
    report: Report
    source: str
    read_cells: int = 0
    unread: list[tuple[str, str, str]] = field(default_factory=list)  # (table, row, column)
    problems: list[str] = field(default_factory=list)  # Chinese notes on what could not be read
    # rows whose run-together digits split several ways, by (table, row)
    ambiguous: dict[tuple[str, str], Ambiguous] = field(default_factory=dict)

    def settle_with_last_year(self, last: Report) -> None:
        """表二 rows left ambiguous, settled by last year's 现行有效 (X-VALID: last year's + 本年制发 − 本年废止 =
        本年现行有效) where exactly one split fits: read, and said as a problem to check instead of “未猜测”."""
        for (table_id, row_id), row in list(self.ambiguous.items()):
            previous = last.number(table_id, row_id, "in_force") if last.format.has(table_id, row_id, "in_force") else None
            if table_id != "t2" or previous is None or row.columns != ["issued", "repealed", "in_force"]:
                continue
            fits = [v for v in row.splits if previous + v[0] - v[1] == v[2]]
            if len(fits) != 1:
                continue
            for c, v in zip(row.columns, fits[0]):
                self.report.set_cell(table_id, row_id, c, v)
            del self.ambiguous[(table_id, row_id)]
            self.unread = [cell for cell in self.unread if cell[:2] != (table_id, row_id)]
            self.read_cells += len(row.columns)
            self.problems[self.problems.index(row.said)] = row.settled(
                fits[0], f"按上年现行有效{format_number(previous)}件（上年现行有效 + 本年制发 − 本年废止 = 本年现行有效）")

    def left_blank(self) -> int:
        """Cells the report's own table leaves empty (read as blank, not unread)."""
        unread = set(self.unread)
        return sum(1 for t, table in self.report.format.tables.items() for _, row, col in table.cells()
                   if self.report.cell(t, row.id, col.id) is None and (t, row.id, col.id) not in unread)

    @property
    def partial(self) -> bool:
        return bool(self.unread or self.problems)

    def summary(self) -> str:
        r = self.report
        head = f"{self.source}：{r.agency}，{r.year}年度，{r.format.name}格式，读取{self.read_cells}个单元格"
        if left_blank := self.left_blank():
            head += f"（其中{left_blank}个原文留空）"
        if not self.partial:
            return head + "，全部读出"
        parts = [head]
        if self.unread:
            rows: dict[str, list[str]] = {}
            for t, row, col in self.unread:
                key, col_label = r.format.location_parts(t, row, col)
                rows.setdefault(key, []).append(col_label)
            parts.append("未能读出" + str(len(self.unread)) + "个单元格（部分结果）：" +
                         "；".join(f"{k}（{'、'.join(v)}）" for k, v in rows.items()))
        parts += self.problems
        return "；".join(parts)


# ------------------------------------------------------------------ the parser
def detect_version(text: str, year: int | None) -> str:
    """The format a published report is in, from its own words: the labels only that format's tables have
    (“本年制发件数” in 2021's, “本年新制作数量” in 2019's); by its year where they do not tell."""
    flat = re.sub(r"\s+", "", text)
    known = formats.all_formats()
    # each label only its format has counts for it where the text has it, against it where the text lacks it
    scores = {f.version: sum(1 if label in flat else -1 for label in f.distinct_labels(known)) for f in known}
    best = max(scores.values())
    leaders = [v for v, score in scores.items() if score == best]
    if len(leaders) == 1:
        return leaders[0]
    by_year = formats.format_for_year(year) if year else None
    return by_year if by_year in leaders else leaders[-1]


def _guess_level(agency: str) -> str:
    if re.search(r"(?:镇|乡|街道|街道办事处)(?:人民政府)?$|镇人民政府|乡人民政府|街道办事处", agency):
        return "township"
    if re.search(r"(?:省|市|县|区|旗|州)人民政府$|管委会|人民政府$", agency) and not re.search(r"人民政府办公室$", agency):
        return "government"
    return "department"


def _find_headings(text: str) -> list[tuple[str, int, int]]:
    """(section id, start, end) of each heading found, in order."""
    found = []
    pos = 0
    for sid, pattern in section_patterns().items():
        candidates = list(pattern.finditer(text, pos))
        if not candidates:
            continue
        m = candidates[0]
        table_id = _section_tables().get(sid)
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


_ENDS_SENTENCE = frozenset("。！？：；!?;:")
_STARTS_PARAGRAPH = re.compile(r"(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是]|\d+[、.．])")


def _split_paragraphs(body: str, wrapped: bool) -> list[str]:
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


def _is_wrapped(text: str) -> bool:
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


class _TableReader:
    def __init__(self, result: ImportResult, text: str):
        self.result = result
        self.report = result.report
        self.text = text
        self.ambiguous: dict[tuple[str, str], Ambiguous] = {}
        self.closing_pipes: dict[str, int] = {}  # rows of each table read with a closing "|" after their cells

    def _put(self, table_id: str, row_id: str, col_ids: list[str], tokens: list[Token] | None, constraint=None) -> bool:
        n = len(col_ids)
        values: list | None = None
        if tokens and len(tokens) == n + 1 and tokens[-1].trailing:
            tokens = tokens[:-1]  # a Markdown row's closing "|"
            self.closing_pipes[table_id] = self.closing_pipes.get(table_id, 0) + 1
        elif tokens and len(tokens) == n and tokens[-1].trailing and self.closing_pipes.get(table_id, 0) >= 2:
            tokens = tokens[:-1]  # every row so far closed with a "|": this one's is no blank cell, it lacks one
        if tokens and len(tokens) > n and all(t.kind == "blank" for t in tokens[n:]) and any(t.kind != "blank" for t in tokens[:n]):
            tokens = tokens[:n]  # “| 行政许可 | 0 | ||”: empty fields after the row's cells are a merged cell's remnants
        if tokens and len(tokens) > n and all(t.spacing for t in tokens if t.kind == "blank"):
            filled = [t for t in tokens if t.kind != "blank"]
            if len(filled) == n:
                tokens = filled  # “规章\t\t0\t\t0\t\t0”: tabs lining the cells up, no blank cells
        if tokens is not None:
            if len(tokens) == n:
                values = [self._value(t, table_id, row_id, c) for t, c in zip(tokens, col_ids)]
            elif 0 < len(tokens) < n and all(t.kind == "num" and "." not in t.text for t in tokens):
                candidates = split_cells([t.text for t in tokens], n, constraint)
                if len(candidates) == 1:
                    values = candidates[0]
                elif len(candidates) > 1:
                    self.ambiguous[(table_id, row_id)] = Ambiguous(col_ids, candidates, " ".join(t.text for t in tokens),
                                                                   self._where(table_id, row_id, col_ids))
                    return False
        if values is None:
            for c in col_ids:
                self.result.unread.append((table_id, row_id, c))
            return False
        self._store(table_id, row_id, col_ids, values)
        return True

    def _store(self, table_id: str, row_id: str, col_ids: list[str], values: list) -> None:
        for c, v in zip(col_ids, values):
            try:
                self.report.set_cell(table_id, row_id, c, v)
            except ValueError as e:  # a negative count, a decimal count: the cell stays unread
                self.result.problems.append(str(e))
                self.result.unread.append((table_id, row_id, c))
                continue
            self.result.read_cells += 1

    def resolve_ambiguous_t3(self) -> None:
        """表三's rows whose run-together digits split several ways: keep the one split (jointly over all
        such rows) under which every column's T3-RESULTS and T3-BALANCE totals hold; said as unread if none."""
        rows = [k for k in self.ambiguous if k[0] == "t3"]
        if rows:
            fmt = self.report.format
            t3 = self.report.tables["t3"]
            choices = [self.ambiguous[k].splits for k in rows]
            fits = []
            combos = 1
            for c in choices:
                combos *= len(c)
            if combos <= 5000:
                for combo in product(*choices):
                    trial = {r: dict(t3[r]) for r in t3}
                    for (_, row_id), values in zip(rows, combo):
                        trial[row_id].update(zip(self.ambiguous[("t3", row_id)].columns, values))
                    cols = self.ambiguous[("t3", rows[0][1])].columns
                    if _t3_columns_hold(fmt.version, trial, cols, "subtotal" in cols):
                        fits.append(combo)
                        if len(fits) > 1:
                            break
            if len(fits) == 1:
                for (_, row_id), values in zip(rows, fits[0]):
                    self._store("t3", row_id, self.ambiguous[("t3", row_id)].columns, list(values))
                    del self.ambiguous[("t3", row_id)]

    def resolve_with_stated_figures(self) -> None:
        """Rows still ambiguous (表二's run-together digits): the one split that agrees with every figure the
        report's own text states for the row's cells (“制发…88件”, “现行有效…698件”), said as a problem."""
        stated: dict[tuple[str, str, str], set] = {}
        quoted: dict[tuple[str, str, str], str] = {}
        for _, _, figure, m, value in stated_figures(self.report):
            if figure.single:  # a figure of one cell (not a sum of several)
                stated.setdefault(figure.single, set()).add(value)
                quoted.setdefault(figure.single, m.group(0))
        for (table_id, row_id), row in list(self.ambiguous.items()):
            known = [(i, stated[(table_id, row_id, c)]) for i, c in enumerate(row.columns) if (table_id, row_id, c) in stated]
            if not known:
                continue
            fits = [values for values in row.splits if all(values[i] in allowed for i, allowed in known)]
            said = "、".join(f"“{quoted[(table_id, row_id, row.columns[i])]}”" for i, _ in known)
            if len(fits) == 1:
                self._store(table_id, row_id, row.columns, list(fits[0]))
                del self.ambiguous[(table_id, row_id)]
                self.result.problems.append(row.settled(fits[0], f"按正文{said}"))
            elif fits:
                row.splits, row.text_said = fits, f"按正文{said}仍"
            else:
                row.text_said = f"与正文{said}都不相符，"

    def _where(self, table_id: str, row_id: str, col_ids: list[str]) -> str:
        return self.report.format.location_parts(table_id, row_id, col_ids[0])[0]

    def report_ambiguous(self) -> None:
        """What no constraint settled: unread, said, and kept on the result (last year's report may settle it)."""
        for (table_id, row_id), row in self.ambiguous.items():
            row.said = (f"{row.where}：数字连在一起（{row.digits}），{row.text_said}"
                        f"有{len(row.splits) if len(row.splits) < 50 else '50多'}种拆法都说得通，未猜测")
            self.result.problems.append(row.said)
            self.result.ambiguous[(table_id, row_id)] = row
            for c in row.columns:
                self.result.unread.append((table_id, row_id, c))
        self.ambiguous.clear()

    def read_single_other_row(self, start: int, end: int, cols: list[str], with_sub: bool) -> None:
        """A 2021-or-later report published with the 2019 layout's single “（六）其他处理” row: its numbers go to
        “3.其他” (the other two reasons are 0 in that layout), said as a problem, never dropped."""
        other = [("t3", f"other_{i}", c) for i in (1, 2, 3) for c in cols]
        if not all(cell in self.result.unread for cell in other):
            return
        m = re.search(_label_pattern("（六）其他处理"), self.text[start:end])
        nxt = re.search(_label_pattern("（七）总计"), self.text[start:end])
        if not m or not nxt or nxt.start() < m.end():
            return
        tokens = leading_cells(tokenize(self.text[start + m.end(): start + nxt.start()], start + m.end()), len(cols))
        self.result.unread = [cell for cell in self.result.unread if cell not in other]
        if not self._put("t3", "other_3", cols, tokens, row_constraint(self.report.format_version, "t3", "other_3", cols, with_sub)):
            return
        for i in (1, 2):
            self._store("t3", f"other_{i}", cols, [0] * len(cols))
        self.report.t3_single_other_row = True
        self.result.problems.append("表三用的是2019年版格式的“（六）其他处理”一行（2021年版分为三项），已计入“3.其他”，另两项按0计")

    def _value(self, t: Token, table_id: str, row_id: str, col_id: str):
        if t.kind == "na":
            return NOT_APPLICABLE
        if t.kind == "blank":
            return None
        value = parse_number(t.text)
        if t.unit is None:
            return value
        unit = self.report.format.tables[table_id].column(row_id, col_id).unit
        if unit == "万元" and t.unit == "元":
            converted = round(value / 10000, 6)
            return int(converted) if converted == int(converted) else converted
        if unit is None:
            # the heading states no unit (2019年版“采购总金额”): the figure stays as published, its unit said
            where = self.report.format.location(table_id, row_id, col_id)
            self.result.problems.append(f"{where}：原文写作“{t.text}{t.unit}”，表头没有注明单位，按原数{t.text}记录")
        return value

    def read_rows(self, table_id: str, region_start: int, region_end: int, columns_of, constraint_of) -> int:
        """Read labelled rows in order; returns the end of the last cell read (or region_start)."""
        text = self.text
        patterns = row_patterns(self.report.format_version, table_id)
        matches: list[tuple[str, re.Match | None]] = []
        pos = region_start
        for row_id, pattern in patterns:
            m = pattern.search(text, pos, region_end)
            matches.append((row_id, m))
            if m:
                pos = m.end()
        last_end = region_start
        for i, (row_id, m) in enumerate(matches):
            cols = columns_of(row_id)
            if not m:
                for c in cols:
                    self.result.unread.append((table_id, row_id, c))
                continue
            nxt = next((mm.start() for _, mm in matches[i + 1:] if mm), region_end)
            tokens = leading_cells(tokenize(text[m.end():nxt], m.end()), len(cols))
            if self._put(table_id, row_id, cols, tokens, constraint_of(row_id)) and tokens:
                last_end = max(last_end, tokens[-1].end)
            elif tokens:
                last_end = max(last_end, tokens[-1].end)
            else:
                last_end = max(last_end, m.end())
        return last_end


def parse_text(text: str, source: str = "<文本>") -> ImportResult:
    text = normalise(text)
    meta_agency = meta_year = None
    m = re.match(r"\s*来源[:：][^\n]*\n(?:机关[:：]\s*([^\n]+)\n)?(?:年度[:：]\s*(\d{4})[^\n]*\n)?", text)
    if m:
        meta_agency, meta_year = (m.group(1) or "").strip() or None, int(m.group(2)) if m.group(2) else None
        text = text[m.end():]
    headings = _find_headings(text)
    first_heading = headings[0][1] if headings else len(text)
    head_text = text[:first_heading]

    # agency and year from the title lines (the agency before the year, or between the year and the title)
    agency, year = meta_agency, meta_year
    title_end = 0
    pattern, tm = title_line(head_text[:5000])
    candidates: list[str] = []
    if tm is not None and pattern is _TITLE_YEAR_FIRST:
        if looks_like_agency(tm.group(2)):
            candidates.append(tm.group(2).strip())
        elif _TITLE.search(tm.group(0)):
            tm = _TITLE.search(text, tm.start(), tm.end())  # “青岚县2024年…”: the agency before the year after all
    in_sentence = False
    if tm is None:
        tm = _TITLE.search(head_text) or _TITLE.search(text[:3000])
        if tm:
            # the title's words inside a preface sentence (“特编制……2023年政府信息公开工作年度报告。”): the
            # sentence stays whole in the preface
            line_end = text.find("\n", tm.end())
            in_sentence = "。" in text[text.rfind("\n", 0, tm.start()) + 1: line_end if line_end != -1 else len(text)]
    if tm:
        year = year or int(tm.group(1))
        before = head_text[: tm.start()] if tm.start() < len(head_text) else ""
        inline = before.rstrip().split("\n")[-1].strip() if before.strip() else ""
        inline = re.split(r"[\s。：:>]", inline)[-1] if inline else ""
        prev_lines = [ln.strip() for ln in before.split("\n") if ln.strip()]
        candidates += [inline] + prev_lines[::-1][:3]
        if tm.end() <= len(head_text) and not in_sentence:
            title_end = tm.end()
    candidates += [m.group(1) for m in _PUBLISHER.finditer(text[:5000])]
    naming = _PREFACE_NAMING.search(head_text[:5000])
    if naming:
        candidates.append(naming.group(1))
        year = year or int(naming.group(2))
    if tm and title_end:
        # “2022年政府信息公开工作年度报告 / 桃江县松木塘镇人民政府 / 2022年…”: the agency on the line below the title
        candidates += [ln.strip() for ln in head_text[title_end:].split("\n") if ln.strip()][:1]
    if not agency:
        agency = next((c for c in candidates if c and looks_like_agency(c)), None)
    if year is None:
        ym = re.search(r"(\d{4})\s*年\s*1\s*月\s*1\s*日|(?:截至|截止)?(\d{4})\s*年\s*12\s*月\s*31\s*日", text)
        year = int(ym.group(1) or ym.group(2)) if ym else None
    problems = []
    if not headings:
        problems.append("没有找到年度报告的章节标题（一、总体情况 … 六、其他需要报告的事项），这可能不是政府信息公开工作年度报告")
    version = detect_version(text, year if year is not None and YEAR_MIN <= year <= YEAR_MAX else None)
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        problems.append(f"标题里的年度“{year}年”不在{YEAR_MIN}—{YEAR_MAX}年之间，未采用")
        year = None
    if year is None:
        problems.append("没有找到报告年度")
        year = _last_year_of(version)
    if not agency:
        problems.append("没有找到机关名称（标题行）")
        agency = "未识别的机关"
    report = Report.blank(version, agency, year, level=_guess_level(agency))
    result = ImportResult(report, source, problems=problems)
    wrapped = _is_wrapped(text)

    # the preface: between the title and the first heading
    preface = head_text[title_end:]
    if "-->" in preface or "相关链接" in preface:
        preface = _NAV_JUNK.sub("", preface, count=1)
    if tm and title_end == 0 and tm.start() < len(head_text) and not in_sentence:
        preface = head_text[tm.end():]
    report.preface = [p for p in _split_paragraphs(preface, wrapped) if not _PUBLISHER.match(p) and not _PAGE_META.match(p)]
    if agency and report.preface and report.preface[0] in (agency,):
        report.preface = report.preface[1:]
    while report.preface and title_line(report.preface[0])[0] is not None and len(report.preface[0]) < 80:
        report.preface = report.preface[1:]  # the title printed once more under the agency's name

    reader = _TableReader(result, text)
    found_sections = {sid for sid, _, _ in headings}
    report_end = _end_of_report(text, headings[-1][2]) if headings else len(text)
    if report_end < len(text):
        result.problems.append("文件里似乎有不止一份报告，只读取了第一份")
    for i, (sid, _start, end) in enumerate(headings):
        body_end = headings[i + 1][1] if i + 1 < len(headings) else report_end
        table_id = report.format.table_sections.get(sid)
        if not table_id:
            if sid in report.format.narrative_sections:
                report.sections[sid] = _split_paragraphs(text[end:body_end], wrapped)
            continue
        tstart = TABLE_START[table_id].search(text, end, body_end)
        if not tstart:
            _mark_missing(result, table_id)
            result.problems.append(f"“{report.format.heading(sid)}”下没有找到表格")
            extra = _split_paragraphs(text[end:body_end], wrapped)
            if extra:
                report.extra_lines[sid] = extra
            continue
        if table_id == "t2":
            table_end = reader.read_rows("t2", tstart.start(), body_end,
                                         lambda r: [c.id for c in report.format.t2.block_of(r).columns], lambda r: None)
        elif table_id == "t3":
            header = re.sub(r"\s+", "", text[tstart.start(): tstart.start() + 400])
            with_sub = "小计" in header.split("一、本年新收")[0]
            cols = list(report.format.t3.value_columns(with_optional=with_sub))
            table_end = reader.read_rows("t3", tstart.start(), body_end, lambda r: cols,
                                         lambda r: row_constraint(version, "t3", r, cols, with_sub))
            if report.format.legacy_rows:
                reader.read_single_other_row(tstart.start(), body_end, cols, with_sub)
            reader.resolve_ambiguous_t3()
        else:
            # 表四's labels may sit between its numbers (one row per 复议/诉讼 kind): skip them; header lines (no
            # digit: “| 结果维持 | 结果纠正 | …” or merged cells left blank) are blanked out, keeping the offsets
            region = re.sub(r"[^\n]+", lambda m: m.group(0) if re.search(r"\d", m.group(0)) else " " * len(m.group(0)),
                            text[tstart.start():body_end])
            t4_cols = list(report.format.t4.value_columns())
            cells = [t for t in tokenize(region, tstart.start()) if not (t.kind == "text" and _T4_WORDS.fullmatch(t.text))]
            # each row's closing "|" leaves a trailing empty field: no cell in “| 5 | 0 |”, the last blank cell in
            # “5 |  | 2 |  |” (a page's row whose last cell is empty): the count of cells tells which
            tokens = leading_cells([t for t in cells if not (t.kind == "blank" and t.trailing)], len(t4_cols))
            if len(tokens) != len(t4_cols) and len(with_trailing := leading_cells(cells, len(t4_cols))) == len(t4_cols):
                tokens = with_trailing
            reader._put("t4", "cases", t4_cols, tokens, row_constraint(version, "t4", "cases", t4_cols))
            table_end = tokens[-1].end if tokens else tstart.end()
        extra = _split_paragraphs(text[end:tstart.start()], wrapped) + _split_paragraphs(text[table_end:body_end], wrapped)
        extra = [x for x in extra if x != report.format.tables[table_id].corner and not _T4_WORDS.fullmatch(x.replace(" ", ""))]
        if extra:
            report.extra_lines[sid] = extra
    reader.resolve_ambiguous_t3()  # a 表三 under no heading of its own
    reader.resolve_with_stated_figures()  # once every paragraph is read: 一 and 五 state figures of 表二
    reader.report_ambiguous()
    for sid, table_id in report.format.table_sections.items():
        if sid not in found_sections:
            _mark_missing(result, table_id)
            result.problems.append(f"没有找到“{report.format.heading(sid)}”部分")
    for sid in report.format.narrative_sections:
        if sid not in found_sections and headings:
            result.problems.append(f"没有找到“{report.format.heading(sid)}”部分")
    return result


def _last_year_of(version: str) -> int:
    """A report's year when it states none: the last year its format was in use."""
    fmt = formats.get_format(version)
    return next((f.from_year - 1 for f in formats.all_formats() if f.from_year > fmt.from_year), fmt.from_year)


def _end_of_report(text: str, after: int) -> int:
    """Where a second report pasted after this one begins (its title, or its 一、总体情况)."""
    nxt = [m.start() for m in (_TITLE.search(text, after), section_patterns()["overview"].search(text, after)) if m]
    if not nxt:
        return len(text)
    cut = text.rfind("\n", after, min(nxt))
    if cut <= after:
        return min(nxt)
    prev = text.rfind("\n", after, cut)
    if prev > after and len(text[prev + 1:cut].strip()) < 40 and not re.search(r"[。；]$", text[prev + 1:cut].strip()):
        cut = prev  # the agency line above the title
    return cut


def _mark_missing(result: ImportResult, table_id: str) -> None:
    table = result.report.format.tables[table_id]
    for _, row, col in table.cells():
        result.unread.append((table_id, row.id, col.id))
