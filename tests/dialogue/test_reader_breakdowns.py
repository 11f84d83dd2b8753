"""A count broken down by kind right after it (“公开62件，个人55、企业5、律所2”), a kind said after a list of results
(“……，都是个人的”), the applications' total with its breakdown, “去年没结转”, and the whole of 表三 in one answer, as
the clerks of larger units type them (the conversations through `gkassist draft --answers` are in
tests/answers/reader.jsonl)."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t3", list(turns))
    assert not out.refusal and not out.questions, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


def asks(*turns):
    out = answers.parse("t3", list(turns))
    return bool(out.questions or out.refusal)


APPLIED = "个人申请7件，企业申请2件，律所申请1件。"


# ------------------------------------------------------------------ A: a breakdown of the count just said
@pytest.mark.parametrize("said", [
    "公开10件（个人7、企业2、律所1）", "公开10件，个人7、企业2、律所1", "予以公开的10件，个人7，企业2，律所1",
    "公开了10件，7件个人2件公司1件律所", "公开10件，个人7企业2律所1", "公开10件，自然人7件企业2件律师事务所1件",
    "公开10件：7件是个人的，2件是企业，1件是律所",
])
def test_a_breakdown_distributes_the_count_over_the_kinds(said):
    assert cells(APPLIED + said) == {("new", "natural"): 7, ("new", "business"): 2, ("new", "legal"): 1,
                                      ("open", "natural"): 7, ("open", "business"): 2, ("open", "legal"): 1}


@pytest.mark.parametrize("said, row", [
    ("不掌握的10件，个人7、企业2、律所1", "unable_1"), ("部分公开10件（个人7、企业2、律所1）", "partial"),
    ("重复申请10件，个人7件企业2件律所1件", "reject_2"), ("年底没办完的10件转明年，个人7、企业2、律所1", "carry_next"),
])
def test_a_breakdown_after_any_result_row(said, row):
    got = cells(APPLIED + said)
    assert (got[(row, "natural")], got[(row, "business")], got[(row, "legal")]) == (7, 2, 1)
    assert (got[("new", "natural")], got[("new", "business")], got[("new", "legal")]) == (7, 2, 1)


@pytest.mark.parametrize("said", ["公开10件，个人6、企业2、律所1", "公开了10件，8件个人3件公司"])
def test_a_breakdown_that_does_not_add_up_is_asked(said):
    assert asks(APPLIED + said)


# ------------------------------------------------------------------ B: a kind said after a list of results
@pytest.mark.parametrize("said", [
    "不予公开的：涉及第三方权益3件、内部事务2件、过程性信息2件，都是个人的",
    "第三方权益3件，内部事务2件，过程性信息2件，这几个都是个人",
    "不予公开的都是个人的，国家秘密3件，内部事务2件，过程性信息2件",
])
def test_a_kind_said_after_a_list_of_results_is_every_ones(said):
    got = cells("个人申请9件，企业申请2件。企业的2件都公开了；" + said)
    assert got[("open", "business")] == 2 and not any(c == "business" for (r, c) in got if r.startswith("deny"))
    assert sum(v for (r, c), v in got.items() if r.startswith("deny") and c == "natural") == 7


def test_the_kind_said_after_covers_only_the_results_since_a_kind_was_named():
    got = cells("个人申请8件，企业申请2件。公开2件，企业的；重复申请3件、信访投诉类5件，都是个人")
    assert got[("open", "business")] == 2 and got[("reject_2", "natural")] == 3 and got[("reject_1", "natural")] == 5


# ------------------------------------------------------------------ C: the applications' total with its breakdown
@pytest.mark.parametrize("said", [
    "今年新收10件，个人7，企业2，律所1", "今年新收10件，7件是个人申请的，2件是公司，1件是律所",
    "共收到申请10件（个人7件、企业2件、律所1件）", "今年一共受理10件，个人7企业2律所1",
])
def test_the_total_with_its_breakdown_is_the_sum_not_more(said):
    got = cells(said + "。都公开了")
    assert (got[("new", "natural")], got[("new", "business")], got[("new", "legal")]) == (7, 2, 1)


# ------------------------------------------------------------------ D: nothing carried in
@pytest.mark.parametrize("said", ["去年没结转", "去年没结转的", "去年没结转过来的", "没有结转过来的", "上年结转0",
                                  "上年结转0件"])
def test_nothing_carried_in_is_not_asked(said):
    assert cells(said + "。个人申请2件，都公开了") == {("new", "natural"): 2, ("open", "natural"): 2}


# ------------------------------------------------------------------ E: all of 表三 in one answer
def test_the_whole_table_in_one_answer():
    got = cells("今年新收120件，个人100，企业15，律所5。去年没结转。结果：公开49件（个人39、企业8、律所2）；"
                "部分公开20件，个人17企业3；不予公开的：国家秘密1件、内部事务10件、过程性信息4件，都是个人的；"
                "本机关不掌握的26件，个人20、企业3、律所3；需要另行制作的3件，个人；重复申请2件、信访投诉类3件，都是个人；"
                "逾期不补正的1件个人；年底没办完的1件转明年，企业1")
    assert (got[("new", "natural")], got[("new", "business")], got[("new", "legal")]) == (100, 15, 5)
    assert got[("open", "natural")] == 39 and got[("partial", "business")] == 3 and got[("deny_5", "natural")] == 10
    assert got[("unable_1", "legal")] == 3 and got[("reject_1", "natural")] == 3 and got[("carry_next", "business")] == 1
    for kind, applied in (("natural", 100), ("business", 15), ("legal", 5)):  # every application accounted for
        assert sum(v for (r, c), v in got.items() if c == kind and r != "new") == applied


@pytest.mark.parametrize("said", ["公开10件，个人6……哦不对，个人7、企业2、律所1", "公开10件，个人8企业2……不对，个人7企业2律所1"])
def test_shares_taken_back_are_replaced_by_the_ones_after(said):
    got = cells(APPLIED + said)
    assert (got[("open", "natural")], got[("open", "business")], got[("open", "legal")]) == (7, 2, 1)


def test_a_breakdown_that_does_not_add_up_asks_for_the_shares_and_adds_no_applications():
    out = answers.parse("t3", [APPLIED + "公开10件，个人6、企业2、律所1"])
    assert any("对不上" in q for q in out.questions)
    assert out.cells.get(("t3", "new", "natural")) == 7


@pytest.mark.parametrize("said", ["不予公开的都是个人的，国家秘密3件，第三方权益2件，内部事务2件",
                                  "不公开的全是个人的：涉密3件、涉及第三方2件、内部事务2件"])
def test_a_kind_said_of_a_group_before_its_reasons_is_theirs(said):
    got = cells("个人申请9件，企业申请2件。公开2件，企业的；" + said)
    assert (got[("deny_1", "natural")], got[("deny_4", "natural")], got[("deny_5", "natural")]) == (3, 2, 2)
    assert got[("open", "business")] == 2


@pytest.mark.parametrize("said", ["另外1件个人的是12月29号才收到的，还没办完，结转到明年",
                                  "还有1件个人的年底才到，没办完，转到明年"])
def test_a_case_described_then_carried_on_is_one_of_those_counted(said):
    got = cells("今年新收4件，3件是个人申请的，1件是公司。公开了3件，2件个人1件公司；" + said)
    assert got[("new", "natural")] == 3 and got[("carry_next", "natural")] == 1
