"""Later answers that change whose cases an earlier answer counted, or add cases with their own results: cases moved
from one kind to another take their result with them; a kind said later brings its own results (never a share of
another kind's figures); last year's carried cases said later with their results add to them.  Also: an aside for
表二 inside a 表三 answer, a kind's cases spoken of again by who applied, and “没有规范性文件” at 表二 — each
phenomenon in several phrasings (read at the reader's level; whole conversations are in tests/answers)."""

import pytest

from gkassist.dialogue import answers


def cells(table, *turns, carried=None):
    out = answers.parse(table, list(turns), carried)
    assert not out.refusal and not out.questions, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


# ------------------------------------------------------------------ part of a kind moved, with its result said next
@pytest.mark.parametrize("first, moved, expect", [
    ("个人30件，企业9件。个人的公开20、不掌握10；企业的公开7、不掌握2", "企业那9件里有4件其实是律所申请的，这4件都公开了",
     {("new", "natural"): 30, ("new", "business"): 5, ("new", "legal"): 4, ("open", "natural"): 20,
      ("unable_1", "natural"): 10, ("open", "business"): 3, ("unable_1", "business"): 2, ("open", "legal"): 4}),
    ("个人30件，企业9件。个人的公开20、不掌握10；企业的公开7、不掌握2", "企业那9件里有4件应该算律所的，都是公开的",
     {("new", "natural"): 30, ("new", "business"): 5, ("new", "legal"): 4, ("open", "natural"): 20,
      ("unable_1", "natural"): 10, ("open", "business"): 3, ("unable_1", "business"): 2, ("open", "legal"): 4}),
    ("自然人申请20件，公益组织3件；自然人：公开12，部分公开5，不掌握3；公益组织的都公开了",
     "核了一下，自然人里有2件其实是企业申请的，那2件是部分公开的",
     {("new", "natural"): 18, ("new", "nonprofit"): 3, ("new", "business"): 2, ("open", "natural"): 12,
      ("partial", "natural"): 3, ("unable_1", "natural"): 3, ("partial", "business"): 2, ("open", "nonprofit"): 3}),
    ("个人申请10件，企业4件。个人的公开6、不掌握4；企业的公开3、部分公开1", "个人的有1件其实是科研机构的，那件是不掌握的",
     {("new", "natural"): 9, ("new", "business"): 4, ("new", "research"): 1, ("open", "natural"): 6,
      ("unable_1", "natural"): 3, ("open", "business"): 3, ("partial", "business"): 1, ("unable_1", "research"): 1}),
    ("自然人申请10件，公开7件，不掌握3件", "其中2件其实是企业申请的，都是不掌握",
     {("new", "natural"): 8, ("new", "business"): 2, ("open", "natural"): 7, ("unable_1", "natural"): 1,
      ("unable_1", "business"): 2}),
])
def test_cases_moved_to_another_kind_take_their_result_with_them(first, moved, expect):
    assert cells("t3", first, moved) == expect


def test_a_moved_result_the_source_has_too_few_of_is_asked_not_made_negative():
    out = answers.parse("t3", ["个人30件，企业9件。个人的公开20、不掌握10；企业的公开2、不掌握7",
                               "企业那9件里有4件其实是律所申请的，这4件都公开了"])
    assert out.questions and all(v >= 0 for v in out.cells.values())


def test_last_year_s_cases_said_with_their_result_are_not_among_those_moved():
    carried = {"natural": 103}
    assert cells("t3", "今年个人3000件，企业90件。个人的公开1800、部分公开500、不掌握700；企业的公开70、不掌握20；"
                       "另外去年转来的103件都公开了（不在上面数里），年底没有结转",
                 "哦企业那90件里有40件其实是律师事务所申请的，这40件都公开了", carried=carried)[("open", "natural")] == 1903


# ------------------------------------------------------------------ a kind said later brings its own results
@pytest.mark.parametrize("first, later, expect", [
    ("个人申请20件，公开15件，不掌握5件", "还有企业的3件忘说了，2件公开，1件不掌握",
     {("new", "natural"): 20, ("new", "business"): 3, ("open", "natural"): 15, ("unable_1", "natural"): 5,
      ("open", "business"): 2, ("unable_1", "business"): 1}),
    ("自然人12件，公开10件，部分公开2件", "漏了，律所申请了2件，1件公开，1件部分公开",
     {("new", "natural"): 12, ("new", "legal"): 2, ("open", "natural"): 10, ("partial", "natural"): 2,
      ("open", "legal"): 1, ("partial", "legal"): 1}),
    ("个人申请20件，公开15件，不掌握5件", "另外公益组织还有4件，公开3件，不掌握1件",
     {("new", "natural"): 20, ("new", "nonprofit"): 4, ("open", "natural"): 15, ("unable_1", "natural"): 5,
      ("open", "nonprofit"): 3, ("unable_1", "nonprofit"): 1}),
])
def test_a_kind_added_later_keeps_the_earlier_kind_s_figures(first, later, expect):
    assert cells("t3", first, later) == expect


@pytest.mark.parametrize("first, later, expect", [
    ("个人申请20件，连去年结转的一共办结23件：公开18件，不掌握5件", "还有企业的3件忘说了，2件公开，1件不掌握",
     {("new", "natural"): 20, ("new", "business"): 3, ("open", "natural"): 18, ("unable_1", "natural"): 5,
      ("open", "business"): 2, ("unable_1", "business"): 1}),
    ("个人申请20件，加上去年转来的3件，一共办了23件，公开18件，不掌握5件", "漏了，律所也有2件，1件公开，1件不掌握",
     {("new", "natural"): 20, ("new", "legal"): 2, ("carried", "natural"): 3, ("open", "natural"): 18,
      ("unable_1", "natural"): 5, ("open", "legal"): 1, ("unable_1", "legal"): 1}),
    ("自然人新收20件，连结转的共23件：公开18，不掌握5", "另外公益组织申请了4件，公开3件，部分公开1件",
     {("new", "natural"): 20, ("new", "nonprofit"): 4, ("open", "natural"): 18, ("unable_1", "natural"): 5,
      ("open", "nonprofit"): 3, ("partial", "nonprofit"): 1}),
])
def test_results_said_with_last_year_s_included_stay_that_kind_s_when_a_kind_is_added(first, later, expect):
    # (“连上年结转的一共23件”: a total of both years, never 23 carried in nor 23 new; the results count both years')
    assert cells("t3", first, later, carried={"natural": 3}) == expect


def test_a_result_said_for_every_kind_is_still_shared_out_by_a_kind_s_figure_said_later():
    assert cells("t3", "收到12件，公开10件，不掌握2件", "个人10件，企业2件，企业的公开2件") == {
        ("new", "natural"): 10, ("new", "business"): 2, ("open", "business"): 2, ("open", "natural"): 8,
        ("unable_1", "natural"): 2}


# ------------------------------------------------------------------ last year's cases said later, with their results
@pytest.mark.parametrize("first, later, expect", [
    ("个人10件；公开6件，不掌握4件，年底没有结转", "去年那3件都办了，2件公开，1件我们不掌握",
     {("open", "natural"): 8, ("unable_1", "natural"): 5}),
    ("个人10件；公开6件，不掌握4件，没有转明年的", "上年的那3件也都办完了，公开2件，部分公开1件",
     {("open", "natural"): 8, ("unable_1", "natural"): 4, ("partial", "natural"): 1}),
    ("个人10件，企业2件；个人的公开6件，不掌握4件；企业的都公开了，没有结转", "去年这3件呢，2件公开，1件不掌握",
     {("open", "natural"): 8, ("unable_1", "natural"): 5, ("open", "business"): 2, ("new", "business"): 2}),
])
def test_last_year_s_cases_said_later_add_their_results(first, later, expect):
    got = cells("t3", first, later, carried={"natural": 3})
    assert got[("new", "natural")] == 10 and got[("carried", "natural")] == 3
    assert {k: v for k, v in got.items() if k[0] not in ("new", "carried") or k == ("new", "business")} == expect


# ------------------------------------------------------------------ an aside for 表二 inside a 表三 answer
@pytest.mark.parametrize("said, expect", [
    ("个人5件，企业2件——对了规范性文件今年废了好几个，等会儿说。个人的公开4件，不掌握1件；企业的都公开",
     {("new", "natural"): 5, ("new", "business"): 2, ("open", "natural"): 4, ("unable_1", "natural"): 1,
      ("open", "business"): 2}),
    ("自然人申请3件（顺便说一下，规范性文件今年发了2个），都公开了", {("new", "natural"): 3, ("open", "natural"): 3}),
    ("自然人申请3件，都公开了。另外规范性文件今年废止了1件，表二再说", {("new", "natural"): 3, ("open", "natural"): 3}),
    ("个人4件，对了，规范性文件现行有效的还是5个，个人的都公开了", {("new", "natural"): 4, ("open", "natural"): 4}),
])
def test_a_proactive_aside_is_kept_for_its_table_never_read_as_applications(said, expect):
    state = answers.start("t3")
    state, out = answers.answer(state, said)
    assert not out.questions and {(r, c): v for (_, r, c), v in out.cells.items() if v} == expect
    assert [a.table for a in state.reading.asides] == ["t2"] and "规范性文件" in state.reading.asides[0].words


@pytest.mark.parametrize("said", ["个人申请3件，要的都是现行有效的规范性文件目录，都公开了",
                                  "个人申请3件，问的是去年废止的规范性文件，都公开了",
                                  "收到2件，都是个人的。一件是要今年新发的规范性文件，给了；另一件要查去年废止的文件目录，也公开了"])
def test_documents_a_case_asked_for_are_no_aside(said):
    state, out = answers.answer(answers.start("t3"), said)
    assert not state.reading.asides and not out.questions and out.cells[("t3", "open", "natural")] in (2, 3)


# ------------------------------------------------------------------ a kind's cases spoken of again by who applied
@pytest.mark.parametrize("said, expect", [
    ("个人33，其他组织10。个人的公开20，不掌握10；其他组织那10件是几个村委会申请的，部分公开；年底结转3件，全是个人的",
     {("new", "natural"): 33, ("new", "other"): 10, ("open", "natural"): 20, ("unable_1", "natural"): 10,
      ("partial", "other"): 10, ("carry_next", "natural"): 3}),
    ("个人8件，其他组织2件：个人的公开8件；其他组织的2件是业委会申请的，不掌握",
     {("new", "natural"): 8, ("new", "other"): 2, ("open", "natural"): 8, ("unable_1", "other"): 2}),
    ("个人8件，其他组织2件：个人的公开8件；其他组织的2件都是村委会申请的，部分公开",
     {("new", "natural"): 8, ("new", "other"): 2, ("open", "natural"): 8, ("partial", "other"): 2}),
    ("个人8件，企业2件：个人的公开8件；企业的2件是一家公司申请的，都公开了",
     {("new", "natural"): 8, ("new", "business"): 2, ("open", "natural"): 8, ("open", "business"): 2}),
    ("个人8件，企业2件。个人的公开8件；企业的2件，都公开了",
     {("new", "natural"): 8, ("new", "business"): 2, ("open", "natural"): 8, ("open", "business"): 2}),
])
def test_a_kind_s_cases_said_again_by_who_applied_are_those_cases_with_their_result(said, expect):
    assert cells("t3", said) == expect


# ------------------------------------------------------------------ 表二: no documents at all
@pytest.mark.parametrize("said", ["没有规范性文件，一个都没发过。行政许可3件", "我们镇没有规范性文件，许可3件",
                                  "本单位没有行政规范性文件；许可3件", "镇里从来没有规范性文件，许可3件",
                                  "都是零，我们镇没出过规范性文件，许可3件", "单位从来没发过规范性文件，许可3件"])
def test_no_documents_at_all_said_before_the_row_is_none_made_repealed_or_in_force(said):
    got = answers.parse("t2", [said]).cells
    assert [got.get(("t2", "normative", c)) for c in ("issued", "repealed", "in_force")] == [0, 0, 0]


@pytest.mark.parametrize("said", ["今年没有规范性文件，许可3件", "没有制发规范性文件，许可3件", "规范性文件今年一个没发，许可3件",
                                  "今年没出过规范性文件，许可3件"])
def test_none_made_this_year_says_nothing_of_what_is_in_force(said):
    assert ("t2", "normative", "in_force") not in answers.parse("t2", [said]).cells


# ------------------------------------------------------------------ a kind's part of a figure said for every kind
@pytest.mark.parametrize("turns, expect", [
    (["今年收到申请10件，公开了8件，不掌握2件", "个人的6件，公司3件，律所1件", "公司那3件里公开3件，律所那件也公开了"],
     {("new", "natural"): 6, ("new", "business"): 3, ("new", "legal"): 1, ("open", "business"): 3, ("open", "legal"): 1,
      ("open", "natural"): 4, ("unable_1", "natural"): 2}),
    (["收到5件，公开4件，不掌握1件", "个人4件，企业1件，企业的那件是公开的"],
     {("new", "natural"): 4, ("new", "business"): 1, ("open", "business"): 1, ("open", "natural"): 3,
      ("unable_1", "natural"): 1}),
    (["收到7件，公开5件，部分公开2件", "个人5件，律所2件，律所的也是公开"],
     {("new", "natural"): 5, ("new", "legal"): 2, ("open", "legal"): 2, ("open", "natural"): 3,
      ("partial", "natural"): 2}),
])
def test_one_kind_s_result_said_without_a_count_is_its_part_of_the_figure_for_every_kind(turns, expect):
    assert cells("t3", *turns) == expect


# ------------------------------------------------------------------ what a case asked for ends with its kind
@pytest.mark.parametrize("said, expect", [
    ("律所8件，个人10件。个人的：公开5，要我们确认他已经拿到的文件的5；律所8件：公开5，不掌握3",
     {("open", "natural"): 5, ("reject_5", "natural"): 5, ("open", "legal"): 5, ("unable_1", "legal"): 3}),
    ("个人10件，律所8件。个人的：公开5，要的是别人的隐私信息的5；律所那8件：公开5，不掌握3",
     {("open", "natural"): 5, ("deny_4", "natural"): 5, ("open", "legal"): 5, ("unable_1", "legal"): 3}),
])
def test_another_kind_s_result_is_never_the_result_of_what_a_case_asked_for(said, expect):
    got = cells("t3", said)
    assert {k: v for k, v in got.items() if k[0] != "new"} == expect


# ------------------------------------------------------------------ kinds said after, one applicant of another kind
@pytest.mark.parametrize("turns, expect", [
    (["收到申请3件，2件公开，1件部分公开", "申请人俩是村民个人，一个是本地一家公司，公司那件是部分公开的"],
     {("new", "natural"): 2, ("new", "business"): 1, ("partial", "business"): 1, ("open", "natural"): 2}),
    (["收到申请4件，3件公开，1件不掌握", "3件是个人申请的，一件是一家律所，律所那件公开了"],
     {("new", "natural"): 3, ("new", "legal"): 1, ("open", "legal"): 1, ("open", "natural"): 2, ("unable_1", "natural"): 1}),
    (["今年来了5件申请，4件公开，1件部分公开", "申请人4个是群众，一个是县里的律所，律所那件是部分公开"],
     {("new", "natural"): 4, ("new", "legal"): 1, ("partial", "legal"): 1, ("open", "natural"): 4}),
])
def test_one_applicant_of_another_kind_is_one_of_those_counted_without_a_kind(turns, expect):
    assert cells("t3", *turns) == expect
