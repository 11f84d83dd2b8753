"""表三 phenomena of probe 19's answers, each in several phrasings (none of them the probe's): 不掌握 said as what the
body has not (“局里根本没有的4件”) before a count; a result said after 都答复 (“都答复公开了”: 公开, not only “all
finished”); 无正当理由大量反复申请 told as what the applicant did (“一个劲地申请”, “申请了一大堆”, “讲不出理由”)."""

import pytest

from gkassist.core.formats import get_format
from gkassist.dialogue import answers


def cells(*turns, version="2021"):
    out = answers.parse("t3", list(turns), fmt=get_format(version))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


def results(got):
    return {r: v for (r, k), v in got.items() if k == "natural" and r not in ("new", "results_total")}


@pytest.mark.parametrize("held", ["镇里没有的", "咱们手上没有的", "局里根本没有的", "本单位没有的", "我们这儿也没有的",
                                  "俺们压根就没的"])
def test_what_the_body_has_not_before_a_count_is_not_held(held):
    assert results(cells(f"个人申请6件，公开2件，{held}4件")) == {"open": 2, "unable_1": 4}


@pytest.mark.parametrize("said", ["全都答复公开了", "都已答复予以公开", "都答复公开了"])
def test_all_answered_with_a_result_is_that_result(said):
    assert results(cells(f"个人申请5件，{said}")) == {"open": 5}


def test_all_answered_then_a_result_for_some_and_a_carry():
    assert results(cells("个人申请5件，4件均办结公开了，1件结转")) == {"open": 4, "carry_next": 1}


def test_all_answered_without_a_result_is_still_asked():
    out = answers.parse("t3", ["个人申请3件，都答复了"], fmt=get_format("2021"))
    assert out.questions


@pytest.mark.parametrize("bulk", [
    "2件是同一个人一个劲地申请，不予处理",
    "2件是有人不停地来申请，又讲不出什么理由，不予处理",
    "另外2件申请了一大堆，没有理由，不予处理",
    "另外2件是同一个人接二连三地提，给不出理由，不予处理",
])
def test_many_applications_without_reason_is_reject_4(bulk):
    assert results(cells(f"个人申请5件，公开3件，{bulk}")) == {"open": 3, "reject_4": 2}


@pytest.mark.parametrize("said", ["要别人个人信息的15件", "查邻居家个人信息的15件", "15件是打听他人隐私的",
                                  "15件要的是人家的个人资料"])
def test_asking_for_someone_else_s_personal_information_is_deny_4(said):
    assert results(cells(f"个人新收30件，公开15件；{said}")) == {"open": 15, "deny_4": 15}


@pytest.mark.parametrize("said", ["今年没有往明年转的", "没往下一年转的", "不用往明年结转"])
def test_nothing_carried_towards_next_year_is_no_carry(said):
    got = cells(f"个人申请5件，公开5件，{said}")
    assert results(got) == {"open": 5}


@pytest.mark.parametrize("said, count", [
    ("个人申请大概20件，具体是21件，公开21件", 21),
    ("个人申请20多件，准确地说是23件，都公开了", 23),
    ("个人申请将近30件，确切的数是28，公开28件", 28),
    ("个人新收100件出头，准确是103件，公开103件", 103),
])
def test_an_exact_count_right_after_an_approximate_one_takes_its_place(said, count):
    got = cells(said)
    assert got[("new", "natural")] == count and results(got) == {"open": count}


def test_an_approximate_count_alone_is_still_asked():
    out = answers.parse("t3", ["个人申请20多件，公开20件"], fmt=get_format("2021"))
    assert out.questions


def test_the_kind_said_in_the_next_answer_after_an_exact_count():
    got = cells("今年新收50件出头，准确是52件，公开40，不掌握12", "全是个人的")
    assert got[("new", "natural")] == 52 and results(got) == {"open": 40, "unable_1": 12}


FIRST = "企业申请2件，一件公开一件部分公开；个人申请4件全公开"


@pytest.mark.parametrize("second", [
    "公司那件部分公开的搞错了，2件都是公开",
    "稍等，企业的那件部分公开的我说错了，两个都是予以公开",
    "企业那件部分公开的弄错了，其实两件全部公开了",
])
def test_a_kind_s_case_taken_back_then_all_of_them_in_one_row_moves_that_case(second):
    got = cells(FIRST, second)
    assert {r: v for (r, k), v in got.items() if k == "business" and r != "results_total"} == {"new": 2, "open": 2}
    assert got[("open", "natural")] == 4


def test_all_of_a_kind_in_one_row_that_its_other_results_contradict_is_asked():
    out = answers.parse("t3", ["个人申请3件，2件公开1件不掌握；律所申请3件，2件公开1件重复申请",
                               "个人那件不掌握的弄错了，3件都是部分公开"], fmt=get_format("2021"))
    assert out.questions


@pytest.mark.parametrize("second, row", [("企业那件部分公开的记错了，也是公开", "open"),
                                         ("公司那件部分公开的说错了，应该是不掌握", "unable_1")])
def test_a_kind_s_case_named_by_its_result_taken_back_moves_to_the_row_said_next(second, row):
    got = cells(FIRST, second)
    business = {r: v for (r, k), v in got.items() if k == "business" and r not in ("new", "results_total")}
    assert business == ({"open": 2} if row == "open" else {"open": 1, row: 1})


def with_carried(*turns):
    out = answers.parse("t3", list(turns), carried={"natural": 20.0}, fmt=get_format("2021"))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {r: v for (_, r, k), v in out.cells.items() if v and k == "natural" and r != "results_total"}


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


@pytest.mark.parametrize("said", ["反正年底也没有剩下没办完的", "年底没剩下没办结的", "没有留下没答复的", "也没有落下没处理完的"])
def test_nothing_left_unfinished_at_the_year_s_end_is_no_carry(said):
    got = cells(f"个人申请2件，1件公开，1件我们不掌握，{said}")
    assert results(got) == {"open": 1, "unable_1": 1}
