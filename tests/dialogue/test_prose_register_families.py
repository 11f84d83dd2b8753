"""The register of 一（一）–（五）, by family (issue #28, probes 20–21): asides, judgement tails, the stock lead
“依申请就是…N件”, everyday verbs of the work, 照常/还是 of what is kept up and 区里/市里 for the body above are each
written as a published report — never half-rewritten, never left for the clerk — and a judgement that tells a
shortcoming goes to 五 and leaves 一.  Phrasings are other than the probes' own."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer


def bureau():
    return Report.blank("2021", "青岚县市场监督管理局", 2025, level="department")


def town():
    return Report.blank("2021", "青岚县河西镇人民政府", 2025, level="township")


SPEECH = re.compile(r"哦还有|嗯还有|还有，|对了|这个还|效果还|效果一般|老得|老要|没问题|依申请就|就是|照常|还是|"
                    r"捋|清了|核了|撤下来|撤了|补了|定了|发之前|搞|弄|印了|出了|转过来|区里|市里|县里|省里|大概")


def whole(composed):
    assert not composed.spoken, composed
    assert not SPEECH.search(composed.text), composed.text
    return composed.text


@pytest.mark.parametrize("said, written", [
    ("网站发了40条，哦还有，大厅放了2台查询机", "大厅配置2台查询机"),
    ("公众号推送85篇；嗯还有，新建了便民公开栏3个", "新建"),
    ("还有，牵头修订了2个采购管理的办法", "牵头修订2个采购管理的办法"),
    ("培训开展2次，对了，考核也纳入了", "开展培训2次"),
])
def test_an_aside_is_never_printed(said, written):
    assert written in whole(compose_answer(said, town()))


@pytest.mark.parametrize("said, kept", [
    ("做了4期短视频解读，效果还可以", "4期短视频解读"),
    ("新开设惠企政策专栏1个，反响不错", "惠企政策专栏"),
    ("规范性文件又核了一遍，没问题", "对规范性文件进行核查"),
    ("转发了上级政策30条。效果一般", "30条"),
])
def test_a_judgement_tail_is_no_sentence_of_the_report(said, kept):
    assert kept in whole(compose_answer(said, bureau()))


@pytest.mark.parametrize("said, shortfall", [
    ("召开专题会1次。有的股室对公开属性还是认不太准，这个还得练", "认定不够准确"),
    ("召开专题会1次。个别村报材料还是慢，老得催", "报送信息不够及时"),
    ("召开专题会1次。有两个站所报信息还是慢，这个我们也头疼", "报送信息不够及时"),
    ("召开专题会1次。几个专栏更新还是偏慢，这个我们自己也清楚", "更新不够及时"),
])
def test_a_shortcoming_with_its_judgement_goes_to_five_and_leaves_one(said, shortfall):
    composed = compose_answer(said, bureau())
    assert whole(composed) == "我局召开专题会议1次。" or "专题会" in composed.text, composed
    assert any(shortfall in s for s in composed.shortfalls), composed
    assert not re.search(r"认不|慢|催|头疼|清楚|练", composed.text), composed.text


@pytest.mark.parametrize("said, written", [
    ("依申请就是表里那6件，都按时答复了", "上述申请均"),
    ("申请就是前面说的那4件，都在期限内答复了", "上述申请均"),
    ("依申请这块就9件，主要问社保缴费、企业登记这些", "申请内容主要涉及社保缴费、企业登记等方面"),
    ("依申请就这2件，都是网上来的", "上述申请均通过网络提交"),
    ("依申请就是那1件，当天就答复了", "均当日答复"),
])
def test_the_count_of_applications_said_again_only_leads_what_follows(said, written):
    text = whole(compose_answer(said, bureau()))
    assert written in text and not re.search(r"[0-9]+件", text), text


@pytest.mark.parametrize("said, written", [
    ("把申请登记表又捋了一遍", "对申请登记表进行梳理"),
    ("上半年把网站上过期的通知清了一遍，撤下来12条", "上半年对网站上过期的通知进行清理"),
    ("答复书格式又统一了一下", "进一步统一"),
    ("配合县里网站改版，把本局页面补了4个栏目", "在本局页面增设4个栏目"),
    ("办公室专门定了1个信息员负责发布", "明确1名信息员"),
    ("发之前都先过一遍保密审查", "保密审查"),
    ("全年搞了3次专项检查", "开展3次专项检查"),
    ("政策文件清理也搞了2轮", "开展政策文件清理2轮"),
    ("《青岚县政府公报》印了4期", "编印4期"),
    ("上年转过来6件，年底还有2件转到明年", "上年结转6件，结转2026年度继续办理2件"),
    ("培训办了2期，各村文书大概60人参加", "约60人参加"),
])
def test_an_everyday_verb_of_the_work_is_a_reports_verb(said, written):
    assert written in whole(compose_answer(said, bureau()))


@pytest.mark.parametrize("said, written", [
    ("财政预决算还是在县政府网站上挂的", "继续在县政府网站公开"),
    ("政府采购信息照常全流程公开", "继续全流程公开"),
    ("政务公开还是纳入了年度绩效考核", "继续纳入年度绩效考核"),
    ("三审三校照常走", "严格"),
])
def test_what_is_kept_up_as_before_is_written_continued(said, written):
    assert written in whole(compose_answer(said, bureau()))


@pytest.mark.parametrize("said, written", [
    ("网站按区里要求改了版", "按照上级要求"),
    ("配合市里网站集约化，迁移栏目8个", "配合市级网站集约化"),
    ("根据县里统一部署，梳理公开目录", "按照上级统一部署"),
    ("市里统一推行了新版网站模板", "上级统一推行"),
])
def test_the_body_above_is_named_as_a_report_names_it(said, written):
    assert written in whole(compose_answer(said, bureau()))


@pytest.mark.parametrize("said, written", [
    # a list closed by “这些……的” or opened by “都是些”
    ("网站全年发了50条，主要是社保、医保、就业这些惠民的", "主要为社保、医保、就业等惠民信息"),
    ("公开栏每月更新一次，都是些救助、优抚、补贴的。", "内容主要涉及救助、优抚、补贴等"),
    # a place pointed at, a notice put up
    ("政务服务大厅那边推行了帮办代办，贴了公告", "政务服务大厅推行帮办代办，张贴公告"),
    # the office that runs it, told with no subject; who signs before a release
    ("还是综合办管，发之前先给主要领导看一遍", "政务公开工作继续由综合办负责，信息发布前须经主要领导审签"),
    # what the body above rolled out, followed by the unit
    ("县里统一弄了个新的公开平台，我们跟着把目录调了一下", "同步调整目录"),
    ("有5个社区的公开栏换成了铝合金的", "5个社区的公开栏全部更换为铝合金材质"),
    ("培训搞了3次，各站所负责人都来了，25来人", "均参加，共25余人"),
    ("便民专区上了8个主题，网上办事大厅也同步挂了办事指南", "上线8个主题，网上办事大厅同步发布办事指南"),
    ("发布照常先审核后公开", "坚持“先审查、后公开”原则"),
    ("关了2个没人维护的号", "关停无人维护账号2个"),
    ("监测每月一次，查出来的问题都改完了", "发现的问题均已整改"),
    ("信息发布照常二审，全年清了一次失效文件，撤了9件", "继续实行二审，全年对失效文件开展一次清理，撤下9件"),
    ("县里的公众号转发了25条", "县级微信公众号转发25条"),
])
def test_a_third_family_of_phrasings_is_written_whole(said, written):
    assert written in whole(compose_answer(said, town()))


@pytest.mark.parametrize("said", ["专题会开了1次，效果一般", "新开了1个专栏。效果还行", "转发了20条，效果不太明显"])
def test_a_judgement_with_no_thing_is_no_shortfall_of_its_own(said):
    composed = compose_answer(said, bureau())
    assert "" not in composed.shortfalls and not any(re.search("效果", s) for s in composed.shortfalls), composed
    assert "效果" not in composed.text, composed.text


@pytest.mark.parametrize("said, written", [
    ("新开了个企业服务专区，办事指南都挂在省网上，120项", "新开设企业服务专区，120项办事指南均在省网公开"),
    ("新开了一个政策问答栏目", "新开设政策问答栏目"),
])
def test_a_column_opened_and_matters_listed_on_a_site_are_written_whole(said, written):
    assert written in whole(compose_answer(said, bureau()))


@pytest.mark.parametrize("said, shortfall", [
    ("开了1次会。不过村里公开栏换得还是慢，有的村一个季度都不动，明年得盯紧点", "更新不够及时，部分村一个季度未更新，下一步将加强督促检查"),
    ("开了1次会。不过社区宣传栏贴得太慢，好几个社区半年都不换，2026年要盯紧一些", "部分社区半年未更新"),
])
def test_boards_renewed_too_slowly_are_a_shortfall_in_a_reports_words(said, shortfall):
    composed = compose_answer(said, town())
    assert any(shortfall in s for s in composed.shortfalls), composed
    assert not any(re.search(r"换得|贴得|不动|不换|盯紧", s) for s in composed.shortfalls), composed
