"""Reports as people publish them, in layouts made from the samples: the title outside the article, the year
first, a 发布机构 line; a missing 六; tables with blank cells, 表四 in one row, amounts with units; a 2021 report
with the 2019 layout's single 其他处理 row."""

import re

import pytest

from gkassist.checks import check
from gkassist.core.model import load_report
from gkassist.importer import import_file
from gkassist.importer.textparse import looks_like_agency
from gkassist.output import render_bytes, render_text
from support import SAMPLES


@pytest.fixture
def sample_text():
    return render_text(load_report(SAMPLES / "2024_shiqiaozhen.json"), ".txt")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_title_in_the_pages_h1_with_the_year_first_and_a_publisher_line(tmp_path):
    report = load_report(SAMPLES / "2024_qinglanxian_jyj.json")
    body = render_bytes(report, ".html").decode().split("<body>")[1].split("</body>")[0]
    article = re.sub(r"<h1.*?</h1>", "", body, flags=re.S)
    page = ("<html><head><title>2024年青岚县教育局政府信息公开工作年度报告_青岚县人民政府网</title></head><body>"
            "<div class='nav'><a>首页</a><a>政务公开</a></div>"
            "<h1>2024年青岚县教育局政府信息公开工作年度报告</h1><div>发布机构：青岚县教育局 发布日期：2025-01-20</div>"
            f"<div class='article'>{article}</div></body></html>")
    result = import_file(write(tmp_path, "page.html", page))
    assert (result.report.agency, result.report.year, result.read_cells) == ("青岚县教育局", 2024, 200)
    assert result.report.preface == report.preface  # the preface, not cut at the title words inside it


def test_a_sentence_is_never_taken_as_the_agency(tmp_path, sample_text):
    body = sample_text.split("\n", 3)[3]  # without the title lines
    result = import_file(write(tmp_path, "untitled.txt", "根据《中华人民共和国政府信息公开条例》，我局编制本报告。\n" + body))
    assert result.report.agency == "未识别的机关" and "没有找到机关名称（标题行）" in result.problems
    assert not looks_like_agency("根据《中华人民共和国政府信息公开条例》规定编制本报告")
    assert looks_like_agency("2019年上海市人民政府办公厅"[5:]) and looks_like_agency("平潭综合实验区（管委会）")


def test_year_first_title_in_text(tmp_path, sample_text):
    lines = sample_text.split("\n")
    text = "\n".join(["2024年青岚县石桥镇人民政府政府信息公开工作年度报告"] + lines[2:])
    result = import_file(write(tmp_path, "yearfirst.txt", text))
    assert (result.report.agency, result.report.year) == ("青岚县石桥镇人民政府", 2024)


def test_a_report_without_six_imports_and_the_check_says_so(tmp_path, sample_text):
    result = import_file(write(tmp_path, "no6.txt", sample_text.split("六、其他需要报告的事项")[0]))
    assert result.read_cells == 200 and "没有找到“六、其他需要报告的事项”部分" in result.problems
    assert [f.section for f in check(result.report) if f.rule == "SECTION-MISSING"] == ["other"]


def test_blank_cells_of_a_delimited_table_are_blank_and_the_rest_is_read(tmp_path, sample_text):
    lines = []
    for line in sample_text.split("\n"):
        if line.startswith(("（三）不予公开", "（五）不予处理")):  # the publisher left 总计 empty in these rows
            cells = line.split("|")
            cells[-1] = "    "
            line = "|".join(cells)
        lines.append(line)
    result = import_file(write(tmp_path, "blanks.txt", "\n".join(lines)))
    assert result.read_cells == 200 and not result.unread
    assert result.report.cell("t3", "deny_1", "total") is None and result.report.cell("t3", "deny_1", "natural") == 0
    assert result.report.cell("t3", "new", "total") == 7


def test_table_four_as_one_row_of_fifteen_cells(tmp_path, sample_text):
    one_row = ("类别 | 行政复议 | | | | | 行政诉讼\n"
               " | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
               " | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n"
               " | 1 | 0 | 0 | 0 | 1 | 0 | 2 | 0 | 0 | 2 | 0 | 0 | 0 | 1 | 1\n")
    text = re.sub(r"类别 +\|.*?\n\n", one_row + "\n", sample_text, flags=re.S)
    result = import_file(write(tmp_path, "t4.txt", text))
    assert not result.unread
    assert [result.report.cell("t4", "cases", c) for c in ("review.total", "suit_direct.corrected", "suit_after_review.pending")] == [1, 2, 1]


@pytest.mark.parametrize("written, value", [("251000元", 25.1), ("2.5万元", 2.5), ("3,000元", 0.3)])
def test_amounts_with_their_unit(tmp_path, sample_text, written, value):
    text = re.sub(r"(行政事业性收费 +\| +)\S+", lambda m: m.group(1) + written, sample_text)
    result = import_file(write(tmp_path, "fees.txt", text))
    assert result.report.cell("t2", "fees", "fee_amount") == value


def test_a_2021_report_in_the_2019_layout_keeps_its_other_row(tmp_path, sample_text):
    lines, done = [], False
    for line in sample_text.split("\n"):
        if line.startswith("（六）其他处理"):
            if not done:
                lines.append("（六）其他处理 | 2 | 0 | 0 | 0 | 0 | 0 | 2")
                done = True
            continue
        lines.append(line)
    result = import_file(write(tmp_path, "layout2019.txt", "\n".join(lines)))
    assert result.report.cell("t3", "other_3", "natural") == 2 and result.report.cell("t3", "other_1", "natural") == 0
    assert any("2019年版格式的“（六）其他处理”" in p for p in result.problems)
    version = [f for f in check(result.report) if f.rule == "VERSION"]
    assert [(f.severity, f.table, f.row) for f in version] == [("error", "t3", "other_3")]
    assert "2019年版格式的“（六）其他处理”一行" in version[0].message
    again = load_report(write(tmp_path, "saved.json", result.report.to_json()))
    assert again.t3_single_other_row and [f.rule for f in check(again) if f.rule == "VERSION"] == ["VERSION"]
    assert not [f for f in check(load_report(SAMPLES / "2024_shiqiaozhen.json")) if f.rule == "VERSION"]
