"""The command line: exit codes 0/1/2, --json, one Chinese line for bad input, atomic outputs."""
import json
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from gkassist.cli import main
from support import CORPUS, ROOT, SAMPLES, SEED


def run(*args):
    """The command as a clerk runs it, in a process of its own (the exit code and streams the shell sees)."""
    return subprocess.run([sys.executable, "-m", "gkassist.cli", *map(str, args)], capture_output=True, text=True)


def call(capsys, *args):
    """The same command through main() in this process (what run() does without a Python start, ~0.4 s): its exit
    code, and what it printed to stdout and stderr."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return SimpleNamespace(returncode=code, stdout=out, stderr=err)


def test_check_clean_sample_exits_0(capsys):
    assert main(["check", str(SAMPLES / "2024_shiqiaozhen.json")]) == 0
    assert "没有发现问题" in capsys.readouterr().out


def test_check_json_lists_findings_and_exits_1(tmp_path, capsys):
    data = json.loads((SAMPLES / "2024_shiqiaozhen.json").read_text(encoding="utf-8"))
    data["tables"]["t3"]["results_total"]["natural"] = 9
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(path), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    first = findings[0]
    assert set(first) >= {"rule", "severity", "location", "message"}
    assert (first["rule"], first["severity"]) == ("T3-BALANCE", "error")
    assert {(f["rule"], f["location"]) for f in findings} >= {
        ("T3-RESULTS", "表三 · 三、本年度办理结果 （七）总计 · 自然人"),
        ("T3-COLUMNS", "表三 · 三、本年度办理结果 （七）总计 · 总计"),
    }


def test_check_with_last_year_prints_repetition(capsys):
    code = main(["check", str(SAMPLES / "2024_shiqiaozhen.json"), "--last-year", str(SAMPLES / "2023_shiqiaozhen.json")])
    out = capsys.readouterr().out
    assert code == 0 and "与2023年度报告的重复率：2%" in out


def test_check_a_published_file_directly(capsys):
    if not CORPUS.is_dir():
        pytest.skip("no corpus")
    assert main(["check", str(CORPUS / "2025_pingtan_jjfzj.txt")]) == 1
    out = capsys.readouterr().out
    assert "T4-SUMS 表四 · 行政复议 · 总计" in out


def test_draft_json_gets_timeliness(tmp_path, capsys):
    data = json.loads((SAMPLES / "2024_shiqiaozhen.json").read_text(encoding="utf-8"))
    data["origin"] = "draft"
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(path), "--today", "2025-02-03"]) == 0
    assert "TIMELINESS" in capsys.readouterr().out


def _file(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("make, words", [
    (lambda d: d / "nope.json", "文件不存在"),
    (lambda d: d, "文件夹"),
    (lambda d: _file(d / "m.json", "{oops"), "不是有效的 JSON"),
    (lambda d: _file(d / "s.json", '{"a": 1}'), "不是 gkassist 的报告文件"),
    (lambda d: _file(d / "x.xlsx", "x"), "不支持的文件类型"),
])
def test_bad_input_exits_2_with_one_chinese_line(tmp_path, capsys, make, words):
    path = make(tmp_path)
    proc = call(capsys, "check", path)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and words in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


@pytest.mark.slow
def test_render_all_formats_and_import_summary(tmp_path):
    outs = [tmp_path / f"报告.{s}" for s in ("docx", "txt", "md", "html")]
    proc = run("render", SAMPLES / "2024_shiqiaozhen.json", *[x for o in outs for x in ("-o", o)])
    assert proc.returncode == 0, proc.stderr
    assert all(o.stat().st_size > 1000 for o in outs)
    proc = run("import", SEED, "-o", tmp_path / "seed.json")
    assert proc.returncode == 0
    assert proc.stderr.strip() == f"{SEED}：德惠市郭家镇人民政府，2020年度，2019年版格式，读取198个单元格，全部读出"
    assert json.loads((tmp_path / "seed.json").read_text(encoding="utf-8"))["format_version"] == "2019"


def test_render_to_unwritable_place_leaves_nothing(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        proc = call(capsys, "render", SAMPLES / "2024_shiqiaozhen.json", "-o", locked / "r.docx")
        if os.geteuid() == 0:
            pytest.skip("root can write anywhere")
        assert proc.returncode == 2 and "无法写入" in proc.stderr
        assert list(locked.iterdir()) == []
    finally:
        os.chmod(locked, 0o700)


@pytest.mark.slow
def test_render_to_missing_directory_and_bad_suffix(tmp_path):
    proc = run("render", SAMPLES / "2024_shiqiaozhen.json", "-o", tmp_path / "no" / "r.docx")
    assert proc.returncode == 2 and "不存在" in proc.stderr
    proc = run("render", SAMPLES / "2024_shiqiaozhen.json", "-o", tmp_path / "r.pdf", "-o", tmp_path / "r.txt")
    assert proc.returncode == 2 and "不支持的输出格式" in proc.stderr
    assert not (tmp_path / "r.txt").exists()


def test_outputs_get_ordinary_file_permissions(tmp_path):
    from gkassist.core.files import atomic_write

    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "r.txt", "内容")
    finally:
        os.umask(old)
    assert (tmp_path / "r.txt").stat().st_mode & 0o777 == 0o644


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path, monkeypatch):
    from gkassist.core import files as gio

    target = tmp_path / "r.txt"
    target.write_text("旧内容", encoding="utf-8")

    def boom(*a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gio.os, "replace", boom)
    with pytest.raises(gio.InputError):
        gio.atomic_write(target, "新内容")
    assert target.read_text(encoding="utf-8") == "旧内容"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_usage_errors_are_chinese():
    proc = run("render", SAMPLES / "2024_shiqiaozhen.json")
    assert proc.returncode == 2 and "命令参数有误" in proc.stderr


def test_import_to_2021_draft(tmp_path, capsys):
    proc = call(capsys, "import", SEED, "--to-2021", "-o", tmp_path / "next.json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads((tmp_path / "next.json").read_text(encoding="utf-8"))
    assert (data["format_version"], data["year"], data["origin"]) == ("2021", 2021, "draft")
    assert data["tables"]["t3"]["carried"]["natural"] == 0
    assert "已转为2021年度草稿（2021年版格式）；需要补充" in proc.stderr and "行政规范性文件" in proc.stderr


def test_import_next_year_draft_of_a_2019_report_says_its_format(tmp_path, capsys):
    """2020 reports keep the 2019 format: the message names the format the draft really has."""
    proc = call(capsys, "import", ROOT / "tests" / "published" / "2019_shanghai_szfbgt.html", "--to-2021", "-o", tmp_path / "n.json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))["format_version"] == "2019"
    assert "已转为2020年度草稿（2019年版格式）" in proc.stderr
