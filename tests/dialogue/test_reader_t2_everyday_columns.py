"""表二: the columns of 规范性文件 said in everyday words — documents cleaned out are 废止, those still “管用” are
现行有效 (never a question about which column).  Phrasings are not a probe's."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t2", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items()}


@pytest.mark.parametrize("said, expect", [
    ("规范性文件发了3个，清理掉了5个，还管用的40个", (3, 5, 40)),
    ("规范性文件今年新发2件，清理了4件，现在管用的30件", (2, 4, 30)),
    ("规范性文件制发1件，清理出去6件，仍然管用的12件", (1, 6, 12)),
])
def test_cleaned_out_is_repealed_and_still_of_use_is_in_force(said, expect):
    got = cells(said)
    assert (got[("normative", "issued")], got[("normative", "repealed")], got[("normative", "in_force")]) == expect


@pytest.mark.parametrize("said, issued, repealed", [
    ("规范性文件一个都没出，废的也没有，有效的还是6个", 0, 0),
    ("规范性文件发的2个，废掉的1个，有效的6个", 2, 1),
    ("规范性文件新发了1个，废了的3个，现行有效6个", 1, 3),
])
def test_the_ones_repealed_said_as_废的(said, issued, repealed):
    got = cells(said)
    assert (got[("normative", "issued")], got[("normative", "repealed")], got[("normative", "in_force")]) == (issued, repealed, 6)


@pytest.mark.parametrize("said, n", [
    ("许可45个，罚款12起，查封扣押2次", 2), ("许可45个，处罚12起，查封了4处", 4), ("许可45个，处罚12起，冻结存款1次", 1),
    ("许可45个，处罚12起，扣押物品3次", 3),
])
def test_an_enforcement_measure_by_its_name_is_行政强制(said, n):
    assert cells(said)[("enforcement", "decisions")] == n


@pytest.mark.parametrize("said, row, n", [
    ("许可44.7万；处罚398.6万", "licensing", 447000), ("许可44.7万；处罚398.6万", "penalty", 3986000),
    ("行政强制8.8万，许可45万", "enforcement", 88000), ("处罚1.2亿，许可3万", "penalty", 120000000),
])
def test_a_count_of_decisions_in_万_with_no_unit_is_that_many(said, row, n):
    assert cells(said)[(row, "decisions")] == n


@pytest.mark.parametrize("said, fee", [("许可45万，收费3.6万", 3.6), ("收费2万，许可1.5万", 2)])
def test_a_fee_in_万_stays_万元(said, fee):
    assert cells(said)[("fees", "fee_amount")] == fee


@pytest.mark.parametrize("said", [
    "规范性文件跟去年一样，没有新发也没废止", "规范性文件和去年一样，没发没废", "规范性文件同去年，今年没制发，也没废止",
])
def test_as_last_year_with_nothing_made_or_repealed_answers_itself(said):
    got = cells(said)
    assert (got[("normative", "issued")], got[("normative", "repealed")]) == (0, 0)


def test_as_last_year_alone_is_still_asked():
    assert answers.parse("t2", ["规范性文件跟去年一样"]).questions


@pytest.mark.parametrize("said", [
    "许可30件，收费一分钱没收", "许可30件，一分钱费都没收", "许可30件，收费分文未收", "许可30件，没收过费",
    "许可30件，我们不收钱",
])
def test_no_fee_taken_said_in_everyday_words_is_0(said):
    assert cells(said)[("fees", "fee_amount")] == 0


@pytest.mark.parametrize("said, n", [("许可证办了三十张，处罚4起", 30), ("发了十二张许可证，罚款3起", 12), ("许可证批了八张，处罚4起", 8)])
def test_licences_counted_by_the_sheet(said, n):
    assert cells(said)[("licensing", "decisions")] == n


def _read(text, last):
    from gkassist.dialogue.answers import t2
    from gkassist.dialogue.answers.state import ProactiveReading

    return t2.read_turn(ProactiveReading(), text, 0, last)


@pytest.mark.parametrize("said, rows", [
    ("处罚和强制跟去年一样", ("penalty", "enforcement")), ("许可、处罚都同去年", ("licensing", "penalty")),
    ("许可45件，处罚与强制和去年一样", ("penalty", "enforcement")), ("许可和收费照去年的数报", ("licensing", "fees")),
])
def test_rows_listed_as_last_year_each_take_last_years_figure(said, rows):
    last = {"licensing|decisions": 10, "penalty|decisions": 100, "enforcement|decisions": 50, "fees|fee_amount": 3}
    r = _read(said, last)
    assert not r.questions
    assert all(r.cells[k] == v for k, v in last.items() if k.split("|")[0] in rows)


@pytest.mark.parametrize("turns, penalty, enforcement", [
    (["许可12件，处罚3件，强制1件，收费0", "那个强制说错了，应该是0，那件其实是处罚"], 4, 0),
    (["许可12件，处罚3件，强制2件，收费0", "强制说错了，是1件，那件其实是处罚"], 4, 1),
    (["许可12件，处罚3件，强制1件，收费0", "强制记错了，应为0，那1件其实算处罚"], 4, 0),
])
def test_cases_a_correction_takes_off_a_row_then_said_to_be_of_another_move_there(turns, penalty, enforcement):
    got = cells(*turns)
    assert (got[("penalty", "decisions")], got[("enforcement", "decisions")]) == (penalty, enforcement)
