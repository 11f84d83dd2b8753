"""The paragraph before 一、总体情况: what the report is based on, the period it covers, where to download it and
whom to ask.  Asked once (the office, phone, address, where it is published), carried over from last year's
report when it had them, written in the standard way."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from gkassist.core.model import Report

_PHONE = re.compile(r"(?<!\d)((?:0\d{2,3}[-－—]?)?[2-9]\d{6,7}|1[3-9]\d{9}|\d{3,4}-\d{7,8})(?!\d)")
_ADDRESS = re.compile(r"(?:通讯地址|联系地址|办公地址|地址|地点)\s*(?:是|在|为|[：:])?\s*([^，,；;。（）()]+)")
_POSTCODE = re.compile(r"邮(?:政)?编(?:码)?\s*(?:是|为|[：:])?\s*(\d{6})")
_OFFICE = re.compile(r"([\u4e00-\u9fff]{0,24}(?:办公室|党政办|综合办|政务公开办|办公厅|管理办|工作办|中心|科|股|室|所))")
# a published preface's “如对本报告有疑问，请与某某镇人民政府联系”, “请联系某某中心（地址：…）”
_ASK = re.compile(r"(?:请与|请联系|请致电|联系部门|联系科室|联系单位)\s*(?:是|为|[：:])?\s*([\u4e00-\u9fff]{2,30}?)\s*(?=联系|[（(，,。；;：:]|$)")
_SITE = re.compile(r"([\u4e00-\u9fffA-Za-z0-9.（）()]{0,40}(?:门户网站|政府网站|网站|政务网|政府网|专栏|公开平台|网|公众号))")
_SITE_URL = re.compile(r"(https?://[\w./-]+|www\.[\w./-]+)")


@dataclass
class Contact:
    office: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    site: str = ""

    def missing(self) -> list[str]:
        names = {"office": "联系的科室", "phone": "联系电话"}
        return [label for name, label in names.items() if not getattr(self, name)]

    def merged(self, other: "Contact") -> "Contact":
        return Contact(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def describe(self) -> str:
        labels = {"office": "科室", "phone": "电话", "address": "地址", "postcode": "邮编", "site": "公开网站"}
        return "，".join(f"{labels[f.name]}：{getattr(self, f.name)}" for f in fields(self) if getattr(self, f.name))


def contact_in(text: str) -> Contact:
    """The contact details a clerk's answer or last year's preface gives."""
    contact = Contact()
    if m := _PHONE.search(text):
        contact.phone = m.group(1)
    if m := _ADDRESS.search(text):
        contact.address = m.group(1).strip()
    if m := _POSTCODE.search(text):
        contact.postcode = m.group(1)
    without_address = _ADDRESS.sub("", text)
    if m := _ASK.search(without_address):
        contact.office = m.group(1)
    elif m := _OFFICE.search(re.sub(r"^.*?(?:请与|联系部门|联系科室|联系单位|由)", "", without_address)):
        office = re.sub(r"^(?:请与|联系人?|是|由|在|为)", "", m.group(1))
        contact.office = office if len(office) >= 2 else ""
    if m := _SITE_URL.search(text):
        contact.site = m.group(1)
    elif m := _SITE.search(without_address):
        contact.site = re.sub(r"^.*?(?:可在|在|于|通过|登录)", "", m.group(1)) if re.search(r"在|于|通过|登录", m.group(1)) else m.group(1)
    return contact


def preface_paragraph(report: Report, contact: Contact) -> str:
    """The standard opening: basis, contents, period, where to download it, whom to ask."""
    y = report.year
    text = (f"本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条的规定编制，内容包括"
            f"{report.format.contents()}。本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。")
    if contact.site:
        text += f"本报告电子版可在{contact.site}查阅和下载。"
    details = "；".join(x for x in (f"地址：{contact.address}" if contact.address else "",
                                   f"邮编：{contact.postcode}" if contact.postcode else "",
                                   f"电话：{contact.phone}" if contact.phone else "") if x)
    if contact.office or details:
        text += f"如对本报告有疑问，请与{contact.office or report.agency}联系" + (f"（{details}）" if details else "") + "。"
    return text
