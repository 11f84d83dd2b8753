"""An amount of 亿 and 万 together: the 万 figure after 亿 is read whole, whether 零 stands between (十亿零三百万:
the 千万 place is empty) or not (三亿二千万), in words or in digits, into the 元 or the 万元 of its column."""

import pytest

from gkassist.core.numbers import read_amount
from gkassist.dialogue.answers import parse_t2

FEE = ("t2", "fees", "fee_amount")

YI_AND_WAN = [
    ("十亿零三百万元", 1_003_000_000), ("一亿零五十万", 100_500_000), ("三亿二千万", 320_000_000),
    ("1亿零300万元", 103_000_000), ("两亿零八万", 200_080_000), ("一亿二千三百万元", 123_000_000),
    ("1亿2345万", 123_450_000), ("1亿5千万元", 150_000_000), ("五亿零二十万块钱", 500_200_000),
    ("2亿〇6万元", 200_060_000), ("十二亿零四百五十万元", 1_204_500_000), ("0.5亿零20万", 50_200_000),
]


@pytest.mark.parametrize("said, yuan", YI_AND_WAN)
def test_yi_and_a_figure_of_wan_are_one_amount_in_yuan(said, yuan):
    for lead in ("收费", "一共收了", "行政事业性收费是"):
        amount = read_amount(lead + said)
        assert amount is not None and amount.unit == "元" and amount.value == yuan, (lead + said, amount)


@pytest.mark.parametrize("said, yuan", YI_AND_WAN)
def test_yi_and_wan_is_stored_in_the_fee_columns_wanyuan(said, yuan):
    assert parse_t2("收费" + said).cells[FEE] == yuan / 10_000


@pytest.mark.parametrize("said, yuan", [
    ("一亿零五百元", 100_000_500), ("3亿", 300_000_000), ("9.8亿元", 980_000_000), ("两个亿", 200_000_000),
    ("1亿2千万元", 120_000_000), ("9万零127元", 90_127), ("3万5", 35_000),
])
def test_yi_without_a_figure_of_wan_reads_as_before(said, yuan):
    assert read_amount("收费" + said).value == yuan


def test_yi_and_wan_among_the_other_figures_of_the_table():
    cells = parse_t2("规范性文件制发3件 许可12万 处罚两百件 收费三亿零六十万元").cells
    assert cells[FEE] == 30_060
