"""A cross-year rule whose figure of last year's is unknown (the import could not read it, a draft left it blank)
says that it could not run — a reminder at this year's cell naming last year's cell — never a silent pass."""

from datetime import date

from gkassist.checks import WARNING, check
from gkassist.core.model import load_report
from support import SAMPLES


def across(found):
    return [(f.rule, f.severity, f.table, f.row, f.column) for f in found if f.rule in ("X-VALID", "X-CARRY", "T2-VALID")]


def test_last_years_in_force_unknown(sample_2024, sample_2023):
    sample_2023.set_cell("t2", "normative", "in_force", None)
    found = check(sample_2024, sample_2023, today=date(2025, 1, 20))
    assert across(found) == [("X-VALID", WARNING, "t2", "normative", "in_force")]
    message = next(f.message for f in found if f.rule == "X-VALID")
    assert "上年报告的表二 · 行政规范性文件 · 现行有效件数不知道" in message
    assert "上年现行有效 + 本年制发 − 本年废止 = 本年现行有效" in message


def test_last_years_rules_unknown_too(sample_2024, sample_2023):
    for row in ("rules", "normative"):
        sample_2023.set_cell("t2", row, "in_force", None)
    assert [a[3] for a in across(check(sample_2024, sample_2023))] == ["rules", "normative"]


def test_last_years_carried_on_unknown_is_one_reminder_naming_the_columns(sample_2024, sample_2023):
    for column in ("natural", "total"):
        sample_2023.set_cell("t3", "carry_next", column, None)
    found = [f for f in check(sample_2024, sample_2023) if f.rule == "X-CARRY"]
    assert [(f.severity, f.row, f.column) for f in found] == [(WARNING, "carried", "total")]
    assert "（自然人、总计）" in found[0].message


def test_this_years_cell_unknown_too_is_left_to_the_blank_check(sample_2024, sample_2023):
    sample_2023.set_cell("t2", "normative", "in_force", None)
    sample_2024.set_cell("t2", "normative", "in_force", None)
    assert across(check(sample_2024, sample_2023)) == []


def test_a_format_without_the_cell_is_no_gap():
    # 2019's 表二 has no 现行有效: a 2021 report after a 2020 one has nothing to check it against, and nothing to say
    last = load_report(SAMPLES / "2020_guojiazhen_seed.json")
    this = load_report(SAMPLES / "2024_shiqiaozhen.json")
    this.year = 2021
    assert [a for a in across(check(this, last)) if a[0] == "X-VALID"] == []
