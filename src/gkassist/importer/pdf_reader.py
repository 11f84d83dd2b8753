"""PDF files with a text layer (as published); a scanned PDF gets a clear message."""

from __future__ import annotations

import logging
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.files import check_readable


def pdf_text(path: Path) -> str:
    check_readable(path)
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, OSError) as e:
        raise InputError(f"{path}：PDF 文件已损坏或无法读取（{type(e).__name__}）") from None
    text = "\n".join(pages)
    if len(text.strip()) < 50:
        raise InputError(f"{path}：这个 PDF 没有文字层（可能是扫描件），无法读取文字；请向发布单位索取文字版或 Word 版")
    return text
