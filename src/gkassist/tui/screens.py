"""Screens over the chat: help and preview (Markdown, loaded only when one opens)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen


class TextScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,f2,q", "dismiss", "关闭")]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # its parser costs start-up time; only help and preview need it

        with VerticalScroll() as frame:
            frame.border_subtitle = "Esc 关闭 · ↑↓ 翻看"  # the key bar is under this screen, out of sight
            yield Markdown(self.markdown)
