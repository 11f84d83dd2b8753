"""The results of last year's carried-in applications told in an answer of their own (“去年结转的103件都是个人的，公开
70件，不掌握33件”) and the new applications' results in another: both sets of cases, added — never the later figure
taken for a correction of the earlier one, whichever order they come in."""

import pytest

from gkassist.dialogue import answers

CARRIED = {"natural": 20}


def cells(*turns):
    out = answers.parse("t3", list(turns), carried=CARRIED)
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


NEW = "新收个人申请300件，企业10件"
NEW_RESULTS = "今年新收的里面，个人的公开200，不掌握80，转下年度20；企业的公开10"
EXPECT = {("new", "natural"): 300, ("new", "business"): 10, ("carried", "natural"): 20, ("open", "natural"): 212,
          ("unable_1", "natural"): 88, ("carry_next", "natural"): 20, ("open", "business"): 10}


@pytest.mark.parametrize("carried", [
    "去年结转的20件都是个人的，已经全部答复：公开12件，不掌握8件",
    "上年转过来的20件全是群众的，都办完了，公开12件，本机关不掌握8件",
    "去年转来的那20件都是个人申请，公开了12件，还有8件我们没有这个信息",
])
def test_the_carried_in_cases_results_apart_are_added_to_the_new_ones(carried):
    assert cells(NEW, carried, NEW_RESULTS) == EXPECT


@pytest.mark.parametrize("carried", [
    "去年结转的20件都是个人的，公开12件，不掌握8件",
    "上年转过来的20件全是群众的，公开12件，本机关不掌握8件",
])
def test_the_carried_in_cases_results_told_last_are_added_too(carried):
    assert cells(NEW, NEW_RESULTS, carried) == EXPECT
