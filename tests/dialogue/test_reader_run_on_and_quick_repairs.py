"""A table answer typed as one run-on without commas (“……然后……然后……还有就是……”) is read clause by clause, and a
figure put right in passing with a bare “不” (“2件，哦不，是3件”, “3件，不，是4件”) keeps only the figure meant."""

import pytest

from gkassist.dialogue import answers
from gkassist.dialogue.sentences import without_repairs


def _filled(*turns: str) -> dict:
    out = answers.parse("t3", list(turns))
    assert not out.questions and not out.not_understood, out
    return {(r, c): v for (_, r, c), v in out.cells.items() if v and r != "total" and c != "total"}


@pytest.mark.parametrize("said", [
    "今年一共收了2个申请然后一个是个人的一个是公司的然后个人那个给公开了然后公司那个要的东西没有现成的得另外做所以没法提供还有就是都办完了没剩下的",
    "收了2个申请然后个人1个企业1个然后个人的公开了然后企业要的得另外做没法提供再就是都办完了",
    "申请2件然后1件是个人的1件是企业的然后个人的公开了还有就是企业的需要另行制作没法给",
])
def test_a_run_on_without_commas_is_read_clause_by_clause(said):
    cells = _filled(said)
    assert cells.get(("new", "natural")) == 1 and cells.get(("new", "business")) == 1, cells
    assert cells.get(("open", "natural")) == 1 and cells.get(("unable_2", "business")) == 1, cells


@pytest.mark.parametrize("said, meant", [
    ("个人申请5件，予以公开2件，哦不，是3件，部分公开2件", {"open": 3, "partial": 2}),
    ("个人申请5件，公开3件，不，是4件，部分公开1件", {"open": 4, "partial": 1}),
    ("自然人5件，公开两件，噢不，是三件，部分公开2件", {"open": 3, "partial": 2}),
])
def test_a_figure_put_right_with_a_bare_no_keeps_the_figure_meant(said, meant):
    cells = _filled(said)
    assert {r: v for (r, c), v in cells.items() if r in meant} == meant, cells


@pytest.mark.parametrize("said, kept", [
    ("3件不予公开", "3件不予公开"),
    ("2件，不是重复申请", "2件，不是重复申请"),
    ("个人是4件不是3件", "个人是4件不是3件"),  # “N不是M”: N is meant, nothing put right in passing
    ("发了135条，哦不，是137条", "发了137条"),
])
def test_a_bare_no_is_a_repair_only_before_the_figure_meant(said, kept):
    assert without_repairs(said) == kept
