"""Each later answer becomes named edits of what the earlier ones said (dialogue/answers/edits.py): add, refine,
move, set, zero, answer-to-my-question, aside — each phenomenon in several phrasings, read at the reader's level
(the conversations through `gkassist draft --answers` are tests/answers/reader.jsonl)."""

import importlib
import shutil

import pytest

from gkassist.dialogue import answers
from gkassist.dialogue.answers import edits, t3
from gkassist.dialogue.answers.state import Fact
from support import ROOT


def cells(table, *turns):
    out = answers.parse(table, list(turns))
    assert not out.refusal and not out.questions, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


def asks(table, *turns):
    out = answers.parse(table, list(turns))
    return bool(out.questions or out.refusal)


# ------------------------------------------------------------------ edit_of: which edit a later fact makes
def kept(*facts):
    return list(facts)


@pytest.mark.parametrize("fact, earlier, edit", [
    (Fact("result", "natural", "reject_1", None, "重复申请那件其实是信访类的", 1, moved_from="reject_2"),
     [Fact("result", "natural", "reject_2", 1, "", 0)], edits.Move),
    (Fact("result", None, "deny_1", None, "属于国家秘密", 1), [Fact("result", "natural", "deny_", 1, "", 0)], edits.Refine),
    (Fact("result", "business", "open", 4, "企业那边公开4件", 1), [Fact("result", None, "open", 11, "", 0)], edits.Split),
    (Fact("result", "natural", "open", 4, "公开的是4件", 1), [Fact("result", "natural", "open", 3, "", 0)], edits.Set),
    (Fact("requests", "business", "new", 1, "企业1件", 1), [Fact("requests", "natural", "new", 3, "", 0)], edits.Add),
    (Fact("result", "natural", "open", 1, "多的那件也是公开", 1, refers=True), [Fact("result", "natural", "open", 2, "", 0)],
     edits.Add),
])
def test_a_later_fact_becomes_its_edit(fact, earlier, edit):
    assert isinstance(t3.edit_of(fact, earlier), edit)


def test_edits_apply_to_the_state_they_name():
    source = Fact("result", "natural", "reject_2", 2, "", 0)
    facts = [source]
    edits.Move(Fact("result", "natural", "reject_1", None, "", 1), source, 1).apply(facts)
    assert [(f.row, f.count) for f in facts] == [("reject_2", 1), ("reject_1", 1)]
    edits.Zero("result", "reject_2").apply(facts)
    assert [(f.row, f.count) for f in facts] == [("reject_1", 1)]


# ------------------------------------------------------------------ phenomena, several phrasings each
FIRST = "自然人申请3件，2件公开，1件重复申请"


@pytest.mark.parametrize("said", ["重复申请那件应该是信访举报投诉类的", "不对，重复申请的那件其实是信访举报投诉类的",
                                  "那1件不是重复申请，而是信访举报投诉", "说错了，重复申请那件应该是投诉"])
def test_move_a_case_to_another_result(said):
    assert cells("t3", FIRST, said) == {("new", "natural"): 3, ("open", "natural"): 2, ("reject_1", "natural"): 1}


@pytest.mark.parametrize("said", ["其中1件其实是企业申请的", "不对，有1件是公司申请的", "说错了，其中1件应该是企业申请的"])
def test_move_a_case_to_another_kind_with_its_result(said):
    assert cells("t3", "自然人申请3件，都公开了", said) == {("new", "natural"): 2, ("new", "business"): 1,
                                                          ("open", "natural"): 2, ("open", "business"): 1}


@pytest.mark.parametrize("said", ["重复申请没有，那件也公开了", "重复申请的没有，那1件也是公开", "其实没有重复申请，那件也予以公开了"])
def test_zero_a_result_row(said):
    assert cells("t3", FIRST, said) == {("new", "natural"): 3, ("open", "natural"): 3}


@pytest.mark.parametrize("said", ["诉讼一件都没有", "没有人告到法院", "一件诉讼也没有", "官司一个也没有", "没有被起诉"])
def test_zero_the_suits(said):
    assert cells("t4", "复议1件维持，诉讼1件维持", "不对，" + said) == {("cases", "review.upheld"): 1}


@pytest.mark.parametrize("first, then", [("都公开了", "自然人2件，企业1件"), ("全部予以公开", "个人申请2件，公司申请1件"),
                                         ("申请的都给了", "老百姓2件，企业1件")])
def test_refine_all_of_them_said_before_the_kinds(first, then):
    assert asks("t3", first)
    assert cells("t3", first, then) == {("new", "natural"): 2, ("new", "business"): 1, ("open", "natural"): 2,
                                        ("open", "business"): 1}


@pytest.mark.parametrize("said, n", [("个人申请2件，一半公开，一半不掌握", 2), ("个人申请4件，一半公开，剩下的不掌握", 4)])
def test_refine_a_half(said, n):
    assert cells("t3", said) == {("new", "natural"): n, ("open", "natural"): n // 2, ("unable_1", "natural"): n // 2}


@pytest.mark.parametrize("first", ["自然人申请几件，都公开了", "个人也有几件申请，都予以公开", "老百姓申请了若干件，全部公开",
                                   "个人申请大概20件，都公开了", "自然人申请20多件，都公开了"])
@pytest.mark.parametrize("bare", ["就21件", "21件", "我查了下，21件", "21", "准确是21件", "具体是21件"])
def test_answer_to_my_question_fills_the_clause_asked_about(first, bare):
    assert asks("t3", first)
    assert cells("t3", first, bare) == {("new", "natural"): 21, ("open", "natural"): 21}


@pytest.mark.parametrize("bare", ["就1件", "1", "我查了一下，1件"])
def test_answer_to_my_question_at_table_four(bare):
    assert cells("t4", "有几起复议，都维持了", bare) == {("cases", "review.upheld"): 1}


def test_a_bare_count_with_nothing_asked_is_not_taken_for_an_answer():
    state, _ = answers.answer(answers.start("t3"), "自然人申请3件，都公开了")
    assert answers.answered(state, "12") is None


@pytest.mark.parametrize("said", ["不对，那件不是复议，是直接起诉的", "说错了，不是复议，是直接告到法院的，法院维持了", "那件不是复议而是直接起诉"])
def test_move_a_case_to_another_kind_of_case(said):
    assert cells("t4", "复议1件，维持", said) == {("cases", "suit_direct.upheld"): 1}


@pytest.mark.parametrize("said", ["复议和诉讼一共2件，都维持了", "复议、诉讼加起来3件，都是维持", "行政复议和行政诉讼共2件，结果都维持"])
def test_several_kinds_of_case_under_one_count_are_asked(said):
    assert asks("t4", said)


@pytest.mark.parametrize("said", ["规范性文件一个也没发", "规范性文件今年一个也没发"])
def test_aside_for_table_two_is_no_case(said):
    state, out = answers.answer(answers.start("t4"), "诉讼1件，法院维持；" + said)
    assert {k: v for k, v in out.cells.items() if v} == {("t4", "cases", "suit_direct.upheld"): 1}
    assert [a.table for a in state.reading.asides] == ["t2"]


@pytest.mark.parametrize("said", ["另外有1件复议，维持了", "还有一个行政复议，结果维持", "被申请复议1件，维持"])
def test_aside_for_table_four_is_no_application(said):
    state, out = answers.answer(answers.start("t3"), "自然人申请2件，都公开了；" + said)
    assert {k: v for k, v in out.cells.items() if v} == {("t3", "new", "natural"): 2, ("t3", "open", "natural"): 2}
    assert [a.table for a in state.reading.asides] == ["t4"] and "复议" in state.reading.asides[0].words


# ------------------------------------------------------------------ a synonym in the word lists, no code
@pytest.fixture
def word_lists(tmp_path, monkeypatch):
    """A copy of prompts/answers.yaml the test may add to, read instead of the shipped one."""
    words = importlib.import_module("gkassist.dialogue.answers.words")  # (the package's `words` is the function)
    folder = tmp_path / "prompts"
    folder.mkdir()
    shutil.copy(ROOT / "prompts" / "answers.yaml", folder / "answers.yaml")
    monkeypatch.setattr(words, "resource_dir", lambda name: tmp_path / name)
    words.answer_words.cache_clear()
    words.words.cache_clear()
    yield folder / "answers.yaml"
    words.answer_words.cache_clear()
    words.words.cache_clear()


def add_word(path, list_line, word):
    text = path.read_text(encoding="utf-8")
    assert text.count(list_line) == 1, list_line
    path.write_text(text.replace(list_line, list_line.replace("[", f"[{word}, ", 1)), encoding="utf-8")
    words = importlib.import_module("gkassist.dialogue.answers.words")
    words.answer_words.cache_clear()
    words.words.cache_clear()


@pytest.mark.parametrize("list_line, word, table, turns, expect", [
    ("  business: [", "个体经营者", "t3", ["个体经营者申请2件，都公开了"], {("new", "business"): 2, ("open", "business"): 2}),
    ("  reject_1: [", "闹访", "t3", ["自然人申请1件，是闹访的事，不予处理"], {("new", "natural"): 1, ("reject_1", "natural"): 1}),
    ("answer_leads: [", "'我?翻了(?:一)?下台账'", "t3", ["自然人申请几件，都公开了", "我翻了下台账，3件"],
     {("new", "natural"): 3, ("open", "natural"): 3}),
    ("  upheld: [", "没支持他", "t4", ["复议1件，复议机关没支持他"], {("cases", "review.upheld"): 1}),
])
def test_a_synonym_added_to_the_word_lists_makes_a_new_phrasing_work(word_lists, list_line, word, table, turns, expect):
    assert answers.parse(table, turns).cells != {("t3" if table == "t3" else "t4", *k): v for k, v in expect.items()} \
        or asks(table, *turns)  # not understood before
    add_word(word_lists, list_line, word)
    assert cells(table, *turns) == expect


@pytest.mark.parametrize("old, new, said", [("  half: [一半]", "  halve: [一半]", "halve"),
                                            ("  half: [一半]", "  half: ['一半(']", "不是有效的正则表达式")])
def test_a_mistake_in_the_markers_is_named_with_its_file_and_line(word_lists, old, new, said):
    from gkassist.core.errors import InputError

    text = word_lists.read_text(encoding="utf-8")
    word_lists.write_text(text.replace(old, new), encoding="utf-8")
    words = importlib.import_module("gkassist.dialogue.answers.words")
    words.answer_words.cache_clear()
    words.words.cache_clear()
    with pytest.raises(InputError, match=rf"answers.yaml：第\d+行.*{said}"):
        words.words()


# ------------------------------------------------------------------ a reason given later, in everyday words
@pytest.mark.parametrize("first, later, row", [
    ("个人申请4件，公开3件，1件不予公开", "不予公开的那件是我们内部的人事考核材料", "deny_5"),
    ("个人申请4件，公开3件，1件不予公开", "那件涉及单位内部的后勤管理", "deny_5"),
    ("个人申请4件，公开3件，1件不予公开", "不公开的那件涉及别人的隐私", "deny_4"),
    ("个人申请4件，公开3件，1件不予公开", "那件是会议纪要，还没定稿", "deny_6"),
    ("个人申请4件，公开3件，1件不予公开", "那件要的是执法档案", "deny_7"),
    ("个人申请4件，公开3件，1件不予公开", "那件是涉密的", "deny_1"),
    ("个人申请4件，公开3件，1件不予公开", "那件是查自己户籍信息的，按查询处理", "deny_8"),
    ("个人申请2件，一件公开，一件无法提供", "无法提供是因为这事不归我们管", "unable_1"),
    ("个人申请2件，一件公开，一件无法提供", "那件我们单位根本没有这个材料", "unable_1"),
    ("个人申请2件，一件公开，一件无法提供", "那件没有现成的，得专门做", "unable_2"),
    ("个人申请2件，一件公开，一件无法提供", "那件补正以后还是说不清楚要什么", "unable_3"),
    ("个人申请3件，公开2件，还有1件不再处理了", "那件是让他补正材料，他到期也没补", "other_1"),
    ("个人申请3件，公开2件，还有1件不再处理了", "让他补材料，他始终没补", "other_1"),
    ("个人申请3件，公开2件，还有1件不再处理了", "那件是让他交费，他一直没交钱", "other_2"),
    ("个人申请3件，公开2件，还有1件不再处理了", "那件申请人自己不要了", "other_3"),
    ("个人申请2件，1件公开，1件申请人自己撤回了", "撤回的那件算其他处理", "other_3"),
    ("个人申请2件，1件公开，1件申请人放弃了", "那件算其他", "other_3"),
    ("个人申请3件，公开2件，还有1件不予处理", "那件其实是来上访反映问题的", "reject_1"),
    ("个人申请3件，公开2件，还有1件不予处理", "那件是他一再申请的，量很大", "reject_4"),
])
def test_a_reason_given_later_in_everyday_words_fills_its_row(first, later, row):
    found = cells("t3", first, later)
    assert found[(row, "natural")] == 1
    assert not any(r.endswith("_") for r, _ in found)


@pytest.mark.parametrize("first, later, row", [
    ("个人申请5件，公开3件", "剩下2件都是查不动产登记信息的，按行政查询事项处理，不予公开", "deny_8"),
    ("个人申请5件，公开3件", "另外2件是查婚姻登记记录的，属于查询，不予公开", "deny_8"),
])
def test_what_the_remaining_cases_asked_for_is_no_count_of_its_own(first, later, row):
    assert cells("t3", first, later) == {("new", "natural"): 5, ("open", "natural"): 3, (row, "natural"): 2}


# ------------------------------------------------------------------ the count asked for after an answer that gave none
@pytest.mark.parametrize("first, bare, kind, row, n", [
    ("个人申请的都公开了", "12", "natural", "open", 12),
    ("群众申请的全部予以公开", "我查了一下，7件", "natural", "open", 7),
    ("老百姓申请的，全都给公开了，数量我回头查一下", "我查了下，3件", "natural", "open", 3),
    ("公司申请的都部分公开了，数量回头再核", "一共4件", "business", "partial", 4),
    ("律所来申请的，都给了", "2", "legal", "open", 2),
])
def test_a_bare_count_answers_how_many_applications(first, bare, kind, row, n):
    assert asks("t3", first)
    assert cells("t3", first, bare) == {("new", kind): n, (row, kind): n}


@pytest.mark.parametrize("said, kind, row", [
    ("有个公司来申请过，给他部分公开了", "business", "partial"),
    ("今年有位村民申请过，给他公开了", "natural", "open"),
    ("有家律所申请了信息公开，我们不掌握", "legal", "unable_1"),
    ("只有一个老百姓来申请，公开了", "natural", "open"),
])
def test_one_applicant_means_one_application_and_a_count_that_agrees_only_confirms(said, kind, row):
    expect = {("new", kind): 1, (row, kind): 1}
    assert cells("t3", said) == expect
    for bare in ("就1件", "1", "是1件"):
        assert cells("t3", said, bare) == expect


# ------------------------------------------------------------------ some cases of one kind are another's
@pytest.mark.parametrize("later, kind", [
    ("搞错了，有1件自然人的其实是公司申请的，也是公开了", "business"),
    ("说错了，个人的有1件其实是企业申请的", "business"),
    ("不对，有1件个人的实际是律所申请的", "legal"),
    ("弄错了，其中自然人的1件其实是村委会申请的", "other"),
])
def test_move_some_cases_to_a_kind_named_in_everyday_words(later, kind):
    first = "自然人申请3件都公开了，企业申请2件，1件公开1件转到明年办"
    found = cells("t3", first, later)
    assert found[("new", "natural")] == 2 and found[("open", "natural")] == 2
    before = 2 if kind == "business" else 0  # the 企业's own 2 (1 公开, 1 结转)
    assert found[("new", kind)] == before + 1
    assert found[("open", kind)] == before // 2 + 1
    assert found[("carry_next", "business")] == 1


@pytest.mark.parametrize("first, later, moved", [
    ("企业申请2件，一件公开，一件要求补正后还是说不清楚要什么", "不好意思，那件是个人申请的，不是企业", "unable_3"),
    ("企业申请2件，一件公开，一件我们不掌握", "那件是个人申请的，不是企业", "unable_1"),
    ("公司申请3件，2件公开，1件涉及商业秘密不予公开", "说错了，那件是老百姓申请的，不是公司", "deny_4"),
    ("企业申请2件，一件公开，一件是重复申请", "那件其实是群众申请的，不是企业的", "reject_2"),
])
def test_that_case_is_the_one_the_last_clause_described(first, later, moved):
    found = cells("t3", first, later)
    assert found[("new", "natural")] == 1 and found[(moved, "natural")] == 1
    assert ("open", "natural") not in found and found[("open", "business")] >= 1
    assert (moved, "business") not in found


# ------------------------------------------------------------------ 表四: a case said with one outcome had another
@pytest.mark.parametrize("first, later, expect", [
    ("复议3件，2件维持，1件纠正", "说错了，纠正的那件其实是申请人撤回了",
     {("cases", "review.upheld"): 2, ("cases", "review.other"): 1}),
    ("复议3件，2件维持，1件纠正", "纠正的那件其实是撤回了", {("cases", "review.upheld"): 2, ("cases", "review.other"): 1}),
    ("复议3件，2件维持，1件纠正", "不好意思，纠正的那件其实也是维持", {("cases", "review.upheld"): 3}),
    ("复议3件，2件维持，1件纠正", "不对，纠正的那件还没审完", {("cases", "review.upheld"): 2, ("cases", "review.pending"): 1}),
    ("行政诉讼2件，1件胜诉，1件败诉", "败诉的那件其实是对方撤诉了",
     {("cases", "suit_direct.upheld"): 1, ("cases", "suit_direct.other"): 1}),
])
def test_move_a_case_to_another_outcome_keeps_the_cases(first, later, expect):
    assert cells("t4", first, later) == expect


# ------------------------------------------------------------------ 表二: a label asked back to itself; 俩, 仨
@pytest.mark.parametrize("later, n", [("现行有效的？4个", 4), ("有效的呢？7个", 7), ("现在有效的？一共9件", 9),
                                      ("现行有效？俩", 2), ("现在还有效的？仨", 3)])
def test_a_label_with_a_question_mark_then_a_count_fills_that_column(later, n):
    found = cells("t2", "规范性文件出了1个，许可处罚强制这些都没有", later)
    assert found[("normative", "issued")] == 1 and found[("normative", "in_force")] == n


@pytest.mark.parametrize("said, expect", [
    ("规范性文件制发俩，废止一个，现在有效的十个", (2, 1, 10)),
    ("规范性文件制发仨，废止俩，现行有效的5个", (3, 2, 5)),
    ("规范性文件发了俩，没有废止，现行有效仨", (2, 0, 3)),
])
def test_lia_is_two_and_sa_is_three(said, expect):
    found = cells("t2", said)
    assert tuple(found.get(("normative", c), 0) for c in ("issued", "repealed", "in_force")) == expect


# ------------------------------------------------------------------ a correction restating part of the figures
@pytest.mark.parametrize("first, later, kind, n", [
    ("个人申请4件，全部公开", "不对，应该是公开3件，有1件到年底还没答复完，结转下年", "natural", 4),
    ("个人申请4件，全部公开", "说错了，公开的是3件，有1件还在办理，转到明年", "natural", 4),
    ("企业申请5件，都公开了", "不对，公开4件，有1件没办完，结转下年度", "business", 5),
    ("个人申请4件，全部公开", "有1件其实还没答复，要结转", "natural", 4),
])
def test_the_case_carried_on_in_a_correction_is_no_new_count_of_applications(first, later, kind, n):
    assert cells("t3", first, later) == {("new", kind): n, ("open", kind): n - 1, ("carry_next", kind): 1}


@pytest.mark.parametrize("said, row", [
    ("1件涉及他人信息不予公开", "deny_4"), ("1件是内部的考核材料不予公开", "deny_5"), ("1件是征求意见稿，不予公开", "deny_6"),
    ("1件我们单位根本没有这个材料", "unable_1"), ("1件找不到，无法提供", "unable_1"),
    ("1件没有现成的要专门做，无法提供", "unable_2"), ("1件补正后还是说不清要什么", "unable_3"),
    ("1件是上访反映问题的，不予处理", "reject_1"), ("1件是同样的内容又申请，不予处理", "reject_2"),
    ("1件让他补正他一直没补", "other_1"), ("1件没交钱，不再处理", "other_2"), ("1件申请人自己不要了", "other_3"),
])
def test_everyday_reasons_in_the_same_answer(said, row):
    assert cells("t3", "个人申请3件，公开2件，" + said) == {("new", "natural"): 3, ("open", "natural"): 2, (row, "natural"): 1}
