"""What a clerk says lands in its section (issue #28, items 2 and 5): a run-on answer typed without commas that ends on
a shortcoming gives 五 that clause only (what was done stays in its part of 一, never an empty heading); a shortcoming
found and put right at once is no problem; a shortcoming announced empty (“有一点不足，……”) is the one told after it;
this year's problem told inside the follow-up of last year's goes to this year's problems with the measure told with
it; a problem told in 一 and again in 五 in other words is offered once, with the clerk's measure and every
shortcoming the clerk named."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.improvements import Proposal, not_offered, same_problem
from gkassist.dialogue.kinds.improvements import _split
from gkassist.dialogue.sentences import compose_answer


def township():
    return Report.blank("2021", "青岚县石桥镇人民政府", 2021, level="township")


def last_years():
    return Report.blank("2021", "青岚县石桥镇人民政府", 2020, level="township",
                        sections={"problems": ["存在的问题：一是公开内容不够全面；二是公开形式较为单一。"]})


@pytest.mark.parametrize("said, kept, shortfall", [
    ("全年在县政府网站发布信息120条然后社区公开栏每月更新然后还有就是个别社区公开栏换得不及时",
     ["120条", "社区公开栏每月更新"], "个别社区公开栏更新不够及时"),
    ("公众号全年推送80期还有网站栏目调整了2个然后有的栏目更新比较慢",
     ["80期", "2个"], "部分栏目更新不够及时"),
    ("召开专题会议3次然后开展培训2次再就是村务公开栏有的村贴得不太及时",
     ["3次", "2次"], "村务公开栏部分村张贴更新不够及时"),
])
def test_a_run_on_answer_gives_five_only_the_clause_that_tells_a_shortcoming(said, kept, shortfall):
    composed = compose_answer(said, township(), plans=True)
    assert all(k in composed.text for k in kept)  # what was done stays in its part: the heading is never left empty
    assert composed.shortfalls == [shortfall]  # no fact of 一 printed as a problem


@pytest.mark.parametrize("said", [
    "年底检查发现2个社区没及时更新都让补上了",
    "开展自查1次，抽查发现5个村没按时公开并督促补上了",
    "纳入考核然后年底检查了一次然后发现3个村没按时更新均已要求整改",
])
def test_a_shortcoming_found_and_put_right_at_once_is_no_problem(said):
    composed = compose_answer(said, township(), plans=True)
    assert composed.shortfalls == []
    assert "检查" in composed.text or "自查" in composed.text


@pytest.mark.parametrize("said, shortfall", [
    ("有一点不足，受理登记还是纸质台账", "受理登记仍采用纸质台账"),
    ("全年办结申请4件。存在一些问题，答复文书还是手写的", "答复文书仍为手工填写"),
    ("均按期答复。就是有点小问题，签收还是手工登记，查起来不方便", "签收仍采用手工登记，查询不够便捷"),
])
def test_a_shortcoming_announced_empty_is_the_one_told_after_it(said, shortfall):
    composed = compose_answer(said, township(), plans=True)
    assert len(composed.shortfalls) == 1 and composed.shortfalls[0].startswith(shortfall)
    assert not any(w in composed.shortfalls[0] for w in ("不足", "问题", "有一点", "有点"))
    assert "还是" not in composed.text  # nothing of it left in 一


@pytest.mark.parametrize("said, problem, measure", [
    ("去年的问题都整改了然后公开目录补齐了还有今年的问题就是网站更新偏慢然后明年打算每周更新两次",
     "网站更新不够及时", "每周更新2次"),
    ("去年那两个问题基本都解决了然后内容不全的补了12项还有今年存在的问题是村里报信息慢然后明年准备按月通报",
     "报送信息不够及时", "按月通报"),
    ("去年说的形式单一，今年开了公众号；另外今年的不足是公众号推送少，下一步计划每月推送4期",
     "公众号推送少", "每月推送4期"),
    ("去年说的形式单一，今年开了公众号。然后申请那个答复书格式不统一的毛病，打算明年出个统一模板",
     "答复书格式不统一", "制定统一模板"),
])
def test_this_years_problem_told_in_the_follow_up_is_this_years_with_its_measure(said, problem, measure):
    followup, named, _, intents = _split(said, township(), last_years())
    assert [(problem in p.problem, p.improvement, p.proposed) for p in named] == [(True, measure, False)]
    assert problem[:4] not in followup and measure[:4] not in followup  # never in the 整改 paragraph
    assert intents == []


@pytest.mark.parametrize("in_one, in_five", [
    ("依申请公开方面，受理登记仍为纸质台账，查询不便", "依申请受理登记仍为纸质台账"),
    ("依申请公开方面，答复文书格式不太统一，1件签收单仍为手写", "依申请答复文书不统一"),
    ("平台建设方面，部分村公开栏更新不够及时", "有的村公开栏更新不够及时"),
])
def test_a_problem_told_in_one_and_again_in_five_is_offered_once_with_the_clerks_measure(in_one, in_five):
    assert same_problem(in_one, in_five)
    offered = [Proposal("requests_gap", in_one, "逐项列出整改清单", general=True, proposed=True)]
    new = not_offered(offered, [Proposal("own", in_five, "2026年上半年建立电子台账")])
    assert new == [] and offered[0].improvement == "2026年上半年建立电子台账" and not offered[0].general


@pytest.mark.parametrize("a, b", [
    ("网站更新不及时", "公开栏更新不及时"),
    ("受理登记仍为纸质台账", "政策解读形式较为单一"),
    ("信息员业务不够熟练", "答复文书格式不够统一"),
])
def test_different_problems_stay_apart(a, b):
    assert not same_problem(a, b)


def test_the_shortcomings_told_in_five_beside_the_one_offered_are_kept():
    offered = [Proposal("proactive_gap", "主动公开方面，群众最关心的核心内容解读还不够深入", "", proposed=True)]
    told = Proposal("own", "公开内容不够精准、解读还不够深入，线上线下联动不够紧密", "梳理重点领域应公开的内容")
    assert not_offered(offered, [told]) == []
    problem = offered[0].problem
    assert "公开内容不够精准" in problem and "线上线下联动不够紧密" in problem and problem.count("解读") == 1


def test_the_clerks_measure_taken_for_a_problem_offered_is_never_shown_as_a_proposal():
    offered = [Proposal("requests_gap", "依申请公开方面，受理登记仍为纸质台账，查询不便", "逐项列出整改清单", general=True, proposed=True)]
    not_offered(offered, [Proposal("own", "依申请受理登记仍为纸质台账", "上半年建立电子台账")])
    assert offered[0].problem == "依申请公开方面，受理登记仍为纸质台账，查询不便"  # told again: not added twice
    assert offered[0].improvement == "上半年建立电子台账" and not offered[0].proposed


@pytest.mark.parametrize("measure, written", [
    ("上半年建立电子台账", "下一步，将于2026年上半年建立电子台账。"),
    ("2026年底前统一答复文书模板", "下一步，将于2026年底前统一答复文书模板。"),
    ("每月检查一次", "下一步，将每月检查一次。"),
])
def test_a_measure_told_with_its_time_is_done_at_it(measure, written):
    from gkassist.dialogue.improvements import proposals_paragraph

    assert written in proposals_paragraph([Proposal("own", "受理登记仍为纸质台账", measure)], 2025)


@pytest.mark.parametrize("said", [
    "今年关了不规范的网站1个、新媒体2个",
    "全年关停僵尸账号的公众号3个",
    "清理整合了不规范的新媒体平台2个",
])
def test_closing_what_was_not_kept_up_is_work_done_not_a_problem(said):
    composed = compose_answer("政务公开纳入绩效考核；" + said, township(), plans=True)
    assert composed.shortfalls == []
    assert re.search(r"[0-9]个", composed.text)  # the closures stay in 一 as work done


@pytest.mark.parametrize("told, problems, measures", [
    ("不足三条：队伍建设要加强；答复质量要提；平台互动不够。下一步：1是多搞业务指导和培训；2是答复前做合法性审查；3是优化互动模块",
     ["队伍建设有待加强", "答复质量有待提高", "平台互动不够"], ["多开展业务指导和培训", "答复前做合法性审查", "优化互动模块"]),
    ("问题：1是人手不够；2是栏目更新慢。措施：2是每周更新一次栏目；1是再配1名信息员",
     ["工作力量不足", "栏目更新不够及时"], ["再配1名信息员", "每周更新一次栏目"]),
])
def test_measures_numbered_the_spoken_way_go_with_their_problems(told, problems, measures):
    _, named, _, intents = _split(told, township())
    assert [p.improvement for p in named] == measures and intents == []
    assert all(a in p.problem for a, p in zip(problems, named))
    assert not any(re.match(r"[1-6]是", p.improvement) for p in named)


def test_the_clerks_problem_and_measure_for_what_the_figures_show_are_kept():
    figures = [Proposal("corrected", "本年度因政府信息公开被申请行政复议后被纠正6件", "对被纠正的案件逐案复盘", proposed=True)]
    told = Proposal("own", "依申请答复质量有待提高", "答复前做合法性审查")
    assert not_offered(figures, [told]) == []
    assert figures[0].problem.endswith("被纠正6件，依申请答复质量有待提高")
    assert figures[0].improvement == "答复前做合法性审查" and not figures[0].proposed


@pytest.mark.parametrize("said", ["有的专栏更新慢，这个还没想好怎么弄", "部分专栏更新慢，还没想好咋办"])
def test_no_measure_found_yet_is_no_part_of_the_problem(said):
    composed = compose_answer("开设专栏5个。" + said, township(), plans=True)
    assert len(composed.shortfalls) == 1 and "想好" not in composed.shortfalls[0]
