"""The drafting conversation, UI-free: the engine, its steps, and the drafts on disk.

`Engine` is loaded on first use: the TUI imports this package to draw its first screen before the domain
(pydantic, the formats, the importer) is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gkassist.dialogue.replies import Reply

if TYPE_CHECKING:
    from gkassist.dialogue.engine import Engine

__all__ = ["Engine", "Reply"]


def __getattr__(name: str) -> type[Engine]:
    if name == "Engine":
        from gkassist.dialogue.engine import Engine

        return Engine
    raise AttributeError(name)
