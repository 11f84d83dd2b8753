"""Row labels printed otherwise than the format's: a wording variant or a misprint of a character or two is read
by the row's place and similarity, and named in the summary; two rows equally near leave the row unread."""

import re

import pytest

from gkassist.core.model import load_report
from gkassist.importer import import_file
from gkassist.importer.labels import allowed, tail_distance
from gkassist.importer.textparse import parse_text
from gkassist.output import render_text
from support import CORPUS, PUBLISHED, SAMPLES, needs_shared


@pytest.fixture(scope="module")
def sample_text():
    return render_text(load_report(SAMPLES / "2024_shiqiaozhen.json"), ".txt")


@pytest.fixture(scope="module")
def expected():
    return load_report(SAMPLES / "2024_shiqiaozhen.json")


@pytest.mark.parametrize("printed, wanted, table, row", [
    ("规范性文件 ", "行政规范性文件 ", "t2", "normative"),  # the 2019 wording in a 2021 table
    ("1.本机关不掌握政府信息", "1.本机关不掌握相关政府信息", "t3", "unable_1"),  # two characters lost in printing
    ("4.无正当理由大量反覆申请", "4.无正当理由大量反复申请", "t3", "reject_4"),  # one character wrong
    ("2.没有现成信息需另行制作", "2.没有现成信息需要另行制作", "t3", "unable_2"),  # one character missing
    ("（二）部分公开（区分处理的,只计这一情形,不计其他情况）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "t3", "partial"),
    ("3.其它 ", "3.其他 ", "t3", "other_3"),  # a short label: one character at most
    ("行政许诃", "行政许可", "t2", "licensing"),
    ("行政许 ", "行政许可 ", "t2", "licensing"),  # a four-character label may lose one
])
def test_a_label_printed_otherwise_is_read_by_its_place(sample_text, expected, printed, wanted, table, row):
    result = parse_text(sample_text.replace(wanted, printed, 1))
    assert result.report.tables == expected.tables and not result.unread
    assert [(t, r) for t, r, _ in result.loose_labels] == [(table, row)]
    assert printed.strip() in result.summary() and "按所在位置和相近程度读取" in result.summary()


@pytest.mark.parametrize("printed, wanted, row", [
    ("1.本机关政府信息", "1.本机关不掌握相关政府信息", "unable_1"),  # five characters lost: too far to be sure
    ("规范性 ", "行政规范性文件 ", "normative"),
    ("行 ", "行政许可 ", "licensing"),
    ("章 ", "规章 ", "rules"),  # a two-character label must be printed whole
])
def test_a_label_too_far_from_any_stays_unread(sample_text, printed, wanted, row):
    result = parse_text(sample_text.replace(wanted, printed, 1))
    assert {r for _, r, _ in result.unread} == {row} and not result.loose_labels


def test_two_rows_equally_near_leave_both_unread(sample_text):
    """“行政处制” is one character from both 行政处罚 and 行政强制: neither is guessed."""
    result = parse_text(sample_text.replace("行政处罚", "行政处制").replace("行政强制", "行政强罚"))
    assert {r for _, r, _ in result.unread} == {"penalty", "enforcement"} and not result.loose_labels
    assert result.report.cell("t2", "penalty", "decisions") is None


def test_the_single_2019_other_row_is_no_loose_match_of_three_other(sample_text):
    lines, done = [], False
    for line in sample_text.split("\n"):
        if line.startswith("（六）其他处理"):
            if not done:
                lines.append("（六）其他处理 | 2 | 0 | 0 | 0 | 0 | 0 | 2")
                done = True
            continue
        lines.append(line)
    result = parse_text("\n".join(lines))
    assert not result.loose_labels and result.report.cell("t3", "other_3", "natural") == 2


def test_a_real_page_with_the_2019_wording_reads_every_cell():
    """沭阳县发改局 2023 (a 2021-format table): “规范性文件 | 8 | 0 | 18” was left unread; BLANK then said 未填写."""
    result = import_file(PUBLISHED / "2023_shuyang_fgj.html")
    r = result.report
    assert (r.agency, r.year, r.format_version) == ("沭阳县发展和改革局", 2023, "2021")
    assert [r.cell("t2", "normative", c) for c in ("issued", "repealed", "in_force")] == [8, 0, 18]
    assert not result.unread and result.read_cells == 200 and result.left_blank() == 125
    assert result.loose_labels == [("t2", "normative", "规范性文件")]
    assert [r.cell("t3", "new", c) for c in ("natural", "business", "total")] == [26, None, 26]
    assert [r.cell("t4", "cases", c) for c in ("review.pending", "review.total")] == [1, 1]


def test_tail_distance_skips_what_comes_before_the_label():
    assert tail_distance("1.属于国家秘密", "0000000三、本年度办理结果（三）不予公开1.属于国家秘密") == 0
    assert tail_distance("行政规范性文件", "规范性文件") == 2
    assert tail_distance("规章", "规范性文件") == 2 and allowed("规章") == 0  # “文件” for “规章”: never taken


def test_a_table_three_with_a_subtotal_column_reads_it(sample_text, expected):
    """Some tables add a 小计 of the five 法人或其他组织 columns: read as a cell of its own (it raised KeyError once
    amounts learned their units)."""
    lines = []
    for line in sample_text.split("\n"):
        cells = [c.strip() for c in line.split("|")]
        if len(cells) == 8 and cells[1] == "自然人":
            cells.insert(7, "小计")
        elif len(cells) == 8 and all(re.fullmatch(r"\d+", c) for c in cells[1:]):
            cells.insert(7, str(sum(int(c) for c in cells[2:7])))
        lines.append(" | ".join(cells))
    result = parse_text("\n".join(lines))
    assert not result.unread and result.report.cell("t3", "new", "subtotal") == 2
    assert result.report.cell("t3", "new", "total") == 7 and result.report.cell("t3", "new", "business") == 2


# A misprint losing more than two characters, read by its place in the official order, its numbering and its own
# words (all but one of them the label's, in order, at least 60 % of it); printed with dots, 、 or no mark after
# the number, on a line of its own or with the cells of the row before on the same line.
MISPRINTS = [
    ("2.其他法律行政止公开", "2.其他法律行政法规禁止公开", "deny_2"),  # the 洪泽 PDFs: 法规禁 lost
    ("2其他法律行政止公开", "2.其他法律行政法规禁止公开", "deny_2"),
    ("2、其它法律行政止公开", "2.其他法律行政法规禁止公开", "deny_2"),  # and one character wrong
    ("5.属于内部信息", "5.属于三类内部事务信息", "deny_5"),
    ("5.三类内部事务", "5.属于三类内部事务信息", "deny_5"),
    ("3.补正后申请仍不明", "3.补正后申请内容仍不明确", "unable_3"),
    ("5.要求确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取信息", "reject_5"),
    ("1.申请人无正当理由逾期不补正、不再处理其申请", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_1"),
]


@pytest.mark.parametrize("printed, wanted, row", MISPRINTS)
def test_a_misprint_is_read_by_its_numbering_place_and_words(sample_text, expected, printed, wanted, row):
    result = parse_text(sample_text.replace(wanted, printed, 1))
    assert result.report.tables == expected.tables and not result.unread
    ((table, found, said),) = result.loose_labels
    assert (table, found) == ("t3", row) and said.endswith(printed)


@needs_shared()
@pytest.mark.parametrize("printed, wanted, row", MISPRINTS[:6])  # (the last two labels run over two lines there)
def test_a_misprint_in_a_real_report_costs_no_cell(tmp_path, printed, wanted, row):
    """淮安's report (a row a line, the number glued to the label): the row read, the row before it kept whole."""
    source = (CORPUS / "2024_huaian_shi.txt").read_text(encoding="utf-8")
    whole = import_file(CORPUS / "2024_huaian_shi.txt")
    assert source.count(wanted) == 1
    (tmp_path / "r.txt").write_text(source.replace(wanted, printed), encoding="utf-8")
    result = import_file(tmp_path / "r.txt")
    assert result.report.tables == whole.report.tables and not result.unread
    assert [r for _, r, _ in result.loose_labels] == [row]


@pytest.mark.parametrize("printed, wanted, row", [
    ("2.其他", "2.其他法律行政法规禁止公开", "deny_2"),  # too little of it left
    ("1.本机关不掌握", "1.本机关不掌握相关政府信息", "unable_1"),  # half of it: 2.没有现成信息… is as near
    ("3.其他法律行政止公开", "2.其他法律行政法规禁止公开", "deny_2"),  # another row's number
    ("其他法律行政止公开", "2.其他法律行政法规禁止公开", "deny_2"),  # no number at all
    ("2.国家秘密法律行政止公开", "2.其他法律行政法规禁止公开", "deny_2"),  # words of another row in it
])
def test_a_misprint_that_does_not_say_which_row_stays_unread(sample_text, printed, wanted, row):
    result = parse_text(sample_text.replace(wanted, printed, 1))
    assert {r for _, r, _ in result.unread} == {row} and not result.loose_labels
