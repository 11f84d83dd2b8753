"""An everyday verb is turned by the thing it is done to, in a report's order (verb, thing, count), and a note that
names things done with no verb gets the verb they take (prompts/lexicon.yaml `done_to`).  What is left out of that
order is shown as still spoken, never printed half-rewritten."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer, is_spoken


def bureau():
    return Report.blank("2021", "青岚县交通运输局", 2025, level="department")


def town():
    return Report.blank("2021", "青岚县白水镇人民政府", 2025, level="township")


# what a report never prints once this family is turned
EVERYDAY = re.compile(r"弄|搞|挂|上挂|往上|随时推|来弄|补上|[0-9]块社区|也更新|又梳理|上线[0-9一]次|(?<![召开])开了|整改[0-9]+个")


def composed(said, report=None):
    c = compose_answer(said, report or bureau())
    return c.text, c.spoken


@pytest.mark.parametrize("said, written", [
    ("档案清理搞了三轮", "开展档案清理3轮"),
    ("业务培训弄了4次", "开展业务培训4次"),
    ("推进会开了两场", "召开推进会议2场"),
    ("巡查发现的问题整改了七个", "整改巡查发现的问题7个"),
    ("年中督查也搞了2次", "年中开展督查2次"),
    ("座谈会、通气会一共开了6场", "共召开座谈会、通气会6场"),
])
def test_a_thing_said_before_its_verb_is_written_verb_thing_count(said, written):
    text, spoken = composed(said)
    assert written in text and spoken == [] and not EVERYDAY.search(text), text


@pytest.mark.parametrize("said, written", [
    ("新装了3台查询机", "新安装查询机3台"),
    ("又搞了个政务视频号", "开通政务视频号"),
    ("弄了一张公开事项清单", "制定公开事项清单"),
    ("定了一套审核流程", "制定审核流程"),
    ("上了两次电视台", "参加电视台访谈2次"),
    ("各村新做了4块宣传栏", "各村新建宣传栏4块"),
    ("按上级要求出了个责任分解表", "制定责任分解表"),
    ("开了2个专栏", "开设专栏2个"),
    ("今年加了一块显示屏", "新安装显示屏"),
])
def test_an_empty_verb_before_its_thing_is_the_verb_the_thing_takes(said, written):
    text, spoken = composed(said, town())
    assert written in text and spoken == [] and not EVERYDAY.search(text), text


@pytest.mark.parametrize("said, written", [
    ("问卷调查2期、意见征集3期", "开展问卷调查2期、意见征集3期"),
    ("法治讲座三场", "开展法治讲座3场"),
    ("主动公开了80条，应急演练2次", "开展应急演练2次"),
])
def test_things_done_named_with_no_verb_get_the_verb_they_take(said, written):
    text, spoken = composed(said)
    assert written in text and spoken == [], text


@pytest.mark.parametrize("said, written", [
    ("市里检查2次，问题3个，都已整改", "接受市级检查2次"),  # done by another: no 开展
    ("年中又自查了2次", "开展自查2次"),  # a report's verb said already
    ("定期开展培训", "定期开展培训"),  # 定期 is no verb 定
    ("每月定期开展集中排查", "定期开展集中排查"),
    ("上次会议部署了任务", "上次会议部署"),
])
def test_what_is_already_in_a_reports_order_or_done_by_another_is_not_turned_again(said, written):
    text, _ = composed(said)
    assert written in text and "开展开展" not in text and "开展接受" not in text, text


@pytest.mark.parametrize("said, written", [
    ("领导分工信息也更新了", "更新领导分工信息"),
    ("办事服务、互动交流这几个栏目都补了内容", "办事服务、互动交流等栏目均补充相关内容"),
    ("目录又理了一遍", "梳理政府信息公开目录"),
    ("工作动态随时推", "及时推送工作动态"),
    ("网站栏目都调整了", "调整网站栏目"),
    ("群众评议也接受了", "接受群众评议"),
    ("人员也补了", "补充人员"),
])
def test_a_verb_said_after_its_thing_comes_before_it(said, written):
    text, spoken = composed(said)
    assert written in text and spoken == [] and not EVERYDAY.search(text), text


@pytest.mark.parametrize("said, written", [
    ("市政务服务网的120个事项都挂上去了", "120个事项均已在市政务服务网公开"),
    ("政务服务平台上的35项事项全公开了", "35项事项均已在政务服务平台公开"),
    ("主要是通知公告，局栏目上挂", "通过局栏目公开"),
    ("政策原文和解读放在一起", "政策原文与解读同步发布"),
    ("按谁主管谁负责来弄", "按照“谁主管、谁负责”原则开展"),
    ("每周查一次网站，发现问题立马纠正", "发现问题及时整改"),
    ("纳入了年度绩效考核", "将政务公开工作纳入年度绩效考核"),
    ("纳入年底考评", "将政务公开工作纳入年终考评"),
    ("还加了各村微信群推送", "新增各村微信群推送渠道"),
    ("工作群里及时提醒", "通过工作群及时提醒"),
])
def test_a_whole_spoken_phrase_of_what_was_done_is_written_as_a_report_says_it(said, written):
    text, spoken = composed(said)
    assert written in text and spoken == [], text


@pytest.mark.parametrize("said, written", [
    ("服务大厅装了2块电子屏，政策通知都往上推", "政策通知等均通过电子屏发布"),
    ("各村新做了公开栏，惠民政策也往上贴", "惠民政策等均通过公开栏发布"),
])
def test_up_there_points_at_the_thing_named_before(said, written):
    text, spoken = composed(said, town())
    assert written in text and spoken == [] and "往上" not in text, text


@pytest.mark.parametrize("said, written", [
    ("镇栏目新开了3个专栏，乡村振兴、防汛和党建", "新开设乡村振兴、防汛、党建3个专栏"),
    ("新开了2个专栏，分别是民生和环保", "新开设民生、环保2个专栏"),
])
def test_the_names_said_after_a_count_of_columns_go_before_it(said, written):
    text, _ = composed(said, town())
    assert written in text, text


@pytest.mark.parametrize("said", ["户籍专栏发了31条", "专栏发了20篇"])
def test_a_count_that_does_not_fit_the_thing_is_not_its_count(said):
    text, _ = composed(said)
    assert "开设" not in text, text  # 条 in a column are information published there, not columns


@pytest.mark.parametrize("left", [
    "培训开展2次。",
    "问题整改5个。",
    "机构职能信息也更新。",
    "通知随时推。",
    "通知都往上推。",
    "镇栏目上挂。",
    "新发布5块电子屏。",
])
def test_what_is_left_out_of_a_reports_order_is_marked_as_still_spoken(left):
    assert is_spoken(left)


@pytest.mark.parametrize("published", [
    "开展培训2次。", "整改问题5个。", "更新机构职能信息。", "及时推送工作动态。", "新安装电子屏5块。",
    "每月检查一次。", "通过镇栏目公开。",
])
def test_a_reports_own_order_is_not_marked(published):
    assert not is_spoken(published)


@pytest.mark.parametrize("said, written", [
    ("主要是预算的、采购的均有", "涉及预算、采购等方面"),
    ("问的东西，户籍的、出入境的全有", "涉及户籍、出入境等方面"),
])
def test_a_list_of_kinds_all_met_is_what_the_matters_concern(said, written):
    text, spoken = composed(said)
    assert written in text and "都有" not in text and spoken == [], text
