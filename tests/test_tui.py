"""The real app driven with Pilot: start from last year, answer a table in one sentence, export, quit, resume."""
import pytest

from gkassist.dialogue import Engine
from gkassist.importer import import_file
from gkassist.tui.app import DraftApp, Message, make_engine

from conftest import SEED


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def messages(app):
    return [str(m.render()) for m in app.query(Message)]


async def type_answer(pilot, text):
    pilot.app.query_one("#answer").value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_draft_from_last_year_export_and_resume(tmp_path):
    engine, notice = make_engine(str(SEED), 2021)
    app = DraftApp(engine, notice, export_dir=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = "\n".join(messages(app))
        assert "已导入去年的报告" in shown and "去年：新收申请0件" in shown
        await type_answer(pilot, "自然人申请3件，予以公开2件，本机关不掌握1件")
        shown = "\n".join(messages(app))
        assert "表三 · 一、本年新收政府信息公开申请数量 · 自然人：3" in shown
        await type_answer(pilot, "对")
        assert app.engine.report.number("t3", "results_total", "total") == 3
        assert "已保存。" in messages(app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        exported = list(tmp_path.glob("*.docx"))
        assert [p.name for p in exported] == ["德惠市郭家镇人民政府2021年政府信息公开工作年度报告.docx"]
        await pilot.press("ctrl+q")
    again, notice = make_engine(None, None)
    assert "接着上次的草稿继续" in notice and again.step["id"] == "appeals"


async def test_bad_answer_keeps_the_app_and_the_draft():
    engine = Engine.start(import_file(SEED).report, 2021)
    app = DraftApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_answer(pilot, "")
        await type_answer(pilot, "asdf")
        await type_answer(pilot, "粘贴" * 4000)
        assert app.engine.step["id"] == "requests"
        assert any("请用中文回答" in m for m in messages(app))
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "TextScreen"
        await pilot.press("escape")
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "TextScreen"


def test_domain_imports_no_textual():
    import subprocess
    import sys

    code = ("import sys, gkassist.cli, gkassist.dialogue, gkassist.checks, gkassist.render, gkassist.importer, gkassist.corpus;"
            "sys.exit(1 if any(m.startswith('textual') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
