"""The data in prompts/: the question flow, the problem areas for 五, the polish prompt. Read once, never code."""

from __future__ import annotations

from functools import cache

import yaml

from .resources import resource_dir


def _load(name: str) -> dict:
    return yaml.safe_load((resource_dir("prompts") / name).read_text(encoding="utf-8"))


@cache
def flow() -> list[dict]:
    """The drafting questions in order (prompts/flow.yaml)."""
    return _load("flow.yaml")["steps"]


@cache
def problem_areas() -> list[dict]:
    """The problem areas of 五 with their signals and wording (prompts/problems.yaml)."""
    return _load("problems.yaml")["areas"]


@cache
def polish_prompts() -> dict:
    """The system and user prompts of the optional wording polish (prompts/polish.yaml)."""
    return _load("polish.yaml")
