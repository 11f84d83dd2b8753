"""The drafting dialogue, UI-free: where the conversation is in the flow and what it holds.

`Engine.answer(text)` returns the assistant's replies; a parsed answer is shown cell by cell (or as the
paragraph to be written) and stored only after the clerk confirms ("对"/"是"/"确认").  How each kind of
question is hinted, read and stored is its kind's (dialogue.kinds, one module a kind); where drafts are kept on
disk is `session`'s; which draft to open is `opening`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from gkassist.checks import ERROR, Finding, check
from gkassist.core import formats
from gkassist.core.derive import next_year_draft
from gkassist.core.errors import InputError
from gkassist.core.flow import Step, flow, steps_for
from gkassist.core.model import Report
from gkassist.dialogue import kinds, session
from gkassist.dialogue.actions import actions
from gkassist.dialogue.kinds.field import NEW_AGENCY
from gkassist.dialogue.replies import Pending, Reply
from gkassist.dialogue.replywords import reply_words
from gkassist.dialogue.state import DialogueState, Fresh, Modes

# “刚才说的不对，重新说：……”, “重来：……”: what was understood goes when the rest stands on its own (a plain “不对，……”
# or “说错了，……” puts right part of it: a follow-up)
NO_THEN = re.compile(r"^\s*(?:(?:哦|噢|呃|啊)?(?:刚才|前面|上面)?(?:说的|说得|讲的)?(?:不对|错了|说错了)了?\s*[，,。！!：:]\s*)?"
                     r"我?(?:重新说|重说|重来|重新来)(?:一下|一遍)?\s*[，,。：:]\s*(.+)$", re.S)
# “落款日期：2026年1月20日”, “落款改为1月20日”: the date that closes the report, at any question
CLOSING = re.compile(r"^\s*落款(?:的)?(?:日期|时间)?\s*(?:改为|改成|改到|写|为|是|用)?\s*[：:]?\s*(.+?)\s*[。！!]?\s*$")
MAX_ANSWER = 5000
Speaker = Literal["clerk", "assistant"]
KEEP_SAVED = "回答“对”保持不变；直接写新的内容会替换它。"


@cache
def _checked_prompts() -> None:
    """Everything in prompts/ is read and checked when a draft opens — a mistake is said then, naming the file and
    the line, not in the middle of the conversation when its step comes."""
    from gkassist.dialogue.composed import paragraphs
    from gkassist.dialogue.improvements import problem_areas
    from gkassist.dialogue.placement import placement
    from gkassist.dialogue.polish import polish_prompts
    from gkassist.dialogue.sentences import lexicon, sentence_data, spoken_turns

    kinds.validate(flow())
    problem_areas()
    polish_prompts()
    actions()
    reply_words()
    sentence_data()
    lexicon()
    spoken_turns()
    paragraphs()
    placement()


def default_year(today: date) -> int:
    """The year a clerk is drafting when nothing else says: from November the current year's report is being
    written (due by 31 January), until October last year's."""
    return today.year if today.month >= 11 else today.year - 1


@dataclass
class Snapshot:
    """What one change the clerk confirmed replaced: undo puts it back."""

    report: str  # the report as JSON
    last_year: str | None
    step_index: int
    what: str  # the part that changed, as the clerk knows it (“表二 主动公开”, “落款日期”)


class Engine:
    def __init__(self, report: Report, last_year: Report | None = None, path: Path | None = None,
                 clock: Callable[[], date] = date.today, drafts: session.Drafts | None = None):
        _checked_prompts()
        self.clock = clock  # “today” for the checks' deadlines and the 落款 (a test sets the day)
        self.drafts = drafts or session.Drafts.user()  # where this front end keeps drafts (a server: the unit's)
        self.state = DialogueState(report, last_year)  # what the question kinds receive
        self.path = path or session.draft_path(report, self.drafts)
        self.history: list[Snapshot] = []  # what each confirmed change replaced
        self.transcript: list[tuple[Speaker, str, str]] = []  # (who, what was said, its kind)
        self._renamed_from: Path | None = None  # the file a new draft was saved as before its agency was known
        self.lock: session.DraftLock | None = None  # this window's lock on the draft (session.lock_draft)

    # the state, by the names the front ends and the tests know
    @property
    def modes(self) -> Modes:
        return self.state.modes

    @property
    def report(self) -> Report:
        return self.state.report

    @report.setter
    def report(self, value: Report) -> None:
        self.state.report = value

    @property
    def last_year(self) -> Report | None:
        return self.state.last_year

    @last_year.setter
    def last_year(self, value: Report | None) -> None:
        self.state.last_year = value

    @property
    def notices(self) -> list[str]:
        """What the clerk must hear about saving (a fallback folder used) and what a kind changed besides its answer."""
        return self.state.notices

    @notices.setter
    def notices(self, value: list[str]) -> None:
        self.state.notices = value

    @property
    def pending(self) -> Pending | None:
        return self.state.pending

    @pending.setter
    def pending(self, value: Pending | None) -> None:
        self.state.pending = value

    @property
    def step_index(self) -> int:
        return self.state.step_index

    @step_index.setter
    def step_index(self, value: int) -> None:
        self.state.step_index = value

    # ---------------------------------------------------------- construction and saving
    @classmethod
    def start(cls, last_year: Report | None = None, year: int | None = None, agency: str = "",
              clock: Callable[[], date] = date.today, drafts: session.Drafts | None = None) -> "Engine":
        """A new draft: the year after last year's report, else the year given, else the season's."""
        if last_year is not None:
            report, _ = next_year_draft(last_year, year)
            if agency:
                report.agency, report.title = agency, report.format.title(agency, report.year)
        else:
            year = year or default_year(clock())
            report = Report.blank(formats.format_for_year(year), agency or NEW_AGENCY, year, origin="draft")
        engine = cls(report, last_year, clock=clock, drafts=drafts)
        if last_year is not None:
            engine.step_index = engine.first_unanswered()  # the agency carries over
        return engine

    @classmethod
    def resume(cls, path: Path, clock: Callable[[], date] = date.today, drafts: session.Drafts | None = None) -> "Engine":
        draft = session.read_draft(path)
        engine = cls(draft.report, draft.last_year, path, clock=clock, drafts=drafts)
        engine.step_index = engine._position(draft.step)
        engine._restore(draft.conversation)
        return engine

    def _restore(self, data: object) -> None:
        """The conversation where the draft stopped: the answer waiting for “对” as it was understood (never read
        again from the clerk's words), where a reopened part returns, what was said."""
        if data is None:
            return  # a draft saved before the conversation was kept: its saved parts are the base
        from gkassist.dialogue.conversation import conversation_from

        conversation, trouble = conversation_from(data)
        if trouble:
            self.notices.append(trouble)
        step = self.step
        if conversation.pending is not None and step is not None and conversation.pending.step == step.id:
            self.pending = conversation.pending.restored()
        if conversation.return_to is not None and 0 <= conversation.return_to <= len(self.steps):
            self.modes.return_to = conversation.return_to
        self.modes.catching_up = conversation.catching_up
        self.state.unfinished = {sid: saved.restored() for sid, saved in conversation.unfinished.items()
                                 if any(s.id == sid for s in self.steps)}
        self.state.asides = {table: list(said) for table, said in conversation.asides.items()}
        self.transcript = [(s.who, s.text, s.kind) for s in conversation.transcript]

    def conversation(self) -> dict[str, object]:
        """The conversation as the draft keeps it (dialogue.conversation.Conversation, as JSON data)."""
        from gkassist.dialogue.conversation import KEPT_TURNS, Conversation, SavedPending

        pending = self.pending
        data = Conversation(
            pending=SavedPending.of(pending) if pending is not None and not pending.saved else None,
            return_to=self.modes.return_to, catching_up=self.modes.catching_up, asides=self.state.asides,
            unfinished={sid: SavedPending.of(left) for sid, left in self.state.unfinished.items()},
        ).model_dump(mode="json")
        # what was said, as Said's JSON, built directly: a model made and checked for each of up to KEPT_TURNS turns
        # at every save was most of the cost of saving a long conversation (what is said is checked when it is read)
        data["transcript"] = [{"who": who, "text": text, "kind": kind} for who, text, kind in self.transcript[-KEPT_TURNS:]]
        return data

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
            return session.write_draft(self.path, self.report, self.last_year, step_id, self.conversation())
        except InputError as e:
            fallback = session.fallback_path(self.path, self.drafts)
            if fallback == self.path:
                raise
            if self.lock is not None:
                self.lock.follow(fallback)
            session.write_draft(fallback, self.report, self.last_year, step_id, self.conversation())
            self.notices.append(f"{e}。草稿已改存到 {fallback}，以后会自动从那里接着写。")
            self.path = fallback
            return fallback

    def rename_after_agency(self) -> None:
        """A new draft named itself after its year only: once the agency is known it takes the agency's name (the
        old file goes once the draft is saved under the new one)."""
        new = session.name_after_agency(self.path, self.report, self.drafts)
        if new != self.path:
            self._renamed_from, self.path = self.path, new

    def take_notices(self) -> list[Reply]:
        notices, self.notices = self.notices, []
        return [Reply(n, "error") for n in notices]

    # ---------------------------------------------------------- flow
    @property
    def steps(self) -> tuple[Step, ...]:
        """The questions for this report's format."""
        return self.state.steps

    @property
    def step(self) -> Step | None:
        return self.state.step

    @property
    def done(self) -> bool:
        return self.step is None

    @property
    def current(self) -> Step:
        """The question open, where one must be (the report is not finished)."""
        step = self.step
        if step is None:
            raise RuntimeError("the report is finished: no question is open")
        return step

    def _where(self) -> str:
        return "已经写完" if self.done else f"写到“{self.current.title}”"

    def greeting(self, notice: str = "") -> list[Reply]:
        """What the assistant says first, in the app and without it alike."""
        r = self.report
        opening = [Reply(notice)] if notice else []
        opening.append(Reply(f"您好！我们来起草《{r.title}》（{r.format.name}格式）。"))
        if self.modes.offered_restart is not None:
            return opening + [Reply(self.restart_question())]
        if self.modes.offered_year is not None:
            return opening + [Reply(self.year_question())]
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
        if (left := self.state.unfinished.get(step.id)) is not None:
            if self.pending is None or self.pending.step != step.id:
                self.pending = left  # what was said before the flow moved on (a newer answer of it stays)
            return out + kind.shown_again(self.state, step, self.pending)
        if saved := kind.saved(self.state, step):
            return out + saved
        if hint := kind.hint(self.state, step):
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
        self._keep()
        return self.question()

    def skip(self) -> list[Reply]:
        """Leave this part empty for now: it is asked again once the others are answered."""
        left, where = self.current, self.step_index
        self._set_aside_open(left)
        self.pending = None
        self._advance()
        self.save()
        if self.step_index == where:
            return [Reply(f"“{left.title}”是还没填的最后一部分了，跳过也还要回来填。", "error")] + self.question()
        return [Reply(f"好的，“{left.title}”先空着，后面再回来填。")] + self.question()

    def _leave_for(self, index: int) -> None:
        if self.modes.return_to is None and index != self.step_index:
            self.modes.return_to = self.step_index
        pending = self.pending
        if (step := self.step) is not None and step.id in self.state.unfinished and pending is not None \
                and pending.step == step.id and not pending.saved:
            self.state.unfinished[step.id] = pending  # left unfinished it stays, with what was said since it came back
        self.step_index = index
        self.pending = None

    def _set_aside_open(self, step: Step) -> bool:
        """The answer of `step` whose question back is open kept as unfinished (nothing stored): asked again at the
        end, or when the part is reopened.  False when no such question is open."""
        pending = self.pending
        if pending is None or not kinds.of(step).left_open(self.state, step, pending):
            return False
        self.state.unfinished[step.id] = pending
        return True

    def _advance(self) -> None:
        """On to the next question: the one a reopened part left, else the next, else (past the last, or catching
        up) the next part still empty after this one — from the first again once none is after it."""
        following = self.step_index + 1
        if self.modes.return_to is not None:
            following, self.modes.return_to = self.modes.return_to, None
        elif self.modes.catching_up or following >= len(self.steps):
            following = self._next_unanswered()
            self.modes.catching_up = following < len(self.steps)
        self.step_index = following

    def _next_unanswered(self) -> int:
        """The first part still empty after the question open, else the first of all (len(steps) when none is)."""
        steps = steps_for(self.report.format_version)
        following = kinds.first_unanswered(steps, self.report, after=self.step_index)
        return following if following < len(steps.steps) else self.first_unanswered()

    def left_unfinished(self) -> list[tuple[Step, str]]:
        """(the part, what it still misses) of each part the flow moved on from with its question back open — nothing
        of them stored yet (the question open now, never moved on from, is where the conversation simply stopped)."""
        out = []
        for step in self.steps:
            if (left := self.state.unfinished.get(step.id)) is None:
                continue
            pending = self.pending if self.step is step and self.pending is not None else left
            missing = kinds.of(step).left_open(self.state, step, pending) or "补上的回答还没有确认（回答“对”保存）。"
            out.append((step, missing))
        return out

    def _move_on(self, step: Step) -> list[Reply] | None:
        """A table's question back still open when “对” or the next question's answer comes: the table is left
        unfinished — nothing of it stored, what was said kept — and the flow goes on; it comes back at the end.
        None when it cannot go on (no other part is left to answer, or no such question is open)."""
        pending, where, modes = self.pending, self.step_index, (self.modes.return_to, self.modes.catching_up)
        missing = kinds.of(step).left_open(self.state, step, pending) if pending is not None else ""
        if pending is None or not missing:
            return None
        was_left = step.id in self.state.unfinished
        self._set_aside_open(step)
        self.pending = None
        self._advance()
        if self.step_index == where:  # the last part left: nowhere to go on to
            self.pending = pending
            self.modes.return_to, self.modes.catching_up = modes
            if not was_left:
                del self.state.unfinished[step.id]
            return None
        self.save()
        name = step.title.split()[0]
        return [Reply(f"{name}先不保存，还差：{missing}\n先接着问下一题，其他题答完后再回到{name}"
                      f"（随时说“改{name}”也可以回来补）。", "error")] + self.question()

    def offer_restart(self, fresh: "Engine") -> None:
        """This agency already has a draft of this year: ask before anything replaces it."""
        self.modes.offered_restart = fresh.fresh()

    def offer_year(self, fresh: "Engine") -> None:
        """An older draft is open while the season says another year is due: ask which (the older one stays)."""
        self.modes.offered_year = fresh.fresh()

    def fresh(self) -> Fresh:
        """This new draft as an offer another draft's conversation holds until the clerk chooses it."""
        return Fresh(self.report, self.last_year, self.step_index, self.path)

    # ---------------------------------------------------------- undo
    def _remember(self, what: str) -> None:
        last = self.last_year.to_json() if self.last_year is not None else None
        self.history.append(Snapshot(self.report.to_json(), last, self.step_index, what))

    def undo(self) -> list[Reply]:
        """Undo the clerk's last change, and only that: an answer not yet confirmed goes first (nothing saved
        changes); a confirmed one only on the next undo, and what comes back is shown."""
        if self._discard_unconfirmed():
            self._keep()  # the draft forgets it too: a reload does not bring it back
            return [Reply("已撤销刚才还没确认的回答；已保存的内容没有变。")] + self.question()
        if not self.history:
            return [Reply("没有可以撤销的回答。", "error")]
        snapshot = self.history.pop()
        self.report = Report.model_validate_json(snapshot.report)
        self.last_year = Report.model_validate_json(snapshot.last_year) if snapshot.last_year else None
        self.step_index, self.modes.return_to, self.modes.catching_up = snapshot.step_index, None, False
        self.save()
        said = f"已撤销对“{snapshot.what}”的修改，恢复为修改之前的样子。"
        shown = self.question()
        if self.step is not None and not any(r.kind == "understood" for r in shown):
            said += f"“{self.step.title}”现在还没有填写。"
        return [Reply(said)] + shown

    def _discard_unconfirmed(self) -> bool:
        """Drop what waits for the clerk's “对” (an answer understood, an offer of last year's report); False when
        nothing does."""
        if self.modes.offered_last_year is not None or self.modes.asking_last_year:
            self.modes.offered_last_year, self.modes.asking_last_year = None, False
            return True
        if self.pending is not None and not self.pending.saved:
            self.state.unfinished.pop(self.pending.step, None)
            self.pending = None
            return True
        return False

    # ---------------------------------------------------------- what the front ends show
    def findings(self) -> list[Finding]:
        return check(self.report, self.last_year, today=self.clock())

    def help(self) -> list[Reply]:
        """The help for the question at hand: what is asked, how to answer it, and what can be said at any time."""
        words = actions()
        step = self.step
        if self.modes.offered_restart is not None:
            lines = [self.restart_question()]
        elif self.modes.offered_year is not None:
            lines = [self.year_question()]
        elif self.modes.asking_last_year:
            lines = [self.last_year_question()]
        elif self.modes.offered_last_year is not None:
            lines = ["用刚才读到的报告作为去年的报告吗？回答“对”使用，“不用”就不用。"]
        elif step is None:
            lines = ["报告已经写完。要修改哪一部分，就说“改”加部分名称（如“改表三”）；说“导出”导出 Word。"]
        else:
            lines = [f"现在这一题是“{step.title}”：{step.ask}", words.help_for(step.kind)]
            if step.hint:
                lines.append(step.hint)
        return [Reply("\n".join(line for line in lines if line)), Reply(words.words.anytime)]

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
        """One answer, through named stages: what no answer can be, a question the assistant itself asked (a
        mode), a command, then the question's kind.  The answer, the replies and what now waits for “对” are kept
        in the draft (a reload goes on from here)."""
        text = (text or "").strip()
        self.modes.export_asked = None if actions().typed(text) != "export" else self.modes.export_asked
        replies = self._staged(text)
        self._heard(text, replies)
        return replies

    def _staged(self, text: str) -> list[Reply]:
        for stage in (self._refused, self._asked_how, self._in_mode, self._command, self._direct_cell):
            if (replies := stage(text)) is not None:
                return replies
        return self._answer_kind(text)

    def _heard(self, text: str, replies: list[Reply]) -> None:
        from gkassist.dialogue.conversation import KEPT_TURNS

        self.transcript.append(("clerk", text[:MAX_ANSWER], "say"))
        self.transcript += [("assistant", r.text, r.kind) for r in replies if r.kind != "action"]
        del self.transcript[:-KEPT_TURNS]
        self._keep()

    def _keep(self) -> None:
        """Save where the conversation is (what waits for “对”, what was said) — never in the clerk's way: a folder
        that cannot be written is said by the next save the clerk makes (a confirmed answer, Ctrl+S)."""
        if self.modes.offered_restart is not None or self.modes.offered_year is not None:
            return  # which draft is still being chosen: nothing is written to either
        try:
            self.save()
        except InputError:
            pass

    def _refused(self, text: str) -> list[Reply] | None:
        if not text:
            return [Reply("请输入回答；不知道怎么回答可以说“帮助”或按 F1。", "error")]
        if len(text) > MAX_ANSWER:
            return [Reply(f"回答太长了（{len(text)}字），请只写这一部分的内容，一次不超过{MAX_ANSWER}字。", "error")]
        return None

    def _asked_how(self, text: str) -> list[Reply] | None:
        words = actions()
        return self.help() if words.asks_how(text) or words.typed(text) == "help" else None

    def _in_mode(self, text: str) -> list[Reply] | None:
        """A question of the assistant's own is open (which draft, last year's report): the answer is to it."""
        if self.modes.offered_restart is not None:
            return self._answer_restart(text, self.modes.offered_restart)
        if self.modes.offered_year is not None:
            return self._answer_year(text, self.modes.offered_year)
        if self.step is None:
            return self._command(text) or self._direct_cell(text) or self._reopen(text)
        if self.modes.asking_last_year:
            return self._answer_where_last_year(text)
        if self.modes.offered_last_year is not None:
            return self._answer_offer(text)
        return None

    def _answer_kind(self, text: str) -> list[Reply]:
        """The answer to the question itself: its kind's commands on the pending answer, “对”/“不对”, or an answer."""
        step = self.current
        kind = kinds.of(step)
        for pattern, command in kind.commands:
            if m := pattern.fullmatch(text):
                if self.pending is None or self.pending.saved:
                    return [Reply("现在没有待确认的内容；“参考”“填”“润色”“去掉”“改”“加”要在我列出“将写入”之后用。", "error")]
                return command(self.state, m)
        if self.pending is not None:
            if (confirmed := self._confirmation(kind, step, text)) is not None:
                return confirmed
        elif reply_words().confirm.fullmatch(text):
            return [Reply("现在没有待确认的内容，请直接回答这一题。", "error")]
        if not re.search(r"[\u4e00-\u9fff0-9０-９]", text):
            return [Reply("请用中文回答（可以直接写数字）；不知道怎么回答可以说“帮助”。", "error")]
        if kind.answers_later(self.state, step, text) and (moved := self._move_on(step)) is not None:
            return moved + self._staged(text)  # the next question's answer, taken as such
        return self._understood(kind, step, text)

    def _understood(self, kind: kinds.StepKind, step: Step, text: str) -> list[Reply]:
        """The kind's reading of the answer.  A kind may change what is saved besides proposing (a figure corrected in
        a saved paragraph: “说错了，主动公开是76条不是73条”): that change is remembered for undo and saved here.  Only
        the paragraphs are compared (what a kind may edit directly), not the whole report serialized twice an answer."""
        before = {sid: list(paragraphs) for sid, paragraphs in self.report.sections.items()}
        replies = kind.understand(self.state, step, text)
        if self.report.sections != before:
            last = self.last_year.to_json() if self.last_year is not None else None
            saved = self.report.model_copy(update={"sections": before}).to_json()
            self.history.append(Snapshot(saved, last, self.step_index, "正文里的数字"))
            self.save()
        return replies + self.take_notices()

    def _confirmation(self, kind: kinds.StepKind, step: Step, text: str) -> list[Reply] | None:
        """“对”, “不对”, “不对，重新说：……” about the pending answer; None when the text is none of them."""
        pending = self.pending
        if pending is None:
            return None
        words = reply_words()
        if words.confirm.fullmatch(text):
            if pending.asking:
                return self._move_on(step) or [Reply("请先回答上面的问题，我再保存（或者直接重新描述整个情况）。", "error")]
            if why := kind.unfinished(self.state, step, pending):
                return [Reply(why, "error")]
            return self._accept()
        if words.refuse.fullmatch(text):
            self.pending = None
            self.state.unfinished.pop(step.id, None)  # the table is told afresh
            return [Reply("好的，请重新回答。")] + [r for r in self.question() if r.kind != "understood"][:1]
        if m := NO_THEN.match(text):
            return self._understand_correction(kind, step, m[1], text)
        return None

    def _understand_correction(self, kind: kinds.StepKind, step: Step, rest: str, whole: str) -> list[Reply]:
        """“不对，……”: the rest is read as the whole answer afresh (“不对，是诉讼1件，维持”); when it cannot stand
        alone (“不对，维持的是1件，另1件撤回了”) it corrects what was understood instead."""
        before = self.pending
        self.pending = None
        fresh = kind.understand(self.state, step, rest)
        if self.pending is not None and not self.pending.asking:
            return fresh
        self.pending = before
        return kind.understand(self.state, step, whole)

    def _command(self, text: str) -> list[Reply] | None:
        """Moving about the report, at any question and never taken for an answer: 改表二 / 改一（四） / 上一题 /
        跳过 / 落款日期 / 撤销, and what the front end does (导出, 预览, 保存).  None when the text is no command."""
        if (done := self._typed_action(text)) is not None:
            return done
        if m := CLOSING.match(text):
            return self.set_closing_date(m[1])
        found = self._parts_named(text)
        if found is None:
            return None
        if len(found) == 1:
            dropped = self.pending is not None and not self.pending.saved and self.pending.step not in self.state.unfinished
            replies = self.jump(found[0].id)
            return ([Reply("（刚才还没确认的内容没有保存。）")] if dropped else []) + replies
        names = "、".join(f"“{s.title}”" for s in found)
        return [Reply(f"要改哪一部分？可以说：{names}。", "error")]

    # ---------------------------------------------------------- a cell the clerk can always set
    def _direct_cell(self, text: str) -> list[Reply] | None:
        """“表三 自然人 予以公开 2”: exactly that cell, proposed like any answer (dialogue.cellform)."""
        from gkassist.dialogue.cellform import read_cell

        said = read_cell(text, self.report.format)
        if said is None:
            return None
        if isinstance(said, str):
            return [Reply(said, "error")]
        return self.propose_cells(said.table, {(said.row, said.column): said.value})

    def propose_cells(self, table: str, cells: dict[tuple[str, str], int | float]) -> list[Reply]:
        """These cells of `table` set on top of what the table holds (the answer waiting for “对”, else what is
        saved), shown cell by cell and stored on “对” — from the direct form or the window's grid alike.  The
        table's question is opened if another is."""
        from gkassist.dialogue.cellform import carried_from_last_year, derived
        from gkassist.dialogue.kinds.table import Table, understood_cells

        index = next((i for i, s in enumerate(self.steps) if s.kind == "table" and s.table == table), None)
        if index is None:
            return [Reply(f"这份报告的问答里没有{self.report.format.tables[table].name}。", "error")]
        fmt = self.report.format
        for row, column in cells:
            why = derived(fmt, table, row, column)
            if not why and self.last_year is not None and carried_from_last_year(fmt, table, row, column):
                why = (f"“{'·'.join(fmt.location_parts(table, row, column))}”按去年报告的数字推算，不直接填；"
                       "去年的数字不对的话，请先改去年的报告。")
            if why:
                return [Reply(why, "error")]
        if index != self.step_index:
            self._leave_for(index)
        step = self.current
        base = self._table_cells(table, step.id)
        base.update({(table, row, column): value for (row, column), value in cells.items()})
        trial = self.report.model_copy(deep=True)
        Table().fill(self.state, trial, table, base)
        self.pending = Pending(step.id, cells=base, base=dict(base))
        said = "、".join(f"{'·'.join(fmt.location_parts(table, r, c))}：{v}" for (r, c), v in cells.items())
        # (a table set cell by cell keeps the cells not said blank: the clerk is told how to finish it)
        rest = ("待填的格还空着：接着一格一格说；都没有就回答“其余都是0”。"
                if fmt.tables[table].question and any(trial.cell(table, r.id, c.id) is None
                                                      for _, r, c in fmt.tables[table].cells()) else "")
        return [Reply(understood_cells(trial, table), "understood"),
                Reply(f"（按您说的填：{said}；合计由我来算。）{rest}对吗？回答“对”保存，或直接重新描述。")]

    def _table_cells(self, table: str, step_id: str) -> dict[tuple[str, str, str], int | float]:
        """What the table holds now: the answer waiting for “对” of its question, else the saved cells (not the
        totals, nor what follows from last year's report)."""
        pending = self.pending
        if pending is not None and pending.step == step_id and not pending.saved and not pending.asking:
            return dict(pending.cells)
        fmt = self.report.format
        derived_cells = {eq.total for eq in fmt.equations(table) if eq.derivable}
        if self.last_year is not None:  # 上年结转, 现行有效: filled from last year's report, not the clerk's
            derived_cells |= {relation.this for relation in fmt.across_years if relation.table == table}
        return {(table, r.id, c.id): v for _, r, c in fmt.tables[table].cells()
                if (r.id, c.id) not in derived_cells and not r.total and not c.total
                and (v := self.report.number(table, r.id, c.id)) is not None}

    def _typed_action(self, text: str) -> list[Reply] | None:
        """An action of prompts/actions.yaml typed as the answer: done here, or handed to the front end (a Reply of
        kind “action”) when it is the front end's to do (export where its files go, show the preview)."""
        action = actions().typed(text)
        if action is None:
            return None
        if action == "back":
            return self.back()
        if action == "skip" and self.step is not None:
            return self.skip()
        if action == "undo":
            return self.undo()
        if action == "save":
            return [Reply(f"已保存：{self.save()}")] + self.take_notices()
        if action == "closing":
            closing = self.report.closing()
            now = closing[1] if closing else "导出那天"
            return [Reply(f"落款日期现在是{now}。要改就说“落款日期：{self.report.year + 1}年1月20日”这样的日期。")]
        if action in ("export", "preview", "grid"):
            return [Reply(actions().by_id[action].name, "action", action=action)]
        return None

    def export(self, folder: Path, suffix: str = ".docx") -> list[Reply]:
        """Write the report into `folder` — the same for every front end.  A report with errors or blank cells is
        written only when asked a second time (the first time says what is left); an existing file of that name is
        kept as a copy."""
        from gkassist.core.files import export_file_name
        from gkassist.output import render_to

        notice = self.export_notice()
        if notice and self.modes.export_asked != suffix:
            self.modes.export_asked = suffix
            key = actions().by_id["export"]
            return [Reply(f"{notice}确实要现在导出{suffix}吗？再说一次“{key.name}”（或再按一次同样的导出键）就导出；"
                          "先改的话直接回答问题。", "error")]
        self.modes.export_asked = None
        path = (folder / export_file_name(self.report, suffix)).resolve()
        kept = render_to(self.report, path)
        session.remember_export_dir(path.parent, self.drafts)
        return [Reply(f"已导出到：{path}" + (f"\n原来的同名文件留作备份：{kept.name}" if kept else ""), "exported")]

    def set_closing_date(self, said: str) -> list[Reply]:
        """The 落款's date: “2026年1月20日”, “2026-01-20”, “1月20日” (of the year after the report's), “今天”."""
        when = closing_date_in(said, self.report.year + 1, self.clock())
        if when is None:
            return [Reply(f"没看懂“{said}”这个日期。请写成“落款日期：{self.report.year + 1}年1月20日”。", "error")]
        self._remember("落款日期")
        self.report.closing_date = when
        self.save()
        return [Reply(f"落款日期改为{when.year}年{when.month}月{when.day}日（报告末尾写机关名称和这个日期）。")] + \
            [r for r in self.question() if r.kind != "understood"][:1]

    def _parts_named(self, text: str) -> list[Step] | None:
        """The steps “改…” names (by the start of their title or a word of it); None when it names none."""
        m = reply_words().reopen.fullmatch(text)
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
        pending, step = self.pending, self.current
        if pending is None:
            return self.question()
        kind = kinds.of(step)
        self._remember(step.title)
        agency = self.report.agency
        kind.store(self.state, step, pending)
        self.state.unfinished.pop(step.id, None)
        if self.report.agency != agency:
            self.rename_after_agency()
        self.pending = None
        self._advance()
        self.save()
        self._drop_old_name()
        if self.notices:
            return self.take_notices() + self.question()
        if step.kind == "field" and self.last_year is None:
            return self._look_for_last_year()
        return [Reply("已保存。")] + self.question()

    def _drop_old_name(self) -> None:
        if self._renamed_from is not None:
            try:
                self._renamed_from.unlink(missing_ok=True)  # only now: the draft is safe under its new name
            except OSError:
                pass  # a drafts folder that cannot be written (the draft went to the fallback) holds no old file
            self._renamed_from = None

    # ---------------------------------------------------------- last year's report, asked for after the agency
    def _look_for_last_year(self) -> list[Reply]:
        """Last year's report is where the draft starts from (上年结转, 现行有效, the repetition check): one found among
        the drafts or the corpus is offered; otherwise the clerk is asked for it."""
        from gkassist.dialogue.lastyear import find_last_year

        found = find_last_year(self.report.agency, self.report.year, self.drafts)
        if found is not None:
            self.modes.offered_last_year, where = found
            return [Reply(f"已保存。找到{where}：{self.report.agency} {self.report.year - 1}年度。" + self._offer_question())]
        self.modes.asking_last_year = True
        return [Reply("已保存。" + self.last_year_question())]

    def last_year_question(self) -> str:
        return (f"没有找到{self.report.agency}去年（{self.report.year - 1}年度）的报告。去年的报告在哪里？"
                "请给出文件的位置（Word、PDF、网页、文本或 JSON 都可以，可以把文件拖进来）或网址；没有就回答“没有”。")

    @staticmethod
    def _offer_question() -> str:
        return "用它作为去年的报告吗？用了会填好上年结转和现行有效件数，并对照去年检查重复。回答“对”使用，或“不用”。"

    def _answer_where_last_year(self, text: str) -> list[Reply]:
        from gkassist.dialogue.lastyear import read_given

        if reply_words().no_last_year.fullmatch(text):
            self.modes.asking_last_year = False
            return [Reply("好的，没有去年的报告。")] + self.question()
        if (moved := self._command(text)) is not None:
            return moved
        try:
            report, note = read_given(text)
        except InputError as e:
            return [Reply(f"{e}。请再给一次文件的位置或网址，或回答“没有”。", "error")]
        self.modes.asking_last_year, self.modes.offered_last_year = False, report
        replies = [Reply(note)]
        if report.year != self.report.year - 1:
            replies.append(Reply(f"注意：这是{report.year}年度的报告，不是{self.report.year - 1}年度的。", "error"))
        return replies + [Reply(self._offer_question())]

    def _answer_offer(self, text: str) -> list[Reply]:
        last = self.modes.offered_last_year
        if last is not None and reply_words().use.fullmatch(text):
            self.modes.offered_last_year = None
            self._remember("去年的报告")
            agency = self.report.agency
            self.report, _ = next_year_draft(last, self.report.year)
            self.report.agency = agency
            self.report.title = self.report.format.title(agency, self.report.year)
            self.last_year = last
            self.save()
            return [Reply("好的，已按去年的报告填好上年结转和现行有效件数。")] + self.question()
        if reply_words().dont_use.fullmatch(text):
            self.modes.offered_last_year = None
            return [Reply("好的，不用去年的报告。")] + self.question()
        return [Reply("请回答“对”（使用这份去年的报告）或“不用”。", "error")]

    # ---------------------------------------------------------- which draft
    def _answer_restart(self, text: str, fresh: Fresh) -> list[Reply]:
        if reply_words().go_on.fullmatch(text):
            self.modes.offered_restart = None
            return [Reply("好的，接着写原来的草稿。")] + self.question()
        if reply_words().restart.fullmatch(text):
            copy = session.set_aside(self.path)  # raises (nothing changed) when no copy can be kept
            self.modes.offered_restart = None
            self.report, self.last_year, self.step_index = fresh.report, fresh.last_year, fresh.step_index
            self.history.clear()
            self.save()
            return [Reply(f"好的，重新开始。原来的草稿留作备份：{copy}")] + self.question()
        return [Reply(self.restart_question(), "error")]

    def restart_question(self) -> str:
        r = self.report
        return (f"{r.agency} {r.year}年度已经有一份草稿（{self._where()}，{self.path.name}）。"
                "回答“接着写”继续这份草稿，或“重新开始”从去年的报告重新起草（原稿留作备份）。")

    def year_question(self) -> str:
        offered = self.modes.offered_year
        old, new = self.report.year, offered.report.year if offered is not None else self.report.year + 1
        return (f"有一份没写完的{self.report.agency} {old}年度草稿（{self._where()}）。现在该写{new}年度的报告了。"
                f"接着写{old}年的，还是开始{new}年的？（回答“接着写”或“开始{new}年的”；{old}年的草稿都会留着。）")

    def _answer_year(self, text: str, fresh: Fresh) -> list[Reply]:
        old, new = self.report.year, fresh.report.year
        said = re.sub(r"\s|[。！!]", "", text)
        if reply_words().go_on.fullmatch(text) or re.fullmatch(rf"(?:接着|继续)?(?:写)?{old}(?:年(?:度)?(?:的)?)?", said):
            self.modes.offered_year = None
            return [Reply(f"好的，接着写{old}年度的草稿。")] + self.question()
        if re.fullmatch(rf"(?:开始|新开|写|重新开始)?(?:写)?(?:{new}(?:年(?:度)?(?:的)?)?|新的|新的一年)", said):
            self.modes.offered_year = None
            self.report, self.last_year, self.step_index = fresh.report, fresh.last_year, fresh.step_index
            self.path, self.history = fresh.path, []
            self.save()
            return [Reply(f"好的，开始写{new}年度的报告（{old}年度的草稿留着，以后可以用 gkassist draft --year {old} 打开）。")] \
                + self.question()
        return [Reply(self.year_question(), "error")]

    def _reopen(self, text: str) -> list[Reply]:
        """A finished report: name a part (“改表三”“修改 一（四）平台建设”) to open it again."""
        found = self._parts_named(text) or self._parts_named("改" + text) or []
        if len(found) == 1:
            return self.jump(found[0].id)
        names = "、".join(f"“{s.title}”" for s in (found or self.steps))
        return [Reply(f"报告已经写完。要修改哪一部分？请说“改”加部分名称，可以是：{names}。", "error")]


def closing_date_in(said: str, year: int, today: date | None = None) -> date | None:
    """A date as a clerk writes it; a month and day alone are of `year` (the 落款 comes the year after the report's)."""
    said = said.strip()
    if re.fullmatch(r"今天|今日|当天", said):
        return today or date.today()
    m = re.fullmatch(r"(?:(\d{4})\s*[年\-./])?\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*[日号]?", said)
    if not m:
        return None
    try:
        return date(int(m[1] or year), int(m[2]), int(m[3]))
    except ValueError:
        return None
