"""prompts/ is data a clerk may edit: every mistake in it is said when a draft opens, naming the file and the line,
never a KeyError when its step comes."""

import shutil

import pytest

from gkassist.cli import main
from support import ROOT, SEED


@pytest.fixture
def prompts(tmp_path, monkeypatch):
    """A copy of prompts/ that the test may spoil, read instead of the shipped one."""
    from gkassist.core import flow
    from gkassist.dialogue import composed, engine, improvements, placement, polish, replywords, sentences

    folder = tmp_path / "prompts"
    shutil.copytree(ROOT / "prompts", folder)
    for module in (flow, improvements, polish, sentences, composed, replywords, placement):
        monkeypatch.setattr(module, "resource_dir", lambda name: tmp_path / name)
    caches = (flow.flow, flow._fitted, improvements.problem_areas, improvements._problems_data, polish.polish_prompts,
              sentences.sentence_data, sentences.lexicon, sentences._verbs, composed.paragraphs,
              replywords.reply_words, engine._checked_prompts, placement.placement, sentences.spoken_turns,
              sentences._evaluative)
    for cached in caches:
        cached.cache_clear()
    yield folder
    for cached in caches:
        cached.cache_clear()


def spoil(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1  # the line of the change


@pytest.mark.parametrize("file, old, new, words", [
    ("problems.yaml", "    when: [{figure: corrected_total, at_least: 1}]", "    whne: [{figure: corrected_total, at_least: 1}]",
     "不认识的键“whne”"),
    ("problems.yaml", "{figure: carry_next_total, at_least: 3}", "{figure: carried_next_total, at_least: 3}",
     "没有叫“carried_next_total”的数字"),
    ("problems.yaml", "有{carry_next_total}件申请结转下年度办理", "有{carry_total}件申请结转下年度办理", "{carry_total}不是可用的数字"),
    ("problems.yaml", "      part: 平台建设\n", "      part: 网站建设\n", "没有“网站建设”这一部分"),
    ("problems.yaml", '"不予公开占办结的{deny_share}', '"不予公开占办结的{deny_part}', "{deny_part}不是可用的数字"),
    ("sentences.yaml", "    write: '{new}开设{object}'", "    write: '{new}开设{thing}'", "{thing}在 say 里没有读出"),
    ("sentences.yaml", "  unless: '去年|", "  unless: '(去年|", "不是有效的正则表达式"),
    ("sentences.yaml", "  - id: column\n", "  - idd: column\n", "不认识的键“idd”"),
    ("flow.yaml", "    kind: improvements", "    kind: improvement", "不认识的题型“improvement”"),
    ("flow.yaml", '    title: "表四 复议诉讼"', '    titel: "表四 复议诉讼"', "不认识的键“titel”"),
    ("flow.yaml", '    title: "表二 主动公开"', '    title: "表二 主动公开', "不是有效的 YAML"),
    ("polish.yaml", "“{part}”部分", "“{section}”部分", "{section}不认识"),
    ("replies.yaml", "restart: [", "restrat: [", "不认识的键“restrat”"),
    ("replies.yaml", "'没有去年的(?:报告)?'", "'没有去年的(?:报告'", "不是有效的正则表达式"),
    ("lexicon.yaml", "  - {object: 设备, say: '放(?:了", "  - {object: 机器, say: '放(?:了", "“机器”不在 objects 里"),
    ("lexicon.yaml", "  - {say: '光靠', write: '主要依靠'}", "  - {say: '光靠(', write: '主要依靠'}", "不是有效的正则表达式"),
    ("lexicon.yaml", "write: '\\g<new>\\g<nmore>\\g<unit>\\g<noun>'", "write: '\\g<neu>'", "neu"),
    ("lexicon.yaml", "  - {say: '光靠', write: '主要依靠'}", "  - {sya: '光靠', write: '主要依靠'}", "不认识的键“sya”"),
    # a dialect's entry that would break a common word (“整” inside “整改”) is said at its line
    ("lexicon.yaml", "  - {say: '冇', write: 没有}", "  - {say: '整', write: 搞}", "会把普通话的“整改了”改成“搞改了”"),
    ("lexicon.yaml", "  - {say: '甭', write: 不用}", "  - {say: '甭(', write: 不用}", "不是有效的正则表达式"),
    # the table of what is done to what (done_to): a broken pattern, a mistyped key
    ("lexicon.yaml", "verb: 整改, units: '个|项|处|条'}", "verb: 整改, units: '个|项|(处|条'}", "不是有效的正则表达式"),
    ("lexicon.yaml", "    - {things: '问题|隐患", "    - {thing: '问题|隐患", "不认识的键“thing”"),
    ("lexicon.yaml", "  empty: '弄|搞|", "  empty: '(弄|搞|", "不是有效的正则表达式"),
    # where a fact lands (placement.yaml): a broken pattern, a mistyped key, a correction naming no figure
    ("placement.yaml", "  - '^(?:就这些|", "  - '^((?:就这些|", "不是有效的正则表达式"),
    ("placement.yaml", "  wants: '", "  want: '", "不认识的键“want”"),
    ("placement.yaml", "(?P<new>\\d+(?:\\.\\d+)?)(?P<unit>[条件个次期篇人名家项块场万元]*)'\n# a figure",
     "(?P<neu>\\d+(?:\\.\\d+)?)(?P<unit>[条件个次期篇人名家项块场万元]*)'\n# a figure", "缺少命名的组：new"),
    # the families of spoken clauses (spoken_turns.yaml): a broken pattern, a write naming a group its say lacks
    ("spoken_turns.yaml", "  chain: '然后(?:呢|", "  chain: '然后((?:呢|", "不是有效的正则表达式"),
    ("spoken_turns.yaml", "write: '关注人数\\g<n>余\\g<w>人'", "write: '关注人数\\g<count>余\\g<w>人'", "count"),
    ("spoken_turns.yaml", "evaluative_after: '", "evaluative_afterr: '", "不认识的键“evaluative_afterr”"),
    ("paragraphs.yaml", "  - {say: '(?P<n>[0-9]+)件[^，。；]{0,6}部分公开'", "  - {say: '(?P<n>[0-9]+件[^，。；]{0,6}部分公开'",
     "不是有效的正则表达式"),
])
def test_a_mistake_in_prompts_is_named_with_its_file_and_line_when_a_draft_opens(prompts, file, old, new, words,
                                                                                  tmp_path, capsys):
    line = spoil(prompts / file, old, new)
    answers = tmp_path / "answers.txt"
    answers.write_text("没有\n", encoding="utf-8")
    assert main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(answers)]) == 2
    message = capsys.readouterr().err
    assert f"{file}：第" in message and words in message and "Traceback" not in message
    said_line = int(message.split("：第")[1].split("行")[0])
    assert abs(said_line - line) <= 2, message  # at the mistake (a YAML error is found on the line after)


def test_the_shipped_prompts_are_sound(prompts, tmp_path, capsys):
    answers = tmp_path / "answers.txt"
    answers.write_text("没有\n对\n", encoding="utf-8")
    assert main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(answers)]) == 0


@pytest.mark.parametrize("file, old, new, said", [
    ("replies.yaml", "confirm: [对, ", "confirm: [中, 妥了, 对, ", ["中", "妥了"]),  # how a clerk from another place says yes
    ("replies.yaml", "no_last_year: [没有, ", "no_last_year: [木有, 没留底, 没有, ", ["木有", "没留底"]),
])
def test_a_word_added_to_the_reply_lists_works_with_no_code_change(prompts, file, old, new, said, tmp_path, capsys):
    from gkassist.dialogue.engine import Engine
    from gkassist.importer import import_file

    spoil(prompts / file, old, new)
    for word in said:
        if old.startswith("confirm"):
            engine = Engine.start(import_file(SEED).report, 2021)
            engine.answer("自然人申请2件，都公开了")
            assert engine.answer(word)[0].text.startswith("已保存"), word
            assert engine.report.tables["t3"]["open"]["natural"] == 2
        else:
            engine = Engine.start(None, 2021)
            engine.modes.asking_last_year = True
            assert engine.answer(word)[0].text == "好的，没有去年的报告。", word
