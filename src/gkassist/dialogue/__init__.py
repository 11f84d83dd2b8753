"""The drafting conversation, UI-free: the engine, its steps, and the drafts on disk.

`Engine` is loaded on first use: the TUI imports this package to draw its first screen before the domain
(pydantic, the formats, the importer) is loaded.
"""

from gkassist.dialogue.replies import Reply

__all__ = ["Engine", "Reply"]


def __getattr__(name: str):
    if name == "Engine":
        from gkassist.dialogue.engine import Engine

        return Engine
    raise AttributeError(name)
