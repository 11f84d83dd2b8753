"""The clerk's answer about the contact block tells what to print (“地址写…”, “联系的写…就行”, “放www…上下载”):
the preface prints the details, never the words of the instruction."""

import pytest

from gkassist.dialogue.preface import Contact, contact_from_answer


@pytest.mark.parametrize("said, office, address, site", [
    ("地址写人民路8号，联系的写综合办公室就行；报告放www.abc.gov.cn上下载", "综合办公室", "人民路8号", "www.abc.gov.cn"),
    ("联系人写党政办公室，地址就填镇政府院内二楼，网址http://www.xyz.gov.cn里能下", "党政办公室", "镇政府院内二楼",
     "http://www.xyz.gov.cn"),
    ("科室填政务公开办公室，地址写成建设路1号，电子版挂www.q.gov.cn网上", "政务公开办公室", "建设路1号", "www.q.gov.cn"),
    ("部门就写行政服务中心，地址改成府前街6号，在www.k.gov.cn下载", "行政服务中心", "府前街6号", "www.k.gov.cn"),
])
def test_the_words_telling_what_to_print_are_not_printed(said, office, address, site):
    contact, _ = contact_from_answer(said, Contact(), "某某县人民政府")
    assert contact.office.endswith(office) and "写" not in contact.office and "填" not in contact.office
    assert contact.address == address
    assert contact.site == site
