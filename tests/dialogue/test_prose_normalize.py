"""A narrative answer normalized before its sentences are composed: counts in digits, a figure corrected while
speaking kept only as corrected, a run-on's connectors made sentence ends, a question the clerk asks themselves
joined to its answer, a clerk's short words spelled out — so that a new sentence of known words composes whole."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer, normalized, spoken_counts_in_digits


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
    ("网站？发了60条。", "网站发了60条。"),
    ("公开栏？换了4次。", "公开栏换了4次。"),
    ("培训？1次。", "培训1次。"),
    ("考核？纳入年度考核。", "考核纳入年度考核。"),
    ("审核？党政办初审，主任签字。", "审核党政办初审，主任签字。"),
    ("重点？低保、危房改造。", "重点：低保、危房改造。"),
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
