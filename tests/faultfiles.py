"""Crafted files for the fault tests, the fuzz tests and benchmarks/probe_faults.py: a PDF around any content
stream, a .docx around any body, a .docx damaged in the ways found (issue #24)."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

SEED = Path(__file__).resolve().parent.parent / "samples" / "000_7a4690d65c5df8d4.txt"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def deflated_repeats(head: bytes, piece: bytes, times: int, tail: bytes) -> bytes:
    """zlib data of head + piece × times + tail, made in a moment: the piece is deflated once after a full flush
    (a byte-aligned block that refers to nothing before it) and that block repeated."""
    co = zlib.compressobj(9)
    out = [co.compress(head) + co.flush(zlib.Z_FULL_FLUSH)]
    block = co.compress(piece) + co.flush(zlib.Z_FULL_FLUSH)
    out += [block] * times
    out.append(co.compress(tail) + co.flush(zlib.Z_FINISH)[:-4])  # its checksum covers one piece only
    checksum = zlib.adler32(head)
    for _ in range(times):
        checksum = zlib.adler32(piece, checksum)
    return b"".join(out) + zlib.adler32(tail, checksum).to_bytes(4, "big")


def pdf_bytes(content: bytes, compress: bool = True, deflated: bytes | None = None) -> bytes:
    """A one-page PDF whose content stream is `content` (deflated unless `compress` is False), or the zlib data
    `deflated`."""
    stream = deflated if deflated is not None else zlib.compress(content, 9) if compress else content
    filters = b" /Filter /FlateDecode" if compress or deflated is not None else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
               b"<< /Length %d%s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def docx_bytes(body: str, method: int = zipfile.ZIP_DEFLATED, extra: dict | None = None) -> bytes:
    """A .docx (only what the importer reads) whose document body is `body`; `extra` entries beside it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def paragraphs(lines) -> str:
    return "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in lines)


def seed_body() -> str:
    """The seed report's lines as Word paragraphs."""
    return paragraphs(SEED.read_text(encoding="utf-8").splitlines())


def with_zip_headers(data: bytes, *, flag: int = 0, method: int | None = None) -> bytes:
    """A zip with every entry's general-purpose flag OR-ed with `flag` and, if given, its compression method set,
    in both the local and the central headers (as an encrypting or an exotic zip tool writes them)."""
    out = bytearray(data)
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        i = -1
        while (i := out.find(signature, i + 1)) >= 0:
            out[i + flag_at] |= flag
            if method is not None:
                out[i + method_at:i + method_at + 2] = method.to_bytes(2, "little")
    return bytes(out)


def with_declared_sizes(data: bytes, size: int) -> bytes:
    """A zip whose every entry declares `size` as its unpacked size, in the local and the central headers."""
    out = bytearray(data)
    for signature, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = -1
        while (i := out.find(signature, i + 1)) >= 0:
            out[i + at:i + at + 4] = size.to_bytes(4, "little")
    return bytes(out)


def with_damaged_entry(data: bytes, name: str = "word/document.xml", at: int = 0, length: int = 40) -> bytes:
    """The compressed data of one entry garbled from `at`: zlib's own error when it is unpacked."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(name)
    header = info.header_offset
    start = header + 30 + len(info.filename.encode()) + int.from_bytes(data[header + 28:header + 30], "little") + at
    for k in range(start, min(start + length, start + info.compress_size)):
        out[k] ^= 0x5A
    return bytes(out)


def damaged_docxes() -> dict[str, bytes]:
    """The damaged Word files that raised past the importer (issue #24, item 5)."""
    body = seed_body()
    grid = ('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="two"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'
            "</w:tr></w:tbl>")
    good = docx_bytes(body)
    return {"bad gridSpan": docx_bytes(body + grid), "compression method 99": with_zip_headers(good, method=99),
            "encrypted entries": with_zip_headers(good, flag=1), "zlib error": with_damaged_entry(good)}


def lying_docx(method: str, inflated: int, declared: int = 20_000) -> bytes:
    """A .docx whose word/document.xml inflates to about `inflated` bytes while its zip headers declare `declared`
    (issue #30, item 9): “deflate” (made in a moment at any size), “bzip2” and “lzma” (compressed for real: keep
    them near 50 MB), “stored” (the data as is, its size misdeclared)."""
    import bz2
    import lzma

    head = f'<w:document xmlns:w="{W_NS}"><w:body>{seed_body()}<w:p><w:r><w:t>'.encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    piece = b" " * 65536
    times = max(1, (inflated - len(head) - len(tail)) // len(piece))
    if method == "deflate":
        data, code = deflated_repeats(head, piece, times, tail)[2:-4], 8  # raw deflate: no zlib header nor checksum
    elif method == "bzip2":
        data, code = bz2.compress(head + piece * times + tail, 9), 12
    elif method == "lzma":
        filters = [{"id": lzma.FILTER_LZMA1, "preset": 0}]
        properties = lzma._encode_filter_properties(filters[0])
        data = (b"\x09\x14" + len(properties).to_bytes(2, "little") + properties
                + lzma.compress(head + piece * times + tail, format=lzma.FORMAT_RAW, filters=filters))
        code = 14
    else:
        data, code = head + piece * times + tail, 0
    return _zip_of([("[Content_Types].xml", b"<Types/>", 0, 8, zlib.crc32(b"<Types/>")),
                    ("word/document.xml", data, code, declared, zlib.crc32(b"lie"))])


def _zip_of(entries) -> bytes:
    """A zip written by hand: (name, stored bytes, method, declared size, declared CRC) each, sizes as declared."""
    import struct

    out, central = bytearray(), bytearray()
    for name, data, method, size, crc in entries:
        if method == 0 and name == "[Content_Types].xml":
            size = len(data)
        offset, encoded = len(out), name.encode()
        out += struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, method, 0, 33, crc, len(data), size, len(encoded), 0) + encoded + data
        central += struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, method, 0, 33, crc, len(data), size, len(encoded),
                               0, 0, 0, 0, 0, offset) + encoded
    return bytes(out + central + struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central),
                                             len(out), 0))


# ---------------------------------------------------------------- shared by the fault tests (tests/faults)
def answers(tmp_path: Path) -> Path:
    """An answers file for `draft --answers` that says only “没有”."""
    path = tmp_path / "answers.txt"
    path.write_text("没有\n", encoding="utf-8")
    return path


# terminal escapes, bidi overrides, NUL: what an agency, a file name, an answer or a model's reply may carry
ESCAPES = ["\x1b[2J", "\x1b]0;标题\x07", "\x9b31m", "\u202e", "\x07", "\x1b[31m红\x1b[0m", "\x00", "\u2066", "\x7f", "\x08\x08"]


def raw_controls(text: str) -> set[str]:
    from gkassist.core.controls import CONTROL

    return set(CONTROL.findall(text))



def work_seconds() -> float:
    """CPU seconds of this process and its ended children (a bounded step's fork): what a reader's work costs, which a
    loaded machine (8 test runs on 2 cores) does not stretch as it stretches the wall clock."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
