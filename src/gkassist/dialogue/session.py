"""Drafts on disk and the choice of what to open: the chat's storage, apart from the engine and the UI.

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
from gkassist.dialogue.steps import Step, flow
from gkassist.paths import drafts_dir, fallback_drafts_dir

DONE = "done"  # the step id saved once every question is answered
NEW_AGENCY = "（待填写）"
KEPT_VERSIONS = 5  # earlier versions of each draft file kept in drafts/.history/


@dataclass
class Draft:
    path: Path
    report: Report
    last_year: Report | None
    step_index: int

    @property
    def done(self) -> bool:
        return self.step_index >= len(flow().steps)


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
    return Draft(path, report, last, _step_index(data.get("step"), report))


def _step_index(saved, report: Report) -> int:
    steps = flow().steps
    if saved == DONE:
        return len(steps)
    if isinstance(saved, str) and (index := flow().index(saved)) is not None:
        return index
    if isinstance(saved, int) and not isinstance(saved, bool) and 0 <= saved <= len(steps):
        return saved  # drafts saved before steps were saved by id
    return first_unanswered(report)  # a step this flow no longer has: the first part still empty


def first_unanswered(report: Report) -> int:
    """The first step whose part of the report is still empty (len(steps) when none is)."""
    for i, step in enumerate(flow().steps):
        if not _answered(step, report):
            return i
    return len(flow().steps)


def _answered(step: Step, report: Report) -> bool:
    if step.kind == "field":
        return report.agency != NEW_AGENCY
    if step.kind == "table":
        return all(report.cell(step.table, r.id, c.id) is not None
                   for _, r, c in report.format.tables[step.table].cells() if r.id != "carried")
    if step.kind == "preface":
        return bool(report.preface)
    paragraphs = report.paragraphs(step.section)
    if step.heading:
        return any(p.startswith(step.heading) for p in paragraphs)
    return bool(paragraphs)


def saved_answer(step: Step, report: Report):
    """(cells, paragraphs) already saved for a step, as an answer would give them; None when nothing is."""
    if not _answered(step, report):
        return None
    if step.kind == "field":
        return {}, [report.agency]
    if step.kind == "table":
        derived = {eq.total for eq in report.format.equations(step.table) if eq.derivable}
        cells = {(step.table, r.id, c.id): report.number(step.table, r.id, c.id)
                 for _, r, c in report.format.tables[step.table].cells()
                 if r.id != "carried" and (r.id, c.id) not in derived and report.number(step.table, r.id, c.id) is not None}
        return cells, []
    paragraphs = report.preface if step.kind == "preface" else report.paragraphs(step.section)
    if step.heading:
        paragraphs = [p for p in paragraphs if p.startswith(step.heading)]
    return {}, list(paragraphs)


def write_draft(path: Path, report: Report, last_year: Report | None, step: Step | None) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"{path.parent}：无法创建草稿文件夹（{e.strerror}）") from None
    data = {"report": report.model_dump(mode="json"), "step": step.id if step else DONE,
            "last_year": last_year.model_dump(mode="json") if last_year else None}
    keep_version(path)
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1))
    return path


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
        copy = folder / f"{label}{datetime.now():%Y%m%d-%H%M%S-%f}.json"
        copy.write_bytes(path.read_bytes())
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


def find_last_year(agency: str, year: int) -> tuple[Report, str] | None:
    """The agency's report for the year before: a draft of the clerk's first, then the corpus.

    The corpus is looked up in its index (which knows each file's agency and year), so a large corpus is not
    read file by file on the clerk's first answer.
    """
    from gkassist.corpus import corpus_reports
    from gkassist.importer import load_any

    candidates = [(p, f"去年的草稿 {p.name}") for p in draft_files()]
    try:
        reports = sorted(corpus_reports(), key=lambda r: not r["own"])  # own reports first
    except InputError:
        reports = []
    candidates += [(Path(r["source"]), f"语料库里的报告 {Path(r['source']).name}") for r in reports
                   if r["agency"] == agency and r["year"] == year - 1]
    for path, where in candidates:
        try:
            report, _ = load_any(path)
        except InputError:
            continue  # a broken file is not an offer
        if report.agency == agency and report.year == year - 1:
            return report, where
    return None


def open_session(from_file: str | None = None, year: int | None = None, agency: str | None = None):
    """The engine to open and a note for the clerk.

    - last year's report given: a new draft from it; if that agency already has a draft of that year, the
      clerk is asked whether to go on with it or start again (the old one kept);
    - a year or an agency given: that draft, finished or not (a finished one opens for review);
    - otherwise the most recent unfinished draft, else a new one.
    """
    from gkassist.dialogue.engine import Engine

    if from_file:
        from gkassist.importer import load_any

        last, result = load_any(from_file)
        note = f"已导入去年的报告：{result.summary()}" if result else f"已读入去年的报告：{last.agency} {last.year}年度"
        fresh = Engine.start(last, year)
        existing = find_drafts(fresh.report.year, fresh.report.agency)
        existing = [d for d in existing if d.report.agency == fresh.report.agency]
        if existing:
            engine = Engine.resume(existing[0].path)
            engine.offer_restart(fresh)
            return engine, note
        return fresh, note
    skipped = []
    if year is not None or agency:
        matching = find_drafts(year, agency)
        if matching:
            engine = Engine.resume(matching[0].path)
            state = "已完成，可以查看和修改" if engine.done else "接着上次的草稿继续"
            return engine, f"{state}（{matching[0].path}）。"
        return Engine.start(None, year, agency or ""), "没有找到这一年度的草稿，已新开一份。"
    finished = None
    for path in draft_files():
        try:
            engine = Engine.resume(path)
        except InputError as e:
            # a broken draft must not hide an older good one, nor block the next start
            moved = set_damaged_aside(path)
            skipped.append(f"{e}，已跳过" + (f"（文件已移到 {moved}）。" if moved else "（文件仍在原处）。"))
            continue
        if not engine.done:
            return engine, "\n".join(skipped + [f"接着上次的草稿继续（{path}）。"])
        finished = finished or engine
    if finished is not None:
        # a finished report is reopened, never hidden behind a blank new draft
        r = finished.report
        return finished, "\n".join(skipped + [
            f"{r.agency} {r.year}年度报告已完成（{finished.path}），可以查看和修改。"
            f"要写下一年度，请用 gkassist draft --year {r.year + 1}（或 --from 今年的报告）。"])
    return Engine.start(None, year), "\n".join(skipped + (["已另开新草稿。"] if skipped else []))


@dataclass
class DraftRow:
    """One line of `gkassist drafts`."""

    agency: str
    year: int
    progress: str
    errors: int
    warnings: int
    saved: datetime
    path: Path


def describe_drafts() -> list[DraftRow]:
    """Every draft file with its progress and checks (a damaged one says so instead of its figures)."""
    from datetime import date

    from gkassist.checks import ERROR, check

    rows = []
    for path in draft_files():
        saved = datetime.fromtimestamp(path.stat().st_mtime)
        try:
            draft = read_draft(path)
        except InputError as e:
            rows.append(DraftRow("（文件已损坏）", 0, str(e), 0, 0, saved, path))
            continue
        steps = flow().steps
        progress = "已完成" if draft.done else f"写到第{draft.step_index + 1}/{len(steps)}部分“{steps[draft.step_index].title}”"
        findings = check(draft.report, draft.last_year, today=date.today())
        errors = sum(f.severity == ERROR for f in findings)
        rows.append(DraftRow(draft.report.agency, draft.report.year, progress, errors, len(findings) - errors, saved, path))
    return rows
