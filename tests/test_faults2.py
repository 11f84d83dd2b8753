"""Faults, round two (issue #24): each case benchmarks/probe_faults.py found broken, as it reaches the clerk or the
county office — a Chinese message and exit 2, no hang, nothing lost, nothing of the user's replaced without a copy."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES, SEED
from gkassist.cli import main

SAMPLE = SAMPLES / "2024_shiqiaozhen.json"


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("GKASSIST_LLM_URL", "GKASSIST_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def no_corpus(monkeypatch):
    """The TUI without its corpus loading after the first frame (seconds in a fresh cache; not these tests' matter)."""
    from gkassist import corpus

    monkeypatch.setattr(corpus, "warm_up", lambda: None)


class Hung(BaseException):
    """Raised by `no_hang`: no guard of the command line (except Exception, OSError) catches it."""


@pytest.fixture
def no_hang():
    """A read that would wait for ever (a FIFO with no writer) is interrupted after 3 s: the test fails, not hangs."""
    def interrupt(*_):
        raise Hung("waited 3 s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(3)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def gkassist(*args, env=None, timeout=30):
    """The command in a process of its own (another process id: a lock held here is another instance's)."""
    return subprocess.run([sys.executable, "-m", "gkassist.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env or os.environ.copy())


def answers_file(tmp_path, *lines) -> Path:
    path = tmp_path / "answers.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def audit_folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("2024_shiqiaozhen.json", "2024_hexizhen.json", "2024_baishuixiang.json"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    return folder


# ------------------------------------------------------------------ 6. inputs that are no regular files
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
@pytest.mark.parametrize("command", ["import", "check", "render", "corpus add", "draft --from", "audit --units"])
def test_a_fifo_or_a_device_as_a_report_is_refused_at_once(tmp_path, capsys, no_hang, special, command):
    given = "/dev/zero"
    if special == "fifo":
        given = str(tmp_path / "report.txt")
        os.mkfifo(given)
    argv = {"import": ["import", given], "check": ["check", given], "render": ["render", given, "-o", str(tmp_path / "o.txt")],
            "corpus add": ["corpus", "add", given],
            "draft --from": ["draft", "--from", given, "--answers", str(answers_file(tmp_path, "没有"))],
            "audit --units": ["audit", str(SAMPLE), "--units", given, "--json"]}[command]
    assert main(argv) == 2
    assert "不是普通文件（是管道、设备等特殊文件）" in capsys.readouterr().err


def test_audit_lists_fifos_and_broken_links_it_meets(audit_folder, no_hang):
    from gkassist.audit import run_audit

    os.mkfifo(audit_folder / "pipe.txt")
    (audit_folder / "dangling.docx").symlink_to(audit_folder / "gone.docx")
    (audit_folder / "loop.pdf").symlink_to(audit_folder / "loop.pdf")
    result = run_audit([audit_folder], workers=2)
    errors = {Path(u.path).name: u.error for u in result.units if u.error}
    assert sorted(errors) == ["dangling.docx", "loop.pdf", "pipe.txt"] and len(result.units) == 6
    assert "不是普通文件" in errors["pipe.txt"] and "指向的文件不存在" in errors["dangling.docx"] and "绕成了一个圈" in errors["loop.pdf"]


# ------------------------------------------------------------------ 7. outputs
def test_import_onto_the_report_it_reads_is_refused(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_bytes(SEED.read_bytes())
    link = tmp_path / "same.txt"
    link.symlink_to(report)
    for output in (report, link):
        assert main(["import", str(report), "-o", str(output)]) == 2
        assert "这就是读入的文件" in capsys.readouterr().err and report.read_bytes() == SEED.read_bytes()
    assert main(["render", str(report), "-o", str(report)]) == 2


def test_a_read_only_output_is_not_replaced(tmp_path, capsys):
    locked = tmp_path / "locked.txt"
    locked.write_text("mine")
    locked.chmod(0o444)
    assert main(["render", str(SAMPLE), "-o", str(tmp_path / "new.md"), "-o", str(locked)]) == 2
    assert "只读文件，没有覆盖它" in capsys.readouterr().err and locked.read_text() == "mine"
    assert not (tmp_path / "new.md").exists()  # refused before anything was written
    assert main(["import", str(SEED), "-o", str(locked)]) == 2 and locked.read_text() == "mine"


@pytest.mark.parametrize("command", ["render", "import", "audit"])
def test_an_existing_output_is_kept_as_a_dated_copy(tmp_path, capsys, command):
    out = tmp_path / {"render": "r.html", "import": "r.json", "audit": "审核.html"}[command]
    out.write_text("old content of the user")
    argv = {"render": ["render", str(SAMPLE), "-o", str(out)], "import": ["import", str(SEED), "-o", str(out)],
            "audit": ["audit", str(SAMPLE), "-o", str(out), "--workers", "1"]}[command]
    assert main(argv) in (0, 1)
    (copy,) = [p for p in tmp_path.iterdir() if p != out]
    assert copy.name.startswith(f"{out.stem}（备份 ") and copy.read_text() == "old content of the user"
    assert "old content" not in out.read_text(encoding="utf-8")
    said = capsys.readouterr()
    assert str(copy) in said.out + said.err


def test_a_link_looping_as_output_is_a_chinese_message(tmp_path, capsys):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert main(["render", str(SAMPLE), "-o", str(loop)]) == 2
    err = capsys.readouterr().err
    assert "链接绕成了一个圈（指回自己），不能写入" in err and "意外" not in err


def test_export_onto_a_link_writes_its_target_and_keeps_the_targets_old_content(tmp_path):
    from gkassist.core.model import load_report
    from gkassist.output import render_to

    target = tmp_path / "target" / "报告.md"
    target.parent.mkdir()
    target.write_text("old target")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    kept = render_to(load_report(SAMPLE), link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "一、总体情况" in target.read_text(encoding="utf-8")
    assert kept.parent == target.parent and kept.read_text() == "old target"


