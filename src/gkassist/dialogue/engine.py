"""The drafting dialogue, UI-free: where the conversation is in the flow (prompts/flow.yaml) and what it holds.

`Engine.answer(text)` returns the assistant's replies; a parsed answer is shown cell by cell (or as the
paragraph to be written) and stored only after the clerk confirms ("对"/"是"/"确认").  How each kind of
step reads its answer lives beside it (tables, narrative, improvements); where drafts are kept on disk
and how a session is chosen lives in `session`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from gkassist.checks import ERROR, Finding, check
from gkassist.core import formats
from gkassist.core.derive import next_year_draft
from gkassist.core.errors import InputError
from gkassist.core.model import Report
from gkassist.dialogue import session
from gkassist.dialogue.improvements import ImprovementAnswers, Proposal
from gkassist.dialogue.narrative import POLISH, RESTORE, NarrativeAnswers
from gkassist.dialogue.preface import PrefaceAnswers
from gkassist.dialogue.replies import Pending, Reply
from gkassist.dialogue.steps import Step, flow
from gkassist.dialogue.tables import SAME_AS_LAST, TableAnswers, understood_cells

YES = re.compile(r"^\s*(对|是|是的|确认|好|好的|可以|没问题|采用|ok|OK|y|yes)\s*[。！!]?\s*$")
NO = re.compile(r"^\s*(不对|不是|错了|重来|否|no|n)\s*[。！!]?\s*$")
USE = re.compile(r"\s*(用|好|好的|是|对|可以|用吧)\s*[。！!]?\s*")
DONT_USE = re.compile(r"\s*(不用|不|否|不要|算了)\s*[。！!]?\s*")
GO_ON = re.compile(r"\s*(接着写|接着|继续|继续写|接着上次)\s*[。！!]?\s*")
RESTART = re.compile(r"\s*(重新开始|重新写|重来|从头开始)\s*[。！!]?\s*")
REOPEN = re.compile(r"^\s*(?:改|修改|重写|重新写|打开|回到|跳到)\s*[：:]?\s*(.+?)\s*$")
MAX_ANSWER = 5000


class Engine(TableAnswers, NarrativeAnswers, ImprovementAnswers, PrefaceAnswers):
    def __init__(self, report: Report, last_year: Report | None = None, path: Path | None = None):
        self.report = report
        self.last_year = last_year
        self.path = path or session.draft_path(report)
        self.step_index = 0
        self.pending: Pending | None = None
        self.history: list[tuple[str, int]] = []  # (report JSON, step index) before each accepted answer
        self.proposals: list[Proposal] = []
        self.suggestions: list = []  # the phrasing suggestions shown for the pending paragraph ("参考N")
        self.offered_last_year: Report | None = None  # found after the agency was named, waiting for “用”
        self.offered_restart: "Engine | None" = None  # a fresh draft from last year, waiting for “重新开始”
        self.revisiting = False  # a part reopened by a jump: once confirmed, back to the first part still open
        self.notices: list[str] = []  # what the clerk must hear about saving (a fallback folder used)
        self.lock: session.DraftLock | None = None  # this window's lock on the draft (session.lock_draft)

    # ---------------------------------------------------------- construction and saving
    @classmethod
    def start(cls, last_year: Report | None = None, year: int | None = None, agency: str = "") -> "Engine":
        if last_year is not None:
            report, _ = next_year_draft(last_year, year)
        else:
            year = year or date.today().year - 1
            report = Report.blank(formats.format_for_year(year), agency or session.NEW_AGENCY, year, origin="draft")
        engine = cls(report, last_year)
        if last_year is not None:
            engine.step_index = flow().index("agency") + 1  # the agency carries over
        return engine

    @classmethod
    def resume(cls, path: Path) -> "Engine":
        draft = session.read_draft(path)
        engine = cls(draft.report, draft.last_year, path)
        engine.step_index = draft.step_index
        return engine

    def save(self) -> Path:
        """Write the draft; where its folder cannot be written, to the fallback folder instead (said in
        `notices`), so that no answer is lost.  Raises InputError only when neither can be written.  The lock goes
        first wherever the draft goes (renamed after its agency, the fallback folder): never a draft unlocked."""
        if self.lock is not None:
            self.lock.follow(self.path)
        try:
            return session.write_draft(self.path, self.report, self.last_year, self.step)
        except InputError as e:
            fallback = session.fallback_path(self.path)
            if fallback == self.path:
                raise
            if self.lock is not None:
                self.lock.follow(fallback)
            session.write_draft(fallback, self.report, self.last_year, self.step)
            self.notices.append(f"{e}。草稿已改存到 {fallback}，以后会自动从那里接着写。")
            self.path = fallback
            return fallback

    def take_notices(self) -> list[Reply]:
        notices, self.notices = self.notices, []
        return [Reply(n, "error") for n in notices]

    # ---------------------------------------------------------- flow
    @property
    def step(self) -> Step | None:
        steps = flow().steps
        return steps[self.step_index] if self.step_index < len(steps) else None

    @property
    def done(self) -> bool:
        return self.step is None

    def question(self) -> list[Reply]:
        step = self.step
        if step is None:
            errors = [f for f in self.findings() if f.severity == ERROR]
            tail = f"还有{len(errors)}个错误需要处理（见右侧）。" if errors else "检查没有发现错误。"
            return [Reply(f"报告已经起草完成。{tail}可以按 Ctrl+E 导出 Word，或按 F2 预览。", "done")]
        out = [Reply(step.ask)]
        if saved := self._saved_answer(step):
            return out + saved
        if step.kind == "table" or (self.last_year is not None and step.kind != "field"):
            hint = {"table": self._table_hint, "preface": lambda s: self._preface_hint()}.get(step.kind, self._narrative_hint)(step)
            if hint:
                out.append(Reply(hint))
        if step.hint:
            out.append(Reply(step.hint))
        return out

    def _saved_answer(self, step: Step) -> list[Reply]:
        """A part already answered (reopened by a jump or Ctrl+B): what is saved, kept by “对”."""
        saved = session.saved_answer(step, self.report)
        if saved is None:
            return []
        cells, paragraphs = saved
        self.pending = Pending(step.id, cells=cells, paragraphs=paragraphs)
        if step.kind == "table":
            shown = understood_cells(self.report, step.table).replace("我理解为：", "已保存的是：", 1)
        else:
            shown = "已保存的是：\n" + "\n".join(paragraphs)
        return [Reply(shown, "understood"), Reply("回答“对”保持不变；直接写新的内容会替换它。")]

    def jump(self, step_id: str) -> list[Reply]:
        index = flow().index(step_id)
        if index is None:
            return [Reply(f"没有“{step_id}”这一部分。", "error")]
        self.step_index = index
        self.pending = None
        self.revisiting = True
        self.save()  # the draft remembers the part now open
        return self.question()

    def back(self) -> list[Reply]:
        self.step_index = max(0, self.step_index - 1)
        self.pending = None
        self.revisiting = True
        return self.question()

    def offer_restart(self, fresh: "Engine") -> None:
        """This agency already has a draft of this year: ask before anything replaces it."""
        self.offered_restart = fresh

    def undo(self) -> list[Reply]:
        if not self.history:
            return [Reply("没有可以撤销的回答。", "error")]
        data, self.step_index = self.history.pop()
        self.report = Report.model_validate_json(data)
        self.pending = None
        self.save()
        return [Reply("已撤销上一个回答。")] + self.question()

    def findings(self) -> list[Finding]:
        return check(self.report, self.last_year, today=date.today())

    def export_notice(self) -> str:
        """What is still wrong with the report about to be exported: how many errors and blank cells, the first few."""
        findings = self.findings()
        errors = [f for f in findings if f.severity == ERROR]
        blank = [f for f in findings if f.rule == "BLANK"]
        parts = []
        if errors:
            parts.append(f"{len(errors)}个错误（{'；'.join(f'{f.location}：{f.message}' for f in errors[:3])}"
                         + ("……" if len(errors) > 3 else "") + "）")
        if blank:
            parts.append(f"{len(blank)}个单元格未填（{'、'.join(f.location for f in blank[:3])}"
                         + ("……" if len(blank) > 3 else "") + "）")
        return "报告还有" + "，".join(parts) + "。" if parts else ""

    # ---------------------------------------------------------- answers
    def answer(self, text: str) -> list[Reply]:
        text = (text or "").strip()
        step = self.step
        if not text:
            return [Reply("请输入回答；不清楚可以按 F1 查看帮助。", "error")]
        if self.offered_restart is not None:
            return self._answer_restart(text)
        if step is None:
            return self._reopen(text)
        if len(text) > MAX_ANSWER:
            return [Reply(f"回答太长了（{len(text)}字），请只写这一部分的内容，一次不超过{MAX_ANSWER}字。", "error")]
        if self.offered_last_year is not None:
            return self._answer_offer(text)
        for pattern, command in PENDING_COMMANDS:
            if m := pattern.fullmatch(text):
                if self.pending is None:
                    return [Reply("现在没有待确认的内容；“参考”“填”“润色”“去掉”“改”“加”要在我列出“将写入”之后用。", "error")]
                return command(self, m)
        if self.pending is not None:
            if YES.match(text):
                if self.pending.asking:
                    return [Reply("请先回答上面的问题，我再保存（或者直接重新描述整个情况）。", "error")]
                return self._accept()
            if NO.match(text):
                self.pending = None
                return [Reply("好的，请重新回答。")] + [r for r in self.question() if r.kind != "understood"][:1]
        elif YES.match(text):
            return [Reply("现在没有待确认的内容，请直接回答这一题。", "error")]
        if not re.search(r"[\u4e00-\u9fff0-9０-９]", text):
            return [Reply("请用中文回答（可以直接写数字）。", "error")]
        if step.kind == "field":
            return self._agency_answer(text)
        if step.kind == "table":
            return self._table_answer(step, text)
        if step.kind == "preface":
            return self._preface_answer(step, text)
        if step.kind == "improvements":
            return self._improvements_answer(text)
        return self._narrative_answer(step, text)

    def _agency_answer(self, text: str) -> list[Reply]:
        if SAME_AS_LAST.match(text):
            if self.last_year is None:
                return [Reply("请写出本机关的全称，例如“青岚县石桥镇人民政府”。", "error")]
            text = self.last_year.agency
        self.pending = Pending(self.step.id, paragraphs=[text])
        return [Reply(f"机关名称：{text}。对吗？（回答“对”确认）", "understood")]

    def _accept(self) -> list[Reply]:
        pending, step = self.pending, self.step
        renamed_from = None
        self.history.append((self.report.to_json(), self.step_index))
        if step.kind == "field":
            self.report.agency = pending.paragraphs[0]
            self.report.title = f"{self.report.agency}{self.report.year}年政府信息公开工作年度报告"
            renamed_from, self.path = self.path, session.name_after_agency(self.path, self.report)
        elif step.kind == "table":
            self._fill(self.report, step.table, pending.cells)
        elif step.kind == "preface":
            self.report.preface = list(pending.paragraphs)
        else:
            paras = self.report.sections.setdefault(step.section, [])
            if step.heading:
                paras[:] = _in_flow_order(step, [p for p in paras if not p.startswith(step.heading)], pending.paragraphs)
            else:
                paras[:] = pending.paragraphs  # 五 and 六 are written whole by their one step
        self.pending = None
        self.step_index += 1
        if self.revisiting:
            self.step_index = max(self.step_index, session.first_unanswered(self.report))
            self.revisiting = False
        self.save()
        if renamed_from is not None and renamed_from != self.path:
            try:
                renamed_from.unlink(missing_ok=True)  # only now: the draft is safe under its new name
            except OSError:
                pass  # a drafts folder that cannot be written (the draft went to the fallback) holds no old file
        if self.notices:
            return self.take_notices() + self.question()
        if step.kind == "field" and self.last_year is None:
            found = session.find_last_year(self.report.agency, self.report.year)
            if found is not None:
                self.offered_last_year, where = found
                return [Reply(f"已保存。找到{where}：{self.report.agency} {self.report.year - 1}年度。用它作为去年的报告吗？"
                              "用了会填好上年结转和现行有效件数，并对照去年检查重复。回答“用”或“不用”。")]
        return [Reply("已保存。")] + self.question()

    def _answer_restart(self, text: str) -> list[Reply]:
        if GO_ON.fullmatch(text):
            self.offered_restart = None
            return [Reply("好的，接着写原来的草稿。")] + self.question()
        if RESTART.fullmatch(text):
            copy = session.set_aside(self.path)  # raises (nothing changed) when no copy can be kept
            fresh, self.offered_restart = self.offered_restart, None
            self.report, self.last_year, self.step_index = fresh.report, fresh.last_year, fresh.step_index
            self.history.clear()
            self.save()
            return [Reply(f"好的，重新开始。原来的草稿留作备份：{copy}")] + self.question()
        return [Reply(self.restart_question(), "error")]

    def restart_question(self) -> str:
        r = self.report
        state = "已经写完" if self.done else f"写到“{self.step.title}”"
        return (f"{r.agency} {r.year}年度已经有一份草稿（{state}，{self.path.name}）。"
                "回答“接着写”继续这份草稿，或“重新开始”从去年的报告重新起草（原稿留作备份）。")

    def _reopen(self, text: str) -> list[Reply]:
        """A finished report: name a part (“改表三”“修改 一（四）平台建设”) to open it again."""
        m = REOPEN.match(text)
        key = re.sub(r"\s+", "", m[1] if m else text)
        steps = flow().steps
        found = [s for s in steps if re.sub(r"\s+", "", s.title).startswith(key)] or \
                [s for s in steps if key in re.sub(r"\s+", "", s.title)]
        if len(found) == 1:
            return self.jump(found[0].id)
        names = "、".join(f"“{s.title}”" for s in (found or steps))
        return [Reply(f"报告已经写完。要修改哪一部分？请说“改”加部分名称，可以是：{names}。", "error")]

    def _answer_offer(self, text: str) -> list[Reply]:
        if USE.fullmatch(text):
            last, self.offered_last_year = self.offered_last_year, None
            agency = self.report.agency
            self.report, _ = next_year_draft(last, self.report.year)
            self.report.agency = agency
            self.last_year = last
            self.save()
            return [Reply("好的，已按去年的报告填好上年结转和现行有效件数。")] + self.question()
        if DONT_USE.fullmatch(text):
            self.offered_last_year = None
            return [Reply("好的，不用去年的报告。")] + self.question()
        return [Reply("请回答“用”或“不用”。", "error")]


def _in_flow_order(step: Step, others: list[str], new: list[str]) -> list[str]:
    """A part's paragraphs put where the flow puts that part: a reopened （四） goes back before （五）."""
    order = {s.heading: i for i, s in enumerate(flow().steps) if s.heading and s.section == step.section}
    rank = lambda p: next((i for h, i in order.items() if p.startswith(h)), -1)  # noqa: E731 — unheaded first
    mine = order[step.heading]
    cut = next((i for i, p in enumerate(others) if rank(p) > mine), len(others))
    return others[:cut] + new + others[cut:]


# Commands on the answer waiting for confirmation (“将写入……”), tried in order. 加 and 填 need their colon so
# that a paragraph starting “加强……” or “填报……” stays a paragraph.
PENDING_COMMANDS = (
    (re.compile(r"参考\s*(\d)"), lambda e, m: e.take_suggestion(int(m[1]))),
    (re.compile(r"去掉\s*(\d)"), lambda e, m: e.drop_proposal(int(m[1]))),
    (re.compile(r"改\s*(\d)\s*[：:，,]?\s*(.+)", re.S), lambda e, m: e.edit_proposal(int(m[1]), m[2])),
    (re.compile(r"加\s*[：:]\s*(.+)", re.S), lambda e, m: e.edit_proposal(len(e.proposals) + 1, m[1])),
    (re.compile(r"填\s*[：:]\s*(.+)", re.S), lambda e, m: e.fill_slots(re.split(r"\s*[，,、；;\s]\s*", m[1].strip()))),
    (POLISH, lambda e, m: e.polish()),
    (RESTORE, lambda e, m: e.restore()),
)
