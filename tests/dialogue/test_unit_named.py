"""The unit is the one the clerk names: a draft begun from a 镇's report whose clerk gives the contact details of a
街道办事处 (the same place) becomes that street office's report — its title, 落款, level and every “我镇” already
written follow it.  And a contact answer said in one run (…然后电话是…然后地址是…还有网站就是…) goes field by field."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.preface import Contact, contact_from_answer, renamed, unit_named
from support import seed_past_tables


@pytest.mark.parametrize("said, agency, unit", [
    ("找我们街道党政办就行，电话0431-87000001，地址德惠市郭家街道办事处一楼", "德惠市郭家镇人民政府", "德惠市郭家街道办事处"),
    ("党政办，地址在石桥街道办事处三楼，电话0591-7000001", "青岚县石桥镇人民政府", "青岚县石桥街道办事处"),
    ("综合办公室，地址：青岚县石桥乡人民政府院内", "青岚县石桥镇人民政府", "青岚县石桥乡人民政府"),
    ("地址是城关镇人民政府二楼", "青岚县城关街道办事处", "青岚县城关镇人民政府"),
])
def test_the_unit_named_as_another_body_of_its_place_is_the_unit(said, agency, unit):
    assert unit_named(said, agency) == unit


@pytest.mark.parametrize("said, agency", [
    ("党政办，地址是德惠市郭家镇人民政府", "德惠市郭家镇人民政府"),  # the same body
    ("党政办，地址郭家镇政府二楼", "德惠市郭家镇人民政府"),  # the same body said short
    ("地址：青岚县河口街道办事处院内", "青岚县石桥镇人民政府"),  # another place: an address, not the unit
    ("办公室，地址青岚县人民政府大楼", "青岚县教育局"),  # a department in the government's building
    ("办公室，地址在城关镇人民政府对面", "青岚县财政局"),
])
def test_an_address_elsewhere_renames_nothing(said, agency):
    assert unit_named(said, agency) == ""


def test_renaming_takes_the_title_the_level_and_every_self_name_written():
    report = Report.blank("2021", "德惠市郭家镇人民政府", 2021, level="township")
    report.sections["overview"] = ["（一）主动公开。2021年，我镇主动公开信息86条。", "（三）政府信息管理。本镇未制发规范性文件。"]
    report.sections["other"] = ["2021年，我镇未收取信息处理费。"]
    assert renamed(report, "德惠市郭家街道办事处") == ("我镇", "我街道")
    assert report.agency == "德惠市郭家街道办事处" and "郭家街道办事处" in report.title and report.level == "township"
    text = "".join(p for ps in report.sections.values() for p in ps)
    assert "我镇" not in text and "本镇" not in text and text.count("我街道") == 2 and "本街道" in text


@pytest.mark.slow
def test_a_street_office_named_in_the_preface_makes_the_whole_draft_its_own():
    engine = seed_past_tables("自然人申请3件；予以公开2件，本机关不掌握1件")
    engine.jump("overview_active")
    engine.answer("在市政府网站我们那个栏目发布信息86条")
    engine.answer("对")
    assert "我镇" in "".join(engine.report.sections["overview"])
    engine.jump("preface")
    replies = engine.answer("找我们街道党政办就行，电话0431-87000001，地址德惠市郭家街道办事处一楼")
    assert any("德惠市郭家街道办事处" in r.text and "“我镇”都改为“我街道”" in r.text for r in replies)
    engine.answer("对")
    report = engine.report
    assert report.agency == "德惠市郭家街道办事处" and "郭家街道办事处" in report.title
    assert "我镇" not in "".join(report.sections["overview"]) and "我街道" in "".join(report.sections["overview"])
    preface = report.preface[0]
    assert "请与德惠市郭家街道办事处党政办公室联系" in preface and "找我们" not in preface


@pytest.mark.parametrize("said, phone, address, site", [
    ("党政办然后电话是0431-87000001然后地址是德惠市郭家镇人民政府还有网站就是德惠市人民政府网站",
     "0431-87000001", "德惠市郭家镇人民政府", "德惠市人民政府网站"),
    ("办公室电话0591-7000001然后地址是府前路8号另外网站是青岚县人民政府网",
     "0591-7000001", "府前路8号", "青岚县人民政府网"),
    ("党政办，电话0591-7000001地址石桥镇政府三楼网站青岚县人民政府网站", "0591-7000001", "石桥镇政府三楼", "青岚县人民政府网站"),
    ("党政办 地址是石桥镇政府二楼还有电话是0591-7000001", "0591-7000001", "石桥镇政府二楼", ""),
])
def test_contact_facts_said_in_one_run_go_each_to_its_field(said, phone, address, site):
    contact, left = contact_from_answer(said, Contact(), "青岚县石桥镇人民政府")
    assert (contact.phone, contact.address, contact.site) == (phone, address, site), contact
    assert "网站" not in contact.address and "电话" not in contact.address and not left


@pytest.mark.parametrize("said, office", [
    ("找我们街道党政办就行", "德惠市郭家街道办事处党政办公室"),
    ("请联系我们党政办", "德惠市郭家街道办事处党政办公室"),
    ("打给咱们街道综合办", "德惠市郭家街道办事处综合办公室"),
])
def test_whom_to_ask_is_the_office_without_the_asking_words(said, office):
    contact, _ = contact_from_answer(said + "，电话0431-87000001", Contact(), "德惠市郭家街道办事处")
    assert contact.office == office
