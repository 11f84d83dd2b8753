"""A narrative answer made into a report's sentences (prompts/sentences.yaml): facts composed whole, a sentence that
does not turn kept as typed and shown marked, shortcomings moved to 五, a corrected figure changed where it stands."""

import pytest

from gkassist.core.model import Report
from gkassist.dialogue import Engine
from gkassist.dialogue.sentences import compose_answer, figure_correction, is_spoken
from gkassist.importer import import_file, load_any
from support import SEED, needs_shared


def bureau(level="department", agency="青岚县财政局"):
    return Report.blank("2021", agency, 2025, level=level)


@pytest.mark.parametrize("said, written", [
    ("搞了个预决算公开专栏", "开设预决算公开专栏"),
    ("新开了“办事指南”栏目", "新开设“办事指南”栏目"),
    ("在网站上弄了一个政策解读专区", "开设政策解读专区"),
    ("公众号加了个便民服务栏目", "开设便民服务栏目"),
    ("网站的栏目调了一下", "对网站的栏目进行调整"),
    ("把公开目录重新调整了一下", "对公开目录进行调整"),
    ("对了，那2个规范性文件都是在网站上公开的", "上述2个规范性文件均在网站公开"),
    ("今年没有制发规范性文件", "未制发规范性文件"),
    ("在门户网站公开了96条", "通过门户网站主动公开信息96条"),
    ("主要在县政府网站局专栏发了90来条", "通过县政府网站局专栏主动公开信息90余条"),
    ("各社区的公开栏换了10块新的", "更换各社区的公开栏10块"),
    ("局公众号也开起来了", "开通局微信公众号"),
    ("公告栏也同步贴了", "同步在公告栏张贴公开"),
    ("信息发之前办公室先审一遍，再给分管领导看", "信息发布前由办公室先行审核，再报分管领导审定"),
    ("保密这块没出过事", "未出现保密问题"),
    ("年初开了个会布置工作", "召开工作部署会议"),
    ("请县里的专家来讲了2次课", "邀请县级专家授课2次"),
    ("不掌握的都告诉了申请人去哪里问", "对本机关不掌握的信息，均告知申请人有权机关"),
])
def test_a_fact_is_written_whole(said, written):
    composed = compose_answer(said, bureau())
    assert written in composed.text and composed.spoken == []
    assert not is_spoken(composed.text)
    assert "开展专栏" not in composed.text and "开展栏目" not in composed.text


@pytest.mark.parametrize("said, problem", [
    ("问题是有几份采购合同挂网晚，没在20个工作日内公开", "部分采购合同公开不够及时，未在20个工作日内公开"),
    ("有的乡镇还在用老的公开栏", "部分乡镇仍在使用旧公开栏"),
    ("政务公开是办公室的人兼着做的", "政务公开工作由办公室人员兼职承担"),
    ("信息员都是老师兼着做的", "信息员均由老师兼任"),
    ("不过有几个社区的公开栏还是老的，更新慢", "部分社区的公开栏较为陈旧，更新不够及时"),
    ("公众号更新得有点慢", "微信公众号更新不够及时"),
    ("还有3个村的公开栏坏了还没修", "3个村的公开栏损坏尚未修复"),
])
def test_a_shortcoming_told_in_passing_is_taken_out_in_a_reports_words(said, problem):
    composed = compose_answer("新建公开栏8块。" + said + "。", bureau())
    assert composed.shortfalls == [problem]
    assert composed.text == "我局新建公开栏8块。"


@pytest.mark.parametrize("said", ["去年提的公开不及时的问题，今年已经整改了", "上年度报告说的解读不够，已补齐", "没出过问题"])
def test_last_years_problem_and_its_remedy_is_no_shortcoming(said):
    assert compose_answer(said, bureau()).shortfalls == []


@pytest.mark.parametrize("said, kept", [
    ("这个事吧反正挺麻烦的，一直啥也没定下来", "这个事吧反正挺麻烦的，一直啥也没定下来"),
    ("网站那个东西咋弄都不好使", "网站那个东西咋弄都不好使"),
    # kept as typed, but for what a report can never print: the unit's “镇里/我们” and a relative time
    ("镇里定了个规矩，信息先由党政办初审，保密审查也一起做了", "我局定了个规矩，信息先由党政办初审，保密审查也一起做了"),
    ("开会专门讲了讲，年底大家都挺当回事", "开会专门讲了讲，年末大家都挺当回事"),
    ("今年我们这个事咋弄都不好使", "2025年我局这个事咋弄都不好使"),
])
def test_a_sentence_no_rule_turns_is_kept_as_typed_never_half_rewritten(said, kept):
    composed = compose_answer("在门户网站公开了96条。" + said + "。", bureau())
    assert composed.spoken == [kept + "。"]
    assert composed.text.endswith(kept + "。")


@pytest.mark.parametrize("text, expected", [
    ("说错了，主动公开是76条不是73条", ("主动公开", "73", "76", "条")),
    ("不对，培训不是2次，是3次", ("培训", "2", "3", "次")),
    ("更正一下：关注用户3.5万应该是4万", ("关注用户", "3.5", "4", "万")),
    ("写错了，公开栏12块改成15块", ("公开栏", "12", "15", "块")),
])
def test_a_correction_names_the_figure_it_changes(text, expected):
    assert figure_correction(text) == expected


def test_a_correction_changes_that_figure_and_nothing_else():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("overview_proactive")
    engine.answer("今年在镇政府网站公开了73条，村务公开栏更新了12次")
    replies = engine.answer("说错了，主动公开是76条不是73条")
    assert replies[0].text.endswith("将写入：（一）主动公开。2021年，我镇通过镇政府网站主动公开信息76条，村务公开栏更新12次。")
    engine.answer("对")
    # said at a later question, it changes the saved paragraph that states it
    engine.jump("overview_platform")
    replies = engine.answer("不对，村务公开栏更新不是12次，是14次")
    assert engine.report.sections["overview"][0].endswith("村务公开栏更新14次。")
    assert "已把（一）里的12次改为14次" in replies[0].text
    assert "村务公开栏更新14次" in (engine.path.read_text(encoding="utf-8"))  # saved at once
    engine.undo()
    assert engine.report.sections["overview"][0].endswith("村务公开栏更新12次。")  # and undone like any change


def test_a_spoken_sentence_is_shown_with_a_reference_and_can_be_taken_edited_or_dropped():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("overview_platform")
    replies = engine.answer("新做了12块公开栏。网站那个东西咋弄都不好使。")
    marked = next(r.text for r in replies if r.text.startswith("这几句我没能改成"))
    assert "1. “网站那个东西咋弄都不好使。”" in marked
    assert engine.pending.paragraphs[0] == "（四）平台建设。我镇新建公开栏12块。网站那个东西咋弄都不好使。"  # what is shown
    replies = engine.answer("改1：网站运行不够稳定")
    assert replies[0].text == "将写入：（四）平台建设。我镇新建公开栏12块。网站运行不够稳定。"
    engine.answer("对")
    assert engine.report.sections["overview"][-1] == "（四）平台建设。我镇新建公开栏12块。网站运行不够稳定。"
    engine.jump("overview_platform")
    engine.answer("新做了12块公开栏。网站那个东西咋弄都不好使。")
    assert engine.answer("删1")[0].text == "将写入：（四）平台建设。我镇新建公开栏12块。"


def test_a_shortcoming_told_at_the_platform_goes_to_five_with_a_measure():
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"]:
        engine.answer(answer)
    engine.jump("overview_platform")
    replies = engine.answer("新做了12块公开栏，问题是有几个村的公开栏还在用老的")
    assert replies[0].text == "将写入：（四）平台建设。我镇新建公开栏12块。"
    assert "部分村的公开栏仍在使用旧的" in replies[1].text or "部分村的公开栏" in replies[1].text
    engine.answer("对")
    engine.jump("problems")
    replies = engine.answer("去年提的公开内容不全，今年按目录补齐了")
    shown = "\n".join(r.text for r in replies)
    assert "平台建设方面，部分村的公开栏" in shown and "下一步，将制定更新计划" in shown


def test_writing_the_follow_up_again_keeps_every_edit_of_the_problems():
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"]:
        engine.answer(answer)
    engine.jump("problems")
    engine.answer("去年提的公开内容不全，今年按目录补齐了")
    engine.answer("加：村级公开栏更新不及时，下一步实行每月集中更新")
    engine.answer("改1：依申请公开渠道宣传不够，下一步在便民服务中心张贴申请指引")
    replies = engine.answer("去年提的公开内容不全的问题，今年按目录逐项补齐了")
    shown = replies[-2].text
    assert "一是依申请公开渠道宣传不够。下一步，将在便民服务中心张贴申请指引。二是村级公开栏更新不及时。下一步，将实行每月集中更新。" in shown
    assert "逐项补齐" in shown
    engine.answer("对")
    # reopened after saving: the follow-up written again, the problems as they were
    engine.jump("problems")
    engine.answer("针对去年的问题，今年按目录补齐了全部内容")
    engine.answer("对")
    assert engine.report.sections["problems"][1].startswith("本年度工作中还存在以下问题。一是依申请公开渠道宣传不够")
    assert "二是村级公开栏更新不及时" in engine.report.sections["problems"][1]


def test_a_paragraph_made_from_a_table_follows_the_table_unless_the_clerk_wrote_it():
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ["自然人申请3件，予以公开3件", "对", "没有", "对", "规范性文件制发1件，现行有效1件，行政许可5件", "对",
                   "在镇政府网站公开了80条", "对", "主要是问土地补偿的，都按时答复了", "对", "党政办负责审核", "对"]:
        engine.answer(answer)
    assert engine.report.sections["overview"][1].startswith("（二）依申请公开。2021年，我镇共收到政府信息公开申请3件")
    engine.jump("requests")
    replies = engine.answer("自然人申请4件，予以公开4件")
    replies = engine.answer("对")
    said = next(r.text for r in replies if r.text.startswith("一（二）已按表三更新："))
    assert "共收到政府信息公开申请4件；办结4件，其中予以公开4件" in said and "主要涉及土地补偿" in said
    assert engine.report.sections["overview"][1] == said.removeprefix("一（二）已按表三更新：")
    from gkassist.checks import check
    assert [f for f in check(engine.report) if f.rule == "TEXT-NUMBERS"] == []
    # the clerk's own 一（三）: left as written (TEXT-NUMBERS then says what disagrees)
    engine.report.sections["overview"][2] = "（三）政府信息管理。我镇制发行政规范性文件1件。"
    engine.jump("proactive")
    engine.answer("规范性文件制发2件，现行有效2件，行政许可5件")
    replies = engine.answer("对")
    assert not any(r.text.startswith("一（三）已按") for r in replies)
    assert engine.report.sections["overview"][2] == "（三）政府信息管理。我镇制发行政规范性文件1件。"
    assert [f.rule for f in check(engine.report) if f.rule == "TEXT-NUMBERS"] == ["TEXT-NUMBERS"]


def test_figures_stated_in_five_are_checked_against_the_tables():
    from gkassist.checks import check

    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ["自然人申请4件，予以公开1件，不予公开3件，属于国家秘密", "对"]:
        engine.answer(answer)
    engine.report.sections["problems"] = ["本年度存在的问题和改进措施：一是不予公开5件，无法提供的有2件。"]
    messages = [f.message for f in check(engine.report) if f.rule == "TEXT-NUMBERS"]
    assert any("不予公开5件" in m for m in messages) and any("无法提供的有2件" in m for m in messages)


@needs_shared()
@pytest.mark.parametrize("said", ["还是局办公室，电话不变，地址、邮编和传真跟去年一样，网站也一样",
                                  "办公室，电话0591-23163551，地址跟去年一样／邮编传真都一样，网站不变"])
def test_the_preface_takes_last_years_contact_block_where_the_clerk_says_it_is_unchanged(said):
    from support import CORPUS

    last, _ = load_any(str(CORPUS / "2024_pingtan_czjrj.txt"))
    assert last.imported.contact["fax"] == "0591-23100206" and last.imported.contact["postcode"] == "350400"
    engine = Engine.start(last, 2025)
    engine.jump("preface")
    engine.answer(said)
    engine.answer("对")
    preface = engine.report.preface[0]
    assert "地址：平潭综合实验区北厝镇金井湾片区管委会大楼主楼6层" in preface and "邮编：350400" in preface
    assert "电话：0591-23163551" in preface and "传真：0591-23100206" in preface
    assert "www.pingtan.gov.cn" in preface and "一样" not in preface and "不变" not in preface


@pytest.mark.parametrize("said, written", [
    ("没收费。办人大建议2件，政协提案3件，答复都在网上公开了。", "办理人大代表建议2件、政协委员提案3件，答复内容均已在政府网站公开"),
    ("今年办了人大代表建议2件……还有政协提案1件，没有别的事。", "办理人大代表建议2件、政协委员提案1件，无其他需要报告的事项"),
    ("没有收费，也没有别的事", "未收取信息处理费，无其他需要报告的事项"),
    ("信息处理费没收过，也没有别的要说的", "未收取信息处理费，无其他需要报告的事项"),
])
def test_six_in_a_reports_words(said, written):
    assert written in compose_answer(said, bureau(), shortfalls=False).text


def test_unchanged_where_last_year_gave_nothing_is_never_printed():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("preface")
    replies = engine.answer("党政办，电话0431-87000001，地址跟去年一样")
    assert "跟去年一样" not in engine.pending.paragraphs[0]
    assert any("没有用上：“地址跟去年一样”" in r.text for r in replies)


@pytest.mark.parametrize("part, said, problem", [
    ("overview_management", "说实话今年有几条通知挂晚了，过了时效才发出去", "个别通知发布不够及时"),
    ("overview_platform", "新建12块公开栏，有几条信息发得晚了", "个别信息发布不够及时"),
    ("overview_proactive", "门户网站主动公开了73条。有几个处室报信息还得催，不催就不报", "报送信息主动性不够"),
    ("overview_proactive", "门户网站主动公开了73条，有的科室报送要催着才报", "科室报送"),
])
def test_lateness_and_needing_to_be_chased_told_in_passing_go_to_five(part, said, problem):
    engine = Engine.start(import_file(SEED).report, 2021)
    for answer in ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对"]:
        engine.answer(answer)
    engine.jump(part)
    moved = next(r.text for r in engine.answer(said) if r.text.startswith("说到的不足写进五"))
    assert problem in moved and "不催" not in moved and "时效" not in moved, moved


# ---------------------------------------------------------------- the preface is always written (issue #28)
@needs_shared()
@pytest.mark.parametrize("said", ["联系方式跟去年一样，没变", "都跟去年一样", "还跟原来的一样", "联系方式没变"])
def test_contact_details_as_last_year_take_every_field_last_years_report_gave(said):
    from support import CORPUS

    last, _ = load_any(str(CORPUS / "2024_pingtan_gaj.txt"))
    engine = Engine.start(last, 2025)
    engine.jump("preface")
    engine.answer(said)
    assert not engine.answer("对")[-1].kind == "error"
    preface = engine.report.preface[0]
    assert preface.startswith("本报告依据《中华人民共和国政府信息公开条例》")
    assert "电话：0591-62561036" in preface and "邮编：350400" in preface and "一样" not in preface


@pytest.mark.parametrize("said", ["跟去年一样，去年就没单独留电话地址，今年也照旧不写", "同去年",
                                  "和去年一样，电话地址都不写", "不留联系方式，跟去年一样"])
def test_the_preface_is_written_with_the_details_known_when_the_clerk_gives_none(said):
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.report.preface = []
    engine.last_year.preface = ["本报告根据《国务院办公厅政府信息与政务公开办公室关于印发〈格式〉的通知》等文件要求编制。"]
    engine.last_year.imported = None
    engine.jump("preface")
    engine.answer(said)
    assert not engine.answer("对")[-1].kind == "error"
    preface = engine.report.preface[0]
    assert "统计期限自2021年1月1日起至2021年12月31日止" in preface
    assert "不写" not in preface and "国务院办公厅" not in preface


@pytest.mark.parametrize("said, office", [("联系方式写党政办吧，电话0431-87231056", "党政办公室"),
                                          ("联系方式就写综合办，电话0431-87231056", "综合办公室")])
def test_the_office_is_named_without_the_words_that_lead_to_it(said, office):
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("preface")
    engine.answer(said)
    assert f"请与{engine.report.agency}{office}联系" in engine.pending.paragraphs[0]


# ---------------------------------------------------------------- a terse clerk's facts composed (issue #28)
def township():
    return Report.blank("2021", "德惠市某某镇人民政府", 2025, level="township")


@pytest.mark.parametrize("said, written", [
    # a channel and its count, with no verb
    ("门户网站专栏86条", "通过门户网站专栏主动公开信息86条"),
    ("镇政府网站上共120多条", "通过镇政府网站主动公开信息120余条"),
    # interpretations counted
    ("解读3篇", "发布政策解读3篇"),
    ("政策解读共4期", "发布政策解读4期"),
    # a board renewed how often, how many times
    ("村务公开栏每季度换一次，共4期", "村务公开栏每季度更新一次，全年共更新4期"),
    ("公告栏每月更新，全年12回", "公告栏每月更新一次，全年共更新12期"),
    # what was published, mostly
    ("惠农补贴、低保名单为主", "公开内容以惠农补贴、低保名单等为主"),
    ("主要以征地拆迁、环境整治居多", "公开内容以征地拆迁、环境整治等为主"),
    # who reviews a release
    ("综合办初审，主要领导审签，保密审查", "信息发布实行综合办初审、主要领导签发，并进行保密审查"),
    ("由党政办初审，再由分管领导签发", "信息发布实行党政办初审、分管领导签发"),
    ("信息办负责发布，纪检组管保密审查", "由信息办负责发布，由纪检组负责保密审查"),
    # the catalogue gone through again
    ("公开目录又梳理了一遍，新增事项3项", "重新梳理政府信息公开目录，新增事项3项"),
    ("重新捋了一遍目录", "重新梳理政府信息公开目录"),
    ("有2条通知发错了，及时撤回并重发", "2条信息发布有误，已及时撤回并重新发布"),
    # boards renewed, followers, who took part
    ("村公开栏12块，全部换新", "更新村公开栏12块"),
    ("镇公众号粉丝2万多", "镇微信公众号关注用户2万余人"),
    ("视频号关注的人达到3500", "视频号关注用户3500人"),
    ("村文书30人左右", "村文书约30人参加"),
    # an assessment, a check from above
    ("把政务公开工作纳入了村级年终考核", "将政务公开工作纳入村级年终考核"),
    ("列入村干部年度考核", "将政务公开工作纳入村干部年度考核"),
    ("市里检查2次，问题3个，都已整改", "接受市级检查2次，发现问题3个，均已整改"),
    ("第三方平台给我们通报了5个问题，都改完了", "第三方平台反馈问题5个，均已整改到位"),
    # answering, the carried-over application, a count changed
    ("平均用时6个工作日", "平均答复时间为6个工作日"),
    ("转明年的那1件年初就能办完", "结转的1件申请预计于2026年年初办结"),
    ("事项去年调整过，目前有112项", "事项2024年经过调整，现有112项"),
    ("剩余6件都纳入了规范性文件库", "其余6件均已纳入规范性文件库"),
    # 六 said the short way
    ("处理费：没有", "我镇未收取信息处理费"),
    ("人大建议和政协提案今年都没承办过", "本年度未承办人大代表建议和政协委员提案"),
])
def test_a_terse_clerks_fact_is_composed_into_a_sentence(said, written):
    composed = compose_answer(said, township())
    assert written in composed.text and composed.spoken == [] and composed.shortfalls == []


@pytest.mark.parametrize("said, problem", [
    ("有3份答复书里告知事项写得不全，随后补发了告知书", "3份答复书中告知事项表述不够完整，已补发告知书"),
    ("解读2篇，偏少", "政策解读数量偏少"),
    ("公众号推了30条，较少", "微信公众号数量较少"),
])
def test_a_shortcoming_keeps_its_thing_and_the_one_case_amended(said, problem):
    assert compose_answer(said, township()).shortfalls == [problem]


@pytest.mark.parametrize("said", ["第三方监测报了4个问题，主要是栏目更新不及时，都改完了",
                                  "市里通报我们栏目更新不及时，已经整改",
                                  "检查发现公开栏更新慢，全部改好了"])
def test_a_shortcoming_put_right_in_the_next_clause_is_no_problem_for_five(said):
    assert compose_answer(said, township()).shortfalls == []


# ---------------------------------------------------------------- 五: last year's problems followed up (issue #28)
@pytest.mark.parametrize("said, written", [
    ("去年两条：更新慢——安排专人每周更新；解读少——今年做了5篇图解", "针对2024年度报告提出的2个问题：更新慢的问题，已安排专人每周更新。解读少的问题，2025年制作5篇图解"),
    ("去年3个问题：内容不全——按目录补齐了；形式单一——加了视频号；人手不够——配了1名专职",
     "针对2024年度报告提出的3个问题：内容不全的问题，已按目录补齐。形式单一的问题，已开通视频号"),
    ("去年说的两个问题，一个是有的干部对公开属性认不准，今年编了指引发到各站所，培训里也专门讲了",
     "一是部分干部对公开属性认定不够准确"),
    ("去年提的两个问题，一个是目录不全，今年按清单把那15项都补齐了；另一个是解读形式单一，今年就加了公众号",
     "一是目录不全，2025年按清单补齐15项。二是解读形式单一，2025年开通微信公众号"),
])
def test_last_years_problems_followed_up_are_no_shortcomings_of_this_year(said, written):
    from gkassist.dialogue.kinds.improvements import _split

    followup, named, spoken, _ = _split(said, township())
    assert written in followup and named == [] and spoken == []


@pytest.mark.parametrize("said, problem", [
    ("去年两条：更新慢——安排专人每周更新。不过有两个村的公开栏还是老的", "两个村的公开栏较为陈旧"),
    ("去年的问题都改了。今年的问题是解读偏少", "解读偏少"),
])
def test_a_shortcoming_told_after_the_follow_up_is_this_years(said, problem):
    from gkassist.dialogue.kinds.improvements import _split

    _, named, _, _ = _split(said, township())
    assert [p.problem for p in named] == [problem]


# ---------------------------------------------------------------- a rambling clerk's sentences composed (issue #28)
@pytest.mark.parametrize("said, written", [
    ("县政府网站上咱镇那个专栏今年一共挂了120条，大头是低保、救助这些名单，还有防汛的各种通知，汛期那阵子几乎天天有",
     "我镇通过县政府网站镇专栏主动公开信息120条，主要为低保、救助等名单，以及防汛相关通知。"),
    ("社区那个公告栏每个月换一回，8个社区都贴了，一年换12回", "社区公告栏每月更新一次，8个社区均已张贴，全年共更新12次。"),
    ("还有政策解读，今年我们自己写了2篇，主要讲医保补贴怎么办的，老百姓反映挺好",
     "2025年我镇撰写政策解读2篇，主要解读医保补贴申领办法，群众反映良好。"),
    ("那个不掌握的，我们给他指了路，让他去县住建局那边问，人家也挺满意的，没投诉",
     "对本机关不掌握相关信息的申请，已告知申请人向县住建局申请，申请人表示满意，未提出投诉。"),
    ("我们综合办小李专门管这个，发之前分管领导签字", "政务公开工作由综合办专人负责，信息发布前须经分管领导审签。"),
    ("今年又把公开目录重新捋了一遍，捋出来要公开的事项是35项，比去年多了4项，这个其实跟前面那些名单也有关系",
     "2025年重新梳理政府信息公开目录，梳理出应公开事项35项，比2024年增加4项。"),
    ("网站栏目是县里统一建的，我们就往里填内容", "网站栏目由县级统一建设，由我镇负责内容更新。"),
    ("把社区公开栏换了一批，新做了6块，剩下2个社区明年再换", "更换一批社区公开栏，新建6块，其余2个社区计划2026年更换。"),
    ("镇里开了个公众号，叫石桥发布，今年发了40多条，主要是转通知", "我镇开通微信公众号“石桥发布”，2025年发布40余条，主要为转发通知。"),
    ("党委会专门研究了3次公开的事，年初县政务公开办来查了一回，说我们专栏里有2条信息链接打不开，当场就修好了",
     "党委会专题研究公开工作3次，年初接受县政务公开办检查1次，发现专栏中2条信息链接无法打开，已当场修复。"),
    ("监督这块，培训搞了2次，各村文书和站所的人，大概40来个人参加", "各村文书和站所工作人员约40人参加"),
    ("考核的话，今年把公开工作放进村干部年底考核里了", "将公开工作纳入村干部年终考核。"),
    ("人大建议政协提案我们没有承办的，处理费也一分没收过", "本年度未承办人大代表建议和政协委员提案，我镇未收取信息处理费。"),
])
def test_a_rambling_clerks_sentence_is_composed_whole(said, written):
    composed = compose_answer(said, township())
    assert written in composed.text and composed.spoken == []


@pytest.mark.parametrize("said, problem", [
    ("有几次低保名单挂晚了，月底才挂上去，拖了十来天", "个别低保名单公开不够及时，至月底才予公开，延迟约十余天"),
    ("审查表也换了个新模板，不过有时候忙起来审查表是事后补签的，这个不太规范", "有时审查表事后补签，不够规范"),
])
def test_a_rambling_clerks_shortcoming_is_told_whole_in_five(said, problem):
    assert compose_answer(said, township()).shortfalls == [problem]


def district():
    return Report.blank("2021", "某某经济开发区（管委会）", 2025, level="government")


@pytest.mark.parametrize("said, written", [
    ("主动公开今年政府网站一共挂了5200多条，里面乡村振兴、教育医疗这些民生领域的有900多条",
     "通过政府网站主动公开信息5200余条，其中乡村振兴、教育医疗等民生领域信息900余条"),
    ("解读弄了40篇，文字的、图解的都有", "发布政策解读40篇，形式包括文字和图解"),
    ("规划、统计公报这些也都按时发了", "规划、统计公报等均按时公开"),
    ("拆迁安置那种复杂的，我们拉上住建局、街道一起会商，答复才出", "对拆迁安置等复杂申请，会同住建局、街道共同会商后作出答复"),
    ("三审三校、公开属性认定照常走", "严格落实三审三校、公开属性认定制度"),
    ("过期的、作废的都及时清掉", "及时清理过期、作废文件"),
    ("政务新媒体全区清理了一遍", "对全区政务新媒体开展清理"),
    ("开办关停、年度报表整套制度都在走，今年注销了3个公众号，都是长期不更新的",
     "开办关停、年度报表等制度均严格落实，2025年注销3个微信公众号，均因长期不更新"),
    ("第三方每天测、每月查一次，发现问题限期改", "第三方每日监测、每月检查一次，发现问题限期整改"),
])
def test_a_government_clerks_sentence_is_composed_whole(said, written):
    composed = compose_answer(said, district())
    assert written in composed.text and composed.spoken == []
    assert "我区" in compose_answer("今年网站挂了20条", district()).text


@pytest.mark.parametrize("said, problem", [
    ("不过互动交流那块，留言办理、在线访谈这些还是偏弱", "互动交流中留言办理、在线访谈等功能较为薄弱"),
    ("各街道管公开的人换得勤，业务不太熟，队伍这块得加强", "各街道管公开人员调整较为频繁，业务不够熟练，队伍建设有待加强"),
    ("说实话案子还是多，答复质量还得往上提", "行政复议、行政诉讼案件较多，答复质量有待进一步提高"),
])
def test_a_government_clerks_shortcoming_in_a_reports_words(said, problem):
    assert compose_answer(said, district()).shortfalls == [problem]


@pytest.mark.parametrize("said", [
    "前面说主动公开七十二条不对，应该是七十四条",
    "刚才说的主动公开72条错了，是74条",
    "之前报的主动公开72条有误，实际是74条",
    "说错了，主动公开是七十四条不是七十二条",
])
def test_a_later_correction_naming_the_figure_said_before_changes_it(said):
    """The figure said wrong named first (“前面说……72条不对”) or in words (七十二条): the saved paragraph changes."""
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("overview_proactive")
    engine.answer("今年在镇政府网站公开了七十二条，村务公开栏更新了12次")
    engine.answer("对")
    engine.jump("overview_platform")
    replies = engine.answer(said)
    assert "已把（一）里的72条改为74条" in replies[0].text
    assert engine.report.sections["overview"][0].endswith("主动公开信息74条，村务公开栏更新12次。")
