"""A clerk is never stuck behind a table answer the reader cannot place: when a table's question back is still open
and “对” comes (a confirmation, not an answer to it) or the next question's answer, nothing of that table is stored,
what was said is kept, the assistant says what is missing, and the flow goes on — the table is asked again at the
end (or when reopened), with what was said, and a draft saved meanwhile goes on from the same state."""

import pytest

from gkassist.core.model import load_report
from gkassist.dialogue import Engine
from gkassist.dialogue.kinds.table import Table
from gkassist.importer import import_file
from support import SAMPLES, SEED

# (answers before the table, an answer that leaves a question back open, the table, its question's step)
T3 = ([], "requests", "t3")
T4 = (["没有", "对"], "appeals", "t4")
T2 = (["没有", "对", "没有", "对"], "proactive", "t2")
OPEN = [
    (T3, "自然人申请5件，予以公开2件", "还有3件没有说办理结果"),  # the balance of a kind of applicant
    (T3, "收到申请5件，有几件还在办", "具体是几件"),  # a vague count, a kind not said
    (T3, "自然人申请2件，不予公开1件，予以公开1件", "不予公开的理由是哪一项"),  # which reason
    (T3, "有几件申请，都公开了", "具体是几件"),
    (T4, "复议2件，维持1件", "还有1件没有说结果"),
    (T4, "行政复议3件，直接起诉2件", "结果是什么"),
    (T4, "被申请行政复议若干件", "具体是几件"),
    (T2, "许可45件，处罚若干", "具体是多少"),
    (T2, "规范性文件制发2件，废止1件", "现行有效的行政规范性文件有几件"),  # 现行有效 unknown, the documents spoken of
]
CONFIRMS = ["对", "好的", "是的", "确认"]


def opened(before, answer):
    engine = Engine.start(import_file(SEED).report, 2021)  # 2020's report: nothing carried on, no 现行有效
    for said in before:
        engine.answer(said)
    engine.answer(answer)
    assert engine.pending is not None and engine.pending.asking, answer
    return engine


def cells_stored(engine, table):
    report = engine.report
    return {(r.id, c.id): v for _, r, c in report.format.tables[table].cells()
            if r.id != "carried" and (v := report.cell(table, r.id, c.id)) is not None}


def next_step(step_id):
    ids = [s.id for s in Engine.start(import_file(SEED).report, 2021).steps]
    return ids[ids.index(step_id) + 1]


@pytest.mark.parametrize("confirm", CONFIRMS)
@pytest.mark.parametrize(("at", "answer", "missing"), OPEN, ids=[o[1] for o in OPEN])
def test_a_confirmation_with_a_question_open_leaves_the_table_unfinished_and_goes_on(at, answer, missing, confirm):
    before, step_id, table = at
    engine = opened(before, answer)
    said = engine.pending
    replies = engine.answer(confirm)
    told = replies[0].text
    name = engine.report.format.tables[table].name
    # one message: what is still missing, that the flow goes on and comes back, how to reopen
    assert told.startswith(f"{name}先不保存，还差：") and missing in told, told
    assert "其他题答完后再回到" in told and f"改{name}" in told
    assert engine.step.id == next_step(step_id) and replies[1].text == engine.step.ask
    assert cells_stored(engine, table) == {}  # a question still open when 对 comes: nothing stored for that table
    assert engine.state.unfinished[step_id] is said  # what was said is kept
    assert [s.id for s, _ in engine.left_unfinished()] == [step_id]


# a later question's answer while each table's question is open: the next table's line, a narrative paragraph
LATER = [
    (OPEN[0], ["复议诉讼都没有", "没有行政复议，也没有行政诉讼", "行政复议1件，维持了，没有诉讼"]),
    (OPEN[4], ["规范性文件制发2件，现行有效9件；行政许可5件", "行政许可41件，行政处罚12件，其他没有"]),
    (OPEN[7], ["在镇政府网站发了100多条", "新做了12块公开栏", "搞了1次培训，各村文书都参加了",
               "政府网站专栏更新了86条，公开栏每季度贴一次"]),
]


@pytest.mark.parametrize(("case", "later"), [(case, line) for case, lines in LATER for line in lines])
def test_the_next_questions_answer_with_a_question_open_is_taken_as_that_answer(case, later):
    (before, step_id, table), answer, missing = case
    engine = opened(before, answer)
    replies = engine.answer(later)
    name = engine.report.format.tables[table].name
    assert replies[0].text.startswith(f"{name}先不保存，还差：") and missing in replies[0].text
    following = next_step(step_id)
    assert engine.step.id == following and cells_stored(engine, table) == {}
    # the line answered the next question: what it says waits for “对” there (a paragraph, a table)
    assert engine.pending is not None and engine.pending.step == following
    assert any(r.kind == "understood" for r in replies[1:])
    engine.answer("对")
    assert engine.step.id != following  # stored: the lines of an answer file stay aligned


def test_the_table_comes_back_at_the_end_with_what_was_said():
    engine = opened([], "自然人申请5件，予以公开2件")
    engine.answer("对")
    at_the_end(engine, "requests")
    assert engine.step.id == "requests" and engine.modes.catching_up
    shown = engine.question()
    assert shown[0].text == engine.step.ask and shown[1].text.startswith("上次说到这里（还没有保存）")
    assert "自然人 5" in shown[1].text and "还有3件没有说办理结果" in shown[2].text
    engine.answer("另外3件结转到明年")
    engine.answer("对")
    assert [engine.report.number("t3", r, "natural") for r in ("new", "open", "carry_next")] == [5, 2, 3]
    assert engine.state.unfinished == {} and engine.left_unfinished() == [] and engine.done


def answered_but(engine, open_step):
    """Every question but `open_step` answered (as nothing, or a stand-in paragraph): the end of the flow, quickly."""
    for step in engine.steps:
        if step.id == open_step or step.kind == "field":
            continue
        if step.kind == "table":
            Table().fill(engine.state, engine.report, step.table, {})
            engine.report.set_cell("t2", "normative", "in_force", 0)
        elif step.kind == "preface":
            engine.report.preface = ["本报告依据《条例》编制。"]
        else:
            engine.report.sections.setdefault(step.section, []).append(step.heading + "已写。")


def at_the_end(engine, open_step):
    """The last question confirmed with every other part answered: the flow catches up with what is left."""
    answered_but(engine, open_step)
    engine.step_index, engine.pending = len(engine.steps) - 1, None
    engine.question()
    engine.answer("对")


def test_the_last_part_left_cannot_be_moved_on_from():
    engine = opened([], "自然人申请5件，予以公开2件")
    engine.answer("对")
    at_the_end(engine, "requests")
    assert engine.modes.catching_up and engine.first_unanswered() == engine.step_index
    assert engine.answer("对")[0].text.startswith("请先回答上面的问题")
    assert engine.step.id == "requests" and engine.pending.asking
    engine.answer("另外3件结转到明年")
    engine.answer("对")
    assert engine.done and engine.state.unfinished == {}


def test_a_saved_table_reopened_and_asked_back_is_not_left_unfinished():
    engine = Engine.start(import_file(SEED).report, 2021)
    for said in ("自然人申请2件，都公开了", "对", "改表三", "重新说：自然人申请5件，予以公开2件"):
        engine.answer(said)
    assert engine.pending.asking
    assert engine.answer("对")[0].text.startswith("请先回答上面的问题")  # what is saved stands till the change is whole
    assert engine.report.number("t3", "new", "natural") == 2 and engine.state.unfinished == {}


def test_a_question_that_a_confirmation_answers_is_answered_by_it():
    """“现行有效几件？……回答“对”就先保存其余的”: “对” stores the rest (a question “对” answers, not left open)."""
    engine = Engine.start(import_file(SEED).report, 2021)
    for said in T2[0]:
        engine.answer(said)
    replies = engine.answer("行政许可45件，行政处罚3件")
    assert "回答“对”就先保存其余的" in replies[-1].text and not engine.pending.asking
    engine.answer("对")
    assert engine.report.number("t2", "licensing", "decisions") == 45 and engine.state.unfinished == {}


def test_a_carried_application_left_unanswered_goes_on_to_table_four():
    """Last year carried one application on: “没有” asks its result; “对” goes on to 表四, and 表四's answer is 表四's."""
    engine = Engine.start(load_report(SAMPLES / "2024_shiqiaozhen.json"), 2025)
    engine.answer("没有")
    assert engine.pending.asking
    engine.answer("对")
    assert engine.step.id == "appeals"
    engine.answer("行政复议1件，维持了")
    engine.answer("对")
    assert engine.report.number("t4", "cases", "review.upheld") == 1 and engine.step.id == "proactive"
    assert engine.report.number("t3", "new", "total") is None


def test_told_afresh_or_undone_forgets_what_was_said():
    engine = opened([], "自然人申请5件，予以公开2件")
    engine.answer("对")
    engine.answer("改表三")
    assert engine.step.id == "requests" and engine.pending.asking
    engine.answer("不对")
    assert "requests" not in engine.state.unfinished and engine.pending is None


def test_skipping_a_table_with_a_question_open_keeps_what_was_said():
    engine = opened([], "自然人申请5件，予以公开2件")
    said = engine.pending
    engine.answer("跳过")
    assert engine.step.id == "appeals" and engine.state.unfinished["requests"] is said


def test_a_draft_saved_with_a_table_unfinished_goes_on_from_the_same_state(tmp_path, monkeypatch):
    engine = opened([], "收到申请5件，有几件还在办")
    engine.answer("对")
    engine.answer("没有")
    turns = engine.state.unfinished["requests"].turns
    # read again, not re-understood: a resumed draft never re-reads earlier turns
    monkeypatch.setattr(Table, "understand", lambda *a: pytest.fail("earlier turns read again"))
    again = Engine.resume(engine.path)
    assert again.step.id == "appeals" and again.pending.step == "appeals"  # the answer waiting for 对 there
    left = again.state.unfinished["requests"]
    assert left.asking and left.turns == turns and left.reader is not None and "具体是几件" in left.asked
    again.answer("改表三")
    assert again.pending is left  # the table's question back, as it was
    assert again.question()[-1].text.startswith("还差：“有几件还在办”具体是几件？")


def test_a_draft_saved_at_the_unfinished_table_resumes_at_its_question(tmp_path, monkeypatch):
    engine = opened([], "自然人申请5件，予以公开2件")
    engine.answer("对")
    at_the_end(engine, "requests")
    assert engine.step.id == "requests" and engine.modes.catching_up and engine.pending.asking
    monkeypatch.setattr(Table, "understand", lambda *a: pytest.fail("earlier turns read again"))
    again = Engine.resume(engine.path)
    greeting = "\n".join(r.text for r in again.greeting())
    assert again.step.id == "requests" and again.pending.asking
    assert "上次说到这里（还没有保存）" in greeting and "还有3件没有说办理结果" in greeting
    monkeypatch.undo()
    again.answer("另外3件结转到明年")
    again.answer("对")
    assert again.report.number("t3", "carry_next", "natural") == 3 and again.done


def test_a_table_completed_but_not_yet_confirmed_is_still_unfinished():
    engine = opened([], "自然人申请5件，予以公开2件")
    engine.answer("对")
    engine.answer("改表三")
    engine.answer("另外3件结转到明年")
    assert not engine.pending.asking
    [(step, missing)] = engine.left_unfinished()
    assert step.id == "requests" and missing.startswith("补上的回答还没有确认")


def test_the_last_table_left_open_stops_an_answer_file_at_a_later_answer():
    """Nowhere left to go on to: a later question's answer is not taken as the table's, and the file stops there."""
    import io

    from gkassist import headless

    engine = opened([], "自然人申请5件，予以公开2件")
    engine.answer("对")
    at_the_end(engine, "requests")
    out, stalls = io.StringIO(), []
    headless.run(engine, "", ["在镇政府网站发了100多条", "另外3件结转到明年", "对"], out=out, stalls=stalls)
    shown = out.getvalue()
    assert "（停止：第1行：“表三 依申请公开”的问题还没有回答" in shown and "另外3件" not in shown
    assert len(stalls) == 2 and "还没填完" in stalls[1]  # the stop, and the table still unfinished
    assert engine.report.number("t3", "new", "total") is None


@pytest.mark.slow
def test_a_whole_conversation_comes_back_to_the_table_and_its_paragraph_follows():
    """表三 left open, every other question answered, then 表三 completed at the end: 一（二）, written while 表三 was
    empty, is written again from it and said."""
    engine = opened([], "自然人申请5件，予以公开2件")
    for said in ("对", "没有", "对", "没有", "现行有效0件", "对"):
        engine.answer(said)
    lines = {"overview_proactive": "在镇政府网站公开信息30条", "overview_requests": "都在法定期限内答复了",
             "overview_management": "更新了公开目录", "overview_platform": "维护好政府网站专栏",
             "overview_oversight": "组织了1次培训", "problems": "网站更新不够及时，以后每月检查一次",
             "preface": "党政办，电话0431-87231056，地址德惠市郭家镇人民政府院内"}
    while engine.step.id != "requests":
        at = engine.step.id
        engine.answer(lines.get(at, "没有"))
        engine.answer("对")
        assert engine.step.id != at, at
    engine.answer("另外3件结转到明年")
    replies = engine.answer("对")
    assert replies[0].text.startswith("一（二）已按表三更新：（二）依申请公开。2021年，我镇共收到政府信息公开申请5件")
    assert engine.done and engine.report.paragraphs("overview")[1] == replies[0].text.split("更新：", 1)[1]


def test_a_paragraph_made_from_tables_left_unfinished_says_nothing_of_them_till_they_are_answered():
    """一（二） opens with 表三's and 表四's figures: a table left unfinished is not “未收到”/“未发生” made from blanks;
    once it is answered its sentence is put in and said."""
    engine = opened([], "自然人申请5件，予以公开2件")
    for said in ("对", "复议2件，维持1件", "对", "没有", "现行有效0件", "对", "在镇政府网站公开信息30条", "对"):
        engine.answer(said)
    assert engine.step.id == "overview_requests" and set(engine.state.unfinished) == {"requests", "appeals"}
    shown = engine.answer("都在法定期限内答复了")[0].text
    assert shown.startswith("将写入：（二）依申请公开。") and "未收到" not in shown and "未发生" not in shown
    engine.answer("对")
    engine.answer("改表三")
    engine.answer("另外3件结转到明年")
    said = [r.text for r in engine.answer("对")]
    opened_with = "（二）依申请公开。2021年，我镇共收到政府信息公开申请5件；办结2件，其中予以公开2件；结转下年度继续办理3件。"
    assert any(s.startswith("一（二）已按表三更新：" + opened_with) for s in said), said
    assert engine.report.paragraphs("overview")[1].startswith(opened_with) and "行政复议" not in opened_with


def test_a_table_completed_on_its_return_and_left_again_keeps_the_completed_answer():
    engine = opened([], "自然人申请5件，予以公开2件")
    engine.answer("对")
    engine.answer("改表三")
    engine.answer("另外3件结转到明年")
    engine.answer("改表四")  # left before “对”: what was completed stays for when 表三 comes back
    assert engine.step.id == "appeals" and not engine.state.unfinished["requests"].asking
    shown = engine.jump("requests")
    assert "结转下年度继续办理：自然人 3" in shown[1].text and shown[2].text.startswith("补上的回答还没有确认")
    engine.answer("对")
    assert engine.report.number("t3", "carry_next", "natural") == 3 and engine.state.unfinished == {}


def test_only_a_tables_question_back_is_moved_on_from():
    """The preface's “还缺……” is no table's: “对” there still asks for what is missing (nothing is left unfinished)."""
    engine = Engine.start(import_file(SEED).report, 2021)
    answered_but(engine, "preface")
    engine.step_index = next(i for i, s in enumerate(engine.steps) if s.id == "preface")
    engine.question()
    engine.answer("党政办负责")
    assert engine.pending is not None and engine.pending.asking, engine.pending
    assert engine.answer("对")[0].text.startswith("请先回答上面的问题") and engine.step.id == "preface"
    assert engine.state.unfinished == {}


@pytest.mark.parametrize("left_open", ["企业申请2件，公开1件", "个人3件，1件公开", "自然人申请3件，公开1件，部分公开1件"])
def test_the_progress_shows_a_table_left_unfinished_until_it_is_finished(left_open):
    """The side panel never marks a table the flow went on from as done: it is “unfinished” till completed."""
    from gkassist.dialogue.views import side_panel

    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer(left_open)
    engine.answer("对")  # left unfinished, the flow goes on to 表四
    states = {p.title: p.state for p in side_panel(engine).progress}
    assert states["表三 依申请公开"] == "unfinished" and states["表四 复议诉讼"] == "open"
    engine.answer("没有")
    engine.answer("对")
    engine.answer("改表三")
    engine.answer("自然人申请1件，公开了；企业申请1件，公开了")
    engine.answer("对")
    states = {p.title: p.state for p in side_panel(engine).progress}
    assert states["表三 依申请公开"] == "done" and engine.report.cell("t3", "new", "total") is not None
