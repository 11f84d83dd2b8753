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
    # answered before the question open, the question open, after it; or a table the flow went on from with a
    # question still open (nothing of it stored yet): never shown as done
    state: Literal["done", "open", "todo", "unfinished"]


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
    from gkassist.dialogue import kinds

    for i, step in enumerate(engine.steps):
        state: Literal["done", "open", "todo", "unfinished"] = "done" if i < engine.step_index else (
            "open" if i == engine.step_index else "todo")
        # a part reopened (“改一（一）”, Ctrl+G) leaves the parts up to where the clerk had come saved: they stay
        # done, not shown as lost (a part skipped there, still empty, stays to do)
        back_to = engine.modes.return_to
        if state == "todo" and back_to is not None and i < back_to and step.kind in kinds.KINDS \
                and kinds.of(step).answered(step, r):
            state = "done"
        if step.id in engine.state.unfinished and state != "open":
            state = "unfinished"
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


@dataclass
class Grid:
    """A table as a grid to edit in place: its rows and columns by their labels, the values it holds now (the answer
    waiting for “对”, else what is saved; totals computed), and which cells the clerk may set."""

    table: str
    name: str
    rows: list[tuple[str, str]]  # (row id, its label)
    columns: list[tuple[str, str]]  # (column id, its label with the block it is under)
    values: dict[tuple[str, str], int | float | None]  # only the cells the table has
    editable: set[tuple[str, str]]
    shorts: dict[str, str] = field(default_factory=dict)  # column id → its short header (“企业”), where it has one

    def why_not(self, row: str, column: str) -> str:
        if (row, column) not in self.values:
            return "这一格在表里没有。"
        return "" if (row, column) in self.editable else "这一格由其他格算出（合计，或按去年的报告推算），不直接填。"


def table_grid(engine: Engine) -> Grid:
    """The table under discussion (the question open, else the last table asked before it, else the first)."""
    from gkassist.dialogue.cellform import carried_from_last_year, derived
    from gkassist.dialogue.kinds.table import Table

    steps = [(i, s) for i, s in enumerate(engine.steps) if s.kind == "table"]
    before = [s for i, s in steps if i <= engine.step_index]
    step = (before or [s for _, s in steps])[-1]
    table = step.table
    assert table is not None  # `steps` are the table questions
    fmt = engine.report.format
    trial = engine.report.model_copy(deep=True)
    pending = engine.pending
    if pending is not None and pending.step == step.id and pending.cells:
        Table().fill(engine.state, trial, table, dict(pending.cells))
    rows: dict[str, str] = {}
    columns: dict[str, str] = {}
    values: dict[tuple[str, str], int | float | None] = {}
    editable: set[tuple[str, str]] = set()
    for _, row, col in fmt.tables[table].cells():
        rows.setdefault(row.id, row.plain_label or row.label)
        columns.setdefault(col.id, "·".join([*col.named[-1:], col.label]))
        values[(row.id, col.id)] = trial.number(table, row.id, col.id)
        carried = engine.last_year is not None and carried_from_last_year(fmt, table, row.id, col.id)
        if not derived(fmt, table, row.id, col.id) and not carried:
            editable.add((row.id, col.id))
    shorts = {col.id: col.short for _, _, col in fmt.tables[table].cells() if col.short}
    return Grid(table, fmt.tables[table].name, list(rows.items()), list(columns.items()), values, editable, shorts)


def column_shorts(engine: Engine) -> dict[str, str]:
    """Each column header of the report's tables (as the preview prints it) → its short header (“商业企业” → “企业”),
    for a screen too narrow for the full ones."""
    return {col.label: col.short for table in engine.report.format.tables.values()
            for _, _, col in table.cells() if col.short}
