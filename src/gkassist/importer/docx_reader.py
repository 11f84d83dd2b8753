"""Word files: paragraphs and tables in document order; merged cells read once."""

from __future__ import annotations

import lzma
import zipfile
import zlib
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.files import check_readable

# A yearly report's document.xml is well under 2 MB; these bound the work a crafted file can ask for
# (a 1 MB .docx that unpacks to 1 GB, or 2 million empty paragraphs) before anything is parsed.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_PARAGRAPHS = 50_000
# Stored, deflated (what Word and WPS write), bzip2 and LZMA: the methods zipfile can unpack.
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


def _damaged(path: Path) -> InputError:
    return InputError(f"{path}：Word 文件已损坏或不是 .docx 格式，请用 Word 或 WPS 重新另存为 .docx")


# What unpacking a damaged or unusual package raises besides BadZipFile: a compression method zipfile lacks
# (NotImplementedError), an encrypted entry (RuntimeError), damaged deflate data (zlib.error), a cut file (EOFError).
_UNPACKING = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError,
              zlib.error, lzma.LZMAError)


def _check_package(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
    except _UNPACKING:
        raise _damaged(path) from None
    if any(e.flag_bits & 0x1 for e in entries):
        raise InputError(f"{path}：Word 文件设置了打开密码（已加密），无法读取；请在 Word 或 WPS 中取消密码后另存为 .docx")
    if odd := next((e for e in entries if e.compress_type not in _METHODS), None):
        raise InputError(f"{path}：Word 文件用了不常见的压缩方式（第{odd.compress_type}种），无法读取；"
                         "请用 Word 或 WPS 重新另存为 .docx")
    unpacked = sum(e.file_size for e in entries)
    if len(entries) > MAX_ENTRIES or unpacked > MAX_UNPACKED_BYTES:
        raise InputError(f"{path}：Word 文件解压后有 {unpacked / 1024 / 1024:.0f} MB、{len(entries)} 个部件，"
                         f"远大于一份年度报告（上限 {MAX_UNPACKED_BYTES // 1024 // 1024} MB），没有读取")


def _inflated(package: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    """An entry unpacked within MAX_UNPACKED_BYTES of what is actually inflated, whatever its headers declare:
    zipfile inflates bzip2 and LZMA data a whole compressed chunk at a time (4 KB of bzip2 may be gigabytes) and
    trusts the sizes in the headers, so the compressed bytes are read as stored and inflated here, a bounded
    piece at a time.  Data that inflates to another size or checksum than declared is damaged."""
    import copy

    raw_info = copy.copy(info)
    raw_info.compress_type, raw_info.file_size = zipfile.ZIP_STORED, info.compress_size
    del raw_info.CRC  # the checksum is of the inflated data: checked below
    inflate = _INFLATERS[info.compress_type]
    with package.open(raw_info) as raw:
        data = inflate(raw, MAX_UNPACKED_BYTES, path)
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        raise _damaged(path)
    return data


def _too_big(path: Path) -> InputError:
    return InputError(f"{path}：Word 文件的正文解压后超过 {MAX_UNPACKED_BYTES // 1024 // 1024} MB（文件头写的大小不实），"
                      "远大于一份年度报告，没有读取")


def _stored(raw, limit: int, path: Path) -> bytes:
    data = raw.read(limit + 1)
    if len(data) > limit:
        raise _too_big(path)
    return data


def _deflated(raw, limit: int, path: Path) -> bytes:
    inflater, out = zlib.decompressobj(-15), bytearray()
    while chunk := raw.read(1 << 16):
        while chunk:
            out += inflater.decompress(chunk, limit + 1 - len(out))
            if len(out) > limit:
                raise _too_big(path)
            chunk = inflater.unconsumed_tail
    out += inflater.flush()
    if len(out) > limit:
        raise _too_big(path)
    return bytes(out)


def _by_steps(inflater, raw, limit: int, path: Path) -> bytes:
    """bzip2 and LZMA: each step gives at most what is left of the bound."""
    out = bytearray()
    while not inflater.eof:
        chunk = raw.read(1 << 16) if inflater.needs_input else b""
        if not chunk and inflater.needs_input:
            break  # cut short: the size check says so
        out += inflater.decompress(chunk, limit + 1 - len(out))
        if len(out) > limit:
            raise _too_big(path)
    return bytes(out)


def _bzip2(raw, limit: int, path: Path) -> bytes:
    import bz2

    return _by_steps(bz2.BZ2Decompressor(), raw, limit, path)


def _lzma(raw, limit: int, path: Path) -> bytes:
    """A zip's LZMA entry: a 4-byte header (version, size of the properties), the properties, the raw stream."""
    head = raw.read(4)
    if len(head) < 4:
        raise _damaged(path)
    properties = raw.read(int.from_bytes(head[2:4], "little"))
    inflater = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[
        lzma._decode_filter_properties(lzma.FILTER_LZMA1, properties)])  # type: ignore[attr-defined]  # private, as zipfile's own LZMADecompressor uses it
    return _by_steps(inflater, raw, limit, path)


_INFLATERS = {zipfile.ZIP_STORED: _stored, zipfile.ZIP_DEFLATED: _deflated, zipfile.ZIP_BZIP2: _bzip2,
              zipfile.ZIP_LZMA: _lzma}


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p) -> str:
    parts = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        tag = el.tag[len(W):]
        parts.append(el.text or "" if tag == "t" else "\t" if tag == "tab" else "\n")
    return "".join(parts)


def _span(span_el, path: Path, row: int) -> int:
    """A cell's gridSpan (how many grid columns it covers): a whole number from 1 to the 63 columns Word allows."""
    if span_el is None:
        return 1
    value = span_el.get(f"{W}val", "1")
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= 63):
        raise InputError(f"{path}：Word 文件已损坏：表格第{row}行有一个合并单元格的跨列数“{value[:20]}”无效；"
                         "请用 Word 或 WPS 打开后重新另存为 .docx")
    return int(value)


def _table_lines(tbl, path: Path) -> list[str]:
    """One line per row, cells separated by " | "; a horizontally merged cell once, a vertically merged one
    with the text of the cell it continues (as python-docx's rows read them)."""
    lines: list[str] = []
    above: dict[int, str] = {}
    for row, tr in enumerate(tbl.iterchildren(f"{W}tr"), 1):
        col, cells = 0, []
        for tc in tr.iterchildren(f"{W}tc"):
            props = tc.find(f"{W}tcPr")
            span_el = props.find(f"{W}gridSpan") if props is not None else None
            merge = props.find(f"{W}vMerge") if props is not None else None
            span = _span(span_el, path, row)
            if merge is not None and merge.get(f"{W}val", "continue") == "continue":
                text = above.get(col, "")
            else:
                text = "".join("".join(_paragraph_text(p) for p in tc.iterchildren(f"{W}p")).split())
                above[col] = text
            cells.append(text)
            col += span
        lines.append(" | ".join(cells))
    return lines


def docx_text(path: Path) -> str:
    """The document's paragraphs and tables in order, read from its XML with lxml (python-docx took ~60 ms a
    report for the same text; this ~5–10 ms)."""
    check_readable(path)
    _check_package(path)
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as package:
            xml = _inflated(package, package.getinfo("word/document.xml"), path)
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, huge_tree=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError, *_UNPACKING):
        raise _damaged(path) from None
    body = root.find(f"{W}body")
    if body is None:
        raise InputError(f"{path}：Word 文件里没有正文")
    if sum(1 for _ in body.iter(f"{W}p")) > MAX_PARAGRAPHS:
        raise InputError(f"{path}：Word 文件有超过 {MAX_PARAGRAPHS} 个段落，不像一份年度报告，没有读取")
    lines: list[str] = []
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            lines.append(_paragraph_text(child))
        elif child.tag == f"{W}tbl":
            lines += [""] + _table_lines(child, path) + [""]
    return "\n".join(lines) + "\n"
