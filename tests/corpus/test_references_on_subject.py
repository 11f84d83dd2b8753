"""A reference offered beside a clerk's sentence (“同级报告的写法”) is about the same thing: it shares the sentence's
content words — not only the register every report has (公开, 信息, 发布) — above a threshold; otherwise none is
offered.  A reference that is about the same thing is still found, of the unit's level."""

import pytest

from gkassist import corpus
from gkassist.core.model import load_report
from gkassist.dialogue import Engine
from support import SAMPLES

pytestmark = pytest.mark.usefixtures("private_cache")


@pytest.fixture(scope="module")
def index():
    return corpus.build_index(corpus.corpus_files())


def references(index, sentence, part, level="department"):
    return [s.original for s in corpus.search(index, sentence, part, 12, level=level, on_subject=True)]


@pytest.mark.parametrize("sentence, part", [
    # the trial's sentences: each once got a 征地/抽检/招生 sentence sharing one word
    ("我局完善审核机制，将保密审查嵌入信息产生、流转、发布全过程，落实谁公开谁审查谁负责，明确各处室分工", "政府信息管理"),
    ("我局主动公开140条，网站和微信公众号均同步发布，主要为十五五规划、产业发展、民生等。", "主动公开"),
    ("有专人负责平台运维和安全，培训定期开展。", "监督保障"),
    ("开展意见征集9次，收到有效建议21条。", "主动公开"),
    ("在平潭通小程序开设经发惠企专区，配备AI助手和免保税清单查询。", "平台建设"),
    ("发信息坚持三审三校。", "政府信息管理"),
    ("配合管委会的网站和新媒体安全监测，建立日常自查加定期排查机制，及时处理信息错漏和舆情隐患", "监督保障"),
])
def test_a_sentence_on_another_subject_gets_no_reference(index, sentence, part):
    assert references(index, sentence, part) == []
    # (the same words, searched for any sentence at all, do find some: the threshold is what leaves them out)


def test_the_threshold_is_what_leaves_them_out(index):
    sentence = "我局主动公开140条，网站和微信公众号均同步发布，主要为十五五规划、产业发展、民生等。"
    assert corpus.search(index, sentence, "主动公开", 12, level="department")
    assert references(index, sentence, "主动公开") == []


@pytest.mark.parametrize("sentence, part, expected", [
    ("对行政处罚信息实行双人复核，撤下过期的处罚信息", "政府信息管理", "对行政处罚信息公开实行双人复核"),
    ("在门户网站发布局文件20件，同时发布政策解读10篇", "主动公开", "在县政府门户网站发布县政府及县政府办公室文件64件"),
    ("公开征地补偿安置方案等信息30条", "主动公开", "补偿安置方案等征地信息46条"),
])
def test_a_sentence_on_the_same_subject_still_gets_one(index, sentence, part, expected):
    found = references(index, sentence, part)
    assert found and expected in found[0]


def test_a_reference_is_of_the_units_level(index):
    found = corpus.search(index, "在镇政府网站公开财政预决算和惠农补贴信息", "主动公开", 12, level="township", on_subject=True)
    assert found and {s.level for s in found} == {"township"}
    assert corpus.search(index, "在镇政府网站公开财政预决算和惠农补贴信息", "主动公开", 12, level="department",
                         on_subject=True) == []


@pytest.mark.slow
@pytest.mark.parametrize("said", [
    "审核这块把机制完善了一下，保密审查放到信息产生、流转、发布整个过程里，按谁公开谁审查谁负责来弄",
    "发信息还是三审三校，各处室谁管什么也分清楚了",
])
def test_the_conversation_offers_no_unrelated_reference(said):
    """A 局 not in the corpus (the trial's 经济发展局): the samples' 局 speak of 征地, 抽检, 招生 — nothing offered."""
    last = load_report(SAMPLES / "2024_qinglanxian_scjgj.json")
    engine = Engine.start(last, 2025, agency="平潭综合实验区经济发展局")
    engine.report.level = "department"
    engine.jump("overview_management")
    replies = engine.answer(said)
    offered = [r.text for r in replies if "同级报告的写法" in r.text or r.kind == "suggestion"]
    assert offered == []
