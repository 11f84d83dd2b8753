"""Screens over the chat: help and preview (Markdown, loaded only when one opens)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

FRAME = 18


class TextScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,f2,q", "dismiss", "关闭")]

    def __init__(self, markdown: str, shorts: dict[str, str] | None = None) -> None:
        """`shorts` (a column header → its short one) given: the report's tables laid out for the screen's width."""
        super().__init__()
        self.markdown = markdown
        self.shorts = shorts

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # its parser costs start-up time; only help and preview need it

        text = self.markdown
        if self.shorts is not None:
            from gkassist.tui.tables import narrow_tables

            # the frame's border, scroll bar and the Markdown and code block's margins take about 18 columns
            text = narrow_tables(text, self.app.size.width - FRAME, self.shorts)
        with VerticalScroll() as frame:
            frame.border_subtitle = "Esc 关闭 · ↑↓ 翻看"  # the key bar is under this screen, out of sight
            yield Markdown(text)
