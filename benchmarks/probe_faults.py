"""Probes of the fault rounds: each numbered fault reproduced, from the command line, the TUI (driven by Textual's
Pilot in a child process) or the module a user reaches, and judged by what the README promises — a Chinese message
and exit 2, no hang, nothing lost, nothing of the user's replaced without a copy.

    python benchmarks/probe_faults.py                 # issue #30 (“Faults, round three”), every item
    python benchmarks/probe_faults.py 2 8 minor       # only items 2 and 8 and the minor ones
    python benchmarks/probe_faults.py --round 2 [N…]  # issue #24 (“Faults, round two”)

Prints one line per case (ok / broken, with what was seen) and the counts per item and in all.  Every child runs
with its own HOME and XDG folders, a time limit and a memory limit, so a fault is a line here, never a hung or
swapping machine.  Asserts nothing: the regression tests are in tests/faults/ (for #30: test_outputs_never_replace_
inputs.py, test_number_bounds.py, test_control_characters_shown.py, test_polish_refusals.py, test_bounded_reading.py,
test_processes_without_fork.py, test_lists_urls_and_corpus_adds.py; for #24: test_bounds_locks_outputs.py).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from faultfiles import damaged_docxes, deflated_repeats, docx_bytes, lying_docx, pdf_bytes, seed_body  # noqa: E402 — beside the tests

SAMPLE = ROOT / "samples" / "2024_shiqiaozhen.json"
SEED = ROOT / "samples" / "000_7a4690d65c5df8d4.txt"
MEMORY_LIMIT = 3 * 1024**3  # a child asking for more is one of the faults, not the machine's problem
RESULTS: dict[int | str, list[tuple[str, bool, str]]] = {}


# ------------------------------------------------------------------ helpers
class Home:
    """A private HOME / XDG_* for one case."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="probe-"))
        self.env = dict(os.environ, HOME=str(self.root / "home"), XDG_DATA_HOME=str(self.root / "data"),
                        XDG_CACHE_HOME=str(self.root / "cache"), XDG_CONFIG_HOME=str(self.root / "config"),
                        GKASSIST_LLM_URL="", GKASSIST_LLM_MODEL="")
        (self.root / "home").mkdir()
        self.drafts = self.root / "data" / "gkassist" / "drafts"
        self.fallback = self.root / "home" / "gkassist-草稿"

    def cli(self, *args, timeout: float = 20, stdin=subprocess.DEVNULL, cwd=None, memory: int = 0):
        return run([sys.executable, "-m", "gkassist.cli", *map(str, args)], self.env, timeout, stdin, cwd, memory)

    def python(self, code: str, timeout: float = 60):
        return run([sys.executable, "-c", code], self.env, timeout)

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


class Done:
    def __init__(self, code, out: str, err: str, seconds: float):
        self.code, self.out, self.err, self.seconds = code, out, err, seconds

    @property
    def said(self) -> str:
        text = (self.err.strip() or self.out.strip()).splitlines()
        return (text[-1] if text else "")[:110]

    def refused(self, within: float = 10) -> bool:
        """Exit 2 with one Chinese line, not the last guard's “internal error”, in time."""
        return (self.code == 2 and self.seconds < within and "意外的内部错误" not in self.err
                and "Traceback" not in self.err and any("\u4e00" <= ch <= "\u9fff" for ch in self.err))

    def __str__(self):
        return f"exit {self.code}, {self.seconds:.1f} s: {self.said}"


def run(argv, env, timeout, stdin=subprocess.DEVNULL, cwd=None, memory: int = 0) -> Done:
    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (memory or MEMORY_LIMIT, memory or MEMORY_LIMIT))
        os.setsid()

    started = time.monotonic()
    child = subprocess.Popen(argv, env=env, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=limits, cwd=cwd or env.get("HOME"))
    try:
        out, err = child.communicate(timeout=timeout)
        code = child.returncode
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, 9)
        out, err = child.communicate()
        code = "timeout"
    return Done(code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.monotonic() - started)


def case(item: int | str, name: str, ok: bool, seen) -> None:
    RESULTS.setdefault(item, []).append((name, bool(ok), str(seen)))
    print(f"  {item}. {name}: {'ok' if ok else 'BROKEN'} ({seen})", flush=True)


def a_draft(home: Home, year=2021) -> Path:
    """A saved draft (headless: last year's seed, one table answered)."""
    answers = home.root / "answers.txt"
    answers.write_text("自然人申请2件，予以公开2件\n对\n", encoding="utf-8")
    done = home.cli("draft", "--from", SEED, "--year", year, "--answers", answers)
    assert done.code == 0, done
    return next(home.drafts.glob("*.json"))


# ------------------------------------------------------------------ 1. locks
TUI_HOLDER = """
import asyncio, json, os, sys
try:
    from gkassist.dialogue.opening import open_session
except ImportError:  # before the dialogue was restructured
    from gkassist.dialogue.session import open_session
from gkassist.tui.app import DraftApp
ready, stop = sys.argv[1], sys.argv[2]
async def main():
    app = DraftApp(opener=lambda: open_session(None, 2033, None))
    async with app.run_test(size=(100, 30)) as pilot:
        while app.engine is None and app.is_running:
            await pilot.pause(0.05)
        for text in ("probe镇人民政府", "对"):
            app.query_one("#answer").value = text
            await pilot.press("enter")
            await pilot.pause()
        with open(ready, "w") as f:
            f.write(json.dumps({"path": str(app.engine.path), "running": app.is_running,
                                "saved": app.engine.path.exists()}))
        while not os.path.exists(stop):
            await asyncio.sleep(0.05)
asyncio.run(main())
"""


def probe_locks() -> None:
    for where in ("renamed", "fallback"):
        home = Home()
        if where == "fallback":
            home.drafts.parent.mkdir(parents=True)
            home.drafts.write_text("a file where the drafts folder should be: nothing can be written there")
        ready, stop = home.root / "ready", home.root / "stop"
        holder = subprocess.Popen([sys.executable, "-c", TUI_HOLDER, str(ready), str(stop)], env=home.env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            for _ in range(600):
                if ready.exists() or holder.poll() is not None:
                    break
                time.sleep(0.05)
            if not ready.exists():
                case(1, f"the TUI on a new draft ({where})", False, f"the TUI did not get there: {holder.stderr.read()[-300:]!r}")
                continue
            state = json.loads(ready.read_text())
            path = Path(state["path"])
            case(1, f"the TUI keeps running and saves the new draft ({where})", state["running"] and state["saved"]
                 and path.parent == (home.fallback if where == "fallback" else home.drafts), state)
            lock = path.with_suffix(".lock")
            case(1, f"a lock beside the {where} draft ({path.parent.name}/{path.name})", lock.exists(),
                 "lock " + ("present" if lock.exists() else "missing") + f"; locks there: {[p.name for p in path.parent.glob('*.lock')]}")
            answers = home.root / "answers.txt"
            answers.write_text("没有\n对\n", encoding="utf-8")
            second = home.cli("draft", "--year", 2033, "--answers", answers)
            case(1, f"a second instance (headless --answers) on the {where} draft is refused",
                 second.refused() and "正在被另一个" in second.err, second)
        finally:
            stop.write_text("")
            try:
                holder.wait(timeout=20)
            except subprocess.TimeoutExpired:
                holder.kill()
            home.close()


# ------------------------------------------------------------------ 2. bounded parsing, isolated audit
def probe_bounds() -> None:
    home = Home()
    try:
        evil = home.root / "evil.pdf"
        evil.write_bytes(pdf_bytes(b"", deflated=deflated_repeats(b"BT /F1 12 Tf 72 700 Td ", b"(a) Tj " * 100_000, 200, b"ET")))
        done = home.cli("check", evil, timeout=30)
        case(2, f"check of a {evil.stat().st_size // 1024} KB PDF repeating Tj 20 million times", done.refused(within=5), done)
        paragraphs = home.root / "paragraphs.docx"
        paragraphs.write_bytes(docx_bytes(seed_body() + "<w:p><w:r><w:t>（一）段落。</w:t></w:r></w:p>" * 49_000))
        done = home.cli("render", paragraphs, "-o", home.root / "out.docx", timeout=30)
        case(2, "render of a 49,000-paragraph .docx to Word", done.seconds < 3 and done.code in (0, 2) and "意外" not in done.err, done)
        cells = home.root / "cells.txt"
        # within the stated limits (20 MB, 100,000 lines): 60,000 lines of 50 cells
        cells.write_text(SEED.read_text(encoding="utf-8") + ("0\t" * 50 + "\n") * 60_000, encoding="utf-8")
        done = home.cli("check", cells, timeout=40)
        case(2, "check of 3 million tab-separated cells", done.seconds < 3 and done.code in (0, 1, 2) and "意外" not in done.err, done)
        folder = home.root / "audit"
        folder.mkdir()
        for name in ("2024_shiqiaozhen.json", "2024_hexizhen.json", "2024_baishuixiang.json"):
            shutil.copy(ROOT / "samples" / name, folder)
        shutil.copy(evil, folder / "evil.pdf")
        done = home.cli("audit", folder, "--json", "--workers", "2", timeout=60)
        units = _audit_units(done)
        case(2, "audit of 3 reports and the 20-million-Tj PDF (3 GB per process)",
             units is not None and len(units) == 4 and done.code == 1, f"{done}; units {None if units is None else len(units)}")
        # a worker killed outright (the kernel's OOM killer, kill -9): that file is one line, the audit goes on
        code = textwrap.dedent(f"""
            import json, os, signal, sys
            from pathlib import Path
            import gkassist.audit as audit
            real = audit._read
            def read(path):
                if Path(path).name == "killed.txt":
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(path)
            audit._read = read
            folder = Path({str(folder)!r})
            (folder / "evil.pdf").unlink(missing_ok=True)
            (folder / "killed.txt").write_text("x")
            try:
                result = audit.run_audit([folder], workers=2)
                print(json.dumps([u.error for u in result.units], ensure_ascii=False))
            except BaseException as e:
                print("FAILED", type(e).__name__, e)
        """)
        done = home.python(code, timeout=60)
        case(2, "audit with a worker killed by kill -9 on one file", done.out.startswith("[") and len(json.loads(done.out)) == 4,
             done.out.strip()[:110] or done)
    finally:
        home.close()


def _audit_units(done: Done):
    try:
        return json.loads(done.out)["units"]
    except (ValueError, KeyError):
        return None


# ------------------------------------------------------------------ 3. formula injection
def probe_formulas() -> None:
    home = Home()
    try:
        folder = home.root / "audit"
        folder.mkdir()
        for i, start in enumerate(["=", "+", "-", "@", "\t=", "\r="]):
            data = json.loads(SAMPLE.read_text(encoding="utf-8"))
            data["agency"] = f"{start}HYPERLINK(\"http://x.invalid\",\"点我\")"
            data["title"] = f"{start}1+1"
            (folder / f"{start.strip() or 'x'}{i}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        data = json.loads(SAMPLE.read_text(encoding="utf-8"))
        data["agency"], data["tables"]["t3"]["new"]["natural"] = "=2+3", 9999  # findings: the 问题 sheet too
        (folder / "=findings.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        (folder / "=cmd.txt").write_text("not a report", encoding="utf-8")
        units = home.root / "units.txt"
        units.write_text("=1+2\n@SUM(1)\n", encoding="utf-8")
        out = home.root / "审核.xlsx"
        done = home.cli("audit", ".", "--units", units, "-o", out, timeout=60, cwd=folder)  # file names start the cells
        if not out.exists():
            case(3, "audit workbook written", False, done)
            return
        from openpyxl import load_workbook

        book = load_workbook(out)
        formulas = [f"{sheet.title}!{cell.coordinate}" for sheet in book for row in sheet.iter_rows() for cell in row
                    if cell.data_type == "f"]
        case(3, "cells of the audit workbook stored as formulas", not formulas, f"{len(formulas)}: {formulas[:6]}")
        risky = [f"{sheet.title}!{cell.coordinate}" for sheet in book for row in sheet.iter_rows() for cell in row
                 if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@", "\t", "\r") and not cell.quotePrefix]
        case(3, "cells starting with = + - @ tab CR not marked as text (Excel reads them as a formula once edited)", not risky,
             f"{len(risky)}: {risky[:6]}")
    finally:
        home.close()


# ------------------------------------------------------------------ 4. the model's polish
def probe_llm() -> None:
    from gkassist import llm
    from gkassist.core.errors import InputError
    from gkassist.core.model import load_report
    from gkassist.dialogue import polish

    report = load_report(SAMPLE)
    settings = llm.LLMSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="m", timeout_seconds=1.0)
    original = "全年主动公开政府信息120条，及时回应群众关切。"
    words = ["百分之九十五", "三成", "两倍", "半数", "②③", "Ⅻ", "XII", "十几", "九成五", "四分之一", "翻一番", "⑤"]
    accepted = []
    real_ask = llm.ask_model
    try:
        for word in words:
            llm.ask_model = lambda *a, word=word: f"全年主动公开政府信息120条，其中{word}为惠民政策，及时回应群众关切。"
            if polish.polish(original, "", "主动公开", report, None, "overview", settings).accepted:
                accepted.append(word)
    finally:
        llm.ask_model = real_ask
    case(4, f"rewordings adding a number in words or symbols ({len(words)} kinds)", not accepted, f"accepted: {accepted}")

    def serve(script) -> int:
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(4)

        def loop():
            while True:
                try:
                    conn, _ = server.accept()
                except OSError:
                    return
                threading.Thread(target=script, args=(conn,), daemon=True).start()

        threading.Thread(target=loop, daemon=True).start()
        return server.getsockname()[1]

    def drip(prefix: bytes, then: bytes):
        def script(conn):
            conn.recv(65536)
            try:
                conn.sendall(prefix)
                for byte in then * 1000:
                    conn.sendall(bytes([byte]))
                    time.sleep(0.2)
            except OSError:
                pass
        return script

    reply = json.dumps({"choices": [{"message": {"content": original}}]}).encode()

    def answer(body: bytes, status=b"200 OK", extra=b""):
        def script(conn):
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\n" + extra
                         + b"Content-Length: %d\r\n\r\n" % len(body) + body)
            conn.close()
        return script

    def ask(port: int, timeout=1.0):
        s = settings.model_copy(update={"base_url": f"http://127.0.0.1:{port}/v1", "timeout_seconds": timeout})
        outcome = {}

        def go():
            started = time.monotonic()
            try:
                outcome["text"] = llm.ask_model(s, "s", "u")
            except InputError as e:
                outcome["error"] = str(e)
            except BaseException as e:  # noqa: BLE001 — what escapes is the finding
                outcome["raised"] = f"{type(e).__name__}: {str(e)[:60]}"
            outcome["seconds"] = time.monotonic() - started

        t = threading.Thread(target=go, daemon=True)
        t.start()
        t.join(8)
        return outcome or {"hung": True}

    for what, script in (("status line", drip(b"", b"HTTP/1.1 200 OK\r\n")),
                         ("headers", drip(b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 50 + b"\r\n"))):
        got = ask(serve(script))
        case(4, f"a server dripping its {what} one byte per 0.2 s (deadline 1 s)",
             "error" in got and got["seconds"] < 2.5, got)
    target_hits = []

    def target(conn):
        target_hits.append(1)
        answer(reply)(conn)

    target_port = serve(target)
    got = ask(serve(answer(b"", b"302 Found", b"Location: http://127.0.0.1:%d/v1/chat/completions\r\n" % target_port)))
    case(4, "a redirect of the model's URL", "error" in got and not target_hits, f"{got}; followed {len(target_hits)}")
    got = ask(serve(answer(b"[" * 200_000 + b"]" * 200_000)))
    case(4, "a deeply nested JSON reply", "error" in got and "看不懂" in got["error"], got)


# ------------------------------------------------------------------ 5. tracebacks left
TUI_FROM = """
import asyncio, sys
try:
    from gkassist.dialogue.opening import open_session
except ImportError:  # before the dialogue was restructured
    from gkassist.dialogue.session import open_session
from gkassist.tui.app import DraftApp
async def main():
    app = DraftApp(opener=lambda: open_session(sys.argv[1], 2025, None))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if not app.is_running or app.engine is not None:
                break
    print("RETURN", app.return_code, "ERROR", app.open_error)
asyncio.run(main())
"""


def probe_tracebacks() -> None:
    home = Home()
    try:
        for name, data in damaged_docxes().items():
            path = home.root / f"{name.replace(' ', '_')}.docx"
            path.write_bytes(data)
            done = home.cli("import", path)
            case(5, f"import of a damaged .docx ({name})", done.refused(), done)
        path = home.root / "bad_gridSpan.docx"
        done = run([sys.executable, "-c", TUI_FROM, str(path)], home.env, 60)
        case(5, "the TUI given a damaged .docx (bad gridSpan) with --from",
             "RETURN 2" in done.out and "Traceback" not in done.err + done.out and "意外" not in done.out, done.out.strip()[-110:] or done)
    finally:
        home.close()
    for odd in ("dangling symlink", "symlink loop", "5,000-digit number", "FIFO"):
        home = Home()
        try:
            good = a_draft(home)
            bad = home.drafts / "2030_坏的.json"
            if odd == "dangling symlink":
                bad.symlink_to(home.drafts / "nowhere.json")
            elif odd == "symlink loop":
                bad.symlink_to(bad)
            elif odd == "FIFO":
                os.mkfifo(bad)
            else:
                data = json.loads(good.read_text(encoding="utf-8"))
                text = json.dumps(data, ensure_ascii=False).replace('"year": 2021', '"year": ' + "9" * 5000, 1)
                bad.write_text(text, encoding="utf-8")
            listed = home.cli("drafts", timeout=10)
            answers = home.root / "answers.txt"
            answers.write_text("没有\n", encoding="utf-8")
            drafting = home.cli("draft", "--answers", answers, timeout=20)
            ok = (listed.code == 0 and good.name in listed.out and drafting.code == 0 and "意外" not in drafting.err)
            case(5, f"drafts folder with a {odd}", ok, f"drafts: {listed}; draft: {drafting}")
        finally:
            home.close()
    home = Home()
    try:
        good = a_draft(home)
        newer = home.drafts / "2022_新版本.json"
        data = json.loads(good.read_text(encoding="utf-8"))
        data["report"]["schema_version"] = 99
        newer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.utime(newer, (time.time() + 10,) * 2)
        answers = home.root / "answers.txt"
        answers.write_text("没有\n", encoding="utf-8")
        done = home.cli("draft", "--answers", answers)
        case(5, "a draft of a newer schema is left in place and said so", newer.exists() and "更新版本" in done.out + done.err,
             f"{'in place' if newer.exists() else 'moved away'}; {done}")
        long_home = Home()
        answers = long_home.root / "answers.txt"
        answers.write_text("青岚县" * 333 + "镇人民政府\n对\n", encoding="utf-8")
        done = long_home.cli("draft", "--year", 2033, "--answers", answers)
        saved = [p.name[:30] for p in long_home.drafts.glob("*.json")] if long_home.drafts.is_dir() else []
        case(5, "an agency of 1,000 characters is saved", done.code == 0 and saved and "无法" not in done.out,
             f"{done}; drafts {saved}")
        long_home.close()
    finally:
        home.close()


# ------------------------------------------------------------------ 6. inputs that are not files
def probe_special_inputs() -> None:
    home = Home()
    try:
        fifo = home.root / "report.txt"
        os.mkfifo(fifo)
        answers = home.root / "answers.txt"
        answers.write_text("没有\n", encoding="utf-8")
        for given in (fifo, Path("/dev/zero")):
            for argv in (["import", given], ["check", given], ["render", given, "-o", home.root / "o.txt"],
                         ["corpus", "add", given], ["draft", "--from", given, "--answers", answers],
                         ["audit", SAMPLE, "--units", given, "--json"]):
                done = home.cli(*argv, timeout=6)
                case(6, f"{argv[0]} {argv[1] if argv[0] != 'draft' else '--from'}{' --units' if argv[0] == 'audit' else ''} "
                        f"given {'a FIFO' if given == fifo else '/dev/zero'}", done.refused(within=5), done)
        folder = home.root / "reports"
        folder.mkdir()
        shutil.copy(SAMPLE, folder)
        os.mkfifo(folder / "pipe.txt")
        (folder / "dangling.docx").symlink_to(folder / "gone.docx")
        (folder / "loop.pdf").symlink_to(folder / "loop.pdf")
        done = home.cli("audit", folder, "--json", timeout=20)
        units = _audit_units(done) or []
        listed = sorted(Path(u["path"]).name for u in units if u["error"])
        case(6, "audit lists a FIFO, a dangling and a looping link as lines", listed == ["dangling.docx", "loop.pdf", "pipe.txt"],
             f"{done}; lines for {listed}")
    finally:
        home.close()


# ------------------------------------------------------------------ 7. outputs
def probe_outputs() -> None:
    home = Home()
    try:
        report = home.root / "r.txt"
        shutil.copy(SEED, report)
        before = report.read_bytes()
        done = home.cli("import", report, "-o", report)
        case(7, "import r.txt -o r.txt", done.refused() and report.read_bytes() == before, f"{done}; "
             f"{'unchanged' if report.read_bytes() == before else 'REPLACED'}")
        locked = home.root / "locked.txt"
        locked.write_text("mine")
        locked.chmod(0o444)
        done = home.cli("render", SAMPLE, "-o", locked)
        case(7, "render -o onto a read-only file", done.refused() and locked.read_text() == "mine",
             f"{done}; {'unchanged' if locked.read_text() == 'mine' else 'REPLACED'}")
        for command in ("render", "import", "audit"):
            out = home.root / f"existing-{command}" / {"render": "r.html", "import": "r.json", "audit": "审核.html"}[command]
            out.parent.mkdir()
            out.write_text("old content of the user")
            argv = {"render": ["render", SAMPLE, "-o", out], "import": ["import", SEED, "-o", out],
                    "audit": ["audit", SAMPLE, "-o", out]}[command]
            done = home.cli(*argv)
            copies = [p for p in out.parent.iterdir() if p != out and p.read_text(errors="replace") == "old content of the user"]
            case(7, f"{command} onto an existing file keeps a copy", bool(copies) and done.code in (0, 1),
                 f"{done}; copies {[p.name for p in copies]}")
        loop = home.root / "loop.txt"
        loop.symlink_to(loop)
        done = home.cli("render", SAMPLE, "-o", loop)
        case(7, "a symlink loop as -o", done.refused(), done)
        draft_home = Home()
        a_draft(draft_home)
        target = draft_home.root / "target.md"
        target.write_text("old target")
        link = draft_home.root / "link.md"
        link.symlink_to(target)
        answers = draft_home.root / "answers.txt"
        answers.write_text("没有\n", encoding="utf-8")
        done = draft_home.cli("draft", "--year", 2021, "--answers", answers, "-o", link)
        copies = [p.name for p in draft_home.root.iterdir() if p.is_file() and not p.is_symlink() and p != target
                  and p.read_text(errors="replace") == "old target"]
        ok = link.is_symlink() and "总体情况" in target.read_text() and copies
        case(7, "export (draft -o) onto a symlink", ok, f"{done}; link {'stays a link' if link.is_symlink() else 'REPLACED'}, "
             f"target {'written' if '总体情况' in target.read_text() else 'OLD'}, copies {copies}")
        draft_home.close()
    finally:
        home.close()


# ------------------------------------------------------------------ 8. text reaching a terminal or Markdown
def probe_escapes() -> None:
    home = Home()
    try:
        text = SEED.read_text(encoding="utf-8")
        first = text.splitlines()[0]  # the agency line: “德惠市郭家镇人民政府”
        evil = text.replace(first, first.replace("郭家镇", "郭家\x1b]0;pwned\x07\x1b[2J镇\x9b31m"), 1)
        evil = evil.replace("一、总体情况", "一、总体情况\n\x1b[31m红字\x1b[0m\x07", 1)
        path = home.root / "ansi.txt"
        path.write_text(evil, encoding="utf-8")
        for argv in (["import", path], ["check", path], ["check", path, SAMPLE], ["check", path, "--json"]):
            done = home.cli(*argv)
            raw = [c for c in sorted(set(done.out + done.err)) if ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F]
            case(8, f"{' '.join(a if isinstance(a, str) else a.name for a in argv)} prints control characters raw", not raw,
                 f"{done.code}; raw {[hex(ord(c)) for c in raw]}")
        data = json.loads(SAMPLE.read_text(encoding="utf-8"))
        data["agency"] = "<script>alert(1)</script>石桥镇"
        data["sections"]["overview"][0] += "<img src=x onerror=alert(1)>&lt;b&gt;"
        data["preface"].append("<iframe src=javascript:alert(1)>")
        report = home.root / "html.json"
        report.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        out = home.root / "r.md"
        done = home.cli("render", report, "-o", out)
        md = out.read_text(encoding="utf-8") if out.exists() else ""
        live = [tag for tag in ("<script", "<img", "<iframe") if tag in md]
        case(8, "live HTML in the Markdown output", done.code == 0 and not live, f"{done}; live {live}")
    finally:
        home.close()


# ------------------------------------------------------------------ 9. jieba's cache
def probe_jieba() -> None:
    home = Home()
    try:
        shared = home.root / "shared-tmp"
        shared.mkdir()
        code = textwrap.dedent(f"""
            import marshal, tempfile
            tempfile.tempdir = {str(shared)!r}
            with open({str(shared / 'jieba.cache')!r}, "wb") as f:
                marshal.dump(({{"植入的词": 99999}}, 99999), f)
            from gkassist.corpus import segmentation
            jieba = segmentation._import_jieba()
            freq, total = segmentation._full_dictionary(jieba)
            print("PLANTED" if "植入的词" in freq else "CLEAN", len(freq))
        """)
        done = home.python(code)
        copied = [str(p.relative_to(home.root)) for p in (home.root / "cache").rglob("*") if p.is_file()]
        case(9, "a jieba cache planted in the shared temporary folder", "CLEAN" in done.out, f"{done.out.strip() or done}; cache {copied}")
    finally:
        home.close()


# ------------------------------------------------------------------ 10. a full disk and .history
def probe_history() -> None:
    home = Home()
    try:
        draft = a_draft(home)
        code = textwrap.dedent(f"""
            import errno, io, json
            from pathlib import Path
            from gkassist.dialogue import session
            real_open = io.open
            class Full:
                def __init__(self, f): self.f = f
                def write(self, data):
                    self.f.write(data[: len(data) // 2])
                    self.f.flush()
                    raise OSError(errno.ENOSPC, "No space left on device")
                def __getattr__(self, name): return getattr(self.f, name)
                def __enter__(self): return self
                def __exit__(self, *exc): self.f.close()
            def full_open(file, mode="r", *args, **kw):
                f = real_open(file, mode, *args, **kw)
                return Full(f) if "w" in mode else f
            io.open = full_open
            path = Path({str(draft)!r})
            try:
                session.keep_version(path)
            except Exception as e:
                print("RAISED", type(e).__name__)
            io.open = real_open
            size = path.stat().st_size
            copies = sorted(session.history_dir(path).glob("*.json"))
            print(json.dumps([c.stat().st_size for c in copies]), size)
        """)
        done = home.python(code)
        try:
            sizes, whole = done.out.strip().rsplit(" ", 1)
            truncated = [s for s in json.loads(sizes) if s != int(whole)]
        except ValueError:
            truncated = ["?"]
        case(10, "a full disk while keeping a version in .history", not truncated, f"{done.out.strip() or done}; truncated {truncated}")
    finally:
        home.close()


# ================================================================== issue #30: faults, round three
CONTROL = "".join(chr(c) for c in [*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)]) + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def raw_controls(text: str) -> list[str]:
    return sorted({hex(ord(c)) for c in text if c in CONTROL and c not in "\r"})


def unchanged(path: Path, before: bytes) -> str:
    return "unchanged" if path.read_bytes() == before else "REPLACED"


def r3_outputs() -> None:
    home = Home()
    try:
        report = home.root / "r.txt"
        shutil.copy(SEED, report)
        before = report.read_bytes()
        answers = home.root / "answers.txt"
        answers.write_text("没有\n", encoding="utf-8")
        link, hard = home.root / "link.txt", home.root / "hard.txt"
        link.symlink_to(report)
        os.link(report, hard)
        def afresh() -> None:
            """r.txt as it was and hard.txt its hard link again, whatever the case before did (an atomic write
            replaces a hard link by a file of its own)."""
            report.write_bytes(before)
            hard.unlink()
            os.link(report, hard)

        for name, out in (("the same path", report), ("a symlink to it", link), ("a hard link to it", hard)):
            afresh()
            done = home.cli("draft", "--from", report, "--year", 2021, "--answers", answers, "-o", out)
            case(1, f"draft --from r.txt … -o {name}", done.refused() and "这就是读入的文件" in done.err and report.read_bytes() == before,
                 f"{done}; {unchanged(report, before)}")
            afresh()
            done = home.cli("render", report, "-o", out)
            case(1, f"render r.txt -o {name}", done.refused() and report.read_bytes() == before, f"{done}; {unchanged(report, before)}")
        old = home.root / "OLD"
        old.mkdir()
        shutil.copy(ROOT / "samples" / "2023_shiqiaozhen.json", old / "2024.json")
        kept = (old / "2024.json").read_bytes()
        done = home.cli("audit", SAMPLE, "--last-year", old, "-o", old / "2024.json", "--workers", 1, timeout=60)
        case(1, "audit NEW --last-year OLD -o OLD/2024.json", done.refused() and (old / "2024.json").read_bytes() == kept,
             f"{done}; {unchanged(old / '2024.json', kept)}")
        other = home.root / "elsewhere.json"
        os.link(old / "2024.json", other)
        done = home.cli("audit", SAMPLE, "--last-year", old, "-o", other, "--workers", 1, timeout=60)
        case(1, "audit … -o a hard link to a report of --last-year", done.refused() and other.read_bytes() == kept, done)
        new = home.root / "NEW"
        new.mkdir()
        shutil.copy(SAMPLE, new)
        for suffix in (".html", ".xlsx", ".json"):
            out = new / f"审核{suffix}"
            done = home.cli("audit", new, "-o", out, "--workers", 1, timeout=60)
            case(1, f"audit NEW -o NEW/审核{suffix} (into the folder it reads)", done.refused() and not out.exists(), done)
        units = home.root / "units.json"
        units.write_text("石桥镇\n", encoding="utf-8")
        done = home.cli("audit", SAMPLE, "--units", units, "-o", units, "--workers", 1, timeout=60)
        case(1, "audit --units u.json -o u.json", done.refused() and units.read_text(encoding="utf-8") == "石桥镇\n", done)
    finally:
        home.close()


def r3_huge_numbers() -> None:
    home = Home()
    try:
        data = json.loads(SAMPLE.read_text(encoding="utf-8"))
        for value, where in ((10**400, ("t3", "new", "natural")), (-10**400, ("t4", "cases", "review.upheld")),
                             (10**4000, ("t2", "fees", "fee_amount"))):
            table, row, col = where
            changed = json.loads(json.dumps(data))
            changed["tables"][table][row][col] = value
            big = home.root / "big.json"
            big.write_text(json.dumps(changed), encoding="utf-8")
            answers = home.root / "answers.txt"
            answers.write_text("没有\n", encoding="utf-8")
            for argv in (["check", big], ["render", big, "-o", home.root / "r.docx"], ["draft", "--from", big, "--answers", answers]):
                done = home.cli(*argv)
                case(2, f"{argv[0]} of a report JSON with {'-' if value < 0 else ''}10**{len(str(abs(value))) - 1} in {table}/{row}",
                     done.refused() and "数值太大" in done.err, done)
    finally:
        home.close()
    home = Home()
    try:
        good = a_draft(home)
        draft = json.loads(good.read_text(encoding="utf-8"))
        draft["report"]["tables"]["t3"]["new"]["natural"] = 10**400
        bad = home.drafts / "2030_大数.json"
        bad.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
        os.utime(bad, (time.time() + 10,) * 2)
        listed = home.cli("drafts")
        case(2, "gkassist drafts with a 10**400 draft in the folder", listed.code == 0 and good.name in listed.out, listed)
        answers = home.root / "answers.txt"
        answers.write_text("没有\n", encoding="utf-8")
        other = home.cli("draft", "--year", 2021, "--answers", answers)
        case(2, "opening another, healthy draft beside it", other.code == 0 and "意外" not in other.err, other)
        bare = home.cli("draft", "--answers", answers)
        damaged = list((home.drafts / ".damaged").glob("2030_大数*")) if (home.drafts / ".damaged").is_dir() else []
        case(2, "a bare gkassist: the 10**400 draft set aside to .damaged", bare.code == 0 and damaged and not bad.exists(),
             f"{bare}; damaged {[p.name for p in damaged]}")
    finally:
        home.close()


def r3_audit_controls() -> None:
    for what in ("agency", "file name"):
        home = Home()
        try:
            folder = home.root / "reports"
            folder.mkdir()
            data = json.loads(SAMPLE.read_text(encoding="utf-8"))
            for i, c in enumerate(["\x00", "\x07", "\x1b[2J", "\x1f", "\u202e", "\x9b"]):
                agency = f"石桥{c}镇{i}" if what == "agency" else f"石桥镇{i}"
                name = f"r{i}{c if what == 'file name' and c != chr(0) else ''}.json"
                (folder / name).write_text(json.dumps(dict(data, agency=agency), ensure_ascii=False), encoding="utf-8")
            xlsx, html = home.root / "审核.xlsx", home.root / "审核.html"
            done = home.cli("audit", folder, "-o", xlsx, "-o", html, "--workers", 1, timeout=60)
            case(3, f"audit with control characters in the {what}s: .xlsx and .html written",
                 xlsx.exists() and html.exists() and "意外" not in done.err, f"{done}; xlsx {xlsx.exists()}, html {html.exists()}")
        finally:
            home.close()


def r3_transcript_and_polish() -> None:
    home = Home()
    try:
        for escape in ("\x1b[2J", "\x9b31m", "\u202e", "\x1b]0;x\x07"):
            data = json.loads((ROOT / "samples" / "2020_guojiazhen_seed.json").read_text(encoding="utf-8"))
            data["agency"] = data["agency"].replace("郭家镇", f"郭家{escape}镇")
            last = home.root / "last.json"
            last.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            answers = home.root / "answers.txt"
            answers.write_text("没有\n", encoding="utf-8")
            done = home.cli("draft", "--from", last, "--year", 2021, "--answers", answers)
            raw = raw_controls(done.out + done.err)
            case(4, f"the headless transcript of an agency with {escape!r}", done.code == 0 and not raw, f"exit {done.code}; raw {raw}")
            shutil.rmtree(home.root / "data", ignore_errors=True)
    finally:
        home.close()
    from gkassist import llm
    from gkassist.core.model import load_report
    from gkassist.dialogue import polish

    report, accepted = load_report(SAMPLE), []
    settings = llm.LLMSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="m", timeout_seconds=1.0)
    real = llm.ask_model
    try:
        for escape in ("\x1b[2J", "\x9b", "\u202e", "\x1b]0;x\x07", "\x07", "\x1b[31m红\x1b[0m"):
            llm.ask_model = lambda *a, e=escape: f"全年主动公开政府信息120条，{e}切实回应群众关切。"
            if polish.polish("全年主动公开政府信息120条，及时回应群众关切。", "", "主动公开", report, None, "overview", settings).accepted:
                accepted.append(escape)
    finally:
        llm.ask_model = real
    case(4, "polish replies holding escape sequences (6 kinds)", not accepted, f"accepted: {accepted!r}")


def r3_markdown() -> None:
    from markdown_it import MarkdownIt

    from gkassist.core.model import load_report
    from gkassist.output import render_text

    live = []
    for text in ("[x](javascript:alert(1))", "![i](javascript:alert(1))", "![](http://x.invalid/a.png)", "[a][1]\n\n[1]: javascript:x",
                 "http://x.invalid/p", "www.x.invalid", "<http://x.invalid>", "[![i](http://x.invalid/i.png)](http://x.invalid)"):
        report = load_report(SAMPLE)
        report.sections["overview"][0] += text
        report.agency += text.splitlines()[0]
        page = MarkdownIt("gfm-like").render(render_text(report, ".md"))
        if "<a " in page or "<img" in page:
            live.append(text)
    case(5, "links and images in report text live in the Markdown (8 forms, GFM-like renderer)", not live, f"live: {live}")


def r3_polish_words() -> None:
    from gkassist import llm
    from gkassist.core.model import load_report
    from gkassist.dialogue import polish

    report = load_report(SAMPLE)
    settings = llm.LLMSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="m", timeout_seconds=1.0)
    real = llm.ask_model
    forms = [("100", "逾百"), ("100", "百余"), ("7", "七八"), ("120", "廿"), ("120", "翻了一番，达"), ("120", "成倍增长至"),
             ("120", "双倍即"), ("120", "两倍"), ("10", "十余"), ("100", "近百"), ("70", "七八十"), ("20", "二十多"), ("100", "超过一百")]
    accepted = []
    try:
        for exact, words in forms:
            llm.ask_model = lambda *a, w=words: f"全年主动公开政府信息{w}条，及时回应群众关切。"
            if polish.polish(f"全年主动公开政府信息{exact}条，及时回应群众关切。", "", "主动公开", report, None, "overview",
                             settings).accepted:
                accepted.append(f"{exact}→{words}")
    finally:
        llm.ask_model = real
    case(6, f"rewordings stating a figure in words beside the clerk's plain figure ({len(forms)} kinds)", not accepted,
         f"accepted: {accepted}")


TUI_HEADER = """
import asyncio, sys
from gkassist.dialogue import Engine
from gkassist.importer import import_file
from gkassist.tui.app import DraftApp
from gkassist import corpus
corpus.warm_up = lambda: None
report = import_file(sys.argv[1]).report
report.agency = report.agency.replace("郭家镇", "郭家\\x1b[31m\\x9b7m镇\\u202e")
app = DraftApp(Engine.start(report, 2021))
async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = str(app.query_one("#title").render())
        print("RAW" if any(c in title for c in "\x1b\x9b\u202e") else "CLEAN", title.encode("unicode_escape").decode()[:80])
asyncio.run(main())
"""


def r3_tui_header() -> None:
    home = Home()
    try:
        done = run([sys.executable, "-c", TUI_HEADER, str(SEED)], home.env, 60)
        shown = done.out.strip()
        case(7, "the TUI header of an agency holding SGR / C1 / U+202E", shown.startswith("CLEAN"), shown[:100] or done)
    finally:
        home.close()


def r3_html() -> None:
    home = Home()
    try:
        body = "".join(f"<p>{line}</p>" for line in SEED.read_text(encoding="utf-8").splitlines())
        pages = {"4.9 million <td>": "<table><tr>" + "<td>" * 4_900_000 + "</table>",
                 "2 million cells": "<table>" + "<tr><td>1<td>2" * 1_000_000 + "</table>",
                 "250-deep divs": "<div>" * 250 + "x" + "</div>" * 250,
                 "80-deep divs around 4 MB of text": "<div>" * 80 + "字" * 4_000_000 + "</div>" * 80}
        for name, inside in pages.items():
            page = home.root / "page.html"
            page.write_text(f"<html><body>{body}{inside}</body></html>", encoding="utf-8")
            done = home.cli("check", page, timeout=60, memory=1024**3)
            case(8, f"check of a page of {name} (1 GB cap)", done.refused(within=10), done)
    finally:
        home.close()


def r3_docx() -> None:
    home = Home()
    try:
        path = home.root / "lie.docx"
        for method, size in (("deflate", 1900 << 20), ("bzip2", 50 << 20), ("lzma", 48 << 20)):
            path.write_bytes(lying_docx(method, size))
            for argv in (["import", path], ["check", path], ["corpus", "add", path]):
                done = home.cli(*argv, timeout=60, memory=1024**3)
                case(9, f"{' '.join(map(str, argv[:-1]))} of a {path.stat().st_size // 1024} KB .docx ({method}) "
                        f"inflating to {size >> 20} MB, headers declaring 20 KB (1 GB cap)",
                     done.refused(within=10) and "内存不够" not in done.err, done)
    finally:
        home.close()


WINDOWS = """
import os, time, json
from gkassist.core import limits, processes
from gkassist.core.errors import InputError
from gkassist.dialogue.session import DraftLock
calls, real_kill = [], os.kill
os.kill = lambda *a: calls.append(a)
class Kernel:
    def OpenProcess(self, access, inherit, pid): return 1000 + pid if pid == 4242 else 0
    def GetExitCodeProcess(self, handle, code): code._obj.value = 259; return 1
    def CloseHandle(self, handle): return 1
processes.WINDOWS = True
processes._kernel32 = lambda: Kernel()
processes._last_error = lambda: 87
out = {"alive": processes.process_alive(4242), "gone": processes.process_alive(4243)}
lock = os.path.join(os.environ["HOME"], "d.lock")
open(lock, "w").write("4242")
try:
    DraftLock(__import__("pathlib").Path(lock).with_suffix(".json")).acquire()
    out["lock"] = "taken over"
except InputError as e:
    out["lock"] = "refused"
out["signals"] = len(calls)
os.kill = real_kill  # the parent ends a spawned child that outlives its seconds
limits.FORK_WITH_LIMITS = False
os.fork = None
started = time.monotonic()
try:
    limits.run_bounded("x", time.sleep, 60, seconds=1)
except InputError as e:
    out["sleep"] = [str(e)[:20], round(time.monotonic() - started, 1)]
try:
    limits.run_bounded("x", os.abort)
except InputError as e:
    out["abort"] = str(e)[:14]
out["sum"] = limits.run_bounded("x", sum, [1, 2, 3])
print(json.dumps(out, ensure_ascii=False))
"""


def r3_windows() -> None:
    home = Home()
    try:
        done = home.python(WINDOWS, timeout=60)
        try:
            out = json.loads(done.out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            case(10, "the Windows branches selected on Linux", False, done)
            return
        case(10, "Windows liveness: a live holder is alive, a gone one not, and no os.kill is called",
             out["alive"] and not out["gone"] and out["signals"] == 0, out)
        case(10, "Windows: the draft lock of a live holder is refused without signalling it", out["lock"] == "refused", out)
        case(10, "Windows (no fork): a step past its seconds is ended in time, a crash is a message, a result comes back",
             out.get("sleep", [None, 99])[1] < 4 and "abort" in out and out["sum"] == 6, out)
    finally:
        home.close()


def r3_minor() -> None:
    home = Home()
    try:
        urls = home.root / "urls.txt"
        urls.write_bytes(b"http://a.gov.cn/1.html\nhttps://b.gov.cn/\xe9\xff.html\nhttps://c.gov.cn/\x00x\n")
        done = home.cli("audit", "--urls", urls, "--json")
        case("minor", "a --urls list with a non-UTF-8 line", done.refused() and "第2行" in done.err and "瑨" not in done.err, done)
        urls.write_text("http://\n", encoding="utf-8")
        done = home.cli("audit", "--urls", urls, "--json")
        units = _audit_units(done) or []
        said = " ".join(u["error"] for u in units)
        case("minor", "an http:// line is not reported as a redirect", units and "跳转" not in said and "不完整" in said,
             said[:100] or done)
        files = [ROOT / "samples" / n for n in ("2024_shiqiaozhen.json", "2024_hexizhen.json", "2024_baishuixiang.json")]
        adds = [subprocess.Popen([sys.executable, "-m", "gkassist.cli", "corpus", "add", *(files if i % 2 else files[::-1])],
                                 env=home.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(3)]
        said = []
        for add in adds:
            out, err = add.communicate(timeout=180)
            said.append((add.returncode, (out + err).count("constraint"), "意外" in err))
        case("minor", "three concurrent corpus add", all(code == 0 and not c and not bug for code, c, bug in said), said)
    finally:
        home.close()


ROUND_THREE = {1: r3_outputs, 2: r3_huge_numbers, 3: r3_audit_controls, 4: r3_transcript_and_polish, 5: r3_markdown,
               6: r3_polish_words, 7: r3_tui_header, 8: r3_html, 9: r3_docx, 10: r3_windows, "minor": r3_minor}


ROUND_TWO = {1: probe_locks, 2: probe_bounds, 3: probe_formulas, 4: probe_llm, 5: probe_tracebacks, 6: probe_special_inputs,
             7: probe_outputs, 8: probe_escapes, 9: probe_jieba, 10: probe_history}


def main() -> None:
    args = sys.argv[1:]
    probes = ROUND_THREE
    if args[:1] == ["--round"]:
        probes = {"2": ROUND_TWO, "3": ROUND_THREE}[args[1]]
        args = args[2:]
    chosen = [a if a == "minor" else int(a) for a in args] or list(probes)
    started = time.monotonic()
    for item in chosen:
        print(f"item {item}:", flush=True)
        try:
            probes[item]()
        except Exception as e:  # noqa: BLE001 — a probe that cannot run is a line, the others still run
            case(item, "the probe itself", False, f"{type(e).__name__}: {e}")
    print("\nsummary (broken / cases):")
    broken = cases = 0
    for item in chosen:
        results = RESULTS.get(item, [])
        bad = sum(not ok for _, ok, _ in results)
        broken, cases = broken + bad, cases + len(results)
        print(f"  item {item!s:>5}: {bad:2} broken / {len(results):2} — {'ok' if not bad else 'BROKEN'}")
    print(f"  all    : {broken} broken / {cases} cases ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
