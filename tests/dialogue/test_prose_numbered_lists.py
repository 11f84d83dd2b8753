"""A list the clerk counts out item by item in a part of 一 (“1是……；2是……”, “一是……二是……”, “第一，……第二，……”)
is written the way a published report numbers one — “一是……；二是……” in one sentence — never “1是” copied, never the
sentence that only counts the items (“主要两块。”) printed; an item that opens with only where things are published
gets its verb (“二是依托村务公开栏，……”).  Phrasings are other than the probes' own."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer


def town():
    return Report.blank("2021", "青岚县河西镇人民政府", 2024, level="township")


def one(said):
    return compose_answer(said, town(), plans=True)


@pytest.mark.parametrize("said, items", [
    ("1是党委办公室初审；2是分管领导审签；3是主要领导把关", ["一是", "二是", "三是"]),
    ("主要三块。1是镇政府网站，全年发了120多条；2是微信公众号，推了60篇；3是村务公开栏，每季度更新一次",
     ["一是依托镇政府网站", "二是依托微信公众号", "三是依托村务公开栏"]),
    ("我们分两块：一是县政府网站我镇专栏，发了40条；二是便民服务中心显示屏，滚动播放", ["一是依托县政府网站我镇专栏", "二是依托便民服务中心显示屏"]),
    ("审核这块：第一，办公室初审；第二，分管领导审签", ["一是办公室初审", "二是分管领导审签"]),
    ("就两点吧。第一是修订了保密审查制度，第二是开展培训2次", ["一是修订保密审查制度", "二是开展培训2次"]),
])
def test_a_counted_list_is_numbered_as_a_report_numbers_it(said, items):
    composed = one(said)
    text = composed.text
    assert not re.search(r"(?<![0-9])[1-9]是|第[一二三]|[0-9两三]块|两点", text), text
    at = [text.find(i) for i in items]
    assert all(a >= 0 for a in at) and at == sorted(at), text
    # one sentence, its items parted by “；”
    assert text.count("。") == 1 and text.endswith("。"), text
    assert not composed.spoken


@pytest.mark.parametrize("said", [
    "公开栏换了3块，1个在村部",
    "2是今年新开的栏目",  # no run from one: no list
    "培训1次，2次专题会",
])
def test_what_is_no_counted_list_stays_as_said(said):
    text = one(said).text
    assert "一是" not in text and "二是" not in text, text
