"""The drafting dialogue, UI-free: where the conversation is in the flow and what it holds.

`Engine.answer(text)` returns the assistant's replies; a parsed answer is shown cell by cell (or as the
paragraph to be written) and stored only after the clerk confirms ("对"/"是"/"确认").  How each kind of
question is hinted, read and stored is its kind's (dialogue.kinds, one module a kind); where drafts are kept on
disk is `session`'s; which draft to open is `opening`'s.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

from gkassist.checks import ERROR, Finding, check
from gkassist.core import formats
from gkassist.core.derive import next_year_draft
from gkassist.core.errors import InputError
from gkassist.core.flow import Step, flow, steps_for
from gkassist.core.model import Report
from gkassist.dialogue import kinds, session
from gkassist.dialogue.kinds.field import NEW_AGENCY
from gkassist.dialogue.replies import Pending, Reply

YES = re.compile(r"^\s*(对|对的|对了|是|是的|确认|好|好的|行|可以|没问题|没错|采用|就这样|ok|OK|y|yes)\s*[。！!]?\s*$")
NO = re.compile(r"^\s*(不对|不是|错了|重来|否|no|n)\s*[。！!]?\s*$")
# “刚才说的不对，重新说：……”, “重来：……”: what was understood goes when the rest stands on its own (a plain “不对，……”
# or “说错了，……” puts right part of it: a follow-up)
NO_THEN = re.compile(r"^\s*(?:(?:哦|噢|呃|啊)?(?:刚才|前面|上面)?(?:说的|说得|讲的)?(?:不对|错了|说错了)了?\s*[，,。！!：:]\s*)?"
                     r"我?(?:重新说|重说|重来|重新来)(?:一下|一遍)?\s*[，,。：:]\s*(.+)$", re.S)
USE = re.compile(r"\s*(用|好|好的|是|对|可以|用吧)\s*[。！!]?\s*")
DONT_USE = re.compile(r"\s*(不用|不|否|不要|算了)\s*[。！!]?\s*")
GO_ON = re.compile(r"\s*(接着写|接着|继续|继续写|接着上次)\s*[。！!]?\s*")
RESTART = re.compile(r"\s*(重新开始|重新写|重来|从头开始)\s*[。！!]?\s*")
REOPEN = re.compile(r"^\s*(?:改一下|修改一下|重新写|修改|重写|打开|回到|跳到|返回|先写|先填|改)\s*[：:]?\s*(.+?)\s*$")
BACK = re.compile(r"^\s*(?:回到|返回|回)?(?:上一题|上一步|上一个问题|前一题)\s*[。！!]?\s*$")
# “落款日期：2026年1月20日”, “落款改为1月20日”: the date that closes the report, at any question
CLOSING = re.compile(r"^\s*落款(?:的)?(?:日期|时间)?\s*(?:改为|改成|改到|写|为|是|用)?\s*[：:]?\s*(.+?)\s*[。！!]?\s*$")
SKIP = re.compile(r"^\s*(?:跳过|先跳过|这题先跳过|这一题先跳过|下一题|以后再说|先不填|稍后再填)\s*[。！!]?\s*$")
MAX_ANSWER = 5000
KEEP_SAVED = "回答“对”保持不变；直接写新的内容会替换它。"


@cache
def _checked_prompts() -> None:
    """Everything in prompts/ is read and checked when a draft opens — a mistake is said then, naming the file and
    the line, not in the middle of the conversation when its step comes."""
    from gkassist.dialogue.improvements import problem_areas
    from gkassist.dialogue.polish import polish_prompts
    from gkassist.dialogue.sentences import sentence_data

    kinds.validate(flow())
    problem_areas()
    polish_prompts()
    sentence_data()


class Engine:
    def __init__(self, report: Report, last_year: Report | None = None, path: Path | None = None):
        _checked_prompts()
        self.report = report
        self.last_year = last_year
        self.path = path or session.draft_path(report)
        self.step_index = 0
        self.pending: Pending | None = None
        self.history: list[tuple[str, int]] = []  # (report JSON, step index) before each accepted answer
        self.offered_last_year: Report | None = None  # found after the agency was named, waiting for “用”
        self.offered_restart: "Engine | None" = None  # a fresh draft from last year, waiting for “重新开始”
        self.return_to: int | None = None  # a part reopened (改表二, 上一题, the palette): once confirmed, the question left
        self.catching_up = False  # past the last question with parts skipped: on to each part still empty
        self.notices: list[str] = []  # what the clerk must hear about saving (a fallback folder used)
        self._renamed_from: Path | None = None  # the file a new draft was saved as before its agency was known
        self.lock: session.DraftLock | None = None  # this window's lock on the draft (session.lock_draft)

    # ---------------------------------------------------------- construction and saving
    @classmethod
    def start(cls, last_year: Report | None = None, year: int | None = None, agency: str = "") -> "Engine":
        if last_year is not None:
            report, _ = next_year_draft(last_year, year)
        else:
            year = year or date.today().year - 1
            report = Report.blank(formats.format_for_year(year), agency or NEW_AGENCY, year, origin="draft")
        engine = cls(report, last_year)
        if last_year is not None:
            engine.step_index = engine.first_unanswered()  # the agency carries over
        return engine

    @classmethod
    def resume(cls, path: Path) -> "Engine":
        draft = session.read_draft(path)
        engine = cls(draft.report, draft.last_year, path)
        engine.step_index = engine._position(draft.step)
        return engine

    def _position(self, saved: str | int | None) -> int:
        """The index of the step a draft stopped at: by its id; a step this flow no longer has resumes at the first
        part still empty."""
        steps = self.steps
        if saved == session.DONE:
            return len(steps)
        index = next((i for i, s in enumerate(steps) if s.id == saved), None)
        if index is not None:
            return index
        if isinstance(saved, int) and 0 <= saved <= len(steps):
            return saved  # drafts saved before steps were saved by id
        return self.first_unanswered()

    def first_unanswered(self) -> int:
        return kinds.first_unanswered(steps_for(self.report.format_version), self.report)

    def save(self) -> Path:
        """Write the draft; where its folder cannot be written, to the fallback folder instead (said in
        `notices`), so that no answer is lost.  Raises InputError only when neither can be written.  The lock goes
        first wherever the draft goes (renamed after its agency, the fallback folder): never a draft unlocked."""
        step_id = self.step.id if self.step else None
        if self.lock is not None:
            self.lock.follow(self.path)
        try:
            return session.write_draft(self.path, self.report, self.last_year, step_id)
        except InputError as e:
            fallback = session.fallback_path(self.path)
            if fallback == self.path:
                raise
            if self.lock is not None:
                self.lock.follow(fallback)
            session.write_draft(fallback, self.report, self.last_year, step_id)
            self.notices.append(f"{e}。草稿已改存到 {fallback}，以后会自动从那里接着写。")
            self.path = fallback
            return fallback

    def rename_after_agency(self) -> None:
        """A new draft named itself after its year only: once the agency is known it takes the agency's name (the
        old file goes once the draft is saved under the new one)."""
        new = session.name_after_agency(self.path, self.report)
        if new != self.path:
            self._renamed_from, self.path = self.path, new

    def take_notices(self) -> list[Reply]:
        notices, self.notices = self.notices, []
        return [Reply(n, "error") for n in notices]

    # ---------------------------------------------------------- flow
    @property
    def steps(self) -> tuple[Step, ...]:
        """The questions for this report's format."""
        return steps_for(self.report.format_version).steps

    @property
    def step(self) -> Step | None:
        steps = self.steps
        return steps[self.step_index] if self.step_index < len(steps) else None

    @property
    def done(self) -> bool:
        return self.step is None

    def greeting(self, notice: str = "") -> list[Reply]:
        """What the assistant says first, in the app and without it alike."""
        r = self.report
        opening = [Reply(notice)] if notice else []
        opening.append(Reply(f"您好！我们来起草《{r.title}》（{r.format.name}格式）。"))
        if self.offered_restart is not None:
            return opening + [Reply(self.restart_question())]
        if self.done:
            return opening + self.question() + [
                Reply("要修改哪一部分，就说“改”加部分名称（如“改表三”“改一（四）平台建设”），或按 Ctrl+P 选择。")]
        return opening + self.question()

    def question(self) -> list[Reply]:
        step = self.step
        if step is None:
            errors = [f for f in self.findings() if f.severity == ERROR]
            tail = f"还有{len(errors)}个错误需要处理（见右侧）。" if errors else "检查没有发现错误。"
            return [Reply(f"报告已经起草完成。{tail}可以按 Ctrl+E 导出 Word，或按 F2 预览。", "done")]
        out = [Reply(step.ask)]
        kind = kinds.of(step)
        if saved := kind.saved(self, step):
            return out + saved
        if hint := kind.hint(self, step):
            out.append(Reply(hint))
        if step.hint:
            out.append(Reply(step.hint))
        return out

    def jump(self, step_id: str) -> list[Reply]:
        """Open another part; once it is confirmed the conversation comes back to the question it left (the end of
        a finished report)."""
        index = next((i for i, s in enumerate(self.steps) if s.id == step_id), None)
        if index is None:
            return [Reply(f"没有“{step_id}”这一部分。", "error")]
        self._leave_for(index)
        self.save()  # the draft remembers the part now open
        return self.question()

    def back(self) -> list[Reply]:
        self._leave_for(max(0, self.step_index - 1))
        return self.question()

    def skip(self) -> list[Reply]:
        """Leave this part empty for now: it is asked again once the others are answered."""
        left, where = self.step, self.step_index
        self.pending = None
        self._advance()
        self.save()
        if self.step_index == where:
            return [Reply(f"“{left.title}”是还没填的最后一部分了，跳过也还要回来填。", "error")] + self.question()
        return [Reply(f"好的，“{left.title}”先空着，后面再回来填。")] + self.question()

    def _leave_for(self, index: int) -> None:
        if self.return_to is None and index != self.step_index:
            self.return_to = self.step_index
        self.step_index = index
        self.pending = None

    def _advance(self) -> None:
        """On to the next question: the one a reopened part left, else the next, else the first part still empty."""
        following = self.step_index + 1
        if self.return_to is not None:
            following, self.return_to = self.return_to, None
        elif self.catching_up or following >= len(self.steps):
            following = self.first_unanswered()
            self.catching_up = following < len(self.steps)
        self.step_index = following

    def offer_restart(self, fresh: "Engine") -> None:
        """This agency already has a draft of this year: ask before anything replaces it."""
        self.offered_restart = fresh

    def undo(self) -> list[Reply]:
        if not self.history:
            return [Reply("没有可以撤销的回答。", "error")]
        data, self.step_index = self.history.pop()
        self.return_to = None
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

    def wants_model(self, text: str) -> bool:
        """Whether answering `text` will call the optional language model (slow: the UI runs it in a worker)."""
        from gkassist.dialogue.kinds.narrative import POLISH

        if self.pending is None or not POLISH.match(text or ""):
            return False
        from gkassist import llm

        try:
            return llm.load_settings().ready
        except InputError:
            return False  # answer() itself reports the broken settings

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
        if (moved := self._command(text)) is not None:
            return moved
        kind = kinds.of(step)
        for pattern, command in kind.commands:
            if m := pattern.fullmatch(text):
                if self.pending is None or self.pending.saved:
                    return [Reply("现在没有待确认的内容；“参考”“填”“润色”“去掉”“改”“加”要在我列出“将写入”之后用。", "error")]
                return command(self, m)
        if self.pending is not None:
            if YES.match(text):
                if self.pending.asking:
                    return [Reply("请先回答上面的问题，我再保存（或者直接重新描述整个情况）。", "error")]
                if why := kind.unfinished(self, step, self.pending):
                    return [Reply(why, "error")]
                return self._accept()
            if NO.match(text):
                self.pending = None
                return [Reply("好的，请重新回答。")] + [r for r in self.question() if r.kind != "understood"][:1]
            if m := NO_THEN.match(text):
                return self._understand_correction(kind, step, m[1], text)
        elif YES.match(text):
            return [Reply("现在没有待确认的内容，请直接回答这一题。", "error")]
        if not re.search(r"[\u4e00-\u9fff0-9０-９]", text):
            return [Reply("请用中文回答（可以直接写数字）。", "error")]
        return kind.understand(self, step, text)

    def _understand_correction(self, kind, step: Step, rest: str, whole: str) -> list[Reply]:
        """“不对，……”: the rest is read as the whole answer afresh (“不对，是诉讼1件，维持”); when it cannot stand
        alone (“不对，维持的是1件，另1件撤回了”) it corrects what was understood instead."""
        before = self.pending
        self.pending = None
        fresh = kind.understand(self, step, rest)
        if self.pending is not None and not self.pending.asking:
            return fresh
        self.pending = before
        return kind.understand(self, step, whole)

    def _command(self, text: str) -> list[Reply] | None:
        """Moving about the report, at any question and never taken for an answer: 改表二 / 改一（四） / 回到上一题 /
        跳过.  None when the text is no such command."""
        if BACK.match(text):
            return self.back()
        if m := CLOSING.match(text):
            return self.set_closing_date(m[1])
        if SKIP.match(text):
            return self.skip()
        found = self._parts_named(text)
        if found is None:
            return None
        if len(found) == 1:
            dropped = self.pending is not None and not self.pending.saved
            replies = self.jump(found[0].id)
            return ([Reply("（刚才还没确认的内容没有保存。）")] if dropped else []) + replies
        names = "、".join(f"“{s.title}”" for s in found)
        return [Reply(f"要改哪一部分？可以说：{names}。", "error")]

    def set_closing_date(self, said: str) -> list[Reply]:
        """The 落款's date: “2026年1月20日”, “2026-01-20”, “1月20日” (of the year after the report's), “今天”."""
        when = closing_date_in(said, self.report.year + 1)
        if when is None:
            return [Reply(f"没看懂“{said}”这个日期。请写成“落款日期：{self.report.year + 1}年1月20日”。", "error")]
        self.history.append((self.report.to_json(), self.step_index))
        self.report.closing_date = when
        self.save()
        return [Reply(f"落款日期改为{when.year}年{when.month}月{when.day}日（报告末尾写机关名称和这个日期）。")] + \
            [r for r in self.question() if r.kind != "understood"][:1]

    def _parts_named(self, text: str) -> list[Step] | None:
        """The steps “改…” names (by the start of their title or a word of it); None when it names none."""
        m = REOPEN.match(text)
        if not m or len(m[1]) > 16:
            return None
        key = re.sub(r"\s+|(?:那|这)?(?:一|个)?部分$|的内容$", "", m[1])
        if not key or re.fullmatch(r"\d+[：:，,]?.*", key):
            return None  # “改2：……” is 五's command
        steps = self.steps
        found = [s for s in steps if re.sub(r"\s+", "", s.title).startswith(key)] or \
                [s for s in steps if len(key) >= 2 and key in re.sub(r"\s+", "", s.title)]
        return found or None

    def _accept(self) -> list[Reply]:
        pending, step = self.pending, self.step
        kind = kinds.of(step)
        self.history.append((self.report.to_json(), self.step_index))
        kind.store(self, step, pending)
        self.pending = None
        self._advance()
        self.save()
        if self._renamed_from is not None:
            try:
                self._renamed_from.unlink(missing_ok=True)  # only now: the draft is safe under its new name
            except OSError:
                pass  # a drafts folder that cannot be written (the draft went to the fallback) holds no old file
            self._renamed_from = None
        if self.notices:
            return self.take_notices() + self.question()
        if step.kind == "field" and self.last_year is None:
            from gkassist.dialogue.lastyear import find_last_year

            found = find_last_year(self.report.agency, self.report.year)
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
        found = self._parts_named(text) or self._parts_named("改" + text) or []
        if len(found) == 1:
            return self.jump(found[0].id)
        names = "、".join(f"“{s.title}”" for s in (found or self.steps))
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


def closing_date_in(said: str, year: int) -> date | None:
    """A date as a clerk writes it; a month and day alone are of `year` (the 落款 comes the year after the report's)."""
    said = said.strip()
    if re.fullmatch(r"今天|今日|当天", said):
        return date.today()
    m = re.fullmatch(r"(?:(\d{4})\s*[年\-./])?\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*[日号]?", said)
    if not m:
        return None
    try:
        return date(int(m[1] or year), int(m[2]), int(m[3]))
    except ValueError:
        return None
