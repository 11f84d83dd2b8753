"""Fragments said in a part of 一 without a subject or a verb (probe 22), each family turned whole the way a published
report says it, never half-rewritten and never left for the clerk: what is not published (涉密的不上), a group whose
members changed (领导小组调了人), the work put into an assessment (纳入年底考核), replies within a time and none late
(十天内回复，没超期), who applied and what they asked (个人的，问……), things counted out one by one (一个……一个……),
a filler said mid-clause (还有个 对了 ……), and a shortcoming opened “有个毛病：” or a plan “往后……” going to 五.
Phrasings are other than the probes' own."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer

SPEECH = re.compile(r"的不|调了人|调整了人|年底|没超期|没有超期|问的|[^申]请的，|一个[^是]|还有个|对了|挨个|老是|往后|有个毛病|加站|加各")


def town():
    return Report.blank("2021", "青岚县河西镇人民政府", 2024, level="township")


def whole(said):
    composed = compose_answer(said, town(), plans=True)
    assert not composed.spoken, composed
    assert not SPEECH.search(composed.text), composed.text
    return composed


@pytest.mark.parametrize("said, written", [
    ("办公室先审，敏感的一律不发", "敏感信息一律不公开"),
    ("涉密的都不挂网", "涉密信息一律不公开"),
    ("第一，分管领导审签；第二，内部的不公开", "二是内部信息一律不公开"),
    ("政务公开领导小组调整了人员", "调整政务公开领导小组成员"),
    ("工作专班也换了人，还纳入了年度考核", "将政务公开工作纳入年度考核"),
    ("纳入年底考评", "将政务公开工作纳入年终考"),
    ("都在10个工作日内回复了，没有超期的", "均在10个工作日内答复，无超期情况"),
    ("20天以内答复，没超时", "均在20天内答复，无超期情况"),
    ("就2件，个人的，问的是宅基地审批", "申请人为自然人，申请内容主要涉及宅基地审批"),
    ("内容是，一个乡村振兴，一个医保缴费，还有一个 对了 征兵公告", "公开内容包括乡村振兴、医保缴费和征兵公告"),
    ("专栏新开了3个，一个乡村振兴，一个医保缴费，一个安全生产", "乡村振兴、医保缴费、安全生产"),
    ("培训办了3次，村干部加网格员50多人", "村干部和网格员共50余人参加"),
])
def test_a_fragment_of_a_known_family_is_written_whole(said, written):
    assert written in whole(said).text


@pytest.mark.parametrize("said, shortfall, measure", [
    ("开了1次专题会。有个问题：几个站所报材料老是拖，不及时", "不够及时", ""),
    ("开了1次专题会。有个短板是部分村公开栏更新慢，往后每季度逐村查一遍", "更新不够及时", "下一步"),
])
def test_an_aside_telling_a_shortcoming_or_a_plan_goes_to_five(said, shortfall, measure):
    composed = whole(said)
    assert "专题会" in composed.text and "短" not in composed.text and "问题" not in composed.text
    assert any(shortfall in s and measure in s for s in composed.shortfalls), composed.shortfalls
    assert not any("不及时，不及时" in s or "老是" in s for s in composed.shortfalls)


def bureau():
    return Report.blank("2021", "青岚县市场监督管理局", 2025, level="department")


@pytest.mark.parametrize("said, written", [
    ("申请比上年多了6件，大多是问食品抽检结果的，没有超期的", "增加6件，主要涉及食品抽检结果，无超期情况"),
    ("说实话有几件问得比较复杂，但是都按《条例》办理", "部分申请内容较为复杂，均按《条例》办理"),
    ("网上可办事项从120项加到了135项", "由120项增至135项"),
    ("行政规范性文件也配合县司法局梳理了3轮", "配合县司法局开展行政规范性文件梳理3轮"),
    ("制作解读材料40篇，图文、视频、H5都有", "采用图文、视频、H5等多种形式"),
    ("食品安全、价格监管这些，开新闻发布会4场", "围绕食品安全、价格监管等，召开新闻发布会4场"),
])
def test_how_a_count_changed_what_was_asked_and_what_it_was_about_are_written_whole(said, written):
    composed = compose_answer(said, bureau(), plans=True)
    assert not composed.spoken, composed
    assert written in composed.text, composed.text


@pytest.mark.parametrize("said, written", [
    ("因为主要还是放在县政府网站上，所以全年加起来发了90条，财政预算、招投标、人事任免这些都有",
     "主要通过县政府网站发布信息，全年共发布信息90条，涵盖财政预算、招投标、人事任免等内容"),
    ("网站公开信息3200余条，挺多的，新增规范性文件8件也都上网了", "网站公开信息3200余条，新增规范性文件8件均已上网公开"),
    ("办理流程就是受理、审核、答复、归档一条龙", "实行受理、审核、答复、归档全流程办理"),
    ("预决算、统计公报这些也都按时上网了", "预决算、统计公报等均按时上网公开"),
])
def test_a_reason_a_judgement_and_a_flow_said_in_passing_are_written_as_facts(said, written):
    composed = compose_answer(said, bureau(), plans=True)
    assert not composed.spoken, composed
    assert written in composed.text, composed.text
    assert not re.search(r"因为|所以|挺多|一条龙|这些|都", composed.text), composed.text


def city():
    return Report.blank("2021", "青岚市人民政府", 2025, level="government")


@pytest.mark.parametrize("said, written, shortfall", [
    ("专题栏目弄了4个，全市政务新媒体目前在运维的60个。几个区的公众号更新还是磨蹭，这个还要抓", "开设专题栏目4个", "更新不够及时"),
    ("召开专题会2次。部分部门网站栏目更新磨磨唧唧的，这块还得盯紧点", "专题会", "更新不够及时"),
])
def test_a_shortcoming_said_slow_in_dialect_with_only_a_must_watch_goes_to_five(said, written, shortfall):
    composed = compose_answer(said, city(), plans=True)
    assert not composed.spoken, composed
    assert written in composed.text and not re.search(r"磨|还得|还要|盯|抓", composed.text), composed.text
    assert any(shortfall in s for s in composed.shortfalls), composed.shortfalls


@pytest.mark.parametrize("said, written", [
    ("审核上呢开了1场专题会，主要讲敏感信息怎么把握", "主要讲敏感信息把握"),
    ("食品安全、价格监管这些，开新闻发布会4场", "围绕食品安全、价格监管等，召开新闻发布会4场"),
])
def test_a_topic_said_with_a_particle_and_a_how_question_are_written_plainly(said, written):
    composed = compose_answer(said, bureau(), plans=True)
    assert written in composed.text and "围绕围绕" not in composed.text and "呢" not in composed.text, composed.text


@pytest.mark.parametrize("said, written", [
    ("政府公报，有的，4期", "政府公报4期"),
    ("政策解读，有，12篇", "政策解读12篇"),
])
def test_a_thing_asked_about_then_yes_then_its_count_is_written_with_its_verb(said, written):
    composed = compose_answer(said, city(), plans=True)
    assert not composed.spoken, composed
    assert written in composed.text and "有" not in composed.text, composed.text
