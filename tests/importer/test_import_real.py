"""Real published reports of other regions (tests/published/, sources in SOURCES.md): every cell a file holds
is read as published (values read by eye), blank cells stay blank, the rest is said to be unread."""

import re

import pytest

from gkassist.checks import check
from gkassist.importer import import_file
from support import PUBLISHED, SAMPLES

T3_COLUMNS = ("natural", "business", "research", "nonprofit", "legal", "other", "total")
_ = None  # a cell the report leaves empty


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def row(result, row_id, table_id="t3", columns=T3_COLUMNS):
    return [result.report.cell(table_id, row_id, c) for c in columns]


@pytest.fixture(scope="module")
def shanghai():
    return import_file(PUBLISHED / "2019_shanghai_szfbgt.html")


def test_shanghai_2019_reads_every_cell_as_published(shanghai):
    r = shanghai.report
    assert (r.agency, r.year, r.format_version) == ("上海市人民政府办公厅", 2019, "2019")
    assert not shanghai.unread and shanghai.read_cells == 198 and shanghai.left_blank() == 135
    assert [r.cell("t2", "rules", c) for c in ("made", "published", "total_public")] == [13, 13, 524]
    assert [r.cell("t2", "normative", c) for c in ("made", "published", "total_public")] == [60, 60, 368]
    assert row(shanghai, "new") == [821, 35, _, _, 2, 1, 859]
    assert row(shanghai, "carried") == [18, _, _, _, _, _, 18]
    assert row(shanghai, "open") == [258, 12, _, _, 1, 1, _]  # the 总计 column is blank in every result row
    assert row(shanghai, "deny_2") == [_] * 7  # a row of empty cells is read as blanks, not unread
    assert row(shanghai, "unable_1") == [252, 12, _, _, 1, _, _]
    assert row(shanghai, "other") == [_] * 7
    assert row(shanghai, "results_total") == [767, 35, _, _, 2, 1, 805]
    assert row(shanghai, "carry_next") == [72, _, _, _, _, _, 72]
    t4 = [r.cell("t4", "cases", f"{kind}.{c}") for kind in ("review", "suit_direct", "suit_after_review")
          for c in ("upheld", "corrected", "other", "pending", "total")]
    assert t4 == [5, _, _, 2, 7, 8, _, _, 1, 9, _, _, _, _, _]  # one row of 15, its last cell empty
    assert r.preface[0].startswith("本年度报告根据") and r.sections["other"] == ["无。"]


def test_shanghai_amount_in_yuan_is_kept_in_the_formats_unit(shanghai):
    """采购总金额 has one unit, 万元 (core/formats.py), so that an audit adds one unit: “251000元” is 25.1."""
    assert shanghai.report.cell("t2", "procurement", "procurement_items") == 6
    assert shanghai.report.cell("t2", "procurement", "procurement_amount") == 25.1
    assert shanghai.problems == ["表二 · 第二十条第（九）项 · 政府集中采购 · 采购总金额：原文为251000元，按万元记为25.1"]


def test_shanghai_checks_add_nothing_up_from_a_blank_total_column(shanghai):
    findings = check(shanghai.report)
    assert [f for f in findings if f.severity == "error"] == []
    blank = {(f.row, f.column) for f in findings if f.rule == "BLANK" and f.table == "t3"}
    assert ("open", "total") in blank and ("results_total", "total") not in blank


def test_the_same_report_as_a_word_file_reads_the_same_cells(shanghai):
    word = import_file(PUBLISHED / "2019_shanghai_szfbgt_lo.docx")
    assert word.report.tables == shanghai.report.tables and not word.unread
    assert (word.report.agency, word.report.year, word.problems) == ("上海市人民政府办公厅", 2019, shanghai.problems)


def test_the_same_report_copied_with_tabs_reads_its_blank_cells(tmp_path, shanghai):
    """Copied out of a browser or Word, cells come between tabs and an empty field is a blank cell."""
    import re

    from gkassist.importer.html_reader import html_text

    page = PUBLISHED / "2019_shanghai_szfbgt.html"
    copied = tmp_path / "copied.txt"
    copied.write_text(re.sub(r" *\| *", "\t", html_text(page.read_text(encoding="utf-8"), page)), encoding="utf-8")
    assert "2.其他法律行政法规禁止公开\t\t\t\t\t\t\t\n" in copied.read_text(encoding="utf-8")
    tabbed = import_file(copied)
    assert tabbed.report.tables == shanghai.report.tables and not tabbed.unread


def test_tabs_lining_cells_up_are_no_blank_cells(tmp_path):
    from gkassist.core.model import load_report
    from gkassist.output import render_text

    text = render_text(load_report(SAMPLES / "2024_shiqiaozhen.json"), ".txt")
    spaced = re.sub(r"(?m)^(规章|行政规范性文件) +\| +(\S+) +\| +(\S+) +\| +(\S+)$", r"\1\t\t\2\t\t\3\t\t\4", text)
    assert spaced != text
    result = import_file(write(tmp_path, "spaced.txt", spaced))
    assert [result.report.cell("t2", "normative", c) for c in ("issued", "repealed", "in_force")] == [2, 1, 9]


def test_the_same_report_as_a_pdf_reads_its_blank_cells_by_position(shanghai):
    """Blank cells leave no text in a PDF (“（一）予以公开 258 12 1 1”: 4 numbers for 7 cells, 表四 “5 2 7 8 1 9”);
    the numbers' places under the header and the table's row lines say which cells they are."""
    pdf = import_file(PUBLISHED / "2019_shanghai_szfbgt_lo.pdf")
    assert pdf.report.tables == shanghai.report.tables and not pdf.unread and pdf.left_blank() == 135


def test_a_pdf_line_with_a_number_and_words_under_table_four_is_no_row():
    """Fifteen headings, then “注 2021 年无案件”: the text stays as it is (it raised IndexError)."""
    from gkassist.importer.pdf_columns import Columns, with_cells

    heading = "四、政府信息公开行政复议、行政诉讼情况\r\n"
    text = heading + " ".join(["维持"] * 15) + "\r\n注 2021 年无案件\r\n"
    at = lambda i: (i - len(heading)) * 10.0  # noqa: E731 — characters 10 points apart
    assert with_cells(text, lambda i: (at(i), 0, at(i) + 9, 10), Columns()) == text


def test_a_pdf_of_a_word_table_with_centred_numbers_over_a_page_break():
    from gkassist.core.model import load_report

    expected = load_report(PUBLISHED / "2024_qinglanxian_zfb_blanks.json")
    pdf = import_file(PUBLISHED / "2024_qinglanxian_zfb_blanks.pdf")
    assert pdf.report.tables == expected.tables and not pdf.unread and pdf.left_blank() == 159


def test_pdf_positions_never_place_a_number_by_guess():
    """A row whose numbers do not each fall in a column of their own is left as the PDF gives it."""
    from gkassist.importer.pdf_columns import Columns, _row

    columns = Columns(left=100.0, bounds=[150.0, 200.0], active=True)  # three columns: 100–150–200–

    def row(first_x, second_x):  # “甲 7 9”: characters 2 and 4 are the numbers, 5 points wide
        lefts = {2: first_x, 4: second_x}
        return _row("甲 7 9", 0, lambda i: (lefts.get(i, 0), 0, lefts.get(i, 0) + 5, 10), columns)

    assert row(105, 210) == "甲 | 7 |  | 9"
    assert row(105, 120) == "甲 7 9"  # both in one column
    assert row(50, 210) == "甲 7 9"  # one inside the row's label


@pytest.mark.parametrize("name, agency, year", [
    ("2023_zhanjiang_dfzb.txt", "湛江市人民政府地方志办公室", 2023),  # “特编制…2023年政府信息公开工作年度报告”
    ("2023_qu_tjj.txt", "区统计局", 2023),  # “现公布区统计局2023年…”
    ("2023_zichang_szf.txt", "子长市人民政府", 2023),  # “现公布子长市人民政府2023年度政府信息公开工作报告”
    ("2023_changchun_tyjrswj.txt", "未识别的机关", 2023),  # “我局”, the year only as “截止2023年12月31日”
    ("2024_longgang_bm.txt", "未识别的机关", 2024),  # the title is outside the copied text
])
def test_agency_and_year_from_the_preface(name, agency, year):
    r = import_file(PUBLISHED / name).report
    assert (r.agency, r.year) == (agency, year)


def test_a_preface_naming_the_report_stays_whole():
    r = import_file(PUBLISHED / "2023_zhanjiang_dfzb.txt").report
    assert r.preface[0].startswith("根据《中华人民共和国政府信息公开条例》要求,特编制湛江市人民政府地方志办公室2023年")
    assert [f.message for f in check(r) if f.rule == "PREFACE"] == ["开头一段没有写联系方式"]


def test_known_inconsistent_changchun_text_says_two_applications_the_table_three():
    """KNOWN INCONSISTENT (real): 一 says “共受理政府信息公开申请2件”, 表三 新收 总计 is 3 (上年结转 0)."""
    findings = [f for f in check(import_file(PUBLISHED / "2023_changchun_tyjrswj.txt").report) if f.rule == "TEXT-NUMBERS"]
    assert [(f.location, f.message) for f in findings] == [(
        "一、总体情况 · 第2段", "正文写“受理政府信息公开申请2件”，但表三 · 一、本年新收政府信息公开申请数量 · 总计为3")]


def test_a_report_without_a_year_says_so():
    result = import_file(PUBLISHED / "xuwen_sfj.txt")
    assert "没有找到报告年度" in result.problems and "没有找到机关名称（标题行）" in result.problems


def test_rows_ending_with_a_pipe_and_a_truncated_table():
    result = import_file(PUBLISHED / "2024_longgang_bm.txt")
    r = result.report
    assert [r.cell("t2", "normative", c) for c in ("issued", "repealed", "in_force")] == [5, 1, 25]
    assert row(result, "new") == [58, 7, 0, 0, 1, 0, 66]
    assert row(result, "partial") == [16, 1, 0, 0, 0, 0, 17]
    assert row(result, "deny_5") == [1, 0, 0, 0, 0, 0, 1]
    assert ("t3", "deny_8", "natural") in result.unread and ("t4", "cases", "review.total") in result.unread
    # the copy ends inside “7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 |”: six cells and the closing pipe every row
    # has, so the seventh is missing, not blank
    assert ("t3", "deny_7", "total") in result.unread and result.left_blank() == 0


def test_merged_cell_remnants_after_a_rows_cells():
    result = import_file(PUBLISHED / "2023_changchun_tyjrswj.txt")
    r = result.report
    assert [r.cell("t2", g, "decisions") for g in ("licensing", "penalty", "enforcement")] == [0, 0, 0]
    assert r.cell("t2", "fees", "fee_amount") == 0
    assert row(result, "new") == [3, 0, 0, 0, 0, 0, 3] and row(result, "carried") == [0] * 7
    assert result.read_cells == 24 and ("t3", "open", "natural") in result.unread


def test_blank_cells_with_a_zero_total_and_a_two_line_header():
    result = import_file(PUBLISHED / "xuwen_sfj.txt")
    r = result.report
    assert [r.cell("t2", "normative", c) for c in ("issued", "repealed", "in_force")] == [3, 0, 101]
    assert row(result, "new") == [0, _, _, _, _, _, 0]
    assert row(result, "carried") == [_, _, _, _, _, _, 0]
    for row_id in ("open", "partial", "deny_1", "deny_2", "deny_3", "deny_4", "deny_5"):
        assert row(result, row_id) == [_, _, _, _, _, _, 0], row_id


def test_one_cell_per_line():
    result = import_file(PUBLISHED / "2023_qu_tjj.txt")
    r = result.report
    assert [r.cell("t2", "rules", c) for c in ("issued", "repealed", "in_force")] == ["/", "/", "/"]
    assert [r.cell("t2", "normative", c) for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert r.cell("t2", "fees", "fee_amount") == 0
    assert row(result, "new") == [_, _, _, _, _, _, 0] and row(result, "carried") == [_, _, _, _, _, _, 0]
    assert result.read_cells == 24 and result.left_blank() == 12


def test_pdf_text_with_headings_a_character_per_line():
    result = import_file(PUBLISHED / "2020_shenji_page9.txt")
    t4 = [result.report.cell("t4", "cases", f"{kind}.{c}") for kind in ("review", "suit_direct", "suit_after_review")
          for c in ("upheld", "corrected", "other", "pending", "total")]
    assert t4 == [0] * 15
    assert "没有找到报告年度" in result.problems  # “2020 年,我单位…” and “2021 年,我局将…” are sentences, not a title


def test_a_page_copy_with_tables_missing_imports_and_says_what_is_missing():
    result = import_file(PUBLISHED / "2023_zichang_szf.txt")
    assert result.read_cells == 0 and len(result.unread) == 200
    assert "没有找到“二、主动公开政府信息情况”部分" in result.problems


def test_a_2022_report_published_in_the_2019_layout():
    """丰收乡: 2019年版 表二 (本年新制作数量…, 其他对外管理服务事项, 政府集中采购) in a 2022 report whose copy
    lacks the title: the layout is read as published; the year is not guessed from “2022年以来”."""
    result = import_file(PUBLISHED / "2022_fengshouxiang.txt")
    r = result.report
    assert r.format_version == "2019" and "没有找到报告年度" in result.problems
    assert [r.cell("t2", "other_services", c) for c in ("last_year_items", "change", "decisions")] == [0, 0, 0]
    assert [r.cell("t2", "procurement", c) for c in ("procurement_items", "procurement_amount")] == [0, 0]
    assert row(result, "new") == [0] * 7 and result.read_cells == 29


def test_a_cell_per_paragraph_without_pipes():
    result = import_file(PUBLISHED / "2022_taipingzhen.txt")
    r = result.report
    assert (r.agency, r.year, r.format_version) == ("太平镇人民政府", 2022, "2021")
    for row_id in ("new", "carried", "open", "partial", "deny_1", "deny_2", "deny_3"):
        assert row(result, row_id) == [0] * 7, row_id
    assert result.read_cells == 59 and ("t3", "deny_4", "natural") in result.unread


def test_the_agency_on_the_line_under_the_title():
    result = import_file(PUBLISHED / "2022_songmutangzhen.txt")
    r = result.report
    assert (r.agency, r.year, r.preface) == ("桃江县松木塘镇人民政府", 2022, [])
    assert [r.cell("t2", "rules", c) for c in ("issued", "repealed", "in_force")] == [2, 0, 2]
    assert [r.cell("t2", "normative", c) for c in ("issued", "repealed", "in_force")] == [2, 0, 2]
    assert r.cell("t2", "penalty", "decisions") == 9 and result.read_cells == 9


def test_a_page_copied_with_its_navigation():
    r = import_file(PUBLISHED / "2022_matoupuzhen.txt").report
    assert (r.agency, r.year) == ("马头铺镇人民政府", 2022)
    assert len(r.preface) == 1 and r.preface[0].startswith("本报告依据《中华人民共和国政府信息公开条例》")
    assert not [f for f in check(r) if f.rule == "PREFACE"]


@pytest.mark.parametrize("name, office, phone, address", [
    ("2022_matoupuzhen.txt", "马头铺镇人民政府", "88670059", "新乐市新藁路与662乡道交叉口西北80米"),  # “请与…联系”
    ("2023_zichang_szf.txt", "子长市政府政务服务中心", "0911-7112744", "子长市安兴路政府大楼三楼"),  # “请联系…（地址：…）”
])
def test_last_years_contact_details_from_a_real_preface(name, office, phone, address):
    """What drafting offers as “同去年” for the preface: the office named where the preface says whom to ask,
    not a word of another sentence (“本报告中所…”, “国务院办公厅…办公室”)."""
    from gkassist.dialogue.preface import contact_in

    contact = contact_in("".join(import_file(PUBLISHED / name).report.preface))
    assert (contact.office, contact.phone, contact.address) == (office, phone, address)
