"""表三: applications repeated, many from one applicant, or one copy wanted again, each in several phrasings (none of
them a probe's): the one copy an applicant wants made again (“再开一份”, “重新打印一张”) is what was asked for, not a
count of cases; 无正当理由大量反复申请 told as what the applicant did (“一个劲地申请”, “申请了一大堆”, “讲不出理由”);
one applicant's share of the applications just counted, said with a verb of applying (“其中同一个人交了6件”), is
part of that count, not more applications, and the reason said after it is counted once."""

import pytest

from support import results, understood


# ------------------------------------------------------------------ one copy asked for is no count of cases
@pytest.mark.parametrize("said, kind, n", [
    ("个人申请3件，都是想让我们把发过的材料再开一份证明，没处理", "natural", 3),
    ("企业申请了2件，都是让我们把以前给过的批复重新打印一张盖章，不予处理", "business", 2),
    ("群众来了2件，都是要再复印一份盖章的，不予处理", "natural", 2),
    ("还有村民的4件，全是要我们把早先给过的通知重新出一份，没办", "natural", 4),
])
def test_a_copy_wanted_again_leaves_the_count_of_cases(said, kind, n):
    got = understood("t3", said)
    assert got[("new", kind)] == n and got[("reject_5", kind)] == n


@pytest.mark.parametrize("said", ["个人申请1件，要复印一份宅基地批复，公开了",
                                  "企业申请2件，都是要打印一份补偿名单，都公开了"])
def test_a_copy_asked_for_in_a_disclosed_case_counts_no_case(said):
    got = understood("t3", said)
    assert got[("open", next(k for (r, k) in got if r == "new"))] == got[("new", next(k for (r, k) in got if r == "new"))]


# ------------------------------------------------------------------ many applications without a reason
@pytest.mark.parametrize("bulk", [
    "2件是同一个人一个劲地申请，不予处理",
    "2件是有人不停地来申请，又讲不出什么理由，不予处理",
    "另外2件申请了一大堆，没有理由，不予处理",
    "另外2件是同一个人接二连三地提，给不出理由，不予处理",
])
def test_many_applications_without_reason_is_reject_4(bulk):
    assert results(understood("t3", f"个人申请5件，公开3件，{bulk}", version="2021")) == {"open": 3, "reject_4": 2}


# ------------------------------------------------------------------ one applicant's share of a count
@pytest.mark.parametrize("share", ["其中同一个人递了5件", "其中有个人申请了5件", "其中一位村民自己就交了5件",
                                   "其中同一申请人先后提交了5份", "同一个居民送了5件", "其中有一个人报了5件"])
def test_one_applicant_s_share_is_part_of_the_count(share):
    got = understood("t3", f"自然人申请8件，{share}，按无正当理由大量反复申请不予处理，剩下3件都公开了", version="2021")
    assert got == {("new", "natural"): 8, ("reject_4", "natural"): 5, ("open", "natural"): 3}


@pytest.mark.parametrize("more", ["另外有个人申请了4件", "还有一个人交了4件"])
def test_another_applicant_said_as_more_is_more(more):
    got = understood("t3", f"企业申请2件，都公开了；{more}，都公开了", version="2021")
    assert got[("new", "natural")] == 4 and got[("new", "business")] == 2
