"""五 asks for the clerk's own measure (issue #28, item 5): a problem the clerk named (or the figures show) with no
measure of theirs is not printed with one made up unasked — one short question asks what they will do, offering two
or three measures of that kind as examples; their answer is its measure, “对” keeps what is shown.  An answer that
gives each problem with its measure is asked nothing more, so an answer file stays aligned."""

import pytest

from gkassist.dialogue import Engine
from gkassist.dialogue.improvements import measure_examples
from gkassist.importer import import_file
from support import SEED, at_five_after_one_corrected_review, drafted
from support import replies_text as shown

ASKED = "这一条下一步打算怎么改"


def township_told(shortfall: str) -> Engine:
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对",
                   "公开信息86条", "对", "均按期答复", "对", "逐条审查发布内容。" + shortfall, "对"]:
        engine.answer(answer)
    engine.jump("problems")
    return engine


FOLLOWUP = "去年说形式有待完善，今年开了公众号；公开内容深化那条，今年按目录补了低保信息20条。"


@pytest.mark.parametrize("shortfall, measure, written", [
    ("就是登记还是纸质台账，查起来不方便", "明年打算上半年把电子台账建起来", "建立电子台账"),
    ("不过有的村文书对公开属性还是认不太准", "下一步编一本公开属性认定指引发给各村", "公开属性认定指引"),
    ("但是答复文书格式不太统一", "统一用县里的答复书模板", "答复书模板"),
])
def test_a_problem_without_the_clerks_measure_is_asked_for_one_and_the_answer_is_its_measure(shortfall, measure, written):
    engine = township_told(shortfall)
    replies = engine.answer(FOLLOWUP)
    question = next(r.text for r in replies if ASKED in r.text)
    assert question.startswith("第1条的改进措施") and "例如：“" in question  # examples of its kind, quoted
    paragraph = shown(engine.answer(measure))
    assert f"{written}" in paragraph.split("本年度工作中还存在以下问题。")[-1]
    assert "逐项列出整改清单" not in paragraph and ASKED not in paragraph  # nothing more is asked
    engine.answer("对")
    saved = engine.report.sections["problems"][-1]
    assert written in saved and saved.count("下一步，将") == 1 and "打算" not in saved


def test_yes_keeps_what_is_shown_when_asked():
    engine = township_told("就是登记还是纸质台账，查起来不方便")
    replies = engine.answer(FOLLOWUP)
    assert any(ASKED in r.text for r in replies)
    engine.answer("对")
    assert "纸质台账" in engine.report.sections["problems"][-1]  # saved, nothing lost


@pytest.mark.parametrize("told", [
    "今年的问题就是登记还是纸质台账，明年打算上半年把电子台账建起来",
    "今年的问题就是登记还是纸质台账，下一步计划上半年建电子台账",
])
def test_a_problem_told_with_its_measure_is_asked_nothing(told):
    engine = township_told("就是登记还是纸质台账，查起来不方便")
    replies = engine.answer(FOLLOWUP + told)
    assert not any(ASKED in r.text for r in replies)
    assert "电子台账" in shown(replies) and "我拟的建议" not in shown(replies)


def test_a_figures_problems_measure_is_asked_for_and_replaced_by_the_clerks(tmp_path):
    engine = at_five_after_one_corrected_review(tmp_path)
    replies = engine.answer("新媒体那条，今年安排专人每周更新。今年的问题一是政策解读偏少。明年一是每季度出一期图解")
    question = next(r.text for r in replies if ASKED in r.text)
    assert question.startswith("第2条") and "逐案复盘" in question  # the examples of its kind
    paragraph = shown(engine.answer("对复议纠正的那件组织经办人员专题学习"))
    assert "组织经办人员专题学习" in paragraph and "对被纠正的案件逐案复盘" not in paragraph


@pytest.mark.parametrize("problem", ["受理登记仍为纸质台账", "答复文书格式不够统一", "部分村公开栏更新不够及时",
                                     "本年度因政府信息公开被申请行政复议后被纠正1件", "政策解读形式较为单一"])
def test_each_kind_of_problem_has_examples(problem):
    examples = measure_examples(problem)
    assert 2 <= len(examples) <= 3 and not any(e in problem for e in examples)


def test_an_answer_file_that_tells_problem_and_measure_is_not_shifted(tmp_path, capsys):
    lines = ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对",
             "公开信息86条", "对", "均按期答复", "对", "逐条审查发布内容", "对", "公众号推送60期", "对", "培训2次", "对",
             FOLLOWUP + "今年的问题就是各村公开栏更新不及时，明年打算每月检查一次", "对",
             "没有", "对"]
    report, out = drafted(tmp_path, capsys, lines)
    problems = report.sections["problems"][-1]
    assert "每月检查一次" in problems and ASKED not in out
    assert report.sections.get("other")  # 六 got its answer: nothing was shifted
