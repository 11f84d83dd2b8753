"""Table answers in everyday Chinese → the cells they mean, or a question back.  Never a silent guess.

An answer is read clause by clause, the way a colleague would read it:
- numbers in every form (3、３、三、两、十二, “一家公司申请了1件”), an implied 1 (“法院判决撤销，被纠正”);
- applicant kinds by their everyday names (个人、群众、公司、律所、村委会…) and the result rows by theirs
  (信息不存在 → 本机关不掌握, 投诉举报 → 信访举报投诉类…);
- scope: a kind named with a result (“自然人予以公开4件、部分公开1件”) or as a heading (“个人的：…”,
  “企业：…”) governs the results after it until another kind is named;
- quantifiers: 都/全部/均 + a result → every request in scope (or the count just said: “办结2件（都公开了）”);
- negation of the thing counted (没有收到申请, 没有结转, 没有复议诉讼, 没有制发也没有废止) → 0;
- a result with no number → the requests in scope not yet accounted for, when that is a definite count.

What cannot be tied down (several applicant kinds and results that name none, a 不予公开 without its reason,
a vague “法人或者其他组织”) becomes a question; what is impossible (negative numbers, results without
requests, no numbers, not Chinese) becomes a refusal.  No language model is involved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gkassist.core.numbers import format_number, parse_number

Cells = dict[tuple[str, str, str], int | float]


@dataclass
class Parsed:
    """What a table answer said: the cells, and what must be asked or refused before anything is stored."""

    cells: Cells = field(default_factory=dict)
    questions: list[str] = field(default_factory=list)  # asked back; the understood cells wait for the reply
    refusal: str = ""  # the answer cannot be used at all: say why, store nothing
    not_understood: list[str] = field(default_factory=list)  # clauses with a number that named nothing known


# ------------------------------------------------------------------ words
# Everyday names of the applicant kinds (表三's columns), most specific first.
KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("法律服务机构", "legal"), ("律师事务所", "legal"), ("律所", "legal"), ("律师", "legal"), ("法律服务", "legal"),
    ("科研机构", "research"), ("科研院所", "research"), ("研究所", "research"), ("研究院", "research"),
    ("高校", "research"), ("大学", "research"),
    ("社会公益组织", "nonprofit"), ("公益组织", "nonprofit"), ("社会组织", "nonprofit"), ("基金会", "nonprofit"),
    ("协会", "nonprofit"), ("志愿", "nonprofit"),
    ("商业企业", "business"), ("企业", "business"), ("公司", "business"), ("厂", "business"), ("商户", "business"),
    ("个体户", "business"), ("合作社", "business"),
    ("其他组织", "other"), ("其他类", "other"), ("村委会", "other"), ("居委会", "other"), ("村民委员会", "other"),
    ("社区", "other"), ("业委会", "other"), ("学校", "other"), ("医院", "other"),
    ("自然人", "natural"), ("个人", "natural"), ("群众", "natural"), ("公民", "natural"), ("村民", "natural"),
    ("居民", "natural"), ("市民", "natural"), ("老百姓", "natural"), ("百姓", "natural"), ("农户", "natural"),
)
KIND_LABELS = {"natural": "自然人", "business": "商业企业", "research": "科研机构", "nonprofit": "社会公益组织",
               "legal": "法律服务机构", "other": "其他组织"}
VAGUE_KINDS = re.compile(r"法人或(?:者)?其他组织|法人和其他组织|单位")

# Everyday names of 表三's result rows (a regular expression each), most specific first.
RESULT_WORDS: tuple[tuple[str, str], ...] = (
    (r"部分公开|区分处理|部分予以公开", "partial"),
    (r"国家秘密|涉密|保密", "deny_1"),
    (r"法律行政法规禁止|法律法规禁止|法规禁止", "deny_2"),
    (r"三安全一稳定|国家安全|公共安全|经济安全|社会稳定", "deny_3"),
    (r"第三方|商业秘密|个人隐私|隐私", "deny_4"),
    (r"内部事务|内部管理|人事管理|后勤管理", "deny_5"),
    (r"过程性|讨论记录|过程稿|磋商|请示报告", "deny_6"),
    (r"行政执法案卷|执法案卷|案卷", "deny_7"),
    (r"行政查询|查询事项", "deny_8"),
    (r"不掌握|信息不存在|不存在|没有该信息|没有这个信息|没有相关信息|非本机关|不属于本机关|查无", "unable_1"),
    (r"另行制作|没有现成|需要制作|加工|汇总", "unable_2"),
    (r"补正后[^，]*仍不明确|仍不明确|内容不明确|补正后", "unable_3"),
    (r"信访|投诉|举报", "reject_1"),
    (r"重复申请|重复提出", "reject_2"),
    (r"公开出版物|出版物", "reject_3"),
    (r"大量反复|反复申请|大量申请", "reject_4"),
    (r"确认或重新出具|重新出具|确认已获取", "reject_5"),
    (r"逾期不补正|不补正|未补正|没有补正", "other_1"),
    (r"逾期未(?:按收费通知要求)?缴|未按收费通知|不缴费|未缴纳费用|没交费|未缴费", "other_2"),
    (r"其他处理", "other_3"),
    (r"(?<!不予)(?<!不)(?:予以)?公开(?!出版物)|提供了|已提供|同意公开", "open"),
)
# Headings of groups of result rows: said after the reason they do not add a count (“涉及国家秘密，不予公开”),
# said alone they leave the reason unknown.
GROUP_WORDS: tuple[tuple[str, str, str], ...] = (
    (r"不予公开|不公开", "deny_", "不予公开的理由是哪一项（国家秘密、第三方合法权益、内部事务信息、过程性信息、行政执法案卷……）"),
    (r"无法提供", "unable_", "无法提供的原因是哪一项（本机关不掌握、需要另行制作、补正后仍不明确）"),
    (r"不予处理", "reject_", "不予处理的原因是哪一项（信访举报投诉、重复申请、要求提供公开出版物……）"),
    (r"不再处理", "other_", "不再处理的原因是哪一项（逾期不补正、逾期未缴费，或其他）"),
)
# applications last year's report carried into this year (表三 二、上年结转), not 结转下年度
CARRIED_IN = re.compile(r"(?:上一?年度?|去年|往年)(?:结转|转来|转入|遗留|没办完|未办结)(?:过来|来)?的?")
CARRY = re.compile(r"结转|延期|明年|下一?年度?(?:继续|再|才|答复|办理)|转入下|跨年|正在办理|还在办理|尚在办理|未办结|没办完|尚未答复|还没答复")
QUANTIFIER = re.compile(r"都|全部|均|全都|一律|全")
# Phrases whose words would otherwise be read as a result or an application.
_NOT_RESULTS = re.compile(r"政府信息公开|信息公开|依申请公开|公开申请|主动公开|公开渠道")

NO_REQUESTS = re.compile(r"(?:没有|没|未|无|零)(?:收到|接到|受理|接收|人)?(?:过)?(?:任何)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?申请")
NO_CARRY = re.compile(r"(?:没有|无|未|不)(?:需要)?(?:结转|延期)|结转[^，]*?(?:没有|无)")
NO_APPEALS = re.compile(r"(?:没有|没|未|无)(?:发生|出现|被)?(?:过)?(?:因?政府信息公开)?(?:被申请)?(?:行政)?(?:复议|诉讼|起诉)")

# Numbers: arabic (full-width too), decimals, Chinese numerals; a count is the number before 件 etc.
_NUM = r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万]+)"
_UNIT = r"(?:件|个|条|宗|次|份|项|起|例|笔|家|名|位|所)"
# Arabic numbers count anywhere; a Chinese numeral only with a unit after it (第三方, 三安全一稳定 are words).
_COUNT = re.compile(r"(-|负|－)?([0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万]+(?=\s*" + _UNIT + r"))\s*" + _UNIT + "?")
_NEGATIVE = re.compile(r"(?:^|[^0-9])[-－负]\s*[0-9０-９一二两三四五六七八九十]")
_CLAUSE_SPLIT = re.compile(r"[，,、；;。！!？?：:\n（）()\[\]【】]+|其中|另外|另有|此外|以及|还有(?=\d|[一二两三四五六七八九十])")


def _unspaced(text: str) -> str:
    """Spaces typed instead of commas separate clauses; spaces inside a clause (“申请 3 件”) do not."""
    text = re.sub(r"([0-9０-９零〇一二两三四五六七八九十百千万])\s+(?=[件个条项次家])", r"\1", text)  # “3 件”
    pieces = [p for p in re.split(r"\s+", text.strip()) if p]
    out: list[str] = []
    for piece in pieces:
        if out and not re.search(_NUM, out[-1]) and not _names_a_row(out[-1]):
            out[-1] += piece  # “自然人 申请3件”: the piece before has no number and no row of its own
        else:
            out.append(piece)
    return "，".join(out)


def _names_a_row(piece: str) -> bool:
    patterns = [p for p, _ in RESULT_WORDS] + [p for p, _, _ in GROUP_WORDS] + [p for p, _ in T4_OUTCOME_WORDS] \
        + [p for p, _ in T2_ROW_WORDS] + [CARRY.pattern]
    return any(re.search(p, _NOT_RESULTS.sub("", piece)) for p in patterns)


def _clauses(text: str) -> list[tuple[str, bool, bool]]:
    """(clause, ends with a colon: it heads what follows, ends a sentence or a “；” part) in order."""
    text = _unspaced(text)
    out = []
    pos = 0
    for m in _CLAUSE_SPLIT.finditer(text):
        piece = text[pos:m.start()].strip()
        if piece:
            out.append((piece, bool(re.search(r"[:：]", m.group(0))), bool(re.search(r"[；;。！!？?\n]", m.group(0)))))
        pos = m.end()
    tail = text[pos:].strip()
    if tail:
        out.append((tail, False, True))
    return out


def _count(clause: str, after: str = "") -> int | float | None:
    """The count a clause states (the number before 件 if there is one), None when it states none."""
    matches = [m for m in _COUNT.finditer(clause) if parse_number(m.group(2)) is not None]
    if not matches:
        return None
    # the number of requests (件) before the number of applicants (一家公司)
    with_unit = [m for m in matches if re.match(r"\s*(?:件|条|宗|次|份|项|起|例|笔)", clause[m.end(2):])]
    m = (with_unit or matches)[-1 if after else 0]
    value = parse_number(m.group(2).replace("．", "."))
    return value


def _kind(clause: str) -> str | None:
    return next((kind for word, kind in KIND_WORDS if word in clause), None)


def _result(clause: str, labels: tuple[tuple[str, str], ...] = ()) -> str | None:
    """The result row a clause names: by its everyday words, else by the row's own label in the report's format
    (a row a new format adds is understood by its label)."""
    flat = _NOT_RESULTS.sub("", clause)
    found = next((row for pattern, row in RESULT_WORDS if re.search(pattern, flat)), None)
    return found or next((row for label, row in labels if label in flat), None)


def result_labels(fmt) -> tuple[tuple[str, str], ...]:
    """(label without its numbering, row) of 表三's result rows, longest first."""
    if fmt is None:
        return ()
    rows = [fmt.t3.row(r) for r in fmt.result_rows]
    return tuple(sorted(((r.plain_label, r.id) for r in rows if len(r.plain_label) >= 3), key=lambda x: -len(x[0])))


def _group(clause: str) -> tuple[str, str] | None:
    flat = _NOT_RESULTS.sub("", clause)
    return next(((prefix, question) for pattern, prefix, question in GROUP_WORDS if re.search(pattern, flat)), None)


def _refusing_the_impossible(parse):
    """What no table can take, refused before any table reads it: no Chinese at all, a negative count."""
    def parse_or_refuse(text: str, *args) -> Parsed:
        if not re.search(r"[\u4e00-\u9fff]", text):
            return Parsed(refusal="请用中文回答（数字可以直接写），例如“自然人申请3件，予以公开2件”。")
        if _NEGATIVE.search(text):
            return Parsed(refusal="件数不能是负数，请写实际的件数。")
        return parse(text, *args)
    parse_or_refuse.__doc__ = parse.__doc__
    return parse_or_refuse


# ------------------------------------------------------------------ 表三
@_refusing_the_impossible
def parse_t3(text: str, known_requests: dict[str, float] | None = None, carried: dict[str, float] | None = None,
             fmt=None) -> Parsed:
    """`known_requests`: the applications already understood (kind → count) when this answers a question back;
    `carried`: last year's applications carried into this year (kind → count), which results may account for;
    `fmt`: the report's format, whose row labels name results too."""
    labels = result_labels(fmt)
    out = Parsed()
    text = text.strip()
    requests: dict[str, float] = {}  # kind → applications said in this answer
    known = dict(known_requests or {})
    results: list[tuple[str | None, str, float | None, str, bool]] = []  # (kind, row, count, clause, for every kind)
    carry: list[tuple[str | None, float | None, str]] = []
    carried_in: list[tuple[str | None, float, str]] = []
    unknown_kind_requests: list[tuple[str, float]] = []
    no_requests = bool(NO_REQUESTS.search(text))
    scope: str | None = None  # the applicant kind whose results are being listed
    recent: str | None = None  # the kind of the applications just said, in this part of the sentence
    segment_kinds: list[str] = []  # every kind whose applications this part of the sentence has named
    announced: str | None = None  # “申请人均为自然人”: a kind said before its count
    last_count: float | None = None  # “办结2件” — what a following 都 refers to
    last_row: str | None = None
    last_carry_clause = ""
    for clause, heads, part_ends in _clauses(text):
        if VAGUE_KINDS.search(clause) and not _kind(VAGUE_KINDS.sub("", clause)):
            out.questions.append(f"“{clause}”是哪类申请人（商业企业、科研机构、社会公益组织、法律服务机构，或其他组织）？")
            continue
        kind = _kind(clause)
        row = _result(clause, labels)
        group = _group(clause)
        count = _count(clause)
        quantified = bool(QUANTIFIER.search(clause))
        applies = bool(re.search(r"申请|收到|受理|接到|提出", clause))
        if kind and count is None and row is None and not CARRY.search(clause):
            if heads:
                scope = kind  # “自然人：” / “个人的：” heads the results that follow
            elif unknown_kind_requests:
                # “一共五件申请，都是个人申请的”: the kind of the applications just counted
                for _, n in unknown_kind_requests:
                    requests[kind] = requests.get(kind, 0) + n
                unknown_kind_requests.clear()
                recent = kind
            else:
                announced = kind  # “申请人均为自然人，共3件”
            if part_ends:
                recent = None
            continue
        if CARRIED_IN.search(clause) and row is None:
            if count:  # “上年结转1件”: last year's applications, which this year's results may account for
                single = recent if len(set(segment_kinds)) <= 1 else None  # after several kinds: which one?
                carried_in.append((kind or scope or single or announced, count, clause))
        elif NO_CARRY.search(clause):
            pass  # “没有结转”: 0, the default
        elif CARRY.search(clause) and row is None:
            if (kind or applies) and count:
                requests[kind or "?"] = requests.get(kind or "?", 0) + count  # “自然人申请1件还没办完”
            if not (carry and count is None and carry[-1][2] == last_carry_clause):
                carry.append((kind or scope or recent, count, clause))
            last_carry_clause = clause
        elif row is None and group is not None:
            prefix, question = group
            if not (last_row and last_row.startswith(prefix) and count is None) and count != 0:
                out.questions.append(f"“{clause}”：{question}？")
        elif row is not None:
            if not (row == last_row and count is None and not kind):  # not the same result said again
                if kind:
                    scope = kind
                if count is None and quantified and last_count is not None:
                    count = last_count
                # “都” after several kinds' applications means all of them; after one kind's, that kind's
                several = len(set(segment_kinds)) > 1
                for_all = kind is None and scope is None and quantified and count is None and (recent is None or several)
                implied = recent if (count is None or quantified) and not for_all else None
                results.append((kind or scope or implied, row, count, clause, for_all))
                last_row = row
                last_count = None
        elif count is None:
            pass  # words with no number and no known row: “均已按期答复”
        elif kind or applies:
            if not (NO_REQUESTS.search(clause) and count == 0):
                if kind is None and announced:
                    kind = announced
                if kind is None:
                    if count:
                        unknown_kind_requests.append((clause, count))
                else:
                    requests[kind] = requests.get(kind, 0) + count
                    recent = kind
                    segment_kinds.append(kind)
        elif re.search(r"办结|答复|办理|处理|完成", clause):
            last_count = count
        elif announced and count and announced not in requests:
            requests[announced] = count  # “申请人均为自然人，共3件”
            recent = announced
        elif count != 0:
            out.not_understood.append(clause)
        if part_ends:
            recent = None
            segment_kinds.clear()
    if "?" in requests:
        unknown_kind_requests.append(("结转的申请", requests.pop("?")))
    if no_requests and (requests or any(c for _, _, c, _, _ in results)):
        out.refusal = "前面说没有收到申请，后面又有办理结果的件数，对不上。请重新说一遍今年的申请和办理情况。"
        return out
    if unknown_kind_requests:
        out.questions.append(f"“{'、'.join(c for c, _ in unknown_kind_requests)}”的申请人是哪类（自然人、商业企业、科研机构、"
                             "社会公益组织、法律服务机构、其他组织）？例如“自然人申请3件”。")
    for kind, n in requests.items():
        out.cells[("t3", "new", kind)] = n
    requests = {**known, **requests}
    kinds = [k for k, n in requests.items() if n]
    carried = dict(carried or {})
    said_carried: dict[str, float] = {}  # what this answer says was carried in: part of what its results count
    for kind, count, clause in carried_in:
        kind = kind or (kinds[0] if len(kinds) == 1 else None)
        if kind is None:
            out.questions.append(f"“{clause}”是哪类申请人的（自然人、商业企业……）？例如“自然人上年结转1件”。")
            continue
        said_carried[kind] = said_carried.get(kind, 0) + count
        out.cells[("t3", "carried", kind)] = said_carried[kind]
    carried.update(said_carried)
    assigned: dict[str, float] = {}
    unclear: list[str] = []
    for kind, row, count, clause, for_all in results:
        explicit = {_kind(clause)} - {None}  # the kind this very clause names
        if for_all and len(kinds) > 1:
            # “自然人5件，企业2件；全部予以公开”: every kind's requests not yet accounted for
            for k in kinds:
                left = requests[k] - assigned.get(k, 0)
                if left > 0:
                    assigned[k] = assigned.get(k, 0) + left
                    out.cells[("t3", row, k)] = out.cells.get(("t3", row, k), 0) + left
            continue
        if kind is None:
            if len(kinds) == 1:
                kind = kinds[0]
            elif not kinds and not requests and not unknown_kind_requests and count:
                out.refusal = "只说了办理结果，没有说收到几件申请、是哪类申请人的。请一并说明，例如“自然人申请3件，予以公开2件”。"
                return out
            else:
                if count != 0:
                    unclear.append(clause)
                continue
        left = requests.get(kind, 0) + said_carried.get(kind, 0) - assigned.get(kind, 0)
        if count is None:
            if left <= 0:
                out.questions.append(f"“{clause}”是几件？")
                continue
            count = left
        elif count > left + carried.get(kind, 0) and kind not in explicit and len(kinds) > 1:
            unclear.append(clause)  # a kind carried over from an earlier clause, but its requests are used up
            continue
        assigned[kind] = assigned.get(kind, 0) + count
        key = ("t3", row, kind)
        out.cells[key] = out.cells.get(key, 0) + count
    if unclear:
        names = "、".join(KIND_LABELS[k] for k in kinds) or "几类申请人"
        out.questions.append(f"申请人有{names}{'几类' if kinds else ''}，办理结果要分别填。“{'、'.join(unclear)}”分别是哪类申请人的？"
                             "请补充，例如“自然人予以公开3件，企业予以公开1件”。")
    for kind, count, clause in carry:
        kind = kind or (kinds[0] if len(kinds) == 1 else None)
        if count is None:
            left = requests.get(kind, 0) - assigned.get(kind, 0) if kind else 0
            if left > 0:
                count = left
            else:
                out.questions.append(f"“{clause}”是几件？")
                continue
        if count == 0:
            continue
        if kind is None:
            out.questions.append(f"结转下年度的“{clause}”是哪类申请人的？")
            continue
        out.cells[("t3", "carry_next", kind)] = out.cells.get(("t3", "carry_next", kind), 0) + count
    if not out.cells and not out.questions and not no_requests and not re.search(_NUM, text):
        out.refusal = "没听明白：回答里没有件数。请写成“自然人申请3件，予以公开2件，本机关不掌握1件”这样；没有申请请回答“没有”。"
    elif not out.cells and not out.questions and not no_requests and not _all_zero(text):
        out.refusal = "没听明白。请写成“自然人申请3件，予以公开2件，本机关不掌握1件”这样，带上申请人、件数和办理结果。"
    return out


def _all_zero(text: str) -> bool:
    numbers = [parse_number(m.group(2)) for m in _COUNT.finditer(text)]
    return bool(numbers) and all(n == 0 for n in numbers)


def says_nothing_happened(text: str, table: str) -> bool:
    """“没有”“本年度未收到政府信息公开申请”“复议诉讼都没有”“0件”: the whole table is 0."""
    flat = re.sub(r"[\s，,。；;！!、]", "", text)
    if re.fullmatch(r"(?:本年度?|今年|全年)?(?:都|全|均)?(?:是|为)?(?:没有|无|没|0件?|零件?|0|零)(?:的)?", flat):
        return True
    if re.search(r"一(?:件|个|起|次)[^，。]{0,8}?(?:也|都)(?:没|未|无)", flat) and len(_COUNT.findall(flat)) == 1:
        return True  # “一件申请也没收到”: the 一 says none at all
    if _COUNT.search(flat) and not _all_zero(flat):
        return False
    negated = re.search(r"没有|没|未|无|零|0", flat)
    if table == "t3":
        return bool(NO_REQUESTS.search(flat) or (negated and "申请" in flat and not _result(flat)))
    if table == "t4":
        return bool(negated and re.search(r"复议|诉讼|起诉", flat) and not re.search(r"维持|纠正|撤销|撤回|审结|审理", flat))
    return False


# ------------------------------------------------------------------ 表四
T4_BLOCK_WORDS = ((r"复议后(?:又|再)?(?:起诉|诉讼|提起|打官司)|复议之后(?:又)?(?:起诉|诉讼)|经复议后", "suit_after_review"),
                  (r"未经复议|直接起诉|起诉|诉讼|法院|被告|官司|应诉", "suit_direct"),
                  (r"复议", "review"))
T4_OUTCOME_WORDS = ((r"尚未审结|未审结|在审|审理中|还没判|未判决|没有结果|未结案|尚未结案|正在审理|还在审", "pending"),
                    (r"其他结果|撤回|撤诉|终止|调解|和解|驳回起诉|不予受理", "other"),
                    (r"纠正|撤销|确认违法|责令|败诉|重新答复", "corrected"),
                    (r"维持|驳回|胜诉|支持了我们", "upheld"))
T4_OUTCOME_LABELS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}


@_refusing_the_impossible
def parse_t4(text: str) -> Parsed:
    out = Parsed()
    block: str | None = None
    counts: dict[str, float] = {}
    outcomes: dict[str, list[tuple[str, float | None]]] = {}
    for clause, _, _ in _clauses(text):
        named = next((b for pattern, b in T4_BLOCK_WORDS if re.search(pattern, clause)), None)
        if named and NO_APPEALS.search(clause) and _count(clause) in (None, 0):
            block = named
            continue
        if named == "suit_direct" and block == "suit_after_review" and not re.search(r"直接|未经复议", clause):
            named = block  # “复议后起诉1件，法院维持”: the court of that same suit
        block = named or block
        outcome = next((o for pattern, o in T4_OUTCOME_WORDS if re.search(pattern, clause)), None)
        count = _count(clause)
        if block is None:
            if count:
                out.not_understood.append(clause)
            continue
        if outcome is None:
            if count is not None:
                counts[block] = counts.get(block, 0) + count
            continue
        if named and count is not None:
            counts[block] = counts.get(block, 0) + count
            count = None  # “复议1件维持”: the count is the block's, the outcome takes it below
        outcomes.setdefault(block, []).append((outcome, count))
    for b, listed in outcomes.items():
        given = sum(c for _, c in listed if c is not None)
        open_ = [o for o, c in listed if c is None]
        total = counts.get(b, given if not open_ else None)
        for o, c in listed:
            if c is not None:
                out.cells[("t4", "cases", f"{b}.{o}")] = out.cells.get(("t4", "cases", f"{b}.{o}"), 0) + c
        distinct = list(dict.fromkeys(open_))
        if distinct:
            left = (total if total is not None else 1) - given
            if len(distinct) == 1 and left > 0:
                out.cells[("t4", "cases", f"{b}.{distinct[0]}")] = out.cells.get(("t4", "cases", f"{b}.{distinct[0]}"), 0) + left
            elif left > 0:
                names = "、".join(T4_OUTCOME_LABELS[o] for o in distinct)
                out.questions.append(f"{_T4_BLOCK_LABELS[b]}{_n(total)}件里，{names}各几件？")
    for b, n in counts.items():
        stated = sum(v for (t, r, c), v in out.cells.items() if c.startswith(b + "."))
        if n > stated and b not in outcomes:
            out.questions.append(f"{_T4_BLOCK_LABELS[b]}{_n(n)}件的结果是什么（结果维持、结果纠正、其他结果，还是尚未审结）？")
    if not out.cells and not out.questions and not re.search(_NUM, text) and not says_nothing_happened(text, "t4"):
        out.refusal = "没听明白。请写成“行政复议1件，结果维持”这样；没有复议和诉讼请回答“没有”。"
    return out


_T4_BLOCK_LABELS = {"review": "行政复议", "suit_direct": "行政诉讼（未经复议直接起诉）", "suit_after_review": "复议后起诉"}


def _n(value) -> str:
    return "" if value is None else format_number(value)


# ------------------------------------------------------------------ 表二
T2_ROW_WORDS = ((r"规章", "rules"), (r"规范性文件|规范性|红头文件|文件", "normative"),
                (r"许可", "licensing"), (r"处罚", "penalty"), (r"强制", "enforcement"),
                (r"收费|收取费用|费用|收了", "fees"))
T2_COUNT_COLUMNS = ((r"废止|废除|取消|失效|作废", "repealed"), (r"现行有效|现在有效|仍然有效|有效", "in_force"),
                    (r"制发|发了|印发|出台|发布|制定|新发|下发|发文", "issued"))
_T2_NEGATED = re.compile(r"(?:没有|没|未|无|不曾)(?:任何)?(制发|发文|发了|印发|出台|制定|废止|废除|收费|收取)")


@_refusing_the_impossible
def parse_t2(text: str) -> Parsed:
    out = Parsed()
    row: str | None = None
    for clause, _, _ in _clauses(text.replace("、", "，")) if not re.search(r"、[^，；。]*?(?:都|均|全)", text) else _distributed(text):
        rows = [r for pattern, r in T2_ROW_WORDS if re.search(pattern, clause)]
        if "rules" in rows and "normative" in rows and "规范性" not in clause:
            rows.remove("normative")  # “规章” names no 规范性文件
        if "fees" in rows and len(rows) > 1:
            rows.remove("fees")
        if rows:
            row = rows[0]
        if row is None and any(re.search(pattern, clause) for pattern, _ in T2_COUNT_COLUMNS):
            row = "normative"  # “现行有效7件” answering the question about 行政规范性文件 (规章 are named as such)
        if row is None:
            if _count(clause):
                out.not_understood.append(clause)
            continue
        count = _count(clause)
        if row in ("rules", "normative"):
            negation = re.search(r"没有|没|未|无|不曾", clause)
            if negation:
                # “没有制发”, “没有制发和废止”, “没有制发也没有废止”: each column said after the negation is 0
                span = clause[negation.start():] if count is None else _T2_NEGATED.search(clause).group(0) if _T2_NEGATED.search(clause) else ""
                for pattern, column in T2_COUNT_COLUMNS:
                    if column != "in_force" and re.search(pattern, span):
                        out.cells[("t2", row, column)] = 0
            column = next((c for pattern, c in T2_COUNT_COLUMNS if re.search(pattern, _T2_NEGATED.sub("", clause))), None)
            if count is None:
                continue
            if column is None:
                out.questions.append(f"“{clause}”是制发、废止，还是现行有效的件数？")
                continue
            out.cells[("t2", row, column)] = count
        elif row == "fees":
            amount = _fee(clause)
            if amount is None and _T2_NEGATED.search(clause) or re.search(r"(?:没有|没|未|无|不)收费|免费", clause):
                amount = 0
            if amount is not None:
                out.cells[("t2", "fees", "fee_amount")] = amount
        else:
            if count is None:
                if _T2_NEGATED.search(clause) or re.search(r"没有|无", clause):
                    out.cells[("t2", row, "decisions")] = 0
                continue
            out.cells[("t2", row, "decisions")] = count
    if not out.cells and not out.questions:
        out.refusal = ("没听明白。请写成“规范性文件制发2件，废止1件，现行有效9件；行政许可41件，行政处罚12件，"
                       "行政强制0件，收费0万元”这样。")
    return out


def _distributed(text: str):
    """“行政许可、行政处罚、行政强制都是0”: each listed row takes the number said for all of them."""
    for clause, heads, ends in _clauses(text):
        m = re.match(r"(.+?、.+?)(?:都|均|全)(?:是|为)?(.*)$", clause)
        if m:
            for part in m.group(1).split("、"):
                yield part + m.group(2), heads, ends
        else:
            yield from _clauses(clause.replace("、", "，"))


def _fee(clause: str) -> float | None:
    """The fee in 万元 (the table's unit): “2.5万元”, “3000元”, “收费0”."""
    m = re.search(r"(" + _NUM + r")\s*(万元|万|元)?", clause)
    if not m:
        return None
    value = parse_number(m.group(1).replace("．", "."))
    if value is None:
        return None
    if m.group(2) == "元":
        value = round(value / 10000, 4)
    return value
