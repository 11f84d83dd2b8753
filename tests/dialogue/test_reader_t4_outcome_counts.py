"""表四: whose count a number is.  A count said right after an outcome word (“……的维持3件”, “维持了9件”, “维持3、在审1”)
is that outcome's, in every block — never the block's total with the other outcomes taken out of it; a total is a
total when said as one (before the outcome, “共N件，其中……”).  Also: a kind of case said to be 零 bare (“复议后起诉的零”),
and “没再去告” after a 复议 (no suit after it).  None of the phrasings is a probe's."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t4", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {c: v for (_, _, c), v in out.cells.items() if v}


@pytest.mark.parametrize("said, expect", [
    ("复议后起诉的维持5件，纠正2件", {"suit_after_review.upheld": 5, "suit_after_review.corrected": 2}),
    ("复议以后又起诉的，维持了4件，在审1件", {"suit_after_review.upheld": 4, "suit_after_review.pending": 1}),
    ("经复议后诉讼的：维持6、在审2", {"suit_after_review.upheld": 6, "suit_after_review.pending": 2}),
    ("直接起诉的维持7件，还在审3件", {"suit_direct.upheld": 7, "suit_direct.pending": 3}),
    ("直接起诉维持了八件，纠正两件", {"suit_direct.upheld": 8, "suit_direct.corrected": 2}),
    ("行政复议维持15件，纠正3件，其他2件", {"review.upheld": 15, "review.corrected": 3, "review.other": 2}),
    ("复议的维持11件，尚未审结4件", {"review.upheld": 11, "review.pending": 4}),
    ("复议纠正2件，维持12件", {"review.corrected": 2, "review.upheld": 12}),
])
def test_a_count_right_after_an_outcome_is_that_outcomes(said, expect):
    assert cells(said) == expect


def test_every_block_said_outcome_first_in_one_answer():
    said = ("复议：维持18件，纠正2件，在审1件；直接起诉的：维持6件，纠正1件，未审结2件；"
            "复议后又起诉的维持2件，在审2件")
    assert cells(said) == {"review.upheld": 18, "review.corrected": 2, "review.pending": 1,
                           "suit_direct.upheld": 6, "suit_direct.corrected": 1, "suit_direct.pending": 2,
                           "suit_after_review.upheld": 2, "suit_after_review.pending": 2}


@pytest.mark.parametrize("said, expect", [
    ("复议后起诉的共5件，其中维持4件，在审1件", {"suit_after_review.upheld": 4, "suit_after_review.pending": 1}),
    ("直接起诉一共6件，维持5件，其余在审", {"suit_direct.upheld": 5, "suit_direct.pending": 1}),
    ("复议4件维持3件，纠正1件", {"review.upheld": 3, "review.corrected": 1}),
    ("复议2件维持", {"review.upheld": 2}),
    ("复议3件，维持2件，还有的在审", {"review.upheld": 2, "review.pending": 1}),
])
def test_a_total_said_as_one_still_takes_the_outcomes_said_after_it(said, expect):
    assert cells(said) == expect


def test_outcome_counts_said_in_a_later_answer_add_to_the_block():
    assert cells("复议维持9件", "复议后起诉的还有2件，维持1件，在审1件") == {
        "review.upheld": 9, "suit_after_review.upheld": 1, "suit_after_review.pending": 1}


@pytest.mark.parametrize("said", [
    "复议维持4件；直接起诉的零", "复议维持4件，诉讼的0", "复议维持4件；复议后起诉的零，直接起诉的也为零",
])
def test_a_kind_of_case_said_bare_to_be_zero_is_none(said):
    assert cells(said) == {"review.upheld": 4}


@pytest.mark.parametrize("turns", [
    ["有人不服答复申请了复议", "复议维持了，他后来也没再去告"],
    ["复议1件，维持", "之后他没有再起诉"],
    ["复议1件，结果维持，当事人没再打官司"],
])
def test_no_suit_after_the_review_is_none(turns):
    assert cells(*turns) == {"review.upheld": 1}


@pytest.mark.parametrize("turns, expect", [
    (["直接起诉的维持5件", "不对，有2件是败诉"], {"suit_direct.upheld": 3, "suit_direct.corrected": 2}),
    (["复议维持4件", "其中1件后来申请人撤回了"], {"review.upheld": 3, "review.other": 1}),
    (["复议维持了6件", "搞错了，其中2件还没审完"], {"review.upheld": 4, "review.pending": 2}),
    (["复议后起诉的维持3件", "维持的那3件里有一件其实是纠正"], {"suit_after_review.upheld": 2, "suit_after_review.corrected": 1}),
])
def test_a_later_answer_giving_cases_counted_by_outcome_another_outcome_moves_them(turns, expect):
    assert cells(*turns) == expect


@pytest.mark.parametrize("turns, expect", [
    (["复议维持4件", "还有1件在审"], {"review.upheld": 4, "review.pending": 1}),
    (["直接起诉的维持2件", "另外还有1件纠正了"], {"suit_direct.upheld": 2, "suit_direct.corrected": 1}),
    (["复议维持3件", "不好意思，是纠正"], {"review.corrected": 3}),
])
def test_a_later_answer_adding_cases_or_putting_the_one_outcome_right_moves_nothing(turns, expect):
    assert cells(*turns) == expect


@pytest.mark.parametrize("turns, expect", [
    (["直接起诉的3件，都在审", "不对，有一件已经判了，判我们输了"], {"suit_direct.corrected": 1, "suit_direct.pending": 2}),
    (["复议4件", "有3件，维持了；剩下1件，调解了"], {"review.upheld": 3, "review.other": 1}),
    (["复议2件", "其中2件，纠正了"], {"review.corrected": 2}),
])
def test_a_count_then_its_outcome_in_the_next_clause_is_that_many_of_that_outcome(turns, expect):
    assert cells(*turns) == expect


@pytest.mark.parametrize("said", ["复议诉讼加起来4件，都维持了", "复议和诉讼合计2件，均维持", "复议诉讼合起来3件，都还在审"])
def test_review_and_suit_under_one_count_is_asked(said):
    out = answers.parse("t4", [said])
    assert out.questions and not any(out.cells.values())


@pytest.mark.parametrize("said", [
    "表三刚才说漏了一件，回头再说。复议没有，诉讼也没有", "表二的许可我还要查一下，复议诉讼都没有",
    "表3那边还有2件没算。复议诉讼都没有",
])
def test_a_clause_naming_another_table_is_kept_for_it(said):
    out = answers.parse("t4", [said])
    assert not out.questions and not out.not_understood and not any(out.cells.values())


@pytest.mark.parametrize("said, expect", [
    ("直接起诉2件，一个赢一个输", {"suit_direct.upheld": 1, "suit_direct.corrected": 1}),
    ("直接起诉3件，赢两个输一个", {"suit_direct.upheld": 2, "suit_direct.corrected": 1}),
    ("没人复议，有2个人直接去法院告我们，一件赢一件输", {"suit_direct.upheld": 1, "suit_direct.corrected": 1}),
])
def test_won_and_lost_said_bare_by_their_counts(said, expect):
    assert cells(said) == expect


@pytest.mark.parametrize("said, expect", [
    ("诉讼2件，一件直接起诉的输了，一件复议后起诉的赢了", {"suit_direct.corrected": 1, "suit_after_review.upheld": 1}),
    ("诉讼3件：直接起诉的维持2件，复议后起诉的纠正1件", {"suit_direct.upheld": 2, "suit_after_review.corrected": 1}),
])
def test_every_suit_counted_then_told_by_kind_with_outcomes_is_no_direct_suit_of_its_own(said, expect):
    assert cells(said) == expect


@pytest.mark.parametrize("said, expect", [
    ("一起行政诉讼，法院判决驳回原告诉讼请求，对方不服上诉了，二审还没判", {"suit_direct.pending": 1}),
    ("直接起诉1件，一审判我们输了，我们上诉了，二审改判维持", {"suit_direct.upheld": 1}),
    ("直接起诉1件，一审驳回，他上诉，二审维持原判", {"suit_direct.upheld": 1}),
    ("复议1件维持，他不服又起诉，一审驳回了，他又上诉了", {"review.upheld": 1, "suit_after_review.pending": 1}),
])
def test_a_suit_told_through_its_appeal_has_the_outcome_said_last(said, expect):
    assert cells(said) == expect


@pytest.mark.parametrize("said, expect", [
    ("复议4件：维持3件，1件对方撤了", {"review.upheld": 3, "review.other": 1}),
    ("复议2件，一件维持，一件他自己撤回了", {"review.upheld": 1, "review.other": 1}),
    ("直接起诉1件，法院驳回了他的起诉", {"suit_direct.other": 1}),
    ("直接起诉1件，法院裁定驳回原告的起诉", {"suit_direct.other": 1}),
    ("直接起诉1件，法院驳回了他的诉讼请求", {"suit_direct.upheld": 1}),
])
def test_withdrawn_by_the_other_side_or_the_suit_itself_dismissed_is_another_outcome(said, expect):
    assert cells(said) == expect


@pytest.mark.parametrize("said", ["复议2件都维持，官司一个没打", "复议2件都维持，诉讼一场没打过", "复议维持2件，起诉的一个没遇到"])
def test_not_one_case_brought_is_none(said):
    assert cells(said) == {"review.upheld": 2}


def test_one_case_not_finished_is_one_pending():
    assert cells("复议2件，一件维持，一件没结") == {"review.upheld": 1, "review.pending": 1}


@pytest.mark.parametrize("turns, expect", [
    (["复议维持20件，纠正3件，在审4件", "复议的在审说错了，是6件"], {"review.upheld": 20, "review.corrected": 3, "review.pending": 6}),
    (["直接起诉维持5件", "维持的不对，应该是4件"], {"suit_direct.upheld": 4}),
    (["复议维持8件，其他2件", "其他结果记错了，实际是3件"], {"review.upheld": 8, "review.other": 3}),
])
def test_an_outcome_said_wrong_then_its_count_in_the_next_clause(turns, expect):
    assert cells(*turns) == expect


@pytest.mark.parametrize("said", ["复议3件，维持2件，纠正2件", "直接起诉2件：维持2件，在审1件"])
def test_outcomes_adding_up_to_more_than_the_count_said_are_asked(said):
    assert answers.parse("t4", [said]).questions


@pytest.mark.parametrize("said, expect", [
    ("就一件，有个村民不服答复申请了复议，县政府维持了", {"review.upheld": 1}),
    ("一共两件，都是直接去法院告的，都还没判", {"suit_direct.pending": 2}),
])
def test_a_count_said_first_is_of_the_one_kind_of_case_told_after_it(said, expect):
    assert cells(said) == expect
