"""File reading and atomic writing shared by the command line, the importer and the drafts."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from gkassist.core.errors import InputError

# Published reports are a few hundred KB at most; refuse what cannot be one before reading it all.
MAX_INPUT_BYTES = 20 * 1024 * 1024


def safe_name(text: str) -> str:
    """A name fit for a file: anything but letters, digits and Chinese (“/”, “..”, markup) becomes “_”."""
    return re.sub(r"[^\w\u4e00-\u9fff]+", "_", text).strip("_") or "draft"


def report_file_name(report) -> str:
    """"2024_青岚县石桥镇人民政府.json": the year and the agency, with anything unsafe in a file name replaced."""
    return f"{report.year}_{safe_name(report.agency)}.json"


def export_file_name(report, suffix: str) -> str:
    """"青岚县石桥镇人民政府2024年政府信息公开工作年度报告.docx", safe as a file name."""
    return f"{safe_name(report.agency)}{report.year}年政府信息公开工作年度报告{suffix}"


def check_readable(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}：文件不存在")
    if path.is_dir():
        raise InputError(f"{path}：这是一个文件夹，请给出文件")
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputError(
            f"{path}：文件有 {size / 1024 / 1024:.0f} MB，远大于一份年度报告（上限 {MAX_INPUT_BYTES // 1024 // 1024} MB），请确认选对了文件"
        )


def read_bytes(path: Path) -> bytes:
    check_readable(path)
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}：无法读取（{e.strerror}）") from None


def decode_text(data: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (with BOM) or GBK/GB18030 text."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        # UTF-16 without BOM is rare; anything else with NUL bytes is binary.
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
                if _mostly_text(text):
                    return text
            except UnicodeDecodeError:
                continue
        raise InputError(f"{path}：这是二进制文件，不是文本（可能扩展名不对）")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text
    raise InputError(f"{path}：无法识别文件编码（支持 UTF-8、GBK/GB18030、UTF-16），可能不是文本文件")


def _mostly_text(text: str) -> bool:
    if not text:
        return True
    sample = text[:4000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad / len(sample) < 0.01


def read_text_file(path: Path) -> str:
    return decode_text(read_bytes(path), path)


def atomic_write(path: str | Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written output."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    shown = path
    if path.is_symlink():
        path = path.resolve()  # write the file the link points to; the link stays a link
    if path.is_dir():
        raise InputError(f"{shown}：这是一个文件夹，不能写成文件")
    if path.exists() and not path.is_file():
        raise InputError(f"{shown}：这是设备或管道等特殊文件，不能写成报告文件")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.exists():
        raise InputError(f"{path}：目录 {directory} 不存在")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as e:
        raise InputError(f"{path}：无法写入（{e.strerror}）") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600); give it the mode an ordinary new file gets
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"{path}：无法写入（{e.strerror}）") from None


def keep_copy(path: Path) -> Path | None:
    """Rename an existing file to “name（备份 20250120-093000）.docx” so that writing `path` loses nothing."""
    from datetime import datetime

    path = Path(path)
    if not path.is_file():
        return None
    copy = path.with_name(f"{path.stem}（备份 {datetime.now():%Y%m%d-%H%M%S}）{path.suffix}")
    n = 2
    while copy.exists():
        copy = path.with_name(f"{path.stem}（备份 {datetime.now():%Y%m%d-%H%M%S}-{n}）{path.suffix}")
        n += 1
    try:
        os.replace(path, copy)
    except OSError as e:
        raise InputError(f"{path}：已有同名文件，无法先把它留作备份（{e.strerror}），没有导出") from None
    return copy


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
