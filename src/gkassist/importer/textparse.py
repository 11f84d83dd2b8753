"""Read a published report from its text into the model.

Every source (plain text, HTML, Word, PDF) is first turned into text in which table rows are lines and
cells are separated by " | " where the source knew them; `parse_text` then reads that text with the
format definition, in stages: the characters normalised (`tokens`), the section headings found
(`headings`), the title, agency, year and format version (`title`), the preface, each section's paragraphs
and its table (`tables`: row labels found in order — whitespace-, bracket- and quote-tolerant, so labels
broken over PDF lines or run into the numbers still match — and the numbers that follow each label; cells
that ran together without separators are split with the help of the row's totals (`digits`) and left unread
where more than one split fits), and what could not be read said on the `ImportResult` (`result`).
"""

from __future__ import annotations

import re

from gkassist.core.levels import level_of
from gkassist.core.model import Report
from gkassist.core.numbers import chinese_numeral
from gkassist.importer.headings import (
    TABLE_START,
    end_of_report,
    find_headings,
    is_wrapped,
    preface_paragraphs,
    printed_headings,
    split_paragraphs,
    with_headings_out_of_place,
)
from gkassist.importer.result import ImportResult
from gkassist.importer.tables import TableReader, mark_missing, t4_words
from gkassist.importer.title import find_title, identify, looks_like_agency, source_header, title_line
from gkassist.importer.tokens import normalise, tokenize

__all__ = ["ImportResult", "parse_text", "tokenize", "looks_like_agency", "title_line", "normalise"]


def parse_text(text: str, source: str = "<文本>") -> ImportResult:
    text, meta_agency, meta_year = source_header(normalise(text))
    headings = with_headings_out_of_place(text, find_headings(text))
    head_text = text[: headings[0][1] if headings else len(text)]
    title = find_title(text, head_text, meta_agency, meta_year)
    version, agency, year, problems = identify(text, title, bool(headings))
    result = ImportResult(Report.blank(version, agency, year, level=level_of(agency)), source, problems=problems)
    wrapped = is_wrapped(text)
    result.report.preface = preface_paragraphs(head_text, title, agency, wrapped)
    _read_sections(result, text, headings, wrapped)
    _read_closing(result.report)
    result.notes.headings = printed_headings(text, headings)
    _say_missing_sections(result, headings)
    return result


def _read_sections(result: ImportResult, text: str, headings: list[tuple[str, int, int]], wrapped: bool) -> None:
    """Each section's paragraphs, or its table and the lines the publisher added around it; then the rows whose
    digits ran together, settled by what the whole report says or left unread."""
    report = result.report
    reader = TableReader(result, text)
    report_end = end_of_report(text, headings[-1][2]) if headings else len(text)
    if report_end < len(text):
        result.problems.append("文件里似乎有不止一份报告，只读取了第一份")
    for i, (sid, _start, end) in enumerate(headings):
        body_end = headings[i + 1][1] if i + 1 < len(headings) else report_end
        table_id = report.format.table_sections.get(sid)
        if not table_id:
            if sid in report.format.narrative_sections:
                report.sections[sid] = split_paragraphs(text[end:body_end], wrapped)
            continue
        tstart = TABLE_START[table_id].search(text, end, body_end)
        if not tstart:
            mark_missing(result, table_id)
            result.problems.append(f"“{report.format.heading(sid)}”下没有找到表格")
            extra = split_paragraphs(text[end:body_end], wrapped)
            if extra:
                report.extra_lines[sid] = extra
            continue
        table = report.format.tables[table_id]
        if len(table.blocks) > 1:  # blocks with their own header rows (表二)
            table_end = reader.read_t2(tstart.start(), body_end)
        elif table.row_labels:  # labelled rows under one header (表三)
            table_end = reader.read_t3(tstart.start(), body_end)
        else:  # one row of numbers under its header (表四)
            table_end = reader.read_t4(tstart.start(), body_end, tstart.end())
        extra = split_paragraphs(text[end:tstart.start()], wrapped) + split_paragraphs(text[table_end:body_end], wrapped)
        extra = [x for x in extra if x != table.corner and not t4_words(report.format_version).fullmatch(x.replace(" ", ""))]
        if extra:
            report.extra_lines[sid] = extra
    reader.resolve_ambiguous_t3()  # a 表三 under no heading of its own
    reader.resolve_with_stated_figures()  # once every paragraph is read: 一 and 五 state figures of 表二
    reader.report_ambiguous()


def _say_missing_sections(result: ImportResult, headings: list[tuple[str, int, int]]) -> None:
    found_sections = {sid for sid, _, _ in headings}
    fmt = result.report.format
    for sid, table_id in fmt.table_sections.items():
        if sid not in found_sections:
            mark_missing(result, table_id)
            result.problems.append(f"没有找到“{fmt.heading(sid)}”部分")
    for sid in fmt.narrative_sections:
        if sid not in found_sections and headings:
            result.problems.append(f"没有找到“{fmt.heading(sid)}”部分")


# a date as a 落款 writes it: “2025年1月27日”, “二〇二五年一月二十七日”
_DATE = (r"(?P<y>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
         r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")
_DATE_LINE = re.compile(r"^\s*(?:(?P<agency>[^\d，。；]{2,40}?)\s*)?" + _DATE + r"\s*$")
# the 落款 run into the last sentence when the page lost its lines (“无。 平潭综合实验区经济发展局2025年1月27日”)
_SIGNED_AFTER = re.compile(r"(?<=[。！？；!?])\s*(?:(?P<agency>[^\d，。；：:、“”]{2,40}?)\s*)?" + _DATE + r"\s*$")
# the agency's name alone run in after the last sentence (its date on the next line)
_AGENCY_AFTER = re.compile(r"(?<=[。！？；!?])\s*(?P<agency>[^\d，。；：:、“”]{2,40})\s*$")
# what a page lists under the 落款: its attachments (“附件：1.……”, “附件下载”, “相关附件”)
_ATTACHMENTS = re.compile(r"(?:附件\s*(?:\d+|[一二三四五六七八九十]+)?\s*[：:].*|附件下载.*|相关附件.*)$")
# only a paragraph's end is looked at: a 落款 is short, and a long run of spaces must not make the patterns slow
_TAIL = 200


def _at_end(pattern: re.Pattern[str], paragraph: str) -> tuple[re.Match[str], int] | None:
    """`pattern` searched in the last _TAIL characters of `paragraph`: the match and where it starts in the whole."""
    cut = max(0, len(paragraph) - _TAIL)
    m = pattern.search(paragraph[cut:])
    return (m, cut + m.start()) if m else None


def _closing_date(m: re.Match[str]):
    from datetime import date

    def number(s: str) -> int | None:
        return int(s) if s.isdigit() else chinese_numeral(s)

    parts = number(m["y"]), number(m["m"]), number(m["d"])
    if None in parts:
        return None
    try:
        return date(*parts)  # type: ignore[arg-type]
    except ValueError:
        return None


def _read_closing(report: Report) -> None:
    """The 落款 after the last part (the agency's name, a date, the attachments listed under them: on lines of their
    own or run into the last sentence) is the report's closing, never a paragraph of 六 — whatever the source
    format, since every reader's text comes here."""
    sid = next((s for s in reversed(report.format.narrative_sections) if report.sections.get(s)), None)
    if sid is None:
        return
    paragraphs = report.sections[sid]
    while paragraphs and (found := _at_end(_ATTACHMENTS, paragraphs[-1])) is not None:
        before = paragraphs[-1][:found[1]].rstrip()
        if not before:
            paragraphs.pop()
        elif before[-1:] in ("。", "！", "？", "；", "!", "?", "日"):  # after a sentence or the date
            paragraphs[-1] = before
        else:
            break
    if not paragraphs:
        return
    last = paragraphs[-1]
    m = _DATE_LINE.match(last) if len(last) <= 80 else None  # (a line of the name and the date is short)
    if m and (not m["agency"] or looks_like_agency(m["agency"])):
        when = _closing_date(m)
        if when is None:
            return
        report.closing_date = when
        paragraphs.pop()
        if paragraphs and not m["agency"]:
            if looks_like_agency(paragraphs[-1]) and len(paragraphs[-1]) <= 40:
                paragraphs.pop()  # the agency's line above the date
            elif (a := _at_end(_AGENCY_AFTER, paragraphs[-1])) and looks_like_agency(a[0]["agency"]):
                paragraphs[-1] = paragraphs[-1][:a[1]].rstrip()
        return
    signed = _at_end(_SIGNED_AFTER, last)
    m = signed[0] if signed else None
    # run in, the date is the report's (or the year after's): “截至2025年12月31日” ends a sentence, it signs nothing
    if m and m["agency"] and looks_like_agency(m["agency"]) and (when := _closing_date(m)) is not None \
            and when.year in (report.year, report.year + 1):
        report.closing_date = when
        paragraphs[-1] = last[:signed[1]].rstrip() if signed else last
