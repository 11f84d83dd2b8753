"""Last year's report of an agency, found for the clerk: a draft of theirs first, then the corpus."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from gkassist.core.errors import InputError
from gkassist.core.model import Report
from gkassist.dialogue.session import Drafts, draft_files, read_draft

if TYPE_CHECKING:  # the importer loads when a file is given
    from gkassist.importer import ImportResult


def find_last_year(agency: str, year: int, drafts: Drafts | None = None) -> tuple[Report, str] | None:
    """The agency's report for the year before and where it was found.

    The corpus is looked up in its index (which knows each file's agency and year), so a large corpus is not
    read file by file on the clerk's first answer.
    """
    from gkassist.corpus import corpus_reports
    from gkassist.importer import load_any

    unfinished = None
    for path in draft_files(drafts):
        try:
            draft = read_draft(path)
        except InputError:
            continue  # a broken file is not an offer
        if draft.report.agency == agency and draft.report.year == year - 1:
            if draft.done:
                return draft.report, f"去年的草稿 {path.name}"
            # not finished: offered (saying so) only when nothing finished is found
            unfinished = unfinished or (draft.report, f"去年的草稿 {path.name}（还没写完）")
    candidates: list[tuple[Path, str]] = []
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
    return unfinished


def imported_note(report: Report, result: ImportResult | None) -> str:
    """What is said of last year's report once it is read: the importer's summary (what was read, what was not),
    the same words whether it came with --from or was given in the conversation."""
    return f"已导入去年的报告：{result.summary()}" if result else f"已读入去年的报告：{report.agency} {report.year}年度"


def read_given(said: str) -> tuple[Report, str]:
    """Last year's report from what the clerk gave in the conversation: a file path (quoted, as a terminal's drag and
    drop writes it, or not) or a web address; the report and the note to show.  InputError when it cannot be read."""
    from gkassist.importer import load_any

    where = said.strip().strip("'\"“”‘’「」").strip()
    if not where:
        raise InputError("没有给出文件或网址")
    report, result = load_any(where)
    return report, imported_note(report, result)
