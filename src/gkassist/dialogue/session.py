"""Drafts on disk: the chat's storage, apart from the engine and the UI (which draft to open is `opening`'s).

A draft file holds the report, last year's report (if any) and the step it stopped at, by the step's id
(so a changed prompts/flow.yaml cannot send a resumed draft to the wrong question).  Files are written
atomically; one file per agency and year under `paths.drafts_dir()`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.files import atomic_write, read_text_file, report_file_name
from gkassist.core.model import Report, report_from_data
from gkassist.paths import drafts_dir, fallback_drafts_dir

DONE = "done"  # the step id saved once every question is answered
KEPT_VERSIONS = 5  # earlier versions of each draft file kept in drafts/.history/


@dataclass
class Draft:
    path: Path
    report: Report
    last_year: Report | None
    step: str | int | None  # the step it stopped at, as saved: its id, DONE, or (older drafts) its index

    @property
    def done(self) -> bool:
        return self.step == DONE


def draft_path(report: Report) -> Path:
    return drafts_dir() / report_file_name(report)


def fallback_path(path: Path) -> Path:
    return path if path.parent == fallback_drafts_dir() else fallback_drafts_dir() / path.name


def draft_files() -> list[Path]:
    """The draft files (the drafts folder and the fallback folder), most recently saved first."""
    files = []
    for folder in (drafts_dir(), fallback_drafts_dir()):
        if folder.is_dir():
            _clean_temporary_files(folder)
            files += folder.glob("*.json")
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


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


class DraftLock:
    """One instance per draft: a “.lock” file beside it holding the process id.  A lock whose process is gone
    (kill -9, a power cut) is taken over; a live one is refused with its process id."""

    def __init__(self, path: Path):
        self.path = path.with_suffix(".lock")
        self.held = False

    def acquire(self) -> "DraftLock":
        import os

        for _ in range(2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = _lock_holder(self.path)
                if holder and holder != os.getpid() and _alive(holder):
                    raise InputError(f"草稿 {self.path.with_suffix('.json').name} 正在被另一个 gkassist（进程 {holder}）使用；"
                                     "请先关闭那个窗口，两边同时写会互相覆盖") from None
                self.path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            except OSError:
                return self  # a folder that cannot hold a lock cannot hold the draft either: save will say so
            with os.fdopen(fd, "w") as f:
                f.write(str(os.getpid()))
            self.held = True
            return self
        return self

    def release(self) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False

    def __enter__(self) -> "DraftLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _lock_holder(path: Path) -> int | None:
    try:
        return int(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_draft(path: Path) -> Draft:
    text = read_text_file(path)
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as e:
        raise InputError(f"{path}：草稿文件已损坏，无法继续（{e}）") from None
    if not isinstance(data, dict) or not isinstance(data.get("report"), dict):
        raise InputError(f"{path}：不是 gkassist 的草稿文件")
    report = report_from_data(data["report"], path)
    last = report_from_data(data["last_year"], path) if data.get("last_year") else None
    step = data.get("step")
    return Draft(path, report, last, step if isinstance(step, (str, int)) and not isinstance(step, bool) else None)


def write_draft(path: Path, report: Report, last_year: Report | None, step_id: str | None) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"{path.parent}：无法创建草稿文件夹（{e.strerror}）") from None
    data = {"report": report.model_dump(mode="json"), "step": step_id or DONE,
            "last_year": last_year.model_dump(mode="json") if last_year else None}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    before = _saved_data(path)
    if before == data:
        return path  # nothing changed (a finished draft opened to look at): no save, no history version used up
    if before is None or {k: v for k, v in before.items() if k != "step"} != {k: v for k, v in data.items() if k != "step"}:
        keep_version(path)  # the answers change: the version before is kept (a move to another question keeps none)
    atomic_write(path, text)
    return path


def _saved_data(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _preferences() -> Path:
    return drafts_dir().parent / "preferences.json"


def last_export_dir() -> Path | None:
    """The folder the last export went to (the app's Ctrl+E writes there again), if it still exists."""
    try:
        folder = Path(json.loads(_preferences().read_text(encoding="utf-8"))["export_dir"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return folder if folder.is_dir() else None


def remember_export_dir(folder: Path) -> None:
    try:
        _preferences().parent.mkdir(parents=True, exist_ok=True)
        atomic_write(_preferences(), json.dumps({"export_dir": str(folder)}, ensure_ascii=False))
    except (OSError, InputError):
        pass  # a preference only: the next export says where it goes


def history_dir(path: Path) -> Path:
    return path.parent / ".history" / path.stem


def keep_version(path: Path, label: str = "") -> Path | None:
    """Copy a draft file into its history before it is replaced.  The last KEPT_VERSIONS routine copies stay;
    a labelled copy (the draft as it was before “重新开始”) is never pruned."""
    if not path.is_file():
        return None
    folder = history_dir(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        routine = sorted(p for p in folder.glob("*.json") if p.name[0].isdigit())
        if not label and routine and routine[-1].read_bytes() == data:
            return routine[-1]  # that version is kept already: the five copies are five different versions
        copy = folder / f"{label}{datetime.now():%Y%m%d-%H%M%S-%f}.json"
        copy.write_bytes(data)
        routine = sorted(p for p in folder.glob("*.json") if p.name[0].isdigit())
        for old in routine[:-KEPT_VERSIONS]:
            old.unlink(missing_ok=True)
    except OSError:
        return None  # the history is a safety net; the save itself reports a folder it cannot write
    return copy


def set_aside(path: Path) -> Path:
    """Move a whole draft out of the way (kept for good in its history) so a new one can take its name."""
    copy = keep_version(path, label="重新开始前-")
    if copy is None:
        raise InputError(f"{path}：无法把原来的草稿留作备份，没有重新开始")
    path.unlink(missing_ok=True)
    return copy


def name_after_agency(path: Path, report: Report) -> Path:
    """A new draft is saved as “2025_待填写.json” until the agency is known; then it takes the agency's
    name, so that the next new draft does not write over this one. An existing draft of that name is kept.
    (The caller removes the old file once the draft is saved under the new name.)"""
    if path.parent != drafts_dir():
        return path
    target = draft_path(report)
    n = 2
    while target != path and target.exists():
        target = target.with_stem(f"{Path(report_file_name(report)).stem}_{n}")
        n += 1
    return target


def find_drafts(year: int | None = None, agency: str | None = None) -> list[Draft]:
    """The readable drafts of that year and agency (either may be left out), most recently saved first."""
    found = []
    for path in draft_files():
        try:
            draft = read_draft(path)
        except InputError:
            continue
        if (year is None or draft.report.year == year) and (not agency or agency in draft.report.agency):
            found.append(draft)
    return found
