"""Phenomena of probe 11's 表三 answers, each in several phrasings (none of them the probe's) — read at the reader's
level: a kind's count then its cases run together with no comma (“…那2件一件公开一件部分公开”), a case carried on and
then said answered after all."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t3", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


# ------------------------------------------------------------------ a kind's count, then its cases with no comma
@pytest.mark.parametrize("said, kind, rows", [
    ("科研机构那2件一件公开一件部分公开", "research", {"open": 1, "partial": 1}),
    ("律所的2件一件公开一件不掌握", "legal", {"open": 1, "unable_1": 1}),
    ("公益组织那3件两件公开一件部分公开", "nonprofit", {"open": 2, "partial": 1}),
    ("研究所那2件一件部分公开一件重复申请", "research", {"partial": 1, "reject_2": 1}),
])
def test_a_kind_s_cases_run_together_are_each_its_own_result(said, kind, rows):
    first = "科研机构2件，律所2件，公益组织3件"
    new = {("new", "research"): 2, ("new", "legal"): 2, ("new", "nonprofit"): 3}
    assert cells(first, said) == {**new, **{(r, kind): n for r, n in rows.items()}}


# ------------------------------------------------------------------ a case carried on, finished after all
@pytest.mark.parametrize("later, row", [
    ("转明年那件其实年底前就办完了，公开了", "open"),
    ("结转的那件后来也办结了，部分公开", "partial"),
    ("那个转到明年的其实已经答复了，我们不掌握", "unable_1"),
    ("说错了，结转那件年底前已经办完，予以公开", "open"),
])
def test_a_case_carried_on_then_said_finished_moves_to_its_result(later, row):
    got = cells("群众申请4件，3件公开，1件结转到明年办", later)
    assert got == {("new", "natural"): 4, ("open", "natural"): 3 + (row == "open"), **({(row, "natural"): 1} if row != "open" else {})}


# ------------------------------------------------------------------ 不再处理, its reason told before it in the sentence
@pytest.mark.parametrize("said, row", [
    ("有个居民申请过，叫他补正材料，他一直没补，后来就不处理了", "other_1"),
    ("群众申请1件，让他补充说明要哪年的，他没回音，就没再处理", "other_1"),
    ("老百姓申请1件，通知他交费他一直没交，后来不再处理", "other_2"),
])
def test_a_case_not_handled_further_has_the_reason_told_before_it(said, row):
    assert cells(said) == {("new", "natural"): 1, (row, "natural"): 1}


@pytest.mark.parametrize("said", ["群众申请3件，公开2件，让他补正了，1件不再处理", "群众申请2件，叫补正，1件公开，还有1件没再处理"])
def test_a_count_not_handled_further_after_another_result_is_still_asked(said):
    out = answers.parse("t3", [said])
    assert [q for q in out.questions if "不再处理的原因" in q]


# ------------------------------------------------------------------ a shop, a restaurant, a hotel: 商业企业
@pytest.mark.parametrize("applicant", ["一家超市", "镇上的饭店", "一个小卖部", "县城一家宾馆", "有家药店"])
def test_a_shop_or_restaurant_is_a_business(applicant):
    assert cells("居民申请3件，都公开了", f"还有{applicant}也申请过1件，公开了") == {
        ("new", "natural"): 3, ("new", "business"): 1, ("open", "natural"): 3, ("open", "business"): 1}


# ------------------------------------------------------------------ “都没给：” heading the cases told after it
@pytest.mark.parametrize("said, rows", [
    ("群众申请4件，都没给：涉密的1件，3件我们这没有", {"deny_1": 1, "unable_1": 3}),
    ("居民4件，全都没法提供：1件不归我们管，3件得专门汇总制作", {"unable_1": 1, "unable_2": 3}),
    ("村民申请4件，都没给：2件是查别人家的补偿款，2件是执法案卷", {"deny_4": 2, "deny_7": 2}),
])
def test_refused_heading_the_cases_after_it_needs_no_reason_of_its_own(said, rows):
    assert cells(said) == {("new", "natural"): 4, **{(r, "natural"): n for r, n in rows.items()}}


# ------------------------------------------------------------------ a case that came to complain: 信访举报投诉类
@pytest.mark.parametrize("said", [
    "群众4件，2件是来反映拆迁补偿问题的，转信访了，2件公开",
    "群众4件，2件其实是来反映邻居占道的，2件公开",
    "群众4件，2件是来讨说法的，2件公开",
    "群众4件，2件是反映村里矛盾的，其余2件公开",
])
def test_a_case_that_came_to_complain_is_a_petition(said):
    assert cells(said) == {("new", "natural"): 4, ("reject_1", "natural"): 2, ("open", "natural"): 2}


# ------------------------------------------------------------------ a record the law seals: 法律行政法规禁止公开
@pytest.mark.parametrize("said", [
    "群众2件，1件公开，1件是查别人的犯罪记录，依法封存，不予公开",
    "群众2件，1件公开了，另1件要的是未成年人的案底，法律规定要封存，不能给",
    "群众2件，1件公开，1件问的材料按规定封存了，没公开",
])
def test_a_record_the_law_seals_is_forbidden_by_law(said):
    assert cells(said) == {("new", "natural"): 2, ("open", "natural"): 1, ("deny_2", "natural"): 1}


# ------------------------------------------------------------------ “归X局管”, “我们镇里没有”: 本机关不掌握
@pytest.mark.parametrize("told", [
    "另1件问的是户口的事，归派出所管",
    "另1件问宅基地审批，那个是自然资源局负责",
    "另1件要的材料我们街道没有",
    "另1件问医保报销，那个咱们镇上没有，属于医保局管",
])
def test_a_case_another_office_holds_is_not_held(told):
    assert cells(f"居民2件，1件公开，{told}") == {("new", "natural"): 2, ("open", "natural"): 1, ("unable_1", "natural"): 1}


# ------------------------------------------------------------------ a kind's count said again over its results
@pytest.mark.parametrize("said", [
    "个人100件，企业30件。个人的：公开100。企业30件：公开20，不掌握10",
    "个人100件，企业30件，个人公开100件；企业30件公开20件、不掌握10件",
    "收到个人申请100件、公司30件。个人100件全部公开，公司30件：公开20，不掌握10",
])
def test_a_kind_s_count_said_again_over_its_results_is_no_more_applications(said):
    assert cells(said) == {("new", "natural"): 100, ("new", "business"): 30, ("open", "natural"): 100,
                           ("open", "business"): 20, ("unable_1", "business"): 10}


def test_a_kind_s_count_said_again_before_any_result_is_still_asked_or_added():
    out = answers.parse("t3", ["企业30件，企业又来了30件，都公开"])
    assert out.cells.get(("t3", "new", "business")) == 60


# ------------------------------------------------------------------ results under a kind's count stay when another kind's come later
@pytest.mark.parametrize("second, third", [
    ("科研机构那2件一件公开一件部分公开", "个人的100件：公开80，部分公开20"),
    ("律所的2件：1件公开，1件部分公开", "个人100件里公开80件、部分公开20件"),
    ("研究所那2件，一件公开，一件部分公开", "个人那100件，公开80，部分公开20"),
])
def test_results_said_under_a_kind_stay_that_kind_s_when_another_kind_s_follow(second, third):
    kind = "legal" if "律所" in second else "research"
    first = f"个人100件，{'律所' if kind == 'legal' else '科研机构'}2件"
    assert cells(first, second, third) == {
        ("new", "natural"): 100, ("new", kind): 2, ("open", kind): 1, ("partial", kind): 1,
        ("open", "natural"): 80, ("partial", "natural"): 20}


# ------------------------------------------------------------------ asked to supplement, never came back: 逾期不补正
@pytest.mark.parametrize("said", [
    "有个村民申请过，让他补正材料他一直没来，后来就不处理了",
    "有位居民申请过，叫他补充说明，到期也没回，就没再处理",
    "有个老乡来申请，让补正，他一直没来，不处理了",
])
def test_a_case_asked_to_supplement_that_never_came_back_is_no_none_answer(said):
    assert not answers.says_nothing_happened(said, "t3")
    assert cells(said) == {("new", "natural"): 1, ("other_1", "natural"): 1}


# ------------------------------------------------------------------ last year's carried in, said as “连去年的”, “去年剩的”
@pytest.mark.parametrize("said", [
    "个人新收20件。个人的连去年的3件：公开20，不掌握3",
    "个人新收20件，加上去年剩的3件，公开20，不掌握3",
    "个人新收20件，带上去年的3件：公开20件，不掌握3件",
])
def test_last_year_s_cases_said_with_this_year_s_are_no_new_applications(said):
    out = answers.parse("t3", [said], carried={"natural": 3})
    got = {(r, c): v for (_, r, c), v in out.cells.items() if v}
    assert got[("new", "natural")] == 20 and got[("open", "natural")] == 20 and got[("unable_1", "natural")] == 3


# ------------------------------------------------------------------ “没有转明年的”, then some carried on after all
@pytest.mark.parametrize("later", [
    "不对，公开是15，还有5件12月底收的没办完，转明年",
    "说错了，公开的是15件，另有5件还在办理",
])
def test_cases_carried_on_said_later_put_right_none_carried(later):
    first = "个人20件，公司10件。个人的：公开20。公司的都公开了。没有转明年的"
    assert cells(first, later) == {("new", "natural"): 20, ("new", "business"): 10, ("open", "natural"): 15,
                                   ("open", "business"): 10, ("carry_next", "natural"): 5}


# ------------------------------------------------------------------ a plan still being discussed: 过程性信息
@pytest.mark.parametrize("told", ["还在讨论没定稿的方案", "尚未定稿的规划", "正在研究还没定下来的办法"])
def test_a_plan_not_yet_settled_is_process_information(told):
    assert cells(f"群众3件：公开2件，{told}1件") == {("new", "natural"): 3, ("open", "natural"): 2, ("deny_6", "natural"): 1}


# ------------------------------------------------------------------ “有个村民来要……”: 一 left out, still one case
@pytest.mark.parametrize("said, row", [
    ("有个村民来要看征地补偿标准，给他公开了", "open"),
    ("有个人来问低保名单，涉及隐私没给", "deny_4"),
    ("有个居民来要看拆迁安置方案，我们这没有", "unable_1"),
    ("有名群众来查镇里的预算，给他公开了", "open"),
])
def test_one_applicant_said_without_its_numeral_is_one_case(said, row):
    assert cells(said) == {("new", "natural"): 1, (row, "natural"): 1}


# ------------------------------------------------------------------ “……，全年就这1件”: the case told is all there was
@pytest.mark.parametrize("said, row", [
    ("有一个村民来要看征地补偿标准，给他公开了，全年就这一件", "open"),
    ("有个村民来问低保名单，涉及隐私没给，今年只有这1件", "deny_4"),
    ("有个居民来要看拆迁安置方案，给他公开了，一共也就这么一件", "open"),
    ("有个村民要查他自己家的不动产登记信息，属于查询事项，全年就这1件", "deny_8"),
    ("有一个居民来要看邻居的低保材料，涉及人家隐私，不予公开，就这么一件", "deny_4"),
])
def test_a_trailing_count_of_the_case_told_adds_nothing(said, row):
    assert cells(said) == {("new", "natural"): 1, (row, "natural"): 1}


def test_a_trailing_count_not_matching_the_cases_told_is_asked():
    out = answers.parse("t3", ["有个村民来问低保名单，涉及隐私没给，今年就这2件"])
    assert out.questions or out.not_understood


# ------------------------------------------------------------------ “公开了怕引发上访”: disclosing supposed is a reason
@pytest.mark.parametrize("later, row", [
    ("不公开那件涉及社会稳定，要是公开出去怕引起群体性事件", "deny_3"),
    ("没公开那个是因为一旦公开会危及公共安全", "deny_3"),
    ("不公开的那件，如果给了，可能导致群访", "deny_3"),
    ("不公开那件是别人的病历，给了会侵犯人家隐私", "deny_4"),
])
def test_what_disclosing_would_bring_about_is_the_reason_not_a_result(later, row):
    got = cells("个人申请2件，1件公开，1件不公开", later)
    assert got == {("new", "natural"): 2, ("open", "natural"): 1, (row, "natural"): 1}


@pytest.mark.parametrize("said", ["个人申请2件，1件公开，1件是来上访的", "群众申请2件，1件公开，另1件其实是上访反映问题"])
def test_a_case_come_to_petition_is_still_a_petition(said):
    assert cells(said)[("reject_1", "natural")] == 1
