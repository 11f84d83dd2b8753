"""A later answer that puts part of what was said right keeps the rest of it (none of these a probe's sentence): a
result's count corrected by its group keeps the one reason said for it; a case's row taken back (“那件算重复的我
弄错了”) moves it into the row said next; one of the 复议 said all upheld corrected leaves the others upheld; and 表二
named whole as all zero (“主动公开那张表都是零”) is every figure 0."""

import pytest

from gkassist.dialogue import answers


def cells(table, *turns):
    out = answers.parse(table, list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(c if table == "t4" else f"{r}.{c}"): v for (_, r, c), v in out.cells.items() if v}


@pytest.mark.parametrize("first, then, expected", [
    ("个人申请6件，公开3件，不予公开3件，都是国家秘密", "说错了，不予公开是2件，公开是4件",
     {"new.natural": 6, "open.natural": 4, "deny_1.natural": 2}),
    ("企业申请5件，公开2件，无法提供3件，都是本机关不掌握的", "更正一下，无法提供的是1件，公开的是4件",
     {"new.business": 5, "open.business": 4, "unable_1.business": 1}),
    ("自然人申请4件：公开1件，不予处理3件（都是信访举报的），", "不对，公开的有2件，不予处理的就2件",
     {"new.natural": 4, "open.natural": 2, "reject_1.natural": 2}),
])
def test_a_groups_count_put_right_keeps_its_reason(first, then, expected):
    assert cells("t3", first, then) == expected


def test_a_groups_count_put_right_with_several_reasons_is_asked():
    out = answers.parse("t3", ["个人申请6件，公开2件，不予公开4件，2件是国家秘密，2件涉及第三方隐私", "不对，不予公开是3件，公开3件"])
    assert any("不予公开的理由" in q for q in out.questions), out


@pytest.mark.parametrize("first, then, expected", [
    ("群众申请5件，公开4件，1件属于信访举报不予处理", "那件算信访的搞错了，是重复申请",
     {"new.natural": 5, "open.natural": 4, "reject_2.natural": 1}),
    ("企业申请3件，2件公开，1件本机关不掌握", "说不掌握的那件是我记错了，其实后来部分公开了",
     {"new.business": 3, "open.business": 2, "partial.business": 1}),
    ("个人申请4件，2件公开，2件属于重复申请不予处理", "那两件算重复的我弄错了，最后也给公开了",
     {"new.natural": 4, "open.natural": 4}),
])
def test_a_row_taken_back_moves_the_case_into_the_row_said_next(first, then, expected):
    assert cells("t3", first, then) == expected


@pytest.mark.parametrize("first, then, expected", [
    ("行政复议3件，都维持", "不对，其中1件被撤销了，算纠正", {"review.upheld": 2, "review.corrected": 1}),
    ("复议两件，结果都是维持", "搞错了，有一件复议机关责令我们重新答复，这件应该是纠正", {"review.upheld": 1, "review.corrected": 1}),
    ("复议2件都维持了", "说错了，有1件是纠正", {"review.upheld": 1, "review.corrected": 1}),
    ("复议4件，全部维持", "记错了，有2件被确认违法，那两件算纠正", {"review.upheld": 2, "review.corrected": 2}),
])
def test_one_of_the_cases_said_upheld_corrected_leaves_the_others(first, then, expected):
    assert cells("t4", first, then) == expected


@pytest.mark.parametrize("said", [
    "主动公开那块全是0，啥都没有", "表二那张表都是零，哪一项都没有", "主动公开的表全部为0，一样也没有", "那张表全是零，一项都没有",
    "主动公开这部分都是0",
])
def test_table_two_named_whole_as_zero_is_every_figure_zero(said):
    out = answers.parse("t2", [said])
    assert not out.refusal and not out.questions, out
    assert out.cells and not any(out.cells.values())
    assert ("t2", "normative", "in_force") in out.cells


@pytest.mark.parametrize("said", ["规范性文件什么都没有", "规范性文件啥也没有", "规范性文件一样都没有", "规范性文件啥子都莫得"])
def test_a_row_with_nothing_at_all_is_zero_in_each_column(said):
    out = answers.parse("t2", [said])
    assert not out.questions and not out.not_understood, out
    assert {c: v for (_, r, c), v in out.cells.items() if r == "normative"} == {"issued": 0, "repealed": 0, "in_force": 0}
