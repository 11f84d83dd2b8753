"""The chat's own widgets: a bubble of the conversation and the one-line key bar."""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.timer import Timer
from textual.widgets import Input, Static

# What a line may not break inside: a number with its decimals, a percentage, a phone number, an address on the web.
# A file's path is one piece too: “已导入去年的报告：/” with “work/shared/…” on the next line read as two things.
_UNBROKEN = re.compile(r"(?:~|[A-Za-z]:)?[/\\][^\s：，。；、（）()“”]+"
                       r"|[0-9０-９A-Za-z][0-9０-９A-Za-z.．,，%％/:_\-]*[0-9０-９A-Za-z%％]|[0-9０-９A-Za-z]")
_NO_LINE_START = set("，。、；：！？）」』”’》〕】…%％件条个项次年月日万元")  # stays with what it follows
_NO_LINE_END = set("（「『“‘《〔【")  # stays with what follows it


def _atoms(line: str) -> list[str]:
    """A line cut where it may break: between Chinese characters, never inside a number (“12件” is one piece)."""
    atoms: list[str] = []
    i = 0
    while i < len(line):
        m = _UNBROKEN.match(line, i)
        piece = m.group(0) if m else line[i]
        if atoms and (piece[0] in _NO_LINE_START or atoms[-1][-1] in _NO_LINE_END or piece == " "):
            atoms[-1] += piece
        else:
            atoms.append(piece)
        i += len(piece)
    return atoms


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken where Chinese may break and never inside a number."""
    out: list[str] = []
    for line in text.split("\n"):
        current, used = "", 0
        for atom in _atoms(line):
            size = cell_len(atom)
            if used + size > width and current:
                out.append(current.rstrip())
                current, used = "", 0
            while size > width:  # longer than a line: folded, after a “/” of a path where there is one
                cut = next(k for k in range(len(atom), 0, -1) if cell_len(atom[:k]) <= width)
                cut = max((k + 1 for k in range(1, cut - 1) if atom[k] in "/\\"), default=cut)
                out.append(atom[:cut])
                atom, size = atom[cut:], cell_len(atom[cut:])
            current += atom
            used += size
        out.append(current.rstrip())
    return out


class ChatBubble(Static):
    """One or more consecutive replies of one kind (classes: user, assistant, error, suggestion).  Its lines are
    broken where Chinese may break, never inside a number (Textual folds a line of Chinese anywhere: “行政处罚1⏎2件”)."""

    def __init__(self, text: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(text, markup=False, id=id, classes=classes)
        self.text = text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap(self.text, width)) if width else 0

    def render(self) -> Content:
        width = self.content_region.width
        return Content("\n".join(wrap(self.text, width))) if width else Content(self.text)


class NoticeLine(Static):
    """A short notice (“已导出：…docx”) on lines of its own above the keys, wrapped like the chat, gone after a while.

    Not a Textual toast: a toast is an overlay, and Textual's compositor divides every screen line at the edges of
    the widgets underneath it; a wide character of the overlay that straddles such an edge is replaced by two
    spaces (the export notice showed “平潭综合  验区” where the sidebar's border ran below; Textual issue #6357).
    Here nothing lies under the text."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", markup=False, id=id, classes=classes)
        self.text = ""
        self._timer: Timer | None = None

    def show(self, text: str, seconds: float = 8) -> None:
        self.text = text
        self.display = True
        self.refresh(layout=True)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(seconds, self.clear)

    def clear(self) -> None:
        self.text = ""
        self.display = False

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap(self.text, width)) if width and self.text else 0

    def render(self) -> Content:
        width = self.content_region.width
        return Content("\n".join(wrap(self.text, width))) if width else Content(self.text)


class KeyBar(Static):
    """The key bindings, one line, each clickable: the key in bold right before its name (“^E导出”), so that every
    action of prompts/actions.yaml fits 80 columns.

    Textual's Footer recomposes itself whenever the focused widget changes; on the first screen that alone
    cost about 45 ms of the start-up, for a line that never changes here.
    """

    def __init__(self, bindings: list[Binding]) -> None:
        keys = [("ctrl+p", "command_palette", "命令")] + [(b.key, b.action, b.description) for b in bindings if b.show]
        super().__init__(" ".join(
            f"[@click=app.{action.replace(chr(39), chr(34))}][b]{key_name(key)}[/b]{label}[/]" for key, action, label in keys))


def key_name(key: str) -> str:
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
