"""The chat's own widgets: a bubble of the conversation and the one-line key bar."""

from __future__ import annotations

import re

from textual import events
from textual.binding import Binding
from textual.widgets import Input, Static


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


class AnswerInput(Input):
    """The answer line.  A paste of several lines (a paragraph copied from a document) arrives whole, its lines
    joined, instead of Textual's first line only."""

    def _on_paste(self, event: events.Paste) -> None:
        if event.text:
            lines = [line.strip() for line in event.text.splitlines() if line.strip()]
            # Chinese lines join without a space; a space only between two Latin words or numbers
            text = ""
            for line in lines:
                text += (" " if text and re.match(r"[A-Za-z0-9]", line) and re.search(r"[A-Za-z0-9]$", text) else "") + line
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *selection)
        event.prevent_default()  # Input's own handler would add the first line again
        event.stop()
