"""File reading and atomic writing shared by the command line, the importer and the drafts."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from gkassist.core.errors import InputError

# Published reports are a few hundred KB at most; refuse what cannot be one before reading it all.
MAX_INPUT_BYTES = 20 * 1024 * 1024


def safe_name(text: str) -> str:
    """A name fit for a file: anything but letters, digits and Chinese (“/”, “..”, markup) becomes “_”."""
    return re.sub(r"[^\w\u4e00-\u9fff]+", "_", text).strip("_") or "draft"


# A file name may hold 255 bytes; a draft's name also makes “.name.xxxxxxxx.tmp” (atomic_write), its history folder
# and “name（备份 20250120-093000-2）.docx”, so the agency's part stays well under that.
MAX_NAME_BYTES = 150


def _bounded(name: str) -> str:
    """A name cut to MAX_NAME_BYTES of UTF-8; a cut one ends with a digest of the whole, so that two long agency
    names sharing their first 50 characters still make two files."""
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return name
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    cut = name.encode("utf-8")[:MAX_NAME_BYTES - len(digest) - 1].decode("utf-8", "ignore")
    return f"{cut}_{digest}"


class Named(Protocol):
    """What a file is named after (a core.model.Report): core.model reads its files through this module, so this
    module does not import the model back, not even for a type hint."""

    @property
    def agency(self) -> str: ...

    @property
    def year(self) -> int: ...


def report_file_name(report: Named) -> str:
    """"2024_青岚县石桥镇人民政府.json": the year and the agency, with anything unsafe in a file name replaced."""
    return f"{report.year}_{_bounded(safe_name(report.agency))}.json"


def export_file_name(report: Named, suffix: str) -> str:
    """"青岚县石桥镇人民政府2024年政府信息公开工作年度报告.docx", safe as a file name."""
    return f"{_bounded(safe_name(report.agency))}{report.year}年政府信息公开工作年度报告{suffix}"


def check_readable(path: Path) -> None:
    """A regular file of a report's size, judged by stat before anything opens it: reading a FIFO waits for a
    writer forever, a device such as /dev/zero never ends."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(f"{path}：这是一个链接，它指向的文件不存在") from None
        raise InputError(f"{path}：文件不存在") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(f"{path}：链接绕成了一个圈（指回自己），找不到文件") from None
        raise InputError(f"{path}：无法读取（{e.strerror}）") from None
    except ValueError:  # a NUL byte in the name
        raise InputError(f"{path}：文件名无效") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}：这是一个文件夹，请给出文件")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}：这不是普通文件（是管道、设备等特殊文件），不能当作报告读取")
    if st.st_size > MAX_INPUT_BYTES:
        raise InputError(
            f"{path}：文件有 {st.st_size / 1024 / 1024:.0f} MB，远大于一份年度报告（上限 {MAX_INPUT_BYTES // 1024 // 1024} MB），请确认选对了文件"
        )


def read_bytes(path: Path) -> bytes:
    check_readable(path)
    try:
        # O_NONBLOCK: should the name be swapped for a FIFO after the check, opening it still does not wait
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise InputError(f"{path}：这不是普通文件（是管道、设备等特殊文件），不能当作报告读取")
            data = f.read(MAX_INPUT_BYTES + 1)
    except OSError as e:
        raise InputError(f"{path}：无法读取（{e.strerror}）") from None
    if len(data) > MAX_INPUT_BYTES:  # grown since it was checked
        raise InputError(f"{path}：文件远大于一份年度报告（上限 {MAX_INPUT_BYTES // 1024 // 1024} MB），请确认选对了文件")
    return data


def decode_text(data: bytes, path: Path | str) -> str:
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


# What no text holds: control characters other than tab, line breaks and form feed, and private-use characters (a
# wrong decoding's mojibake).  One regular expression, not a Python loop over the characters (which took a tenth of
# reading a report).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff]")


def _mostly_text(text: str) -> bool:
    if not text:
        return True
    sample = text[:4000]
    bad = len(_NOT_TEXT.findall(sample))
    return bad / len(sample) < 0.01


def read_text_file(path: Path) -> str:
    return decode_text(read_bytes(path), path)


def read_lines(path: Path) -> list[str]:
    """A list file (web addresses, units), decoded line by line: one line saved in another encoding (or holding a
    NUL) is named by its number, instead of the whole file being guessed as UTF-16 or GBK and quoted as mojibake."""
    data = read_bytes(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, path).splitlines()  # UTF-16 with its mark: the whole file is one encoding
    lines = []
    for number, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), 1):
        line = _decoded_line(raw.rstrip(b"\r"))
        if line is None:
            raise InputError(f"{path}：第{number}行不是可读的文字（不是 UTF-8 或 GBK 编码，或含有控制字符），请检查这一行")
        lines.append(line)
    return lines


def _decoded_line(raw: bytes) -> str | None:
    for encoding in ("utf-8", "gb18030"):
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not any((ord(ch) < 32 and ch not in "\t\f") or 0xE000 <= ord(ch) <= 0xF8FF for ch in line):
            return line
    return None


def atomic_write(path: str | Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written output."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    shown = path
    path = output_target(path)  # a link: write the file it points to; the link stays a link
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


def output_target(path: Path) -> Path:
    """The file an output named `path` really is: a symbolic link's target (a link whose target is missing names
    the file to create); a link that loops is said in words."""
    path = Path(path)
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(f"{path}：链接绕成了一个圈（指回自己），不能写入") from None
    except ValueError:
        raise InputError(f"{path}：文件名无效") from None
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def check_output(path: Path, inputs: Iterable[Path | str] = (), folders: Iterable[Path | str] = ()) -> None:
    """Before anything is written: an output that is one of the files read (the same name, a link to it or a hard
    link), a file inside a folder whose reports are read (`folders`: the next run would read it as a report), a
    read-only file, a folder or a special file is refused, so that nothing of the user's is replaced by mistake."""
    target = output_target(path)
    _outside_folders(path, target, folders)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return  # a new file
    except OSError as e:
        raise InputError(f"{path}：无法写入（{e.strerror}）") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}：这是一个文件夹，不能写成文件")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}：这是设备或管道等特殊文件，不能写成报告文件")
    for given in inputs:
        try:
            same = given is not None and os.path.samefile(target, given)
        except (OSError, ValueError):
            same = False
        if same:
            raise InputError(f"{path}：这就是读入的文件 {given}，输出会把它替换掉；请给输出另起一个文件名")
    # the mode bits as well as access(): as root, access() allows writing a file its owner made read-only
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError(f"{path}：这是只读文件，没有覆盖它；请另给一个文件名，或先去掉它的只读属性")


def _outside_folders(path: Path, target: Path, folders: Iterable[Path | str]) -> None:
    where = Path(os.path.realpath(target)).parent
    for folder in folders:
        try:
            inside = folder is not None and os.path.isdir(folder) and where.is_relative_to(os.path.realpath(folder))
        except (OSError, ValueError):
            inside = False
        if inside:
            raise InputError(f"{path}：输出在读入的文件夹 {folder} 里，下次读这个文件夹时会把它当作一份报告；"
                             "请输出到别的文件夹")


def keep_copy(path: Path) -> Path | None:
    """Copy an existing file to “name（备份 20250120-093000）.docx” (beside the file a link points to) so that
    writing `path` loses nothing; the copy is whole or absent (a full disk leaves no half of it)."""
    import shutil
    from datetime import datetime

    target = output_target(path)
    if not target.is_file():
        return None
    copy = target.with_name(f"{target.stem}（备份 {datetime.now():%Y%m%d-%H%M%S}）{target.suffix}")
    n = 2
    while copy.exists():
        copy = target.with_name(f"{target.stem}（备份 {datetime.now():%Y%m%d-%H%M%S}-{n}）{target.suffix}")
        n += 1
    tmp = copy.with_name(f".{copy.name}.tmp")
    try:
        shutil.copy2(target, tmp)
        os.replace(tmp, copy)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"{path}：已有同名文件，无法先把它留作备份（{e.strerror}），没有写入") from None
    return copy


def write_output(path: Path, data: bytes | str, inputs: Iterable[Path | str] = ()) -> Path | None:
    """An output the user named: checked (check_output), an existing file kept as a dated copy (returned), then
    written atomically."""
    check_output(path, inputs)
    kept = keep_copy(path)
    atomic_write(path, data)
    return kept


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
