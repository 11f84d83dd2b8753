"""Amounts have one unit per field, declared in the format (收费金额 and 采购总金额: 万元): a figure printed in 元 —
with the figure or in the column's heading — is converted, one printed without any unit is not guessed."""

import re

import pytest

from gkassist.core.model import load_report
from gkassist.importer.textparse import parse_text
from gkassist.output import render_text
from support import SAMPLES


@pytest.fixture(scope="module")
def text_2019():
    return render_text(load_report(SAMPLES / "2020_guojiazhen_seed.json"), ".txt")


@pytest.fixture(scope="module")
def text_2021():
    return render_text(load_report(SAMPLES / "2024_shiqiaozhen.json"), ".txt")


def procurement(text, heading, cell):
    text = text.replace("| 采购总金额", f"| {heading}")
    return parse_text(re.sub(r"(政府集中采购 +\| +\S+ +\| +)\S+", lambda m: m.group(1) + cell, text))


@pytest.mark.parametrize("heading, cell, value", [
    ("采购总金额", "251000元", 25.1),  # the unit with the figure
    ("采购总金额", "251000 元", 25.1),  # as a PDF's text gives it
    ("采购总金额", "2.5万元", 2.5),
    ("采购总金额", "3,000,000元", 300),
    ("采购总金额（元）", "251000", 25.1),  # the unit in the heading
    ("采购总金额(单位：元)", "251000", 25.1),
    ("采购总金额（万元）", "25.1", 25.1),
    ("采购总金额", "0", 0),  # nothing to convert
])
def test_the_2019_procurement_amount_is_kept_in_wan_yuan(text_2019, heading, cell, value):
    result = procurement(text_2019, heading, cell)
    assert result.report.cell("t2", "procurement", "procurement_amount") == value
    assert ("t2", "procurement", "procurement_amount") not in result.unread
    if value and "万元" not in heading + cell:
        assert any(f"按万元记为{value:g}" in p for p in result.problems)


def test_an_amount_printed_without_any_unit_is_not_guessed(text_2019):
    result = procurement(text_2019, "采购总金额", "251000")
    assert result.report.cell("t2", "procurement", "procurement_amount") is None
    assert ("t2", "procurement", "procurement_amount") in result.unread
    assert any("没有写明单位（元还是万元），未读出" in p for p in result.problems)
    assert result.report.cell("t2", "procurement", "procurement_items") == 0


@pytest.mark.parametrize("heading, cell, value", [
    ("本年收费金额（单位：万元）", "3.5", 3.5),  # the official heading states 万元
    ("本年收费金额（单位：元）", "35000", 3.5),  # a page that printed its own unit
    ("本年收费金额（单位：万元）", "35000元", 3.5),
])
def test_the_2021_fee_amount(text_2021, heading, cell, value):
    text = text_2021.replace("本年收费金额（单位：万元）", heading)
    result = parse_text(re.sub(r"(行政事业性收费 +\| +)\S+", lambda m: m.group(1) + cell, text))
    assert result.report.cell("t2", "fees", "fee_amount") == value and not result.unread
