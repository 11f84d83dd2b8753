"""PDF files with a text layer (as published); a scanned PDF gets a clear message.

pdfium (pypdfium2) reads the 淮安 report in ~20 ms where pypdf took ~180 ms, and gives the same import
(every cell and paragraph equal; benchmarks/bench_core.py measures both readers' times).
"""

from __future__ import annotations

from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.files import check_readable
from gkassist.importer.pdf_columns import Columns, with_cells

MAX_PAGES = 200  # a yearly report runs to 5–30 pages; a longer PDF is not one, and would take long to read


def pdf_text(path: Path) -> str:
    check_readable(path)
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError, ValueError) as e:
        raise InputError(f"{path}：PDF 文件已损坏或无法读取（{type(e).__name__}）") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise InputError(f"{path}：PDF 有{len(pdf)}页，远多于一份年度报告（上限{MAX_PAGES}页），请确认选对了文件")
        pages = []
        columns = Columns()  # 表三's columns once its header is seen (the table may go on over a page break)
        for i in range(len(pdf)):
            page = pdf[i]
            text_page = page.get_textpage()
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
