"""How large a figure a body of each level plausibly reports (prompts/limits.yaml): above it a note asks the clerk
to check the unit before “对”."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist.core import formats
from gkassist.core.levels import Level
from gkassist.core.numbers import format_number
from gkassist.core.yamldata import load_model
from gkassist.dialogue.answers.parsed import Cells
from gkassist.paths import resource_dir

LEVEL_NAMES = {"township": "乡镇（街道）", "department": "部门", "government": "政府"}


class Limits(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    limits: dict[str, dict[Level, float]]

    @field_validator("limits")
    @classmethod
    def _cells(cls, limits: dict[str, dict[Level, float]]) -> dict[str, dict[Level, float]]:
        for address in limits:
            table, _, rest = address.partition(".")
            row, _, column = rest.partition(".")
            if not any(f.has(table, row, column) for f in formats.all_formats()):
                raise ValueError(f"没有“{address}”这一格（写成 表.行.列，例如 t2.fees.fee_amount）")
        return limits


@cache
def limits() -> Limits:
    return load_model(resource_dir("prompts") / "limits.yaml", Limits)


def implausible(cells: Cells, level: Level, fmt: formats.ReportFormat) -> list[str]:
    """A note for each figure above its level's limit, naming the cell and the unit to check."""
    notes = []
    for (table, row, column), value in cells.items():
        limit = limits().limits.get(f"{table}.{row}.{column}", {}).get(level)
        if limit is None or not isinstance(value, (int, float)) or value <= limit:
            continue
        unit = fmt.tables[table].column(row, column).unit or ""
        notes.append(f"注意：{fmt.location(table, row, column)}是{format_number(value)}{unit}，对{LEVEL_NAMES.get(level, '')}"
                     f"来说很少见（一般不超过{format_number(limit)}{unit}）。请核对单位（元还是万元）；确实如此就回答“对”。")
    return notes
