"""The levels of a reporting body (township / department / government): their names and how a body's name tells
its level, all from prompts/levels.yaml (a clerk can review the word list).  Every other module asks here."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist.paths import resource_dir

Level = Literal["township", "department", "government"]
LEVELS: tuple[Level, ...] = ("township", "department", "government")


class LevelSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    bodies: tuple[str, ...] = ()

    @field_validator("bodies")
    @classmethod
    def _words(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if any(not w.strip() for w in v):
            raise ValueError("不能有空的词")
        return v


class LevelWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    levels: dict[Level, LevelSpec]
    departments_of_government: tuple[str, ...] = ()

    @field_validator("levels")
    @classmethod
    def _all_three(cls, v: dict[Level, LevelSpec]) -> dict[Level, LevelSpec]:
        missing = [level for level in LEVELS if level not in v]
        if missing:
            raise ValueError(f"缺少层级：{'、'.join(missing)}")
        return v


@cache
def words() -> LevelWords:
    from gkassist.core.yamldata import load_model

    loaded: LevelWords = load_model(resource_dir("prompts") / "levels.yaml", LevelWords)
    return loaded


def level_names() -> dict[str, str]:
    """township → 乡镇（街道）, …: how each level is named to a clerk."""
    return {level: words().levels[level].name for level in LEVELS}


def level_name(level: str) -> str:
    return level_names().get(level, level)


@cache
def _endings() -> list[tuple[str, Level]]:
    """(ending, level), longest first: the longest ending a name has decides (片区管理局 before 管理局)."""
    data = words()
    pairs: list[tuple[str, Level]] = [(w, level) for level, spec in data.levels.items() for w in spec.bodies]
    pairs += [(w, "department") for w in data.departments_of_government]
    return sorted(pairs, key=lambda p: -len(p[0]))


def level_of(agency: str) -> Level:
    """The level a body's name tells: by the kind of body it ends with (“金井片区管理局” is township-level, “青岚县
    教育局” a department, “平潭综合实验区（管委会）” a government); a department where no ending is known."""
    name = re.sub(r"[\s（）()【】\[\]]", "", agency)
    return next((level for ending, level in _endings() if name.endswith(ending)), "department")
