"""The contact block of a report (地址, 邮编, 电话, 传真, 邮箱, 网址, whom to ask): read from a published report
when it is imported (its preface, or the lines after 六 where some reports put it), and from a clerk's answer."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields

from gkassist.core.model import Report

# (an extension kept: “0000-6612400转8”)
_PHONE = re.compile(r"(?<!\d)((?:(?:0\d{2,3}[-－—]?)?[2-9]\d{6,7}|1[3-9]\d{9}|\d{3,4}-\d{7,8})(?:(?:转|-)\d{1,5}(?!\d))?)(?!\d)")
# (a clerk telling what to print: “地址写商务营运中心…”, “地址就填…”: the instruction word is no part of it)
# (“地址就在……”“地址还是在……”: the filler before the place is no part of it)
_ADDRESS = re.compile(r"(?:通讯地址|联系地址|办公地址|地址|地点)\s*(?:(?:就|都|还)?(?:写成|填成|改成|写|填|改|用)|(?:就|还|也)?(?:是在|是|在|为)|[：:，,])?\s*([^，,；;。（）()]+)")
_POSTCODE = re.compile(r"邮(?:政)?编(?:码)?\s*(?:是|为|[：:])?\s*(\d{6})")
_OFFICE = re.compile(r"([\u4e00-\u9fff]{0,24}(?:办公室|党政办|综合办|政务公开办|办公厅|管理办|工作办|中心|科|股|室|所(?![列述有在以属谓得])))")
# a published preface's “如对本报告有疑问，请与某某镇人民政府联系”, “请联系某某中心（地址：…）”
_ASK = re.compile(r"(?:请与|请联系|可联系|可与|请致电|联系部门|联系科室|联系单位)\s*(?:是|为|[：:])?\s*([\u4e00-\u9fff]{2,30}?)\s*(?=联系|[（(，,。；;：:]|$)")
_SITE = re.compile(r"([\u4e00-\u9fffA-Za-z0-9.（）()]{0,40}(?:门户网站|政府网站|网站|政务网|政府网|专栏|公开平台|网|公众号))")
# (an address is ASCII: “www.pingtan.gov.cn上下载” ends before 上)
_SITE_URL = re.compile(r"(https?://[A-Za-z0-9_./-]+|(?:https?//)?www\.[A-Za-z0-9_./-]+)")
_EMAIL = re.compile(r"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
_PHONE_AND_FAX = re.compile(r"电话\s*[/／、和及]\s*传真\s*(?:是|为|[：:])?\s*((?:0\d{2,3}[-－—]?)?\d{7,8})")
_FAX = re.compile(r"传真(?:号码)?\s*(?:是|为|[：:])?\s*((?:0\d{2,3}[-－—]?)?\d{7,8})")


@dataclass
class Contact:
    office: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    site: str = ""
    email: str = ""
    fax: str = ""

    def missing(self) -> list[str]:
        names = {"office": "联系的科室", "phone": "联系电话"}
        return [label for name, label in names.items() if not getattr(self, name)]

    def merged(self, other: "Contact") -> "Contact":
        return Contact(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def describe(self) -> str:
        labels = {"office": "科室", "phone": "电话", "address": "地址", "postcode": "邮编", "site": "公开网站",
                  "email": "电子邮箱", "fax": "传真"}
        return "，".join(f"{labels[f.name]}：{getattr(self, f.name)}" for f in fields(self) if getattr(self, f.name))


def contact_in(text: str) -> Contact:
    """The contact details a clerk's answer or last year's preface gives."""
    contact = Contact()
    if m := _EMAIL.search(text):
        contact.email = m.group(1)
        text = text.replace(m.group(1), "")
    if m := _PHONE_AND_FAX.search(text):  # “电话/传真：0591-23165370”: one number for both
        contact.phone = contact.fax = m.group(1)
        text = text.replace(m.group(0), "")
    if m := _FAX.search(text):
        contact.fax = m.group(1)
        text = text.replace(m.group(0), "")
    if m := _PHONE.search(text):
        contact.phone = m.group(1)
    if m := _ADDRESS.search(text):
        contact.address = m.group(1).strip()
    if m := _POSTCODE.search(text):
        contact.postcode = m.group(1)
    # (an office named inside a cited document's title — 《国务院办公厅……办公室关于印发……》 — is not the one to ask)
    without_address = re.sub(r"《[^》]*》", "", _ADDRESS.sub("", text))
    if m := _ASK.search(without_address):
        contact.office = m.group(1)
    elif m := _OFFICE.search(re.sub(r"^.*?(?:请与|联系部门|联系科室|联系单位|由)", "", without_address)):
        # “联系的写管委会办公室”, “联系人写…”, “科室就填…”: the words telling what to print are no part of the name
        office = re.sub(r"^(?:(?:联系(?:方式|人|部门|科室|单位)?|科室|部门|单位)的?(?:就|都|还)?(?:写成|填成|写|填|是|用|为)?|请与|是|由|在|为)"
                        r"|(?:就行|就可以|即可)$", "", m.group(1))
        contact.office = office if len(office) >= 2 else ""
    if m := _SITE_URL.search(text):
        contact.site = re.sub(r"^https?//", lambda h: h.group(0)[:-2] + "://", m.group(1))  # “https//” as printed
    elif m := _SITE.search(without_address):
        site = re.sub(r"^.*?(?:可在|在|于|通过|登录)", "", m.group(1)) if re.search(r"在|于|通过|登录", m.group(1)) else m.group(1)
        site = re.sub(r"^(?:公开|发布)?(?:网站|网址)[：:]?(?=.)", "", site)  # “网站德惠市人民政府网站”: the label said
        contact.site = re.sub(r"^(?:就是|就在|就|还是|是|在|用的是|挂在)(?=.{4})", "", site)  # “网站就是……”“网站就……”: a filler
    return contact




_ASKED = r"联系|咨询|疑问|电话|地址"


def read_contact(report: Report) -> dict[str, str]:
    """The importer's stage: last year's contact block as published, field by field (empty fields left out)."""
    preface = "".join(report.preface)
    found = contact_in(preface)
    if not re.search(_ASKED, preface):
        found.office = ""  # an office named where no one is asked to be contacted issued a rule (“国务院办公厅……办公室关于……的要求”)
    tail = "".join(report.paragraphs("other"))[-400:]  # some reports give it after 六
    if tail:
        found = found.merged(contact_in(tail))
    return {k: v for k, v in asdict(found).items() if v}
