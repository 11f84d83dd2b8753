"""Which draft to open, beside the engine: a new one from last year's report, the draft of a year or an agency, or
the last one worked on; and the list of drafts with their progress (`gkassist drafts`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gkassist.core.errors import InputError
from gkassist.core.model import Report
from gkassist.dialogue.engine import Engine, default_year
from gkassist.dialogue.kinds.field import NEW_AGENCY
from gkassist.dialogue.lastyear import find_last_year, imported_note
from gkassist.dialogue.session import Drafts, NewerDraft, draft_entries, draft_files, find_drafts, read_draft, set_damaged_aside

if TYPE_CHECKING:  # the importer loads when a file is given
    from gkassist.importer import ImportResult


def open_session(from_file: str | None = None, year: int | None = None, agency: str | None = None, new: bool = False,
                 clock: Callable[[], date] = date.today, drafts: Drafts | None = None) -> tuple[Engine, str]:
    """The engine to open and a note for the clerk.

    - last year's report given: a new draft from it; if that agency already has a draft of that year, the
      clerk is asked whether to go on with it or start again (the old one kept);
    - a year or an agency given: that draft, finished or not (a finished one opens for review); other agencies'
      drafts of that year are named, with how to open them or start a new unit's;
    - `new`: a new draft of that year (another unit's), whatever drafts there are;
    - otherwise the most recent unfinished draft (of an earlier year than the season's — November on, the current
      year's report is due — the clerk is asked which to write), else a new draft of the season's year (from a
      finished report of the year before, when there is one).
    """
    drafts = drafts or Drafts.user()
    if from_file:
        return _from_last_year(from_file, year, clock, drafts)
    if new:
        return _not_over_a_newer_draft(Engine.start(None, year, agency or "", clock, drafts)), "已新开一份草稿。"
    if year is not None or agency:
        return _of_year_or_agency(year, agency, clock, drafts)
    return _the_last_one(clock, drafts)


def _from_last_year(from_file: str, year: int | None, clock: Callable[[], date], drafts: Drafts) -> tuple[Engine, str]:
    from gkassist.importer import load_any

    last, result = load_any(from_file)
    if result is not None and result.ambiguous:
        _settle_with_the_year_before(result, drafts)
    note = imported_note(last, result)
    fresh = Engine.start(last, year, clock=clock, drafts=drafts)
    existing = [d for d in find_drafts(fresh.report.year, fresh.report.agency, drafts)
                if d.report.agency == fresh.report.agency]
    if existing:
        engine = Engine.resume(existing[0].path, clock, drafts)
        engine.offer_restart(fresh)
        return engine, note
    return _not_over_a_newer_draft(fresh), note


def _settle_with_the_year_before(result: ImportResult, drafts: Drafts) -> None:
    """Last year's rows whose digits ran together (表二 “1129”), settled where the agency's report of the year before
    (a draft of theirs, the corpus) leaves exactly one split that keeps 现行有效's arithmetic — said in the import's
    summary (“按上年现行有效…拆为…，请核对”); never guessed where it leaves none or several."""
    report = result.report
    try:
        found = find_last_year(report.agency, report.year, drafts)
    except InputError:
        return
    if found is not None and found[0].year == report.year - 1:
        result.settle_with_last_year(found[0])


def _of_year_or_agency(year: int | None, agency: str | None, clock: Callable[[], date],
                       drafts: Drafts) -> tuple[Engine, str]:
    matching = find_drafts(year, agency, drafts)
    if not matching:
        fresh = Engine.start(None, year, agency or "", clock, drafts)
        return _not_over_a_newer_draft(fresh), "没有找到这一年度的草稿，已新开一份。"
    engine = Engine.resume(matching[0].path, clock, drafts)
    state = "已完成，可以查看和修改" if engine.done else "接着上次的草稿继续"
    note = f"{engine.report.agency} {engine.report.year}年度：{state}（{matching[0].path}）。"
    others = list(dict.fromkeys(d.report.agency for d in matching[1:] if d.report.agency != engine.report.agency))
    if others:
        y = engine.report.year
        note += ("这一年度还有" + "、".join(f"{a}（gkassist draft --year {y} --agency {a}）" for a in others[:5])
                 + "的草稿。")
    if not agency:
        note += f"要起草另一个单位的报告：gkassist draft --year {engine.report.year} --new。"
    return engine, note


def _the_last_one(clock: Callable[[], date], drafts: Drafts) -> tuple[Engine, str]:
    """No year, agency or last year's report given: the draft last worked on, or the season's year."""
    season = default_year(clock())
    skipped: list[str] = []
    finished = None
    for path in draft_files(drafts):
        try:
            engine = Engine.resume(path, clock, drafts)
        except NewerDraft as e:
            skipped.append(f"{e}，已跳过。")  # not damaged: a newer gkassist opens it
            continue
        except InputError as e:
            # a broken draft must not hide an older good one, nor block the next start
            moved = set_damaged_aside(path)
            skipped.append(f"{e}，已跳过" + (f"（文件已移到 {moved}）。" if moved else "（文件仍在原处）。"))
            continue
        if not engine.done:
            if engine.report.year < season:
                engine.offer_year(_season_draft(engine.report, season, clock, drafts))
            return engine, "\n".join(skipped + [f"接着上次的草稿继续（{path}）。"])
        finished = finished or engine
    if finished is not None and finished.report.year >= season:
        # a finished report is reopened, never hidden behind a blank new draft
        r = finished.report
        return finished, "\n".join(skipped + [
            f"{r.agency} {r.year}年度报告已完成（{finished.path}），可以查看和修改。"
            f"要写下一年度，请用 gkassist draft --year {r.year + 1}（或 --from 今年的报告）。"])
    if finished is not None and finished.report.year == season - 1:
        # last year's report, finished here: this year's draft starts from it
        r = finished.report
        fresh = _not_over_a_newer_draft(Engine.start(r, season, clock=clock, drafts=drafts))
        return fresh, "\n".join(skipped + [f"{r.agency} {r.year}年度的报告已写完；按它新开{season}年度的草稿"
                                            f"（要看{r.year}年度的：gkassist draft --year {r.year}）。"])
    if finished is not None:
        r = finished.report
        skipped.append(f"{r.agency} {r.year}年度的报告已完成（{finished.path}，gkassist draft --year {r.year} 打开）；"
                       f"现在新开{season}年度的草稿。")
    return Engine.start(None, season, clock=clock, drafts=drafts), "\n".join(skipped + (["已另开新草稿。"] if skipped and finished is None else []))


def _season_draft(older: Report, season: int, clock: Callable[[], date], drafts: Drafts) -> Engine:
    """The draft of the season's year offered beside an unfinished older one: the same agency, its own file."""
    return Engine.start(None, season, "" if older.agency == NEW_AGENCY else older.agency, clock, drafts)


def _not_over_a_newer_draft(engine: Engine) -> Engine:
    """A new draft whose file name is taken by a draft of a newer gkassist: refused, that file left as it is."""
    if engine.path.is_file():
        try:
            read_draft(engine.path)
        except NewerDraft:
            raise
        except InputError:
            pass  # a damaged file of that name is kept in the history by the first save
    return engine


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


def describe_drafts(drafts: Drafts | None = None) -> list[DraftRow]:
    """Every draft file with its progress and checks (a damaged one says so instead of its figures)."""
    from gkassist.checks import ERROR

    rows = []
    for path, mtime, odd in draft_entries(drafts):
        saved = datetime.fromtimestamp(mtime)
        if odd:
            rows.append(DraftRow("（无法读取）", 0, f"{path}：{odd}，已跳过", 0, 0, saved, path))
            continue
        try:
            engine = Engine.resume(path, drafts=drafts)
        except NewerDraft as e:
            rows.append(DraftRow("（更新版本的草稿）", 0, str(e), 0, 0, saved, path))
            continue
        except InputError as e:
            rows.append(DraftRow("（文件已损坏）", 0, str(e), 0, 0, saved, path))
            continue
        steps = engine.steps
        progress = "已完成" if engine.done else f"写到第{engine.step_index + 1}/{len(steps)}部分“{engine.current.title}”"
        findings = engine.findings()
        errors = sum(f.severity == ERROR for f in findings)
        r = engine.report
        rows.append(DraftRow(r.agency, r.year, progress, errors, len(findings) - errors, saved, path))
    return rows


