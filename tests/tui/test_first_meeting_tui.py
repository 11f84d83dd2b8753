"""Issue 32 in the window at 80×24, typed in Chinese key by key: last year's report asked for, undo, asking how,
and the actions by the same names in the key bar, the palette and the answer line.  Each step waits on the app's
state, never on time."""

import json

import pytest
from textual import events
from textual.keys import _character_to_key

from gkassist.dialogue import Engine
from gkassist.importer import import_file
from gkassist.tui.app import DraftApp
from gkassist.tui.widgets import ChatBubble
from support import SAMPLES, SEED, settle


def messages(app):
    return [m.text for m in app.query(ChatBubble)]


async def until(pilot, condition, tries=200):
    """Let the app work until `condition()` holds (a failing test says so instead of waiting forever)."""
    for _ in range(tries):
        if condition():
            return
        await settle(pilot)
    raise AssertionError("the app never reached the state waited for")


async def typed(pilot, text):
    """The answer typed key by key (Chinese characters as a terminal's input method sends them) and Enter."""
    app = pilot.app
    before = len(app.query(ChatBubble))
    answer = app.query_one("#answer")
    for i, ch in enumerate(text):
        # as a terminal sends them: the key with its character (Pilot.press loses “，”“？”: it cannot map their
        # key names back to the characters); the next key once the line shows this one (a pause for the app to
        # be idle waited at least 20 ms a key, and up to a second on a busy machine)
        app.post_message(events.Key(_character_to_key(ch), ch))
        for _ in range(500):  # pause(0): the app's pending messages handled, no sleep
            await pilot.pause(0)
            if answer.value == text[:i + 1]:
                break
        else:
            raise AssertionError(f"the answer line never showed {text[:i + 1]!r}: {answer.value!r}")
    await pilot.press("enter")
    # the answer went (its bubble is there) and the handler that shows the replies has run (the line is empty)
    await until(pilot, lambda: len(app.query(ChatBubble)) > before and app.query_one("#answer").value == "")


async def test_undo_with_a_pending_proposal_keeps_the_saved_table():
    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    async with app.run_test(size=(80, 24)) as pilot:
        for answer in ("没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对", "新建公开栏2块"):
            await typed(pilot, answer)
        engine = app.engine
        assert engine.pending is not None and engine.step.id == "overview_proactive"
        await pilot.press("ctrl+z")
        await until(pilot, lambda: engine.pending is None)
        assert messages(app)[-1].startswith("已撤销刚才还没确认的回答；已保存的内容没有变。")
        saved = json.loads(engine.path.read_text(encoding="utf-8"))["report"]["tables"]["t2"]
        assert saved["licensing"]["decisions"] == 5 and engine.step.id == "overview_proactive"
        await pilot.press("ctrl+z")
        await until(pilot, lambda: engine.step.id == "proactive")
        assert messages(app)[-1].startswith("已撤销对“表二 主动公开”的修改")


async def test_asking_how_to_answer_in_the_window():
    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    async with app.run_test(size=(80, 24)) as pilot:
        for question in ("怎么填？", "帮助", "这个填什么"):
            await typed(pilot, question)
            assert messages(app)[-1].startswith("现在这一题是“表三 依申请公开”")
        assert app.engine.pending is None and not any("没听明白" in m or "请用中文" in m for m in messages(app))


async def test_last_years_report_asked_for_in_the_window(tmp_path):
    data = json.loads((SAMPLES / "2024_shiqiaozhen.json").read_text(encoding="utf-8"))
    data["agency"] = "青岚县白云镇人民政府"
    path = tmp_path / "去年.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    app = DraftApp(Engine.start(None, 2025))
    async with app.run_test(size=(80, 24)) as pilot:
        await typed(pilot, "青岚县白云镇人民政府")
        await typed(pilot, "对")
        assert "去年的报告在哪里" in messages(app)[-1]
        app.query_one("#answer").value = f"'{path}'"  # dragged into the terminal: a quoted path, pasted at once
        await pilot.press("enter")
        await until(pilot, lambda: app.engine.modes.offered_last_year is not None)
        assert "用它作为去年的报告吗？" in messages(app)[-1]
        await typed(pilot, "对")
        assert app.engine.last_year.year == 2024 and app.engine.step.id == "requests"
        assert "已按去年的报告填好上年结转" in messages(app)[-1]


@pytest.mark.slow  # an export to Word and a preview besides the moves: over two seconds
async def test_actions_by_the_same_names_in_keys_palette_and_words(tmp_path):
    from textual.command import CommandPalette
    from textual.widgets import Input

    app = DraftApp(Engine.start(import_file(SEED).report, 2021), export_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await typed(pilot, "跳过")
        assert app.engine.step.id == "appeals"
        await pilot.press("ctrl+b")  # 上一题
        await until(pilot, lambda: app.engine.step.id == "requests")
        await pilot.press("ctrl+n")  # 跳过
        await until(pilot, lambda: app.engine.step.id == "appeals")
        await typed(pilot, "导出")  # blanks left: said first, the second 导出 writes
        assert "确实要现在导出.docx吗" in messages(app)[-1]
        await pilot.press("ctrl+e")
        await until(pilot, lambda: list(tmp_path.glob("*.docx")))
        await typed(pilot, "预览")
        await until(pilot, lambda: app.screen.__class__.__name__ == "TextScreen")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.__class__.__name__ != "TextScreen")
        await pilot.press("ctrl+g")  # 改表: the palette with the parts
        await until(pilot, lambda: isinstance(app.screen, CommandPalette) and app.screen.query_one(Input).value == "改")
        await pilot.press(*"表二", "enter")
        await until(pilot, lambda: app.engine.step.id == "proactive")
        await pilot.press("ctrl+d")  # 落款
        await until(pilot, lambda: app.query_one("#answer").value == "落款日期：")


async def test_the_table_as_a_grid_edited_in_place():
    from textual.widgets import DataTable

    from gkassist.tui.grid import GridScreen

    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    async with app.run_test(size=(80, 24)) as pilot:
        await typed(pilot, "自然人申请2件，予以公开2件")  # waiting for “对”: the grid starts from it
        await pilot.press("ctrl+t")
        await until(pilot, lambda: isinstance(app.screen, GridScreen))
        grid = app.screen
        assert grid.cursor == ("new", "natural")
        await pilot.press("right")  # 商业企业
        await until(pilot, lambda: grid.cursor == ("new", "business"))
        await pilot.press("1")
        await pilot.press("down", "down")  # 予以公开
        await until(pilot, lambda: grid.cursor == ("open", "business"))
        await pilot.press("1", "2", "backspace")  # a digit taken back
        table = grid.query_one(DataTable)
        assert str(table.get_cell("open", "business")).startswith("1")
        await pilot.press("up")  # 上年结转: from last year's report, not the clerk's to set
        await until(pilot, lambda: grid.cursor == ("carried", "business"))
        await pilot.press("5")
        assert ("carried", "business") not in grid.edits
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, GridScreen))
        cells = app.engine.pending.cells
        assert (cells[("t3", "new", "natural")], cells[("t3", "new", "business")], cells[("t3", "open", "business")]) == (2, 1, 1)
        await until(pilot, lambda: "商业企业 1" in messages(app)[-1])  # shown in the conversation
        await typed(pilot, "对")
        assert app.engine.report.number("t3", "new", "total") == 3 and app.engine.step.id == "appeals"
        # Esc leaves the grid and changes nothing
        await pilot.press("ctrl+t")
        await until(pilot, lambda: isinstance(app.screen, GridScreen))
        await pilot.press("3", "escape")
        await until(pilot, lambda: not isinstance(app.screen, GridScreen))
        assert app.engine.pending is None and app.engine.report.number("t3", "new", "total") == 3


async def test_a_cell_typed_in_the_direct_form_in_the_window():
    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    async with app.run_test(size=(80, 24)) as pilot:
        await typed(pilot, "表二 行政许可 12")
        assert app.engine.step.id == "proactive" and "行政许可：本年处理决定数量 12" in messages(app)[-1]
