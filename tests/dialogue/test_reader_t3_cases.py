"""What a careful colleague would not ask back at 表三: the table said to be all zero in the clerk's own words (the
table named first: “表三全是0”, “依申请这块一件没有”); cases told one by one, each with its own applicant — a person
named as reports name one (“张某”) is a 自然人, one who applied “以公司名义” a 商业企业 — and its own result; a case
per clause with “1个/个” as its count, what it asked for naming its reason (“……执法案卷材料，没给”)."""

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


# ------------------------------------------------------------------ the table named, then none
@pytest.mark.parametrize("said", [
    "表三都是零", "表三全是0", "表3全部为0", "表三没有", "表三都填零", "依申请这块一件没有", "依申请的都是零",
    "依申请这块是空的", "申请这块全是0", "依申请公开一件都没有", "今年没人来要信息", "没人申请",
])
def test_the_table_named_then_none_is_nothing_happened(said):
    assert answers.says_nothing_happened(said, "t3")


@pytest.mark.parametrize("said", ["表三都是零", "依申请这块一件没有"])
def test_the_table_named_then_none_is_no_answer_of_another_table(said):
    assert not answers.says_nothing_happened(said, "t4")


@pytest.mark.parametrize("said", ["表三空着，回头再填", "依申请这块有3件，都公开了", "表三先不填"])
def test_the_table_named_with_more_said_is_not_none(said):
    assert not answers.says_nothing_happened(said, "t3")


@pytest.mark.slow
def test_the_table_said_all_zero_is_stored_as_zero(tmp_path, capsys):
    said = tmp_path / "answers.txt"
    said.write_text("表三全是0\n对\n", encoding="utf-8")
    main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(said)])
    transcript = capsys.readouterr().out
    (path,) = drafts_dir().glob("*.json")
    report = load_report(path)
    assert report.cell("t3", "new", "natural") == 0 and report.cell("t3", "open", "total") == 0, transcript


# ------------------------------------------------------------------ cases told one by one, each with its applicant
@pytest.mark.parametrize("said, expect", [
    ("两件申请，一件是王某要拆迁补偿标准，给他公开了；另一件是个饭店老板以公司名义要检查记录，那个不归我们管，镇里没有",
     {("new", "natural"): 1, ("new", "business"): 1, ("open", "natural"): 1, ("unable_1", "business"): 1}),
    ("一共2件：一件是李某某要低保名单，公开了；另一件是个律师以个人名义要会议纪要，属于过程性信息没给",
     {("new", "natural"): 2, ("open", "natural"): 1, ("deny_6", "natural"): 1}),
    ("收到2件，赵某要他家的宅基地审批表，给了；刘某某要低保名单，部分公开",
     {("new", "natural"): 2, ("open", "natural"): 1, ("partial", "natural"): 1}),
    ("陈某申请了1件，公开了", {("new", "natural"): 1, ("open", "natural"): 1}),
    ("有个村民以合作社的名义来要补贴发放明细，给公开了", {("new", "business"): 1, ("open", "business"): 1}),
])
def test_each_case_told_has_its_own_applicant_and_result(said, expect):
    assert cells(said) == expect


def test_a_named_thing_is_no_person():
    # (“某些”, “某单位”: no one named)
    assert answers.t3.kinds_in("某些材料") == [] and answers.t3.kinds_in("某单位的文件") == []


# ------------------------------------------------------------------ one case a clause, 1个/个 its count
@pytest.mark.parametrize("said, expect", [
    ("有1个村民要他家被罚款的那个执法案卷材料，没给；还有个村民要补偿标准，公开了",
     {("new", "natural"): 2, ("deny_7", "natural"): 1, ("open", "natural"): 1}),
    ("有个村民要他家被罚款的案卷材料，没给；还有1个村民要补偿标准，公开了",
     {("new", "natural"): 2, ("deny_7", "natural"): 1, ("open", "natural"): 1}),
    ("有1家公司要他们被处罚的那份执法案卷，没给他；还有个老百姓要低保名单，给他公开了",
     {("new", "business"): 1, ("new", "natural"): 1, ("deny_7", "business"): 1, ("open", "natural"): 1}),
])
def test_cases_told_one_a_clause_are_counted_each(said, expect):
    assert cells(said) == expect
