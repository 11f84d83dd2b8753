"""六、其他需要报告的事项 composed from the facts the clerk's answer states (issue #28): the proposals handled, no
信息处理费, nothing else to report — never the clerk's words."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.other import compose_other
from gkassist.dialogue.sentences import is_spoken

CLOSING = "2025年，我局未收取信息处理费，无其他需要报告的事项。"
FEE_ONLY = "2025年，我局未收取信息处理费。"  # (after a matter reported: never “无其他需要报告的事项”)


def bureau():
    return Report.blank("2021", "青岚县财政局", 2025, level="department")


@pytest.mark.parametrize("said", ["没有，收费也没收。", "收费没有。", "没有", "都没有，费也没收", "收费：无。其他没有。",
                                  "没收信息处理费，别的没啥要报告的", "处理费一分钱也没收，其他的都没有", "信息处理费没收"])
def test_nothing_to_report_but_no_fee_is_the_standard_sentence(said):
    assert compose_other(said, bureau()).text == CLOSING


@pytest.mark.parametrize("said, written", [
    ("人大建议3件、政协提案2件，办理结果都在网上公开了。信息处理费没收。",
     "办理人大代表建议3件、政协委员提案2件，答复内容均已在政府网站公开。" + FEE_ONLY),
    ("人大代表建议办了2件，都答复了。政协提案没有。收费没有。",
     "办理人大代表建议2件，均予以答复；未承办政协委员提案。" + FEE_ONLY),
    ("政协提案没有，人大建议1件", "办理人大代表建议1件，未承办政协委员提案。" + FEE_ONLY),
    ("政协提案1件。人大建议没有，收费也没有", "办理政协委员提案1件，未承办人大代表建议。" + FEE_ONLY),
    ("没收费，也没有人大建议、政协提案，别的没啥要报告的。", "本年度未承办人大代表建议和政协委员提案。" + CLOSING),
    ("政协提案没有。", "本年度未承办政协委员提案。" + CLOSING),
])
def test_the_proposals_handled_are_written_from_their_counts(said, written):
    composed = compose_other(said, bureau())
    assert composed.text == written
    assert not is_spoken(composed.text) and composed.spoken == []


def test_another_matter_is_composed_and_nothing_else_is_not_claimed():
    composed = compose_other("今年还搞了政务公开日活动1次。处理费没收。", bureau())
    assert composed.text == "2025年还开展政务公开日活动1次。2025年，我局未收取信息处理费。"


@pytest.mark.parametrize("said, kept", [
    ("今年办理涉及政务公开的人大建议4件、政协提案6件，都办完了，没收费", "办理涉及政务公开的人大代表建议4件、政协委员提案6件"),
    ("有关信息公开的人大代表建议2件，收费没有", "办理有关信息公开的人大代表建议2件"),
    ("涉及公开的政协提案3件，人大建议没有。处理费没收", "办理涉及公开的政协委员提案3件"),
    ("与政务公开相关的人大建议1件、政协提案1件", "办理与政务公开相关的人大代表建议1件、政协委员提案1件"),
])
def test_what_the_proposals_were_is_kept_and_nothing_else_is_not_claimed_after_them(said, kept):
    """“涉及公开的人大建议5件”: the qualifier says which proposals were counted; dropping it changes the fact.  A
    report that has just told of them never goes on “无其他需要报告的事项”."""
    text = compose_other(said, bureau()).text
    assert kept in text
    assert "无其他需要报告的事项" not in text


@pytest.mark.parametrize("said", ["人大建议12件，结果都公开了", "今年还开展政务开放日活动2次，没收费", "政协提案7件，别的没有"])
def test_a_matter_reported_is_never_followed_by_none_to_report(said):
    assert "无其他需要报告的事项" not in compose_other(said, bureau()).text


@pytest.mark.parametrize("said, written", [
    ("一、信息处理费2150元；二、没别的", "2025年，我局收取信息处理费2150元。"),
    ("收了信息处理费120元，其他没有", "2025年，我局收取信息处理费120元。"),
    ("人大建议2件。信息处理费35.5元", "2025年，我局收取信息处理费35.5元。"),
])
def test_a_fee_charged_is_a_reports_sentence(said, written):
    text = compose_other(said, bureau()).text
    assert written.rstrip("。") in text and "未收取" not in text and "信息处理费2150元。" not in text[:1]


@pytest.mark.parametrize("said, written", [
    ("人大代表建议今年局里承办了4件、政协提案6件，都按期办完了", "办理人大代表建议4件、政协委员提案6件"),
    ("人大建议2025年我们局主办了7件，政协提案没有", "办理人大代表建议7件，未承办政协委员提案"),
    ("人大建议没有、政协提案3件", "办理政协委员提案3件，未承办人大代表建议"),
    ("人大建议、政协提案各5件", "办理人大代表建议5件、政协委员提案5件"),
])
def test_the_count_of_each_kind_is_its_own_though_a_year_or_the_other_kind_is_near(said, written):
    assert compose_other(said + "。信息处理费没收。", bureau()).text.startswith(written)


@pytest.mark.parametrize("said", ["人大建议、政协提案这块不写", "人大代表建议和政协提案就不报了", "政协提案那部分略过",
                                  "人大建议这部分不用写"])
def test_the_clerk_telling_to_leave_the_proposals_out_is_never_printed(said):
    text = compose_other(said + "；信息处理费没收。", bureau()).text
    assert text == CLOSING  # no count made up, no instruction printed


@pytest.mark.parametrize("said, written", [
    ("信息处理费收了两千一百六十元，比去年少", "2025年，我局收取信息处理费2160元，较2024年有所减少"),
    ("处理费收了三百元，比去年多了一些", "2025年，我局收取信息处理费300元，较2024年有所增加"),
    ("收了信息处理费一千二百元，比上年略有下降", "2025年，我局收取信息处理费1200元"),
    ("信息处理费收了八十元", "2025年，我局收取信息处理费80元"),
])
def test_a_fee_said_in_words_and_compared_is_one_reports_sentence(said, written):
    text = compose_other(said + "。", bureau()).text
    assert text.startswith(written) and not text.startswith("比") and not is_spoken(text)
