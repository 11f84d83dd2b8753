"""Each stage of reading a table answer on its own: clauses → frames → facts (with their scope) → settled across the
answers of a conversation → allocated under the table's sums → what is missing."""

import pytest

from gkassist.dialogue.answers import parse
from gkassist.dialogue.answers.t3 import Fact, Reading, allocate, expand_asides, frame, read, settle
from gkassist.dialogue.answers.text import clauses, count_of


# ------------------------------------------------------------------ clauses
def test_clauses_keep_their_asides_and_their_ends():
    found = clauses("共受理申请2件（商业企业1件、自然人1件），均已予以公开；个人的：公开3件")
    assert [(c.text, c.asides) for c in found] == [("共受理申请2件", ["商业企业1件", "自然人1件"]), ("均已予以公开", []),
                                                   ("个人的", []), ("公开3件", [])]
    assert [c.ends for c in found] == [False, True, False, True] and found[2].heads


@pytest.mark.parametrize("text, count", [("申请３件", 3), ("申请两件", 2), ("一家公司申请了1件", 1), ("十二件", 12),
                                         ("第三方合法权益", None), ("收费2.5万元", 2.5)])
def test_counts_in_every_form(text, count):
    assert count_of(text) == count


def test_an_aside_breaking_a_count_down_by_kind_becomes_a_clause_a_kind():
    expanded = expand_asides(clauses("共受理申请2件（商业企业1件、自然人1件）"))
    assert [c.text for c in expanded] == ["商业企业共受理申请1件", "自然人共受理申请1件"]


def test_an_aside_giving_a_reason_completes_its_result():
    expanded = expand_asides(clauses("无法提供2件（没有现成信息，需要另行制作）"))
    assert [c.text for c in expanded] == ["无法提供2件没有现成信息需要另行制作"]


# ------------------------------------------------------------------ frames
@pytest.mark.parametrize("text, kind, row, group, count", [
    ("自然人申请5件", "natural", None, None, 5),
    ("企业部分公开1件", "business", "partial", None, 1),
    ("不予公开1件", None, None, "deny_", 1),
    ("1件涉及国家秘密不予公开", None, "deny_1", None, 1),  # the reason is the row: no group left open
    ("村民委员会申请1件", "other", None, None, 1),  # no 村民 in it
    ("个人和企业一共申请5件", None, None, None, 5),  # two kinds: which one is not said
    ("申请人是一家公司", "business", None, None, None),  # an applicant, not a count
])
def test_frames_name_kind_row_group_and_count(text, kind, row, group, count):
    (c,) = clauses(text)
    f = frame(c, ())
    assert (f.kind, f.row, f.group[0] if f.group else None, f.count) == (kind, row, group, count)


# ------------------------------------------------------------------ facts: the scope of each
def facts_of(*turns):
    found = [c for i, t in enumerate(turns) for c in clauses(t, turn=i)]
    return read([frame(c, ()) for c in expand_asides(found)]).facts


def test_a_heading_kind_scopes_the_results_after_it():
    facts = facts_of("自然人6件、商业企业1件。自然人：予以公开5件，重复申请1件；企业：予以公开1件")
    results = [(f.kind, f.row, f.count) for f in facts if f.what == "result"]
    assert results == [("natural", "open", 5), ("natural", "reject_2", 1), ("business", "open", 1)]


def test_a_kind_said_after_its_count_gives_the_count_its_kind():
    facts = facts_of("一共五件申请", "都是个人申请的")
    assert [(f.what, f.kind, f.count) for f in facts] == [("requests", "natural", 5)]


def test_a_reason_without_a_count_completes_the_result_just_counted():
    facts = facts_of("自然人申请2件，不予公开1件，属于国家秘密")
    assert [(f.row, f.count) for f in facts if f.what == "result"] == [("deny_1", 1)]


# ------------------------------------------------------------------ settle: later answers refine earlier ones
def test_a_later_answer_puts_a_figure_right_and_adds_what_it_adds():
    facts = settle(facts_of("自然人申请6件，公开5件，1件部分公开", "公开的是4件，还有1件转下一年办理"))
    assert sorted((f.what, f.row, f.count) for f in facts) == [
        ("carry_next", "carry_next", 1), ("requests", "new", 6), ("result", "open", 4), ("result", "partial", 1)]


def test_a_reason_given_afterwards_fills_in_the_result_said_by_its_group():
    facts = settle(facts_of("自然人申请3件，公开2件，不予公开1件", "不予公开那件是属于行政执法案卷"))
    assert [(f.row, f.count) for f in facts if f.what == "result"] == [("open", 2), ("deny_7", 1)]


def test_what_is_left_of_a_total_said_for_every_kind_stays_someones():
    facts = settle(facts_of("个人申请10件，企业6件，公开11件", "企业那边公开4件"))
    assert [(f.kind, f.count) for f in facts if f.what == "result"] == [(None, 7), ("business", 4)]


# ------------------------------------------------------------------ allocate and what is missing
def test_results_of_no_kind_go_to_the_only_kind_with_applications_left():
    reading = Reading([Fact("requests", "natural", "new", 10, "", 0), Fact("requests", "business", "new", 6, "", 0),
                       Fact("result", "business", "open", 6, "", 0), Fact("result", None, "open", 10, "", 0)])
    assert allocate(reading, {}).cells[("t3", "open", "natural")] == 10


def test_results_of_no_kind_among_several_kinds_with_room_are_asked_not_guessed():
    reading = Reading([Fact("requests", "natural", "new", 5, "", 0), Fact("requests", "business", "new", 2, "", 0),
                       Fact("result", None, "open", 4, "予以公开4件", 0)])
    parsed = allocate(reading, {})
    assert ("t3", "open", "natural") not in parsed.cells and "“予以公开4件”分别是哪类申请人的" in parsed.questions[0]


@pytest.mark.parametrize("turns, asks", [
    (["申请3件，公开3件"], "的申请人是哪类"),
    (["自然人申请3件，不予公开1件，公开2件"], "不予公开的理由是哪一项"),
    (["法人或者其他组织申请1件，予以公开"], "是哪类申请人"),
    (["行政复议2件，1件维持"], "还有1件没有说结果"),
    (["被起诉1件"], "的结果是什么"),
    (["规范性文件3件"], "是制发、废止，还是现行有效的件数"),
])
def test_exactly_what_is_missing_is_asked(turns, asks):
    table = {"行": "t4", "被": "t4", "规": "t2"}.get(turns[0][0], "t3")
    parsed = parse(table, turns)
    assert parsed.questions and asks in parsed.questions[0]


@pytest.mark.parametrize("turns", [["自然人申请5件，企业2件；自然人予以公开3件，部分公开1件，本机关不掌握1件；企业予以公开2件"],
                                   ["个人申请的6件中，4件公开，2件属于信访举报投诉类申请"],
                                   ["今年受理了4件", "都是老百姓个人申请的，全部公开"]])
def test_nothing_is_asked_when_the_answer_accounts_for_everything(turns):
    assert parse("t3", turns).questions == []
