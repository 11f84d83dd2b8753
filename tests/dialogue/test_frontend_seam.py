"""What every front end needs from the engine (issue 29, item 5): drafts kept where the front end says (no global
folder), the conversation — the answer waiting for “对” and what was said — kept in the draft, the side panel and
export computed in the dialogue layer, and a draft's lock that also holds between threads of one process."""

import json
import threading

import pytest

from gkassist.core.errors import InputError
from gkassist.dialogue import Engine
from gkassist.dialogue.opening import describe_drafts, open_session
from gkassist.dialogue.session import DraftInUse, DraftLock, Drafts, draft_files, lock_draft
from gkassist.dialogue.views import side_panel
from gkassist.importer import import_file
from gkassist.paths import drafts_dir
from support import SEED


# ---------------------------------------------------------------- the data root
def test_each_front_end_keeps_drafts_where_it_says(tmp_path):
    first, second = Drafts(tmp_path / "甲单位"), Drafts(tmp_path / "乙单位")
    engine, _ = open_session(str(SEED), drafts=first)
    engine.answer("没有")
    engine.answer("对")
    assert engine.path.parent == first.folder and draft_files(first) == [engine.path]
    assert draft_files(second) == [] and not drafts_dir().exists()  # nothing in the user's folder
    other, _ = open_session(drafts=second)
    assert other.path.parent == second.folder and other.report.agency != engine.report.agency
    assert [r.path for r in describe_drafts(first)] == [engine.path] and describe_drafts(second) == []
    again, notice = open_session(drafts=first)
    assert again.path == engine.path and "接着上次的草稿继续" in notice


def test_without_a_fallback_a_folder_that_cannot_be_written_is_said_not_moved(tmp_path):
    blocked = tmp_path / "不是文件夹"
    blocked.write_text("a file where the folder should be")
    engine = Engine.start(import_file(SEED).report, 2021, drafts=Drafts(blocked))
    with pytest.raises(InputError, match="无法创建草稿文件夹"):
        engine.save()
    assert not (tmp_path / "home" / "gkassist-草稿").exists()


def test_a_unit_finds_its_last_year_only_in_its_own_drafts(tmp_path):
    from gkassist.dialogue.lastyear import find_last_year

    mine = Drafts(tmp_path / "甲")
    engine, _ = open_session(str(SEED), drafts=mine)
    engine.save()
    assert find_last_year(engine.report.agency, 2022, mine)[0].year == 2021
    assert find_last_year(engine.report.agency, 2022, Drafts(tmp_path / "乙")) is None


# ---------------------------------------------------------------- the conversation in the draft
@pytest.mark.parametrize("answers, step", [
    (["自然人申请5件，企业2件；予以公开4件，部分公开1件，本机关不掌握2件"], "requests"),  # asking back
    (["自然人申请2件，予以公开2件"], "requests"),
    (["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对", "新建公开栏2块"], "overview_proactive"),
])
def test_a_reopened_draft_goes_on_with_the_answer_waiting_for_yes(answers, step):
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in answers:
        engine.answer(answer)
    waiting = engine.pending
    again = Engine.resume(engine.path)
    assert again.step.id == step and again.pending == waiting  # as understood, not read again
    assert [said for who, said, _ in again.transcript if who == "clerk"] == answers
    if not waiting.asking:
        again.answer("对")
        engine.answer("对")
        assert again.report.tables == engine.report.tables


def test_the_preface_waiting_for_what_is_missing_survives_a_reload():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("改报告开头")
    engine.answer("党政办")
    assert engine.pending.asking and engine.pending.contact.office
    again = Engine.resume(engine.path)
    assert again.pending.contact == engine.pending.contact
    again.answer("电话0431-12345678")
    assert not again.pending.asking and "0431-12345678" in again.pending.paragraphs[0]


def test_a_draft_saved_before_the_conversation_was_kept_opens_with_its_saved_tables():
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ("自然人申请2件，予以公开2件", "对", "没有"):
        engine.answer(answer)
    data = json.loads(engine.path.read_text(encoding="utf-8"))
    del data["conversation"]
    engine.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = Engine.resume(engine.path)
    assert again.pending is None and again.step.id == "appeals" and again.report.number("t3", "open", "natural") == 2
    assert again.take_notices() == []


@pytest.mark.parametrize("conversation, said", [
    ({"version": 99, "pending": {"step": "appeals", "future": 1}}, "更新版本"),
    ({"pending": {"step": 3, "cells": "乱"}}, "读不出来"),
    ("不是对象", "读不出来"),
])
def test_a_conversation_that_cannot_be_restored_keeps_the_report(conversation, said):
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ("自然人申请2件，予以公开2件", "对", "没有"):
        engine.answer(answer)
    data = json.loads(engine.path.read_text(encoding="utf-8"))
    data["conversation"] = conversation
    engine.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = Engine.resume(engine.path)
    assert again.pending is None and again.report.number("t3", "open", "natural") == 2
    assert said in again.take_notices()[0].text


def test_waiting_answers_use_up_no_history_version():
    from gkassist.dialogue.session import history_dir

    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("自然人申请2件，予以公开2件")
    engine.answer("不对")
    engine.answer("自然人申请3件，予以公开3件")
    assert not history_dir(engine.path).exists()  # the answers saved did not change


# ---------------------------------------------------------------- the side panel
def test_the_side_panel_is_the_dialogue_layers():
    engine = Engine.start(import_file(SEED).report, 2021)
    panel = side_panel(engine)
    assert panel.title == "德惠市郭家镇人民政府 2021年度（2021年版格式）"
    assert [p.state for p in panel.progress[:3]] == ["done", "open", "todo"]
    findings = engine.findings()
    assert panel.blank == sum(f.rule == "BLANK" for f in findings) > 0
    assert panel.errors == sum(f.severity == "error" for f in findings) and panel.shown
    assert panel.shown[0].message == next(f.message for f in findings if f.severity == "error")


# ---------------------------------------------------------------- the lock between threads
def test_a_draft_open_in_one_thread_is_refused_in_another(tmp_path):
    engine = Engine.start(import_file(SEED).report, 2021, drafts=Drafts(tmp_path / "甲"))
    engine.save()
    results: list[str] = []
    start = threading.Barrier(4)

    def open_it():
        start.wait()
        try:
            lock_draft(Engine.resume(engine.path, drafts=engine.drafts))
            results.append("opened")
        except DraftInUse as e:
            results.append(str(e))

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("opened") == 1
    assert all("已经在另一个窗口里打开" in r for r in results if r != "opened")


def test_a_released_lock_is_free_for_the_next_window(tmp_path):
    path = tmp_path / "甲" / "2021_某单位.json"
    first = DraftLock(path).acquire()
    with pytest.raises(DraftInUse):
        DraftLock(path).acquire()
    first.release()
    second = DraftLock(path).acquire()
    assert second.held
    second.release()


def test_an_answer_undone_does_not_come_back_with_a_reload():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("自然人申请2件，予以公开2件")
    engine.undo()
    assert Engine.resume(engine.path).pending is None
