"""Phenomena of probe 16's township 表三 answers, each in several phrasings (none of them the probe's): the one copy
an applicant wants made again (“再开一份”, “重新打印一张”) is what was asked for, not a count of cases — the cases
said before with one shared reason each take it."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t3", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


# ------------------------------------------------------------------ one copy asked for is no count of cases
@pytest.mark.parametrize("said, kind, n", [
    ("个人申请3件，都是想让我们把发过的材料再开一份证明，没处理", "natural", 3),
    ("企业申请了2件，都是让我们把以前给过的批复重新打印一张盖章，不予处理", "business", 2),
    ("群众来了2件，都是要再复印一份盖章的，不予处理", "natural", 2),
    ("还有村民的4件，全是要我们把早先给过的通知重新出一份，没办", "natural", 4),
])
def test_a_copy_wanted_again_leaves_the_count_of_cases(said, kind, n):
    got = cells(said)
    assert got[("new", kind)] == n and got[("reject_5", kind)] == n


@pytest.mark.parametrize("said", ["个人申请1件，要复印一份宅基地批复，公开了",
                                  "企业申请2件，都是要打印一份补偿名单，都公开了"])
def test_a_copy_asked_for_in_a_disclosed_case_counts_no_case(said):
    got = cells(said)
    assert got[("open", next(k for (r, k) in got if r == "new"))] == got[("new", next(k for (r, k) in got if r == "new"))]


# ------------------------------------------------------------------ a later answer moves a case named by its reason
@pytest.mark.parametrize("turns, source, target", [
    (("个人申请4件，3件公开，1件不予公开（涉及第三方隐私）", "那件涉及隐私的后来遮掉之后给他了"), "deny_4", "partial"),
    (("个人申请4件，3件公开，1件不予公开（涉及第三方隐私）", "那件涉及别人隐私的，后来征得同意把名字涂掉给了"),
     "deny_4", "partial"),
    (("个人申请5件，4件公开，1件无法提供（要另行制作）", "对了，那个要另行制作的后来我们做出来给他了，算公开"),
     "unable_2", "open"),
    (("个人申请3件，2件公开，1件不予公开（属于过程性信息）", "噢那件过程性信息的，后来定稿了就给了他，算公开吧"),
     "deny_6", "open"),
])
def test_a_case_named_by_its_reason_moves_to_the_result_said_later(turns, source, target):
    got = cells(*turns)
    assert source not in {r for r, _ in got}
    assert got[(target, "natural")] >= 1
    assert sum(v for (r, _), v in got.items() if r not in ("new", "total")) == got[("new", "natural")]


# ------------------------------------------------------------------ cases told one by one, one outcome said for all
@pytest.mark.parametrize("said, kind, rows", [
    ("个人申请2件，一件要镇里规划的征求意见稿，还在讨论；另一件要政府内部的值班安排，两件都没公开", "natural",
     {"deny_6": 1, "deny_5": 1}),
    ("企业申请2件，一件要会议纪要，另一件要我们内部的请假制度，都没有给", "business", {"deny_6": 1, "deny_5": 1}),
    ("个人申请3件，一件要方案的初稿，一件要机关内部的考核办法，一件要职工考勤记录，三件都不予公开", "natural",
     {"deny_6": 1, "deny_5": 2}),
])
def test_each_case_told_gives_its_own_reason_to_one_outcome_said_for_all(said, kind, rows):
    got = cells(said)
    assert {r: v for (r, k), v in got.items() if r.startswith("deny_") and k == kind} == rows


def test_a_case_told_without_a_reason_under_one_outcome_is_still_asked():
    out = answers.parse("t3", ["个人申请2件，一件要镇里项目方案的讨论稿，还没定稿；另一件要低保名单，两件都没给"])
    assert out.questions or out.not_understood
