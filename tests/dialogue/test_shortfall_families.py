"""A shortcoming told in passing while answering 一（一）…（五） (issue #28): told by family — 少, 弱, 短板, 没弄, 拖,
两头跑, 欠缺 — with the thing it qualifies, it leaves the paragraph and goes to 五 in a report's words; a shortfall
said not to have happened (“没有超期”, “没出现……”) is none."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer, is_spoken


def township():
    return Report.blank("2021", "青岚县石桥镇人民政府", 2025, level="township")


@pytest.mark.parametrize("said, problem", [
    # 少: the thing done too little, and the figure that shows it
    ("政策解读做得还是少，一年就3篇", "政策解读数量偏少，全年仅3篇"),
    ("解读这块搞得少", "政策解读数量偏少"),
    ("图解做得比较少，全年只做了2期", "图解数量偏少，全年仅2期"),
    ("培训搞得太少", "培训数量偏少"),
    # 弱 / 短板
    ("政务新媒体这块确实弱，更新慢", "政务新媒体工作较为薄弱，更新不够及时"),
    ("解读这块搞得少，知道是短板", "政策解读数量偏少"),
    ("网站栏目还是个短板", "网站栏目较为薄弱"),
    # 没弄
    ("政策解读我们基本没弄，就转了几篇市里的，这块确实弱", "政策解读基本未开展，仅转发市级政策解读，较为薄弱"),
    ("图解基本上没搞", "图解未开展"),
    # 拖 / 慢
    ("网站更新还是慢，有时候拖一个礼拜才挂上去", "网站更新不够及时，有时延迟约一周"),
    ("通知有时候拖了一周才发出来", "通知有时延迟约一周"),
    ("有时要拖两三天才挂上去", "有时延迟约2至3天"),
    # 跑
    ("线上线下还没完全打通，企业来查东西有时候两头跑", "线上线下尚未完全实现互联互通，企业查询信息有时需线上线下往返"),
    ("办事群众有时候要来回跑", "办事群众有时需线上线下往返"),
    # 欠缺 / 不够
    ("信息员业务欠缺", "信息员业务欠缺"),
    ("说实话群众最关心的那些内容解读还不够深", "群众最关心的内容解读还不够深入"),
])
def test_a_shortfall_of_each_family_goes_to_five_in_a_reports_words(said, problem):
    composed = compose_answer("通过镇政府网站主动公开信息48条。" + said + "。", township())
    assert composed.shortfalls == [problem]
    assert composed.text == "我镇通过镇政府网站主动公开信息48条。"  # and only to 五: the paragraph keeps none of it
    assert not is_spoken(problem)


@pytest.mark.parametrize("said", [
    "收到的申请比去年少了4件",  # a comparison, no shortfall
    "全年没出现超期答复的情况",
    "全年未发生逾期答复",
    "2件申请都按时答复，无超期",
    "没有一件超期",
    "不存在超期答复",
    "公开栏贴了4期，问题不多",
])
def test_a_shortfall_said_not_to_have_happened_is_none(said):
    assert compose_answer(said + "。", township()).shortfalls == []


@pytest.mark.parametrize("said, kept, problem", [
    ("政策解读弄了4篇，说实话还是少，群众看不太懂的东西还没讲透", "发布政策解读4篇",
     "政策解读数量偏少，群众看不太懂的东西尚未讲透"),
    ("公众号推了30条，确实少", "微信公众号推送30条", "微信公众号数量偏少"),
    ("解读写了2篇，比较少", "解读2篇", "政策解读数量偏少"),
])
def test_too_few_takes_its_thing_from_the_fact_before_it(said, kept, problem):
    composed = compose_answer(said + "。", township())
    assert composed.shortfalls == [problem] and kept in composed.text
