"""Which row of 表三 a case said in everyday words belongs to, each phenomenon in several phrasings (none of them a
probe's): a row named by its number inside a block of the official table (“不予处理第2项”, “（六）3”), read from the
format's own numbering (2021 and 2019 layouts); an enforcement file named by what it holds, and an answer about 表三
that says a word of another table (“处罚”) read as 表三's; a reason said with “没再处理”; 不掌握 said as what the body
has not (“局里根本没有的4件”); a result said after 都答复; someone else's personal information; cases carried to a
later year, or none; several cases told one by one under one outcome said for all."""

import pytest

from gkassist.core.formats import get_format
from gkassist.dialogue import answers
from support import drafted, results, understood


# ------------------------------------------------------------------ a row named by its number in its block
@pytest.mark.parametrize("said, row", [
    ("其他处理里面第三项其他2件", "other_3"),
    ("不再处理的第1项2件", "other_1"),
    ("其他处理第二项的2件", "other_2"),
    ("不予处理第2项2件", "reject_2"),
    ("不予处理里的第五种2件", "reject_5"),
    ("不予公开里的第七类2件", "deny_7"),
    ("不公开的第8项2件", "deny_8"),
    ("无法提供的第1种2件", "unable_1"),
    ("（六）3 其他2件", "other_3"),
    ("（五）第4项2件", "reject_4"),
    ("(三)之7类2件", "deny_7"),
    ("（四）2：2件", "unable_2"),
])
def test_a_row_named_by_its_number_in_its_block_is_that_row(said, row):
    assert results(understood("t3", f"个人申请5件，公开3件，{said}", version="2021")) == {"open": 3, row: 2}


@pytest.mark.parametrize("said", ["其他处理里的第三项2件", "（六）3：2件", "不再处理第2项2件"])
def test_in_the_2019_layout_the_one_row_of_its_block_takes_every_item(said):
    """(2019's （六）其他处理 is one row: its items are that row, the reader's name for it 3.其他)"""
    assert results(understood("t3", f"个人申请5件，公开3件，{said}", version="2019")) == {"open": 3, "other_3": 2}


@pytest.mark.parametrize("said", ["不予公开第4项内部事务2件", "不予处理第2项信访件2件", "不予处理第9项2件"])
def test_a_number_the_block_has_not_or_that_another_row_s_words_contradict_is_asked(said):
    out = answers.parse("t3", [f"个人申请5件，公开3件，{said}"], fmt=get_format("2021"))
    assert out.questions or out.not_understood


@pytest.mark.parametrize("said", ["个人申请5件，公开3件，第2件重复申请，第3件不掌握", "个人申请2件，公开1件，另一件是第三方的商业秘密，不予公开"])
def test_cases_told_by_their_number_and_third_parties_are_no_items(said):
    out = answers.parse("t3", [said], fmt=get_format("2021"))
    assert not any(r.startswith("other_") or r == "deny_3" for (_, r, _) in out.cells)


def test_a_count_read_off_the_table_after_a_block_s_name_is_no_item_number():
    """(“（五）不予处理 2” read off the table: 2 cases, their reason asked — not item 2)"""
    out = answers.parse("t3", ["个人申请5件，公开3件，（五）不予处理 2"], fmt=get_format("2021"))
    assert ("t3", "reject_2", "natural") not in out.cells and (out.questions or out.not_understood)


# ------------------------------------------------------------------ an enforcement file and its everyday names
@pytest.mark.parametrize("said", [
    "个人申请3件，公开1件，2件要的是执法队处罚他的那些材料，没给",
    "个人申请3件，公开1件，另外2件都是要我们罚他那次的调查笔录，不公开",
    "个人申请3件，公开1件，2件要查处他家违建的卷宗，按执法案卷不予公开",
    "个人申请3件，公开1件，2件要执法过程的记录，不公开",
])
def test_an_enforcement_file_named_by_what_it_holds_is_deny_7(said):
    assert results(understood("t3", said, version="2021")) == {"open": 1, "deny_7": 2}


def test_what_an_enforcement_file_holds_that_the_body_has_not_is_not_held():
    assert results(understood("t3", "个人申请2件，都是要处罚他的材料，我们这没有", version="2021")) == {"unable_1": 2}


@pytest.mark.parametrize("said", [
    "公开1件，2件要的是我们执法队处罚他的案卷，不公开",
    "1件公开，另外2件问的是行政许可的审批材料，我们不掌握",
    "公开1件，2件是收费通知发了他没交钱，不再处理",
])
def test_an_answer_about_table_three_with_another_table_s_word_is_table_three_s(said):
    assert not answers.plainly_later(said, "t3")


@pytest.mark.parametrize("said", ["规范性文件制发2件，行政处罚10件", "复议1件，维持", "网站公开了300条信息，处罚信息都上网了"])
def test_an_answer_to_a_later_question_is_still_seen_as_one(said):
    assert answers.plainly_later(said, "t3")


@pytest.mark.slow
@pytest.mark.parametrize("second, row", [
    ("公开1件，2件要的是我们镇执法队处罚他的那个案卷材料，按执法案卷不公开", "deny_7"),
    ("公开1件，另外2件问的是行政许可的审批材料，我们不掌握", "unable_1"),
])
def test_a_follow_up_about_table_three_with_another_table_s_word_is_read_there(second, row, tmp_path, capsys):
    report, out = drafted(tmp_path, capsys, ["个人申请3件", second, "对"])
    assert report.cell("t3", "open", "natural") == 1 and report.cell("t3", row, "natural") == 2, out


# ------------------------------------------------------------------ not handled, the reason said with it
@pytest.mark.parametrize("said, row", [
    ("有1件是他反复来要同一个东西，没再处理", "reject_2"),
    ("1件是老张三番五次要同样的材料，没再处理了", "reject_2"),
    ("1件是信访举报，不再处理", "reject_1"),
    ("1件他大量反复申请，没有再处理", "reject_4"),
    ("1件让他补正一直没来，没再处理", "other_1"),
])
def test_not_handled_after_its_reason_is_that_reason(said, row):
    assert results(understood("t3", f"个人申请5件，公开4件，{said}", version="2021")) == {"open": 4, row: 1}


def test_not_handled_without_a_reason_is_still_asked():
    out = answers.parse("t3", ["个人申请5件，公开4件，1件没再处理"], fmt=get_format("2021"))
    assert out.questions


# ------------------------------------------------------------------ not held, no ready information, someone else's information
@pytest.mark.parametrize("held", ["镇里没有的", "咱们手上没有的", "局里根本没有的", "本单位没有的", "我们这儿也没有的",
                                  "俺们压根就没的"])
def test_what_the_body_has_not_before_a_count_is_not_held(held):
    assert results(understood("t3", f"个人申请6件，公开2件，{held}4件", version="2021")) == {"open": 2, "unable_1": 4}


@pytest.mark.parametrize("said", ["个人申请10件，公开5件，没现成信息要另做的5件", "个人申请10件，公开5件，5件没现成的得另外弄",
                                  "个人申请10件，公开5件，无现成信息的5件"])
def test_no_ready_information_said_short_is_unable_2(said):
    assert results(understood("t3", said, version="2021")) == {"open": 5, "unable_2": 5}


@pytest.mark.parametrize("said", ["要别人个人信息的15件", "查邻居家个人信息的15件", "15件是打听他人隐私的",
                                  "15件要的是人家的个人资料"])
def test_asking_for_someone_else_s_personal_information_is_deny_4(said):
    assert results(understood("t3", f"个人新收30件，公开15件；{said}", version="2021")) == {"open": 15, "deny_4": 15}


# ------------------------------------------------------------------ all answered, with or without a result
@pytest.mark.parametrize("said", ["全都答复公开了", "都已答复予以公开", "都答复公开了"])
def test_all_answered_with_a_result_is_that_result(said):
    assert results(understood("t3", f"个人申请5件，{said}", version="2021")) == {"open": 5}


def test_all_answered_then_a_result_for_some_and_a_carry():
    assert results(understood("t3", "个人申请5件，4件均办结公开了，1件结转", version="2021")) == {"open": 4, "carry_next": 1}


def test_all_answered_without_a_result_is_still_asked():
    out = answers.parse("t3", ["个人申请3件，都答复了"], fmt=get_format("2021"))
    assert out.questions


# ------------------------------------------------------------------ carried to a later year, or nothing carried
@pytest.mark.parametrize("said, n", [
    ("个人申请60件，公开40件，不掌握10件，剩下的10件转2026年", 10),
    ("个人申请10件，公开8件，2件留到26年办", 2),
    ("个人申请10件，公开7件，还有3件拖到2026年再答复", 3),
])
def test_cases_carried_to_a_later_year_by_its_number_are_carried_on(said, n):
    assert understood("t3", said, version="2021")[("carry_next", "natural")] == n


@pytest.mark.parametrize("said", ["今年没有往明年转的", "没往下一年转的", "不用往明年结转"])
def test_nothing_carried_towards_next_year_is_no_carry(said):
    got = understood("t3", f"个人申请5件，公开5件，{said}", version="2021")
    assert results(got) == {"open": 5}


@pytest.mark.parametrize("said", ["反正年底也没有剩下没办完的", "年底没剩下没办结的", "没有留下没答复的", "也没有落下没处理完的"])
def test_nothing_left_unfinished_at_the_year_s_end_is_no_carry(said):
    got = understood("t3", f"个人申请2件，1件公开，1件我们不掌握，{said}", version="2021")
    assert results(got) == {"open": 1, "unable_1": 1}


# ------------------------------------------------------------------ cases told one by one, one outcome said for all
@pytest.mark.parametrize("said, kind, rows", [
    ("个人申请2件，一件要镇里规划的征求意见稿，还在讨论；另一件要政府内部的值班安排，两件都没公开", "natural",
     {"deny_6": 1, "deny_5": 1}),
    ("企业申请2件，一件要会议纪要，另一件要我们内部的请假制度，都没有给", "business", {"deny_6": 1, "deny_5": 1}),
    ("个人申请3件，一件要方案的初稿，一件要机关内部的考核办法，一件要职工考勤记录，三件都不予公开", "natural",
     {"deny_6": 1, "deny_5": 2}),
])
def test_each_case_told_gives_its_own_reason_to_one_outcome_said_for_all(said, kind, rows):
    got = understood("t3", said)
    assert {r: v for (r, k), v in got.items() if r.startswith("deny_") and k == kind} == rows


def test_a_case_told_without_a_reason_under_one_outcome_is_still_asked():
    out = answers.parse("t3", ["个人申请2件，一件要镇里项目方案的讨论稿，还没定稿；另一件要低保名单，两件都没给"])
    assert out.questions or out.not_understood
