"""The rules: each check function registers the rule ids it reports and what it needs (last year's report, the
date), so that a new rule is one function in one module (and its line in the README's table)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from gkassist.checks.findings import Finding

# A check takes the report (and, by what it needs, last year's report or the date) and returns its findings.
CheckFunction = TypeVar("CheckFunction", bound="Callable[..., list[Finding]]")

# rule id → what it means (the README's rule table is tested against this, both ways)
RULES: dict[str, str] = {}


@dataclass(frozen=True)
class Check:
    run: Callable[..., list[Finding]]
    needs: str  # "": the report alone; "last": and last year's report; "today": and the date (drafts only)
    last_in_list: bool  # listed after the others (BLANK: many cells, least urgent)


CHECKS: list[Check] = []


def rule(rules: dict[str, str], needs: str = "", last_in_list: bool = False) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function reporting `rules` ({id: meaning})."""
    def register(run: CheckFunction) -> CheckFunction:
        RULES.update(rules)
        CHECKS.append(Check(run, needs, last_in_list))
        return run
    return register
