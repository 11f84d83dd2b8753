"""Families of spoken words a narrative answer must not carry into the report (issue #28), each in several
phrasings: a remark addressed to the one writing the report is never printed; an everyday verb is turned by what it
is done to (挂/推/贴 information, 拉进群, 管 a duty, 过 a review, 出个 a rule, 上网, 里头, 还是, 都); the rewrites never make
a doubled word (共共), a per-capita 人均 or a half-word (自开展检查); a sentence no rule turns is kept as typed, but
never with a relative time or the unit's “我们/咱”."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer, is_spoken, without_remarks_to_writer


def bureau():
    return Report.blank("2021", "青岚县财政局", 2025, level="department")


def town():
    return Report.blank("2021", "青岚县河西镇人民政府", 2025, level="township")


@pytest.mark.parametrize("said, kept", [
    ("公开栏换了6期。这段您帮我写得正式一点。", "公开栏更新6次"),
    ("网站发了30条，麻烦帮我润色一下。", "主动公开信息30条"),
    ("帮我组织一下语言，培训1次，20人参加。", "开展培训1次，20人参加"),
    ("你就按去年的格式写就行。培训2次。", "开展培训2次"),
    ("这部分你看着办吧。公告栏更新4次。", "公告栏更新4次"),
    ("上面这些帮忙整理下，公众号推送了80条", "推送80条"),
    ("依申请收了3件，都按时答复了，措辞你把握一下", "均在法定期限内予以答复"),
])
def test_a_remark_to_the_writer_is_never_printed(said, kept):
    composed = compose_answer(said, town())
    assert kept in composed.text, composed
    assert not re.search(r"你|您|帮我|帮忙|麻烦|润色|写就行|看着办|组织一下语言|措辞|正式一点", composed.text), composed
    assert not composed.spoken


@pytest.mark.parametrize("said", ["这个你帮我写好看点。", "帮忙润色下。", "你看着写吧", "按整改的情况写就行。",
                                  "这块写顺一点", "您帮着弄漂亮点儿。"])
def test_an_answer_that_is_only_a_remark_to_the_writer_leaves_nothing(said):
    assert compose_answer(said, town()).text == ""


@pytest.mark.parametrize("said", [
    "志愿者帮群众填写申请表15份。",      # help given to the public, with its figure
    "档案员负责整理台账。",              # a duty, not a request
    "工作人员帮忙整理了申请材料20份。",
    "这个问题你们县里也知道。",          # 你们: not the writer
])
def test_what_was_done_is_never_taken_for_a_remark(said):
    assert without_remarks_to_writer(said) == said


@pytest.mark.parametrize("said, written, never", [
    # a doubled 共 (“一共” said, “共……参加” written)
    ("培训办了4期，各科室的联络员一共60多人。", "各科室的联络员共60余人参加", "共共"),
    ("讲座办了2场，各村的文书总共40人。", "共40人参加", "共共"),
    # 都→均 after “的人”: 人员, never per capita
    ("培训1期，各村的人都来了，大概40人。", "各村人员均参加，约40人", "人均"),
    ("培训搞了2回，社区的人都来了，50人左右。", "社区人员均参加，共约50人", "人均"),
    ("开展培训2次，各站所的人都参加了。", "各站所人员均参加", "人均"),
    # 经过 is already a report's word: never 经经
    ("县政府文件都经过保密审查和合法性审查才发。", "均经保密审查和合法性审查后方可发布", "经经"),
    ("每份文件都要经过合法性审查", "经过合法性审查", "经经"),
    # 自查 stays one word
    ("年中又自查了2次。", "开展自查2次", "自开展"),
    ("下半年也自查了一次。", "开展自查一次", "自开展"),
    ("每季度自查一次，全年4次", "每季度开展自查一次", "开展开展"),
])
def test_a_rewrite_never_breaks_a_word(said, written, never):
    text = compose_answer(said, bureau()).text
    assert written in text and never not in text, text


@pytest.mark.parametrize("said", ["网站发了50来条。", "政务微博推了120来篇。", "公开栏贴了二十来期。"])
def test_an_about_count_is_written_as_published_reports_write_it(said):
    """Published reports write a rounded count with 余 (“600余条”, “1400余次”), never “来条”."""
    text = compose_answer(said, bureau()).text
    assert re.search(r"[0-9]+余[条篇期]", text) and "来" not in text, text


@pytest.mark.parametrize("said, written", [
    # 挂 information on channels, with the rest, in a column
    ("发了90条，门户网站和公众号都挂了。", "门户网站和微信公众号均同步发布"),
    ("全年公开65条，官网和视频号也挂上去了。", "官网和视频号均同步发布"),
    ("把各科室的办事指南也挂上去了。", "将各科室的办事指南纳入公开范围"),
    ("把村级财务公开表也贴出去了。", "将村级财务公开表纳入公开范围"),
    ("答复书挂在县政府网站依申请专栏里了。", "通过县政府网站依申请专栏发布"),
    ("结果也挂了网。", "结果同步在网上公开"),
    # 推 and 拉 a group
    ("通知都跟公开栏一起推。", "均与公开栏同步推送"),
    ("拉了个工作群往各社区推通知。", "建立工作群向各社区推送通知"),
    ("各村的网格员群都拉进来了。", "将各村的网格员群全部纳入"),
    # 贴 a board: issues, by season, what was added
    ("宣传栏贴了8期，年底加了1期防汛的。", "宣传栏张贴8期，其中年末增加防汛专题内容1期"),
    ("公告栏按月贴，一年贴了12期。", "公告栏按月更新，全年共更新12期"),
    ("村务公开栏，15个村按季度更新。", "通过村务公开栏公开，15个村按季度更新"),
    # 管 a duty, a person changed
    ("办公室有个干事专门管这个。", "由办公室1名干事专门负责"),
    ("安排专人管公众号的日常维护。", "安排专人负责微信公众号的日常维护"),
    ("信息员今年换了人。", "2025年调整信息员"),
    # 出个 a rule, 还是 a figure, 审 so many, 都 done
    ("出了个信息发布审核流程。", "制定信息发布审核流程"),
    ("定了个网站巡查方案。", "制定网站巡查方案"),
    ("行政许可事项还是128项。", "行政许可事项仍为128项"),
    ("全年审了340条，都登记了。", "全年审核信息340条，均登记"),
    # 过 a review, signed before it goes out, 上网
    ("发之前先过合法性审查，局长签了字才发。", "信息发布前先经合法性审查，局长签字后方可发布"),
    ("发稿前都要过三审，主任签字后再挂网。", "均须经三审，主任签字后方可发布"),
    ("材料形成后3个工作日内上网。", "3个工作日内在网上公开"),
    # 里头, a week
    ("公开了60条，里头涉农补贴的占了一半。", "其中涉农补贴占"),
    ("绩效考核里头加了公开工作。", "绩效考核中"),
    # applications: one still open, the rest in time, how they came
    ("年末那2件还在办，其他都按时答复了。", "2件申请尚在办理中，其余申请均在法定期限内予以答复"),
    ("都在时限里头回复了。", "均在法定期限内予以答复"),
    ("1件当面交的，3件网上提交的。", "1件为当面申请，3件通过网络提交"),
    # a check from above and its result, a third party, how often
    ("年底市里考核我们是良好。", "年末在市级考核中获评良好等次"),
    ("区里的考核咱们得了优秀", "在区级考核中获评优秀等次"),
    ("请了第三方天天盯网站，每个月查一回。", "委托第三方机构每日监测网站，每月检查一次"),
    ("请第三方做监测，每季度检查一次。", "委托第三方机构做监测"),
    # a rule of three reviews, each passing it
    ("我们定了个三审，经办人、科长、分管局长都得过一遍。", "建立三审制度，经办人、科长、分管局长均须审核把关"),
    ("发布前还是三审三校加保密审查。", "坚持三审三校和保密审查"),
    # who applied
    ("1件村民个人的，2件建筑公司的。", "1件为村民个人申请，2件为建筑公司申请"),
    # the subject a terse sentence lacks, from the one before
    ("网站发了45条。主要是医保、低保、救助这些。", "公开内容主要涉及医保、低保、救助等"),
])
def test_an_everyday_word_is_turned_by_what_it_is_said_of(said, written):
    composed = compose_answer(said, bureau())
    assert written in composed.text, composed
    assert not composed.spoken and not is_spoken(composed.text), composed


@pytest.mark.parametrize("said, kept", [
    ("今年的活儿挺杂，啥都得干", "2025年的活儿挺杂，啥都得干"),
    ("咱们去年那套东西咋弄都不好使", "我局2024年那套东西咋弄都不好使"),
    ("我们明年再琢磨咋弄", "我局2026年再琢磨咋弄"),
])
def test_a_sentence_kept_as_typed_has_no_relative_time_and_no_we(said, kept):
    composed = compose_answer(said, bureau(), shortfalls=False)
    assert composed.spoken == [kept + "。"], composed
    assert not re.search(r"今年|去年|明年|我们|咱", composed.text)


@pytest.mark.parametrize("said, written", [
    ("去年说公开不及时、解读偏少。今年建立了台账。", "2024年度报告指出公开不及时、解读偏少。"),
    ("去年提的是栏目更新慢、互动少嘛。今年每月检查。", "2024年度报告指出栏目更新慢、互动少。"),
    ("上年度报告说的信息发布不规范。今年出了个审核流程。", "2024年度报告指出信息发布不规范。"),
])
def test_last_years_problems_named_alone_make_a_whole_sentence(said, written):
    """“针对2024年度报告提出的公开不及时。” has no main clause: the problems named alone are what the report found."""
    composed = compose_answer(said, bureau(), shortfalls=False, subject=False)
    assert composed.text.startswith(written) and not composed.spoken, composed


@pytest.mark.parametrize("said, written", [
    ("就3个。都在时限里头回了的。", "均在法定期限内予以答复。"),
    ("只有2件。都按时回复了。", "均在法定期限内予以答复。"),
    ("一共就5件，都按时答复了", "共收到申请5件，均在法定期限内予以答复。"),
    ("总共才4个，全部按期答复", "共收到申请4件，均在法定期限内予以答复。"),
])
def test_the_count_of_applications_alone_is_not_a_sentence(said, written):
    """“就3个。”: the table's sentence states the count; alone it is dropped, before “都……” it leads a report's sentence."""
    text = compose_answer(said, town()).text
    assert text.endswith(written) and "就" not in text and "个。" not in text, text


@pytest.mark.parametrize("said", [
    "目录今年捋了一遍，30项", "公开目录又重新理了一下，列了41项", "把目录全面梳理了一遍，38项", "目录重新过了一遍，共52项",
])
def test_the_list_gone_through_again_names_the_list_after_the_verb(said):
    text = compose_answer(said, town()).text
    assert text.startswith("重新梳理政府信息公开目录") and "捋" not in text and "理了" not in text, text
