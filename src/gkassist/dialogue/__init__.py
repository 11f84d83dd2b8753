"""The drafting conversation, UI-free: the engine, its steps, and the drafts on disk."""

from gkassist.dialogue.engine import Engine
from gkassist.dialogue.replies import Reply

__all__ = ["Engine", "Reply"]
