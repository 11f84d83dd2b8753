"""The chat without a screen: `gkassist draft --answers FILE` runs the same engine as the TUI, one answer a
line, and prints the conversation (a transcript a clerk can attach to a problem report)."""

from __future__ import annotations

import sys
from pathlib import Path

from gkassist.core.files import read_text_file
from gkassist.dialogue import Engine, Reply
from gkassist.dialogue.sentences import plainly_later

_SPEAKER = {"error": "助手（请注意）", "suggestion": "助手（参考）"}


def read_answers(path: str | Path) -> list[str]:
    """The answers, one a line; blank lines are skipped (an empty answer is never meant)."""
    path = Path(path)
    text = read_text_file(path)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _open_question(engine: Engine) -> tuple | None:
    """The question back still open (the step and what its answers so far hold), None when none is: an answer that
    leaves it exactly as it was was not taken as a reply to it."""
    pending = engine.pending
    if engine.step is None or pending is None or not pending.asking or pending.step != engine.step.id:
        return None
    return engine.step.id, tuple(pending.turns), tuple(pending.proposals), tuple(pending.paragraphs)


def print_replies(replies: list[Reply], out=None) -> None:
    out = out or sys.stdout
    for r in replies:
        speaker = _SPEAKER.get(r.kind, "助手")
        lines = r.text.splitlines() or [""]
        print(f"{speaker}：{lines[0]}", file=out)
        for line in lines[1:]:
            print(f"    {line}", file=out)


def run(engine: Engine, notice: str, answers: list[str], out=None, stalls: list[str] | None = None) -> Engine:
    """Say the opening, then each answer and the engine's replies; save the draft where the TUI would.  Where a
    question stays open and the answers go on to later questions, stop there (said, and added to `stalls`): the
    rest of the file is never read as replies to that question."""
    out = out or sys.stdout
    print_replies(engine.greeting(notice), out)
    for n, answer in enumerate(answers, 1):
        print(f"我：{answer}", file=out)
        before = _open_question(engine)
        print_replies(engine.answer(answer), out)
        if before is None or before != _open_question(engine):
            continue
        if engine.step.kind == "table" and plainly_later(answer, engine.step.table):
            said = (f"第{n}行：“{engine.step.title}”的问题还没有回答，这一行是后面问题的回答，没有当作这一题的回答。"
                    "草稿停在这一题：请在界面里回答它，或在回答文件里补上这一题的回答后重新运行。")
            print(f"（停止：{said}）", file=out)
            if stalls is not None:
                stalls.append(said)
            break
    if engine.offered_restart is None:
        path = engine.save()
        print(f"（草稿已保存：{path}）", file=out)
    return engine


def export(engine: Engine, outputs: list[str], out=None) -> None:
    """Write the report; a report with errors or blank cells is written with a notice naming them."""
    from gkassist.output import check_output_names, render_to

    out = out or sys.stdout
    check_output_names(outputs)
    notice = engine.export_notice()
    if notice:
        print(notice, file=out)
    for name in outputs:
        kept = render_to(engine.report, Path(name))
        print(f"已导出：{name}" + (f"（原文件留作备份：{kept}）" if kept else ""), file=out)
