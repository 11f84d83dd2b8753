"""The command palette (Ctrl+P): the app's own entries in the flow's order, in Chinese.

Textual's system entries (Theme, Keys, Screenshot…) are English and of no use to a clerk; this provider
replaces them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, what choosing it does)
PaletteEntry = tuple[str, str, Callable[[], object]]


@runtime_checkable
class PaletteSource(Protocol):
    """The app this provider serves (tui.app.DraftApp), named by what is asked of it: the app imports this module,
    so this module does not import the app back, not even for a type hint."""

    def palette_entries(self) -> Iterable[PaletteEntry]: ...


class DraftCommands(Provider):
    def _entries(self) -> Iterable[PaletteEntry]:
        app = self.app
        return app.palette_entries() if isinstance(app, PaletteSource) else ()

    async def discover(self) -> Hits:
        for title, help_text, callback in self._entries():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
