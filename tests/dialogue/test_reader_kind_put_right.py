"""A later answer that puts right WHICH kind the things said before are — 表四's kind of case (复议, a suit brought
directly, a suit after a 复议), 表三's kind of applicant — moves them there with their outcome or results, never adds
one more: said with the kind it was not (“是X不是Y”, “不是Y，是X”, “X，而不是Y”) or only with the kind it is
(“应该算X”, “其实是X”, “弄错了，那两件是X”).  A bare correction of a count in one kind, or a case added (“还有”, “也”),
is unaffected; a move that cannot be told from the words is asked, never guessed.  An outcome said alone (“申请人后来
自己撤回了”) answers 表四's question back; “结转的没有” in a later answer takes back what was carried on.  (No
phrasing here is a probe's.)"""

import pytest

from gkassist.cli import main
from gkassist.core.model import load_report
from gkassist.dialogue import answers
from gkassist.paths import drafts_dir
from support import SEED


def t4(*turns):
    out = answers.parse("t4", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {c: v for (_, _, c), v in out.cells.items() if v}


def t3(*turns):
    out = answers.parse("t3", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


@pytest.mark.parametrize("first, later, expect", [
    ("行政诉讼1件，法院判我们败诉", "搞错了，是复议被撤销的，不是诉讼", {"review.corrected": 1}),
    ("行政诉讼1件，法院判我们败诉", "不对，那件是复议不是官司", {"review.corrected": 1}),
    ("被起诉1件，还在审", "记错了，不是起诉，是申请的复议", {"review.pending": 1}),
    ("被起诉1件，还在审", "那件准确地说应该算行政复议", {"review.pending": 1}),
    ("复议3件，都维持了", "说错了，那三件是直接告到法院的", {"suit_direct.upheld": 3}),
    ("复议3件，都维持了", "是诉讼，而不是复议", {"suit_direct.upheld": 3}),
    ("复议3件，都维持了", "不好意思，其实都是直接起诉的", {"suit_direct.upheld": 3}),
    ("复议后起诉1件，法院维持", "不对，是直接起诉的，没经过复议", {"suit_direct.upheld": 1}),
    ("复议2件，一件维持一件纠正", "弄错了，这两件应该归到直接起诉里", {"suit_direct.upheld": 1, "suit_direct.corrected": 1}),
])
def test_a_case_put_into_another_kind_moves_with_its_outcome(first, later, expect):
    assert t4(first, later) == expect


@pytest.mark.parametrize("later, expect", [
    ("说错了，复议是4件，都维持", {"review.upheld": 4}),
    ("不对，应该是4件", {"review.upheld": 4}),
    ("还有诉讼1件，也维持了", {"review.upheld": 3, "suit_direct.upheld": 1}),
    ("另外直接起诉的也有1件，法院维持", {"review.upheld": 3, "suit_direct.upheld": 1}),
])
def test_a_count_put_right_or_a_case_added_is_no_move(later, expect):
    assert t4("复议3件，都维持了", later) == expect


def test_the_story_told_again_after_a_correction_is_no_move():
    """“说错了，是先复议的，……又起诉”: the suit said before is the one after the 复议 this answer tells."""
    assert t4("被起诉1件，法院维持", "说错了，他是先复议的，复议维持以后又去起诉，法院那边维持") \
        == {"review.upheld": 1, "suit_after_review.upheld": 1}


@pytest.mark.parametrize("first, later", [
    ("复议1件维持，诉讼1件纠正", "说错了，是复议被纠正，不是诉讼"),  # both kinds said: which one moved, asked
    ("复议3件，都维持了", "说错了，是诉讼1件，不是复议"),  # one of three? asked
])
def test_a_move_the_words_do_not_settle_is_asked(first, later):
    out = answers.parse("t4", [first, later])
    assert out.questions or out.not_understood


@pytest.mark.parametrize("later", [
    "申请人后来主动撤回了", "对方自己撤诉了", "人家撤回申请，复议终止了", "后来双方和解了", "调解结案了",
    "申请人撤销了复议申请", "对方后来放弃了复议",
])
def test_an_outcome_said_alone_answers_the_question_back(later):
    assert answers.plainly_later("申请人后来自己撤回了", "t4") is False
    assert not answers.plainly_later(later, "t4")
    assert t4("行政复议1件", later) == {"review.other": 1}


@pytest.mark.parametrize("said", ["复议机关撤销了我们的答复", "复议机关撤销了原来的答复，责令重新答复"])
def test_a_decision_set_aside_is_still_corrected(said):
    assert t4("行政复议1件", said) == {"review.corrected": 1}


def test_an_answer_of_table_two_is_still_taken_for_the_next_question():
    assert answers.plainly_later("规范性文件发了2件，撤销1件", "t4")


@pytest.mark.parametrize("first, later, kind", [
    ("个人申请2件，都公开了", "说错了，那两件是公司申请的", "business"),
    ("个人申请2件，都公开了", "不对，是律所申请的，不是个人", "legal"),
    ("个人申请2件，都公开了", "弄错了，其实是村委会申请的", "other"),
    ("个人申请2件，都公开了", "这2件应该算企业的", "business"),
])
def test_applications_put_into_another_kind_move_with_their_results(first, later, kind):
    assert t3(first, later) == {("new", kind): 2, ("open", kind): 2}


@pytest.mark.parametrize("later, expect", [
    ("企业也有1件，公开了", {("new", "natural"): 2, ("new", "business"): 1, ("open", "natural"): 2, ("open", "business"): 1}),
    ("漏了，公司还有1件，也公开了",
     {("new", "natural"): 2, ("new", "business"): 1, ("open", "natural"): 2, ("open", "business"): 1}),
    ("说错了，个人是3件", {("new", "natural"): 3, ("open", "natural"): 3}),
])
def test_applications_added_or_a_count_put_right_is_no_move(later, expect):
    assert t3("个人申请2件，都公开了", later) == expect


@pytest.mark.parametrize("later", [
    "更正一下，结转的没有，公开的是21件", "不对，没有转到明年的，公开是21件", "说错了，公开的是21件，往下年结转的没有",
])
def test_none_carried_on_said_later_takes_back_what_was_carried(later):
    first = "个人申请30件，公开20件，不掌握9件，结转下年1件"
    assert t3(first, later) == {("new", "natural"): 30, ("open", "natural"): 21, ("unable_1", "natural"): 9}


@pytest.mark.slow
@pytest.mark.parametrize("turns, cell", [
    (["行政诉讼1件，法院判我们败诉", "搞错了，是复议被撤销的，不是诉讼"], ("review", "corrected")),
    (["行政复议1件", "申请人后来主动撤回了"], ("review", "other")),
])
def test_through_the_whole_conversation(turns, cell, tmp_path, capsys):
    said = tmp_path / "answers.txt"
    said.write_text("\n".join(["没有", "对", *turns, "对"]) + "\n", encoding="utf-8")
    main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(said)])
    (path,) = drafts_dir().glob("*.json")
    report = load_report(path)
    stored = {c.id: report.cell("t4", r.id, c.id) for _, r, c in report.format.tables["t4"].cells()
              if not c.total and report.cell("t4", r.id, c.id)}
    assert stored == {f"{cell[0]}.{cell[1]}": 1}, capsys.readouterr().out
