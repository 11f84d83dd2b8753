"""A set of table conversations scored as the hidden sets are: each case run whole through `gkassist draft --from LAST
--year YEAR --answers FILE` (the answers before its table — "没有", "对" for each earlier table —, its turns, then "对"),
the saved draft compared with what the case means.  Prints right / asked back / wrong and, for each case not right,
what was stored; asserts nothing.  A case set is a measure only on its first run: a set fixed against is spent.

    python benchmarks/probe_answers.py probe.jsonl [more.jsonl] [--from ../shared/seeds/000_….txt --year 2021]

Cases are lines of ../shared/answers/dev_turns.jsonl's shape: {"id", "step": requests|appeals|proactive,
"turns": [...] or "answer": "...", "expect": {row: {column: n}}} or "must_ask": true."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

TABLE = {"requests": "t3", "appeals": "t4", "proactive": "t2"}
ORDER = ["requests", "appeals", "proactive"]


def expected_cells(report, case: dict) -> dict[tuple[str, str], int | float]:
    """Every cell the case decides (bench_answers' reading of a case: unlisted 表三/表四 cells are 0)."""
    from bench_answers import expected

    return expected(report, case)


def run_case(case: dict, last: Path, year: int) -> tuple[str, str]:
    """("right" | "asked" | "wrong", what was stored or said)."""
    from gkassist.cli import main
    from gkassist.core.model import load_report
    from gkassist.paths import drafts_dir

    work = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    before = ["没有", "对"] * ORDER.index(case["step"])  # each earlier table: none, confirmed
    said = case.get("turns") or [case["answer"]]
    answers = work / "answers.txt"
    answers.write_text("\n".join(before + said + ["对"]) + "\n", encoding="utf-8")
    transcript = io.StringIO()
    with contextlib.redirect_stdout(transcript), contextlib.redirect_stderr(transcript):
        main(["draft", "--from", str(last), "--year", str(year), "--answers", str(answers)])
    drafts = sorted(drafts_dir().glob("*.json"))
    if not drafts:
        return "asked", "no draft saved"
    report = load_report(drafts[0])
    table = TABLE[case["step"]]
    stored = {(r.id, c.id): report.cell(table, r.id, c.id) for _, r, c in report.format.tables[table].cells()
              if r.id != "carried" and report.cell(table, r.id, c.id) is not None}
    shown = {f"{r}.{c}": v for (r, c), v in stored.items() if v}
    if case.get("must_ask"):
        return ("right" if not stored else "wrong"), json.dumps(shown, ensure_ascii=False)
    if not stored:
        return "asked", _last_question(transcript.getvalue())
    want = expected_cells(report, case)
    wrong = {f"{r}.{c}": (report.cell(table, r, c), v) for (r, c), v in want.items() if report.cell(table, r, c) != v}
    return ("right", "") if not wrong else ("wrong", json.dumps(wrong, ensure_ascii=False))


def _last_question(transcript: str) -> str:
    """What the assistant said after the case's last turn, before its closing “对”: the question it asked back."""
    lines = transcript.strip().splitlines()
    said = [i for i, line in enumerate(lines) if line.startswith("我：")]
    if len(said) < 2:
        return " / ".join(lines[-3:])[:300]
    return " / ".join(x.strip() for x in lines[said[-2] + 1:said[-1]])[:400]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--from", dest="last", type=Path,
                        default=ROOT.parent / "shared" / "seeds" / "000_7a4690d65c5df8d4.txt")
    parser.add_argument("--year", type=int, default=2021)
    args = parser.parse_args()
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp()
    tally = {"right": 0, "asked": 0, "wrong": 0}
    for f in args.files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            outcome, detail = run_case(case, args.last.resolve(), args.year)
            tally[outcome] += 1
            if outcome != "right":
                print(f"{outcome:5} {case['id']}: {case.get('turns') or case.get('answer')} → {detail}")
    total = sum(tally.values())
    print(f"{total} cases: right {tally['right']} ({tally['right'] / max(total, 1):.0%}), asked back {tally['asked']}, "
          f"wrong {tally['wrong']}")


if __name__ == "__main__":
    main()
