"""A clerk's own dialect words (prompts/lexicon.yaml `regional`: northeast, southwest, north China, Cantonese, Wu) are
read as the common words — one step shared by the table readers' normalize stage and the prose's normalization —
while the common words that hold them (没得说, 整改, 老师, 要得到) stay whole."""

import pytest

from gkassist.cli import main
from gkassist.core.model import Report, load_report
from gkassist.dialogue import answers
from gkassist.dialogue.answers.t4 import says_nothing_happened
from gkassist.dialogue.answers.text import normalize
from gkassist.dialogue.sentences import compose_answer, in_common_words, normalized
from gkassist.paths import drafts_dir
from support import SEED


def town():
    return Report.blank("2021", "青岚县白石镇人民政府", 2021, level="township")


@pytest.mark.parametrize("said, common", [
    # none: southwest, Hakka/Cantonese, Hunan, Wu, the web
    ("今年莫得结转的", "今年没有结转的"), ("没得超期的", "没有超期的"), ("冇得收费", "没有收费"), ("冇有诉讼", "没有诉讼"),
    ("冇收到申请", "没有收到申请"), ("木有复议", "没有复议"), ("呒没人来申请", "没有人来申请"), ("莫有人告", "没有人告"),
    ("冒得复议", "没有复议"), ("木得结转", "没有结转"), ("么有收费", "没有收费"),
    # what, how, doing what
    ("啥子都莫得", "什么都没有"), ("嘛子情况", "什么情况"), ("乜嘢都冇", "什么都没有"), ("啥也没收", "什么也没收"),
    ("咋个填", "怎么填"), ("啷个算", "怎么算"), ("咋整", "怎么办"), ("嘎哈的", "干什么的"), ("晓得了", "知道了"),
    ("不晓得", "不知道"), ("晓不得", "不知道"), ("唔知道", "不知道"), ("唔系企业", "不是企业"), ("勿晓得", "不知道"),
    # who
    ("俺们镇", "我们镇"), ("阿拉街道", "我们街道"), ("佢哋要啲资料", "他们要些资料"), ("佢嚟问", "他来问"),
    # Cantonese particles and verbs
    ("公开咗3件", "公开了3件"), ("企业嘅申请", "企业的申请"), ("睇咗台账", "看了台账"), ("畀咗佢", "给了他"),
    # a little, once; holding two posts; forgetting; all right
    ("我查一哈", "我查一下"), ("看一下子台账", "看一下台账"), ("瞅了下台账", "看了下台账"), ("办公室兼到搞", "办公室兼着搞"),
    ("搞忘了1件", "忘了1件"), ("搞忘记说了", "忘说了"), ("要得", "好的"),
    # very, too
    ("贼多", "很多"), ("老多了", "很多了"), ("老鼻子了", "很多"), ("忒少", "太少"), ("贼麻烦", "很麻烦"), ("贼拉多", "很多"), ("倍儿快", "很快"), ("交关多", "很多"),
    # 整: to do, only as a verb on its own
    ("整了2场培训", "搞了2场培训"), ("都整完了", "都搞完了"), ("我们整出来了", "我们搞出来了"),
])
def test_a_dialect_word_is_read_as_the_common_word(said, common):
    assert in_common_words(said) == common


@pytest.mark.parametrize("word", [
    "没得到答复", "这个没得说", "没得商量", "整改了3处", "整理了台账", "整合了栏目", "整体推进", "整个镇", "调整了目录",
    "整整3天", "老师", "老百姓", "老乡", "老旧小区", "养老多", "需要得到", "不要得罪人", "咋舌", "阿拉伯语", "阿拉善盟",
    "请勿吸烟", "一下子就来了3件", "系统", "联系", "关系", "怎么得了", "盗贼", "感冒得了", "有什么有关的", "树木得到保护",
])
def test_a_common_word_holding_a_dialect_word_stays_whole(word):
    assert in_common_words(word) == word


@pytest.mark.parametrize("said, common", [
    ("莫得，复议诉讼都莫得。", "没有，复议诉讼都没有。"), ("俺们就收了2件", "我们就收了2件"), ("佢哋公开咗3件", "他们公开了3件"),
])
def test_the_table_reader_and_the_prose_share_the_step(said, common):
    assert normalize(said) == common
    assert normalized(said) == common


@pytest.mark.parametrize("said", ["莫得，复议诉讼都莫得。", "复议诉讼都没得", "冇复议，冇诉讼", "木有复议也木有诉讼", "复议莫得，官司也莫得打"])
def test_table_four_said_empty_in_a_dialect_is_all_zero(said):
    assert says_nothing_happened(said, "t4")
    out = answers.parse("t4", [said])
    assert not out.refusal and not out.questions and not any(out.cells.values()), out


@pytest.mark.parametrize("said", ["个人申请3件，都公开了，没得结转的", "个人申请3件，都公开了，莫得结转的",
                                  "个人申请3件，都公开了，结转的冇得", "个人3件，全公开咗，冇结转"])
def test_no_carry_said_in_a_dialect_is_no_carry(said):
    out = answers.parse("t3", [said])
    assert not out.questions and not out.refusal, out
    assert {c[1:]: v for c, v in out.cells.items() if v} == {("new", "natural"): 3, ("open", "natural"): 3}


@pytest.mark.parametrize("said", [
    "今年的申请都按时答复了，莫得超期的。", "依申请公开的都在期限内答复了，没得超期。", "申请都按期回复，冇超期。",
])
def test_a_negated_shortfall_in_a_dialect_is_no_shortfall(said):
    composed = compose_answer(said, town())
    assert not composed.shortfalls, composed
    assert "超期" not in composed.text or "没有" in composed.text or "未" in composed.text


@pytest.mark.parametrize("said, written", [
    ("俺们今年整了2场培训，各村文书都来了。", "开展培训2场"),
    ("今年莫得收信息处理费。", "未收取信息处理费"),
    ("今年冇收信息处理费。", "未收取信息处理费"),
    ("依申请公开的都按期答复了，莫得逾期的。", "均在法定期限内予以答复"),
    ("网站上挂了86条，晓得的群众老多了。", "知道的群众很多"),
    ("政策解读整了5篇。", "发布政策解读5篇"),
    ("今年搞起了个公众号，推了60多条。", "开通微信公众号"),
    ("今年目录捋了，公众号也搞起了。", "开通微信公众号"),
    ("今年搞起一个抖音号。", "开通抖音号"),
    ("年底还自查了1次，问题不多，要得。", "开展自查1次，问题不多。"),
])
def test_the_prose_writes_a_dialect_answer_in_report_words(said, written):
    composed = compose_answer(said, town())
    assert written in composed.text and not composed.spoken and not composed.shortfalls, composed
    assert not any(w in composed.text for w in ("俺", "莫得", "冇", "晓得", "老多", "整了"))


@pytest.mark.parametrize("said", ["办公室就1个人兼到干这个。", "信息公开就1个人兼到搞的。", "镇里就一个人兼着弄这个。", "党政办一个人兼到搞。"])
def test_a_part_time_clerk_said_in_a_dialect_is_a_shortfall(said):
    composed = compose_answer(said, town())
    assert composed.shortfalls and "兼职" in composed.shortfalls[0] and "一个人人员" not in composed.shortfalls[0], composed


WHOLE = [
    "俺们今年收了3件，都是老百姓个人嘞，2件公开咗，还有1件要的东西我们这冇得，莫得结转的", "要得",
    "莫得，复议诉讼都莫得。", "要得",
    "规范性文件啥子都莫得，许可处罚强制都没得，收费也冇，现行有效的也莫得", "要得",
    "今年在市政府网站我们镇那个栏目挂了86条，哦不对，是89条，主要是低保、种粮补贴这些，政策解读整了3篇", "要得",
    "收了3件，都按时答复了，莫得超期的", "要得",
    "公开前党政办先审一遍，涉密的不挂，分管领导签字了才发", "要得",
    "网站用的是市政府网站的镇栏目，俺们自己莫得网站", "要得",
    "镇里把政务公开放进对各村的年底考核了，搞了2次培训，莫得追责的", "要得",
    "今年的毛病是村里公开栏更新不及时，办公室就1个人兼到搞这个", "要得",
    "莫得", "要得",
]


@pytest.mark.slow
def test_a_whole_report_answered_in_a_dialect(tmp_path, capsys):
    """A township's whole report answered in southwest, northeast and Cantonese words, run through `gkassist draft
    --answers`: the tables as meant, “要得” confirms, “莫得超期” is no shortcoming, “兼到搞” is one, “莫得” says 六
    has nothing else."""
    answers_file = tmp_path / "answers.txt"
    answers_file.write_text("\n".join(WHOLE) + "\n", encoding="utf-8")
    main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(answers_file)])
    out = capsys.readouterr().out
    (path,) = drafts_dir().glob("*.json")
    report = load_report(path)
    t3 = {(r.id, c.id): v for _, r, c in report.format.tables["t3"].cells() if (v := report.cell("t3", r.id, c.id))}
    assert {k: v for k, v in t3.items() if k[0] in ("new", "open", "unable_1")} == {
        ("new", "natural"): 3, ("new", "total"): 3, ("open", "natural"): 2, ("open", "total"): 2,
        ("unable_1", "natural"): 1, ("unable_1", "total"): 1}, out
    assert not report.cell("t3", "carry_next", "natural"), out
    assert all(not report.cell("t4", r.id, c.id) for _, r, c in report.format.tables["t4"].cells()), out
    assert report.cell("t2", "penalty", "decisions") == 0 and report.cell("t2", "normative", "in_force") == 0, out
    overview = "".join(report.sections["overview"])
    assert "89条" in overview and "86条" not in overview and "发布政策解读3篇" in overview, overview
    assert "未单独建设网站" in overview and "未发生责任追究情况" in overview, overview
    problems = "".join(report.sections["problems"])
    assert "超期" not in problems and "兼职" in problems, problems
    assert "无其他需要报告的事项" in "".join(report.sections["other"])
    assert "莫得" not in overview + problems and "俺" not in overview + problems


@pytest.mark.parametrize("said", [
    "个人申请3件，2件公开了，还有1件问的啥子老厂房的事，我们莫得这个信息，不掌握",
    "个人申请2件，1件公开，还有1件问的什么企业改制的事，我们不掌握",
    "个人申请2件，1件公开，另1件要查啥公司的执照，不归我们管，不掌握",
])
def test_what_a_case_asked_about_names_no_applicant(said):
    out = answers.parse("t3", [said])
    assert not out.questions, out
    kinds = {k for (_, r, k), v in out.cells.items() if v and r == "new"}
    assert kinds == {"natural"}, out
