"""What a table answer said: the cells, and what must be asked or refused before anything is stored."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gkassist.dialogue.answers.text import NEGATIVE

Cells = dict[tuple[str, str, str], int | float]


@dataclass
class Parsed:
    cells: Cells = field(default_factory=dict)
    questions: list[str] = field(default_factory=list)  # asked back; the understood cells wait for the reply
    refusal: str = ""  # the answer cannot be used at all: say why, store nothing
    not_understood: list[str] = field(default_factory=list)  # clauses with a number that named nothing known
    # 表二's cells said to be as last year (“收费跟去年一样”) and taken from last year's report: cell → the words
    from_last_year: dict[tuple[str, str, str], str] = field(default_factory=dict)


def impossible(text: str) -> Parsed | None:
    """What no table can take, refused before any table reads it: no Chinese at all, a negative count."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return Parsed(refusal="请用中文回答（数字可以直接写），例如“自然人申请3件，予以公开2件”。")
    if NEGATIVE.search(text):
        return Parsed(refusal="件数不能是负数，请写实际的件数。")
    return None
