"""Sections 一 and 六 as a published report says them, the kinds of sentence a strict reader sent back as still
spoken or word-by-word (issue #28): a gazette's issues, a training named by its kind, proposals led by the unit or
handled with their results published, 六's question named again as a topic, and a figure said wrong in an earlier
answer put right with “我记错了”."""
import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer, corrections_in


def department():
    return Report.blank("2021", "某某区财政局", 2025, level="department")


@pytest.mark.parametrize("said, written", [
    ("政府公报出了6期", "编印政府公报6期"),
    ("公报今年印了12期", "编印公报12期"),
    ("政府公报全年刊发了24期", "编印政府公报24期"),
    ("培训：调研式培训2场、过堂式培训3场", "开展调研式培训2场、过堂式培训3场"),
    ("专题培训3次", "开展专题培训3次"),
    ("业务培训2场", "开展业务培训2场"),
    ("人大建议和政协提案没有我们局主办的", "本年度无我局主办的人大代表建议和政协委员提案"),
    ("我们局里没有牵头的人大建议政协提案", "本年度无我局主办的人大代表建议和政协委员提案"),
    ("其他的，今年没收过信息处理费", "我局未收取信息处理费"),
    ("其它呢，信息处理费没收", "我局未收取信息处理费"),
    # applications answered in time, said alone: the applications are its subject
    ("收到申请3件；都在法定期限内；复议1件", "申请均在法定期限内予以答复"),
    ("收到申请3件。全都在规定时间内答复了。", "申请均在法定期限内予以答复"),
    ("收到申请5件。均在规定时限内办结。", "申请均在法定期限内予以答复"),
    # the applications pointed back at (the opening sentence counts them), and a form made uniform after a model
    ("依申请就是前面说的那4件，都在期限内答复了，告知书格式也按区里的模板统一了一下", "申请均在法定期限内予以答复，参照区级模板统一告知书格式"),
    ("申请就是刚才报的那3件，都在法定期限内答复了", "申请均在法定期限内予以答复"),
    ("答复书都照着市里的范本统一了", "参照市级范本统一答复书"),
    # a body's meeting, all who took part, a column added by name, a part of the interpretations, media still run
    ("培训搞了2次，村文书全到；领导小组开会1次", "村文书全部参加。召开领导小组会议1次"),
    ("党组开了2次会", "召开党组会议2次"),
    ("局党组会上也专门听了1次政务公开工作汇报", "局党组会专题听取政务公开工作汇报1次"),
    ("党委会听了2次信息公开工作汇报", "党委会听取信息公开工作汇报2次"),
    ("培训1次，信息员都到齐了", "信息员全部参加"),
    ("镇网页栏目加了“惠农补贴”1个", "镇网页新增“惠农补贴”栏目1个"),
    ("政策解读做了24个、图解占9个", "制作政策解读24个，其中图解9个"),
    ("解读搞了10个，短视频有2个", "制作政策解读10个，其中短视频2个"),
    ("政务新媒体在运维的还有92个、关停合并3个", "在运维政务新媒体92个、关停合并3个"),
    # the catalogue named 主动公开目录, gone through in full
    ("主动公开目录全面捋了一遍、调整了3类事项", "全面梳理主动公开目录、调整3类事项"),
    ("政务公开目录全面理了一遍", "全面梳理政务公开目录"),
    # two channels joined by a typed plus, the count after a pause, what it was mostly
    ("今年网站栏目+村务栏 共挂了140条，低保、防疫通知为主", "通过网站栏目和村务栏主动公开信息140条，公开内容以低保、防疫通知等为主"),
    ("2024年门户网站发了50条", "2024年通过门户网站主动公开信息50条"),
    ("公众号＋门户网站 一共发了20条", "通过微信公众号和门户网站主动公开信息20条"),
])
def test_sentence_reads_as_published(said, written):
    composed = compose_answer(said + "。", department())
    assert composed.spoken == []
    assert written in composed.text
    assert "其他的" not in composed.text and "其它" not in composed.text


@pytest.mark.parametrize("said, kept, old, new", [
    ("告知书格式统一了一下。对了，前面说的65条我记错了，是68条，刚又对了一下后台。", "告知书格式统一了一下。", "65", "68"),
    ("培训搞了3次。哦，刚才说的解读12篇我搞错了，应该是14篇，我又核了一遍台账。", "培训搞了3次。", "12", "14"),
    ("另外之前讲的公开栏20块我说错了，是22块。", "", "20", "22"),
])
def test_correction_with_i_said_wrong_is_never_printed(said, kept, old, new):
    rest, found = corrections_in(said)
    assert rest == kept.rstrip("。") or rest == kept
    assert [(c.old, c.new) for c in found] == [(old, new)]
    assert "记错" not in rest and "搞错" not in rest and "说错" not in rest


@pytest.mark.parametrize("said, problem", [
    ("村务栏有的村更新慢，没跟上。", "村务栏部分村更新不够及时"),
    ("公众号发了30条，更新没跟上。", "微信公众号更新不够及时"),
    ("公开栏贴了12期，有的村贴得晚，也没赶上趟。", "部分村更新不够及时"),
])
def test_not_kept_up_after_a_shortcoming_goes_with_it(said, problem):
    composed = compose_answer(said, department())
    assert "跟上" not in composed.text and "赶上" not in composed.text
    assert composed.shortfalls == [problem]


@pytest.mark.parametrize("said, written, never", [
    # none led by the unit: 协办 is not ruled out, so never 未承办
    ("其他的，今年没收过信息处理费；人大建议和政协提案没有我们局主办的。", "本年度无我局主办的人大代表建议和政协委员提案", "未承办"),
    ("人大建议、政协提案都没有我们牵头办理的。", "本年度无我局主办的人大代表建议和政协委员提案", "未承办"),
    # handled, and the results published: what 六 reports
    ("人大代表建议办理126件、政协提案办理208件、结果都在网上公开了；没收信息处理费",
     "办理人大代表建议126件、政协委员提案208件，办理结果均已公开", "结果都"),
    ("人大建议办了3件，政协提案5件，答复都挂网了。", "办理人大代表建议3件、政协委员提案5件，办理结果均已公开", "挂网"),
    # 六's question named as a topic says nothing
    ("其它呢，信息处理费没收过。", "我局未收取信息处理费", "其它"),
])
def test_other_matters_as_published(said, written, never):
    from gkassist.dialogue.other import compose_other
    composed = compose_other(said, department())
    assert written in composed.text
    assert never not in composed.text
    assert composed.spoken == []


def test_other_matters_none_handled_stays_none():
    from gkassist.dialogue.other import compose_other
    assert "本年度未承办人大代表建议和政协委员提案" in compose_other("人大建议政协提案都没有。", department()).text
    assert "未承办政协委员提案" in compose_other("人大建议2件，政协提案没有。", department()).text
