"""表四 as a clerk tells it over several answers: outcomes given by examples before their row (“驳回申请、终止这些其他
结果的140”) are that one row; “剩下的还没结” is the block's count less the outcomes said; “复议后再告的没有” is no
suit after review."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t4", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(b, c): v for (_, _, key), v in out.cells.items() if v for b, c in [key.split(".")]}


@pytest.mark.parametrize("outcomes", [
    "维持60，纠正20，撤回、终止这些其他结果的15，剩下的还没结",
    "维持六十，纠正二十，调解、和解等其他的十五，其余还在审",
    "结果维持60件，纠正20件，驳回申请、撤回之类其他结果15件，剩下的尚未审结",
])
def test_examples_of_a_row_then_the_rest_pending(outcomes):
    assert cells("复议一百件", outcomes) == {("review", "upheld"): 60, ("review", "corrected"): 20,
                                          ("review", "other"): 15, ("review", "pending"): 5}


@pytest.mark.parametrize("none", ["复议后再告的没有", "复议以后又去告的也没有", "复议完再起诉的没有"])
def test_no_suit_after_review_said_with_gao(none):
    assert cells(f"直接起诉12件，都维持；{none}") == {("suit_direct", "upheld"): 12}
