"""Faults (issue #30): control characters (terminal escapes, bidi overrides, NUL) in an agency, a file name or an
answer are shown as escapes, never acted on — in the audit's workbook and page, the headless transcript, the
TUI's header — and links and images in report text are inert in the Markdown output."""

import json

import pytest

from faultfiles import ESCAPES, answers, raw_controls
from gkassist.cli import main
from support import SAMPLES, SEED, settle

SAMPLE = SAMPLES / "2024_shiqiaozhen.json"


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
