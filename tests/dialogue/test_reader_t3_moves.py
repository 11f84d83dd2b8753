"""A later answer that moves some cases from one 表三 result to another — of one kind of applicant, or from one kind's
result to another kind's with both named — is a move of the state: taken from the one, given to the other, the
applications as they were.  And a later answer of any table that the reader places nothing of is named back as not
understood, never silently dropped with the earlier cells stored (whole conversations through `gkassist draft
--answers` for that)."""

import pytest

from gkassist.cli import main
from gkassist.core.model import load_report
from gkassist.dialogue import answers
from gkassist.paths import drafts_dir
from support import SEED

FIRST = "个人申请600件，去年结转来20件；公开300件，部分公开100件，本机关不掌握150件，信访举报类50件，结转下年20件"
BEFORE = {("new", "natural"): 600, ("carried", "natural"): 20, ("open", "natural"): 300, ("partial", "natural"): 100,
          ("unable_1", "natural"): 150, ("reject_1", "natural"): 50, ("carry_next", "natural"): 20}


def cells(*turns):
    out = answers.parse("t3", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


def moved(source, target, count):
    after = dict(BEFORE)
    after[(source, "natural")] -= count
    after[(target, "natural")] = after.get((target, "natural"), 0) + count
    return {k: v for k, v in after.items() if v}


# ------------------------------------------------------------------ within one kind, source named
@pytest.mark.parametrize("later", [
    "信访类里有12件核实以后其实是重复申请的，挪一下",
    "信访举报那50件里面有12件应该算重复申请",
    "把12件从信访举报挪到重复申请里",
    "信访那边挪12件到重复申请",
    "重复申请要加12件，从信访类里调过来",
    "有12件信访的，后来核实了其实都是重复申请",
    "信访举报的有12件实际上是重复申请，改过来",
    "12件信访类的归到重复申请",
    "其中12件信访类的算到重复申请里",
])
def test_some_of_one_reason_moved_to_another_of_the_same_group(later):
    assert cells(FIRST, later) == moved("reject_1", "reject_2", 12)


@pytest.mark.parametrize("later, source, target, count", [
    ("不掌握的有30件其实是需要另行制作的", "unable_1", "unable_2", 30),
    ("本机关不掌握里头有30件改成过程性信息不予公开", "unable_1", "deny_6", 30),
    ("部分公开里面有8件其实是全部公开", "partial", "open", 8),
    ("公开的有5件后来查了是涉及第三方隐私，不予公开", "open", "deny_4", 5),
    ("信访的有6件应该是不掌握，挪过去", "reject_1", "unable_1", 6),
])
def test_some_of_one_result_moved_to_a_result_of_another_group(later, source, target, count):
    assert cells(FIRST, later) == moved(source, target, count)


# ------------------------------------------------------------------ the source implied
@pytest.mark.parametrize("later", [
    "有12件其实是重复申请",
    "后来查了，有12件实际是重复申请",
    "有12件应该算重复申请",
])
def test_the_one_other_reason_of_the_group_said_before_is_the_source(later):
    # (信访 is the only 不予处理 said: the cases moved into 重复申请 are some of its)
    assert cells(FIRST, later) == moved("reject_1", "reject_2", 12)


@pytest.mark.parametrize("later", [
    "信访类的有12件，后来查了是重复申请",
    "信访那块有12件，核实了其实是重复申请",
])
def test_a_count_of_one_result_then_the_result_they_are_of_is_one_move(later):
    assert cells(FIRST, later) == moved("reject_1", "reject_2", 12)


# ------------------------------------------------------------------ all of a result's cases
@pytest.mark.parametrize("later", ["信访那50件其实都是重复申请", "信访类的其实全是重复申请"])
def test_all_of_a_result_s_cases_moved(later):
    assert cells(FIRST, later) == moved("reject_1", "reject_2", 50)


# ------------------------------------------------------------------ across kinds, both named
@pytest.mark.parametrize("later", [
    "个人不掌握的有1件应该是企业的公开",
    "个人不掌握的里面有1件其实是公司申请的，给公开了",
])
def test_one_kind_s_result_moved_to_another_kind_s_result_takes_its_application_along(later):
    first = "自然人申请10件，企业2件；个人的公开5件，不掌握3件，信访2件；企业的都公开了"
    assert cells(first, later) == {
        ("new", "natural"): 9, ("new", "business"): 3, ("open", "natural"): 5, ("unable_1", "natural"): 2,
        ("reject_1", "natural"): 2, ("open", "business"): 3}


# ------------------------------------------------------------------ never silently ignored
@pytest.mark.parametrize("table, first, later", [
    ("t3", "自然人申请10件，公开5件，不掌握3件，信访2件", "那几件后来都跟领导汇报过了"),
    ("t3", "自然人申请10件，公开5件，不掌握3件，信访2件", "挪一下吧"),
    ("t4", "行政复议3件，维持2件，纠正1件", "那个纠正的后来领导专门开会说了"),
    ("t2", "行政许可12件，行政处罚5件", "那个其实是上半年弄的"),
])
def test_a_later_answer_that_places_nothing_is_named_as_not_understood(table, first, later):
    before = answers.parse(table, [first])
    after = answers.parse(table, [first, later])
    assert after.cells == before.cells and later in after.not_understood


@pytest.mark.parametrize("first, later", [
    ("合作社申请1件，全公开了", "合作社算公司吧，就按企业算"),
    ("自然人申请10件，公开5件，不掌握3件，信访2件", "都是老百姓个人申请的"),
    ("自然人申请10件，公开5件，不掌握3件，信访2件", "个人申请的没有别的了"),
    ("自然人申请10件，公开5件，不掌握3件，信访2件", "企业的一件也没有"),
])
def test_a_later_answer_confirming_what_was_read_is_not_asked_about(first, later):
    before = answers.parse("t3", [first])
    after = answers.parse("t3", [first, later])
    assert after.cells == before.cells and not after.not_understood and not after.questions


@pytest.mark.slow
@pytest.mark.parametrize("later", ["那几件后来都跟领导汇报过了", "这个就先这样，回头再说"])
def test_a_later_answer_understood_nothing_is_asked_about_and_nothing_stored(later, tmp_path, capsys):
    said = tmp_path / "answers.txt"
    said.write_text("\n".join(["自然人申请10件，公开5件，不掌握3件，信访2件", later, "对"]) + "\n", encoding="utf-8")
    code = main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(said)])
    transcript = capsys.readouterr().out
    assert code == 1 and f"“{later}”" in transcript and "还没填完，没有保存" in transcript, transcript
    (path,) = drafts_dir().glob("*.json")
    assert load_report(path).cell("t3", "new", "natural") is None


@pytest.mark.slow
def test_a_move_through_the_whole_conversation_is_stored(tmp_path, capsys):
    said = tmp_path / "answers.txt"
    said.write_text("\n".join([FIRST, "信访举报的有12件实际上是重复申请，改过来", "对"]) + "\n", encoding="utf-8")
    assert main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(said)]) == 0, capsys.readouterr().out
    (path,) = drafts_dir().glob("*.json")
    report = load_report(path)
    assert (report.cell("t3", "reject_1", "natural"), report.cell("t3", "reject_2", "natural")) == (38, 12)
