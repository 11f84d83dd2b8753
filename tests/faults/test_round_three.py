"""Faults, round three (issue #30): the promises a probe of 2,150 runs could still break, each tried as its class
(several ways in), as it reaches the clerk or the county office — a Chinese message and exit 2, no hang, nothing
lost, nothing of the user's replaced."""

import json
import os
import shutil
from pathlib import Path

import pytest

from gkassist.cli import main
from support import SAMPLES, SEED, settle

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


def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.txt"
    path.write_text("没有\n", encoding="utf-8")
    return path


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


# ------------------------------------------------------------------ 3. control characters never break the audit
CONTROL_CHARACTERS = ["\x00", "\x07", "\x1b[2J", "\x1f", "\x9b31m", "\u202e", "\x7f", "\r"]


@pytest.mark.parametrize("where", ["agency", "file name", "both"])
def test_control_characters_in_agencies_and_file_names_still_write_both_audit_files(tmp_path, capsys, where):
    from openpyxl import load_workbook

    from gkassist.core.controls import CONTROL

    folder = tmp_path / "reports"
    folder.mkdir()
    base = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for i, c in enumerate(CONTROL_CHARACTERS):
        data = dict(base, agency=f"石桥{c}镇{i}" if where != "file name" else f"石桥镇{i}")
        name = f"r{i}{c if where != 'agency' and c != chr(0) else ''}.json"  # no file name holds a NUL
        (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (folder / "坏\x1b[31m的.txt").write_text("不是报告", encoding="utf-8")  # an unreadable one: its line too
    xlsx, html = tmp_path / "审核.xlsx", tmp_path / "审核.html"
    assert main(["audit", str(folder), "-o", str(xlsx), "-o", str(html), "--json", "--workers", "1"]) == 1
    said = capsys.readouterr()
    assert not CONTROL.search(said.out + said.err) and "意外" not in said.err
    cells = [c.value for sheet in load_workbook(xlsx) for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(CONTROL.search(v.replace("\r", "")) for v in cells)  # a line break may stay
    assert sum("\\u001b" in v for v in cells) >= 2  # shown, not dropped
    page = html.read_text(encoding="utf-8")
    assert not CONTROL.search(page.replace("\r", "")) and "\\u202e" in page


# ------------------------------------------------------------------ 4. the transcript and the polish show, never act
ESCAPES = ["\x1b[2J", "\x1b]0;标题\x07", "\x9b31m", "\u202e", "\x07", "\x1b[31m红\x1b[0m", "\x00", "\u2066", "\x7f", "\x08\x08"]


def raw_controls(text: str) -> set[str]:
    from gkassist.core.controls import CONTROL

    return set(CONTROL.findall(text))


@pytest.mark.parametrize("escape", ESCAPES)
def test_the_headless_transcript_shows_control_characters_as_escapes(tmp_path, capsys, escape):
    import io

    from gkassist import headless
    from gkassist.dialogue import Engine
    from gkassist.importer import import_file

    seed = tmp_path / "去年.json"  # last year's agency, read from the file (a text file holds no NUL: JSON)
    data = json.loads((SAMPLES / "2020_guojiazhen_seed.json").read_text(encoding="utf-8"))
    seed.write_text(json.dumps(dict(data, agency=data["agency"].replace("郭家镇", f"郭家{escape}镇")), ensure_ascii=False),
                    encoding="utf-8")
    assert main(["draft", "--from", str(seed), "--year", "2021", "--answers", str(answers(tmp_path)),
                 "-o", str(tmp_path / "r.md")]) == 0
    out = capsys.readouterr()
    assert not raw_controls(out.out + out.err)
    assert any(f"\\u{ord(c):04x}" in out.out for c in escape)  # shown, not dropped
    engine = Engine.start(import_file(SEED).report, 2021)  # and the clerk's own answers carry them
    transcript = io.StringIO()
    headless.run(engine, "", [f"自然人申请2件{escape}，予以公开2件", f"对{escape}", f"{escape}没有"], transcript)
    assert not raw_controls(transcript.getvalue()) and "我：自然人申请2件\\u" in transcript.getvalue()


def polish_with(monkeypatch, reply: str):
    from gkassist import llm
    from gkassist.dialogue import polish

    monkeypatch.setattr(llm, "ask_model", lambda *a: reply)
    from gkassist.core.model import load_report

    settings = llm.LLMSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="m")
    return polish.polish("全年主动公开政府信息120条，及时回应群众关切。", "", "主动公开", load_report(SAMPLE), None,
                         "overview", settings)


@pytest.mark.parametrize("escape", ESCAPES)
@pytest.mark.parametrize("at", ["start", "middle", "end"])
def test_a_polish_reply_with_control_characters_is_refused(monkeypatch, escape, at):
    body = "全年主动公开政府信息120条，切实回应群众关切。"
    reply = {"start": escape + body, "middle": body[:6] + escape + body[6:], "end": body + escape}[at]
    result = polish_with(monkeypatch, reply)
    if escape.strip() and raw_controls(escape.strip()):
        assert not result.accepted and "控制字符" in result.reason and not raw_controls(result.text)
    assert polish_with(monkeypatch, body).accepted  # the same words without them: offered


def test_a_refused_polish_never_reaches_the_draft_or_the_screen(monkeypatch):
    from gkassist import llm
    from gkassist.dialogue import Engine
    from gkassist.importer import import_file

    monkeypatch.setenv("GKASSIST_LLM_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("GKASSIST_LLM_MODEL", "m")
    monkeypatch.setattr(llm, "ask_model", lambda *a: "全年主动公开政府信息20条\x1b[2J\x1b]0;x\x07，\u202e回应关切。")
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("overview_proactive")
    engine.answer("公开信息20条")
    replies = engine.answer("润色") + engine.answer("对")
    assert not any(raw_controls(r.text) for r in replies)
    assert not any(raw_controls(p) for paragraphs in engine.report.sections.values() for p in paragraphs)


# ------------------------------------------------------------------ 7. the TUI's header
@pytest.mark.parametrize("escape", ["\x1b[31m", "\x1b[2J", "\x9b7m", "\x1b]0;x\x07", "\u202e", "[b]粗[/b]\x1b[0m"])
def test_the_tui_shows_no_raw_control_sequence_from_the_agency(monkeypatch, escape):
    import asyncio

    from gkassist import corpus
    from gkassist.dialogue import Engine
    from gkassist.importer import import_file
    from gkassist.tui.app import DraftApp
    from gkassist.tui.widgets import ChatBubble

    monkeypatch.setattr(corpus, "warm_up", lambda: None)
    report = import_file(SEED).report
    report.agency = report.agency.replace("郭家镇", f"郭家{escape}镇")
    app = DraftApp(Engine.start(report, 2021))
    shown = {}

    async def run():
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            shown["title"] = str(app.query_one("#title").render())
            shown["bubbles"] = "\n".join(b.text for b in app.query(ChatBubble))
            shown["side"] = str(app.query_one("#side").render())

    asyncio.run(run())
    assert f"郭家{visible_of(escape)}镇" in shown["title"], shown["title"]
    assert not any(raw_controls(text) for text in shown.values())


def visible_of(text: str) -> str:
    from gkassist.core.controls import visible

    return visible(text)


# ------------------------------------------------------------------ 5. Markdown: links and images inert
TARGETS = ["javascript:alert(1)", "http://x.invalid/a.png", "https://x.invalid/?q=1", "data:image/png;base64,AAAA",
           "JaVaScRiPt:alert(1)", "//x.invalid/p.gif", "x.png \"title\""]
LIVE = ["[x]({t})", "![i]({t})", "![]({t})", "[链接][1]\n\n[1]: {t}", "[x]( {t} )", "![i][r]\n[r]: {t}", "<{t}>", "{t}",
        "www.x.invalid/{t}", "[![i]({t})]({t})"]


FIELDS = ["agency", "overview", "preface", "extra line", "problems"]


# Every form in every field in the whole suite; in the inner loop each form once and each field twice (a diagonal).
@pytest.mark.parametrize("field, live", [
    pytest.param(field, live, marks=() if i % len(FIELDS) == j else pytest.mark.slow)
    for j, field in enumerate(FIELDS) for i, live in enumerate(LIVE)])
def test_links_and_images_in_report_text_are_inert_in_the_markdown(tmp_path, sample_2024, live, field):
    from markdown_it import MarkdownIt

    from gkassist.importer import import_file
    from gkassist.output import render_text

    texts = [live.format(t=t) for t in TARGETS]
    for text in texts:
        if field == "agency":
            sample_2024.agency = f"石桥镇{text}"
        elif field == "overview":
            sample_2024.sections["overview"][0] += text
        elif field == "preface":
            sample_2024.preface.append(text)
        elif field == "extra line":
            sample_2024.extra_lines["requests"] = [text]
        else:
            sample_2024.sections["problems"].append(text)
        md = render_text(sample_2024, ".md")
        page = MarkdownIt("gfm-like").render(md)  # GitHub-like: tables, autolinks of bare addresses
        assert "<a " not in page and "<img" not in page, (text, [line for line in page.splitlines() if "<a " in line or "<img" in line])
        if field == "overview":
            path = tmp_path / "r.md"
            path.write_text(md, encoding="utf-8")
            assert text.splitlines()[0] in import_file(path).report.sections["overview"][0]  # read back as written


# ------------------------------------------------------------------ 6. figures in words in a polish
def figure_forms() -> dict[str, list[tuple[str, str]]]:
    """(the exact figure a clerk wrote, a wording that states another figure near it), by class, generated from the
    data (prompts/figure_words.yaml) and the numerals."""
    from gkassist.core.wordfigures import figure_words

    words = figure_words()
    numbers = [("十", "10"), ("百", "100"), ("千", "1000"), ("二十", "20"), ("一百", "100"), ("三百", "300"), ("20", "20"),
               ("100", "100")]
    digits = "一二三四五六七八九"
    forms = {
        "before": [(exact, f"{word}{n}") for word in words.before for n, exact in numbers],
        "after": [(exact, f"{n}{word}") for word in words.after for n, exact in numbers if not n.isdigit() or word != "来"],
        "range": [(str(i + 1), f"{a}{b}") for i, a in enumerate(digits) for b in digits[i + 1:]]
        + [(str((i + 1) * 10), f"{a}{b}十") for i, a in enumerate(digits) for b in digits[i + 1:]]
        + [("2", "两三"), ("3", "仨四")],
        # 廿 is 20 exactly: beside a clerk's “20条” it restates it (offered, below); beside another figure it is refused
        "numeral": [(str(value + 100), ch) for ch, value in (("廿", 20), ("卅", 30), ("卌", 40), ("卄", 20))]
        + [("20", f"{ch}一") for ch in "廿卄"],
        "multiple": [("1", word) for word, token in words.multiples.items() if token]
        + [("1", f"翻了{n}番") for n in "一两三"] + [("1", f"翻{n}番") for n in "一两"],
        "kept refusing": [("1", "两倍"), ("1", "十余"), ("1", "近百"), ("1", "十几"), ("1", "数十"), ("1", "上百")],
    }
    return forms


@pytest.mark.parametrize("kind", ["before", "after", "range", "numeral", "multiple", "kept refusing"])
def test_a_polish_stating_a_figure_in_words_is_refused_even_beside_the_plain_figure(monkeypatch, kind):
    accepted = []
    for exact, wording in figure_forms()[kind]:
        original = f"全年主动公开政府信息{exact}条，及时回应群众关切。"
        reply = f"全年主动公开政府信息{wording}条，及时回应群众关切。"
        result = polish_with_original(monkeypatch, original, reply)
        if result.accepted:
            accepted.append(wording)
    assert not accepted, accepted
    assert len(figure_forms()[kind]) >= 4


@pytest.mark.parametrize("original, reworded", [
    ("全年主动公开政府信息逾百条，及时回应群众关切。", "全年主动公开政府信息逾百条，及时回应了群众关切。"),
    ("全年主动公开政府信息百余条，及时回应群众关切。", "全年共主动公开政府信息一百余条，及时回应群众关切。"),
    ("全年主动公开政府信息七八条，及时回应群众关切。", "全年主动公开政府信息七八条，及时回应群众的关切。"),
    ("全年主动公开政府信息廿条，及时回应群众关切。", "全年主动公开政府信息二十条，及时回应群众关切。"),
    ("公开数量较上年翻了一番，及时回应群众关切。", "公开数量较上年翻一番，及时回应了群众关切。"),
    ("全年主动公开政府信息120条，完成3件答复。", "全年主动公开政府信息一百二十条，完成了3件答复。"),
])
def test_a_polish_keeping_the_figures_in_words_is_still_offered(monkeypatch, original, reworded):
    assert polish_with_original(monkeypatch, original, reworded).accepted


def polish_with_original(monkeypatch, original: str, reply: str):
    from gkassist import llm
    from gkassist.core.model import load_report
    from gkassist.dialogue import polish

    monkeypatch.setattr(llm, "ask_model", lambda *a: reply)
    settings = llm.LLMSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="m")
    return polish.polish(original, "", "主动公开", load_report(SAMPLE), None, "overview", settings)


def test_the_figure_words_are_validated_when_loaded(tmp_path, monkeypatch):
    from gkassist.core import wordfigures
    from gkassist.core.errors import InputError

    bad = tmp_path / "figure_words.yaml"
    bad.write_text("numerals:\n  廿廿: 二十\nbefore: {}\nafter: {}\nmultiples: {}\n", encoding="utf-8")
    monkeypatch.setattr("gkassist.paths.resource_dir", lambda name: tmp_path)
    wordfigures.figure_words.cache_clear()
    try:
        with pytest.raises(InputError, match="figure_words.yaml：第1行：numerals 的“廿廿”应为一个字"):
            wordfigures.figure_words()
    finally:
        wordfigures.figure_words.cache_clear()


# ------------------------------------------------------------------ 9. a .docx whose zip headers lie about sizes
@pytest.fixture(scope="module")
def lying_docxes():
    from faultfiles import lying_docx

    return {"deflate 400 MB": lying_docx("deflate", 400 << 20), "bzip2 50 MB": lying_docx("bzip2", 50 << 20),
            "lzma 48 MB": lying_docx("lzma", 48 << 20), "deflate 30 MB declared 20 KB": lying_docx("deflate", 30 << 20),
            "stored 15 MB declared 20 KB": lying_docx("stored", 15 << 20)}


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["deflate 400 MB", "bzip2 50 MB", "lzma 48 MB", "deflate 30 MB declared 20 KB",
                                  "stored 15 MB declared 20 KB"])
def test_a_docx_lying_about_its_sizes_is_bounded_by_what_is_inflated(tmp_path, lying_docxes, kind):
    import time
    import tracemalloc

    from gkassist.core.errors import InputError
    from gkassist.importer import import_file

    path = tmp_path / "lie.docx"
    path.write_bytes(lying_docxes[kind])
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(InputError) as e:
            import_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 3 and peak < 100 << 20, (time.monotonic() - started, peak >> 20)
    words = "解压后超过 40 MB" if "declared" not in kind else "已损坏"
    assert words in str(e.value) and str(e.value).startswith(str(path))


@pytest.mark.slow
@pytest.mark.parametrize("command", ["import", "check", "corpus add", "render"])
def test_every_command_reading_word_refuses_the_lying_docx(tmp_path, capsys, lying_docxes, command):
    path = tmp_path / "lie.docx"
    path.write_bytes(lying_docxes["bzip2 50 MB"])
    argv = command.split() + [str(path)] + (["-o", str(tmp_path / "r.txt")] if command == "render" else [])
    assert main(argv) == 2
    assert "解压后超过 40 MB" in capsys.readouterr().err


@pytest.mark.parametrize("method", [zipfile_method for zipfile_method in (0, 8, 12, 14)])
def test_a_whole_docx_of_every_method_zip_allows_still_reads(tmp_path, method):
    from faultfiles import docx_bytes, seed_body
    from gkassist.importer import import_file

    path = tmp_path / "r.docx"
    path.write_bytes(docx_bytes(seed_body(), method))
    assert import_file(path).report.agency == "德惠市郭家镇人民政府"


# ------------------------------------------------------------------ 8. HTML read with the work bounded
def seed_page(inside: str = "", around: tuple[str, str] = ("", "")) -> str:
    body = "".join(f"<p>{line}</p>" for line in SEED.read_text(encoding="utf-8").splitlines())
    return f"<html><head><title>年报</title></head><body>{around[0]}{body}{inside}{around[1]}</body></html>"


BIG_PAGES = {
    "4.9 million <td>": lambda: seed_page("<table><tr>" + "<td>" * 4_900_000 + "</table>"),
    "2 million cells": lambda: seed_page("<table>" + "<tr><td>1<td>2" * 1_000_000 + "</table>"),
    "250-deep divs": lambda: seed_page(around=("<div>" * 250, "</div>" * 250)),
    "1000-deep spans": lambda: seed_page(around=("<span>" * 1000, "</span>" * 1000)),
    "nested tables": lambda: seed_page(around=("<table><tr><td>" * 200, "</td></tr></table>" * 200)),
    "nested lists": lambda: seed_page(around=("<ul><li>" * 300, "</li></ul>" * 300)),
    "3 million <br>": lambda: seed_page("<br>" * 3_000_000),
    "a million empty <p>": lambda: seed_page("<p></p>" * 1_000_000),
    "80-deep divs around 4 MB of text": lambda: seed_page("<p>" + "字" * 4_000_000 + "</p>", ("<div>" * 80, "</div>" * 80)),
}


@pytest.mark.parametrize("page", [pytest.param(p, marks=pytest.mark.slow) if p.startswith("4.9") else p for p in BIG_PAGES])
def test_a_page_asking_for_too_much_work_is_refused_quickly(tmp_path, page):
    import time

    from gkassist.core.errors import InputError
    from gkassist.importer import import_file

    path = tmp_path / "page.html"
    path.write_text(BIG_PAGES[page](), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(InputError) as e:
        import_file(path)
    assert time.monotonic() - started < 5  # reading the 20 MB file included; it took 46 s and 690 MB
    said = str(e.value)
    assert said.startswith(f"{path}：") and ("元素" in said or "嵌套" in said or "过于复杂" in said), said


@pytest.mark.parametrize("depth, cells", [(60, 0), (0, 4_000), (40, 3_000)])
def test_a_deep_or_large_page_within_the_bounds_still_reads(tmp_path, depth, cells):
    from gkassist.importer import import_file

    path = tmp_path / "page.html"
    path.write_text(seed_page("<table>" + "<tr><td>x</td></tr>" * (cells // 2) + "</table>" if cells else "",
                              ("<div>" * depth, "</div>" * depth)), encoding="utf-8")
    assert import_file(path).report.agency == "德惠市郭家镇人民政府"


def test_a_page_past_its_seconds_is_refused(tmp_path, monkeypatch):
    from gkassist.core.errors import InputError
    from gkassist.importer import html_reader, import_file

    monkeypatch.setattr(html_reader, "SECONDS", 0.0)  # every page is past it: the clock is looked at as it reads
    path = tmp_path / "page.html"
    path.write_text(seed_page(), encoding="utf-8")
    with pytest.raises(InputError, match="读取超过0秒仍未完成"):
        import_file(path)


# ------------------------------------------------------------------ 10. Windows: no signal to ask, no fork to bound
class FakeKernel32:
    """Windows' kernel32 as the liveness check uses it: processes by id → exit code (259 while running), or the
    error OpenProcess gives (87 no such process, 5 access denied)."""

    def __init__(self, processes: dict[int, int | str], exit_code_fails: bool = False):
        self.processes, self.exit_code_fails, self.opened, self.closed = processes, exit_code_fails, [], []
        self.error = 0

    def OpenProcess(self, access, inherit, pid):
        assert access == 0x1000 and not inherit  # query only: never a right to terminate
        state = self.processes.get(pid, "gone")
        if state == "gone":
            self.error = 87
            return 0
        if state == "denied":
            self.error = 5
            return 0
        self.opened.append(pid)
        return 1000 + pid

    def GetExitCodeProcess(self, handle, code):
        if self.exit_code_fails:
            return 0
        code._obj.value = self.processes[handle - 1000]
        return 1

    def CloseHandle(self, handle):
        self.closed.append(handle)
        return 1


@pytest.fixture
def windows(monkeypatch):
    """The Windows branches selected on Linux; os.kill fails the test if anything still signals."""
    from gkassist.core import processes

    def no_signal(*args):
        raise AssertionError(f"os.kill{args} on Windows terminates that process")

    kernel = FakeKernel32({})
    monkeypatch.setattr(processes, "WINDOWS", True)
    monkeypatch.setattr(processes, "_kernel32", lambda: kernel)
    monkeypatch.setattr(processes, "_last_error", lambda: kernel.error)
    monkeypatch.setattr(os, "kill", no_signal)
    return kernel


@pytest.mark.parametrize("state, alive", [(259, True), (0, False), (1, False), ("gone", False), ("denied", True),
                                          ("exit code unknown", True)])
def test_the_windows_liveness_check_opens_the_process_for_query_and_never_signals(windows, state, alive):
    from gkassist.core.processes import process_alive

    windows.processes[4242] = 259 if state == "exit code unknown" else state
    windows.exit_code_fails = state == "exit code unknown"
    assert process_alive(4242) is alive
    assert windows.closed == [1000 + 4242 for _ in windows.opened]  # every handle opened is closed
    assert process_alive(0) is False and process_alive(-1) is False


@pytest.mark.parametrize("holder", ["live", "exited", "gone", "another user's"])
def test_the_draft_lock_on_windows_refuses_a_live_holder_and_takes_over_a_dead_one(windows, tmp_path, holder):
    from gkassist.core.errors import InputError
    from gkassist.dialogue.session import DraftLock

    draft = tmp_path / "2025_石桥镇.json"
    draft.write_text("{}", encoding="utf-8")
    lock = draft.with_suffix(".lock")
    lock.write_text("4242")
    windows.processes[4242] = {"live": 259, "exited": 0, "gone": "gone", "another user's": "denied"}[holder]
    if holder in ("live", "another user's"):
        with pytest.raises(InputError, match="正在被另一个 gkassist（进程 4242）使用"):
            DraftLock(draft).acquire()
        assert lock.read_text() == "4242"
    else:
        with DraftLock(draft) as held:
            assert held.held and lock.read_text() == str(os.getpid())
        assert not lock.exists()


def test_the_posix_liveness_check_knows_this_process_and_a_gone_one():
    from gkassist.core.processes import process_alive

    assert process_alive(os.getpid()) and process_alive(os.getppid())
    assert not process_alive(999_999_999) and not process_alive(2**70)


@pytest.fixture
def spawned(monkeypatch):
    """run_bounded as on Windows: no fork, no RLIMIT, no SIGALRM — a spawned child, timed by the parent."""
    from gkassist.core import limits

    monkeypatch.setattr(limits, "FORK_WITH_LIMITS", False)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("fork on a system without it"))
    return limits


@pytest.mark.slow
def test_a_bounded_step_without_fork_is_a_spawned_child_ended_on_time(spawned, tmp_path):
    import time

    from gkassist.core.errors import InputError
    from gkassist.core.files import read_bytes

    run_bounded = spawned.run_bounded
    assert run_bounded("x", sum, [1, 2, 3]) == 6
    assert run_bounded("x", os.getpid) != os.getpid()  # another process
    started = time.monotonic()
    with pytest.raises(InputError, match="^x：读取超过1秒仍未完成"):
        run_bounded("x", time.sleep, 60, seconds=1)
    assert time.monotonic() - started < 4
    with pytest.raises(InputError, match="^x：读取时用尽了内存或出错退出"):
        run_bounded("x", os.abort)  # what pdfium does when it cannot allocate
    with pytest.raises(InputError, match="^x：读取时用尽了内存（"):
        run_bounded("x", bytearray, 2**62)
    with pytest.raises(InputError, match=f"^{tmp_path}/无.txt：文件不存在$"):  # its own message, passed on
        run_bounded("x", read_bytes, tmp_path / "无.txt")


@pytest.mark.slow
def test_what_a_spawned_child_sends_back_is_bounded(spawned, monkeypatch):
    from gkassist.core.errors import InputError

    monkeypatch.setattr(spawned, "MAX_RESULT_BYTES", 10_000)
    assert spawned.run_bounded("x", bytes, 5_000) == bytes(5_000)
    with pytest.raises(InputError, match="^x：读出的内容超过"):
        spawned.run_bounded("x", bytes, 20_000)


@pytest.mark.slow
def test_pdfs_are_read_and_bounded_in_a_spawned_child_without_fork(spawned, tmp_path):
    from faultfiles import pdf_bytes
    from gkassist.core.errors import InputError
    from gkassist.importer.pdf_reader import pdf_text
    from support import PUBLISHED

    assert "政府信息公开" in pdf_text(PUBLISHED / "2019_shanghai_szfbgt_lo.pdf")
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf_bytes(b"BT /F1 12 Tf 72 700 Td " + b"(a) Tj " * 200_000 + b"ET"))
    with pytest.raises(InputError):
        pdf_text(path)


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
