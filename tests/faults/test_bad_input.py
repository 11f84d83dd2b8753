"""Bad input and faults: each case of the probe has its test.  Nothing ends in a traceback, a hang or a lost answer."""

import json
import os
import time
import zipfile

import pytest

from faultfiles import work_seconds
from gkassist.cli import main
from gkassist.core.errors import InputError
from gkassist.dialogue import Engine
from gkassist.importer import import_file
from support import SAMPLES, SEED, settle


def a_saved_draft():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("自然人申请2件，予以公开2件")
    engine.answer("对")
    return engine


@pytest.mark.parametrize("damage", ["cut", "gbk", "utf16", "step", "nested", "not_json"])
def test_a_damaged_draft_is_moved_aside_and_never_blocks_a_start(damage):
    from gkassist.dialogue.opening import open_session

    good = a_saved_draft()
    broken = good.path.with_name("2022_坏的.json")
    text = good.path.read_text(encoding="utf-8")
    data = {"cut": text.encode("utf-8")[:301], "gbk": text.replace("德惠市", "德惠\x00市").encode("gb18030"),
            "utf16": b"\xff\xfe" + "{\"report\": 1".encode("utf-16-le"), "step": None,
            "nested": ("[" * 100000 + "]" * 100000).encode(), "not_json": b"\x89PNG\r\n"}[damage]
    if damage == "step":
        d = json.loads(text)
        d["step"] = "abc"
        d["report"]["year"] = "二〇二一"
        data = json.dumps(d, ensure_ascii=False).encode("utf-8")
    broken.write_bytes(data)
    os.utime(broken, (time.time() + 10,) * 2)  # the newest: tried first
    engine, notice = open_session(None, None)
    assert engine.path == good.path and engine.step.id == "appeals"
    assert not broken.exists() and "已跳过（文件已移到" in notice and ".damaged" in notice


def test_an_unwritable_drafts_folder_loses_no_answer(tmp_path):
    from gkassist.paths import drafts_dir

    drafts_dir().parent.mkdir(parents=True)
    drafts_dir().write_text("a file where the folder should be")  # as root, permissions would not stop a write
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("自然人申请2件，予以公开2件")
    replies = engine.answer("对")
    assert replies[0].kind == "error" and "草稿已改存到" in replies[0].text
    assert engine.path.parent == tmp_path / "home" / "gkassist-草稿" and engine.path.exists()
    from gkassist.dialogue.opening import open_session

    again, _ = open_session(None, None)
    assert again.report.number("t3", "new", "natural") == 2


async def test_the_app_keeps_the_answers_when_nothing_can_be_written(tmp_path, monkeypatch):
    from gkassist.paths import drafts_dir
    from gkassist.tui.app import DraftApp
    from gkassist.tui.widgets import ChatBubble

    drafts_dir().parent.mkdir(parents=True)
    drafts_dir().write_text("not a folder")
    (tmp_path / "home").write_text("not a folder either")  # the fallback cannot be made: both writes fail
    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    async with app.run_test(size=(80, 24)) as pilot:
        for text in ("自然人申请2件，予以公开2件", "对"):
            app.query_one("#answer").value = text
            await pilot.press("enter")
            await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+q")
        await settle(pilot)
        shown = [m.text for m in app.query(ChatBubble)]
        assert app.is_running and "没有退出" in shown[-1] and "无法创建草稿文件夹" in shown[-1]
        assert app.engine.report.number("t3", "new", "natural") == 2  # the answer is still in memory


def test_a_draft_in_use_is_refused_and_a_stale_lock_taken_over():
    from gkassist.dialogue.session import DraftLock

    engine = a_saved_draft()
    lock = engine.path.with_suffix(".lock")
    lock.write_text(str(os.getppid()))  # a live process that is not this one
    with pytest.raises(InputError, match=f"进程 {os.getppid()}"):
        DraftLock(engine.path).acquire()
    lock.write_text("999999999")  # the process is gone (kill -9)
    with DraftLock(engine.path) as held:
        assert held.held and lock.read_text() == str(os.getpid())
    assert not lock.exists()


def test_interrupted_saves_leave_no_temporary_files_behind():
    from gkassist.dialogue.session import draft_files

    engine = a_saved_draft()
    tmp = engine.path.parent / f".{engine.path.name}.abc123.tmp"
    tmp.write_text("{half")
    os.utime(tmp, (time.time() - 3600,) * 2)
    assert draft_files() == [engine.path] and not tmp.exists()


def test_a_zip_bomb_docx_is_refused_in_a_moment(tmp_path):
    """A small .docx unpacking past the bound, refused by the size its headers declare (the message names it) before
    anything is inflated: 1 MB past the bound proves that as well as 200 MB did (which took 2.4 s only to compress)."""
    from gkassist.importer.docx_reader import MAX_UNPACKED_BYTES

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (MAX_UNPACKED_BYTES + 2**20) + b"</w:document>")
    assert path.stat().st_size < 1024 * 1024
    started = time.process_time()
    with pytest.raises(InputError, match=f"解压后有 {MAX_UNPACKED_BYTES // 2**20 + 1} MB.*上限 {MAX_UNPACKED_BYTES // 2**20} MB"):
        import_file(path)
    assert time.process_time() - started < 1  # the reader's own work (CPU): a loaded machine's waiting is not it


def test_a_300000_line_text_is_answered_at_once(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    path.write_text("\n".join(f"{i} {i + 1} {i + 2}" for i in range(300_000)), encoding="utf-8")
    started = work_seconds()  # the reader's CPU seconds, not a loaded machine's wall clock
    assert main(["check", str(path)]) == 2
    assert "远多于一份年度报告" in capsys.readouterr().err and work_seconds() - started < 3


def test_linear_time_reading_of_long_lines_and_many_lines():
    from gkassist.importer.textparse import parse_text, tokenize

    started = time.process_time()  # the reader's work, which a loaded machine does not stretch as it does the wall clock
    tokenize(" " * 100_000 + "x")
    tokenize("|" + " " * 100_000 + "|-")
    parse_text("\n".join(f"{i} {i + 1} {i + 2}" for i in range(20_000)))
    assert time.process_time() - started < 1.5


def test_a_year_out_of_range_is_a_finding_not_a_crash(tmp_path, capsys):
    text = SEED.read_text(encoding="utf-8").replace("2020年政府信息公开工作年度报告", "2007年政府信息公开工作年度报告", 1)
    path = tmp_path / "old.txt"
    path.write_text(text, encoding="utf-8")
    result = import_file(path)
    assert any("2007年" in p for p in result.problems)
    assert main(["draft", "--year", "2007", "--answers", str(path)]) == 2
    assert "不是有效的报告年度" in capsys.readouterr().err


def test_control_characters_and_a_long_title_still_export_to_word(tmp_path, sample_2024):
    from gkassist.output import render_bytes

    sample_2024.sections["overview"][0] += "\v\f\x1b[31m\x00粘贴来的"
    sample_2024.title = "很长的标题" * 80
    data = render_bytes(sample_2024, ".docx")
    assert data[:2] == b"PK"


@pytest.mark.slow
@pytest.mark.parametrize("agency", ["青岚县/党政办", "[/x]青岚县", "../../青岚县"])
async def test_odd_agency_names_neither_break_export_nor_the_screen(tmp_path, agency):
    from gkassist.tui.app import DraftApp

    engine = Engine.start(import_file(SEED).report, 2021)
    engine.report.agency = agency
    app = DraftApp(engine, export_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.press("ctrl+e")
        await settle(pilot)
    written = [p for p in tmp_path.rglob("*") if p.suffix == ".docx"]
    assert len(written) == 1, written
    assert written[0].parent == tmp_path and "/" not in written[0].name


def test_output_through_a_symlink_and_never_onto_a_device(tmp_path, capsys):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main(["render", str(SAMPLES / "2024_shiqiaozhen.json"), "-o", str(link)]) == 0
    assert link.is_symlink() and "一、总体情况" in real.read_text(encoding="utf-8")
    device = tmp_path / "out.txt"
    device.symlink_to("/dev/full")
    assert main(["render", str(SAMPLES / "2024_shiqiaozhen.json"), "-o", str(device)]) == 2
    assert "特殊文件" in capsys.readouterr().err and os.path.exists("/dev/full") and not os.path.isfile("/dev/full")


@pytest.mark.parametrize("content, words", [
    ("[" * 50000 + "]" * 50000, "嵌套"),
    ('{"format_version": "2021", "agency": "x", "year": ' + "9" * 5000 + "}", "无法使用的数值"),
    ('{"format_version": "2021", "agency": "x", "year": 2024, "extra_lines": {"zz": ["a"]}}', "未知的表格部分"),
    ('{"format_version": "2021", "year": 2024, "tables": {"t3": {}}, "sections": {"overview": ["' + "很长" * 3000 + '"]}}', "缺少字段“机关名称”"),
    ('{"format_version": "2021", "agency": "x", "year": 2024, "tables": {"t2": {"fees": {"fee_amount": NaN}}}}', "不是有效的数字"),
])
def test_bad_report_json_is_one_short_chinese_line(tmp_path, capsys, content, words):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and len(err) < 300 and "Traceback" not in err


def test_an_unexpected_error_is_exit_2_in_chinese(monkeypatch, capsys):
    from gkassist import cli

    def boom(args):
        raise ZeroDivisionError("bug")

    monkeypatch.setitem(cli.COMMANDS, "check", boom)
    assert main(["check", "x.json"]) == 2
    assert "意外的内部错误（ZeroDivisionError" in capsys.readouterr().err


def test_today_must_be_a_date(capsys):
    assert main(["check", str(SAMPLES / "2024_shiqiaozhen.json"), "--today", "notadate"]) == 2
    assert "不是 YYYY-MM-DD" in capsys.readouterr().err


def test_only_the_url_of_a_model_says_what_is_missing(monkeypatch):
    monkeypatch.setenv("GKASSIST_LLM_URL", "http://127.0.0.1:9/v1")
    monkeypatch.delenv("GKASSIST_LLM_MODEL", raising=False)
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("overview_proactive")
    engine.answer("公开信息20条")
    assert "还缺 model（GKASSIST_LLM_MODEL）" in engine.answer("润色")[0].text


def test_a_huge_number_in_a_cell_is_a_short_message():
    from gkassist.core.model import report_from_data

    for value in (-1.0000000000000001e254, 10**40, 1e13):
        with pytest.raises(InputError) as e:
            report_from_data({"format_version": "2021", "agency": "x", "year": 2024, "tables": {"t3": {"new": {"natural": value}}}})
        assert "数值太大" in str(e.value) and len(str(e.value)) < 120


@pytest.mark.slow
def test_two_million_paragraphs_in_a_small_docx_are_refused(tmp_path):
    path = tmp_path / "many.docx"
    body = b"<w:p/>" * 2_000_000
    xml = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + body + b"</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml)
    assert path.stat().st_size < 1024 * 1024
    started = work_seconds()  # the reader's CPU seconds, not a loaded machine's wall clock
    with pytest.raises(InputError, match="超过 50000 个段落"):
        import_file(path)
    assert work_seconds() - started < 5


def test_a_damaged_docx_message_names_no_python_class(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not a word file")
    with pytest.raises(InputError) as e:
        import_file(path)
    assert "损坏" in str(e.value) and "Error" not in str(e.value) and "PackageNotFound" not in str(e.value)


@pytest.mark.slow
def test_a_closed_pipe_and_a_full_disk_on_standard_output(tmp_path):
    import subprocess
    import sys

    gkassist = [sys.executable, "-m", "gkassist.cli"]
    report = str(SAMPLES / "2024_shiqiaozhen.json")
    piped = subprocess.run(" ".join(gkassist + ["import", str(SEED), "|", "head", "-1"]), shell=True,
                           capture_output=True, text=True, timeout=60)
    assert piped.stdout.strip() == "{" and "Traceback" not in piped.stderr
    with open("/dev/full", "w") as full:
        done = subprocess.run(gkassist + ["check", "--json", report], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 2 and "读写文件失败" in done.stderr and "Traceback" not in done.stderr
