"""Round trips through every format the product renders, and the bad input the importer must survive."""
import json

import pytest

from gkassist.core.errors import InputError
from gkassist.core.files import MAX_INPUT_BYTES
from gkassist.core.model import load_report
from gkassist.importer import import_file
from gkassist.output import render_bytes
from support import CORPUS, SAMPLES, SEED

SAMPLE_JSONS = sorted(p.name for p in SAMPLES.glob("*.json"))
CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def _comparable(report):
    data = json.loads(report.to_json())
    data.pop("origin")
    data.pop("imported")  # what the import found about the file it read (unread cells, headings as printed)
    return data


def _round_trip(report, suffix, tmp_path):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(render_bytes(report, suffix))
    return import_file(path)


# Word files take ~0.3 s each to write: two samples (the 2020 format's seed and a 2024 report) go through Word in the
# inner loop, every sample in the whole suite; the text formats take every sample everywhere.
DOCX_IN_THE_INNER_LOOP = ("2020_guojiazhen_seed.json", "2024_shiqiaozhen.json")


@pytest.mark.parametrize("name, suffix", [
    pytest.param(name, suffix, marks=pytest.mark.slow if suffix == ".docx" and name not in DOCX_IN_THE_INNER_LOOP else ())
    for name in SAMPLE_JSONS for suffix in (".txt", ".md", ".html", ".docx")])
def test_samples_round_trip(name, suffix, tmp_path):
    report = load_report(SAMPLES / name)
    result = _round_trip(report, suffix, tmp_path)
    assert not result.partial, result.summary()
    assert _comparable(result.report) == _comparable(report)


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus not present")
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx"])
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_round_trip(name, suffix, tmp_path):
    first = import_file(CORPUS / name).report
    again = _round_trip(first, suffix, tmp_path).report
    assert _comparable(again) == _comparable(first)


def test_blank_and_not_applicable_survive_a_round_trip(tmp_path):
    report = load_report(SAMPLES / "2024_shiqiaozhen.json")
    report.set_cell("t3", "new", "research", None)
    report.set_cell("t2", "rules", "issued", "/")
    for suffix in (".txt", ".md", ".html", ".docx"):
        again = _round_trip(report, suffix, tmp_path).report
        assert again.cell("t3", "new", "research") is None and again.cell("t2", "rules", "issued") == "/", suffix


def test_template_filled_by_our_renderer_reads_back(tmp_path):
    """The official blank template's structure, as our Word writer produces it, filled with the sample."""
    report = load_report(SAMPLES / "2024_qinglanxian_zfb.json")
    result = _round_trip(report, ".docx", tmp_path)
    assert result.read_cells == 200 and not result.unread
    assert result.report.cell("t3", "unable_1", "legal") == report.cell("t3", "unable_1", "legal")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_encodings(encoding, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode(encoding))
    result = import_file(path)
    assert result.report.agency == "德惠市郭家镇人民政府" and result.read_cells == 198


def test_variants_of_text_tables(tmp_path):
    report = load_report(SAMPLES / "2024_shiqiaozhen.json")
    text = render_bytes(report, ".txt").decode()
    # tab-separated, full-width digits, thousands separators
    tabbed = text.replace(" | ", "\t").replace("1", "１")
    path = tmp_path / "tabs.txt"
    path.write_text(tabbed, encoding="utf-8")
    result = import_file(path)
    assert result.report.cell("t3", "new", "total") == 7 and result.report.cell("t2", "licensing", "decisions") == 41
    spaced = text.replace(" | ", "   ").replace("行政许可         ", "行政许可").replace("41", "4,1")
    assert "4,1" in spaced
    path = tmp_path / "spaced.txt"
    path.write_text(spaced, encoding="utf-8")
    result = import_file(path)
    assert result.report.cell("t2", "licensing", "decisions") == 41  # “4,1” read with its thousands separator
    assert result.report.cell("t3", "new", "total") == 7


def test_html_page_with_navigation_finds_the_article(tmp_path):
    report = load_report(SAMPLES / "2024_dongchengjiedao.json")
    article = render_bytes(report, ".html").decode()
    body = article.split("<body>")[1].split("</body>")[0]
    page = f"""<html><head><title>东城街道</title></head><body><div class="nav"><a>首页</a><a>政务公开</a>
    <ul><li>一、总体情况（栏目）</li></ul></div><div class="main"><div class="article">{body}</div></div>
    <div class="footer">主办单位：某某 备案号 123456</div></body></html>"""
    path = tmp_path / "page.htm"
    path.write_text(page, encoding="utf-8")
    result = import_file(path)
    assert not result.partial and result.report.cell("t3", "new", "total") == 11


def test_pdf_of_huaian():
    if not (CORPUS / "2024_huaian_shi.pdf").exists():
        pytest.skip("no corpus")
    result = import_file(CORPUS / "2024_huaian_shi.pdf")
    assert result.read_cells == 200 and not result.partial
    assert result.report.sections["other"][0].startswith("2024 年，市政府严格落实")
    assert "- 2 -" not in "".join(result.report.sections["overview"])


# ------------------------------------------------------------------ bad input
def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize("name, data, words", [
    ("empty.txt", b"", "文件是空的"),
    ("binary.txt", bytes(range(256)) * 40, "二进制"),
    ("broken.docx", b"PK\x03\x04not really a zip", "损坏"),
    ("other.html", "<html><head><title>天气预报</title></head><body><p>今天晴</p></body></html>", "不是政府信息公开工作年度报告"),
    ("scan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "PDF"),
    ("novel.txt", "从前有座山，山里有座庙。" * 50, "没有读到可用的年度报告内容"),
])
def test_bad_files_get_a_chinese_message_naming_the_file(tmp_path, name, data, words):
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError) as e:
        import_file(path)
    assert str(path) in str(e.value) and words in str(e.value)


def test_a_50_mb_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_INPUT_BYTES
    with pytest.raises(InputError, match="50 MB"):
        import_file(path)


def test_truncated_table_is_partial_and_says_where(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    cut = text.index("（四）无法提供")
    path = _write(tmp_path, "cut.txt", text[:cut])
    result = import_file(path)
    assert result.partial and result.report.cell("t3", "open", "natural") == 0
    assert ("t3", "unable_1", "natural") in result.unread
    assert "未能读出" in result.summary() and "本机关不掌握相关政府信息" in result.summary()


def test_text_where_a_number_belongs(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    i = text.index("1.属于国家秘密")
    j = text.index("\t0", i)
    path = _write(tmp_path, "word.txt", text[:j] + "\t若干" + text[j + 2:])
    result = import_file(path)
    assert ("t3", "deny_1", "natural") in result.unread
    assert result.report.cell("t3", "deny_2", "natural") == 0


def test_two_reports_in_one_file(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    path = _write(tmp_path, "two.txt", text + "\n" + text)
    result = import_file(path)
    assert any("不止一份报告" in p for p in result.problems)
    assert result.report.sections["other"] == ["本年度无其他需要报告的事项。"]


def test_missing_row(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    start = text.index("\t2.重复申请")
    end = text.index("\t3.要求提供公开出版物")
    path = _write(tmp_path, "missing.txt", text[:start] + text[end:])
    result = import_file(path)
    assert {row for _, row, _ in result.unread} == {"reject_2"}


def test_a_text_read_again_is_the_same_report_and_not_shared():
    """The second reading of one text (kept, not parsed again) is equal to the first and a report of its own: a change
    to one draft never shows in the next read."""
    from gkassist.importer import import_text

    text = SEED.read_text(encoding="utf-8")
    first = import_text(text, str(SEED))
    first.report.agency = "改过的机关"
    first.report.set_cell("t3", "new", "natural", 99)
    first.problems.append("改过")
    second = import_text(text, str(SEED))
    assert second.report.agency == "德惠市郭家镇人民政府" and second.report.cell("t3", "new", "natural") != 99
    assert "改过" not in second.problems
    third = import_text(text, str(SEED))
    assert third.report is not second.report
    assert third.report.model_dump() == second.report.model_dump() and third.read_cells == second.read_cells
