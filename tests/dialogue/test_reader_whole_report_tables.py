"""Phenomena of the table answers in probe 16's whole reports, each in several phrasings (none of them the probe's):
表二's 制发 / 废止 said short as 发 / 废 before the figure (a list read off the table); a sum worked out aloud while
the clerk corrects itself (“……加2减1不对”) is no count to ask about; in 表三 how a case already counted was handled
(“……涂掉了”: 部分公开), none left for next year said as “没有要结转的”, and a case told within a kind's count that an
earlier breakdown (“3件是个人的”) had counted."""

import pytest

from gkassist.dialogue import answers


def read(table, *turns):
    out = answers.parse(table, list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


# ------------------------------------------------------------------ 表二: 发 / 废 said short
@pytest.mark.parametrize("said, rules, normative", [
    ("规章：发2、废1、有效7；规范性文件：发6、废3、有效40；许可120；处罚35；强制4；收费0",
     (2, 1, 7), (6, 3, 40)),
    ("规章 发0 废0 有效5；规范性文件 发12 废2 有效88；许可9000，处罚700，强制30，收费12.5万元",
     (0, 0, 5), (12, 2, 88)),
    ("规范性文件：发三件，废两件，有效十五件；规章：发1件，废0件，有效4件；许可60、处罚8、强制0、收费0",
     (1, 0, 4), (3, 2, 15)),
])
def test_issued_and_repealed_said_short_are_read(said, rules, normative):
    cells = read("t2", said)
    for row, (issued, repealed, in_force) in (("rules", rules), ("normative", normative)):
        assert cells.get((row, "issued"), 0) == issued
        assert cells.get((row, "repealed"), 0) == repealed
        assert cells[(row, "in_force")] == in_force


def test_a_bare_fa_that_is_a_fee_or_a_printing_is_no_issue():
    """(收费 and 印发 keep their own meaning: “印发3件” is 制发 by its own word, a fee is no document)"""
    cells = read("t2", "规范性文件印发3件，废止1件，现行有效20件，许可0，处罚0，强制0，收费2万元")
    assert cells[("normative", "issued")] == 3 and cells[("fees", "fee_amount")] == 2


# ------------------------------------------------------------------ 表二: a sum worked out aloud
@pytest.mark.parametrize("said, issued, repealed, in_force", [
    ("规范性文件制发了2件，废止3件，哦不是，去年有效是6件，加2减3不对，废止是1件，现行有效7件，许可处罚强制都是0，不收费", 2, 1, 7),
    ("规范性文件出台4件，废止2件，去年有效10件，10加4减2等于12，现行有效12件，许可、处罚、强制都没有，没收费", 4, 2, 12),
    ("规范性文件今年新发1件，废了1件，去年有效3件，加上1件再减掉1件，还是3件，许可、处罚、强制都是0，收费没有", 1, 1, 3),
])
def test_a_sum_worked_out_aloud_is_not_asked_about(said, issued, repealed, in_force):
    cells = read("t2", said)
    assert (cells[("normative", "issued")], cells[("normative", "repealed")], cells[("normative", "in_force")]) \
        == (issued, repealed, in_force)


def test_a_count_that_grew_is_still_a_count():
    """(“增加3件” is no sum worked out: the row's figure)"""
    assert read("t2", "规范性文件制发2件，废止0件，现行有效5件，许可增加到30件，处罚0，强制0，收费0")[("licensing", "decisions")] == 30


# ------------------------------------------------------------------ 表三: how a counted case was handled
@pytest.mark.parametrize("handled", [
    "涉及别人的身份证号给涂掉了",
    "里面有第三方的电话都遮住了",
    "牵扯到其他企业的那部分内容被盖掉了",
])
def test_how_a_partial_case_was_handled_is_no_new_count(handled):
    said = f"一共2件，都是企业的，1件公开，另1件部分公开，{handled}"
    assert read("t3", said) == {("new", "business"): 2, ("open", "business"): 1, ("partial", "business"): 1}


@pytest.mark.parametrize("none_left", ["年底没有要结转的", "没什么需要延期的", "年底不用结转", "没啥要结转的"])
def test_none_left_for_next_year_is_read(none_left):
    said = f"个人申请3件，都公开了。{none_left}。"
    assert read("t3", said) == {("new", "natural"): 3, ("open", "natural"): 3}


@pytest.mark.parametrize("said, rows", [
    ("今年一共5件，4件是群众的，1件是企业的。群众的3件公开了，还有1件是要一份会议纪要，属于内部事务，没给；企业那件公开了",
     {("new", "natural"): 4, ("new", "business"): 1, ("open", "natural"): 3, ("deny_5", "natural"): 1,
      ("open", "business"): 1}),
    ("收到3件，2件是个人申请的，另1件是合作社申请的。个人的1件公开，另外1件是问土地征收补偿的，我们没有这个信息；合作社那件部分公开",
     {("new", "natural"): 2, ("new", "business"): 1, ("open", "natural"): 1, ("unable_1", "natural"): 1,
      ("partial", "business"): 1}),
    ("一共来了4件，3件是老百姓的，1件是律所的。老百姓那3件里面，2件公开了，还有1件是查一笔旧账，我们确实没有，答复不掌握；律所那件公开了",
     {("new", "natural"): 3, ("new", "legal"): 1, ("open", "natural"): 2, ("unable_1", "natural"): 1,
      ("open", "legal"): 1}),
])
def test_a_case_told_within_a_kind_s_breakdown_is_one_of_them(said, rows):
    assert read("t3", said) == rows
