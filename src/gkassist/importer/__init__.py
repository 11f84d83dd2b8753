"""Import a published report (text, HTML, Word, PDF) or a saved report JSON."""

from __future__ import annotations

import copy
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from gkassist.core import fileformats
from gkassist.core.errors import InputError
from gkassist.core.files import check_readable, decode_text, read_bytes
from gkassist.importer.textparse import ImportResult, parse_text

if TYPE_CHECKING:
    from gkassist.core.model import Report


def _docx(path: Path, data: bytes) -> str:
    from gkassist.importer.docx_reader import docx_text

    return docx_text(path)


def _pdf(path: Path, data: bytes) -> str:
    from gkassist.importer.pdf_reader import pdf_text

    return pdf_text(path)


def _html(path: Path, data: bytes) -> str:
    from gkassist.importer.html_reader import html_text

    return html_text(decode_text(data, path), path)


def _markdown(path: Path, data: bytes) -> str:
    text = decode_text(data, path)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")  # as output._md_escape writes them
    text = re.sub(r"\\([\\|*_\[\]:./])", r"\1", text)
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text)


def _text(path: Path, data: bytes) -> str:
    text = decode_text(data, path)
    if text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        return _html(path, data)  # a saved page with another extension
    return text


# The readers, by file extension: each gives the report's text with table rows as lines and cells
# separated by " | ", which `textparse` then reads the same way whatever the source.
# (by the kinds of core.fileformats that a published report is read from)
_BY_KIND = {"txt": _text, "md": _markdown, "html": _html, "docx": _docx, "pdf": _pdf}
READERS = {s: _BY_KIND[k.id] for k in fileformats.kinds("published") for s in k.suffixes}
PUBLISHED_SUFFIXES = tuple(READERS)
# What the content says it is, whatever its extension.
_SIGNATURES = ((b"%PDF-", _pdf),)


def source_text(path: Path) -> str:
    """The report's text with table rows as lines and cells separated by " | "."""
    reader = READERS.get(path.suffix.lower(), _text)
    if reader in (_docx, _pdf):
        return reader(path, b"")
    data = read_bytes(path)
    if path.suffix.lower() == ".doc" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError(f"{path}：这是旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再导入")
    if data[:4] == b"PK\x03\x04":
        raise InputError(f"{path}：这是压缩包或 Word 文件，但扩展名是“{path.suffix}”；若是 Word 文件请改名为 .docx")
    for signature, by_content in _SIGNATURES:
        if data.startswith(signature):
            return by_content(path, data)
    return reader(path, data)


# A published report is a few hundred to a few thousand lines; a file far beyond that is not one, and is
# answered at once instead of after seconds of reading.  The work is bounded by what the file gives, whatever its
# format and size on disk: the gathered reports have at most 6,300 characters, 330 cell separators and 320
# paragraphs; reading 3 million cells took 37 s and writing 49,000 paragraphs to Word over two minutes.
MAX_LINES = 100_000
MAX_TEXT_LINES = 20_000  # lines holding text: reading 49,000 of them took 2.3 s before the paragraphs were counted
MAX_CHARS = 1_000_000
MAX_CELLS = 50_000  # cell separators (“|” and tabs)
MAX_PARAGRAPHS = 3_000  # paragraphs of the report read (about 2 ms each to write to Word)


def _bounded(path: str, text: str) -> None:
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise InputError(f"{path}：文件有{lines}行，远多于一份年度报告（上限{MAX_LINES}行），请确认选对了文件")
    if (written := sum(1 for line in text.splitlines() if line.strip())) > MAX_TEXT_LINES:
        raise InputError(f"{path}：文件有{written}行文字，远多于一份年度报告（上限{MAX_TEXT_LINES}行），请确认选对了文件")
    if len(text) > MAX_CHARS:
        raise InputError(f"{path}：文件有{len(text)}个字，远多于一份年度报告（上限{MAX_CHARS}字），请确认选对了文件")
    if (cells := text.count("|") + text.count("\t")) > MAX_CELLS:
        raise InputError(f"{path}：文件里的表格有约{cells}个单元格，远多于一份年度报告（上限{MAX_CELLS}个），请确认选对了文件")


def import_file(path: str | Path) -> ImportResult:
    path = Path(path)
    check_readable(path)
    return import_text(source_text(path), str(path))


# The same text read again in one process is parsed once: reading is a pure function of the text and its name (the
# formats and word lists it uses are shipped files, read once a process), and every caller gets a deep copy of its
# own, so a draft changed in one session never shows in another.  Last year's report is read at every start of a
# draft (the web's clerks, the TUI's reopen; the tests start a thousand conversations from one seed, a third of whose
# time was reading it).  Refusals are never kept; only the last few texts of a report's size are.
_READ: OrderedDict[tuple[str, str], ImportResult] = OrderedDict()
_READ_LOCK = threading.Lock()
_READ_KEPT, _READ_KEPT_CHARS = 8, 400_000


def import_text(text: str, source: str) -> ImportResult:
    """A report's text (rows as lines) read, or refused where it holds nothing of a report."""
    key = (source, text)
    with _READ_LOCK:
        kept = _READ.get(key)
        if kept is not None:
            _READ.move_to_end(key)
    if kept is None:
        kept = _import_text(text, source)
        if len(text) <= _READ_KEPT_CHARS:
            with _READ_LOCK:
                _READ[key] = kept
                while len(_READ) > _READ_KEPT:
                    _READ.popitem(last=False)
    return copy.deepcopy(kept)


def _import_text(text: str, source: str) -> ImportResult:
    if not text.strip():
        raise InputError(f"{source}：文件是空的")
    _bounded(source, text)
    result = parse_text(text, source)
    r = result.report
    paragraphs = len(r.preface) + sum(map(len, r.sections.values())) + sum(map(len, r.extra_lines.values()))
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError(f"{source}：读出{paragraphs}段文字，远多于一份年度报告（上限{MAX_PARAGRAPHS}段），请确认选对了文件")
    if not _usable(result):
        raise InputError(f"{source}：没有读到可用的年度报告内容（{'；'.join(result.problems) or '找不到章节和表格'}）")
    result.report.origin = "published"
    from gkassist.importer.contact import read_contact

    result.notes.contact = read_contact(result.report)  # the contact block, for next year's preface
    return result


def _usable(result: ImportResult) -> bool:
    return result.read_cells > 0 or any(result.report.sections.values())


def import_url(url: str, follow: bool = True) -> ImportResult:
    """The report at a web address: its page, the PDF/Word file attached to an article page, or the file itself."""
    from gkassist.importer.fetch import Page, content_kind, fetch, saved_copy, temporary_folder
    from gkassist.importer.html_reader import html_text

    fetched = fetch(url)
    kind = content_kind(fetched)
    if kind == "doc":
        raise InputError(f"{url}：这是旧版 Word（.doc）文件，请下载后在 Word 或 WPS 中另存为 .docx 再导入")
    if kind in ("pdf", "docx"):
        with temporary_folder() as folder:
            path = saved_copy(fetched, Path(folder), "." + kind)
            try:
                result = import_file(path)
            except InputError as e:
                raise InputError(str(e).replace(str(path), url)) from None
        result.source = url
        return result
    text = fetched.text()
    if kind == "text":
        return import_text(text, url)
    page = Page(fetched.url, text)
    try:
        from_page: ImportResult | None = import_text(html_text(text, url), url)
    except InputError:
        from_page = None
    if follow and (from_page is None or from_page.read_cells == 0):
        for attachment in page.attachments()[:3]:  # the report is the article's attached PDF or Word file
            try:
                found = import_url(attachment, follow=False)
            except InputError:
                continue
            found.source = f"{url}（附件 {attachment}）"
            return found
    if from_page is not None:
        return from_page
    if why := page.why_unreadable():
        raise InputError(f"{url}：{why}")
    if links := page.report_links():
        raise InputError(f"{url}：这是年报栏目页（列出了{len(links)}份报告），请给出其中一份报告的网址；"
                         "要一次审核全部，用 gkassist audit --urls 名单.txt（名单里可以写栏目页）")
    raise InputError(f"{url}：这个网页不是政府信息公开工作年度报告（找不到“收到和处理政府信息公开申请情况”等章节），也没有报告附件")


def report_addresses(url: str) -> list[str]:
    """For the audit: a 年报栏目 list page's report links; any other address as it is (its import says what it is)."""
    from gkassist.importer.fetch import Page, content_kind, fetch
    from gkassist.importer.html_reader import html_text

    fetched = fetch(url)
    if content_kind(fetched) != "html":
        return [url]
    page = Page(fetched.url, fetched.text())
    try:
        html_text(page.html, url)
        return [url]  # a report's own page
    except InputError:
        pass
    if page.attachments() and not page.report_links():
        return [url]
    return page.report_links() or [url]


def import_source(name: str | Path) -> ImportResult:
    """A published report from a file or a web address."""
    from gkassist.importer.fetch import is_url

    return import_url(str(name)) if is_url(name) else import_file(name)


def load_any(path: str | Path, last: Report | None = None) -> tuple[Report, ImportResult | None]:
    """A report from a saved JSON, a published file or a web address; returns (report, import result or None).
    Last year's report, when given, may settle 表二 digits the published file ran together."""
    from gkassist.core.model import load_report
    from gkassist.importer.fetch import is_url

    if not is_url(path):
        path = Path(path)
        if path.suffix.lower() in fileformats.suffixes("data"):
            return load_report(path), None
        if path.suffix.lower() not in PUBLISHED_SUFFIXES:
            check_readable(path)
            raise InputError(f"{path}：不支持的文件类型“{path.suffix or '无扩展名'}”"
                             f"（可用 {'、'.join(fileformats.suffixes('data') + PUBLISHED_SUFFIXES)}）")
    result = import_source(path)
    if last is not None:
        result.settle_with_last_year(last)
    return result.report, result
