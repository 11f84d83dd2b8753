"""Start-up as a clerk meets it, measured from outside, each figure against its baseline in the same run:
- the TUI: process start → Chinese on a tmux screen (80×24), against a bare Textual app (Header, Static,
  Footer) started the same way; and its memory once idle;
- `gkassist suggest`, warm (caches built), end to end, against `import jieba; jieba.initialize()`.
Needs tmux (Debian package).  Prints figures; asserts nothing."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHINESE = re.compile(r"[\u4e00-\u9fff]{4}")
BARE = """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Bare(App):
    def compose(self):
        yield Header()
        yield Static("政府信息公开工作年度报告")
        yield Footer()
Bare().run()
"""


def time_to_chinese(command: str, env: dict) -> tuple[float, int]:
    """Seconds from starting `command` in a fresh 80×24 tmux session to Chinese text on its screen, and the
    resident memory (kB) of the process one second later."""
    session = f"bench{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    started = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-e", f"XDG_DATA_HOME={env['XDG_DATA_HOME']}",
                    "-e", f"XDG_CACHE_HOME={env['XDG_CACHE_HOME']}", command], check=True)
    elapsed = None
    while time.perf_counter() - started < 20:
        screen = subprocess.run(["tmux", "capture-pane", "-t", session, "-p"], capture_output=True, text=True).stdout
        if CHINESE.search(screen):
            elapsed = time.perf_counter() - started
            break
        time.sleep(0.003)
    time.sleep(1.0)
    pid = subprocess.run(["tmux", "display-message", "-t", session, "-p", "#{pane_pid}"], capture_output=True, text=True).stdout.strip()
    rss = 0
    try:
        rss = max(int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{p}/status").read_text()).group(1))
                  for p in [pid] + Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
    except (OSError, AttributeError, ValueError):
        pass
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return elapsed or float("nan"), rss


def timed(args: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(args, capture_output=True, env=env, check=True)
    return time.perf_counter() - started


def main() -> None:
    if not shutil.which("tmux"):
        sys.exit("bench_start needs tmux (apt-get install tmux)")
    home = Path(tempfile.mkdtemp())
    env = {**os.environ, "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache")}
    bare_file = home / "bare.py"
    bare_file.write_text(BARE, encoding="utf-8")
    seed = ROOT / "samples" / "000_7a4690d65c5df8d4.txt"
    app = f"{BIN / 'gkassist'} draft --from {seed} --year 2021"
    subprocess.run([str(BIN / "gkassist"), "suggest", "公开惠农补贴信息"], capture_output=True, env=env)  # build caches
    time_to_chinese(app, env)  # the first start builds the index in its worker
    ours, bare, memory = [], [], []
    for _ in range(5):
        t, rss = time_to_chinese(app, env)
        ours.append(t)
        memory.append(rss)
        shutil.rmtree(home / "data", ignore_errors=True)  # each start a new draft, not a resumed one
        bare.append(time_to_chinese(f"{sys.executable} {bare_file}", env)[0])
    o, b = statistics.median(ours), statistics.median(bare)
    print(f"TUI, process start → Chinese on the tmux screen: gkassist {o * 1000:.0f} ms, bare Textual app {b * 1000:.0f} ms, "
          f"ratio {o / b:.2f} (target ≤ 1.2); idle memory {statistics.median(memory) / 1024:.0f} MB (target ≤ 120 MB)")
    suggest = [timed([str(BIN / "gkassist"), "suggest", "公开惠农补贴信息"], env) for _ in range(5)]
    plain = [timed([sys.executable, "-c", "import logging, jieba; jieba.setLogLevel(logging.ERROR); jieba.initialize()"], env)
             for _ in range(5)]
    s, j = statistics.median(suggest), statistics.median(plain)
    print(f"`gkassist suggest` warm, end to end: {s * 1000:.0f} ms; `import jieba; jieba.initialize()` {j * 1000:.0f} ms; "
          f"ratio {s / j:.2f} (target ≤ 0.35)")
    shutil.rmtree(home)


if __name__ == "__main__":
    main()
