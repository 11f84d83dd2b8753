"""A sentence said while answering one part of 一 that tells of another (issue #28, item 2): the totals of what was
published go to （一）主动公开, a rule made or revised to （三）政府信息管理, meetings, training and assessment to
（五）监督保障 — added to that part when it is saved, else printed there when it is answered; said on screen before
“对”; a sentence that also tells of the part being answered stays."""

import pytest

from gkassist.dialogue import Engine
from gkassist.dialogue.placement import home_of
from gkassist.importer import import_file
from support import SEED


def started():
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"]:
        engine.answer(answer)
    return engine


def part(engine, heading):
    return next(p for p in engine.report.sections["overview"] if p.startswith(heading))


@pytest.mark.parametrize("said, moved", [
    ("发布前逐条审查。全年主动公开一共90条，其中惠农补贴20条", "主动公开共90条"),
    ("信息发布都经党政办审核；今年我镇主动公开信息共90条", "主动公开信息共90条"),
])
def test_the_totals_said_at_management_go_to_proactive_when_it_is_saved(said, moved):
    engine = started()
    engine.answer("网站发布信息60条，公开栏更新12次")
    engine.answer("对")
    engine.jump("overview_management")
    replies = engine.answer(said)
    shown = "\n".join(r.text for r in replies)
    assert "属于一（一）主动公开，将接在已保存的那一段后面" in shown
    assert moved not in next(r.text for r in replies if r.text.startswith("将写入：（三）"))
    engine.answer("对")
    assert moved in part(engine, "（一）") and moved not in part(engine, "（三）")


@pytest.mark.parametrize("said, moved", [
    ("网站发布信息60条，另外牵头修订了1个信息发布审核的办法", "修订1个信息发布审核的办法"),
    ("网站发布信息60条。今年制定了政务公开工作制度", "制定政务公开工作制度"),
])
def test_a_rule_revised_said_at_proactive_goes_to_management_when_it_is_answered(said, moved):
    engine = started()
    replies = engine.answer(said)
    assert any("属于一（三）政府信息管理，回答那一题时写入那一段" in r.text for r in replies)
    engine.answer("对")
    assert moved not in part(engine, "（一）")
    engine.answer("均按期答复")
    engine.answer("对")
    replies = engine.answer("发布前逐条审查")
    assert moved in next(r.text for r in replies if r.text.startswith("将写入：（三）"))
    engine.answer("对")
    assert moved in part(engine, "（三）")
    assert not engine.report.moved


@pytest.mark.parametrize("sentence, at, home", [
    ("我局召开1次政务公开专题会议，开展培训2次。", "政府信息管理", "监督保障"),
    ("组织业务培训3次，参训60人次。", "平台建设", "监督保障"),
    ("将政务公开工作纳入年度绩效考核。", "政府信息管理", "监督保障"),
    ("主动公开政府信息共120条。", "平台建设", "主动公开"),
    ("印发《信息公开保密审查办法》。", "监督保障", "政府信息管理"),
    # what stays
    ("通过网站主动公开信息86条。", "主动公开", ""),
    ("发布前均经保密审查。", "监督保障", ""),
    ("开展培训2次，并对公开属性认定办法进行了修订。", "政府信息管理", ""),  # tells of its own part too
    ("网站新开设专栏3个。", "政府信息管理", ""),
])
def test_the_home_of_a_sentence(sentence, at, home):
    assert home_of(sentence, at) == home


def test_a_total_already_stated_in_its_part_is_not_printed_twice():
    engine = started()
    engine.answer("网站主动公开信息90条，公开栏更新12次")
    engine.answer("对")
    engine.jump("overview_management")
    engine.answer("发布前逐条审查。全年主动公开一共90条")
    engine.answer("对")
    assert part(engine, "（一）").count("90条") == 1 and "90条" not in part(engine, "（三）")
