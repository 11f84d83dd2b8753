"""Checks on what an import found: cells it could not read are 未读出 (never 未填写), the six headings present, in
order and numbered, a run-together row that cannot add up is the published table's error; and the text rules
added with them (a sentence of another year, the 上年结转/结转下年度/办结 figures), each both ways."""

import re

import pytest

from gkassist.checks import ERROR, WARNING, check
from gkassist.core.model import load_report
from gkassist.importer import import_file
from gkassist.importer.textparse import parse_text
from gkassist.output import render_text
from support import PUBLISHED, SAMPLES


@pytest.fixture(scope="module")
def sample_text():
    return render_text(load_report(SAMPLES / "2024_shiqiaozhen.json"), ".txt")


def rules(findings, *names):
    return [(f.rule, f.severity, f.location) for f in findings if f.rule in names]


def test_unread_cells_are_named_unread_not_unfilled_and_stay_so_when_saved(tmp_path):
    page = (PUBLISHED / "2023_shuyang_fgj.html").read_text(encoding="utf-8").replace("<p>规范性文件</p>", "<p>文件</p>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    result = import_file(tmp_path / "page.html")
    assert result.unread == [("t2", "normative", c) for c in ("issued", "repealed", "in_force")]
    for report in (result.report, load_report(_saved(tmp_path, result.report))):
        findings = check(report)
        unread = [f for f in findings if f.rule == "UNREAD"]
        assert [(f.severity, f.row, f.column) for f in unread] == [(WARNING, "normative", c) for c in ("issued", "repealed", "in_force")]
        assert unread[0].location == "表二 · 第二十条第（一）项 · 行政规范性文件 · 本年制发件数" and "未读出" in unread[0].message
        blank = [f for f in findings if f.rule == "BLANK"]
        assert not [f for f in blank if f.row == "normative"] and all("未填写" in f.message for f in blank)
        assert len(blank) == 125  # the cells the page itself leaves empty are still 未填写
    report.set_cell("t2", "normative", "issued", 8)  # filled in since: no longer unread
    assert [f.column for f in check(report) if f.rule == "UNREAD"] == ["repealed", "in_force"]


def _saved(tmp_path, report):
    path = tmp_path / "saved.json"
    path.write_text(report.to_json(), encoding="utf-8")
    return path


def test_a_report_made_here_has_no_unread_cells_nor_heading_rules(sample_2024):
    assert sample_2024.imported is None
    assert not [f for f in check(sample_2024) if f.rule in ("UNREAD", "SECTION-HEADINGS", "SECTION-MISSING")]


@pytest.mark.parametrize("heading, section, severity", [
    ("二、主动公开政府信息情况", "proactive", ERROR),
    ("四、政府信息公开行政复议、行政诉讼情况", "appeals", ERROR),
    ("五、存在的主要问题及改进情况", "problems", ERROR),
    ("一、总体情况", "overview", ERROR),
])
def test_a_report_missing_one_section_imports_and_section_missing_says_which(sample_text, heading, section, severity):
    result = parse_text(sample_text.replace(heading, ""))
    findings = check(result.report)
    missing = [(f.section, f.severity) for f in findings if f.rule == "SECTION-MISSING"]
    assert missing == [(section, severity)]
    assert heading in next(f.message for f in findings if f.rule == "SECTION-MISSING")
    assert not [f for f in findings if f.rule == "SECTION5-EMPTY" and "为空" in f.message]


@pytest.mark.parametrize("wrong, right, section", [
    ("二、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请情况", "requests"),  # misnumbered
    ("6、其他需要报告的事项", "六、其他需要报告的事项", "other"),  # an arabic numeral
])
def test_a_misnumbered_heading_is_found_read_and_said(sample_text, wrong, right, section):
    result = parse_text(sample_text.replace(right, wrong))
    assert result.read_cells == 200 and not result.unread
    found = [(f.rule, f.section) for f in check(result.report) if f.rule.startswith("SECTION")]
    assert found == [("SECTION-HEADINGS", section)]
    assert f"应编号为“{right[0]}、”" in next(f.message for f in check(result.report) if f.rule == "SECTION-HEADINGS")


def test_headings_out_of_order_are_said(sample_text):
    five = sample_text.index("五、存在的主要问题及改进情况")
    six = sample_text.index("六、其他需要报告的事项")
    swapped = sample_text[:five] + sample_text[six:] + "\n" + sample_text[five:six]
    findings = check(parse_text(swapped).report)
    headings = [(f.section, f.message) for f in findings if f.rule == "SECTION-HEADINGS"]
    assert len(headings) == 1 and "位置不对" in headings[0][1]
    assert not [f for f in findings if f.rule == "SECTION-MISSING"]


def test_headings_of_every_gathered_report_raise_nothing_false():
    for path in sorted(PUBLISHED.glob("*.txt")) + [PUBLISHED / "2019_shanghai_szfbgt.html", PUBLISHED / "2023_shuyang_fgj.html"]:
        assert not [f for f in check(import_file(path).report) if f.rule == "SECTION-HEADINGS"], path.name


def test_a_table_four_run_together_that_cannot_add_up_is_the_tables_error(sample_text):
    text = re.sub(r"行政复议 +\|.*?\n\n", "9999999999999999\n\n", sample_text, flags=re.S)
    result = parse_text(text)
    assert {c for t, _, c in result.unread if t == "t4"} and result.report.imported.inconsistent_rows == [("t4", "cases", "9999999999999999")]
    found = [f for f in check(result.report) if f.rule == "T4-SUMS"]
    assert [(f.severity, f.location) for f in found] == [(ERROR, "表四 · 行政复议 · 总计")]
    assert "没有一种拆法能使总计等于结果维持、结果纠正、其他结果、尚未审结之和：公布的表格本身不一致" in found[0].message
    assert any("没有一种拆法" in p for p in result.problems)


def test_a_table_three_row_run_together_that_cannot_add_up_is_the_tables_error(sample_text):
    text = re.sub(r"(三、本年度办理结果 （一）予以公开) +\|.*\n", r"\1 99999999\n", sample_text)
    result = parse_text(text)
    found = [f for f in check(result.report) if f.rule == "T3-COLUMNS"]
    assert [(f.severity, f.row) for f in found] == [(ERROR, "open")] and "99999999" in found[0].message


def test_digits_too_few_to_be_the_row_are_unread_not_an_inconsistency(sample_text):
    text = re.sub(r"(三、本年度办理结果 （一）予以公开) +\|.*\n", r"\1 4004\n", sample_text)
    result = parse_text(text)
    assert ("t3", "open", "total") in result.unread and not result.report.imported.inconsistent_rows
    assert not [f for f in check(result.report) if f.rule == "T3-COLUMNS"]


@pytest.mark.parametrize("sentence", [
    "2023年，我镇共发布信息120条。",
    "2023年度，石桥镇继续推进政务公开。",
    "2023年我镇共收到申请3件。",
    "（二）主动公开情况2023年，在主动公开的61条政府信息中，全文电子化的有60条。",
    "全年工作有序推进。2022年，全镇开展培训3次。",
])
def test_a_sentence_dated_in_an_earlier_year_is_said(sample_2024, sentence):
    sample_2024.sections["overview"].append(sentence)
    found = [f for f in check(sample_2024) if f.rule == "TEXT-YEAR"]
    assert [(f.severity, f.location) for f in found] == [(WARNING, f"一、总体情况 · 第{len(sample_2024.sections['overview'])}段")]
    assert "本报告是2024年度" in found[0].message


@pytest.mark.parametrize("sentence, section", [
    ("自2019年以来，我镇持续推进政务公开。", "overview"),
    ("截至2023年，全镇共有规范性文件8件。", "overview"),
    ("相关问题已于2023年12月31日前整改完毕。", "overview"),
    ("根据《青岚县政务公开工作要点》（青政办〔2023〕5号），我镇制定了方案。", "overview"),
    ("与2023年相比，申请数量有所增加。", "overview"),
    ("较2023年，公开信息增加20条。", "overview"),
    ("2024年，我镇共发布信息120条。", "overview"),
    ("2025年，我镇将继续完善公开目录。", "overview"),
    ("2023年，我镇存在答复说理不充分的问题，本年度已逐件审查整改。", "problems"),  # 五's 整改 part
    ("2023年度报告提出的问题已全部整改。", "other"),
])
def test_years_that_belong_in_a_sentence_are_not_said(sample_2024, sentence, section):
    sample_2024.sections[section].append(sentence)
    assert not [f for f in check(sample_2024) if f.rule == "TEXT-YEAR"]


@pytest.mark.parametrize("sentence, holds", [
    ("上年结转政府信息公开申请1件。", True), ("上年结转政府信息公开申请2件。", False),
    ("上年度结转申请1件。", True),
    ("结转下年度继续办理1件。", True), ("结转下一年3件。", False),
    ("收到政府信息公开申请7件，办结7件。", True), ("收到政府信息公开申请7件，已全部答复6件。", False),
    ("收到政府信息公开申请7件，其中公开答复4件。", True),  # 公开答复 is one kind of result, not the total
    ("办理县人大代表建议答复3件。", True),  # no application in the sentence: not 表三
])
def test_text_numbers_for_carried_and_answered_applications(sample_2024, sentence, holds):
    sample_2024.sections["overview"] = [sentence]
    found = [f for f in check(sample_2024) if f.rule == "TEXT-NUMBERS"]
    assert (not found) is holds, [f.message for f in found]


@pytest.mark.parametrize("cut", ["六、其他需要报告的事项", "五、存在的主要问题及整改措施"])
def test_a_real_page_without_one_part_imports(tmp_path, cut):
    """The page's article was found only where it held both “收到和处理…申请” and “其他需要报告的事项”: a page
    without 六 was refused as “not an annual report”."""
    page = (PUBLISHED / "2023_shuyang_fgj.html").read_text(encoding="utf-8").replace(f"<p>{cut}</p>", "")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    result = import_file(tmp_path / "page.html")
    assert result.read_cells == 200
    section = "other" if cut.startswith("六") else "problems"
    assert [f.section for f in check(result.report) if f.rule == "SECTION-MISSING"] == [section]


def test_the_audit_shows_the_new_findings_and_names_unread_places(tmp_path):
    from gkassist.audit import run_audit

    page = (PUBLISHED / "2023_shuyang_fgj.html").read_text(encoding="utf-8")
    page = page.replace("<p>规范性文件</p>", "<p>文件</p>").replace("<p>三、收到和处理政府信息公开申请情况</p>",
                                                                    "<p>二、收到和处理政府信息公开申请情况</p>")
    page = page.replace("<p>2023年度，县发展和改革局", "<p>2022年，县发展和改革局继续推进公开。2023年度，县发展和改革局")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(page, encoding="utf-8")
    unit = run_audit([tmp_path / "in"], workers=1).units[0]
    rules = {f["rule"] for f in unit.findings}
    assert {"TEXT-YEAR", "SECTION-HEADINGS", "UNREAD"} <= rules
    unread = [f for f in unit.findings if f["rule"] == "UNREAD"]
    assert len(unread) == 1 and "表二 · 第二十条第（一）项 · 行政规范性文件（3格）" in unread[0]["message"]
    assert unit.unread_cells == 3 and not [f for f in unit.findings if f["rule"] == "BLANK" and f["row"] == "normative"]
