"""Faults (issue #30): an output — a rendered report, an audit workbook or page, a draft — never replaces a file the
command reads, by whatever name it is given (the same path, relative, a link, a hard link), nor lands in a folder the
audit reads: a Chinese message and exit 2, the input untouched."""

import os
import shutil
from pathlib import Path

import pytest

from faultfiles import answers
from gkassist.cli import main
from support import SAMPLES, SEED

SAMPLE = SAMPLES / "2024_shiqiaozhen.json"
REFUSED_AS_INPUT = "这就是读入的文件"


# ------------------------------------------------------------------ 1. an output never replaces an input
def the_same_file(tmp_path: Path, original: Path, how: str) -> Path:
    """Another name for `original`: the name itself, a relative name, a symbolic link, a hard link."""
    if how == "same path":
        return original
    if how == "relative":
        return Path(os.path.relpath(original))
    other = tmp_path / f"other-{how.replace(' ', '_')}{original.suffix}"
    if how == "symlink":
        other.symlink_to(original)
    elif how == "symlink to a symlink":
        middle = tmp_path / f"middle{original.suffix}"
        middle.symlink_to(original)
        other.symlink_to(middle)
    else:
        os.link(original, other)
    return other


HOW = ["same path", "relative", "symlink", "symlink to a symlink", "hard link"]


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("command", ["render", "import --last-year", "draft --from", "draft --answers", "audit --last-year",
                                     "audit --units", "audit folder"])
def test_no_output_replaces_a_file_the_command_reads(tmp_path, capsys, monkeypatch, how, command):
    monkeypatch.chdir(tmp_path)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    report = inputs / "2023_report.json"
    shutil.copy(SAMPLES / "2023_shiqiaozhen.json", report)
    seed = inputs / "seed.txt"
    shutil.copy(SEED, seed)
    units = inputs / "units.json"  # a suffix an audit may write (a list of units is read whatever its name)
    units.write_text("石桥镇\n", encoding="utf-8")
    said = answers(inputs)
    original = {"render": seed, "import --last-year": report, "draft --from": seed, "draft --answers": said,
                "audit --last-year": report, "audit --units": units, "audit folder": report}[command]
    before = original.read_bytes()
    out = str(the_same_file(tmp_path, original, how))
    argv = {"render": ["render", str(seed), "-o", out],
            "import --last-year": ["import", str(SEED), "--last-year", str(report), "-o", out],
            "draft --from": ["draft", "--from", str(seed), "--year", "2021", "--answers", str(said), "-o", out],
            "draft --answers": ["draft", "--year", "2033", "--answers", str(said), "-o", out],
            "audit --last-year": ["audit", str(SAMPLE), "--last-year", str(inputs), "-o", out, "--workers", "1"],
            "audit --units": ["audit", str(SAMPLE), "--units", str(units), "-o", out, "--workers", "1"],
            "audit folder": ["audit", str(inputs), "-o", out, "--workers", "1"]}[command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert REFUSED_AS_INPUT in err or "输出在读入的文件夹" in err, err
    assert original.read_bytes() == before and not list(original.parent.glob("*备份*"))


@pytest.mark.parametrize("where", ["the folder", "a subfolder", "last year's folder", "through a link to the folder"])
@pytest.mark.parametrize("suffix", [".html", ".xlsx", ".json"])
def test_the_audit_never_writes_into_a_folder_it_reads(tmp_path, capsys, where, suffix):
    this_year, last_year = tmp_path / "2024", tmp_path / "2023"
    (this_year / "镇").mkdir(parents=True)
    last_year.mkdir()
    shutil.copy(SAMPLE, this_year / "镇")
    shutil.copy(SAMPLES / "2023_shiqiaozhen.json", last_year)
    link = tmp_path / "link"
    link.symlink_to(this_year)
    out = {"the folder": this_year, "a subfolder": this_year / "镇", "last year's folder": last_year,
           "through a link to the folder": link}[where] / f"审核{suffix}"
    assert main(["audit", str(this_year), "--last-year", str(last_year), "-o", str(out), "--workers", "1"]) == 2
    assert "输出在读入的文件夹" in capsys.readouterr().err and not out.exists()
    beside = tmp_path / f"审核{suffix}"  # beside the folders: written
    assert main(["audit", str(this_year), "--last-year", str(last_year), "-o", str(beside), "--workers", "1"]) in (0, 1)
    assert beside.exists()
