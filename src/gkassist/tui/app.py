"""The chat app: a thin Textual layer over `dialogue.Engine` (all logic lives in the engine)."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Markdown, Static

from ..checks import ERROR
from ..dialogue import Engine, Reply, drafts_dir
from ..prompts import flow
from ..errors import InputError

HELP = """\
**怎么回答**：直接用中文写，数字可以写阿拉伯数字或汉字（三件）。表格可以一句话说完，例如
“自然人申请5件，企业2件；予以公开4件……”。我会把理解的内容逐格列出来，回答“对”才保存。

**快捷键**：F1 帮助 · F2 预览 · Ctrl+S 保存 · Ctrl+E 导出 Word · Ctrl+Z 撤销上一个回答 ·
Ctrl+B 回到上一题 · Ctrl+P 命令面板（可跳到任一部分、导出其他格式） · Ctrl+Q 保存并退出。

写好一段文字后可以回答“参考1”把参考写法接在后面；配置了大模型时回答“润色”可以请它改通顺
（默认关闭；数字不会被改动，改写要通过检查才会给您看）。五里可以“去掉2”“改2：……”“加：……”。

每次确认后草稿都会自动保存，下次打开会接着写。"""


_MESSAGE_CLASS = {"error": "error", "suggestion": "suggestion"}


class Message(Static):
    DEFAULT_CSS = """
    Message { padding: 0 1; margin: 0 0 1 0; }
    Message.user { background: $primary-background; margin-left: 8; }
    Message.assistant { background: $panel; margin-right: 4; }
    Message.error { background: $error 20%; margin-right: 4; }
    Message.suggestion { color: $text-muted; margin-right: 4; }
    """


class KeyBar(Static):
    """The key bindings, one line, each clickable.

    Textual's Footer recomposes itself whenever the focused widget changes; on the first screen that alone
    cost about 45 ms of the start-up, for a line that never changes here.
    """

    DEFAULT_CSS = "KeyBar { dock: bottom; height: 1; background: $panel; color: $text-muted; overflow: hidden; }"

    def __init__(self, bindings: list[Binding]):
        keys = [("ctrl+p", "command_palette", "命令")] + [(b.key, b.action, b.description) for b in bindings]
        super().__init__(" ".join(
            f"[@click=app.{action.replace(chr(39), chr(34))}][b]{_key_name(key)}[/b] {label}[/]" for key, action, label in keys))


def _key_name(key: str) -> str:
    return key.replace("ctrl+", "^").upper()


class TextScreen(ModalScreen):
    BINDINGS = [Binding("escape,f1,f2,q", "dismiss", "关闭")]
    DEFAULT_CSS = """
    TextScreen { align: center middle; }
    TextScreen > VerticalScroll { width: 90%; height: 90%; border: round $accent; background: $surface; }
    """

    def __init__(self, markdown: str):
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll() as frame:
            frame.border_subtitle = "Esc 关闭 · ↑↓ 翻看"  # the key bar is under this screen, out of sight
            yield Markdown(self.markdown)


class DraftApp(App):
    TITLE = "gkassist 年报助手"
    CSS = """
    #title { dock: top; height: 1; background: $primary; color: $text; text-style: bold; padding: 0 1; }
    #main { height: 1fr; }
    #chat { width: 2fr; }
    #log { height: 1fr; }
    #side { width: 1fr; min-width: 24; border-left: solid $accent; padding: 0 1; }
    #answer { dock: bottom; }
    """
    BINDINGS = [
        Binding("f1", "help", "帮助"),
        Binding("f2", "preview", "预览"),
        Binding("ctrl+s", "save", "保存", priority=True),
        Binding("ctrl+e", "export('.docx')", "导出Word", priority=True),
        Binding("ctrl+z", "undo", "撤销", priority=True),
        Binding("ctrl+b", "back", "上一题", priority=True),
        Binding("ctrl+q", "save_quit", "保存退出", priority=True),
    ]

    def __init__(self, engine: Engine, notice: str = "", export_dir: Path | None = None):
        super().__init__()
        self.engine = engine
        self.notice = notice
        self.export_dir = export_dir or Path.cwd()

    def compose(self) -> ComposeResult:
        yield Static(id="title", markup=False)
        with Horizontal(id="main"):
            with Vertical(id="chat"):
                yield VerticalScroll(id="log")
                yield Input(placeholder="在这里输入回答，回车发送", id="answer")
            yield Static(id="side")
        yield KeyBar(self.BINDINGS)

    def on_mount(self) -> None:
        r = self.engine.report
        opening = [Reply(self.notice)] if self.notice else []
        opening.append(Reply(f"您好！我们来起草《{r.title}》（{r.format_version}年版格式）。"))
        self.say(*opening, *self.engine.question())
        self.refresh_side()
        self.query_one("#answer", Input).focus()

    def on_ready(self) -> None:
        # Ready comes after the first frame is on the screen: only then start jieba and the index.
        self.load_corpus()

    @work(thread=True, exclusive=True, group="corpus")
    def load_corpus(self) -> None:
        """jieba and the phrasing index load after the first paint; a failure only loses suggestions."""
        try:
            from ..corpus import warm_up

            warm_up()
        except Exception as e:  # noqa: BLE001 — suggestions are optional
            self.call_from_thread(self.notify, f"参考语料加载失败：{e}", severity="warning")

    # ------------------------------------------------------------ chat
    def say(self, *replies: Reply, user: bool = False) -> None:
        """Add replies to the chat in one layout pass; consecutive replies of one kind share a bubble."""
        bubbles: list[tuple[str, list[str]]] = []
        for r in replies:
            kind = "user" if user else _MESSAGE_CLASS.get(r.kind, "assistant")
            if bubbles and bubbles[-1][0] == kind:
                bubbles[-1][1].append(r.text)
            else:
                bubbles.append((kind, [r.text]))
        log = self.query_one("#log", VerticalScroll)
        log.mount_all(Message(_unspaced("\n".join(texts)), classes=kind, markup=False)
                      for kind, texts in bubbles)
        log.scroll_end(animate=False)

    @on(Input.Submitted, "#answer")
    def answered(self, event: Input.Submitted) -> None:
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
        try:
            return self.engine.answer(text)
        except InputError as e:
            return [Reply(str(e), "error")]

    @work(thread=True, exclusive=True, group="model")
    def answer_with_model(self, text: str) -> None:
        try:
            replies = self._answer(text)
        except Exception as e:  # noqa: BLE001 — an optional helper must never take the draft down
            replies = [Reply(f"润色没有完成（{e}），仍按您写的。", "error")]
        self.call_from_thread(self.show_replies, replies)

    def show_replies(self, replies: list[Reply]) -> None:
        self.say(*replies)
        self.refresh_side()
        answer = self.query_one("#answer", Input)
        if answer.disabled:
            answer.disabled = False
            answer.focus()

    def refresh_side(self) -> None:
        r = self.engine.report
        # a plain title line, not Header: Header's clock and icon cost start-up time and say less
        self.query_one("#title", Static).update(f"{self.TITLE} · {r.agency} {r.year}年度（{r.format_version}年版格式）")
        steps = flow()
        lines = ["[b]进度[/b]"]
        for i, step in enumerate(steps):
            mark = "✔" if i < self.engine.step_index else ("▶" if i == self.engine.step_index else "·")
            lines.append(f"{mark} {step['title']}")
        findings = self.engine.findings()
        errors = [f for f in findings if f.severity == ERROR]
        # blank cells are listed apart: on a fresh draft they are most of the 表格 and not yet a problem
        blank = sum(f.rule == "BLANK" for f in findings)
        lines.append(f"\n[b]检查[/b]：{len(errors)}个错误，{len(findings) - len(errors) - blank}个提醒"
                     + (f"\n（{blank}格未填）" if blank else ""))
        for f in errors[:6]:
            lines.append(f"[red]✗[/red]{_unspaced(f.location)}")
        self.query_one("#side", Static).update("\n".join(lines))

    # ------------------------------------------------------------ commands
    def action_help(self) -> None:
        step = self.engine.step
        where = f"\n\n**现在这一步**：{step['ask']}" if step else ""
        self.push_screen(TextScreen(HELP + where))

    def action_preview(self) -> None:
        from ..render import render_text

        self.push_screen(TextScreen(render_text(self.engine.report, ".md")))

    def action_save(self) -> None:
        path = self.engine.save()
        self.notify(f"已保存：{path}")

    def _waiting_for_model(self) -> bool:
        """While the model works on the pending answer, nothing else may move the dialogue."""
        if self.query_one("#answer", Input).disabled:
            self.notify("正在等大模型润色，请稍候再操作。", severity="warning")
            return True
        return False

    def action_undo(self) -> None:
        if not self._waiting_for_model():
            self.show_replies(self.engine.undo())

    def action_back(self) -> None:
        if not self._waiting_for_model():
            self.show_replies(self.engine.back())

    def action_export(self, suffix: str) -> None:
        from ..render import render_to

        r = self.engine.report
        path = self.export_dir / f"{r.agency}{r.year}年政府信息公开工作年度报告{suffix}"
        try:
            render_to(r, path)
        except InputError as e:
            self.notify(str(e), severity="error")
            return
        self.say(Reply(f"已导出：{path}"))
        self.notify(f"已导出：{path}")

    def action_save_quit(self) -> None:
        self.engine.save()
        self.exit()

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        for suffix, name in ((".docx", "Word"), (".html", "网页"), (".md", "Markdown"), (".txt", "文本")):
            yield _command(f"导出为{name}（{suffix}）", "把当前报告导出到当前文件夹", lambda s=suffix: self.action_export(s))
        for step in flow():
            yield _command(f"跳到：{step['title']}", step['ask'][:40], lambda i=step["id"]: self._jump(i))

    def _jump(self, step_id: str) -> None:
        if not self._waiting_for_model():
            self.show_replies(self.engine.jump(step_id))


def _unspaced(text: str) -> str:
    # “表三 · 一、…” wraps at its spaces into ragged lines; without them Chinese lines fill the width
    return text.replace(" · ", "·")


def _command(title: str, help: str, callback):
    from textual.app import SystemCommand

    return SystemCommand(title, help, callback)


def make_engine(from_file: str | None, year: int | None) -> tuple[Engine, str]:
    """The engine to open: last year's report given, else the most recent unfinished draft, else new."""
    if from_file:
        from ..importer import load_any

        last, result = load_any(from_file)
        note = f"已导入去年的报告：{result.summary()}" if result else f"已读入去年的报告：{last.agency} {last.year}年度"
        return Engine.start(last, year), note
    drafts = sorted(drafts_dir().glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True) if drafts_dir().is_dir() else []
    skipped = []
    for path in drafts:
        try:
            engine = Engine.resume(path)
        except InputError as e:
            skipped.append(f"{e}，已跳过（文件仍在原处）。")  # a broken draft must not hide an older good one
            continue
        if not engine.done:
            return engine, "\n".join(skipped + [f"接着上次的草稿继续（{path}）。"])
    return Engine.start(None, year), "\n".join(skipped + (["已另开新草稿。"] if skipped else []))


def run_app(from_file: str | None = None, year: int | None = None) -> int:
    engine, notice = make_engine(from_file, year)
    DraftApp(engine, notice).run()
    return 0
