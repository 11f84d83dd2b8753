"""A year drafted in the 2019 format (2019, 2020): its 表二 has other columns (本年新制作、新公开、对外公开总数; 上一年项目
数量、本年增/减) than the reader has words for.  The question says the format's columns, a free answer is never put in
the wrong column (it crashed on 制发, and put 上一年项目数 into 处理决定数量), and the cell form sets any of its cells."""
import pytest

from gkassist.dialogue import Engine
from gkassist.importer import import_file
from support import CORPUS, needs_shared

pytestmark = needs_shared()


@pytest.fixture(scope="module")
def last_2019():
    return import_file(CORPUS / "2019_pingtan_syq.txt").report


def at_proactive(last):
    engine = Engine.start(last, 2020)
    asked = []
    for answer in ("没有", "对", "没有", "对"):
        asked = engine.answer(answer)
    return engine, asked


def test_the_question_names_this_formats_columns(last_2019):
    _, asked = at_proactive(last_2019)
    question = next(r.text for r in asked if r.text.startswith("表二"))
    assert "新制作" in question and "上一年项目数量" in question and "现行有效" not in question


@pytest.mark.parametrize("said", [
    "规章今年新做0、新公开0，对外公开总数7件；规范性文件今年新做77件，新公开77件，对外公开总数166件",
    "行政许可上一年项目396个，今年增加44个，处理决定2278件",
    "规范性文件制发3件，废止1件，现行有效20件；行政处罚12件",
    "处罚538件，强制29件，收费项目35项",
])
def test_a_free_answer_is_asked_cell_by_cell_never_put_in_a_wrong_column(last_2019, said):
    engine, _ = at_proactive(last_2019)
    before = {row: dict(cols) for row, cols in engine.report.tables["t2"].items()}
    replies = engine.answer(said)
    assert replies[-1].kind == "error" and "一格一格" in replies[-1].text and "表二 " in replies[-1].text
    assert engine.answer("对")[-1].kind != "done"
    assert engine.report.tables["t2"] == before


@pytest.mark.parametrize("said, row, column, value", [
    ("表二 行政许可 处理决定数量 2278", "licensing", "decisions", 2278),
    ("表二 规章 对外公开总数量 7", "rules", "total_public", 7),
    ("表二 规范性文件 本年新制作数量 77", "normative", "made", 77),
])
def test_the_cell_form_sets_a_cell_of_this_format(last_2019, said, row, column, value):
    engine, _ = at_proactive(last_2019)
    engine.answer(said)
    engine.answer("对")
    assert engine.report.cell("t2", row, column) == value


def test_none_at_all_is_still_one_answer(last_2019):
    engine, _ = at_proactive(last_2019)
    engine.answer("没有")
    engine.answer("对")
    assert engine.report.cell("t2", "licensing", "decisions") == 0


@pytest.mark.parametrize("then", ["对", "表二 行政处罚 处理决定数量 5"])
def test_cells_not_said_stay_blank_never_zero(last_2019, then):
    """One cell said, then “对” or another cell: the cells not said are shown as 待填 and stored blank (the check lists
    them), never 0 the clerk did not say."""
    engine, _ = at_proactive(last_2019)
    shown = "\n".join(r.text for r in engine.answer("表二 行政许可 处理决定数量 2278"))
    assert "待填" in shown and "其余都是0" in shown
    engine.answer(then)
    engine.answer("对")
    assert engine.report.cell("t2", "licensing", "decisions") == 2278
    assert engine.report.cell("t2", "enforcement", "decisions") is None
    assert engine.report.cell("t2", "rules", "made") is None


@pytest.mark.parametrize("rest", ["其余都是0", "没有", "剩下的都没有", "别的都是零"])
def test_the_rest_said_to_be_none_keeps_the_cells_said(last_2019, rest):
    engine, _ = at_proactive(last_2019)
    engine.answer("表二 行政许可 处理决定数量 2278")
    engine.answer(rest)
    engine.answer("对")
    assert engine.report.cell("t2", "licensing", "decisions") == 2278
    assert engine.report.cell("t2", "enforcement", "decisions") == 0 and engine.report.cell("t2", "rules", "made") == 0
