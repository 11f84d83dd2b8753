"""An applicant the clerk classes in brackets right after its count (“学校1件（算社会公益组织）”) is of the kind said in
the brackets, not the kind its everyday word would be (issue #27); brackets saying anything else change nothing."""

import pytest

from gkassist.dialogue.answers.text import normalize


@pytest.mark.parametrize("said, read", [
    ("自然人2件、学校1件（算社会公益组织）、村委会1件", "自然人2件、社会公益组织1件、村委会1件"),
    ("个人3件，医院2件(按其他组织算)", "个人3件，其他组织2件"),
    ("村民1件；协会两件（归其他组织）", "村民1件；其他组织两件"),
    ("社区1件（当作自然人处理）", "自然人1件"),
])
def test_the_kind_said_in_brackets_is_the_applicant_s(said, read):
    assert normalize(said) == read


@pytest.mark.parametrize("said", ["个人2件（算上去年的），公开2件", "信访的3件（算重复申请）", "企业1件（含分公司）"])
def test_brackets_naming_no_kind_change_nothing(said):
    assert normalize(said) == said
