"""Two families said plainly: no appeal at all said with 告 (“没人告咱”) and a figure corrected after looking in the
register book (“不对，我翻了下登记本是6件”) — each in several phrasings, none a probe's."""

import pytest

from gkassist.dialogue import answers


@pytest.mark.parametrize("said", ["没人告咱", "没有，没人告我们", "没有人告我们局", "没有，没人告过咱", "都没有，没人告"])
def test_no_one_suing_is_no_appeal_at_all(said):
    out = answers.parse("t4", [said])
    # understood as the whole table at 0 (no cell of any case), where it used to be refused as not understood
    assert not out.refusal and not out.questions and not out.not_understood and not any(out.cells.values()), out


def test_no_one_suing_still_leaves_a_review_said_with_it():
    out = answers.parse("t4", ["没人告，复议1件维持"])
    assert {c: v for (_, _, c), v in out.cells.items() if v} == {"review.upheld": 1}


@pytest.mark.parametrize("said", [
    "自然人申请5件——不对，我翻了下登记本是6件，都公开了",
    "个人申请5件，不对，查了下登记簿是6件，都公开了",
    "收了5件，等下，我翻了翻本子，是6件，都是个人的，都公开了",
])
def test_a_count_corrected_from_the_register_book_keeps_only_the_correction(said):
    out = answers.parse("t3", [said])
    got = {(r, c): v for (_, r, c), v in out.cells.items() if v and c != "total"}
    assert got[("new", "natural")] == 6 and got[("open", "natural")] == 6, (said, out)


@pytest.mark.parametrize("said, wan", [
    ("行政处罚12件，收费三点五万", 3.5), ("收费一点二万元，许可3件", 1.2), ("处罚2件，收费零点五万", 0.5),
    ("收费9.8个亿", 98000), ("许可100件，收费两个亿", 20000), ("收费1.5个亿，处罚20件", 15000),
])
def test_a_fee_said_with_a_spoken_decimal_or_a_measure_word_before_yi_is_read_in_wan(said, wan):
    out = answers.parse("t2", [said])
    assert {c: v for (_, r, c), v in out.cells.items() if r == "fees"} == {"fee_amount": wan}, (said, out)
