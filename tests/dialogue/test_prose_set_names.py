"""Numerals inside the names of reforms and set phrases are no counts (issue #28, item 2 of the register round): a
report writes “高效办成一件事”, “一网通办”, “最多跑一次” as named — never “高效办成1件事” — while a count beside them
is still written in digits (the list is data: prompts/lexicon.yaml `names`)."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer, lexicon, spoken_counts_in_digits


def city():
    return Report.blank("2021", "青岚市人民政府", 2025, level="government")


@pytest.mark.parametrize("said, name, count", [
    ("新加了“高效办成一件事”专栏，上线十二个主题", "高效办成一件事", "12个"),
    ("高效办成一件事专区做了三十多个事项", "高效办成一件事", "30余个"),
    ("大厅推行一窗受理、一次性告知，办了两千件", "一窗受理", "2000件"),
    ("审批事项一件事一次办上线十五个", "一件事一次办", "15个"),
    ("收到申请五件，一件事一次办那边也有三件", "一件事一次办", "3件"),
    ("最多跑一次事项梳理了二百项", "最多跑一次", "200项"),
    ("一网通办平台挂了办事指南一百二十条", "一网通办", "120条"),
    ("建了一站式服务专区，放了两台查询机", "一站式", "2台"),
    ("县乡村三级联动，开了四次会", "三级联动", "4次"),
])
def test_a_name_keeps_its_numeral_and_a_count_beside_it_is_in_digits(said, name, count):
    text = spoken_counts_in_digits(said)
    assert name in text and count in text, text


@pytest.mark.parametrize("said", [
    "政务新媒体关停整合了2个账号，新加了“高效办成一件事”专栏。",
    "审批事项都按一件事一次办梳理了，一共挂了285项。",
    "便民服务中心推行一次性告知和最多跑一次。",
])
def test_a_composed_paragraph_never_counts_inside_a_name(said):
    composed = compose_answer(said, city())
    out = composed.text + "".join(composed.spoken)
    assert not re.search(r"办成1件事|(?<![0-9])1件事一次办|跑1次|1次性|1站式|1网通办", out), out


def test_every_name_listed_holds_a_numeral_and_is_kept_whole():
    for name in lexicon().names:
        assert spoken_counts_in_digits(f"推行{name}，公开了三条") == f"推行{name}，公开了3条"
