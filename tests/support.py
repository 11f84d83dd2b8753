"""Where the tests' data lives, importable by any test module (`from support import SEED`)."""

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
EXPECTED = TESTS / "expected"
PUBLISHED = TESTS / "published"
OWN_ANSWERS = TESTS / "answers"
OWN_PROSE = TESTS / "prose"
SEED = SAMPLES / "000_7a4690d65c5df8d4.txt"


# Set by conftest.py when the run leaves the slow tests out (`pytest -m "not slow"`, the inner loop).
INNER_LOOP = False


def examples(n: int) -> int:
    """How many examples a fuzz test tries: n in the whole suite (CI), a sixth of them (at least 8) in the inner loop,
    where a fuzz test is a smoke test of its property and the whole suite does the searching."""
    return max(8, n // 6) if INNER_LOOP else n


def needs_shared():
    return pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")


async def until(pilot, condition, what="the app's state", turns=500):
    """Wait on the app's state, not on time: let the event loop turn until `condition()` holds (a worker, the command
    palette's search), failing with `what` if it never does."""
    for _ in range(turns):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"never reached: {what}")


async def settle(pilot):
    """Wait on the app's state, not on time: every message queued for the app and the screen's widgets handled (what
    handling them queued too), every worker the app started finished, and the screen brought up to date.  Pilot's
    pause() waits instead until the process seems idle, at least 20 ms and up to a second when any thread is busy."""
    from textual.worker import WorkerCancelled

    app = pilot.app
    for _ in range(4):
        await pilot._wait_for_screen()
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # the app cancelled it as it closes (an opener that failed): nothing left to wait on
            return
    app.screen._on_timer_update()
    await pilot._wait_for_screen()


def palette_ready(app, text=""):
    """The command palette is open and its list shows matches (the first holding each word of `text`, when given): what
    a clerk waits for before Enter."""
    from textual.command import CommandPalette

    def ready():
        if not isinstance(app.screen, CommandPalette):
            return False
        options = app.screen.query("CommandList")
        if not options or options.first().option_count == 0:
            return False
        first = str(options.first().get_option_at_index(0).prompt)
        return all(word in first for word in text.split())
    return ready
