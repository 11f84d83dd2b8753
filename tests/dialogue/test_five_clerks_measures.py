"""五 keeps what the clerk said (issue #28): a problem's measure is the clerk's when one was told (after the problem,
or in 一 for a problem the figures show); this year's problems told among last year's follow-up go to this year's
list; fragments (“问题就是。”, “还不够”) are never items; each problem is written “一是……。下一步，将……。”."""

import json
import re

import pytest

from gkassist.cli import main
from gkassist.core.model import Report, load_report
from gkassist.dialogue import Engine
from gkassist.dialogue.improvements import PROBLEMS_LEAD, Proposal, proposals_paragraph
from gkassist.dialogue.kinds.improvements import _split
from gkassist.importer import import_file
from gkassist.paths import drafts_dir
from support import SEED

TABLES = ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"]


def township():
    return Report.blank("2021", "青岚县石桥镇人民政府", 2025, level="township")


def last_year(*problems: str) -> Report:
    last = Report.blank("2021", "青岚县石桥镇人民政府", 2024, level="township")
    last.sections["problems"] = ["存在的问题：" + "；".join(f"{'一二三'[i]}是{p}" for i, p in enumerate(problems)) + "。"]
    return last


@pytest.mark.parametrize("said", [
    "去年提的形式单一，今年开了视频号，不过还不够",
    "去年说的内容不全，今年按目录补了，但仍不够",
    "问题就是。去年说的内容不全，今年补齐了",
    "问题主要就是，去年说的内容不全，今年补齐了",
])
def test_a_fragment_that_names_no_problem_is_never_an_item(said):
    followup, named, _, _ = _split(said, township())
    assert named == []
    assert "问题就是" not in followup and not followup.startswith("。")


@pytest.mark.parametrize("said, problem", [
    ("一、内容：补了12项；二、形式：开了视频号；三、新问题：部分村进度不一", "部分村进度不一"),
    ("1.内容：按目录补齐；2.新的问题：个别站所报送不及时", "个别站所报送不"),
    ("内容：按目录补了；新问题：宣传栏更新慢", "宣传栏更新不够及时"),
])
def test_a_new_problem_among_the_follow_ups_items_is_this_years(said, problem):
    followup, named, _, _ = _split(said, township())
    assert len(named) == 1 and named[0].problem.startswith(problem)
    assert "新问题" not in followup and "新的问题" not in followup and problem not in followup
    assert re.search(r"在内容方面，", followup)  # (an item told by its label, in a report's words)


@pytest.mark.parametrize("said, problem, measure", [
    ("去年说的形式单一，今年开了视频号，然后另一个问题就是宣传栏换得慢，明年每月换一次",
     "宣传栏更新不够及时", "每月"),
    ("去年提的内容不全，今年补齐了，还有个问题是村务栏更新不及时，2026年起由村文书每周更新",
     "村务", "由村文书每周更新"),
])
def test_a_problem_told_after_last_years_in_one_sentence_is_this_years_with_its_measure(said, problem, measure):
    followup, named, _, _ = _split(said, township())
    assert len(named) == 1 and problem in named[0].problem and measure in named[0].improvement
    assert "问题" not in followup.split("问题，", 1)[-1] and measure not in followup


@pytest.mark.parametrize("said, pairs", [
    ("问题主要两个：信息员业务不熟，还有前面说的公开栏更新慢。明年呢，一是每季度培训一次，二是每月检查公开栏",
     [("信息员业务不", "每季度"), ("公开栏更新", "每月检查公开栏")]),
    ("存在的问题有三个：解读形式单一，网站更新慢，归档不规范。下一步，一是做图解，二是每周更新网站，三是编归档目录",
     [("解读形式", "图解"), ("网站更新", "每周更新网站"), ("归档", "归档目录")]),
])
def test_problems_counted_then_measures_numbered_are_paired_in_order(said, pairs):
    followup, named, _, intents = _split(said, township())
    assert followup == "" and intents == []
    assert len(named) == len(pairs)
    for p, (thing, measure) in zip(named, pairs):
        assert thing in p.problem and measure in p.improvement and "是" != p.improvement[:1]


@pytest.mark.parametrize("said", [
    "去年提的解读形式单一，今年做了图解；公开面不够广那条，办事指南都补上了",
    "去年说的解读形式单一，今年做了图解。公开面不广那个，办事指南都补齐了",
])
def test_an_item_pointing_at_last_years_problem_is_its_rectification(said):
    last = last_year("信息的公开面还不够广", "解读形式单一")
    followup, named, _, _ = _split(said, township(), last)
    assert named == [] and "办事指南" in followup
    assert "都补上" not in followup


@pytest.mark.parametrize("said, problem, measure", [
    ("去年说解读形式单一，今年做了3个图解。处室不上心这个还得盯，明年按月通报", "处室", "按月通报"),
    ("去年提的解读形式单一，今年做了短视频。站所报送信息还是拖拉，明年纳入考核", "站所", "纳入考核"),
])
def test_last_years_problem_said_to_persist_with_a_measure_to_come_is_this_years(said, problem, measure):
    last = last_year("部分处室和站所对信息公开重视不够", "解读形式单一")
    _, named, _, _ = _split(said, township(), last)
    assert len(named) == 1 and problem in named[0].problem
    # (the clerk's measure, in a report's words: “纳入考核” may read “将政务公开工作纳入考核”)
    assert measure in named[0].improvement and not named[0].improvement.startswith("将将")
    assert "还得盯" not in named[0].problem


def test_problems_are_written_in_a_reports_form():
    paragraph = proposals_paragraph([Proposal("own", "公开栏更新不够及时", "一是每月检查一次，二是纳入考核"),
                                     Proposal("own", "信息员业务不熟", "")])
    assert paragraph.startswith(PROBLEMS_LEAD) and PROBLEMS_LEAD.endswith("。")
    assert "一是公开栏更新不够及时。下一步，将每月检查一次，纳入考核。二是信息员业务不熟。" in paragraph
    assert "：一是" not in paragraph and "将一是" not in paragraph and "，二是" not in paragraph


def at_five(platform: str, requests: str = "均按期答复", tables=TABLES):
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in tables + ["公开信息86条", "对", requests, "对", "党政办负责审核", "对", platform, "对",
                            "每季度检查一次", "对"]:
        engine.answer(answer)
    assert engine.step.id == "problems"
    return engine


@pytest.mark.slow
@pytest.mark.parametrize("told, measure", [
    ("问题就是前面说的那个，几个村的公开栏更新慢；明年打算每月由包片干部去拍照核一遍。去年说的内容不全，今年补齐了",
     "下一步，将每月由包片干部拍照核对。"),
    ("问题嘛就是刚才提的公开栏更新慢。2022年准备由村文书每周更新一次。去年的内容不全，今年按目录补齐了",
     "下一步，将由村文书每周更新一次。"),
])
def test_a_plan_told_after_a_problem_is_its_measure(told, measure):
    engine = at_five("新建公开栏5块，不过有几个村的公开栏更新慢")
    replies = engine.answer(told)
    written = replies[1].text
    assert measure in written and "明确更新责任人和频次" not in written
    assert "没有写入" not in "\n".join(r.text for r in replies)


@pytest.mark.slow
@pytest.mark.parametrize("requests, measure", [
    ("均按期答复，明年准备把被纠正的案子逐件梳理一下，给经办人开个讲评会", "讲评会"),
    ("都按时回了，2022年打算对纠正的那件组织一次案例复盘", "案例复盘"),
])
def test_a_problem_the_figures_show_takes_the_measure_the_clerk_told_in_one(requests, measure):
    tables = ["自然人申请2件，予以公开1件，不予公开1件", "对", "行政复议1件，结果纠正", "对",
              "规范性文件制发0件，现行有效0件，行政许可5件", "对"]
    engine = at_five("新建公开栏5块", requests, tables)
    written = engine.answer("去年说的内容不全，今年按目录补齐了")[1].text
    item = next(s for s in re.split(r"(?=[一二三四]是)", written) if "被纠正1件" in s)
    assert measure in item and "逐案复盘，同类申请的答复书" not in item


WHOLE = [
    "自然人申请2件，都公开了", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对",
    "今年在县政府网站挂了60条", "对", "都按时答复了", "对", "党政办负责审核", "对",
    "新建公开栏4块，不过有两个村的宣传栏换得慢", "对", "开了1次培训", "对",
    "问题就是前面提的，宣传栏换得慢；下一步由包村干部每周去拍照核一遍。去年说的内容不全那个，今年按目录补了8项", "对",
    "对", "办理有关政务公开的人大建议2件、政协提案1件，都办结了，没收费", "对",
    "跟去年一样，还是党政办那个电话和地址", "电话0431-87001234，地址石桥镇政府二楼", "对",
]


@pytest.mark.slow
def test_a_whole_township_keeps_the_clerks_measure_qualifier_and_contact(tmp_path, capsys):
    """Through `gkassist draft --answers`: 五's measure is the clerk's, 六 keeps “有关政务公开的” and says no “无其他”
    after them, the preface asks once for what last year's report did not give and prints the clerk's details."""
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(WHOLE) + "\n", encoding="utf-8")
    main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(answers)])
    out = capsys.readouterr().out
    (path,) = drafts_dir().glob("*.json")
    report = load_report(path)
    five = "".join(report.paragraphs("problems"))
    assert "下一步，将由包村干部每周拍照核对。" in five and "明确更新责任人" not in five
    assert "问题就是" not in five and "：一是" not in five
    six = "".join(report.paragraphs("other"))
    assert "办理有关政务公开的人大代表建议2件、政协委员提案1件" in six and "无其他需要报告的事项" not in six
    preface = "".join(report.preface)
    assert "电话：0431-87001234" in preface and "石桥镇政府二楼" in preface and "那个" not in preface
    assert out.count("去年的报告没有写") == 1, out
    assert json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("more", [
    "公开内容深化那条，今年把重点工作信息都按月公开了",
    "内容深化的问题，今年重点工作信息都做到了按月公开",
])
def test_the_answer_to_a_rectification_not_told_is_added_to_the_follow_up(more):
    """Last year's problems not spoken of are named once; the answer about them joins what was told, never
    replacing it (what was done is the clerk's to say)."""
    engine = at_five("新建公开栏5块，不过有几个村的公开栏更新慢")
    replies = engine.answer("去年说的形式不够丰富，今年开了视频号")
    asked = [r.text for r in replies if "还没有说到" in r.text]
    assert len(asked) == 1 and "公开内容需要进一步深化" in asked[0]
    replies = engine.answer(more)
    assert not any("还没有说到" in r.text for r in replies)
    engine.answer("对")
    followup = engine.report.paragraphs("problems")[0]
    assert "视频号" in followup and "按月公开" in followup
    assert engine.report.paragraphs("problems")[1].startswith("本年度工作中还存在以下问题。一是")


@pytest.mark.slow
@pytest.mark.parametrize("told, fuller", [
    ("去年说的内容不全，今年补齐了；公开栏更新慢的问题，明年按月通报、纳入村级考核", "按月通报、纳入村级考核"),
    ("去年说的内容不全，今年按目录补齐了。公开栏更新慢那个，下一步按月通报，并纳入年度考核", "按月通报，并纳入年度考核"),
])
def test_a_measure_told_again_in_five_with_more_is_the_fuller_one(told, fuller):
    engine = at_five("新建公开栏5块，不过有几个村的公开栏更新慢，明年要按月通报")
    written = engine.answer(told)[1].text
    assert f"下一步，将{fuller}。" in written and written.count("公开栏更新") == 1
