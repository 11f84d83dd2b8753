import html as html_lib
import io
import json
import re
import shutil
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn

from gkassist.output import render_bytes, render_text
from support import EXPECTED, SHARED


def test_seed_renders_to_the_expected_text(seed_report):
    assert render_text(seed_report, ".txt") == (EXPECTED / "2020_guojiazhen_seed.txt").read_text(encoding="utf-8")


def test_seed_text_keeps_the_seed_numbers_and_narrative(seed_report):
    text = render_text(seed_report, ".txt")
    seed = (SHARED / "seeds" / "000_7a4690d65c5df8d4.txt")
    source = seed.read_text(encoding="utf-8") if seed.exists() else ""
    for line in ("一、总体情况", "五、存在的主要问题及改进情况", "本年度无其他需要报告的事项。",
                 "2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）：18",
                 "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"):
        assert line in text
    for para in seed_report.sections["overview"]:
        assert para in text and (not source or para in source)


def test_2021_sample_renders_to_the_expected_markdown(sample_2024):
    assert render_text(sample_2024, ".md") == (EXPECTED / "2024_shiqiaozhen.md").read_text(encoding="utf-8")


def test_text_table_aligns_wide_characters(sample_2024):
    from gkassist.output.grids import display_width

    lines = render_text(sample_2024, ".txt").splitlines()
    start = lines.index("申请人情况" + lines[lines.index("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）") + 2][5:])
    table = lines[start:start + 26]
    assert len(table) == 26 and all(line.count(" | ") == 7 for line in table)  # the header and 25 rows, 8 cells each
    # every “|” stands at the same place on the screen in every line (Chinese characters are two columns wide)
    bars = {tuple(display_width(line[:i]) for i, ch in enumerate(line) if ch == "|") for line in table}
    assert len(bars) == 1
    # numbers are right-aligned: each number cell ends just before the next bar
    row = table[1].split(" | ")
    assert all(cell == cell.rstrip() and (cell.strip().isdigit() or not cell.strip()) for cell in row[1:-1])


def test_html_has_official_merged_headers_and_escapes_user_text(sample_2024):
    sample_2024.agency = "<script>alert(1)</script>镇"
    sample_2024.sections["other"] = ["费用 < 1 & 无"]
    html = render_text(sample_2024, ".html")
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "费用 &lt; 1 &amp; 无" in html
    assert '<th class="head" rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>' in html
    assert '<th class="head" colspan="5">法人或其他组织</th>' in html
    assert '<th class="group" rowspan="22">三、本年度办理结果</th>' in html
    assert '<th class="group" rowspan="8">（三）不予公开</th>' in html
    assert '<th class="head" colspan="5">行政复议</th><th class="head" colspan="10">行政诉讼</th>' in html


def _merge_partition(table):
    """Positions grouped by the Word cell that covers them, with the cell's text (spaces removed)."""
    groups = {}
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            key = id(cell._tc)
            groups.setdefault(key, [cell, []])[1].append((r, c))
    return sorted((tuple(pos), "".join(cell.text.split())) for cell, pos in groups.values())


def test_docx_layout_fonts_and_tables(sample_2024):
    doc = Document(io.BytesIO(render_bytes(sample_2024, ".docx")))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert (round(section.top_margin.mm), round(section.bottom_margin.mm), round(section.left_margin.mm),
            round(section.right_margin.mm)) == (37, 35, 28, 26)
    title = doc.paragraphs[0].runs[0]
    assert title.text == "青岚县石桥镇人民政府" and title.font.size.pt == 22
    assert title._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    body = next(p for p in doc.paragraphs if p.text.startswith("（一）主动公开"))
    assert body.runs[0].font.size.pt == 16
    # the 二级标题 in 楷体, the paragraph after it in 仿宋
    assert body.runs[0].text == "（一）主动公开。"
    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    assert body.runs[1]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    headings = [p.text for p in doc.paragraphs if p.text[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
    assert headings == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    t2, t3, t4 = doc.tables
    assert (len(t2.rows), len(t2.columns), len(t3.rows), len(t3.columns), len(t4.rows), len(t4.columns)) == (14, 4, 28, 10, 4, 15)
    assert t3.style.name == "Table Grid"
    assert [c.text for c in t3.rows[3].cells] == ["一、本年新收政府信息公开申请数量"] * 3 + ["5", "2", "0", "0", "0", "0", "7"]
    assert t4.rows[3].cells[4].text == "1"


@pytest.mark.skipif(not (SHARED / "spec" / "official-template-2021.docx").exists(), reason="no template")
def test_docx_tables_match_the_official_template_structure(sample_2024):
    official = Document(str(SHARED / "spec" / "official-template-2021.docx"))
    ours = Document(io.BytesIO(render_bytes(sample_2024, ".docx")))
    assert len(official.tables) == len(ours.tables) == 3
    compared = 0
    for theirs, mine in zip(official.tables, ours.tables):
        their_groups = _merge_partition(theirs)
        my_groups = _merge_partition(mine)
        assert [g[0] for g in my_groups] == [g[0] for g in their_groups]
        # header labels the same, word for word (the template breaks some over lines); number cells are blank there
        for (pos, their_text), (_, my_text) in zip(their_groups, my_groups):
            if their_text and not my_text.replace(".", "").isdigit():
                assert my_text == their_text.replace("1、", "1.").replace("2、", "2.").replace("3、", "3."), pos
                compared += 1
    assert compared >= 50  # every label of the three tables, not a loop that silently compared nothing


def test_docx_columns_follow_the_template_and_pages_are_numbered(sample_2024):
    """LibreOffice lays tables out by tblGrid: 表三's label columns must be wide there, not ten equal columns."""
    doc = Document(io.BytesIO(render_bytes(sample_2024, ".docx")))
    t2, t3, t4 = doc.tables
    grid = lambda t: [int(c.get(qn("w:w"))) for c in t._tbl.tblGrid.findall(qn("w:gridCol"))]  # noqa: E731
    widths = grid(t3)
    assert len(widths) == 10 and widths[2] > 4 * widths[3] and len(set(widths[3:])) == 1
    assert abs(sum(widths) - 156 / 25.4 * 1440) < 10  # the GB/T 9704 text width, not wider
    assert t3._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert len(set(grid(t4))) == 1 and len(set(grid(t2))) == 1
    footer = doc.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer and "— " in footer and " —" in footer
    # 表三's three header rows repeat after a page break; no row is split between pages
    repeated = [tr.trPr.find(qn("w:tblHeader")) is not None for tr in t3._tbl.tr_lst]
    assert repeated[:4] == [True, True, True, False] and not any(repeated[4:])
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in t3._tbl.tr_lst)


# Every amount in every format in the whole suite; Word files (~0.3 s each) for two of the amounts in the inner loop.
@pytest.mark.parametrize("suffix, amount", [
    pytest.param(suffix, amount, marks=pytest.mark.slow if suffix == ".docx" and amount not in (25.1, 0) else ())
    for suffix in (".txt", ".md", ".html", ".docx") for amount in (25.1, 0.35, 1234.5678, 12, 0)])
def test_an_amount_whose_label_has_no_unit_states_it_and_reads_back_the_same(seed_report, tmp_path, suffix, amount):
    """2019's 采购总金额 is kept in 万元 with a label stating no unit: printed “25.1万元”, the label verbatim, and read
    back as the same figure (251000元 in the source is not 25.1 to whoever opens the output)."""
    from gkassist.importer import import_file

    seed_report.set_cell("t2", "procurement", "procurement_amount", amount)
    seed_report.set_cell("t2", "procurement", "procurement_items", 3)
    data = render_bytes(seed_report, suffix)
    if suffix == ".docx":
        doc = Document(io.BytesIO(data))
        shown = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    else:
        shown = data.decode("utf-8")
    figure = str(amount)
    if suffix == ".docx":
        (row,) = [row for row in shown if row[0] == "政府集中采购"]
        assert row[1:] == ["3"] + [f"{figure}万元"] * (len(row) - 2) and any("采购总金额" in row for row in shown)
    else:
        assert f"{figure}万元" in shown and "采购总金额" in shown and "采购总金额（" not in shown
    path = tmp_path / f"back{suffix}"
    path.write_bytes(data)
    back = import_file(path).report
    assert back.cell("t2", "procurement", "procurement_amount") == amount
    assert back.tables == seed_report.tables


def test_a_unit_its_label_states_is_not_repeated_in_the_cell(sample_2024):
    seed = sample_2024
    seed.set_cell("t2", "fees", "fee_amount", 3.5)
    text = render_text(seed, ".txt")
    assert "本年收费金额（单位：万元）" in text and "3.5万元" not in text and " 3.5" in text


def _keeps_with_next(tr) -> bool:
    """Every paragraph of a table row keeps with the next (Word's and LibreOffice's “keep the table together”)."""
    paragraphs = list(tr.iter(qn("w:p")))
    return bool(paragraphs) and all(p.pPr is not None and p.pPr.keepNext_val for p in paragraphs)


@pytest.mark.parametrize("sample", ["sample_2024", "seed_report"])
def test_docx_tables_move_whole_or_break_between_blocks(sample, request):
    """表三 and 表四 are kept together (every row but the last keeps with the next, no row splits) and repeat their
    header rows if they still split; 表二 (2021: four blocks, 2019: six) breaks only between its blocks, none of which
    repeats another's header."""
    report = request.getfixturevalue(sample)
    doc = Document(io.BytesIO(render_bytes(report, ".docx")))
    t2, t3, t4 = doc.tables
    for table in (t3, t4):
        rows = table._tbl.tr_lst
        assert [_keeps_with_next(tr) for tr in rows] == [True] * (len(rows) - 1) + [False]
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    rows = t2._tbl.tr_lst
    block_titles = [i for i, tr in enumerate(rows) if len(tr.tc_lst) == 1]
    blocks = report.format.t2.blocks
    assert len(block_titles) == len(blocks) and block_titles[0] == 0
    kept = [_keeps_with_next(tr) for tr in rows]
    assert [i for i, k in enumerate(kept) if not k] == [i - 1 for i in block_titles[1:]] + [len(rows) - 1]
    assert not any(tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows)
    # the body lies on the lines of the page: no space between paragraphs, no widow control moving lines away
    body = [p for p in doc.paragraphs if p.text in report.paragraphs("overview")]
    assert body and all(p.paragraph_format.space_after == 0 and p.paragraph_format.widow_control is False for p in body)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"), reason="LibreOffice not installed")
def test_libreoffice_moves_table_three_whole_to_the_next_page(sample_2024, tmp_path):
    """Drafts whose 一 is longer or shorter, so that 表三 would start anywhere on a page (without keeping it together
    it splits at 2, 3, 5 and 6 sentences a paragraph): it is always whole on one page, its heading with it; and page 1
    is filled to its last line (no space after paragraphs, no widow control leaving lines empty)."""
    names = []
    for n in (2, 3, 5, 6):
        sample_2024.sections["overview"] = [f"（{c}）{topic}。" + "全年按照条例规定的时限和程序开展工作，及时回应群众关切，确保公开内容准确。" * n
                                            for c, topic in zip("一二三四五", ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"))]
        names.append(str(tmp_path / f"r{n}.docx"))
        (tmp_path / f"r{n}.docx").write_bytes(render_bytes(sample_2024, ".docx"))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *names],
                   check=True, capture_output=True, timeout=300)
    for name in names:
        pdf = name.replace(".docx", ".pdf")
        pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout.split("\f")
        (page,) = [p for p in pages if "三、收到和处理政府信息公开申请情况" in p]
        for label in ("一、本年新收政府信息公开申请数量", "1.属于国家秘密", "（七）总计", "四、结转下年度继续办理"):
            assert label in page.replace(" ", ""), (name, label)
        first = [line for line in pages[0].splitlines() if line.strip() and "—" not in line]
        assert len(first) >= 21, (name, len(first))  # 22 lines of 28 pt, the title's empty line under it


def test_html_reads_on_any_window_and_prints_on_a4(sample_2024):
    """A phone's window to a desktop's: the text a 公文 line wide at most, every table in its own scrolling box, the
    column heads broken only between words, the （一）–（五） leads in a 楷体 stack, A4 when printed; nothing fetched."""
    html = render_text(sample_2024, ".html")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert html.count('<div class="table-box">\n<table') == html.count("<table") == 3
    assert re.search(r"\.table-box \{ overflow-x: auto;", html) and "@page { size: A4;" in html
    assert re.search(r"article > h1, article > h2, article > p \{ max-width: 28em;", html)
    assert re.search(r"th\.head, th\.group \{ word-break: keep-all; \}", html)
    assert not re.search(r"url\(|@import|<link|<script|https?:", html)  # nothing fetched, nothing run
    kai = re.search(r"\.kai \{ font-family: ([^;]+);", html).group(1)
    assert "楷体" in kai and "KaiTi" in kai
    leads = re.findall(r'<p><span class="kai">([^<]+)</span>', html)
    assert leads == [p.split("。")[0] + "。" for p in sample_2024.sections["overview"] if re.match(r"（[一二三四五]）", p)]
    assert len(leads) == 5
    heads = re.findall(r'<th class="head"[^>]*>([^<]*)</th>', html)
    assert {"商业企业", "其他", "本年制发件数", "结果维持"} <= set(heads)


WIDTHS = [320, 375, 768, 1000, 1400]


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    """Chromium lays the page out once in a window of each width (an iframe each: headless windows are at least 500
    px), one browser start for all of them; what each frame measured, by width."""
    from gkassist.core.model import load_report
    from support import SAMPLES

    folder = tmp_path_factory.mktemp("widths")
    (folder / "r.html").write_text(render_text(load_report(SAMPLES / "2024_shiqiaozhen.json"), ".html"), encoding="utf-8")
    frames = "".join(f'<iframe class=f data-width={w} src="r.html" style="display:block;width:{w}px;height:800px;border:0">'
                     "</iframe>" for w in WIDTHS)
    (folder / "w.html").write_text(f"""<html><body>{frames}<script>
const measure = f => {{ const d = f.contentDocument, w = d.defaultView;
  const broken = [...d.querySelectorAll('th')].filter(th => {{ const r = d.createRange(); r.selectNodeContents(th);
    return /^[\\u4e00-\\u9fff]+$/.test(th.textContent) && r.getClientRects().length > 1; }}).map(th => th.textContent);
  const kai = d.querySelector('.kai'), font = kai ? w.getComputedStyle(kai).fontFamily : '';
  document.body.setAttribute('data-w' + f.dataset.width,
    JSON.stringify({{scroll: d.documentElement.scrollWidth, inner: w.innerWidth, broken, font}})); }};
// a frame may have finished loading before this script ran (a busy machine): measure it now, else when it loads
for (const f of document.querySelectorAll('iframe.f'))
  if (f.contentDocument && f.contentDocument.readyState === 'complete' && f.contentDocument.querySelector('th')) measure(f);
  else f.onload = () => measure(f);
</script></body></html>""", encoding="utf-8")
    measured: dict[int, dict] = {}
    for _ in range(3):  # a loaded machine can end chromium's virtual time before every frame has loaded: run it again
        dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                              "--virtual-time-budget=5000", "--dump-dom", (folder / "w.html").as_uri()],
                             capture_output=True, text=True, timeout=120).stdout
        measured |= {int(w): json.loads(html_lib.unescape(found)) for w, found in re.findall(r'data-w(\d+)="([^"]*)"', dom)}
        if set(measured) >= set(WIDTHS):
            break
    return measured


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("chromium"), reason="chromium not installed")
@pytest.mark.parametrize("width", WIDTHS)
def test_html_in_a_browser_never_scrolls_sideways_nor_breaks_a_head(laid_out, width):
    """In a window of `width` px the page is no wider than the window, and no column head of Chinese characters only
    (商业企业, 其他) is on two lines."""
    found = laid_out[width]
    assert found["inner"] == width and found["scroll"] <= width, found
    assert found["broken"] == [], found
    assert "楷体" in found["font"] or "KaiTi" in found["font"]
