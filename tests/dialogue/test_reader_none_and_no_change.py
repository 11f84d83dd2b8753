"""表四 and 表二 said to have nothing in several ways (“没有，没变化”, “都是零，啥也没有”), what is said of 表二 while
answering 表四 (its 现行有效 too), and an answer plainly to a later question while 表二's reading waits for “对”:
through `gkassist draft --answers` from the seed (2019 layout: last year's report has no 现行有效)."""

import pytest

from gkassist.dialogue import answers
from gkassist.dialogue.answers import says_nothing_happened
from support import drafted

T2_FIGURES = [("normative", "issued"), ("normative", "repealed"), ("normative", "in_force"), ("licensing", "decisions"),
              ("penalty", "decisions"), ("enforcement", "decisions"), ("fees", "fee_amount")]


@pytest.mark.parametrize("said", ["没有，没变化。", "没有，跟去年一样", "都没有，和去年一样没变化", "没有。还是老样子",
                                  "一件也没有，同去年"])
def test_none_said_with_no_change_from_last_year_is_none(said):
    assert says_nothing_happened(said, "t4") and says_nothing_happened(said, "t3")


@pytest.mark.parametrize("said", ["同去年", "跟去年一样", "没变化", "没有变化，还是3件", "复议跟去年一样，1件"])
def test_no_change_alone_or_with_a_figure_is_not_none(said):
    assert not says_nothing_happened(said, "t4")


@pytest.mark.parametrize("said", ["都是零，啥也没有", "全是0，什么都没有", "全部是零，一个都没有", "都为0，一样也没有",
                                  "这一块全部是0，什么都没有", "表二都为零，啥也没有", "这部分全是0，一样都没有", "这张表里都是零，什么也没有"])
def test_every_figure_said_zero_of_table_two_is_every_figure_zero(said):
    out = answers.parse("t2", [said])
    assert not out.refusal and not out.questions, out
    assert {k: out.cells.get(("t2", *k)) for k in T2_FIGURES} == dict.fromkeys(T2_FIGURES, 0)


@pytest.mark.parametrize("said", [
    "规范性文件没发，现行有效的也没有，跟去年一样；许可处罚强制收费都没有",
    "规范性文件没制发也没废止，跟去年一样，许可3件，处罚强制收费都没有",
])
def test_no_change_after_what_was_just_said_of_the_documents_asks_nothing(said):
    out = answers.parse("t2", [said])
    assert not out.questions and not out.not_understood, out


def test_no_change_of_the_documents_with_nothing_else_said_is_still_asked():
    assert answers.parse("t2", ["规范性文件跟去年一样，许可处罚强制都没有"]).questions


@pytest.mark.slow
@pytest.mark.parametrize("t4", ["没有，没变化。", "复议诉讼都没有，跟去年一样"])
def test_table_four_none_with_no_change_is_saved_as_none(t4, tmp_path, capsys):
    report, out = drafted(tmp_path, capsys, ["没有", "对", t4, "对"])
    assert "没听明白" not in out and report.cell("t4", "cases", "review.upheld") == 0, out


@pytest.mark.slow
@pytest.mark.parametrize("aside", [
    "没有。规范性文件没发，现行有效的也没有，跟去年一样；许可处罚强制收费镇里都没有。",
    "复议诉讼都没有；表二那边规范性文件没出过，现在有效的也没有，同去年，许可处罚强制收费也都没有",
])
def test_table_two_said_while_answering_table_four_keeps_its_documents_in_force(aside, tmp_path, capsys):
    report, out = drafted(tmp_path, capsys, ["没有", "对", aside, "对", "对"])
    assert report.cell("t2", "normative", "in_force") == 0 and report.cell("t2", "licensing", "decisions") == 0, out


@pytest.mark.slow
@pytest.mark.parametrize("later", [
    "镇政府网站专栏发了三十多条，准确是35条，主要是惠民补贴和防汛通知",
    "嗯，公众号一年推了60条左右，不对，是62条，都是政策解读",
])
def test_an_answer_to_the_next_question_while_table_two_waits_is_not_table_two(later, tmp_path, capsys):
    lines = ["没有", "对", "复议诉讼都没有。规范性文件没发，许可处罚强制收费都没有", "对", later, "对"]
    report, out = drafted(tmp_path, capsys, lines)
    assert "这句说的是后面的问题" in out, out
    assert report.cell("t2", "normative", "issued") == 0, out
