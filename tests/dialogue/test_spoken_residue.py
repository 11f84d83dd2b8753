"""Spoken residue that is not a verb (issue #28), each family in several phrasings: a part named as a topic with
its particle (“网站呢？”, “管理这块：”, “申请的话，”) is never printed; a list closed by 这些/那些/啥的 or told as
“……的、……的都有” is put in a report's list form; a part pointed at (“光……就”, “其他的N条”, “……几个栏目”) is
“其中”/“其他类”/“等”; a filler inside a sentence (“那个，”, “这个还得抓”) goes; a count is written in digits alike and
never vaguer than said, nor made up (“好几次” is 多次, never a number)."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer, normalized, spoken_counts_in_digits

SPOKEN = re.compile(r"呢|嘛|的话|这块|那块|那些|这些|啥的|什么的|之类|光[^明荣彩]|其他的|好几|那个|这个|一两|几个栏目|方面[，：]")


def bureau():
    return Report.blank("2021", "青岚县市场监督管理局", 2025, level="department")


def town():
    return Report.blank("2021", "青岚县河西镇人民政府", 2023, level="township")


def printed(said: str, report: Report | None = None) -> str:
    composed = compose_answer(said, report or town())
    assert not composed.spoken, composed
    return composed.text


@pytest.mark.parametrize("said, written", [
    ("公众号呢？在镇公众号推了52条。", "镇微信公众号推送52条"),
    ("公告栏呢，各村公告栏贴了24期。", "各村公告栏"),
    ("网站的话，县政府网站我镇专栏发了61条。", "县政府网站"),
    ("专栏嘛：乡村振兴专栏发了18篇。", "乡村振兴专栏"),
])
def test_a_topic_its_sentence_names_again_is_not_printed(said, written):
    text = printed(said)
    assert written in text and not SPOKEN.search(text), text


@pytest.mark.parametrize("said, written", [
    ("管理呢？党政办负责审核，发之前分管领导签字。", "党政办负责审核"),
    ("监督这块：开了3次专题会，搞了2次培训。", "召开3次专题会议"),
    ("平台建设方面，镇栏目新开了2个专栏，便民服务和乡村振兴。", "新开设便民服务、乡村振兴2个专栏"),
    ("政府信息管理方面，办公室统一审核，那个，发布前要过两道关。", "发布前须经两道审核"),
    ("信息管理的话，目录又梳理了一遍。", "梳理"),
])
def test_a_topic_that_names_the_part_of_the_report_goes(said, written):
    text = printed(said)
    assert written in text and not SPOKEN.search(text), text
    assert not re.match(r"^(?:管理|监督|平台|政府信息管理|信息管理)", text), text


@pytest.mark.parametrize("said, count", [
    ("依申请呢？今年就3件，都是问征地补偿的，都按期回复了。", "3件"),
    ("申请的话，一共七件，都在期限内回的。", "7件"),
    ("依申请这块：全年一共5件，均已办结。", "5件"),
])
def test_applications_named_as_a_topic_are_counted_as_a_report_counts_them(said, count):
    text = printed(said)
    assert text.startswith("我镇全年共收到政府信息公开申请" + count), text
    assert not SPOKEN.search(text), text


@pytest.mark.parametrize("said, written", [
    ("网站上发了六十八条，就业、医保、养老这些。", "主动公开信息68条，主要涵盖就业、医保、养老等内容"),
    ("公众号推了90多条，防汛、秸秆禁烧、征兵啥的。", "90余条，主要涵盖防汛、秸秆禁烧、征兵等内容"),
    ("网站发布40条，惠民资金、项目建设之类的。", "40条，主要涵盖惠民资金、项目建设等内容"),
])
def test_a_list_closed_by_a_tail_word_is_in_a_reports_list_form(said, written):
    text = printed(said)
    assert written in text, text
    assert not SPOKEN.search(text), text


@pytest.mark.parametrize("said, written", [
    ("申请一共6件，低保的、宅基地的、征地的都有。", "涉及低保、宅基地、征地等"),
    ("收到申请9件，企业登记的、食品许可的、行政处罚的、抽检结果的都有，都按时答复了。",
     "涉及企业登记、食品许可、行政处罚、抽检结果等"),
])
def test_kinds_told_one_by_one_are_listed_as_a_report_lists_them(said, written):
    text = printed(said, bureau())
    assert written in text and "的都有" not in text and "的、" not in text, text


@pytest.mark.parametrize("said, written", [
    ("公众号发了300多条，光防疫那个栏目就120多条。", "300余条，其中防疫栏目120余条"),
    ("网站发了80条，光通知公告就30条。", "80条，其中通知公告30条"),
    ("主动公开98条，政策文件类20条、财政资金类18条，其他的60条。", "98条，其中政策文件类20条、财政资金类18条、其他类60条"),
    ("全年公开150条，规划类30条、项目类20条、其他75条。", "150条，其中规划类30条、项目类20条、其他类75条"),
])
def test_a_part_pointed_at_is_written_as_part_of_the_count(said, written):
    text = printed(said, bureau())
    assert written in text, text
    assert not SPOKEN.search(text), text


@pytest.mark.parametrize("said, written", [
    ("便民服务、办事指南、政策问答几个栏目都补了内容。", "便民服务、办事指南、政策问答等栏目均补充相关内容"),
    ("还搞了政策宣讲、法治讲座这些活动，加上跟商户的座谈会，一共12场。", "开展政策宣讲、法治讲座等活动及商户座谈会共12场"),
    ("线下还办了以旧换新、消费券这些宣传，加上和企业的恳谈会，总共8来场。", "线下开展以旧换新、消费券等宣传及企业恳谈会共8余场"),
])
def test_a_list_of_activities_or_columns_is_closed_by_等(said, written):
    text = printed(said, bureau())
    assert written in text, text


@pytest.mark.parametrize("said, written", [
    ("专题会开了一次、培训搞了三次。", "召开专题会议1次、开展培训3次"),
    ("工作会开了两次，培训办了一次。", "召开工作会议2次，开展培训1次"),
    ("巡查发现的问题整改了四个。", "整改巡查发现的问题4个"),
    ("民意征集2期、网上调查1期。", "开展民意征集2期、网上调查1期"),
])
def test_counts_are_written_in_digits_alike_and_after_their_verb(said, written):
    text = printed(said)
    assert written in text, text


@pytest.mark.parametrize("said", ["每季度排查一次，每月检查2次。", "每周巡查一次，全年巡查52次。"])
def test_how_often_stays_a_word(said):
    assert "一次" in compose_answer(said, town()).text


@pytest.mark.parametrize("said, written, never", [
    ("开了好几次会部署，人手也补了一下。", "多次召开会议部署，充实工作人员", "好几"),
    ("督查好几次，都整改了。", "督查多次", "好几"),
])
def test_a_vague_count_is_never_made_a_figure(said, written, never):
    text = compose_answer(said, town()).text + "".join(compose_answer(said, town()).spoken)
    assert written in text and never not in text, text
    assert not re.search(r"[0-9]次", text), text   # no number the clerk did not say


@pytest.mark.parametrize("said, digits", [
    ("整改了五个。", "整改了5个。"), ("关停了三个，", "关停了3个，"), ("问题一共两个。", "问题一共2个。"),
])
def test_a_count_of_个_that_ends_its_clause_is_in_digits(said, digits):
    assert spoken_counts_in_digits(said) == digits


@pytest.mark.parametrize("said", ["两个村", "弄了一个专区", "三个专栏都开了", "整改了一个。"])
def test_a_numeral_of_个_inside_a_phrase_stays_a_word(said):
    assert spoken_counts_in_digits(said) == said


@pytest.mark.parametrize("said, problem", [
    ("网站专栏有的更新不及时，这个还得抓。", "这个"),
    ("公开栏换得慢，这块得加强。", "这块"),
    ("就是解读做得少，这个要抓紧。", "这个"),
])
def test_a_remark_that_adds_nothing_to_a_shortcoming_is_dropped(said, problem):
    composed = compose_answer("通过镇政府网站主动公开信息48条。" + said, town())
    assert composed.shortfalls and not any(problem in s or "抓" in s for s in composed.shortfalls), composed


@pytest.mark.parametrize("said, written", [
    ("收到4件，都是我们没掌握的信息，都按时答复了。", "均为本机关不掌握的信息"),
    ("依申请呢？就2件，1件公开了，1件我们这没有，都按期回复了。", "1件予以公开，1件为本机关不掌握的信息"),
])
def test_the_unit_without_the_information_is_本机关不掌握(said, written):
    text = printed(said)
    assert written in text and "我们" not in text and "我镇没" not in text, text


@pytest.mark.parametrize("said", [
    "就是更新有时候慢，拖个一两周才挂上去。",
    "就是公告栏有时候慢，拖个两三天才贴上去。",
])
def test_a_delay_said_vaguely_goes_to_five_without_a_made_up_figure(said):
    composed = compose_answer("社区公开栏张贴20期。" + said, town())
    assert composed.shortfalls and "社区公开栏张贴20期" in composed.text, composed
    five = composed.shortfalls[0]
    assert "至" in five and "拖" not in five and "挂" not in five, five


def test_a_topic_question_that_is_not_a_part_keeps_its_topic():
    assert normalized("解读呢？发了3篇。").startswith("解读")


@pytest.mark.parametrize("said, written", [
    ("主动公开这块嗯，区政府网站一共发了320条。", "区政府网站主动公开信息320条"),
    ("平台这块门户网站改版了。", "门户网站改版"),
    ("监督呃，开了2次专题会。", "召开2次专题会议"),
])
def test_a_part_named_with_a_hesitation_is_not_printed(said, written):
    text = printed(said)
    assert written in text and not re.search(r"嗯|呃|这块|^平台|^监督|^主动公开", text), text


@pytest.mark.parametrize("said, written", [
    ("社区公开栏贴了30期，主要是医保、养老、助残那些。", "主要为医保、养老、助残等"),
    ("城乡规划、专项规划这些都在专栏发布。", "城乡规划、专项规划等"),
    ("新增了社保这些6个便民主题。", "社保等6个便民主题"),
])
def test_a_list_pointed_at_with_那些_or_这些_is_closed_by_等(said, written):
    text = compose_answer(said, town()).text + "".join(compose_answer(said, town()).spoken)
    assert written in text and "那些" not in text and "这些" not in text, text


@pytest.mark.parametrize("said, written", [
    ("分管领导开了好几次部署会，研究任务分工。", "多次召开部署会议"),
    ("今年开好几次专题会议。", "多次召开专题会议"),
])
def test_好几次_meetings_are_多次_meetings(said, written):
    assert written in compose_answer(said, town()).text


@pytest.mark.parametrize("said, problem", [
    ("有的股室定公开属性还是拿不准，这个老问题还在。", "部分股室公开属性认定仍不够准确"),
    ("有的单位判断公开属性还是吃不准。", "部分单位公开属性认定仍不够准确"),
])
def test_a_judgement_still_not_made_goes_to_five(said, problem):
    composed = compose_answer("开展培训2次；" + said, town())
    assert composed.shortfalls and composed.shortfalls[0].startswith(problem), composed
    assert "拿不准" not in composed.text and "吃不准" not in composed.text, composed


@pytest.mark.parametrize("said", ["不过呢，公开栏换得慢。", "但是呢，网站更新得慢。"])
def test_a_particle_after_the_word_that_opens_a_shortcoming_is_not_carried_to_five(said):
    composed = compose_answer("社区公开栏张贴20期。" + said, town())
    assert composed.shortfalls and not re.match(r"[，,呢]", composed.shortfalls[0]), composed


@pytest.mark.parametrize("said", ["另外呢，培训2次。", "然后呢，培训2次。", "我们呢，培训2次。"])
def test_a_connector_with_呢_is_never_taken_for_a_topic(said):
    text = compose_answer(said, town()).text
    assert "开展培训2次" in text and "？" not in text and "：" not in text, text


@pytest.mark.parametrize("said, written", [
    ("民生领域那块教育、医疗、养老这些一共5个领域都开了专栏。", "民生领域中，教育、医疗、养老等共5个领域均开设专栏"),
    ("重点项目这块交通、水利、城建这些都单开了专栏。", "均单独开设专栏"),
])
def test_a_whole_named_before_its_parts_is_written_as_their_whole(said, written):
    text = printed(said, bureau())
    assert written in text, text


@pytest.mark.parametrize("said, written", [
    ("乡村振兴、惠农补贴这些单开了专栏。", "单独开设专栏"),
    ("新设立了便民专栏。", "新设立便民专栏"),
    ("今年单独开设了政策解读专栏。", "单独开设政策解读专栏"),
])
def test_a_column_already_opened_in_a_reports_words_is_not_opened_twice(said, written):
    text = printed(said, bureau())
    assert written in text and "设设" not in text and "开设立" not in text, text


# ------------------------------------------------------------------ a list numbered like a report's parts
@pytest.mark.parametrize("said, items", [
    ("一、网站主动公开580条；二、新增政策解读26个；三、召开新闻发布会14场", ["580条", "26个", "14场"]),
    ("1、镇栏目公开信息90条；2、村务公开栏更新12次", ["90条", "12次"]),
    ("一、主动公开目录梳理2次。二、办事指南修改130余项。", ["2次", "130余项"]),
    ("一、受理申请120件；二、53件转下年办理", ["120件", "53件"]),
])
def test_a_list_numbered_like_a_reports_parts_is_sentences_without_the_numbers(said, items):
    text = compose_answer(said, town()).text
    assert not re.search(r"(?:^|[。；])\s*(?:[一二三四五]|[0-9])[、.．]", text), text
    sentences = [s for s in re.split(r"[。；]", text) if s]
    assert all(any(item in s for s in sentences) for item in items) and len(sentences) >= len(items), text


@pytest.mark.parametrize("said", ["培训开了二、三次", "规范性文件1.5万条；3.5万条信息公开", "一二、三月份集中更新"])
def test_numbers_in_a_sentence_are_no_list_numbers(said):
    assert normalized(said).count("。") == 0
