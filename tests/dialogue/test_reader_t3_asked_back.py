"""Phenomena of the whole-report probe 10b, each in several phrasings (none of them the probe's): an answer told as
questions put to oneself (“结转？没有”), a kind named in what a case asked for (no applicant), a row's name in
quotes (“其他处理里的“其他””) — read at the reader's level."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t3", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


def asks(*turns):
    out = answers.parse("t3", list(turns))
    return bool(out.questions or out.refusal or out.not_understood)


# ------------------------------------------------------------------ “X？没有”, “X：无”: that row's answer
@pytest.mark.parametrize("said", [
    "收到几件？3件。都是群众的，全公开了。结转？没有。",
    "群众3件，全部公开；结转下年：没有",
    "群众3件，全部公开。延期的呢？没有",
    "群众3件，全部公开，没办完的？无",
    "群众3件，都公开了。结转：零",
    "群众3件，都公开了；结转？0件",
])
def test_a_row_asked_back_and_answered_none_is_that_row_s_zero(said):
    assert cells(said) == {("new", "natural"): 3, ("open", "natural"): 3}


@pytest.mark.parametrize("said, expect", [
    ("个人4件，公开3件，不予公开？没有，1件我们不掌握", {("unable_1", "natural"): 1}),
    ("个人4件。公开？3件。重复申请？没有。不掌握：1件", {("unable_1", "natural"): 1}),
    ("个人4件：不予公开：无；公开3件；本机关不掌握1件", {("unable_1", "natural"): 1}),
])
def test_a_result_asked_back_and_answered_none_counts_nothing_and_needs_no_reason(said, expect):
    assert cells(said) == {("new", "natural"): 4, ("open", "natural"): 3, **expect}


# ------------------------------------------------------------------ a kind inside what a case asked for
@pytest.mark.parametrize("said, expect", [
    ("群众申请2件，1件公开；另1件问的是一家公司的排污许可，涉及商业秘密，没给",
     {("new", "natural"): 2, ("open", "natural"): 1, ("deny_4", "natural"): 1}),
    ("律所申请1件，要的是某企业的处罚决定书，公开了",
     {("new", "legal"): 1, ("open", "legal"): 1}),
    ("个人的3件：2件公开了，还有1件想了解合作社领了多少补助，我们这没有",
     {("new", "natural"): 3, ("open", "natural"): 2, ("unable_1", "natural"): 1}),
    ("企业1件，是问村委会换届的材料，予以公开",
     {("new", "business"): 1, ("open", "business"): 1}),
    ("居民1件，关于协会会费的收支，部分公开",
     {("new", "natural"): 1, ("partial", "natural"): 1}),
])
def test_a_kind_named_in_what_was_asked_for_is_no_applicant(said, expect):
    assert cells(said) == expect


def test_a_kind_that_asked_is_still_its_applicant():
    assert cells("企业1件，公司要的是它自己的环评批复，公开了") == {("new", "business"): 1, ("open", "business"): 1}


# ------------------------------------------------------------------ a row's name in quotes
@pytest.mark.parametrize("said, row", [
    ("个人3件，公开2件，其他处理里的“其他”1件", "other_3"),
    ("个人3件，公开2件，不再处理中的「其他」1件", "other_3"),
    ("个人3件，公开2件，其他处理下面的其他1件", "other_3"),
    ("个人3件，公开2件，“本机关不掌握”1件", "unable_1"),
    ("个人3件，公开2件，《部分公开》1件", "partial"),
    ("个人3件，公开2件，\"重复申请\"1件", "reject_2"),
])
def test_a_row_named_in_quotes_is_that_row(said, row):
    assert cells(said) == {("new", "natural"): 3, ("open", "natural"): 2, (row, "natural"): 1}


def test_other_handling_without_its_reason_is_still_asked():
    assert asks("个人3件，公开2件，其他处理1件")


# ------------------------------------------------------------------ applicants listed by head, cases told by applicant
@pytest.mark.parametrize("said, expect", [
    ("收到2件申请，一位村民一家公司。村民那个公开了，公司那个我们不掌握",
     {("new", "natural"): 1, ("new", "business"): 1, ("open", "natural"): 1, ("unable_1", "business"): 1}),
    ("申请有4件，两个居民和两家企业，都公开了",
     {("new", "natural"): 2, ("new", "business"): 2, ("open", "natural"): 2, ("open", "business"): 2}),
    ("共收了3个申请，一家律所两个大爷。律所那件公开了；大爷的一个部分公开，另一个补正以后还是说不清要啥",
     {("new", "legal"): 1, ("new", "natural"): 2, ("open", "legal"): 1, ("partial", "natural"): 1,
      ("unable_3", "natural"): 1}),
])
def test_applicants_listed_after_the_count_of_applications_are_one_application_each(said, expect):
    assert cells(said) == expect


def test_applicants_listed_that_do_not_add_up_to_the_count_are_asked():
    assert asks("今年收到3件申请，一位村民一家公司。村民那个公开了，公司那个不掌握")


@pytest.mark.parametrize("said, expect", [
    ("2件。一个老乡想查他家的宅基地审批，我们不掌握；还有一家合作社问补贴，公开了",
     {("new", "natural"): 1, ("new", "business"): 1, ("unable_1", "natural"): 1, ("open", "business"): 1}),
    ("3件：一位村民要低保名单，公开了；一家律所要的是执法案卷，没给；还有一个协会问救助款，我们不掌握",
     {("new", "natural"): 1, ("new", "legal"): 1, ("new", "nonprofit"): 1, ("open", "natural"): 1,
      ("deny_7", "legal"): 1, ("unable_1", "nonprofit"): 1}),
    ("共3件。镇上一家企业来问补贴发放情况，部分公开；一个老乡要的材料我们不掌握；市里一所大学的课题组想要历年人口数据，"
     "得专门统计，没提供",
     {("new", "business"): 1, ("new", "natural"): 1, ("new", "research"): 1, ("partial", "business"): 1,
      ("unable_1", "natural"): 1, ("unable_2", "research"): 1}),
])
def test_each_case_told_by_its_applicant_with_an_article_is_one_application_of_that_kind(said, expect):
    assert cells(said) == expect


def test_an_applicant_s_article_with_a_count_after_it_is_no_case():
    assert cells("有一家企业申请了2件，都公开了") == {("new", "business"): 2, ("open", "business"): 2}


# ------------------------------------------------------------------ what a case held is its reason only until its result
@pytest.mark.parametrize("said, row", [
    ("个人3件，公开2件，拆迁那件里有别人家的补偿金额，遮掉以后给的", "partial"),
    ("个人3件，公开2件，低保那件中涉及别人的身份证号，把号码盖住以后给了", "partial"),
    ("个人3件，公开2件，拆迁那件里有别人家的补偿金额，没给", "deny_4"),
])
def test_what_a_case_held_is_its_reason_only_until_its_result_is_said(said, row):
    assert cells(said) == {("new", "natural"): 3, ("open", "natural"): 2, (row, "natural"): 1}


# ------------------------------------------------------------------ everyday words for a publication, a repeat
@pytest.mark.parametrize("said", [
    "个人申请2件，1件公开；另1件要的县志早就印成书了，让他去图书馆借",
    "个人申请2件，1件公开；另1件要的是已经印成册的年鉴，叫他到图书馆查，不予处理",
])
def test_a_book_in_print_is_a_publication(said):
    assert cells(said) == {("new", "natural"): 2, ("open", "natural"): 1, ("reject_3", "natural"): 1}


def test_being_sent_to_a_window_to_look_it_up_is_still_an_inquiry():
    assert cells("个人申请2件，1件公开；另1件要的是他自己的户籍信息，让他去派出所窗口查") == {
        ("new", "natural"): 2, ("open", "natural"): 1, ("deny_8", "natural"): 1}


@pytest.mark.parametrize("said", [
    "个人申请3件，2件公开，还有1件是把上次的申请原样又交了一遍",
    "个人申请3件，2件公开，还有1件他把之前的申请原封不动又递了一回",
    "个人申请3件，2件公开，另1件跟上回的申请一模一样又来要",
])
def test_the_same_application_handed_in_again_is_a_repeat(said):
    assert cells(said) == {("new", "natural"): 3, ("open", "natural"): 2, ("reject_2", "natural"): 1}


# ------------------------------------------------------------------ some of a result's cases moved by a later answer
@pytest.mark.parametrize("later, expect", [
    ("部分公开那2件里有1件其实是全给了的，算公开", {("open", "natural"): 6, ("partial", "natural"): 1}),
    ("部分公开那2件里有1件其实是公开的", {("open", "natural"): 6, ("partial", "natural"): 1}),
    ("部分公开那2件里头有1件实际是他自己撤回了", {("open", "natural"): 5, ("partial", "natural"): 1,
                                             ("other_3", "natural"): 1}),
])
def test_some_of_a_result_s_cases_put_right_move_to_their_row(later, expect):
    assert cells("自然人8件：公开5件，部分公开2件，1件我们不掌握", later) == {
        ("new", "natural"): 8, ("unable_1", "natural"): 1, **expect}
