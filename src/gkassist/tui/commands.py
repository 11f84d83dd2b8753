"""The command palette (Ctrl+P): the app's own entries in the flow's order, in Chinese.

Textual's system entries (Theme, Keys, Screenshot…) are English and of no use to a clerk; this provider
replaces them.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider


class DraftCommands(Provider):
    async def discover(self) -> Hits:
        for title, help_text, callback in self.app.palette_entries():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self.app.palette_entries():
            if (score := matcher.match(title)) > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
