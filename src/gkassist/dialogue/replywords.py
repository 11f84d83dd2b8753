"""The words of the few answers that are a choice, not content (prompts/replies.yaml): 对/不对 about what was
understood, 用/不用 about last year's report, 接着写/重新开始 about a draft already there, 没有 when asked for last
year's report, and the verbs that open a part (改表二).  Kept as data so that a clerk's way of saying yes is one
line of a word list, not a change to the engine."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist.core.yamldata import load_model, regexes_checked
from gkassist.paths import resource_dir


class ReplyWordLists(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    confirm: tuple[str, ...]
    refuse: tuple[str, ...]
    use: tuple[str, ...]
    dont_use: tuple[str, ...]
    go_on: tuple[str, ...]
    restart: tuple[str, ...]
    no_last_year: tuple[str, ...]
    reopen: tuple[str, ...]
    same_as_last_year: tuple[str, ...]

    _checked = field_validator("*")(regexes_checked)


class ReplyWords:
    """The lists compiled: each a whole answer (fullmatch), spaces and a closing 。！ aside."""

    def __init__(self, words: ReplyWordLists):
        def whole(listed: tuple[str, ...]) -> re.Pattern[str]:
            return re.compile(r"\s*(?:" + "|".join(listed) + r")\s*[。！!]?\s*")

        self.confirm, self.refuse = whole(words.confirm), whole(words.refuse)
        self.use, self.dont_use = whole(words.use), whole(words.dont_use)
        self.go_on, self.restart = whole(words.go_on), whole(words.restart)
        self.no_last_year = whole(words.no_last_year)
        # “改表二”, “回到 一（四）”: the verb, then what names the part
        # “地址跟去年一样”, “电话没变”: said anywhere in the answer (searched, not a whole answer)
        self.same_as_last_year = re.compile("|".join(words.same_as_last_year))
        self.reopen = re.compile(r"\s*(?:" + "|".join(words.reopen) + r")\s*[：:]?\s*(.+?)\s*")


@cache
def reply_words() -> ReplyWords:
    return ReplyWords(load_model(resource_dir("prompts") / "replies.yaml", ReplyWordLists))
