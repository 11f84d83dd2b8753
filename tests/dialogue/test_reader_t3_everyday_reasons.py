"""Phenomena of probe 15's township 表三 answers, each in several phrasings (none of them the probe's) — read at the
reader's level: a reason said in everyday words (stamp or certify what they already got, we do not hold it, it has to
be made, they cannot say what they want); a case said with no kind in a conversation whose applicants were all one
kind; a correction that adds a case with a new reason; “都” after some kinds when the same answer adds another."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t3", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


def asked(*turns):
    out = answers.parse("t3", list(turns))
    return bool(out.questions or out.not_understood or out.refusal)


# ------------------------------------------------------------------ a reason in everyday words
@pytest.mark.parametrize("reason, row", [
    # 确认或重新出具已获取信息: stamp, certify, issue again what they were given
    ("他拿着我们以前发的通知让我们盖章确认", "reject_5"),
    ("要我们证明一下那份批复是真的", "reject_5"),
    ("让镇里给他那份文件再盖个章", "reject_5"),
    ("之前给过他了，他要我们再开一份", "reject_5"),
    ("要求我们给他补个证明", "reject_5"),
    ("想让我们确认一下复印件的真伪", "reject_5"),
    # 本机关不掌握
    ("我们镇里没掌握这方面的情况", "unable_1"),
    ("那个东西不归我们管", "unable_1"),
    ("他要的是别的部门的数据", "unable_1"),
    ("我们这边压根就没有那份", "unable_1"),
    ("那是上级部门掌握的", "unable_1"),
    ("街道从来就没做过这种表", "unable_1"),
    # 没有现成信息需要另行制作
    ("得挨家挨户去统计", "unable_2"),
    ("要我们重新整理一下", "unable_2"),
    ("那得专门去做", "unable_2"),
    # 补正后申请内容仍不明确
    ("他一直说不清楚到底要啥", "unable_3"),
    ("让他补正了还是说不清", "unable_3"),
    ("补充了以后还是不明确", "unable_3"),
    ("看不懂他具体想要什么", "unable_3"),
    # the other rows' everyday forms
    ("那个是密件", "deny_1"),
    ("按规定是不能给的", "deny_2"),
    ("给出去怕闹出乱子", "deny_3"),
    ("要的是个初稿", "deny_6"),
    ("那个方案还没定下来", "deny_6"),
    ("叫他自己到派出所查他的户口", "deny_8"),
    ("跟上回的申请一模一样", "reject_2"),
    ("统计年鉴上都有", "reject_3"),
    ("报纸上早就登了", "reject_3"),
    ("让他补材料他一直没交上来", "other_1"),
    ("过了补正期限也没动静", "other_1"),
    ("后来申请人自己撤回了", "other_3"),
    # 不掌握 said with 这/那 and 信息 (“1件没这信息”)
    ("没这信息", "unable_1"),
    ("我们没那信息", "unable_1"),
    ("没这信息没法给", "unable_1"),
])
def test_a_reason_in_everyday_words_is_its_row(reason, row):
    assert cells(f"群众申请3件，2件公开，另外1件{reason}") == {
        ("new", "natural"): 3, ("open", "natural"): 2, (row, "natural"): 1}


@pytest.mark.parametrize("said", [
    "居民申请2件，1件公开，1件让他补个证明，他一直没补",  # the applicant asked to bring a proof: not 确认
    "居民申请2件，1件公开，1件让他开个证明来，他一直没来",
])
def test_a_proof_the_applicant_was_asked_for_is_no_certificate_we_issue(said):
    out = answers.parse("t3", [said])
    assert not out.cells.get(("t3", "reject_5", "natural"))


def test_other_units_applying_is_no_reason():
    got = answers.parse("t3", ["居民申请2件，都公开了", "还有1件是其他单位申请的，也公开了"])
    assert not any(r == "unable_1" for (_, r, _), v in got.cells.items() if v)


# ------------------------------------------------------------------ “那个材料”: a thing, not a case spoken of
@pytest.mark.parametrize("later, row", [
    ("还有1件我们镇里压根没有那个材料", "unable_1"),
    ("另外1件我们单位根本没那份文件", "unable_1"),
    ("还有1件要的那个名单我们这儿没有", "unable_1"),
])
def test_that_thing_after_a_count_is_no_reference_to_a_case(later, row):
    assert cells("村民申请4件，公开3件", later) == {("new", "natural"): 4, ("open", "natural"): 3, (row, "natural"): 1}


# ------------------------------------------------------------------ a correction that adds a case with a new reason
@pytest.mark.parametrize("first, correction, rows", [
    ("个人申请5件，4件公开，1件是信访件", "说错了，公开的是3件，另外1件我们街道没掌握", {"open": 3, "reject_1": 1, "unable_1": 1}),
    ("群众申请6件，公开5件，1件重复申请", "不对，公开4件，还有1件得重新做统计表", {"open": 4, "reject_2": 1, "unable_2": 1}),
    ("村民申请4件，都公开了", "搞错了，公开的是3件，有1件是要我们盖章确认以前给他的材料", {"open": 3, "reject_5": 1}),
])
def test_a_correction_adding_a_case_with_a_new_reason_places_it(first, correction, rows):
    total = sum(rows.values())
    assert cells(first, correction) == {("new", "natural"): total, **{(r, "natural"): n for r, n in rows.items()}}


# ------------------------------------------------------------------ every applicant one kind: a case of no kind is it
@pytest.mark.parametrize("turns", [
    ["一共5件，全是居民个人申请的，公开3件，1件不掌握，还剩1件年底才收到，转到明年"],
    ["申请人都是群众个人，共5件。公开3件，不掌握1件，余下1件12月30号才收到，明年再答复"],
    ["收到5件，都是村民个人的", "3件公开，1件我们没掌握，另外1件年底才收到，放到明年"],
])
def test_a_case_said_with_no_kind_is_of_the_only_kind_said(turns):
    assert cells(*turns) == {("new", "natural"): 5, ("open", "natural"): 3, ("unable_1", "natural"): 1,
                             ("carry_next", "natural"): 1}


@pytest.mark.parametrize("said", [
    "全是个人申请。公开4件，不掌握1件，还有1件转明年",
    "申请的都是老百姓个人。4件公开了，1件不掌握，1件转到下年",
])
def test_results_alone_of_the_only_kind_said_are_its_applications(said):
    assert cells(said) == {("new", "natural"): 6, ("open", "natural"): 4, ("unable_1", "natural"): 1,
                           ("carry_next", "natural"): 1}


@pytest.mark.parametrize("turns", [
    ["收到6件，个人4件、企业2件，公开5件，还剩1件12月28号才收到，放到明年答复"],
    ["都是个人申请的，一共3件，都公开了", "还有企业申请2件", "另外年底又收到1件，转明年"],
    ["群众申请6件，都公开了。另外12月28号又收到1件，放到明年答复"],  # one kind said, not said to be all of them
])
def test_a_case_of_no_kind_among_several_kinds_is_still_asked(turns):
    assert asked(*turns)


# ------------------------------------------------------------------ “都” after some kinds, another kind after it
@pytest.mark.parametrize("said, before, after", [
    ("一家协会申请了2件，一个研究所申请了1件，都公开了；另外个人申请1件，部分公开",
     {"nonprofit": 2, "research": 1}, ("natural", "partial")),
    ("公司2件，律所1件，全部公开；另外群众申请了1件，不掌握", {"business": 2, "legal": 1}, ("natural", "unable_1")),
    ("个人3件、企业1件，均予以公开；还有一个课题组申请1件，涉及国家秘密不予公开", {"natural": 3, "business": 1},
     ("research", "deny_1")),
])
def test_all_of_them_covers_the_kinds_said_before_it(said, before, after):
    kind, row = after
    want = {**{("new", k): n for k, n in before.items()}, **{("open", k): n for k, n in before.items()},
            ("new", kind): 1, (row, kind): 1}
    assert cells(said) == want


# ------------------------------------------------------------------ “别的单位的事”: what was asked for, no applicant
@pytest.mark.parametrize("case", [
    "另一件问的是别的单位的事，我们这没有",
    "还有1件要的是县里其他单位的材料，我们没有",
    "另1件想了解的是上级单位的情况，不归我们管",
])
def test_a_unit_in_what_was_asked_for_is_no_vague_applicant(case):
    assert cells(f"居民申请3件，公开2件，{case}") == {
        ("new", "natural"): 3, ("open", "natural"): 2, ("unable_1", "natural"): 1}


# ------------------------------------------------------------------ a total without kinds, its kinds told case by case
@pytest.mark.parametrize("later, other", [
    ("俩是村民个人，一个是一家公司，公司那件是部分公开的", "business"),
    ("其中两件是居民的，一件是一个协会的，协会那件部分公开", "nonprofit"),
    ("两个是老百姓，还有一个是律所，律所那件部分公开了", "legal"),
])
def test_the_kinds_of_a_total_said_before_are_told_case_by_case(later, other):
    assert cells("收到申请3件，2件公开，1件部分公开", later) == {
        ("new", "natural"): 2, (("new", other)): 1, ("open", "natural"): 2, ("partial", other): 1}


# ------------------------------------------------------------------ “老王”, “有人来”: a person, by how a clerk names one
@pytest.mark.parametrize("first, second", [
    ("一件是老王要看他家的拆迁协议，公开了", "另一件是有人来问别人家的补偿款，涉及隐私没给"),
    ("一件是老李想查低保名单，给了", "另一件有人要看村里的会议纪要，还在讨论没定，没给"),
])
def test_a_person_named_as_a_clerk_would_is_a_natural_person(first, second):
    got = cells(f"就两件，{first}；{second}")
    assert got[("new", "natural")] == 2 and got[("open", "natural")] == 1


def test_no_one_came_is_still_none():
    out = answers.parse("t3", ["今年没有人来申请过"])
    assert not any(out.cells.values()) and not out.questions


# ------------------------------------------------------------------ blacked out, then given: 部分公开
@pytest.mark.parametrize("later", [
    "隐私那件后来把别人的电话涂掉给他了",
    "涉及别人隐私的那件，后来把身份证号遮住以后给了，算部分公开",
    "隐私那件把名字删掉后提供了",
])
def test_a_case_given_after_parts_were_blacked_out_is_partly_disclosed(later):
    assert cells("居民申请3件，2件公开，1件涉及他人隐私没给", later) == {
        ("new", "natural"): 3, ("open", "natural"): 2, ("partial", "natural"): 1}


# ------------------------------------------------------------------ a span of time is no count
@pytest.mark.parametrize("said", [
    "群众申请6件，是同一个人两个月里反复交的，没有正当理由，全部不予处理",
    "群众申请6件，一个星期来一次，大量反复申请，全都不予处理",
])
def test_a_span_of_time_is_no_count_of_cases(said):
    assert cells(said) == {("new", "natural"): 6, ("reject_4", "natural"): 6}


# ------------------------------------------------------------------ what a case asked for, then what became of it
@pytest.mark.parametrize("said, row", [
    ("一家公司申请了1件要全村的统计数据，给了", "open"),
    ("一个协会申请了1件要各村汇总的表，公开了", "open"),
    ("一家公司申请了1件要全村的统计数据，我们没有现成的", "unable_2"),
])
def test_what_a_case_asked_for_is_its_row_only_when_nothing_else_is_said(said, row):
    got = cells(said)
    assert [(r, v) for (r, _), v in got.items() if r != "new"] == [(row, 1)]


# ------------------------------------------------------------------ a total, part of it kinded by a person's words
@pytest.mark.parametrize("turns", [
    ["一共5件，3件公开了，另外2件是同一个人重复来要的", "5件都是村民个人申请的"],
    ["总共5件，公开3件，还有2件是一个人重复提交的", "这5件全是居民个人的"],
])
def test_all_of_a_total_said_to_be_one_kind_after_is_that_kind(turns):
    assert cells(*turns) == {("new", "natural"): 5, ("open", "natural"): 3, ("reject_2", "natural"): 2}


# ------------------------------------------------------------------ “重新统计了一下”: a correction's lead, no reason
@pytest.mark.parametrize("lead", ["重新统计了一下", "我重新数了一遍", "重新核对了一下", "我重新算了下"])
def test_counting_again_leads_a_correction(lead):
    assert cells("居民申请5件，公开4件，1件不掌握", f"{lead}，公开的是3件，不掌握的2件") == {
        ("new", "natural"): 5, ("open", "natural"): 3, ("unable_1", "natural"): 2}


@pytest.mark.parametrize("said", ["复印了一份盖上章给他了", "盖上章公开了"])
def test_a_copy_given_with_our_stamp_is_disclosed(said):
    assert cells(f"居民申请2件，1件不掌握，另外1件{said}") == {
        ("new", "natural"): 2, ("unable_1", "natural"): 1, ("open", "natural"): 1}


# ------------------------------------------------------------------ 全区, 公共安全: a place or a word, not “all”
@pytest.mark.parametrize("said", [
    "有个村民要全镇的低保名单，涉及别人隐私没给；另一个村民要看全村的征地公告，给了",
    "有个居民要全县的监控点位，这个公开了会危害公共安全，不予公开；另一个居民问办事流程，给了",
])
def test_a_place_after_quan_is_no_all(said):
    got = cells(said)
    assert got[("new", "natural")] == 2 and got[("open", "natural")] == 1


# ------------------------------------------------------------------ the cases told, then all said to be one kind
@pytest.mark.parametrize("first, later", [
    ("有一个人要全区监控点位，这个公开了影响公共安全，不予公开；另一个问报名流程的，给了", "俩都是个人"),
    ("有一个人要全区监控点位，这个公开了影响公共安全，不予公开；另一个问报名流程的，给了", "两件都是老百姓申请的"),
])
def test_cases_told_then_all_of_one_kind_counts_them_once(first, later):
    assert cells(first, later) == {("new", "natural"): 2, ("deny_3", "natural"): 1, ("open", "natural"): 1}
