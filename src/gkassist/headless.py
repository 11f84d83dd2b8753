"""The chat without a screen: `gkassist draft --answers FILE` runs the same engine as the TUI, one answer a
line, and prints the conversation (a transcript a clerk can attach to a problem report)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from gkassist.core.controls import visible
from gkassist.core.files import read_text_file
from gkassist.dialogue import Engine, Reply
from gkassist.dialogue.answers import plainly_later

_SPEAKER = {"error": "助手（请注意）", "suggestion": "助手（参考）"}


def read_answers(path: str | Path) -> list[str]:
    """The answers, one a line; blank lines are skipped (an empty answer is never meant)."""
    path = Path(path)
    text = read_text_file(path)
    return [line.strip() for line in text.splitlines() if line.strip()]


class Stream(Protocol):
    """Where the transcript goes: standard output, a file, a test's StringIO, or a Shown around one."""

    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


class Shown:
    """The transcript's stream: every control character in it (an agency with “\\x1b[2J”, a U+202E, a model's reply)
    written as “\\u001b” instead of acting on the terminal."""

    def __init__(self, out: Stream) -> None:
        self.out = out

    def write(self, text: str) -> int:
        return self.out.write(visible(text))

    def flush(self) -> None:
        self.out.flush()


def _open_question(engine: Engine) -> tuple[object, ...] | None:
    """The question back still open (the step and what its answers so far hold), None when none is: an answer that
    leaves it exactly as it was was not taken as a reply to it."""
    pending = engine.pending
    if engine.step is None or pending is None or not pending.asking or pending.step != engine.step.id:
        return None
    return engine.step.id, tuple(pending.turns), tuple(pending.proposals), tuple(pending.paragraphs)


def print_replies(replies: list[Reply], out: Stream | None = None) -> None:
    out = Shown(out or sys.stdout)
    for r in replies:
        speaker = _SPEAKER.get(r.kind, "助手")
        lines = r.text.splitlines() or [""]
        print(f"{speaker}：{lines[0]}", file=out)
        for line in lines[1:]:
            print(f"    {line}", file=out)


def run(engine: Engine, notice: str, answers: list[str], out: Stream | None = None,
        stalls: list[str] | None = None) -> Engine:
    """Say the opening, then each answer and the engine's replies; save the draft where the TUI would.  A table whose
    question back is still open when “对” or a later question's answer comes is left unfinished by the engine and the
    flow goes on; the tables still unfinished when the file ends are said (and added to `stalls`).  Where the engine
    cannot go on (that table is the last part left) and the answers go on to later questions, stop there: the rest
    of the file is never read as replies to that question."""
    out = Shown(out or sys.stdout)
    print_replies(engine.greeting(notice), out)
    for n, answer in enumerate(answers, 1):
        print(f"我：{answer}", file=out)
        before = _open_question(engine)
        replies = engine.answer(answer)
        print_replies([r for r in replies if r.kind != "action"], out)
        for r in replies:
            if r.kind == "action":
                print_replies(_do(engine, r.action), out)
        if before is None or before != _open_question(engine):
            continue
        step = engine.step
        if step is not None and step.kind == "table" and step.table and plainly_later(answer, step.table):
            said = (f"第{n}行：“{step.title}”的问题还没有回答，这一行是后面问题的回答，没有当作这一题的回答。"
                    "草稿停在这一题：请在界面里回答它，或在回答文件里补上这一题的回答后重新运行。")
            print(f"（停止：{said}）", file=out)
            if stalls is not None:
                stalls.append(said)
            break
    if engine.modes.offered_restart is None:
        for step, missing in engine.left_unfinished():
            said = f"“{step.title}”还没填完，没有保存。还差：{missing}"
            print("（" + "\n    ".join(said.splitlines()) + "）", file=out)
            if stalls is not None:
                stalls.append(said)
        path = engine.save()
        print(f"（草稿已保存：{path}）", file=out)
        if engine.left_unfinished():
            print("（用 gkassist draft 打开草稿接着写：没填完的表会接着上次说到的地方再问。）", file=out)
    return engine


def check_outputs(outputs: list[str], inputs: Sequence[str | Path | None]) -> None:
    """Each output named with -o: never one of the files read (last year's report, the answers, the draft), never
    a read-only or special file."""
    from gkassist.core.files import check_output

    for name in outputs:
        check_output(Path(name), [i for i in inputs if i is not None])


def _do(engine: Engine, action: str) -> list[Reply]:
    """A typed action that is the front end's: 导出 writes the Word file into the current folder (as the window
    does where it was started), 预览 prints the report."""
    if action == "export":
        return engine.export(Path.cwd())
    from gkassist.dialogue.views import preview, table_grid

    if action == "grid":  # no screen to edit on: the table as it stands, and how to set one cell
        grid = table_grid(engine)
        lines = [f"{grid.name}（现在的数字；改一格就说“{grid.name} 行名 列名 数字”）："]
        for row, label in grid.rows:
            cells = [f"{name} {_shown(grid.values[(row, col)])}" for col, name in grid.columns if (row, col) in grid.values]
            lines.append(f"  {label}：{'，'.join(cells)}")
        return [Reply("\n".join(lines))]
    return [Reply(preview(engine))]


def _shown(value: int | float | None) -> str:
    from gkassist.core.numbers import format_number

    return "未填" if value is None else format_number(value)


def export(engine: Engine, outputs: list[str], out: Stream | None = None) -> None:
    """Write the report; a report with errors or blank cells is written with a notice naming them."""
    from gkassist.output import check_output_names, render_to

    out = Shown(out or sys.stdout)
    check_output_names(outputs)
    notice = engine.export_notice()
    if notice:
        print(notice, file=out)
    for name in outputs:
        kept = render_to(engine.report, Path(name))
        print(f"已导出：{name}" + (f"（原文件留作备份：{kept}）" if kept else ""), file=out)
