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
