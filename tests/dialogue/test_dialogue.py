"""The dialogue engine without any UI: a whole draft from the seed as last year to a checked 2021 report."""
import json
import re
from datetime import date
from pathlib import Path

import pytest

from gkassist.checks import ERROR
from gkassist.core.errors import InputError
from gkassist.core.model import load_report
from gkassist.dialogue import Engine
from gkassist.dialogue.answers import parse_t3, parse_t4
from gkassist.dialogue.improvements import propose
from gkassist.dialogue.lastyear import find_last_year
from gkassist.importer import import_file
from support import ROOT, SAMPLES, SEED


def test_parse_a_table_in_one_sentence():
    parsed = parse_t3("自然人申请5件，予以公开4件，部分公开1件，另有1件天气怎样")
    assert parsed.cells == {("t3", "new", "natural"): 5, ("t3", "open", "natural"): 4, ("t3", "partial", "natural"): 1}
    assert parsed.not_understood == ["1件天气怎样"] and parsed.questions == []
    # applications of no named kind are asked about, not put under 自然人
    unnamed = parse_t3("收到申请三件，都予以公开三件")
    assert unnamed.cells == {} and unnamed.questions[0].startswith("“收到申请三件”的申请人是哪类")
    assert parse_t4("行政复议1件，结果维持").cells == {("t4", "cases", "review.upheld"): 1}


def test_results_of_several_applicant_kinds_are_asked_for_not_guessed():
    parsed = parse_t3("自然人申请5件，企业2件；予以公开4件，企业部分公开1件，本机关不掌握2件")
    assert parsed.cells == {("t3", "new", "natural"): 5, ("t3", "new", "business"): 2, ("t3", "partial", "business"): 1}
    assert parsed.questions == ["申请人有自然人、商业企业几类，办理结果要分别填。“予以公开4件、本机关不掌握2件”分别是哪类申请人的？"
                                "请补充，例如“自然人予以公开3件，企业予以公开1件”。"]
    engine = Engine.start(import_file(SEED).report, 2021)
    replies = engine.answer("自然人申请5件，企业2件；予以公开4件，企业部分公开1件，本机关不掌握2件")
    assert replies[-1].kind == "error"
    assert replies[-1].text.startswith("申请人有自然人、商业企业几类，办理结果要分别填。“予以公开4件、本机关不掌握2件”分别是哪类申请人的？")
    # the follow-up adds to what was understood instead of starting over
    replies = engine.answer("自然人予以公开3件，本机关不掌握2件；企业予以公开1件")
    assert replies[0].text == """我理解为：
  表三 · 一、本年新收政府信息公开申请数量：自然人 5，商业企业 2，总计 7
  表三 · 三、本年度办理结果 （一）予以公开：自然人 3，商业企业 1，总计 4
  表三 · 三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）：商业企业 1，总计 1
  表三 · 三、本年度办理结果 （四）无法提供 1.本机关不掌握相关政府信息：自然人 2，总计 2
  表三 · 三、本年度办理结果 （七）总计：自然人 5，商业企业 2，总计 7
  （其余为 0）"""
    assert replies[-1].text == "对吗？回答“对”保存，或直接重新描述。"
    engine.answer("对")
    n = engine.report.number
    assert (n("t3", "new", "total"), n("t3", "open", "natural"), n("t3", "open", "business"),
            n("t3", "partial", "business"), n("t3", "unable_1", "natural"), n("t3", "results_total", "total")) == (7, 3, 1, 1, 2, 7)


# Every question of a 2021 draft from the seed, answered.
WHOLE_REPORT = ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对",
                "公开信息86条", "对", "均按期答复", "对", "逐条审查", "对", "新建公开栏5块", "对", "每季度检查一次", "对",
                "去年的问题已整改", "对", "没有", "对", "党政办，电话0431-12345678", "对"]


def answer_all(engine, answers):
    log = []
    for a in answers:
        log += engine.answer(a)
    return log


@pytest.mark.slow
def test_whole_draft_from_the_seed(tmp_path):
    last = import_file(SEED).report
    engine = Engine.start(last, 2021)
    assert engine.report.format_version == "2021" and engine.report.agency == "德惠市郭家镇人民政府"
    assert engine.step.id == "requests"
    replies = engine.answer("自然人申请5件，企业2件；予以公开4件，部分公开1件，本机关不掌握2件，结转下年0件")
    shown = "\n".join(r.text for r in replies)
    assert "\n  表三 · 一、本年新收政府信息公开申请数量：自然人 5，商业企业 2，总计 7\n" in shown
    assert engine.report.number("t3", "new", "natural") is None  # not stored before confirmation
    # the results were not split between the two kinds of applicant: the assistant asks before storing
    assert replies[-1].kind == "error" and "分别是哪类申请人的" in replies[-1].text
    engine.answer("自然人申请5件，企业2件；自然人予以公开3件，企业予以公开1件，自然人部分公开1件，"
                  "自然人本机关不掌握1件，企业本机关不掌握1件，结转下年0件")
    engine.answer("对")
    assert engine.report.number("t3", "results_total", "total") == 7
    assert engine.report.number("t3", "unable_1", "business") == 1
    assert engine.path.exists()
    saved = json.loads(engine.path.read_text(encoding="utf-8"))
    assert saved["report"]["tables"]["t3"]["new"]["total"] == 7 and saved["step"] == "appeals"
    answer_all(engine, ["没有", "对",
                        "规范性文件制发2件，废止0件，现行有效5件；行政许可12件，行政处罚3件，行政强制0件，收费0万元", "对"])
    for text in ["在镇政府网站公开惠农补贴名单和财政预决算，全年发布信息120条", "申请主要涉及土地补偿，均在法定期限内答复",
                 "对公开信息逐条进行保密审查", "政务公开栏全部更新", "配备1名专职信息员，每季度检查一次"]:
        answer_all(engine, [text, "对"])
    replies = engine.answer("去年提出的公开形式单一问题，今年增加了微信公众号发布。问题是有几个村的公开栏更新慢")
    assert "本年度工作中还存在以下问题。一是部分村的公开栏更新不够及时" in replies[1].text
    engine.answer("对")
    answer_all(engine, ["没有", "对"])
    assert engine.step.id == "preface"
    # the seed has no opening paragraph to carry over: the clerk says it once, in everyday words
    replies = engine.answer("镇党政办，电话0431-12345678，地址郭家镇政府大楼，镇政府网站政务公开专栏")
    assert replies[0].text.startswith("我理解为：科室：德惠市郭家镇人民政府党政办公室，电话：0431-12345678，地址：郭家镇政府大楼，"
                                      "公开网站：镇政府网站政务公开专栏")  # the office by its full name
    engine.answer("对")
    assert engine.done
    preface = engine.report.preface[0]
    assert "统计期限自2021年1月1日起至2021年12月31日止" in preface and "本报告电子版可在镇政府网站政务公开专栏查阅和下载" in preface
    assert preface.endswith("如对本报告有疑问，请与德惠市郭家镇人民政府党政办公室联系（地址：郭家镇政府大楼；电话：0431-12345678）。")
    findings = [f for f in engine.findings() if f.severity == ERROR or f.rule == "PREFACE"]
    assert findings == []
    problems = engine.report.sections["problems"]
    assert problems[0].startswith("针对2020年度报告提出的") and "无法提供" not in problems[1]  # 2 of 7: under the threshold


def test_bad_answers_keep_the_draft():
    engine = Engine.start(import_file(SEED).report, 2021)
    for bad in ["", "hello world", "随便", "x" * 6000, "-3件"]:
        replies = engine.answer(bad)
        assert replies and replies[0].kind == "error", bad
    assert engine.step.id == "requests" and engine.pending is None


def test_broken_balance_is_named_in_plain_words():
    engine = Engine.start(import_file(SEED).report, 2021)
    replies = engine.answer("自然人申请5件，予以公开2件")
    assert replies[-1].kind == "error" and replies[-1].text.startswith(
        "数字对不上：自然人申请5件，办理结果2件，还有3件没有说办理结果——是结转下年度，还是别的结果？")
    moved = engine.answer("对")  # nothing is saved with 3 left unplaced: the flow goes on, 表三 unfinished
    assert moved[0].text.startswith("表三先不保存，还差：数字对不上") and engine.step.id == "appeals"
    assert engine.report.number("t3", "new", "natural") is None
    engine.answer("改表三")  # what was said comes back with the question
    replies = engine.answer("另外3件结转到明年")  # the follow-up adds what was missing
    assert replies[-1].text == "对吗？回答“对”保存，或直接重新描述。"
    engine.answer("对")
    assert [engine.report.number("t3", r, "natural") for r in ("new", "open", "carry_next")] == [5, 2, 3]
    assert engine.step.id == "appeals" and engine.state.unfinished == {}


def test_undo_and_resume(tmp_path):
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, ["没有", "对"])
    assert engine.step.id == "appeals"
    engine.undo()
    assert engine.step.id == "requests" and engine.report.number("t3", "new", "total") is None
    answer_all(engine, ["没有", "对", "没有", "对"])
    again = Engine.resume(engine.path)
    assert again.step.id == "proactive" and again.report.number("t4", "cases", "review.total") == 0


def test_corrupt_and_future_drafts(tmp_path):
    bad = tmp_path / "d.json"
    bad.write_text("{half", encoding="utf-8")
    with pytest.raises(InputError, match="损坏"):
        Engine.resume(bad)
    engine = Engine.start(import_file(SEED).report, 2021)
    data = json.loads(engine.report.to_json())
    data["schema_version"] = 99
    bad.write_text(json.dumps({"report": data, "step": 1}), encoding="utf-8")
    with pytest.raises(InputError, match="更新版本"):
        Engine.resume(bad)


def test_problem_proposals_follow_the_figures():
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, ["没有", "对"])
    proposed = propose(engine.report)
    assert [p.area for p in proposed] == ["no_requests"]  # nothing offered only to fill the section
    assert proposed[0].reason == "全年未收到政府信息公开申请"
    # a problem last year's report already stated in these words is not proposed again
    last = engine.last_year.model_copy(deep=True)
    last.sections["problems"] = ["本年度存在的问题和改进措施：一是" + proposed[0].problem + "，下一步将增加图解。"]
    assert propose(engine.report, last) == []


def test_problems_follow_the_clerks_answers_and_can_be_edited():
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, ["自然人申请2件，予以公开2件", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"])
    for text in ["公开惠农补贴名单120条", "均按期答复", "逐条保密审查",
                 "新建村务公开栏12块，镇政府网站的依申请公开栏目尚未开通", "每季度检查一次"]:
        answer_all(engine, [text, "对"])
    replies = engine.answer("去年提出的公开形式单一问题，今年增加了微信公众号发布")
    proposed = replies[0].text.splitlines()[1:]
    # the clerk's named gap, nothing invented beside it
    assert [line.split("；")[0] for line in proposed] == [
        "1. 问题：平台建设方面，镇政府网站的依申请公开栏目尚未开通（依据：您在一、总体情况（平台建设）里说的）"]
    assert engine.report.sections["overview"][3] == "（四）平台建设。我镇新建村务公开栏12块。"  # not where it was said
    assert "一是平台建设方面，镇政府网站的依申请公开栏目尚未开通。下一步，将制定建设计划，明确责任人和完成时限" in replies[1].text
    replies = engine.answer("改2：村级公开栏内容更新慢，下一年度实行每月集中更新")
    assert replies[0].text.endswith("二是村级公开栏内容更新慢。下一步，将实行每月集中更新。")
    engine.answer("加：信息员为兼职，业务培训不足，明年组织两次专题培训")
    assert engine.answer("改9：什么")[0].text == "没有这一条。"
    engine.answer("去掉1")
    engine.answer("对")
    assert engine.report.sections["problems"][1] == (
        "本年度工作中还存在以下问题。一是村级公开栏内容更新慢。下一步，将实行每月集中更新。"
        "二是信息员为兼职，业务培训不足。下一步，将组织两次专题培训。")


def test_a_suggestion_is_taken_and_its_slots_filled_in_order():
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"])
    replies = engine.answer("（一）主动公开。在镇政府网站公开财政预决算和惠农补贴信息")
    assert replies[0].text == "将写入：（一）主动公开。我镇在镇政府网站公开财政预决算和惠农补贴信息。"  # heading not doubled
    first = next(r.text for r in replies if r.kind == "suggestion" and r.text.startswith("参考1："))
    slots = re.findall(r"〔[^：]*：([^〕]*)〕", first)
    assert slots[:3] == ["县政府门户网站", "石桥镇", "146条"]  # in the order “填：” fills them; a level word is a slot too
    engine.answer("参考1")
    assert engine.answer("填：" + "，".join(["x"] * 9))[0].text.startswith("这段只有")
    replies = engine.answer("填：德惠市政府门户网站，郭家镇，88条")
    assert replies[0].text.startswith("将写入：（一）主动公开。我镇在镇政府网站公开财政预决算和惠农补贴信息。全年在德惠市政府门户网站郭家镇栏目发布信息88条")
    assert replies[1].text == f"还有{len(slots) - 3}处〔…〕，可以接着“填：……”。"
    replies = engine.answer("填：" + "，".join(f"{i}条" for i in range(len(slots) - 3)))
    assert "；（出处：" in first and replies[0].text.endswith("村级项目建设公示2条。")
    engine.answer("对")
    assert "〔" not in engine.report.sections["overview"][-1]
    assert engine.answer("填：3条")[0].text.startswith("现在没有待确认的内容")  # nothing pending: not a paragraph
    # a paragraph that starts like a command (加强…, 填报…) is still a paragraph, pending or not
    assert engine.answer("加强了答复审核")[0].text.endswith("。我镇加强答复审核。")
    assert engine.answer("填报系统按时更新")[0].text.endswith("行政诉讼。填报系统按时更新。")
    assert engine.answer("还原")[0].text == "已换回您写的：（二）依申请公开。填报系统按时更新。"  # without the figures' sentences
    assert engine.answer("还原")[0].text == "没有改过您写的，不需要还原。"


def test_last_year_is_offered_once_the_agency_is_named():
    engine = Engine.start(None, 2025)
    assert engine.step.id == "agency" and engine.last_year is None
    engine.answer("青岚县石桥镇人民政府")
    replies = engine.answer("对")
    assert replies[0].text.startswith("已保存。找到语料库里的报告 2024_shiqiaozhen.json：青岚县石桥镇人民政府 2024年度。")
    assert engine.answer("随便")[0].text == "请回答“对”（使用这份去年的报告）或“不用”。"
    replies = engine.answer("用")
    assert replies[0].text == "好的，已按去年的报告填好上年结转和现行有效件数。"
    assert engine.last_year.year == 2024 and engine.report.agency == "青岚县石桥镇人民政府"
    assert engine.report.number("t3", "carried", "total") == engine.last_year.number("t3", "carry_next", "total") == 1
    assert engine.step.id == "requests"
    # next year, this year's saved answers (the draft file) are last year's report
    found, where = find_last_year("青岚县石桥镇人民政府", 2026)
    assert where == f"去年的草稿 {engine.path.name}（还没写完）" and found.year == 2025
    assert load_report(engine.path).number("t3", "carried", "total") == 1
    # an agency with no report last year is asked for it; “没有” goes on
    other = Engine.start(None, 2025)
    other.answer("青岚县某某乡人民政府")
    assert "去年的报告在哪里" in other.answer("对")[0].text
    assert other.answer("没有")[1].text.startswith("今年收到和办理政府信息公开申请的情况如何")


def test_numbers_in_a_paragraph_are_checked_before_it_is_stored():
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, ["自然人申请3件，予以公开3件", "对", "没有", "对"])
    # 现行有效 follows from last year's (seed: 2020 in the 2019 format has none, so the 2024 sample is used)
    last = load_report(SAMPLES / "2024_shiqiaozhen.json")
    engine2 = Engine.start(last, 2025)
    answer_all(engine2, ["没有新申请，上年结转的1件已予以公开", "对", "没有", "对"])
    replies = engine2.answer("规范性文件制发2件，废止1件；行政许可5件")
    in_force = last.number("t2", "normative", "in_force") + 2 - 1
    assert f"表二 · 第二十条第（一）项 · 行政规范性文件：本年制发件数 2，本年废止件数 1，现行有效件数 {in_force}" in replies[0].text
    answer_all(engine, ["规范性文件制发0件，现行有效2件", "对", "主动公开信息20条", "对"])
    replies = engine.answer("全年收到申请5件，XX件按期答复")
    assert [r.text for r in replies[1:3]] == [
        "请核对：正文写“收到申请5件”，但表三 · 一、本年新收政府信息公开申请数量 · 总计为3",
        "请核对：留有占位符“XX”，请换成实际内容"]
    assert engine.answer("全年收到申请3件，均按期答复")[1].kind != "error"


def test_a_new_draft_takes_the_agency_name_and_never_overwrites_another():
    from gkassist.paths import drafts_dir

    first = Engine.start(None, 2025)
    assert first.path.name == "2025_待填写.json"
    answer_all(first, ["青岚县某某乡人民政府", "对"])
    assert first.path.name == "2025_青岚县某某乡人民政府.json" and first.path.exists()
    second = Engine.start(None, 2025)
    answer_all(second, ["青岚县某某乡人民政府", "对"])
    assert second.path.name == "2025_青岚县某某乡人民政府_2.json"
    assert sorted(p.name for p in drafts_dir().iterdir()) == ["2025_青岚县某某乡人民政府.json", "2025_青岚县某某乡人民政府_2.json"]


def test_same_as_last_year_for_tables_and_last_years_figures_beside_the_question():
    last = load_report(SAMPLES / "2024_shiqiaozhen.json")
    engine = Engine.start(last, 2025)
    engine.answer("同去年")
    engine.answer("对")
    for row in ("new", "open", "unable_1"):
        assert engine.report.number("t3", row, "total") == last.number("t3", row, "total"), row
    assert engine.report.number("t3", "carried", "total") == last.number("t3", "carry_next", "total")
    question = engine.question()
    review = last.number("t4", "cases", "review.total")
    suits = last.number("t4", "cases", "suit_direct.total") + last.number("t4", "cases", "suit_after_review.total")
    assert question[1].text == f"去年：行政复议{review}件，行政诉讼{suits}件。情况相同可以回答“同去年”。"
    engine.answer("和去年一样")
    engine.answer("对")
    assert engine.report.tables["t4"] == last.tables["t4"]
    assert Engine.start(None, 2025).answer("同去年")[0].kind == "error"  # at the agency step: not a table
    fresh = Engine.start(None, 2025)
    answer_all(fresh, ["青岚县白云镇人民政府", "对", "没有"])  # no report of 2024 found nor given: on to 表三
    assert fresh.step.id == "requests"
    assert fresh.answer("同去年")[0].text == "没有去年的报告可以沿用，请直接说今年的数字。"


def test_section_six_same_as_last_year_only_for_the_standard_sentences():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("other")
    # the seed's 六 is “本年度无其他需要报告的事项。”: a standard sentence, not counted as repetition
    assert engine.answer("同去年")[0].text == "将写入：2021年，我镇未收取信息处理费。本年度无其他需要报告的事项。"
    last = load_report(SAMPLES / "2024_shiqiaozhen.json")  # its 六 also reports the 人大建议 it handled
    other = Engine.start(last, 2025)
    other.jump("other")
    assert other.answer("同去年")[0].text.startswith("正文不宜照抄去年")


def test_another_units_level_words_become_slots():
    from gkassist.corpus import slot

    text, slots = slot("在县政府门户网站公开政策文件32条，县政务服务中心设立查阅点", "青岚县教育局")
    assert text == "在〔机关：县政府门户网站〕公开政策文件〔数字：32条〕，〔机关：县政务服务中心〕设立查阅点"
    assert slot("在县政府门户网站公开政策文件32条", "青岚县教育局", same_agency=True)[0] == "在县政府门户网站公开政策文件〔数字：32条〕"


def test_a_figure_stated_twice_in_a_paragraph_is_pointed_out():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("overview_proactive")
    replies = engine.answer("全年发布信息120条，其中在镇政府网站发布信息120条")
    assert any("“120条”在这段里出现了两次" in r.text for r in replies)
    assert not any("出现了两次" in r.text for r in engine.answer("全年发布信息120条，政策解读8条"))


def test_one_problem_per_named_shortfall_without_the_conjunction():
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, ["自然人申请2件，予以公开2件", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对",
                        "公开120条", "对", "均按期答复", "对", "逐条审查", "对",
                        "新建公开栏12块，但镇政府网站的依申请公开栏目尚未开通，政务新媒体更新不及时", "对", "每季度检查一次", "对"])
    replies = engine.answer("去年的问题已整改")
    problems = [line.split("；")[0] for line in replies[0].text.splitlines()[1:]]
    assert problems == ["1. 问题：平台建设方面，镇政府网站的依申请公开栏目尚未开通（依据：您在一、总体情况（平台建设）里说的）",
                        "2. 问题：平台建设方面，政务新媒体更新不及时（依据：您在一、总体情况（平台建设）里说的）"]
    engine.answer("去掉1")
    assert "去掉" not in engine.answer("改1：政务新媒体更新不及时，下一步每周更新")[-1].text  # one left: none to drop
    assert engine.answer("去掉1")[0].text == "五至少要写一条具体问题。"


def test_from_last_year_with_an_existing_draft_asks_and_keeps_the_old_one():
    from gkassist.dialogue.opening import open_session
    from gkassist.paths import drafts_dir

    engine, _ = open_session(str(SEED), 2021)
    answer_all(engine, ["自然人申请2件，予以公开2件", "对"])
    again, _ = open_session(str(SEED), 2021)
    assert again.path == engine.path and again.modes.offered_restart is not None
    assert again.answer("随便")[0].text.startswith("德惠市郭家镇人民政府 2021年度已经有一份草稿（写到“表四 复议诉讼”")
    assert again.answer("接着写")[1].text.startswith("今年因政府信息公开被申请行政复议")
    assert again.report.number("t3", "new", "natural") == 2
    third, _ = open_session(str(SEED), 2021)
    reply = third.answer("重新开始")[0].text
    kept = Path(reply.split("原来的草稿留作备份：")[1])
    assert kept.exists() and load_report(kept).number("t3", "new", "natural") == 2
    assert third.report.number("t3", "new", "natural") is None and third.step.id == "requests"
    for i in range(8):  # routine versions roll off; the copy from before 重新开始 stays
        third.report.sections["other"] = [f"第{i}版。"]
        third.save()
    third.save()  # nothing changed: no version used up
    assert kept.exists() and len(list(kept.parent.glob("2*.json"))) == 5
    assert [p.name for p in drafts_dir().glob("*.json")] == ["2021_德惠市郭家镇人民政府.json"]


def test_year_reopens_a_finished_draft_and_a_part_is_edited_by_name():
    from gkassist.dialogue.opening import open_session

    engine, _ = open_session(str(SEED), 2021)
    answer_all(engine, WHOLE_REPORT)
    assert engine.done
    reopened, notice = open_session(None, 2021)
    assert reopened.done and "已完成，可以查看和修改" in notice and "gkassist draft --year 2021 --new" in notice
    assert reopened.answer("改表三")[0].text.startswith("今年收到和办理政府信息公开申请的情况如何")
    answer_all(reopened, ["自然人申请1件，予以公开1件", "对"])
    assert reopened.report.number("t3", "open", "natural") == 1
    assert reopened.done  # back to the end of the report: nothing else was empty
    # a bare start in spring 2022 (2021's report is the one due) reopens it; in December 2026 it starts 2026's and
    # says where 2021's is
    plain, notice = open_session(None, None, clock=lambda: date(2022, 3, 1))
    assert plain.path == reopened.path and plain.done
    later, notice = open_session(None, None, clock=lambda: date(2026, 12, 7))
    assert later.report.year == 2026 and not later.done and str(reopened.path) in notice


def test_a_resumed_draft_finds_its_step_by_id_after_the_flow_changes(tmp_path):
    import json

    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, ["没有", "对", "没有", "对"])
    data = json.loads(engine.path.read_text(encoding="utf-8"))
    assert data["step"] == "proactive"
    data["step"] = "a_step_removed_from_the_flow"
    engine.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert Engine.resume(engine.path).step.id == "proactive"  # the first part still empty
    data["step"] = 3  # a draft saved before steps had ids
    engine.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert Engine.resume(engine.path).step.id == "proactive"


def test_in_force_is_asked_when_last_year_has_none():
    engine = Engine.start(import_file(SEED).report, 2021)  # 2020 in the 2019 format: no 现行有效
    answer_all(engine, ["没有", "对", "没有", "对"])
    replies = engine.answer("规范性文件制发2件，废止1件；行政许可5件")
    assert "没有现行有效件数" in replies[-1].text
    assert engine.answer("对")[0].text.startswith("表二先不保存") and engine.step.id == "overview_proactive"
    replies = engine.answer("改表二") and engine.answer("现行有效7件")
    assert "现行有效件数 7" in replies[0].text
    engine.answer("对")
    assert engine.report.number("t2", "normative", "in_force") == 7 and engine.report.number("t2", "normative", "issued") == 2
    # “对” instead of the figure: the rest of 表二 stored, 现行有效 left blank (asked once, never a 0 guessed)
    for said in ("没出新文件，也没废的；许可发了8件，处罚2起", "规范性文件没有制发，也没有废止；许可3件"):
        blank = Engine.start(import_file(SEED).report, 2021)
        answer_all(blank, ["没有", "对", "没有", "对"])
        assert "没有现行有效件数" in blank.answer(said)[-1].text
        blank.answer("对")
        assert blank.step.id != "proactive" and blank.report.cell("t2", "normative", "in_force") is None
        assert blank.report.number("t2", "normative", "repealed") == 0 and blank.report.number("t2", "licensing", "decisions") > 0


def test_nothing_happened_this_year_leaves_what_earlier_years_left():
    """“没有” for 表二 is no 0 for 现行有效: carried on from last year's 现行有效, asked when that is unknown."""
    last = load_report(SAMPLES / "2024_shiqiaozhen.json")
    engine = Engine.start(last, 2025)
    answer_all(engine, ["没有", "上年那1件已经公开了", "对", "没有", "对", "没有", "对"])
    assert engine.report.number("t2", "normative", "in_force") == last.number("t2", "normative", "in_force") > 0
    assert engine.report.number("t2", "normative", "issued") == 0
    unknown = Engine.start(import_file(SEED).report, 2021)  # 2020 in the 2019 format: no 现行有效
    answer_all(unknown, ["没有", "对", "没有", "对"])
    understood, asked = unknown.answer("没有")
    assert understood.text == "我理解为：\n  待填：行政规范性文件现行有效件数\n  （其余为 0）"  # not “全部为 0”
    assert "没有现行有效件数" in asked.text and asked.kind != "error"
    unknown.answer("现行有效3件")
    unknown.answer("对")
    assert unknown.report.number("t2", "normative", "in_force") == 3


def test_hints_say_only_what_last_years_report_gives():
    """A last year's report whose tables were not read (a page copy ending in 一) gives no figures to show or to
    say “同去年” to; 上年结转 is then said to be 0 unless told."""

    engine = Engine.start(import_file(ROOT / "tests" / "published" / "2022_matoupuzhen.txt").report, 2023)
    assert engine.step.id == "requests"
    t3 = [r.text for r in engine.question()]
    assert "去年的报告里没有读出结转到今年的申请，上年结转按0计；有的话请一并说明，例如“自然人上年结转1件”。" in t3
    t4 = [r.text for r in answer_all(engine, ["没有", "对"])]
    assert t4[-1].startswith("今年因政府信息公开被申请行政复议") and not any("未填" in t or "同去年" in t for t in t3 + t4)
    seed = Engine.start(import_file(SEED).report, 2021)
    assert "去年：新收申请" in "".join(r.text for r in seed.question())  # a report whose 表三 was read: its figures


def test_a_reopened_part_keeps_its_place_in_the_report():
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, WHOLE_REPORT[:16])  # the tables and the five parts of 一
    assert engine.step.id == "problems"
    engine.jump("overview_platform")
    answer_all(engine, ["新建公开栏6块", "对"])
    assert [p[:3] for p in engine.report.sections["overview"]] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert engine.report.sections["overview"][3] == "（四）平台建设。我镇新建公开栏6块。"
    assert engine.step.id == "problems"  # back to the question the jump left


@pytest.mark.parametrize("command", ["改表二", "修改表二", "改一下表二", "回到表二", "改 表二", "改表二那部分"])
def test_a_part_is_reopened_from_any_question_and_the_conversation_comes_back(command):
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, WHOLE_REPORT[:8])  # the tables and 一（一）
    assert engine.step.id == "overview_requests"
    replies = engine.answer(command)
    assert engine.step.id == "proactive" and replies[0].text.startswith("表二：") and "已保存的是" in replies[1].text
    assert engine.report.paragraphs("overview") == ["（一）主动公开。我镇公开信息86条。"]  # never stored as report text
    answer_all(engine, ["规范性文件制发1件，现行有效1件，行政许可9件", "对"])
    assert engine.report.number("t2", "licensing", "decisions") == 9
    assert engine.step.id == "overview_requests"  # back where it left


@pytest.mark.parametrize("command", ["回到上一题", "上一题", "返回上一题"])
def test_back_to_the_last_question_and_on_again(command):
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, WHOLE_REPORT[:4])
    assert engine.step.id == "proactive"
    assert engine.answer(command)[0].text.startswith("今年因政府信息公开被申请行政复议")
    answer_all(engine, ["行政复议1件，结果维持", "对"])
    assert engine.report.number("t4", "cases", "review.upheld") == 1 and engine.step.id == "proactive"


@pytest.mark.parametrize("command", ["跳过", "先跳过", "下一题", "以后再说"])
def test_a_skipped_part_is_asked_again_once_the_rest_is_answered(command):
    engine = Engine.start(import_file(SEED).report, 2021)
    assert engine.answer(command)[0].text == "好的，“表三 依申请公开”先空着，后面再回来填。"
    answer_all(engine, WHOLE_REPORT[2:])
    assert engine.step.id == "requests" and not engine.done  # the skipped part, not “已经起草完成”
    answer_all(engine, ["没有", "对"])
    # 五 had only last year's follow-up (“去年的问题已整改”): left unfinished, it comes back with the problem the
    # figures now show (no application all year)
    assert engine.step.id == "problems" and "全年未收到政府信息公开申请" in engine.pending.paragraphs[-1]
    answer_all(engine, ["对"])
    assert engine.done


@pytest.mark.parametrize("text", ["改进了公开栏的更新", "改为每月更新一次公开栏", "回到基层走访了12个村"])
def test_words_that_start_like_a_command_are_still_an_answer(text):
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, WHOLE_REPORT[:6])
    assert engine.answer(text)[0].text.startswith("将写入：（一）主动公开。")


def test_a_year_names_the_other_units_drafts_and_new_starts_another():
    from gkassist.dialogue.opening import open_session

    for agency in ("青岚县石桥镇人民政府", "青岚县白云镇人民政府"):
        engine = Engine.start(None, 2025, agency)
        answer_all(engine, [agency, "对"])
    opened, notice = open_session(None, 2025)
    assert opened.report.agency == "青岚县白云镇人民政府"  # the one last worked on
    assert "这一年度还有青岚县石桥镇人民政府（gkassist draft --year 2025 --agency 青岚县石桥镇人民政府）的草稿" in notice
    fresh, notice = open_session(None, 2025, new=True)
    assert fresh.step.id == "agency" and notice == "已新开一份草稿。"


def test_opening_a_finished_draft_uses_up_no_history_version():
    from gkassist.dialogue.opening import open_session
    from gkassist.dialogue.session import history_dir

    engine, _ = open_session(str(SEED), 2021)
    answer_all(engine, WHOLE_REPORT)
    kept = sorted(history_dir(engine.path).glob("2*.json"))
    for _ in range(3):
        opened, _ = open_session(None, 2021)
        opened.save()
        opened.jump("requests")  # looked at, not changed
        opened.answer("对")
    assert sorted(history_dir(engine.path).glob("2*.json")) == kept


def test_a_carry_over_last_years_report_does_not_bear_out_is_pointed_out():
    engine = Engine.start(import_file(SEED).report, 2021)  # last year carried nothing on
    for said, carried in (("上年结转过来1件，今年个人新申请2件，都公开了", 1), ("去年结转的2件都是个人的，今年个人申请3件，全部公开", 2)):
        engine.pending = None
        replies = engine.answer(said)
        assert replies[-1].text.startswith(f"注意：去年报告的结转下年度继续办理是0件，今年的上年结转应与它相同，这里是{carried}件。")
    engine.pending = None
    assert not engine.answer("个人申请2件，都公开了")[-1].text.startswith("注意")


@pytest.mark.parametrize("said, expected", [
    ("落款日期：2022年1月20日", "2022年1月20日"),
    ("落款改为2022-01-25", "2022年1月25日"),
    ("落款日期改成1月28日", "2022年1月28日"),  # a month and day alone: the year after the report's
    ("落款时间 2022.2.3", "2022年2月3日"),
    ("落款是2022/1/5。", "2022年1月5日"),
])
def test_the_closing_date_is_set_at_any_question_and_closes_every_output(said, expected):
    from gkassist.output import render_text

    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("自然人申请1件，公开了")  # an answer waiting for “对” stays waiting
    replies = engine.answer(said)
    assert replies[0].text == f"落款日期改为{expected}（报告末尾写机关名称和这个日期）。"
    assert engine.pending is not None and engine.answer("对")[0].text == "已保存。"
    for suffix in (".txt", ".md", ".html"):
        assert expected in render_text(engine.report, suffix)[-400:]
    assert load_report(engine.path).closing() == (engine.report.agency, expected)  # saved with the draft


@pytest.mark.parametrize("said", ["落款日期：2022年2月30日", "落款日期：下个月", "落款：明年"])
def test_a_closing_date_that_is_no_date_is_refused_and_nothing_changes(said):
    engine = Engine.start(import_file(SEED).report, 2021)
    replies = engine.answer(said)
    assert replies[0].kind == "error" and "没看懂" in replies[0].text
    assert engine.report.closing_date is None


@pytest.mark.parametrize("left_open", [
    ["自然人申请3件，公开1件，部分公开1件", "对"],  # a question left open, confirmed: 表三 left unfinished
    ["企业申请2件，公开1件", "对"],
    ["个人3件，1件公开", "对"],
])
def test_a_table_left_unfinished_is_no_figure_for_a_problem(left_open):
    """表三 left unfinished holds no figure: 五 never offers “全年没有收到政府信息公开申请” from its blank cells."""
    engine = Engine.start(import_file(SEED).report, 2021)
    answer_all(engine, left_open)
    assert engine.report.cell("t3", "new", "total") is None  # left unfinished, nothing stored
    assert "no_requests" not in [p.area for p in propose(engine.report)]
