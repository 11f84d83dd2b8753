"""Faults (issue #30): where there is no signal to ask nor fork to bound (Windows): the draft lock's liveness check,
and bounded steps run in a spawned child ended on time, what it sends back bounded."""

import os

import pytest

from support import SAMPLES

SAMPLE = SAMPLES / "2024_shiqiaozhen.json"


# ------------------------------------------------------------------ 10. Windows: no signal to ask, no fork to bound
class FakeKernel32:
    """Windows' kernel32 as the liveness check uses it: processes by id → exit code (259 while running), or the
    error OpenProcess gives (87 no such process, 5 access denied)."""

    def __init__(self, processes: dict[int, int | str], exit_code_fails: bool = False):
        self.processes, self.exit_code_fails, self.opened, self.closed = processes, exit_code_fails, [], []
        self.error = 0

    def OpenProcess(self, access, inherit, pid):
        assert access == 0x1000 and not inherit  # query only: never a right to terminate
        state = self.processes.get(pid, "gone")
        if state == "gone":
            self.error = 87
            return 0
        if state == "denied":
            self.error = 5
            return 0
        self.opened.append(pid)
        return 1000 + pid

    def GetExitCodeProcess(self, handle, code):
        if self.exit_code_fails:
            return 0
        code._obj.value = self.processes[handle - 1000]
        return 1

    def CloseHandle(self, handle):
        self.closed.append(handle)
        return 1


@pytest.fixture
def windows(monkeypatch):
    """The Windows branches selected on Linux; os.kill fails the test if anything still signals."""
    from gkassist.core import processes

    def no_signal(*args):
        raise AssertionError(f"os.kill{args} on Windows terminates that process")

    kernel = FakeKernel32({})
    monkeypatch.setattr(processes, "WINDOWS", True)
    monkeypatch.setattr(processes, "_kernel32", lambda: kernel)
    monkeypatch.setattr(processes, "_last_error", lambda: kernel.error)
    monkeypatch.setattr(os, "kill", no_signal)
    return kernel


@pytest.mark.parametrize("state, alive", [(259, True), (0, False), (1, False), ("gone", False), ("denied", True),
                                          ("exit code unknown", True)])
def test_the_windows_liveness_check_opens_the_process_for_query_and_never_signals(windows, state, alive):
    from gkassist.core.processes import process_alive

    windows.processes[4242] = 259 if state == "exit code unknown" else state
    windows.exit_code_fails = state == "exit code unknown"
    assert process_alive(4242) is alive
    assert windows.closed == [1000 + 4242 for _ in windows.opened]  # every handle opened is closed
    assert process_alive(0) is False and process_alive(-1) is False


@pytest.mark.parametrize("holder", ["live", "exited", "gone", "another user's"])
def test_the_draft_lock_on_windows_refuses_a_live_holder_and_takes_over_a_dead_one(windows, tmp_path, holder):
    from gkassist.core.errors import InputError
    from gkassist.dialogue.session import DraftLock

    draft = tmp_path / "2025_石桥镇.json"
    draft.write_text("{}", encoding="utf-8")
    lock = draft.with_suffix(".lock")
    lock.write_text("4242")
    windows.processes[4242] = {"live": 259, "exited": 0, "gone": "gone", "another user's": "denied"}[holder]
    if holder in ("live", "another user's"):
        with pytest.raises(InputError, match="正在被另一个 gkassist（进程 4242）使用"):
            DraftLock(draft).acquire()
        assert lock.read_text() == "4242"
    else:
        with DraftLock(draft) as held:
            assert held.held and lock.read_text() == str(os.getpid())
        assert not lock.exists()


def test_the_posix_liveness_check_knows_this_process_and_a_gone_one():
    from gkassist.core.processes import process_alive

    assert process_alive(os.getpid()) and process_alive(os.getppid())
    assert not process_alive(999_999_999) and not process_alive(2**70)


@pytest.fixture
def spawned(monkeypatch):
    """run_bounded as on Windows: no fork, no RLIMIT, no SIGALRM — a spawned child, timed by the parent."""
    from gkassist.core import limits

    monkeypatch.setattr(limits, "FORK_WITH_LIMITS", False)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("fork on a system without it"))
    return limits


@pytest.mark.slow
def test_a_bounded_step_without_fork_is_a_spawned_child_ended_on_time(spawned, tmp_path):
    import time

    from gkassist.core.errors import InputError
    from gkassist.core.files import read_bytes

    run_bounded = spawned.run_bounded
    assert run_bounded("x", sum, [1, 2, 3]) == 6
    assert run_bounded("x", os.getpid) != os.getpid()  # another process
    started = time.monotonic()
    with pytest.raises(InputError, match="^x：读取超过1秒仍未完成"):
        run_bounded("x", time.sleep, 60, seconds=1)
    assert time.monotonic() - started < 4
    with pytest.raises(InputError, match="^x：读取时用尽了内存或出错退出"):
        run_bounded("x", os.abort)  # what pdfium does when it cannot allocate
    with pytest.raises(InputError, match="^x：读取时用尽了内存（"):
        run_bounded("x", bytearray, 2**62)
    with pytest.raises(InputError, match=f"^{tmp_path}/无.txt：文件不存在$"):  # its own message, passed on
        run_bounded("x", read_bytes, tmp_path / "无.txt")


@pytest.mark.slow
def test_what_a_spawned_child_sends_back_is_bounded(spawned, monkeypatch):
    from gkassist.core.errors import InputError

    monkeypatch.setattr(spawned, "MAX_RESULT_BYTES", 10_000)
    assert spawned.run_bounded("x", bytes, 5_000) == bytes(5_000)
    with pytest.raises(InputError, match="^x：读出的内容超过"):
        spawned.run_bounded("x", bytes, 20_000)


@pytest.mark.slow
def test_pdfs_are_read_and_bounded_in_a_spawned_child_without_fork(spawned, tmp_path):
    from faultfiles import pdf_bytes
    from gkassist.core.errors import InputError
    from gkassist.importer.pdf_reader import pdf_text
    from support import PUBLISHED

    assert "政府信息公开" in pdf_text(PUBLISHED / "2019_shanghai_szfbgt_lo.pdf")
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf_bytes(b"BT /F1 12 Tf 72 700 Td " + b"(a) Tj " * 200_000 + b"ET"))
    with pytest.raises(InputError):
        pdf_text(path)
