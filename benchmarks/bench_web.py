"""`gkassist web` at 200 logged-in clerks: memory per clerk and the server-side time of an answer.

Each clerk logs in, starts a draft from last year's report (uploaded) and answers the tables and one part of 一
(answers sent as the browser sends them, through the whole ASGI application).  Printed against baselines
measured in the same run: the memory of 200 bare engines holding the same drafts (what the conversation itself
costs, without the web), and the server-side time of the cheapest request (a static file) and of the same answer
given to a bare engine.  Goals (issue #29): ≤ 1 MB per clerk, p95 ≤ 50 ms per answer.

    python benchmarks/bench_web.py [clerks]

Each side is measured in a process of its own (resident memory before and after the clerks, on Linux).
"""

from __future__ import annotations

import gc
import os
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp())
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp())

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from gkassist.dialogue import Engine  # noqa: E402
from gkassist.importer import import_file  # noqa: E402
from gkassist.web.accounts import Accounts  # noqa: E402
from gkassist.web.app import create_app  # noqa: E402

SEED = ROOT / "samples" / "000_7a4690d65c5df8d4.txt"
ANSWERS = ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对", "公开信息86条", "对"]
MORE = ["均按期答复", "对", "逐条审查", "对"]  # answered once all are logged in, timed
PASSWORD = "bench-password"


class Timed:
    """ASGI middleware: how long the server takes for each request, by path kind (the client's time left out)."""

    def __init__(self, app):
        self.app, self.times = app, {}

    async def __call__(self, scope, receive, send):
        start = time.perf_counter()
        await self.app(scope, receive, send)
        if scope["type"] == "http":
            kind = "answer" if scope["path"].endswith("/answer") else "static" if scope["path"].startswith("/static/") else "other"
            self.times.setdefault(kind, []).append(time.perf_counter() - start)


def rss() -> int:
    """The process's resident memory (Linux); tracemalloc elsewhere (slower: it traces every allocation)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        if not tracemalloc.is_tracing():
            tracemalloc.start()
        return tracemalloc.get_traced_memory()[0]


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html)[1]


def web_clerks(n: int, data: Path) -> tuple[float, Timed]:
    accounts = Accounts(data)
    for i in range(n):
        accounts.add(f"clerk{i}", PASSWORD, f"测试县第{i}镇人民政府")
    timed = Timed(create_app(data))
    client = TestClient(timed, base_url="http://testserver")
    warm = TestClient(timed, base_url="http://testserver")  # jieba and the phrasing index loaded before measuring
    _one_clerk(warm, "clerk0")
    gc.collect()
    before = rss()
    timed.times.clear()
    clients = []
    for i in range(1, n):
        c = TestClient(timed, base_url="http://testserver")
        c.cookies = client.cookies.__class__()
        _one_clerk(c, f"clerk{i}")
        clients.append((c, url_of(c)))  # each clerk stays logged in
    gc.collect()
    used = rss() - before
    timed.times.clear()
    for a in MORE:
        for c, url in clients:
            page = c.get(url)
            c.post(url + "/answer", data={"csrf": csrf(page.text), "answer": a}, follow_redirects=False)
            c.get("/static/app.css")
    return used / (n - 1), timed


def url_of(c: TestClient) -> str:
    return re.search(r'href="(/d/[^"]+)"', c.get("/drafts").text)[1]


def _one_clerk(c: TestClient, name: str) -> None:
    page = c.get("/login")
    page = c.post("/login", data={"csrf": csrf(page.text), "name": name, "password": PASSWORD})
    with open(SEED, "rb") as f:
        page = c.post("/drafts/new", data={"csrf": csrf(page.text), "year": "2021"}, files={"lastyear": ("去年.txt", f)})
    url = str(page.url).split("#")[0]
    for a in ANSWERS:
        page = c.post(url + "/answer", data={"csrf": csrf(page.text), "answer": a})


def bare_engines(n: int) -> tuple[float, list[float]]:
    last = import_file(SEED).report
    warm = Engine.start(last, 2021, "测试县第0镇人民政府", folder=Path(tempfile.mkdtemp()))
    for a in ANSWERS:
        warm.answer(a)
    gc.collect()
    before = rss()
    engines, times = [], []
    for i in range(1, n):
        engine = Engine.start(import_file(SEED).report, 2021, f"测试县第{i}镇人民政府", folder=Path(tempfile.mkdtemp()))
        for a in ANSWERS:
            engine.answer(a)
        engines.append(engine)
    gc.collect()
    used = rss() - before
    for a in MORE:
        for engine in engines:
            start = time.perf_counter()
            engine.answer(a)
            times.append(time.perf_counter() - start)
    return used / (n - 1), times


def phase(name: str, n: int) -> dict:
    """One measurement in a process of its own: memory freed by the other would otherwise be reused unseen."""
    import json
    import subprocess

    out = subprocess.run([sys.executable, __file__, "--phase", name, str(n)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_phase(name: str, n: int) -> None:
    import json

    if name == "engine":
        per, times = bare_engines(n)
        print(json.dumps({"per": per, "answer": times}))
    else:
        per, timed = web_clerks(n, Path(tempfile.mkdtemp()) / "web")
        print(json.dumps({"per": per, **timed.times}))


def main() -> None:
    if sys.argv[1:2] == ["--phase"]:
        return run_phase(sys.argv[2], int(sys.argv[3]))
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    bare, web = phase("engine", n), phase("web", n)
    per_engine, engine_times = bare["per"], bare["answer"]
    per_clerk, answers, static, pages = web["per"], web["answer"], web["static"], web["other"]
    mb = 1024 * 1024
    print(f"{n}个文书同时登录，各写一份草稿（内存：{len(ANSWERS)}个回答之后；时间：之后每人再答{len(MORE)}个）")
    print(f"内存：每个文书 {per_clerk / mb:.2f} MB（目标 ≤ 1 MB：{per_clerk / mb:.2f}倍）；"
          f"同一次运行中不经网页的引擎每份 {per_engine / mb:.2f} MB，网页版是它的 {per_clerk / per_engine:.2f} 倍")
    print(f"回答（服务器内）：中位数 {statistics.median(answers) * 1000:.1f} ms，p95 {p95(answers) * 1000:.1f} ms"
          f"（目标 ≤ 50 ms：{p95(answers) * 1000 / 50:.2f}倍）")
    print(f"打开对话页（服务器内）：中位数 {statistics.median(pages) * 1000:.1f} ms，p95 {p95(pages) * 1000:.1f} ms")
    print(f"  同一次运行中：取静态文件 p95 {p95(static) * 1000:.2f} ms（回答是它的 {p95(answers) / p95(static):.1f} 倍）；"
          f"引擎直接回答 p95 {p95(engine_times) * 1000:.1f} ms（网页版是它的 {p95(answers) / p95(engine_times):.2f} 倍）")


if __name__ == "__main__":
    main()
