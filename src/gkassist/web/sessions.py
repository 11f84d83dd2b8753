"""Logins: a random token in an HttpOnly, SameSite cookie; the server keeps only its digest, with the account, the
form token (CSRF) and when it ends, in DIR/sessions.json so that a server restart does not log clerks out."""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.files import atomic_write

LIFETIME = 8 * 3600  # a working day; then the clerk logs in again (the draft and the conversation stay)


@dataclass
class Session:
    key: str  # the token's digest: what the server keeps
    account: str
    csrf: str
    expires: float


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


class Sessions:
    def __init__(self, data: Path, lifetime: float = LIFETIME):
        self.path = data / "sessions.json"
        self.lifetime = lifetime
        self._lock = threading.Lock()
        self._all: dict[str, Session] = {}
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
            now = time.time()
            self._all = {k: Session(k, v["account"], v["csrf"], v["expires"]) for k, v in saved.items()
                         if v.get("expires", 0) > now}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass

    def _save(self) -> None:
        try:
            atomic_write(self.path, json.dumps({k: {"account": s.account, "csrf": s.csrf, "expires": s.expires}
                                                for k, s in self._all.items()}))
        except (OSError, InputError):
            pass  # the logins then last until the server stops

    def create(self, account: str) -> tuple[str, Session]:
        token = secrets.token_urlsafe(32)
        session = Session(_digest(token), account, secrets.token_urlsafe(24), time.time() + self.lifetime)
        with self._lock:
            now = time.time()
            self._all = {k: s for k, s in self._all.items() if s.expires > now}
            self._all[session.key] = session
            self._save()
        return token, session

    def get(self, token: str | None) -> Session | None:
        if not token or len(token) > 100:
            return None
        session = self._all.get(_digest(token))
        if session is None or session.expires <= time.time():
            return None
        return session

    def end(self, session: Session) -> None:
        with self._lock:
            self._all.pop(session.key, None)
            self._save()

    def end_account(self, account: str) -> None:
        with self._lock:
            self._all = {k: s for k, s in self._all.items() if s.account != account}
            self._save()
