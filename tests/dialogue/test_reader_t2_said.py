"""表二 said the way clerks say it, each phenomenon in several phrasings (none of them a probe's): 现行有效 said as
none (“……的一件都没有”, “有效的没有”) is read and not asked again; “分别/依次” lists give the Nth figure to the Nth row
named; a figure corrected while speaking (“……——哦不对，是……”) counts only as corrected."""

import pytest

from gkassist.dialogue import answers
from gkassist.dialogue.engine import Engine
from gkassist.importer import import_file
from support import CORPUS, SEED, needs_shared

D = "decisions"


def cells(*turns):
    out = answers.parse("t2", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items()}


def at_table_two():
    engine = Engine.start(import_file(SEED).report, 2021)
    for said in ("没有", "对", "没有", "对"):
        engine.answer(said)
    return engine


# ------------------------------------------------------------------ 现行有效 said as none
@pytest.mark.parametrize("said", [
    "规范性文件没发也没废，现行有效的一个也没有；许可、处罚、强制都没有，收费也没有",
    "规范性文件今年没有出台，也没有废止，有效的没有；许可处罚强制都没有，不收费",
    "没制发规范性文件，没废止，现在有效的一件都没有，许可、处罚、强制都是0，也不收费",
])
def test_in_force_said_as_none_is_read(said):
    assert cells(said)[("normative", "in_force")] == 0


@pytest.mark.parametrize("said", [
    "规范性文件没发也没废，现行有效的一个也没有；许可、处罚、强制都没有，收费也没有",
    "现在有效的规范性文件一件都没有，别的也都没有",
    "现行有效的一份也没有",
])
def test_in_force_said_as_none_is_not_asked_again(said):
    engine = at_table_two()
    replies = engine.answer(said)
    assert "现行有效的行政规范性文件有几件" not in "\n".join(r.text for r in replies)
    engine.answer("对")
    assert engine.report.cell("t2", "normative", "in_force") == 0


@pytest.mark.parametrize("said, n", [
    ("规范性文件没变化，还是3件有效", 3),
    ("规范性文件没动，有效的就这2件", 2),
    ("规范性文件今年没发没废，现行有效还是7件", 7),
    ("规范性文件跟去年一样没变化，还是4件", 4),
    ("规范性文件没动，还剩3个", 3),
    ("规范性文件没有现行有效的", 0),
])
def test_in_force_unchanged_is_read(said, n):
    got = cells(said)
    assert got[("normative", "in_force")] == n


# ------------------------------------------------------------------ 分别 / 依次
@pytest.mark.parametrize("said, expect", [
    ("许可、处罚、强制分别是41、12、3", {"licensing": 41, "penalty": 12, "enforcement": 3}),
    ("行政处罚和行政许可分别为7件和20件", {"penalty": 7, "licensing": 20}),
    ("许可处罚强制依次是二十、五、一件", {"licensing": 20, "penalty": 5, "enforcement": 1}),
    ("强制、许可分别有2起、9件", {"enforcement": 2, "licensing": 9}),
])
def test_respectively_gives_the_nth_figure_to_the_nth_row(said, expect):
    got = cells(said)
    assert {r: got.get((r, D)) for r in expect} == expect


@pytest.mark.parametrize("said, expect", [
    ("规范性文件制发、废止、现行有效分别为4件、1件、8件", {"issued": 4, "repealed": 1, "in_force": 8}),
    ("规范性文件发了、废了、还有效的依次是2、0、5个", {"issued": 2, "repealed": 0, "in_force": 5}),
])
def test_respectively_gives_the_nth_figure_to_the_nth_column(said, expect):
    got = cells(said)
    assert {c: got.get(("normative", c)) for c in expect} == expect


def test_respectively_with_a_verb_before_the_figures():
    got = cells("行政许可、行政处罚分别办理了15件、2件，强制没有")
    assert (got[("licensing", D)], got[("penalty", D)]) == (15, 2)


def test_respectively_with_figures_that_do_not_pair_is_asked():
    out = answers.parse("t2", ["许可、处罚、强制分别是41、12"])
    assert out.questions or out.not_understood


# ------------------------------------------------------------------ a figure corrected while speaking
@pytest.mark.parametrize("said, row, n", [
    ("行政许可30件——哦不对，是33件；处罚2件", "licensing", 33),
    ("处罚12件，不对，应该是14件，许可没有", "penalty", 14),
    ("强制5件，说错了，是6件", "enforcement", 6),
])
def test_a_figure_corrected_while_speaking_counts_as_corrected(said, row, n):
    assert cells(said)[(row, D)] == n


# ------------------------------------------------------------------ rows named, then “全是零”
@pytest.mark.parametrize("said", [
    "规范性文件、许可、处罚、强制全都是零",
    "规范性文件啊，许可处罚强制啊，都是0",
    "规范性文件、行政许可、行政处罚、行政强制这几项都是零",
])
def test_rows_named_then_all_zero_are_each_zero(said):
    got = cells(said)
    assert {k: got.get(k) for k in [("normative", "issued"), ("normative", "repealed"), ("licensing", D),
                                     ("penalty", D), ("enforcement", D)]} == dict.fromkeys(
        [("normative", "issued"), ("normative", "repealed"), ("licensing", D), ("penalty", D), ("enforcement", D)], 0)
    assert ("normative", "in_force") not in got  # what earlier years left is no figure of this year's “零”


@pytest.mark.parametrize("said", ["收费大概几千块吧，具体数还得问", "收了几万块钱的工本费", "收费几百元"])
def test_a_fee_said_as_some_thousands_is_asked(said):
    out = answers.parse("t2", [said])
    assert (out.questions or out.refusal) and ("t2", "fees", "fee_amount") not in out.cells


# ------------------------------------------------------------------ 现行有效 not said and not known from last year
@pytest.mark.parametrize("said", [
    "行政许可办了四十件，行政处罚五件，行政强制一件",
    "许可、处罚、强制分别是30、4、0，不收费",
    "处罚8起，许可和强制都没有，收费2000元",
])
def test_in_force_unknown_is_asked_once_without_blocking_the_rest(said):
    from gkassist.checks import check

    engine = at_table_two()
    confirm = engine.answer(said)[-1]
    assert confirm.kind != "error" and "现行有效的行政规范性文件有几件" in confirm.text  # asked, with the rest shown
    assert engine.answer("对")[0].text == "已保存。"
    assert engine.report.cell("t2", "normative", "in_force") is None  # blank, never a 0 guessed
    assert engine.report.cell("t2", "licensing", D) is not None and engine.report.cell("t2", "normative", "issued") == 0
    assert any(f.rule == "BLANK" and f.cell is not None and "normative" in str(f.cell) and "in_force" in str(f.cell)
               for f in check(engine.report))
    assert not any("现行有效的行政规范性文件有几件" in r.text for r in engine.answer("没有"))  # not asked again


def test_in_force_unknown_can_be_given_instead_of_confirming():
    engine = at_table_two()
    engine.answer("许可12件，处罚3件")
    engine.answer("现行有效4件")
    engine.answer("对")
    assert engine.report.cell("t2", "normative", "in_force") == 4 and engine.report.cell("t2", "licensing", D) == 12


@pytest.mark.parametrize("said", ["规范性文件、许可、处罚、强制全都是零", "没出新文件，也没废的；许可发了8件",
                                  "规范性文件今年没有制发也没有废止，许可3件，收费0", "文件没出台，废止的也没有；处罚2起"])
def test_in_force_unknown_with_no_documents_made_or_repealed_is_asked_once_and_left_blank_on_yes(said):
    """None made and none repealed: 现行有效 is last year's, unknown here — asked once, “对” stores the rest with it blank."""
    engine = at_table_two()
    confirm = engine.answer(said)[-1]
    assert confirm.kind != "error" and "现行有效的行政规范性文件有几件" in confirm.text
    assert engine.answer("对")[0].text == "已保存。"
    assert engine.report.cell("t2", "normative", "in_force") is None
    assert engine.report.cell("t2", "normative", "issued") == 0 and engine.report.cell("t2", "normative", "repealed") == 0


@pytest.mark.parametrize("said, issued, repealed", [("规范性文件制发2件，废止1件；许可5件", 2, 1),
                                                    ("文件今年出了3个，没有废止的，许可9件", 3, 0),
                                                    ("发了2个规范性文件，处罚1件", 2, 0), ("规范性文件没发，废了一个", 0, 1)])
def test_in_force_unknown_after_documents_made_or_repealed_is_asked_before_saving(said, issued, repealed):
    """Documents made or repealed this year: the figure in force changed, and the clerk who counted them is asked it."""
    engine = at_table_two()
    assert "现行有效的行政规范性文件有几件" in engine.answer(said)[-1].text
    moved_on = engine.answer("对")[0]  # not saved: the table is left unfinished, and the flow goes on
    assert moved_on.text.startswith("表二先不保存") and engine.report.cell("t2", "normative", "issued") is None
    engine.answer("改表二")  # back where it was left: what was said is kept
    engine.answer("现行有效6件")
    engine.answer("对")
    assert engine.report.cell("t2", "normative", "in_force") == 6
    normative = [engine.report.cell("t2", "normative", column) for column in ("issued", "repealed")]
    assert normative == [issued, repealed]  # the first answer's figures came back with the table


@pytest.mark.parametrize("said, column", [
    ("规范性文件今年一件没发，废止1件，现行有效3件", "issued"),
    ("规范性文件发了2个，一个没废，现行有效4件", "repealed"),
    ("文件一份没出台，废了1件，有效的还有3件", "issued"),
])
def test_one_not_done_is_none_done(said, column):
    assert cells(said)[("normative", column)] == 0


def test_one_of_them_not_repealed_is_no_count_of_none():
    out = answers.parse("t2", ["规范性文件发了2件，其中一件没废"])
    assert out.cells.get(("t2", "normative", "repealed")) != 1


# ------------------------------------------------------------------ “别的都是0”: the rest of the table, not the row just said
ALL_CELLS = [("normative", "issued"), ("normative", "repealed"), ("normative", "in_force"), ("licensing", D),
             ("penalty", D), ("enforcement", D), ("fees", "fee_amount")]


@pytest.mark.parametrize("said, given", [
    ("处罚罚了9起，收费一共两千块，别的都是0", {("penalty", D): 9, ("fees", "fee_amount"): 0.2}),
    ("许可办了15个，主要是建房的，其他没有", {("licensing", D): 15}),
    ("强制4件，其余都是零", {("enforcement", D): 4}),
    ("收费800元，剩下的全是0", {("fees", "fee_amount"): 0.08}),
    ("许可20件，处罚1件，其它的都没有", {("licensing", D): 20, ("penalty", D): 1}),
    ("收了1.2万的费，其他的像规范性文件啊、许可处罚强制啊全是零", {("fees", "fee_amount"): 1.2}),
])
def test_the_rest_said_to_be_none_is_every_cell_not_said(said, given):
    """“别的都是0”: what was said stays (the fee, the row just said), every other cell — 现行有效 too — is 0."""
    got = cells(said)
    assert {k: got.get(k) for k in ALL_CELLS} == {k: given.get(k, 0) for k in ALL_CELLS}


@pytest.mark.parametrize("turns, given", [
    (["规范性文件没发也没废", "现行有效的也是0件。许可办了22个，其他没有"], {("licensing", D): 22}),
    (["处罚5起", "别的都是0"], {("penalty", D): 5}),
    (["许可7件", "收费3000元，其余都没有"], {("licensing", D): 7, ("fees", "fee_amount"): 0.3})])
def test_the_rest_said_in_a_later_answer_keeps_what_earlier_answers_said(turns, given):
    got = cells(*turns)
    assert {k: got.get(k) for k in ALL_CELLS} == {k: given.get(k, 0) for k in ALL_CELLS}


@pytest.mark.parametrize("said", ["表二全是0，啥都没有", "表二全是零", "表二都没有", "这张表全是0", "主动公开这块都是零"])
def test_the_whole_table_said_to_be_none_is_all_zero(said):
    got = cells(said)
    assert {k: got.get(k) for k in ALL_CELLS} == dict.fromkeys(ALL_CELLS, 0)


def test_the_rest_said_to_be_none_leaves_a_row_asked_about_open():
    out = answers.parse("t2", ["收费还没统计出来，别的都是零"])
    assert ("t2", "fees", "fee_amount") not in out.cells and out.questions
    assert out.cells[("t2", "licensing", D)] == 0


# ------------------------------------------------------------------ 规章, where the body makes them
@pytest.mark.parametrize("said, rules", [
    ("规章新制定1件，现行有效12件；规范性文件制发3件，废止1件，现行有效20件", {"issued": 1, "in_force": 12}),
    ("规章出了两部，废止一部；规范性文件制发3件，废止1件，现行有效20件", {"issued": 2, "repealed": 1}),
    ("规范性文件制发3件，废止1件，现行有效20件；规章制定2件，现行有效的规章9件", {"issued": 2, "in_force": 9}),
])
def test_rules_are_read_into_their_own_row(said, rules):
    got = cells(said)
    assert {c: v for (r, c), v in got.items() if r == "rules"} == rules
    assert (got[("normative", "issued")], got[("normative", "repealed")], got[("normative", "in_force")]) == (3, 1, 20)


def test_rules_counted_leave_their_in_force_blank_and_asked_once_when_not_said():
    engine = at_table_two()
    confirm = engine.answer("规章出了2部，废止1部；规范性文件制发4件，废止1件，现行有效9件；许可30件")[-1]
    assert confirm.kind != "error" and "规章现行有效几件" in confirm.text
    assert engine.answer("对")[0].text == "已保存。"
    assert engine.report.cell("t2", "rules", "in_force") is None and engine.report.cell("t2", "rules", "issued") == 2
    engine = at_table_two()
    engine.answer("规章出了2部，现行有效5部；规范性文件制发4件，废止1件，现行有效9件")
    engine.answer("对")
    assert engine.report.cell("t2", "rules", "in_force") == 5 and engine.report.cell("t2", "rules", "repealed") == 0


@pytest.mark.parametrize("said", ["许可3件，其他的不涉及", "处罚2起，剩下那些跟我们无关", "规范性文件发了2个，其他的一概不清楚"])
def test_the_rest_said_in_words_not_understood_is_asked_never_the_row_just_said(said):
    out = answers.parse("t2", [said])
    assert out.not_understood and not any(v == 0 for v in out.cells.values())


@pytest.mark.parametrize("said", ["许可3件，别的啥也没有", "许可3件，其余的一概没有", "许可3件，其他什么都没有", "许可3件，表二别的都没有"])
def test_the_rest_said_to_be_nothing_at_all_keeps_the_row_said(said):
    got = cells(said)
    assert got[("licensing", D)] == 3 and got[("penalty", D)] == 0 and got[("normative", "in_force")] == 0


@pytest.mark.parametrize("said, cell, n", [
    ("规范性文件没新出，废止了2件，剩下现行有效的8件", ("normative", "in_force"), 8),
    ("别的：许可30件，强制1件", ("licensing", D), 30),
    ("其余现行有效5件", ("normative", "in_force"), 5),
])
def test_the_rest_naming_a_column_or_heading_what_follows_is_read_as_said(said, cell, n):
    assert cells(said)[cell] == n


# ------------------------------------------------------------------ a row said to have none at all
@pytest.mark.parametrize("said, row", [
    ("许可12，处罚3，强制0，收费0。规范性文件没有", "normative"),
    ("行政规范性文件一个也没有；许可5件，处罚、强制都没有，不收费", "normative"),
    ("规章没有，许可7件，处罚1件，强制没有，收费没有", "rules"),
    ("规范性文件压根就没有，许可、处罚、强制都是0，不收费", "normative"),
])
def test_a_row_said_to_have_none_at_all_is_none_made_repealed_or_in_force(said, row):
    got = cells(said)
    assert (got[(row, "issued")], got[(row, "repealed")], got[(row, "in_force")]) == (0, 0, 0)


@pytest.mark.parametrize("said", ["今年规范性文件没有，许可3件", "规范性文件今年没有制发也没有废止，许可3件，收费0"])
def test_none_this_year_leaves_in_force_to_last_years_report(said):
    assert ("normative", "in_force") not in cells(said)


def test_a_row_said_to_have_none_at_all_stores_no_blank_in_force():
    engine = at_table_two()
    engine.answer("许可8件，处罚2件，强制没有，收费没有；规范性文件没有")
    assert engine.answer("对")[0].text == "已保存。"
    assert engine.report.cell("t2", "normative", "in_force") == 0


# ------------------------------------------------------------------ about so many, then exactly
@pytest.mark.parametrize("turns, cell, n", [
    (["许可12万多，准确是123456件，处罚300件，强制20件，收费0"], ("licensing", D), 123456),
    (["许可800件，处罚两千件左右，具体是2013件；强制没有，收费0"], ("penalty", D), 2013),
    (["许可800件，处罚20件，强制大概50件，确切的数是48；收费没有"], ("enforcement", D), 48),
    (["许可800件", "处罚一万件出头，实际是10120，强制5件，收费0"], ("penalty", D), 10120),
    (["许可800件，处罚20件，强制5件，收费大约3万元，准确是31200元"], ("fees", "fee_amount"), 3.12),
])
def test_an_exact_figure_after_an_approximate_one_is_the_rows(turns, cell, n):
    assert cells(*turns)[cell] == pytest.approx(n)


@pytest.mark.parametrize("said", ["许可45万多，处罚3件", "许可八百多，处罚3件"])
def test_a_figure_said_as_so_many_and_more_is_asked(said):
    out = answers.parse("t2", [said])
    assert out.questions and ("t2", "licensing", D) not in out.cells


@pytest.mark.parametrize("said, cell, n", [
    ("许可两千件左右，不对，许可是2013件，处罚3件", ("licensing", D), 2013),
    ("处罚三百来件，处罚准确地说是312件，许可5件", ("penalty", D), 312),
])
def test_an_approximate_figure_said_again_exactly_with_its_row_is_not_asked(said, cell, n):
    assert cells(said)[cell] == n


@pytest.mark.parametrize("said", ["规范性文件十来件，废止2件", "许可两千件左右，处罚20件", "规范性文件发了10来件，废了一些，现行有效的大概七十件"])
def test_an_approximate_figure_not_said_exactly_stays_asked(said):
    assert answers.parse("t2", [said]).questions


@pytest.mark.parametrize("said", [
    "规章没有。规文今年发了6件，废了2件，现行有效30件",
    "规文制发6件、废止2件，现行有效30件，规章都是0",
    "规范文件发了6个，废掉2个，还有效的30个",
])
def test_a_clerks_short_name_for_normative_documents_is_that_row_never_the_rules_row(said):
    said_cells = {cell: v for cell, v in cells(said).items() if v}
    assert said_cells == {("normative", "issued"): 6, ("normative", "repealed"): 2, ("normative", "in_force"): 30}, said_cells


# ------------------------------------------------------------------ a row said, then “是零” for it after a clause
@pytest.mark.parametrize("said, row", [
    ("处罚8件，行政强制我们没这个职权，为零，许可3件", "enforcement"),
    ("许可镇里没有审批权限，是0；处罚6件，强制1件", "licensing"),
    ("强制5件，处罚这块我们不管，为0件，许可2件", "penalty"),
    ("许可4件，处罚2件，行政强制这事镇上做不了，是零", "enforcement"),
])
def test_a_zero_said_after_a_clause_about_the_row_is_that_rows(said, row):
    assert cells(said)[(row, D)] == 0


@pytest.mark.parametrize("said", ["处罚没有，后来又罚了2个", "许可没有权限，是3件"])
def test_a_figure_after_a_row_said_as_none_is_still_asked(said):
    assert answers.parse("t2", [said]).not_understood


# ------------------------------------------------------------------ “不是N，是M”: the figure it is not, then the one it is
@pytest.mark.parametrize("turns, row, col, value", [
    (["行政许可200件，处罚10件，强制1件", "处罚不是10件，是12件"], "penalty", D, 12),
    (["许可200件，处罚10件", "许可不是200，其实是210件"], "licensing", D, 210),
    (["许可200件，处罚10件", "处罚不是十件而是十二件"], "penalty", D, 12),
    (["许可200件，收费3万元", "收费不是3万元，是3.5万元"], "fees", "fee_amount", 3.5),
    (["规范性文件制发3件，现行有效7件", "现行有效不是7件，是9件"], "normative", "in_force", 9),
])
def test_a_figure_said_not_to_be_then_what_it_is_takes_the_second(turns, row, col, value):
    assert cells(*turns)[(row, col)] == value


# ------------------------------------------------------------------ rows that are not this body's
@pytest.mark.parametrize("said, expect", [
    ("许可、处罚、强制都是各部门办的，本级没有", {"licensing": 0, "penalty": 0, "enforcement": 0}),
    ("许可和处罚不是我们办的，强制也没有", {"licensing": 0, "penalty": 0, "enforcement": 0}),
    ("许可处罚这两项归各部门，我们这里没有，强制3件", {"licensing": 0, "penalty": 0, "enforcement": 3}),
    ("许可、处罚，我们本级没有；强制5件", {"licensing": 0, "penalty": 0, "enforcement": 5}),
    ("处罚归综合执法局管，许可12件，强制没有", {"licensing": 12, "penalty": 0, "enforcement": 0}),
])
def test_rows_said_to_be_the_departments_are_none_each(said, expect):
    """“许可、处罚这些是各部门的，我们本级没有”: every row of the list is 0 (not only the last one named) — the
    body made no such decision itself."""
    got = cells(said)
    assert {r: got.get((r, D)) for r in expect} == expect


@pytest.mark.parametrize("said", ["许可、处罚这些一共20件", "许可处罚加起来15件", "许可、处罚12件"])
def test_one_figure_of_several_rows_is_asked(said):
    out = answers.parse("t2", [said])
    assert out.questions and not any(r in ("licensing", "penalty") and v for (_, r, _), v in out.cells.items())


@pytest.mark.parametrize("said, expect", [
    ("许可处罚强制啊，许可12件，处罚3件，强制0", {"licensing": 12, "penalty": 3, "enforcement": 0}),
    ("说到许可、处罚，许可是30件，处罚5件", {"licensing": 30, "penalty": 5}),
])
def test_rows_listed_then_each_named_with_its_figure(said, expect):
    got = cells(said)
    assert {r: got.get((r, D)) for r in expect} == expect


# ------------------------------------------------------------------ a figure moved from one row to another
@pytest.mark.parametrize("turns, expect", [
    (["许可6件，处罚9件", "不是处罚，是强制9件"], {"licensing": 6, "penalty": 0, "enforcement": 9}),
    (["许可6件，处罚9件，哦不对，不是处罚，是强制"], {"licensing": 6, "penalty": 0, "enforcement": 9}),
    (["许可6件，处罚9件", "处罚那9件其实是强制"], {"licensing": 6, "penalty": 0, "enforcement": 9}),
    (["许可6件，处罚9件", "记错了，那9件是强制不是处罚"], {"licensing": 6, "penalty": 0, "enforcement": 9}),
    (["处罚4件", "4件那个应该算许可"], {"licensing": 4, "penalty": 0}),
    (["许可30件，处罚7件，强制1件", "7件那个应该算强制"], {"licensing": 30, "penalty": 0, "enforcement": 8}),
    (["处罚10件，其中3件应该算强制"], {"penalty": 7, "enforcement": 3}),
])
def test_a_figure_moved_to_another_row_leaves_the_old_one(turns, expect):
    """“不是处罚，是强制10件”: the new row takes the figure, the old one keeps none of it (or what is left of it) —
    never dropped, never counted twice."""
    got = cells(*turns)
    assert {r: got.get((r, D)) for r in expect} == expect


def test_a_figure_moved_onto_a_row_that_has_one_is_asked():
    out = answers.parse("t2", ["处罚10件，强制2件", "不是处罚，是强制10件"])
    assert out.questions


# ------------------------------------------------------------------ 现行有效 said as “在用的”
@pytest.mark.parametrize("said, n", [
    ("规范性文件发了4个，在用的31个", 31), ("规范性文件新发2件，还在执行的有15件", 15), ("规范性文件目前在用的20份", 20),
])
def test_in_force_said_as_still_in_use(said, n):
    assert cells(said)[("normative", "in_force")] == n


# ------------------------------------------------------------------ one row “跟去年一样”
LAST = {"licensing|decisions": 40, "penalty|decisions": 3, "fees|fee_amount": 2.5}


def as_last(turns, last):
    state, out = answers.start("t2"), None
    for said in turns:
        state, out = answers.answer(state, said, last=last)
    return out


@pytest.mark.parametrize("said, row, column, value", [
    ("收费那块和去年一样，按财政给的数报", "fees", "fee_amount", 2.5),
    ("许可同去年，处罚5件", "licensing", "decisions", 40),
    ("处罚照去年的数报，许可12件", "penalty", "decisions", 3),
    ("规范性文件没发没废；许可数跟上年一致", "licensing", "decisions", 40),
])
def test_a_row_said_to_be_as_last_year_takes_last_years_figure(said, row, column, value):
    out = as_last([said], LAST)
    assert out.cells[("t2", row, column)] == value and ("t2", row, column) in out.from_last_year
    assert not out.questions


@pytest.mark.parametrize("said, last", [
    ("收费跟去年一样", None), ("收费那块跟去年一样报财政的数", {"licensing|decisions": 40}), ("强制同去年", {}),
])
def test_a_row_as_last_year_without_last_years_figure_is_asked_never_zero(said, last):
    out = as_last([said], last)
    assert out.questions and not any(v == 0 for v in out.cells.values())


def test_a_figure_said_after_replaces_the_one_from_last_year():
    out = as_last(["许可跟去年一样", "不对，许可是45件"], LAST)
    assert out.cells[("t2", "licensing", "decisions")] == 45 and not out.from_last_year


def test_the_question_about_a_row_without_last_years_figure_is_answered_by_a_figure():
    out = as_last(["收费照去年的数", "3.5万元"], {})
    assert out.cells[("t2", "fees", "fee_amount")] == 3.5 and not out.questions


@pytest.mark.parametrize("said, row, column, value", [
    ("许可比去年多了10件", "licensing", "decisions", 50),
    ("处罚较上年减少2件，许可40件", "penalty", "decisions", 1),
    ("收费比上年少了5000元", "fees", "fee_amount", 2.0),
    ("许可同比增长5件", "licensing", "decisions", 45),
])
def test_a_change_from_last_year_is_worked_out_from_last_years_figure(said, row, column, value):
    """“许可比去年多了10件”: last year's figure and the change — never the change taken for this year's figure."""
    out = as_last([said], LAST)
    assert out.cells[("t2", row, column)] == value and ("t2", row, column) in out.from_last_year


@pytest.mark.parametrize("said, last", [("许可比去年多了10件", None), ("处罚比去年少5件", LAST), ("强制较上年增加3件", {})])
def test_a_change_from_last_year_that_cannot_be_worked_out_is_asked(said, last):
    out = as_last([said], last)
    assert out.questions and not out.cells


@pytest.mark.parametrize("said", ["规范性文件跟去年一样", "规章和去年一样"])
def test_documents_said_as_last_year_are_asked(said):
    out = as_last([said], LAST)
    assert out.questions and not out.cells


def test_a_row_as_last_year_with_its_figure_takes_the_figure():
    out = as_last(["许可跟去年一样多，都是41件"], LAST)
    assert out.cells[("t2", "licensing", "decisions")] == 41 and not out.from_last_year and not out.not_understood


@pytest.mark.parametrize("said", ["许可跟去年差不多", "处罚和上年持平吧", "收费跟去年相近", "许可同比增长20%",
                                  "收费比去年少了不少"])
def test_about_as_last_year_is_asked_never_a_figure(said):
    out = as_last([said], LAST)
    assert out.questions and not out.cells


@needs_shared()
def test_the_engine_shows_the_figure_taken_from_last_year_and_stores_it():
    engine = Engine.start(import_file(CORPUS / "2024_pingtan_czjrj.txt").report, 2025)
    for said in ("没有", "对", "没有", "对"):
        engine.answer(said)
    shown = "\n".join(r.text for r in engine.answer("规范性文件没发没废，现行有效1件；处罚2件，收费还是跟去年一样"))
    assert "按去年的报告填" in shown and "18651.064104" in shown
    engine.answer("对")
    assert engine.report.cell("t2", "fees", "fee_amount") == 18651.064104


# ------------------------------------------------------------------ a row's name put right while speaking
@pytest.mark.parametrize("said, expect", [
    ("规章出了1件，红头文件——就是规范性文件——新发了7件，废了2件",
     {("rules", "issued"): 1, ("normative", "issued"): 7, ("normative", "repealed"): 2}),
    ("今年制定规章1部，政策文件，也就是规范性文件，发了6件，现行有效40件",
     {("rules", "issued"): 1, ("normative", "issued"): 6, ("normative", "in_force"): 40}),
    ("规章——不对，是规范性文件，发了3件，废了1件", {("normative", "issued"): 3, ("normative", "repealed"): 1}),
    ("出台规章一件；文件——规范性文件印发九件，现行有效三十件",
     {("rules", "issued"): 1, ("normative", "issued"): 9, ("normative", "in_force"): 30}),
])
def test_a_figure_belongs_to_the_row_named_nearest_before_it(said, expect):
    """“规章一件，政策性文件——规范性文件新发十二件”: a row's name said again or put right (after a dash, “就是”,
    “也就是”, “不对”) never carries the figure after it back to the row said before."""
    got = cells(said)
    assert {k: got.get(k) for k in expect} == expect
    assert got.get(("rules", "in_force")) in (None, 0)


@needs_shared()
def test_in_force_worked_out_from_last_year_is_said_how():
    """规章现行有效 not said: worked out from last year's report (去年11件＋今年制发1件), and said so before “对” — never
    shown as if the clerk had said it."""
    engine = Engine.start(import_file(CORPUS / "2024_huaian_shi.txt").report, 2025)
    for said in ("没有", "对", "没有", "对"):
        engine.answer(said)
    shown = "\n".join(r.text for r in engine.answer("规章新出了一件，规范性文件发了十件，废了三件，现行有效七十三件；许可处罚强制本级没有，收费也没有"))
    assert "去年11件＋今年制发1件＝12件" in shown and "行政规范性文件去年" not in shown
    engine.answer("对")
    assert engine.report.cell("t2", "rules", "in_force") == 12
