"""Time to first paint of the drafting app against a bare Textual app in the same run, and the time
from an answered narrative question (Enter) to its phrasing suggestions, index already loaded."""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp())
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp())

from textual.app import App  # noqa: E402
from textual.widgets import Input, Static  # noqa: E402

from gkassist.dialogue import Engine  # noqa: E402
from gkassist.importer import import_file  # noqa: E402
from gkassist.tui.app import DraftApp  # noqa: E402

SEED = ROOT / "samples" / "000_7a4690d65c5df8d4.txt"


class Bare(App):
    def compose(self):
        yield Static("你好")


def record_frames(app) -> list[float]:
    """The times of the app's frames: every frame goes through App._display, and one with content is a paint."""
    frames: list[float] = []
    display = app._display

    def timed_display(screen, renderable):
        if renderable is not None and app._running and not app._batch_count:
            frames.append(time.perf_counter())
        return display(screen, renderable)

    app._display = timed_display
    return frames


async def first_paint(factory) -> tuple[float, float]:
    """(first frame composed for the terminal, screen ready and idle), in seconds from constructing the app."""
    t = time.perf_counter()
    app = factory()
    frames = record_frames(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        return frames[0] - t, time.perf_counter() - t


async def main() -> None:
    last = import_file(SEED).report
    bare, ours = [], []
    for _ in range(11):
        bare.append(await first_paint(Bare))
        ours.append(await first_paint(lambda: DraftApp(Engine.start(last, 2021))))
    for i, what in ((1, "first screen painted and idle"), (0, "first frame composed")):
        b, o = statistics.median(x[i] for x in bare), statistics.median(x[i] for x in ours)
        print(f"{what}: bare Textual {b * 1000:.0f} ms, gkassist {o * 1000:.0f} ms, ratio {o / b:.2f} (target ≤ 1.5)")
    # Enter pressed on a narrative answer → the first frame that shows its suggestions; jieba, its word tags
    # and the index are loaded only by the app's own worker (nothing warmed in this thread beforehand)
    engine = Engine.start(last, 2021)
    # (表二 of a 2019-format last year needs 现行有效: “没有” alone is asked back)
    for a in ("没有", "对", "没有", "对", "规范性文件现行有效0件，其他都没有", "对"):
        engine.answer(a)
    assert engine.step.kind == "narrative", engine.step
    app = DraftApp(engine)
    frames = record_frames(app)
    said: list[float] = []
    say = app.say

    def timed_say(*replies, **kwargs):
        say(*replies, **kwargs)
        said.append(time.perf_counter())

    app.say = timed_say
    shown = []
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        for q in ("公开了财政预决算和惠民补贴", "在村务公开栏张贴低保名单", "政务公开专区新增查询栏目") * 3:
            app.engine.pending = None
            app.query_one("#answer", Input).value = q
            before = len(app.query(".suggestion"))
            t = time.perf_counter()
            await pilot.press("enter")
            await pilot.pause()
            assert len(app.query(".suggestion")) > before
            painted = [f for f in frames if f > said[-1]]  # after the replies were mounted
            shown.append((painted[0] - t) * 1000)
    print(f"Enter → first frame with the suggestions: first answer {shown[0]:.0f} ms, "
          f"median {statistics.median(shown):.0f} ms, max {max(shown):.0f} ms")
    engine.answer("公开了财政预决算和惠民补贴")  # warm
    engine.pending = None
    times = []
    for q in ("公开了财政预决算和惠民补贴", "在村务公开栏张贴低保名单", "政务公开专区新增查询栏目"):
        t = time.perf_counter()
        engine.answer(q)
        times.append((time.perf_counter() - t) * 1000)
        engine.pending = None
    print(f"answer → suggestions (engine): median {statistics.median(times):.0f} ms, max {max(times):.0f} ms")

if __name__ == "__main__":
    asyncio.run(main())
