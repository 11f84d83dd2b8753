"""Whole reports drafted as a clerk would (last year's report, one everyday answer per question, “对” after each):
tests/prose/conversations.jsonl (a street office, a county government office, a county bureau, a township, a terse clerk) and
../shared/answers/dev_prose.jsonl when present.  What is saved reads as published: no everyday or relative-time
word, every figure the clerk said, no slot left, no `check` error, and “对” after each answer was enough."""

import json
import re
from pathlib import Path

import pytest

from gkassist.checks import ERROR, check
from gkassist.cli import main
from gkassist.core.model import load_report
from gkassist.dialogue import Engine
from gkassist.importer import load_any
from support import ROOT

OWN = [json.loads(x) for x in (ROOT / "tests" / "prose" / "conversations.jsonl").read_text("utf-8").splitlines()]
DEV_FILE = ROOT.parent / "shared" / "answers" / "dev_prose.jsonl"
DEV = [json.loads(x) for x in DEV_FILE.read_text("utf-8").splitlines()] if DEV_FILE.exists() else []
EVERYDAY = re.compile(r"今年|去年|明年|我们|咱们|局里|镇里|街道里|搞|弄|推了|这些[。；]|之类|什么的|多条|[吧呢啊嘛](?=[，。；]|$)|了[。；]")


def source(case) -> Path:
    return ROOT.parent / case["from"] if case["from"].startswith("shared/") else ROOT / case["from"]


def drafted(case):
    last, _ = load_any(str(source(case)))
    engine = Engine.start(last, case["year"])
    stalled = []
    for answer in case["answers"]:
        replies = engine.answer(answer)
        if answer == "对" and any(r.kind == "error" for r in replies):
            stalled.append(replies[-1].text)
    return engine.report, last, stalled


@pytest.mark.parametrize("case", OWN + DEV, ids=[c["id"] for c in OWN + DEV])
def test_a_whole_report_in_everyday_speech_reads_as_published(case):
    report, last, stalled = drafted(case)
    assert stalled == []
    text = "\n".join(report.preface + [p for ps in report.sections.values() for p in ps])
    assert EVERYDAY.findall(text) == []
    assert [f for f in case.get("facts", []) if f not in text] == []
    assert "〔" not in text
    # (a dev conversation's clerk may contradict last year's report: the assistant says so, the clerk's figure stays)
    assert [f.rule for f in check(report, last if case in OWN else None) if f.severity == ERROR] == []
    for paragraph in case.get("published", []):
        assert paragraph in text


def test_a_whole_conversation_through_the_command(tmp_path, capsys):
    case = next(c for c in OWN if c["id"] == "own-township")
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(case["answers"]) + "\n", encoding="utf-8")
    out = tmp_path / "report.md"
    assert main(["draft", "--from", str(source(case)), "--year", str(case["year"]), "--answers", str(answers),
                 "-o", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "将写入" in shown and "我乡新建5块村级公开栏" in shown
    assert "检查没有发现错误" in shown
    written = out.read_text("utf-8")
    assert case["published"][2] in written and written.rstrip().endswith("日")  # the 落款 closes it
    saved = load_report(next((tmp_path / "data" / "gkassist" / "drafts").glob("*.json")))
    assert saved.sections["overview"][3] == case["published"][2]


def test_a_figure_last_years_report_does_not_bear_out_is_pointed_out_and_the_clerks_kept():
    last, _ = load_any(str(ROOT / "samples" / "2024_qinglanxian_jyj.json"))  # 现行有效 6 last year
    engine = Engine.start(last, 2025)
    for answer in ("没有", "对", "没有", "对"):
        engine.answer(answer)
    replies = engine.answer("规范性文件出台了1件，有效的5件；别的都没有")
    assert replies[-1].text.startswith("注意：去年报告的行政规范性文件现行有效6件，加上今年制发、减去今年废止，应为7件，这里是5件。")
    assert replies[-1].kind == "say"  # not a question: “对” is enough
    engine.answer("对")
    assert engine.report.number("t2", "normative", "in_force") == 5
    replies = engine.back() and engine.answer("规范性文件出台了1件，有效的7件；别的都没有")
    assert not replies[-1].text.startswith("注意")


@pytest.mark.parametrize("later", ["今年在镇政府网站公开了120多条", "新做了12块公开栏", "搞了1次培训，各村文书都参加了"])
def test_a_table_question_left_open_never_takes_the_later_answers(tmp_path, capsys, later):
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(["收到申请5件，有几件还在办", "对", later, "对", "没人申请", "对"]) + "\n", encoding="utf-8")
    code = main(["draft", "--from", str(ROOT / "samples" / "000_7a4690d65c5df8d4.txt"), "--year", "2021",
                 "--answers", str(answers)])
    shown = capsys.readouterr().out
    assert code == 1
    assert "（停止：第3行：“表三 依申请公开”的问题还没有回答" in shown
    saved = load_report(next((tmp_path / "data" / "gkassist" / "drafts").glob("*.json")))
    assert saved.number("t3", "new", "total") is None and saved.sections == {}


def test_an_answer_file_that_merely_ends_early_is_no_stall(tmp_path, capsys):
    answers = tmp_path / "answers.txt"
    answers.write_text("收到申请5件，有几件还在办\n对\n", encoding="utf-8")
    assert main(["draft", "--from", str(ROOT / "samples" / "000_7a4690d65c5df8d4.txt"), "--year", "2021",
                 "--answers", str(answers)]) == 0
    assert "停止" not in capsys.readouterr().out


def test_the_next_tables_answer_given_while_a_table_question_is_open_stops_the_run(tmp_path, capsys):
    # the question asked for last year's carried-over application; the clerk went on to 表四 and 表二
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(["今年有4个人来申请，3件公开了，1件不掌握", "对", "没有", "对",
                                  "今年出了1个规范性文件，没废止，现行有效10件；其他没有", "对",
                                  "在县政府网站镇专栏发了100多条", "对"]) + "\n", encoding="utf-8")
    code = main(["draft", "--from", str(ROOT / "samples" / "2024_shiqiaozhen.json"), "--year", "2025",
                 "--answers", str(answers)])
    shown = capsys.readouterr().out
    assert code == 1 and "（停止：第5行：“表三 依申请公开”的问题还没有回答" in shown
    assert "这句说的是后面的问题，不是表三的内容" in shown
