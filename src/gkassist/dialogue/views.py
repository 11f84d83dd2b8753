"""What a front end shows beside the conversation, computed once here for every front end (the window, a web
page): the title line, the progress through the questions, the checks in plain words, the preview and the review
of a finished report.  A front end only draws it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from gkassist.checks import ERROR
from gkassist.dialogue.engine import Engine

SHOWN_ERRORS = 4  # the side panel lists the first few; the preview has them all


@dataclass
class Progress:
    title: str
    state: Literal["done", "open", "todo"]  # answered before the question open, the question open, after it


@dataclass
class Problem:
    message: str  # what is wrong: a clerk must know what to fix, not only which cell
    location: str


@dataclass
class SidePanel:
    title: str  # the agency, the year and the format
    progress: list[Progress] = field(default_factory=list)
    errors: int = 0
    reminders: int = 0  # warnings, blank cells apart
    blank: int = 0  # blank cells: on a fresh draft most of the tables, not yet a problem
    shown: list[Problem] = field(default_factory=list)  # the first errors

    @property
    def more(self) -> int:
        return self.errors - len(self.shown)


def side_panel(engine: Engine) -> SidePanel:
    r = engine.report
    panel = SidePanel(f"{r.agency} {r.year}年度（{r.format.name}格式）")
    for i, step in enumerate(engine.steps):
        state: Literal["done", "open", "todo"] = "done" if i < engine.step_index else (
            "open" if i == engine.step_index else "todo")
        panel.progress.append(Progress(step.title, state))
    findings = engine.findings()
    errors = [f for f in findings if f.severity == ERROR]
    panel.errors, panel.blank = len(errors), sum(f.rule == "BLANK" for f in findings)
    panel.reminders = len(findings) - len(errors) - panel.blank
    panel.shown = [Problem(f.message, f.location) for f in errors[:SHOWN_ERRORS]]
    return panel


def preview(engine: Engine) -> str:
    """The whole report as it stands, in Markdown."""
    from gkassist.output import render_text

    return render_text(engine.report, ".md")


def review(engine: Engine, limit: int = 30) -> str:
    """A finished report opened: its checks, then the whole report (Markdown)."""
    findings = engine.findings()
    lines = [f"- **{f.severity_label}** {f.location}：{f.message}" for f in findings[:limit]]
    return "## 检查结果\n\n" + ("\n".join(lines) if lines else "没有发现问题。") + "\n\n---\n\n" + preview(engine)
