"""Faults, round two (issue #24): each case benchmarks/probe_faults.py found broken, as it reaches the clerk or the
county office — a Chinese message and exit 2, no hang, nothing lost, nothing of the user's replaced without a copy."""

import errno
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from faultfiles import damaged_docxes, deflated_repeats, docx_bytes, paragraphs, pdf_bytes, seed_body, work_seconds
from gkassist.cli import main
from gkassist.core.errors import InputError
from gkassist.dialogue import Engine, lastyear, session
from gkassist.importer import import_file
from support import SAMPLES, SEED, settle

SAMPLE = SAMPLES / "2024_shiqiaozhen.json"


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("GKASSIST_LLM_URL", "GKASSIST_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def no_corpus(monkeypatch):
    """The TUI without its corpus loading after the first frame (seconds in a fresh cache; not these tests' matter)."""
    from gkassist import corpus

    monkeypatch.setattr(corpus, "warm_up", lambda: None)


class Hung(BaseException):
    """Raised by `no_hang`: no guard of the command line (except Exception, OSError) catches it."""


@pytest.fixture
def no_hang():
    """A read that would wait for ever (a FIFO with no writer) is interrupted after 3 s: the test fails, not hangs."""
    def interrupt(*_):
        raise Hung("waited 3 s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(3)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def gkassist(*args, env=None, timeout=30):
    """The command in a process of its own (another process id: a lock held here is another instance's)."""
    return subprocess.run([sys.executable, "-m", "gkassist.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env or os.environ.copy())


def answers_file(tmp_path, *lines) -> Path:
    path = tmp_path / "answers.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def audit_folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("2024_shiqiaozhen.json", "2024_hexizhen.json", "2024_baishuixiang.json"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    return folder


# ------------------------------------------------------------------ 1. locks follow the draft
@pytest.mark.slow
async def test_the_tuis_lock_follows_a_new_draft_renamed_after_its_agency_and_refuses_a_second_instance(tmp_path, monkeypatch,
                                                                                                         no_corpus):
    from gkassist.dialogue.opening import open_session
    from gkassist.paths import drafts_dir
    from gkassist.tui.app import DraftApp

    monkeypatch.setattr(lastyear, "find_last_year", lambda *a: None)  # the corpus index: not this test's matter

    app = DraftApp(opener=lambda: open_session(None, 2033, None))
    async with app.run_test(size=(80, 24)) as pilot:
        while app.engine is None:
            await pilot.pause(0.02)
        assert app.engine.path.name == "2033_待填写.json" and (drafts_dir() / "2033_待填写.lock").exists()
        for text in ("青岚县测试镇人民政府", "对"):
            app.query_one("#answer").value = text
            await pilot.press("enter")
            await settle(pilot)
        renamed = drafts_dir() / "2033_青岚县测试镇人民政府.json"
        assert app.engine.path == renamed and renamed.exists()
        assert renamed.with_suffix(".lock").read_text() == str(os.getpid())
        assert not (drafts_dir() / "2033_待填写.lock").exists()  # the old name is free for the next new draft
        second = gkassist("draft", "--year", 2033, "--answers", answers_file(tmp_path, "没有", "对"))
        assert second.returncode == 2 and f"正在被另一个 gkassist（进程 {os.getpid()}）使用" in second.stderr
        assert app.engine.report.agency == "青岚县测试镇人民政府"
    assert not renamed.with_suffix(".lock").exists()  # released on quitting


@pytest.mark.slow
def test_a_lock_is_taken_in_the_fallback_folder_where_the_draft_is_written(tmp_path):
    from gkassist.paths import drafts_dir, fallback_drafts_dir

    drafts_dir().parent.mkdir(parents=True)
    drafts_dir().write_text("a file where the drafts folder should be: as root, permissions would not stop a write")
    engine = Engine.start(None, 2033)
    lock = session.lock_draft(engine)
    assert lock.held and lock.path == fallback_drafts_dir() / "2033_待填写.lock"  # no lock can be made in drafts/
    engine.answer("青岚县测试镇人民政府")
    replies = engine.answer("对")
    assert "草稿已改存到" in replies[0].text
    saved = fallback_drafts_dir() / "2033_青岚县测试镇人民政府.json"
    assert engine.path == saved and saved.with_suffix(".lock").read_text() == str(os.getpid())
    second = gkassist("draft", "--year", 2033, "--answers", answers_file(tmp_path, "没有"))
    assert second.returncode == 2 and "正在被另一个 gkassist" in second.stderr
    lock.release()
    assert not list(fallback_drafts_dir().glob("*.lock"))


def test_a_save_never_writes_a_draft_whose_lock_another_instance_holds():
    engine = Engine.start(None, 2033)
    session.lock_draft(engine)
    engine.answer("青岚县测试镇人民政府")
    other = session.drafts_dir() / "2033_青岚县测试镇人民政府.lock"
    other.parent.mkdir(parents=True, exist_ok=True)
    other.write_text(str(os.getppid()))  # a live process that is not this one took the name meanwhile
    with pytest.raises(InputError, match=f"进程 {os.getppid()}"):
        engine.answer("对")
    assert not other.with_suffix(".json").exists()


# ------------------------------------------------------------------ 2. parsing bounded by what it produces
@pytest.fixture(scope="module")
def twenty_million_tj():
    return pdf_bytes(b"", deflated=deflated_repeats(b"BT /F1 12 Tf 72 700 Td ", b"(a) Tj " * 100_000, 200, b"ET"))


def test_a_pdf_page_repeating_a_text_operator_20_million_times_is_refused_at_once(tmp_path, twenty_million_tj, capsys):
    path = tmp_path / "evil.pdf"
    path.write_bytes(twenty_million_tj)
    assert path.stat().st_size < 250_000
    started = work_seconds()  # the reader's CPU seconds, not a loaded machine's wall clock
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "文字对象超过300000个，远多于一份年度报告" in err and work_seconds() - started < 2


@pytest.mark.parametrize("bound, content, words", [
    ("MAX_PAGE_OBJECTS", b"0 0 1 1 re f\n" * 300, "第1页对象超过200个"),
    ("MAX_PAGE_CHARS", b"BT /F1 12 Tf 72 700 Td (" + b"a" * 500 + b") Tj ET", "第1页文字超过200个字符"),
    ("MAX_TEXT_OPERATORS", b"BT /F1 12 Tf 72 700 Td " + b"(a) Tj " * 300 + b"ET", "文字对象超过200个"),
])
def test_what_pdfium_builds_is_counted_before_the_text_is_taken(tmp_path, monkeypatch, bound, content, words):
    from gkassist.importer import pdf_reader

    monkeypatch.setattr(pdf_reader, bound, 200)  # the child process is forked: it sees the bound too
    for compress in (True, False):
        path = tmp_path / f"page{compress}.pdf"
        path.write_bytes(pdf_bytes(content, compress))
        with pytest.raises(InputError, match=words):
            pdf_reader.pdf_text(path)


def test_a_step_past_its_memory_or_time_or_crashing_is_a_message_not_the_end_of_the_process():
    import resource

    from gkassist.core.limits import run_bounded

    assert run_bounded("x", sum, [1, 2, 3]) == 6
    soft, hard = run_bounded("x", resource.getrlimit, resource.RLIMIT_AS)
    # the cap is the soft limit; the hard one is left as it was (only root may raise it again: a user's audit
    # worker, itself capped, could not start a PDF's child otherwise)
    assert soft != resource.RLIM_INFINITY and hard == resource.getrlimit(resource.RLIMIT_AS)[1]
    with pytest.raises(InputError, match="x：读取时用尽了内存"):
        run_bounded("x", lambda: bytearray(3 * 1024**3), memory=256 * 1024**2)
    started = time.monotonic()
    with pytest.raises(InputError, match="x：读取超过0.3秒仍未完成"):
        run_bounded("x", time.sleep, 30, seconds=0.3)
    assert time.monotonic() - started < 2
    with pytest.raises(InputError, match="x：读取时用尽了内存或出错退出"):
        run_bounded("x", os.abort)  # what pdfium does when it cannot allocate
    with pytest.raises(InputError, match="^y：说明$"):
        run_bounded("x", lambda: (_ for _ in ()).throw(InputError("y：说明")))


def test_a_49000_paragraph_docx_is_refused_before_minutes_of_writing_word(tmp_path, capsys):
    path = tmp_path / "paragraphs.docx"
    path.write_bytes(docx_bytes(seed_body() + paragraphs(["（一）段落。"] * 49_000)))
    started = work_seconds()  # the reader's CPU seconds, not a loaded machine's wall clock
    assert main(["render", str(path), "-o", str(tmp_path / "out.docx")]) == 2
    assert "文件有49318行文字，远多于一份年度报告（上限20000行）" in capsys.readouterr().err
    assert work_seconds() - started < 3 and not (tmp_path / "out.docx").exists()


def test_thousands_of_paragraphs_within_the_lines_are_refused_once_read(tmp_path):
    path = tmp_path / "paragraphs.txt"
    path.write_text(SEED.read_text(encoding="utf-8").replace("\n（二）", "\n" + "（一）段落。\n" * 3_500 + "（二）", 1),
                    encoding="utf-8")
    with pytest.raises(InputError, match="段文字，远多于一份年度报告（上限3000段）"):
        import_file(path)


@pytest.mark.parametrize("lines, cells, words", [
    (15_000, 200, "个字，远多于一份年度报告（上限1000000字）"),  # 3 million cells
    (60_000, 50, "行文字，远多于一份年度报告（上限20000行）"),  # 3 million cells in shorter lines
    (1_100, 50, "单元格，远多于一份年度报告（上限50000个）"),  # 55,000 cells in 110,000 characters
])
def test_millions_of_tab_separated_cells_are_refused_at_once(tmp_path, capsys, lines, cells, words):
    path = tmp_path / "cells.txt"
    path.write_text(SEED.read_text(encoding="utf-8") + ("0\t" * cells + "\n") * lines, encoding="utf-8")
    started = work_seconds()  # the reader's CPU seconds, not a loaded machine's wall clock
    assert main(["check", str(path)]) == 2
    assert words in capsys.readouterr().err and work_seconds() - started < 2


def test_a_worker_that_dies_costs_its_file_one_line_and_the_audit_goes_on(audit_folder, monkeypatch):
    from gkassist import audit

    real = audit._read

    def read(path):  # the workers are forked: they run this
        if path.name == "killed.txt":
            os.kill(os.getpid(), signal.SIGKILL)  # the kernel's OOM killer, kill -9
        if path.name == "greedy.txt":
            bytearray(8 * 1024**3)  # past the worker's memory cap: MemoryError
        return real(path)

    monkeypatch.setattr(audit, "_read", read)
    for name in ("killed.txt", "greedy.txt"):
        (audit_folder / name).write_text("x")
    result = audit.run_audit([audit_folder], workers=2)
    lines = {Path(u.path).name: u.error for u in result.units}
    assert len(lines) == 5 and all(not lines[n] for n in ("2024_shiqiaozhen.json", "2024_hexizhen.json", "2024_baishuixiang.json"))
    assert "处理这个文件的进程意外结束" in lines["killed.txt"] and "MemoryError" in lines["greedy.txt"]


def test_a_file_past_its_time_is_one_line(audit_folder, monkeypatch):
    from gkassist import audit

    real = audit._read
    monkeypatch.setattr(audit, "FILE_SECONDS", 0.3)
    monkeypatch.setattr(audit, "_read", lambda path: time.sleep(60) if path.name == "slow.txt" else real(path))
    (audit_folder / "slow.txt").write_text("x")
    started = time.monotonic()
    result = audit.run_audit([audit_folder], workers=2)
    assert [Path(u.path).name for u in result.units if u.error] == ["slow.txt"]
    assert "超过0.3秒" in result.units[0].error and time.monotonic() - started < 6


# ------------------------------------------------------------------ 3. formulas in the workbook
def test_no_cell_of_the_audit_workbook_is_a_formula():
    from openpyxl import load_workbook

    from gkassist.audit import Unit, summarise
    from gkassist.audit.output import to_xlsx

    starts = ["=", "+", "-", "@", "\t=", "\r="]
    units = [Unit(f"{s}HYPERLINK(\"http://x\").json", agency=f"{s}HYPERLINK(\"http://x\",\"点我\")", year=2024,
                  format_version="2021", findings=[{"rule": "T3-BALANCE", "severity": "error", "location": "=1+1",
                                                    "message": "=cmd|' /C calc'!A0"}]) for s in starts]
    units.append(Unit("=broken.docx", error="=broken.docx：无法读取"))
    units.append(Unit("again.json", agency=units[0].agency, year=2024, format_version="2021"))
    book = load_workbook(io.BytesIO(to_xlsx(summarise(units, ["=1+2", "@SUM(1)"]))))
    risky = [cell for sheet in book for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value[:1] in "=+-@\t\r"]
    assert {c.parent.title for c in risky} == {"单位", "问题", "缺报和重复"}
    assert all(c.data_type == "s" and c.quotePrefix for c in risky), [(c.coordinate, c.value) for c in risky if c.data_type == "f"]
    assert sum(str(c.value).startswith(("=", "+", "-", "@", "\t", "\r")) for c in book["单位"]["A"]) == 7  # text kept as is


# ------------------------------------------------------------------ 4. the model's polish
@pytest.mark.parametrize("added", ["百分之九十五", "三成", "九成五", "两倍", "半数", "②③", "Ⅻ", "XII", "十几件", "四分之一",
                                   "翻一番", "⑤", "㈢", "壹佰件", "几十项", "百分之95"])
def test_a_rewording_adding_a_number_in_words_or_symbols_is_refused(monkeypatch, sample_2024, added):
    from gkassist import llm
    from gkassist.dialogue import polish

    original = "全年主动公开政府信息120条，及时回应群众关切。"
    monkeypatch.setattr(llm, "ask_model", lambda *a: f"全年主动公开政府信息120条，其中{added}为惠民政策，及时回应群众关切。")
    settings = llm.LLMSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="m")
    result = polish.polish(original, "", "主动公开", sample_2024, None, "overview", settings)
    assert not result.accepted and result.reason.startswith("改写里出现了原文没有的数字")


@pytest.mark.parametrize("reworded", ["全年主动公开政府信息一百二十条，十分重视群众关切，进一步统一部署。",
                                      "全年主动公开政府信息120条，一是及时回应群众关切。"])
def test_a_rewording_keeping_the_figures_in_other_words_is_still_offered(monkeypatch, sample_2024, reworded):
    from gkassist import llm
    from gkassist.dialogue import polish

    monkeypatch.setattr(llm, "ask_model", lambda *a: reworded)
    settings = llm.LLMSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="m")
    assert polish.polish("全年主动公开政府信息120条，及时回应群众关切。", "", "主动公开", sample_2024, None, "overview",
                         settings).accepted


def serve(reply_with) -> int:
    """A loopback server running `reply_with(connection)` for each request; its port."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)

    def loop():
        while True:
            conn, _ = server.accept()
            threading.Thread(target=reply_with, args=(conn,), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()
    return server.getsockname()[1]


def read_request(conn) -> None:
    """The whole request, headers and body: a socket closed with bytes unread resets the connection."""
    data = b""
    while b"\r\n\r\n" not in data and (chunk := conn.recv(65536)):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")), 0)
    while len(body) < length and (chunk := conn.recv(65536)):
        body += chunk


def dripping(prefix: bytes, then: bytes):
    def reply(conn):
        read_request(conn)
        try:
            conn.sendall(prefix)
            for byte in then * 100:
                conn.sendall(bytes([byte]))
                time.sleep(0.1)
        except OSError:
            pass
    return reply


def answering(body: bytes, status: bytes = b"200 OK", headers: bytes = b""):
    def reply(conn):
        read_request(conn)
        conn.sendall(b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\n" + headers
                     + b"Content-Length: %d\r\n\r\n" % len(body) + body)
        conn.close()
    return reply


@pytest.mark.parametrize("where, reply", [
    ("status line", dripping(b"", b"HTTP/1.1 200 OK\r\n")),
    ("headers", dripping(b"HTTP/1.1 200 OK\r\n", b"X-Slow: abcdefghijklmnopqrstuvwxyz\r\n")),
    ("body", dripping(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", b" ")),
])
def test_a_server_dripping_anywhere_is_cut_off_at_the_deadline(where, reply):
    import threading

    from gkassist import llm

    settings = llm.LLMSettings(enabled=True, base_url=f"http://127.0.0.1:{serve(reply)}/v1", model="m", timeout_seconds=0.3)
    said = []

    def ask():
        try:
            llm.ask_model(settings, "s", "u")
        except InputError as e:
            said.append(str(e))

    asking = threading.Thread(target=ask, daemon=True)  # a request never cut off fails the test, not hangs it
    asking.start()
    asking.join(1.2)
    assert not asking.is_alive(), f"still waiting for the {where} after 1.2 s"
    assert said and said[0].endswith("在0.3秒内没有答完，未润色")


def test_a_redirect_is_not_followed_and_a_deeply_nested_reply_is_unreadable():
    from gkassist import llm

    followed = []
    good = json.dumps({"choices": [{"message": {"content": "好"}}]}).encode()
    target = serve(lambda conn: (followed.append(1), answering(good)(conn)))
    moved = serve(answering(b"", b"302 Found", b"Location: http://127.0.0.1:%d/v1/chat/completions\r\n" % target))
    settings = llm.LLMSettings(enabled=True, base_url=f"http://127.0.0.1:{moved}/v1", model="m", timeout_seconds=2)
    with pytest.raises(InputError, match="要求转到另一个地址（302），没有跟随"):
        llm.ask_model(settings, "s", "u")
    assert not followed
    nested = serve(answering(b"[" * 200_000 + b"]" * 200_000))
    settings = settings.model_copy(update={"base_url": f"http://127.0.0.1:{nested}/v1"})
    with pytest.raises(InputError, match="的回复看不懂（不是 OpenAI 兼容格式）"):
        llm.ask_model(settings, "s", "u")


# ------------------------------------------------------------------ 5. tracebacks left
@pytest.mark.parametrize("damage, words", [("bad gridSpan", "表格第1行有一个合并单元格的跨列数“two”无效"),
                                           ("compression method 99", "不常见的压缩方式（第99种）"),
                                           ("encrypted entries", "设置了打开密码（已加密）"),
                                           ("zlib error", "Word 文件已损坏或不是 .docx 格式")])
def test_a_damaged_docx_is_a_chinese_message(tmp_path, capsys, damage, words):
    path = tmp_path / "damaged.docx"
    path.write_bytes(damaged_docxes()[damage])
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and "意外的内部错误" not in err and "Error" not in err


async def test_the_tui_given_a_damaged_docx_ends_with_its_message_not_a_crash(tmp_path, no_corpus):
    from gkassist.dialogue.opening import open_session
    from gkassist.tui.app import DraftApp

    path = tmp_path / "damaged.docx"
    path.write_bytes(damaged_docxes()["bad gridSpan"])
    app = DraftApp(opener=lambda: open_session(str(path), 2025, None))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert app.return_code == 2 and "跨列数“two”无效" in app.open_error and app.engine is None


def test_an_unexpected_error_opening_a_draft_ends_the_tui_in_words(no_corpus):
    import asyncio

    from gkassist.tui.app import DraftApp

    def broken():
        raise ZeroDivisionError("bug")

    app = DraftApp(opener=broken)

    async def run():
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)

    asyncio.run(run())
    assert app.return_code == 2 and app.open_error.startswith("出现了意外的内部错误（ZeroDivisionError：bug）")


def a_saved_draft():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("自然人申请2件，予以公开2件")
    engine.answer("对")
    return engine


@pytest.mark.parametrize("odd", ["dangling link", "link to itself", "5,000-digit number", "FIFO", "folder"])
def test_one_odd_entry_in_the_drafts_folder_stops_nothing(capsys, no_hang, odd):
    from gkassist.dialogue.opening import open_session
    from gkassist.dialogue.session import draft_files

    good = a_saved_draft().path
    bad = good.with_name("2030_坏的.json")
    if odd == "dangling link":
        bad.symlink_to(good.with_name("nowhere.json"))
    elif odd == "link to itself":
        bad.symlink_to(bad)
    elif odd == "FIFO":
        os.mkfifo(bad)
    elif odd == "folder":
        bad.mkdir()
    else:
        text, replaced = re.subn(r'"year":\s*2021', '"year": ' + "9" * 5000, good.read_text(encoding="utf-8"), count=1)
        assert replaced == 1
        bad.write_text(text, encoding="utf-8")
        os.utime(bad, (time.time() + 10,) * 2)  # the newest: opened first, and set aside as damaged
    assert good in draft_files()
    assert main(["drafts"]) == 0
    out = capsys.readouterr().out
    assert str(good) in out and "2030_坏的.json" in out  # the odd entry is a line of its own
    engine, notice = open_session(None, None)
    assert engine.path == good
    assert main(["draft", "--year", "2021", "--answers", str(answers_file(good.parent.parent, "没有"))]) == 0


def test_a_draft_of_a_newer_gkassist_is_refused_and_left_in_place(capsys):
    from gkassist.dialogue.opening import open_session

    good = a_saved_draft().path
    data = json.loads(good.read_text(encoding="utf-8"))
    data["report"]["schema_version"] = 99
    newer = good.with_name("2022_德惠市郭家镇人民政府.json")  # the name next year's new draft would take
    newer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.utime(newer, (time.time() + 10,) * 2)
    engine, notice = open_session(None, None)
    assert engine.path == good and newer.exists() and not (good.parent / ".damaged").exists()
    assert "草稿由更新版本的 gkassist 保存（schema_version=99）" in notice and "文件留在原处" in notice
    assert main(["drafts"]) == 0 and "（更新版本的草稿）" in capsys.readouterr().out
    data["report"]["year"] = 2022
    data["report"]["agency"] = "德惠市郭家镇人民政府"
    newer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    last = good.parent.parent / "last.json"
    last.write_text(import_file(SEED).report.to_json().replace('"year": 2020', '"year": 2021'), encoding="utf-8")
    before = newer.read_bytes()
    with pytest.raises(InputError, match="由更新版本的 gkassist 保存"):  # a new draft would take its name
        open_session(str(last), 2022)
    assert newer.read_bytes() == before


def test_an_agency_of_1000_characters_is_saved_under_a_bounded_unique_name(monkeypatch):
    monkeypatch.setattr(lastyear, "find_last_year", lambda *a: None)  # the corpus index: not this test's matter
    names = []
    for last in ("甲", "乙"):
        engine = Engine.start(None, 2033)
        engine.answer("青岚县" * 333 + last)
        assert engine.answer("对")[0].text.startswith("已保存")
        assert engine.path.exists() and len(engine.path.name.encode()) <= 170
        names.append(engine.path.name)
        engine.report.title += "（修改）"
        engine.save()  # a changed draft keeps its last version in .history/ under the long name too
        assert list(session.history_dir(engine.path).glob("*.json"))
    assert names[0] != names[1]


# ------------------------------------------------------------------ 6. inputs that are no regular files
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
@pytest.mark.parametrize("command", ["import", "check", "render", "corpus add", "draft --from", "audit --units"])
def test_a_fifo_or_a_device_as_a_report_is_refused_at_once(tmp_path, capsys, no_hang, special, command):
    given = "/dev/zero"
    if special == "fifo":
        given = str(tmp_path / "report.txt")
        os.mkfifo(given)
    argv = {"import": ["import", given], "check": ["check", given], "render": ["render", given, "-o", str(tmp_path / "o.txt")],
            "corpus add": ["corpus", "add", given],
            "draft --from": ["draft", "--from", given, "--answers", str(answers_file(tmp_path, "没有"))],
            "audit --units": ["audit", str(SAMPLE), "--units", given, "--json"]}[command]
    assert main(argv) == 2
    assert "不是普通文件（是管道、设备等特殊文件）" in capsys.readouterr().err


def test_audit_lists_fifos_and_broken_links_it_meets(audit_folder, no_hang):
    from gkassist.audit import run_audit

    os.mkfifo(audit_folder / "pipe.txt")
    (audit_folder / "dangling.docx").symlink_to(audit_folder / "gone.docx")
    (audit_folder / "loop.pdf").symlink_to(audit_folder / "loop.pdf")
    result = run_audit([audit_folder], workers=2)
    errors = {Path(u.path).name: u.error for u in result.units if u.error}
    assert sorted(errors) == ["dangling.docx", "loop.pdf", "pipe.txt"] and len(result.units) == 6
    assert "不是普通文件" in errors["pipe.txt"] and "指向的文件不存在" in errors["dangling.docx"] and "绕成了一个圈" in errors["loop.pdf"]


# ------------------------------------------------------------------ 7. outputs
def test_import_onto_the_report_it_reads_is_refused(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_bytes(SEED.read_bytes())
    link = tmp_path / "same.txt"
    link.symlink_to(report)
    for output in (report, link):
        assert main(["import", str(report), "-o", str(output)]) == 2
        assert "这就是读入的文件" in capsys.readouterr().err and report.read_bytes() == SEED.read_bytes()
    assert main(["render", str(report), "-o", str(report)]) == 2


def test_a_read_only_output_is_not_replaced(tmp_path, capsys):
    locked = tmp_path / "locked.txt"
    locked.write_text("mine")
    locked.chmod(0o444)
    assert main(["render", str(SAMPLE), "-o", str(tmp_path / "new.md"), "-o", str(locked)]) == 2
    assert "只读文件，没有覆盖它" in capsys.readouterr().err and locked.read_text() == "mine"
    assert not (tmp_path / "new.md").exists()  # refused before anything was written
    assert main(["import", str(SEED), "-o", str(locked)]) == 2 and locked.read_text() == "mine"


@pytest.mark.parametrize("command", ["render", "import", "audit"])
def test_an_existing_output_is_kept_as_a_dated_copy(tmp_path, capsys, command):
    out = tmp_path / {"render": "r.html", "import": "r.json", "audit": "审核.html"}[command]
    out.write_text("old content of the user")
    argv = {"render": ["render", str(SAMPLE), "-o", str(out)], "import": ["import", str(SEED), "-o", str(out)],
            "audit": ["audit", str(SAMPLE), "-o", str(out), "--workers", "1"]}[command]
    assert main(argv) == 0  # the sample and the seed have no errors: an exit 1 here would be a finding the report does not have
    (copy,) = [p for p in tmp_path.iterdir() if p != out]
    assert copy.name.startswith(f"{out.stem}（备份 ") and copy.read_text() == "old content of the user"
    assert "old content" not in out.read_text(encoding="utf-8")
    said = capsys.readouterr()
    assert str(copy) in said.out + said.err


def test_a_link_looping_as_output_is_a_chinese_message(tmp_path, capsys):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert main(["render", str(SAMPLE), "-o", str(loop)]) == 2
    err = capsys.readouterr().err
    assert "链接绕成了一个圈（指回自己），不能写入" in err and "意外" not in err


def test_export_onto_a_link_writes_its_target_and_keeps_the_targets_old_content(tmp_path):
    from gkassist.core.model import load_report
    from gkassist.output import render_to

    target = tmp_path / "target" / "报告.md"
    target.parent.mkdir()
    target.write_text("old target")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    kept = render_to(load_report(SAMPLE), link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "一、总体情况" in target.read_text(encoding="utf-8")
    assert kept.parent == target.parent and kept.read_text() == "old target"


# ------------------------------------------------------------------ 8. text reaching a terminal or Markdown
@pytest.mark.parametrize("argv", [["import"], ["check"], ["check", str(SAMPLE)], ["check", "--json"], ["import", "-o", "out.json"],
                                  ["corpus", "add"]])
def test_control_characters_of_a_report_never_reach_the_terminal(tmp_path, capsys, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    text = SEED.read_text(encoding="utf-8").replace("郭家镇", "郭家\x1b]0;pwned\x07\x1b[2J镇\x9b31m\u202e", 1)
    path = tmp_path / "ansi.txt"
    path.write_text(text, encoding="utf-8")
    code = main(argv + [str(path)] if argv[0] == "corpus" else [argv[0], str(path), *argv[1:]])
    said = capsys.readouterr()
    assert code == 0  # the seed with control characters in its agency is still a report without errors
    raw = {c for c in said.out + said.err if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c == "\u202e"}
    assert not raw
    if argv == ["import"]:
        assert json.loads(said.out)["agency"] == "德惠市郭家\x1b]0;pwned\x07\x1b[2J镇\x9b31m\u202e人民政府"  # the data stays whole
        assert "郭家\\u001b]0;pwned\\u0007" in said.err


def test_html_in_report_text_is_never_live_in_the_markdown(tmp_path, sample_2024):
    from gkassist.output import render_text

    sample_2024.agency = "<script>alert(1)</script>石桥镇"
    sample_2024.sections["overview"][0] += "<img src=x onerror=alert(1)>&lt;b&gt; a<b"
    sample_2024.preface.append("<iframe src=javascript:alert(1)>")
    sample_2024.extra_lines["requests"] = ["<a href=x>链接</a>"]
    md = render_text(sample_2024, ".md")
    assert not any(tag in md for tag in ("<script", "<img", "<iframe", "<a ", "<b"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;石桥镇" in md and "&amp;lt;b&amp;gt;" in md
    path = tmp_path / "r.md"
    path.write_text(md, encoding="utf-8")
    back = import_file(path).report  # read back as written
    assert "<img src=x onerror=alert(1)>&lt;b&gt; a<b" in back.sections["overview"][0]


# ------------------------------------------------------------------ 9. jieba's cache
def test_a_jieba_cache_planted_in_the_shared_temporary_folder_is_never_read(tmp_path, monkeypatch):
    import marshal
    import tempfile

    import jieba

    from gkassist.corpus import segmentation

    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    (shared / "jieba.cache").write_bytes(marshal.dumps(({"植入的词": 99999}, 99999)))
    built = {"真词": 3}
    monkeypatch.setattr(jieba.Tokenizer, "gen_pfdict", lambda self, f: (dict(built), 3))  # not the 0.7 s of the real one
    freq, total = segmentation._full_dictionary(jieba)
    assert "植入的词" not in freq and freq == built
    assert (tmp_path / "cache" / "gkassist" / "jieba.cache").exists()  # jieba's own cache: in the user's folder
    assert marshal.loads((shared / "jieba.cache").read_bytes())[0] == {"植入的词": 99999}  # never touched


# ------------------------------------------------------------------ 10. a full disk and .history
@pytest.mark.parametrize("changed", ["another title", "a tail of the same length", "not JSON"])
def test_a_draft_changed_on_disk_since_the_last_save_is_copied_to_the_history_before_the_next(changed):
    """A save compares the file with what this process wrote last (not reading it back): a file changed meanwhile — by
    another program, a restored copy, a hand edit — must still be seen, and kept in .history/ before it is replaced."""
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("自然人申请2件，予以公开2件")
    engine.answer("对")
    ours = engine.path.read_text(encoding="utf-8")
    if changed == "another title":
        data = json.loads(ours)
        data["report"]["title"] += "（手改）"
        theirs = json.dumps(data, ensure_ascii=False)
    elif changed == "a tail of the same length":
        theirs = ours.replace(engine.report.title, engine.report.title[::-1], 1)  # the same size
    else:
        theirs = ours[: len(ours) // 2]
    assert theirs != ours
    engine.path.write_text(theirs, encoding="utf-8")  # in place: the same file, not a new one
    engine.report.preface = ["重写的引言。"]
    engine.save()
    kept = [p.read_text(encoding="utf-8") for p in session.history_dir(engine.path).glob("2*.json")]
    assert theirs in kept
    assert json.loads(engine.path.read_text(encoding="utf-8"))["report"]["preface"] == ["重写的引言。"]


def test_a_full_disk_leaves_no_truncated_copy_in_the_history(monkeypatch):
    good = a_saved_draft()
    path, whole = good.path, good.path.read_bytes()
    real_open = io.open

    class Full:
        def __init__(self, f):
            self.f = f

        def write(self, data):
            self.f.write(data[:len(data) // 2])
            self.f.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

    def full_open(file, mode="r", *args, **kw):
        f = real_open(file, mode, *args, **kw)
        return Full(f) if "w" in mode or "a" in mode else f

    before = sorted(session.history_dir(path).glob("*"))
    monkeypatch.setattr(io, "open", full_open)
    assert session.keep_version(path) is None
    good.answer("没有")
    with pytest.raises(InputError, match="No space left"):
        good.answer("对")  # the save fails too (the fallback folder is on the same full disk)
    monkeypatch.setattr(io, "open", real_open)
    assert sorted(session.history_dir(path).glob("*")) == before  # nothing half-written, no temporary file left
    assert path.read_bytes() == whole
    assert not [p for p in path.parent.rglob(".*.tmp")]
