"""表三 phenomena of probe 20's answers, each in several phrasings (none of them the probe's): one applicant's share of
the applications just counted, said with a verb of applying (“其中同一个人交了6件”) — part of that count, not more
applications; the reason said after it is counted once."""

import pytest

from gkassist.core.formats import get_format
from gkassist.dialogue import answers


def cells(*turns, version="2021"):
    out = answers.parse("t3", list(turns), fmt=get_format(version))
    assert not out.refusal and not out.questions and not out.not_understood, (turns, out)
    return {(r, c): v for (_, r, c), v in out.cells.items() if v}


@pytest.mark.parametrize("share", ["其中同一个人递了5件", "其中有个人申请了5件", "其中一位村民自己就交了5件",
                                   "其中同一申请人先后提交了5份", "同一个居民送了5件", "其中有一个人报了5件"])
def test_one_applicant_s_share_is_part_of_the_count(share):
    got = cells(f"自然人申请8件，{share}，按无正当理由大量反复申请不予处理，剩下3件都公开了")
    assert got == {("new", "natural"): 8, ("reject_4", "natural"): 5, ("open", "natural"): 3}


@pytest.mark.parametrize("more", ["另外有个人申请了4件", "还有一个人交了4件"])
def test_another_applicant_said_as_more_is_more(more):
    got = cells(f"企业申请2件，都公开了；{more}，都公开了")
    assert got[("new", "natural")] == 4 and got[("new", "business")] == 2
