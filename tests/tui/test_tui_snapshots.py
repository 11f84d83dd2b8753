"""SVG snapshots of the main screens at 80×24 (pytest-textual-snapshot).

After an intended change of the screens, look at them and accept with
`python -m pytest tests/tui/test_tui_snapshots.py --snapshot-update`; the SVGs live in tests/tui/__snapshots__/.
"""

import pytest

from gkassist.dialogue import Engine
from gkassist.importer import import_file
from gkassist.tui.app import DraftApp
from support import SEED, palette_ready, until


def seed_app() -> DraftApp:
    # no notice: it would name the seed's absolute path, which differs between clones
    return DraftApp(Engine.start(import_file(SEED).report, 2021))


async def still(pilot):
    # a blinking cursor is caught on or off at random: the screenshots would differ run to run
    pilot.app.query_one("#answer").cursor_blink = False
    await pilot.pause()


async def answer(pilot, *texts):
    await still(pilot)
    for text in texts:
        pilot.app.query_one("#answer").value = text
        await pilot.press("enter")
        await pilot.pause()


def test_first_screen(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=still)


def test_table_answer_shown_cell_by_cell(snap_compare):
    async def run_before(pilot):
        await answer(pilot, "自然人申请3件，企业1件；自然人予以公开2件，本机关不掌握1件，企业部分公开1件")

    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.slow
def test_problems_proposed_from_the_figures(snap_compare):
    async def run_before(pilot):
        await answer(pilot, "没有", "对", "行政复议1件，结果纠正", "对")
        await pilot.press("ctrl+p")
        await pilot.press(*"改五问题")
        await until(pilot, palette_ready(pilot.app, "改五、问题"), "the palette lists 五")
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, "去年提出的公开形式单一问题，今年开通了微信公众号")

    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=run_before)


def test_help_screen(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(80, 24), press=["f1"], run_before=still)


@pytest.mark.slow
def test_preview_screen(snap_compare):
    async def run_before(pilot):
        await answer(pilot, "自然人申请2件，予以公开2件", "对")

    assert snap_compare(seed_app(), terminal_size=(80, 24), press=["f2"], run_before=run_before)
