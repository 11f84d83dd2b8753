"""What the clerk can do besides answering (prompts/actions.yaml): one list that the window's key bar, its command
palette and the typed commands of every front end all take their names from, so that “导出” is 导出 wherever the
clerk meets it.  Also the words that ask how to answer (帮助, 怎么填？…) and the help for each kind of question."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist.core.yamldata import load_model, regexes_checked
from gkassist.paths import resource_dir

# what a front end must be able to do for each action (the ids prompts/actions.yaml may use)
ACTION_IDS = ("help", "preview", "export", "back", "skip", "reopen", "grid", "closing", "undo", "save", "quit")
KINDS_HELPED = ("field", "table", "narrative", "improvements", "preface")


class Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    key: str
    about: str
    say: tuple[str, ...] = ()
    bar: bool = True  # in the window's key bar (80 columns hold ten; the rest are in the palette and typed)

    _say = field_validator("say")(regexes_checked)

    @field_validator("id")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in ACTION_IDS:
            raise ValueError(f"不认识的操作“{value}”（可用：{'、'.join(ACTION_IDS)}）")
        return value


class ActionWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    actions: tuple[Action, ...]
    asking_how: tuple[str, ...]
    asking_before: tuple[str, ...]
    asking_after: tuple[str, ...]
    help: dict[str, str]
    anytime: str

    _how = field_validator("asking_how", "asking_before", "asking_after")(regexes_checked)

    @field_validator("actions")
    @classmethod
    def _every_action_once(cls, actions: tuple[Action, ...]) -> tuple[Action, ...]:
        ids = [a.id for a in actions]
        if missing := [i for i in ACTION_IDS if i not in ids]:
            raise ValueError(f"缺少操作：{'、'.join(missing)}")
        if len(set(ids)) != len(ids):
            raise ValueError("同一个操作写了两次")
        return actions

    @field_validator("help")
    @classmethod
    def _every_kind(cls, helps: dict[str, str]) -> dict[str, str]:
        if missing := [k for k in KINDS_HELPED if k not in helps]:
            raise ValueError(f"help 缺少题型：{'、'.join(missing)}")
        return {k: _joined(v) for k, v in helps.items()}

    @field_validator("anytime")
    @classmethod
    def _anytime(cls, text: str) -> str:
        return _joined(text)


def _joined(text: str) -> str:
    """A folded YAML text (“>-”) joins its lines with a space: none between Chinese characters."""
    return re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", text.strip())


class Actions:
    """The list compiled: which action a typed answer names, whether it asks how to answer."""

    def __init__(self, words: ActionWords):
        self.words = words
        self.by_id = {a.id: a for a in words.actions}
        end = r"\s*[。！!？?～~]*\s*"
        self._typed = [(a.id, re.compile(r"\s*(?:" + "|".join(a.say) + ")" + end, re.I)) for a in words.actions if a.say]
        before = "(?:" + "|".join(words.asking_before) + ")*"
        after = "(?:" + "|".join(words.asking_after) + ")*"
        self._how = re.compile(r"\s*.{0,12}?" + before + "(?:" + "|".join(words.asking_how) + ")" + after + r"[\s？?。！!～~]*")
        self._only_marks = re.compile(r"\s*[？?]+\s*")

    def typed(self, text: str) -> str | None:
        """The id of the action a whole answer names (“导出”, “上一题”), None when it names none."""
        return next((i for i, pattern in self._typed if pattern.fullmatch(text)), None)

    def asks_how(self, text: str) -> bool:
        """“帮助”, “怎么填？”, “这个我不会填啊”, “？”: a question about how to answer, never an answer (an answer
        with a figure in it is an answer)."""
        if self._only_marks.fullmatch(text):
            return True
        if len(text) > 20 or re.search(r"[0-9０-９]", text):
            return False
        return bool(self._how.fullmatch(text))

    def help_for(self, kind: str) -> str:
        return self.words.help.get(kind, "")


@cache
def actions() -> Actions:
    return Actions(load_model(resource_dir("prompts") / "actions.yaml", ActionWords))
