"""A correction of a figure said earlier, in the forms a clerk uses (issue #28, item 3): pointed at by 那个
(“刚才那个83条说错了，是88条”, “上面那个83条不对，应该是88条”), said as one (“更正一下，……是88条”), changed to
(“……改成88条”) — edits the figure where it was printed, and nothing of it is printed in the part being answered."""

import pytest

from gkassist.dialogue import Engine
from gkassist.dialogue.sentences import corrections_in, figure_correction
from gkassist.importer import import_file
from support import SEED


def _saved_proactive(engine: Engine) -> None:
    engine.jump("overview_proactive")
    engine.answer("今年在镇政府网站公开了八十三条，村务公开栏更新了12次")
    engine.answer("对")


@pytest.mark.parametrize("said", [
    "哦刚才那个83条说错了，是88条。申请就是前面那2件，都按时答复了",
    "前面那个83条不对，应该是88条；申请都按时答复了",
    "对了，上面说的那个83条我记错了，其实是88条。申请都按时答复了",
    "刚刚那个83条，我又核了一下，应为88条，申请都按时答复了",
    "更正一下，主动公开是88条。申请都按时答复了",
    "纠正一下：主动公开应为88条；申请都按时答复了",
    "申请都按时答复了。主动公开那个改成88条",
])
def test_a_correction_pointed_at_edits_the_figure_where_it_was_printed(said):
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ["自然人申请2件，予以公开2件", "对"]:
        engine.answer(answer)
    _saved_proactive(engine)
    engine.jump("overview_requests")
    replies = engine.answer(said)
    assert any("已把（一）里的83条改为88条" in r.text for r in replies), [r.text for r in replies]
    shown = next(r.text for r in replies if r.text.startswith("将写入：（二）"))
    assert "88" not in shown and "83" not in shown and "刚才" not in shown and "更正" not in shown
    engine.answer("对")
    assert engine.report.sections["overview"][0].endswith("主动公开信息88条，村务公开栏更新12次。")


@pytest.mark.parametrize("said, old, new, unit", [
    ("刚才那个150条说错了，是158条", "150", "158", "条"),
    ("上面那个3次培训，应该是4次", "3", "4", "次"),
    ("前头说的那个12块不对，是14块", "12", "14", "块"),
    ("更正一下，公开栏是14块", "", "14", "块"),
])
def test_the_forms_of_a_correction_read_the_old_and_the_new_figure(said, old, new, unit):
    parts = figure_correction(said)
    assert parts is not None and parts[1:] == (old, new, unit)


@pytest.mark.parametrize("said", [
    "那个专栏发了30条",  # 那个 with no pointing back: a fact
    "刚才那个会开了2次",  # no right figure said
    "公开栏改成不锈钢的了，共12块",
    "更新了12次，都是按时的",
])
def test_a_fact_that_merely_looks_like_a_correction_is_none(said):
    assert corrections_in(said)[1] == []
