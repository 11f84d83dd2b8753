"""表三 phenomena of probe 18's answers (a whole report left unsaved at 表三), each in several phrasings (none of them
the probe's): a row named by its number inside a block of the official table (“不予处理第2项”, “（六）3”), read from
the format's own numbering (2021 and 2019 layouts); an enforcement file named by what it holds, and an answer about
表三 that says a word of another table (“处罚”) read as 表三's; a count of one kind's applications moved to another
without 其实 (“企业那8件里有2件是科研机构申请的”); “没再处理” after a 不予处理 reason of the same case; the same
thing asked for again and again (重复申请)."""

import pytest

from gkassist.cli import main
from gkassist.core.formats import get_format
from gkassist.core.model import load_report
from gkassist.dialogue import answers
from gkassist.paths import drafts_dir
from support import SEED


def cells(*turns, version="2021"):
    out = answers.parse("t3", list(turns), fmt=get_format(version))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


def results(got):
    return {r: v for (r, k), v in got.items() if k == "natural" and r not in ("new", "results_total")}


# ------------------------------------------------------------------ a row named by its number in its block
@pytest.mark.parametrize("said, row", [
    ("其他处理里面第三项其他2件", "other_3"),
    ("不再处理的第1项2件", "other_1"),
    ("其他处理第二项的2件", "other_2"),
    ("不予处理第2项2件", "reject_2"),
    ("不予处理里的第五种2件", "reject_5"),
    ("不予公开里的第七类2件", "deny_7"),
    ("不公开的第8项2件", "deny_8"),
    ("无法提供的第1种2件", "unable_1"),
    ("（六）3 其他2件", "other_3"),
    ("（五）第4项2件", "reject_4"),
    ("(三)之7类2件", "deny_7"),
    ("（四）2：2件", "unable_2"),
])
def test_a_row_named_by_its_number_in_its_block_is_that_row(said, row):
    assert results(cells(f"个人申请5件，公开3件，{said}")) == {"open": 3, row: 2}


@pytest.mark.parametrize("said", ["其他处理里的第三项2件", "（六）3：2件", "不再处理第2项2件"])
def test_in_the_2019_layout_the_one_row_of_its_block_takes_every_item(said):
    """(2019's （六）其他处理 is one row: its items are that row, the reader's name for it 3.其他)"""
    assert results(cells(f"个人申请5件，公开3件，{said}", version="2019")) == {"open": 3, "other_3": 2}


@pytest.mark.parametrize("said", ["不予公开第4项内部事务2件", "不予处理第2项信访件2件", "不予处理第9项2件"])
def test_a_number_the_block_has_not_or_that_another_row_s_words_contradict_is_asked(said):
    out = answers.parse("t3", [f"个人申请5件，公开3件，{said}"], fmt=get_format("2021"))
    assert out.questions or out.not_understood


@pytest.mark.parametrize("said", ["个人申请5件，公开3件，第2件重复申请，第3件不掌握", "个人申请2件，公开1件，另一件是第三方的商业秘密，不予公开"])
def test_cases_told_by_their_number_and_third_parties_are_no_items(said):
    out = answers.parse("t3", [said], fmt=get_format("2021"))
    assert not any(r.startswith("other_") or r == "deny_3" for (_, r, _) in out.cells)


# ------------------------------------------------------------------ an enforcement file and its everyday names
@pytest.mark.parametrize("said", [
    "个人申请3件，公开1件，2件要的是执法队处罚他的那些材料，没给",
    "个人申请3件，公开1件，另外2件都是要我们罚他那次的调查笔录，不公开",
    "个人申请3件，公开1件，2件要查处他家违建的卷宗，按执法案卷不予公开",
    "个人申请3件，公开1件，2件要执法过程的记录，不公开",
])
def test_an_enforcement_file_named_by_what_it_holds_is_deny_7(said):
    assert results(cells(said)) == {"open": 1, "deny_7": 2}


def test_what_an_enforcement_file_holds_that_the_body_has_not_is_not_held():
    assert results(cells("个人申请2件，都是要处罚他的材料，我们这没有")) == {"unable_1": 2}


@pytest.mark.parametrize("said", [
    "公开1件，2件要的是我们执法队处罚他的案卷，不公开",
    "1件公开，另外2件问的是行政许可的审批材料，我们不掌握",
    "公开1件，2件是收费通知发了他没交钱，不再处理",
])
def test_an_answer_about_table_three_with_another_table_s_word_is_table_three_s(said):
    assert not answers.plainly_later(said, "t3")


@pytest.mark.parametrize("said", ["规范性文件制发2件，行政处罚10件", "复议1件，维持", "网站公开了300条信息，处罚信息都上网了"])
def test_an_answer_to_a_later_question_is_still_seen_as_one(said):
    assert answers.plainly_later(said, "t3")


@pytest.mark.slow
@pytest.mark.parametrize("second, row", [
    ("公开1件，2件要的是我们镇执法队处罚他的那个案卷材料，按执法案卷不公开", "deny_7"),
    ("公开1件，另外2件问的是行政许可的审批材料，我们不掌握", "unable_1"),
])
def test_a_follow_up_about_table_three_with_another_table_s_word_is_read_there(second, row, tmp_path, capsys):
    answers_file = tmp_path / "answers.txt"
    answers_file.write_text("\n".join(["个人申请3件", second, "对"]) + "\n", encoding="utf-8")
    main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(answers_file)])
    out = capsys.readouterr().out
    (path,) = drafts_dir().glob("*.json")
    report = load_report(path)
    assert report.cell("t3", "open", "natural") == 1 and report.cell("t3", row, "natural") == 2, out


# ------------------------------------------------------------------ a count of one kind moved to another
@pytest.mark.parametrize("later, source, target, n", [
    ("企业那8件里有2件是科研机构申请的", "business", "research", 2),
    ("企业的8件当中有2件是研究所申请的", "business", "research", 2),
    ("个人那10件中有3件是律所的", "natural", "legal", 3),
    ("企业那8件里有2件是律师事务所来要的，都公开了", "business", "legal", 2),
])
def test_some_of_a_kind_said_to_be_another_s_are_moved_without_a_correction_word(later, source, target, n):
    got = cells("个人申请10件，企业8件，都公开了", later)
    before = {"natural": 10, "business": 8}
    assert got[("new", target)] == n and got[("new", source)] == before[source] - n
    assert got[("open", target)] == n and got[("open", source)] == before[source] - n
    assert sum(v for (r, k), v in got.items() if r == "new") == 18


# ------------------------------------------------------------------ not handled, the reason said with it
@pytest.mark.parametrize("said, row", [
    ("有1件是他反复来要同一个东西，没再处理", "reject_2"),
    ("1件是老张三番五次要同样的材料，没再处理了", "reject_2"),
    ("1件是信访举报，不再处理", "reject_1"),
    ("1件他大量反复申请，没有再处理", "reject_4"),
    ("1件让他补正一直没来，没再处理", "other_1"),
])
def test_not_handled_after_its_reason_is_that_reason(said, row):
    assert results(cells(f"个人申请5件，公开4件，{said}")) == {"open": 4, row: 1}


def test_not_handled_without_a_reason_is_still_asked():
    out = answers.parse("t3", ["个人申请5件，公开4件，1件没再处理"], fmt=get_format("2021"))
    assert out.questions


# ------------------------------------------------------------------ probes 17/18 asked back needlessly
@pytest.mark.parametrize("said, n", [
    ("个人申请60件，公开40件，不掌握10件，剩下的10件转2026年", 10),
    ("个人申请10件，公开8件，2件留到26年办", 2),
    ("个人申请10件，公开7件，还有3件拖到2026年再答复", 3),
])
def test_cases_carried_to_a_later_year_by_its_number_are_carried_on(said, n):
    assert cells(said)[("carry_next", "natural")] == n


@pytest.mark.parametrize("said", ["个人申请10件，公开5件，没现成信息要另做的5件", "个人申请10件，公开5件，5件没现成的得另外弄",
                                  "个人申请10件，公开5件，无现成信息的5件"])
def test_no_ready_information_said_short_is_unable_2(said):
    assert results(cells(said)) == {"open": 5, "unable_2": 5}


@pytest.mark.parametrize("said", ["自然人新收申请90件，上年结转103件，合计193件，公开150件，不掌握43件",
                                  "个人新收90件，去年结转过来103件，一共193件，公开150件，不掌握43件",
                                  "个人今年收了90件，上年转来103件，总共193件：公开150件，不掌握43件"])
def test_this_year_s_and_last_year_s_added_up_are_no_more_applications(said):
    out = answers.parse("t3", [said], {"natural": 103}, get_format("2021"))
    assert not out.questions and not out.not_understood, out
    got = {(r, c): v for (_, r, c), v in out.cells.items() if v}
    assert got[("new", "natural")] == 90 and got[("open", "natural")] == 150


def test_a_total_that_is_not_the_sum_said_is_still_asked():
    out = answers.parse("t3", ["个人新收50件，去年结转过来103件，共计160件，公开150件，不掌握3件"], {"natural": 103},
                        get_format("2021"))
    assert out.questions


@pytest.mark.parametrize("later", [
    "公开的：个人5件，企业2件；企业另外1件是别的公司的商业秘密，没给；个人那边2件我们不掌握，还有1件转明年",
    "予以公开：自然人5件、企业2件；不掌握：个人2件；企业1件涉及商业秘密不公开；个人1件转明年",
    "公开：群众5件，公司2件。不掌握的：群众2件。公司那1件里头是别家企业的商业秘密，不公开。群众还有1件结转下年",
])
def test_each_kind_s_count_under_a_result_s_heading_is_that_result(later):
    got = cells("自然人8件，企业3件", later)
    assert {k: v for k, v in got.items() if "total" not in k} == {
        ("new", "natural"): 8, ("new", "business"): 3, ("open", "natural"): 5, ("open", "business"): 2,
        ("unable_1", "natural"): 2, ("deny_4", "business"): 1, ("carry_next", "natural"): 1}


@pytest.mark.parametrize("first, later", [
    ("新收申请100件，都是个人的，公开80，不掌握20", "不好意思，有10件实际是公司申请的，都是公开的"),
    ("新收申请100件，都是老百姓的，公开80，不掌握20", "等下，有10件其实是企业申请的，这10件都公开了"),
    ("自然人申请100件，公开80，不掌握20", "不对，有10件其实是公司申请的，都公开了"),
])
def test_some_of_the_one_kind_said_to_be_another_s_are_moved_not_the_total_put_right(first, later):
    got = cells(first, later)
    assert got[("new", "natural")] == 90 and got[("new", "business")] == 10
    assert got[("open", "natural")] == 70 and got[("open", "business")] == 10 and got[("unable_1", "natural")] == 20


def test_a_count_read_off_the_table_after_a_block_s_name_is_no_item_number():
    """(“（五）不予处理 2” read off the table: 2 cases, their reason asked — not item 2)"""
    out = answers.parse("t3", ["个人申请5件，公开3件，（五）不予处理 2"], fmt=get_format("2021"))
    assert ("t3", "reject_2", "natural") not in out.cells and (out.questions or out.not_understood)
