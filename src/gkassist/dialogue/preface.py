"""The paragraph before 一、总体情况: what the report is based on, the period it covers, where to download it and
whom to ask.  Asked once (the office, phone, address, where it is published), carried over from last year's
report when it had them, written in the standard way."""

from __future__ import annotations

import os
import re

from gkassist.core import levels
from gkassist.core.model import Report
from gkassist.dialogue.register import register_data, self_name
from gkassist.dialogue.replywords import reply_words
from gkassist.importer.contact import Contact, contact_in

__all__ = ["Contact", "contact_in", "contact_from_answer", "full_office", "preface_paragraph", "renamed", "settled",
           "unit_named"]

def preface_paragraph(report: Report, contact: Contact) -> str:
    """The standard opening: basis, contents, period, where to download it, whom to ask."""
    y = report.year
    text = (f"本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条的规定编制，内容包括"
            f"{report.format.contents()}。本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。")
    if contact.site:
        text += f"本报告电子版可在{contact.site}查阅和下载。"
    details = "；".join(f"{label}：{value}" for label, value in (
        ("地址", contact.address), ("邮编", contact.postcode), ("电话", contact.phone), ("传真", contact.fax),
        ("电子邮箱", contact.email)) if value)
    if contact.office or details:
        text += f"如对本报告有疑问，请与{contact.office or report.agency}联系" + (f"（{details}）" if details else "") + "。"
    return text


# ------------------------------------------------------------------ a clerk's answer, field by field
_FIELD_SAID = (("address", r"(?:通讯|联系|办公)?地址"), ("postcode", r"邮(?:政)?编(?:码)?"), ("site", r"网站|网址|网页|专栏|公开平台"),
               ("email", r"(?:电子)?邮箱|邮件|e-?mail|Email|EMAIL"), ("fax", r"传真"), ("phone", r"(?:联系)?电话|手机|座机"),
               ("office", r"科室|部门|单位|办公室|党政办|综合办"))
_STILL = re.compile(r"^(?:还是|仍是|依然是|仍然是|也是)")
# “去年就没留电话”“今年也不写地址”: a field the clerk says the report gives none of (never asked for again)
# (“报告里不放电话地址”“不列电话”“地址不附了”: the same, by another verb of printing)
_NONE = re.compile(r"没(?:有)?(?:单独)?(?:留|写|登|公布|放|列|附|印)|不(?:单独)?(?:留|写|登|公布|放|列|附|印)|没有(?=电话|地址|邮箱|传真|网站)|(?:电话|地址|邮箱|传真)(?:都)?没有(?!变|改|换|动)")
_ALL_FIELDS = ("office", "phone", "address", "postcode", "site", "email", "fax")
_SELF_OFFICE = re.compile(r"^(?:局|镇|乡|街道|委|中心|办)(?=办公室|党政办|综合办|办)")
# an office of the unit's own said with the unit's kind only and more words before its last (“局信息公开领导小组办公室”)
_SELF_LONG = re.compile(r"^(局|镇|乡|街道|委|中心)([\u4e00-\u9fff]{2,20}(?:办公室|小组|中心|科|股|室))$")
_SHORT_OFFICE = {"党政办": "党政办公室", "综合办": "综合办公室", "政务公开办": "政务公开办公室"}


# the pieces of an answer: parted by punctuation, and in a run-on said with none (“党政办然后电话是……然后地址是……还有网站就是……”)
# where a connector or a number ends one field and the name of the next follows — “地址和电话都没变” stays one piece
_RUN_ON = re.compile(r"[，,；;。\n]+|(?:(?<=[\d号楼层室])|然后|还有|另外|再就是|再有|以及)\s*(?=(?:联系|办公|通讯)?(?:电话|地址|网站|网址|邮编|邮政编码|邮箱|传真))")
# “找我们街道党政办就行”: whom to ask is the office, without the asking and the unit's own word for itself (街道 stays:
# it says the office is the unit's own)
_ASKING = re.compile(r"^(?:请|就)?(?:找|联系|问|打给)")


def _own_office(office: str) -> str:
    office = _ASKING.sub("", office)
    for word in sorted(register_data().self_names.say, key=len, reverse=True):
        if office.startswith(word) and len(office) > len(word) + 1:
            rest = office[len(word):]
            # (“我们街道党政办”: 街道 was said after 我们 — the unit's kind, kept; “我们党政办”: nothing to keep)
            return next((k for k in ("街道", "镇", "乡", "局", "委") if word.endswith(k)), "") + rest
    return office


def contact_from_answer(text: str, last: Contact, agency: str) -> tuple[Contact, list[str]]:
    """The contact details a clerk's answer gives, field by field: “地址和网站跟去年一样” takes those from last year's,
    “还是局办公室” last year's office, “局办公室” the office's full name; and the pieces no field took (said back, never
    dropped silently)."""
    said = [p.strip() for p in _RUN_ON.split(text) if p and p.strip()]
    pieces = [q for p in said for q in _as_reference(p)]
    declined = [p for p in pieces if _NONE.search(p) and not re.search(r"\d", p)]
    contact = contact_in("，".join(p for p in pieces if p not in declined))
    left = []
    for piece in pieces:
        named = [f for f, pattern in _FIELD_SAID if re.search(pattern, piece)]
        if piece in declined:
            continue  # what the report gives none of is no field, and nothing left unused
        if reply_words().same_as_last_year.search(piece) or _STILL.match(piece) and not re.search(r"\d", piece):
            # “跟去年一样”“联系方式没变”: every field last year's report gave; “还是局办公室”: the office
            every = not named and not _STILL.match(piece)
            for field in named or (_ALL_FIELDS if every else ["office"]):
                if every and getattr(contact, field):
                    continue  # a field said in this answer stays
                if every and not getattr(last, field):
                    continue
                if getattr(last, field):
                    setattr(contact, field, getattr(last, field))
                elif reply_words().same_as_last_year.search(getattr(contact, field)):
                    setattr(contact, field, "")  # “地址跟去年一样” where last year's report gave none: never printed
                    left.append(piece)
            if _STILL.match(piece) and "office" in (named or ["office"]) and not last.office:
                contact.office = _STILL.sub("", piece)
            continue
        if not any(getattr(contact, f) and getattr(contact, f) in piece for f in ("office", "phone", "address",
                                                                                   "postcode", "site", "email", "fax")):
            if not re.search(r"\d", piece) and not named and not contact.office and len(piece) <= 20:
                contact.office = piece  # a short name with no label first: the office (“党政办”)
            elif not re.search(r"联系|负责", piece):
                left.append(piece)
    for piece in declined:  # a field the clerk says the report gives none of is none, though last year's had it
        for field in (f for f, pattern in _FIELD_SAID if f != "office" and re.search(pattern, piece)):
            setattr(contact, field, "")
    contact.office = full_office(_own_office(contact.office), last.office, agency)
    # (a piece pointing at details last year's report did not give is no unused words: the preface asks for them)
    return contact, [p for p in left if p in said]


# the words a piece may hold besides an office and the fields' names when it only points at details known already
# (“还是党政办那个电话和地址”, “管委会办公室那个地址和电话”, “请与党政办的电话地址联系”): no value of its own
_POINTING = re.compile(r"请与|请|跟|和|与|及|、|那个|这个|那|的|还是|仍是|也是|都|就|用|还|联系方式|联系|原来|以前|之前|去年")
_POINTED = "跟去年一样"
_FIELD_NAMES = re.compile(r"(?:联系|办公)?电话|(?:通讯|联系|办公)?地址|邮(?:政)?编(?:码)?|传真|(?:电子)?邮箱|网站|网址")
_OFFICE_NAMED = re.compile(r"^(?:请与|还是|仍是|也是|就是|就)?([\u4e00-\u9fff]{0,12}?(?:办公室|党政办|综合办|政务公开办))")


def _as_reference(piece: str) -> list[str]:
    """A piece that names fields but gives no value of them (“还是党政办那个电话和地址”) points at details known
    already: the office it names, and those fields as last year's (“党政办”, “电话地址跟去年一样”) — never the words
    themselves printed as an address or an office.  Any other piece as it is."""
    if re.search(r"\d", piece) or not _FIELD_NAMES.search(piece):
        return [piece]
    office = m[1] if (m := _OFFICE_NAMED.match(piece)) else ""
    rest = piece[m.end():] if m else piece
    fields = _FIELD_NAMES.findall(rest)
    if _POINTING.sub("", _FIELD_NAMES.sub("", rest)).strip() or not fields:
        return [piece]
    return ([office] if office else []) + ["".join(fields) + _POINTED]


def settled(text: str) -> bool:
    """Whether the answer says the details are last year's or that the report gives some none (“跟去年一样”“电话不写”):
    what is still missing is then not asked for again — the preface is written with the details known."""
    return bool(reply_words().same_as_last_year.search(text) or _NONE.search(text)
                or any(p.endswith(_POINTED) for piece in re.split(r"[，,；;。\n]+", text) for p in _as_reference(piece.strip())))


def full_office(office: str, last_office: str, agency: str) -> str:
    """An office said the short way, in full: “局办公室” → last year's name of that office when it is this unit's,
    else the unit's name and the office (“某某局办公室”); “党政办”, “党政办公室” → “某某镇人民政府党政办公室”."""
    if not office:
        return ""
    office = _STILL.sub("", office)
    bare = office.removeprefix("镇").removeprefix("乡")
    if bare in _SHORT_OFFICE.values():  # “党政办公室” alone: the unit's own, named with the unit as reports do
        return last_office if last_office and agency in last_office and last_office.endswith(bare) else agency + bare
    short = _SHORT_OFFICE.get(bare, None)
    if (m := _SELF_LONG.match(office)) and last_office and agency in last_office and last_office.endswith(m[2][-5:]):
        return last_office  # “局信息公开领导小组办公室”: last year's full name of the unit's own office
    if m:
        return agency + m[2]  # (no such office last year: named with the unit, as published reports do)
    if _SELF_OFFICE.match(office) or short or office == "办公室":  # “办公室” alone is the unit's own
        kind = re.sub(r"^.*?(办公室|党政办|综合办|政务公开办|办)$", r"\1", office)
        if last_office and agency in last_office and last_office.endswith(_SHORT_OFFICE.get(kind, kind)[-3:]):
            return last_office
        rest = _SHORT_OFFICE.get(kind, _SELF_OFFICE.sub("", office))
        return agency + rest
    return office


# ------------------------------------------------------------------ the unit as the clerk names it
def _full_endings(level: levels.Level) -> list[str]:
    """The endings of a body's full name at this level (prompts/levels.yaml: 镇人民政府, 街道办事处, 片区管理局 …),
    longest first; the short ones (镇, 街道) name no body on their own inside a sentence."""
    spec = levels.words().levels.get(level)
    return sorted((w for w in (spec.bodies if spec else ()) if len(w) >= 4), key=len, reverse=True)


def unit_named(text: str, agency: str) -> str:
    """The unit's full name when the clerk's answer names it as another kind of body of its level than the draft
    does (“地址德惠市郭家街道办事处一楼” for a draft of 德惠市郭家镇人民政府: 德惠市郭家街道办事处), "" otherwise.  Only
    the same place (郭家) is renamed, and only within its level: a department's address in a government building
    renames nothing."""
    level = levels.level_of(agency)
    endings = _full_endings(level)
    own = next((e for e in endings if agency.endswith(e)), "")
    if not own:
        return ""
    core = agency[: -len(own)]
    said = re.compile(r"([\u4e00-\u9fff]{2,20}?)(" + "|".join(map(re.escape, endings)) + ")")
    for m in said.finditer(text):
        place, ending = m.group(1), m.group(2)
        shared = os.path.commonprefix([place[::-1], core[::-1]])  # (the place's own name: “地址在石桥” and 青岚县石桥)
        if len(shared) >= 2 and ending[0] != own[0]:  # (镇政府 for 镇人民政府 is the same body)
            return core + ending
    return ""


def renamed(report: Report, agency: str) -> tuple[str, str]:
    """The report made the unit's as the clerk named it: its name, title and level, and its self-name in every
    paragraph already written (“我镇” → “我街道”).  (old self-name, new self-name)."""
    old = self_name(report)
    report.agency = agency
    report.title = report.format.title(agency, report.year)
    report.level = levels.level_of(agency)
    new = self_name(report)
    if new != old:
        mine = {old: new, "本" + old[1:]: "本" + new[1:]}
        swap = re.compile("|".join(map(re.escape, mine)))
        report.preface = [swap.sub(lambda m: mine[m.group(0)], p) for p in report.preface]
        report.sections = {k: [swap.sub(lambda m: mine[m.group(0)], p) for p in ps] for k, ps in report.sections.items()}
    return old, new
