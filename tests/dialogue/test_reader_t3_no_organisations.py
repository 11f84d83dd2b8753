"""“单位的没有”, “单位申请的都没有”: no application of any organisation — nothing to ask about which kind of
organisation (单位 said with a count is still asked)."""

import pytest

from gkassist.dialogue import answers


@pytest.mark.parametrize("said", [
    "今年新收个人申请40件，单位的没有。公开40件",
    "单位申请的没有，个人申请40件，都公开了",
    "个人40件，单位那边都没有，全部公开",
    "单位方面无，群众申请40件，全部予以公开",
])
def test_no_organisation_s_applications_is_nothing_to_ask(said):
    out = answers.parse("t3", [said])
    assert not out.questions and not out.not_understood, out
    assert {(r, c): v for (_, r, c), v in out.cells.items() if v} == {("new", "natural"): 40, ("open", "natural"): 40}


def test_an_organisation_counted_is_still_asked_which_kind():
    assert answers.parse("t3", ["个人申请30件，单位申请2件，都公开了"]).questions
