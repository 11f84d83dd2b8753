"""Phenomena of probe 22 (seed), each in several phrasings that are not the probe's: the applicants' kind said alone
in a later answer after results were told (it fills the applications), a case that came in at the year's end and
was carried on (结转下年度, of the kind counted), and 表二 said to be all zero by the article it counts under."""

import pytest

from gkassist.dialogue import answers
from gkassist.dialogue.answers import parse_t2


def cells(table, *turns):
    out = answers.parse(table, list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


# ------------------------------------------------------------------ the kind said alone after the results
@pytest.mark.parametrize("first, then, expect", [
    ("公开3件，另外2件是个人重复来要的，不予处理", "都是个人的",
     {"open": 3, "reject_2": 2}),
    ("公开了2件，1件是老张问的我们这没有", "全是老百姓申请的",
     {"open": 2, "unable_1": 1}),
    ("予以公开5件，1件是个人又来要一样的材料，按重复申请处理", "都是群众申请的",
     {"open": 5, "reject_2": 1}),
    ("给了3件，1件是居民来问的本机关不掌握", "都是村民个人来要的",
     {"open": 3, "unable_1": 1}),
])
def test_the_kind_said_alone_after_results_fills_the_applications(first, then, expect):
    got = cells("t3", first, then)
    assert got[("new", "natural")] == sum(expect.values()), got
    for row, n in expect.items():
        assert got[(row, "natural")] == n, (row, got)


def test_the_kind_said_alone_with_another_kind_counted_before_is_not_taken_for_all():
    out = answers.parse("t3", ["企业申请1件公开了，另外公开了2件", "都是个人的"])
    assert out.cells.get(("t3", "new", "natural")) != 3


# ------------------------------------------------------------------ received at the year's end, carried on
@pytest.mark.parametrize("said, kind, new, done, carried", [
    ("个人申请4件，公开3件，还有1件12月底才来的，放到明年办", "natural", 4, 3, 1),
    ("企业申请3件，2件公开，另1件是十二月二十号才收到的，结转下年", "business", 3, 2, 1),
    ("个人申请5件，公开3件，剩下2件12月份才交的，明年再答复", "natural", 5, 3, 2),
    ("群众申请7件，公开了6件，剩1件是12月30日才接到，转到下一年答复", "natural", 7, 6, 1),
])
def test_a_case_received_at_the_year_s_end_and_carried_is_of_the_kind_counted(said, kind, new, done, carried):
    got = cells("t3", said)
    assert got == {("new", kind): new, ("open", kind): done, ("carry_next", kind): carried}


# ------------------------------------------------------------------ 表二 all zero, named by its article
@pytest.mark.parametrize("said", [
    "第二十条那些我们街道全是零",
    "第二十条的内容我们这都没有",
    "20条那几项都是0",
    "第二十条规定的我们局一律没有，一份规范性文件也没有",
    "一个规范性文件都没有，许可处罚强制也没有，不收费",
])
def test_table_two_said_to_be_all_zero_is_every_cell_zero_in_force_too(said):
    out = parse_t2(said)
    assert not out.questions, out.questions
    assert out.cells[("t2", "normative", "in_force")] == 0
    assert all(out.cells[("t2", r, "decisions")] == 0 for r in ("licensing", "penalty", "enforcement"))
    assert out.cells[("t2", "fees", "fee_amount")] == 0


@pytest.mark.parametrize("first", [
    "今年新收了50件，连上去年结转的一共60件，公开55件，剩下5件转明年",
    "新收50件，加上上年结转的一共60件，公开了55件，还有5件结转下年",
])
def test_the_kind_said_alone_when_results_count_the_carried_in_too_keeps_the_new_count(first):
    out = answers.parse("t3", [first, "都是个人申请的"], carried={"natural": 10})
    assert out.cells.get(("t3", "new", "natural")) == 50, out
