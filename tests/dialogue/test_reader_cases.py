"""Phenomena of probe 7, each in several phrasings (none of them the probe's): a table told case by case, what was
asked for against what became of it, a later answer giving the kinds of results said without them, everyday words
for the reasons, a kind's share of a result, numbers that are no count (“这三项”, a figure of another table), a case
only intended — read at the reader's level (whole conversations: tests/answers/probe7.jsonl)."""

import pytest
import test_reader_edits

from gkassist.dialogue import answers


def cells(table, *turns):
    out = answers.parse(table, list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


def asks(table, *turns):
    out = answers.parse(table, list(turns))
    return bool(out.questions or out.refusal or out.not_understood)


# ------------------------------------------------------------------ 表三 told case by case
@pytest.mark.parametrize("said, expect", [
    ("今年来了2件。一件是群众要村里的账目，给他公开了；另一件是一家合作社问补贴的事，也公开了",
     {("new", "natural"): 1, ("new", "business"): 1, ("open", "natural"): 1, ("open", "business"): 1}),
    ("收到申请3件：一件是居民问拆迁补偿标准，公开了；另一件也是居民，要的是别人家的低保材料，涉及他人隐私，没给；"
     "还有一件是老百姓要查他自己的不动产登记信息，让他去窗口查了",
     {("new", "natural"): 3, ("open", "natural"): 1, ("deny_4", "natural"): 1, ("deny_8", "natural"): 1}),
    ("个人申请2件，第一件问的是低保名单，公开了；第二件要的是党委会的会议纪要，还没定下来，没给",
     {("new", "natural"): 2, ("open", "natural"): 1, ("deny_6", "natural"): 1}),
    ("村民申请了2件。一件是要查自己的社保缴费记录，我们告诉他属于行政查询事项；另一件公开了",
     {("new", "natural"): 2, ("deny_8", "natural"): 1, ("open", "natural"): 1}),
    ("有2件申请，都是老百姓的。一件要的是会议纪要，没给；另一件我们这里没有他要的信息",
     {("new", "natural"): 2, ("deny_6", "natural"): 1, ("unable_1", "natural"): 1}),
])
def test_a_table_told_case_by_case_fills_each_case_s_cell(said, expect):
    assert cells("t3", said) == expect


@pytest.mark.parametrize("said, row", [
    ("个人申请1件，要的是村里开会的会议纪要，公开了", "open"),  # what was asked for names a row; its result is said
    ("个人申请1件，问的是征收的统计数据，给了", "open"),
    ("个人申请1件，要的是会议纪要，没给", "deny_6"),  # refused: the reason is what was asked for
    ("个人申请1件，想要别人的户籍信息，涉及他人隐私，不予公开", "deny_4"),
    ("个人申请1件，要的是统计调查的原始数据，统计法规定不能对外提供，不予公开", "deny_2"),
])
def test_what_was_asked_for_names_the_reason_only_until_the_result_is_said(said, row):
    assert cells("t3", said) == {("new", "natural"): 1, (row, "natural"): 1}


def test_a_case_told_that_says_nothing_of_what_became_of_it_is_not_understood():
    out = answers.parse("t3", ["自然人申请3件，公开2件，另有1件天晴了"])
    assert out.not_understood == ["1件天晴了"]


# ------------------------------------------------------------------ the kinds said afterwards
@pytest.mark.parametrize("first, kind_said, kind", [
    ("公开了2件，还有1件要的材料没有现成的，得专门去做", "都是个人", "natural"),
    ("公开了2件，还有1件要的材料没有现成的，得专门去做", "全是企业的", "business"),
    ("公开了2件，还有1件要的材料没有现成的，得专门去做", "都是老百姓申请的", "natural"),
    ("予以公开2件，需要另行制作1件", "申请人都是公司", "business"),
])
def test_a_bare_kind_answers_the_question_about_results_said_without_one(first, kind_said, kind):
    assert asks("t3", first)
    assert cells("t3", first, kind_said) == {("new", kind): 3, ("open", kind): 2, ("unable_2", kind): 1}


@pytest.mark.parametrize("later", [
    "公司那6件里公开4件、部分公开2件，其余都是个人的",
    "企业的6件：公开4件，部分公开2件，剩下的都是个人的",
    "公司6件里面，4件公开，2件部分公开，其他的都是群众的",
])
def test_the_rest_of_each_result_goes_to_the_other_kind(later):
    first = "今年收到申请20件，公开了14件，部分公开3件，不掌握3件"
    assert cells("t3", first, "个人的14件，另外6件是公司申请的", later) == {
        ("new", "natural"): 14, ("new", "business"): 6, ("open", "natural"): 10, ("open", "business"): 4,
        ("partial", "natural"): 1, ("partial", "business"): 2, ("unable_1", "natural"): 3}


@pytest.mark.parametrize("said", [
    "一共受理15件，个人12件、企业3件。公开10件，其中企业3件；部分公开2件；不掌握3件，这几个都是个人的",
    "个人12件，企业3件；予以公开10件，其中企业3件；部分公开2件，不掌握3件，都是个人的",
])
def test_a_kind_s_count_right_after_a_result_said_for_every_kind_is_its_share(said):
    assert cells("t3", said) == {("new", "natural"): 12, ("new", "business"): 3, ("open", "natural"): 7,
                                 ("open", "business"): 3, ("partial", "natural"): 2, ("unable_1", "natural"): 3}


# ------------------------------------------------------------------ everyday reasons
@pytest.mark.parametrize("reason, row", [
    ("统计法规定不能对外提供", "deny_2"), ("档案法规定不得公开", "deny_2"), ("法律规定不能公开", "deny_2"),
    ("依法不能公开", "deny_2"),
    ("同一个人反复交的，没什么正当理由", "reject_4"), ("大量重复地申请，没有正当理由", "reject_4"),
    ("隔三差五就来申请，没有正当理由", "reject_4"),
    ("告诉他这属于行政查询事项，去窗口查", "deny_8"), ("让他到柜台去查", "deny_8"),
])
def test_everyday_words_for_a_reason(reason, row):
    found = cells("t3", f"自然人申请2件，{reason}，都没有公开" if row.startswith("deny") else f"自然人申请2件，{reason}，不予处理")
    assert found == {("new", "natural"): 2, (row, "natural"): 2}


def test_no_just_cause_to_make_up_a_correction_is_no_mass_application():
    assert cells("t3", "自然人申请1件，申请人无正当理由逾期不补正") == {("new", "natural"): 1, ("other_1", "natural"): 1}


@pytest.mark.parametrize("said", ["年底没有没办完的", "都办完了", "年底都已经办结了", "没有没答复的"])
def test_nothing_left_undone_is_none_carried_on(said):
    assert cells("t3", f"个人申请5件，公开4件，不掌握1件，{said}") == {
        ("new", "natural"): 5, ("open", "natural"): 4, ("unable_1", "natural"): 1}


@pytest.mark.parametrize("done", ["办完了6件", "办结6件", "处理完6件"])
def test_so_many_done_is_no_count_of_its_own(done):
    assert cells("t3", f"个人申请7件，{done}，还有1件年底才收到，放到明年答复",
                 "办完的6件里5件公开，1件要重新统计才能做出来") == {
        ("new", "natural"): 7, ("open", "natural"): 5, ("unable_2", "natural"): 1, ("carry_next", "natural"): 1}


@pytest.mark.parametrize("said", ["收到个人申请3件，公开了一两件，剩下的不掌握", "个人申请20件，两三件部分公开，其余公开"])
def test_one_or_two_is_asked(said):
    assert asks("t3", said)


# ------------------------------------------------------------------ 表四
@pytest.mark.parametrize("said, expect", [
    ("一共2件。一件是申请复议的，复议维持了；另一件是直接去法院起诉的，还在审",
     {("cases", "review.upheld"): 1, ("cases", "suit_direct.pending"): 1}),
    ("有两件：一件是行政复议，最后维持；还有一件没走复议直接起诉，法院判我们输了",
     {("cases", "review.upheld"): 1, ("cases", "suit_direct.corrected"): 1}),
    ("有个村民申请了复议，复议机关维持了原答复；还有一家公司没复议直接起诉，法院驳回了",
     {("cases", "review.upheld"): 1, ("cases", "suit_direct.upheld"): 1}),
])
def test_appeals_told_case_by_case(said, expect):
    assert cells("t4", said) == expect


@pytest.mark.parametrize("pending", ["没审结", "还没审结", "没有审结", "没结案", "还没结案"])
def test_a_case_not_yet_decided_said_with_no_is_the_pending_outcome(pending):
    # “还有1件没审结” is what became of one of the cases counted, not one case more
    assert cells("t4", f"复议4件，维持2，纠正1，还有1件{pending}") == {
        ("cases", "review.upheld"): 2, ("cases", "review.corrected"): 1, ("cases", "review.pending"): 1}
    assert cells("t4", f"复议3件，维持2，1件{pending}；复议后又起诉的1件，维持") == {
        ("cases", "review.upheld"): 2, ("cases", "review.pending"): 1, ("cases", "suit_after_review.upheld"): 1}


def test_a_total_the_cases_told_do_not_make_up_is_not_understood():
    assert asks("t4", "有3件，一件是行政复议，最后维持；还有一件是直接起诉，法院判我们输了")


@pytest.mark.parametrize("said", [
    "复议和诉讼都是零。前面申请那8件里倒是有人说要去复议，最后没去",
    "复议诉讼都为0，申请的那3件里有个人扬言要告我们，后来也没告",
    "复议、诉讼都没有，有人说要去复议，后来没去",
])
def test_a_case_only_intended_and_another_table_s_figure_are_no_case(said):
    out = answers.parse("t4", [said])
    assert not out.refusal and not out.questions and not out.not_understood and not any(out.cells.values())


def test_a_case_intended_beside_one_brought_keeps_the_one_brought():
    assert cells("t4", "复议1件维持。有人说要去法院告，最后没去") == {("cases", "review.upheld"): 1}


# ------------------------------------------------------------------ 表二
@pytest.mark.parametrize("said", [
    "许可、处罚、强制这三项都是零", "许可、处罚、强制这三个都没有", "许可处罚强制这些都没有", "行政许可、行政处罚、行政强制都是0",
    "许可、处罚和强制这几项都是零",
])
def test_rows_listed_then_all_zero_are_each_zero(said):
    out = answers.parse("t2", [f"收费8万6千元，{said}"])
    assert out.cells == {("t2", "fees", "fee_amount"): 8.6, ("t2", "licensing", "decisions"): 0,
                         ("t2", "penalty", "decisions"): 0, ("t2", "enforcement", "decisions"): 0}


def test_rows_listed_then_one_count_each():
    assert cells("t2", "许可、处罚这两项都是5件") == {("licensing", "decisions"): 5, ("penalty", "decisions"): 5}


def test_documents_of_a_count_told_one_by_one_add_nothing():
    assert cells("t2", "规范性文件发了1个，是关于秸秆禁烧的；废止了2个，一个是老的补贴办法，一个是管理规定；现行有效的5个") == {
        ("normative", "issued"): 1, ("normative", "repealed"): 2, ("normative", "in_force"): 5}


@pytest.mark.parametrize("later", ["其中企业有2件，都公开了，其余都是个人的", "企业申请了2件，都公开了，剩下的是个人的"])
def test_a_kind_s_applications_all_with_one_result_take_their_share_of_it(later):
    assert cells("t3", "收到8件，公开6件，不掌握2件", later) == {
        ("new", "natural"): 6, ("new", "business"): 2, ("open", "business"): 2, ("open", "natural"): 4,
        ("unable_1", "natural"): 2}


@pytest.mark.parametrize("said, row", [
    ("共2件申请。一件是居民申请的，要我们重新给他出一份证明材料，不予处理；另一件也是居民的，公开了", "reject_5"),
    ("收到2件申请，都是老百姓的。第一件问征地补偿，公开；第二件要的信息我们没有", "unable_1"),
    ("今年有2件申请，一件是个人要低保名单，公开了；另一件是个人要别人家的收入情况，涉及隐私没给", "deny_4"),
])
def test_the_second_case_of_a_kind_is_one_more_of_the_applications_counted(said, row):
    assert cells("t3", said) == {("new", "natural"): 2, ("open", "natural"): 1, (row, "natural"): 1}


@pytest.mark.parametrize("said", ["个人申请4件，都是一个人隔几天就来申请一次，没有正当理由，不予处理",
                                  "个人申请4件，同一个人每周来一次，没什么正当理由，都不予处理"])
def test_how_often_is_no_count(said):
    assert cells("t3", said) == {("new", "natural"): 4, ("reject_4", "natural"): 4}


@pytest.mark.parametrize("later", ["其中公司2件都是公开的，其余都是个人", "公司的2件都公开了，剩下的都是群众的"])
def test_the_rest_is_the_other_kind_s_even_when_its_applications_were_never_counted(later):
    assert cells("t3", "公开了5件，不掌握2件", later) == {
        ("new", "business"): 2, ("new", "natural"): 5, ("open", "business"): 2, ("open", "natural"): 3,
        ("unable_1", "natural"): 2}


@pytest.mark.parametrize("reason", ["都涉及个人隐私", "涉及个人信息", "涉及别人的个人隐私"])
def test_a_kind_s_name_inside_a_reason_names_no_applicant(reason):
    assert cells("t3", f"一共6件，公开4件，不予公开2件（{reason}）", "申请人都是企业") == {
        ("new", "business"): 6, ("open", "business"): 4, ("deny_4", "business"): 2}


@pytest.mark.parametrize("said", ["另一件还没弄完", "另一件还没搞完", "另一件还在处理"])
def test_everyday_words_for_not_done_yet(said):
    assert cells("t3", f"企业申请2件，一件公开了，{said}") == {
        ("new", "business"): 2, ("open", "business"): 1, ("carry_next", "business"): 1}


@pytest.mark.parametrize("said", ["收费没有", "收费也没有", "收费是零", "费用没有"])
def test_no_fee_said_after_the_fee(said):
    assert answers.parse("t2", [f"许可3件，{said}"]).cells[("t2", "fees", "fee_amount")] == 0


@pytest.mark.parametrize("said, expect", [
    ("有人告了我们一次，没经过复议，最后人家撤诉了", {("cases", "suit_direct.other"): 1}),
    ("复议、诉讼今年都没发生", {}),
    ("复议和诉讼都没有发生过", {}),
])
def test_everyday_words_for_a_suit_and_for_none(said, expect):
    assert cells("t4", said) == expect


@pytest.mark.parametrize("said, expect", [
    ("个人申请5件，公开3件，其余2件一件不掌握，一件是投诉",
     {("new", "natural"): 5, ("open", "natural"): 3, ("unable_1", "natural"): 1, ("reject_1", "natural"): 1}),
    ("个人申请4件，公开2件，剩下2件一件部分公开，一件重复申请",
     {("new", "natural"): 4, ("open", "natural"): 2, ("partial", "natural"): 1, ("reject_2", "natural"): 1}),
])
def test_the_rest_then_each_of_them_is_no_count_of_its_own(said, expect):
    assert cells("t3", said) == expect


@pytest.mark.parametrize("said, kind, row", [
    ("今年有1件申请，一个律师要查案卷，属于行政执法案卷不予公开", "legal", "deny_7"),
    ("收到1件，一位居民申请公开小区规划图，我们公开了", "natural", "open"),
    ("共收到1件，一家公司要招标文件，给了", "business", "open"),
])
def test_an_applicant_said_with_one_is_the_one_application_counted(said, kind, row):
    assert cells("t3", said) == {("new", kind): 1, (row, kind): 1}


def test_a_kind_heading_the_cases_is_the_kind_of_the_applications_counted():
    assert cells("t3", "今年收到2件，都是村民来的：一件要征地补偿方案，公开；一件要他邻居的户籍信息，涉及他人隐私不予公开") == {
        ("new", "natural"): 2, ("open", "natural"): 1, ("deny_4", "natural"): 1}


@pytest.mark.parametrize("why", ["涉及商业秘密的部分遮盖了", "有一部分涉及第三方"])
def test_why_a_result_said_in_brackets_is_no_case_of_its_own(why):
    assert cells("t3", f"企业申请1件，部分公开（{why}）") == {("new", "business"): 1, ("partial", "business"): 1}


@pytest.mark.parametrize("first, later", [
    ("公司申请3件，公开1件，剩下2件没法办", "1件是补正后还是说不清楚要什么；另1件是要我们重新盖章出一份"),
    ("公司申请3件，公开1件，另外2件情况比较特殊", "一件是补正以后还是讲不清要什么，一件是要我们重新开具已经拿到的材料"),
])
def test_cases_told_in_the_next_answer_are_what_a_clause_not_understood_meant(first, later):
    assert asks("t3", first)
    assert cells("t3", first, later) == {("new", "business"): 3, ("open", "business"): 1, ("unable_3", "business"): 1,
                                         ("reject_5", "business"): 1}


@pytest.mark.parametrize("said", ["许可批了56件，罚了3件，强制执行0件", "许可56件，罚款3件，强制0件"])
def test_a_row_said_by_its_verb(said):
    assert answers.parse("t2", [said]).cells == {("t2", "licensing", "decisions"): 56, ("t2", "penalty", "decisions"): 3,
                                                 ("t2", "enforcement", "decisions"): 0}


def test_a_second_count_for_the_row_just_said_is_asked_not_written_over():
    out = answers.parse("t2", ["许可56件，又批了3件"])
    assert out.not_understood == ["又批了3件"] and out.cells[("t2", "licensing", "decisions")] == 56


@pytest.mark.parametrize("said", ["诉讼也有1件，是复议后又起诉的，还没判", "还有1件官司，是复议以后起诉的，还在审"])
def test_the_clause_after_a_suit_counted_says_which_suit(said):
    assert cells("t4", "复议1件，维持", said) == {("cases", "review.upheld"): 1, ("cases", "suit_after_review.pending"): 1}


# ------------------------------------------------------------------ a synonym in the word lists, no code
word_lists = test_reader_edits.word_lists  # (the fixture: a copy of prompts/answers.yaml the test adds to)
add_word = test_reader_edits.add_word


@pytest.mark.parametrize("list_line, word, table, turns, expect", [
    ("  remainder: [", "剩下来的", "t3", ["今年收到申请10件，公开了8件，不掌握2件", "个人的7件，另外3件是公司申请的",
                                        "公司的公开2件，不掌握1件，剩下来的都是个人的"],
     {("new", "natural"): 7, ("new", "business"): 3, ("open", "natural"): 6, ("open", "business"): 2,
      ("unable_1", "natural"): 1, ("unable_1", "business"): 1}),
    ("  intends: [", "放话", "t4", ["复议1件，维持；有人放话去法院，后来没去"], {("cases", "review.upheld"): 1}),
    ("  asked_for: [", "想瞧瞧", "t3", ["个人申请1件，想瞧瞧会议纪要，给了"], {("new", "natural"): 1, ("open", "natural"): 1}),
])
def test_a_word_added_to_the_new_markers_is_enough(word_lists, list_line, word, table, turns, expect):
    before = answers.parse(table, turns)
    assert before.questions or before.not_understood or {(r, c): v for (_, r, c), v in before.cells.items() if v} != expect
    add_word(word_lists, list_line, word)
    assert cells(table, *turns) == expect


@pytest.mark.parametrize("said", ["个人申请3件，其中一件是一个律师帮他申请的，公开了，另外两件不掌握",
                                  "企业申请2件，一件是村民委托的，公开了；一件不掌握"])
def test_one_of_the_applications_said_to_be_of_another_kind_is_asked(said):
    assert asks("t3", said)


def test_one_more_of_another_kind_is_added():
    assert cells("t3", "个人申请2件，都公开了；还有一件是企业的，不掌握") == {
        ("new", "natural"): 2, ("new", "business"): 1, ("open", "natural"): 2, ("unable_1", "business"): 1}


@pytest.mark.parametrize("said", ["一起复议，一起诉讼，结果都维持了", "复议1件，直接起诉1件，都维持了"])
def test_one_outcome_for_every_kind_of_case_counted(said):
    assert cells("t4", said) == {("cases", "review.upheld"): 1, ("cases", "suit_direct.upheld"): 1}


@pytest.mark.parametrize("said, expect", [
    ("个人申请3件：（1）公开2件；（2）不掌握1件", {("new", "natural"): 3, ("open", "natural"): 2, ("unable_1", "natural"): 1}),
    ("个人申请2件，①公开1件，②信息不存在1件", {("new", "natural"): 2, ("open", "natural"): 1, ("unable_1", "natural"): 1}),
    ("企业申请3件：1. 公开2件；2. 部分公开1件", {("new", "business"): 3, ("open", "business"): 2, ("partial", "business"): 1}),
])
def test_a_list_s_numbering_is_no_count(said, expect):
    assert cells("t3", said) == expect


def test_two_kinds_said_alone_after_a_count_of_no_kind_are_asked_not_all_the_first():
    assert asks("t3", "收到2件：1. 个人申请低保名单，公开；2. 企业申请招标文件，公开")


@pytest.mark.parametrize("said, row", [
    ("个人申请2件，一件要交费他一直没交，不再处理；另一件他自己撤回了", "other_2"),
    ("个人申请2件，一件因为他没按时补正材料，我们就没再处理；另一件他自己撤回了", "other_1"),
])
def test_a_case_s_reason_and_the_next_case_s_result_are_two_cases(said, row):
    assert cells("t3", said) == {("new", "natural"): 2, (row, "natural"): 1, ("other_3", "natural"): 1}


def test_a_group_counted_for_one_case_is_not_completed_by_the_next_case_s_row():
    # (no reason told with the case: asked; “一件要他补材料他一直拖着，不再处理” is 逾期不补正, test_reader_t3_totals)
    assert asks("t3", "个人申请2件，一件他一直拖着没动静，不再处理；另一件他自己撤回了")


@pytest.mark.parametrize("said", ["不能公开", "不便公开", "不宜公开"])
def test_can_not_be_disclosed_is_no_disclosure(said):
    assert cells("t3", f"企业申请1件，我们告诉他那个信息属于国家秘密，{said}") == {("new", "business"): 1, ("deny_1", "business"): 1}


def test_not_yet_heard_in_court_is_pending():
    assert cells("t4", "有两起行政诉讼，都是直接起诉的：一起法院驳回了，一起还没开庭") == {
        ("cases", "suit_direct.upheld"): 1, ("cases", "suit_direct.pending"): 1}


@pytest.mark.parametrize("table, said, expect", [
    ("t2", "许可、处罚两项都是零，强制有2件", {("t2", "licensing", "decisions"): 0, ("t2", "penalty", "decisions"): 0,
                                            ("t2", "enforcement", "decisions"): 2}),
    ("t4", "复议诉讼这两项都没有", {}),
    ("t3", "个人3件，企业1件，这几个都公开了", {("t3", "new", "natural"): 3, ("t3", "new", "business"): 1,
                                        ("t3", "open", "natural"): 3, ("t3", "open", "business"): 1}),
])
def test_how_many_items_are_meant_is_no_count(table, said, expect):
    out = answers.parse(table, [said])
    assert not out.questions and not out.not_understood and {k: v for k, v in out.cells.items() if v or table == "t2"} == expect


@pytest.mark.parametrize("said", ["收费是按规定免收的", "收费免收"])
def test_a_fee_waived_is_zero(said):
    assert answers.parse("t2", [f"许可3件，{said}"]).cells[("t2", "fees", "fee_amount")] == 0


# ------------------------------------------------------------------ probe 8: cases told with 个, pronouns, reasons after
@pytest.mark.parametrize("said, expect", [
    ("来了2个申请，都是村民。一个问宅基地审批的，给他公开了；另一个要老的征地底册，那个我们镇里不掌握",
     {("new", "natural"): 2, ("open", "natural"): 1, ("unable_1", "natural"): 1}),
    ("有2件申请，都是居民。一件要低保名单，公开了；另一件要征收补偿台账，这个我们街道不掌握",
     {("new", "natural"): 2, ("open", "natural"): 1, ("unable_1", "natural"): 1}),
    ("收到3个申请，都是居民。一个要低保名单，给了；一个要会议纪要，那个没定稿，不予公开；还有一个问别人的户籍，那个涉及他人隐私，没给",
     {("new", "natural"): 3, ("open", "natural"): 1, ("deny_6", "natural"): 1, ("deny_4", "natural"): 1}),
    ("2个村民申请，都没给。一个要党委会的讨论记录，还没定，是过程性的；另一个要干部考勤的规定，那是内部管理的事",
     {("new", "natural"): 2, ("deny_6", "natural"): 1, ("deny_5", "natural"): 1}),
])
def test_a_case_told_with_ge_and_its_result_said_with_a_pronoun(said, expect):
    assert cells("t3", said) == expect


@pytest.mark.parametrize("turns, expect", [
    (["个人3件，保险公司1件", "个人的2件公开，1件要的是警力部署的，涉密不能给；保险公司要事故认定的材料，给了一部分，当事人信息遮掉了"],
     {("new", "natural"): 3, ("new", "business"): 1, ("open", "natural"): 2, ("deny_1", "natural"): 1,
      ("partial", "business"): 1}),
    (["个人2件，企业1件", "个人的都公开了；那家公司要别人的合同，涉及商业秘密，没给"],
     {("new", "natural"): 2, ("new", "business"): 1, ("open", "natural"): 2, ("deny_4", "business"): 1}),
    (["居民2件，公司1件", "居民的2件都给了；公司那件给了他们一部分，别人的身份证号遮掉了"],
     {("new", "natural"): 2, ("new", "business"): 1, ("open", "natural"): 2, ("partial", "business"): 1}),
])
def test_a_result_explained_after_it_and_another_kind_s_case_after_a_refusal(turns, expect):
    assert cells("t3", *turns) == expect


@pytest.mark.parametrize("said, row", [
    ("个人申请3件，公开2件，1件问村里的老账，镇里没这材料", "unable_1"),
    ("个人申请3件，公开2件，1件要查他自己的户籍登记，这个属于查询事项，不按公开办", "deny_8"),
    ("个人申请3件，公开2件，1件是查他本人社保记录的，属于行政查询，不算公开", "deny_8"),
])
def test_everyday_words_for_a_reason_and_not_counted_as_open(said, row):
    assert cells("t3", said) == {("new", "natural"): 3, ("open", "natural"): 2, (row, "natural"): 1}


@pytest.mark.parametrize("later", [
    "哦还有，12月30号又来了1件，还没来得及答复，得放到明年办",
    "还有，年底又收到1件，放到明年办",
    "哦对了，漏了1件，12月底新来的，转到下一年办",
])
def test_an_application_added_later_and_carried_on_keeps_the_earlier_results(later):
    assert cells("t3", "村民申请了3件，都给公开了", later) == \
        {("new", "natural"): 4, ("open", "natural"): 3, ("carry_next", "natural"): 1}


def test_an_application_added_later_of_no_kind_after_several_kinds_is_asked():
    assert asks("t3", "个人申请2件，企业1件，都公开了", "还有，又来了1件，放到明年办")


@pytest.mark.parametrize("said, expect", [
    ("个人9件。同一个人前后申请了5次，内容都一样，第1次公开了，后面4次按重复申请处理；另外4件里3件公开，1件不掌握",
     {("new", "natural"): 9, ("open", "natural"): 4, ("reject_2", "natural"): 4, ("unable_1", "natural"): 1}),
    ("村民申请了6件。同一位村民先后申请了3次，要的东西一样，第1次公开了，后面2次按重复申请处理；另外3件都公开了",
     {("new", "natural"): 6, ("open", "natural"): 4, ("reject_2", "natural"): 2}),
    ("居民7件，有一个人前后来了4次，问的都是一回事，第一次给了，后3次算重复申请；剩下3件里2件公开，1件不掌握",
     {("new", "natural"): 7, ("open", "natural"): 3, ("reject_2", "natural"): 3, ("unable_1", "natural"): 1}),
])
def test_one_applicant_s_repeated_applications_are_some_of_those_counted(said, expect):
    assert cells("t3", said) == expect


def test_all_of_one_applicant_without_how_many_times_is_the_kind_only():
    assert cells("t3", "收到3件申请，2件公开了，1件属于重复申请不予处理", "三件都是同一个村民申请的") == \
        {("new", "natural"): 3, ("open", "natural"): 2, ("reject_2", "natural"): 1}


@pytest.mark.parametrize("said, expect", [
    ("就一个老乡来申请，要全村近五年的流转面积汇总，没现成的，得重新统计，答复他无法提供",
     {("new", "natural"): 1, ("unable_2", "natural"): 1}),
    ("就一位村民来申请，问的是低保名单，公开了", {("new", "natural"): 1, ("open", "natural"): 1}),
    ("来了2件：一个研究所要统计年报，公开了；还有个公益组织问河道整治方案，这个是县水利局管的",
     {("new", "research"): 1, ("new", "nonprofit"): 1, ("open", "research"): 1, ("unable_1", "nonprofit"): 1}),
    ("今年来了两家：一个高校的课题组要乡村振兴的资料，给了；还有个环保公益组织问填埋场的环评，这个镇里没有，是县生态环境局管的",
     {("new", "research"): 1, ("new", "nonprofit"): 1, ("open", "research"): 1, ("unable_1", "nonprofit"): 1}),
])
def test_one_applicant_said_as_a_person_or_a_body_and_its_case(said, expect):
    assert cells("t3", said) == expect


@pytest.mark.parametrize("said", [
    "个人申请12件，公开8件，逾期不补正的2件，没交费的1件，其他处理1件",
    "个人申请12件，公开8件，没按时补正的2件，逾期没缴费的1件，还有其他处理的1件",
])
def test_other_handling_after_both_named_reasons_is_the_third_row(said):
    assert cells("t3", said) == {("new", "natural"): 12, ("open", "natural"): 8, ("other_1", "natural"): 2,
                                 ("other_2", "natural"): 1, ("other_3", "natural"): 1}


@pytest.mark.parametrize("said", [
    "个人4件：2件公开了，1件部分公开，就是涉及别人隐私的那块遮掉了，还有1件不掌握",
    "个人4件：2件公开了，1件部分公开，有关的部分涂掉了，还有1件不掌握",
])
def test_a_partial_result_explained_after_it_is_not_asked(said):
    assert cells("t3", said) == {("new", "natural"): 4, ("open", "natural"): 2, ("partial", "natural"): 1,
                                 ("unable_1", "natural"): 1}


@pytest.mark.parametrize("said, expect", [
    ("诉讼9起：没经过复议直接告的6起，维持3、纠正3；复议后又告的3起，都维持了",
     {("cases", "suit_direct.upheld"): 3, ("cases", "suit_direct.corrected"): 3, ("cases", "suit_after_review.upheld"): 3}),
    ("诉讼5起：直接起诉的3起，维持2起、纠正1起；复议后又起诉的2起，都维持了",
     {("cases", "suit_direct.upheld"): 2, ("cases", "suit_direct.corrected"): 1, ("cases", "suit_after_review.upheld"): 2}),
    ("行政诉讼4件，其中未经复议直接起诉的1件，维持；复议后起诉的3件，都维持了",
     {("cases", "suit_direct.upheld"): 1, ("cases", "suit_after_review.upheld"): 3}),
])
def test_a_count_of_every_suit_split_into_both_kinds_is_theirs_together(said, expect):
    assert cells("t4", said) == expect


@pytest.mark.parametrize("said", [
    "个人3件，企业1件。个人的都公开了，企业那1件12月30号才收到，结转到明年",
    "收到4件，3件是村民的，1件是合作社的。村民的都公开了；合作社那1件年底才接到，还没答复，放到明年办",
])
def test_a_kind_s_case_said_again_as_received_late_is_carried_not_counted_twice(said):
    assert cells("t3", said) == {("new", "natural"): 3, ("new", "business"): 1, ("open", "natural"): 3,
                                 ("carry_next", "business"): 1}


@pytest.mark.parametrize("said", ["公开20件，部分5件，不掌握3件", "公开20，部分5，不掌握3", "部分5件，公开20件，不掌握3件"])
def test_partly_said_short_before_its_count_is_partial_disclosure(said):
    assert cells("t3", f"个人申请28件，{said}") == {
        ("new", "natural"): 28, ("open", "natural"): 20, ("partial", "natural"): 5, ("unable_1", "natural"): 3}


@pytest.mark.parametrize("carried", ["加上上年的2件", "连上年结的2件一起", "算上去年的2件", "连同上年结转的2件"])
def test_last_year_s_applications_mentioned_with_this_year_s_are_no_new_ones(carried):
    out = answers.parse("t3", [f"新收10件，全是个人的，{carried}，公开8件，不掌握4件"])
    assert not out.not_understood, out
    got = {(r, c): v for (_, r, c), v in out.cells.items() if v}
    assert got[("new", "natural")] == 10 and got[("open", "natural")] == 8 and got[("unable_1", "natural")] == 4


@pytest.mark.parametrize("no_suit", ["没有打官司的", "没有起诉的", "没人打官司的", "没有上法院的"])
def test_no_one_who_sued_is_no_lawsuit(no_suit):
    assert cells("t4", f"有1起行政复议，复议维持了；{no_suit}") == {("cases", "review.upheld"): 1}


@pytest.mark.parametrize("sued", ["又上法院告了", "又去法院告了", "再上法院起诉了"])
def test_the_upheld_case_taken_to_court_after_is_a_suit_after_review(sued):
    assert cells("t4", f"复议2件，1件维持1件纠正。维持的那件当事人不服，{sued}，到年底还没判") == {
        ("cases", "review.upheld"): 1, ("cases", "review.corrected"): 1, ("cases", "suit_after_review.pending"): 1}
