"""表三: counts said again, moved or put right, each in several phrasings (none of them a probe's): some of one kind's
applications said to be another kind's (“企业那8件里有2件是科研机构申请的”), with or without a correction word; a case
named by its reason or its result taken back and moved to the row said next; an exact count right after an
approximate one; this year's and last year's added up, and results counting last year's cases; each kind's count
under a result's heading; a correction splitting a figure into two rows."""

import pytest

from gkassist.core.formats import get_format
from gkassist.dialogue import answers
from support import results, understood


# ------------------------------------------------------------------ a count of one kind moved to another
@pytest.mark.parametrize("later, source, target, n", [
    ("企业那8件里有2件是科研机构申请的", "business", "research", 2),
    ("企业的8件当中有2件是研究所申请的", "business", "research", 2),
    ("个人那10件中有3件是律所的", "natural", "legal", 3),
    ("企业那8件里有2件是律师事务所来要的，都公开了", "business", "legal", 2),
])
def test_some_of_a_kind_said_to_be_another_s_are_moved_without_a_correction_word(later, source, target, n):
    got = understood("t3", "个人申请10件，企业8件，都公开了", later, version="2021")
    before = {"natural": 10, "business": 8}
    assert got[("new", target)] == n and got[("new", source)] == before[source] - n
    assert got[("open", target)] == n and got[("open", source)] == before[source] - n
    assert sum(v for (r, k), v in got.items() if r == "new") == 18


@pytest.mark.parametrize("first, later", [
    ("新收申请100件，都是个人的，公开80，不掌握20", "不好意思，有10件实际是公司申请的，都是公开的"),
    ("新收申请100件，都是老百姓的，公开80，不掌握20", "等下，有10件其实是企业申请的，这10件都公开了"),
    ("自然人申请100件，公开80，不掌握20", "不对，有10件其实是公司申请的，都公开了"),
])
def test_some_of_the_one_kind_said_to_be_another_s_are_moved_not_the_total_put_right(first, later):
    got = understood("t3", first, later, version="2021")
    assert got[("new", "natural")] == 90 and got[("new", "business")] == 10
    assert got[("open", "natural")] == 70 and got[("open", "business")] == 10 and got[("unable_1", "natural")] == 20


@pytest.mark.parametrize("later", [
    "公开的：个人5件，企业2件；企业另外1件是别的公司的商业秘密，没给；个人那边2件我们不掌握，还有1件转明年",
    "予以公开：自然人5件、企业2件；不掌握：个人2件；企业1件涉及商业秘密不公开；个人1件转明年",
    "公开：群众5件，公司2件。不掌握的：群众2件。公司那1件里头是别家企业的商业秘密，不公开。群众还有1件结转下年",
])
def test_each_kind_s_count_under_a_result_s_heading_is_that_result(later):
    got = understood("t3", "自然人8件，企业3件", later, version="2021")
    assert {k: v for k, v in got.items() if "total" not in k} == {
        ("new", "natural"): 8, ("new", "business"): 3, ("open", "natural"): 5, ("open", "business"): 2,
        ("unable_1", "natural"): 2, ("deny_4", "business"): 1, ("carry_next", "natural"): 1}


# ------------------------------------------------------------------ a case taken back by its reason or its result moves to the row said next
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
    got = understood("t3", *turns)
    assert source not in {r for r, _ in got}
    assert got[(target, "natural")] >= 1
    assert sum(v for (r, _), v in got.items() if r not in ("new", "total")) == got[("new", "natural")]


FIRST = "企业申请2件，一件公开一件部分公开；个人申请4件全公开"


@pytest.mark.parametrize("second", [
    "公司那件部分公开的搞错了，2件都是公开",
    "稍等，企业的那件部分公开的我说错了，两个都是予以公开",
    "企业那件部分公开的弄错了，其实两件全部公开了",
])
def test_a_kind_s_case_taken_back_then_all_of_them_in_one_row_moves_that_case(second):
    got = understood("t3", FIRST, second, version="2021")
    assert {r: v for (r, k), v in got.items() if k == "business" and r != "results_total"} == {"new": 2, "open": 2}
    assert got[("open", "natural")] == 4


def test_all_of_a_kind_in_one_row_that_its_other_results_contradict_is_asked():
    out = answers.parse("t3", ["个人申请3件，2件公开1件不掌握；律所申请3件，2件公开1件重复申请",
                               "个人那件不掌握的弄错了，3件都是部分公开"], fmt=get_format("2021"))
    assert out.questions


@pytest.mark.parametrize("second, row", [("企业那件部分公开的记错了，也是公开", "open"),
                                         ("公司那件部分公开的说错了，应该是不掌握", "unable_1")])
def test_a_kind_s_case_named_by_its_result_taken_back_moves_to_the_row_said_next(second, row):
    got = understood("t3", FIRST, second, version="2021")
    business = {r: v for (r, k), v in got.items() if k == "business" and r not in ("new", "results_total")}
    assert business == ({"open": 2} if row == "open" else {"open": 1, row: 1})


# ------------------------------------------------------------------ an exact count after an approximate one
@pytest.mark.parametrize("said, count", [
    ("个人申请大概20件，具体是21件，公开21件", 21),
    ("个人申请20多件，准确地说是23件，都公开了", 23),
    ("个人申请将近30件，确切的数是28，公开28件", 28),
    ("个人新收100件出头，准确是103件，公开103件", 103),
])
def test_an_exact_count_right_after_an_approximate_one_takes_its_place(said, count):
    got = understood("t3", said, version="2021")
    assert got[("new", "natural")] == count and results(got) == {"open": count}


def test_an_approximate_count_alone_is_still_asked():
    out = answers.parse("t3", ["个人申请20多件，公开20件"], fmt=get_format("2021"))
    assert out.questions


def test_the_kind_said_in_the_next_answer_after_an_exact_count():
    got = understood("t3", "今年新收50件出头，准确是52件，公开40，不掌握12", "全是个人的", version="2021")
    assert got[("new", "natural")] == 52 and results(got) == {"open": 40, "unable_1": 12}


# ------------------------------------------------------------------ this year's and last year's cases added up
@pytest.mark.parametrize("said", ["自然人新收申请90件，上年结转103件，合计193件，公开150件，不掌握43件",
                                  "个人新收90件，去年结转过来103件，一共193件，公开150件，不掌握43件",
                                  "个人今年收了90件，上年转来103件，总共193件：公开150件，不掌握43件"])
def test_this_year_s_and_last_year_s_added_up_are_no_more_applications(said):
    out = answers.parse("t3", [said], {"natural": 103}, get_format("2021"))
    assert not out.questions and not out.not_understood, out
    got = {(r, c): v for (_, r, c), v in out.cells.items() if v}
    assert got[("new", "natural")] == 90 and got[("open", "natural")] == 150


def test_a_total_that_is_not_the_sum_said_is_still_asked():
    out = answers.parse("t3", ["个人新收50件，去年结转过来103件，共计160件，公开150件，不掌握3件"], {"natural": 103},
                        get_format("2021"))
    assert out.questions


def with_carried(*turns):
    got = understood("t3", *turns, version="2021", carried={"natural": 20.0})
    return {r: v for (r, k), v in got.items() if k == "natural" and r != "results_total"}


@pytest.mark.parametrize("first, second, split", [
    ("个人申请200件，公开100，部分公开50，我们没有的30，结转下年20",
     "不对，结转下年的是15件，另外5件申请人自己撤回了，算其他处理", {"carry_next": 15, "other_3": 5}),
    ("个人申请200件，公开100，部分公开50，不掌握30，转明年20",
     "说错了，转明年的只有12件，还有8件是逾期不补正的", {"carry_next": 12, "other_1": 8}),
])
def test_a_correction_splitting_a_figure_into_two_rows(first, second, split):
    assert with_carried(first, second) == {"new": 200, "open": 100, "partial": 50, "unable_1": 30,
                                           **split}


@pytest.mark.parametrize("second", [
    "去年结转的20件也都答复了，算上它们个人的一共办结120件：公开60，部分公开30，不掌握30；今年没有往明年转的",
    "上年转来的20件也办完了，个人的合计办结120件：公开60，部分公开30，我们这没有的30，没往下一年转的",
])
def test_results_counting_last_year_s_cases_with_nothing_carried_on(second):
    assert with_carried("新收个人申请100件", second) == {"new": 100, "carried": 20, "open": 60, "partial": 30,
                                                          "unable_1": 30}
