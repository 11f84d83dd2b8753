"""Whether another process still lives, asked without ever signalling it.

On Windows `os.kill(pid, 0)` is no question: Python calls TerminateProcess for any signal but CTRL_C_EVENT and
CTRL_BREAK_EVENT, so asking whether the other gkassist window lives would end it.  There the process is opened
for query only (OpenProcess) and its exit code read; elsewhere signal 0 checks without delivering anything.
"""

from __future__ import annotations

import os
from typing import Any

WINDOWS = os.name == "nt"  # the platform switch; tests select the Windows branch on Linux by setting it

_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_STILL_ACTIVE = 259
_ERROR_ACCESS_DENIED = 5


def process_alive(pid: int) -> bool:
    """True while process `pid` runs (also one of another user's); False once it is gone."""
    if pid <= 0:
        return False
    return _alive_windows(pid) if WINDOWS else _alive_posix(pid)


def _alive_posix(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: permission and existence are checked, nothing is delivered
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OverflowError:
        return False  # no process has such an id
    return True


def _kernel32() -> Any:  # ctypes.WinDLL: its functions are looked up by name at run time
    import ctypes

    return getattr(ctypes, "WinDLL")("kernel32", use_last_error=True)  # noqa: B009 — Windows-only: not in Linux's stubs


def _last_error() -> int:
    import ctypes

    code: int = getattr(ctypes, "get_last_error")()  # noqa: B009 — Windows-only: not in Linux's stubs
    return code


def _alive_windows(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    kernel32 = _kernel32()
    handle = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        # no such process (ERROR_INVALID_PARAMETER), or one this user may not open: it exists
        return _last_error() == _ERROR_ACCESS_DENIED
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True  # opened, so it exists; its state unknown: never take over a lock that may be live
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
