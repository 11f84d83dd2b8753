"""Figures in 五 follow the tables: what the clerk's own words there state (整改 told, a problem rewritten) is said
back when a table contradicts it, before it is stored — and TEXT-NUMBERS checks 五 in the report."""

import pytest

from gkassist.checks.text import check_text_numbers
from gkassist.dialogue import Engine
from gkassist.importer import import_file
from support import SEED


def at_five() -> Engine:
    engine = Engine.start(import_file(SEED).report, 2021)
    for said in ("没有", "对", "行政复议1件，结果维持", "对", "现行有效0件", "对"):
        engine.answer(said)
    engine.jump("problems")
    return engine


def flagged(replies) -> list[str]:
    return [r.text for r in replies if r.kind == "error" and r.text.startswith("请核对：")]


@pytest.mark.parametrize("said, figure", [
    ("去年说公开形式单一，今年新开了公众号，全年收到政府信息公开申请5件，都按期答复。", "收到政府信息公开申请5件"),
    ("针对去年提出的答复不规范问题，今年被申请行政复议2件，都维持了。", "行政复议2件"),
    ("去年说制度不健全，今年制发规范性文件3件，把制度补齐了。", "规范性文件3件"),
])
def test_a_figure_in_the_followup_the_tables_contradict_is_said(said, figure):
    found = flagged(at_five().answer(said))
    assert any(figure in f for f in found), found


def test_a_figure_the_tables_agree_with_is_not_said():
    assert flagged(at_five().answer("去年说答复不规范，今年行政复议1件，结果维持，答复更规范了。")) == []


@pytest.mark.parametrize("rewrite", ["改1：解读偏少，行政复议3件，下一步加强培训", "加：复议败诉风险，全年行政复议4件，下一步规范答复"])
def test_a_problem_written_by_the_clerk_is_checked_too(rewrite):
    engine = at_five()
    engine.answer("去年说公开形式单一，今年新开了公众号。")
    found = flagged(engine.answer(rewrite))
    assert any("行政复议" in f and "表四" in f for f in found), found


def test_text_numbers_reads_section_five():
    report = import_file(SEED).report
    report.sections["problems"] = ["本年度存在的问题：一是全年收到政府信息公开申请9件，答复说理不够充分，下一步将加强培训。"]
    assert [f.section for f in check_text_numbers(report) if "9件" in f.message] == ["problems"]
