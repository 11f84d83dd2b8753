"""Running a parser of untrusted files within a memory and time limit.

A crafted file can make a C library (pdfium) build gigabytes or run for minutes before Python sees anything, and
a C library that runs out of memory aborts the whole process.  `run_bounded` runs such a step in a forked child
whose address space and time are limited: whatever the file does, the caller gets the result or an InputError
in words, and the TUI or the audit goes on.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TypeVar, cast

from gkassist.core.errors import InputError

T = TypeVar("T")

_EXTRA_MEMORY = 1536 * 1024 * 1024  # beyond what the process already maps: far more than a report needs
_SECONDS = 60.0


def mapped_bytes() -> int:
    """The address space this process maps now (what a limit on it must leave room for)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def run_bounded(what: str, function: Callable[..., T], *args: object, memory: int = _EXTRA_MEMORY,
                seconds: float = _SECONDS) -> T:
    """`function(*args)` in a forked child limited to `memory` more bytes of address space and `seconds`; its result
    (picklable) is returned, its InputError raised again here.  A child that runs out of memory, out of time or
    crashes is an InputError naming `what` (“{path}：PDF”).  Where fork or the limits are not there (not Linux),
    the function runs here."""
    if not sys.platform.startswith("linux"):
        return function(*args)
    import pickle
    import select
    import signal

    limit = mapped_bytes() + memory
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        try:
            os.close(read_fd)
            import faulthandler
            import resource

            faulthandler.disable()  # an abort here is an answer for the parent, not a dump on the clerk's terminal
            hard = resource.getrlimit(resource.RLIMIT_AS)[1]  # only root may raise it: the soft limit is the cap
            resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
            signal.signal(signal.SIGALRM, signal.SIG_DFL)  # ends the child even inside C code
            signal.setitimer(signal.ITIMER_REAL, seconds)
            outcome: tuple[str, object]
            try:
                outcome = ("ok", function(*args))
            except InputError as e:
                outcome = ("input", e.message)
            except MemoryError:
                outcome = ("memory", "")
            except RecursionError:
                outcome = ("nested", "")
            except BaseException as e:  # noqa: BLE001 — everything goes back to the parent as words
                outcome = ("bug", f"{type(e).__name__}：{str(e)[:200]}")
            data = pickle.dumps(outcome)
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(write_fd)
    chunks, deadline = [], time.monotonic() + seconds + 1
    with os.fdopen(read_fd, "rb", buffering=0) as pipe:
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([pipe], [], [], left)
            if not ready:
                continue
            chunk = pipe.read(1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
        else:
            os.kill(pid, signal.SIGKILL)  # the alarm did not end it: the parent does
    _, status = os.waitpid(pid, 0)
    try:
        kind, value = pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 — nothing (or half) came back: the child died
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGALRM, signal.SIGKILL):
            raise InputError(f"{what}：读取超过{seconds:g}秒仍未完成，不像一份年度报告，没有读取") from None
        raise InputError(f"{what}：读取时用尽了内存或出错退出（文件过大、过于复杂或已损坏），没有读取") from None
    if kind == "ok":
        return cast(T, value)  # what the function returned, through pickle
    if kind == "input":
        raise InputError(value)
    if kind == "memory":
        raise InputError(f"{what}：读取时用尽了内存（文件过大或过于复杂），没有读取")
    if kind == "nested":
        raise InputError(f"{what}：嵌套层数太多（不是一份年度报告的结构），没有读取")
    raise InputError(f"{what}：读取时出现了意外的内部错误（{value}），没有读取；请把这个文件发给维护人员")
