"""Faults (issue #30, minor): lists of files and addresses with odd lines, addresses without a site, and corpus adds
running at once."""

import os
import shutil

import pytest

from gkassist.cli import main
from support import SAMPLES

SAMPLE = SAMPLES / "2024_shiqiaozhen.json"


# ------------------------------------------------------------------ minor: list files, http:// lines, corpus add
@pytest.mark.parametrize("odd, line", [(b"https://b.gov.cn/\xe9\xff\xfe.html", 2), (b"https://b.gov.cn/\x00x", 2),
                                       (b"\xff\xfehttps://b.gov.cn/", 2), (b"http://b.gov.cn/\x80", 2)])
@pytest.mark.parametrize("option", ["--urls", "--units"])
def test_a_list_with_one_unreadable_line_names_that_line(tmp_path, capsys, odd, line, option):
    listed = tmp_path / "list.txt"
    listed.write_bytes("http://a.gov.cn/1.html\n".encode() + odd + b"\nhttp://c.gov.cn/\n")
    argv = ["audit", str(SAMPLE), "--units", str(listed)] if option == "--units" else ["audit", "--urls", str(listed)]
    assert main(argv + ["--json"]) == 2
    err = capsys.readouterr().err
    assert f"{listed}：第{line}行不是可读的文字" in err and "瑨" not in err, err


def test_a_list_in_gbk_or_with_a_gbk_line_still_reads(tmp_path, monkeypatch):
    from gkassist import importer
    from gkassist.audit import read_units, read_urls

    monkeypatch.setattr(importer, "report_addresses", lambda url: [url])
    listed = tmp_path / "list.txt"
    listed.write_bytes("http://a.gov.cn/年报.html\n".encode() + "http://b.gov.cn/公开.html\r\n".encode("gbk"))
    assert read_urls(listed) == ["http://a.gov.cn/年报.html", "http://b.gov.cn/公开.html"]
    listed.write_bytes("石桥镇\n".encode("gbk") + "河西镇\n".encode())
    assert read_units(listed) == ["石桥镇", "河西镇"]


@pytest.mark.parametrize("url", ["http://", "https://", "http:///x.html", "https://:80/", "http://[::1"])
def test_an_address_without_a_site_is_said_as_such_not_as_a_redirect(url):
    from gkassist.core.errors import InputError
    from gkassist.importer.fetch import fetch

    with pytest.raises(InputError) as e:
        fetch(url)
    assert "网址不完整或格式不对" in str(e.value) and "跳转" not in str(e.value)


@pytest.mark.slow
def test_concurrent_corpus_adds_never_print_a_database_error(tmp_path):
    import subprocess
    import sys

    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"))  # the run's jieba cache
    files = [str(SAMPLES / name) for name in ("2024_shiqiaozhen.json", "2024_hexizhen.json", "2024_baishuixiang.json")]
    for _ in range(1):  # a fresh index: the first build is when every process finds every file new
        shutil.rmtree(tmp_path / "data", ignore_errors=True)
        adds = [subprocess.Popen([sys.executable, "-m", "gkassist.cli", "corpus", "add", *(files if i % 2 else files[::-1])],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(3)]
        for add in adds:
            out, err = add.communicate(timeout=120)
            assert add.returncode == 0 and "constraint" not in out + err and "意外" not in err, err
    listed = subprocess.run([sys.executable, "-m", "gkassist.cli", "corpus", "list"], env=env, capture_output=True,
                            text=True, timeout=60).stdout
    assert sum("我的报告" in line for line in listed.splitlines()) == 3


def test_adding_a_file_another_gkassist_is_adding_waits_for_it_and_replaces_it(tmp_path):
    """The race of two `corpus add`, made certain: the other process has inserted the file and not yet committed
    when this one adds it."""
    import threading

    from gkassist.core.model import load_report
    from gkassist.corpus.index import PhrasingIndex, _report_sentences

    path = tmp_path / "index.sqlite"
    first, second = PhrasingIndex.open(path), PhrasingIndex.open(path)
    report, source = load_report(SAMPLE), str(SAMPLE)
    _report_sentences(report)  # jieba loaded before: the add reaches the database at once
    first.db.execute("BEGIN IMMEDIATE")
    first.db.execute("INSERT INTO files (source, size, mtime_ns, own) VALUES (?, 1, 1, 1)", (source,))
    outcome = {}
    # The other commits once this one is asking SQLite for the write lock the other holds (its BEGIN IMMEDIATE
    # running, traced): waiting on that state, not on a time that a loaded machine may not keep.
    asking = threading.Event()
    second.db.set_trace_callback(lambda sql: asking.set() if sql.startswith("BEGIN IMMEDIATE") else None)

    def add():
        try:
            outcome["sentences"] = second.add_report(report, source, True)
        except Exception as e:  # noqa: BLE001 — what escapes is the finding
            outcome["raised"] = f"{type(e).__name__}: {e}"

    adding = threading.Thread(target=add)
    adding.start()
    assert asking.wait(15), outcome
    first.db.commit()
    adding.join(15)
    assert "raised" not in outcome and outcome["sentences"] > 0, outcome
    assert second.db.execute("SELECT count(*) FROM files WHERE source = ?", (source,)).fetchone()[0] == 1
    second.db.execute("DELETE FROM files")  # a file dropped meanwhile by the other: dropping it again is nothing
    second.db.commit()
    second._drop(1)
