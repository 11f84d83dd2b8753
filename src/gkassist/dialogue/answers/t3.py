"""表三 in everyday Chinese, over a whole conversation, in named stages:

1. clauses (text.clauses): the answers' clauses, each answer a turn, asides in brackets kept with their clause;
2. frames: what each clause names — a kind of applicant, a result row (or only its group, 不予公开 without the
   reason), a count, 都, 申请, carried in or on;
3. facts: the frames read in order with their scope — whose applications a result counts (“个人的：”, “企业的3件里”,
   the kind just said), a kind said after its count (“都是个人申请的”), an aside that breaks a count down by kind
   (“共2件（企业1件、自然人1件）”) or gives a reason (“无法提供2件（没有现成信息）”);
4. settle: a later answer refines the earlier ones — a reason or a kind given afterwards fills in what was open, a
   figure said again puts the earlier one right (“公开的是4件”), a row said with its kind replaces the same row said
   without one;
5. allocate: the facts into cells under the table's sums — a result without a count takes what is left of its
   kind's applications, “都” every kind's;
6. missing: what is really missing, asked in one question; nothing when the answer accounts for everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from gkassist.core import formats
from gkassist.core.formats import ReportFormat
from gkassist.core.numbers import format_number, parse_number
from gkassist.core.yamldata import pattern as compiled
from gkassist.dialogue.answers.edits import Add, Edit, Move, Refine, Set, Split
from gkassist.dialogue.answers.parsed import Parsed
from gkassist.dialogue.answers.state import Aside, Fact, Open, Reading, TableState
from gkassist.dialogue.answers.text import (
    NUM,
    PARTITIVE,
    REST_ALONE,
    Clause,
    approximate,
    clauses,
    count_of,
    counted,
)
from gkassist.dialogue.answers.words import Marker, words

APPLIES = Marker("applies", r"WORDS|^(?:今年|全年|本年度?)?(?:一共|共|总共)?有\s*" + NUM + r"\s*件")
# “没有企业申请”, “不是单位”: a kind said to have no applications
APPLIES_WORDS = Marker("applies")  # (without “有3件”: “有1件复议” is no application)
NEGATED_KIND = Marker("negated_kind")
ORGANISATIONS = Marker("organisations")
EACH = re.compile(r"^各\s*" + NUM + r"\s*件$")  # “2位群众…，各1件”: how many each, not more applications
# “纠正的那件”, “不公开的那1件”: a case spoken of by what was said of it
# (not “那个” before a thing asked for: “我们根本没有那个材料” names no case)
REFERENCE = Marker("things", r"(.{1,12}?)的那(?:1|一)?(?:件|个)(?!WORDS)")
# “那件涉及隐私的后来……”, “那个不公开的其实……”: the pronoun first, then what was said of the case (a result or
# its reason)
REFERENCE_AFTER = Marker("things", r"(?:^|[^这那有另])那(?:1|一)?(?:件|个)(?!WORDS)(?!是|属|算|其实|应|呢|啊)([^，。；0-9０-９]{1,12}?)的(?!WORDS)")
# “重复申请那件”: by its result, without 的; “不掌握那2个里有1件……”: some of those
ROW_REFERENCE = Marker("things", r"(.{1,12}?)那(?:(?:1|一)?(?:件|个)(?!WORDS)|\s*" + NUM + r"\s*(?:件|个)(?=\s*(?:里|中|当中)))")
# “重复申请的8件里”, “不掌握的12件当中” in a later answer: the cases said of that result, spoken of by their count
SAID_ROW_REFERENCE = re.compile(r"(.{1,12}?)的?\s*" + NUM + r"\s*(?:件|个)(?=\s*(?:里面|里头|当中|之中|里|中))")
# “重复申请的8件，有2件其实是……”: a clause that only names a result's cases by their count — those said before, when a
# result of that row was said with that count (else one more item of a list: “需要另行制作的3件”)
SPOKEN_OF = re.compile(r"^(?:说的|前面说的|刚才说的)?(.{1,12}?)(?:的|那)\s*(" + NUM + r")\s*(?:件|个)$")
# “重复申请里有2件应该算信访类”: some of the cases of one result (before 里) moved to another (after the move word)
MOVED_OUT_OF = re.compile(r"^(.{1,14}?)(?:里面|里头|当中|之中|里|中)(?:其实|实际上)?有\s*" + NUM + r"\s*(?:件|个)")
# “X的那件其实是Y”, “那1件不是X而是Y”: a result put from one row into another
MOVE = Marker("move")
# “重复申请加20件，从信访类里挪过来”: the result some cases are taken from, named after 从
TAKEN_FROM = Marker("taken_from", r"从([^，。；]{1,12}?)(?:WORDS)")
RETRACTED = Marker("retracted")  # “那件算重复的我弄错了”: the row a case was said to be in, taken back
FINISHED_AFTER_ALL = Marker("finished_after_all")  # “那件转明年的其实年底前已经答复了”: not carried on after all
# “个人申请的4件都公开了”, “自然人5件都公开”: a kind's applications and their result in one clause
APPLIED_COUNT = re.compile(r"申请(?:的|了)?(?:那)?\s*" + NUM + r"\s*件|" + NUM + r"\s*件\s*(?:也|同样|一样)?(?:是)?(?:都|均|全|一样|同样)")
# “两家企业各申请了1件”, “3个人各申请了2件”: so many applicants, so many each
EACH_APPLIED = re.compile("(" + NUM + r")\s*(?:家|个|位|名)[^，。；0-9]{0,6}?各(?:自)?(?:申请)?(?:了)?\s*(" + NUM + r")\s*件")
# “企业的2件也一样”: the result just said, for these too
SAME_RESULT = Marker("same_result")
# “涉及3个村的征收补偿”: what the applications were about, not a count of them
TOPIC = Marker("topic")
# “说错了，是5件”: a count put right with nothing else said of it
BARE_CORRECTED = re.compile(r"^(?:是|应该是|应为|共|一共|总共)?\s*" + NUM + r"\s*件$")
DONE_WORDS = Marker("done")
ALSO = Marker("also")  # “企业那1件也公开了”: in addition to what was said
# “重复申请没有”, “信访类的也没有”, “不掌握的为0”: that result is 0 (said after its row)
ZERO_SAID = Marker("zero_after", r"(?:的)?(?:也|都|均)?WORDS[。！!]?$")
NONE_BEFORE = Marker("none_before", r"^(?:其实|实际上|实际)?(?:也)?(?:并)?WORDS")
APPLIED_FOR_REVIEW = Marker("review_applied")  # (an application for a 复议 is no 表三 application)
ONE_APPLICANT = Marker("one_applicant")  # “有家律所申请了”: one application of that kind
HALF = Marker("half")  # “一半公开”: half of the applications in scope
REFERS = Marker("refers")
CASE_INTRO = Marker("case_intro")  # “一件是村民问……”, “另一件……”: one case of a story told case by case
WOULD_IF = Marker("would_if")  # “公开了怕引发……”: disclosing supposed, not done
CASE_APPLICANT = Marker("case_applicant")  # “县里一个公益协会要……”: one applicant's case, told with what it asked for
CONTENT = Marker("content")  # “问的是某家企业……”: what a case asked for, the kinds in it no applicants
ASKED_FOR = Marker("asked_for")  # “要的是会议纪要”: what was asked for, a row it names only what the case is about
REFUSED = Marker("refused")  # “没给”: refused, the reason said around it
REMAINDER = Marker("remainder")  # “其余都是个人的”
FREQUENCY = Marker("frequency")  # “隔几天就来申请一次”: how often, no count
SAME_APPLICANT = Marker("same_applicant")  # “同一个人前后申请了5次”: some of the applications counted, not more
CASE_PRONOUN = Marker("case_pronoun", r"^(?:WORDS)")  # “那个我们不掌握”: the case just told, no case spoken of
RESULTS_TOTAL = Marker("results_total")  # “个人的一共办结3150件”: how many were finished, no applications
APPLICATIONS_SAID = Marker("applications_said")
SUPPLEMENT_ASKED = Marker("supplement_asked")  # a case asked to be supplemented, not handled further: 逾期不补正
FEE_ASKED = Marker("fee_asked")  # a case asked to pay, not handled further: 逾期未缴费
ORGANISATIONS_TOGETHER = Marker("organisations_together")  # “法人的全都公开了”
OTHER_LISTED = Marker("other_listed")  # “……，其他315”: the row 3.其他 ending a list of results
OTHER_KIND_LISTED = Marker("other_kind_listed")  # “个人2800件、企业40件、其他5件”: the column 其他 in a list of kinds
WITH_CARRIED = Marker("with_carried")
# “一共是3件——不对，12月底又来了1件，那就是4件”: the applications of this answer added up, said again; “……，全年就这
# 1件”, “一共也就这么两件”: the cases just told are all there were
SUM_SAID = re.compile(r"^(?:(?:那|这样|这么|加起来|合起来|算下来|总的)(?:的话)?(?:就|么|一共|总共|共)?|共|一共|总共|合计|共计"
                      r"|(?:今年|全年|本年度?)?(?:一共|总共|共)?(?:也)?(?:就|只有|只|仅有|仅)(?:这|这么|这样)(?:么)?)(?:是|有|共)?\s*"
                      + NUM + r"\s*件(?:了|啊|吧)?$")
# “2件，都是个人的……”: an answer to “收到几件申请” opening with a bare count
OPENING_COUNT = re.compile(r"^(?:今年|全年|本年度?)?(?:一共|总共|共)?(?:是|有|就|只有)?\s*" + NUM + r"\s*(?:件|个)$")  # (“就俩”)  # “连同去年结转的一共12件”: this year's and last year's together


# ------------------------------------------------------------------ frames
@dataclass
class Frame:
    clause: Clause
    kind: str | None
    row: str | None  # a result row
    group: tuple[str, str] | None  # (row prefix, the question) of a result said without its reason
    count: float | None
    quantified: bool
    applies: bool
    carried_in: bool
    no_carry: bool
    carry: bool
    vague: bool
    correction: bool
    refers: bool
    partitive: bool = False  # “个人的6件里”: the applications the results after it are counted among
    several: bool = False  # more than one kind named (“有单位也有个人”)
    no_organisations: bool = False  # “没有企业申请”, “都不是单位”: every application a person's
    moved_from: str | None = None  # the row a correction takes the result from (“不掌握的那件其实是需要另行制作的”)
    vague_count: bool = False  # “企业也有几件”: a count said without its number
    refers_to: str | None = None  # the result row (or group prefix) “X的那件” speaks of
    kind_from: str | None = None  # the kind a correction takes cases from (“个人的有2件其实是律所的”, “…，不是公司”)
    case_intro: bool = False  # opens one case of a story told case by case
    asked_for: bool = False  # says what was asked for: a row it names is the case's only until its result is said
    refused: bool = False  # “没给”: refused, no row or group of its own
    remainder: bool = False  # “其余……”: what is left of the counts said for every kind
    done_total: bool = False  # “办结3150件”: how many were finished (results, last year's included), no applications
    with_carried: bool = False  # “连同去年结转的一共12件”: this year's applications and last year's together
    organisations: bool = False  # “法人的……”: every kind but 自然人, no one kind named
    spoken_of: tuple[str, float] | None = None  # (row, count) of “重复申请的8件” alone in a later answer (_some_referred)
    kinds: list[str] = field(default_factory=list)  # every kind it names (several: “企业律所的全部公开”)
    # “有20件其实是重复申请” in a later answer: cases moved into this row from one not named (the one row of its group
    # said before, or asked)
    moved_unnamed: bool = False
    moved_into: bool = False  # a result named after a move word, none before it (“后来查了是重复申请”)

    @property
    def text(self) -> str:
        return self.clause.text


NAMED_PERSON = Marker("named_person")  # “张某”: a person named as reports name one
IN_NAME_OF = Marker("in_name_of")  # “以公司名义”: the kind applied as


def kinds_in(text: str) -> list[str]:
    """Every kind of applicant a clause names (a word found is taken out, so that “村民委员会” is no 村民); the one
    it applied as when said (“养殖场老板以公司名义要……”: 商业企业); a person named as “张某” is a 自然人."""
    text = _applicant_part(text)
    if (m := IN_NAME_OF.search(text)) and len(applied_as := _kind_words_in(m.group(1))) == 1 \
            and not MOVE.search(text):  # (“村委会那件其实是村主任以个人名义申请的”: the kind it was taken for too)
        return applied_as
    found = _kind_words_in(text)
    return found or (["natural"] if NAMED_PERSON.search(text) else [])


def _kind_words_in(text: str) -> list[str]:
    found = []
    for phrase in words().not_kinds:
        text = text.replace(phrase, "")  # “涉及个人隐私”: no applicant
    for word, kind in words().kinds:
        if word in text:
            text = text.replace(word, "")
            if kind not in found:
                found.append(kind)
    return found


def _applicant_part(text: str) -> str:
    """A clause without what its case asked for (“另1件问的是某家企业拿了多少补贴”, “问的是县里别的单位的事”: the
    kinds named there, or a vague “单位”, are no applicant)."""
    if (content := CONTENT.search(text)) and not re.search(r"申请|提出", text[content.end():content.end() + 10]):
        return text[:content.start()]
    return text


def kind_of(text: str) -> str | None:
    """The one kind of applicant a clause names; None when it names none or several (“个人和企业一共5件”), and not a
    kind said to have none (“没有企业申请”)."""
    found = kinds_in(_without_negated_kinds(text))
    return found[0] if len(found) == 1 else None


def _kind_denied(text: str) -> str | None:
    """The one kind a clause says it was not (“……，不是自然人”)."""
    # (“那1件不是企业而是一家律所”: up to the word that says what it is instead)
    m = re.search(r"不是([^，。；]{1,8}?)(?=而是|其实是|[，。；]|$)", text) or re.search(r"不是([^，。；]{1,8})", text)
    found = kinds_in(m.group(1)) if m else []
    return found[0] if len(found) == 1 else None


def _without_negated_kinds(text: str) -> str:
    """The clause without the kinds it says there were none of: “没有企业申请，都是老百姓” names 老百姓 only."""
    return _negated_kinds().sub("", text)


def _negated_kinds() -> re.Pattern[str]:
    """“没有企业”, “没有法人或其他组织”: built from the word lists once (with them), not on every clause of every answer."""
    w = words()
    key = ("negated kinds", "")
    if key not in w.compiled_markers:
        words_ = "|".join(re.escape(word) for word, _ in w.kinds) + "|" + ORGANISATIONS.pattern
        w.compiled_markers[key] = compiled(rf"(?:{NEGATED_KIND.pattern})(?:{words_})(?:或者?其他组织)?")
    return w.compiled_markers[key]


def _not_results(text: str) -> str:
    return words().not_results.sub("", text)


@dataclass(frozen=True)
class RowNames:
    """How the report's format names 表三's result rows: (label without its numbering, row), longest first — what
    iterating gives —, each numbered row of a block by (block id, its number), and each block by its number
    (“（六）” → other)."""

    labels: tuple[tuple[str, str], ...] = ()
    items: tuple[tuple[tuple[str, int], str], ...] = ()
    blocks: tuple[tuple[int, str], ...] = ()

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.labels)


NO_NAMES = RowNames()
_ITEM_NUMBER = re.compile(r"^([0-9]+)[.．、]")
_BLOCK_NUMBER = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")


_NAMES: dict[int, tuple[ReportFormat | None, RowNames]] = {}  # (a format is read once; kept, so its id stays its own)


def result_labels(fmt: ReportFormat | None) -> RowNames:
    """How `fmt` names the rows of 表三's results (without a format: no labels, the blocks' items of the latest one,
    after whose rows the reader names every format's)."""
    if (known := _NAMES.get(id(fmt))) is not None and known[0] is fmt:
        return known[1]
    rows = [fmt.t3.row(r) for r in fmt.result_rows] if fmt is not None else []
    labels = tuple(sorted(((r.plain_label, r.id) for r in rows if len(r.plain_label) >= 3), key=lambda x: -len(x[0])))
    items, blocks = _block_items(fmt or formats.latest())
    names = RowNames(labels, items, blocks)
    if fmt is not None:  # (without one, the latest format may change: tests add their own)
        _NAMES[id(fmt)] = (fmt, names)
    return names


def _block_items(fmt: ReportFormat) -> tuple[tuple[tuple[tuple[str, int], str], ...], tuple[tuple[int, str], ...]]:
    """((block id, item number) → row) of every numbered row in 表三's result blocks, and (block number → block id).
    A block that is one row in this format (2019's （六）其他处理) holds all its items in that row, named as the reader
    names it (the later format's row that takes its figures)."""
    items: dict[tuple[str, int], str] = {}
    blocks: dict[int, str] = {}
    for row in fmt.t3.rows:
        item = _ITEM_NUMBER.match(row.label)
        block = _BLOCK_NUMBER.match(row.path[-1]) if item and len(row.groups) > 1 else None
        if item and block:
            items[(row.groups[-1], int(item.group(1)))] = row.id
            blocks[int(parse_number(block.group(1)) or 0)] = row.groups[-1]
        elif row.same_as and (block := _BLOCK_NUMBER.match(row.label)):
            whole = next((prefix.rstrip("_") for _, prefix, _ in words().groups if row.same_as.startswith(prefix)), None)
            if whole:
                blocks[int(parse_number(block.group(1)) or 0)] = whole
                items.update({(whole, n): row.same_as for n in range(1, 10)})
    return tuple(items.items()), tuple(blocks.items())


# “不予处理第2项”, “不予公开里的第七类”, “其他处理里面第三项”, “不予处理里的2.重复申请”: an item of a block by its number
_ORDINAL = r"(?:第\s*(" + NUM + r")\s*(?:小项|项|类|种|条|款|个)|(?<![0-9])([0-9])\s*[.．、](?![0-9]))"
_AFTER_BLOCK = re.compile(r"[^，。；0-9０-９]{0,6}?" + _ORDINAL)
# “（六）3”, “(五)第2项”, “（三）之7”: the block by its number, then the item's (brackets kept by text.normalize as 〔〕)
_NUMBERED = re.compile(r"〔([一二三四五六七八九十])〕[^，。；0-9０-９]{0,6}?(?:第\s*(" + NUM + r")\s*(?:小项|项|类|种|条|款|个)?|"
                       r"(?<![0-9])([0-9])(?![0-9]))")


def _by_place(flat: str, labels: RowNames) -> str | None:
    """The row a clause names by its number in a block of the format; "" when the block has no such item or the
    clause names another row by its words too (then the block's reason is asked); None when it names no item."""
    block, n, end = None, None, 0
    if m := _NUMBERED.search(flat):
        block, n, end = dict(labels.blocks).get(int(parse_number(m.group(1)) or 0)), parse_number(m.group(2) or m.group(3)), m.end()
    else:
        for pattern, prefix, _ in words().groups:
            if (g := pattern.search(flat)) and (m := _AFTER_BLOCK.match(flat, g.end())):
                block, n, end = prefix.rstrip("_"), parse_number(m.group(1) or m.group(2)), m.end()
                break
    if block is None or n is None:
        return None
    row = dict(labels.items).get((block, int(n)), "")
    rest = flat[end:]
    named = next((r for pattern, r in words().results if pattern.search(rest)), None) \
        or next((r for label, r in labels.labels if label in rest), None)
    return "" if named and named != row else row


def result_of(text: str, labels: RowNames = NO_NAMES) -> str | None:
    """The result row a clause names: by its everyday words, else by the row's own label in the report's format
    (a row a new format adds is understood by its label)."""
    flat = _not_results(text)
    if (placed := _by_place(flat, labels)) is not None:
        return placed or None  # “不予处理第2项”: by its place in a numbered block
    # a row's own label said in full is the most specific thing a clerk can say (a new row's “申请人主动撤回申请”)
    by_label = next((row for label, row in labels if len(label) >= 6 and label in flat), None)
    found = by_label or next((row for pattern, row in words().results if pattern.search(flat)), None)
    return found or next((row for label, row in labels if label in flat), None)


def group_of(text: str) -> tuple[str, str] | None:
    flat = _not_results(text)
    return next(((prefix, ask) for pattern, prefix, ask in words().groups if pattern.search(flat)), None)


# “一家公司”, “一位村民”: the article of an applicant, not a count of applications
_ARTICLE = re.compile(r"(?<![0-9０-９零〇一二两三四五六七八九十百千万])一(?:家|位|名|个)(?=[\u4e00-\u9fff])(?!是)")


def frame(clause: Clause, labels: RowNames) -> Frame:
    w = words()
    # (the case the pronoun stands for is the one being told — not, in a later answer, “那件涉及隐私的……”: one said
    # before, by its result)
    spoken_of = clause.turn and (m := REFERENCE_AFTER.search(clause.text)) and result_of(m.group(1), labels)
    text = clause.text if spoken_of else CASE_PRONOUN.sub("", clause.text)
    text = WOULD_IF.sub("", text)  # (what disclosing would bring about is a reason, not a result)
    case_intro = _opens_case(text)
    if OPENING_COUNT.match(text) and (count_of(text) or 0) > 1:
        case_intro = False  # (“3件：一个……；一家……”: how many there were, then the cases told — not one case of 3)
    # (“一个问……”: the first of the cases told, one application — not an applicant's article)
    counted_text = FREQUENCY.sub("", text if re.search(r"件", text) or case_intro else _ARTICLE.sub("", text))
    said = _without_negated_kinds(text)
    # “X的那件…” names the result it speaks of, not the result it has: “纠正的那件…又起诉了”
    said_before = clause.turn and (m := SAID_ROW_REFERENCE.search(said)) and result_of(m.group(1), labels) and m
    reference = REFERENCE.search(said) or ((m := ROW_REFERENCE.search(said)) and result_of(m.group(1), labels) and m) \
        or said_before or ((m := REFERENCE_AFTER.search(said)) and result_of(m.group(1), labels) and m) or None
    referred = reference.group(1) if reference else ""
    rest = said[reference.end():] if reference else said
    row = result_of(rest, labels) or (None if reference else result_of(said, labels))
    moved_from = None
    if reference and (earlier := result_of(referred, labels)) and row and earlier != row:
        moved_from = earlier  # “不掌握的那件其实是需要另行制作的”
    elif MOVE.search(said) and (m := re.search(r"不是(.+?)(?:而是|其实是)", said)):
        moved_from = result_of(m.group(1), labels)  # “那1件不是重复申请而是信访件”
        row = result_of(said[m.end():], labels) or row
    elif clause.turn and (m := MOVED_OUT_OF.match(said)) and (move := MOVE.search(said, m.end())) \
            and (earlier := result_of(m.group(1), labels)) and (later := result_of(said[move.end():], labels)) and earlier != later:
        moved_from, row = earlier, later  # “重复申请里有2件应该算信访类”
    elif clause.turn and (pair := _result_moved(said, labels)):
        moved_from, row = pair
    moved_into = bool(clause.turn and moved_from is None and not reference and (move := MOVE.search(said))
                      and not result_of(said[:move.start()], labels) and result_of(said[move.end():], labels)
                      and not re.search(NUM, said[move.end():]) and not ALSO.search(said))
    # (the cases counted before the move word: “应该是4件都公开” puts a figure right)
    moved_unnamed = moved_into and bool(move and re.search(NUM, said[:move.start()]))
    # (“不公开的那1件是企业的”: the count is the reference's, not one more)
    at_start = REFERENCE.match(counted_text) if reference else None
    count = count_of(counted_text[at_start.end():] if at_start else counted_text)
    if count is None and _says_none(rest, labels):
        count = 0  # Zero: “重复申请没有”, “其实没有重复申请”
    if m := EACH_APPLIED.search(text):
        applicants, each = parse_number(m.group(1)), parse_number(m.group(2))
        if applicants is not None and each is not None:
            count = applicants * each
    if count is None and re.search(r"第\s*" + NUM + r"\s*(?:件|次)", text):
        count = 1  # “第3件是部分公开”, “第一次给了”: one case
    if count is None and reference and re.search(r"多|新增|漏", referred):
        count = 1  # “多出来的那件是重复申请”
    vague = _vague_kind_said(_applicant_part(said))
    kinds = kinds_in(said if not vague else w.vague_kinds.sub("", said))  # “法人或者其他组织” names no kind, not 其他组织
    kind = kinds[0] if len(kinds) == 1 and not vague else None
    kind, kinds, kind_from = _moved_kinds(said, text, kind, kinds)
    if kind_from and (part := re.search(r"(?:里面|里头|当中|之中|中间|里|中)(?:有)?\s*(" + NUM + r")\s*(?:件|个|家)", text)):
        count = parse_number(part.group(1))  # “企业那2个里有一个其实是律所”: one of them
    if count is None and kind and (APPLIES_WORDS.search(text) or case_intro) and ONE_APPLICANT.search("，" + text):
        count = 1  # “有家律所申请了”, “有个村民来要……” (one case told)
    elif count is None and kind and case_intro and NAMED_APPLICANT.match(text):
        count = 1  # “李某要……”: one person's case
    carry = bool(w.carry_next.search(text))
    done_total = bool(RESULTS_TOTAL.search(text)) and not APPLICATIONS_SAID.search(text) and row is None
    # (“有2件还在办理”: cases carried on, not one more application; “一共办结3150件”: finished, not applied)
    applies = not done_total and (bool(APPLIES_WORDS.search(text)) or (not carry and bool(APPLIES.search(text))))
    return Frame(clause, kind, row, None if row else group_of(rest), count,
                 bool(w.all.search(text)), applies, _carried_in_said(text),
                 bool(w.no_carry.search(text)), carry,
                 vague and not kinds, bool(w.corrections.search(text)), bool(REFERS.search(text)),
                 partitive=bool(PARTITIVE.search(text) or REST_ALONE.match(text) or SAME_APPLICANT.search(text)
                                ), several=len(kinds) > 1 or (vague and bool(kinds)),
                 no_organisations=bool(re.search(rf"(?:{NEGATED_KIND.pattern})(?:{ORGANISATIONS.pattern})", text)),
                 moved_from=moved_from, vague_count=bool(w.vague_counts.search(text)),
                 refers_to=(result_of(referred, labels) or (group_of(referred) or (None,))[0])
                 if reference else None, kind_from=kind_from, case_intro=case_intro,
                 # (“要另外制作的3件”: an item of a list of results, counted by its row — not what one case asked for)
                 asked_for=bool(ASKED_FOR.search(text)) and not (row and re.search(r"的\s*" + NUM + r"\s*件$", text)), refused=not row and bool(REFUSED.search(text)),
                 remainder=bool(REMAINDER.search(text)), done_total=done_total,
                 with_carried=bool(WITH_CARRIED.search(text)),
                 organisations=not kinds and bool(ORGANISATIONS_TOGETHER.search(said)), spoken_of=_spoken_of(clause, labels),
                 kinds=kinds, moved_unnamed=moved_unnamed, moved_into=moved_into)


def _vague_kind_said(text: str) -> bool:
    """Whether a clause calls its applicant only “some organisation” (“单位”, “法人或其他组织”) — not a vague word
    inside one kind's own name (“科研单位”: a 科研机构)."""
    found = list(words().vague_kinds.finditer(text))
    if not found:
        return False
    named = [(m.start(), m.end()) for word, _ in words().kinds if len(word) > 1
             for m in re.finditer(re.escape(word), text)]
    return any(not any(a <= v.start() and v.end() <= b for a, b in named) for v in found)


def _result_moved(said: str, labels: RowNames) -> tuple[str, str] | None:
    """(source, target) of a later answer's clause moving cases from one result to another — the one named before
    the move word to the one after it, or the one taken from (“从……挪过来”) to the other one named."""
    if (m := TAKEN_FROM.search(said)) and (source := result_of(m.group(1), labels)):
        target = result_of(said[:m.start()] + "，" + said[m.end():], labels)
        return (source, target) if target and target != source else None
    move = MOVE.search(said)
    if move is None:
        return None
    source, target = result_of(said[:move.start()], labels), result_of(said[move.end():], labels)
    return (source, target) if source and target and source != target else None


def _spoken_of(clause: Clause, labels: RowNames) -> tuple[str, float] | None:
    """(row, count) of a later answer's clause naming nothing but a result's cases and their count (“重复申请的8件”)."""
    m = SPOKEN_OF.match(clause.text) if clause.turn else None
    row = result_of(m.group(1), labels) if m else None
    count = parse_number(m.group(2)) if m else None
    return (row, count) if m and row and count else None


def _opens_case(text: str) -> bool:
    """Whether a clause opens one case of a story told case by case: “另一件……”, or one applicant with its article and
    what it asked for (“县里一个公益协会要……”)."""
    return bool(CASE_INTRO.search(text)) or (bool(CASE_APPLICANT.search(text)) and len(kinds_in(text)) == 1) \
        or bool(NAMED_APPLICANT.match(text))  # (“李某要他家的宅基地审批表”: one person's case)


# “李某要……”, “还有王某某来问……”: one case, its applicant a person named as reports name one, with what they asked
NAMED_APPLICANT = Marker("named_person", r"^(?:还有|另外|另|又)?(?:WORDS)[^，。；0-9０-９]{0,4}?(?:要|问|想|查|申请|来)")


def _carried_in_said(text: str) -> bool:
    """Whether a clause speaks of last year's applications carried in: not “去年没有结转过来的” (none), but “去年转过来的
    103件都办完了” (those, all finished)."""
    w = words()
    said = w.carried_in.search(text)
    if said is None:
        return False
    return not any(m.start() < said.end() and said.start() < m.end() + 2 for m in w.no_carry.finditer(text))


def _moved_kinds(said: str, text: str, kind: str | None, kinds: list[str]) -> tuple[str | None, list[str], str | None]:
    """(kind, kinds, kind moved from): “个人的有2件其实是律所的” names the kind the cases are of after the move word
    and the one they were taken for before it; “那件是群众的，不是公司” the one they were not."""
    m = MOVE.search(said)
    if len(kinds) > 1 and m:
        before, after = kinds_in(said[:m.start()]), kinds_in(said[m.end():])
        if len(before) == 1 and len(after) == 1 and before != after:
            return after[0], after, before[0]
    denied = _kind_denied(text) if kind else None
    return kind, kinds, denied if denied != kind else None


def expand_asides(found: list[Clause]) -> list[Clause]:
    """A clause's asides in brackets: a breakdown of its count by kind becomes one clause a kind (“共受理申请2件
    （商业企业1件、自然人1件）”); a reason of a result said by its group completes it (“无法提供2件（没有现成信息，
    需要另行制作）”); anything else follows it as clauses of its own."""
    out: list[Clause] = []
    for c in found:
        if not c.asides:
            out.append(c)
            continue
        total, parts = count_of(c.text), [count_of(a) for a in c.asides]
        if _carried_in_of_kind(c):
            # “个人的（含上年转来的103件）：”: that kind's carried in, heading that kind's results
            out.append(Clause(c.text + c.asides[0], c.heads, c.ends, turn=c.turn))
        elif total and all(parts) and sum(p or 0 for p in parts) == total and all(kind_of(a) for a in c.asides) and not kind_of(c.text):
            written = counted(c.text) or ""
            for i, aside in enumerate(c.asides):
                kind_word = next(word for word, _ in words().kinds if word in aside)
                last = i == len(c.asides) - 1
                out.append(Clause(kind_word + c.text.replace(written, counted(aside) or "", 1), c.heads and last, c.ends and last,
                                  turn=c.turn))
        elif total and all(parts) and all(kind_of(a) for a in c.asides) and not kind_of(c.text) \
                and not any(result_of(a) or group_of(a) for a in c.asides):
            # the kinds' shares do not add up to the count they share: asked, never taken for more applications
            out.append(Clause(c.text, c.heads, c.ends, turn=c.turn, shares="、".join(c.asides)))
        elif not any(p is not None for p in parts) and result_of(c.text) and not any(kind_of(a) for a in c.asides) \
                and all(result_of(a) for a in c.asides):
            # “部分公开（涉及商业秘密的部分遮盖了）”: why, not more cases
            out.append(Clause(c.text, c.heads, c.ends, turn=c.turn))
        elif not any(p is not None for p in parts) and group_of(c.text) and not result_of(c.text):
            out.append(Clause(c.text + "".join(c.asides), c.heads, c.ends, turn=c.turn))
        elif total and all(parts) and sum(p or 0 for p in parts) == total and group_of(c.text) and not result_of(c.text) \
                and all(result_of(a) for a in c.asides):
            # “不予公开1件（保护第三方合法权益1件）”: the reasons of the count, instead of it
            out += [Clause(a, turn=c.turn) for a in c.asides]
            out[-1].heads, out[-1].ends = c.heads, c.ends
        elif total and all(parts) and not any(kind_of(a) or result_of(a) or group_of(a) for a in c.asides) \
                and (sum(p or 0 for p in parts) == total or all(TOPIC.search(a) for a in c.asides)):
            # “2件（一件问低保，一件问拆迁）”, “3件（其中2件是问拆迁的）”: what they were about
            out.append(Clause(c.text, c.heads, c.ends, turn=c.turn))
        else:
            out.append(Clause(c.text, turn=c.turn))
            out += [Clause(a, turn=c.turn) for a in c.asides]
            out[-1].heads, out[-1].ends = c.heads, c.ends
    return out


def _carried_in_of_kind(c: Clause) -> bool:
    """Whether a clause naming one kind and nothing else has an aside counting last year's applications carried in
    (of no kind of its own): “个人的（含上年转来的103件）”."""
    return len(c.asides) == 1 and kind_of(c.text) is not None and count_of(c.text) is None and not result_of(c.text) \
        and count_of(c.asides[0]) is not None and _carried_in_said(c.asides[0]) and not kinds_in(c.asides[0])


def _waits_for_reason(c: Clause, after: Clause) -> bool:
    """Whether `after` gives the reason `c` left out: a case counted but not said what became of it (“还有1件得先交费”),
    or a result said by its group only (“不再处理的那件要他补正”), then the row alone, uncounted (“……到期没缴”)."""
    if c.turn != after.turn or c.ends or c.asides or count_of(after.text) is not None:
        return False
    row = result_of(after.text)
    if row is None or result_of(c.text) is not None:
        return False
    group = group_of(c.text)
    if group is not None:
        return row.startswith(group[0])
    if REFUSED.search(c.text) and count_of(c.text) is None and not kind_of(c.text):
        return True  # “那个我们没法给，得现做”: refused, then why — the reason is the row
    if kind_of(c.text) and REFERS.search(c.text) and count_of(c.text) is None:
        return True  # “律所那件年底前办完了，予以公开”: what became of the case of that kind
    w = words()
    return count_of(c.text) is not None and not kind_of(c.text) and not APPLIES_WORDS.search(c.text) \
        and not re.search(r"^共|[^一总]共", c.text) and not w.carried_in.search(c.text) and not w.all.search(after.text) \
        and not REFERS.search(CASE_PRONOUN.sub("", after.text)) and not w.corrections.search(c.text)


_EXACT = Marker("exact")


def exact_after_approximate(found: list[Clause]) -> list[Clause]:
    """“今年新收3000件出头，准确是3012件”: a count said as about so many, then exactly in the next clause — the exact
    one takes its place in the clause it was said in (so the clause keeps what it counts), and nothing is asked."""
    out: list[Clause] = []
    for c in found:
        prev = out[-1] if out else None
        said = _EXACT.compiled.sub("", c.text).strip() if _EXACT.compiled.match(c.text) else ""
        exact = re.fullmatch(rf"({NUM})\s*(?:件|个|条|起|次|份)?", said)
        if prev is not None and exact and prev.turn == c.turn and not prev.asides and not c.asides \
                and (span := _approximate_span(prev.text)) is not None:
            start, end = span
            unit = "件" if re.search(r"[件个条起次份]", prev.text[start:end]) else ""
            out[-1] = Clause(prev.text[:start] + exact.group(1) + unit + prev.text[end:], prev.heads or c.heads, c.ends,
                             turn=c.turn)
            continue
        out.append(c)
    return out


def _approximate_span(text: str) -> tuple[int, int] | None:
    """Where a clause's one count said as about so many is, with its number (“3000件出头”, “大概20”)."""
    found = list(words().approximate.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    near = [n for n in re.finditer(NUM, text) if n.start() <= m.end() and n.end() >= m.start()]
    if len(near) != 1:
        return None
    return min(m.start(), near[0].start()), max(m.end(), near[0].end())


def join_reasons(found: list[Clause]) -> list[Clause]:
    """A reason said in the clause after the case it is the reason of: one clause, so the case takes its row."""
    out: list[Clause] = []
    for c in found:
        if out and _waits_for_reason(out[-1], c):
            last = out.pop()
            c = Clause(last.text + "，" + c.text, last.heads or c.heads, c.ends, list(c.asides), turn=c.turn)
        out.append(c)
    return out


# ------------------------------------------------------------------ facts: each frame in its scope
@dataclass
class Case:
    """One case of a story told case by case: how many it is (one, mostly), whose, whether its result was said."""

    count: float | None
    kind: str | None
    words: str = ""  # the clause that opened it
    told: bool = False  # taken as one of the applications counted before (nothing else said of it: not understood)
    done: bool = False


@dataclass
class Scope:
    """What one answer is listing, frame by frame: whose applications a result counts.  Reset at each answer."""

    out: Reading
    turn: int = 0
    scope: str | None = None  # the applicant kind whose results are being listed (“个人的：”)
    recent: str | None = None  # the kind of the applications just said, in this part of the sentence
    segment_kinds: list[str] = field(default_factory=list)  # every kind this part of the sentence has named
    announced: str | None = None  # “申请人均为自然人”: a kind said before its count
    last_count: float | None = None  # “办结2件” — what a following 都 refers to
    last_row: str | None = None
    correcting: bool = False  # “说错了，申请是6件……”: every clause after the words puts right
    in_carried: bool = False  # speaking of last year's applications carried in (“去年结转的那些，……”)
    referred: str | None = None  # the result a case was just spoken of by (“信访那件弄错了”)
    referred_some: bool = False  # … by its count (“部分公开那2件里有”): some of them are moved next
    case: Case | None = None  # the case being told (“一件是……，公开了；另一件……”)
    cases_told: dict[str, float] = field(default_factory=dict)  # by kind: cases told of applications counted before
    tentative: Fact | None = None  # a result named only by what was asked for (“要的是会议纪要”), until one is said
    kind_given: tuple[str, list[Fact]] | None = None  # the kind a clause gave the applications counted without one
    together: bool = False  # “加上去年转过来的，”: the total that follows is both years' (“总共12件”)
    part_of: str | None = None  # a later answer's “律所那38件里”: the kind whose applications some are taken from
    vague: list[tuple[Open, int]] = field(default_factory=list)  # “有几件” asked, and how many facts there were then
    pending_move: Frame | None = None  # “……有5件实际是律师本人申请的，” before “算个人的”: which kind, said next
    moved_to: tuple[str, float] | None = None  # those moved (kind, count): “应该算个人，都是公开的” says more of them
    moved_from: str | None = None  # the kind they were taken for, whose result of theirs said next goes with them
    among: tuple[str, float] | None = None  # “又来了2件” that are the ones left of the kind counted (kind, count)
    headed_row: str | None = None  # the result a heading named (“公开的：”), up to the end of its sentence
    headed: str | None = None  # the kind a heading named (“个人的结果：”): the results under it are as good as named
    sentence: list[str] = field(default_factory=list)  # the clauses of this sentence so far (what a case was told)
    counted_scope: str | None = None  # the kind whose applications a clause spoke of by their count (“科研机构那2件”)
    last_year: dict[str, float] = field(default_factory=dict)  # what last year's report carried in, by kind
    mistake: tuple[str, int] | None = None  # “有一件记错了”: a mistake announced, and how many facts there were then

    def fact(self, f: Frame, what: str, kind: str | None, row: str | None, count: float | None, **more: bool | str | None) -> Fact:
        return Fact(what, kind, row, count, f.text, self.turn, explicit=f.kind is not None, correction=f.correction,
                    refers=f.refers, quantified=f.quantified,
                    under_kind=what == "result" and kind is not None and kind == self.scope == self.counted_scope, **more)

    def add(self, f: Frame, what: str, kind: str | None, row: str | None, count: float | None, **more: bool | str | None) -> Fact:
        if self.case is not None and what != "requests":
            self.case.done = True  # what became of the case being told
        self.out.facts.append(self.fact(f, what, kind, row, count, **more))
        return self.out.facts[-1]

    def ask(self, f: Frame, question: str, part: str = "count") -> None:
        self.out.questions.append(question)
        self.out.opened.append(Open(words=f.text, part=part, turn=self.turn, question=question, kind=f.kind))

    def single(self) -> str | None:
        """The kind just said, when this part of the sentence named only one."""
        return self.recent if len(set(self.segment_kinds)) <= 1 else None


def _begin(s: Scope, f: Frame) -> None:
    """A new answer ends what the last one was listing; correcting words cover the rest of the answer."""
    if f.clause.turn != s.turn:
        s.__dict__.update(vars(Scope(s.out, f.clause.turn, last_year=s.last_year)))
    if f.correction and f.row is None and f.count is None:
        s.correcting = True
    elif s.correcting:
        f.correction = True
    if words().no_requests.search(f.text):
        s.out.no_requests = True
    if f.no_organisations:
        # “没有企业申请”, “都不是单位”: the applications of no named kind are persons'
        s.out.no_organisations = True
        for x in s.out.facts:
            if x.what == "requests" and x.kind is None:
                x.kind = "natural"


def _asks(s: Scope, f: Frame) -> bool:
    """A clause that cannot be placed as said: asked back (its words kept, so that a bare answer fills them)."""
    text = f.text
    if f.clause.shares:
        s.ask(f, f"“{text}”分到各类申请人（{f.clause.shares}）加起来和{format_number(f.count or 0)}件对不上，"
                 "请再说一下各类各几件，例如“自然人3件、企业1件”。", "shares")
    elif f.vague:
        s.ask(f, f"“{text}”是哪类申请人（商业企业、科研机构、社会公益组织、法律服务机构，或其他组织）？", "kind")
    elif EACH.match(text):
        pass  # “2位群众…，各1件”
    elif f.vague_count and f.count is None:
        s.ask(f, f"“{text}”具体是几件？")
        s.vague.append((s.out.opened[-1], len(s.out.facts)))
    elif approximate(text):
        s.ask(f, f"“{text}”：表里要填确切的件数，具体是几件？")
    else:
        return False
    return True


def _bare_correction(s: Scope, f: Frame) -> bool:
    """“说错了，是5件”: the applications put right."""
    if (s.correcting or f.correction) and f.row is None and f.kind is None and not f.carry and not f.carried_in \
            and BARE_CORRECTED.match(re.sub(r"^(?:应该是|应为|其实是)", "", f.text)):
        s.add(f, "requests", None, "new", f.count)
        return True
    return False


def _moved_from_unnamed(s: Scope, f: Frame) -> bool:
    """Move: “有20件其实是重复申请” — cases put into a result from one the clerk does not name: the one other row of
    its group said before with that many (信访 for 重复申请, both 不予处理); else the one result of that kind it can
    have been counted in (_corrected_from).  Never done with the frame: it goes on to be placed, a move."""
    if not (f.moved_unnamed and f.row and f.count and s.turn):
        return False
    group = f.row.split("_")[0] + "_" if "_" in f.row else None
    said = {x.row for x in s.out.facts if x.what == "result" and x.turn < s.turn and x.row and x.row != f.row
            and group and x.row_id.startswith(group) and (x.count or 0) >= f.count
            and x.kind in (None, f.kind, s.scope)}
    if len(said) == 1:
        f.moved_from, f.refers, f.correction = said.pop(), True, True
    return False  # (else the result it was taken from is found when the edits are settled: _corrected_from)


def _result_moved_across_kinds(s: Scope, f: Frame) -> bool:
    """Move: “个人不掌握的有1件应该是企业的公开” — cases of one kind's result that are another kind's, with another
    result: the applications go with them (the one kind's fewer, the other's more), the result taken from the row named."""
    if not (s.turn and f.row and f.moved_from and f.kind and f.kind_from and f.kind != f.kind_from):
        return False
    count = f.count or 1
    source = next((x for x in reversed(s.out.facts) if x.what == "requests" and x.kind == f.kind_from
                   and x.turn < s.turn and (x.count or 0) >= count), None)
    if source is None:
        return False
    source.count = (source.count or 0) - count
    s.add(f, "requests", f.kind, "new", count).of_moved = True  # (moved: no total put right)
    s.add(f, "result", f.kind, f.row, count, moved_from=f.moved_from, moved_kind=f.kind_from, of_moved=True)
    return True


def _case_moved(s: Scope, f: Frame) -> bool:
    """Move: “个人的有2件其实是律所的”, “那件是群众的，不是公司” — some (not all) of the cases said of one kind
    are another's, with their result: “那件” is the case the last answer described last."""
    if not (s.turn and f.kind and f.kind_from and f.row is None and f.group is None):
        return False
    count = f.count or (1 if f.refers else None)
    sources = [x for x in s.out.facts if x.what == "requests" and x.kind == f.kind_from and x.turn < s.turn]
    if count is None or sum(x.count or 0 for x in sources) <= count:
        return False  # all of them: the whole kind put right (_kind_put_right)
    source = next((x for x in reversed(sources) if x.count and x.count >= count), None)
    if source is None:
        return False
    source.count = (source.count or 0) - count
    same = next((x for x in s.out.facts if x.what == "requests" and x.kind == f.kind and x.turn < s.turn), None)
    if same is not None and same.count is not None:
        same.count += count
    else:  # (moved, not the applications said again: “有30件其实是企业申请的” puts right no total)
        s.add(f, "requests", f.kind, "new", count).of_moved = True
    _move_results(s, f.kind_from, f.kind, count, last_only=bool(f.refers and not f.count))
    return True


def _move_results(s: Scope, source: str | None, kind: str, count: float, last_only: bool = False) -> None:
    """The results of cases moved from one kind to another go with them: the one result of the source said with a
    count gives up that many; results said of every case of it (“都公开了”) are the moved ones' too; with several,
    which result the moved cases had is said next (“这40件都公开了”: _more_of_moved takes it from the source).
    Results said of last year's carried cases (“去年转来的103件都公开了”) are not of the kind's new applications."""
    results = [x for x in s.out.facts if x.what in ("result", "carry_next") and x.kind == source and x.turn < s.turn
               and not _carried_in_said(x.clause)]
    counted = [x for x in results if x.count]
    taken = counted[-1:] if last_only else counted
    if len(taken) == 1 and (taken[0].count or 0) >= count:  # the case described last, or the one result said with a count
        taken[0].count = (taken[0].count or 0) - count
        s.out.facts.append(taken[0].model_copy(update={"kind": kind, "count": count}))
    elif not counted:  # “都公开了”: the moved ones too
        s.out.facts += [x.model_copy(update={"kind": kind}) for x in results]
    else:
        s.moved_to, s.moved_from = (kind, count), source


_IS_OF = re.compile(r"是|属于|算")


def _part_moved(s: Scope, f: Frame) -> bool:
    """Move: “律所那38件里有8件其实是律师以个人名义申请的” — after the applications of one kind are spoken of in a
    later answer, so many of them said to be another kind's are that kind's (with their result: _case_moved)."""
    source = s.part_of
    if source and s.pending_move is not None and f.count is None and f.kind not in (None, source) and f.row is None:
        f.count, s.pending_move = s.pending_move.count, None  # “……，算个人的”: the kind those are moved to
    if not (source and f.count and f.row is None and f.group is None):
        return False
    targets = [k for k in kinds_in(f.text) if k != source]
    # (“企业那8件里有2件是科研机构申请的”: of the applications counted before, so many said to be another kind's are
    # moved without 其实 — they cannot be more applications of that kind among these)
    if not MOVE.search(f.text) and not (len(targets) == 1 and _IS_OF.search(f.text)):
        return False
    if not targets and s.pending_move is None:
        s.pending_move = f  # which kind they are is said next (asked if not: read)
        return True
    if len(targets) != 1:
        return False
    f.kind, f.kind_from = targets[0], source
    if not _case_moved(s, f):
        return False
    s.moved_to, s.part_of = (targets[0], f.count), None
    return True


def _more_of_moved(s: Scope, f: Frame) -> bool:
    """“……，应该算个人，都是公开的”: the kind just moved to said again, or the result of those moved."""
    if s.moved_to is None or f.count not in (None, s.moved_to[1]) or f.kind not in (None, s.moved_to[0]):
        return False
    kind, count = s.moved_to
    if f.row is None and f.group is None:
        return f.kind == kind  # “应该算个人”
    if f.row is None:
        return False
    moved = [x for x in s.out.facts if x.what == "result" and x.kind == kind and x.turn < s.turn]
    if f.row not in {x.row for x in moved}:
        s.add(f, "result", kind, f.row, count, of_moved=True)
        # the moved cases' result was counted with the kind they were taken for: it goes with them
        given = next((x for x in reversed(s.out.facts) if x.what == "result" and x.kind == s.moved_from
                      and x.row == f.row and x.turn < s.turn and (x.count or 0) >= count
                      and not _carried_in_said(x.clause)), None)
        if given is not None:
            given.count = (given.count or 0) - count
    return True


def _kind_put_right(s: Scope, f: Frame) -> bool:
    """“不对，是企业申请的7件，不是自然人”: what was said of the one kind is the other's; “不公开的那件是企业申请的”:
    the kind of a result said before without one."""
    kind, out = f.kind, s.out
    if kind and s.turn and (wrong := _kind_denied(f.text) or f.kind_from) and wrong != kind:
        for x in out.facts:
            if x.kind == wrong and x.turn < s.turn:
                x.kind = kind
        if any(x.what == "requests" and x.kind == kind and x.count == f.count for x in out.facts) \
                or (f.kind_from and f.count is None and f.row is None and f.group is None):
            return True  # (“公司那件其实是律所的”: every case of that kind, with its results)
    if f.refers_to and kind and (f.count is None or f.refers and f.count == 1) and f.row is None:
        named = next((x for x in reversed(out.facts) if x.what == "result" and x.kind is None
                      and (x.row == f.refers_to or x.row_id.startswith(f.refers_to))), None)
        if named is not None:
            named.kind, named.explicit = kind, True
            return True
    return False


def _partitive(s: Scope, f: Frame, kind: str | None, count: float | None) -> None:
    """“个人的6件里”: the results after it are that kind's; the applications are new only if not said before."""
    if kind:
        s.scope = s.counted_scope = kind
        if s.turn and any(x.what == "requests" and x.kind == kind and x.turn < s.turn for x in s.out.facts):
            s.part_of = kind  # “律所那38件里有8件其实是……”
        if count and not any(x.what == "requests" and x.kind == kind for x in s.out.facts):
            s.add(f, "requests", kind, "new", count).refers = True  # applications spoken of, not a fresh account


def _kind_alone(s: Scope, f: Frame, kind: str | None, count: float | None, row: str | None) -> bool:
    """A clause naming kinds but no count and no result: the scope of what follows, or the kind of what came
    before."""
    text, out = f.text, s.out
    if f.partitive and row is None:
        _partitive(s, f, kind, count)
        return True
    if f.several and count is None and row is None and not f.carry:
        s.ask(f, f"“{text}”：各是几件？单位的话是哪类（商业企业、科研机构、社会公益组织、法律服务机构，或其他组织）？")
        return True
    if not (kind and count is None and row is None and not f.carry) or (f.group and f.quantified):
        return False  # (“不公开的全是群众的”: the kind of the reasons after it, _group)
    unkinded = [x for x in out.facts if x.what == "requests" and x.kind is None]
    if _remainder_kind(out, f, kind, unkinded) or _kind_s_case_asked_for(s, f, kind, unkinded) \
            or _all_outcomes_of(s, f, kind, unkinded):
        return True
    _every_applicant(out, f, kind)
    if f.clause.heads:
        s.scope = s.headed = kind  # “自然人：” / “个人的：” heads the results that follow
        if f.quantified:
            for x in unkinded:
                x.kind = kind  # “收到2件，都是村民来的：……”
    elif _kind_of_earlier_results(s, kind):
        pass
    elif not unkinded and _another_kind_after(s, kind):
        return True
    elif not unkinded and _kind_of_results_before(s, kind):
        return True
    elif unkinded:
        # “一共五件申请，都是个人申请的”, “申请人是企业”: the kind of the applications counted without one
        for x in unkinded:
            x.kind = kind
        s.kind_given = (kind, unkinded)
        s.recent = kind
        s.segment_kinds.append(kind)
    else:
        s.announced = kind  # “申请人均为自然人，共3件”
        if s.scope not in (None, kind):
            s.scope = None  # (“企业的全公开。个人的，含上年转来的103件：……”: another kind's results follow)
    if f.clause.ends:
        s.recent = None
    return True


def _every_applicant(out: Reading, f: Frame, kind: str) -> None:
    """“都是老百姓个人的”, “全是个人申请”: every applicant of the conversation is of this kind (_of_the_only_kind)."""
    if f.quantified and not f.asked_for:
        out.only_kind = kind


def _remainder_kind(out: Reading, f: Frame, kind: str, unkinded: list[Fact]) -> bool:
    """“其余都是个人的”: what the kinds said leave of the counts said for every kind (allocate); true when that is
    all the clause says."""
    if f.remainder and any(x.what == "result" and x.kind is None and x.count for x in out.facts):
        out.rest_kind = kind
        return not unkinded
    return False


def _kind_s_case_asked_for(s: Scope, f: Frame, kind: str, unkinded: list[Fact]) -> bool:
    """“保险公司要……的材料”: that kind's case told next, not the kind of the results before it."""
    if f.asked_for and not unkinded and not f.clause.heads:
        s.scope = kind
        return True
    return False


# “个人的连上年结转……”: a kind, then last year's applications taken in with its own
_KIND_WITH_CARRIED = r"[^，。；]{0,6}?(?:连|加上|算上|连同|包括|含)"


def _carried_in(s: Scope, f: Frame, kind: str | None, count: float | None) -> None:
    """“上年结转1件”: last year's applications, which this year's results may account for."""
    s.in_carried = True  # “去年结转的那些，有3件还没办完”: what follows counts those, not new applications
    if re.match(r"(?:加上|连上|算上|连同|包括|一并算上|连)", f.text) or re.search(r"一并(?:算|计|统计|报|填|办)", f.text):
        s.together = True  # “加上去年转过来的（3件），总共12件”: the total that follows is both years'
    if count is None and s.together:
        pass
    elif count is None and kind and re.match(_KIND_WITH_CARRIED, f.text):
        s.scope = s.headed = kind  # “个人的连同上年结转的：公开210件，……”: the results that follow are that kind's
    if count and (f.with_carried or f.done_total):
        _together(s, f, kind, count)
    elif count:
        # (“企业的都公开了，去年转来的103件也都办完了”: whose last year's report says they are, not the kind just said)
        by_last_year = None if kind else _carried_by(s.last_year, count)
        s.add(f, "carried_in", kind or by_last_year or s.scope or s.single() or s.announced, "carried", count)
        s.last_row = None  # “……的1件，也公开了”: a result of these, not the last one said again
        if by_last_year and s.scope not in (None, by_last_year):
            s.scope = None  # (the kind just said is not whose the results of those are)
        if kind and re.match(_KIND_WITH_CARRIED, f.text):
            s.scope = s.headed = kind  # “个人的连上年结转103件，公开1500，……”: the results that follow are that kind's
        elif kind and f.quantified:
            s.recent = s.scope = kind  # “去年结转的103件都是个人的，公开70件，……”: those, all of one kind, then their results
        elif kind:
            s.recent, s.scope = kind, None


def _together(s: Scope, f: Frame, kind: str | None, count: float | None) -> None:
    """“个人一共办结3150件”: how many of a kind's applications (this year's and last year's carried in) were finished;
    “连同去年结转的一共12件”: how many there were, both years together.  Neither is a count of new applications: the
    figure says how many carry on (“其余转明年”), or it is checked against the applications (asked when off)."""
    kind = kind or s.scope or s.single() or s.announced
    s.add(f, "done" if f.done_total else "with_carried", kind, None, count)
    s.together = False
    s.last_count = count  # “办结4件，都公开了”
    if kind:
        s.scope = kind  # “个人的一共办结3150件：公开1400，……”: the results that follow are that kind's


def _carry_next(s: Scope, f: Frame, kind: str | None, count: float | None) -> None:
    """“自然人申请1件还没办完”, “另外1件年底才收到，结转到下一年”: applications carried on into next year."""
    out, text = s.out, f.text
    if (f.applies or kind and not any(x.what == "requests" and x.kind == kind for x in out.facts)) \
            and count and not f.refers and not s.in_carried:
        s.add(f, "requests", kind, "new", count)  # (not “那1件”)
    if count is None and s.among is not None:
        (kind, count), s.among = (kind or s.among[0], s.among[1]), None  # “又来了2件，还在办”: those left, carried on
    elif count is None and s.case is not None and not s.case.done:
        count, kind, s.case.done = s.case.count, kind or s.case.kind, True  # “另外1件个人的……，还没办完”
    elif count is None and (added := _applied_just_now(s)) is not None:
        count, kind = added.count, kind or added.kind  # “又来了1件，……放到明年办”: that application, carried on
    elif count is None and (previous := _just_described(s, kind)) is not None:
        out.facts.pop()  # the one just said is the one carried on, not one more
        count, kind = previous.count, kind or previous.kind
    said_again = (count is None and out.last_carry and
                  any(x.what == "carry_next" and x.clause == out.last_carry for x in out.facts))
    if not said_again:
        s.add(f, "carry_next", kind or s.scope or s.single(), "carry_next", count)
        if s.turn and count:
            out.no_carry = False  # “没有转明年的” said before, “还有20件……转明年” now: put right
    out.last_carry = text


def _applied_just_now(s: Scope) -> Fact | None:
    """The applications the clause before this answer's counted (“又来了1件”); in a later answer, of the one kind
    every earlier application was of when it names none (“村民申请了3件” … “还有，又来了1件”)."""
    facts = s.out.facts
    previous = facts[-1] if facts else None
    if previous is None or previous.what != "requests" or previous.turn != s.turn or not previous.count \
            or not APPLIES_WORDS.search(previous.clause):
        return None
    kinds = {x.kind for x in facts if x.what == "requests" and x.turn < s.turn}
    if previous.kind is None and s.turn and len(kinds) == 1 and None not in kinds:
        previous.kind = next(iter(kinds))
    return previous


def _just_described(s: Scope, kind: str | None) -> Fact | None:
    """The cases the clause before described without a result (“还有1件群众的年底才到，没办完”): of the
    applications already counted when their kind's were said before in this answer, not more of them."""
    facts = s.out.facts
    previous = facts[-1] if facts else None
    if previous is None or previous.what != "requests" or previous.turn != s.turn or not previous.count \
            or APPLIES_WORDS.search(previous.clause):
        return None  # (“又来了1件，……放到明年办”: an application counted, and carried on)
    if previous.kind is None:
        return previous
    said_before = any(x is not previous and x.what == "requests" and x.kind == previous.kind and x.turn == s.turn
                      for x in facts)
    return previous if said_before and kind in (None, previous.kind) else None


def _group(s: Scope, f: Frame, kind: str | None, count: float | None) -> None:
    """“不予公开1件” without its reason: the group's prefix stands for the row until the reason is said."""
    assert f.group is not None  # (_place calls it for a frame with a group)
    prefix, _ = f.group
    if kind and count is None and f.quantified:
        s.scope, s.last_row = kind, prefix  # “不公开的全是群众的，涉密2件，……”: whose the reasons after it are
        for x in s.out.facts:
            if x.turn == s.turn and x.what == "result" and x.kind is None and x.row_id.startswith(prefix):
                x.kind = kind
        return
    if s.tentative is not None and count is not None and s.tentative.count is None and s.tentative.row_id.startswith(prefix) \
            and kind in (None, s.tentative.kind):
        s.tentative.count, s.tentative = count, None  # “要的是开会还没定稿的材料，不公开的62件”: that reason's count
        return
    if s.tentative is not None and count is None:
        if s.tentative.row_id.startswith(prefix):
            s.tentative = None  # “要的是会议纪要，不予公开”: the reason is what was asked for
            return
        count, kind = _instead_of_tentative(s, count, kind)
    elif count is None and s.case is not None and not s.case.done:
        count, kind = s.case.count, kind or s.case.kind
        prefix = _reason_of_case(prefix, s.case.words + "，" + f.text)
    elif count is None and prefix == "other_" and not any(x.turn == s.turn and x.what == "result" and x.clause in s.sentence
                                                           for x in s.out.facts):
        prefix = _reason_of_case(prefix, "，".join(s.sentence + [f.text]))  # “让他补正他一直没来，后来就不处理了”
    if s.case is not None:
        s.case.done = True
    if count is None and s.last_row and s.sentence and s.last_row.startswith(words().group_after.get(prefix, ("-",))) \
            and any(x.row_id == s.last_row and x.clause == s.sentence[-1] for x in s.out.facts):
        return  # “有1件是他反复来要同一个东西，没再处理”: the reason just said is the row (no other group's reason asked)
    if not (s.last_row and s.last_row.startswith(prefix) and count is None) and count != 0:
        s.add(f, "result", kind or s.scope or s.recent, prefix, count)
        s.last_row = prefix


def _reason_of_case(prefix: str, told: str) -> str:
    """“另1件让他补充说明……，过了期限就没再处理”: not handled further, of a case asked to be supplemented (or to pay) —
    that reason's row; otherwise the group, its reason asked."""
    if prefix != "other_":
        return prefix
    supplement, fee = bool(SUPPLEMENT_ASKED.search(told)), bool(FEE_ASKED.search(told))
    return "other_1" if supplement and not fee else "other_2" if fee and not supplement else prefix


def _result(s: Scope, f: Frame, kind: str | None, row: str | None, count: float | None) -> None:
    """A result row said: whose applications it counts, and how many."""
    if count is None and f.quantified and _all_of_kinds(s, f, kind, row):
        return
    if s.among is not None and count is None and kind in (None, s.among[0]):
        (kind, count), s.among = s.among, None  # “又来了2件，也公开了”: those left
    if row == s.last_row and count is None and not kind:
        s.tentative = None  # the row asked for is the result after all
        return  # the same result said again
    if s.tentative is not None and not f.asked_for and count in (None, s.tentative.count) \
            and kind in (None, s.tentative.kind):  # (another kind's result is no result of that case)
        count, kind = _instead_of_tentative(s, count, kind)  # “要的是会议纪要，公开了”: its result is 公开
    elif count is None and s.case is not None and not s.case.done and not f.quantified:
        count, kind = s.case.count, kind or s.case.kind  # “一件是……，给他公开了”: that case (not “全部公开”)
    if s.case is not None:
        s.case.done = True
    if kind:
        s.scope = kind
    if count is None and f.quantified and s.last_count is not None:
        count = s.last_count
    elif count is None and f.quantified and s.turn and (counted := _counted_just_now(s, kind)) is not None:
        count, kind = counted.count, counted.kind  # “其中企业有2件，都公开了”: its count, against what was said before
    if count is None and HALF.search(f.text):
        count = _half(s.out.facts, kind or s.scope or s.recent)
    # “都” after several kinds' applications means all of them; after one kind's, that kind's
    several = len(set(s.segment_kinds)) > 1
    for_all = kind is None and s.scope is None and f.quantified and count is None and (s.recent is None or several)
    # “个人两件、企业一件，三件都公开了”: a count over several kinds is theirs together (allocate)
    # “社会组织申请了2件，1件公开，1件不掌握”: counted results right after one kind's applications are theirs
    one_kind_said = s.recent is not None and len(set(s.segment_kinds)) == 1
    implied = s.recent if (count is None or f.quantified or one_kind_said) and not for_all \
        and not (several and count) else None
    added = s.add(f, "result", kind or s.scope or implied, row, count, for_all=for_all, moved_from=f.moved_from,
                  of_carried=s.in_carried or bool(words().carried_in.search(f.text)))
    if not kind and not s.scope and implied and one_kind_said or not kind and s.scope and s.scope == s.headed:
        added.explicit = True  # as good as named: the only kind of the sentence, or the one a heading named
    if f.asked_for and not REFUSED.search(f.text):
        s.tentative = added  # (“要的是……，涉密不能给”: refused, the row is the case's reason)
    s.last_row = row
    s.last_count = None


def _all_of_kinds(s: Scope, f: Frame, kind: str | None, row: str | None) -> bool:
    """A result said of all of one kind's applications (“企业的都公开了”), of several kinds' (“企业律所的全部公开”) or of
    every organisation's (“法人的全都公开了”): after a result said for every kind, each kind's share of it."""
    if f.organisations and kind is None:
        if not _each_kind_s_share(s, f, _organisations_counted(s), row):
            s.add(f, "result", None, row, None, for_all=True, organisations=True)  # (shared out by allocate)
        s.last_row = row
        return True
    if f.several and kind is None:
        return _each_kind_s_share(s, f, f.kinds, row)
    return bool(kind) and not f.asked_for and _all_of_kind_from_whole(s, f, kind or "", row)


def _organisations_counted(s: Scope) -> list[str]:
    """The kinds other than 自然人 whose applications were counted."""
    return list(dict.fromkeys(x.kind for x in s.out.facts if x.what == "requests" and x.kind and x.kind != "natural"))


def _each_kind_s_share(s: Scope, f: Frame, kinds: list[str], row: str | None) -> bool:
    """“法人的全都公开了”, “企业律所的全部公开” after a result said for every kind: each kind's share of it (all or none)."""
    if not kinds or not all(_share_known(s, k, row) for k in kinds):
        return False
    for k in kinds:
        _all_of_kind_from_whole(s, f, k, row)
    return True


def _share_known(s: Scope, kind: str, row: str | None) -> bool:
    facts = s.out.facts
    return any(x.what == "result" and x.row == row and x.kind is None and x.count for x in facts) \
        and any(x.what in ("requests", "carried_in") and x.kind == kind and x.count for x in facts)


def _all_of_kind_from_whole(s: Scope, f: Frame, kind: str, row: str | None) -> bool:
    """“公开1400，部分公开500……” said for every kind, then “企业40、律所22，企业的都公开了”: all of that kind's
    applications (their count said, last year's said with them) are its share of the result said for every kind —
    taken out of it (in a later answer by settle's Split), the rest staying for the others (“其余都是个人的”)."""
    facts = s.out.facts
    whole = next((x for x in reversed(facts) if x.what == "result" and x.row == row and x.kind is None and x.count), None)
    applied = [x for x in facts if x.what in ("requests", "carried_in") and x.kind == kind and x.count]
    if whole is None or not applied:
        return False
    said = sum(x.count or 0 for x in facts if x.what in ("result", "carry_next") and x.kind == kind and x.count)
    count = sum(x.count or 0 for x in applied) - said
    if count <= 0 or count > (whole.count or 0):
        return False
    if whole.turn == s.turn:
        whole.count = (whole.count or 0) - count  # (in this answer: the whole is this answer's, taken out here)
        if not whole.count:
            facts.remove(whole)
    s.add(f, "result", kind, row, count)
    s.scope, s.last_row, s.last_count = kind, row, None
    return True


def _counted_just_now(s: Scope, kind: str | None) -> Fact | None:
    """The applications of one kind the fact before counted, in a later answer (“其中企业有2件”)."""
    last = s.out.facts[-1] if s.out.facts else None
    if last is None or last.what != "requests" or last.turn != s.turn or not last.count or last.kind is None \
            or kind not in (None, last.kind):
        return None
    return last


def _instead_of_tentative(s: Scope, count: float | None, kind: str | None) -> tuple[float | None, str | None]:
    """The result said after what was asked for replaces the row that named: its count and kind are the case's."""
    said = s.tentative
    s.tentative = None
    assert said is not None
    if said in s.out.facts:
        s.out.facts.remove(said)
    return (said.count if count is None else count), kind or said.kind


def _refused(s: Scope, f: Frame, kind: str | None, count: float | None) -> None:
    """“没给”: the reason said before it (or the row of what was asked for) is the case's; alone, a 不予公开 whose
    reason is asked."""
    if s.tentative is not None:
        s.tentative = None
        return
    if s.last_row and s.last_row != "open" and count is None:
        return
    if f.clause.heads and count is None:
        return  # “都没法给：1件……不归我们管；另外2件……”: heads the cases told after it, each with its reason
    f.group = next((prefix, ask) for _, prefix, ask in words().groups if prefix == "deny_")
    _group(s, f, kind, count)


def _says_none(text: str, labels: RowNames) -> bool:
    """“重复申请没有”, “其实没有重复申请”: a result row said to have none (not “没有公开”, a result of its own)."""
    if (zero := ZERO_SAID.search(text)) and (result_of(text[:zero.start()], labels) or group_of(text[:zero.start()])):
        return True  # (“不予公开？没有”: a group said to have none needs no reason)
    m = NONE_BEFORE.match(text)
    return m is not None and result_of(text[m.end():], labels) is not None and result_of(text[m.end():], labels) == result_of(text, labels)


def _half(facts: list[Fact], kind: str | None) -> float | None:
    """Half of the applications of a kind (of all, when no kind is in scope); None when they do not halve."""
    total = sum(x.count or 0 for x in facts if x.what == "requests" and kind in (None, x.kind))
    return total // 2 if total and total % 2 == 0 else None


def _requests(s: Scope, f: Frame, kind: str | None, count: float | None) -> None:
    """Applications of a kind (or of none yet): new, or the kind of part of those counted without one."""
    out = s.out
    if words().no_requests.search(f.text) and count == 0:
        return
    if kind is None and s.announced:
        kind = s.announced
    if kind is None and count and _among_counted(s, f, count):
        return  # “自然人申请5件，公开3件，12月28号又来了2件，还在办”: the 2 left of the 5
    unkinded = [x for x in out.facts if x.what == "requests" and x.kind is None and x.count]
    if kind is not None and count and _all_said_are_of(s, f, kind, count, unkinded):
        pass
    elif kind is not None and count and unkinded and count <= sum(x.count or 0 for x in unkinded):
        # “收到申请5件，其中4件个人，1件是一家公司”: the kind of part of what was counted without one
        left = count
        for x in unkinded:
            assert x.count is not None  # (unkinded holds only facts with a count)
            taken = min(left, x.count)
            x.count -= taken
            left -= taken
        out.facts = [x for x in out.facts if not (x.what == "requests" and x.kind is None and not x.count)]
        s.add(f, "requests", kind, "new", count)
    elif kind is None and count and any(x.count == count and x.turn == s.turn for x in unkinded):
        pass  # “一共9件，8件是个人的，还有1件是一家培训机构申请的”: the one left, said again
    elif count or kind is not None:
        s.add(f, "requests", kind, "new", count)
    if kind is not None:
        s.recent = kind
        s.segment_kinds.append(kind)
        s.last_row = None  # “企业申请2件，也都予以公开”: a result of these, not the last one said again
        _another_kind_s_cases(s, kind)
        if s.scope not in (None, kind):
            s.scope = None  # “…；公司的2件1件公开…”: another kind's applications end the last one's results


def _all_said_are_of(s: Scope, f: Frame, kind: str, count: float, unkinded: list[Fact]) -> bool:
    """“一共5件，……另外2件是同一个人重复来要的” then “5件都是村民个人申请的”: every application said so far, those of no
    kind and those of this kind, said again as all of this kind — the kind of those of none, not more of them."""
    said = [x for x in s.out.facts if x.what == "requests" and x.count]
    if not (f.quantified and s.turn) or any(x.kind not in (None, kind) for x in said):
        return False
    if unkinded and sum(x.count or 0 for x in said) == count:
        for x in unkinded:
            x.kind = kind
        return True
    if _outcomes_told(s.out.facts) == count and sum(x.count or 0 for x in said) < count:
        # “有一个人申请要……，不予公开；另一个问……，给了” then “俩都是个人”: the cases told, all of that kind
        s.out.facts = [x for x in s.out.facts if not (x.what == "requests" and x.kind in (None, kind))]
        s.add(f, "requests", kind, "new", count)
        return True
    return False


def _all_outcomes_of(s: Scope, f: Frame, kind: str, unkinded: list[Fact]) -> bool:
    """“都是村民个人申请的” said alone in a later answer, when the applications said fall short of the results told (or
    were of no kind): every case told was of this kind — as many applications as the results and those carried on."""
    if f.count is not None or not (f.quantified and s.turn) or f.asked_for or f.clause.heads:
        return False
    facts = s.out.facts
    if any(x.what in ("carried_in", "with_carried", "done") for x in facts) or any(s.last_year.values()) \
            or any(x.kind not in (None, kind) for x in facts if x.count):
        return False  # (results that count last year's carried-in too: not this year's applications alone)
    told = _outcomes_told(facts)
    if told and _all_said_are_of(s, f, kind, told, unkinded):
        _every_applicant(s.out, f, kind)
        return True
    return False


def _outcomes_told(facts: list[Fact]) -> float | None:
    """How many cases the results and carried-on said come to; None when one of them has no count."""
    outcomes = [x for x in facts if x.what in ("result", "carry_next")]
    return None if any(x.count is None for x in outcomes) else sum(x.count or 0 for x in outcomes)


def _another_kind_s_cases(s: Scope, kind: str) -> None:
    """Another kind's applications spoken of end what a case of the last one asked for: “个人的：……，要我们确认他
    已经拿到的文件的3；律所8件：公开5” — the 公开5 is the 律所's, not that case's result."""
    if s.tentative is not None and s.tentative.kind not in (None, kind):
        s.tentative = None


# (“12月28号才收到”, “腊月里才来的”: a day late in the year said by its date)
LATE = re.compile(r"(?:又|新|后来|后面|之后|年底|月底|年末|(?:十二|12)月(?:份|底|末|下旬|[0-9一二三四五六七八九十]+[号日])?|腊月里?)"
                  r"(?:又|才)?(?:来了|收到|接到|送来|递来|来的|申请的|提的|交的)")


def _among_counted(s: Scope, f: Frame, count: float) -> bool:
    """“自然人申请5件，公开3件，12月28号又来了2件，还在办”: applications said to have come late, of no kind, as many as
    this answer's results leave of the one kind it counted, are those left (carried on after, not more of them)."""
    if not LATE.search(f.text):
        return False
    said = [x for x in s.out.facts if x.turn == s.turn]
    counted = [x for x in said if x.what == "requests"]
    kinds = {x.kind for x in counted}
    if not counted and s.scope:  # “个人的：……；有7件年底才收到” in a later answer: of that kind's counted before
        kinds, said = {s.scope}, s.out.facts
        counted = [x for x in said if x.what in ("requests", "carried_in") and x.kind == s.scope]
    if len(kinds) != 1 or None in kinds:
        return False
    kind = next(iter(kinds))
    results = [x for x in said if x.what in ("result", "carry_next") and x.kind in (None, kind)]
    if any(x.count is None for x in results):
        return False
    if sum(x.count or 0 for x in counted) - sum(x.count or 0 for x in results) != count:
        return False
    s.among = (kind or "", count)
    return True


def _counted(s: Scope, f: Frame, kind: str | None, count: float | None) -> None:
    """A count with no result row: applications, the count a following 都 refers to, or words not understood."""
    text, out = f.text, s.out
    if f.done_total or f.with_carried or s.together and re.match(r"(?:一共|总共|共|合计|总计)", text):
        f.with_carried = not f.done_total
        _together(s, f, kind, count)
        return
    if kind is None and SUM_SAID.match(text) and count in (_said_this_turn(s), _said_this_turn(s) + _carried_in_this_turn(s)):
        return  # “……，那就是4件”, “个人6件、企业2件，共8件”, “新收90件，上年结转103件，合计193件”: added up
    if s.turn and kind is None and RETRACTED.search(text) and s.mistake is None:
        s.mistake = (text, len(out.facts))  # “有一件记错了，……”: what was wrong is said next (asked if it is not)
        return
    if f.case_intro and _case_of_counted(s, kind, count):
        return  # “个人申请2件，一件是……”: one of them, told
    if f.case_intro and kind and _case_of_another_kind(s, f, kind):
        return
    if kind and count and not f.applies and _share_of_result(s, f, kind, count):
        return
    # (“物业公司那1件12月底才收到”: the application said, not one more)
    # (“其他组织的10件是几个村委会申请的”: who those were — the applications said, by their count)
    if kind and (not f.applies or re.search(r"那\s*" + NUM + r"?\s*件|的\s*" + NUM + r"\s*件\s*(?:都|全|均)?是", text)) \
            and not f.case_intro and _kind_spoken_of_again(s, f, kind, count):
        s.scope = s.counted_scope = kind  # “律所的2件……”, “个人那147件” (finished): the applications already said, their results follow
        s.last_row = None  # (“企业的2件，都公开了”: a result of these, not the row just said of another kind again)
        _another_kind_s_cases(s, kind)
    elif kind or f.applies:
        _requests(s, f, kind, count)
    elif DONE_WORDS.search(text):
        s.last_count = count
    elif s.announced and count and not any(x.what == "requests" and x.kind == s.announced for x in out.facts):
        s.add(f, "requests", s.announced, "new", count)  # “申请人均为自然人，共3件”
        s.recent = s.announced
    elif TOPIC.search(text) and not re.search(NUM + r"\s*件", text):
        pass  # “涉及3个村的征收补偿”: what they were about
    elif s.turn == 0 and not out.facts and not out.not_understood and OPENING_COUNT.match(text):
        _requests(s, f, None, count)  # “2件，都是个人的”: the answer opens with how many applications there were
    elif count != 0:
        out.not_understood.append(text)


def _carried_in_this_turn(s: Scope) -> float:
    """Last year's applications this answer said were carried in (with this year's, a total may add them up)."""
    return sum(x.count or 0 for x in s.out.facts if x.turn == s.turn and x.what == "carried_in")


def _said_this_turn(s: Scope) -> float:
    """The applications this answer said; with none said as such, its cases told by their results (“有个人来要查……，
    属于行政查询事项，就这1件”)."""
    said = [x for x in s.out.facts if x.turn == s.turn]
    if any(x.what == "requests" for x in said):
        return sum(x.count or 0 for x in said if x.what == "requests")
    return sum(x.count or 0 for x in said if x.what == "result")


def _kind_spoken_of_again(s: Scope, f: Frame, kind: str, count: float | None) -> bool:
    """“律所的2件……”, “企业30件：公开20……”, or “企业40件” again once results are being listed: the applications of a
    kind said before with that count, spoken of again (their results follow) — never more of them."""
    facts = s.out.facts
    same = next((i for i, x in enumerate(facts) if x.what in ("requests", "done") and x.kind == kind and x.count == count), None)
    if same is None:
        return False
    return bool(re.search(r"的|那", f.text)) or f.clause.heads or any(x.what == "result" for x in facts[same + 1:])


def _unkinded(out: Reading) -> float:
    """How many applications were counted without their kind."""
    return sum(x.count or 0 for x in out.facts if x.what == "requests" and x.kind is None)


def _share_of_result(s: Scope, f: Frame, kind: str, count: float) -> bool:
    """“个人24件、企业3件。公开19件，其中企业3件”: a kind's count right after a result said for every kind, of a kind
    whose applications were counted already, is that kind's share of the result (the rest stays for the others)."""
    last = s.out.facts[-1] if s.out.facts else None
    if last is None or last.what != "result" or last.turn != s.turn or last.kind is not None or not last.count \
            or last.count < count:
        return False
    stated = sum(x.count or 0 for x in s.out.facts if x.what == "requests" and x.kind == kind)
    if stated < count:
        return False
    last.count -= count
    s.add(f, "result", kind, last.row, count)
    s.out.facts.append(s.out.facts.pop(-2))  # the rest (of no kind) stays the result just said
    if not last.count:
        s.out.facts.remove(last)
    return True


_ADDED = Marker("adds", "^(?:WORDS)")


def _case_of_another_kind(s: Scope, f: Frame, kind: str) -> bool:
    """“个人申请3件，其中一件是一个律师帮他申请的”: one of the applications counted (not one more: no 还有/另外)
    said to be of another kind than all of them — which it is, is asked."""
    counted = [x for x in s.out.facts if x.what == "requests" and x.turn == s.turn and not _opens_case(x.clause)]
    if not counted or any(x.kind in (None, kind) for x in counted) or _ADDED.search(f.text) or re.match("另", f.text):
        return False
    if _unkinded(s.out) >= (f.count or 1):
        return False  # (“收到3件” … “俩是村民个人，一个是一家公司”: the kind of the rest of a total said without one)
    s.ask(f, f"“{f.text}”：是前面说的{words().kind_names[counted[0].kind or 'natural']}申请里的一件，还是另外"
             f"{words().kind_names[kind]}的申请？请说一下各类各几件。", "kind")
    return True


def _case_of_counted(s: Scope, kind: str | None, count: float | None) -> bool:
    """Whether a case opened (“一件是……”) is one of the applications this answer counted (of its kind, when it names
    one), not one more: told of fewer than were counted."""
    # (a clause that opened a case counts no application of its own — but “3件是个人的” said more than one: how many
    # of a kind, the applications a case told after it is one of)
    counted = [x for x in s.out.facts if x.what == "requests" and x.turn == s.turn
               and (not _opens_case(x.clause) or (x.count or 0) > 1)]
    if not counted and s.turn:
        return _case_of_counted_before(s, kind, count)
    kinds = {x.kind for x in counted}
    kind = kind or s.single() or (next(iter(kinds)) if len(kinds) == 1 else None)
    # (a case of no kind is one of all the applications counted: “群众申请了2件。第一件……”)
    stated = sum(x.count or 0 for x in counted if x.kind == kind or kind is None)
    told = s.cases_told.get(kind or "", 0) + (count or 0)
    if not stated or told > stated:
        return False
    s.cases_told[kind or ""] = told
    if s.case is not None:
        s.case.kind, s.case.told = s.case.kind or kind, True
    return True


def _case_of_counted_before(s: Scope, kind: str | None, count: float | None) -> bool:
    """“群众申请4件” … “3件公开了，还有1件……”: a case told in a later answer that counts no applications of its own is
    one of those an earlier answer counted, while their results said so far leave it room (else it may be one more)."""
    def ours(x: Fact) -> bool:
        return kind is None or x.kind in (None, kind)

    # (“今年有5件申请” … “4个是个人，1个是公司”: a kind given to applications counted without one is no case told)
    earlier = [x for x in s.out.facts if x.what == "requests" and x.turn < s.turn and x.count and x.kind == (kind or x.kind)]
    results = [x for x in s.out.facts if x.what in ("result", "carry_next") and ours(x)]
    if not earlier or any(x.count is None for x in results):
        return False  # (“全部予以公开” said before: every one of them has its result — this is one more)
    left = sum(x.count or 0 for x in earlier) - sum(x.count or 0 for x in results) - s.cases_told.get(kind or "", 0)
    if (count or 1) > left:
        return False
    kinds = {x.kind for x in earlier}
    s.cases_told[kind or ""] = s.cases_told.get(kind or "", 0) + (count or 1)
    if s.case is not None:
        s.case.kind, s.case.told = s.case.kind or kind or (next(iter(kinds)) if len(kinds) == 1 else None), True
    return True


def _place(s: Scope, f: Frame, kind: str | None, row: str | None, count: float | None) -> None:
    """The frame's fact, by what it names: carried in or on, a group, a reason completing it, a result, a count."""
    if f.carried_in and row is None:
        _carried_in(s, f, kind, count)
    elif f.no_carry:
        _no_carry(s, f, kind)
    elif f.carry and _carried_finished(s, f, kind, row, count):
        pass
    elif f.carry and row is None:
        _carry_next(s, f, kind, count)
    elif row is None and (f.group is not None or OTHER_LISTED.search(f.text)) and _the_others(s, f):
        _result(s, f, kind, "other_3", count)  # “逾期不补正的8件，没交费的2件，其他处理1件”: the rest, 3.其他
    elif row is None and f.group is not None:
        _group(s, f, kind, count)
    elif row is None and f.refused:
        _refused(s, f, kind, count)
    elif row is not None and count is None and _completes(s.out.facts, row, s.turn):
        s.out.facts[-1].row = row  # “不予公开1件，属于国家秘密”: the reason of the result just counted
        s.last_row = row
    elif row is not None:
        _result(s, f, kind, row, count)
    elif count is not None:
        _counted(s, f, kind, count)


def _no_carry(s: Scope, f: Frame, kind: str | None) -> None:
    """“没有结转”: 0, the default — and every application has its result (allocate); not “去年没有结转过来的”.  Zero:
    in a later answer, “结转的没有”, “没有转明年的” puts right what earlier answers carried on (of the kind named)."""
    if words().carried_in.search(f.text):
        return
    s.out.no_carry = True
    if s.turn and f.carry:
        s.out.facts = [x for x in s.out.facts if not (x.what == "carry_next" and x.turn < s.turn and kind in (None, x.kind))]


def _carried_finished(s: Scope, f: Frame, kind: str | None, row: str | None, count: float | None) -> bool:
    """“那件转明年的其实年底前已经答复了，也是公开”: in a later answer, a case said before to be carried on was
    finished after all — its result (said in this clause or the next) is taken from 结转下年度 (a Move)."""
    if not (s.turn and f.refers and FINISHED_AFTER_ALL.search(f.text)):
        return False
    if not any(x.what == "carry_next" and x.turn < s.turn and x.count for x in s.out.facts):
        return False
    if row is None:
        s.referred = "carry_next"  # (the result is said next: _referred)
    else:
        f.moved_from = "carry_next"
        _result(s, f, kind, row, count)
    return True


def _the_others(s: Scope, f: Frame) -> bool:
    """“其他处理N件” after a named reason of 其他处理 was counted in this answer (逾期不补正, 未缴费), or “其他N” ending a
    list of results by the table's rows: the third row, 其他."""
    named = {x.row for x in s.out.facts if x.turn == s.turn and x.what == "result" and x.count}
    if f.kind is not None:
        return False  # (“……、其他5件” in a list of kinds: the kind 其他组织, _other_kind_listed)
    if f.group is not None:
        return f.group[0] == "other_" and "其他" in f.text and bool({"other_1", "other_2"} & named)
    return f.count is not None and (bool({"other_1", "other_2"} & named) or len(named) >= 4)


def _aside(s: Scope, f: Frame) -> bool:
    """Aside: “有1件复议，维持了” said here is 表四's — kept for its question, never an application of this table."""
    w = words()
    if f.kind or f.row or f.group or APPLIES_WORDS.search(APPLIED_FOR_REVIEW.sub("复议", f.text)):
        return False
    names_a_case = any(p.search(f.text) for p, _ in w.appeal_blocks)
    continues = s.out.asides and s.out.asides[-1].turn == s.turn and any(p.search(f.text) for p, _ in w.outcomes)
    if not (names_a_case or continues):
        return _proactive_aside(s, f)
    if continues and not names_a_case:
        s.out.asides[-1].words += "，" + f.text  # “……复议，维持了”: its outcome
    else:
        s.out.asides.append(Aside(table="t4", words=f.text, turn=s.turn))
    return True


def _proactive_aside(s: Scope, f: Frame) -> bool:
    """Aside: “对了规范性文件今年废了好几个” — a 表二 row with what became of it (制发, 废止, 现行有效) is 表二's, kept
    for its question, never applications of this table (a row alone, “要的是红头文件”, is what a case asked for)."""
    w = words()
    named = [m.start() for p, _ in w.t2_rows if (m := p.search(f.text))]
    if not named or not any(p.search(f.text) for p, _ in w.t2_columns) or f.asked_for or f.case_intro \
            or _ASKED_ABOUT.search(f.text[:min(named)]):
        return False  # (“要的都是现行有效的规范性文件目录”: what a case asked for)
    s.out.asides.append(Aside(table="t2", words=f.text, turn=s.turn))
    return True


def _kind_moved(s: Scope, f: Frame) -> bool:
    """Move: “其中1件其实是企业申请的” after “自然人申请3件” — that many of the one kind said before are the other's,
    with their results."""
    if not (s.turn and f.correction and f.kind and f.count and f.row is None and f.group is None):
        return False
    earlier = [x for x in s.out.facts if x.what == "requests" and x.turn < s.turn]
    others = {x.kind for x in earlier} - {f.kind}
    if len(others) != 1 or None in others or any(x.kind == f.kind for x in earlier):
        return False
    source = next((x for x in reversed(earlier) if x.count and x.count > f.count), None)
    if source is None:
        return False
    source.count = (source.count or 0) - f.count
    s.add(f, "requests", f.kind, "new", f.count).of_moved = True  # (moved: no total put right)
    _move_results(s, source.kind, f.kind, f.count)
    return True


def _kind_put_into(s: Scope, f: Frame) -> bool:
    """Move: “说错了，那两件是公司申请的”, “搞错了，应该算个人” — a later answer putting right whose the applications
    said before (all of one kind) are: every one of them, with its results, is the kind named — none added (a count
    said with it must be theirs; “还有/也” adds)."""
    if not (s.turn and f.kind and f.kind_from is None and f.row is None and f.group is None and not f.carry
            and not f.carried_in and len(f.kinds) <= 1 and (s.correcting or f.correction or MOVE.search(f.text))
            and not ALSO.search(f.text) and not ADDING.search(f.text)):
        return False
    earlier = [x for x in s.out.facts if x.what == "requests" and x.turn < s.turn and x.count]
    kinds = {x.kind for x in earlier}
    if len(kinds) != 1 or None in kinds or f.kind in kinds or any(x.turn == s.turn for x in s.out.facts):
        return False
    if f.count is not None and f.count != sum(x.count or 0 for x in earlier):
        return False
    source = kinds.pop()
    for x in s.out.facts:
        if x.kind == source and x.turn < s.turn:
            x.kind = f.kind
    return True


def _some_referred(s: Scope, f: Frame) -> bool:
    """“部分公开那2件里有1件其实是全给了的”: in a later answer, some of the cases said of a result spoken of by its
    count — the result of those said next is taken from that one (_referred)."""
    if s.turn and f.partitive and f.refers_to and f.count and f.kind is None and f.row is None and f.group is None:
        s.referred, s.referred_some = f.refers_to, True
        return True
    if f.spoken_of and f.kind is None and any(x.what == "result" and x.turn < s.turn and (x.row, x.count) == f.spoken_of
                                              for x in s.out.facts):
        s.referred, s.referred_some = f.spoken_of[0], True  # “重复申请的8件，有2件其实是……”
        return True
    return False


def _referred(s: Scope, f: Frame, kind: str | None, count: float | None, row: str | None) -> bool:
    """“信访那件弄错了，应该是重复申请”: a case spoken of by its result in one clause, its right result in the next —
    a Move, the next clause's result taken from the one referred to."""
    if f.refers_to and kind is None and count is None and row is None and f.group is None:
        s.referred = f.refers_to
        return True
    # (“……里有1件其实是全给了的”: so many of those referred to have this result instead)
    if s.referred and row and row != s.referred and f.moved_from is None \
            and (count is None or s.referred_some):  # (“……那12件里有3件其实是……”, “……的8件里，2件是……”)
        f.moved_from, f.refers = s.referred, True
        s.referred, s.referred_some = None, False
    return False


def _another_kind_after(s: Scope, kind: str) -> bool:
    """“收到2件：个人申请……，公开；企业申请……，公开”: a second kind said alone after one was taken for the kind of
    every application counted — they are of both, how many each is asked (never all of the first)."""
    if s.kind_given is None or s.kind_given[0] == kind:
        return False
    for x in s.kind_given[1]:
        x.kind = None
    s.kind_given = None
    return True


def _kind_of_earlier_results(s: Scope, kind: str) -> bool:
    """“都是个人”, “全是企业的” answering the question about an answer that said results but no applications: the
    kind of every one of them."""
    if any(x.what in ("requests", "carried_in") for x in s.out.facts) or any(x.turn == s.turn for x in s.out.facts):
        return False
    said = [x for x in s.out.facts if x.what in ("result", "carry_next") and x.kind is None]
    if not said or len(said) != len([x for x in s.out.facts if x.what in ("result", "carry_next")]):
        return False
    for x in said:
        x.kind, x.explicit = kind, True
    return True


def _kind_of_results_before(s: Scope, kind: str) -> bool:
    """“……2件、……7件，都是群众的”, “这些都是企业”: the kind said after a list of results is every one's since
    the last clause that named a kind (a kind only implied by the scope is put right)."""
    said = []
    for x in reversed(s.out.facts):
        if x.turn != s.turn or x.explicit or x.under_kind or x.what not in ("result", "carry_next"):
            break  # (“其他组织那10件……，部分公开”: that result's kind was named by the clause counting its cases)
        said.append(x)
    for x in said:
        x.kind, x.explicit = kind, True
    if said:
        s.scope = None  # (the kind just said ends the scope a kind named before had)
    return bool(said)


def _frame_fact(s: Scope, f: Frame) -> None:
    _begin(s, f)
    if f.clause.heads and f.row and f.count is None and not f.kinds and not f.quantified:
        s.headed_row = f.row  # “公开的：个人5件，企业2件”: each kind's count after it is of that result
        return
    if s.headed_row and f.kind and f.count and f.row is None and f.group is None and not f.applies:
        f.row = s.headed_row
    if f.clause.ends:
        s.headed_row = None
    if f.count is None and f.kind and _ARTICLE.match(f.text) and _unkinded(s.out) >= 1 \
            and any(x.turn == s.turn for x in s.out.facts):
        f.count, f.case_intro = 1, True  # “收到1件，一位居民申请……”: that case, of its kind
    if f.case_intro and (f.correction or f.kind_from):
        f.case_intro = False  # “有1件自然人的其实是公司的”: a case put right, not one told
    if f.case_intro and _case_of_the_one_kind(s, f):
        return
    if f.case_intro:
        _close_case(s)
        s.case, s.tentative = Case(f.count, f.kind, f.text), None
    _told(s, f)
    if f.clause.ends:
        _close_case(s)


# the words before a kind's name that make it what a case asked about (“问他们村委会的账”), not who asked
_ASKED_ABOUT = re.compile(r"问|查|要|打听|了解|咨询|关于|涉及|看")


def _case_of_the_one_kind(s: Scope, f: Frame) -> bool:
    """“收到3件，都是个人。2件公开了。还有1件问他们村委会的账……”: this answer counted applications of one kind only,
    and a case told within that count names another kind — after a word of asking, what the case was about (the case
    is the one kind's: “都是个人” fixed it); as the applicant (“还有1件是企业申请的”), against what was said: asked.
    True when asked (the clause is done with)."""
    counted = [x for x in s.out.facts if x.what == "requests" and x.turn == s.turn and x.count]
    kinds = {x.kind for x in counted}
    if f.kind is None or len(kinds) != 1 or None in kinds or f.kind in kinds:
        return False
    kind = next(k for k in kinds if k is not None)  # (the one kind said, None excluded above)
    results = [x for x in s.out.facts if x.what in ("result", "carry_next") and x.turn == s.turn]
    told = sum(x.count or 0 for x in results)
    if not told or any(x.count is None and x.quantified for x in results) \
            or sum(x.count or 0 for x in counted) < told + (f.count or 1):
        return False  # (more than were counted: one more application, of the kind it names)
    first = min(f.text.find(word) for word, k in words().kinds if k == f.kind and word in f.text)
    if _ASKED_ABOUT.search(f.text[:first]) and not APPLIES_WORDS.search(f.text):
        f.kind = kind
        return False
    s.ask(f, f"“{f.text}”：前面说的都是{words().kind_names[kind]}的申请，这件是{words().kind_names[f.kind]}申请的吗？"
             "请说一下各类各几件。", "kind")
    return True


def _close_case(s: Scope) -> None:
    """A case told of the applications counted before with nothing said of what became of it: not understood."""
    if s.case is not None and s.case.told and not s.case.done and s.case.words not in s.out.not_understood:
        s.out.not_understood.append(s.case.words)
    s.case = None


def _told(s: Scope, f: Frame) -> None:
    _told_one(s, f)
    s.sentence.append(f.text)
    if f.clause.ends:
        s.sentence.clear()


def _told_one(s: Scope, f: Frame) -> None:
    if _aside(s, f) or _asks(s, f) or _bare_correction(s, f) or _part_moved(s, f) or _kind_moved(s, f) \
            or _case_moved(s, f) or _result_moved_across_kinds(s, f) or _kind_put_right(s, f) or _more_of_moved(s, f) \
            or _moved_from_unnamed(s, f) or _kind_put_into(s, f):
        return
    kind, row, count = f.kind, f.row, f.count
    if row is None and f.group is None and s.last_row and not s.last_row.endswith("_") and SAME_RESULT.search(f.text):
        row = s.last_row  # “企业的2件也一样”
    if kind and count and (row or f.group) and APPLIED_COUNT.search(f.text) and \
            not any(x.what == "requests" and x.kind == kind for x in s.out.facts):
        s.add(f, "requests", kind, "new", count)  # “个人申请的4件都公开了”
    elif f.case_intro and kind and count and (row or f.group) and _unkinded(s.out) >= count \
            and not _case_of_counted(s, kind, count):
        _requests(s, f, kind, count)  # “收到3件：……还有一件是老百姓要查他自己的……”: one of them, of its kind
    elif f.case_intro and kind and count and (row or f.group) and not _unkinded(s.out) \
            and not any(x.what in ("requests", "carried_in") for x in s.out.facts):
        _requests(s, f, kind, count)  # “有1个村民要……执法案卷材料，没给；还有个村民……”: cases told, none counted first
    if kind is None and s.out.no_organisations and (f.applies or row is None) and not f.several:
        kind = "natural"
    if _some_referred(s, f) or _kind_alone(s, f, kind, count, row) or _referred(s, f, kind, count, row):
        return
    _place(s, f, kind, row, count)
    if f.clause.ends:
        s.recent = None
        s.segment_kinds.clear()


def _vague_then_counted(s: Scope) -> None:
    """“今年还真有几件，……一共是3件”: a vague quantifier the same answer then counts exactly is no fact of its own —
    its question goes (a vague count of a kind, only when that kind's applications are counted after it)."""
    for opened, before in s.vague:
        kind = kind_of(opened.words)
        after = s.out.facts[before:]
        if any(x.what == "requests" and x.count and kind in (None, x.kind) for x in after) and not result_of(opened.words):
            s.out.opened.remove(opened)
            if opened.question in s.out.questions:
                s.out.questions.remove(opened.question)


def _shared_counts(frames: list[Frame]) -> list[Frame]:
    """“查自己社保、不动产这类查询的110件”: a result named without a count right before the same result with one is
    one item of a list, counted there — not a result taking what is left."""
    return [f for f, after in zip(frames, frames[1:] + [None])
            if not (after is not None and f.row is not None and f.count is None and after.row == f.row
                    and after.count is not None and f.kind is None and not f.quantified and not f.refers
                    and not f.case_intro and not f.clause.ends and not f.clause.heads)]


def _retracted(frames: list[Frame], before: list[Fact]) -> list[Frame]:
    """“那件算重复的我弄错了，……最后也给他公开了”: a later answer takes back the row a case said before was in;
    the row said next in that answer is the one the case had — one move, not one more result (a taking back with
    no row after it stays as it was said)."""
    out: list[Frame] = []
    taken_back: Frame | None = None
    for f in frames:
        if _taken_back_row(f) and f.refers and f.moved_from is None and f.clause.turn and RETRACTED.search(f.text):
            if taken_back is not None:
                out.append(taken_back)
            taken_back = f
            continue
        if taken_back is not None and f.row:
            if _all_of_taken_back_kind(taken_back, f, before):
                # “企业那件部分公开的我记错了，两件其实都是全部公开”: all of that kind's cases — the one taken back moves
                f.kind, f.count = taken_back.kind, None
            if f.row != _taken_back_row(taken_back) and f.count is None and f.moved_from is None:
                f.moved_from, f.refers, f.correction = _taken_back_row(taken_back), True, True
                f.count = taken_back.count  # (“那两件算重复的我弄错了”: those two; said without a count, the one case)
            else:
                out.append(taken_back)
            taken_back = None
        out.append(f)
    return out + ([taken_back] if taken_back is not None else [])


def _other_kind_listed(frames: list[Frame], before: list[Fact]) -> list[Frame]:
    """“其中个人2800件、商业企业40件、法律服务机构50件、其他5件”: 其他 — the column's own label — right after kinds
    counted (no result said) is the kind 其他组织; once said so, “其他那5件都公开了” (in that answer or a later one)
    speaks of them."""
    listed = any(x.what == "requests" and x.kind == "other" for x in before)
    last: Frame | None = None
    for f in frames:
        if f.kind is None and not f.kinds and f.row is None and f.group is None and OTHER_KIND_LISTED.search(f.text) \
                and (listed or last is not None and last.clause.turn == f.clause.turn and last.kind and last.count
                     and last.row is None and last.group is None and not last.carry and not last.carried_in):
            f.kind, f.kinds, listed = "other", ["other"], True
        elif f.kind is None and not f.kinds and listed and f.row is not None and OTHER_KIND_LISTED.search(f.text):
            f.kind, f.kinds = "other", ["other"]  # (“其他那5件都公开了”)
        listed = listed or (f.kind == "other" and bool(f.count) and f.row is None)  # (“……、其他组织5件” said)
        last = f
    return frames


def _moved_in_next_clause(frames: list[Frame]) -> list[Frame]:
    """“信访类的有20件，后来查了是重复申请”: a later answer's clause counting some cases of a result, then a clause
    saying with a move word what result they are of instead — one move of that many, not the first result put right;
    “个人不掌握的里面有1件其实是公司申请的，给公开了”: some of one kind's result that are another kind's, then (maybe)
    the result they had instead — one move across kinds (_result_moved_across_kinds)."""
    out: list[Frame] = []
    for f in frames:
        last = out[-1] if out else None
        if last is None or not f.clause.turn or last.clause.turn != f.clause.turn or last.moved_from is not None \
                or not last.row or f.count is not None or not f.row or f.row == last.row:
            out.append(f)
        elif last.count and last.kind in (None, f.kind) and not last.kind_from and f.moved_into:
            f.moved_from, f.count, f.refers, f.correction = last.row, last.count, True, True
            f.kind = f.kind or last.kind
            out[-1] = f
        elif last.kind_from and f.kind in (None, last.kind) and not f.kind_from:
            last.moved_from, last.row = last.row, f.row  # (the result said next is theirs instead)
        else:
            out.append(f)
    return [_kind_moved_with_its_result(f) for f in out]


def _kind_moved_with_its_result(f: Frame) -> Frame:
    """“个人不掌握的有1件其实是企业的”: some of one kind's result, named before the move word, are another kind's
    with that result — the row is the one they are taken from too."""
    if f.clause.turn and f.kind and f.kind_from and f.row and f.moved_from is None and f.count \
            and (move := MOVE.search(f.text)) and result_of(f.text[:move.start()]) == f.row:
        f.moved_from = f.row
    return f


def _taken_back_row(f: Frame) -> str | None:
    """The row of the case a clause takes back: the one it says (“那件算重复的我弄错了”), else the one its case was
    named by (“企业那件部分公开的我记错了”) — a result row, not a group said without its reason."""
    if f.row:
        return f.row
    return f.refers_to if f.refers_to and not any(f.refers_to == prefix for _, prefix, _ in words().groups) else None


def _all_of_taken_back_kind(taken_back: Frame, f: Frame, before: list[Fact]) -> bool:
    """Whether the row said after a case of one kind taken back is said of all that kind's cases (“两件都是……”),
    no kind of its own: the case taken back is the one it moves, the count only how many the kind has — only when
    that kind's results said before are all in that row but the one taken back (else it is more than one move)."""
    if taken_back.kind is None or f.kind is not None or f.kinds or f.count is None or f.moved_from is not None \
            or not words().all.search(f.text):
        return False
    theirs = [x for x in before if x.what == "result" and x.kind == taken_back.kind and x.count]
    return sum(x.count or 0 for x in theirs) == f.count \
        and all(x.row == f.row or x.row == _taken_back_row(taken_back) for x in theirs) \
        and sum(x.count or 0 for x in theirs if x.row == _taken_back_row(taken_back)) == (taken_back.count or 1)


def read(frames: list[Frame], out: Reading | None = None, carried: dict[str, float] | None = None) -> Reading:
    """The frames in order, each with its scope: whose applications each result counts.  `out`: what the earlier
    answers said (the frames are a later answer's), added to."""
    out = out if out is not None else Reading()
    s = Scope(out, frames[0].clause.turn if frames else 0, last_year=dict(carried or {}))
    for f in _shared_counts(_retracted(_moved_in_next_clause(_other_kind_listed(frames, out.facts)), list(out.facts))):
        _frame_fact(s, f)
    if s.pending_move is not None:
        s.ask(s.pending_move, f"“{s.pending_move.text}”：这些应该算哪类申请人的？", "kind")
    if s.mistake is not None and len(out.facts) == s.mistake[1]:
        out.not_understood.append(s.mistake[0])  # a mistake announced, nothing put right after it
    _vague_then_counted(s)
    return out


def _completes(facts: list[Fact], row: str, turn: int) -> bool:
    """Whether a reason said without a count completes the result just counted by its group only."""
    last = facts[-1] if facts else None
    return bool(last and last.what == "result" and last.turn == turn and last.row_id.endswith("_") and row.startswith(last.row_id)
                and (last.count is not None or last.quantified))


# ------------------------------------------------------------------ settle: later answers refine earlier ones
def _reasons_for_groups(facts: list[Fact]) -> list[Fact]:
    """“均不予公开，一件属于国家秘密，一件属于行政执法案卷”: the reasons counted stand for their group said uncounted."""
    def reasons(g: Fact) -> list[Fact]:
        return [f for f in facts if f.what == "result" and f.turn == g.turn and f.row != g.row and f.row_id.startswith(g.row_id)
                and f.count]
    # (one reason after a group counted is another case's — “一件……不再处理；另一件他自己撤回了” — not its reason)
    return [g for g in facts if not (g.what == "result" and g.row and g.row_id.endswith("_") and reasons(g)
                                     and (g.quantified or g.count is None or len(reasons(g)) > 1)
                                     and g.count in (None, sum(f.count or 0 for f in reasons(g))))]


def _moved(f: Fact, kept: list[Fact], earlier: list[Fact]) -> Edit | None:
    """“不掌握的那件其实是需要另行制作的”: taken from the row said before, put into this one; “说错了，律所那件年底
    前办完了，予以公开”: the case of that kind said to be carried on has this result instead."""
    if f.what == "result" and f.refers and f.correction and f.kind and f.count is None and not f.moved_from:
        carried = next((g for g in reversed(kept) if g.what == "carry_next" and g.kind == f.kind and g.turn < f.turn), None)
        if carried is not None:
            return Move(f, carried, 1)
    if not (f.what == "result" and f.moved_from):
        return None
    source = next((g for g in reversed(kept) if g.what in ("result", "carry_next") and g.row == f.moved_from
                   and (g.kind in (None, f.moved_kind) if f.moved_kind else f.kind is None or g.kind in (None, f.kind))),
                  None)
    if source is None:
        return Add(f)
    moved = f.count if f.count is not None else (1 if f.refers and (source.count or 0) > 1 else source.count)
    f.kind = f.kind or source.kind
    return Move(f, source, moved)


def _corrected_from(f: Fact, kept: list[Fact], earlier: list[Fact]) -> Edit | None:
    """“更正：其中1件应为部分公开”: taken from the result said before, which had counted it."""
    if not (f.what == "result" and f.correction and f.count and f.kind and MOVE.search(f.clause)
            and not any(g.row == f.row and g.kind in (None, f.kind) for g in earlier) and _overflows(kept, f)):
        return None
    source = next((g for g in reversed(earlier) if g.kind == f.kind and g.row != f.row and (g.count or 0) >= f.count), None)
    return Move(f, source, f.count) if source is not None else None


def _reason_given(f: Fact, kept: list[Fact], earlier: list[Fact]) -> Edit | None:
    """A reason given afterwards: the result said by its group only takes its row."""
    if not (f.what == "result" and not f.row_id.endswith("_")):
        return None
    group = next((g for g in earlier if g.row_id.endswith("_") and f.row_id.startswith(g.row_id)
                  and (f.kind is None or g.kind in (None, f.kind))), None)
    return Refine(group, f) if group is not None else None


def _group_count_put_right(f: Fact, kept: list[Fact], earlier: list[Fact]) -> Edit | None:
    """“不予公开的只有1件” after “不予公开2件（涉及第三方隐私）”: a later count of a result said by its group only
    puts right the one row of that group said before — its reason stays; with several reasons said, which one changed
    is asked."""
    if not (f.what == "result" and f.row_id.endswith("_") and f.count is not None and not ALSO.search(f.clause)):
        return None
    said = [g for g in earlier if g.row_id.startswith(f.row_id) and not g.row_id.endswith("_")
            and (f.kind is None or g.kind in (None, f.kind))]
    if len({g.row for g in said}) != 1 or any(g.row_id.startswith(f.row_id) and g.turn == f.turn and g is not f for g in kept):
        return None
    f.row = said[0].row
    return Set(f, said)


def _said_again(f: Fact, kept: list[Fact], earlier: list[Fact]) -> Edit | None:
    """The same row said in a later answer: it puts the earlier one right (“公开的是4件”); said with its kind, it
    replaces the same row said without one, or is part of a count said for every kind."""
    # (the results of last year's carried-in cases, told apart in an earlier answer of those only, are other cases)
    apart = {t for t in {g.turn for g in kept if g.what == "carried_in"} - {g.turn for g in kept if g.what == "requests"}
             if _turn_sum(kept, t, "result") <= _turn_sum(kept, t, "carried_in")}
    earlier = [g for g in earlier if f.correction or not (g.of_carried and g.count and g.turn in apart)]
    if not (f.what in ("result", "carry_next", "requests") and earlier):
        return None
    also = ALSO.search(f.clause)
    if f.what in ("result", "requests") and (f.of_carried or f.of_moved):
        return None  # “上年结转的103件都公开了”, the cases moved and their result: other applications, added
    if also and f.refers and f.count and f.what == "result" and not f.correction:
        return None  # “多的那件也是公开”: one more of that result, not the figure said again
    same = [g for g in earlier if g.row == f.row and (g.kind == f.kind or f.kind is None and _one_kind(kept, g)
                                                      or f.kind is None and f.correction and _row_of_one_kind(earlier, g))
            and not ((g.for_all or g.quantified and g.count is None) and also)]  # (“多出来的那1件也公开了”: the rest stay)
    # the same row said earlier without its kind, or with a kind only guessed from what came before it
    # (“全部公开” of every kind stays: it takes what the kinds said apart leave; “也公开了” adds another kind's)
    unkinded = [g for g in earlier if g.row == f.row and (g.kind is None or not g.explicit and not g.under_kind and not also
                                                          and not _kind_added_later(f, kept))
                and f.kind is not None and g not in same and not g.for_all]
    if f.what == "carry_next" and f.kind is not None:
        unkinded = [g for g in earlier if g.kind is None]
    if f.what == "result" and f.count is not None and unkinded and not same:
        return Split(f, unkinded)  # “公开11件” said of every kind, then “企业那边公开4件”
    if f.what == "result" and f.count is None and unkinded and not same and all(g.kind is None for g in unkinded):
        return None  # “律所那件也公开了”: that kind's part of the figure said for every kind (allocate shares it out)
    if f.what != "requests" or f.correction:
        return Set(f, same + unkinded, inherit_kind=bool(same))
    return None


def _turn_sum(facts: list[Fact], turn: int, what: str) -> float:
    return sum(g.count or 0 for g in facts if g.turn == turn and g.what == what)


def _kind_added_later(f: Fact, kept: list[Fact]) -> bool:
    """Whether `f` is of a kind a later answer first counts applications of (“还有企业的5件忘说了，3件公开”): its
    results are of those applications, never a share of a figure an earlier answer gave its one kind."""
    return f.kind is not None and not f.correction \
        and any(g.what == "requests" and g.kind == f.kind and g.turn == f.turn and not g.correction for g in kept) \
        and not any(g.kind == f.kind and g.turn < f.turn for g in kept)


EDIT_RULES = (_moved, _corrected_from, _reason_given, _group_count_put_right, _said_again)


def edit_of(f: Fact, kept: list[Fact]) -> Edit:
    """The edit a fact of a later answer makes to what is kept: the first rule that places it, else an addition."""
    earlier = [g for g in kept if g.turn < f.turn and g.what == f.what]
    kinds_said = {x.kind for x in kept if x.what == "requests"}
    if f.what == "result" and f.kind is None and f.correction and len(kinds_said) == 1:
        f.kind = next(iter(kinds_said))  # the one kind there is
    return next((e for rule in EDIT_RULES if (e := rule(f, kept, earlier)) is not None), None) or Add(f)


def settle(facts: list[Fact]) -> list[Fact]:
    """Facts of a later answer fill in or put right those of earlier answers of the same conversation (each an
    edit with a name); within one answer they add up."""
    kept: list[Fact] = []
    for f in _reasons_for_groups(facts):
        edit_of(f, kept).apply(kept)
    return kept


def _overflows(kept: list[Fact], f: Fact) -> bool:
    """Whether a result would count more of its kind's applications than there are."""
    applications = sum(x.count or 0 for x in kept if x.what in ("requests", "carried_in") and x.kind == f.kind)
    results = sum(x.count or 0 for x in kept if x.what in ("result", "carry_next") and x.kind == f.kind)
    return results + (f.count or 0) > applications


def _row_of_one_kind(earlier: list[Fact], g: Fact) -> bool:
    """“不好意思，部分公开是480”: a row said again without its kind, that only one kind's results had a figure of (the
    others' taking what was left: “法人的都公开了”) — the figure said again puts that one right."""
    return g.kind is not None and g.count is not None \
        and all(x.kind == g.kind for x in earlier if x.row == g.row and x.count is not None)


def _one_kind(facts: list[Fact], g: Fact) -> bool:
    kinds = {x.kind for x in facts if x.what == "requests" and x.kind}
    return len(kinds) <= 1


# ------------------------------------------------------------------ allocate and ask what is missing
KIND_LIST = "（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他组织）"


def _implied_requests(facts: list[Fact], reading: Reading, carried: dict[str, float] | None) -> None:
    """“个人2件公开，企业1件不掌握”: a kind whose applications were never counted has what its results count, when each
    of its results was said with the kind and a count."""
    said = {f.kind for f in facts if f.what in ("requests", "carried_in")} | {k for k, v in (carried or {}).items() if v}
    outcomes = [f for f in facts if f.what in ("result", "carry_next") and f.kind and f.kind not in said]
    if outcomes and not reading.no_requests and all(f.count and f.explicit for f in outcomes) \
            and not any(f.what == "requests" and f.kind is None for f in facts):
        for kind in dict.fromkeys(f.kind for f in outcomes):
            facts.append(Fact("requests", kind, "new", sum(f.count or 0 for f in outcomes if f.kind == kind), "", 0, explicit=True))


@dataclass
class Allocation:
    """The facts into cells under the table's sums, and what is left to ask."""

    out: Parsed
    facts: list[Fact]
    requests: dict[str, float] = field(default_factory=dict)
    carried: dict[str, float] = field(default_factory=dict)
    kinds: list[str] = field(default_factory=list)  # the kinds whose applications this year's results count
    said_carried: dict[str, float] = field(default_factory=dict)  # what this answer says was carried in
    assigned: dict[str, float] = field(default_factory=dict)
    deferred: list[Fact] = field(default_factory=list)  # results of no kind among several: placed once the rest are
    placed: dict[tuple[str, str], float] = field(default_factory=dict)  # what uncounted results took, by row and kind
    unknown_kind: list[Fact] = field(default_factory=list)

    def put(self, row: str, kind: str, count: float) -> None:
        key = ("t3", row, kind)
        self.out.cells[key] = self.out.cells.get(key, 0) + count

    def left(self, kind: str) -> float:
        return self.requests.get(kind, 0) + self.said_carried.get(kind, 0) - self.assigned.get(kind, 0)

    def left_with_carried(self, kind: str) -> float:
        """What is left of a kind's applications, last year's carried in included (results said of those: “去年结转的
        那些，……其他都公开了”)."""
        return self.requests.get(kind, 0) + self.carried.get(kind, 0) - self.assigned.get(kind, 0)


def _requests_and_carried(a: Allocation, reading: Reading) -> bool:
    """Applications by kind and those carried in; False when the answer contradicts itself (refused)."""
    facts, out = a.facts, a.out
    a.unknown_kind = [f for f in facts if f.what == "requests" and f.kind is None]
    for f in facts:
        if f.what == "requests" and f.kind is not None:
            a.requests[f.kind] = a.requests.get(f.kind, 0) + (f.count or 0)
    results = [f for f in facts if f.what == "result"]
    said_in = sum(f.count or 0 for f in facts if f.what == "carried_in")
    if reading.no_requests and (a.requests or sum(f.count or 0 for f in results) > sum(a.carried.values()) + said_in):
        out.refusal = "前面说没有收到申请，后面又有办理结果的件数，对不上。请重新说一遍今年的申请和办理情况。"
        return False
    if a.unknown_kind:
        said = "、".join(f.clause if f.what == "requests" and not words().carry_next.search(f.clause) else "结转的申请"
                        for f in a.unknown_kind)
        out.questions.append(f"“{said}”的申请人是哪类{KIND_LIST}？例如“自然人申请3件”。")
    for kind, n in a.requests.items():
        out.cells[("t3", "new", kind)] = n
    a.kinds = [k for k, n in a.requests.items() if n] + [k for k, n in a.carried.items() if n and k not in a.requests]
    last_year = dict(a.carried)
    for f in facts:
        if f.what != "carried_in":
            continue
        carried_kind = f.kind or (a.kinds[0] if len(a.kinds) == 1 else None) or _carried_by(last_year, f.count)
        if carried_kind is None:
            out.questions.append(f"“{f.clause}”是哪类申请人的（自然人、商业企业……）？例如“自然人上年结转1件”。")
            continue
        a.said_carried[carried_kind] = a.said_carried.get(carried_kind, 0) + (f.count or 0)
        out.cells[("t3", "carried", carried_kind)] = a.said_carried[carried_kind]
    a.carried.update(a.said_carried)
    return True


def _carried_by(last_year: dict[str, float], count: float | None) -> str | None:
    """The kind whose applications last year's report carried into this one, when they are the ones said (“去年结转的
    103件”: last year carried 103 of one kind)."""
    kinds = [k for k, n in last_year.items() if n]
    return kinds[0] if len(kinds) == 1 and last_year[kinds[0]] == count else None


def _kind_of_total(a: Allocation, f: Fact) -> str | None:
    return f.kind or (a.kinds[0] if len(a.kinds) == 1 else None)


def _check_together(a: Allocation) -> None:
    """“连同去年结转的一共12件”: this year's applications and last year's carried in must come to the figure."""
    for f in a.facts:
        if f.what != "with_carried":
            continue
        kind = _kind_of_total(a, f)
        kinds = [kind] if kind else a.kinds
        both = sum(a.requests.get(k, 0) + a.carried.get(k, 0) for k in kinds)
        if both != f.count:
            a.out.questions.append(f"“{f.clause}”：今年新收加上上年结转是{format_number(both)}件，和{format_number(f.count or 0)}"
                                   "件对不上。请再说一下今年新收几件、上年结转几件。")


def _check_all_finished(a: Allocation) -> None:
    """“没有转到明年的”, “都办完了”: every application of this year and last year's carried in has its result — when the
    results said leave some, what became of them is asked, never carried on."""
    for kind, n in a.requests.items():
        applications = n + a.carried.get(kind, 0)
        accounted = sum(v for (_, row, k), v in a.out.cells.items() if k == kind and row not in ("new", "carried"))
        if applications > accounted and not any(f.what == "result" and f.kind is None for f in a.facts):
            a.out.questions.append(f"说都办完了、没有结转下年度，但{words().kind_names[kind]}的申请{format_number(applications)}件里"
                                   f"还有{format_number(applications - accounted)}件没有说办理结果。是什么结果？")


def _finished_left(a: Allocation, kind: str | None) -> float | None:
    """What a kind's results total (“个人一共办结3150件”) leaves of its applications, this year's and last year's: what
    carries on (“其余转明年”); None when no total was said."""
    said = [f.count or 0 for f in a.facts if f.what == "done" and kind is not None and _kind_of_total(a, f) == kind]
    if not said:
        return None
    return a.requests.get(kind or "", 0) + a.carried.get(kind or "", 0) - sum(said)


def _for_every_kind(a: Allocation, f: Fact) -> bool:
    """“自然人5件，企业2件；全部予以公开”, “三件都公开了”: every kind's applications not yet accounted for."""
    room_all = sum(a.left(k) for k in a.kinds)
    if f.kind is None and f.count is not None and len(a.kinds) > 1 and f.count == room_all:
        f.for_all, f.count = True, None
    kinds = [k for k in a.kinds if k != "natural"] if f.organisations else _kinds_said_before(a, f)
    if f.organisations and not kinds:  # “法人的都公开了” with no organisation's applications counted: asked
        a.out.questions.append(f"“{f.clause}”：前面没有说法人或其他组织申请了几件，是哪类（商业企业、科研机构、社会公益组织、"
                               "法律服务机构，或其他组织）、各几件？")
        return True
    if not (f.for_all and (len(kinds) > 1 or f.organisations and kinds)):
        return False
    for k in kinds:
        left = a.left(k)
        if left > 0:
            a.assigned[k] = a.assigned.get(k, 0) + left
            a.put(f.row_id, k, left)
    return True


def _kinds_said_before(a: Allocation, f: Fact) -> list[str]:
    """The kinds “都” speaks of: not those whose applications the same answer says only after it (“公益协会2件，农科所
    1件，都公开了；另外个人申请1件，部分公开”: not the person's) — a later answer's kinds are (“都公开了”, then the
    kinds; a case moved to another kind)."""
    at = next(i for i, x in enumerate(a.facts) if x is f)
    before = {x.kind for x in a.facts[:at] if x.what in ("requests", "carried_in")}
    after = {x.kind for x in a.facts[at + 1:] if x.what in ("requests", "carried_in") and x.turn == f.turn}
    return [k for k in a.kinds if k in before or k not in after] or a.kinds


def _kind_of_result(a: Allocation, f: Fact, questions_open: bool) -> str | None:
    """The kind a result of no kind is of: the only one there is; else it waits (deferred), or the answer is
    refused when no application was said at all ("" then)."""
    if len(a.kinds) == 1:
        return a.kinds[0]
    nothing_said = not a.kinds and not a.requests and not a.unknown_kind and f.count
    if nothing_said and questions_open:
        return None  # the applications are asked about (“企业申请了若干件”): their results wait for the count
    if nothing_said:
        # asked, not refused: the results stay, and the next answer's kinds (“公开的那几件是个人申请的”) take them
        ask = "只说了办理结果，没有说收到几件申请、是哪类申请人的。请补充，例如“公开的都是自然人申请的”。"
        if ask not in a.out.questions:
            a.out.questions.append(ask)
        return ""
    if f.count and not a.unknown_kind:
        a.deferred.append(f)
    return None


def _place_result(a: Allocation, f: Fact, questions_open: bool) -> bool:
    """One result into its cell; False when the answer is refused."""
    if f.row_id.endswith("_"):
        ask = next(q for _, prefix, q in words().groups if prefix == f.row)
        a.out.questions.append(f"“{f.clause}”：{ask}？")
        if f.count is not None and f.kind is not None:
            a.assigned[f.kind] = a.assigned.get(f.kind, 0) + f.count  # counted, so that a 都 after it leaves it out
        return True
    if _for_every_kind(a, f):
        return True
    kind = f.kind
    if kind is None:
        kind = _kind_of_result(a, f, questions_open)
        if not kind:
            return kind is None
    count, left = f.count, (a.left_with_carried(kind) if f.of_carried else a.left(kind))
    if count is None:
        if left <= 0 and not a.out.cells.get(("t3", f.row_id, kind)):
            a.out.questions.append(f"“{f.clause}”是几件？")
        if left <= 0:
            return True  # (“也都公开了” of applications already counted as 公开)
        count = left
    elif count > left + (0 if f.of_carried else a.carried.get(kind, 0)) and kind not in ({kind_of(f.clause)} - {None}) \
            and len(a.kinds) > 1:
        f.kind = None
        a.deferred.append(f)  # a kind carried over from an earlier clause, but its requests are used up
        return True
    a.assigned[kind] = a.assigned.get(kind, 0) + count
    a.put(f.row_id, kind, count)
    if f.count is None:
        a.placed[(f.row_id, kind)] = a.placed.get((f.row_id, kind), 0) + count
    return True


def _place_deferred(a: Allocation, results: list[Fact]) -> None:
    """Results of no kind among several kinds: the only kind whose applications are not yet all accounted for."""
    unclear = []
    for f in a.deferred:
        # what later answers said of this row with its kind is part of this count said for every kind
        count = (f.count or 0) - sum(a.placed.get((f.row_id, g.kind or ""), 0) for g in results
                              if g.turn > f.turn and g.row == f.row and g.kind is not None and g.count is None)
        if count <= 0:
            continue
        room = {k: a.requests.get(k, 0) + a.carried.get(k, 0) - a.assigned.get(k, 0) for k in a.kinds}
        open_kinds = [k for k, left in room.items() if left > 0]
        if len(open_kinds) == 1 and count <= room[open_kinds[0]]:
            a.assigned[open_kinds[0]] = a.assigned.get(open_kinds[0], 0) + count
            a.put(f.row_id, open_kinds[0], count)
        else:
            unclear.append(f.clause)
    if unclear:
        names = "、".join(words().kind_names[k] for k in a.kinds) or "几类申请人"
        a.out.questions.append(f"申请人有{names}{'几类' if a.kinds else ''}，办理结果要分别填。“{'、'.join(unclear)}”分别是哪类"
                               "申请人的？请补充，例如“自然人予以公开3件，企业予以公开1件”。")


def _reserve_carried_on(a: Allocation) -> None:
    """“有3件还没办完，其他都公开了”: what carries on, counted, is not among what “其他” takes."""
    for f in a.facts:
        kind = f.kind or (a.kinds[0] if len(a.kinds) == 1 else None)
        if f.what == "carry_next" and f.count and kind:
            a.assigned[kind] = a.assigned.get(kind, 0) + f.count


def _carry_on(a: Allocation) -> None:
    """Applications carried on into next year: a count, or what is left of their kind's."""
    for f in a.facts:
        if f.what != "carry_next":
            continue
        kind = f.kind or (a.kinds[0] if len(a.kinds) == 1 else None)
        count = f.count
        if count is None and (left_over := _finished_left(a, kind)) is not None:
            count = left_over if left_over > 0 else None  # “个人一共办结3450件，其余转明年”
        if count is None:
            # (“去年转来的103件连同新收的……，其余都没办完，转明年”: last year's said carried in are among the rest)
            left = a.left(kind) if kind else 0
            if left <= 0:
                a.out.questions.append(f"“{f.clause}”是几件？")
                continue
            count = left
        if count == 0:
            continue
        if kind is None:
            kind = _only_kind_left(a, count)
        if kind is None:
            a.out.questions.append(f"结转下年度的“{f.clause}”是哪类申请人的？")
            continue
        a.put("carry_next", kind, count)


def _only_kind_left(a: Allocation, count: float) -> str | None:
    """The kind of cases carried on said without one: the only kind whose applications the results leave exactly
    that many of (“公司的都办完了”, then “还有20件没办完”)."""
    left = {k: a.requests.get(k, 0) + a.carried.get(k, 0) - a.assigned.get(k, 0) for k in a.kinds}
    open_kinds = [k for k, n in left.items() if n > 0]
    return open_kinds[0] if len(open_kinds) == 1 and left[open_kinds[0]] == count else None


def allocate(reading: Reading, carried: dict[str, float] | None) -> Parsed:
    out = Parsed(questions=list(reading.questions), not_understood=list(reading.not_understood))
    _implied_requests(reading.facts, reading, carried)
    a = Allocation(out, reading.facts, carried=dict(carried or {}))
    if not _requests_and_carried(a, reading):
        return out
    # results with their count first: “都” (or a count left to be inferred) takes what they leave — “都公开了，企业那2件
    # 是部分公开” says 2 of the 企业's are not among the 公开
    results = [f for f in a.facts if f.what == "result"]
    results = [f for f in results if f.count is not None] + [f for f in results if f.count is None]
    questions_open = bool(reading.questions)
    _reserve_carried_on(a)
    for f in results:
        if not _place_result(a, f, questions_open):
            return out
    _place_deferred(a, results)
    _carry_on(a)
    _check_together(a)
    if reading.no_carry:
        _check_all_finished(a)
    return out


def read_turn(reading: Reading, text: str, turn: int, fmt: ReportFormat | None = None,
              carried: dict[str, float] | None = None) -> Reading:
    """One more answer about 表三 read against what the earlier ones said (`reading`, left as it was): its clauses,
    their frames, the facts in their scope added."""
    out = reading.model_copy(deep=True)
    found = clauses(text.strip(), names_a_row, turn=turn)
    labels = result_labels(fmt)
    out = read([frame(c, labels) for c in join_reasons(exact_after_approximate(expand_asides(found)))], out, carried)
    return _told_later(_shares_given(out, turn, fmt), turn, len(reading.not_understood))


def _told_later(out: Reading, turn: int, before: int) -> Reading:
    """“剩下2件没法办” (not understood), then “1件是……；另1件是……”: an answer that only tells what became of cases,
    as many as a clause an earlier answer left not understood (the first `before` of them) counted, is what that
    clause meant — not a clause of this answer (“还有1件……”, one more case told after all were said to be done)."""
    said = [x for x in out.facts if x.turn == turn]
    if not said or any(x.what != "result" or x.count is None for x in said):
        return out
    told = sum(x.count or 0 for x in said)
    earlier = next((c for c in out.not_understood[:before] if count_of(c) == told), None)
    if earlier is not None and turn:
        out.not_understood.remove(earlier)
    return out


def _shares_given(out: Reading, turn: int, fmt: ReportFormat | None = None) -> Reading:
    """A breakdown asked back because it did not add up is answered by the row said again with its kinds."""
    said = {(x.what, x.row) for x in out.facts if x.turn == turn and x.kind is not None}
    for o in [o for o in out.opened if o.part == "shares" and o.turn < turn]:
        row = result_of(o.words, result_labels(fmt))
        what = ("result", row) if row else ("carry_next", "carry_next") if words().carry_next.search(o.words) \
            else ("requests", "new")
        if what in said:
            out.opened.remove(o)
            if o.question in out.questions:
                out.questions.remove(o.question)
    return out


def cells_of(reading: Reading, transcript: str, carried: dict[str, float] | None = None) -> Parsed:
    """The cells the facts said so far come to (settled, then allocated under the sums), and what is missing;
    `carried`: last year's applications carried into this year (kind → count), which results may account for."""
    reading = reading.model_copy(deep=True)
    reading.facts = settle(reading.facts)
    for f in reading.facts:
        if reading.rest_kind and f.what in ("result", "carry_next") and f.kind is None:
            f.kind, f.explicit = reading.rest_kind, True  # what the kinds said left: “其余都是个人的”
    _of_the_only_kind(reading)
    out = allocate(reading, carried)
    if out.refusal or out.cells or out.questions or reading.no_requests:
        return out
    if any(f.what == "result" for f in reading.facts):
        # Refine waiting: “都公开了” said before the applications — kept, and distributed when they are said
        out.questions.append("收到几件申请、是哪类申请人的？例如“自然人申请3件，企业1件”。")
        return out
    if not re.search(NUM, transcript):
        out.refusal = "没听明白：回答里没有件数。请写成“自然人申请3件，予以公开2件，本机关不掌握1件”这样；没有申请请回答“没有”。"
    elif not _all_zero_said(transcript):
        out.refusal = "没听明白。请写成“自然人申请3件，予以公开2件，本机关不掌握1件”这样，带上申请人、件数和办理结果。"
    return out


def _of_the_only_kind(reading: Reading) -> None:
    """“收到6件，都是老百姓个人的……还剩1件12月28号才收到”, “全是个人申请。公开4件，……”: every applicant said to be
    of one kind, and no other kind said anywhere — the applications said without a kind are of it; with none counted
    at all, so are the results (their sum is the applications).  With several kinds said, still asked."""
    kind = reading.only_kind
    said = {f.kind for f in reading.facts if f.what in ("requests", "result", "carry_next", "carried_in")} - {None}
    if kind is None or said - {kind}:
        return
    counted = any(f.what in ("requests", "carried_in") for f in reading.facts)
    if _among_the_counted(reading, kind):
        reading.facts = [f for f in reading.facts if not (f.what == "requests" and f.kind is None)]
    for f in reading.facts:
        if f.kind is None and (f.what == "requests" or not counted and f.what in ("result", "carry_next") and f.count):
            f.kind, f.explicit = kind, True


def _among_the_counted(reading: Reading, kind: str) -> bool:
    """“收到6件，都是个人的” … “4件公开，1件不掌握，另外1件年底才收到，转明年”: the applications said of no kind are
    among those counted when what became of every one is told and comes to no more than those counted."""
    facts = reading.facts
    outcomes = [f for f in facts if f.what in ("result", "carry_next")]
    if any(f.count is None for f in outcomes) or not any(f.what == "requests" and f.kind is None for f in facts):
        return False
    counted = sum(f.count or 0 for f in facts if f.what in ("requests", "carried_in") and f.kind == kind)
    return bool(counted) and sum(f.count or 0 for f in outcomes) <= counted


ADDING = Marker("follow_up")


def _stated(text: str, fmt: ReportFormat | None = None, corrections: bool = False) -> list[Fact]:
    """The applications an answer states with a count (not spoken of, not what became of them; not put right
    unless `corrections`)."""
    labels = result_labels(fmt)
    if ADDING.search(text):
        return []
    frames = [frame(c, labels) for c in expand_asides(clauses(text.strip(), names_a_row))]
    if any(f.partitive and f.refers_to for f in frames):
        return []  # “重复申请那8件里有2件，……”: some of the cases said, not applications
    return [f for f in read(frames).facts
            if f.what == "requests" and f.count and (corrections or not f.correction) and not f.refers
            and not result_of(f.clause, labels)  # “公司申请的2件都公开了” tells what became of them
            and not LATE.search(f.clause)]  # “有7件年底才收到”: some of them, or one more — never the year afresh


def _counts_results(text: str, fmt: ReportFormat | None = None) -> bool:
    """Whether an answer, read alone, counts results of its own (“公开5件，不掌握2件”)."""
    labels = result_labels(fmt)
    # (“企业的6件和律所的4件都公开了”: all of a kind's, by its count — whose the results said were, no results afresh)
    return any(f.what == "result" and f.count and not f.quantified
               for f in read([frame(c, labels) for c in expand_asides(clauses(text.strip(), names_a_row))]).facts)


def kinds_stated(text: str, fmt: ReportFormat | None = None, corrections: bool = False,
                 known: dict[str | None, float] | None = None) -> set[str | None]:
    """The kinds whose applications an answer states; with `known` (kind → count said before), not a kind's
    applications spoken of again by their count (“企业的6件：……”)."""
    return {f.kind for f in _stated(text, fmt, corrections)
            if not (known and known.get(f.kind) == f.count and _SPOKEN_OF.search(f.clause) and "申请" not in f.clause)}


_SPOKEN_OF = re.compile(r"的|那")


def states_requests(text: str, fmt: ReportFormat | None = None, earlier: TableState | None = None) -> bool:
    """Whether an answer describes this year's applications afresh, after what `earlier` (a TableState of the
    question) said: it states the applications of a kind already said (“自然人申请5件…” again), or a count of no
    kind again.  Then it replaces what was said.  A correction (“申请应该是7件”), an addition (“还有企业申请1件”), the
    applications of a kind not said before, or the kind of those counted without one (“三件都是老百姓申请的”) is a
    follow-up."""
    facts = earlier.requests_reading.facts if earlier is not None else []
    counts: dict[str | None, float] = {}
    for f in facts:
        if f.what == "requests" and f.count:
            counts[f.kind] = counts.get(f.kind, 0) + f.count
    kinds = kinds_stated(text, fmt, known=counts)
    if not kinds:
        return False
    known = {f.kind for f in facts if f.what == "requests"}
    if _kind_of_all_counted(text, fmt, counts, facts):
        return False
    if not known:
        # (“都公开了” said before any application waits for them: what follows is their count, not a new account;
        # “公开1400，部分公开500……” said for every kind before: an answer counting the applications by kind, and
        # saying no counted result of its own, tells whose they were — “企业40、律所22，企业和律所的都公开了”)
        if any(f.what == "result" and f.count is None for f in facts):
            return False
        return not any(f.what == "result" and f.count for f in facts) or _counts_results(text, fmt)
    return bool(kinds & (known - {None})) or (None in kinds)


def _kind_of_all_counted(text: str, fmt: ReportFormat | None, counts: dict[str | None, float], facts: list[Fact]) -> bool:
    """“一共5件，……另外2件是同一个人重复来要的” (3 of no kind, 2 a person's) then “5件都是村民个人申请的”: every
    application counted said to be of one kind — the kind of those said without one, no new account."""
    stated = _stated(text, fmt)
    if len(stated) != 1 or stated[0].kind is None or not stated[0].quantified or not set(counts) <= {None, stated[0].kind}:
        return False
    if None in counts and stated[0].count == sum(counts.values()):
        return True
    # (“有一个人……，不予公开；另一个……，给了” then “俩都是个人”: the cases told, all of that kind)
    return sum(counts.values()) < (stated[0].count or 0) == _outcomes_told(facts) and not _counts_results(text, fmt)


def _all_zero_said(text: str) -> bool:
    from gkassist.dialogue.answers.text import all_zero

    return all_zero(text)


def kinds_confirmed(reading: Reading, text: str) -> bool:
    """Whether an answer only names kinds of applicant its applications were already taken to be (“合作社算公司吧，
    就按企业算”): no figure, no result — it confirms what was read, though it changes nothing."""
    named = kinds_in(text)
    said = {f.kind for f in reading.facts if f.what in ("requests", "carried_in")}
    return bool(named) and set(named) <= said and not re.search(NUM, text) and not result_of(text) \
        and not group_of(text)


def names_a_result(text: str) -> bool:
    """Whether an answer names a result of 表三 in the reader's words: a reason or its group, or 公开 with a count of
    cases (“网站公开了300条” alone is no result)."""
    for c in clauses(text.strip(), names_a_row):
        row = result_of(c.text)
        if (row and (row != "open" or re.search(NUM + r"\s*件", c.text))) or group_of(c.text):
            return True
    return False


def names_a_row(piece: str) -> bool:
    """Whether a piece of an answer typed with spaces names a row or column of some table (then it is a clause)."""
    w = words()
    flat = _not_results(piece)
    patterns = [p for p, _ in w.results] + [p for p, _, _ in w.groups] + [p for p, _ in w.outcomes] \
        + [p for p, _ in w.t2_rows] + [w.carry_next]
    return any(p.search(flat) for p in patterns)
