"""A 表三 answer speaking again of applications or results it named before: the column's own label 其他 said in a list of
kinds (“个人50件、企业5件、其他5件”) is the kind 其他组织 — not the result 3.其他 — and “其他那5件”, “其他的都……” speak of
them; “那4件不掌握的”, “剩下那几件” speak of a result or of what is left.  Understood, or asked once — a whole report
never stalls on them (whole conversation through `gkassist draft --answers`)."""

import pytest

from gkassist.cli import main
from gkassist.core.model import load_report
from gkassist.dialogue import answers
from gkassist.paths import drafts_dir
from support import SEED


def cells(*turns):
    out = answers.parse("t3", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


KINDS = {("new", "natural"): 50, ("new", "business"): 5, ("new", "other"): 5, ("open", "natural"): 40,
         ("unable_1", "natural"): 10, ("open", "business"): 5}


@pytest.mark.parametrize("said, other", [
    ("今年申请60件，个人50件、企业5件、其他5件；个人的公开40件，不掌握10件；企业的都公开了；其他的5件也都公开了", "open"),
    ("个人50件，企业5件，其他5件。个人的公开40件、不掌握10件，企业的全公开，其他那几件部分公开", "partial"),
    ("其中个人申请的50件、企业5件、还有其他5件；个人：公开40件，不掌握10件；企业的均予以公开；其他那5件我们不掌握", "unable_1"),
    ("群众50件、公司5件、其他5件，群众的公开40件、不掌握10件，公司的都公开了，其他的都是重复申请", "reject_2"),
])
def test_the_label_other_in_a_list_of_kinds_is_the_other_organisations(said, other):
    assert cells(said) == {**KINDS, (other, "other"): 5}


def test_the_other_kind_spoken_of_in_a_later_answer():
    assert cells("个人50件、企业5件、其他5件", "个人的公开40件，不掌握10件；企业的都公开了；其他那5件不掌握") \
        == {**KINDS, ("unable_1", "other"): 5}


def test_other_ending_a_list_of_results_is_still_the_result_other():
    assert cells("个人申请20件：公开10件，部分公开3件，不掌握3件，重复申请2件，其他2件") == {
        ("new", "natural"): 20, ("open", "natural"): 10, ("partial", "natural"): 3, ("unable_1", "natural"): 3,
        ("reject_2", "natural"): 2, ("other_3", "natural"): 2}


@pytest.mark.parametrize("said, expect", [
    (["个人10件：公开6件，剩下那几件我们不掌握"], {("unable_1", "natural"): 4}),
    (["个人10件：公开6件，剩下的4件不掌握"], {("unable_1", "natural"): 4}),
    (["个人10件：公开6件，不掌握4件", "那4件不掌握的其实是需要另行制作的"], {("unable_2", "natural"): 4}),
])
def test_a_result_or_the_rest_spoken_of_again(said, expect):
    assert cells(*said) == {("new", "natural"): 10, ("open", "natural"): 6, **expect}


@pytest.mark.slow
def test_a_whole_report_s_table_with_other_in_its_kinds_is_stored_and_the_next_question_asked(tmp_path, capsys):
    said = tmp_path / "answers.txt"
    said.write_text("\n".join([
        "今年新收申请60件，其中个人50件、商业企业5件、其他5件。办理结果：个人的予以公开40件、本机关不掌握10件；"
        "企业的公开5件；其他那5件都公开了", "对", "没有", "对"]) + "\n", encoding="utf-8")
    main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(said)])
    transcript = capsys.readouterr().out
    (path,) = drafts_dir().glob("*.json")
    report = load_report(path)
    assert (report.cell("t3", "new", "other"), report.cell("t3", "open", "other")) == (5, 5), transcript
    assert report.cell("t4", "cases", "review.total") == 0 and "表三先不保存" not in transcript
