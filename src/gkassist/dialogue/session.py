"""Drafts on disk: the chat's storage, apart from the engine and the UI (which draft to open is `opening`'s).

A draft file holds the report, last year's report (if any) and the step it stopped at, by the step's id
(so a changed prompts/flow.yaml cannot send a resumed draft to the wrong question), and the conversation (the
answer waiting for “对”, what was said: `Conversation`).  Files are written atomically; one file per agency and year
in a `Drafts` folder: the clerk's user data folder (`paths.drafts_dir()`) unless a front end gives another (a web
server's folder per unit).
"""

from __future__ import annotations

import json
import os
import stat
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from gkassist.core.errors import InputError
from gkassist.core.files import atomic_write, read_text_file, report_file_name
from gkassist.core.model import SCHEMA_VERSION, Report, report_from_data
from gkassist.paths import drafts_dir, fallback_drafts_dir

DONE = "done"  # the step id saved once every question is answered
KEPT_VERSIONS = 5  # earlier versions of each draft file kept in drafts/.history/


@dataclass
class Draft:
    path: Path
    report: Report
    last_year: Report | None
    step: str | int | None  # the step it stopped at, as saved: its id, DONE, or (older drafts) its index
    conversation: object = None  # dialogue.conversation's data as saved (None in a draft saved before it was kept)

    @property
    def done(self) -> bool:
        return self.step == DONE


@dataclass(frozen=True)
class Drafts:
    """Where drafts are kept: one folder, and where a draft goes when that folder cannot be written (none: a save
    that fails says so).  The clerk's own (`Drafts.user()`) is the user data folder with ~/gkassist-草稿 beside;
    a server gives each unit its folder and no fallback, so that no unit's draft lands among another's."""

    folder: Path
    fallback: Path | None = None

    @classmethod
    def user(cls) -> "Drafts":
        return cls(drafts_dir(), fallback_drafts_dir())

    @property
    def folders(self) -> tuple[Path, ...]:
        return (self.folder,) + ((self.fallback,) if self.fallback is not None else ())


def _drafts(drafts: Drafts | None) -> Drafts:
    return drafts if drafts is not None else Drafts.user()


def draft_path(report: Report, drafts: Drafts | None = None) -> Path:
    return _drafts(drafts).folder / report_file_name(report)


def fallback_path(path: Path, drafts: Drafts | None = None) -> Path:
    fallback = _drafts(drafts).fallback
    if fallback is None:
        return path  # no fallback: the save that failed is said
    return path if path.parent == fallback else fallback / path.name


class NewerDraft(InputError):
    """A draft saved by a newer gkassist: refused, and left where it is (it is not damaged)."""


class DraftInUse(InputError):
    """Another live gkassist holds the draft's lock."""


def draft_files(drafts: Drafts | None = None) -> list[Path]:
    """The draft files (the drafts folder and the fallback folder), most recently saved first."""
    return [path for path, mtime, odd in draft_entries(drafts) if not odd]


def draft_entries(drafts: Drafts | None = None) -> list[tuple[Path, float, str]]:
    """Every “*.json” of the drafts folders as (path, time saved, what is wrong when it is no regular file), most
    recent first.  One odd entry (a dangling or looping link, a FIFO, a folder) is said, never a stop: reading a
    FIFO would wait forever, and stat() of a broken link raises."""
    entries = []
    for folder in _drafts(drafts).folders:
        if not folder.is_dir():
            continue
        _clean_temporary_files(folder)
        try:
            names = sorted(e.name for e in os.scandir(folder) if e.name.endswith(".json"))
        except OSError:
            continue
        for name in names:
            path = folder / name
            try:
                st = os.stat(path)
                odd = "" if stat.S_ISREG(st.st_mode) else "不是普通文件（文件夹、管道或设备）"
            except OSError as e:
                odd = "链接指向的文件不存在" if isinstance(e, FileNotFoundError) else f"无法读取（{e.strerror}）"
                try:
                    st = os.lstat(path)
                except OSError:
                    continue
            entries.append((path, st.st_mtime, odd))
    return sorted(entries, key=lambda e: e[1], reverse=True)


def _clean_temporary_files(folder: Path) -> None:
    """Half-written saves left by a killed process (atomic_write's “.name.xxxx.tmp”); the draft itself is whole."""
    import time

    for tmp in folder.glob(".*.tmp"):
        try:
            if time.time() - tmp.stat().st_mtime > 60:  # not one being written right now by another instance
                tmp.unlink()
        except OSError:
            pass


def set_damaged_aside(path: Path) -> Path | None:
    """Move a draft that cannot be read into drafts/.damaged/ so that it never blocks a start; None if it cannot."""
    target = path.parent / ".damaged" / f"{path.stem}-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        path.replace(target)
    except OSError:
        return None
    return target


# The locks this process holds, by lock file, and which DraftLock holds each: a lock file names only the process,
# so two windows of one process (two clerks of one unit in a web server's threads) are told apart here.
_IN_PROCESS: dict[Path, "DraftLock"] = {}
_IN_PROCESS_GUARD = threading.Lock()


class DraftLock:
    """One instance per draft: a “.lock” file beside it holding the process id.  A lock whose process is gone
    (kill -9, a power cut) is taken over; a live one is refused with its process id.

    The lock goes where the draft goes: whatever saves the draft calls `follow` with the path it is about to write
    (a new draft renamed after its agency, the fallback folder when the drafts folder cannot be written), which
    takes the lock there first.  Where the drafts folder cannot hold a lock at all, it is taken in the fallback
    folder, where such a draft is written."""

    def __init__(self, path: Path, drafts: Drafts | None = None):
        self.path = path.with_suffix(".lock")
        self.drafts = _drafts(drafts)
        self._held: list[Path] = []

    @property
    def held(self) -> bool:
        return bool(self._held)

    def acquire(self) -> "DraftLock":
        if not self._take(self.path):
            fallback = fallback_path(self.path.with_suffix(".json"), self.drafts).with_suffix(".lock")
            if fallback != self.path and self._take(fallback):
                self.path = fallback
        return self

    def follow(self, draft: Path) -> None:
        """Hold the lock of `draft` before it is written.  A rename (the same folder) gives up the old name's lock;
        a move to the fallback folder keeps it too, since the draft is still there and may not be opened twice."""
        lock = draft.with_suffix(".lock")
        if lock in self._held or not self._take(lock):
            return  # held already; or a folder that cannot hold a lock cannot hold the draft: the save says so
        for old in [p for p in self._held if p != lock and p.parent == lock.parent]:
            self._drop(old)
        self.path = lock

    def _take(self, lock: Path) -> bool:
        """True once this process holds `lock`; False where no lock file can be made; DraftInUse when a live
        process holds it, or another DraftLock of this process (another thread, another window of a server)."""
        key = lock.absolute()
        with _IN_PROCESS_GUARD:
            holder = _IN_PROCESS.get(key)
            if holder is not None and holder is not self:
                raise DraftInUse(f"草稿 {lock.with_suffix('.json').name} 已经在另一个窗口里打开；"
                                 "请在那个窗口里接着写，两边同时写会互相覆盖")
            taken = self._take_file(lock)
            if taken:
                _IN_PROCESS[key] = self
            return taken

    def _take_file(self, lock: Path) -> bool:
        try:
            lock.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False  # not a folder, read-only, full
        for _ in range(2):
            try:
                fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = _lock_holder(lock)
                if holder == os.getpid() and lock in self._held:
                    return True
                if holder and holder != os.getpid() and _alive(holder):
                    raise DraftInUse(f"草稿 {lock.with_suffix('.json').name} 正在被另一个 gkassist（进程 {holder}）使用；"
                                     "请先关闭那个窗口，两边同时写会互相覆盖") from None
                try:
                    lock.unlink()  # stale: its process is gone
                except FileNotFoundError:
                    pass
                except OSError:
                    return False
                continue
            except OSError:
                return False
            with os.fdopen(fd, "w") as f:
                f.write(str(os.getpid()))
            self._held.append(lock)
            return True
        return False

    def _drop(self, lock: Path) -> None:
        self._held.remove(lock)
        with _IN_PROCESS_GUARD:
            if _IN_PROCESS.get(lock.absolute()) is self:
                del _IN_PROCESS[lock.absolute()]
        if _lock_holder(lock) == os.getpid():  # never another process's lock, taken over meanwhile
            try:
                lock.unlink()
            except OSError:
                pass

    def release(self) -> None:
        for lock in list(self._held):
            self._drop(lock)

    def __enter__(self) -> "DraftLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


class Lockable(Protocol):
    """What holds a draft's lock (dialogue.engine.Engine): the engine imports this module, so this module does not
    import the engine back, not even for a type hint."""

    path: Path
    drafts: Drafts
    lock: DraftLock | None


def lock_draft(engine: Lockable) -> DraftLock:
    """Take the lock of the engine's draft for this window and hand it to the engine, whose saves take it along
    wherever the draft is written."""
    lock = DraftLock(engine.path, engine.drafts).acquire()
    engine.lock = lock
    return lock


def _lock_holder(path: Path) -> int | None:
    try:
        with open(path, "rb") as f:  # a lock file is a few digits: never read more of whatever took its place
            return int(f.read(32).decode("ascii").strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    """Asked without signalling it: on Windows os.kill(pid, 0) would terminate the other window (core.processes)."""
    from gkassist.core.processes import process_alive

    return process_alive(pid)


def read_draft(path: Path) -> Draft:
    text = read_text_file(path)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:  # ValueError: also a number of thousands of digits
        raise InputError(f"{path}：草稿文件已损坏，无法继续（{str(e)[:80]}）") from None
    if not isinstance(data, dict) or not isinstance(data.get("report"), dict):
        raise InputError(f"{path}：不是 gkassist 的草稿文件")
    version = data["report"].get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise NewerDraft(f"{path}：草稿由更新版本的 gkassist 保存（schema_version={version}），"
                         "这个版本打不开；请升级 gkassist 后再打开，文件留在原处")
    report = report_from_data(data["report"], path)
    last = report_from_data(data["last_year"], path) if data.get("last_year") else None
    step = data.get("step")
    return Draft(path, report, last, step if isinstance(step, (str, int)) and not isinstance(step, bool) else None,
                 data.get("conversation"))


def write_draft(path: Path, report: Report, last_year: Report | None, step_id: str | None,
                conversation: dict[str, object] | None = None) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"{path.parent}：无法创建草稿文件夹（{e.strerror}）") from None
    # the answers (this year's report and last year's) as JSON by pydantic's own serializer, five times faster than
    # their dump to Python data and json's encoder (a quarter of every answer's save); the rest by json, on one line
    answers = (report.model_dump_json(), last_year.model_dump_json() if last_year else "null")
    step = json.dumps(step_id or DONE, ensure_ascii=False)
    said = "" if conversation is None else ', "conversation": ' + json.dumps(conversation, ensure_ascii=False)
    encoded = f'{{"report": {answers[0]}, "step": {step}, "last_year": {answers[1]}{said}}}'.encode("utf-8")
    raw, known = _saved(path)
    if raw == encoded:
        return path  # nothing changed (a finished draft opened to look at): no save, no history version used up
    if known is None and raw is not None:  # a file this process did not write (another window, an older version's)
        before = _parsed(raw)
        data: dict[str, object] = {"report": json.loads(answers[0]), "step": step_id or DONE,
                                   "last_year": json.loads(answers[1])}
        if conversation is not None:
            data["conversation"] = conversation
        if before == data:
            return path
        moving = ("step", "conversation")  # where the conversation is, what waits for “对”: not a change of the answers
        changed = before is None or {k: v for k, v in before.items() if k not in moving} != \
            {k: v for k, v in data.items() if k not in moving}
    else:
        changed = known != answers
    if changed:
        keep_version(path, current=raw)  # the answers change: the version before is kept (a move keeps none)
    atomic_write(path, encoded)
    _remember(path, answers, encoded)
    return path


# What this process last wrote to each draft file (its bytes, and the JSON of its answers): a save compares the
# file's bytes with it instead of parsing back the file it wrote itself a moment ago; a file changed since — another
# window, a restored copy — does not match and is read as before.
_written: dict[Path, tuple[bytes, tuple[str, str]]] = {}
_written_lock = threading.Lock()


def _remember(path: Path, answers: tuple[str, str], text: bytes) -> None:
    with _written_lock:
        if len(_written) >= 64 and path not in _written:
            _written.clear()  # a server with many units: only the drafts being written now are worth keeping
        _written[path] = (text, answers)


def _saved(path: Path) -> tuple[bytes | None, tuple[str, str] | None]:
    """The draft's bytes on disk (None when there is none) and, when this process wrote them, the JSON of its answers."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None, None
    with _written_lock:
        known = _written.get(path)
    return raw, (known[1] if known is not None and known[0] == raw else None)


def _parsed(raw: bytes) -> dict[str, object] | None:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    return data if isinstance(data, dict) else None


def _preferences(drafts: Drafts | None = None) -> Path:
    return _drafts(drafts).folder.parent / "preferences.json"


def last_export_dir(drafts: Drafts | None = None) -> Path | None:
    """The folder the last export went to (the app's Ctrl+E writes there again), if it still exists."""
    try:
        folder = Path(json.loads(_preferences(drafts).read_text(encoding="utf-8"))["export_dir"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return folder if folder.is_dir() else None


def remember_export_dir(folder: Path, drafts: Drafts | None = None) -> None:
    try:
        _preferences(drafts).parent.mkdir(parents=True, exist_ok=True)
        atomic_write(_preferences(drafts), json.dumps({"export_dir": str(folder)}, ensure_ascii=False))
    except (OSError, InputError):
        pass  # a preference only: the next export says where it goes


def history_dir(path: Path) -> Path:
    return path.parent / ".history" / path.stem


def keep_version(path: Path, label: str = "", current: bytes | None = None) -> Path | None:
    """Copy a draft file into its history before it is replaced (`current`: its bytes, when the caller has just read
    them).  The last KEPT_VERSIONS routine copies stay; a labelled copy (the draft as it was before “重新开始”) is
    never pruned."""
    if not path.is_file():
        return None
    folder = history_dir(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = current if current is not None else path.read_bytes()
        routine = sorted(p for p in folder.glob("*.json") if p.name[0].isdigit())
        if not label and routine and routine[-1].read_bytes() == data:
            return routine[-1]  # that version is kept already: the five copies are five different versions
        copy = folder / f"{label}{datetime.now():%Y%m%d-%H%M%S-%f}.json"
        # atomically: a disk that fills up mid-copy leaves no truncated version that looks like a whole one
        atomic_write(copy, data)
        if not label:
            routine = sorted({*routine, copy})
        for old in routine[:-KEPT_VERSIONS]:
            old.unlink(missing_ok=True)
    except (OSError, InputError):
        return None  # the history is a safety net; the save itself reports a folder it cannot write
    return copy


def set_aside(path: Path) -> Path:
    """Move a whole draft out of the way (kept for good in its history) so a new one can take its name."""
    copy = keep_version(path, label="重新开始前-")
    if copy is None:
        raise InputError(f"{path}：无法把原来的草稿留作备份，没有重新开始")
    path.unlink(missing_ok=True)
    return copy


def name_after_agency(path: Path, report: Report, drafts: Drafts | None = None) -> Path:
    """A new draft is saved as “2025_待填写.json” until the agency is known; then it takes the agency's
    name, so that the next new draft does not write over this one. An existing draft of that name is kept.
    (The caller removes the old file once the draft is saved under the new name.)  In the fallback folder too:
    a new draft written there would otherwise keep the “待填写” name the next new draft takes."""
    if path.parent not in _drafts(drafts).folders:
        return path
    target = path.parent / report_file_name(report)
    n = 2
    while target != path and target.exists():
        target = target.with_stem(f"{Path(report_file_name(report)).stem}_{n}")
        n += 1
    return target


def find_drafts(year: int | None = None, agency: str | None = None, drafts: Drafts | None = None) -> list[Draft]:
    """The readable drafts of that year and agency (either may be left out), most recently saved first."""
    found = []
    for path in draft_files(drafts):
        try:
            draft = read_draft(path)
        except InputError:
            continue
        if (year is None or draft.report.year == year) and (not agency or agency in draft.report.agency):
            found.append(draft)
    return found
