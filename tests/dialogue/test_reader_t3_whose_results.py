"""表三 phenomena of probe 13 (a city office carrying last year's applications in), each in several phrasings (none of
them the probe's): the results said for every kind and then whose they were (“X和Y的都公开了，其余都是个人的”), a
part of one reason's cases moved to another reason in a later answer, last year's applications said inside one kind's
results (never another kind's), everyday reasons in a long list, a list of kinds sharing one result, and what a case
asked about taken for who asked — read at the reader's level, and the restart decision through whole conversations."""

import pytest

from gkassist.cli import main
from gkassist.core.formats import latest
from gkassist.core.model import load_report
from gkassist.dialogue import answers
from gkassist.paths import drafts_dir
from support import CORPUS


def parsed(*turns, carried=None):
    return answers.parse("t3", list(turns), carried, latest())


def cells(*turns, carried=None):
    out = parsed(*turns, carried=carried)
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v and r != "carried"}


def carried_cells(*turns, carried):
    out = parsed(*turns, carried=carried)
    return {c: v for (_, r, c), v in out.cells.items() if v and r == "carried"}


# ------------------------------------------------------------------ results for every kind, then whose they were
ALL_RESULTS = "全年办结了60件（含去年结转的5件）：公开30，部分公开10，不掌握12，信访类5，逾期不补正3。没有转到明年的"
WHOSE = {("new", "natural"): 45, ("new", "business"): 6, ("new", "legal"): 4, ("open", "natural"): 20,
         ("open", "business"): 6, ("open", "legal"): 4, ("partial", "natural"): 10, ("unable_1", "natural"): 12,
         ("reject_1", "natural"): 5, ("other_1", "natural"): 3}


@pytest.mark.parametrize("kinds", [
    "新收55件：个人45、公司6、律师事务所4；公司和律所的都公开了，其余都是个人的",
    "申请人里企业6件，律所4件，个人45件，企业跟律所那边全部公开，剩下的都是个人的",
    "个人45件，企业6件，律所4件。企业、律所的均予以公开，其他都算个人的",
    "个人45、企业6、律所4；企业和律所都是全公开，别的都是个人的",
    "个人45，企业6，律所4，企业律所的全部公开，其余个人",
    "新收55件，其中个人45件，法人10件（企业6件、律所4件），法人的全都公开了，其他都是个人的",
])
def test_kinds_said_after_the_results_take_their_share_and_the_rest_is_the_one_left(kinds):
    assert cells(ALL_RESULTS, kinds, carried={"natural": 5}) == WHOSE


def test_a_list_of_several_organisations_sharing_one_result():
    got = cells(ALL_RESULTS, "个人40、企业6、科研机构4、社会组织5；企业、科研、公益的都公开了，其余都是个人的",
                carried={"natural": 5})
    assert got[("open", "natural")] == 15 and got[("open", "research")] == 4 and got[("open", "nonprofit")] == 5, got


def test_the_results_then_whose_they_were_in_one_answer():
    said = "公开30件，部分公开10件，不掌握5件；申请人个人38件、企业5件、律所2件，企业和律所的都公开了，其余都是个人的"
    assert cells(said) == {("new", "natural"): 38, ("new", "business"): 5, ("new", "legal"): 2, ("open", "natural"): 23,
                           ("open", "business"): 5, ("open", "legal"): 2, ("partial", "natural"): 10,
                           ("unable_1", "natural"): 5}


@pytest.mark.parametrize("said, pieces", [
    ("企业和律所的都是全部公开", ["企业的都是全部公开", "律所的都是全部公开"]),
    ("公司、研究所、基金会的都公开了", ["公司的都公开了", "研究所的都公开了", "基金会的都公开了"]),
    ("企业跟律所那边全部公开", ["企业那边全部公开", "律所那边全部公开"]),
    ("个人和企业都有几件", ["个人和企业都有几件"]),  # (no result: the kinds are asked about together)
])
def test_a_list_of_kinds_with_one_result_is_a_clause_a_kind(said, pieces):
    from gkassist.dialogue.answers.t3 import names_a_row
    from gkassist.dialogue.answers.text import clauses

    assert [c.text for c in clauses(said, names_a_row)] == pieces


# ------------------------------------------------------------------ part of one reason's cases moved to another
FIRST = "个人申请50件：公开20，部分公开10，不掌握12，重复申请8"
BEFORE = {("new", "natural"): 50, ("open", "natural"): 20, ("partial", "natural"): 10, ("unable_1", "natural"): 12,
          ("reject_2", "natural"): 8}


@pytest.mark.parametrize("later, moved", [
    ("重复申请的8件里有2件其实是信访举报，应该算到信访那一类", {("reject_2", "natural"): 6, ("reject_1", "natural"): 2}),
    ("重复申请那8件里有2件，其实是来投诉的", {("reject_2", "natural"): 6, ("reject_1", "natural"): 2}),
    ("重复申请的8件，有2件其实是信访举报", {("reject_2", "natural"): 6, ("reject_1", "natural"): 2}),
    ("说的重复申请8件里面，其实有2件是来举报的，该算信访类", {("reject_2", "natural"): 6, ("reject_1", "natural"): 2}),
    ("重复申请里有2件应该算信访类", {("reject_2", "natural"): 6, ("reject_1", "natural"): 2}),
    ("不掌握那12件当中有3件，其实得另外统计", {("unable_1", "natural"): 9, ("unable_2", "natural"): 3}),
    ("不掌握的12件里其实有2件是过程性信息，不予公开", {("unable_1", "natural"): 10, ("deny_6", "natural"): 2}),
    ("部分公开的10件里面有4件实际上是全部公开的", {("partial", "natural"): 6, ("open", "natural"): 24}),
    ("重复申请那8件当中有3件是要我们把之前给过的文件重新盖个章确认一下，应该归到别的类",
     {("reject_2", "natural"): 5, ("reject_5", "natural"): 3}),
])
def test_some_of_one_reason_s_cases_moved_to_another_in_a_later_answer(later, moved):
    assert cells(FIRST, later) == {**BEFORE, **moved}


def test_a_reason_s_cases_spoken_of_by_a_count_never_said_are_one_more_item():
    """“需要另行制作的3件” in a later answer, no result said with 3 before: an item of its list, not a reference."""
    got = cells("个人申请20件，公开12件，不掌握5件", "需要另行制作的3件")
    assert got[("unable_2", "natural")] == 3 and got[("unable_1", "natural")] == 5, got


# ------------------------------------------------------------------ last year's carried in, said in one kind's results
@pytest.mark.parametrize("head", ["个人的（含上年转来的5件）：", "个人的（包括去年结转的5件）：", "个人的，连同去年结转的5件：",
                                  "个人的加上结转5件，", "个人的含结转5件：", "个人连上去年剩下的5件，"])
def test_carried_in_said_in_a_kind_s_results_is_that_kind_s(head):
    turns = [f"个人申请40件、企业申请3件，都办完了。企业的都公开了。{head}公开30，不掌握15"]
    assert cells(*turns, carried={"natural": 5}) == {
        ("new", "natural"): 40, ("new", "business"): 3, ("open", "business"): 3, ("open", "natural"): 30,
        ("unable_1", "natural"): 15}
    assert carried_cells(*turns, carried={"natural": 5}).get("business") is None


@pytest.mark.parametrize("head", ["个人的连同去年结转的：", "个人的加上去年转过来的：", "自然人的包括上年结转的：",
                                  "个人的连上年剩下的：", "个人的算上去年结转的："])
def test_a_kind_said_with_last_year_s_but_no_count_heads_that_kind_s_results(head):
    """“个人的连同去年结转的：公开30……。企业的都公开了”: the results are the persons', the other kind's all told after
    them are its own — never taken out of the persons' count."""
    turns = [f"个人申请40件、企业申请3件。{head}公开30，不掌握15，没有转明年的。企业的都公开了"]
    assert cells(*turns, carried={"natural": 5}) == {
        ("new", "natural"): 40, ("new", "business"): 3, ("open", "business"): 3, ("open", "natural"): 30,
        ("unable_1", "natural"): 15}


@pytest.mark.parametrize("said", [
    "今年个人申请500件，企业20件。企业的都公开了，去年转来的103件也都办完了，公开了100件，3件不掌握。个人的：公开400件，不掌握100件",
    "个人申请500件、企业20件；企业的全部公开；上年结转的103件，100件公开，3件我们不掌握；个人的公开400件，不掌握100件",
])
def test_last_year_s_said_after_another_kind_s_results_are_whose_last_year_s_report_says(said):
    assert cells(said, carried={"natural": 103}) == {
        ("new", "natural"): 500, ("new", "business"): 20, ("open", "business"): 20, ("open", "natural"): 500,
        ("unable_1", "natural"): 103}
    assert carried_cells(said, carried={"natural": 103}) == {"natural": 103}


def test_carrying_in_is_no_carrying_on():
    """“加上结转5件” counts last year's in; “转明年2件” carries this year's on."""
    got = cells("个人申请20件。个人的加上结转5件：公开18件，不掌握5件，转明年2件", carried={"natural": 5})
    assert got == {("new", "natural"): 20, ("open", "natural"): 18, ("unable_1", "natural"): 5,
                   ("carry_next", "natural"): 2}


# ------------------------------------------------------------------ everyday reasons in a long list
def test_a_long_list_of_everyday_reasons_ending_with_those_still_open():
    said = ("新收个人申请100件，去年结转的5件也算在里面。公开40件，部分公开10件；没给的：涉及别人家隐私的3件，要执法卷宗的2件，"
            "要内部讨论记录的4件，单位内部人事方面的1件；我们手头压根没有的30件；发了补正通知不理的5件；没交费的2件；剩下8件年底还在办")
    assert cells(said, carried={"natural": 5}) == {
        ("new", "natural"): 100, ("open", "natural"): 40, ("partial", "natural"): 10, ("deny_4", "natural"): 3,
        ("deny_7", "natural"): 2, ("deny_6", "natural"): 4, ("deny_5", "natural"): 1, ("unable_1", "natural"): 30,
        ("other_1", "natural"): 5, ("other_2", "natural"): 2, ("carry_next", "natural"): 8}


@pytest.mark.parametrize("none", ["局里手上根本没有的30件", "我们手里本来就没有这些材料的30件", "手里没有的30件"])
@pytest.mark.parametrize("ignored", ["补正告知书发了没人理的5件", "通知他补充材料不回复的5件", "叫他补正一直不来的5件"])
@pytest.mark.parametrize("unpaid", ["逾期不交费的2件", "不肯交钱的2件", "没按期缴费的2件"])
def test_everyday_words_for_not_held_supplement_ignored_and_fee_unpaid(none, ignored, unpaid):
    said = f"个人申请100件，加上去年转来的5件。公开50件，部分公开10件，{none}，{ignored}，{unpaid}，剩下8件还没办完"
    assert cells(said, carried={"natural": 5}) == {
        ("new", "natural"): 100, ("open", "natural"): 50, ("partial", "natural"): 10, ("unable_1", "natural"): 30,
        ("other_1", "natural"): 5, ("other_2", "natural"): 2, ("carry_next", "natural"): 8}


def test_no_ready_made_material_in_hand_is_still_to_be_made():
    assert cells("个人申请3件，公开1件，无法提供2件", "那两件要把几年的数据汇总出一张表，手头没有现成的") == {
        ("new", "natural"): 3, ("open", "natural"): 1, ("unable_2", "natural"): 2}


# ------------------------------------------------------------------ counts per kind, then results by kind
@pytest.mark.parametrize("results", [
    "公司、研究所、基金会、律所的都公开了；个人的加上结转5件：公开30，部分公开10，不掌握8，投诉类4，逾期不交费1，转明年2",
    "企业、科研、公益和律所的全部公开；个人的连同去年结转的5件：公开30，部分公开10，不掌握8，投诉类4，逾期不交费1，转明年2",
    "公司跟研究所、基金会、律所那边都予以公开。个人的（含结转5件）：公开30，部分公开10，不掌握8，投诉类4，没交费1，转到明年的2",
])
def test_organisations_all_open_and_the_persons_with_last_year_s(results):
    got = cells("新收60件，个人50、公司4、研究所2、基金会1、律所3", results, carried={"natural": 5})
    assert got == {("new", "natural"): 50, ("new", "business"): 4, ("new", "research"): 2, ("new", "nonprofit"): 1,
                   ("new", "legal"): 3, ("open", "natural"): 30, ("open", "business"): 4, ("open", "research"): 2,
                   ("open", "nonprofit"): 1, ("open", "legal"): 3, ("partial", "natural"): 10, ("unable_1", "natural"): 8,
                   ("reject_1", "natural"): 4, ("other_2", "natural"): 1, ("carry_next", "natural"): 2}


# ------------------------------------------------------------------ what a case asked about is not who asked
@pytest.mark.parametrize("case", [
    "还有1件问的是什么老厂房的事，我们没有这个信息",
    "另外1件是问学校扩建的事，我们这里没有",
    "还有1件问他们村委会的账，我们这没有",
    "还有1件要查一家饭店的处罚，我们不掌握",
    "还有1件打听一家公司拆迁补偿的情况，我们不掌握",
])
def test_what_a_case_asked_about_names_no_applicant(case):
    assert cells(f"今年收到3件，都是个人。2件公开了。{case}。没有结转的。") == {
        ("new", "natural"): 3, ("open", "natural"): 2, ("unable_1", "natural"): 1}


@pytest.mark.parametrize("case", ["还有1件是企业申请的，不掌握", "还有1件是一家公司来申请的，我们不掌握", "还有1件企业的，不掌握"])
def test_another_applicant_within_a_count_said_to_be_all_persons_is_asked(case):
    out = parsed(f"今年收到3件，都是个人。2件公开了。{case}。")
    assert out.questions and not out.cells.get(("t3", "new", "business")), out


def test_another_kind_s_application_after_all_were_accounted_for_is_one_more():
    assert cells("个人申请2件，都公开了。还有1件是企业申请的，不掌握") == {
        ("new", "natural"): 2, ("open", "natural"): 2, ("new", "business"): 1, ("unable_1", "business"): 1}


# ------------------------------------------------------------------ whole conversations: a later answer is no restart
def run_2025(tmp_path, capsys, turns):
    last = CORPUS / "2024_huaian_shi.txt"
    if not last.exists():
        pytest.skip(f"{last} is not here")
    answers_file = tmp_path / "answers.txt"
    answers_file.write_text("\n".join(turns + ["对"]) + "\n", encoding="utf-8")
    code = main(["draft", "--from", str(last), "--year", "2025", "--answers", str(answers_file)])
    out = capsys.readouterr().out
    (path,) = drafts_dir().glob("*.json")
    report = load_report(path)
    got = {(r.id, c.id): report.cell("t3", r.id, c.id) for _, r, c in report.format.tables["t3"].cells()}
    return code, {k: v for k, v in got.items() if v and k[0] != "carried" and k[1] != "total"
                  and k[0] not in ("results_total", "total")}, out


@pytest.mark.slow
@pytest.mark.parametrize("kinds", [
    "新收1500件，个人1450、企业30、律所20；企业和律所的都公开了，其余都是个人的",
    "个人1450件，公司30件，律所20件，公司跟律所那边全部公开，剩下的都是个人的",
])
def test_kinds_counted_after_results_said_for_every_kind_complete_them(kinds, tmp_path, capsys):
    first = "全年办结1603件（含上年结转的103件）：公开900，部分公开300，不掌握303，行政查询类50，逾期不补正50。没有转到明年的"
    code, got, out = run_2025(tmp_path, capsys, [first, kinds])
    assert code == 0, out
    assert got[("open", "natural")] == 850 and got[("open", "business")] == 30 and got[("open", "legal")] == 20, out
    assert got[("unable_1", "natural")] == 303 and got[("deny_8", "natural")] == 50, out


@pytest.mark.slow
@pytest.mark.parametrize("kinds", ["公司30件、律所20件都公开了，剩下的都是个人申请的，个人1450件",
                                   "个人1450件，企业30件，律所20件；企业的30件和律所的20件都公开了，剩下的都是个人的"])
def test_all_of_a_kind_s_by_its_count_is_no_account_of_the_year_afresh(kinds, tmp_path, capsys):
    first = "全年办结1603件（含上年结转的103件）：公开900，部分公开300，不掌握303，行政查询类50，逾期不补正50。没有转到明年的"
    code, got, out = run_2025(tmp_path, capsys, [first, kinds])
    assert code == 0, out
    assert got[("open", "natural")] == 850 and got[("partial", "natural")] == 300, out


@pytest.mark.slow
def test_results_said_again_with_their_kind_still_describe_the_year_afresh(tmp_path, capsys):
    code, got, out = run_2025(tmp_path, capsys, ["公开50件，不掌握20件", "个人申请500件，公开480件，不掌握123件"])
    assert code == 0, out
    assert got == {("new", "natural"): 500, ("open", "natural"): 480, ("unable_1", "natural"): 123}, out


@pytest.mark.parametrize("said, research", [
    ("一个公益协会申请了2件，县里一个农科所申请了1件，都公开了", 1),
    ("市农科院申请2件，都公开了；协会1件，也公开了", 2),
    ("社科院申请了1件，公开了；另外个人2件，都公开", 1),
])
def test_a_research_institute_by_its_everyday_name_is_a_research_applicant(said, research):
    """农科所, 农科院, 社科院: research institutes as a clerk names them — never dropped, never another kind."""
    out = answers.parse("t3", [said])
    assert not out.questions and not out.not_understood, out
    assert out.cells[("t3", "new", "research")] == research and out.cells[("t3", "open", "research")] == research, out
