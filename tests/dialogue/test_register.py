"""The clerk's words in the register of a published report (prompts/register.yaml): tests/prose/paragraphs.jsonl
holds paragraphs as clerks of townships, street offices, county bureaus, commissions and governments say them,
each with what a published report says; the phenomena (a time word, the unit speaking of itself, an everyday word,
a list left open, a particle) are also tested one by one in several phrasings."""

import json
import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.register import self_name, to_register
from support import OWN_PROSE

PARAGRAPHS = [json.loads(line) for line in (OWN_PROSE / "paragraphs.jsonl").read_text("utf-8").splitlines()]
TOWN = Report.blank("2021", "桦甸市八道河子镇人民政府", 2025, level="township")
BUREAU = Report.blank("2021", "安图县交通运输局", 2025, level="department")


@pytest.mark.parametrize("case", PARAGRAPHS, ids=[c["said"][:12] for c in PARAGRAPHS])
def test_a_clerks_paragraph_reads_as_published(case):
    report = Report.blank("2021", case["agency"], case["year"], level=case["level"])
    assert to_register(case["said"], report) == case["published"]


def test_the_paragraphs_cover_every_level_and_keep_every_number():
    assert len(PARAGRAPHS) >= 40 and {c["level"] for c in PARAGRAPHS} == {"township", "department", "government"}
    for c in PARAGRAPHS:
        said = re.findall(r"\d+(?:\.\d+)?", c["said"])
        written = re.findall(r"\d+(?:\.\d+)?", c["published"])
        assert all(written.count(n) >= said.count(n) for n in said), c
        assert not re.search(r"今年|去年|明年|我们|咱们|搞|弄|这些。|多条|吧|呢|啊", c["published"]), c


@pytest.mark.parametrize("said, published", [
    ("今年公开了50条", "2025年，我镇公开50条。"),
    ("去年提的问题已整改", "针对2024年度报告提出的问题已整改。"),
    ("明年继续做好公开", "2026年继续做好公开。"),
    ("去年底完成了栏目调整", "2024年末完成栏目调整。"),
    ("今年以来更新公开栏4次", "2025年以来更新公开栏4次。"),
    ("前年建的栏目今年改版了", "2023年建的栏目2025年改版。"),
])
def test_relative_time_words_become_years(said, published):
    assert to_register(said, TOWN) == published


@pytest.mark.parametrize("agency, said, published", [
    ("安图县交通运输局", "我们局里新开了1个栏目", "我局新开设1个栏目。"),
    ("安图县交通运输局", "局里培训了2次", "我局开展培训2次。"),
    ("抚松县人民政府", "我们县新开了2个专栏", "我县新开设2个专栏。"),
    ("抚松县人民政府", "咱们县召开了1次会议", "我县召开1次会议。"),
    ("宽城区团山街道办事处", "我们这儿新做了3块公开栏", "我街道新建3块公开栏。"),
    ("磐石市卫生健康委员会", "委里开了2次工作会", "我委召开2次工作会议。"),
    ("舒兰市人民政府办公室", "我们办公开了30条", "我办公开30条。"),
])
def test_the_unit_speaks_of_itself_by_its_level(agency, said, published):
    report = Report.blank("2021", agency, 2025, level="department")
    assert to_register(said, report) == published


def test_a_bureau_clerk_speaking_of_the_county_keeps_the_county():
    # “我们县政府网站” said in a bureau's report is the county's website, not the bureau's
    assert to_register("我们县政府网站公开了20条", BUREAU) == "本县政府网站公开20条。"
    assert to_register("在我们市政府网站发了15条", BUREAU) == "我局在本市政府网站发布15条。"


@pytest.mark.parametrize("said, published", [
    ("公众号推了40多条", "微信公众号推送40余条。"),
    ("搞了1次培训", "开展1次培训。"),
    ("专栏弄好了", "专栏完成。"),
    ("有1件没给公开", "有1件不予公开。"),
    ("申请人告到法院了", "申请人提起行政诉讼。"),
    ("全部按时答复了", "均在法定期限内予以答复。"),
    ("主要是问低保的", "主要涉及低保。"),
    ("粉丝涨到了2万多", "关注用户增至2万余。"),
    ("居民反映挺好的", "居民反映良好。"),
])
def test_everyday_words_become_a_reports(said, published):
    assert to_register(said, TOWN).removeprefix("我镇") == published


@pytest.mark.parametrize("said, published", [
    ("主要是惠民政策、项目建设这些", "主要为惠民政策、项目建设等。"),
    ("重点是低保、救助之类的", "重点为低保、救助等。"),
    ("主要是路况信息什么的", "主要为路况信息等。"),
    ("主要是补贴……这些。", "主要为补贴等。"),
])
def test_a_list_left_open_ends_with_deng(said, published):
    assert to_register(said, TOWN) == published


@pytest.mark.parametrize("said, published", [
    ("好的，今年收到申请2件啊", "2025年，我镇收到申请2件。"),
    ("都已经公开了呢", "均已公开。"),
    ("一共公开了40多条吧", "我镇共公开40余条。"),
    ("嗯，公开栏更新了4次嘛", "公开栏更新4次。"),
])
def test_particles_and_fillers_go(said, published):
    assert to_register(said, TOWN) == published


@pytest.mark.parametrize("said", ["今年公开了3.5万条", "推了1200多条, 浏览量2万", "电话0431-12345678", "第3季度更新2次"])
def test_no_number_is_lost_or_added(said):
    written = to_register(said, TOWN)
    numbers = lambda t: sorted(n for n in re.findall(r"\d+(?:\.\d+)?", t) if n not in ("2025",))  # noqa: E731
    assert numbers(written) == numbers(said)


def test_the_self_name_by_the_end_of_the_agency_name():
    names = {"德惠市郭家镇人民政府": "我镇", "宽城区团山街道办事处": "我街道", "安图县交通运输局": "我局",
             "磐石市卫生健康委员会": "我委", "舒兰市人民政府办公室": "我办", "抚松县人民政府": "我县", "某某中心": "我中心"}
    for agency, name in names.items():
        assert self_name(Report.blank("2021", agency, 2025)) == name


@pytest.mark.parametrize("said, published", [
    # figures in Chinese numerals and said as about so many: digits, 余, 约
    ("公开了三百五十多条", "我镇公开350余条。"),
    ("培训了两百来人", "培训200余人。"),
    ("全年差不多40个人参加", "我镇全年约40人参加。"),
    ("阅读量大概有1.5万次", "阅读量约1.5万次。"),
    # 搞/弄 by what follows
    ("搞了个信息发布审核制度", "我镇建立信息发布审核制度。"),
    ("还搞了个开放日活动", "还开展开放日活动。"),
    ("各村都弄了电子显示屏", "各村均设置电子显示屏。"),
    # dates, lists, everyday verbs
    ("9月3号上线了新栏目", "9月3日上线新栏目。"),
    ("低保、医保、养老这些都按时公开了", "低保、医保、养老等均按时公开。"),
    ("像姓名、住址什么的，公开前都要遮挡", "如姓名、住址等，公开前均须遮挡。"),
    ("申请大部分是问征收补偿的", "申请主要涉及征收补偿。"),
    ("检查发现的问题都整改完了", "检查发现的问题均已整改完毕。"),
    ("公众号加了个办事指南的栏目", "微信公众号增设办事指南的栏目。"),
    ("公开栏又换了8块", "公开栏更换8块。"),
    ("新媒体账号关了2个，现在剩5个", "新媒体账号关停2个，现存5个。"),
    ("今年没收钱，也没别的了", "2025年，我镇未收取信息处理费，无其他需要报告的事项。"),
    ("去年说的栏目更新慢，今年改成每周更新", "针对2024年度报告提出的栏目更新慢的问题，2025年改成每周更新。"),
])
def test_more_of_the_everyday_in_a_reports_words(said, published):
    assert to_register(said, TOWN) == published


@pytest.mark.parametrize("said, published", [
    ("去年说的公开栏更新慢，今年改成每周更新", "针对2024年度报告提出的公开栏更新慢的问题，2025年改成每周更新。"),
    ("去年提的公开形式单一问题，今年开通了公众号", "针对2024年度报告提出的公开形式单一问题，2025年开通微信公众号。"),
    ("去年提的解读不够的问题，今年做了图解5期", "针对2024年度报告提出的解读不够的问题，2025年制作图解5期。"),
])
def test_last_years_problem_is_named_once(said, published):
    assert to_register(said, TOWN) == published
