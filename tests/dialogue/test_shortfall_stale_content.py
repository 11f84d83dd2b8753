"""A shortcoming told in passing in 一 of content past its date still up (issue #28): “有几条办事指南过期了没及时撤”,
“失效文件一直没下架”, “过时的政策没及时清理” — it leaves the paragraph for 五 in a report's words, and its measure is
the regular clearing of out-of-date content, not a deadline ledger for publishing."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer, is_spoken, measure_for


def township():
    return Report.blank("2021", "青岚县石桥镇人民政府", 2025, level="township")


@pytest.mark.parametrize("said, problem", [
    ("就是有几个便民服务指南过期了没及时撤", "部分便民服务指南过期后未及时清理"),
    ("不过有两条招聘公告过期了还没撤下来", "2条招聘公告过期后未及时清理"),
    ("就是有些失效的通知一直没删", "部分失效的通知未及时清理"),
    ("但是栏目里作废的表格没及时下架", "栏目中作废的表格未及时清理"),
    ("另外有些过时的政策文件没有及时清掉", "部分过时的政策文件未及时清理"),
])
def test_content_past_its_date_still_up_goes_to_five(said, problem):
    composed = compose_answer("通过镇政府网站主动公开信息48条。" + said + "。", township())
    assert composed.shortfalls == [problem]
    assert composed.text == "我镇通过镇政府网站主动公开信息48条。"
    assert not is_spoken(problem)


@pytest.mark.parametrize("problem", ["部分办事指南过期后未及时撤下", "部分失效文件未及时清理", "过时信息较多"])
def test_its_measure_is_clearing_out_of_date_content(problem):
    measure = measure_for(problem, otherwise=False)
    assert "清理" in measure and "时限台账" not in measure


@pytest.mark.parametrize("said", ["过期的办事指南已经撤下来了", "失效文件都及时下架了", "撤销了2个过期的专栏"])
def test_content_taken_down_is_no_shortfall(said):
    assert compose_answer("通过镇政府网站主动公开信息48条。" + said + "。", township()).shortfalls == []
