"""A rewrite never breaks a word or a sentence (prompts/grammar.yaml): a rule applies to whole words only (jieba's,
and the words the data declares), and a composed sentence that shows a known broken shape is not printed as turned —
the clerk's sentence is kept and shown marked, or the sentence is composed whole."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.grammar import broken_shape, grammar_data
from gkassist.dialogue.sentences import compose_answer
from support import CORPUS, SAMPLES, needs_shared, seed_past_tables


def town(agency="青岚县石桥镇人民政府", year=2021):
    return Report.blank("2021", agency, year, level="township")


def bureau(agency="青岚县财政局", year=2025):
    return Report.blank("2021", agency, year, level="department")


# ---------------------------------------------------------------- a rule never applies inside a word
@pytest.mark.parametrize("said, never", [
    # 搞 → 开展 is for 搞 alone: 搞定 / 搞清 are words of their own
    ("5件申请都按时答复了，搞定。", "开展定"),
    ("群众问的问题当天就搞定了，共答复12件", "开展定"),
    ("政策口径先搞清楚再发，全年发布40条", "开展清"),
    # 整 (northeast: to do) and 整 + 个 + a thing: 整个 is “whole”, no 制定 of anything
    ("把保密审查放进信息从起草到发布的整个流程", "制定流程"),
    ("整个目录都重新梳理了一遍，补了6项", "制定目录"),
    ("整个方案由办公室统一审核", "制定方案"),
    # 制发 is one verb: its 发 is never 发布
    ("今年一共制发了32条通知", "制发布"),
    ("全年制发了5件规范性文件", "制发布"),
    # 网上 is one word: 挂网 is not cut out of it
    ("办理结果都挂网上了", "公开上"),
    ("答复情况也贴网上了", "公开上"),
])
def test_a_rule_never_rewrites_part_of_a_word(said, never):
    composed = compose_answer(said, bureau())
    assert never not in composed.text, composed


@pytest.mark.parametrize("said, written", [
    # words jieba joins that the rules still part: a count (60多条 → 60余条), an adverb and its verb (新装 → 新安装)
    ("公众号全年发了60多条", "60余条"),
    ("新装了3台查询机", "新安装查询机3台"),
    ("拖个一两周才贴出来，更新不及时", "1至2周"),
    ("镇里开了3回部署会", "召开3次部署会议"),
])
def test_what_jieba_joins_that_a_rule_may_part_is_still_turned(said, written):
    composed = compose_answer(said, town())
    assert written in composed.text + "".join(composed.shortfalls), composed


# ---------------------------------------------------------------- the output check: known broken shapes
@pytest.mark.parametrize("sentence", [
    "在网站和微信公众号开展意见征集，开展9次。",
    "组织业务培训，组织3次。",
    "对目录进行开展清理。",
    "2025年，我局共140条，主要通过门户网站发布。",
    "全年我镇共86篇。",
    "办理结果均公开上。",
    "答复内容都发布上。",
    "通过三是微信公众号发布信息580余条。",
    "在二是政务服务中心设置查询机。",
    "下一步，将3是优化互动模块。",
    "下一步，将1是多开展业务指导和培训。",
    "均在20件工作日内答复。",
    "删过期的14条。",
    "2021年重新梳理目录，撤掉无效的6条。",
    "2025年我局共制发布405条信息。",
    "门户网站栏目做调整。",
    "办理结果均纳入网上。",
    "我市按照“坚持“先审查、后公开”原则”落实保密审查。",
    "2021年还开个镇微信公众号。",
    "将重点领域的内容梳理一捋。",
])
def test_a_broken_shape_is_named(sentence):
    assert broken_shape(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "开展意见征集9次，收到有效意见21条。",
    "召开专题会议3次，开展业务培训2次。",
    "2025年，我局主动公开政府信息140条。",
    "办理结果均已在网上公开。",
    "一是门户网站发布信息137条；二是政策解读发布6篇；三是微信公众号发布信息580余条。",
    "均在20个工作日内予以答复。",
    "删除过期信息14条。",
    "对门户网站栏目进行调整。",
    "在县政府网站我镇专栏发布信息61条。",
    "将保密审查嵌入信息从产生到发布的整个流程。",
    "按照“谁公开、谁审查、谁负责”原则落实审核责任。",
])
def test_a_sentence_a_report_writes_is_no_broken_shape(sentence):
    assert not broken_shape(sentence), broken_shape(sentence)


@needs_shared()
def test_no_published_report_shows_a_broken_shape():
    """The shapes are faults of rewriting: no sentence of a published report (the corpus, the samples) has one."""
    files = sorted(CORPUS.glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))
    assert files
    for path in files:
        for sentence in re.findall(r"[^。；\n]+", path.read_text(encoding="utf-8", errors="ignore")):
            assert not broken_shape(sentence), (path.name, sentence, broken_shape(sentence))


@pytest.mark.parametrize("said, never", [
    # the clerk's answers whose word-by-word rewriting showed a broken shape: kept as typed (marked), never printed broken
    ("在网站和公众号上搞意见征集，一共搞了9次", "开展9次"),
    ("主动公开今年一共140条，主要挂在门户网站上", "我局共140条"),
    ("第一，网站我局栏目做了调整；第二，公众号新开了“政策问答”栏目", "做调整"),
])
def test_a_sentence_that_would_be_printed_broken_is_kept_as_typed_and_marked(said, never):
    composed = compose_answer(said, bureau(), plans=True)
    assert never not in composed.text, composed
    assert composed.spoken, composed


@pytest.mark.parametrize("said, written", [
    ("今年把公开目录捋了一遍，删了过期的14条", "删除过期信息14条"),
    ("目录梳理了一遍，删掉过时的8项", "删除过时信息8项"),
    ("人大建议办了2件、政协提案1件，结果都挂网上了", "办理结果均已在网上公开"),
    ("办了人大代表建议3件，结果也都贴网上了", "办理结果均已在网上公开"),
    ("申请就2个，都在15个工作日内答复了", "均在15个工作日内答复"),
])
def test_what_was_broken_is_composed_whole(said, written):
    composed = compose_answer(said, town())
    assert written in composed.text and not composed.spoken, composed


def test_a_numbered_item_is_never_joined_to_a_preposition():
    said = "第一，门户网站今年公开信息137条；第二，政策解读做了6篇；第三，公众号全年发了580余条。"
    text = compose_answer(said, bureau(), plans=True).text
    assert not re.search(r"(?:通过|在|对|依托)[一二三四五六七八九]是", text), text
    assert "580余条" in text


def test_the_shapes_are_data_a_clerk_can_read():
    d = grammar_data()
    assert d.shapes and all(s.fault and s.shape for s in d.shapes)
    assert "搞定" in d.whole


def test_a_mistake_in_the_shapes_is_named_with_its_file_and_line(tmp_path, monkeypatch):
    from gkassist.core.errors import InputError
    from gkassist.dialogue import grammar

    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "grammar.yaml").write_text(
        "whole: [搞定]\nmay_cut: '多条'\nshapes:\n  - fault: 坏的\n    shape: '开展(('\n", encoding="utf-8")
    monkeypatch.setattr(grammar, "resource_dir", lambda name: tmp_path / name)
    grammar.grammar_data.cache_clear()
    try:
        with pytest.raises(InputError, match=r"grammar.yaml：第\d+行"):
            grammar.grammar_data()
    finally:
        grammar.grammar_data.cache_clear()


@pytest.mark.slow
@pytest.mark.parametrize("said", [
    "第一，全年收到申请6件，比去年多了3件，都在法定期限内答复；第二，主要是问产业扶持资金和项目审批进度的。",
    "1是收到申请6件，比去年多了3件；2是主要问的是低保和宅基地。",
])
def test_a_numbered_item_whose_count_the_opening_states_keeps_its_number(said):
    engine = seed_past_tables("自然人申请6件；予以公开5件，本机关不掌握1件")
    engine.jump("overview_requests")
    engine.answer(said)
    paragraph = engine.pending.paragraphs[0]
    assert "二是" in paragraph and "一是" in paragraph and paragraph.index("一是") < paragraph.index("二是"), paragraph


@pytest.mark.parametrize("measure, written", [
    ("1是多开展业务指导和培训", "下一步，将多开展业务指导和培训。"),
    ("3是优化互动模块，民意征集、在线咨询畅通", "下一步，将优化互动模块，民意征集、在线咨询畅通。"),
    ("一是编制信息清单，二是在窗口公示", "下一步，将编制信息清单，在窗口公示。"),
])
def test_a_measure_of_five_never_keeps_its_own_item_number_after_jiang(measure, written):
    from gkassist.dialogue.improvements import Proposal, proposals_paragraph

    text = proposals_paragraph([Proposal("own", "依申请公开登记还是纸质台账", measure)], 2025)
    assert written in text and not broken_shape(text), text
