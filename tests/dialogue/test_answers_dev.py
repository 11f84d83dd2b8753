"""Every clerk answer of ../shared/answers/dev.jsonl and our own cases (tests/answers/*.jsonl), run as a whole
conversation, the draft compared with the cells the answer means.  A case marked must_ask passes only if nothing is
stored.  Of each file, its first stored case and its first must_ask case run through `gkassist draft --answers`
exactly as the README there says (the answers file read, last year's report imported, the draft saved and read back);
every other case runs the same conversation in this process through the headless front end's own loop
(headless.run: the engine, its replies, what the file's end leaves unfinished), from last year's report imported
once — the command's reading of files and argv cost a third of each case and is the same for every case."""

import io
import json
from functools import cache

import pytest

from gkassist.cli import main
from gkassist.core.model import load_report
from gkassist.paths import drafts_dir
from support import OWN_ANSWERS, PUBLISHED, SEED, SHARED

DEV = SHARED / "answers" / "dev.jsonl"
DEV_TURNS = SHARED / "answers" / "dev_turns.jsonl"
OWN = sorted((OWN_ANSWERS).glob("*.jsonl"))
BEFORE = {"requests": [], "appeals": ["没有", "对"], "proactive": ["没有", "对", "没有", "对"]}
TABLE = {"requests": "t3", "appeals": "t4", "proactive": "t2"}


def cases(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


INNER_LOOP_SHARE = 8  # of our own cases, every 8th (of each file) runs in `-m "not slow"`; all of them in the whole suite


def all_cases():
    """The shared dev cases all in the inner loop; our own ~900 cases (a conversation each, ~20 ms) spread over it:
    every file's every 8th case, the rest marked slow, so `pytest -m "not slow"` still meets each file and both kinds
    (stored and must_ask) while the whole suite, and `pytest tests/dialogue/test_answers_dev.py`, run every case.
    Each file's first stored and first must_ask case run through the command (`whole`), the rest in process."""
    found = []
    for path in [p for p in (DEV, DEV_TURNS) if p.exists()] + OWN:
        own, first_of_kind = path in OWN, set()
        for i, c in enumerate(cases(path)):
            kind = bool(c.get("must_ask"))
            whole = kind not in first_of_kind
            first_of_kind.add(kind)
            slow = own and i % INNER_LOOP_SHARE != 0 and not whole
            found.append(pytest.param(c, whole, id=f"{path.stem}:{c['id']}", marks=pytest.mark.slow if slow else ()))
    return found


def said_in_order(case) -> list[str]:
    said = case.get("turns") or [case["answer"]]  # a conversation: the first answer, then its follow-ups
    return BEFORE[case["step"]] + said + ["对"]


def run_case(case, tmp_path, capsys):
    """The case through `gkassist draft --answers`: the saved draft read back, and the transcript."""
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(said_in_order(case)) + "\n", encoding="utf-8")
    code = main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(answers)])
    transcript = capsys.readouterr().out
    assert_exit(case, code, transcript)
    (path,) = drafts_dir().glob("*.json")
    return load_report(path), transcript


@cache
def last_year():
    """The seed imported as `draft --from` imports it (with the note said at the start), once a worker."""
    from gkassist.dialogue.opening import imported_note
    from gkassist.importer import load_any

    last, result = load_any(str(SEED))
    return last, imported_note(last, result)


def run_in_process(case):
    """The same conversation through the headless loop `draft --answers` runs (headless.run), in this process."""
    from gkassist import headless
    from gkassist.dialogue import Engine

    last, note = last_year()
    engine = Engine.start(last.model_copy(deep=True), 2021)
    out, stalls = io.StringIO(), []
    headless.run(engine, note, said_in_order(case), out, stalls=stalls)
    transcript = out.getvalue()
    assert_exit(case, 1 if stalls else 0, transcript)  # the command's exit status: 1 when a table is left unfinished
    return engine.report, transcript


def assert_exit(case, code, transcript):
    # the table stored: exit 0; left with a question open when the file ends: said, and exit 1 (a must_ask answer
    # refused outright leaves nothing open: exit 0, nothing stored)
    assert code in ((0, 1) if case.get("must_ask") else (0,)), transcript
    assert ("还没填完，没有保存" in transcript) == (code == 1), transcript


def expected_cells(report, case):
    """(row, column) → value the case means: listed cells, and for 表三/表四 every other answerable cell 0."""
    table = TABLE[case["step"]]
    expect = {(r, c): v for r, cols in case["expect"].items() for c, v in cols.items()}
    if table == "t2":
        return expect
    derived = {eq.total for eq in report.format.equations(table)}
    cells = {(r.id, c.id) for _, r, c in report.format.tables[table].cells()}
    if table == "t4":
        cells = {("cases", c) for _, c in cells}
        expect = {("cases", f"{block}.{outcome}"): v for (block, outcome), v in expect.items()}
    return {a: expect.get(a, 0) for a in cells if a not in derived and a[0] != "carried"}


@pytest.mark.parametrize("case, whole", all_cases())
def test_clerk_answer(case, whole, tmp_path, capsys):
    report, transcript = run_case(case, tmp_path, capsys) if whole else run_in_process(case)
    table = TABLE[case["step"]]
    if case.get("must_ask"):
        stored = {(r.id, c.id): report.cell(table, r.id, c.id) for _, r, c in report.format.tables[table].cells()
                  if r.id != "carried" and report.cell(table, r.id, c.id) is not None}
        assert stored == {}, transcript
        return
    got = {a: report.cell(table, *a) for a in expected_cells(report, case)}
    assert got == expected_cells(report, case), transcript


def test_there_are_enough_own_cases():
    assert sum(len(cases(p)) for p in OWN) >= 150
    assert sum(len(c.get("turns", [])) > 1 for p in OWN for c in cases(p)) >= 100  # conversations, not single answers


def test_results_may_account_for_last_years_carried_applications(tmp_path, capsys):
    """Last year (the gathered Shanghai report) carried 72 natural persons' applications into this year: 自然人
    予以公开480 + 不掌握392 = 872 = 800 new + 72 carried, read as said — not asked back as if too many."""
    last = PUBLISHED / "2019_shanghai_szfbgt.html"
    answers = tmp_path / "answers.txt"
    answers.write_text("自然人申请800件，企业30件\n"
                       "自然人予以公开480件、本机关不掌握392件，企业予以公开20件、本机关不掌握10件\n对\n", encoding="utf-8")
    assert main(["draft", "--from", str(last), "--year", "2020", "--answers", str(answers)]) == 0
    transcript = capsys.readouterr().out
    (path,) = drafts_dir().glob("*.json")
    report = load_report(path)
    assert [report.cell("t3", r, "natural") for r in ("new", "carried", "open", "unable_1", "carry_next")] == \
        [800, 72, 480, 392, 0], transcript
    assert [report.cell("t3", r, "business") for r in ("new", "open", "unable_1")] == [30, 20, 10], transcript
    assert "分别是哪类申请人" not in transcript.split("自然人予以公开480件")[-1]


def test_a_stated_carried_in_count_goes_to_the_carried_row_not_to_next_year(tmp_path, capsys):
    """“上年结转1件” is 二、上年结转 (last year's applications), never 四、结转下年度继续办理."""
    report, transcript = run_case({"step": "requests", "answer": "自然人申请3件，上年结转1件，予以公开4件"}, tmp_path, capsys)
    assert [report.cell("t3", r, "natural") for r in ("new", "carried", "open", "carry_next")] == [3, 1, 4, 0], transcript
