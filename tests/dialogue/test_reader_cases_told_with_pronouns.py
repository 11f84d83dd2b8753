"""A case told with what became of it said by a pronoun or a subject (“那个我们手里没有”, “这件给不了，……”), in a
later answer that adds a kind or tells the one case left; a kind whose everyday name holds a vague word (“科研单位”);
a kind said to have none in the short form (“单位一件没有”); the clerk's own counting (“一并统计”) that is no result;
and 表二 typed as one run-on, its rows joined by “还有/另外/就是” or by nothing at all."""

import pytest

from gkassist.dialogue import answers
from support import drafted, understood


def _asked(table: str, *turns: str) -> bool:
    out = answers.parse(table, list(turns))
    return bool(out.questions or out.not_understood or out.refusal)


# ---------------------------------------------------------------- 表三: a later answer adds a kind, its result told by a pronoun
@pytest.mark.parametrize("first, later, kind, row", [
    ("个人申请了3件，都公开了", "另外律所也来过1件，要的是拆迁台账，这件我们手里没有", "legal", "unable_1"),
    ("村民申请2件，全部公开", "漏了一个，有家公司来要过1件规划图，他要的那个我们这儿没有", "business", "unable_1"),
    ("群众申请5件，都给了", "还有公益组织找过我们1次，问救助名单，那个不归我们管，是民政局的", "nonprofit", "unable_1"),
    ("自然人申请2件，都予以公开", "还有研究所的1件，问的是水文资料，那个我们没法给，得现做", "research", "unable_2"),
    ("自然人申请2件，都予以公开", "另外企业申请1件，要的是招标材料，这件给不了，涉及别人的商业秘密", "business", "deny_4"),
    ("自然人申请2件，都予以公开", "还有农科所也来过1件，要土壤数据，那个后来给他公开了", "research", "open"),
])
def test_a_later_kind_with_its_result_told_by_a_pronoun_is_added(first, later, kind, row):
    cells = understood("t3", first, later)
    assert cells.get(("new", kind)) == 1 and cells.get((row, kind)) == 1, cells
    assert sum(v for (r, c), v in cells.items() if c == kind and r not in ("new", "results_total")) == 1, cells


@pytest.mark.parametrize("said", ["科研单位申请了2件，都公开了", "2件都是科研单位申请的，都公开了"])
def test_a_kind_whose_name_holds_a_vague_word_is_that_kind(said):
    assert understood("t3", said) == {("new", "research"): 2, ("open", "research"): 2}


@pytest.mark.parametrize("said", ["单位申请了2件，都公开了", "有2件是单位申请的，都公开了"])
def test_a_bare_unit_is_still_asked_which_kind(said):
    assert _asked("t3", said)


def test_a_refusal_without_a_reason_told_is_still_asked():
    assert _asked("t3", "自然人申请4件，全部予以公开", "另外企业也来要过1件，要的是规划图，这个我们给不了")


# ---------------------------------------------------------------- 表三: unclear after 补正, told in a later answer
@pytest.mark.parametrize("first, later, kind, opened", [
    ("个人申请了5件", "4件都给了，剩下1件写得乱七八糟看不懂，叫他补正，补来的还是说不清要啥", "natural", 4),
    ("企业申请2件", "1件公开，另1件申请书上写的什么我们没弄明白，让他补充说明，他补了以后还是没说清楚", "business", 1),
    ("自然人申请3件", "2件公开了，还有1件不知道他要什么，让他补正了，结果补正后内容还是不明确", "natural", 2),
])
def test_a_case_still_unclear_after_it_was_supplemented_is_that_row(first, later, kind, opened):
    cells = understood("t3", first, later)
    assert cells == {("new", kind): opened + 1, ("open", kind): opened, ("unable_3", kind): 1}


@pytest.mark.parametrize("turns", [
    ("群众申请4件", "3件公开了，还有1件他写的什么我们看不懂"),  # never asked to supplement: no row of the table
    ("自然人申请4件，全部予以公开", "还有1件写得看不明白，让他补正，补完了还是不清楚"),  # one more than all 4?
])
def test_an_unclear_case_a_colleague_would_ask_about_is_asked(turns):
    assert _asked("t3", *turns)


# ---------------------------------------------------------------- 表三: none of a kind said short; counting said aloud
@pytest.mark.parametrize("said", ["个人申请3件，单位一件没有，都公开了", "个人申请3件，企业一个没有，都公开了",
                                  "个人申请3件，单位都没有，都公开了", "个人申请3件，单位没有，都公开了"])
def test_a_kind_said_to_have_none_in_the_short_form_adds_nothing(said):
    assert understood("t3", said) == {("new", "natural"): 3, ("open", "natural"): 3}


@pytest.mark.parametrize("said", ["个人申请4件，3件公开，一件没有", "个人申请4件，3件公开，有一件没有"])
def test_one_case_of_which_there_is_nothing_is_still_asked(said):
    assert _asked("t3", said)


@pytest.mark.parametrize("said, unit", [
    ("个人申请2件，1件公开，另1件要的材料我们单位没有", "本机关"),
    ("个人申请2件，1件公开，另1件要的材料单位里没有", "单位里"),
])
def test_our_unit_not_having_it_is_still_not_held(said, unit):
    assert understood("t3", said)[("unable_1", "natural")] == 1, unit


@pytest.mark.parametrize("said", [
    "自然人申请5件，上年结转的1件也一并统计了，都予以公开",
    "自然人申请5件，连同去年转来的1件一起统计，6件都公开了",
    "自然人申请5件，去年转过来的1件也统计在内，6件全部公开",
])
def test_the_clerks_own_counting_is_no_result(said):
    cells = understood("t3", said, carried={"natural": 1})
    assert ("unable_2", "natural") not in cells and cells[("open", "natural")] == 6, cells


@pytest.mark.parametrize("said", ["自然人申请2件，1件公开，1件要的数据需要统计才能给，没提供",
                                  "自然人申请2件，1件公开，1件要我们把各村的情况汇总统计，没法提供"])
def test_statistics_to_be_compiled_is_still_made_anew(said):
    assert understood("t3", said)[("unable_2", "natural")] == 1


# ---------------------------------------------------------------- 表二 typed as one run-on
@pytest.mark.parametrize("said, meant", [
    ("许可办了30件另外处罚5件还有强制没有", {("licensing", "decisions"): 30, ("penalty", "decisions"): 5}),
    ("制发2个还有废止1个然后现行有效8个还有许可41件再就是处罚12件强制没有",
     {("normative", "issued"): 2, ("normative", "repealed"): 1, ("normative", "in_force"): 8,
      ("licensing", "decisions"): 41, ("penalty", "decisions"): 12}),
    ("规范性文件没发也没废然后有效的还是3个就是许可有20件处罚有6件强制0件",
     {("normative", "in_force"): 3, ("licensing", "decisions"): 20, ("penalty", "decisions"): 6}),
    ("规范性文件发了2个废了1个现行有效的还有3件还有许可15件",
     {("normative", "issued"): 2, ("normative", "repealed"): 1, ("normative", "in_force"): 3,
      ("licensing", "decisions"): 15}),
    ("今年许可12件还有处罚3件还有强制1件还有规范性文件制发1件现行有效4件",
     {("licensing", "decisions"): 12, ("penalty", "decisions"): 3, ("enforcement", "decisions"): 1,
      ("normative", "issued"): 1, ("normative", "in_force"): 4}),
    ("规范性文件出了1个现行有效的就这1个还有许可批了7件然后处罚强制收费都没有",
     {("normative", "issued"): 1, ("normative", "in_force"): 1, ("licensing", "decisions"): 7}),
])
def test_a_run_on_of_table_two_gives_each_row_its_own_figure(said, meant):
    assert understood("t2", said) == meant


@pytest.mark.parametrize("said, meant", [
    ("今年发了1件规范性文件，现行有效5件", {("normative", "issued"): 1, ("normative", "in_force"): 5}),
    ("今年一个规范性文件都没发，现行有效3个，许可20件", {("normative", "in_force"): 3, ("licensing", "decisions"): 20}),
    ("规范性文件现行有效的还有3件", {("normative", "in_force"): 3}),
])
def test_a_count_before_its_own_row_stays_that_rows(said, meant):
    assert understood("t2", said) == meant


@pytest.mark.slow
def test_a_run_on_table_two_is_saved_as_said(tmp_path, capsys):
    report, out = drafted(tmp_path, capsys, [
        "个人申请1件，公开了", "对", "没有", "对",
        "规范性文件出了2个然后没废止的然后现行有效的就是这2个还有许可办了9件然后处罚强制都没有还有收费也没有", "对",
    ])
    said = {(r, c): report.cell("t2", r, c) for r, c in [("normative", "issued"), ("normative", "in_force"),
                                                           ("licensing", "decisions"), ("penalty", "decisions"),
                                                           ("enforcement", "decisions")]}
    assert said == {("normative", "issued"): 2, ("normative", "in_force"): 2, ("licensing", "decisions"): 9,
                    ("penalty", "decisions"): 0, ("enforcement", "decisions"): 0}, out
