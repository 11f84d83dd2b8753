"""Spoken words left after the lexicon, by the thing they are said of, and what the rewrites themselves would break
(a word doubled, a column 开展ed, a meeting counted before its name, a pointer back at the conversation): each a
family of phrasings, none a clerk's probe sentence."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer


def town():
    return Report.blank("2021", "青岚县白石镇人民政府", 2021, level="township")


@pytest.mark.parametrize("said, written, gone", [
    ("年中把政策文件清理了一遍，结果都挂网了", "", "挂"),
    ("网站栏目挂了42条通知", "发布42条", "挂"),
    ("村务公开的内容挂得有点晚", "公开不够及时", "挂"),
    ("把办事指南重新捋了一遍，分成9类", "梳理", "捋"),
    ("把社区公开栏整起来了", "完善社区公开栏", "整起来"),
    ("老百姓在大厅就能查", "群众", "老百姓"),
    ("视频号那边推了35条", "推送35条", "那边"),
    ("低保、医保、养老这几块发了88条", "等方面", "这几块"),
    ("社区公开栏每个月换一回", "每月更新一次", "一回"),
    ("访谈各科室轮着上", "轮流参与", "轮着"),
    ("保密审查、分级审核都卡着", "均严格把关", "卡着"),
    ("发布前一审二审照做", "严格落实一审二审", "照做"),
    ("俺们镇推送了40篇", "我镇", "俺"),
    ("咱镇全年发了51条", "我镇", "咱"),
])
def test_a_spoken_word_left_is_written_as_a_report_says_it(said, written, gone):
    composed = compose_answer(said, town(), shortfalls=False)
    assert not composed.spoken, composed.spoken
    assert written in composed.text and gone not in composed.text, composed.text


@pytest.mark.parametrize("said, written, gone", [
    ("镇里开了3回部署会", "召开3次部署会议", "回"),
    ("全年开了4次专题会，研究公开", "召开4次专题会议", "会，"),
    ("召开了2次会专门研究政务公开", "召开2次会议", "次会专"),
    ("搞了个“惠民政策”专栏", "开设", "开展"),
    ("另外弄了“乡村振兴”和“安全生产”两个专题栏目", "开设", "开展"),
    ("信息发布审核也搞了机制", "建立", "开展机制"),
    ("开展业务培训3次", "开展业务培训3次", "开展业务开展"),
    ("今年把规范性文件全面清理了一遍", "开展全面清理", "进行"),
    ("全部按时答复，按时答复率100%", "按时答复率100%", "予以答复率"),
])
def test_a_rewrite_never_doubles_a_word_or_misnames_a_verb(said, written, gone):
    text = compose_answer(said, town(), shortfalls=False).text
    assert written in text and gone not in text, text
    assert not any(w * 2 in text for w in "对在将把和与的"), text


@pytest.mark.parametrize("said, written", [
    ("就刚才那4件，都在期限里答复了", "4件申请均在法定期限内予以答复"),
    ("前面说的那2件也都按时答复了", "2件"),
    ("上面提到的6件，全部办结", "6件"),
])
def test_a_pointer_back_at_the_conversation_is_not_printed(said, written):
    text = compose_answer(said, town(), shortfalls=False).text
    assert written in text and not any(w in text for w in ("刚才", "前面说", "上面提到")), text


@pytest.mark.parametrize("said", [
    "新媒体注销了3个没人管的",
    "政务新媒体关停了2个重复开的，新开了1个",
    "今年关闭了4个没人维护的账号",
])
def test_a_closure_reported_as_done_is_no_shortcoming(said):
    composed = compose_answer(said, town())
    assert not composed.shortfalls, composed.shortfalls
    assert not composed.spoken, composed.spoken


@pytest.mark.parametrize("said, kept, words", [
    ("解读出了20篇，就是质量还一般", "发布解读20篇", "质量不高"),
    ("就是有的栏目旧信息比较多", "", "过时信息较多"),
    ("就是有几个科室公开属性定得不准", "", "认定不够准确"),
    ("有个毛病，社区公开栏贴上去就不管了", "", "张贴后缺乏维护"),
    ("宣传栏换了6块新的。有个毛病，日晒雨淋的字都看不清了", "6块", "内容字迹模糊"),
])
def test_a_shortcoming_told_in_passing_goes_to_five_in_a_reports_words(said, kept, words):
    composed = compose_answer(said, town())
    assert any(words in s for s in composed.shortfalls), composed.shortfalls
    assert kept in composed.text and words not in composed.text, composed.text


@pytest.mark.parametrize("said, written", [
    ("公开加部分公开一共12件，60%；不公开的2件，10%；没法提供的6件，30%",
     "予以公开和部分公开共12件，占60%；不予公开2件，占10%；无法提供6件，占30%。"),
    ("予以公开的7件，70%；不予处理的3件，30%", "予以公开7件，占70%；不予处理3件，占30%。"),
])
def test_results_read_out_with_their_shares_are_one_sentence(said, written):
    assert written in compose_answer(said, town(), shortfalls=False).text


OPENING = ("2021年，我镇共收到政府信息公开申请20件，其中自然人申请18件、商业企业申请2件；办结20件。"
           "因政府信息公开被申请行政复议3件（结果维持3件），被提起行政诉讼1件（结果维持1件）。")


@pytest.mark.parametrize("body, kept", [
    ("因信息公开被复议的3件，被起诉的1件。", ""),
    ("被申请复议3件。申请人多为村民。", "申请人多为村民。"),
    ("申请都是当面交的，个人18件、企业2件，全办完了。", "申请都是当面交的。"),
    ("自然人18件，主要问征地。", "上述申请主要问征地。"),
])
def test_a_sentence_saying_again_what_the_tables_opening_states_is_dropped(body, kept):
    from gkassist.dialogue.composed import without_restatements
    assert without_restatements(body, OPENING) == kept


def test_a_result_with_its_share_is_kept_after_an_opening_that_counts_it():
    from gkassist.dialogue.composed import without_restatements
    opening = OPENING.replace("办结20件。", "办结20件，其中予以公开12件、不予公开2件、无法提供6件。")
    body = "予以公开12件，占60%；不予公开2件，占10%；无法提供6件，占30%。"
    assert without_restatements(body, opening) == body


@pytest.mark.parametrize("said, written", [
    ("发布前办公室先过一遍，再给主要领导签字", "先行审核，再报主要领导审"),
    ("有手机号、住址的都得打码", "涉及手机号、住址的均作去标识化处理"),
    ("把政策文件目录捋了一遍，删了12条过时的", "删除过时信息12条"),
    ("我们自己没公众号，就用县里那个平台", "公众号，依托县级平台公开政府信息"),
    ("还办了政策宣讲、开放日之类的，一共5次", "开展政策宣讲、开放日等活动5次"),
    ("还搞了以旧换新宣讲、企业座谈这些，共8场", "开展以旧换新宣讲、企业座谈等活动8场"),
    ("3件都没超期", "均在法定期限内予以答复"),
    ("社区宣传栏新换了4块铝合金的", "新更换4块，均为铝合金材质"),
    ("各村公告栏新换了12块防雨的", "新更换12块，均为防雨材质"),
])
def test_review_platforms_and_activities_said_the_everyday_way_read_as_published(said, written):
    composed = compose_answer(said, town(), shortfalls=False)
    assert not composed.spoken and written in composed.text, composed.text
