"""表二 in everyday Chinese, over a whole conversation, in the same stages: clauses → frames (the row a clause
names, what happened to its 文件 — 制发/出台/出了, 废止/废了, 现行有效 — a count, a negation) → facts in order (a
count without its row belongs to the row just said; “行政许可、行政处罚、行政强制都是0” to each) → settled across
answers (a later answer's figure for a cell puts the earlier one right, figures said before a question stay) →
what is missing (a count whose column is not said)."""

from __future__ import annotations

import re

from gkassist.core import formats
from gkassist.core.numbers import format_number, read_amount
from gkassist.dialogue.answers.parsed import Cells, Parsed
from gkassist.dialogue.answers.state import Open, ProactiveReading
from gkassist.dialogue.answers.t3 import names_a_row
from gkassist.dialogue.answers.t4 import zero_said_of_all
from gkassist.dialogue.answers.text import NUM, UNIT, Clause, approximate, clauses, closing_numeral, count_of, vague
from gkassist.dialogue.answers.words import Marker, words

REFUSAL = ("没听明白。请写成“规范性文件制发2件，废止1件，现行有效9件；行政许可41件，行政处罚12件，"
           "行政强制0件，收费0万元”这样。")
_NEGATION = re.compile(r"没有|没|未|无|不曾")
# “一个也没发”, “今年一件没发”: none, not one (but “有一件没废” is one)
_NONE_AT_ALL = re.compile(r"一(?:个|件|份|项|分钱|分)?(?:也|都)(?=没|未|不)|(?<![有中还另])一(?:个|件|份|项)(?=没|未)")
# “这三项都是零”, “这些都没有”: the rows just listed, named by how many they are (not a count of theirs)
_THESE = re.compile(r"(?:这|那|以上|上面)(?:" + NUM + r")?(?:项|个|样|类|块|些|几项|几个)(?=\s*(?:都|均|全|也|是|归|属于|由|不是|不归|我们|本级))")
_ZERO_WORD = re.compile(r"(?<=[是为])零(?![件个项])|零(?=$)")  # “都是零”: 0
_ALL = re.compile(r"都|均|全")


def _row_name(row: str) -> str:
    """How a question names a row: the format's own name for it."""
    return formats.latest().tables["t2"].row(row).name
_SOME_THOUSANDS = re.compile(r"(?<![0-9０-９一二两三四五六七八九十])几(?:十|百|千|万)")  # “几千块”: no figure, though read as 1000
_NO_FEE = re.compile(r"(?:收费|费用|收的钱)[^，。；0-9０-９]{0,4}(?:没有|无|没|为零|是零|0)(?!收)")  # “收费也没有”


def _distributed(text: str, turn: int) -> list[Clause]:
    """“行政许可、行政处罚、行政强制都是0”: each listed row takes the number said for all of them."""
    out = []
    for c in clauses(text, names_a_row, turn):
        m = re.match(r"(.+?、.+?)(?:都|均|全)(?:是|为)?(.*)$", c.text)
        parts = m.group(1).split("、") if m else []
        out += [Clause(p + m.group(2), turn=turn) for p in parts] if m else clauses(c.text.replace("、", "，"), names_a_row, turn)
    return out


_RESPECTIVELY = Marker("respectively", r"([^，,；;。：:]+?)(?:WORDS)[\u4e00-\u9fff]{0,4}?[：:\s]*((?:" + NUM + UNIT
                       + r"?)(?:\s*(?:、|和|及|与|，|,)\s*" + NUM + UNIT + r"?)+)(?=$|[，,；;。\s])")


def _named_in_order(said: str, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> list[tuple[int, str, str]]:
    """(where, the words, the row or column) of each row or column `said` names, in the order said, each once."""
    first: dict[str, tuple[int, str, str]] = {}
    for start, words_, name in sorted((hit.start(), hit.group(0), name) for pattern, name in patterns
                                      for hit in pattern.finditer(said)):
        first.setdefault(name, (start, words_, name))
    return sorted(first.values())


def _respectively(m: re.Match[str]) -> str:
    """“许可、处罚、强制分别是88、19、6”, “规范性文件制发、废止、现行有效分别为3、0、9”: the Nth figure to the Nth row
    (or column) named; left as said when they do not pair."""
    figures = re.findall(NUM + UNIT + "?", m.group(2))
    for patterns in (words().t2_rows, words().t2_columns):
        named = _named_in_order(m.group(1), patterns)
        if len(named) == len(figures) > 1:
            # (a figure said bare takes 件, the unit of every count of 表二, so “八十八” is read as a count)
            head: str = m.group(1)[:named[0][0]]
            return head + "，".join(
                said + figure + ("" if re.search(UNIT + "$", figure) else "件") for (_, said, _), figure in zip(named, figures))
    whole: str = m.group(0)
    return whole


# “规章出了两部”: 规章 are counted in 部 (not “一部分”, “部门”)
# (and “许可证办了三十张”: licences counted by the sheet)
_VOLUMES = re.compile(r"(" + NUM + r")\s*(?:部(?!分|门|署|长|委|位)|张(?=$|[，,、；;。]|(?:许可|证)))")


# “处罚不是10件，是12件”: the figure it is not, then the one it is — the row says the second (`not_but` words)
_NOT_BUT_COUNT = Marker("not_but", r"不是\s*" + NUM + r"\s*(?:" + UNIT + r"|万元|元|万)?\s*[，,]?\s*(?:WORDS)(?=\s*" + NUM + ")")


_ADDING = Marker("follow_up")


def _run_on_rows(text: str) -> str:
    """“现行有效就是这1个还有行政许可办了12件”: a run-on typed without commas goes on to the next row (or column) with
    an adding word (还有, 另外) — a clause of its own, so the figure before it stays its row's (not “还有3件”: more
    of the row said)."""
    w = words()
    named = "|".join(f"(?:{pattern.pattern})" for pattern, _ in w.t2_rows + w.t2_columns)
    text = re.sub(rf"(?<=[\u4e00-\u9fff0-9])(?=(?:{_ADDING.pattern})(?:的)?(?:行政)?(?:{named}))", "，", text)
    # “发了2个废了1个现行有效3个”, “处罚有6件强制0件”: a count, then (a joining word at most) the next row or column
    # with a figure of its own — not “发了1件规范性文件”, the row the count was of, said after it, nor “一个规范性文件
    #都没有” (none at all, no count)
    return re.sub(rf"(?!{_NONE_AT_ALL_AHEAD})({NUM}\s*{UNIT})(?=[^，,。；;0-9０-９]{{0,4}}?(?:行政)?(?:{named})[^，,。；;0-9０-９]{{0,6}}?"
                  rf"(?:{NUM}|没|无|零))", r"\1，", text)


_NONE_AT_ALL_AHEAD = r"一\s*(?:个|件|份|项|部)[^，,。；;]{0,8}?(?:也|都)(?:没|未|无|不)"


def _clauses(text: str, turn: int) -> list[Clause]:
    text = _run_on_rows(_NOT_BUT_COUNT.sub("是", text))
    rows = "|".join(f"(?:{pattern.pattern})" for pattern, row in words().t2_rows if row in _DECISION_ROWS)
    text = re.sub(_NOT_THEN_IS.format(rows=rows), r"\1", text)  # (one clause: the row it is not, then the one it is)
    text = _VOLUMES.sub(r"\1件", _RESPECTIVELY.sub(_respectively, text))
    text = _each_as_last_year(text)
    # “许可和处罚各10件”: each row listed takes the count
    text = re.sub(r"([^，；。]+?(?:和|、|及|与|跟)[^，；。]+?)各(?:自|有)?(?:是|为)?\s*(" + NUM + r"\s*件)",
                  lambda m: "，".join(p + m.group(2) for p in re.split(r"和|、|及|与|跟", m.group(1)) if p), text)
    if re.search(r"、[^，；。]*?(?:都|均|全)", text):
        found = _distributed(text, turn)
    else:
        found = clauses(text.replace("、", "，"), names_a_row, turn)
    # “现行有效5件（含今年新出台的2件）”: what the brackets say follows as clauses of the same row; what they were
    # about (“秸秆禁烧、人居环境整治各1件”) names no row and no column and is left out
    return [x for c in found for x in [Clause(c.text, c.heads, c.ends, turn=turn)]
            + [Clause(a, turn=turn) for a in c.asides if _names_a_cell(a)]]


def _each_as_last_year(text: str) -> str:
    """“处罚和强制跟去年一样”, “许可、处罚都同去年”: each row listed is as last year (one clause a row)."""
    w = words()
    rows = "|".join(f"(?:{pattern.pattern})" for pattern, _ in w.t2_rows)
    listed = re.compile(r"((?:行政)?(?:" + rows + r"))((?:(?:和|、|及|与)(?:行政)?(?:" + rows + r"))+)((?:都|也|均)?(?:"
                        + w.t2_same_as_last.pattern + r"))")

    def each(m: re.Match[str]) -> str:
        said = [m.group(1)] + [p for p in re.split(r"和|、|及|与", m.group(2)) if p]
        return "，".join(row + m.group(3) for row in said)

    return listed.sub(each, text)


def _names_a_cell(text: str) -> bool:
    w = words()
    return any(pattern.search(text) for pattern, _ in w.t2_rows + w.t2_columns)


Asked = tuple[tuple[str, str | None], str, str, str]  # ((row, column or None), the question, its words, what it wants)


class _Reading:
    """What 表二's clauses said so far: cells, questions ((row, column or None) asked about, its text), clauses with a
    number that named nothing, and the row just said (a count without its row belongs to it)."""

    def __init__(self) -> None:
        self.cells: Cells = {}
        self.questions: list[Asked] = []
        self.not_understood: list[str] = []
        self.row: str | None = None
        self.aside = False  # speaking of another table's figures (till a row of this one is named again)
        self.listed: list[str] = []  # rows named alone just before (“许可、处罚、强制都是0”): a 都 after them is theirs
        self.said_now: set[tuple[str, str, str]] = set()  # the cells this answer gave
        self.rest_none = False  # “别的都是0”, “其他没有”, “表二全是零”: every cell not said is 0
        self.before: dict[tuple[str, str], float] = {}  # (row, column) → the figure earlier answers gave
        # (row, column) said to be as last year → the words, and the change from it said with them (“比去年多10件”)
        self.as_last: dict[tuple[str, str], tuple[str, float]] = {}


def _row_of(clause: str, row: str | None) -> str | None:
    """The row a clause names, else the row just said; “现行有效7件” alone answers the question about 行政规范性文件."""
    w = words()
    rows = [r for pattern, r in w.t2_rows if pattern.search(clause)]
    if "rules" in rows and "normative" in rows and "规范性" not in clause:
        rows.remove("normative")  # “规章” names no 规范性文件
    if "fees" in rows and len(rows) > 1:
        rows.remove("fees")
    if rows:
        return rows[0]
    if row is None and any(pattern.search(clause) for pattern, _ in w.t2_columns):
        return "normative"  # (规章 are named as such)
    return row


def _documents(r: _Reading, row: str, clause: str, count: float | None) -> None:
    """规章 / 行政规范性文件: 制发, 废止, 现行有效; “没有制发”, “没有制发和废止”: each column said after the negation is 0."""
    w = words()
    if count is None and _none_at_all(row, clause):
        # “规范性文件没有”: none made, none repealed, none in force (a figure last year's report does not bear out
        # is said before “对”)
        r.cells.update({("t2", row, column): 0 for column in ("issued", "repealed", "in_force")})
        return
    if negation := _NEGATION.search(clause):
        negated = w.t2_negated.search(clause)
        span = clause[negation.start():] if count is None else negated.group(0) if negated else ""
        for pattern, column in w.t2_columns:
            if column != "in_force" and pattern.search(span):
                r.cells[("t2", row, column)] = 0
        if count is None and any(pattern.match(clause, negation.end()) for pattern, col in w.t2_columns if col == "in_force"):
            r.cells[("t2", row, "in_force")] = 0  # “没有现行有效的”: none in force
        elif count is None and (before := _column_before(clause[:negation.start()])) is not None:
            r.cells[("t2", row, before)] = 0  # “现行有效的一件都没有”, “废止的没有”: the column said, then none of it
    said = next((col for pattern, col in w.t2_columns if pattern.search(w.t2_negated.sub("", clause))), None)
    if count is None and said is None and not negation and w.t2_same_as_last.search(clause) and _said_of_row(r, row):
        return  # “没发，现行有效的也没有，跟去年一样”: what was just said of the row, said to be as last year
    if count is None and said is None and not negation and (w.t2_same_as_last.search(clause) or w.t2_about_last.search(clause)):
        # “规范性文件跟去年一样”: none made or repealed, or as many as last year? — asked
        r.questions.append(((row, None), f"“{clause}”：今年{_row_name(row)}制发、废止各几件？（都没有就说“没发没废”，"
                            "现行有效按去年的推算）", clause, "count"))
        return
    if count is None:
        return
    if said is None and count == 0:
        # “规范性文件啊……全是零”: none made and none repealed this year; 现行有效 (what earlier years left) is no
        # figure of this year's — it follows from last year's report or is asked, never made 0 by this
        r.cells.update({("t2", row, "issued"): 0, ("t2", row, "repealed"): 0})
        return
    if said is None:
        r.questions.append(((row, None), f"“{clause}”是制发、废止，还是现行有效的件数？", clause, "kind"))
        return
    r.cells[("t2", row, said)] = count


def _said_of_row(r: _Reading, row: str) -> bool:
    """Whether this answer gave the row's 现行有效, or both its 制发 and 废止."""
    said = {c for (_, x, c) in r.cells if x == row}
    return "in_force" in said or {"issued", "repealed"} <= said


def _none_at_all(row: str, clause: str) -> bool:
    """“规范性文件没有”, “规章一个也没有”: the row named first (“行政” before it at most), then only that there is none."""
    named = next((m for pattern, r in words().t2_rows if r == row and (m := pattern.search(clause))), None)
    if named is None:
        return False
    before, after = clause[:named.start()], clause[named.end():]
    if _ROW_ABSENT.fullmatch(before) and re.fullmatch(r"(?:的话|啊|呢|了)?", after):
        return True  # “没有规范性文件”: the same said the other way round
    return re.fullmatch(r"(?:行政)?", before) is not None and _ROW_NONE.match(after) is not None


def _column_before(said: str) -> str | None:
    """The one column a clause names before its negation (“现行有效的……没有”), else None."""
    said = words().t2_negated.sub("", said)
    found = {col for pattern, col in words().t2_columns if pattern.search(said)}
    return found.pop() if len(found) == 1 else None


def _fees(r: _Reading, row: str, clause: str, count: float | None) -> None:
    said = read_amount(clause)
    if said is not None and (said.approximate or _SOME_THOUSANDS.search(clause)):
        r.questions.append(((row, "fee_amount"), f"“{clause}”：表里要填确切的金额，具体是多少？", clause, "count"))
        return
    amount = fee(clause)
    if (amount is None or _change_from_last(clause, fees=True) is not None) and _as_last_year(r, row, "fee_amount", clause):
        return
    if amount is None and words().t2_negated.search(clause) or re.search(r"(?:没有|没|未|无|不)收费|免费|免收|免于收", clause) \
            or amount is None and (_NO_FEE.search(clause) or words().t2_not_ours.search(clause) or words().t2_no_fee.search(clause)):
        amount = 0
    if amount is not None:
        r.cells[("t2", "fees", "fee_amount")] = amount


def _as_last_year(r: _Reading, row: str, column: str, clause: str) -> bool:
    """“收费那块跟去年一样”, “许可同去年”: the row's figure is last year's (looked up when the answer is settled);
    “跟去年差不多”: about so much — this year's exact figure is asked."""
    if words().t2_about_last.search(clause) or _change_from_last(clause, column == "fee_amount") is None \
            and any(found.search(clause) for found in words().t2_more_than_last):
        # (“比去年多一些”, “同比增长20%”: a change that gives no figure)
        r.questions.append(((row, column), f"“{clause}”：表里要填确切的数，今年{_row_name(row)}具体是多少？", clause, "count"))
        return True
    if (change := _change_from_last(clause, column == "fee_amount")) is not None:
        r.as_last[(row, column)] = (clause, change)
        return True
    if not words().t2_same_as_last.search(clause):
        return False
    r.as_last[(row, column)] = (clause, 0)
    return True


def _change_from_last(clause: str, fees: bool = False) -> float | None:
    """“比去年多了10件” → 10, “较上年减少5件” → −5, “收费比上年少了5000元” → −0.5 (万元); None when the clause says
    no change from last year with its figure."""
    for found in words().t2_more_than_last:
        if (m := found.search(clause)) and (by := (fee if fees else count_of)(clause[m.end():])) is not None:
            return by if m.groupdict().get("more") else -by
    return None


def _decisions(r: _Reading, row: str, clause: str, count: float | None) -> None:
    key = ("t2", row, "decisions")
    if count is not None and key in r.said_now and (not rows_in(clause) or _ADDS.search(clause)):
        if count == 0 and r.cells.get(key) == 0 and not rows_in(clause) and not _ADDS.search(clause):
            return  # “许可这块镇里没有权限，是零”: the none just said, said again as a figure
        # a second count for the row just said: another row, not named, or (“处罚5件，年底又罚了1个”) more of the
        # same row or part of it — asked, never put in place of the first
        r.not_understood.append(clause)
        return
    if (count is None or _change_from_last(clause) is not None) and _as_last_year(r, row, "decisions", clause):
        return
    if count is None:
        if words().t2_negated.search(clause) or re.search(r"没有|无", clause) or words().t2_not_ours.search(clause):
            r.cells[key] = 0
            r.said_now.add(key)
        # (“强制我们没这个职权，为零”: a clause about the row without a figure; the figure after it is its first)
        return
    r.said_now.add(key)
    r.cells[key] = count


_BY_ROW = {"rules": _documents, "normative": _documents, "fees": _fees}


_TO_CHECK = Marker("to_check")
_ADDS = Marker("adds")
_REST_NONE = Marker("rest_none", "^(?:WORDS)$")
_REST = Marker("rest", "^(?:WORDS)")
_NEGATION_OR_ZERO = re.compile(r"没|无|不|零|0|０")
_CASE_INTRO = Marker("case_intro")  # “废止了2个，一个是老的补贴办法，一个是……”: each of the figure just said
_OTHER_TABLE = Marker("other_table")
_ROW_NONE = Marker("row_none")
_ROW_ABSENT = Marker("row_absent")
_EXACT = Marker("exact")
_RECKONING = Marker("reckoning")


def _clause(r: _Reading, clause: str) -> None:
    if _REST_NONE.match(clause):
        r.rest_none, r.row = True, None  # (not the row just said: “许可36个，其他没有”)
        return
    rows_named = any(pattern.search(clause) for pattern, _ in words().t2_rows)
    if not rows_named and (r.aside or _OTHER_TABLE.search(clause)):
        r.row, r.aside = None, True  # an aside about another table: neither it nor a count after it is this table's
        return
    if not rows_named and _REST.match(clause) and _NEGATION_OR_ZERO.search(clause) \
            and not any(pattern.search(clause) for pattern, _ in words().t2_columns):
        r.row = None  # “其他的一概不涉及”: none of the rest, in words not understood — asked, never the row just said
        r.not_understood.append(clause)
        return
    r.aside = False
    if _corrected_row_moved(r, clause) or _row_moved(r, clause):
        return
    if _RECKONING.search(clause) and not any(pattern.search(clause) for pattern, _ in words().t2_columns):
        return  # a sum worked out aloud (“加1减2不对”): the figures it settles on are said after it
    if not rows_named and _exactly(r, clause):
        return
    if r.row is not None and _CASE_INTRO.search(clause) and not rows_in(clause) \
            and not any(pattern.search(clause) for pattern, _ in words().t2_columns):
        return  # one of the documents just counted, told
    r.row = row = _row_of(clause, r.row)
    if row is not None and count_of(clause) is None and _TO_CHECK.search(clause):
        r.questions.append(((row, None), f"“{clause}”：查到了请告诉我具体的数。", clause, "count"))
        return
    if row is None:
        if count_of(clause):
            r.not_understood.append(clause)
        return
    clause = _ZERO_WORD.sub("0", _THESE.sub("", clause))
    count = count_of(_NONE_AT_ALL.sub("", clause))
    if row != "fees" and (wan := _WAN_COUNT.search(clause)):
        count = round(float(wan.group(1)) * _WAN[wan.group(2)])  # “许可44.7万”, “处罚398.6万”: 万 said, no 件
    if count is None and row != "fees":
        count = closing_numeral(clause)  # “处罚三十八万”
    if _listed(r, row, clause, count):
        return
    if row != "fees" and (count is None and vague(clause) or approximate(clause)):
        column = next((col for pattern, col in words().t2_columns if pattern.search(clause)), None)
        r.questions.append(((row, column), f"“{clause}”：表里要填确切的数，具体是多少？", clause, "count"))
        return
    _BY_ROW.get(row, _decisions)(r, row, clause, count)


# “许可44.7万”, “强制8.8万”: a count of decisions in 万 or 亿 with no unit after it (not money: 万元 is a fee's)
_WAN_COUNT = re.compile(r"(?<![0-9.．])([0-9]+(?:\.[0-9]+)?)\s*(万|亿)(?![元0-9零一二两三四五六七八九千百])")
_WAN = {"万": 10_000, "亿": 100_000_000}
_DECISION_ROWS = ("licensing", "penalty", "enforcement")
_MOVE = Marker("move")
_NOT_ROW = re.compile(r"不是|并非|不算|不属于|不该算|不应该算")
# “那10件其实是强制”, “8件那个应该算强制”: the figure said before, put in another row
_THAT_FIGURE = re.compile(r"^(?:其中|里面|里头|当中|这里面|这当中|那里面)?(?:有)?(?:那|这)?\s*(" + NUM + r")\s*" + UNIT + r"?(?:那个|那些|的那个|的那些|那|的)?\s*"
                          r"(?:其实|实际上?|应该|应当|本来|都)?(?:是|算|属于|归)(?:作|为|到)?")
# “不是处罚，是强制10件”: the row it is not and the one it is, said in two clauses (joined before reading)
_NOT_THEN_IS = r"(不是\s*(?:行政)?(?:{rows})(?:的)?)\s*[，,]\s*(?=(?:而|其实|应该|实际上?)?(?:是|算))"


def _row_moved(r: _Reading, clause: str) -> bool:
    """“不是处罚，是强制10件”, “处罚那10件其实是强制”, “那10件是强制不是处罚”, “8件那个应该算强制”: the figure
    said for one row (of 许可、处罚、强制) is another's — the new row takes it (the figure said again with it, else
    the one said before) and the old row is left with none of it; a part of it (“其中3件”) is not read here."""
    hits = sorted((m.start(), m.end(), row) for pattern, row in words().t2_rows if row in _DECISION_ROWS
                  for m in pattern.finditer(clause))
    rows = list(dict.fromkeys(row for _, _, row in hits))
    count, whole = count_of(clause), False
    if len(rows) == 2 and (negated := _NOT_ROW.search(clause)):
        after = [row for start, _, row in hits if 0 <= start - negated.end() <= 2]
        if not after:
            return False
        source, whole = after[0], True  # (what was said of it was said of the wrong row: all of it moves)
        target = next(x for x in rows if x != source)
    elif len(rows) == 2 and (move := _MOVE.search(clause)) and hits[0][1] <= move.start() < hits[-1][0]:
        source, target = rows
    elif len(rows) == 1 and (m := _THAT_FIGURE.match(clause)) and (said := count_of(m.group(0))) is not None:
        # (“其中3件应该算强制”: part of the row just said; “那8件……”: the row said with that figure)
        held = [row for row in _DECISION_ROWS if row != rows[0] and _figure(r, row) == said]
        if not held and r.row in _DECISION_ROWS and r.row != rows[0] and ("t2", r.row, "decisions") in r.said_now \
                and _MOVE.search(clause):
            held = [r.row]  # (“处罚10件，其中3件应该算强制”: part of the row just said — the clauses drop 其中)
        if len(held) != 1:
            return False
        source, target, count = held[0], rows[0], said
    else:
        return False
    figure, already = _figure(r, source), _figure(r, target) or 0
    count = figure if count is None else count
    if count is None or (already if whole else figure is not None and count > figure):
        # (nothing said of the row before; or the new row had a figure of its own — replaced or added to?)
        r.questions.append(((target, None), f"“{clause}”：{_row_name(target)}一共几件？{_row_name(source)}还有几件？",
                            clause, "count"))
        return True
    r.cells[("t2", target, "decisions")] = count + already
    r.cells[("t2", source, "decisions")] = 0 if whole or figure is None else figure - count
    r.said_now |= {("t2", target, "decisions"), ("t2", source, "decisions")}
    r.row = target
    return True


# “那件其实是处罚”, “那1件其实算处罚”: the cases just spoken of, said to be of another row
_THAT_ONE = re.compile(r"^(?:那|这)\s*(" + NUM + r")?\s*(?:件|个|起)(?:那个|的)?\s*(?:其实|实际上?|应该|应当|本来)?(?:是|算|属于|归)")


def _corrected_row_moved(r: _Reading, clause: str) -> bool:
    """“强制说错了，应该是0，那件其实是处罚”: the cases a correction in this answer took off the row just spoken of
    (its figure said before minus the one now) are of the row named after — added to that row."""
    m = _THAT_ONE.match(clause)
    rows = rows_in(clause)
    if not m or len(rows) != 1 or r.row not in _DECISION_ROWS or rows[0] not in _DECISION_ROWS or rows[0] == r.row:
        return False
    key = ("t2", r.row, "decisions")
    before, now = r.before.get((r.row, "decisions")), r.cells.get(key)
    if before is None or now is None or key not in r.said_now or now >= before:
        return False
    taken = before - now
    if (said := count_of(m.group(0))) is not None and said != taken:
        return False
    target = ("t2", rows[0], "decisions")
    r.cells[target] = (r.cells[target] if target in r.cells else r.before.get((rows[0], "decisions"), 0)) + taken
    r.said_now.add(target)
    r.row = rows[0]
    return True


def _figure(r: _Reading, row: str) -> float | None:
    """The figure of a row's 处理决定 said so far (in this answer, else in an earlier one)."""
    said = r.cells.get(("t2", row, "decisions"))
    return said if said is not None else r.before.get((row, "decisions"))


def _exactly(r: _Reading, clause: str) -> bool:
    """“许可45万多，准确是452316件”: the exact figure right after the one said about so many answers the question
    about it (the row and column it asked for)."""
    asked = r.questions[-1] if r.questions else None
    if asked is None or asked[3] != "count" or asked[0][0] != r.row or not _EXACT.match(clause):
        return False
    (row, column), said = asked[0], _EXACT.sub("", clause)
    if row == "fees":
        amount = fee(said)
        if amount is None:
            return False
        r.cells[("t2", row, "fee_amount")] = amount
    elif (count := count_of(said)) is None and (count := closing_numeral(said)) is None:
        return False
    elif column is not None or row not in ("rules", "normative"):
        r.cells[("t2", row, column or "decisions")] = count
        r.said_now.add(("t2", row, column or "decisions"))
    else:
        return False  # (a count of documents without its column: the question stays)
    r.questions.pop()
    return True


def _listed(r: _Reading, row: str, clause: str, count: float | None) -> bool:
    """“许可、处罚、强制这三项都是零”: a row named alone waits; the 都 after such rows says the same of each."""
    w = words()
    alone = count is None and not _says_none(clause) and not _ALL.search(clause) and row != "fees" \
        and not w.t2_same_as_last.search(clause) and not w.t2_about_last.search(clause) \
        and not any(found.search(clause) for found in w.t2_more_than_last) \
        and not any(pattern.search(clause) for pattern, _ in w.t2_columns) and not vague(clause) \
        and not approximate(clause)
    if alone and row in rows_in(clause):
        r.listed += [x for x in rows_in(clause) if x != "fees"]  # (“许可处罚强制啊，……都是0”: three rows named)
        return True
    listed, r.listed = r.listed, []
    together = [x for x in dict.fromkeys(rows_in(clause)) if x != "fees"]  # “许可处罚强制这些都没有”
    several = list(dict.fromkeys([*listed, *together, row]))
    # (“许可处罚强制啊，许可12件”: a row of the list named again with its figure is that row's)
    if (len(together) > 1 or listed and row not in listed) and count and not _ALL.search(clause) and row != "fees":
        # “许可、处罚一共20件”, “许可处罚12件”: one figure of several rows — each row's is asked, never all put in one
        names = "、".join(_row_name(x) for x in several)
        r.questions.append(((row, None), f"“{clause}”：{names}各几件？", clause, "kind"))
        return True
    if not ((listed or len(together) > 1) and (_ALL.search(clause) or _none_of_those(clause, count))):
        return False
    for each in dict.fromkeys([*listed, *together] if len(together) > 1 else [*listed, row]):
        _BY_ROW.get(each, _decisions)(r, each, clause, count)
        r.row = each  # (a count after them without its row is the last one's)
    return True


# “许可、处罚这些……”, “这两项”: the rows just listed, spoken of together
_THOSE_LISTED = re.compile(r"这些|那些|(?:这|那)(?:几|两|俩|" + NUM + r")(?:项|个|样|块|类)?|它们")


def _none_of_those(clause: str, count: float | None) -> bool:
    """“许可、处罚这些是各部门的”, “许可、处罚，我们本级没有”: none of the rows just listed (said of them together,
    or in a clause naming no row) — each is 0, never only the last one named."""
    if count not in (None, 0) or not _says_none(clause):
        return False
    return len(set(rows_in(clause))) != 1 or _THOSE_LISTED.search(clause) is not None


def _says_none(clause: str) -> bool:
    """“没有”, “本级没有”, “是各部门的”, “不是我们办的”: the row has no figure of this body's."""
    return bool(_NEGATION.search(clause) or words().t2_not_ours.search(clause) or _ZERO_WORD.search(clause)
                or re.search(r"(?<![0-9０-９])[0０](?![0-9０-９.])", clause))


def names_in_force(text: str) -> bool:
    """An answer that says 现行有效 (“现行有效的一件都没有”): a figure of 表二, not “nothing happened”."""
    return any(pattern.search(text) for pattern, col in words().t2_columns if col == "in_force")


def rows_in(clause: str) -> list[str]:
    return [r for pattern, r in words().t2_rows if pattern.search(clause)]


def read(found: list[Clause], asked: str | None = None, before: dict[str, float] | None = None) -> _Reading:
    """The cells, questions and clauses not understood: each clause's row (or the row just said) and what it counts;
    `asked`: the row whose figure a count said first in a later answer gives (“核实了，是12件”); `before`: the
    figures earlier answers gave ("row|column")."""
    r = _Reading()
    r.before = {(key.split("|", 1)[0], key.split("|", 1)[1]): v for key, v in (before or {}).items()}
    turn = 0
    for c in found:
        if c.turn != turn:
            turn, r.row, r.aside, r.said_now = c.turn, asked, False, set()
        cells_before = dict(r.cells)
        _clause(r, c.text)
        _answered(r, {(row, col) for (_, row, col), v in r.cells.items() if cells_before.get(("t2", row, col)) != v})
    return r


def _answered(r: _Reading, given: set[tuple[str, str]]) -> None:
    """“许可两千件左右，不对，许可是2013件”: a question about a figure said about so many is answered by the figure
    of its row (and column, when it asked one) said after it."""
    r.questions = [q for q in r.questions if q[3] != "count"
                   or not any(row == q[0][0] and (q[0][1] == col or q[0][1] is None and row not in _DOCUMENTS)
                              for row, col in given) and not _made_and_repealed(r, q[0], given)]


def _made_and_repealed(r: _Reading, asked: tuple[str, str | None], given: set[tuple[str, str]]) -> bool:
    """“规范性文件跟去年一样，没有新发也没废止”: the count of documents asked without its column is answered once
    both what was made and what was repealed are said (what is in force follows from last year's)."""
    row, column = asked
    return column is None and row in _DOCUMENTS and any(r_ == row for r_, _ in given) \
        and all(("t2", row, c) in r.cells for c in ("issued", "repealed"))


_DOCUMENTS = ("rules", "normative")  # (a count of documents asked without its column is not answered by another's)


def read_turn(reading: ProactiveReading, text: str, turn: int, last: dict[str, float] | None = None) -> ProactiveReading:
    """One more answer about 表二: its figures replace those said before for the same cells (a figure said before a
    question is not lost when the question is answered); a question stays open until a figure of its row is said.
    `last`: last year's figures ("row|column"; None: no report of last year) — a row said to be as last year takes
    its figure from there, or is asked."""
    asked = {q.row for q in reading.opened if q.part in ("count", "last_year")}
    said = read(_clauses(text.strip(), turn), next(iter(asked)) if len(asked) == 1 else None, reading.cells)
    out = reading.model_copy(deep=True)
    out.cells.update({f"{r}|{c}": v for (_, r, c), v in said.cells.items()})
    for _, r, c in said.cells:
        out.from_last.pop(f"{r}|{c}", None)  # (a figure said puts right one taken from last year)
    for (row, column), (words_, change) in said.as_last.items():
        key = f"{row}|{column}"
        if ("t2", row, column) in said.cells:
            continue  # (“许可跟去年一样多，都是40件”: the figure said with it)
        if last is not None and key in last and last[key] + change >= 0:
            figure = round(last[key] + change, 6)  # (万元 with decimals: no float residue)
            out.cells[key], out.from_last[key] = figure, words_
            said.cells[("t2", row, column)] = figure
            continue
        why = "没有去年的报告" if last is None else "去年的报告里没有这一项的数" if key not in last else \
            f"去年是{format_number(last[key])}，减不了这么多"
        what = "金额（万元）" if column == "fee_amount" else "件数"
        said.questions.append(((row, column), f"“{words_}”：{why}，请直接说今年{_row_name(row)}的{what}。", words_,
                               "last_year"))
    out.opened = [q for q in out.opened if not any(r == q.row and q.kind in (None, c) for _, r, c in said.cells)]
    out.opened += [Open(words=words_, part=part, turn=turn, question=q, row=row, kind=col)
                   for (row, col), q, words_, part in said.questions]
    out.questions = [q.question for q in out.opened]
    out.not_understood = said.not_understood
    if said.rest_none or any(_REST_NONE.match(piece.strip()) for piece in re.split(r"[，,；;。！!\n]", text)) \
            or zero_said_of_all(text):
        _rest_none(out)
    return out


def _rest_none(out: ProactiveReading) -> None:
    """“别的都是0”: every cell of 表二 not said so far (现行有效 too: the clerk said the whole rest) and not asked about."""
    asked = {q.row for q in out.opened}
    for _, row, column in formats.latest().tables["t2"].cells():
        if row.id not in asked:
            out.cells.setdefault(f"{row.id}|{column.id}", 0)


def _key(key: str) -> tuple[str, str, str]:
    row, column = key.split("|", 1)
    return ("t2", row, column)


def cells_of(reading: ProactiveReading) -> Parsed:
    out = Parsed(cells={_key(key): v for key, v in reading.cells.items()},
                 questions=list(reading.questions), not_understood=list(reading.not_understood),
                 from_last_year={_key(key): said for key, said in reading.from_last.items()})
    if not out.cells and not out.questions:
        out.refusal = REFUSAL
    return out


def fee(clause: str, unit: str = "万元") -> float | None:
    """The fee in the column's unit (万元): “2.5万元”, “3000元”, “800块钱”, “1万2千元”, “3万5”, “收费0” (a number
    without a unit is the column's)."""
    said = read_amount(clause)
    return None if said is None else said.in_unit(unit)
