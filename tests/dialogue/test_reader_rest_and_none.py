"""What is left said without its count, and a mistake announced before it is put right (none of these a probe's
sentence): the rest said to carry on takes what the results leave of this year's applications AND of last year's
said carried in; an outcome of 表四 said to have no case (“没有未审结的”) is 0, so the rest said of another outcome
takes what is left — and never the rest itself; “有两件记错了” before the correction is no application, and alone it
is asked."""

import pytest

from gkassist.dialogue import answers


def cells(table, *turns, carried=None):
    out = answers.parse(table, list(turns), carried)
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(c if table == "t4" else f"{r}.{c}"): v for (_, r, c), v in out.cells.items() if v}


@pytest.mark.parametrize("turns, carried, expected", [
    (["本年度收到的全是群众申请，共60件", "上年结转的5件和今年的合在一起，公开40件，不掌握10件，剩下的没办完，转下一年"],
     {"natural": 5}, {"new.natural": 60, "carried.natural": 5, "open.natural": 40, "unable_1.natural": 10,
                      "carry_next.natural": 15}),
    (["企业申请了20件，去年结转过来2件", "连同去年的，予以公开15件，部分公开3件，其余的都没办结，结转到下一年度"],
     {"business": 2}, {"new.business": 20, "carried.business": 2, "open.business": 15, "partial.business": 3,
                       "carry_next.business": 4}),
    (["自然人申请12件，上年结转1件", "公开了8件，其余都还在办，转明年"],
     {"natural": 1}, {"new.natural": 12, "carried.natural": 1, "open.natural": 8, "carry_next.natural": 5}),
])
def test_the_rest_carried_on_counts_last_years_said_carried_in(turns, carried, expected):
    assert cells("t3", *turns, carried=carried) == expected


def test_the_rest_carried_on_among_several_kinds_is_asked():
    out = answers.parse("t3", ["个人申请10件，企业申请5件", "公开9件，其余的转到明年"])
    assert out.questions and not out.cells.get(("t3", "carry_next", "natural")), out


@pytest.mark.parametrize("turns, expected", [
    (["行政复议40件", "维持30件，纠正4件，剩下的都是其他结果，没有未审结的"],
     {"review.upheld": 30, "review.corrected": 4, "review.other": 6}),
    (["复议20件，维持15，没有被纠正的，余下的还在审"], {"review.upheld": 15, "review.pending": 5}),
    (["直接起诉12件，维持7件，其他结果的一件也没有，其余年底都没判"], {"suit_direct.upheld": 7, "suit_direct.pending": 5}),
    (["复议9件：维持6件，纠正的没有，剩余的是撤回"], {"review.upheld": 6, "review.other": 3}),
])
def test_an_outcome_said_to_have_none_is_zero_and_the_rest_goes_to_the_outcome_named(turns, expected):
    assert cells("t4", *turns) == expected


@pytest.mark.parametrize("said", ["复议10件，维持8件，没有未审结的", "复议10件，维持8件，纠正的一件都没有",
                                  "诉讼6件，维持4件，其他结果为零"])
def test_an_outcome_said_to_have_none_never_takes_the_rest(said):
    out = answers.parse("t4", [said])
    assert any("没有说结果" in q for q in out.questions), out
    assert not any(v == 2 for (_, _, c), v in out.cells.items() if not c.endswith("upheld")), out


@pytest.mark.parametrize("then, moved_to", [
    ("不好意思有两件弄错了，企业的8件里2件其实是研究所申请的，同样公开了", "research"),
    ("其中有2件搞错了，企业8件里有2件实际是公益组织申请的，结果一样", "nonprofit"),
    ("有两件填错了，企业那8件中有2件其实是律所申请的，也公开了", "legal"),
    ("嗯，刚才有2件记错了，企业那8件里有2件实际是律师事务所申请的，也是公开", "legal"),
])
def test_a_mistake_announced_before_the_case_moved_is_no_application(then, moved_to):
    first = "个人申请30件，企业申请8件；个人的公开25件，不掌握5件；企业的都公开了"
    assert cells("t3", first, then) == {"new.natural": 30, "new.business": 6, f"new.{moved_to}": 2,
                                        "open.natural": 25, "unable_1.natural": 5, "open.business": 6,
                                        f"open.{moved_to}": 2}


@pytest.mark.parametrize("then", ["有两件记错了", "刚才有一件说错了"])
def test_a_mistake_announced_and_not_put_right_is_asked(then):
    out = answers.parse("t3", ["个人申请30件，企业申请8件；个人的公开25件，不掌握5件；企业的都公开了", then])
    assert then in out.not_understood or out.questions, out
