"""The preface's contact (issue #28): “跟去年一样” keeps every detail last year's report gave, its website too; an
office said without the unit is named with the unit, as published reports do (“德惠市郭家镇人民政府党政办公室”)."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.preface import Contact, contact_from_answer, preface_paragraph

AGENCY = "德惠市郭家镇人民政府"
LAST = Contact(office="德惠市郭家镇人民政府党政办公室", phone="0431-87052216", address="郭家镇政府大楼",
               site="德惠市人民政府网站")


@pytest.mark.parametrize("said", ["跟去年一样", "跟去年一样，党政办，地址电话都没变", "和去年一样，电话没变",
                                  "联系方式没变，还是党政办", "电话地址网站都跟去年一样",
                                  "跟去年一样，党政办，地址电话都没换", "党政办，电话地址网站都没改", "联系方式都没动过"])
def test_as_last_year_keeps_last_years_website(said):
    contact, _ = contact_from_answer(said, LAST, AGENCY)
    assert contact.site == LAST.site and contact.phone == LAST.phone
    paragraph = preface_paragraph(Report.blank("2021", AGENCY, 2021, level="township"), contact)
    assert "本报告电子版可在德惠市人民政府网站查阅和下载。" in paragraph


@pytest.mark.parametrize("office", ["党政办公室", "镇党政办公室", "党政办", "综合办公室", "政务公开办公室", "办公室"])
def test_an_office_said_without_the_unit_is_named_with_it(office):
    contact, _ = contact_from_answer(f"{office}，电话0431-87052216，地址郭家镇政府大楼", Contact(), AGENCY)
    assert contact.office.startswith(AGENCY) and contact.office.endswith(office.removeprefix("镇").replace("党政办", "党政办公室").replace("公室公室", "公室"))


@pytest.mark.parametrize("office", ["县政务公开办公室", "德惠市人民政府办公室", "行政服务中心"])
def test_another_bodys_office_is_left_as_said(office):
    contact, _ = contact_from_answer(f"{office}，电话0431-87052216", Contact(), AGENCY)
    assert contact.office == office


@pytest.mark.parametrize("said, site", [
    ("党政办，电话0431-87052216，网站就德惠市政府网站", "德惠市政府网站"),
    ("党政办，电话0431-87052216，网站就是长春市人民政府网站", "长春市人民政府网站"),
    ("党政办，网站就在青岚县人民政府门户网站", "青岚县人民政府门户网站"),
    ("办公室，电话0431-87052216，公开网站还是德惠市人民政府网站", "德惠市人民政府网站"),
])
def test_a_filler_before_the_website_is_not_printed(said, site):
    """“网站就德惠市政府网站”: the 就 is the clerk's filler, the preface says “可在德惠市政府网站查阅”."""
    contact, _ = contact_from_answer(said, Contact(), AGENCY)
    assert contact.site == site
    paragraph = preface_paragraph(Report.blank("2021", AGENCY, 2021, level="township"), contact)
    assert f"本报告电子版可在{site}查阅和下载。" in paragraph


@pytest.mark.parametrize("said", ["跟去年一样，党政办，地址电话都没换", "党政办，地址电话都没改过", "党政办，地址电话没有变化"])
def test_unchanged_said_the_everyday_way_is_never_printed_as_the_address(said):
    contact, left = contact_from_answer(said, LAST, AGENCY)
    assert contact.address == LAST.address and contact.phone == LAST.phone and not left


@pytest.mark.parametrize("said", ["跟去年一样，还是党政办那个电话和地址", "请与党政办那个电话和地址联系", "党政办的电话地址用原来的",
                                  "还是党政办，那个地址和电话", "党政办，地址和电话就用那个"])
def test_details_pointed_at_are_last_years_never_the_words(said):
    """“还是党政办那个电话和地址”: the clerk points at details known already; last year's are printed, never the
    words themselves as an office or an address (“请与党政办那个电话和地址联系”, “地址：和电话”)."""
    contact, left = contact_from_answer(said, LAST, AGENCY)
    assert (contact.phone, contact.address) == (LAST.phone, LAST.address) and not left
    assert contact.office == LAST.office
    paragraph = preface_paragraph(Report.blank("2021", AGENCY, 2021, level="township"), contact)
    assert not re.search(r"那个|和电话|和地址|电话和|地址和|用原来", paragraph)


@pytest.mark.parametrize("said", ["跟去年一样，还是党政办那个电话和地址", "党政办，电话地址用原来的", "管委会办公室那个地址和电话"])
def test_details_pointed_at_where_last_year_gave_none_are_left_out_for_the_question(said):
    contact, left = contact_from_answer(said, Contact(), AGENCY)
    assert not contact.phone and not contact.address and not left
    assert not re.search(r"那个|电话|地址|原来", contact.office)


@pytest.mark.parametrize("said, gone", [
    ("联系方式跟去年一样，报告里不放电话地址，就挂在德惠市人民政府网站", ("phone", "address")),
    ("跟去年一样，电话不列了", ("phone",)),
    ("地址不附了，别的跟去年一样", ("address",)),
    ("和去年一样，不印电话和地址", ("phone", "address")),
])
def test_a_detail_the_report_is_said_not_to_print_is_none_though_last_year_gave_it(said, gone):
    contact, left = contact_from_answer(said, LAST, AGENCY)
    assert all(getattr(contact, f) == "" for f in gone)
    assert contact.office == LAST.office and contact.site == LAST.site  # the rest is last year's
    paragraph = preface_paragraph(Report.blank("2021", AGENCY, 2021, level="township"), contact)
    assert "不放" not in paragraph and "不列" not in paragraph and "就挂在" not in paragraph
    assert not any(getattr(LAST, f) in paragraph for f in gone)
    assert left == []


@pytest.mark.parametrize("said", ["报告里不放电话地址，只挂网站www.dehui.gov.cn",
                                  "电话和地址报告里不列，就放在网站www.dehui.gov.cn上"])
def test_the_words_after_a_detail_not_printed_are_never_its_value(said):
    contact, _ = contact_from_answer(said, Contact(), AGENCY)
    assert contact.address == "" and contact.phone == "" and contact.site == "www.dehui.gov.cn"


GAJ = "青岚县公安局"
GAJ_LAST = "青岚县公安局政府信息公开工作领导小组办公室"


@pytest.mark.parametrize("said", ["局信息公开领导小组办公室", "局政务公开领导小组办公室", "局公开领导小组办公室"])
def test_the_units_own_office_said_short_is_last_years_full_name(said):
    contact, _ = contact_from_answer(f"跟去年一样，{said}，电话没变", Contact(office=GAJ_LAST, phone="0591-6256103"), GAJ)
    assert contact.office == GAJ_LAST


@pytest.mark.parametrize("said, office", [("局法制科", "青岚县公安局法制科"),
                                          ("局信息公开领导小组办公室", "青岚县公安局信息公开领导小组办公室")])
def test_the_units_own_office_no_report_named_is_named_with_the_unit(said, office):
    contact, _ = contact_from_answer(f"{said}，电话0591-62561036", Contact(), GAJ)
    assert contact.office == office
