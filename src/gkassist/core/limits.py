"""Running a parser of untrusted files within a memory and time limit.

A crafted file can make a C library (pdfium) build gigabytes or run for minutes before Python sees anything, and
a C library that runs out of memory aborts the whole process.  `run_bounded` runs such a step in a child process:
whatever the file does, the caller gets the result or an InputError in words, and the TUI or the audit goes on.

On Linux the child is forked, its address space capped (RLIMIT_AS) and its time ended by an alarm.  Where fork or
those limits are missing (Windows, the clerks' PCs) the child is spawned: it is ended after its seconds, and what
it sends back is refused past MAX_RESULT_BYTES; its memory is bounded by the readers' own counts (pages, objects,
characters produced), which hold in any process.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

from gkassist.core.errors import InputError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")

_EXTRA_MEMORY = 1536 * 1024 * 1024  # beyond what the process already maps: far more than a report needs
_SECONDS = 60.0
MAX_RESULT_BYTES = 64 * 1024 * 1024  # what a spawned child may send back (a report's text is well under 1 MB)
# The platform switch: fork and RLIMIT_AS where Linux gives them, a spawned child elsewhere.  Tests select the
# other branch on Linux by setting it.
FORK_WITH_LIMITS = sys.platform.startswith("linux")


def mapped_bytes() -> int:
    """The address space this process maps now (what a limit on it must leave room for)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def run_bounded(what: str, function: Callable[..., T], *args: object, memory: int = _EXTRA_MEMORY,
                seconds: float = _SECONDS) -> T:
    """`function(*args)` in a child process limited to `seconds` (and, forked, to `memory` more bytes of address
    space); its result (picklable) is returned, its InputError raised again here.  A child that runs out of memory,
    out of time or crashes is an InputError naming `what` (“{path}：PDF”).  Spawned (no fork), `function` must be
    importable by name (a module's function, not a lambda)."""
    if FORK_WITH_LIMITS:
        outcome = _forked(function, args, memory, seconds)
    else:
        outcome = _spawned(function, args, seconds)
    return cast(T, _answer(what, seconds, outcome))  # what the function returned, through pickle


def _run(function: Callable[..., object], args: tuple[object, ...]) -> tuple[str, object]:
    """In the child: the outcome as (kind, value), every failure in words for the parent."""
    try:
        return ("ok", function(*args))
    except InputError as e:
        return ("input", e.message)
    except MemoryError:
        return ("memory", "")
    except RecursionError:
        return ("nested", "")
    except BaseException as e:  # noqa: BLE001 — everything goes back to the parent as words
        return ("bug", f"{type(e).__name__}：{str(e)[:200]}")


def _answer(what: str, seconds: float, outcome: tuple[str, object]) -> object:
    kind, value = outcome
    if kind == "ok":
        return value
    messages = {
        "input": str(value),
        "time": f"{what}：读取超过{seconds:g}秒仍未完成，不像一份年度报告，没有读取",
        "died": f"{what}：读取时用尽了内存或出错退出（文件过大、过于复杂或已损坏），没有读取",
        "memory": f"{what}：读取时用尽了内存（文件过大或过于复杂），没有读取",
        "nested": f"{what}：嵌套层数太多（不是一份年度报告的结构），没有读取",
        "large": f"{what}：读出的内容超过 {MAX_RESULT_BYTES // 1024 // 1024} MB，远大于一份年度报告，没有读取",
    }
    raise InputError(messages.get(kind, f"{what}：读取时出现了意外的内部错误（{value}），没有读取；请把这个文件发给维护人员"))


# ------------------------------------------------------------------ Linux: fork, RLIMIT_AS, an alarm
def _forked(function: Callable[..., object], args: tuple[object, ...], memory: int, seconds: float) -> tuple[str, object]:
    import pickle
    import signal

    limit = mapped_bytes() + memory
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        try:
            os.close(read_fd)
            _limit_this_process(limit, seconds)
            data = pickle.dumps(_run(function, args))
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(write_fd)
    data, ended = _read_until(read_fd, seconds + 1)
    if not ended:
        os.kill(pid, signal.SIGKILL)  # the alarm did not end it: the parent does
    _, status = os.waitpid(pid, 0)
    try:
        outcome: tuple[str, object] = pickle.loads(data)
        return outcome
    except Exception:  # noqa: BLE001 — nothing (or half) came back: the child died
        timed_out = os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGALRM, signal.SIGKILL)
        return ("time" if timed_out else "died", "")


def _limit_this_process(limit: int, seconds: float) -> None:
    import faulthandler
    import resource
    import signal

    faulthandler.disable()  # an abort here is an answer for the parent, not a dump on the clerk's terminal
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]  # only root may raise it: the soft limit is the cap
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # ends the child even inside C code
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _read_until(fd: int, seconds: float) -> tuple[bytes, bool]:
    """Everything written to the pipe until its end (True) or until `seconds` have passed (False)."""
    import select

    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds
    with os.fdopen(fd, "rb", buffering=0) as pipe:
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([pipe], [], [], left)
            if not ready:
                continue
            chunk = pipe.read(1 << 16)
            if not chunk:
                return b"".join(chunks), True
            chunks.append(chunk)
    return b"".join(chunks), False


# ------------------------------------------------------------------ elsewhere (Windows): a spawned child, timed
def _spawned_child(send: Connection, function: Callable[..., object], args: tuple[object, ...]) -> None:
    import pickle

    try:
        send.send_bytes(pickle.dumps(_run(function, args)))
    finally:
        send.close()


def _spawned(function: Callable[..., object], args: tuple[object, ...], seconds: float) -> tuple[str, object]:
    import multiprocessing
    import pickle

    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_spawned_child, args=(send, function, args), daemon=True)
    child.start()
    send.close()  # the child's end: closed here, so a child that dies is an end of the pipe, not a wait
    try:
        if not receive.poll(seconds):
            return ("time", "")
        outcome: tuple[str, object] = pickle.loads(receive.recv_bytes(MAX_RESULT_BYTES))
        return outcome
    except OSError as e:  # more than MAX_RESULT_BYTES (“bad message length”)
        return ("large", "") if "length" in str(e) else ("died", "")
    except (EOFError, pickle.UnpicklingError):
        return ("died", "")
    finally:
        receive.close()
        child.join(1)
        if child.is_alive():
            child.kill()
            child.join()
