"""Word files: paragraphs and tables in document order; merged cells read once."""

from __future__ import annotations

import zipfile
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.files import check_readable


def docx_text(path: Path) -> str:
    check_readable(path)
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(f"{path}：Word 文件已损坏或不是 .docx 格式（{type(e).__name__}），请用 Word 或 WPS 重新另存为 .docx") from None
    except Exception as e:  # lxml errors inside a damaged package
        raise InputError(f"{path}：Word 文件已损坏，无法读取（{type(e).__name__}）") from None
    lines: list[str] = []
    body = doc.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

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
