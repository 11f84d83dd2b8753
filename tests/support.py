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


def understood(table: str, *turns: str, version: str | None = None, carried: dict[str, float] | None = None) -> dict:
    """The cells the reader takes from `turns` (a conversation about `table`, newest last) that hold more than 0, by
    (row, column); the answers must be read whole (nothing refused, asked back or not understood).  `version`: the
    format read against (the reader's default when None)."""
    from gkassist.core.formats import get_format
    from gkassist.dialogue import answers

    out = answers.parse(table, list(turns), carried, get_format(version) if version else None)
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


# 表二 asked after 表三 (4 applications) and 表四 (none), last year's 规范性文件 row unread or given by 现行有效 only
# (tests/dialogue/test_last_year_*.py)
TABLES_3_4 = ("申请今年一共4件，都是个人的，公开了3件，还有1件本机关不掌握", "对", "没有", "对")


def last_year_in_force(in_force=None):
    """The shipped 2024 sample as last year, its 规范性文件 制发/废止 unread and 现行有效 `in_force` (None: unread too,
    noted as the import's unread cells)."""
    from gkassist.core.model import ImportNotes, load_report

    last = load_report(SAMPLES / "2024_shiqiaozhen.json")
    last.set_cell("t2", "normative", "in_force", in_force)
    last.set_cell("t2", "normative", "issued", None)
    last.set_cell("t2", "normative", "repealed", None)
    if in_force is None:
        last.imported = ImportNotes(unread_cells=[("t2", "normative", c) for c in ("issued", "repealed", "in_force")])
    return last


def at_table_two(last):
    """A 2025 draft from `last`, 表三 and 表四 answered: the question open is 表二."""
    from gkassist.dialogue import Engine

    engine = Engine.start(last, 2025)
    for said in TABLES_3_4:
        engine.answer(said)
    assert engine.step.id == "proactive"
    return engine


def replies_text(replies):
    return "\n".join(r.text for r in replies)


def at_five_after_one_corrected_review(tmp_path):
    """A county department's 2025 draft at 五 after one 复议 corrected (a figures problem with a stock measure), last
    year's 五 naming one problem (政务新媒体更新不够及时)."""
    from gkassist.core import formats
    from gkassist.core.model import Report
    from gkassist.dialogue import Engine
    from gkassist.dialogue.session import Drafts

    last = Report.blank(formats.format_for_year(2024), "青岚县市场监督管理局", 2024, level="department")
    last.sections["problems"] = ["2024年，我局政府信息公开工作还存在不足：一是政务新媒体更新不够及时。下一步，我局将加强管理。"]
    engine = Engine.start(last, 2025, drafts=Drafts(tmp_path))
    engine.jump("appeals")
    engine.answer("行政复议1件，结果纠正")
    engine.answer("对")
    engine.jump("problems")
    return engine


def pending_cells(engine):
    return engine.state.pending and engine.state.pending.cells


def results(cells: dict, kind: str = "natural") -> dict:
    """表三's result rows of one kind of applicant in `understood`'s cells (not its new applications nor its total)."""
    return {r: v for (r, k), v in cells.items() if k == kind and r not in ("new", "results_total")}


def drafted(tmp_path, capsys, lines: list[str], year: int = 2021):
    """A whole conversation through `gkassist draft --answers` from the seed (last year's report, 2019 layout): the
    saved draft and the transcript."""
    from gkassist.cli import main
    from gkassist.core.model import load_report
    from gkassist.paths import drafts_dir

    answers_file = tmp_path / "answers.txt"
    answers_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    main(["draft", "--from", str(SEED), "--year", str(year), "--answers", str(answers_file)])
    out = capsys.readouterr().out
    (path,) = drafts_dir().glob("*.json")
    return load_report(path), out


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


def seed_past_tables(applications: str, year: int = 2021):
    """A draft begun from the seed (a 镇's report) with its three table questions answered — 表三 as `applications`
    says, no 复议 or 诉讼, no 规范性文件 — ready for the narrative questions."""
    from gkassist.dialogue import Engine
    from gkassist.importer import import_file

    engine = Engine.start(import_file(SEED).report, year)
    for said in (applications, "对", "没有", "对", "规范性文件制发0件，现行有效0件", "对"):
        engine.answer(said)
    return engine
