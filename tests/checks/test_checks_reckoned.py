"""Figures a unit may count its own way (“依申请公开177条” in a count of documents, “收到申请N条”): one that agrees
with none of 表三's totals is a reminder at its paragraph naming both figures and the cell — never an error, and
never a finding when it is one of them (收到, 收到 with last year's carried-over ones, 办结, 予以公开)."""

import pytest

from gkassist.checks import WARNING, check, paragraph_findings
from gkassist.core.figures import stated_figures

# the sample: 表三 新收7件, 上年结转1件, 办结7件, 予以公开4件, 部分公开1件


def reckoned(report):
    return [f for f in check(report) if f.rule == "TEXT-NUMBERS"]


@pytest.mark.parametrize("sentence, said", [
    ("全年制发政府信息405条，主动公开140条，依申请公开177条，不予公开88条。", "依申请公开177条"),
    ("2024年，我镇共制发政府信息349条，其中，主动公开政府信息124条、依申请公开173条、不予公开52条。", "依申请公开173条"),
    ("依申请公开政府信息共30件。", "依申请公开政府信息共30件"),
    ("本年度依申请公开信息12条，均按时答复。", "依申请公开信息12条"),
    ("全年收到申请19条，均已办结。", "收到申请19条"),
    ("共受理依申请公开申请3条。", "依申请公开申请3条"),
])
def test_a_figure_no_total_of_table_three_bears_out_is_a_reminder(sample_2024, sentence, said):
    sample_2024.sections["overview"].append(sentence)
    found = reckoned(sample_2024)
    assert [(f.severity, f.location) for f in found] == [(WARNING, f"一、总体情况 · 第{len(sample_2024.sections['overview'])}段")]
    assert f"“{said}”" in found[0].message
    assert "一、本年新收政府信息公开申请数量 · 总计为7件" in found[0].message


@pytest.mark.parametrize("sentence", [
    "依申请公开7件，均在法定期限内答复。",  # 收到
    "本年度依申请公开政府信息8件。",  # 收到 with the one carried over from last year
    "办结依申请公开7件。",  # 办结 (= 新收 here)
    "依申请公开4条。",  # 予以公开
    "依申请公开5件（含部分公开1件）。",  # 予以公开 and 部分公开
    "收到申请7条。",
    "不予依申请公开2件。",  # not a count of requests received
    "依申请公开答复率100%，全年无超期。",  # no count at all
])
def test_a_figure_one_of_the_totals_bears_out_says_nothing(sample_2024, sentence):
    sample_2024.sections["overview"].append(sentence)
    assert reckoned(sample_2024) == []


def test_the_reminder_shows_before_a_paragraph_is_stored(sample_2024):
    found = paragraph_findings(sample_2024, "overview", ["全年制发政府信息405条，依申请公开177条。"])
    assert [(f.rule, f.severity) for f in found] == [("TEXT-NUMBERS", WARNING)]


def test_a_unit_counting_its_own_way_never_settles_what_the_importer_reads(sample_2024):
    # (the importer settles run-together rows with the figures the text states: not with these)
    sample_2024.sections["overview"].append("依申请公开177条。")
    assert not any("177" in m.group(0) for *_, m, _ in stated_figures(sample_2024))


def test_a_table_three_not_filled_has_nothing_to_compare(sample_2024):
    sample_2024.sections["overview"].append("依申请公开177条。")
    sample_2024.set_cell("t3", "new", "total", None)
    assert [f for f in reckoned(sample_2024) if f.severity == WARNING] == []
