"""Faults (issue #30): counts and amounts have a stated upper bound — a number past it, in a report, last year's
report or a saved draft, is a Chinese message naming the cell (exit 2), or the draft set aside; nothing else stops."""

import json
import os
from pathlib import Path

import pytest

from faultfiles import answers
from gkassist.cli import main
from support import SAMPLES

SAMPLE = SAMPLES / "2024_shiqiaozhen.json"


# ------------------------------------------------------------------ 2. counts and amounts have a stated upper bound
HUGE = [10**400, -10**400, 10**4000, 10**13, 1e300, -(10**16)]
CELLS = [("t3", "new", "natural"), ("t2", "fees", "fee_amount"), ("t4", "cases", "review.corrected")]


def with_cell(data: dict, cell, value) -> dict:
    table, row, col = cell
    data["tables"].setdefault(table, {}).setdefault(row, {})[col] = value
    return data


@pytest.mark.parametrize("value", HUGE, ids=lambda v: f"{'-' if v < 0 else ''}{len(str(abs(int(v))))}digits")
@pytest.mark.parametrize("cell", CELLS, ids="/".join)
@pytest.mark.parametrize("command", ["check", "render", "draft --from", "check --last-year"])
def test_a_number_past_the_bound_is_a_chinese_message_naming_the_cell(tmp_path, capsys, value, cell, command):
    data = with_cell(json.loads(SAMPLE.read_text(encoding="utf-8")), cell, value)
    big = tmp_path / "big.json"
    big.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    argv = {"check": ["check", big], "render": ["render", big, "-o", tmp_path / "r.docx"],
            "draft --from": ["draft", "--from", big, "--answers", answers(tmp_path)],
            "check --last-year": ["check", SAMPLE, "--last-year", big]}[command]
    assert main([str(a) for a in argv]) == 2
    err = capsys.readouterr().err
    assert "数值太大" in err and "上限是1万亿" in err and "意外" not in err and len(err) < 300, err
    from gkassist.core import formats

    assert formats.get_format("2021").location(*cell) in err  # the cell is named


def write_draft_with(folder: Path, name: str, value, where: str = "report") -> Path:
    draft = {"report": json.loads(SAMPLE.read_text(encoding="utf-8")), "step": "appeals",
             "last_year": json.loads((SAMPLES / "2023_shiqiaozhen.json").read_text(encoding="utf-8"))}
    with_cell(draft[where], ("t3", "new", "natural"), value)
    path = folder / name
    path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("value", [10**400, -10**400, 10**13], ids=["1e400", "-1e400", "1e13"])
@pytest.mark.parametrize("where", ["report", "last_year"])
def test_a_draft_past_the_bound_is_set_aside_and_stops_nothing(capsys, value, where):
    import time

    from gkassist.dialogue.opening import describe_drafts, open_session
    from gkassist.paths import drafts_dir

    folder = drafts_dir()
    folder.mkdir(parents=True)
    good = write_draft_with(folder, "2024_青岚县石桥镇人民政府.json", 3)
    bad = write_draft_with(folder, "2025_坏的.json", value, where)
    os.utime(bad, (time.time() + 10,) * 2)  # the newest: the one a bare `gkassist` tries first
    assert main(["drafts"]) == 0
    out = capsys.readouterr().out
    assert str(good) in out and "2025_坏的.json" in out and "意外" not in out
    assert len(describe_drafts()) == 2
    engine, notice = open_session(None, 2024)  # another, healthy draft opens
    assert engine.path == good
    engine, notice = open_session(None, None)  # a bare `gkassist`
    assert engine.path == good and not bad.exists() and ".damaged" in notice and "数值太大" in notice
    (moved,) = (folder / ".damaged").iterdir()
    assert "2025_坏的" in moved.name
    assert main(["draft", "--year", "2024", "--answers", str(answers(folder.parent))]) == 0
