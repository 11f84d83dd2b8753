"""A figure a clerk writes in 一 that 表三's totals do not bear out (“依申请公开177条” while 4 requests came in) is
pointed out before the paragraph is stored — a reminder, the clerk may keep it — and stays a reminder in the checks."""

import pytest

from gkassist.checks import WARNING, check
from gkassist.dialogue import Engine
from gkassist.importer import import_file
from support import SEED


@pytest.fixture
def tables_answered():
    engine = Engine.start(import_file(SEED).report, 2021)
    for said in ("自然人申请4件，3件公开，1件本机关不掌握", "对", "没有", "对", "现行有效0件", "对"):
        engine.answer(said)
    return engine


@pytest.mark.slow
@pytest.mark.parametrize("said, quoted", [
    ("全年制发政府信息405条，主动公开140条，依申请公开177条，不予公开88条", "依申请公开177条"),
    ("今年制发信息400来条，准确是405条，主动公开140、依申请公开177条、不予公开88", "依申请公开177条"),
    ("网站上依申请公开的信息一共30条", "依申请公开的信息共30条"),
])
def test_a_count_reckoned_otherwise_is_pointed_out_and_may_be_kept(tables_answered, said, quoted):
    engine = tables_answered
    engine.jump("overview_platform")
    replies = engine.answer(said)
    asked = [r.text for r in replies if r.kind == "error" and r.text.startswith("请核对：")]
    assert [a for a in asked if f"“{quoted}”" in a and "总计为4件" in a], [r.text for r in replies]
    engine.answer("对")
    if any(quoted in s for held in engine.report.moved.values() for s in held):
        # (the totals of all information made belong in 一（一）: printed when that part is written, checked there)
        engine.jump("overview_proactive")
        engine.answer("主动公开信息20条")
        engine.answer("对")
    found = [f for f in check(engine.report) if f.rule == "TEXT-NUMBERS"]
    assert [f.severity for f in found] == [WARNING]


@pytest.mark.slow
def test_a_count_the_table_bears_out_is_not_pointed_out(tables_answered):
    engine = tables_answered
    engine.jump("overview_platform")
    replies = engine.answer("全年依申请公开4件，都按时答复")
    assert not [r.text for r in replies if r.text.startswith("请核对：") and "依申请公开" in r.text]
