"""Phenomena of probe 11's 表三 answers, each in several phrasings (none of them the probe's) — read at the reader's
level: a kind's count then its cases run together with no comma (“…那2件一件公开一件部分公开”), a case carried on and
then said answered after all."""

import pytest

from gkassist.dialogue import answers


def cells(*turns):
    out = answers.parse("t3", list(turns))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


# ------------------------------------------------------------------ a kind's count, then its cases with no comma
@pytest.mark.parametrize("said, kind, rows", [
    ("科研机构那2件一件公开一件部分公开", "research", {"open": 1, "partial": 1}),
    ("律所的2件一件公开一件不掌握", "legal", {"open": 1, "unable_1": 1}),
    ("公益组织那3件两件公开一件部分公开", "nonprofit", {"open": 2, "partial": 1}),
    ("研究所那2件一件部分公开一件重复申请", "research", {"partial": 1, "reject_2": 1}),
])
def test_a_kind_s_cases_run_together_are_each_its_own_result(said, kind, rows):
    first = "科研机构2件，律所2件，公益组织3件"
    new = {("new", "research"): 2, ("new", "legal"): 2, ("new", "nonprofit"): 3}
    assert cells(first, said) == {**new, **{(r, kind): n for r, n in rows.items()}}
