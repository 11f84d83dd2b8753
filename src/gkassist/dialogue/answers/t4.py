"""表四 in everyday Chinese, over a whole conversation, in the same stages as 表三: clauses → frames (the kind of
case, its outcome, a count) → facts in order (a court's outcome belongs to the suit just said; a suit brought
after a 复议 — “不服复议决定又起诉” — is 复议后起诉) → settled across answers (a later answer puts an outcome right)
→ allocated (an outcome without a count takes what is left of its case count) → what is missing, asked once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gkassist.core.numbers import format_number, parse_number
from gkassist.dialogue.answers.parsed import Parsed
from gkassist.dialogue.answers.state import AppealFact, AppealReading, Aside, Open
from gkassist.dialogue.answers.t3 import names_a_row
from gkassist.dialogue.answers.text import COUNT, NUM, Clause, approximate, clauses, closing_numeral, count_of, vague
from gkassist.dialogue.answers.words import Marker, words

OUTCOME_LABELS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}
BLOCK_LABELS = {"review": "行政复议", "suit_direct": "行政诉讼（未经复议直接起诉）", "suit_after_review": "复议后起诉"}
_EXPLICIT_AFTER_REVIEW = re.compile(r"复议")


@dataclass
class Frame:
    clause: Clause
    named: str | None  # the kind of case the clause names
    outcome: str | None
    count: float | None
    nothing: bool  # “没有复议”
    correction: bool
    moved_from: str | None = None  # “那件不是复议，是直接起诉的”: the kind of case it was said to be
    several: bool = False  # “复议和诉讼一共2件”: two kinds of case under one count
    other_table: str | None = None  # “规范性文件一个也没发”: said here of 表二 (an aside)
    refers_outcome: str | None = None  # “纠正的那件……”: the outcome the case spoken of was said to have
    refers_count: float | None = None  # “未审结那两件……”: how many cases spoken of
    intends: bool = False  # “有人说要去复议”: a case only spoken of
    outcome_counted: bool = False  # “复议后起诉的维持3件”: the count said after the outcome word is that outcome's
    among: bool = False  # a later answer opening with “其中”: its cases are among those said before
    put_into: bool = False  # “应该算复议”: the kind of case named is where the cases said before belong
    told_on: bool = False  # another clause of the same answer names another kind of case (a story told again)


# “有个复议”, “还有个诉讼”: one case, said without its number
_ONE = re.compile(r"(?<![没无])(?:有|来了|打了|碰到)(?:一)?(?:个|件|起(?!诉))(?=[\u4e00-\u9fff])")
# (“维持的那俩里有一个……”: one case among those said with that outcome — the count after it is this clause's;
# “确认违法那个人后来又起诉了”, “纠正那件……”, “被纠正那家……”: the 的 is often left out in speech)
_REFERENCE = re.compile(r"^.{1,8}?的?那(?:(?:[0-9０-９一二两三四五六七八九十几]+)?(?:件|个|起|些)(?:里|中|当中|里面|里头|之中)|(?:1|一)?(?:件|个|起|家|位|宗|案子|案)|(?P<n>[2-9２-９两二三四五六七八九])(?:件|个|起))")
# “那个没结的……”, “那件还在审的……”: the case spoken of, its state said after the pronoun
_REFERENCE_AFTER = re.compile(r"^(?:那|这)(?:1|一)?(?:件|个|起)(?:还|仍|正)?[^，,。；;0-9０-９]{1,6}?的")
# “复议维持后又起诉”, “复议维持了他不服才起诉”: the 复议's outcome, then a suit brought after it
_OUTCOME_THEN = re.compile(r"((?:行政)?复议[^，,。；;]{0,6}?(?:维持|纠正|撤销|驳回)了?)(?:(?:之|以)?后|(?=(?:他|她|对方|申请人|当事人)?(?:还是|仍然|仍)?不服))")
# “一件是去年复议过的，今年又起诉到法院”, “复议完了，他又告到法院”: a case said to have been through a 复议 and then
# taken to court is one suit after a 复议 (the 复议 itself no case of this year), one clause
# (“……复议结束了，申请人不服，起诉到法院”: the 不服 between them too)
_REVIEWED_THEN = re.compile(r"(?:行政)?复议(?:过|完|结束|(?:之|以)?后)(?:了)?(?:的)?(?:(?:之|以)后)?[，,]\s*"
                            r"(?:([^，,。；;0-9０-９]{0,8}不服)[，,]\s*)?"
                            r"(?=[^，,。；;]{0,10}(?:起诉|告到|告上|打(?:了)?官司|上法院|诉讼|告了))")
# “诉讼”, “官司”: a suit said without saying whether a 复议 came first
_PLAIN_SUIT = Marker("plain_suit")


# “不是复议而是直接起诉的”: a case put from one kind into another
_NOT_BUT = Marker("not_but", r"不是(.+?)WORDS")
# “是复议被纠正，不是诉讼”, “复议，不是诉讼”: the kind it was, then the kind it was said to be
_BUT_NOT = Marker("not_but", r"^(?:WORDS)?(.+?)[，,]?\s*(?:而|并)?不是(.+)$")
_PUT_INTO = Marker("block_put_into")
_AND = Marker("and")
EACH = re.compile(r"各")
_INTENDS = Marker("intends")
_LISTED = re.compile(r"((?:行政)?(?:复议|诉讼))、(?=(?:行政)?(?:复议|诉讼))")
_NO_REVIEW = re.compile(r"(?:没|没有|不|未)(?:经过?|走|申请|去)?(?:行政)?复议")
_OF_REQUESTS = Marker("of_requests")
# “不符合受理条件，驳回了”: the 驳回 after why the case was not taken is that decision (其他结果), said in two clauses
_TURNED_AWAY = re.compile(r"(不(?:符合|满足|属于)[^，,。；;]{0,10}(?:条件|范围))[，,]\s*(?=(?:被|就|予以|给|也)?(?:裁定|决定)?驳回)")
_OUTCOME_NONE = Marker("outcome_none")
_TABLE_NAMED = re.compile(r"表\s*([二三23])")
_TABLE_NAMED_IS = {"二": "t2", "2": "t2", "三": "t3", "3": "t3"}
BARE_NONE = re.compile(r"^(?:也|都|均)?(?:没有|没|无|零|0)(?:件|个|起)?(?:的)?$")


def frame(clause: Clause) -> Frame:
    w = words()
    text = clause.text
    named = next((b for pattern, b in w.appeal_blocks if pattern.search(text)), None)
    # “纠正的那件又起诉了”: the outcome before 的那件 says which case, not what became of this one
    m = _REFERENCE.search(text) or _REFERENCE_AFTER.search(text)
    said = text[m.end():] if m else text
    refers_outcome = next((o for pattern, o in w.outcomes if pattern.search(m.group(0))), None) if m else None
    refers_count = count_of(m.group("n") + "件") if m and m.re is _REFERENCE and m.group("n") else None
    count = count_of(said)
    outcome = next((o for pattern, o in w.outcomes if pattern.search(said)), None)
    if count is None and outcome:
        count = closing_numeral(said, single=True)  # “维持二百零五”, “纠正六”: an outcome's count, no 件
    if count is None and outcome and (none_of := _outcome_none(said)):
        outcome, count = none_of, 0  # “没有未审结的”: none pending — not the cases left over
    if count is None and named and _ONE.search(text):
        count = 1
    moved_from, put_into = None, False
    if m := _NOT_BUT.search(text):
        moved_from = _block_named(m.group(1))
        named = _block_named(text[m.end():]) or named
    elif (m := _BUT_NOT.search(text)) and (wrong := _block_named(m.group(2))) and (right := _block_named(m.group(1))):
        moved_from, named = wrong, right
    elif (m := _PUT_INTO.search(text)) and (to := _block_named(text[m.end():])):
        moved_from, named, put_into = _block_named(text[:m.start()]), to, True  # “诉讼那件应该算复议”: from one, into one
    blocks = {b for pattern, b in w.appeal_blocks if pattern.search(text)}
    several = {"review", "suit_direct"} <= blocks and "suit_after_review" not in blocks and bool(_AND.search(text)) \
        and not _NO_REVIEW.search(text)  # (“还有一家公司没复议直接起诉”: one suit)
    # (“现行有效的也没有”: a column only 表二 has, said with no row)
    other = "t2" if named is None and (any(p.search(text) for p, _ in w.t2_rows)
                                       or any(p.search(text) for p, col in w.t2_columns if col == "in_force")) else None
    if named is None and _OF_REQUESTS.search(text):
        other = "t3"  # “前面申请那8件里”: 表三's applications, their figure no case of this table
    if named is None and (table := _TABLE_NAMED.search(text)):
        other = _TABLE_NAMED_IS[table.group(1)]  # “表三刚才说漏了一件”: said of the table it names
    return Frame(clause, named, outcome, count,
                 bool(w.no_appeals.search(text)), bool(w.corrections.search(text)), moved_from, several, other,
                 refers_outcome, refers_count, intends=bool(_INTENDS.search(text)) and count is None,
                 outcome_counted=_count_after_outcome(said), put_into=put_into)


def _count_after_outcome(text: str) -> bool:
    """“复议后起诉的维持3件”, “直接起诉维持了9件”, “经复议后诉讼的：维持3”: a count right after an outcome word is
    that outcome's — the block's total only when said before it (“复议1件维持”) or as one (“共12件，其中……”)."""
    found = [m.start() for pattern, _ in words().outcomes if (m := pattern.search(text))]
    count = next((m for m in COUNT.finditer(text) if parse_number(m.group(2)) is not None), None)
    return bool(found) and (count.start(2) > min(found) if count else True)


def _outcome_none(text: str) -> str | None:
    """“没有未审结的”, “纠正的一件也没有”: the outcome said to have no case (the words saying none taken off, what is
    left must name it; “没结” is pending, not none)."""
    bare = _OUTCOME_NONE.sub("", text, count=2)
    if bare == text or not bare:
        return None
    return next((o for pattern, o in words().outcomes if pattern.search(bare)), None)


def names_an_outcome(text: str) -> bool:
    """Whether an answer says what became of a case (prompts/answers.yaml outcomes) and names no row of 表二."""
    w = words()
    return any(p.search(text) for p, _ in w.outcomes) and not any(p.search(text) for p, _ in w.t2_rows)


def _block_named(text: str) -> str | None:
    return next((b for pattern, b in words().appeal_blocks if pattern.search(text)), None)


def expand_asides(found: list[Clause]) -> list[Clause]:
    """What a clause says in brackets: without a count it tells more of the same cases (“诉讼1件（经复议后起诉的）”,
    “复议2件（均维持）”); with one it is cases of its own."""
    out: list[Clause] = []
    for c in found:
        own = [a for a in c.asides if count_of(a) is None]
        out.append(Clause(c.text + "".join(f"（{a}）" for a in own), c.heads, c.ends, turn=c.turn))
        out += [Clause(a, turn=c.turn) for a in c.asides if count_of(a) is not None]
    return out


@dataclass
class _Answer:
    """What one answer is saying, frame by frame (reset at each answer)."""

    r: AppealReading
    turn: int
    correcting: bool = False
    intended: bool = False  # the clause before spoke of a case only intended (“说要去复议”)
    total: tuple[float, str] | None = None  # a count of cases of no kind said before the cases it counts
    # “在审那件上礼拜有结果了，申请人撤回了”: the case named by its outcome in a clause that says no new one — the
    # outcome said in the next clause is that case's
    referred: tuple[str, float | None] | None = None
    aside_last: bool = False  # the clause before was said of another table
    appealed: bool = False  # “……，他不服上诉了”: the suit just told goes on in a higher court

    def close(self) -> None:
        """A total the cases told after it do not make up is not understood."""
        if self.total is not None:
            told = sum(x.count or 0 for x in self.r.facts if x.turn == self.turn and x.outcome is None)
            now = [x for x in self.r.facts if x.turn == self.turn]
            if not any(x.count for x in now) and len({x.block for x in now}) == 1:
                # “就一件，……申请了复议，……维持了”: the count said first is of the one kind of case told after it
                self.r.facts.append(AppealFact(now[0].block, None, self.total[0], self.turn, clause=self.total[1]))
            elif told != self.total[0]:
                self.r.not_understood.append(self.total[1])
        self.total = None
    pair: list[str] = field(default_factory=list)  # “复议和诉讼各1件”: the kinds a following “都维持了” is of  # “不好意思，是纠正”: the words that put right cover the rest of the answer


def _aside(a: _Answer, f: Frame) -> bool:
    """Aside: “规范性文件一个也没发” said here is 表二's — kept for its question, never a case of this table (and
    “跟去年一样” right after it, of what it said)."""
    last = a.r.asides[-1] if a.r.asides else None
    if f.other_table is None and last is not None and last.turn == f.clause.turn and a.aside_last \
            and _UNCHANGED.fullmatch(f.clause.text.strip("，,。；; ")):
        f.other_table = last.table
    a.aside_last = f.other_table is not None
    if f.other_table is None:
        return False
    a.r.asides.append(Aside(table=f.other_table, words=f.clause.text, turn=f.clause.turn))
    return True


def _intended(a: _Answer, f: Frame) -> bool:
    """“有人说要去复议，最后没去”: a case only spoken of is none; what is said after it is of that kind of case."""
    if not f.intends:
        undone = a.intended and f.count is None and f.outcome is None and bool(re.search(r"没|未|不", f.clause.text))
        a.intended = False
        return undone  # “……，最后没去”, “后来也没告”
    a.r.block, a.intended = f.named or a.r.block, True
    return True


def _several(a: _Answer, f: Frame) -> bool:
    """“复议和诉讼一共2件，都维持了”: which is which is not said — asked, never guessed; “复议和诉讼各1件”: each."""
    if not (f.several and f.count):
        return False
    if EACH.search(f.clause.text):
        for block in ("review", "suit_direct"):
            a.r.facts.append(AppealFact(block, None, f.count, f.clause.turn, f.correction, clause=f.clause.text))
            if f.outcome:
                a.r.facts.append(AppealFact(block, f.outcome, None, f.clause.turn, f.correction, clause=f.clause.text))
        a.r.block, a.pair = None, ["review", "suit_direct"]
        return True
    question = f"“{f.clause.text}”：行政复议和行政诉讼各几件？结果分别是什么？"
    a.r.questions.append(question)
    a.r.opened.append(Open(words=f.clause.text, part="kind", turn=f.clause.turn, question=question))
    a.r.uncounted += ["review", "suit_direct"]
    return True


def _moved(a: _Answer, f: Frame) -> bool:
    """Move: “那件不是复议，是直接起诉的” — the cases said of one kind are of the other, with their outcomes."""
    if not (f.moved_from and f.named and f.moved_from != f.named and f.clause.turn):
        return False
    # (“是复议，不是诉讼”: a suit said without 直接 is either kind of suit said before)
    sources = {f.moved_from} if f.moved_from != "suit_direct" or _PLAIN_SUIT.search(f.clause.text) \
        else {"suit_direct", "suit_after_review"}
    moved = [x for x in a.r.facts if x.block in sources - {f.named} and x.turn < f.clause.turn]
    if not moved:
        return False
    for x in moved:
        x.block = f.named
    a.r.block = f.named
    if f.outcome is not None:
        for x in moved:
            x.outcome = x.outcome and f.outcome  # “……，法院维持了”: the outcome said again with it
    return f.count is None


def _put_into(a: _Answer, f: Frame) -> bool:
    """Move: “应该算复议”, “弄错了，那两件是直接起诉的” — a later answer putting right which kind of case the cases
    said before are (all of one kind): they move into the kind named with their outcomes, never one more case (a count
    said with it must be theirs; “还有/也” adds)."""
    if not (f.clause.turn and f.named and not f.several and not f.nothing and not f.intends
            and (f.put_into or f.correction or a.correcting) and not _ADDS.search(f.clause.text) and not f.told_on):
        return False
    earlier = [x for x in a.r.facts if x.turn < f.clause.turn and (x.count or x.outcome)]
    blocks = {x.block for x in earlier}
    if len(blocks) != 1 or f.named in blocks or any(x.turn == f.clause.turn and x.block == f.named for x in a.r.facts):
        return False
    if f.named == "suit_direct" and blocks == {"suit_after_review"} and not _PLAIN_SUIT.search(f.clause.text):
        return False  # (“法院那边也维持”: a suit said without 直接 is the suit after the 复议 said before)
    if f.count is not None and f.count != _told(earlier):
        return False
    for x in [x for x in a.r.facts if x.block in blocks and x.turn < f.clause.turn]:
        x.block = f.named
        x.outcome = x.outcome and (f.outcome or x.outcome)  # “……，是纠正”: the outcome said again with it
    a.r.block = f.named
    return True


_ADDS = Marker("follow_up")


def _outcome_moved(a: _Answer, f: Frame) -> bool:
    """Move: “败诉的那件其实对方撤诉了” — a case said with one outcome had another (a withdrawal is 其他结果);
    the cases of its kind stay as many."""
    if not (f.clause.turn and f.refers_outcome and f.outcome and f.outcome != f.refers_outcome):
        return False
    earlier = [x for x in a.r.facts if x.outcome == f.refers_outcome and x.turn < f.clause.turn and x.count
               and f.named in (None, x.block)]
    n = f.count or f.refers_count or 1
    if len({x.block for x in earlier}) != 1 or (earlier[-1].count or 0) < n:
        return False
    source = earlier[-1]
    source.count = (source.count or 0) - n
    same = next((x for x in a.r.facts if x.block == source.block and x.outcome == f.outcome and x.count), None)
    if same is not None:
        same.count = (same.count or 0) + n
    else:
        a.r.facts.append(AppealFact(source.block, f.outcome, n, f.clause.turn, True, clause=f.clause.text))
    a.r.block = source.block
    return True


def _one_of_those(a: _Answer, f: Frame) -> bool:
    """Move: “不对，有1件是纠正”, “其中1件后来申请人撤回了” after “复议维持3件” — a later answer putting right (or
    opening with 其中) gives cases said before, all of one outcome and counted by it, another outcome: taken from
    them, never added (“还有1件在审” adds)."""
    if not (f.clause.turn and f.outcome and f.count and (f.correction or a.correcting or f.among)):
        return False
    block = f.named or a.r.block
    if block is None:  # no block named or asked about: nothing said before to take from
        return False
    earlier = [x for x in a.r.facts if x.block == block and x.turn < f.clause.turn and x.count]
    n = f.count or 1
    if not earlier or any(x.outcome is None for x in earlier) or len({x.outcome for x in earlier}) != 1 \
            or earlier[-1].outcome == f.outcome or sum(x.count or 0 for x in earlier) < n:
        return False
    earlier[-1].count = (earlier[-1].count or 0) - n
    a.r.facts.append(AppealFact(block, f.outcome, n, f.clause.turn, True, clause=f.clause.text))
    return True


_APPEALED = Marker("appealed")


def _appealed(a: _Answer, f: Frame) -> bool:
    """“一审驳回了他的诉讼请求，他不服上诉了，二审还没判”: one suit told as it went on — appealed, it is not concluded
    (尚未审结) until the outcome said after the appeal."""
    if not (f.outcome and f.count is None and f.named in (None, a.r.block) and a.r.block in ("suit_direct", "suit_after_review")):
        return False
    said = [x for x in a.r.facts if x.turn == f.clause.turn and x.block == a.r.block and x.outcome]
    if not said or said[-1].count not in (None, 1):
        return False
    if _APPEALED.search(f.clause.text):
        said[-1].outcome, a.appealed = "pending", True
        return True
    if a.appealed:
        said[-1].outcome = f.outcome
        return True
    return False


def _of_the_pair(a: _Answer, f: Frame) -> bool:
    """“……各1件，都维持了”: the outcome of each."""
    pair = a.pair or _counted_now(a, f)
    if not (pair and f.outcome and f.named is None and f.count is None):
        return False
    for block in pair:
        a.r.facts.append(AppealFact(block, f.outcome, None, f.clause.turn, f.correction, clause=f.clause.text))
    return True


def _counted_now(a: _Answer, f: Frame) -> list[str]:
    """“一起复议，一起诉讼，结果都维持了”: the kinds of case this answer counted, none with its outcome yet."""
    if not re.search(r"都|均|全", f.clause.text):
        return []
    said = [x for x in a.r.facts if x.turn == f.clause.turn]
    blocks = list(dict.fromkeys(x.block for x in said))
    if len(blocks) < 2 or any(x.outcome is not None or not x.count for x in said):
        return []
    return blocks


def _none_of_it(a: _Answer, f: Frame) -> bool:
    """Zero: “诉讼的话，没有” — a bare “没有” after the kind of case just named."""
    said = [x for x in a.r.facts if x.turn == f.clause.turn]
    if f.named or f.count is not None or not BARE_NONE.match(f.clause.text) or not said or said[-1].count is not None:
        return False
    _zero(a.r, said[-1].block, said[-1].clause, f.clause.turn)
    return True


def _put_right(a: _Answer, f: Frame) -> bool:
    """“不好意思，是纠正”: the outcome said before put right; “不对，是诉讼1件……”: not what was said before, this instead."""
    r = a.r
    if f.correction and f.outcome is None and f.named is None and f.count is None:
        a.correcting = True
        return True
    if a.correcting:
        f.correction = True
        earlier_blocks = {x.block for x in r.facts if x.turn < f.clause.turn}
        if f.named and f.count is not None and f.named not in earlier_blocks and f.clause.text.startswith("是"):
            r.facts = [x for x in r.facts if x.turn == f.clause.turn]
    return False


_THOSE = re.compile(r"^(?:那|这)(?:" + NUM + r")?(?:件|个|起)")


def _restated(a: _Answer, f: Frame) -> bool:
    """“有2件被确认违法，那两件算纠正”: the cases this answer just counted, their outcome said again — no more cases."""
    if not (f.outcome and f.named is None and f.clause.turn and _THOSE.match(f.clause.text)):
        return False
    return any(x.turn == f.clause.turn and x.outcome == f.outcome and x.count and f.count in (None, x.count) for x in a.r.facts)


def _outcome_put_right(a: _Answer, f: Frame) -> bool:
    """“不好意思，是纠正”: the one outcome said before, put right."""
    r = a.r
    if f.correction and f.outcome and f.count is None and f.clause.turn:
        if any(x.turn == f.clause.turn and x.outcome == f.outcome and x.count for x in r.facts):
            return True  # “有1件……确认违法，那件算纠正”: the case this answer just counted, its outcome said again
        # (“复议机关责令我们重新答复了”: the 复议 named with its outcome is the one said before)
        said = [x for x in r.facts if x.outcome is not None and x.turn < f.clause.turn and f.named in (None, x.block)]
        if len({(x.block, x.outcome) for x in said}) == 1:
            for x in said:
                x.outcome = f.outcome
            return True
    return False


_EXACT = Marker("exact")


def _exactly(a: _Answer, f: Frame) -> bool:
    """“复议的300来件，具体是312件”: the exact count right after the one said about so many is that count (the
    question about it answered); the cases are counted as the clause naming no kind of case."""
    r = a.r
    asked = r.opened[-1] if r.opened else None
    if not (asked and asked.part == "count" and asked.turn == f.clause.turn and f.count and f.named in (None, asked.kind)
            and _EXACT.match(f.clause.text) and asked.question in r.questions and asked.kind in r.uncounted):
        return False
    r.questions.remove(asked.question)
    r.opened.remove(asked)
    r.uncounted.remove(asked.kind)
    return False


def _uncounted(a: _Answer, f: Frame) -> bool:
    """“有几起复议”: never taken for one, asked; “……，都维持了” of cases not yet counted waits for the count."""
    r = a.r
    if f.count is None and vague(f.clause.text) or approximate(f.clause.text):
        question = f"“{f.clause.text}”具体是几件？"
        r.questions.append(question)
        r.opened.append(Open(words=f.clause.text, turn=f.clause.turn, question=question, kind=f.named or r.block))
        r.block = f.named or r.block
        r.uncounted.append(r.block)
        return True
    return f.count is None and (f.named or r.block) in r.uncounted


def _block_of(a: _Answer, f: Frame) -> str | None:
    """The kind of case a clause speaks of, as said or as the answers so far make it (None: said only to relabel
    the suit said before, or “没有复议”)."""
    r, named, text = a.r, f.named, f.clause.text
    if named and f.nothing and f.count in (None, 0):
        r.block = named
        for block in ("review", named) if f.several else (named,):  # “复议和诉讼都是零”
            _zero(r, block, text, f.clause.turn)
        return None
    earlier = {x.block for x in r.facts if x.turn < f.clause.turn}
    if _said_which_suit(r, f, named):
        return r.block
    if named in ("suit_direct", "suit_after_review") and f.count is None and f.outcome is None \
            and f.clause.turn and _relabelled(r.facts, named, f.clause.turn):
        r.block = named  # “是复议之后起诉的”: the suit already said is of the other kind
        return None
    if named == "suit_direct" and not _PLAIN_SUIT.search(text) and "suit_after_review" in earlier \
            and "suit_direct" not in earlier:
        named = "suit_after_review"  # “官司还没打完”, answering about the suit brought after the 复议
    if named == "suit_after_review" and not _EXPLICIT_AFTER_REVIEW.search(text) and not any(x.block == "review" for x in r.facts):
        named = "suit_direct"  # “不服答复又起诉” with no 复议 before it: a suit brought directly
    if named == "suit_direct" and r.block == "suit_after_review" and not re.search(r"直接|未经复议", text):
        named = r.block  # “复议后起诉1件，法院维持”: the court of that same suit
    r.block = named or _block_with_cases(r, f) or r.block
    if r.block is None and f.count and not any(x.turn == f.clause.turn for x in r.facts) and a.total is None:
        a.total = (f.count, text)  # “一共2件。一件是复议……；另一件……”: the cases told after it make it up
    elif r.block is None and f.count:
        r.not_understood.append(text)
    return r.block


def _block_with_cases(r: AppealReading, f: Frame) -> str | None:
    """A later answer's clause that names no kind of case, when the kind spoken of last was said to have none (“……；诉讼
    一件都没有” then “其他结果应该是178”): the one kind that has cases."""
    if f.named or not f.clause.turn or (f.count is None and f.outcome is None):
        return None
    counted = {x.block for x in r.facts if x.count}
    if any(x.block == r.block and x.turn == f.clause.turn for x in r.facts):
        return None  # (“维持的那件又起诉了，还在审”: the suit this answer just spoke of)
    return next(iter(counted)) if len(counted) == 1 and r.block not in counted else None


def _said_which_suit(r: AppealReading, f: Frame, named: str | None) -> bool:
    """“诉讼也有1件，是复议后又起诉的”, “诉讼就一件，复议后起诉的”: the clause right after a suit counted says which
    kind of suit it is."""
    last = r.facts[-1] if r.facts else None
    if not (named in ("suit_direct", "suit_after_review") and f.count is None and f.outcome is None and last is not None
            and last.turn == f.clause.turn and last.outcome is None and last.count
            and last.block in ("suit_direct", "suit_after_review") and last.block != named
            and re.search(r"^是|的$", f.clause.text)):  # (“是复议后又起诉的”, “复议后起诉的”)
        return False
    last.block = r.block = named
    return True


def _zero(r: AppealReading, named: str, text: str, turn: int) -> None:
    """Zero: “诉讼一件都没有”, “没有人告到法院” — what earlier answers said of those cases goes (a suit said
    without 直接 is every suit)."""
    blocks = {named} if named != "suit_direct" or _PLAIN_SUIT.search(text) else {"suit_direct", "suit_after_review"}
    r.facts = [x for x in r.facts if not (x.block in blocks and (x.turn < turn or x.count is None and x.outcome is None))]


def _case_facts(a: _Answer, f: Frame, block: str) -> None:
    r, count, turn = a.r, f.count, f.clause.turn
    if f.outcome is None:
        if count is not None or f.named:
            r.facts.append(AppealFact(block, None, count, turn, f.correction, clause=f.clause.text))  # None: said, not counted
        return
    # (a block whose cases an earlier answer counted by outcome — “8件都维持了” — has its count: “诉讼那边有1件是被纠正的”
    # is one of them with another outcome, not a block of 1)
    if f.named and count is not None and not f.outcome_counted \
            and not any(x.block == block and x.count and (x.outcome is None or x.turn < turn) for x in r.facts):
        r.facts.append(AppealFact(block, None, count, turn, f.correction, clause=f.clause.text))
        count = None  # “复议1件维持”: the count is the block's, the outcome takes it below
    # (“行政诉讼2件” then “1件法院维持”: the count is the outcome's, of the cases already counted)
    r.facts.append(AppealFact(block, f.outcome, count, turn, f.correction, clause=f.clause.text))


# tried in order: the first that takes the frame ends its reading (else it is a count or outcome of its kind of case)
READ_RULES = (_aside, _intended, _outcome_moved, _one_of_those, _appealed, _of_the_pair, _none_of_it, _put_right, _restated, _several, _moved, _put_into, _exactly, _uncounted, _outcome_put_right)


def read(frames: list[Frame], r: AppealReading | None = None) -> AppealReading:
    """The frames of an answer in order, added to what the earlier answers said (`r`)."""
    r = r if r is not None else AppealReading()
    a = _Answer(r, frames[0].clause.turn if frames else 0)
    for f in frames:  # (“说错了，是先复议的，复议维持了他不服才起诉……”: the story told again)
        f.told_on = any(g.named not in (None, f.named) for g in frames if g.clause.turn == f.clause.turn)
    for f in frames:
        if f.clause.turn != a.turn:
            a.close()
            a.correcting, a.turn, a.pair, a.appealed = False, f.clause.turn, [], False
        if f.named:
            a.pair = []
        if a.referred and f.refers_outcome is None and f.outcome:  # (“对方撤回了复议申请”, “……里有一个其实是输了”)
            f.refers_outcome, f.refers_count = a.referred[0], a.referred[1] if f.count is None else f.count
        a.referred = (f.refers_outcome, f.refers_count) \
            if f.refers_outcome and f.named is None and f.outcome is None and f.count is None else None
        if a.referred:
            continue
        if any(rule(a, f) for rule in READ_RULES):
            continue
        block = _block_of(a, f)
        if block is not None:
            _case_facts(a, f, block)
    a.close()
    _suits_split(r)
    return r


def _suits_split(r: AppealReading) -> None:
    """“诉讼9起：没经过复议直接告的6起……；复议后又告的3起……”: a count of every suit the two kinds told after it
    make up is theirs together, no direct suits of its own."""
    for total in [x for x in r.facts if x.block == "suit_direct" and x.outcome is None and x.count
                  and not _PLAIN_SUIT.search(x.clause or "")]:
        after = r.facts[r.facts.index(total) + 1:]
        parts = [x for x in after if x.turn == total.turn and x.count
                 and (x.block == "suit_after_review" or _PLAIN_SUIT.search(x.clause or ""))]
        if {x.block for x in parts} == {"suit_direct", "suit_after_review"} and _told(parts) == total.count:
            r.facts.remove(total)


def _told(parts: list[AppealFact]) -> float:
    """How many cases the facts tell: each kind's count, or (“一件直接起诉的输了”) its outcomes' counts."""
    told = 0.0
    for block in {x.block for x in parts}:
        own = [x.count or 0 for x in parts if x.block == block and x.outcome is None]
        told += sum(own) if own else sum(x.count or 0 for x in parts if x.block == block)
    return told


def _relabelled(facts: list[AppealFact], block: str, turn: int) -> bool:
    """A later answer that says only which kind of suit it was moves the one suit said before into it."""
    other = {"suit_direct": "suit_after_review", "suit_after_review": "suit_direct"}[block]
    said = [x for x in facts if x.turn < turn and x.block in ("suit_direct", "suit_after_review")]
    if not said or any(x.block == block for x in said):
        return False
    for x in said:
        if x.block == other:
            x.block = block
    return True


def settle(facts: list[AppealFact]) -> list[AppealFact]:
    """A later answer puts right what an earlier one said of the same outcome or of the same count of cases (“复议
    1件，结果维持” after “被复议了1件” says the one case again); within one answer facts add up."""
    kept: list[AppealFact] = []
    for f in facts:
        if f.count is not None:
            for g in [g for g in kept if g.turn < f.turn and g.block == f.block and g.outcome == f.outcome]:
                kept.remove(g)
        kept.append(f)
    return kept


def allocate(facts: list[AppealFact]) -> Parsed:
    out = Parsed()
    counts: dict[str, float] = {}
    outcomes: dict[str, list[tuple[str, float | None]]] = {}
    mentioned: set[str] = set()
    for f in facts:
        if f.outcome is None and f.count is None:
            mentioned.add(f.block)
        elif f.outcome is None:
            counts[f.block] = counts.get(f.block, 0) + (f.count or 0)
        else:
            outcomes.setdefault(f.block, []).append((f.outcome, f.count))
    for b, listed in outcomes.items():
        given = sum(c for _, c in listed if c is not None)
        open_ = [o for o, c in listed if c is None]
        total = counts.get(b, given if not open_ else None)
        for o, c in listed:
            if c is not None:
                key = ("t4", "cases", f"{b}.{o}")
                out.cells[key] = out.cells.get(key, 0) + c
        distinct = list(dict.fromkeys(open_))
        if distinct:
            left = (total if total is not None else 1) - given
            if len(distinct) == 1 and left > 0:
                key = ("t4", "cases", f"{b}.{distinct[0]}")
                out.cells[key] = out.cells.get(key, 0) + left
            elif left > 0:
                names = "、".join(OUTCOME_LABELS[o] for o in distinct)
                out.questions.append(f"{BLOCK_LABELS[b]}{_n(total)}件里，{names}各几件？")
    for b in mentioned - set(counts) - set(outcomes):
        out.questions.append(f"{BLOCK_LABELS[b]}有几件，结果是什么（结果维持、结果纠正、其他结果，还是尚未审结）？")
    for b, n in counts.items():
        stated = sum(v for (t, r, c), v in out.cells.items() if c.startswith(b + "."))
        if n > stated and b not in outcomes:
            out.questions.append(f"{BLOCK_LABELS[b]}{_n(n)}件的结果是什么（结果维持、结果纠正、其他结果，还是尚未审结）？")
        elif n > stated:
            out.questions.append(f"{BLOCK_LABELS[b]}{_n(n)}件里还有{_n(n - stated)}件没有说结果，是什么结果？")
        elif n < stated:  # (“复议10件，维持3件，在审9件”: a figure is wrong — asked, never one of them dropped)
            out.questions.append(f"{BLOCK_LABELS[b]}说的是{_n(n)}件，各结果加起来却是{_n(stated)}件，一共几件？各是什么结果？")
    return out


def blocks_stated(text: str) -> set[str]:
    """The kinds of case an answer states with a count (on a table reopened, they replace what was saved of them)."""
    r = read_turn(AppealReading(), text, 0)
    return {f.block for f in r.facts if f.count is not None}


def read_turn(reading: AppealReading, text: str, turn: int) -> AppealReading:
    """One more answer about 表四 read against what the earlier ones said (left as it was)."""
    text = _LISTED.sub(r"\1和", text.strip())  # “复议、诉讼都没有”: both kinds, one clause
    text = _REVIEWED_THEN.sub(lambda m: "复议后" + (m.group(1) or ""), text)
    text = _TURNED_AWAY.sub(r"\1", text)  # “不符合受理条件，驳回了”: one decision, not a 驳回 that upholds
    text = _NOT_ONE.sub("都", text)  # “官司一个没打”: not one (“复议一件没结” is one pending: no verb of a case brought)
    found = clauses(_OUTCOME_THEN.sub(r"\1，复议后", text), names_a_row, turn=turn)
    frames = _count_then_outcome([frame(c) for c in expand_asides(found)])
    if frames and _AMONG.match(text):
        frames[0].among = True
    return read(frames, reading.model_copy(deep=True))


def _count_then_outcome(frames: list[Frame]) -> list[Frame]:
    """“有一件已经判了，我们赢了”: a count said of no kind and no outcome, and the next clause's outcome said with no
    count, are one frame — that many cases had that outcome; “复议的在审说错了，是9件”: an outcome, then its count
    (“是/应该是N件”) in the next clause, likewise."""
    out: list[Frame] = []
    for f in frames:
        last = out[-1] if out else None
        if last is not None and _bare_count(last) and f.outcome and f.count is None and not _EVERY.match(f.clause.text) \
                and f.named is None and f.refers_outcome is None and f.clause.turn == last.clause.turn:
            f.count, f.correction = last.count, f.correction or last.correction
            out[-1] = f
            continue
        if last is not None and last.outcome and last.count is None and last.refers_outcome is None \
                and _bare_count(f) and _ITS_COUNT.match(f.clause.text) and f.clause.turn == last.clause.turn:
            last.count, last.outcome_counted = f.count, True
            continue
        out.append(f)
    return out


def _bare_count(f: Frame) -> bool:
    """A clause that says a count and nothing else of this table (no kind, no outcome, no case spoken of)."""
    return bool(f.count) and f.outcome is None and f.named is None and not f.nothing and f.other_table is None \
        and f.refers_outcome is None


_EVERY = re.compile(r"^(?:也)?(?:都|均|全|全部|一律)")  # (“是2件，都维持”: the count is every case's, said again)
_ITS_COUNT = re.compile(r"^(?:应该|应当|实际|其实|实际上)?(?:是|为|有)\s*" + NUM)


# “官司一个没打过”, “复议一件没遇到”: not one case brought at all
_NOT_ONE = re.compile(r"(?<![0-9０-９零〇一二两三四五六七八九十百千万有])一(?:个|件|起|场|次|宗)(?=(?:没|未)(?:有)?(?:打|告|起诉|申请|发生|遇到|碰到))")
_AMONG = re.compile(r"^(?:其中|这里面|这当中|那里面|里面)")


def cells_of(reading: AppealReading, transcript: str) -> Parsed:
    out = allocate(settle([f.model_copy() for f in reading.facts]))
    out.questions = reading.questions + out.questions
    out.not_understood = list(reading.not_understood)
    if not out.cells and not out.questions and not re.search(NUM, transcript) and not says_nothing_happened(transcript, "t4"):
        out.refusal = "没听明白。请写成“行政复议1件，结果维持”这样；没有复议和诉讼请回答“没有”。"
    return out


def _n(value: float | None) -> str:
    return "" if value is None else format_number(value)


_NOTHING_SAID = Marker("nothing_said", "(?:WORDS)+")
_T3_NAMED = Marker("t3_named")
_UNCHANGED = Marker("unchanged")


def zero_said_of_all(text: str) -> bool:
    """“都是零，啥也没有”: every figure said to be 0 in a whole answer that says nothing else (表二: 现行有效 too, as
    “表二全是0”) — not a bare “没有” (nothing happened this year: what is in force is not said)."""
    from gkassist.dialogue.sentences import in_common_words

    flat = re.sub(r"[\s，,。；;！!、]", "", in_common_words(text))
    left = _UNCHANGED.sub("", flat)
    return bool(left and _NOTHING_SAID.fullmatch(left) and re.search(r"(?:都|全|全部|一律|均)(?:是|为)(?:0|０|零)", left)
                and re.search(r"没有|没|无", left))


def says_nothing_happened(text: str, table: str) -> bool:
    """“没有”“本年度未收到政府信息公开申请”“复议诉讼都没有”“0件”: the whole table is 0."""
    from gkassist.dialogue.answers.t3 import result_of
    from gkassist.dialogue.answers.text import COUNT, all_zero
    from gkassist.dialogue.sentences import in_common_words

    flat = re.sub(r"[\s，,。；;！!、]", "", in_common_words(text))  # (“莫得”: a dialect's 没有)
    if table == "t3":
        flat = _T3_NAMED.sub("", flat) or flat  # “表三都是零”, “依申请这块一件没有”: the table named, then none
    if re.fullmatch(r"(?:本年度?|今年|全年)?(?:都|全|均)?(?:是|为)?(?:没有|无|没|0件?|零件?|0|零)(?:的)?", flat):
        return True
    if (left := _UNCHANGED.sub("", flat)) and _NOTHING_SAID.fullmatch(left) and not (table == "t2" and zero_said_of_all(text)):
        return True  # “没有，没变化”, “没有，跟去年一样”, “啥也没有，一件都没有”
    if re.search(r"一(?:件|个|起|次)[^，。]{0,8}?(?:也|都)(?:没|未|无)", flat) and len(COUNT.findall(flat)) == 1:
        return True  # “一件申请也没收到”: the 一 says none at all
    if COUNT.search(flat) and not all_zero(flat):
        return False
    negated = re.search(r"没有|没|未|无|零|0", flat)
    if table == "t3":
        return bool(words().no_requests.search(flat) or (negated and "申请" in flat and not result_of(flat)))
    if table == "t4":
        outcome = any(pattern.search(flat) for pattern, _ in words().outcomes)
        # “没人告咱”, “没有，没人告过我们”: the words for no case at all (prompts/answers.yaml no_appeals) say it too
        return bool(negated and (re.search(r"复议|诉讼|起诉", flat) or words().no_appeals.search(flat)) and not outcome)
    return False
