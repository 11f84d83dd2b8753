"""The first stage of reading an answer: its clauses, the asides in brackets that belong to them, and numbers in
every form clerks write them (3、３、三、两、十二, “一家公司申请了1件”)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from gkassist.core.numbers import format_number, parse_number, read_amount
from gkassist.dialogue.answers.words import Marker
from gkassist.dialogue.sentences import in_common_words, repaired

# Numbers: arabic (full-width too), decimals, Chinese numerals; a count is the number before 件 etc.
NUM = r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万]+)"
UNIT = r"(?:件|个|条|宗|次|份|项|起|例|笔|家|名|位|所)"
# Arabic numbers count anywhere; a Chinese numeral only with a unit after it (第三方, 三安全一稳定 are words).
# (not a date, a time or a share: “12月底”, “2025年”, “30%”)
# (nor a span of time: “一个月里反复交的”, “拖了3个星期”, “15个工作日内”)
_SPAN = r"(?!\s*个?(?:月|星期|礼拜|小时|钟头|工作日|季度|多月|半月))"
COUNT = re.compile(r"(?<!第)(-|负|－)?(?<!第)([0-9０-９]+(?:[.．][0-9０-９]+)?(?![0-9０-９.．]|\s*[月日号年时点%％])" + _SPAN
                   + r"|[零〇一二两三四五六七八九十百千万]+(?=\s*" + UNIT + r")" + _SPAN + r")\s*" + UNIT + "?")
NEGATIVE = re.compile(r"(?:^|[^0-9])[-－负]\s*[0-9０-９一二两三四五六七八九十]")
# words that start a new clause of their own (not 另外/还有: “要另外制作”, “现行有效的还有3件” are one clause each)
_SPLIT = re.compile(r"[，,、；;。！!？?：:\n]+|——+|其中|另有|此外|以及")  # (“10——对了……”: a dash breaks off an aside)
# “个人的6件里”, “这9件当中”: the applications the following results are counted among
# (not “另外1件里头是别的公司的商业秘密”: what the case holds)
PARTITIVE = re.compile(r"(?:" + NUM + r")\s*件\s*(?>里面|里头|当中|之中|中间|里|中)(?:有)?(?![，,]|是)")
# “其余2件一件不掌握，一件是投诉”: the rest, then what became of each of them
REST = re.compile(r"(?:其余|剩下的?|剩余的?|余下的?)\s*(?:" + NUM + r")\s*件(?=\s*(?:一|1|两|2|三|3)\s*件)")
REST_ALONE = re.compile(r"^(?:其余|剩下的?|剩余的?|余下的?)\s*(?:" + NUM + r")\s*件$")
# a short name in quotes or 书名号 (“其他”, 「不掌握」, 《部分公开》): the quotes say it is a name, nothing more
_QUOTED = re.compile(r"[“\"「『《〈‘]([^“”\"「」『』《》〈〉‘’，,。；;]{1,12})[”\"」』》〉’]")
_HEADED_COUNT = re.compile(r"((?:^|[，,；;。！!？?\n])[^，,；;。！!？?：:\n0-9０-９]*[\u4e00-\u9fff])\s*[：:]\s*((?:一共|总共|共|有|是)?[0-9０-９零一二两三四五六七八九十]+\s*"
                           + UNIT + r"?\s*(?=[，,；;。！!]|$))")
_BRACKETS = re.compile(r"[（(\[【]([^（）()\[\]【】]*)[）)\]】]")
_ASIDE = "\ue000"  # where an aside in brackets stood
_FORMAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")


@dataclass
class Clause:
    text: str
    heads: bool = False  # ends with a colon: it heads what follows (“个人的：”)
    ends: bool = False  # ends a sentence or a “；” part
    asides: list[str] = field(default_factory=list)  # the clauses of what followed it in brackets
    turn: int = 0  # which answer of the conversation it comes from
    shares: str = ""  # the kinds' shares of its count that do not add up to it (asked)


def unspaced(text: str, names_a_row: Callable[[str], bool]) -> str:
    """Spaces typed instead of commas separate clauses; spaces inside a clause (“申请 3 件”) do not."""
    text = re.sub(r"([0-9０-９零〇一二两三四五六七八九十百千万])\s+(?=[件个条项次家])", r"\1", text)  # “3 件”
    pieces = [p for p in re.split(r"\s+", text.strip()) if p]
    out: list[str] = []
    for piece in pieces:
        tail = re.split(r"[，,、；;。：:]", out[-1])[-1] if out else ""
        if out and re.fullmatch(NUM + UNIT + "?", tail):
            out[-1] += piece  # “1件 转到明年办”: a count before the words it counts
            continue
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


# “1万2千件”, “1.2万件”, “3千5百件”: a count in the 万/千 form, before its unit (money is read by read_amount)
_MIXED_COUNT = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?\s*[万千][0-9零一二两三四五六七八九十百千]*)(?=\s*(?:多|余)?" + UNIT + ")")


_NONE_OF_THEM = re.compile(r"(?<![0-9０-９零〇一二两三四五六七八九十百千万])一(?:件|个|起|次|份|项|宗|家|条)((?:(?!的)[\u4e00-\u9fff]){0,6}?)(?:也|都)(?=没|未|无|不)")
# “单位一件没有”, “企业一个没有”: what a clause names, then not one of it — none at all (not “有一件没有”, “剩下的一件
# 没有”: one case, of which there is nothing, nor “3件公开，一件没有” at the head of its clause)
_NONE_SAID_SHORT = re.compile(r"(?<=[\u4e00-\u9fff])(?<![件个起次份项宗家条有下余外另还])(?<!下的)(?<!余的)一(?:件|个|起|次|份|项|宗|家|条)"
                              r"(?=(?:没有|没|无)(?:的|了|啊|呢)?\s*(?:$|[，,。；;！!]))")


_COPY_MADE = Marker("copy_made", "(?:WORDS)一(?=[份张])")
_RUN_ON = Marker("run_on", "(?<=[\u4e00-\u9fff0-9])(?=(?:WORDS))")
_THESE = re.compile(r"(?:(?:这|那|以上|上面)(?:" + NUM + r")?(?:项|个|样|类|块|些|几项|几个)|" + NUM
                    + r"\s*(?:项|样|块))(?=\s*(?:都|均|全))")
# “（六）3”, “(五)第2项”, “（三）之7类”: a block of the table by its number, then the number of an item in it — written
# “〔六〕第3项” (not a list's numbering, not an aside in brackets, the item's number no count)
# (a bare digit only right after the brackets: “（四）无法提供 5” read off the table is that block's count)
_BLOCK_ITEM = re.compile(r"[（(]([一二三四五六七八九十])[）)](?:([^，,。；;0-9０-９（()）]{0,6}?)(第\s*" + NUM + r"\s*(?:小项|项|类|种|条|款))|"
                         r"(?:之|的)?([0-9])(?![0-9０-９.．]|\s*(?:件|个)))\s*")


def _block_item(m: re.Match[str]) -> str:
    # (the item's number in words, and what follows joined on: “（六）3 其他 200件” is one clause)
    item = m[3] or "第" + "零一二三四五六七八九"[int(m[4])] + "项"
    return f"〔{m[1]}〕{m[2] or ''}{item}"


_LIST_NUMBER = re.compile(r"(^|[：:；;。\n])\s*(?:[0-9]{1,2}[.．](?![0-9])|[（(][0-9一二三四五六七八九十]{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])\s*")


def normalize(text: str) -> str:
    """The first stage: numerals as one form — formal numerals (贰), thousands separators (12,345), counts in the
    万/千 form (1万2千件 → 12000件); amounts of money are left with their unit for read_amount."""
    text = in_common_words(text.translate(_FORMAL))  # “莫得”, “啥子”: a dialect's words; “贰件”: cheques' numerals
    text = repaired(text)  # “58件——哦不对，是61件”: only 61
    text = _RUN_ON.compiled.sub("，", text)  # a run-on typed without commas: a clause at each chaining word
    text = _BLOCK_ITEM.sub(_block_item, text)  # “（六）3”: a numbered item of a block of the table, no list or aside
    text = _LIST_NUMBER.sub(r"\1", text)  # “1. 个人申请……；2. 企业……”, “（1）”, “①”: a list's numbering, no count
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)  # “12,345元”: a thousands separator, not a comma
    # “驳回申请、终止这些其他结果的140”: examples listed of the row named after them — the row, not a row each
    text = re.sub(r"(?:[\u4e00-\u9fff]{1,8}、)+[\u4e00-\u9fff]{1,8}(?:这些|这类|这种|那些|等等?|之类的?)(?=其他|其它)", "", text)
    # “连上年结转的一起算”, “一块儿统计”: together, not one case (起 is also a measure of cases)
    text = re.sub(r"(?:一起|一块儿?|一道)(?=算|计|统计|报|填|办|说|加|合)", "一并", text)
    text = re.sub(r"(?<![咱我你他她们])俩", "2个", text)  # “废止俩”: 俩 is two of them, 仨 three
    text = re.sub(r"(?<![咱我你他她们])仨", "3个", text)
    # “有效的呢？7件”: a label asked back to itself, then its count — one thing said
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s*[？?]\s*(?=(?:一共|总共|共|有|是)?[0-9０-９零一二两三四五六七八九十]+\s*" + UNIT + r"?\s*(?:[，,；;。！!]|$))", "", text)
    # “结转？没有”, “结转：没有”, “重复申请：无”: a label asked back (or headed), then that it had none — one thing said
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s*[？?：:]\s*(?=(?:也|都|就|是)?(?:没有|没|无|零|0\s*件?|一件也没有|一件都没有)(?:的|了|呢|啊)?\s*(?:[，,；;。！!]|$))",
                  "", text)
    # “不掌握：1件”: a label headed by a colon, then its count alone — one thing said (not “3件：…”, a count heading)
    text = _HEADED_COUNT.sub(lambda m: m[1] + m[2], text)
    text = _QUOTED.sub(r"\1", text)  # “其他处理里的“其他”1件”, 《不予公开》: a name quoted is the name
    text = _NONE_OF_THEM.sub(r"\1都", text)  # “诉讼一件都没有”, “一个也没发”: none at all, not one
    text = _NONE_SAID_SHORT.sub("都", text)
    text = _THESE.sub("", text)  # “这三项都是零”, “两项都没有”: the rows or kinds just said, named by how many
    text = _COPY_MADE.sub(lambda m: m[0][:-1], text)  # “再重新盖章出一份”: one copy asked for, not one case
    return _classed_in_brackets(_MIXED_COUNT.sub(_as_digits, text))


def _classed_in_brackets(text: str) -> str:
    """“学校1件（算社会公益组织）”: an applicant the clerk classes in brackets right after its count is of the kind said
    there (“社会公益组织1件”), whatever kind the everyday word before it would be; only a kind's own word is taken.
    “个人2800件、企业40件、其他5件”: 其他 in a list of kinds is the column 其他组织."""
    from gkassist.dialogue.answers.words import words

    return words().other_in_kinds_list.sub(r"\1其他组织", words().classed_in_brackets.sub(r"\2\1", text))


def _as_digits(m: re.Match[str]) -> str:
    said = read_amount(m.group(1))
    return format_number(said.value) if said is not None and said.end - said.start == len(m.group(1)) else m.group(0)


def clauses(text: str, names_a_row: Callable[[str], bool] = lambda piece: False, turn: int = 0) -> list[Clause]:
    """The clauses of an answer in order; what it says in brackets is kept with the clause it follows."""
    text = normalize(text)
    text = re.sub(r"[，,]\s*(?=各(?:自)?(?:申请)?(?:了)?\s*" + NUM + r"\s*件)", "", text)  # “3位群众，各1件”: one clause
    text = unspaced(text, names_a_row)
    text = re.sub(r"不是([^，,。；;]{1,20})[，,]\s*(?:而)?是", r"不是\1而是", text)  # “不是X，是Y” is one thing said
    text = re.sub(r"(是[^，,。；;]{1,20})[，,]\s*(?=(?:而|并)?不是)", r"\1", text)  # and “是Y，(而)不是X”
    text = PARTITIVE.sub(lambda m: m.group(0) + "，", text)  # “个人的6件里，5件公开…”: the scope apart
    text = REST.sub(lambda m: m.group(0) + "，", text)  # “其余2件，一件不掌握……”
    # “自然人和企业各申请2件”: so many of each kind
    text = re.sub(r"([^，,；;。]{1,8}?)(?:和|跟|与|及)([^，,；;。]{1,8}?)各(?:自)?(申请了?|有)?\s*(" + NUM + r"\s*件)",
                  lambda m: f"{m[1]}{m[3] or '申请'}{m[4]}，{m[2]}{m[3] or '申请'}{m[4]}" if _names_a_kind(m[1]) and _names_a_kind(m[2])
                  else m[0], text)
    # “企业的4件和律所那件都公开了”: each kind's with the result said of both
    text = re.sub(r"(^|[，,；;。])([^，,；;。]{1,12}?(?:的|那)[^，,；;。]{0,4}?)(?:和|跟|与|及|以及)([^，,；;。]{1,12}?)(都|均|也都)([^，,；;。]+)",
                  lambda m: f"{m[1]}{m[2]}{m[4]}{m[5]}，{m[3]}{m[4]}{m[5]}" if _names_a_kind(m[2]) and _names_a_kind(m[3]) else m[0],
                  text)
    text = _KINDS_ONE_RESULT.sub(lambda m: _each_kind(m, names_a_row), text)
    text = applicants_as_counts(text)
    text = breakdowns_as_asides(text)
    asides: list[str] = []

    def keep(m: re.Match[str]) -> str:
        asides.append(m.group(1))
        return _ASIDE
    flat = _BRACKETS.sub(keep, text)
    flat = re.sub(r"[（）()\[\]【】]", "，", flat)  # a bracket left open
    out: list[Clause] = []
    for piece, heads, ends in (x for p in _split(flat) for x in _counts_apart(*p, names_a_row)):
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


_SOFT = re.compile(r"[，,、：:]+")
_PIECES = re.compile(r"([，,、：:；;。！!？?\n]+)")
_MASK = "\ue001"
_WITHDRAWN = r"\s*(?:…|\.|—)*\s*(?:哦|噢|呃|啊)?\s*(?:不对|说错了|错了)"  # “群众8……不对”: taken back


@lru_cache(maxsize=4)  # by the word lists' alternation: built once with them, not on every answer
def _kind_part(kind_words: str) -> re.Pattern[str]:
    """One kind's share of a count: “群众40”, “公司6件”, “7件群众”, “8件是自然人申请的”, “3件是企业”."""
    return re.compile(rf"({kind_words})(?:的|申请的?|申请了)?\s*({NUM})\s*件?|({NUM})\s*件?(?:是)?({kind_words})(?:申请)?(?:的)?")


def breakdowns_as_asides(text: str) -> str:
    """“公开40件，群众33、公司7”, “公开了8件，6件群众2件企业”, “受理20件，17件是自然人申请的，3件是企业”: the kinds
    right after a count share THAT count — said as its aside (“公开40件（群众33件、公司7件）”), which the reader
    reads as the count distributed over the kinds, never as more applications."""
    from gkassist.dialogue.answers.words import words

    part = _kind_part(words().kind_words)
    brackets: list[str] = []
    def mask(m: re.Match[str]) -> str:  # a bracket kept aside while the text is cut, put back after
        brackets.append(m.group(0))
        return _MASK

    masked = _BRACKETS.sub(mask, text)
    pieces = _PIECES.split(masked)
    out: list[str] = []
    i = 0
    while i < len(pieces):
        head = pieces[i]
        shares, j = _shares_after(pieces, i, part)
        if len(shares) == 1 and parse_number(shares[0][1]) != count_of(head):
            shares = []  # one share alone is a kind's own count (“受理6件，群众4件”) unless it is the whole of it
        if shares and _MASK not in head and not _names_a_kind(head) and re.search(NUM + r"\s*件", head):
            out.append(head + "（" + "、".join(f"{w}{n}件" for w, n in shares) + "）")
            i = j
            continue
        out.append(head)
        i += 1
    return re.sub(_MASK, lambda m: brackets.pop(0), "".join(out))


_APPLICANT_COUNT = re.compile(NUM + r"\s*(?:家|个|位|名)[^，,；;。！!？?]*" + NUM + r"\s*(?:家|个|位|名)")


def applicants_as_counts(text: str) -> str:
    """“收了3个申请，一家企业2个老乡”: right after a count of applications, a clause that only lists applicants
    (“一家企业”, “2个老乡”) whose numbers add up to that count says one application each — “企业1件、老乡2件”.
    (Numbers that do not add up, or no count before them, are left as said: asked.)"""
    from gkassist.dialogue.answers.words import words

    if not _APPLICANT_COUNT.search(text):
        return text  # (most answers: nothing to look at)
    kind_words = words().kind_words
    item = rf"({NUM})\s*(?:家|个|位|名)\s*({kind_words})(?:的)?"
    pieces = _PIECES.split(text)
    for i in range(2, len(pieces), 2):
        items = re.fullmatch(rf"(?:{item}\s*(?:和|跟|与|及|、|加)?\s*){{2,}}", pieces[i])
        before = re.search(rf"({NUM})\s*(?:件|个)(?:政府信息公开|信息公开|依申请公开)?申请|申请[^，,；;。]{{0,4}}?({NUM})\s*(?:件|个)",
                           pieces[i - 2])
        if not items or not before or not _SOFT.fullmatch(pieces[i - 1]):
            continue
        found = [(m[2], parse_number(m[1])) for m in re.finditer(item, pieces[i])]
        if any(n is None for _, n in found) or sum(n or 0 for _, n in found) != parse_number(before[1] or before[2]):
            continue
        pieces[i] = "、".join(f"{w}{format_number(n or 0)}件" for w, n in found)
    return "".join(pieces)


def _shares_after(pieces: list[str], i: int, part: re.Pattern[str]) -> tuple[list[tuple[str, str]], int]:
    """The kinds' shares in the pieces after pieces[i] (pieces alternate with their separators), and where they end."""
    shares: list[tuple[str, str]] = []
    j = i + 1
    while j + 1 < len(pieces) and _SOFT.fullmatch(pieces[j]):
        if re.fullmatch(f"(?:{part.pattern})+", pieces[j + 1]):
            shares += [(m[1] or m[4], m[2] or m[3]) for m in part.finditer(pieces[j + 1])]
        elif re.fullmatch(f"(?:{part.pattern})+" + _WITHDRAWN, pieces[j + 1]):
            shares = []  # the shares said so far are taken back; the ones after put them right
        else:
            break
        j += 2
    return shares, j


def _counts_apart(piece: str, heads: bool, ends: bool, names_a_row: Callable[[str], bool]) -> list[tuple[str, bool, bool]]:
    """A clause run together with no comma, one count after another (“一件公开一件部分公开”, “个人6件企业2件”): one
    clause a count.  Where the clause opens with its count or ends with words after its last one, each count opens
    its clause; where words open and a count closes it, each count closes its clause."""
    found = [m for m in COUNT.finditer(piece) if parse_number(m.group(2)) is not None and m.group(0).strip()[-1:] in "件条个次项份起宗例"]
    if len(found) >= 2 and any(re.match(r"\s*(?:里面|里头|当中|之中|里|中)", piece[m.end():]) for m in found[:-1]):
        return [(piece, heads, ends)]  # “不掌握那2个里有1件……”: some of those counted, one thing said
    if len(found) < 2:
        # “企业公开40部分公开20”: bare figures, each closing the words of a row
        found = [m for m in COUNT.finditer(piece) if parse_number(m.group(2)) is not None and re.match(r"[0-9]", m.group(2))]
        if len(found) < 2 or piece[found[-1].end():].strip() or not piece[:found[0].start()].strip() \
                or not all(names_a_row(piece[a.end():b.start()]) for a, b in zip(found, found[1:])):
            return [(piece, heads, ends)]
    # words after the last count (“企业的1件公开1件不掌握”) say the counts come before what they count
    count_first = not piece[:found[0].start()].strip() or bool(piece[found[-1].end():].strip())
    cuts = [m.start() for m in found[1:]] if count_first else [m.end() for m in found[:-1]]
    parts = [piece[a:b] for a, b in zip([0] + cuts, cuts + [len(piece)])]
    # only where every part names something of its own (a row, a kind): “申请5件中4件…” is not cut
    if not all(names_a_row(p) or re.search(r"申请|单位", p) or _names_a_kind(p) for p in parts):
        return [(piece, heads, ends)]
    return [(p, heads and i == len(parts) - 1, ends and i == len(parts) - 1) for i, p in enumerate(parts) if p.strip()]


def count_of(clause: str) -> int | float | None:
    """The count a clause states (the number before 件 if there is one), None when it states none."""
    matches = [m for m in COUNT.finditer(clause) if parse_number(m.group(2)) is not None]
    if not matches:
        return None
    # the number of requests (件) before the number of applicants (一家公司)
    with_unit = [m for m in matches if re.match(r"\s*(?:件|条|宗|次|份|项|起|例|笔)", clause[m.end(2):])]
    m = (with_unit or matches)[0]
    return parse_number(m.group(2).replace("．", "."))


# “处罚三十八万”, “维持二百零五”: a count in Chinese numerals closing the clause, said without 件 (a numeral inside
# words — 一律, 三安全一稳定, 一审 — is no count: only one that ends the clause, of two characters or after 是/为/有)
_CLOSING_NUMERAL = re.compile(r"(?:(?<=[是为有])([零〇一二两三四五六七八九十百千万]+)|(?<![第])([零〇一二两三四五六七八九十百千万]{2,}))\s*整?$")


_CLOSING_DIGIT = re.compile(r"(?<![第零〇一二两三四五六七八九十百千万])([一二两三四五六七八九十])\s*$")


def closing_numeral(clause: str, single: bool = False) -> int | float | None:
    """The count a clause closes with in Chinese numerals and no unit (None when it does not); `single`: one
    character is enough (after the name of what is counted: “纠正六”)."""
    if m := _CLOSING_NUMERAL.search(clause):
        return parse_number(m.group(1) or m.group(2))
    m = _CLOSING_DIGIT.search(clause) if single else None
    return parse_number(m.group(1)) if m else None


def counted(clause: str) -> str | None:
    """The count as written (“2件”), to put another in its place."""
    m = next((m for m in COUNT.finditer(clause) if parse_number(m.group(2)) is not None), None)
    return m.group(0) if m else None


def all_zero(text: str) -> bool:
    numbers = [parse_number(m.group(2)) for m in COUNT.finditer(text)]
    return bool(numbers) and all(n == 0 for n in numbers)


def approximate(clause: str) -> bool:
    """“1000多件”, “5千元左右”, “大概20件”: a count said as about so many, which a table cannot hold."""
    from gkassist.dialogue.answers.words import words

    return bool(words().approximate.search(clause))


def vague(clause: str) -> bool:
    """“企业也有几件”, “发了几个”: a count said without its number."""
    from gkassist.dialogue.answers.words import words

    return bool(words().vague_counts.search(clause))


_BARE_COUNT = re.compile(r"^\s*(?:是|有|共|一共)?\s*(" + NUM + r")\s*(?:件|个|起|次|份)?\s*[。！!]?\s*$")


def with_vague_counts_answered(turns: list[str]) -> list[str]:
    """A bare count answering “具体是几件？” (“3件”) is the number of the clause that said “几件”: put in its place."""
    out: list[str] = []
    for text in turns:
        m = _BARE_COUNT.match(text)
        if m and out and vague(out[-1]):
            from gkassist.dialogue.answers.words import words

            out[-1] = words().vague_counts.sub(m.group(1) + "件", out[-1], count=1)
            continue
        out.append(text)
    return out


# “企业和律所的都是全部公开”, “企业、科研、公益、律所的都公开了”: several kinds named one after another, then one result
# with 都 — each kind's applications all had it (one clause a kind, so that 、 does not part the kinds from the result)
_KINDS_ONE_RESULT = re.compile(r"(^|[，,；;。：:])((?:[^，,；;。：:、和跟与及]{1,6}?\s*(?:、|和|跟|与|及|以及)\s*)+[^，,；;。：:、和跟与及]{1,6}?)"
                               r"(的|那边|这边|方面|这块)?((?:也)?(?:都|均|全都|全部|全|一律)[^，,；;。]+)")
_KIND_SEPARATOR = re.compile(r"\s*(?:、|和|跟|与|以及|及)\s*")


def _each_kind(m: re.Match[str], names_a_row: Callable[[str], bool]) -> str:
    """The kinds of a list said with one result, each with it (unchanged when a piece names no kind or the rest names
    no result: “个人和企业都有”)."""
    kinds = _KIND_SEPARATOR.split(m[2])
    if len(kinds) < 2 or not all(_names_a_kind(k) for k in kinds) or not names_a_row(m[4]) or re.search(NUM, m[4]):
        return m[0]
    return m[1] + "，".join(f"{k}{m[3] or '的'}{m[4]}" for k in kinds)


def _names_a_kind(piece: str) -> bool:
    from gkassist.dialogue.answers.words import words

    for phrase in words().not_kinds:
        piece = piece.replace(phrase, "")  # “个人隐私” names no applicant
    return any(word in piece for word, _ in words().kinds)
