"""Each rule broken exactly once on a sample that passes every check."""
from datetime import date

import pytest

from gkassist.checks import ERROR, WARNING, check
from support import ROOT


def only(findings, rule):
    return [(f.severity, f.table, f.row, f.column, f.location) for f in findings if f.rule == rule]


def test_samples_pass_every_check(sample_2024, sample_2023):
    assert check(sample_2024, sample_2023, today=date(2025, 1, 20)) == []


def test_t3_balance(sample_2024):
    sample_2024.set_cell("t3", "carry_next", "natural", 2)
    sample_2024.set_cell("t3", "carry_next", "total", 2)
    found = check(sample_2024)
    assert {f.rule for f in found} == {"T3-BALANCE"}
    assert only(found, "T3-BALANCE") == [
        (ERROR, "t3", "carry_next", "natural", "表三 · 四、结转下年度继续办理 · 自然人"),
        (ERROR, "t3", "carry_next", "total", "表三 · 四、结转下年度继续办理 · 总计"),
    ]


def test_t3_results(sample_2024):
    sample_2024.set_cell("t3", "open", "natural", 4)
    sample_2024.set_cell("t3", "open", "total", 5)
    found = check(sample_2024)
    assert {f.rule for f in found} == {"T3-RESULTS"}
    assert [(f.row, f.column) for f in found] == [("results_total", "natural"), ("results_total", "total")]
    assert "各项之和为6，但（七）总计填的是5" in found[0].message


def test_t3_columns_with_a_subtotal_column(sample_2024):
    for _row_id, cols in sample_2024.tables["t3"].items():
        cols["subtotal"] = sum(cols[c] for c in ("business", "research", "nonprofit", "legal", "other"))
    sample_2024.set_cell("t3", "new", "subtotal", 3)
    found = check(sample_2024)
    assert only(found, "T3-COLUMNS") == [(ERROR, "t3", "new", "subtotal", "表三 · 一、本年新收政府信息公开申请数量 · 法人或其他组织·小计")]
    # the 小计 column's own balance breaks too, and nothing else
    assert {(f.rule, f.column) for f in found} == {("T3-COLUMNS", "subtotal"), ("T3-BALANCE", "subtotal")}


def test_t3_columns_total(sample_2024):
    sample_2024.set_cell("t3", "partial", "business", 1)  # business column now 3 results for 2 received
    found = only(check(sample_2024), "T3-COLUMNS")
    assert found == [(ERROR, "t3", "partial", "total", "表三 · 三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计")]


def test_t4_sums(sample_2024):
    sample_2024.set_cell("t4", "cases", "suit_direct.total", 1)
    found = check(sample_2024)
    assert only(found, "T4-SUMS") == [(ERROR, "t4", "cases", "suit_direct.total", "表四 · 行政诉讼·未经复议直接起诉 · 总计")]
    assert len(found) == 1


def test_version(seed_report):
    # the published seed has no opening paragraph: a warning, never an error
    assert [(f.rule, f.severity) for f in check(seed_report)] == [("PREFACE", WARNING)]
    seed_report.year = 2021
    found = [f for f in check(seed_report) if f.rule != "PREFACE"]
    assert [(f.rule, f.severity, f.location) for f in found] == [("VERSION", ERROR, "格式版本")]


def test_cross_year_carry(sample_2024, sample_2023):
    sample_2023.set_cell("t3", "carry_next", "natural", 2)
    sample_2023.set_cell("t3", "carry_next", "total", 2)
    found = [f for f in check(sample_2024, sample_2023) if f.rule.startswith("X-")]
    assert only(found, "X-CARRY") == [
        (ERROR, "t3", "carried", "natural", "表三 · 二、上年结转政府信息公开申请数量 · 自然人"),
        (ERROR, "t3", "carried", "total", "表三 · 二、上年结转政府信息公开申请数量 · 总计"),
    ]


def test_cross_year_in_force(sample_2024, sample_2023):
    sample_2024.set_cell("t2", "normative", "in_force", 10)
    found = check(sample_2024, sample_2023)
    assert sorted((f.rule, f.table, f.row, f.column) for f in found) == [
        ("TEXT-NUMBERS", None, None, None), ("X-VALID", "t2", "normative", "in_force")]
    x_valid, text = [next(f for f in found if f.rule == rule) for rule in ("X-VALID", "TEXT-NUMBERS")]
    assert "上年现行有效8 + 本年制发2 − 本年废止1 = 9" in x_valid.message
    assert text.message.startswith("正文写“现行有效的行政规范性文件9件”，但表二") and text.message.endswith("为10")


def test_t2_valid_repealed_more_than_existed(sample_2024, sample_2023):
    sample_2024.set_cell("t2", "normative", "repealed", 20)
    found = only(check(sample_2024, sample_2023), "T2-VALID")
    assert found == [(ERROR, "t2", "normative", "repealed", "表二 · 第二十条第（一）项 · 行政规范性文件 · 本年废止件数")]


def test_text_numbers(sample_2024):
    para = sample_2024.sections["overview"][2]
    sample_2024.sections["overview"][2] = para.replace("收到政府信息公开申请7件", "收到政府信息公开申请9件")
    found = check(sample_2024)
    assert [(f.rule, f.location) for f in found] == [("TEXT-NUMBERS", "一、总体情况 · 第3段")]
    assert "9件" in found[0].message and "总计为7" in found[0].message


def test_text_numbers_reads_chinese_numerals(sample_2024):
    sample_2024.sections["overview"][2] = "全年收到政府信息公开申请七件。本年度行政复议两件。"
    found = check(sample_2024)
    assert [f.rule for f in found] == ["TEXT-NUMBERS"]
    assert "行政复议两件" in found[0].message


@pytest.mark.parametrize("text", ["全镇共有XX个村", "发布信息X条", "××镇人民政府", "【】", "（单位名称）", "20XX年"])
def test_placeholder(sample_2024, text):
    sample_2024.sections["overview"][0] += text
    found = check(sample_2024)
    assert [(f.rule, f.severity, f.location) for f in found] == [("PLACEHOLDER", ERROR, "一、总体情况 · 第1段")]


@pytest.mark.parametrize("problems", [[], ["无"], ["无。"], ["全年工作取得显著成效，群众满意度高。"]])
def test_section5_empty(sample_2024, problems):
    sample_2024.sections["problems"] = problems
    found = check(sample_2024)
    assert [(f.rule, f.severity, f.location) for f in found] == [("SECTION5-EMPTY", ERROR, "五、存在的主要问题及改进情况")]


def test_section6_fees(sample_2024):
    sample_2024.set_cell("t2", "fees", "fee_amount", 3.5)
    sample_2024.sections["other"] = ["2024年，石桥镇办理县人大代表建议3件。"]
    found = check(sample_2024)
    assert [(f.rule, f.severity, f.location) for f in found] == [("SECTION6-FEES", WARNING, "六、其他需要报告的事项")]


def test_repeat_against_last_year(sample_2024):
    last = sample_2024.model_copy(deep=True)
    last.year = 2023
    found = [f for f in check(sample_2024, last) if f.rule in ("REPEAT", "SECTION5-EMPTY")]
    assert [(f.rule, f.severity) for f in found] == [("REPEAT", ERROR), ("SECTION5-EMPTY", ERROR)]
    assert "重复率100%" in found[0].message


def test_repeat_ignores_the_legal_formula(sample_2024, sample_2023):
    from gkassist.core.repetition import compare

    assert sample_2024.preface[0].startswith("本报告依据")
    assert compare(sample_2024, sample_2023).overall < 0.10


def test_blank(sample_2024):
    sample_2024.set_cell("t3", "new", "research", None)
    sample_2024.set_cell("t4", "cases", "review.pending", "/")
    found = check(sample_2024)
    assert only(found, "BLANK") == [
        (WARNING, "t3", "new", "research", "表三 · 一、本年新收政府信息公开申请数量 · 科研机构"),
        (WARNING, "t4", "cases", "review.pending", "表四 · 行政复议 · 尚未审结"),
    ]
    assert len(found) == 2


def test_timeliness(sample_2024):
    assert check(sample_2024, today=date(2025, 1, 31)) == []
    found = check(sample_2024, today=date(2025, 2, 1))
    assert [(f.rule, f.severity) for f in found] == [("TIMELINESS", WARNING)]
    sample_2024.level = "government"
    assert check(sample_2024, today=date(2025, 3, 1)) == []
    sample_2024.local_deadline = date(2025, 1, 26)
    assert [f.rule for f in check(sample_2024, today=date(2025, 1, 27))] == ["TIMELINESS"]


def test_empty_overview_and_other(sample_2024):
    sample_2024.sections["other"] = []
    found = check(sample_2024)
    assert [(f.rule, f.severity, f.location) for f in found] == [("SECTION-MISSING", WARNING, "六、其他需要报告的事项")]


def test_readme_rule_table_lists_exactly_the_rules():
    """The README's table of rules is the product's rule list: a rule added or dropped in one must be in the other."""
    import re

    from gkassist.checks import RULES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## 检查规则", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| ([A-Z0-9]+(?:-[A-Z0-9]+)*) \|", table, flags=re.M)
    assert sorted(listed) == sorted(RULES)


def test_every_rule_a_check_can_report_is_declared(sample_2024, sample_2023):
    """Findings only ever carry ids from RULES (the list the README is tested against)."""
    from gkassist.checks import RULES

    broken = sample_2024.model_copy(deep=True)
    broken.set_cell("t3", "open", "natural", 99)
    broken.set_cell("t4", "cases", "review.total", 9)
    broken.set_cell("t3", "carried", "natural", 5)
    broken.sections = {"overview": ["收到政府信息公开申请99件。XX镇"], "problems": ["无"]}
    found = check(broken, sample_2023, today=date(2030, 1, 1))
    assert {f.rule for f in found} <= set(RULES)
    assert {"T3-RESULTS", "T4-SUMS", "X-CARRY", "TEXT-NUMBERS", "PLACEHOLDER", "SECTION5-EMPTY", "TIMELINESS"} <= {f.rule for f in found}


def test_preface_names_what_it_lacks(sample_2024):
    assert [f for f in check(sample_2024) if f.rule == "PREFACE"] == []
    sample_2024.preface = ["本报告依据《中华人民共和国政府信息公开条例》编制。"]
    (found,) = [f for f in check(sample_2024) if f.rule == "PREFACE"]
    assert (found.severity, found.message) == (WARNING, "开头一段没有写统计期限（1月1日至12月31日）、联系方式")
    sample_2024.preface = []
    (found,) = [f for f in check(sample_2024) if f.rule == "PREFACE"]
    assert found.message == "正文前没有说明段落（编制依据、统计期限、联系方式）"
