import json

import pytest

from gkassist.core import formats
from gkassist.core.errors import InputError
from gkassist.core.model import Report, report_from_data


def test_format_row_counts_match_the_official_tables():
    f21, f19 = formats.get_format("2021"), formats.get_format("2019")
    assert len(f21.t3.rows) == 25 and len(f19.t3.rows) == 23
    assert sum(1 for _ in f21.t3.cells()) == 175
    assert sum(1 for _ in f19.t3.cells()) == 161
    assert len(f21.t4.value_columns()) == 15
    assert [r.label for r in f21.t2.rows] == ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"]
    assert f21.t3.row("deny_3").label == "3.危及“三安全一稳定”"
    assert "other_3" in f21.result_rows and "other" in f19.result_rows


def test_cell_location_is_chinese_and_exact():
    f21 = formats.get_format("2021")
    assert f21.location("t3", "unable_1", "natural") == \
        "表三 · 三、本年度办理结果 （四）无法提供 1.本机关不掌握相关政府信息 · 自然人"
    assert f21.location("t4", "cases", "suit_direct.total") == "表四 · 行政诉讼·未经复议直接起诉 · 总计"
    assert f21.location("t2", "fees", "fee_amount") == \
        "表二 · 第二十条第（八）项 · 行政事业性收费 · 本年收费金额（单位：万元）"


def test_blank_zero_and_not_applicable_stay_distinct():
    r = Report.blank("2021", "某镇人民政府", 2024)
    r.set_cell("t3", "new", "natural", 0)
    r.set_cell("t3", "new", "business", "/")
    data = json.loads(r.to_json())
    row = data["tables"]["t3"]["new"]
    assert row["natural"] == 0 and row["business"] == "/" and row["research"] is None
    again = Report.model_validate(data)
    assert again.cell("t3", "new", "business") == "/" and again.cell("t3", "new", "research") is None


def test_fee_amount_takes_decimals_counts_do_not():
    r = Report.blank("2021", "某镇人民政府", 2024)
    r.set_cell("t2", "fees", "fee_amount", 96171.6)
    assert r.cell("t2", "fees", "fee_amount") == 96171.6
    with pytest.raises(ValueError, match="应为整数"):
        r.set_cell("t3", "new", "natural", 2.5)


def test_negative_count_is_refused_with_the_cell_named():
    data = json.loads(Report.blank("2021", "某镇人民政府", 2024).to_json())
    data["tables"]["t3"]["new"]["natural"] = -1
    with pytest.raises(InputError) as e:
        report_from_data(data, "x.json")
    assert "x.json" in str(e.value) and "一、本年新收政府信息公开申请数量 · 自然人" in str(e.value) and "负数" in str(e.value)


def test_change_column_of_2019_allows_negative():
    r = Report.blank("2019", "某镇人民政府", 2020)
    r.set_cell("t2", "licensing", "change", -3)
    assert r.cell("t2", "licensing", "change") == -3


@pytest.mark.parametrize("bad, words", [
    ({"tables": {"t3": {"new": {"natural": "三"}}}}, "不是数字"),
    ({"format_version": "2018"}, "格式版本"),
    ({"tables": {"t9": {}}}, "未知的表格"),
    ({"tables": {"t3": {"nonsense": {}}}}, "没有“nonsense”这一行"),
    ({"schema_version": 99}, "更新版本"),
])
def test_bad_shapes_give_one_chinese_line(bad, words):
    data = json.loads(Report.blank("2021", "某镇人民政府", 2024).to_json())
    data.update(bad)
    with pytest.raises(InputError) as e:
        report_from_data(data, "bad.json")
    assert words in str(e.value) and "\n" not in str(e.value)


def test_json_of_another_shape():
    with pytest.raises(InputError, match="不是 gkassist 的报告文件"):
        report_from_data([1, 2, 3], "list.json")
