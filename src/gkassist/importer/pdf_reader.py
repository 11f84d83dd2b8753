"""PDF files with a text layer (as published); a scanned PDF gets a clear message.

pdfium (pypdfium2) reads the 淮安 report in ~20 ms where pypdf took ~180 ms, and gives the same import
(every cell and paragraph equal; benchmarks/bench_core.py measures both readers' times).
"""

from __future__ import annotations

import re
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.files import check_readable
from gkassist.importer.pdf_columns import Columns, with_cells

MAX_PAGES = 200  # a yearly report runs to 5–30 pages; a longer PDF is not one, and would take long to read
# What a PDF may ask pdfium to build, bounded before pdfium builds it: a page of 20 million “(a) Tj” is 200 KB
# deflated and 12 GB once parsed.  The published reports read so far have at most 3,000 text-showing operators,
# 800 objects and 1,300 characters on a page, 2 MB of unpacked streams; these bounds are a hundred times that.
MAX_TEXT_OPERATORS = 300_000  # Tj and TJ in all the content streams
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all the deflated streams unpacked
MAX_PAGE_OBJECTS = 100_000  # text, path and image objects on one page
MAX_PAGE_CHARS = 100_000
MAX_CHARS = 1_000_000


def _too_much(path: Path, what: str) -> InputError:
    return InputError(f"{path}：PDF 里的{what}，远多于一份年度报告，没有读取（可能不是年度报告，或文件被做了手脚）")


def _check_streams(path: Path) -> None:
    """Count the text-showing operators in the PDF's streams, unpacking deflated ones a piece at a time and stopping
    at the bound: a crafted page is refused in a moment instead of being parsed by pdfium into gigabytes."""
    import zlib

    data = path.read_bytes()  # check_readable bounded its size
    operators = unpacked = 0
    for start in _stream_starts(data):
        if _font_or_image(data, start):
            continue  # most of a report's bytes, and no text operators: pdfium's own limits bound them
        end = data.find(b"endstream", start)
        raw = data[start:end if end >= 0 else len(data)]
        if len(raw) >= 2 and raw[0] & 0x0F == 8 and (raw[0] << 8 | raw[1]) % 31 == 0:  # a zlib header
            unpack, pending, tail = zlib.decompressobj(), raw, b""
            while pending and not unpack.eof:
                try:
                    piece = unpack.decompress(pending, 1 << 20)
                except zlib.error:
                    break  # damaged: pdfium says what it makes of it
                pending = unpack.unconsumed_tail
                unpacked += len(piece)
                window = tail + piece
                operators += window.count(b"Tj") + window.count(b"TJ") - tail.count(b"Tj") - tail.count(b"TJ")
                tail = piece[-1:]
                if operators > MAX_TEXT_OPERATORS or unpacked > MAX_UNPACKED_BYTES:
                    break
        else:
            operators += raw.count(b"Tj") + raw.count(b"TJ")
        if operators > MAX_TEXT_OPERATORS:
            raise _too_much(path, f"文字对象超过{MAX_TEXT_OPERATORS}个")
        if unpacked > MAX_UNPACKED_BYTES:
            raise _too_much(path, f"压缩内容解压后超过 {MAX_UNPACKED_BYTES // 1024 // 1024} MB")


def _stream_starts(data: bytes):
    """Where each “stream” keyword's data begins (bytes.find: a regex with a look-behind is 30 times slower)."""
    at = data.find(b"stream")
    while at >= 0:
        after = at + 6
        if data[at - 3:at] != b"end":
            if data[after:after + 2] == b"\r\n":
                yield after + 2
            elif data[after:after + 1] in (b"\n", b"\r"):
                yield after + 1
        at = data.find(b"stream", after)


# A font program's dictionary has /Length1 (or /Length2), an image's or a compact font's a /Subtype saying so.
_BINARY = re.compile(rb"/Length[12][\s\x00]|/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType)(?![A-Za-z0-9])")


def _font_or_image(data: bytes, start: int) -> bool:
    """Whether the dictionary of the stream at `start` marks an embedded font program or an image.  (A content
    stream labelled so escapes the count, not the child process's limits.)"""
    head = data[max(0, start - 1024):start]
    return _BINARY.search(head, head.rfind(b"obj") + 1) is not None


def pdf_text(path: Path) -> str:
    """The PDF's text: streams counted first (a moment), then pdfium in a child process of its own limited in
    memory and time (core.limits): what slips past the counts can cost that child, never this process."""
    import pypdfium2  # noqa: F401 — imported here once, not again in every child

    from gkassist.core.limits import run_bounded

    check_readable(path)
    _check_streams(path)
    return run_bounded(str(path), _pdf_text, path)


def _pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError, ValueError) as e:
        raise InputError(f"{path}：PDF 文件已损坏或无法读取（{type(e).__name__}）") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise InputError(f"{path}：PDF 有{len(pdf)}页，远多于一份年度报告（上限{MAX_PAGES}页），请确认选对了文件")
        pages, chars = [], 0
        columns = Columns()  # 表三's columns once its header is seen (the table may go on over a page break)
        for i in range(len(pdf)):
            page = pdf[i]
            # counted before anything is extracted: the text page and each character's box cost far more
            if pdfium_c.FPDFPage_CountObjects(page) > MAX_PAGE_OBJECTS:
                raise _too_much(path, f"第{i + 1}页对象超过{MAX_PAGE_OBJECTS}个")
            text_page = page.get_textpage()
            count = text_page.count_chars()
            chars += count
            if count > MAX_PAGE_CHARS or chars > MAX_CHARS:
                raise _too_much(path, f"第{i + 1}页文字" + (f"超过{MAX_PAGE_CHARS}个字符" if count > MAX_PAGE_CHARS
                                                              else f"累计超过{MAX_CHARS}个字符"))
            text = text_page.get_text_range()
            if len(text) == text_page.count_chars():  # the i-th character's box is the i-th of the text
                text = with_cells(text, text_page.get_charbox, columns, lambda page=page: _horizontal_lines(page))
            pages.append(text.replace("\r\n", "\n"))
            text_page.close()
            page.close()
    except pdfium.PdfiumError as e:
        raise InputError(f"{path}：PDF 文件已损坏或无法读取（{e}）") from None
    finally:
        pdf.close()
    text = "\n".join(pages)
    if len(text.strip()) < 50:
        raise InputError(f"{path}：这个 PDF 没有文字层（可能是扫描件），无法读取文字；请向发布单位索取文字版或 Word 版")
    return text


def _horizontal_lines(page) -> list[tuple[float, float, float]]:
    """The page's drawn horizontal lines (a table's row borders) as (y, left, right)."""
    import pypdfium2.raw as pdfium_c

    lines = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom < 2 and right - left > 10:
            lines.append(((bottom + top) / 2, left, right))
    return lines
