"""The terminal a clerk meets first (issue 32): the year the season is drafting, last year's report asked for after
the agency, undo that never loses a saved answer, asking how to answer, and the actions typed by their names."""

import json
from datetime import date

import pytest

from gkassist.cli import main
from gkassist.core.model import load_report
from gkassist.dialogue import Engine
from gkassist.dialogue.engine import default_year
from gkassist.dialogue.opening import open_session
from gkassist.importer import import_file
from support import SAMPLES, SEED


def said(replies):
    return "\n".join(r.text for r in replies)


@pytest.mark.parametrize("today, year", [
    (date(2026, 12, 7), 2026), (date(2026, 11, 1), 2026), (date(2026, 10, 31), 2025), (date(2027, 1, 15), 2026),
    (date(2027, 1, 31), 2026), (date(2026, 6, 30), 2025), (date(2026, 2, 1), 2025), (date(2025, 12, 31), 2025),
])
def test_the_default_year_follows_the_season(today, year):
    assert default_year(today) == year
    engine, _ = open_session(clock=lambda: today)
    assert engine.report.year == year and engine.step.id == "agency"


def test_an_explicit_year_or_last_years_report_decides_over_the_season():
    december = lambda: date(2026, 12, 7)  # noqa: E731
    assert open_session(year=2024, clock=december)[0].report.year == 2024
    assert open_session(str(SEED), clock=december)[0].report.year == 2021  # the seed is 2020's


def start_2025_draft(clock):
    engine, _ = open_session(year=2025, clock=clock)
    for answer in ("青岚县白云镇人民政府", "对", "没有"):
        engine.answer(answer)
    assert engine.step.id == "requests" and engine.report.year == 2025
    return engine


@pytest.mark.parametrize("choice, year", [("接着写", 2025), ("接着写2025年的", 2025), ("2025年", 2025),
                                          ("开始2026年的", 2026), ("2026", 2026), ("开始新的", 2026)])
def test_an_unfinished_draft_of_last_year_asks_which_year(choice, year):
    december = lambda: date(2026, 12, 7)  # noqa: E731
    old = start_2025_draft(december)
    engine, notice = open_session(clock=december)
    assert engine.path == old.path
    assert "接着写2025年的，还是开始2026年的？" in said(engine.greeting(notice))
    assert engine.answer("自然人3件")[0].kind == "error"  # no answer is taken before the year is chosen
    replies = engine.answer(choice)
    assert engine.report.year == year and engine.modes.offered_year is None
    if year == 2026:
        assert engine.report.agency == "青岚县白云镇人民政府" and engine.path != old.path
        assert load_report(old.path).year == 2025  # the older draft stays as it was
    else:
        assert "今年收到和办理政府信息公开申请的情况如何" in said(replies)
    # in June the unfinished 2025 draft is the season's: no question
    june, _ = open_session(clock=lambda: date(2026, 6, 1))
    assert june.modes.offered_year is None


# ---------------------------------------------------------------- last year's report, asked for after the agency
def report_elsewhere(tmp_path, agency="青岚县白云镇人民政府"):
    """Last year's report of an agency no draft or corpus file has: a file the clerk has somewhere."""
    data = json.loads((SAMPLES / "2024_shiqiaozhen.json").read_text(encoding="utf-8"))
    data["agency"] = agency
    path = tmp_path / "去年的年报.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("given", ["{path}", "'{path}'", "\"{path}\"", "“{path}”", " {path} "])
def test_last_years_report_given_as_a_path_is_read_shown_and_taken_with_yes(tmp_path, given):
    path = report_elsewhere(tmp_path)
    engine = Engine.start(None, 2025)
    engine.answer("青岚县白云镇人民政府")
    asked = said(engine.answer("对"))
    assert "去年的报告在哪里" in asked and "网址" in asked and "没有" in asked
    replies = engine.answer(given.format(path=path))
    assert replies[0].text.startswith("已读入去年的报告：青岚县白云镇人民政府 2024年度")
    assert replies[-1].text.startswith("用它作为去年的报告吗？")
    assert engine.last_year is None  # not before “对”
    replies = engine.answer("对")
    assert engine.last_year.year == 2024 and engine.report.agency == "青岚县白云镇人民政府"
    assert engine.report.number("t3", "carried", "total") == 1 and engine.step.id == "requests"


def test_a_published_report_given_prints_what_import_prints(tmp_path):
    engine = Engine.start(None, 2021)
    engine.answer("某某县某某镇人民政府")
    engine.answer("对")
    replies = engine.answer(str(SEED))
    _, result = __import__("gkassist.importer", fromlist=["load_any"]).load_any(str(SEED))
    assert replies[0].text == f"已导入去年的报告：{result.summary()}"  # the words --from prints
    engine.answer("对")
    assert engine.last_year.year == 2020 and engine.report.agency == "某某县某某镇人民政府"


@pytest.mark.parametrize("bad", ["/没有这个文件.docx", "去年的报告.xls", "http://127.0.0.1:9/去年.html"])
def test_a_path_that_cannot_be_read_is_said_and_asked_again(bad):
    engine = Engine.start(None, 2025)
    engine.answer("青岚县白云镇人民政府")
    engine.answer("对")
    replies = engine.answer(bad)
    assert replies[0].kind == "error" and "请再给一次" in replies[0].text
    assert engine.modes.asking_last_year and engine.step.id == "requests"
    assert "今年收到和办理" in said(engine.answer("没有"))
    assert engine.last_year is None and not engine.modes.asking_last_year


@pytest.mark.parametrize("no", ["没有", "没有。", "无", "去年没有报告", "找不到", "不用"])
def test_no_last_year_goes_on(no):
    engine = Engine.start(None, 2025)
    engine.answer("青岚县白云镇人民政府")
    engine.answer("对")
    replies = engine.answer(no)
    assert replies[0].text == "好的，没有去年的报告。" and engine.step.id == "requests"


def test_last_years_report_asked_for_headless(tmp_path, capsys):
    path = report_elsewhere(tmp_path)
    answers = tmp_path / "answers.txt"
    answers.write_text(f"青岚县白云镇人民政府\n对\n{path}\n对\n", encoding="utf-8")
    assert main(["draft", "--year", "2025", "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    assert "去年的报告在哪里" in out and "用它作为去年的报告吗？" in out and "已按去年的报告填好上年结转" in out


# ---------------------------------------------------------------- undo
def test_undo_discards_the_pending_answer_first_and_a_saved_one_only_the_second_time():
    last = import_file(SEED).report
    engine = Engine.start(last, 2021)
    for answer in ("没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"):
        engine.answer(answer)
    saved_t2 = dict(engine.report.tables["t2"])
    assert engine.report.number("t2", "licensing", "decisions") == 5 and engine.step.id == "overview_proactive"
    engine.answer("新建公开栏2块")  # a narrative proposal, waiting for “对”
    replies = engine.undo()
    assert replies[0].text == "已撤销刚才还没确认的回答；已保存的内容没有变。"
    assert engine.pending is None and engine.step.id == "overview_proactive"
    on_disk = json.loads(engine.path.read_text(encoding="utf-8"))["report"]
    assert on_disk["tables"]["t2"] == json.loads(json.dumps(saved_t2)) and engine.report.tables["t2"] == saved_t2
    # the second undo takes back the confirmed 表二 and says so; the question of 表二 is asked again
    replies = engine.undo()
    assert replies[0].text.startswith("已撤销对“表二 主动公开”的修改，恢复为修改之前的样子。")
    assert engine.step.id == "proactive" and engine.report.number("t2", "licensing", "decisions") is None
    assert engine.report.number("t3", "results_total", "total") == 0  # nothing before it changed


def test_undo_of_a_reopened_part_shows_what_comes_back():
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ("自然人申请2件，予以公开2件", "对", "改表三", "自然人申请3件，予以公开3件", "对"):
        engine.answer(answer)
    assert engine.report.number("t3", "new", "total") == 3
    replies = engine.undo()
    assert engine.report.number("t3", "new", "total") == 2 and engine.step.id == "requests"
    assert "已保存的是：" in said(replies) and "自然人 2" in said(replies)


def test_undo_takes_back_last_years_report_and_an_open_offer(tmp_path):
    path = report_elsewhere(tmp_path)
    engine = Engine.start(None, 2025)
    for answer in ("青岚县白云镇人民政府", "对", str(path)):
        engine.answer(answer)
    assert engine.undo()[0].text == "已撤销刚才还没确认的回答；已保存的内容没有变。"
    assert engine.modes.offered_last_year is None and engine.last_year is None
    engine.answer("改机关名称")
    engine.answer("对")
    engine.answer(str(path))
    engine.answer("对")
    assert engine.last_year is not None
    engine.undo()
    assert engine.last_year is None and engine.report.number("t3", "carried", "total") is None


@pytest.mark.parametrize("typed", ["撤销", "撤回"])
def test_undo_typed(typed):
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("没有")
    assert said(engine.answer(typed)).startswith("已撤销刚才还没确认的回答") and engine.pending is None


# ---------------------------------------------------------------- asking how to answer
HOW = ["帮助", "help", "HELP", "？", "?", "怎么填？", "怎么填", "怎么写", "不会填", "这个填什么", "这个填什么？",
       "这一题怎么填呢", "请问这个怎么回答", "我不会填啊", "不知道怎么写", "这是什么意思？", "填啥", "表三怎么填？"]


@pytest.mark.parametrize("text", HOW)
def test_asking_how_to_answer_is_answered_with_the_help_for_the_question(text):
    engine = Engine.start(import_file(SEED).report, 2021)
    replies = engine.answer(text)
    assert replies[0].text.startswith("现在这一题是“表三 依申请公开”") and "一句话说完" in replies[0].text
    assert "随时可以说" in replies[-1].text and engine.pending is None
    for a in ("没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件", "对"):
        engine.answer(a)
    assert engine.answer(text)[0].text.startswith("现在这一题是“一（一）主动公开”")


@pytest.mark.parametrize("text", ["自然人5件？", "我们不会填写错误的信息", "公开栏怎么写的都有12块", "没有"])
def test_an_answer_that_looks_like_a_question_is_still_an_answer(text):
    engine = Engine.start(import_file(SEED).report, 2021)
    assert not engine.answer(text)[0].text.startswith("现在这一题是")


def test_help_while_the_assistant_asks_its_own_question():
    engine = Engine.start(None, 2025)
    engine.answer("青岚县白云镇人民政府")
    engine.answer("对")
    assert "去年的报告在哪里" in engine.answer("怎么填？")[0].text and engine.modes.asking_last_year


def test_asking_how_headless(tmp_path, capsys):
    answers = tmp_path / "answers.txt"
    answers.write_text("怎么填？\n帮助\n", encoding="utf-8")
    assert main(["draft", "--from", str(SEED), "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    assert out.count("现在这一题是“表三 依申请公开”") == 2 and "没听明白" not in out and "请用中文" not in out


# ---------------------------------------------------------------- the actions typed by their names
@pytest.mark.parametrize("typed", ["导出", "导出报告", "导出Word", "导出成word"])
def test_export_typed_headless_writes_where_it_runs(tmp_path, monkeypatch, capsys, typed):
    monkeypatch.chdir(tmp_path)
    answers = tmp_path / "answers.txt"
    answers.write_text(f"{typed}\n{typed}\n", encoding="utf-8")
    assert main(["draft", "--from", str(SEED), "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    assert "确实要现在导出.docx吗" in out  # blanks left: said first
    assert [p.name for p in tmp_path.glob("*.docx")] == ["德惠市郭家镇人民政府2021年政府信息公开工作年度报告.docx"]


@pytest.mark.parametrize("typed, step", [("跳过", "appeals"), ("下一题", "appeals"), ("上一题", "agency"),
                                         ("改表二", "proactive"), ("预览", "requests")])
def test_the_other_actions_typed(typed, step, capsys, tmp_path):
    engine = Engine.start(import_file(SEED).report, 2021)
    replies = engine.answer(typed)
    assert engine.step.id == step
    if typed == "预览":
        assert replies == [type(replies[0])("预览", "action", action="preview")]


@pytest.mark.parametrize("typed", ["落款", "落款日期", "改落款日期"])
def test_the_closing_date_named_without_a_date_says_how(typed):
    engine = Engine.start(import_file(SEED).report, 2021)
    replies = engine.answer(typed)
    assert replies[0].text.startswith("落款日期现在是") and "落款日期：2022年1月20日" in replies[0].text
    assert engine.report.closing_date is None and engine.step.id == "requests"
