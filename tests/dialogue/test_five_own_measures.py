"""五 is the clerk's (issue #28): a shortcoming of reluctance told in passing (不积极, 不主动, 不上心, 拖拉, 敷衍 …)
is a problem for 五, never a sentence of 一; problems told as a list and measures told as a list are this year's
problems each with the clerk's own measure (never last year's rectification, never a stock measure in place of the
clerk's); problems told together with as many measures told together are paired in order."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.kinds.improvements import _split
from gkassist.dialogue.sentences import compose_answer, is_spoken


def county_office():
    return Report.blank("2021", "青岚县财政局", 2025, level="department")


@pytest.mark.parametrize("said, problem", [
    ("有几个股室报送信息不主动，催了才报", "部分股室报送信息主动性不够"),
    ("个别站所报材料拖拉", "个别站所报材料不够及时"),
    ("各村信息员对公开栏更新不上心", "各村信息员对公开栏更新重视不够"),
    ("有的科室报上来的东西拖拖拉拉的，得催好几遍", "部分科室报送信息不够及时"),
    ("部分股室对政务公开工作不积极", "部分股室对政务公开工作不积极"),
    ("有的村填报表格比较敷衍", "部分村填报表格重视不够"),
])
def test_reluctance_told_in_passing_goes_to_five(said, problem):
    composed = compose_answer("全年主动公开信息120条。" + said + "。", county_office())
    assert composed.shortfalls == [problem]
    assert "公开信息120条" in composed.text and said[:4] not in composed.text  # 一 keeps none of it
    assert not is_spoken(problem)


@pytest.mark.parametrize("said", [
    "问题嘛，一个就是刚才说的股室报送不主动",
    "问题呢，就是前面提到的股室报送不主动",
    "不足嘛，一个就是股室报送不主动",
])
def test_a_problem_introduced_the_spoken_way_keeps_only_the_problem(said):
    followup, named, spoken, _ = _split(said + "。", county_office())
    assert [p.problem for p in named] == ["股室报送主动性不够"]
    assert followup == "" and spoken == []


@pytest.mark.parametrize("said, pairs", [
    ("问题——网站更新慢；公开栏内容旧；整改——每周更新一次网站；每季度更换公开栏内容",
     [("网站更新不够及时", "每周更新一次网站"), ("公开栏", "每季度更换公开栏内容")]),
    ("存在问题：解读形式单一；答复文书不规范。改进措施：每年制作图解3期；制定答复文书范本",
     [("解读形式", "每年制作图解3期"), ("答复文书不规范", "制定答复文书范本")]),
    ("今年的问题：人手不够；措施：再配1名兼职信息员",
     [("工作力量不足", "再配1名兼职信息员")]),
])
def test_labelled_lists_are_this_years_problems_with_the_clerks_measures(said, pairs):
    followup, named, _, intents = _split(said, county_office())
    assert followup == ""  # no rectification of last year's problems is made of them: the clerk is asked for one
    assert [(p.improvement) for p in named] == [m for _, m in pairs]  # the clerk's, never a stock one
    assert all(thing in p.problem for p, (thing, _) in zip(named, pairs)) and intents == []


def test_labelled_lists_of_different_lengths_leave_the_measures_to_fit_the_problems():
    followup, named, _, intents = _split("问题——网站更新慢；公开栏内容旧；整改——每周更新一次网站", county_office())
    assert followup == "" and len(named) == 2 and intents == ["每周更新一次网站。"]


@pytest.mark.parametrize("said, pairs", [
    ("去年说的目录不全，今年补齐了；网站更新慢、人手少这俩还得弄，明年每周更新网站、再配1个信息员",
     [("网站更新不够及时", "每周更新网站"), ("工作力量不足", "再配1名信息员")]),
    ("去年的问题已整改到位。公开栏更新不及时、归档不规范这两个还得抓，明年每月换一次公开栏、编制归档目录",
     [("公开栏更新不及时", "每月更新一次公开栏"), ("归档不规范", "编制归档目录")]),
])
def test_problems_told_together_take_the_measures_told_together_in_order(said, pairs):
    followup, named, _, _ = _split(said, county_office())
    assert [(p.problem, p.improvement) for p in named] == pairs
    assert "这俩" not in followup and "还得" not in followup


def test_one_measure_for_problems_told_together_stays_whole():
    _, named, _, _ = _split("网站更新慢、人手少，明年每周更新网站。", county_office())
    assert [p.improvement for p in named] == ["每周更新网站"]


@pytest.mark.parametrize("said, done", [
    ("去年说的目录不全，今年按目录补了。", "对照目录进行补充"),
    ("去年提的清单不完整，今年照清单补上了。", "对照清单进行补充"),
])
def test_what_was_filled_in_against_a_list_is_said_in_order(said, done):
    followup, _, spoken, _ = _split(said, county_office())
    assert done in followup and "补充按" not in followup and spoken == []


@pytest.mark.parametrize("said, measure", [
    ("公开栏更新慢，明年定期查公开栏", "定期检查公开栏"),
    ("人手不够，明年再培2个信息员", "再培养2名信息员"),
    ("人手少，下一步多培训1个联络员", "再培养1名联络员"),
])
def test_a_measure_told_the_everyday_way_is_in_a_reports_words_with_the_clerks_figure(said, measure):
    _, named, _, _ = _split(said + "。", county_office())
    assert [p.improvement for p in named] == [measure]


@pytest.mark.parametrize("said, measures", [
    ("问题——答复文书不规范；解读少；措施——答复文书统一格式；多做图解解读、每年不少于6期",
     ["统一答复文书格式", "增加图解解读、每年不少于6期"]),
    ("问题：公开栏更新慢；整改：定期查公开栏", ["定期检查公开栏"]),
])
def test_measures_told_as_a_list_are_in_a_reports_words(said, measures):
    _, named, _, _ = _split(said, county_office())
    assert [p.improvement for p in named] == measures
