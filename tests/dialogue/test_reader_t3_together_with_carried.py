"""“连上年结转的一起算”, “连同去年转来的一块算”: the results that follow count last year's carried-in applications
too — 一起/一块 is “together” there, never one more case carried in (起 is also a measure of cases)."""

import pytest

from gkassist.dialogue import answers

CARRIED = {"natural": 50}


def cells(*turns):
    out = answers.parse("t3", list(turns), carried=CARRIED)
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


@pytest.mark.parametrize("together", [
    "连上年结转的一起算", "连同去年转来的一块算", "加上去年结转的一起算的话", "上年结转的也一道算进去",
])
def test_results_said_together_with_the_carried_in_ones_count_them_too(together):
    got = cells(f"个人新收500件，{together}，公开400件，不掌握120件，结转下年30件")
    assert got == {("new", "natural"): 500, ("open", "natural"): 400,
                   ("unable_1", "natural"): 120, ("carry_next", "natural"): 30}
