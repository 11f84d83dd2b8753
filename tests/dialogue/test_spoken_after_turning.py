"""一（一）–（五） sentences a fresh set printed still spoken or broken after turning (issue #28, probe 19), by family,
each in phrasings that are not the set's own: a list of things said before one empty verb and its count takes the
verb before the whole list; going on with a piece of work (接着更, 接着跑, 还在推, 动态弄); problems all put right
(整完, 改好); checks all passed before publishing (……都过); a round of work run (跑了2轮); put up together, taken
down in time (集中挂, 及时清掉); a bulletin 还是出了; 一个季度一次 a check; 给……出了报告; ……结合……做了一次;
还在……考核里面; 把……排查了一遍; 户籍的推了N条."""

import re

import pytest

from gkassist.core.model import Report
from gkassist.dialogue.sentences import compose_answer

# what a report never prints: an empty verb, going on said in speech, 整完/改完, 都过, 挂/清掉
SPEECH = re.compile(r"还是|里面|一遍|(?<![0-9])的推|给[^，。；]{0,16}出了|接着|整完|改完|改好|搞完|弄完|都过|跑了?[0-9]|(?<!召)开了|搞|弄|整了|挂(?!号)|清掉|撤掉|在推|动态[整弄搞]")


def bureau():
    return Report.blank("2021", "青岚县住房和城乡建设局", 2025, level="department")


@pytest.mark.parametrize("said, written", [
    # a list said before one verb and its count: the verb goes before the whole list, once
    ("座谈会、协调会弄了6场", "召开座谈会、协调会6场"),
    ("推进会、部署会一共开了4次", "召开推进会议、部署会议4次"),
    ("自查、抽查搞了3轮", "开展自查、抽查3轮"),
    ("业务培训、专题讲座整了5期", "开展业务培训、专题讲座5期"),
    # a round of work “run”
    ("目录清理跑了3轮", "开展目录清理3轮"),
    ("督查跑了2次", "开展督查2次"),
    # going on with a piece of work
    ("通知公告、工程招标两个栏目接着更", "持续更新"),
    ("住房保障专栏还在继续更", "住房保障专栏持续更新"),
    ("没办完的2件申请明年接着办", "2026年继续办理"),
    ("跨年的那3件申请接着处理", "结转的3件申请继续办理"),
    ("政务服务事项标准化同步在推", "同步推进"),
    ("权责清单动态弄", "动态调整权责清单"),
    ("公共服务事项动态调", "动态调整公共服务事项"),
    # problems all put right
    ("上级通报的问题全改好了", "均已整改到位"),
    ("自查发现的隐患都弄完了", "均已整改到位"),
    ("巡查指出的错链已经改完了", "已整改到位"),
    # checks all passed before publishing
    ("上网前三审、保密审查都过", "上网前均经三审、保密审查"),
    ("公开前法制审核、领导审签都过", "公开前均经法制审核"),
    # put up together, taken down in time
    ("现行有效的文件集中挂，废止的及时清掉", "集中公开，废止的及时清理"),
    ("有效规章统一挂上去，失效的定期撤掉", "集中公开，失效的定期清理"),
    # a bulletin published as before
    ("政府公报还是出了12期", "编印政府公报12期"),
    ("部门公报依旧印了4期", "编印部门公报4期"),
    # how often a check is run, a report given to those checked
    ("还是每个月一次网站巡查", "每月组织一次网站巡查"),
    ("一个季度一次专栏抽查，给各股室出了通报报告", "每季度组织一次专栏抽查，向各股室出具通报报告"),
    # a review done together with another, work counted in an assessment
    ("群众测评结合专家评估做了2次", "结合专家评估开展群众测评2次"),
    ("这项工作还在年度目标考核里面", "纳入年度目标考核"),
    # a whole thing checked once over
    ("年中把所有网站栏目排查了一遍", "对所有网站栏目开展排查"),
    ("把下属单位的公众号清理整顿一遍", "开展清理整顿"),
    # a part of the information pointed at by its kind (“户籍的”)
    ("便民专栏持续更新，公积金的推了18条", "公积金类信息推送18条"),
])
def test_a_spoken_clause_of_a_family_is_printed_in_a_reports_words(said, written):
    composed = compose_answer(said, bureau())
    assert written in composed.text, composed
    assert not composed.spoken, composed
    assert not SPEECH.search(composed.text), composed


@pytest.mark.parametrize("said", [
    "召开1次专题会议、开展培训2次",  # each with its own verb already: nothing is added
    "开展民意征集3期、网上调查2期",
])
def test_a_list_already_in_a_reports_order_takes_no_verb_twice(said):
    text = compose_answer(said, bureau()).text
    assert not re.search(r"(召开|开展)[^，。；]*、\1", text), text


def test_a_problem_put_right_without_all_is_not_said_to_be_all():
    """“已经改完了” of one thing says nothing of all of them: no 均 is invented."""
    text = compose_answer("网站监测发现的问题已经整改完了", bureau()).text
    assert "已整改到位" in text and "均" not in text, text
