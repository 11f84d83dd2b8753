"""Last year's figure said as the reckoning toward this year's 现行有效 (“去年是5件，所以现行有效剩4件”): it is last
year's 现行有效, never a question of which column; agreeing with last year's report nothing is said, differing it is
a reminder once (never a stall); where last year's report does not give it, it is kept for the cross-year check."""

import pytest

from support import at_table_two, last_year_in_force, pending_cells, replies_text

REST = "许可处罚强制都没有，收费也没有"
REASONED = [
    ("规范性文件今年一件没发，废掉1个，去年是6个嘛，所以有效的还剩5个；" + REST, 6, {"repealed": 1, "in_force": 5}),
    ("规范性文件去年有效的有9件，今年废止了3件，目前6件，" + REST, 9, {"repealed": 3, "in_force": 6}),
    ("规范性文件去年底一共8件，今年新发2件，因此现行有效10件，" + REST, 8, {"issued": 2, "in_force": 10}),
    ("文件这块，上年是12个吧，今年清理了4个，现在剩8个；" + REST, 12, {"repealed": 4, "in_force": 8}),
]


def _normative(engine):
    return {c: v for (t, r, c), v in (pending_cells(engine) or {}).items() if r == "normative" and v}


@pytest.mark.parametrize("said, last, this", REASONED)
def test_agreeing_with_last_years_report_nothing_is_asked(said, last, this):
    engine = at_table_two(last_year_in_force(last))
    shown = replies_text(engine.answer(said))
    assert "还是现行有效" not in shown and "提醒" not in shown, shown
    assert _normative(engine) == this
    assert replies_text(engine.answer("对")).count("表二") <= 1 and engine.step.id != "proactive"


@pytest.mark.parametrize("said, last, this", REASONED)
def test_differing_from_last_years_report_is_a_reminder_not_a_question(said, last, this):
    engine = at_table_two(last_year_in_force(last + 1))
    shown = replies_text(engine.answer(said))
    assert shown.count("提醒：去年的报告里") == 1 and f"您说的是{last}件" in shown, shown
    assert "还是现行有效" not in shown
    assert _normative(engine) == this
    engine.answer("对")
    assert engine.step.id != "proactive"


@pytest.mark.parametrize("said, last, this", REASONED)
def test_unknown_in_last_years_report_it_is_kept_as_last_years(said, last, this):
    known = last_year_in_force(None)
    engine = at_table_two(known)
    shown = replies_text(engine.answer(said))
    assert f"现行有效{last}件" in shown and "还是现行有效" not in shown, shown
    assert known.number("t2", "normative", "in_force") == last
    assert _normative(engine) == this


@pytest.mark.parametrize("said", ["规范性文件比去年多2件，今年发了2件，现行有效7件，" + REST,
                                  "规范性文件去年发了3件，今年发了2件，现行有效7件，" + REST])
def test_a_change_or_last_years_other_column_is_no_in_force_of_last_year(said):
    known = last_year_in_force(None)
    engine = at_table_two(known)
    engine.answer(said)
    assert known.number("t2", "normative", "in_force") is None
