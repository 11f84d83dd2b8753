"""Rewrites that broke a sentence (probe 14): a share said in words (“百分之百”) is no count to put in digits, an
“追责” said of any kind is one fixed phrase with nothing left over, and a question to the writer about how much to
write is no fact, while what the clerk said after it is kept."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer, normalized


def bureau():
    return Report.blank("2021", "青岚县财政局", 2025, level="department")


@pytest.mark.parametrize("said, kept", [
    ("公开率百分之百", "百分之百"),
    ("按时答复率达到百分之百，一件公开", "百分之百"),
    ("占总数的三分之一左右", "三分之一"),
    ("超过五分之四的单位", "五分之四"),
    ("领导十分重视这项工作", "十分重视"),
    ("十分之一的申请", "十分之一"),
])
def test_a_share_or_an_adverb_is_not_a_count(said, kept):
    text = normalized(said)
    assert kept in text and "100分" not in text and "10分" not in text and "1分之" not in text


@pytest.mark.parametrize("said", ["开了三场培训", "得了九十五分", "发了一百二十条"])
def test_counts_still_in_digits(said):
    assert not any(c in normalized(said) for c in "三五百二")


@pytest.mark.parametrize("said, rate", [
    ("全区预算单位的预决算都在统一平台上公开了，公开率百分之百", "100%"),
    ("都在期限内答的，办结率百分之百", "100%"),
    ("按时答复率百分之百", "100%"),
])
def test_a_rate_of_all_reads_as_a_percentage(said, rate):
    text = compose_answer(said, bureau()).text
    assert rate in text and "分之百" not in text


@pytest.mark.parametrize("said", [
    "社会评议也接受了，今年没有追责的事",
    "全年没出现需要追责的情况",
    "没发生过追责的事情",
    "考核也做了，没有追责的",
    "全年未出现要追责的问题",
])
def test_no_one_held_to_account_is_one_phrase(said):
    text = compose_answer(said, bureau()).text
    assert "未发生责任追究情况" in text
    assert not any(w in text for w in ("情况事", "情况的", "追责", "需要", "没"))


@pytest.mark.parametrize("said", [
    "依申请就3件，都是个人。这个要写多细？反正都没超期",
    "收到申请5件，都答了。这块怎么写呢？反正都没超期",
    "收到申请5件。需要写多少？都没超期",
    "收到申请5件，要写到什么程度啊？反正都没超期",
    "收到申请5件。这个咋写？都没超期",
])
def test_a_question_about_how_much_to_write_is_dropped_and_its_answer_kept(said):
    composed = compose_answer(said, bureau())
    printed = composed.text + "".join(composed.spoken)
    assert "写" not in printed and "反正" not in printed and "？" not in printed and "：" not in printed
    assert "均在法定期限内予以答复" in composed.text


@pytest.mark.parametrize("said, written", [
    ("网站上咱局的栏目调整了三个", "调整网站本局栏目3个"),
    ("网站上我们镇的栏目重新调整了4个", "调整网站本镇栏目4个"),
    ("公众号的栏目调了两个", "调整微信公众号栏目2个"),
    ("门户网站的专栏调了3个", "调整门户网站专栏3个"),
    ("网站栏目调整了三个", "调整网站栏目3个"),
])
def test_columns_adjusted_are_counted_after_the_verb(said, written):
    """Not “网站局栏目调整三个”: the verb before what was adjusted, the unit's own column said as 本局/本镇."""
    composed = compose_answer(said, bureau())
    assert written in composed.text and not composed.spoken


@pytest.mark.parametrize("said", ["占十分", "考核里公开占十分，我镇得了满分"])
def test_ten_points_is_still_a_count(said):
    assert "10分" in normalized(said)


@pytest.mark.parametrize("said, told", [
    ("政策解读就是文字加图表，短视频那种一个也没弄", "尚未制作短视频类解读产品"),
    ("解读主要是文字的，图解一期都没做", "尚未制作图解类解读产品"),
    ("网站公开了80条，H5还没做起来", "尚未制作H5类解读产品"),
    ("直播访谈还是没搞", "直播访谈尚未开展"),
    ("政策问答一条也没出", "政策问答尚未开展"),
])
def test_a_thing_of_the_work_not_done_at_all_goes_to_five(said, told):
    composed = compose_answer(said, bureau())
    assert told in composed.shortfalls
    assert "没" not in composed.text + "".join(composed.spoken)


@pytest.mark.parametrize("said", ["我们没弄", "规范性文件今年没弄", "依申请没有，复议也没有", "去年说的短视频今年做了2期"])
def test_nothing_done_without_a_thing_missing_is_no_shortfall(said):
    assert compose_answer(said, bureau()).shortfalls == []
