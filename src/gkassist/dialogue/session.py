"""Drafts on disk and the choice of what to open: the chat's storage, apart from the engine and the UI.

A draft file holds the report, last year's report (if any) and the step it stopped at, by the step's id
(so a changed prompts/flow.yaml cannot send a resumed draft to the wrong question).  Files are written
atomically; one file per agency and year under `paths.drafts_dir()`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.files import atomic_write, read_text_file, report_file_name
from gkassist.core.model import Report, report_from_data
from gkassist.dialogue.steps import Step, flow
from gkassist.paths import drafts_dir

DONE = "done"  # the step id saved once every question is answered
NEW_AGENCY = "（待填写）"


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


def draft_files() -> list[Path]:
    """The draft files, most recently saved first."""
    folder = drafts_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)


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
    paragraphs = report.paragraphs(step.section)
    if step.heading:
        return any(p.startswith(step.heading) for p in paragraphs)
    return bool(paragraphs)


def write_draft(path: Path, report: Report, last_year: Report | None, step: Step | None) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"{path.parent}：无法创建草稿文件夹（{e.strerror}）") from None
    data = {"report": report.model_dump(mode="json"), "step": step.id if step else DONE,
            "last_year": last_year.model_dump(mode="json") if last_year else None}
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1))
    return path


def rename_after_agency(path: Path, report: Report) -> Path:
    """A new draft is saved as “2025_待填写.json” until the agency is known; then it takes the agency's
    name, so that the next new draft does not write over this one. An existing draft of that name is kept."""
    if path.parent != drafts_dir():
        return path
    target = draft_path(report)
    n = 2
    while target != path and target.exists():
        target = target.with_stem(f"{Path(report_file_name(report)).stem}_{n}")
        n += 1
    if target != path:
        path.unlink(missing_ok=True)
    return target


def find_last_year(agency: str, year: int) -> tuple[Report, str] | None:
    """The agency's report for the year before: a draft of the clerk's first, then the corpus.

    The corpus is looked up in its index (which knows each file's agency and year), so a large corpus is not
    read file by file on the clerk's first answer.
    """
    from gkassist.corpus import load_index
    from gkassist.importer import load_any

    candidates = [(p, f"去年的草稿 {p.name}") for p in draft_files()]
    try:
        reports = sorted(load_index().reports, key=lambda r: not r["own"])  # own reports first
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


def open_session(from_file: str | None, year: int | None):
    """The engine to open and a note for the clerk: last year's report given, else the most recent
    unfinished draft, else a new one."""
    from gkassist.dialogue.engine import Engine

    if from_file:
        from gkassist.importer import load_any

        last, result = load_any(from_file)
        note = f"已导入去年的报告：{result.summary()}" if result else f"已读入去年的报告：{last.agency} {last.year}年度"
        return Engine.start(last, year), note
    skipped = []
    for path in draft_files():
        try:
            engine = Engine.resume(path)
        except InputError as e:
            skipped.append(f"{e}，已跳过（文件仍在原处）。")  # a broken draft must not hide an older good one
            continue
        if not engine.done:
            return engine, "\n".join(skipped + [f"接着上次的草稿继续（{path}）。"])
    return Engine.start(None, year), "\n".join(skipped + (["已另开新草稿。"] if skipped else []))
