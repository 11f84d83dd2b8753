"""表四's outcome words, each phenomenon in several phrasings (none of them a probe's): a 复议 turned away unheard is
其他结果 while a court's “驳回诉讼请求” is 维持; a withdrawal is 其他结果; “其他N” is the other outcome's count; the rest
said to be pending takes what is left of the count; outcome counts in Chinese numerals without 件; a later answer
that puts the one outcome said right, naming the 复议机关."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t4", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {c: v for (_, _, c), v in out.cells.items() if v}


@pytest.mark.parametrize("said", [
    "复议1件，复议机关认为不符合受理条件，驳回了",
    "行政复议1件，被驳回复议申请",
    "复议一件，复议机关驳回了他的复议申请",
    "被申请复议1件，不属于受理范围，驳回",
    "复议1起，复议机关不予受理",
])
def test_a_review_turned_away_unheard_is_another_outcome(said):
    assert cells(said) == {"review.other": 1}


@pytest.mark.parametrize("said", [
    "直接起诉1件，法院判决驳回诉讼请求", "被告了1次，法院驳回了原告的诉讼请求", "行政诉讼1件，一审驳回原告诉讼请求",
])
def test_a_court_turning_down_the_claim_upholds(said):
    assert cells(said) == {"suit_direct.upheld": 1}


@pytest.mark.parametrize("said", [
    "直接起诉的1件，原告后来撤诉了", "被起诉1件，对方撤回起诉", "复议1件，申请人撤回了", "直接起诉1件，法院裁定驳回起诉",
])
def test_a_case_withdrawn_or_dismissed_is_another_outcome(said):
    assert list(cells(said).values()) == [1] and next(iter(cells(said))).endswith(".other")


@pytest.mark.parametrize("said, expect", [
    ("复议2件，一件纠正，一件当事人撤掉了", {"review.corrected": 1, "review.other": 1}),
    ("复议3件，2件维持，还有1件对方主动撤了", {"review.upheld": 2, "review.other": 1}),
    ("行政复议一件，后来人家自己撤了", {"review.other": 1}),
    ("直接起诉1件，开庭前原告撤了", {"suit_direct.other": 1}),
])
def test_a_case_the_applicant_took_back_in_a_short_word_is_another_outcome(said, expect):
    assert cells(said) == expect


def test_a_court_setting_our_decision_aside_in_a_short_word_is_never_taken_for_a_withdrawal():
    out = answers.parse("t4", ["复议1件，法院把我们的答复撤了"])
    assert not any(c.endswith(".other") and v for (_, _, c), v in out.cells.items())


@pytest.mark.parametrize("said, expect", [
    ("诉讼就一件，不服复议决定起诉的，法院维持了", {"suit_after_review.upheld": 1}),
    ("行政诉讼一件，复议以后又去法院告的，维持", {"suit_after_review.upheld": 1}),
    ("官司打了2件，都是不服复议决定起诉的，都判我们赢了", {"suit_after_review.upheld": 2}),
    ("被起诉1件，经过复议后又告的，还在审", {"suit_after_review.pending": 1}),
])
def test_a_suit_counted_then_said_to_come_after_a_review_is_that_kind_only(said, expect):
    assert cells(said) == expect


@pytest.mark.parametrize("said, expect", [
    ("复议20件：维持14，纠正2，其他3，未审结1", {"review.upheld": 14, "review.corrected": 2, "review.other": 3, "review.pending": 1}),
    ("直接起诉10件，维持6，其他的2件，还在审2件", {"suit_direct.upheld": 6, "suit_direct.other": 2, "suit_direct.pending": 2}),
    ("复议5件，维持3件，其他2件", {"review.upheld": 3, "review.other": 2}),
])
def test_other_with_its_count_is_the_other_outcome(said, expect):
    assert cells(said) == expect


@pytest.mark.parametrize("turns, expect", [
    (["行政复议一共120件", "维持八十，纠正十五，撤回的其他结果二十，剩下的年底还没结"],
     {"review.upheld": 80, "review.corrected": 15, "review.other": 20, "review.pending": 5}),
    (["复议50件，维持四十，纠正六，剩下的还在审"], {"review.upheld": 40, "review.corrected": 6, "review.pending": 4}),
    (["直接起诉30件，判维持二十二，其余年底都没结"], {"suit_direct.upheld": 22, "suit_direct.pending": 8}),
])
def test_the_rest_said_pending_takes_what_is_left_and_chinese_counts_are_read(turns, expect):
    assert cells(*turns) == expect


@pytest.mark.parametrize("pending", ["没结", "年底没结的", "还有3件没判", "未结", "没判下来"])
def test_everyday_words_for_a_case_not_decided(pending):
    said = f"复议7件，维持4件，{pending if '3件' in pending else '3件' + pending}"
    assert cells(said) == {"review.upheld": 4, "review.pending": 3}


@pytest.mark.parametrize("later, outcome", [
    ("不对，记错了，复议机关责令我们重新答复了", "corrected"),
    ("说错了，复议机关确认我们违法", "corrected"),
    ("搞错了，复议那件申请人撤回了", "other"),
    ("记错了，复议机关还没出结果", "pending"),
])
def test_a_later_answer_puts_the_one_outcome_said_right(later, outcome):
    assert cells("复议1件，维持", later) == {f"review.{outcome}": 1}


@pytest.mark.parametrize("later, expect", [
    ("其他是2，维持6", {"review.upheld": 6, "review.other": 2, "review.pending": 2}),
    ("复议维持的改成4，其他为4", {"review.upheld": 4, "review.other": 4, "review.pending": 2}),
])
def test_a_later_answer_gives_other_outcomes_count_anew(later, expect):
    assert cells("复议10件，维持5，其他3，未结2", later) == expect


def test_the_same_case_said_again_with_another_outcome_is_not_two_outcomes_of_one():
    assert cells("复议2件，都维持", "不好意思，复议机关责令重新答复了") == {"review.corrected": 2}


@pytest.mark.parametrize("said, expect", [
    ("行政复议60件，维持20件，确认违法、责令重新答复的15件，撤回和驳回复议申请的20件，年底没结的5件",
     {"review.upheld": 20, "review.corrected": 15, "review.other": 20, "review.pending": 5}),
    ("直接起诉12件，法院驳回诉讼请求6件、判决撤销3件、裁定驳回起诉和撤诉2件、还在审1件",
     {"suit_direct.upheld": 6, "suit_direct.corrected": 3, "suit_direct.other": 2, "suit_direct.pending": 1}),
    ("复议后起诉的没有，直接起诉4件，都维持", {"suit_direct.upheld": 4}),
])
def test_outcomes_named_in_the_words_of_the_decisions(said, expect):
    assert cells(said) == expect


@pytest.mark.parametrize("said, expect", [
    ("复议4件，纠正3件，维持1件；纠正的那三件当中有2件又起诉了，法院都维持",
     {"review.corrected": 3, "review.upheld": 1, "suit_after_review.upheld": 2}),
    ("复议2件都维持，维持的那两件里头一件后来又告到法院，还在审", {"review.upheld": 2, "suit_after_review.pending": 1}),
    ("复议5件：维持4件，撤销1件。维持的那4件里有1件后来又起诉到法院，法院维持了",
     {"review.upheld": 4, "review.corrected": 1, "suit_after_review.upheld": 1}),
])
def test_some_of_the_cases_with_an_outcome_are_the_suits_counted_after_them(said, expect):
    """“维持的那N件里有M件又起诉了”: the N are the 复议 said before; the M are the suits (never N suits)."""
    assert cells(said) == expect


@pytest.mark.parametrize("then", [
    "说错了，是先复议的，复议维持了他不服才起诉，法院那边也维持",
    "不对，他先申请了复议，复议维持了，对方还是不服又起诉，法院维持",
])
def test_a_suit_put_right_as_brought_after_a_review_moves_and_the_review_is_counted(then):
    out = cells("行政诉讼1件，直接起诉的，法院维持", then)
    assert out == {"review.upheld": 1, "suit_after_review.upheld": 1}


@pytest.mark.parametrize("said", [
    "复议2件，都维持；复议后起诉1件，还在审；没有直接起诉的",
    "复议2件都维持了，复议后又起诉的1件在审，没人直接去法院起诉",
    "复议2件，均维持。复议后起诉1件尚未审结，无直接起诉",
])
def test_no_suit_brought_directly_is_none_of_them(said):
    assert cells(said) == {"review.upheld": 2, "suit_after_review.pending": 1}


@pytest.mark.parametrize("turns, expected", [
    (["复议5件，维持3，纠正1，其他1；诉讼一件都没有", "不对，维持的是2件，其他是2件"],
     {"review.upheld": 2, "review.corrected": 1, "review.other": 2}),
    (["行政复议4件：维持2件、纠正2件，没有人去法院告", "等一下，纠正应该是1件，还有1件还没审完"],
     {"review.upheld": 2, "review.corrected": 1, "review.pending": 1}),
    (["直接起诉3件，2件维持1件败诉；复议没有", "说错了，败诉的那件其实还在审"],
     {"suit_direct.upheld": 2, "suit_direct.pending": 1}),
])
def test_a_later_correction_naming_no_kind_is_of_the_one_kind_with_cases(turns, expected):
    """The kind named last was said to have none (“……；诉讼一件都没有”): a later answer's outcome that names no kind
    puts right the cases of the one kind that has them, never the kind said to have none."""
    assert cells(*turns) == expected


@pytest.mark.parametrize("turns, expected", [
    (["复议2件都维持了；诉讼都是直接起诉的，8件都维持了", "改一下，诉讼那边有1件是被纠正的，维持的是7件"],
     {"review.upheld": 2, "suit_direct.corrected": 1, "suit_direct.upheld": 7}),
    (["复议3件都维持了", "说错了，复议有1件是被纠正的，维持的是2件"], {"review.corrected": 1, "review.upheld": 2}),
    (["直接起诉的5件都维持了", "不对，起诉里有2件是败诉的，维持的是3件"], {"suit_direct.corrected": 2, "suit_direct.upheld": 3}),
])
def test_a_kind_counted_by_its_outcome_then_one_of_them_put_right(turns, expected):
    """“8件都维持了” counts the cases by their outcome; “……有1件是被纠正的” later is one of those with another outcome,
    never a kind of 1 case."""
    assert cells(*turns) == expected


@pytest.mark.parametrize("turns", [
    ["复议2件，一件维持，一件被纠正", "纠正那件后来又起诉了，法院还没判"],
    ["行政复议两件，一件维持，一件被撤销了", "被撤销那个后来告到法院了，还在审"],
    ["复议2件，一件维持，一件纠正", "对了，纠正那个人不服又去告了，一审还没结果"],
    ["复议两起", "一起维持，一起被确认违法", "确认违法那起后来又打了官司，还没判下来"],
    ["复议2件，1件维持1件纠正", "被纠正那家后来又打官司了，目前还没结果"],
])
def test_a_case_named_by_its_outcome_without_de_then_sued_is_a_suit_after_review(turns):
    """“确认违法那个人后来又去起诉了”: the outcome before 那个/那件 (the 的 left out) says which 复议 — the suit brought
    after it is a 复议后起诉 of its own, the 复议's outcome stays, and the suit's is what is said of it."""
    assert cells(*turns) == {"review.upheld": 1, "review.corrected": 1, "suit_after_review.pending": 1}


@pytest.mark.parametrize("turns, expect", [
    (["复议2件，一件维持，一件纠正", "维持那件申请人不服又起诉了，法院也维持了"],
     {"review.upheld": 1, "review.corrected": 1, "suit_after_review.upheld": 1}),
    (["复议1件，被撤销了", "撤销那个后来又告到法院，判我们输了"],
     {"review.corrected": 1, "suit_after_review.corrected": 1}),
    (["复议2件，1件维持1件纠正", "维持那位不服又起诉了，法院也维持了"],
     {"review.upheld": 1, "review.corrected": 1, "suit_after_review.upheld": 1}),
])
def test_the_suit_after_a_review_named_by_its_outcome_takes_its_own_outcome(turns, expect):
    assert cells(*turns) == expect


@pytest.mark.parametrize("first, later, expect", [
    ("行政复议4件，3件维持，1件没结", "那个没结的前几天结了，对方撤回了复议申请", {"review.upheld": 3, "review.other": 1}),
    ("直接起诉2件：1件胜诉，1件还没判", "还没判的那件月底判下来了，我们输了", {"suit_direct.upheld": 1, "suit_direct.corrected": 1}),
    ("复议2件，1件纠正，1件在审", "在审的那个现在有结论了，维持", {"review.corrected": 1, "review.upheld": 1}),
    ("复议5件，维持3件，2件尚未审结", "未审结那两件已经出结果了，都调解了", {"review.upheld": 3, "review.other": 2}),
])
def test_a_case_named_by_its_state_then_said_to_have_an_outcome_moves(first, later, expect):
    """“没结的那个后来有结果了，……撤回了”: the outcome said after the case named by its state is that case's."""
    assert cells(first, later) == expect


@pytest.mark.parametrize("turns, expect", [
    (["行政复议40多件，准确是43件，维持40，其余还在审"], {"review.upheld": 40, "review.pending": 3}),
    (["直接起诉的大概20件，确切是18件", "维持15，纠正1，剩下的没判下来"],
     {"suit_direct.upheld": 15, "suit_direct.corrected": 1, "suit_direct.pending": 2}),
    (["复议一百来件，具体的数是104件", "维持九十，其他十，剩下的年底没结"],
     {"review.upheld": 90, "review.other": 10, "review.pending": 4}),
])
def test_a_count_said_about_so_many_then_exactly_is_the_exact_one(turns, expect):
    """“复议200来件，具体是212件”: the exact count answers the approximate one; the rest said pending is what is left of it."""
    assert cells(*turns) == expect


def test_a_count_said_only_about_so_many_is_still_asked():
    out = answers.parse("t4", ["复议300来件，维持的占大多数"])
    assert any("具体是几件" in q for q in out.questions)


@pytest.mark.parametrize("said, expect", [
    ("复议2件都维持了；另外有一件上年复议完了，当事人今年告到法院，法院还没判",
     {"review.upheld": 2, "suit_after_review.pending": 1}),
    ("还有一件之前复议结束了，申请人不服，起诉到了法院，法院还在审理", {"suit_after_review.pending": 1}),
    ("有1个是复议以后，他不服，又把我们告了，法院判我们赢了", {"suit_after_review.upheld": 1}),
    ("复议1件，结果维持；还有一起是前年复议过的，今年又打官司了，目前在审",
     {"review.upheld": 1, "suit_after_review.pending": 1}),
    ("有一件以前复议以后，他又去打官司了，现在还没结案", {"suit_after_review.pending": 1}),
])
def test_a_case_said_to_have_been_through_a_review_then_taken_to_court_is_one_suit_after_review(said, expect):
    # the 复议 it went through is no case of this table's year: only the suit and the court's outcome count
    assert cells(said) == expect
