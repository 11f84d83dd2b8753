"""The chat's own widgets: a bubble of the conversation and the one-line key bar."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Static


class ChatBubble(Static):
    """One or more consecutive replies of one kind (classes: user, assistant, error, suggestion)."""


class KeyBar(Static):
    """The key bindings, one line, each clickable.

    Textual's Footer recomposes itself whenever the focused widget changes; on the first screen that alone
    cost about 45 ms of the start-up, for a line that never changes here.
    """

    def __init__(self, bindings: list[Binding]):
        keys = [("ctrl+p", "command_palette", "命令")] + [(b.key, b.action, b.description) for b in bindings]
        super().__init__(" ".join(
            f"[@click=app.{action.replace(chr(39), chr(34))}][b]{_key_name(key)}[/b] {label}[/]" for key, action, label in keys))


def _key_name(key: str) -> str:
    return key.replace("ctrl+", "^").upper()
