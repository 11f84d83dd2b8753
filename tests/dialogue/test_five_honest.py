"""五 states what the clerk said and what the figures show, never a cause nor a “put right” (issue #28): a corrected
appeal is its figure and a measure; last year's follow-up is a sentence; a problem of last year's kind is said as
persisting; a 五 with no problem of this year asks for one and is never stored without it."""

import pytest

from gkassist.checks import check
from gkassist.dialogue import Engine
from gkassist.dialogue.improvements import propose
from gkassist.dialogue.kinds.improvements import _split
from gkassist.importer import import_file
from support import SEED

TABLES = ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"]


def started(tables=TABLES):
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in tables:
        engine.answer(answer)
    return engine


@pytest.mark.slow
@pytest.mark.parametrize("appeals, said, unsaid", [
    ("行政复议1件，结果纠正", "被申请行政复议后被纠正1件", "行政诉讼"),
    ("复议2件，1件维持，1件纠正", "被申请行政复议后被纠正1件", "行政诉讼"),
    ("行政诉讼1件，结果纠正", "被提起行政诉讼后被纠正1件", "行政复议"),
    ("复议3件：维持1件，纠正2件；诉讼2件，未经复议直接起诉，维持1件，纠正1件",
     "被申请行政复议、被提起行政诉讼后被纠正3件（行政复议结果纠正2件、行政诉讼结果纠正1件）", "复议中"),
])
def test_a_corrected_appeal_is_its_figure_and_a_measure_never_a_cause(appeals, said, unsaid):
    engine = started(["自然人申请2件，予以公开2件", "对", appeals, "对"])
    corrected = [p for p in propose(engine.report) if p.area == "corrected"]
    assert len(corrected) == 1
    assert said in corrected[0].problem and unsaid not in corrected[0].problem
    assert not any(w in corrected[0].problem for w in ("不足", "不规范", "说理", "程序"))  # no cause supposed
    assert "逐案复盘" in corrected[0].improvement


@pytest.mark.parametrize("said, written", [
    ("去年说公开面不广、解读形式单一。今年一是把便民信息也公开了，二是做了图解6期",
     "针对2020年度报告提出的公开面不广、解读形式单一等问题，2021年"),
    ("去年说内容不全、形式单一嘛。今年目录梳理了，公众号也开起来了", "针对2020年度报告提出的内容不全、形式单一等问题，2021年"),
    ("去年说解读形式不够丰富、人员碰到新问题处理能力不够。今年定期培训", "人员遇到新问题处理能力不够等问题，2021年"),
    ("去年说内容不全。今年按目录补齐了", "针对2020年度报告提出的内容不全的问题，2021年"),
])
def test_last_years_problems_named_join_what_was_done(said, written):
    followup, named, _, _ = _split(said, started().report)
    assert written in followup and named == []
    assert not followup.startswith("针对") or "。" not in followup.split("问题")[0]  # never a fragment first


@pytest.mark.slow
@pytest.mark.parametrize("told_at_one, persisting", [
    ("网站那边更新还是慢，有时候拖一个礼拜才挂上去", "网站更新仍不够及时"),
    ("公开栏贴得有点晚", "更新仍不够及时"),
])
def test_a_problem_of_last_years_kind_is_said_as_persisting(told_at_one, persisting):
    engine = started()
    engine.jump("overview_platform")
    engine.answer("新建公开栏5块。" + told_at_one)
    engine.answer("对")
    engine.jump("problems")
    replies = engine.answer("去年提的公开不及时，今年定了规矩，材料定稿后5个工作日内上网")
    shown = "\n".join(r.text for r in replies)
    assert persisting in shown and "5个工作日内" in shown


def test_a_shortfall_told_in_one_is_offered_in_five_and_left_out_of_one():
    engine = started()
    engine.jump("overview_proactive")
    replies = engine.answer("网站发了48条。政策解读做得还是少，一年就4篇。")
    assert replies[0].text == "将写入：（一）主动公开。我镇通过网站主动公开信息48条。"
    engine.answer("对")
    engine.jump("problems")
    replies = engine.answer("去年说形式单一。今年开了公众号")
    shown = "\n".join(r.text for r in replies)
    assert "主动公开方面，政策解读数量偏少，全年仅4篇。下一步，将" in shown


def bureau_with_no_problem():
    """A unit whose figures give no problem (applications all answered, no appeal) and whose 一 told none, at 五."""
    engine = started(["自然人申请2件，予以公开2件", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对",
                      "公开信息86条", "对", "均按期答复", "对", "逐条审查", "对", "新建公开栏5块", "对", "每季度检查一次", "对"])
    assert engine.step.id == "problems"
    return engine


@pytest.mark.parametrize("problem, written", [
    ("公开栏更新不及时", "一是公开栏更新不及时。下一步，将"),
    ("政策解读做得少，明年每季度至少1篇", "一是政策解读数量偏少。下一步，将每季度至少1篇"),
])
def test_five_with_only_last_years_follow_up_asks_once_for_a_problem(problem, written):
    engine = bureau_with_no_problem()
    replies = engine.answer("去年说形式单一。今年开了公众号")
    assert replies[-1].kind == "error" and "请说一个今年确实存在的具体问题" in replies[-1].text
    replies = engine.answer(problem)
    assert written in "\n".join(r.text for r in replies)
    engine.answer("对")
    assert written in engine.report.sections["problems"][-1]


def test_five_is_never_stored_without_a_problem_of_this_year():
    engine = bureau_with_no_problem()
    engine.answer("去年说形式单一。今年开了公众号")
    replies = engine.answer("对")  # no problem told: 五 is left unfinished, the follow-up kept, and the flow goes on
    assert "先不保存" in replies[0].text and engine.step.id != "problems"
    assert not engine.report.paragraphs("problems")
    # 六's answer given now is 六's, never read as 五's problem
    assert engine.step.id == "other"
    engine.answer("没有，收费也没收")
    engine.answer("对")
    engine.answer("党政办，电话0431-12345678，地址镇政府大楼，网站德惠市人民政府网站")
    engine.answer("对")
    assert engine.step.id == "problems" and "开通微信公众号" in "\n".join(engine.pending.paragraphs)
    engine.answer("信息员是兼职的，业务不熟")
    engine.answer("对")
    assert "信息员为兼职" in engine.report.sections["problems"][-1] or "兼职" in engine.report.sections["problems"][-1]
    assert "SECTION5-EMPTY" not in [f.rule for f in check(engine.report)]


def test_the_next_questions_answer_while_five_asks_moves_on():
    engine = bureau_with_no_problem()
    engine.answer("去年说形式单一。今年开了公众号")
    engine.answer("人大建议2件，收费没有")  # plainly 六's: 五 is left unfinished and this is 六's answer
    assert engine.step.id == "other" and "办理人大代表建议2件" in engine.pending.paragraphs[0]


@pytest.mark.parametrize("part, told, filed", [
    ("overview_platform", "今年开了公众号。解读这块搞得少，知道是短板", "主动公开方面，政策解读数量偏少"),
    ("overview_oversight", "培训1次。图解做得比较少，全年只做了2期", "主动公开方面，图解数量偏少，全年仅2期"),
    ("overview_proactive", "网站发了48条。公众号更新得有点慢", "平台建设方面，微信公众号更新不够及时"),
    ("overview_platform", "网站那边更新还是慢", "平台建设方面，网站更新不够及时"),
])
def test_a_shortfall_is_filed_under_the_part_it_speaks_of(part, told, filed):
    engine = started()
    engine.jump(part)
    engine.answer(told)
    engine.answer("对")
    assert [p.problem for p in propose(engine.report) if p.area != "no_requests"] == [filed]


@pytest.mark.parametrize("said", ["都在时限里回复，没有超期", "都按时答复了，莫得超期", "全年无一件逾期"])
def test_no_overdue_reply_is_no_problem_for_five(said):
    engine = started(["自然人申请2件，予以公开2件", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"])
    engine.jump("overview_requests")
    engine.answer(said)
    engine.answer("对")
    assert [p.area for p in propose(engine.report)] == []


@pytest.mark.parametrize("told_at_one, told_at_five", [
    ("政策解读弄了4篇，说实话还是少，群众看不太懂的东西还没讲透", "今年的问题是政策解读太少"),
    ("政策解读做得还是少，一年就4篇", "不过解读做得少"),
])
def test_a_shortfall_told_in_one_and_more_briefly_in_five_is_offered_once(told_at_one, told_at_five):
    engine = started()
    engine.jump("overview_proactive")
    engine.answer(told_at_one)
    engine.answer("对")
    engine.jump("problems")
    engine.answer("去年说形式单一，今年开了公众号。" + told_at_five)
    problems = [p.problem for p in engine.pending.proposals]
    assert sum("解读数量偏少" in p for p in problems) == 1, problems
