"""The one place the web touches the drafting engine (`gkassist.dialogue.Engine`): start, resume, answer, commands,
findings, export.  A unit's drafts live in its own folder (the engine's `Drafts`, with no fallback folder, so no
unit's draft lands among another's).  The answer waiting for “对” is saved in the draft by the engine itself (never
understood again on resume); the conversation shown in the browser (the transcript) is kept beside each draft in
`.web/`, so a reload or a restart loses nothing.

One `Conversation` per draft in the server process, shared by every login of the unit and used under its own
lock: two browsers of one unit see one conversation, never two engines overwriting each other's saves.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gkassist.core.errors import InputError
from gkassist.core.files import export_file_name
from gkassist.core.model import Report
from gkassist.dialogue import Reply

if TYPE_CHECKING:  # loaded when a draft is opened, not with the web app
    from gkassist.checks import Finding
    from gkassist.dialogue.engine import Engine

MAX_TRANSCRIPT = 600  # lines kept for the page (a whole report is about 100)
MAX_OPEN = 400  # conversations kept in memory; an evicted one is read again from its files
SHARED_FOR = 600.0  # seconds another login counts as having the draft open
HELP = re.compile(r"^\s*(?:帮助|help|\?|？|怎么用|有哪些命令)\s*[。！!？?]?\s*$", re.I)
DOWNLOADS = {"docx": ".docx", "html": ".html", "md": ".md"}
# what the engine says for the terminal's keys, said for the page's buttons
_KEYS = [("可以按 Ctrl+E 导出 Word，或按 F2 预览", "可以点右侧的“下载 Word”导出，或下载网页版查看"),
         ("或按 Ctrl+P 选择", "或在右侧“改哪一部分”里选择"),
         ("按 F1 查看帮助", "说“帮助”查看可以怎么回答"), ("（见右侧）", "（见右侧“检查结果”）")]
HELP_TEXT = """可以这样说（任何一问都行，不会被当成回答）：
  “对” 保存我理解的内容；“不对” 重新回答
  “改表二”“改一（四）平台建设” 跳到那一部分
  “上一题” 回到上一题；“跳过” 先空着，写完前会回来问
  “落款日期：2026年1月20日” 改报告末尾的日期
  “帮助” 显示这段说明
右侧按钮：撤销上一个回答、下载 Word / 网页 / Markdown、报送县政务公开办。
在回答框里按回车发送；要换行按 Shift+回车。"""


def _for_page(text: str) -> str:
    for terminal, page in _KEYS:
        text = text.replace(terminal, page)
    return text


@dataclass
class Part:
    id: str
    title: str
    answered: bool
    current: bool


class Conversation:
    def __init__(self, engine: Engine, unit: str) -> None:
        self.engine = engine
        self.unit = unit
        self.lock = threading.RLock()
        self.transcript: list[dict[str, str]] = []  # turns: who, kind, text
        self.viewers: dict[str, tuple[str, float]] = {}  # login → (account, last seen)
        self._logged = 0  # turns of the transcript already in the log file
        self._torn = False  # the log ends in a line cut short

    # ------------------------------------------------------------- files
    @property
    def path(self) -> Path:
        return self.engine.path

    @property
    def state_path(self) -> Path:
        return state_path(self.engine.path)

    def _save_state(self) -> None:
        """Append what was said since the last save to the draft's log (one JSON line a turn): an append, not a rewrite of the whole history, so an answer costs one small write.  Not forced to
        the disk: the draft itself is, by the engine; a power cut costs at most the page's last lines, and a torn
        last line is skipped when read."""
        lines = [json.dumps({"turn": t}, ensure_ascii=False) for t in self.transcript[self._logged:]]
        if not lines:
            return
        try:
            self.state_path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.state_path, "a", encoding="utf-8", newline="\n") as f:
                f.write(("\n" if self._torn else "") + "".join(line + "\n" for line in lines))
        except OSError:
            return  # the draft itself is saved by the engine; only the page's history of it is not
        self._logged, self._torn = len(self.transcript), False
        if len(self.transcript) > 2 * MAX_TRANSCRIPT:
            self.transcript = self.transcript[-MAX_TRANSCRIPT:]
            self._logged = len(self.transcript)

    def _read_state(self) -> None:
        try:
            text = self.state_path.read_text(encoding="utf-8")
        except OSError:
            return
        for line in text.splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                continue  # a line cut short by a power cut
            if isinstance(item, dict) and isinstance(item.get("turn"), dict):
                self.transcript.append(item["turn"])
        self.transcript = self.transcript[-MAX_TRANSCRIPT:]
        self._logged = len(self.transcript)
        self._torn = bool(text) and not text.endswith("\n")  # the next line starts on a line of its own

    def _say(self, replies: list[Reply]) -> None:
        self.transcript += [{"who": "assistant", "kind": r.kind, "text": _for_page(r.text)} for r in replies]

    # ------------------------------------------------------------- the conversation
    def answer(self, text: str) -> None:
        text = (text or "").strip()
        if not text:
            return
        self.transcript.append({"who": "clerk", "kind": "say", "text": text})
        if HELP.match(text):
            self._say([Reply(HELP_TEXT)])
        else:
            try:
                replies = self.engine.answer(text)
            except InputError as e:
                replies = [Reply(str(e), "error")]
            self._say(replies + self._keep_the_unit())
        self._save_state()

    def command(self, name: str, arg: str = "") -> None:
        """The side panel's buttons: undo, back, skip, help, jump to a part."""
        said = {"undo": "撤销", "back": "上一题", "skip": "跳过", "help": "帮助"}.get(name)
        engine = self.engine
        try:
            if name == "jump":
                step = next((s for s in engine.steps if s.id == arg), None)
                if step is None:
                    return
                self.transcript.append({"who": "clerk", "kind": "say", "text": f"改{step.title}"})
                replies = engine.jump(arg)
            elif name == "help":
                self.transcript.append({"who": "clerk", "kind": "say", "text": "帮助"})
                replies = [Reply(HELP_TEXT)]
            elif said:
                self.transcript.append({"who": "clerk", "kind": "say", "text": said})
                replies = {"undo": engine.undo, "back": engine.back, "skip": engine.skip}[name]()
            else:
                return
        except InputError as e:
            replies = [Reply(str(e), "error")]
        self._say(replies + self._keep_the_unit())
        self._save_state()

    def propose_cells(self, table: str, cells: dict[tuple[str, str], int | float]) -> None:
        """The grid's changed cells, proposed as one answer (shown cell by cell in the conversation, stored on “对”)."""
        self.transcript.append({"who": "clerk", "kind": "say", "text": f"（在表格里改了{len(cells)}格）"})
        self._say(self.engine.propose_cells(table, cells))
        self._save_state()

    def _keep_the_unit(self) -> list[Reply]:
        """The agency is the account's unit, never asked: a step back onto the agency's question moves on."""
        engine = self.engine
        step = engine.step
        if step is None or step.kind != "field":
            return []
        index = engine.step_index
        engine.pending, engine.modes.return_to = None, None  # on from here, not back to the part left
        engine.step_index = index + 1
        engine.save()
        return [Reply(f"机关名称就是账号的单位“{self.unit}”，不用填写。")] + engine.question()

    # ------------------------------------------------------------- what the page shows
    def spoken(self) -> list[tuple[int, str, bool]]:
        """The sentences of the answer waiting for “对” that are still as the clerk said them: number, text, and whether
        a reference sentence of the same level can replace it (the page's buttons for 换N/改N/删N)."""
        pending = self.engine.pending
        if pending is None or pending.saved:
            return []
        return [(i, s.text, bool(s.reference)) for i, s in enumerate(pending.spoken, 1)]

    @property
    def done(self) -> bool:
        return self.engine.done

    @property
    def report(self) -> Report:
        return self.engine.report

    def parts(self) -> list[Part]:
        from gkassist.dialogue import kinds

        engine = self.engine
        return [Part(s.id, s.title, kinds.of(s).answered(s, engine.report), i == engine.step_index)
                for i, s in enumerate(engine.steps) if s.kind != "field"]

    def findings(self) -> list[Finding]:
        return self.engine.findings()

    def export_notice(self) -> str:
        return self.engine.export_notice()

    def export(self, kind: str) -> tuple[bytes, str]:
        from gkassist.output import render_bytes

        suffix = DOWNLOADS[kind]
        return render_bytes(self.engine.report, suffix), export_file_name(self.engine.report, suffix)

    def draft_bytes(self) -> bytes:
        return self.engine.path.read_bytes()

    def seen_by(self, login: str, account: str) -> list[str]:
        """Note that `login` looks at the draft; the other accounts that have it open now."""
        now = time.monotonic()
        self.viewers = {k: v for k, v in self.viewers.items() if now - v[1] < SHARED_FOR}
        self.viewers[login] = (account, now)
        return sorted({a for k, (a, _) in self.viewers.items() if k != login})

    def left_by(self, login: str) -> None:
        self.viewers.pop(login, None)


def state_path(draft: Path) -> Path:
    return draft.parent / ".web" / (draft.stem + ".jsonl")


class Conversations:
    """The open conversations of the server, by draft file; a lock per draft for everything done to it."""

    def __init__(self) -> None:
        self._open: OrderedDict[Path, Conversation] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, path: Path, unit: str) -> Conversation:
        with self._lock:
            conv = self._open.get(path)
            if conv is None:
                conv = _resume(path, unit)
                self._open[path] = conv
                while len(self._open) > MAX_OPEN:
                    self._open.popitem(last=False)
            self._open.move_to_end(path)
            return conv

    def start(self, folder: Path, unit: str, year: int, last_year: Report | None, note: str = "") -> Path:
        from gkassist.dialogue.engine import Engine
        from gkassist.dialogue.session import Drafts

        engine = Engine.start(last_year, year, unit, drafts=Drafts(folder))
        if engine.path.exists():
            raise InputError(f"{unit} {year}年度已经有一份草稿了，请在草稿列表里打开它")
        if last_year is None:
            engine.step_index = engine.first_unanswered()  # the agency is the account's unit
        engine.save()
        conv = Conversation(engine, unit)
        conv._say(engine.greeting(note))
        conv._save_state()
        with self._lock:
            self._open[engine.path] = conv
        return engine.path

    def forget(self, path: Path) -> None:
        with self._lock:
            self._open.pop(path, None)


def _resume(path: Path, unit: str) -> Conversation:
    from gkassist.dialogue.engine import Engine
    from gkassist.dialogue.session import Drafts

    engine = Engine.resume(path, drafts=Drafts(path.parent))  # its pending answer restored from the draft
    conv = Conversation(engine, unit)
    conv._read_state()
    opening = engine.greeting() if not conv.transcript else engine.question()  # question() shows a part's saved answer
    if not conv.transcript:
        conv._say(opening)
    return conv


def read_last_year(path: Path) -> tuple[Report, str]:
    """Last year's report from an uploaded file or a draft: the importer with its limits (a report JSON or a gkassist
    draft is read as one); a web address is never fetched for a clerk."""
    from gkassist.dialogue.session import read_draft
    from gkassist.importer import load_any

    if path.suffix.lower() == ".json":
        try:
            draft = read_draft(path)
            return draft.report, f"已读入去年的草稿：{draft.report.agency} {draft.report.year}年度"
        except InputError:
            pass
    report, result = load_any(path)
    return report, (f"已导入去年的报告：{result.summary()}" if result else f"已读入去年的报告：{report.agency} {report.year}年度")
