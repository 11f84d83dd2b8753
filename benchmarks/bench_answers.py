"""Table answers: right / asked back / wrong over every case (../shared/answers/dev.jsonl, dev_turns.jsonl and
tests/answers/), single answers and conversations (a first answer and its follow-ups) counted apart, and the time
the engine takes per answer once warm, against the trivial answer “没有” in the same run.

A case is right when the saved cells equal what it means (or, for must_ask, nothing is stored); asked back when
the engine asked or refused instead of storing a case that had an answer; wrong when it stored something else.
Prints figures; asserts nothing."""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp()

from gkassist.dialogue import Engine  # noqa: E402
from gkassist.importer import import_file  # noqa: E402

TABLE = {"requests": "t3", "appeals": "t4", "proactive": "t2"}
BEFORE = {"requests": [], "appeals": ["没有", "对"], "proactive": ["没有", "对", "没有", "对"]}


def load_cases() -> list[dict]:
    shared = ROOT.parent / "shared" / "answers"
    files = [shared / "dev.jsonl", shared / "dev_turns.jsonl", *sorted((ROOT / "tests" / "answers").glob("*.jsonl"))]
    return [json.loads(line) for f in files if f.exists() for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def expected(report, case) -> dict:
    table = TABLE[case["step"]]
    expect = {(r, c): v for r, cols in case["expect"].items() for c, v in cols.items()}
    if table == "t2":
        return expect
    derived = {eq.total for eq in report.format.equations(table)}
    cells = {(r.id, c.id) for _, r, c in report.format.tables[table].cells()} - derived
    if table == "t4":
        expect = {("cases", f"{b}.{o}"): v for (b, o), v in expect.items()}
    return {a: expect.get(a, 0) for a in cells if a[0] != "carried"}


def main() -> None:
    last = import_file(ROOT / "samples" / "000_7a4690d65c5df8d4.txt").report
    cases = load_cases()
    tally = {"single": [0, 0, 0], "conversation": [0, 0, 0]}  # right, asked back, wrong
    wrong_ids, asked_ids = [], []
    times, trivial = [], []
    for warm in (True, False):
        for case in cases:
            said = case.get("turns") or [case["answer"]]
            engine = Engine.start(last, 2021)
            for a in BEFORE[case["step"]]:
                engine.answer(a)
            for a in said:
                t0 = time.perf_counter()
                engine.answer(a)
                if not warm:
                    times.append(time.perf_counter() - t0)
            engine.answer("对")
            if warm:
                continue  # the first pass loads what a first answer loads
            table = TABLE[case["step"]]
            stored = {(r.id, c.id): engine.report.cell(table, r.id, c.id) for _, r, c in engine.report.format.tables[table].cells()
                      if r.id != "carried" and engine.report.cell(table, r.id, c.id) is not None}
            row = tally["conversation" if len(said) > 1 else "single"]
            if case.get("must_ask"):
                row[0 if not stored else 2] += 1
            elif not stored:
                row[1] += 1
                asked_ids.append(case["id"])
            elif all(engine.report.cell(table, *a) == v for a, v in expected(engine.report, case).items()):
                row[0] += 1
            else:
                row[2] += 1
                wrong_ids.append(case["id"])
            probe = Engine.start(last, 2021)
            t0 = time.perf_counter()
            probe.answer("没有")
            trivial.append(time.perf_counter() - t0)
    p95 = statistics.quantiles(times, n=20)[18] * 1000
    base = statistics.quantiles(trivial, n=20)[18] * 1000
    for kind, (right, asked, wrong) in tally.items():
        print(f"{kind} cases {right + asked + wrong}: right {right}, asked back {asked}, wrong {wrong}")
    if wrong_ids:
        print(f"wrong: {', '.join(wrong_ids)}")
    if asked_ids:
        print(f"asked back: {', '.join(asked_ids)}")
    print(f"time per answer (warm): median {statistics.median(times) * 1000:.1f} ms, p95 {p95:.1f} ms (target ≤ 20 ms); "
          f"“没有” p95 {base:.1f} ms in the same run, ratio {p95 / base:.2f}")


if __name__ == "__main__":
    main()
