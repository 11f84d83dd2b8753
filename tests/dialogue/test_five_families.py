"""五 holds the shortcomings the clerk told anywhere, each with a measure that answers it (issue #28): more families
of the everyday shortfall (unsure, slow at times, not found, still to work on, not keeping up, no time for it,
forgetting) leave 一 and go to 五; the measure is chosen by the problem's family, and when none fits the clerk is
asked for one; the clerk's own problems come before what the figures show, and “no application all year” is no
problem when the clerk named one."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue import Engine
from gkassist.dialogue.improvements import propose
from gkassist.dialogue.sentences import compose_answer, is_spoken, measure_for
from gkassist.importer import import_file
from support import SEED


def township():
    return Report.blank("2021", "青岚县石桥镇人民政府", 2025, level="township")


@pytest.mark.parametrize("said, problem", [
    # unsure
    ("个别站所判断公开属性有点吃不准", "个别站所公开属性认定不够准确"),
    ("有些股室定信息的公开属性还是把握不准", "部分股室信息的公开属性认定仍不够准确"),
    ("部分站所认定公开属性时拿不准，这个老毛病了", "部分站所公开属性认定不够准确"),
    # slow at times
    ("就是公众号推送有时候慢", "微信公众号推送有时不够及时"),
    ("网站更新经常比较慢", "网站更新经常不够及时"),
    ("不过网站更新有时候慢，拖个三五天才挂上去", "网站更新有时不够及时，延迟三五天发布"),
    # not found
    ("有两份会议纪要原件暂时没找到", "2份会议纪要原件未能及时找到"),
    ("档案里有几份材料找不着", "档案中部分材料未能及时找到"),
    # still to work on
    ("政策解读这块还得抓", "政策解读工作有待加强"),
    ("公开栏维护也得好好抓一下", "公开栏维护工作有待加强"),
    # not keeping up
    ("公众号更新有点跟不上", "微信公众号更新不够及时"),
    ("经办人员能力跟不上", "经办人员能力有待提高"),
    # no time for it
    ("人手不够，顾不过来", "工作力量不足"),
    ("忙起来就顾不上更新公开栏", "有时未能及时更新公开栏"),
    # forgetting
    ("村里信息员老是忘了报信息", "村级信息员多次未及时报送信息"),
    ("站所偶尔忘记归档", "站所有时未及时归档"),
])
def test_a_shortfall_of_another_family_goes_to_five_in_a_reports_words(said, problem):
    composed = compose_answer("通过镇政府网站主动公开信息48条。" + said + "。", township())
    assert composed.shortfalls == [problem]
    assert composed.text == "我镇通过镇政府网站主动公开信息48条。"  # 一 keeps none of it
    assert not is_spoken(problem)


def test_what_is_done_badly_is_done_to_the_thing_just_spoken_of():
    composed = compose_answer("村务公开栏贴了30多期。就是更新有时候慢，拖个一两周才贴出来。", township())
    assert composed.shortfalls == ["公开栏更新有时不够及时，延迟1至2周公开"]


@pytest.mark.parametrize("problem, answered_by, never", [
    ("归档不够规范，部分纸质文件未能及时找到", "归档", "公开前审查"),
    ("档案管理不够规范，2份会议纪要原件未能及时找到", "归档", "公开前审查"),
    ("部分科室公开属性认定仍不够准确", "公开属性认定指引", "解读"),
    ("个别站所公开属性认定不够准确", "公开属性认定指引", "台账"),
    ("经办人员遇到新情况新问题处理能力还不够", "业务培训", "解读"),
    ("信息员业务不够熟练", "业务培训", "解读"),
    ("村级信息员多次未及时报送信息", "信息报送台账", "时限台账"),
    ("镇政府网站的依申请公开栏目尚未开通", "按期建成", "答复文书"),
])
def test_a_measure_is_chosen_by_the_problems_family(problem, answered_by, never):
    measure = measure_for(problem, otherwise=False)
    assert answered_by in measure and never not in measure


@pytest.mark.parametrize("problem", ["群众满意度不高", "领导重视程度有待提高", "各村进度不平衡"])
def test_a_problem_of_no_family_has_no_measure_of_its_own(problem):
    assert measure_for(problem, otherwise=False) == ""


TABLES = ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"]


def at_five(management: str, tables=TABLES):
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in tables + ["公开信息86条", "对", "均按期答复", "对", management, "对", "新建公开栏5块", "对",
                            "每季度检查一次", "对"]:
        engine.answer(answer)
    assert engine.step.id == "problems"
    return engine


@pytest.mark.slow
@pytest.mark.parametrize("management, problem, measure", [
    ("党政办负责审核。归档还不太规范，有几份纸质的一时没找着。", "归档不够规范，部分纸质文件未能及时找到", "规范纸质和电子文件归档"),
    ("逐条审查。不过有的站所定公开属性还是拿不准，这个老问题还在。", "部分站所公开属性认定仍不够准确", "编制公开属性认定指引"),
])
def test_a_shortfall_told_at_management_is_offered_first_with_its_own_measure(management, problem, measure):
    engine = at_five(management)
    assert problem not in "".join(engine.report.sections["overview"])  # left out of 一
    replies = engine.answer("去年说形式单一，今年开了公众号。")
    shown = "\n".join(r.text for r in replies)
    # the clerk's own problem, with the measure of its family; no application all year is then no problem
    assert f"一是政府信息管理方面，{problem}。下一步，将{measure}" in shown
    assert "全年未收到政府信息公开申请" not in shown
    assert "明确每份文件的公开属性和审查人" not in shown


@pytest.mark.slow
def test_the_clerks_problem_comes_before_what_the_figures_show():
    tables = ["自然人申请5件，本机关不掌握4件，予以公开1件", "对"] + TABLES[2:]
    engine = at_five("逐条审查。归档还不太规范。", tables)
    engine.answer("去年说形式单一，今年开了公众号。")
    problems = [p.problem for p in engine.pending.proposals]
    # (many 不掌握 is no shortcoming by itself: with a problem of the clerk's it is not offered at all)
    assert problems == ["政府信息管理方面，归档不够规范"]


def test_what_the_figures_show_is_offered_when_the_clerk_names_no_problem():
    tables = ["自然人申请5件，本机关不掌握4件，予以公开1件", "对"] + TABLES[2:]
    engine = at_five("逐条审查。", tables)
    engine.answer("去年说形式单一，今年开了公众号。")
    problems = [p.problem for p in engine.pending.proposals]
    assert problems and "无法提供" in problems[0]


@pytest.mark.slow
def test_a_problem_no_measure_answers_asks_the_clerk_for_one():
    engine = at_five("逐条审查")
    replies = engine.answer("去年说形式单一，今年开了公众号。今年的问题是各村进度不平衡。")
    asked = [r.text for r in replies if "通用写法" in r.text]
    assert asked and "措施1" in asked[0]
    replies = engine.answer("措施1：下一步将每月对各村公开栏逐一检查并通报")
    assert "一是各村进度不平衡。下一步，将每月对各村公开栏逐一检查并通报。" in replies[0].text
    engine.answer("对")
    assert engine.report.sections["problems"][-1].endswith("一是各村进度不平衡。下一步，将每月对各村公开栏逐一检查并通报。")


def test_no_application_all_year_is_offered_only_when_nothing_else_is():
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in TABLES:
        engine.answer(answer)
    found = propose(engine.report)
    assert [p.problem for p in found] == ["全年未收到政府信息公开申请"]  # a figure, no supposed cause beside it


@pytest.mark.parametrize("said, problems", [
    ("今年的问题一是解读形式和内容还不够丰富，二是经办人员碰到新情况处理能力还不够。",
     ["解读形式和内容还不够丰富", "经办人员遇到新情况处理能力有待提高"]),
    ("存在的问题主要有两个：一是公开栏更新不及时，二是信息员业务不熟。", ["公开栏更新不及时", "信息员业务不够熟练"]),
    ("本年度的不足有三点：一是网站更新慢，二是归档不规范，三是人手不够。",
     ["网站更新不够及时", "归档不规范", "工作力量不足"]),
])
def test_problems_told_as_a_list_are_each_a_problem(said, problems):
    from gkassist.dialogue.kinds.improvements import _split
    _, named, _, _ = _split(said, township())
    assert [p.problem for p in named] == problems


@pytest.mark.parametrize("said, followup, intents", [
    ("去年说形式单一，今年开了公众号。下一步继续加强管理。", "公众号", 1),
    ("下一步继续按要求把制度管严、内容理规范。", "", 1),
    ("针对上年的问题，今年按目录补齐了。明年将每季度检查一次。", "补齐", 1),
    ("去年说形式单一，今年开了公众号。", "公众号", 0),
])
def test_what_will_be_done_is_no_rectification(said, followup, intents):
    from gkassist.dialogue.kinds.improvements import _split
    written, _, _, told = _split(said, township())
    assert (followup in written if followup else written == "") and len(told) == intents
    assert "下一步" not in written and "将每季度" not in written


@pytest.mark.parametrize("a, b, same", [
    ("主动公开方面，解读的形式较为单一，图解视频等数量偏少", "解读形式和内容还不够丰富", True),
    ("网站专栏部分更新不及时", "平台建设方面，网站专栏部分更新不及时", True),
    ("网站更新不够及时", "公开栏更新不够及时", False),
    ("归档不够规范", "经办人员能力有待提高", False),
])
def test_a_problem_told_in_one_and_again_in_five_is_one(a, b, same):
    from gkassist.dialogue.improvements import same_problem
    assert same_problem(a, b) is same


@pytest.mark.parametrize("path, problems", [
    ("corpus/2023_pingtan_jjfzj.txt", ["部分信息公开内容不够全面", "公开方式和渠道不够多元化"]),  # 存在……的问题
    ("corpus/2024_pingtan_gaj.txt", ["部分工作人员对本单位产生信息的公开属性认定不够准确", "政策解读主动性还要再提升"]),  # 表现在：A；B
    ("corpus/2020_pingtan_syq.txt", ["基层政务公开标准化规范化水平有待进一步提升", "各部门政府信息公开工作的开展还不够均衡",
                                     "少数政务新媒体“政务”属性不够突出"]),  # （一）存在的主要问题：A；B；C
    ("seeds/000_7a4690d65c5df8d4.txt", ["公开内容需要进一步深化", "公开信息及形式有待完善"]),  # （一）A。……（二）B。
])
def test_last_years_problems_are_read_from_its_five(path, problems):
    from gkassist.dialogue.improvements import last_years_problems
    from support import SHARED
    assert last_years_problems(import_file(SHARED / path).report) == problems


@pytest.mark.slow
@pytest.mark.parametrize("followup, asked", [
    ("去年说公开形式单一，今年加了电子屏，又开了公众号。", "“公开内容需要进一步深化”，整改情况里还没有说到"),
    ("去年的内容不够深的问题，今年按目录逐项补齐了。", "“公开信息及形式有待完善”，整改情况里还没有说到"),
    ("下一步继续把制度管严。", "还没有说2020年度报告提出的问题今年是怎么整改的"),
])
def test_a_problem_of_last_year_the_follow_up_leaves_out_is_asked_for_once(followup, asked):
    engine = at_five("逐条审查。归档还不太规范。")
    shown = "\n".join(r.text for r in engine.answer(followup))
    assert asked in shown
    shown = "\n".join(r.text for r in engine.answer(followup))  # told again as it was: not asked twice
    assert "还没有说" not in shown


@pytest.mark.slow
def test_a_follow_up_of_every_problem_asks_nothing():
    engine = at_five("逐条审查。归档还不太规范。")
    shown = "\n".join(r.text for r in engine.answer("去年说公开内容不全面、形式单一，今年按目录补齐了，还加了微信群推送。"))
    assert "还没有说" not in shown


@pytest.mark.parametrize("said, written", [
    ("针对2020年度报告提出的公开形式单一，2021年增加了电子屏。", "针对2020年度报告提出的公开形式单一的问题，2021年"),
    ("针对2022年度报告提出的内容不全、更新不及时，2023年按目录补齐。", "针对2022年度报告提出的内容不全、更新不及时等问题，2023年"),
    ("针对2020年度报告提出的形式单一的问题，2021年增加公众号。", "针对2020年度报告提出的形式单一的问题，2021年"),
])
def test_last_years_problems_named_in_the_sentence_of_what_was_done_are_the_problems(said, written):
    from gkassist.dialogue.improvements import followup_sentences
    assert followup_sentences(said).startswith(written)


@pytest.mark.parametrize("said, problem", [
    ("不过部分部门的网站栏目更新不及时，第三方监测多次通报", "部分部门的网站栏目更新不及时，第三方监测多次通报"),  # 第三方 is no item
    ("队伍工作人手还是不够", "工作力量不足"),
])
def test_a_shortcoming_is_told_whole(said, problem):
    assert compose_answer("网站发了30条。" + said + "。", township()).shortfalls == [problem]


@pytest.mark.parametrize("said", ["政务新媒体又关了3个没人维护的", "关停了2个重复开的账号"])
def test_a_closure_reported_as_done_is_no_shortcoming(said):
    assert compose_answer(said + "。", township()).shortfalls == []


@pytest.mark.parametrize("problem, answered_by", [
    ("仅有1名工作人员兼职负责，业务不够熟练", "明确专人负责"),  # a part-timer: a dedicated person (and training)
    ("个别申请临近法定期限才予答复，科室之间流转效率不高", "到期提醒"),
    ("监督保障方面，工作力量不足", "明确专人负责"),
])
def test_the_most_particular_family_answers(problem, answered_by):
    assert answered_by in measure_for(problem, otherwise=False)


@pytest.mark.slow
@pytest.mark.parametrize("told, problem, measure, not_written", [
    ("去年说形式单一，今年开了公众号。明年打算每月检查一次各村公开栏，再搞个信息员培训。",
     "部分村公开栏更新不够及时", "下一步，将每月检查一次各村公开栏", "开展信息员培训"),
    ("去年说形式单一，今年开了公众号。下一步每季度对各村公开栏拍照备查。",
     "部分村公开栏更新不够及时", "下一步，将每季度对各村公开栏拍照备查", ""),
])
def test_what_will_be_done_about_a_problem_is_its_measure_not_a_rectification(told, problem, measure, not_written):
    engine = at_five("逐条审查。有的村公开栏更新慢，半年没换。")
    replies = engine.answer(told)
    written = replies[1].text
    assert f"{problem}，半年未更新。{measure}。" in written and "针对2020年度报告提出的形式单一的问题，2021年开通微信公众号。" in written
    shown = "\n".join(r.text for r in replies)
    assert (not_written in shown and "没有写入" in shown) if not_written else "没有写入" not in shown


@pytest.mark.parametrize("said", [
    "拿不准的就打电话跟申请人沟通，问清楚要什么",
    "发现表述不规范就下发工单让单位改",
    "属性定不准的时候就请法制股把关",
])
def test_a_way_of_handling_the_unsure_is_no_shortcoming(said):
    assert compose_answer(said + "。", township()).shortfalls == []


@pytest.mark.slow
def test_a_problem_told_again_in_five_with_a_measure_keeps_that_measure():
    engine = at_five("逐条审查。有的村公开栏更新慢，半年没换。")
    replies = engine.answer("去年说形式单一，今年开了公众号。今年的问题是村里公开栏更新不及时，明年每月到各村检查一次。")
    written = replies[1].text
    assert written.count("公开栏更新") == 1 and "下一步，将每月到各村检查一次" in written


def test_the_further_items_of_a_plan_are_the_plan_too():
    from gkassist.dialogue.sentences import future_intents
    kept, intents = future_intents("针对上年的问题，目录补齐了。2026年打算：一是编制目录。二是多做图解。三是推数字化。")
    assert kept == "针对上年的问题，目录补齐了。" and len(intents) == 3
