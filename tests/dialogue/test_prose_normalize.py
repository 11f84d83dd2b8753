"""A narrative answer normalized before its sentences are composed: counts in digits, a figure corrected while
speaking kept only as corrected, a run-on's connectors made sentence ends, a question the clerk asks themselves
joined to its answer, a clerk's short words spelled out — so that a new sentence of known words composes whole."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue import Engine
from gkassist.dialogue.sentences import compose_answer, normalized, spoken_counts_in_digits
from gkassist.importer import import_file
from support import SEED


def town():
    return Report.blank("2021", "青岚县白石镇人民政府", 2021, level="township")


@pytest.mark.parametrize("said, digits", [
    ("发了一百四十二条", "发了142条"),
    ("一共二十六条", "一共26条"),
    ("推了八十多篇", "推了80余篇"),
    ("来了三十几个", "来了30余个"),
    ("五十来人参加", "50余人参加"),
    ("推了150多篇", "推了150余篇"),
    ("关注的3200多人", "关注的3200余人"),
    ("十七个村", "17个村"),
    ("开了两次", "开了2次"),
    ("占五分", "占5分"),
    ("一百零五件", "105件"),
    ("两千三百条", "2300条"),
    ("收了一件", "收了1件"),
])
def test_a_count_said_in_words_is_written_in_digits(said, digits):
    assert spoken_counts_in_digits(said) == digits


@pytest.mark.parametrize("said", [
    "统一部署", "第一次会议", "一起商量", "弄了一个专区", "两个村", "审一下", "换了一批", "一件也没有",
    "十来天", "三五件", "一两周", "2万多", "一是主动公开",
])
def test_a_numeral_that_is_a_word_stays(said):
    assert spoken_counts_in_digits(said) == said


@pytest.mark.parametrize("said, kept, gone", [
    ("全年发了一百三十几条——不对，我翻了下台账是一百四十二条", "142条", "130"),
    ("挂了70条——等下，是73条", "73条", "70条"),
    ("信息员15个——不对，16个", "16个", "15个"),
    ("推了九十篇，我查了下记录是九十六篇", "96篇", "90篇"),
    ("关了3个——不对，是2个", "2个", "3个"),
    ("开了4次，等等，应该是5次", "5次", "4次"),
    # gone over again by counting rather than by the ledger (prompts/lexicon.yaml `recount`)
    ("推送了40篇，不对，重新清点了一下，是42篇", "42篇", "40篇"),
    ("办了3次，不对，我再统计了一遍是4次", "4次", "3次"),
    ("12个——错了，又点了一下，13个", "13个", "12个"),
    ("发了八十条，不对，我又数了数，是八十三条", "83条", "80条"),
])
def test_a_figure_corrected_while_speaking_keeps_only_the_correction(said, kept, gone):
    text = normalized(said)
    assert kept in text and gone not in text and "不对" not in text and "台账" not in text


@pytest.mark.parametrize("said, parts", [
    ("在网站发，然后全年发了26条", 2),
    ("目录捋了一遍，另外每条都过保密审查", 2),
    ("网站是市里建的，还有就是镇里开了公众号", 2),
    ("培训1次，再就是考核占5分，然后检查4次", 3),
    ("另外2件转给了县局", 1),  # a count, not a chain
])
def test_a_run_on_is_parted_at_its_connectors(said, parts):
    text = normalized(said)
    assert text.count("。") + (not text.endswith("。")) == parts
    assert not any(w in text for w in ("然后", "还有就是", "再就是")) and ("另外" in text) == (parts == 1)


@pytest.mark.parametrize("said, joined", [
    ("网站？发了60条。", "网站60条。"),
    ("公开栏？换了4次。", "公开栏换了4次。"),
    ("培训？1次。", "培训1次。"),
    ("考核？纳入年度考核。", "考核纳入年度考核。"),
    ("审核？党政办初审，主任签字。", "审核党政办初审，主任签字。"),
    ("要点？低保、危房改造。", "要点：低保、危房改造。"),
])
def test_a_question_the_clerk_asks_themselves_leads_its_answer(said, joined):
    assert normalized(said) == joined


@pytest.mark.parametrize("said, full", [
    ("规范文件发了1件", "行政规范性文件"),
    ("人大建议2件", "人大代表建议"),
    ("政协提案1件", "政协委员提案"),
])
def test_a_clerks_short_word_is_spelled_out_once(said, full):
    text = normalized(said)
    assert full in text and full[:2] + full not in text
    assert normalized(text) == text  # a full term is not spelled out again


@pytest.mark.parametrize("said, sentence", [
    ("主要在镇政府网站发，然后全年发了一百零二条", "全年发布102条"),
    ("网站？发了六十条。", "通过网站主动公开信息60条"),
    ("解读搞了三篇", "发布政策解读3篇"),
])
def test_a_normalized_answer_composes_whole(said, sentence):
    composed = compose_answer(said, town())
    assert sentence in composed.text and not any(sentence in s for s in composed.spoken), composed


# Each family: several phrasings a clerk may use, each composed whole into the report's wording.
@pytest.mark.parametrize("said, sentence", [
    # a board: replaced by new material, renewed so many times, put up in each village
    ("今年把8个村的公告栏都换成铝合金的了", "将8个村的公告栏全部更换为铝合金材质"),
    ("宣传栏全换成不锈钢的了", "将宣传栏全部更换为不锈钢材质"),
    ("公开栏？换了6回。", "公开栏更新6次"),
    ("公告栏一年更新了4次", "公告栏"),
    ("医保、救助这些每个月往村里公告栏贴一次", "医保、救助等信息每月在各村公告栏张贴一次"),
    ("惠民补贴、危房改造这几类每个季度往社区里宣传栏贴一次", "每季度在各社区宣传栏张贴一次"),
    # the platform the level above built
    ("网站栏目是县里统一搞的我们就负责维护", "由县级统一建设，由我镇负责日常维护"),
    ("政务网是市里统一建的，我们负责维护", "由市级统一建设，由我镇负责日常维护"),
    # an activity held so many times, who came
    ("培训搞了三次", "开展培训3次"),
    ("检查弄了两轮", "开展检查2轮"),
    ("培训办了一场，各村会计加上站所的人二十几个都来了", "各村会计及站所工作人员共20余人参加"),
    # applications: how they came, how they were answered
    ("今年来了4件，都是居民自己跑到镇里问的", "均为居民到镇现场申请"),
    ("收了2件，都是村民来问的", "全年共收到政府信息公开申请2件"),
    ("都在期限里答复了，3件给了他们材料", "均在法定期限内予以答复，3件已向申请人提供相关信息"),
    ("全在期限内回了", "均在法定期限内予以答复"),
    ("就告诉他去找县住建局了", "已告知申请人向县住建局咨询"),
    ("告诉人家找市人社局", "已告知申请人向市人社局咨询"),
    ("最长那件用了9个工作日", "最长办理时间为9个工作日"),
    # each item checked
    ("每条都过一遍保密审查", "每条信息均经保密审查"),
    ("保密审查？每条都过。", "每条信息均经保密审查"),
    ("审核每条都要过", "每条信息均经审核"),
    ("一年下来没出过岔子", "全年未出现差错"),
    # Q-A: a count after an everyday verb is the terse fact; a fee and proposals named first
    ("解读？就写了3篇。", "发布政策解读3篇"),
    ("网站？挂了50条——等下，是52条，漏了11月的。", "通过网站主动公开信息52条"),
    ("收费？没收。", "未收取信息处理费"),
    ("信息处理费？也没有。", "未收取信息处理费"),
    ("建议提案？人大建议1件，都办完了，答复也公开了。", "办理人大代表建议1件"),
    ("公众号？“白石发布”，关注的1500多人。", "关注用户1500余人"),
    # the channel information goes out through
    ("今年主要在县政府网站我们镇的专栏里发", "主要通过县政府网站我镇的专栏发布政府信息"),
    ("主要还是通过区政务网发", "主要通过区政务网发布政府信息"),
])
def test_a_family_of_phrasings_composes_whole(said, sentence):
    composed = compose_answer(said, town())
    assert sentence in composed.text and not composed.spoken, composed


@pytest.mark.parametrize("said", [
    "按目录补齐了。去年的差不多就这两条。", "按目录补齐了。上年的基本就这三条", "按目录补齐了。去年的就这两个问题了。",
])
def test_a_closing_remark_whose_count_was_said_in_words_still_says_nothing(said):
    assert compose_answer(said, town(), shortfalls=False, subject=False).text == "按目录补齐。"


@pytest.mark.parametrize("said, sentence", [
    # who is in charge of a step, who signs before a release
    ("审核还是综治办管", "审核由综治办负责"),
    ("网站是办公室管的", "网站由办公室负责"),
    ("发之前分管领导要签字", "信息发布前须经分管领导审签"),
    ("上网前得主要领导签发", "信息发布前须经主要领导审签"),
    ("审核？综合办初审，主任签字。", "信息发布实行综合办初审、主任签发"),
    # a count after what was gone through
    ("把公开目录从头捋了一遍，梳理出来36项", "梳理出36项"),
    ("目录？重新捋了，29项。", "共梳理出公开事项29项"),
    # a meeting on the work, an assessment of each village
    ("班子会专门说公开的事开了三次", "班子会议专题研究公开工作3次"),
    ("局务会专门研究公开的事开了2次", "局务会议专题研究公开工作2次"),
    ("把公开工作放进对社区里的年底考核，占十分", "纳入对各社区的年终考核，占10分"),
    # who took part in a training, and how many
    ("培训？2次，村干部50来人。", "开展培训2次，村干部共50余人参加"),
    ("各村信息员20个，都参加了", "各村信息员共20人参加"),
    # how often a check was made, what was found
    ("检查？每月查1次，全年12次。", "每月开展检查1次，全年共12次"),
    ("每季度自查一次，全年4次，查出来的问题当场就改", "每季度开展自查一次，全年共4次，发现问题即时整改"),
    ("每半年抽查一次，发现的问题马上整改", "每半年开展抽查一次，发现问题即时整改"),
    # a part of the information and its count, where it went, the forms of interpretation
    ("今年主动公开了90条，财务那块15条", "其中财务信息15条"),
    ("招标结果都推到省招标网上了", "招标结果均在省招标网公开"),
    ("政策解读搞了4篇，3篇文字的，1篇图解", "发布政策解读4篇，其中文字解读3篇，图解1篇"),
    # a case handled with care, a screen in the hall, a list of plans published, work still going on
    ("那件涉及个人隐私的我们先书面征求了本人意见", "对涉及个人隐私的申请，"),
    ("二楼大厅那块显示屏也一直在滚动播", "二楼大厅显示屏持续滚动播放政务信息"),
    ("安全生产这块，应急预案、隐患清单都挂出去了", "安全生产方面，应急预案、隐患清单均已公开"),
    ("我们指导各站所把公开目录更新了一遍，答复模板也统一了", "对公开目录进行更新，统一答复模板"),
    ("用市里的新媒体监管平台盯更新情况", "依托市级新媒体监管平台监测更新情况"),
    # last year's gap filled, a channel added
    ("今年按目录把缺的都补上了，然后开了公众号多了个渠道", "开通微信公众号，拓宽公开渠道"),
])
def test_a_second_family_of_phrasings_composes_whole(said, sentence):
    composed = compose_answer(said, town())
    assert sentence in composed.text and not composed.spoken, composed


@pytest.mark.parametrize("said, done, shortfall", [
    ("去年的问题？内容不全。整改？按目录补齐了。今年的问题？解读少。下一步？每季度至少1篇。",
     "针对2020年度报告提出的内容不全的问题，已按目录补齐", "政策解读数量偏少，下一步将每季度至少1篇"),
    ("上年的问题？形式单一。整改？开了公众号。今年的问题？公开栏更新慢。",
     "形式单一的问题，已开通", "公开栏更新"),
])
def test_five_asked_and_answered_by_the_clerk_parts_last_years_and_this_years(said, done, shortfall):
    composed = compose_answer(said, town(), shortfalls=True, subject=False)
    assert done in composed.text and any(shortfall in s for s in composed.shortfalls), composed


@pytest.mark.parametrize("said, words", [
    ("两个村的公开栏换得不及时，拖了快一个月才贴上", "延迟近一个月"),
    ("有的社区公告栏贴得不及时，拖了半个月才换", "延迟约半个月"),
    ("几份合同发得不及时，拖了将近两周才挂上", "延迟近两周"),
])
def test_a_delay_told_in_passing_goes_to_five_in_a_reports_words(said, words):
    composed = compose_answer(said, town())
    assert any(words in s and "拖" not in s for s in composed.shortfalls), composed


@pytest.mark.parametrize("said, measure", [
    ("有的村公告栏更新慢，下一步将每月抽查一次，解读每季度至少2篇", "，解读每季度至少2篇"),
    ("公众号更新不及时，明年要安排专人，每周至少推送3条", "安排专人，每周至少推送3条"),
    ("信息员业务不熟，下一步将组织培训，年底前再考1次", "组织培训，年末前再考1次"),
])
def test_a_measure_told_with_a_shortcoming_keeps_all_its_clauses(said, measure):
    composed = compose_answer(said, town())
    assert composed.text == "" and any(s.endswith(measure) for s in composed.shortfalls), composed


@pytest.mark.parametrize("said, sentence", [
    ("考核？公开纳入村年度考核。", "将政务公开工作纳入村年度考核"),
    ("公开工作纳入社区考核", "将政务公开工作纳入社区考核"),
    ("申请？全年4件，个人3件、企业1件。", "全年共收到政府信息公开申请4件"),
    ("依申请？一共7件。", "全年共收到政府信息公开申请7件"),
    ("重点？低保、危房改造。", "重点公开低保、危房改造"),
    ("重点内容？征地补偿、医保缴费。", "重点公开征地补偿、医保缴费"),
    ("收费定价开了听证会，结果也上网了", "结果均已公开"),
    ("人大建议1件，答复也公开了", "办理结果均已公开"),
])
def test_a_topic_the_answer_counts_or_lists_is_composed_with_it(said, sentence):
    composed = compose_answer(said, town())
    assert sentence in composed.text and not composed.spoken, composed


@pytest.mark.parametrize("said", ["一条不落", "一个不少", "一件不漏"])
def test_an_idiom_of_one_is_no_count(said):
    assert spoken_counts_in_digits(said) == said


@pytest.mark.parametrize("told_at_one, told_at_five", [
    ("解读？就弄了2篇，偏少。", "今年的问题？解读少。"),
    ("政策解读发了3篇，数量偏少", "今年的问题是解读太少，下一步将每季度至少1篇"),
])
def test_a_shortfall_told_in_one_and_again_in_five_is_offered_once(told_at_one, told_at_five):
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"]:
        engine.answer(answer)
    engine.jump("overview_proactive")
    engine.answer(told_at_one)
    engine.answer("对")
    engine.jump("problems")
    engine.answer("去年提的公开内容不全，今年按目录补齐了。" + told_at_five)
    problems = [p.problem for p in engine.pending.proposals]
    assert sum("解读数量偏少" in p for p in problems) == 1, problems


@pytest.mark.parametrize("said", [
    "有的社区公告栏换得慢", "两个村公开栏换得慢这个事还没彻底解决", "村里的公开栏贴得有点晚", "宣传栏更新得太慢",
])
def test_a_board_or_account_renewed_slowly_is_said_in_a_reports_words(said):
    composed = compose_answer(said, town())
    assert any("更新不够及时" in s and "得" not in s for s in composed.shortfalls), composed
