"""What a case asked for said first (“要的是开会讨论还没定稿的材料”), then its group with the count (“不公开的62件”):
the reason what was asked for names, with that count — nothing asked about which reason; and the everyday words for
the other reasons of 表三, each in its row."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t3", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


@pytest.mark.parametrize("reason, group, row", [
    ("要的是我们内部开会讨论还没定稿的材料", "不公开的12件", "deny_6"),
    ("要的是我们开会研究还没定下来的方案", "没给的12件", "deny_6"),
    ("要的是行政处罚的案卷", "不予公开的12件", "deny_7"),
])
def test_what_was_asked_for_then_its_group_counted_is_that_reason(reason, group, row):
    got = cells(f"个人申请40件，公开28件；{reason}，{group}")
    assert got == {("new", "natural"): 40, ("open", "natural"): 28, (row, "natural"): 12}


@pytest.mark.parametrize("said, row", [
    ("叫他补正逾期一直不补的5件", "other_1"), ("让补正材料过期了也没补的5件", "other_1"),
    ("收费通知发了他不交钱的5件", "other_2"),
    ("要邻居身份证号码涉及个人隐私没给的5件", "deny_4"),
    ("处罚案卷5件", "deny_7"), ("我们这根本没有的5件", "unable_1"),
    ("补正以后还是说不清要什么的5件", "unable_3"), ("实际是投诉举报的5件", "reject_1"),
])
def test_everyday_reasons_are_their_rows(said, row):
    got = cells(f"个人申请40件，公开35件，{said}")
    assert got == {("new", "natural"): 40, ("open", "natural"): 35, (row, "natural"): 5}
