"""A figure said twice is printed once: a clerk's sentence that only says again what the tables' opening states (no
application, no 复议 or 诉讼, the counts) is dropped — also when the opening is made again after a table left
unfinished comes back; a count said while its table is still unfinished is flagged, never printed as checked."""

import pytest

from gkassist.dialogue import Engine
from gkassist.dialogue.composed import said_otherwise, without_restatements
from gkassist.importer import import_file
from support import SEED

NONE = "2021年，我镇未收到政府信息公开申请。全年未发生因政府信息公开引起的行政复议、行政诉讼。"
TWO = ("2021年，我镇共收到政府信息公开申请2件；办结2件，其中予以公开1件、无法提供1件。"
       "全年未发生因政府信息公开引起的行政复议、行政诉讼。")


@pytest.mark.parametrize("said", [
    "依申请公开方面，2021年未收到申请，未发生行政复议、行政诉讼。",
    "2021年没有收到申请，也没有复议，没有诉讼。",
    "全年未收到政府信息公开申请。未发生行政复议和行政诉讼。",
    "依申请这块，2021年没有收到过申请；也没有被复议或起诉。",
])
def test_none_said_again_is_dropped(said):
    assert without_restatements(said, NONE) == ""


@pytest.mark.parametrize("said, kept", [
    ("2021年没有收到申请，窗口接待群众咨询30余次，均当场答复。", "窗口接待群众咨询30余次，均当场答复。"),
    ("未发生行政复议、行政诉讼，主要是电话咨询较多。", "主要是电话咨询较多。"),
])
def test_the_clerks_own_facts_beside_them_stay(said, kept):
    assert without_restatements(said, NONE) == kept


def test_a_none_is_kept_when_the_opening_does_not_say_it():
    said = "2021年未收到申请。"
    assert without_restatements(said, "全年未发生因政府信息公开引起的行政复议、行政诉讼。") == said


@pytest.mark.parametrize("said", [
    "依申请呢2021年就2件，均涉及拆迁补偿，1件公开，1件我镇没有，均在法定期限内予以答复。",
    "2021年一共2件，都是问拆迁补偿的，1件予以公开，另1件我镇不掌握，均在法定期限内予以答复。",
])
def test_counts_said_again_are_dropped_and_the_rest_kept(said):
    out = without_restatements(said, TWO)
    assert "拆迁补偿" in out and "法定期限" in out
    assert not any(n in out for n in ("2件", "1件"))


@pytest.mark.slow
def test_a_table_left_unfinished_is_flagged_then_its_counts_said_once():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("自然人申请2件，予以公开1件")  # the balance asked back
    for said in ("对", "没有", "对", "没有", "现行有效0件", "对", "在镇政府网站公开信息30条", "对"):
        engine.answer(said)
    assert engine.step.id == "overview_requests" and "requests" in engine.state.unfinished
    replies = engine.answer("今年就2件，都是问拆迁补偿的，1件公开了，1件我们这没有，都按期回复了")
    assert any(r.kind == "error" and "表三还没填完" in r.text for r in replies)
    engine.answer("对")
    engine.answer("改表三")
    engine.answer("另外1件本机关不掌握")
    said = [r.text for r in engine.answer("对")]
    paragraph = engine.report.paragraphs("overview")[1]
    assert any(s.startswith("一（二）已按表三更新：") for s in said), said
    assert paragraph.startswith("（二）依申请公开。" + TWO) and "拆迁补偿" in paragraph
    assert paragraph.count("2件") == 2 and paragraph.count("1件") == 2  # (收到、办结; 予以公开、无法提供) once each


THREE = ("2021年，我镇共收到政府信息公开申请3件；办结3件，其中予以公开2件、无法提供1件。"
         "全年未发生因政府信息公开引起的行政复议、行政诉讼。")


@pytest.mark.parametrize("said, asked", [
    ("依申请呢2021年就2件，均涉及拆迁补偿，均在法定期限内予以答复。", "依申请呢2021年就2件"),
    ("2021年一共收到4件，都是问征地补偿的。", "2021年一共收到4件"),
    ("都是问低保的，年底前办结了4件。", "年底前办结了4件"),
])
def test_a_count_the_tables_state_otherwise_is_asked_about(said, asked):
    assert said_otherwise(said, THREE) == [asked]


@pytest.mark.parametrize("said", ["2021年共3件，2件公开了，1件我镇没有。", "都是问低保的，均在法定期限内答复。",
                                  "主动公开信息90条，培训2次。", "公开4件、部分公开1件、不掌握1件。"])
def test_counts_that_agree_or_are_of_something_else_are_not(said):
    assert said_otherwise(said, THREE) == []


def test_a_count_with_last_years_carried_over_ones_is_the_same_count():
    opening = "2022年，我区共收到政府信息公开申请74件，其中自然人申请71件、商业企业申请3件，另有上年结转申请1件。"
    assert said_otherwise("个人72件、企业3件。", opening) == []
    assert said_otherwise("个人75件、企业3件。", opening) == ["个人75件、企业3件"]


@pytest.mark.slow
def test_a_count_the_tables_state_otherwise_is_asked_about_in_the_conversation():
    engine = Engine.start(import_file(SEED).report, 2021)
    for said in ("自然人申请3件，2件公开，1件本机关不掌握", "对", "没有", "对", "现行有效0件", "对"):
        engine.answer(said)
    engine.jump("overview_requests")
    replies = engine.answer("今年就2件，都是问低保的，都按期答复了")
    asked = [r.text for r in replies if r.kind == "error" and r.text.startswith("请核对：您说的")]
    assert len(asked) == 1 and "2件" in asked[0] and "申请3件" in asked[0]


@pytest.mark.parametrize("paragraph, repeated", [
    ("全年发布信息120条，其中在镇政府网站发布信息120条。", ["120条"]),
    ("通过网站主动公开信息96条。全年主动公开信息96条，其中政策文件10条。", ["96条"]),
    ("2021年就2件，均涉及拆迁补偿，1件公开，1件我镇没有。", []),
    ("予以公开1件、不予公开1件，均在法定期限内答复。", []),
    ("开展培训2次，召开专题会议2次。", []),
])
def test_the_same_figure_of_the_same_thing_is_pointed_out_not_of_different_things(paragraph, repeated):
    from gkassist.dialogue.kinds.narrative import repeated_figures

    assert repeated_figures(paragraph) == repeated
