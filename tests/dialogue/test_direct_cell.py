"""A cell the clerk can always set (issue 27, item 3): “表三 自然人 予以公开 2” names exactly one cell, by the format's
labels or the words of prompts/answers.yaml, proposed like any answer and stored on “对”; totals and what follows
from last year's report are derived and said so."""

import pytest

from gkassist.cli import main
from gkassist.core import formats
from gkassist.dialogue import Engine
from gkassist.dialogue.cellform import CellSaid, read_cell
from gkassist.importer import import_file
from support import SEED

FMT = formats.get_format("2021")


@pytest.mark.parametrize("said, cell", [
    ("表三 自然人 予以公开 2", ("t3", "open", "natural", 2)),
    ("表三：自然人，予以公开：2件", ("t3", "open", "natural", 2)),
    ("表3 个人 不掌握 1", ("t3", "unable_1", "natural", 1)),
    ("表三 企业 部分公开 1", ("t3", "partial", "business", 1)),
    ("表三 部分公开 公司 1", ("t3", "partial", "business", 1)),  # either order
    ("表三 律所 信访 1", ("t3", "reject_1", "legal", 1)),
    ("表三 企业 结转下年度 2", ("t3", "carry_next", "business", 2)),
    ("表三 自然人 本年新收 ３", ("t3", "new", "natural", 3)),
    ("表二 行政许可 12", ("t2", "licensing", "decisions", 12)),
    ("表二 行政许可 12件", ("t2", "licensing", "decisions", 12)),
    ("表二 规范性文件 现行有效 9", ("t2", "normative", "in_force", 9)),
    ("表二 红头文件 制发 2", ("t2", "normative", "issued", 2)),
    ("表二 收费 1.5", ("t2", "fees", "fee_amount", 1.5)),
    ("表四 复议 维持 1", ("t4", "cases", "review.upheld", 1)),
    ("表四 复议后起诉 纠正 1", ("t4", "cases", "suit_after_review.corrected", 1)),
    ("表四 直接起诉 尚未审结 2", ("t4", "cases", "suit_direct.pending", 2)),
])
def test_the_direct_form_names_exactly_one_cell(said, cell):
    assert read_cell(said, FMT) == CellSaid(*cell)


@pytest.mark.parametrize("said, why", [
    ("表三 自然人 总计 3", "是合计"), ("表三 总计 予以公开 3", "是合计"), ("表四 复议 总计 2", "是合计"),
    ("表三 天气 5", "没找到"), ("表二 行政许可 1.5", "要填整数"), ("表一 公开 3", "不是可以逐格填写的表"),
])
def test_a_cell_that_cannot_be_set_is_said(said, why):
    assert why in read_cell(said, FMT)


@pytest.mark.parametrize("said", ["自然人5件", "表三有5件", "表二里的行政许可", "我们表三没有", "改表三"])
def test_an_ordinary_answer_is_not_the_direct_form(said):
    assert read_cell(said, FMT) is None


def test_a_cell_set_is_shown_and_stored_on_yes_on_top_of_what_the_table_holds():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("自然人申请2件，予以公开2件")
    replies = engine.answer("表三 企业 本年新收 1")  # on top of the answer waiting for “对”
    assert replies[0].kind == "understood" and "商业企业 1" in replies[0].text and "自然人 2" in replies[0].text
    engine.answer("表三 企业 予以公开 1")
    assert engine.report.number("t3", "new", "business") is None  # not before “对”
    engine.answer("对")
    n = engine.report.number
    assert (n("t3", "new", "natural"), n("t3", "new", "business"), n("t3", "open", "total")) == (2, 1, 3)
    # a saved table: the one cell changes, the rest stays
    engine.answer("表三 自然人 予以公开 1")
    engine.answer("表三 自然人 不掌握 1")
    engine.answer("对")
    assert (n("t3", "open", "natural"), n("t3", "unable_1", "natural"), n("t3", "new", "business")) == (1, 1, 1)
    assert engine.step.id == "appeals"  # back to the question it left


def test_a_cell_carried_from_last_year_is_said_to_be_derived():
    engine = Engine.start(import_file(SEED).report, 2021)
    replies = engine.answer("表三 自然人 上年结转 1")
    assert replies[0].kind == "error" and "按去年报告的数字推算" in replies[0].text and engine.pending is None
    fresh = Engine.start(None, 2021)  # no last year's report: 上年结转 is the clerk's to say
    fresh.answer("表三 自然人 上年结转 1")
    assert fresh.pending.cells[("t3", "carried", "natural")] == 1


def test_the_direct_form_headless(tmp_path, capsys):
    answers = tmp_path / "answers.txt"
    answers.write_text("表二 行政许可 12\n对\n", encoding="utf-8")
    assert main(["draft", "--from", str(SEED), "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    assert "行政许可：本年处理决定数量 12" in out and "已保存" in out


def test_the_table_typed_headless_prints_its_figures(tmp_path, capsys):
    answers = tmp_path / "answers.txt"
    answers.write_text("自然人申请2件，予以公开2件\n表格\n", encoding="utf-8")
    assert main(["draft", "--from", str(SEED), "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    assert "表三（现在的数字；改一格就说“表三 行名 列名 数字”）：" in out
    assert "      予以公开：自然人 2，商业企业 0，" in out and "      本年新收政府信息公开申请数量：自然人 2，" in out
