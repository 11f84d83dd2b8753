"""The question flow of a draft (prompts/flow.yaml), typed and validated when it is loaded.

The flow lists the questions in order; each names the part of the report it fills (a table, a section, a part of
一、总体情况 with its sub-heading).  For a report the flow is fitted to its format (`steps_for`): a step for a table
or section the format lacks is left out, and a section of the format no step asks for gets a question of its own
(the format's `ask`), so that a new official format needs no change here.  The parts of 一 are also the section kinds
of the phrasing corpus (`overview_parts`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from gkassist.core import formats
from gkassist.core.yamldata import load_model
from gkassist.paths import resource_dir

OVERVIEW = "overview"


class Step(BaseModel):
    """One question of the flow; `kind` says how its answer is read and where it is stored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str  # the short name in the side panel and the command palette
    kind: str  # a kind the dialogue knows (field, preface, table, narrative, improvements, …)
    section: str = ""  # the section it fills (a narrative section, or the section holding its table)
    ask: str
    hint: str = ""
    table: str | None = None
    part: str = ""  # the part of 一、总体情况 (also the corpus section kind its suggestions come from)
    heading: str = ""  # the sub-heading its paragraph starts with, e.g. “（一）主动公开。”
    words: tuple[str, ...] = ()  # what a published report's sub-heading of this part says (“平台”, “监督”)
    opens_with: str = ""  # sentences made from the tables that open its paragraph (prompts/paragraphs.yaml)

    @model_validator(mode="after")
    def _table_steps_name_their_table(self) -> "Step":
        if (self.kind == "table") != (self.table is not None):
            raise ValueError("表格题（kind: table）必须写 table，其他题不能写")
        return self


class Flow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    steps: tuple[Step, ...]

    @model_validator(mode="after")
    def _unique_ids(self) -> "Flow":
        ids = [s.id for s in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError(f"步骤 id 有重复：{'、'.join(sorted({i for i in ids if ids.count(i) > 1}))}")
        return self

    def index(self, step_id: str) -> int | None:
        return next((i for i, s in enumerate(self.steps) if s.id == step_id), None)


def flow_path() -> Path:
    return resource_dir("prompts") / "flow.yaml"


@cache
def flow() -> Flow:
    """The drafting questions in order, as prompts/flow.yaml lists them."""
    flow: Flow = load_model(flow_path(), Flow)
    return flow


def steps_for(version: str) -> Flow:
    """The flow fitted to a format: its tables and sections only, and a question for each section it adds."""
    fmt = formats.get_format(version)
    return _fitted(version, fmt.source)


@cache
def _fitted(version: str, source: str) -> Flow:
    fmt = formats.get_format(version)
    kept = [s for s in flow().steps
            if (s.table is None or s.table in fmt.tables)
            and (not s.section or s.section in {x.id for x in fmt.sections} or s.section == "preface")]
    # a table whose format names other columns than the flow's question (2019's 表二) is asked in its own words
    kept = [s.model_copy(update={"ask": fmt.tables[s.table].question}) if s.table and fmt.tables[s.table].question
            else s for s in kept]
    asked = {s.section for s in kept if s.kind != "table"} | {s.table for s in kept if s.table}
    for section in fmt.sections:
        if section.table and section.table not in asked:
            kept.insert(_after(kept, fmt, section.id),
                        Step(id=section.id, title=f"{fmt.tables[section.table].name} {section.title[:8]}", kind="table",
                             table=section.table, section=section.id,
                             ask=section.ask or f"{section.heading}：今年的情况如何？请说出表格里的数字。"))
        elif section.narrative and section.id not in asked:
            kept.insert(_after(kept, fmt, section.id),
                        Step(id=section.id, title=f"{section.number}、{section.title[:8]}", kind="narrative",
                             section=section.id, ask=section.ask or f"{section.heading}：今年的情况如何？"))
    return Flow(steps=tuple(kept))


def _after(steps: list[Step], fmt: formats.ReportFormat, section_id: str) -> int:
    """Where a step for `section_id` goes: after the last step of a section before it in the format."""
    order = [s.id for s in fmt.sections]
    mine = order.index(section_id)
    where = 0
    for i, step in enumerate(steps):
        if step.section in order and order.index(step.section) < mine:
            where = i + 1
    return where


def overview_parts() -> tuple[tuple[str, str], ...]:
    """(part, sub-heading) of the parts of 一、总体情况 the flow asks for: (“主动公开”, “（一）主动公开。”), …"""
    return tuple((s.part, s.heading) for s in flow().steps if s.section == OVERVIEW and s.part)


def part_words() -> tuple[tuple[str, str], ...]:
    """(word, part): the words that tell which part of 一 a published report's sub-heading opens."""
    return tuple((w, s.part) for s in flow().steps if s.section == OVERVIEW and s.part for w in (s.words or (s.part,)))
