"""The chat app: a thin Textual layer over `dialogue.Engine` (all logic lives in the engine).

The look is in app.tcss, the help text in help.md, the widgets and screens beside this file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static

from gkassist.core import fileformats
from gkassist.core.controls import visible, visible_line
from gkassist.core.errors import InputError
from gkassist.dialogue.replies import Reply
from gkassist.tui.commands import DraftCommands
from gkassist.tui.screens import TextScreen
from gkassist.tui.widgets import AnswerInput, ChatBubble, KeyBar, NoticeLine, key_name

if TYPE_CHECKING:  # the engine loads the domain (pydantic, the formats): the window draws its first frame before
    from gkassist.dialogue.engine import Engine
    from gkassist.dialogue.session import DraftLock
    from gkassist.tui.commands import PaletteEntry

HELP = (Path(__file__).parent / "help.md").read_text(encoding="utf-8")
_BUBBLE_CLASS = {"error": "error", "suggestion": "suggestion"}
EXPORT_FORMATS = tuple((k.suffix, k.name) for k in fileformats.kinds("report"))  # core.fileformats: one registry
# what each action of prompts/actions.yaml is in this window (the names and keys are the data's)
_DOES = {"help": "help", "preview": "preview", "export": "export('.docx')", "back": "back", "skip": "skip",
         "reopen": "reopen", "grid": "grid", "closing": "closing_date", "undo": "undo", "save": "save",
         "quit": "save_quit"}


def _action_bindings() -> list[Binding]:
    """The key bar's keys: prompts/actions.yaml's names and keys, in its order (Ctrl keys before the answer line's)."""
    from gkassist.dialogue.actions import actions

    return [Binding(a.key, _DOES[a.id], a.name, show=a.bar, priority=a.key.startswith("ctrl+"))
            for a in actions().words.actions]


class DraftApp(App[object]):
    TITLE = "gkassist 年报助手"
    CSS_PATH = "app.tcss"
    COMMANDS = {DraftCommands}
    COMMAND_PALETTE_DISPLAY = "命令"
    BINDINGS = [
        *_action_bindings(),
        # the conversation scrolls by page while the answer line keeps the focus (not in the key bar: it is full)
        Binding("pageup", "scroll_log(-1)", "上翻", show=False),
        Binding("pagedown", "scroll_log(1)", "下翻", show=False),
    ]

    def __init__(self, engine: Engine | None = None, notice: str = "", export_dir: Path | None = None,
                 opener: Callable[[], tuple[Engine, str]] | None = None) -> None:
        """`engine` to draft with, or `opener` to build it (engine, notice) once the first frame is drawn:
        the screen appears before the domain is loaded."""
        super().__init__()
        self.engine: Engine | None = engine  # None until `opener` has built it (the first frame is drawn first)
        self.opener = opener
        self.open_error = ""
        self.lock: DraftLock | None = None
        self.notice = notice
        self._export_dir = export_dir

    @property
    def export_dir(self) -> Path:
        """Where Ctrl+E writes: the folder given, else the one the last export went to, else the current one."""
        if self._export_dir is not None:
            return self._export_dir
        from gkassist.dialogue.session import last_export_dir

        return last_export_dir(self.engine.drafts if self.engine is not None else None) or Path.cwd()

    def compose(self) -> ComposeResult:
        yield Static(id="title", markup=False)
        with Horizontal(id="main"):
            with Vertical(id="chat"):
                yield VerticalScroll(id="log")
                yield AnswerInput(placeholder="在这里输入回答，回车发送；PgUp/PgDn 翻看对话", id="answer")
            yield Static(id="side")
        with Vertical(id="foot"):
            yield NoticeLine(id="notice")
            yield KeyBar([b for b in self.BINDINGS if isinstance(b, Binding)])  # all are: _action_bindings'

    def on_mount(self) -> None:
        self.query_one("#answer", Input).focus()
        if self.engine is None:
            self.query_one("#title", Static).update(f"{self.TITLE} · 正在打开草稿……")
            self.call_after_refresh(self._open)  # after the first frame: the skeleton is on the screen by then
        else:
            self._start()

    def _open(self) -> None:
        from gkassist.dialogue.session import lock_draft

        try:
            assert self.opener is not None, "DraftApp needs an engine or an opener"
            engine, self.notice = self.opener()
            # a second window on the same draft is refused, not left to overwrite this one; the engine keeps the
            # lock with the draft when a save renames or moves it
            self.lock = lock_draft(engine)
        except InputError as e:
            self.open_error = str(e)
        except Exception as e:  # noqa: BLE001 — a bug opening a file must end in words, not a crashed screen
            self.open_error = (f"出现了意外的内部错误（{type(e).__name__}：{str(e)[:200]}）。"
                               "请把这条消息、所用的命令和文件发给维护人员；您的草稿不受影响。")
        if self.open_error:
            self.exit(return_code=2)
            return
        self.engine = engine
        self._start()

    def on_unmount(self) -> None:
        if self.lock is not None:
            self.lock.release()

    def _start(self) -> None:
        assert self.engine is not None  # on mount, or once opened
        self.say(*self.engine.greeting(self.notice))
        self.refresh_side()
        if self.engine.done and not self.engine.modes.asking_own:
            self.action_review()

    def action_command_palette(self, query: str = "") -> None:
        """The palette, with a Chinese prompt (Textual's says “Search for commands…”); `query` typed in already."""
        from textual.command import CommandPalette

        if not CommandPalette.is_open(self):
            palette = CommandPalette(id="--command-palette", placeholder="输入要做的事或部分名称，如“表三”“导出”")
            self.push_screen(palette)
            if query:
                palette.call_after_refresh(lambda: setattr(palette.query_one(Input), "value", query))

    def on_ready(self) -> None:
        # Ready comes after the first frame is on the screen: only then start jieba and the index.
        self.load_corpus()

    def load_corpus(self) -> None:
        """jieba and the phrasing index load after the first paint; a failure only loses suggestions.

        In a daemon thread, not a Textual thread worker: those run in asyncio's executor, which is joined as the app
        closes, and on a first start (jieba's cache and the index being built) Ctrl+Q left a blank terminal for 17 s
        before the process ended.  Whatever the warm-up leaves half done is built again on the next start."""
        import threading

        def run() -> None:
            try:
                from gkassist.corpus import warm_up

                warm_up()
            except Exception as e:  # noqa: BLE001 — suggestions are optional
                try:
                    self.call_from_thread(self.notify, f"参考语料加载失败：{e}", severity="warning", markup=False)
                except RuntimeError:
                    pass  # the app has closed meanwhile

        threading.Thread(target=run, name="gkassist-warm-up", daemon=True).start()

    # ------------------------------------------------------------ chat
    def say(self, *replies: Reply, user: bool = False) -> None:
        """Add replies to the chat in one layout pass; consecutive replies of one kind share a bubble."""
        bubbles: list[tuple[str, list[str]]] = []
        for r in replies:
            kind = "user" if user else _BUBBLE_CLASS.get(r.kind, "assistant")
            if bubbles and bubbles[-1][0] == kind:
                bubbles[-1][1].append(r.text)
            else:
                bubbles.append((kind, [r.text]))
        log = self.query_one("#log", VerticalScroll)
        new = [ChatBubble(visible(_unspaced("\n".join(texts))), classes=kind) for kind, texts in bubbles]
        if not new:
            return
        log.mount_all(new)
        if user:
            log.scroll_end(animate=False)
        else:
            # the start of what the assistant says stays in sight: a long “将写入” scrolled to its end hid its first
            # half (the paragraph it had put in the wrong place); PageDown reads on
            log.call_after_refresh(self._show_from, new[0])

    def _show_from(self, bubble: ChatBubble) -> None:
        log = self.query_one("#log", VerticalScroll)
        start = bubble.virtual_region.y if bubble.is_attached else log.max_scroll_y
        if start < log.max_scroll_y:  # the end in sight would hide its start: its start at the top instead
            log.scroll_to(y=start, animate=False, immediate=True)
            self.query_one("#notice", NoticeLine).show("回复较长，从开头显示；按 PageDown 往下看，PageUp 往回翻。")
        else:
            log.scroll_end(animate=False, immediate=True)

    @on(Input.Submitted, "#answer")
    def answered(self, event: Input.Submitted) -> None:
        if self.engine is None:
            return  # still opening the draft: the typed answer stays in the box
        text = event.value
        event.input.value = ""
        self.say(Reply(text or "（空）"), user=True)
        if self.engine.wants_model(text):
            # the network call runs in a worker; the input waits so the draft is not changed meanwhile
            event.input.disabled = True
            self.say(Reply("正在请大模型润色，请稍候……"))
            self.answer_with_model(text)
            return
        self.show_replies(self._answer(text))

    def _answer(self, text: str) -> list[Reply]:
        engine = self.engine
        assert engine is not None  # an answer is only taken once the draft is open
        return self._guarded(lambda: engine.answer(text))

    def answer_with_model(self, text: str) -> None:
        """The network call in a daemon thread: quitting (Ctrl+Q) never waits for a slow model to answer, which
        a Textual thread worker (an executor thread, joined at exit) would."""
        import threading

        def run() -> None:
            replies = self._answer(text)  # _guarded: every failure is a reply, the draft stays as it was
            try:
                self.call_from_thread(self.show_replies, replies)
            except RuntimeError:
                pass  # the app has closed meanwhile

        threading.Thread(target=run, name="gkassist-polish", daemon=True).start()

    def show_replies(self, replies: list[Reply]) -> None:
        wanted = [r.action for r in replies if r.kind == "action"]
        self.say(*[r for r in replies if r.kind != "action"])
        self.refresh_side()
        for action in wanted:  # typed “导出”, “预览”: the same as their keys
            self.call_later(self.run_action, _DOES[action])
        answer = self.query_one("#answer", Input)
        if answer.disabled:
            answer.disabled = False
            answer.focus()

    def refresh_side(self) -> None:
        from gkassist.dialogue.views import side_panel

        assert self.engine is not None  # drawn once the draft is open
        panel = side_panel(self.engine)
        # a plain title line, not Header: Header's clock and icon cost start-up time and say less
        # the agency as read from a file: its control characters (an SGR “\x1b[31m”) shown, never acting
        self.query_one("#title", Static).update(f"{self.TITLE} · {visible_line(panel.title)}")
        marks = {"done": "✔", "open": "▶", "todo": "·", "unfinished": "…"}
        lines = ["[b]进度[/b]"] + [f"{marks[p.state]} {_escape(p.title)}" for p in panel.progress]
        lines.append(f"\n[b]检查[/b]：{panel.errors}个错误，{panel.reminders}个提醒"
                     + (f"\n（{panel.blank}格未填）" if panel.blank else ""))
        for problem in panel.shown:
            message = problem.message if len(problem.message) <= 48 else problem.message[:46] + "……"
            lines.append(f"[red]✗[/red]{_escape(message)}\n  [dim]{_escape(_unspaced(problem.location))}[/dim]")
        if panel.more > 0:
            lines.append(f"……还有{panel.more}个（F2 预览里有全部）")
        self.query_one("#side", Static).update("\n".join(lines))

    # ------------------------------------------------------------ commands
    def action_help(self) -> None:
        if self.engine is None:
            return  # still opening the draft
        here = "\n\n".join(r.text for r in self.engine.help()[:1])  # the same help “帮助” gives in the conversation
        self.push_screen(TextScreen(f"**现在这一题**：{here}\n\n{HELP}"))

    def action_preview(self) -> None:
        if self.engine is None:
            return  # still opening the draft
        from gkassist.dialogue.views import column_shorts, preview

        self.push_screen(TextScreen(preview(self.engine), column_shorts(self.engine)))

    def action_review(self) -> None:
        """A finished report: its checks, then the whole report.  The checks run in a worker, said on the notice
        line meanwhile: chosen from the palette, nothing moved for seconds and the clerk pressed Enter again."""
        if self.engine is None:
            return  # still opening the draft
        self.query_one("#notice", NoticeLine).show("正在检查整份报告，请稍候……", seconds=30)
        self.check_report(self.engine)

    @work(thread=True, exclusive=True, group="review")
    def check_report(self, engine: Engine) -> None:
        from gkassist.dialogue.views import column_shorts, review

        shown: list[tuple[str, dict[str, str]]] = []

        def run() -> list[Reply]:
            shown.append((review(engine), column_shorts(engine)))
            return []

        failed = self._guarded(run)  # a bug in a check is said in the chat, the app stays
        self.call_from_thread(self._show_review, shown, failed)

    def _show_review(self, shown: list[tuple[str, dict[str, str]]], failed: list[Reply]) -> None:
        self.query_one("#notice", NoticeLine).clear()
        if failed:
            self.say(*failed)
        for text, shorts in shown:
            self.push_screen(TextScreen(text, shorts))

    def action_save(self) -> None:
        if self.engine is None:
            return  # still opening the draft
        try:
            path = self.engine.save()
        except InputError as e:
            self.say(Reply(f"{e}。草稿还在内存里，没有丢；请检查磁盘空间或文件夹权限后再按 Ctrl+S。", "error"))
            return
        self.say(*self.engine.take_notices())
        self.query_one("#notice", NoticeLine).show(f"已保存：{path}")

    def _waiting_for_model(self) -> bool:
        """While the model works on the pending answer, nothing else may move the dialogue."""
        if self.query_one("#answer", Input).disabled:
            self.notify("正在等大模型润色，请稍候再操作。", severity="warning")
            return True
        return False

    def action_undo(self) -> None:
        if self.engine is None:
            return  # still opening the draft
        if not self._waiting_for_model():
            self.show_replies(self._guarded(self.engine.undo))

    # Textual's own `action_back` (a coroutine: back a screen) is replaced by the conversation's “上一题”; Textual
    # runs an action whether it is a coroutine or not
    def action_back(self) -> None:  # type: ignore[override]
        if self.engine is None:
            return  # still opening the draft
        if not self._waiting_for_model():
            self.show_replies(self._guarded(self.engine.back))

    def _guarded(self, action: Callable[[], list[Reply]]) -> list[Reply]:
        """Every call into the engine: a problem is said in the chat, the app and the answers in memory stay."""
        try:
            return action()
        except InputError as e:
            return [Reply(str(e), "error")]
        except Exception as e:  # noqa: BLE001 — a bug must not close the app and take the clerk's answers with it
            return [Reply(f"出现了意外的内部错误（{type(e).__name__}：{str(e)[:200]}）。已写好的内容都还在，"
                          "可以接着回答或按 Ctrl+S 保存；请把这条消息告诉维护人员。", "error")]

    def action_export(self, suffix: str) -> None:
        if self.engine is None:
            return  # still opening the draft
        engine = self.engine
        replies = self._guarded(lambda: engine.export(self.export_dir, suffix))
        self.say(*replies)
        if replies and replies[-1].kind == "exported":
            # the whole path is in the chat; the notice stays short, on a line of its own (a toast lost characters)
            self.query_one("#notice", NoticeLine).show("已导出：" + Path(replies[-1].text.splitlines()[0].removeprefix("已导出到：")).name)

    def action_skip(self) -> None:
        if self.engine is not None and not self._waiting_for_model() and self.engine.step is not None:
            self.show_replies(self._guarded(self.engine.skip))

    def action_reopen(self) -> None:
        """改表…: the palette, showing the parts to open."""
        if self.engine is not None:
            self.action_command_palette("改")

    def action_closing_date(self) -> None:
        self._ask_closing_date()

    def action_grid(self) -> None:
        """The table under discussion, full screen: arrows move, digits edit, Enter proposes what was changed."""
        if self.engine is None or self._waiting_for_model():
            return
        from gkassist.dialogue.views import table_grid
        from gkassist.tui.grid import GridScreen

        engine = self.engine
        grid = table_grid(engine)

        def proposed(cells: dict[tuple[str, str], int | float] | None) -> None:
            if cells:
                self.show_replies(self._guarded(lambda: engine.propose_cells(grid.table, cells)))

        self.push_screen(GridScreen(grid), proposed)

    def action_save_quit(self) -> None:
        if self.engine is None:
            self.exit()
            return
        try:
            self.engine.save()
        except InputError as e:
            self.say(Reply(f"{e}。草稿还在内存里，没有退出；请检查磁盘空间或文件夹权限后再按 Ctrl+Q。", "error"))
            return
        self.exit()

    def palette_entries(self) -> Iterator[PaletteEntry]:
        """(title, help, callback) of the command palette: the actions of prompts/actions.yaml by the names the key bar
        and the typed commands use, each part to open (“改表三 依申请公开”), then the other export formats."""
        from gkassist.dialogue.actions import actions

        if self.engine is None:
            return
        closing = self.engine.report.closing()
        for a in actions().words.actions:
            if a.id == "reopen":
                for step in self.engine.steps:
                    yield f"改{step.title}", step.ask[:40], partial(self._jump, step.id)
                continue
            about = a.about
            if a.id == "closing":
                about = f"现在是{closing[1] if closing else '今天'}；{about}"
            yield f"{a.name}（{key_name(a.key)}）", about, partial(self.call_later, self.run_action, _DOES[a.id])
        for suffix, name in EXPORT_FORMATS[1:]:
            yield f"导出为{name}（{suffix}）", f"导出到 {self.export_dir}", partial(self.action_export, suffix)
        yield "检查结果和整份报告", "已完成的报告打开时显示的页面", self.action_review

    def action_scroll_log(self, direction: int) -> None:
        log = self.query_one("#log", VerticalScroll)
        (log.scroll_page_down if direction > 0 else log.scroll_page_up)(animate=False)

    def _ask_closing_date(self) -> None:
        answer = self.query_one("#answer", Input)
        answer.value = "落款日期："
        answer.cursor_position = len(answer.value)
        answer.focus()

    def _jump(self, step_id: str) -> None:
        engine = self.engine
        if engine is not None and not self._waiting_for_model():
            self.show_replies(self._guarded(lambda: engine.jump(step_id)))


def _unspaced(text: str) -> str:
    # “表三 · 一、…” wraps at its spaces into ragged lines; without them Chinese lines fill the width
    return text.replace(" · ", "·")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(visible(text))


def run_app(from_file: str | None = None, year: int | None = None, agency: str | None = None, new: bool = False) -> int:
    def opener() -> tuple[Engine, str]:
        from gkassist.dialogue.opening import open_session

        return open_session(from_file, year, agency, new)

    app = DraftApp(opener=opener)
    app.run()
    if app.open_error:
        raise InputError(app.open_error)
    return 0
