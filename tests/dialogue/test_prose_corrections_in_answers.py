"""A figure said in an earlier answer put right inside a later, longer answer: the fact it names changes where it
stands, nothing of the correction is printed in the part being answered, the rest of the answer is read as usual."""

import pytest

from gkassist.dialogue import Engine
from gkassist.dialogue.sentences import corrections_in
from gkassist.importer import import_file
from support import SEED


def _saved_proactive(engine: Engine) -> None:
    engine.jump("overview_proactive")
    engine.answer("今年在镇政府网站公开了八十三条，村务公开栏更新了12次")
    engine.answer("对")


@pytest.mark.parametrize("said", [
    "党政办统一审核，发布前分管领导签字；对了，前面说的主动公开83条不对，应该是88条。另外把公开目录梳理了一遍，更新20项。",
    "发布前分管领导签字。哦对了，刚才讲的主动公开八十三条错了，是八十八条，漏算了5条招标公告。公开目录梳理了一遍，更新20项。",
    "刚才说错了，主动公开应该是88条。发布前分管领导签字，公开目录梳理了一遍，更新20项。",
    "发布前分管领导签字，公开目录梳理了一遍，更新20项，另外主动公开是88条，不是83条。",
    "发布前分管领导签字；不好意思，之前报的主动公开83条有误，实际是88条；公开目录梳理了一遍，更新20项",
    # the figure said before, checked again, then the right one
    "发布前分管领导签字；对了，前面说的主动公开83条，我又核了一下，应该是88条；公开目录梳理了一遍，更新20项",
    "发布前分管领导签字。之前报的主动公开83条，后来重新统计了一遍，实际是88条。公开目录梳理了一遍，更新20项。",
    # said wrong, then how it was checked again (what was looked through named), then the right one
    "发布前分管领导签字；前面说的83条不对，我又翻了一遍登记簿，是88条；公开目录梳理了一遍，更新20项",
    "发布前分管领导签字。前头报的主动公开83条不准，回去把台账又过了一遍，实际是88条。公开目录梳理了一遍，更新20项。",
    "发布前分管领导签字，刚才讲的83条说少了，对着系统导出的清单数了数，应为88条，公开目录梳理了一遍，更新20项",
])
def test_a_correction_inside_a_later_answer_edits_the_fact_where_it_stands(said):
    engine = Engine.start(import_file(SEED).report, 2021)
    _saved_proactive(engine)
    engine.jump("overview_management")
    replies = engine.answer(said)
    overview = engine.report.sections["overview"]
    assert overview[0].endswith("主动公开信息88条，村务公开栏更新12次。")
    assert any("已把（一）里的83条改为88条" in r.text for r in replies)
    shown = next(r.text for r in replies if r.text.startswith("将写入：（三）"))
    assert "88" not in shown and "83" not in shown  # no stray line in （三）
    assert "分管领导" in shown and "更新20项" in shown  # the rest read as usual
    engine.answer("对")
    assert not any("88条" in p for p in engine.report.sections["overview"][1:])
    engine.undo()  # the confirmed （三） first, then the corrected figure
    engine.undo()
    assert engine.report.sections["overview"][0].endswith("主动公开信息83条，村务公开栏更新12次。")


@pytest.mark.parametrize("said", [
    "挂了86条——不对，89条，主要是低保名单",
    "列了36项——不对，是38项",
    "公开栏贴了12期，哦不对，是14期",
])
def test_a_figure_put_right_within_the_same_answer_is_no_correction_of_an_earlier_one(said):
    assert corrections_in(said) == (said, [])


def test_a_correction_no_saved_paragraph_states_is_said_and_not_printed():
    engine = Engine.start(import_file(SEED).report, 2021)
    _saved_proactive(engine)
    engine.jump("overview_management")
    replies = engine.answer("发布前分管领导签字；对了，前面说的培训3次不对，应该是4次")
    assert any(r.kind == "error" and "没有找到" in r.text for r in replies)
    assert "4次" not in next(r.text for r in replies if r.text.startswith("将写入："))


def test_the_correction_said_alone_still_asks_for_this_questions_answer():
    engine = Engine.start(import_file(SEED).report, 2021)
    _saved_proactive(engine)
    engine.jump("overview_management")
    replies = engine.answer("刚才说错了，主动公开应该是88条")
    assert "已把（一）里的83条改为88条" in replies[0].text
    assert engine.report.sections["overview"][0].endswith("主动公开信息88条，村务公开栏更新12次。")


@pytest.mark.parametrize("said", [
    "去年说公开形式单一，今年新开了公众号；对了，前面说的主动公开83条不对，应该是88条。不过网站更新有时候不及时。",
    "去年说公开形式单一，今年新开了公众号。刚才说错了，主动公开应该是88条。不过网站更新有时候不及时。",
])
def test_a_correction_inside_the_answer_for_five_edits_the_fact_in_one(said):
    engine = Engine.start(import_file(SEED).report, 2021)
    _saved_proactive(engine)
    engine.jump("problems")
    replies = engine.answer(said)
    assert engine.report.sections["overview"][0].endswith("主动公开信息88条，村务公开栏更新12次。")
    shown = next(r.text for r in replies if r.text.startswith("将写入："))
    assert "88" not in shown and "公众号" in shown
