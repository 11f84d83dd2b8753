"""五 told in one answer (issue #28): what was done about last year's problems first, then this year's problems and
next year's measures as two lists. Each problem takes the measure of its number (一是/1./第一/（一）), or of its place
when both lists are unnumbered and as many — never a stock measure while the clerk told one, and never a plan written
into the rectification paragraph. A follow-up item pointing at last year's problem (“解读那条，……”) names it as last
year's report worded it; a correction's preamble (“不对，整改重新说：”) is a remark to the writer, never printed."""

import pytest

from gkassist.core import formats
from gkassist.core.model import Report
from gkassist.dialogue import Engine
from gkassist.dialogue.session import Drafts

LAST_PROBLEMS = ("2024年，我镇政府信息公开工作仍存在一些不足，主要表现在：一是村务公开栏内容更新还不够及时；"
                 "二是信息员业务能力有待进一步提高。下一步，我镇将持续抓好政府信息公开工作。")


def at_five(tmp_path):
    last = Report.blank(formats.format_for_year(2024), "青岚县东河镇人民政府", 2024, level="township")
    last.sections["problems"] = [LAST_PROBLEMS]
    engine = Engine.start(last, 2025, drafts=Drafts(tmp_path))
    engine.jump("problems")
    return engine


def written(replies) -> list[str]:
    shown = next(r.text for r in replies if r.text.startswith("将写入"))
    return shown.removeprefix("将写入：").strip().split("\n")


FOLLOWUP = "去年的两条：公开栏那条，今年每月由包村干部拍照核查；信息员那条，今年搞了3次业务培训。"
PROBLEMS = (("网上办事指南更新不全", "逐项核对办事指南"), ("群众咨询答复周期偏长", "建立答复台账"))


@pytest.mark.parametrize("lists", [
    "不过今年的问题一是网上办事指南更新不全；二是群众咨询答复周期偏长。明年一是逐项核对办事指南；二是建立答复台账",
    "今年存在的问题：1.网上办事指南更新不全；2.群众咨询答复周期偏长。下一步：1.逐项核对办事指南；2.建立答复台账",
    "今年的问题第一，网上办事指南更新不全；第二，群众咨询答复周期偏长。明年打算第一，逐项核对办事指南；第二，建立答复台账",
    "但今年问题主要有：网上办事指南更新不全；群众咨询答复周期偏长。下一步：逐项核对办事指南；建立答复台账",
    "今年的问题：（一）网上办事指南更新不全；（二）群众咨询答复周期偏长。2026年（一）逐项核对办事指南；（二）建立答复台账",
])
def test_each_problem_takes_the_measure_of_its_number_and_no_plan_goes_into_the_rectification(tmp_path, lists):
    followup, problems = written(at_five(tmp_path).answer(FOLLOWUP + lists))
    for problem, measure in PROBLEMS:
        assert f"{problem}。下一步，将{measure}。" in problems  # the clerk's, in its place, never a stock one
        assert measure not in followup  # a plan is never what was done about last year's problems
    assert "公开栏" in followup and "培训" in followup


def test_measures_told_out_of_order_go_by_their_number(tmp_path):
    said = (FOLLOWUP + "今年的问题一是网上办事指南更新不全；二是群众咨询答复周期偏长。"
            "明年二是建立答复台账；一是逐项核对办事指南")
    _, problems = written(at_five(tmp_path).answer(said))
    assert "更新不全。下一步，将逐项核对办事指南。" in problems and "周期偏长。下一步，将建立答复台账。" in problems


@pytest.mark.parametrize("pointer, named", [
    ("公开栏那条", "村务公开栏内容更新还不够及时"),
    ("去年公开栏更新那条", "村务公开栏内容更新还不够及时"),
    ("信息员那一项", "信息员业务能力有待进一步提高"),
    ("业务能力那个", "信息员业务能力有待进一步提高"),
])
def test_a_pointer_at_last_years_problem_names_it_in_full(tmp_path, pointer, named):
    said = f"{pointer}，今年已经整改了。今年的问题一是网上办事指南更新不全。明年一是逐项核对办事指南"
    followup, _ = written(at_five(tmp_path).answer(said))
    assert followup.startswith(f"针对2024年度报告提出的{named}的问题，")
    assert "那条" not in followup and "那一项" not in followup and "那个" not in followup
    assert followup.count("针对") == 1  # never “针对……问题，针对……问题”


def test_what_was_done_is_said_in_a_reports_words(tmp_path):
    said = "公开栏那条，今年上了村务小程序；信息员那条，今年搞了业务培训。今年的问题一是办事指南不全。明年一是逐项核对办事指南"
    followup, _ = written(at_five(tmp_path).answer(said))
    assert "上线村务小程序" in followup and ("开展了业务培训" in followup or "开展业务培训" in followup)
    assert "上了" not in followup and "搞" not in followup


@pytest.mark.parametrize("preamble", ["不对，整改重新说：", "整改重新说，", "我重说一下：", "改一下，", "不对，",
                                      "不对。整改情况重说一遍："])
def test_a_corrections_preamble_is_never_printed(tmp_path, preamble):
    engine = at_five(tmp_path)
    engine.answer(FOLLOWUP + "今年的问题一是网上办事指南更新不全。明年一是逐项核对办事指南")
    replies = engine.answer(preamble + "去年公开栏那条，今年改为每周更新；信息员那条，今年组织了2次业务培训")
    followup, problems = written(replies)
    assert followup.startswith("针对2024年度报告提出的村务公开栏内容更新还不够及时的问题，")
    for word in ("不对", "重新说", "重说", "改一下"):
        assert word not in followup
    assert "每周更新" in followup and "逐项核对办事指南" in problems  # the problems are kept, only 整改 replaced
    assert "信息员业务能力" not in problems  # last year's problem's rectification is never a new problem


def test_a_problem_with_no_measure_of_its_number_gets_a_proposal_marked_as_such(tmp_path):
    said = (FOLLOWUP + "今年的问题一是网上办事指南更新不全；二是群众咨询答复周期偏长；三是政务新媒体互动不够。"
            "明年一是逐项核对办事指南；三是每周回复一次留言")
    replies = at_five(tmp_path).answer(said)
    followup, problems = written(replies)
    assert "更新不全。下一步，将逐项核对办事指南。" in problems and "互动不够。下一步，将每周回复一次留言。" in problems
    assert "核对办事指南" not in followup and "回复一次留言" not in followup
    # (the measure for 二 is none of the clerk's: shown as a proposal, or as the general wording with a question)
    listed = next(r.text for r in replies if r.text.startswith("五只写")).splitlines()[2]
    asked = "\n".join(r.text for r in replies)
    assert "周期偏长" in listed and ("我拟的建议" in listed or "第2条的改进措施还只是通用写法" in asked)


def test_a_pointer_that_fits_two_of_last_years_problems_is_not_named_for_one(tmp_path):
    said = "更新和业务能力那条，今年都整改了。今年的问题一是网上办事指南更新不全。明年一是逐项核对办事指南"
    followup, _ = written(at_five(tmp_path).answer(said))
    assert "村务公开栏内容更新还不够及时的问题，" not in followup and "信息员业务能力有待进一步提高的问题，" not in followup


@pytest.mark.parametrize("said", [
    "针对去年公开栏更新不及时的问题，今年改为每周更新；针对信息员能力不足的问题，定期组织业务培训",
    "关于去年报告里提的公开栏更新问题，今年改为每周更新；对于信息员业务能力这条，定期组织业务培训",
])
def test_a_rectification_told_with_its_lead_is_never_a_new_problem_nor_led_twice(tmp_path, said):
    engine = at_five(tmp_path)
    engine.answer(FOLLOWUP + "今年的问题一是网上办事指南更新不全。明年一是逐项核对办事指南")
    followup, problems = written(engine.answer(said))
    assert followup.count("针对") == 2 and "问题，针对" not in followup
    assert "针对2024年度报告提出的信息员业务能力有待进一步提高的问题，定期组织业务培训" in followup
    assert "信息员" not in problems and "能力不足" not in problems
