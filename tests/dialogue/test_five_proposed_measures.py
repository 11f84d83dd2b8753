"""五's measures the assistant proposes (issue #28): a figures problem's stock measure (被纠正 → 逐案复盘……) is no
fact the clerk told — it is shown as a proposal to confirm, with the figures it rests on (依据), and a measure the
clerk tells for that problem (in the list of next year's measures, or with “措施N：……”) takes its place."""

import pytest

from support import at_five_after_one_corrected_review as corrected_once
from support import replies_text as shown

STOCK = "对被纠正的案件逐案复盘"


def test_a_stock_measure_is_shown_as_a_proposal_with_its_grounds(tmp_path):
    replies = corrected_once(tmp_path).answer("新媒体那条，今年安排专人每周更新。今年的问题一是政策解读偏少。明年一是每季度出一期图解")
    text = shown(replies)
    line = next(ln for ln in text.splitlines() if "纠正1件" in ln and "问题：" in ln)
    assert "依据：" in line and "我拟的建议" in line and STOCK in line
    assert "我按问题拟的建议，不是您说的" in text and "措施2：" in text
    assert "每季度" in text and "政策解读偏少（依据：您在这里说的）；改进：" in text  # the clerk's own is not marked


@pytest.mark.parametrize("measures", [
    "明年一是每季度出一期图解；二是对复议纠正的案件组织专题学习",
    "下一步：1.每季度出一期图解；2.复议被纠正的那件组织专题学习",
    "明年：每季度出一期图解；针对复议纠正的组织专题学习",
])
def test_the_clerks_own_measure_for_a_figures_problem_replaces_the_stock_one(tmp_path, measures):
    replies = corrected_once(tmp_path).answer("今年的问题一是政策解读偏少。" + measures)
    written = next(r.text for r in replies if r.text.startswith("将写入"))
    assert STOCK not in written and "专题学习" in written
    assert "我按问题拟的建议" not in shown(replies)


@pytest.mark.parametrize("command", ["措施2：对复议纠正的案件组织专题学习", "措施2：下一步将组织专题学习"])
def test_a_measure_given_by_number_replaces_the_proposal(tmp_path, command):
    engine = corrected_once(tmp_path)
    engine.answer("今年的问题一是政策解读偏少。明年一是每季度出一期图解")
    written = shown(engine.answer(command))
    assert STOCK not in written and "组织专题学习" in written
