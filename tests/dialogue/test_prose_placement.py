"""Where a fact of a narrative answer lands (prompts/placement.yaml): a correction said in a later part edits the
figure where it was printed (and says so), a figure said roughly then exactly is printed once, a remark with no fact
is never printed, the applications said again are printed once, and a problem or a plan told in 一 goes to 五."""

import re

import pytest

from gkassist.cli import main
from gkassist.core.model import Report, load_report
from gkassist.dialogue import Engine
from gkassist.dialogue.placement import as_measure, exact_figures, is_remark, plan_at
from gkassist.dialogue.sentences import compose_answer, corrections_in, normalized
from gkassist.importer import import_file
from gkassist.paths import drafts_dir
from support import SEED


def _town():
    return Report.blank("2021", "青岚县白石镇人民政府", 2021, level="township")


def _engine_with_proactive(said="今年在镇政府网站公开了八十三条，村务公开栏更新了12次") -> Engine:
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("overview_proactive")
    engine.answer(said)
    engine.answer("对")
    return engine


def _engine_at_requests() -> Engine:
    """表三 answered (2 applications: 1 公开, 1 不掌握), the question for 一（二） open."""
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("requests")
    engine.answer("今年来了2个申请，都是个人的，1个公开了，另1个我们镇里没有，告诉他不掌握")
    engine.answer("对")
    engine.jump("overview_requests")
    return engine


# ---------------------------------------------------------------- a correction said in a later part
@pytest.mark.parametrize("said", [
    "对了，前面说八十三条不对，重新统计了，是88条。新开了镇微信公众号，推送40期",
    "前面那个数说错了，主动公开应该是88条。新开了镇微信公众号，推送40期",
    "之前讲的主动公开83条，我再核了一遍，实际是88条；新开了镇微信公众号，推送40期",
    "主动公开前面报的83条，后来又数了一下，应该是88条。新开了镇微信公众号，推送40期",
    "新开了镇微信公众号，推送40期；前面说的83条改成88条",
    "新开了镇微信公众号，推送40期。哦，刚才写的83条说少了，应为88条",
])
def test_a_correction_in_a_later_part_edits_the_figure_where_it_was_printed(said):
    engine = _engine_with_proactive()
    engine.jump("overview_platform")
    replies = engine.answer(said)
    overview = engine.report.sections["overview"]
    assert "主动公开信息88条" in overview[0] and "83条" not in overview[0], overview
    assert "更新12次" in overview[0]  # (a figure the clerk did not name is never changed)
    assert any("一（一）已改为：" in r.text and "88条" in r.text for r in replies), [r.text for r in replies]
    shown = next(r.text for r in replies if r.text.startswith("将写入：（四）"))
    assert "88" not in shown and "83" not in shown and "前面" not in shown and "40期" in shown, shown


def test_a_correction_that_names_nothing_changes_only_the_one_figure_near_it():
    engine = _engine_with_proactive()
    engine.jump("overview_platform")
    engine.answer("前面那个数说错了，应该是88条。新开了镇微信公众号")
    assert "主动公开信息88条" in engine.report.sections["overview"][0]


def test_a_correction_that_names_nothing_and_could_be_two_figures_is_asked_about():
    engine = _engine_with_proactive("今年在镇政府网站公开了83条，其中低保公示80条")
    engine.jump("overview_platform")
    replies = engine.answer("前面那个数说错了，应该是88条。新开了镇微信公众号")
    assert "83条" in engine.report.sections["overview"][0] and "80条" in engine.report.sections["overview"][0]
    assert any(r.kind == "error" and "哪一项" in r.text for r in replies), [r.text for r in replies]


@pytest.mark.parametrize("said", [
    "发布前分管领导签字；前面说培训2次，我再核了一下，是3次",
    "发布前分管领导签字。刚才讲的83条说少了，应为88条",
])
def test_corrections_said_other_ways_are_read(said):
    rest, found = corrections_in(said)
    assert found and found[0].new in ("3", "88") and "签字" in rest and found[0].new not in rest


# ---------------------------------------------------------------- a rough figure, then the exact one
@pytest.mark.parametrize("said, kept, gone", [
    ("门户网站挂了一千二百来条，准确说1206条，解读30篇", "1206条", "1200"),
    ("公开栏贴了大概60期吧，具体是63期", "63期", "60期"),
    ("发了900多条，确切地说是912条", "912条", "900"),
])
def test_a_figure_said_roughly_then_exactly_is_printed_once_exactly(said, kept, gone):
    text = normalized(said)
    assert kept in text and gone not in text, text


def test_two_figures_far_apart_are_two_facts():
    assert exact_figures("网站发了60条，准确说是120条") == "网站发了60条，准确说是120条"


# ---------------------------------------------------------------- remarks with no fact
@pytest.mark.parametrize("clause", ["前面已经说了", "复议诉讼的数前面都说过了", "申请情况刚才讲过了", "就这些", "别的没啥了",
                                    "其他没什么要说的了", "问题嘛，就是前面提到的那个"])
def test_a_remark_with_no_fact_is_one(clause):
    assert is_remark(clause)


@pytest.mark.parametrize("clause", ["前面说了2次", "开了2次会", "就这些栏目更新慢", "问题是栏目更新慢"])
def test_a_clause_with_a_fact_is_no_remark(clause):
    assert not is_remark(clause)


@pytest.mark.parametrize("said", [
    "就那两个申请嘛，1个公开了1个我们不掌握，都在期限内回的",
    "申请就是前面说的2个，都按时回了，别的没啥",
    "复议诉讼前面都说过了，2个申请都按时答复了，就这些",
])
def test_the_applications_said_again_and_the_remarks_are_not_printed(said):
    engine = _engine_at_requests()
    shown = next(r.text for r in engine.answer(said) if r.text.startswith("将写入："))
    own = shown.split("无法提供1件。", 1)[1]
    assert "均在法定期限内" in own, shown  # the fact of the fragment kept, with its subject
    # (the count said again is never a second count sentence; “2件申请均在……” keeps it as the answer's subject)
    assert not any(w in own for w in ("2个", "1个", "前面", "就这些", "别的没啥", "嘛")) and own.count("2件") <= 1, shown
    assert not re.search(r"2件[，；。]", own), shown


@pytest.mark.parametrize("said", ["申请今年办了2件，比去年多好多", "申请这块一共受理了2个，比2020年多了不少",
                                  "一、受理2件，比去年多了一些"])
def test_the_count_of_applications_said_again_with_a_comparison_is_printed_once(said):
    engine = _engine_at_requests()
    shown = next(r.text for r in engine.answer(said) if r.text.startswith("将写入："))
    assert shown.count("2件") == 2 and "2个" not in shown and "申请数量比2020年有所增加" in shown, shown  # (收到, 办结)


# ---------------------------------------------------------------- a problem or a plan told in 一
@pytest.mark.parametrize("said, problem, measure", [
    ("今年在镇政府网站发了120条，解读3篇。说实话解读大多还是偏文字，群众不怎么爱看，明年打算多做点图解和短视频",
     "政策解读", "增加图解和短视频"),
    ("今年在镇政府网站发了120条，解读3篇。不过解读基本都是纯文字，看的人少，2022年准备多弄些视频解读",
     "解读", "增加视频解读"),
])
def test_a_problem_and_its_plan_told_in_one_go_to_five_with_the_plan_as_its_measure(said, problem, measure):
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("overview_proactive")
    replies = engine.answer(said)
    engine.answer("对")
    paragraph = engine.report.sections["overview"][0]
    assert "120条" in paragraph and not any(w in paragraph for w in ("文字", "明年", "2022年", "视频")), paragraph
    (told,) = engine.report.shortfalls["主动公开"]
    assert problem in told and told.endswith("下一步将" + measure), told
    assert any("五" in r.text and measure in r.text for r in replies)


@pytest.mark.parametrize("said, problem", [
    ("培训搞了2次。有的站所还是不怎么上心，信息总要催", "重视不够"),
    ("培训搞了2次。部分村报材料老要催", "不够及时"),
    ("培训搞了2次，各村文书都参加了，就是有的村还是不太上心", "重视不够"),
])
def test_reluctance_told_the_everyday_way_goes_to_five(said, problem):
    composed = compose_answer(said, _town(), plans=True)
    assert "培训2次" in composed.text and "上心" not in composed.text and "催" not in composed.text, composed
    assert composed.shortfalls and problem in composed.shortfalls[0], composed


@pytest.mark.parametrize("said, done, plan", [
    ("先审后公开，清理过期栏目11个，明年准备把源头认定再往各村延伸", "清理过期栏目11个", "推动源头认定向各村延伸"),
    ("新开了公众号，推了40期。下一步打算把网站智能问答再升级一下", "40期", "升级网站智能问答"),
    ("申请都按时答复了；明年想把不掌握的那件专门梳理一下，给各村开个讲评会", "法定期限", "组织各村召开讲评会"),
])
def test_a_plan_told_in_one_is_not_printed_there_and_is_handed_to_five(said, done, plan):
    composed = compose_answer(said, _town(), plans=True)
    assert done in composed.text or done == "法定期限", composed
    assert not any(w in composed.text for w in ("明年", "2022年", "下一步", "打算", "准备", "讲评会")), composed
    assert composed.plans and plan in composed.plans[0], composed


@pytest.mark.parametrize("said, problem, measure", [
    ("有的村公开栏更新不及时，老是拖到月底才贴；明年打算每月月初由包村干部去拍照核一遍",
     "有时延至月底才予以公开", "每月月初由包村干部拍照核对"),
    ("网站更新慢，总是拖到下个月才挂。下一步准备每周核一遍栏目", "有时延至下个月才予以公开", "每周核对栏目"),
])
def test_a_plan_right_after_a_problem_is_its_measure_in_five_too(said, problem, measure):
    composed = compose_answer(said, _town())  # (五's answer: no plan taken apart from its problem)
    assert not composed.text and not composed.plans, composed
    (told,) = composed.shortfalls
    assert problem in told and told.endswith("下一步将" + measure) and "拖到" not in told, told


@pytest.mark.parametrize("clause, is_plan", [
    ("明年想多弄点短视频", True), ("下一步打算升级网站", True), ("2022年准备梳理目录", True),
    ("2021年将公开目录梳理了一遍", False), ("今年开了公众号", False), ("以前都是手写", False),
])
def test_a_plan_is_told_by_its_opening(clause, is_plan):
    assert plan_at(clause) is is_plan


def test_a_plan_becomes_a_measure_without_its_time_and_wanting():
    assert as_measure("明年我们想多弄点短视频和图解") == "增加短视频和图解"


FLOW = [
    "今年来了2个申请，都是个人的，1个公开了，另1个我们镇里没有，告诉他不掌握", "对",
    "复议诉讼都没有", "对",
    "规范性文件没新发也没废，现行有效2件；许可处罚强制收费都没有", "对",
    "今年在镇政府网站挂了95条，解读发了4篇；说实话解读还是偏文字，群众不太爱看，明年打算多做点图解", "对",
    "两个申请都在期限内回的，前面都说过了", "对",
    "党政办统一审核，发布前分管领导签字，明年准备把公开目录再往各村延伸", "对",
    "新开了镇微信公众号，推了30期；对了，前面说的95条不对，重新数了，是98条", "对",
    "开了2次专题会，培训1次，有的村还是不太上心，信息老要催", "对",
    "去年说的公开形式单一，今年开了公众号", "对",
    "没有", "对",
    "同去年", "对",
]


@pytest.mark.slow
def test_a_whole_report_puts_each_fact_in_its_place(tmp_path, capsys):
    """Through `gkassist draft --answers`: the correction edits 一（一） and is said there, the problems and the plan
    told in 一 are in 五 with the clerk's own measure, nothing of them nor a remark is printed in 一."""
    answers_file = tmp_path / "answers.txt"
    answers_file.write_text("\n".join(FLOW) + "\n", encoding="utf-8")
    main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(answers_file)])
    out = capsys.readouterr().out
    assert "一（一）已改为：" in out and "98条" in out, out
    (path,) = drafts_dir().glob("*.json")
    report = load_report(path)
    overview = report.sections["overview"]
    assert "98条" in overview[0] and "95条" not in "".join(overview), overview
    assert not any(w in "".join(overview) for w in ("偏文字", "爱看", "上心", "催", "前面", "明年", "2022年", "延伸")), overview
    problems = "".join(report.sections["problems"])
    assert "下一步，将增加图解" in problems and "重视不够" in problems, problems
    assert "推动公开目录向各村延伸" in out, out  # the plan with no problem of its own: shown at 五


@pytest.mark.parametrize("plan, measure", [
    ("明年想把被纠正的案子逐件梳理一下", "对被纠正的案件开展逐件梳理"),
    ("2026年打算把答复书逐条捋一遍", "对答复书开展逐条梳理"),
    ("下一步把不掌握的那几件专门梳理一下", "对不掌握的那几件开展专题梳理"),
    ("以后把公开目录梳理一遍", "对公开目录开展梳理"),
])
def test_a_plan_to_go_through_something_keeps_how_before_the_verb(plan, measure):
    from gkassist.dialogue.placement import as_measure

    assert as_measure(plan) == measure
