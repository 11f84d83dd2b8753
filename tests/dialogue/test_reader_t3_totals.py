"""表三 phenomena of probe 10, each in several phrasings (none of them the probe's): a total of results is no new
applications, last year's carried applications and their results, a kind moved by a correction, “没有转到明年的” that
does not add up, reasons told in everyday words, a late application among those counted — read at the reader's
level (whole conversations through the draft: benchmarks/probe_answers.py)."""

import pytest

from gkassist.core.formats import latest
from gkassist.dialogue import answers


def cells(*turns, carried=None):
    out = answers.parse("t3", list(turns), carried, latest())
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v and r != "carried"}


def asks(*turns, carried=None):
    out = answers.parse("t3", list(turns), carried, latest())
    return bool(out.questions or out.refusal or out.not_understood)


# ------------------------------------------------------------------ a total of results is no new applications
@pytest.mark.parametrize("total", ["一共办结了12件", "办结12件", "共办完12件", "全年办完了12件", "处理完12件"])
def test_a_kind_s_total_of_results_is_no_new_applications(total):
    said = f"群众申请10件，企业2件。去年转过来的2件也是群众的。群众的{total}：公开7件，不掌握4件，信访类1件；企业的2件都公开了"
    assert cells(said, carried={"natural": 2}) == {
        ("new", "natural"): 10, ("new", "business"): 2, ("open", "natural"): 7, ("unable_1", "natural"): 4,
        ("reject_1", "natural"): 1, ("open", "business"): 2}


@pytest.mark.parametrize("rest", ["其余转明年", "剩下的转到下一年办", "没办完的结转下年度"])
def test_what_a_results_total_leaves_of_this_and_last_year_s_carries_on(rest):
    said = f"居民申请20件；加上去年转来的3件，居民一共办结了21件，{rest}"
    out = answers.parse("t3", [said, "居民的：公开15件，不掌握6件"], {"natural": 3}, latest())
    assert not out.questions and not out.not_understood, out
    got = {(r, c): v for (_, r, c), v in out.cells.items() if v and r != "carried"}
    assert got == {("new", "natural"): 20, ("open", "natural"): 15, ("unable_1", "natural"): 6,
                   ("carry_next", "natural"): 2}


@pytest.mark.parametrize("said", ["个人申请10件，连同去年结转的一共12件，都公开了", "个人申请10件，加上去年转过来的，总共12件，都公开了"])
def test_this_year_s_and_last_year_s_together_are_no_new_ones(said):
    assert cells(said, carried={"natural": 2}) == {("new", "natural"): 10, ("open", "natural"): 12}


def test_this_year_s_and_last_year_s_together_that_do_not_add_up_are_asked():
    assert asks("个人申请10件，连同去年结转的一共15件，都公开了", carried={"natural": 2})


@pytest.mark.parametrize("other", ["其他处理3件", "其他处理的3件"])
def test_other_handling_after_one_named_reason_is_the_third_row(other):
    assert cells(f"个人申请20件，公开10件，不掌握5件，逾期不补正2件，{other}") == {
        ("new", "natural"): 20, ("open", "natural"): 10, ("unable_1", "natural"): 5, ("other_1", "natural"): 2,
        ("other_3", "natural"): 3}


def test_other_alone_ending_a_list_of_the_table_s_rows_is_the_third_row():
    assert cells("个人申请30件，公开10件，部分公开5件，不掌握8件，信访类4件，其他3件") == {
        ("new", "natural"): 30, ("open", "natural"): 10, ("partial", "natural"): 5, ("unable_1", "natural"): 8,
        ("reject_1", "natural"): 4, ("other_3", "natural"): 3}


def test_other_alone_after_a_short_list_is_asked():
    assert asks("个人申请5件，公开3件，其他2件")


# ------------------------------------------------------------------ “没有转到明年的” that does not add up
@pytest.mark.parametrize("said", [
    "群众申请8件，公开5件，不掌握2件，没有转到明年的",
    "群众申请8件，都办完了，公开5件，不掌握2件",
    "群众申请8件，公开5件，2件我们这没有，没有拖到下一年的",
    "群众申请8件，公开5件，不掌握2件，不用转到明年",
])
def test_nothing_carried_on_with_results_that_leave_some_is_asked(said):
    out = answers.parse("t3", [said], None, latest())
    assert out.questions and not out.cells.get(("t3", "carry_next", "natural")), out


def test_nothing_carried_on_counts_last_year_s_carried_applications():
    assert asks("群众申请8件，公开6件，不掌握2件，没有转到明年的", carried={"natural": 3})


@pytest.mark.parametrize("said", ["群众申请8件，公开6件，不掌握2件，没有转到明年的", "群众申请8件，都办完了，公开6件，不掌握2件"])
def test_nothing_carried_on_with_results_that_add_up_is_stored(said):
    assert cells(said) == {("new", "natural"): 8, ("open", "natural"): 6, ("unable_1", "natural"): 2}


# ------------------------------------------------------------------ reasons told in everyday words
@pytest.mark.parametrize("case, row", [
    ("有1件是要拆迁户名单，上面都是别人的身份证号和电话，没给", "deny_4"),
    ("有1件要的材料里全是别人家的银行卡和收入情况，没提供", "deny_4"),
    ("另外1件是查他自己的社保缴费的，让他去社保窗口查了", "deny_8"),
    ("还有1件是想查自己家户籍的，叫他到派出所去查", "deny_8"),
    ("1件要的是年鉴，新华书店有卖，让他自己去买了，没处理", "reject_3"),
    ("1件要我们出个证明，确认以前给过他那份文件", "reject_5"),
    ("1件没按通知交费，不再处理了", "other_2"),
])
def test_a_case_told_by_its_content_takes_the_row_its_reason_names(case, row):
    assert cells(f"群众申请3件，公开2件，{case}") == {("new", "natural"): 3, ("open", "natural"): 2, (row, "natural"): 1}


@pytest.mark.parametrize("said", ["3件，全是村民的。2件公开了，1件不掌握", "一共3件，都是村民申请的：2件公开了，1件我们这没有"])
def test_an_answer_opening_with_a_bare_count_counts_the_applications(said):
    assert cells(said) == {("new", "natural"): 3, ("open", "natural"): 2, ("unable_1", "natural"): 1}


@pytest.mark.parametrize("listed", ["查自己社保、户籍这类查询的5件", "查社保、查不动产这类查询的5件"])
def test_results_listed_before_the_one_count_they_share_are_that_count(listed):
    assert cells(f"个人申请20件，公开15件，{listed}") == {
        ("new", "natural"): 20, ("open", "natural"): 15, ("deny_8", "natural"): 5}


def test_results_under_a_kind_s_heading_are_not_shared_with_a_kind_said_later():
    said = ["个人申请20件，企业5件。个人的结果：公开15件，不掌握5件", "企业的：公开3件，不掌握2件"]
    assert cells(*said) == {("new", "natural"): 20, ("new", "business"): 5, ("open", "natural"): 15,
                            ("unable_1", "natural"): 5, ("open", "business"): 3, ("unable_1", "business"): 2}


# ------------------------------------------------------------------ applications come late, among those counted
@pytest.mark.parametrize("late, expect", [
    ("年底又来了2件，还没办完，放到明年", {("carry_next", "natural"): 2}),
    ("12月30号又收到2件，还在办理，明年答复", {("carry_next", "natural"): 2}),
    ("后来又来了2件，也公开了", {("open", "natural"): 2}),
    ("月底又接到2件，1件公开了，1件不掌握", {("open", "natural"): 1, ("unable_1", "natural"): 1}),
])
def test_applications_come_late_that_are_those_left_of_the_kind_counted_are_not_more(late, expect):
    got = cells(f"村民申请6件，公开4件，{late}")
    want = {("new", "natural"): 6, ("open", "natural"): 4, **expect}
    want[("open", "natural")] = 4 + expect.get(("open", "natural"), 0)
    assert got == want


@pytest.mark.parametrize("late", ["12月又来了3件，还在办", "12月又来了2件，还在办"])
def test_applications_come_late_that_are_not_those_left_are_asked(late):
    assert asks(f"村民申请6件，公开{6 if '2件' in late else 4}件，{late}")


# ------------------------------------------------------------------ a kind moved by a correction
@pytest.mark.parametrize("correction", [
    "说错了，那1件不是公司，是一家律所", "不对，那件不是企业而是律师事务所申请的", "搞错了，那一件不是企业的，是律所的"])
def test_a_kind_s_only_case_moved_to_another_kind_keeps_its_result(correction):
    assert cells("村民4件、企业1件，都公开了", correction) == {
        ("new", "natural"): 4, ("new", "legal"): 1, ("open", "natural"): 4, ("open", "legal"): 1}


@pytest.mark.parametrize("correction", [
    "律所那20件里有5件其实是律师以他自己个人名义申请的，应该算个人，都是公开的",
    "律所那20件里有5件实际是律师本人自己申请的，算个人的",
    "律所那20件里面有5件应该算个人申请的",
])
def test_some_of_a_kind_s_cases_moved_to_another_keep_the_rest_of_the_table(correction):
    first = "个人100件，律所20件，企业10件。个人的：公开60，不掌握30，信访类10；律所全公开；企业公开6部分公开4"
    assert cells(first, correction) == {
        ("new", "natural"): 105, ("new", "legal"): 15, ("new", "business"): 10, ("open", "natural"): 65,
        ("unable_1", "natural"): 30, ("reject_1", "natural"): 10, ("open", "legal"): 15, ("open", "business"): 6,
        ("partial", "business"): 4}


@pytest.mark.parametrize("correction", ["更正一下，企业那俩里有一个其实是律所申请的", "企业那2个里面有1个其实是县里的律师事务所"])
def test_one_of_a_kind_s_cases_said_by_how_many_moves_alone(correction):
    assert cells("居民申请3件，企业2件，都公开了", correction) == {
        ("new", "natural"): 3, ("new", "business"): 1, ("new", "legal"): 1, ("open", "natural"): 3,
        ("open", "business"): 1, ("open", "legal"): 1}


@pytest.mark.parametrize("correction", ["不掌握那俩里有1件其实是要我们汇总做表的", "不掌握那2个里有1件其实是需要另行制作的"])
def test_one_of_a_row_s_cases_said_by_how_many_moves_alone(correction):
    assert cells("个人7件：公开5件，2件我们不掌握", correction) == {
        ("new", "natural"): 7, ("open", "natural"): 5, ("unable_1", "natural"): 1, ("unable_2", "natural"): 1}


# ------------------------------------------------------------------ last year's carried applications and their results
@pytest.mark.parametrize("later", [
    "去年结转过来的4件年初也办完了，公开了3件，剩下1件不掌握",
    "上年转过来的4件，公开3件，1件我们这没有",
    "去年没办完的那4件今年都办结了：公开3件，不掌握1件",
])
def test_last_year_s_carried_applications_results_told_later_are_theirs(later):
    first = "群众申请20件，企业3件，今年的都办完了。群众：公开15，不掌握5；企业：公开3"
    assert cells(first, later, carried={"natural": 4}) == {
        ("new", "natural"): 20, ("new", "business"): 3, ("open", "natural"): 18, ("unable_1", "natural"): 6,
        ("open", "business"): 3}


@pytest.mark.parametrize("said", [
    "群众20件，企业3件。群众的连上年结转4件，公开18，不掌握6；企业全公开",
    "群众20件，企业3件。群众的加上去年转来的4件：公开18，不掌握6；企业全公开",
])
def test_results_told_with_last_year_s_carried_go_with_the_kind_that_carried_them(said):
    assert cells(said, carried={"natural": 4}) == {
        ("new", "natural"): 20, ("new", "business"): 3, ("open", "natural"): 18, ("unable_1", "natural"): 6,
        ("open", "business"): 3}


# ------------------------------------------------------------------ a vague quantifier, then the exact count; self-repairs
@pytest.mark.parametrize("said", [
    "今年还真有几件，我数数，一共是5件——不对，月底又来了1件，那就是6件，都是居民申请的",
    "申请有一些，翻了下本子，共6件，都是居民申请的",
    "有几件申请，一共6件，都是居民的",
])
def test_a_vague_quantifier_then_the_exact_count_is_one_fact(said):
    assert cells(f"{said}，公开5件，1件不掌握") == {
        ("new", "natural"): 6, ("open", "natural"): 5, ("unable_1", "natural"): 1}


def test_a_vague_count_of_one_kind_then_another_kind_counted_is_still_asked():
    assert asks("企业也有几件，个人申请3件，都公开了")


@pytest.mark.parametrize("total", ["共8件", "一共8件", "合计8件"])
def test_a_total_said_after_the_kinds_counts_is_no_more_applications(total):
    assert cells(f"个人申请6件、企业2件，{total}。都公开了") == {
        ("new", "natural"): 6, ("new", "business"): 2, ("open", "natural"): 6, ("open", "business"): 2}


@pytest.mark.parametrize("said", [
    "收了10件，个人9件，企业1件，去年没有结转过来的。办完8件，个人7件、企业1件。个人那7件：公开5件，要另外制作的1件，"
    "没按通知交费的1件。企业办完那1件是不掌握。没办完转明年的2件，都是个人的",
])
def test_a_kind_s_finished_applications_spoken_of_are_no_new_ones(said):
    assert cells(said) == {("new", "natural"): 9, ("new", "business"): 1, ("open", "natural"): 5,
                           ("unable_2", "natural"): 1, ("other_2", "natural"): 1, ("unable_1", "business"): 1,
                           ("carry_next", "natural"): 2}


@pytest.mark.parametrize("late", ["有3件年底才收到，放到明年答复", "还有3件是月底才接到的，明年再答复"])
def test_a_kind_s_late_applications_in_a_later_answer_are_among_those_counted(late):
    assert cells("收到申请20件，个人18件，剩下2件是企业的", f"个人的：公开12件，不掌握3件；{late}", "企业的2件都公开了") == {
        ("new", "natural"): 18, ("new", "business"): 2, ("open", "natural"): 12, ("unable_1", "natural"): 3,
        ("carry_next", "natural"): 3, ("open", "business"): 2}


# ------------------------------------------------------------------ every organisation together; a row said again
@pytest.mark.parametrize("orgs", ["法人的全都公开了", "法人这块都公开了", "法人那边全部予以公开"])
def test_every_organisation_s_applications_together_take_the_result(orgs):
    said = f"个人30件，企业4件、律所2件。个人的：公开20件，不掌握10件；{orgs}"
    assert cells(said) == {("new", "natural"): 30, ("new", "business"): 4, ("new", "legal"): 2,
                           ("open", "natural"): 20, ("unable_1", "natural"): 10, ("open", "business"): 4,
                           ("open", "legal"): 2}


@pytest.mark.parametrize("correction", ["不好意思，不掌握是12件，公开是18件", "说错了，公开的应该是18件，不掌握12件"])
def test_a_row_only_one_kind_had_said_again_without_the_kind_puts_it_right(correction):
    said = "个人30件，企业4件。个人的：公开20件，不掌握10件；企业的都公开了"
    assert cells(said, correction) == {("new", "natural"): 30, ("new", "business"): 4, ("open", "natural"): 18,
                                       ("unable_1", "natural"): 12, ("open", "business"): 4}


# ------------------------------------------------------------------ what stays asked
@pytest.mark.parametrize("turns", [
    ["个人申请5件，法人的都公开了"],  # no organisation's applications counted
    ["个人100件，律所20件。个人全公开，律所全公开", "律所那20件里有5件其实是律师本人自己申请的"],  # moved to which kind?
    ["个人申请5件，企业2件，一共办结6件，其余转明年"],  # whose total?
    ["自然人申请5件，企业1件，公开3件，12月28号又来了2件，还在办"],  # of which kind?
])
def test_what_a_careful_colleague_would_ask_is_asked(turns):
    assert asks(*turns)


@pytest.mark.parametrize("first", ["去年转过来的4件都办完了，全是公开", "上年结转的4件已经全部办结，都公开了"])
def test_last_year_s_carried_all_finished_told_first_are_theirs(first):
    assert cells(first, "今年新收个人20件，年内全办结了：公开15，不掌握5", carried={"natural": 4}) == {
        ("new", "natural"): 20, ("open", "natural"): 19, ("unable_1", "natural"): 5}


@pytest.mark.parametrize("none", ["去年没有结转过来的", "上年没结转的", "去年结转的没有"])
def test_none_carried_in_is_no_carried_in(none):
    assert cells(f"个人申请5件，{none}，都公开了") == {("new", "natural"): 5, ("open", "natural"): 5}


@pytest.mark.parametrize("said", [
    "就俩，一件是村民要他家的补偿明细，给他公开了；另一件是个大妈想看别人家的低保材料，涉及人家隐私，没给",
    "就2个，一件是居民要的补偿明细，公开了；另一件是个大爷要邻居家的低保材料，涉及他人隐私，没给",
])
def test_an_answer_opening_with_how_many_then_each_case_told(said):
    assert cells(said) == {("new", "natural"): 2, ("open", "natural"): 1, ("deny_4", "natural"): 1}


@pytest.mark.parametrize("case, row", [
    ("另1件让他补充说明要哪年的材料，他一直没回信儿，过了期限就没再处理", "other_1"),
    ("另1件叫他补材料，一直没来，就不再处理了", "other_1"),
    ("另1件要他补材料他一直拖着，不再处理", "other_1"),
    ("另1件通知他交费，他一直没动静，就不再处理了", "other_2"),
])
def test_a_case_not_handled_further_takes_the_reason_told_with_it(case, row):
    assert cells(f"个人2件，1件公开了，{case}") == {("new", "natural"): 2, ("open", "natural"): 1, (row, "natural"): 1}


def test_a_case_not_handled_further_with_no_reason_told_is_asked():
    assert asks("个人2件，1件公开了，另1件没再处理")
