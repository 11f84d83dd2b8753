"""Who may log in, and each unit's folder: accounts in DIR/users.json (passwords hashed with scrypt and a salt of
their own), the units list the county office keeps, login attempts counted per account and per address."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.files import atomic_write

# scrypt's cost: about 50 ms and 16 MB a login on an office server; a stolen users.json costs that per guess
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}
MAX_NAME = 64
MAX_UNIT = 100
MAX_PASSWORD = 1024


@dataclass
class Account:
    name: str
    unit: str
    admin: bool


def unit_id(unit: str) -> str:
    """A unit's folder name: made from a digest of its name, never from the name itself, so no unit's name (a
    “..”, a slash, a name Windows reserves) reaches a path."""
    return "u" + hashlib.sha256(unit.strip().encode("utf-8")).hexdigest()[:20]


def unit_dir(data: Path, unit: str) -> Path:
    return data / "units" / unit_id(unit)


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)


class Accounts:
    """DIR/users.json: name → {unit, admin, salt, hash}.  Read again when it changes on disk, so `gkassist web
    adduser` works while the server runs."""

    def __init__(self, data: Path):
        self.path = data / "users.json"
        self._lock = threading.Lock()
        self._cache: tuple[float, dict[str, object]] | None = None  # users.json as read: checked where used

    def _read(self) -> dict[str, object]:
        try:
            mtime = self.path.stat().st_mtime
        except OSError:
            return {}
        if self._cache and self._cache[0] == mtime:
            return self._cache[1]
        try:
            users = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise InputError(f"{self.path}：账号文件无法读取（{e}）") from None
        if not isinstance(users, dict):
            raise InputError(f"{self.path}：不是 gkassist 的账号文件")
        self._cache = (mtime, users)
        return users

    def add(self, name: str, password: str, unit: str = "", admin: bool = False) -> Account:
        name, unit = name.strip(), unit.strip()
        if not re.fullmatch(r"[\w.\-@\u4e00-\u9fff]{1,%d}" % MAX_NAME, name):
            raise InputError(f"账号名“{name[:MAX_NAME]}”不可用：只用汉字、字母、数字和 . - _ @，不超过{MAX_NAME}个字")
        if not admin and not unit:
            raise InputError("请用 --unit 给出这个账号的单位全称（如“青岚县石桥镇人民政府”）；县政务公开办的账号用 --admin")
        if len(unit) > MAX_UNIT or any(c in unit for c in "\r\n\t"):
            raise InputError(f"单位名称太长或含有换行（上限{MAX_UNIT}字）")
        if len(password) < 8 or len(password) > MAX_PASSWORD:
            raise InputError("密码至少8个字符")
        salt = secrets.token_bytes(16)
        with self._lock:
            users = dict(self._read())
            users[name] = {"unit": unit, "admin": admin, "salt": salt.hex(), "hash": _hash(password, salt).hex()}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps(users, ensure_ascii=False, indent=1))
            self._cache = None
        return Account(name, unit, admin)

    def get(self, name: str) -> Account | None:
        user = self._read().get(name)
        if not isinstance(user, dict):
            return None
        return Account(name, str(user.get("unit", "")), bool(user.get("admin")))

    def verify(self, name: str, password: str) -> Account | None:
        user = self._read().get(name) if len(name) <= MAX_NAME else None
        if not isinstance(user, dict) or len(password) > MAX_PASSWORD:
            _hash("-", b"0" * 16)  # as slow as a real check: the time does not tell which names exist
            return None
        try:
            expected = bytes.fromhex(user["hash"])
            got = _hash(password, bytes.fromhex(user["salt"]))
        except (KeyError, ValueError, TypeError):
            return None
        return self.get(name) if hmac.compare_digest(expected, got) else None

    def all(self) -> list[Account]:
        return [a for a in (self.get(n) for n in sorted(self._read())) if a]


class Attempts:
    """Failed logins in the last `window` seconds, per account and per address.  An address has a higher limit:
    a township's PCs share one NAT address, and one clerk's typos must not lock out the rest."""

    def __init__(self, per_account: int = 5, per_address: int = 30, window: float = 900.0):
        self.per_account, self.per_address, self.window = per_account, per_address, window
        self._failed: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> list[float]:
        times = [t for t in self._failed.get(key, []) if now - t < self.window]
        if times:
            self._failed[key] = times
        else:
            self._failed.pop(key, None)
        return times

    def blocked(self, name: str, address: str) -> str:
        """Why a login is refused now ("" when it may be tried)."""
        now = time.monotonic()
        with self._lock:
            if len(self._recent("a:" + name, now)) >= self.per_account:
                return f"这个账号连续输错密码{self.per_account}次，请{int(self.window // 60)}分钟后再试，或请县政务公开办重设密码。"
            if len(self._recent("ip:" + address, now)) >= self.per_address:
                return f"这台电脑所在的网络登录失败次数太多，请{int(self.window // 60)}分钟后再试。"
        return ""

    def failed(self, name: str, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in ("a:" + name, "ip:" + address):
                self._failed.setdefault(key, []).append(now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failed.pop("a:" + name, None)


def read_units_list(data: Path) -> list[str]:
    """The units the county office expects reports from (DIR/units.txt, one a line, “#” a comment)."""
    try:
        text = (data / "units.txt").read_text(encoding="utf-8")
    except OSError:
        return []
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")))


def write_units_list(data: Path, units: list[str]) -> None:
    atomic_write(data / "units.txt", "\n".join(units) + "\n")
