"""Last year's 现行有效 the import could not read (“1129”: digits run together, no split sure): the 表二 question says
so and asks for it; the clerk may tell it (“去年现行有效28件”, in many words), never read as this year's figure; an
answer without it is told that the cross-year check cannot run, and the checks say so as a reminder at the cell —
never a silent pass."""

import pytest

from gkassist.checks import WARNING, check
from support import CORPUS, at_table_two, last_year_in_force, needs_shared, pending_cells, replies_text

THIS_YEAR = "规范性文件今年发了16个，废了4个，现在还有效的40个。许可处罚强制都没有，收费也没有"


def test_the_question_says_last_years_figure_is_unknown_and_asks_for_it():
    asked = replies_text(at_table_two(last_year_in_force()).question())
    assert "去年的报告里行政规范性文件的现行有效件数没有读出" in asked and "去年现行有效28件" in asked


def test_a_known_last_year_is_not_asked_for():
    asked = replies_text(at_table_two(last_year_in_force(9)).question())
    assert "没有读出" not in asked and "去年底现行有效：行政规范性文件9件" in asked


def test_an_answer_without_it_is_told_the_check_cannot_run_and_the_check_reminds():
    engine = at_table_two(last_year_in_force())
    said = replies_text(engine.answer(THIS_YEAR))
    assert "今年的40件没法和去年核对" in said
    engine.answer("对")
    found = [f for f in check(engine.report, engine.state.last_year) if f.rule == "X-VALID"]
    assert [(f.severity, f.table, f.row, f.column) for f in found] == [(WARNING, "t2", "normative", "in_force")]
    assert "上年报告的表二 · 行政规范性文件 · 现行有效件数不知道" in found[0].message


@pytest.mark.parametrize("told", [
    "去年现行有效28件",
    "上年底规范性文件现行有效的是28个",
    "去年年底现行有效的规范性文件有28件",
    "去年的现行有效是二十八件",
    "上年度现行有效28件。",
])
def test_last_years_figure_told_after_the_answer_is_last_years(told):
    engine = at_table_two(last_year_in_force())
    engine.answer(THIS_YEAR)
    said = replies_text(engine.answer(told))
    assert "已记下：去年行政规范性文件现行有效28件" in said and "没法和去年核对" not in said
    assert engine.state.last_year.number("t2", "normative", "in_force") == 28
    assert pending_cells(engine)[("t2", "normative", "in_force")] == 40  # this year's, as said
    engine.answer("对")
    assert engine.report.number("t2", "normative", "in_force") == 40
    assert [f for f in check(engine.report, engine.state.last_year) if f.rule in ("X-VALID", "T2-VALID")] == []


@pytest.mark.parametrize("answer", [
    "规范性文件制发16件，废止4件，现行有效40件，去年现行有效28件，其余都没有",
    "去年现行有效28件；今年规范性文件发了16个，废了4个，现在还有效的40个，许可处罚强制收费都没有",
])
def test_last_years_figure_told_within_the_answer(answer):
    engine = at_table_two(last_year_in_force())
    said = replies_text(engine.answer(answer))
    assert "已记下：去年行政规范性文件现行有效28件" in said
    assert pending_cells(engine)[("t2", "normative", "in_force")] == 40
    assert engine.state.last_year.number("t2", "normative", "in_force") == 28


def test_this_years_figure_follows_from_last_years_told():
    engine = at_table_two(last_year_in_force())
    said = replies_text(engine.answer("去年现行有效28件，今年规范性文件制发16件，废止4件，许可处罚强制收费都没有"))
    assert pending_cells(engine).get(("t2", "normative", "in_force")) is None  # not said: worked out, and shown how
    assert "去年28件＋今年制发16件－今年废止4件＝40件" in said


def test_a_last_year_figure_that_does_not_add_up_is_said_before_saving():
    engine = at_table_two(last_year_in_force())
    engine.answer(THIS_YEAR)
    said = replies_text(engine.answer("去年现行有效30件"))
    assert "应为42件，这里是40件" in said


def test_a_figure_last_years_report_gives_stands():
    engine = at_table_two(last_year_in_force(9))
    engine.answer(THIS_YEAR)
    said = replies_text(engine.answer("去年现行有效28件"))
    assert "去年的报告里行政规范性文件现行有效是9件" in said
    assert engine.state.last_year.number("t2", "normative", "in_force") == 9
    assert pending_cells(engine)[("t2", "normative", "in_force")] == 40


@pytest.mark.slow
@needs_shared()
def test_last_years_run_together_row_is_settled_by_the_year_before_when_one_split_fits(tmp_path):
    """Starting from last year's published report (“6233440”: 4 splits), the agency's finished draft of the year
    before (现行有效411) leaves only 62、33、440 (411 + 62 − 33): read so, and said; another figure leaves it unread."""
    from gkassist.dialogue.opening import open_session
    from gkassist.dialogue.session import Drafts, draft_path, write_draft
    from gkassist.importer import import_file

    before = import_file(CORPUS / "2023_pingtan_syq.txt").report
    before.set_cell("t2", "normative", "in_force", 411)
    drafts = Drafts(tmp_path / "drafts")
    write_draft(draft_path(before, drafts), before, None, None)
    engine, note = open_session(str(CORPUS / "2024_pingtan_syq.txt"), drafts=drafts)
    last = engine.state.last_year
    assert [last.number("t2", "normative", c) for c in ("issued", "repealed", "in_force")] == [62, 33, 440]
    assert "按上年现行有效411件" in note and "拆为62、33、440，请核对" in note

    before.set_cell("t2", "normative", "in_force", 500)  # no split keeps it: nothing guessed
    write_draft(draft_path(before, Drafts(tmp_path / "other")), before, None, None)
    engine, note = open_session(str(CORPUS / "2024_pingtan_syq.txt"), drafts=Drafts(tmp_path / "other"))
    assert engine.state.last_year.number("t2", "normative", "in_force") is None and "未猜测" in note
