"""Word files: paragraphs and tables in document order; merged cells read once."""

from __future__ import annotations

import zipfile
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.files import check_readable

# A yearly report's document.xml is well under 2 MB; these bound the work a crafted file can ask for
# (a 1 MB .docx that unpacks to 1 GB, or 2 million empty paragraphs) before anything is parsed.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_PARAGRAPHS = 50_000


def _check_package(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(f"{path}：Word 文件已损坏或不是 .docx 格式，请用 Word 或 WPS 重新另存为 .docx") from None
    unpacked = sum(e.file_size for e in entries)
    if len(entries) > MAX_ENTRIES or unpacked > MAX_UNPACKED_BYTES:
        raise InputError(f"{path}：Word 文件解压后有 {unpacked / 1024 / 1024:.0f} MB、{len(entries)} 个部件，"
                         f"远大于一份年度报告（上限 {MAX_UNPACKED_BYTES // 1024 // 1024} MB），没有读取")


def docx_text(path: Path) -> str:
    check_readable(path)
    _check_package(path)
    from docx import Document

    try:
        doc = Document(str(path))
    except Exception:  # noqa: BLE001 — python-docx and lxml raise many kinds on a damaged package
        raise InputError(f"{path}：Word 文件已损坏或不是 .docx 格式，请用 Word 或 WPS 重新另存为 .docx") from None
    lines: list[str] = []
    body = doc.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if sum(1 for _ in body.iter("{*}p")) > MAX_PARAGRAPHS:
        raise InputError(f"{path}：Word 文件有超过 {MAX_PARAGRAPHS} 个段落，不像一份年度报告，没有读取")
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            lines.append("")
            for row in Table(child, doc).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue  # a horizontally merged cell repeats
                    seen.add(id(cell._tc))
                    cells.append("".join(cell.text.split()))
                lines.append(" | ".join(cells))
            lines.append("")
    return "\n".join(lines) + "\n"
