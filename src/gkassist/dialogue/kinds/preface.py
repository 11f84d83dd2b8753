"""The paragraph before 一: asked once (the office, phone, address, where the report is published), carried over
from last year's report when it had them, written the standard way (dialogue.preface)."""

from __future__ import annotations

from gkassist.core.flow import Step
from gkassist.core.model import Report
from gkassist.dialogue.kinds import StepKind, kind
from gkassist.dialogue.kinds.field import SAME_AS_LAST
from gkassist.dialogue.preface import Contact, contact_from_answer, preface_paragraph, renamed, settled, unit_named
from gkassist.dialogue.register import self_name
from gkassist.dialogue.replies import Pending, Reply
from gkassist.dialogue.state import DialogueState
from gkassist.importer.contact import read_contact


def _last_contact(state: DialogueState) -> Contact:
    """Last year's contact block: as the importer read it from the published report, else from its preface."""
    last = state.last_year
    if last is None:
        return Contact()
    found = Contact(**read_contact(last))  # (the importer's reading: an office named by a rule cited is none)
    if last.imported is not None and last.imported.contact:
        found = Contact(**last.imported.contact).merged(found)
    return found


def _missing(contact: Contact, text: str) -> list[str]:
    """The details still missing: the office and phone a preface always gives, and the address when the clerk spoke
    of it (“还是那个电话和地址”) and it is not known."""
    return contact.missing() + (["地址"] if "地址" in text and not contact.address else [])


@kind
class Preface(StepKind):
    name = "preface"

    def hint(self, state: DialogueState, step: Step) -> str:
        last = _last_contact(state)
        return f"去年报告里写的：{last.describe()}。没有变化可以回答“同去年”。" if last.describe() else ""

    def understand(self, state: DialogueState, step: Step, text: str) -> list[Reply]:
        pending = state.pending
        earlier = pending if pending is not None and pending.step == step.id and not pending.saved else None
        # the unit as the clerk names it (“地址……街道办事处一楼” in a draft begun from a 镇's report): the report is theirs
        agency = unit_named(text, state.report.agency) or (earlier.agency if earlier is not None else "")
        report = state.report.model_copy(update={"agency": agency}) if agency else state.report
        if SAME_AS_LAST.match(text):
            contact = _last_contact(state)  # (none at all: the standard paragraph still opens the report)
            left: list[str] = []
        else:
            contact, left = contact_from_answer(text, _last_contact(state), report.agency)
            if earlier is not None and earlier.contact is not None:
                contact = contact.merged(earlier.contact)  # a reply to “还缺……”/“请说……” adds to what was said
        paragraph = preface_paragraph(report, contact)
        state.pending = Pending(step.id, paragraphs=[paragraph], contact=contact, agency=agency)
        replies = [Reply(f"我理解为：{contact.describe() or '（没有读到联系方式）'}\n将写在报告开头：{paragraph}", "understood")]
        if agency:
            old, new = self_name(state.report), self_name(report)
            replies.append(Reply(f"您说的本单位是“{agency}”，不是“{state.report.agency}”：回答“对”后，报告标题、落款都写“{agency}”"
                                 + (f"，正文里的“{old}”都改为“{new}”" if old != new else "") + "。", "understood"))
        if left:
            replies.append(Reply("这些没有用上：" + "、".join(f"“{x}”" for x in left)
                                 + "。如果是联系方式，请说明是哪一项（如“传真0431-…”“邮箱…”）。", "error"))
        if not contact.site:  # (not asked for: many published reports name none, but the clerk may want it)
            replies.append(Reply("没有读到报告公开的网站，开头就不写“本报告电子版可在……查阅和下载”；要写上就说“网站……”。"))
        if (missing := _missing(contact, text)) and (SAME_AS_LAST.match(text) or settled(text)):
            # the clerk said these are as last year's, which gave none: asked once (what is known is written meanwhile;
            # “对” keeps it so), never a piece of the answer printed in their place
            return replies + [Reply(f"去年的报告没有写{'、'.join(missing)}，没法照去年的写：请直接说一下，例如“电话0431-12345678，"
                                    "地址某某镇政府大楼二楼”；不写就回答“对”保存。", "error")]
        if missing:
            state.pending.asking = True
            return replies + [Reply(f"还缺{'、'.join(missing)}，请补充（例如“党政办，电话0431-12345678”）。", "error")]
        return replies + [Reply("对吗？回答“对”保存，或重新说一遍。")]

    def store(self, state: DialogueState, step: Step, pending: Pending) -> None:
        if pending.agency and pending.agency != state.report.agency:
            renamed(state.report, pending.agency)  # (the engine renames the draft's file after it)
        state.report.preface = list(pending.paragraphs)

    def answered(self, step: Step, report: Report) -> bool:
        return bool(report.preface)

    def saved(self, state: DialogueState, step: Step) -> list[Reply]:
        if not state.report.preface:
            return []
        state.pending = Pending(step.id, paragraphs=list(state.report.preface), saved=True)
        return [Reply("已保存的是：\n" + "\n".join(state.report.preface), "understood"),
                Reply("回答“对”保持不变；直接写新的内容会替换它。")]
