"""The data in prompts/, typed: the question flow, the problem areas of 五, the polish prompt.

Read once and validated with pydantic, so a mistake in a YAML file is one Chinese line naming the file
and the step, not a KeyError in the middle of a conversation.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

import yaml
from pydantic import BaseModel, ValidationError, model_validator

from gkassist.core.errors import InputError
from gkassist.paths import resource_dir

# The C loader is about ten times faster than the pure-Python one; fall back where libyaml is missing.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Step(BaseModel, frozen=True):
    """One question of the flow; `kind` says how its answer is read and where it is stored."""

    id: str
    title: str  # the short name in the side panel and the command palette
    kind: Literal["field", "preface", "table", "narrative", "improvements"]
    section: str
    ask: str
    hint: str = ""
    table: Literal["t2", "t3", "t4"] | None = None
    part: str = ""  # the part of 一、总体情况 (also the corpus section kind its suggestions come from)
    heading: str = ""  # the sub-heading its paragraph starts with, e.g. “（一）主动公开。”

    @model_validator(mode="after")
    def _table_steps_name_their_table(self) -> "Step":
        if (self.kind == "table") != (self.table is not None):
            raise ValueError("表格题（kind: table）必须写 table，其他题不能写")
        return self


class Flow(BaseModel, frozen=True):
    steps: tuple[Step, ...]

    @model_validator(mode="after")
    def _unique_ids(self) -> "Flow":
        ids = [s.id for s in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError("步骤 id 有重复")
        return self

    def index(self, step_id: str) -> int | None:
        return next((i for i, s in enumerate(self.steps) if s.id == step_id), None)


class Condition(BaseModel, frozen=True):
    """A figure of this year's report (or its share of another) compared with a number."""

    figure: str
    share_of: str | None = None
    equals: float | None = None
    at_least: float | None = None
    more_than: float | None = None

    def holds(self, figures: dict) -> bool:
        value = figures[self.figure]
        if self.share_of is not None:
            whole = figures[self.share_of]
            if not whole:
                return False
            value = value / whole
        return ((self.equals is None or value == self.equals)
                and (self.at_least is None or value >= self.at_least)
                and (self.more_than is None or value > self.more_than))


class Said(BaseModel, frozen=True):
    """The clerk named a gap in their answer for `part` (e.g. “依申请公开栏目尚未开通”)."""

    part: str
    words: tuple[str, ...]


class ProblemArea(BaseModel, frozen=True):
    id: str
    problem: str
    improvement: str
    when: tuple[Condition, ...] = ()
    said: Said | None = None
    fallback: bool = False  # used only when fewer than two other areas apply


class ProblemAreas(BaseModel, frozen=True):
    areas: tuple[ProblemArea, ...]


def _load(name: str, model: type[BaseModel]):
    path = resource_dir("prompts") / name
    try:
        return model.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader))
    except (yaml.YAMLError, OSError) as e:
        raise InputError(f"{path}：无法读取（{e}）") from None
    except ValidationError as e:
        err = e.errors()[0]
        raise InputError(f"{path}：{'.'.join(map(str, err['loc']))} {err['msg']}") from None


@cache
def flow() -> Flow:
    """The drafting questions in order (prompts/flow.yaml)."""
    return _load("flow.yaml", Flow)


@cache
def problem_areas() -> tuple[ProblemArea, ...]:
    """The problem areas of 五 with their conditions and wording (prompts/problems.yaml)."""
    return _load("problems.yaml", ProblemAreas).areas


@cache
def polish_prompts() -> dict:
    """The system and user prompts of the optional wording polish (prompts/polish.yaml)."""
    return yaml.load((resource_dir("prompts") / "polish.yaml").read_text(encoding="utf-8"), Loader=_Loader)
