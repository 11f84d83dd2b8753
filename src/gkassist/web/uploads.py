"""Last year's report uploaded by a clerk, read in a worker process apart from the server.

The server is one process serving every clerk: a crafted file that makes a parser run for minutes or build
gigabytes must cost that upload only.  The worker is spawned (not forked: the server has threads, and Windows has
no fork), lives across uploads, and is killed and replaced when a file takes longer than `SECONDS`; inside it,
the importer's own bounds apply as in `gkassist import` (core.limits on Linux).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as Late
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, TypeVarTuple

from gkassist.core.errors import InputError

if TYPE_CHECKING:
    from gkassist.core.model import Report

T = TypeVar("T")
Args = TypeVarTuple("Args")

SECONDS = 120.0
_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()


def _worker() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _pool


def _stop(pool: ProcessPoolExecutor) -> None:
    global _pool
    for process in list(getattr(pool, "_processes", {}).values()):  # the only way to end a task already running
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    _pool = None


def run_apart(function: Callable[[*Args], T], *args: *Args, seconds: float = SECONDS) -> T:
    """`function(*args)` in the worker (one at a time); its InputError raised here, a file that takes too long or
    kills the worker an InputError in words."""
    with _lock:  # one file at a time: an office's uploads are a few a day, and each may take a core
        pool = _worker()
        try:
            return pool.submit(function, *args).result(timeout=seconds)
        except Late:
            _stop(pool)
            raise InputError(f"读取时间超过{int(seconds)}秒，已停止（文件可能有问题；可以在 Word 或 WPS 里另存后再上传）") from None
        except BrokenProcessPool:
            _stop(pool)
            raise InputError("读取这个文件的进程意外结束（内存用尽或程序崩溃），已跳过；可以另存为 .docx 或 .txt 后再上传") from None


def read_report(path: Path) -> tuple[str, str]:
    """In the worker: the report as JSON (what crosses the process boundary) and what to tell the clerk."""
    from gkassist.web.conversation import read_last_year

    report, note = read_last_year(path)
    return report.model_dump_json(), note


def read_last_year_apart(path: Path) -> tuple[Report, str]:
    from gkassist.core.model import Report

    data, note = run_apart(read_report, path)
    return Report.model_validate_json(data), note
