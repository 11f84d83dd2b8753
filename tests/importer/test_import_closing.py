"""The 落款 (the agency's name and the date under the last part, the attachments a page lists below them) closes the
report: it is never read as a paragraph of 六, in whatever form the page kept it — on lines of its own, run into the
last sentence when the page lost its line breaks, in Chinese numerals — and from text and HTML alike."""

from datetime import date

import pytest

from gkassist.core.model import load_report
from gkassist.importer import import_file
from gkassist.importer.textparse import parse_text
from gkassist.output import render_text
from support import CORPUS, SAMPLES

LAST = "2024年，石桥镇办理县人大代表建议3件、政协委员提案1件，办理结果均已公开。"
AGENCY = "青岚县石桥镇人民政府"


@pytest.fixture(scope="module")
def sample():
    return render_text(load_report(SAMPLES / "2024_shiqiaozhen.json"), ".txt")


def _ending(text: str, ending: str) -> str:
    body = text[: text.index(LAST) + len(LAST)]
    return body + ending


@pytest.mark.parametrize("ending, when", [
    (f"\n\n\n{AGENCY}\n2025年1月20日\n", date(2025, 1, 20)),  # as printed
    (f" {AGENCY}2025年1月27日", date(2025, 1, 27)),  # run in, a space before the name
    (f"{AGENCY}2025年1月27日\n", date(2025, 1, 27)),  # run in, nothing between
    (f" {AGENCY} 2025年1月23日", date(2025, 1, 23)),
    (f"\n{AGENCY} 2025年1月20日\n", date(2025, 1, 20)),  # name and date on one line
    (f"\n{AGENCY}\n二〇二五年一月二十日\n", date(2025, 1, 20)),  # in Chinese numerals
    (f" {AGENCY}\n2025年2月3日\n", date(2025, 2, 3)),  # the name run in, the date on a line of its own
    (f"\n\n{AGENCY}\n2025年1月20日\n附件：1.政府信息公开工作年度报告表格.pdf\n", date(2025, 1, 20)),
    (f"\n{AGENCY}\n2025年1月20日\n附件下载\n", date(2025, 1, 20)),
    (f" {AGENCY}2025年1月27日 附件下载", date(2025, 1, 27)),
    (" 附件下载", None),  # a page's leftover under the text, no 落款 at all
])
def test_the_closing_is_not_part_of_section_six(sample, ending, when):
    report = parse_text(_ending(sample, ending)).report
    assert report.sections["other"][-1] == LAST
    assert report.closing_date == when


@pytest.mark.parametrize("sentence", [
    "本年度无其他需要报告的事项，统计截至2024年12月31日",  # a date that ends a sentence signs nothing
    "本报告所列数据的统计期限为2024年1月1日至2024年12月31日",
    "2024年，本镇收到县政府办公室转来的建议2件，已于2025年1月10日",
])
def test_a_date_inside_the_last_sentence_is_kept(sample, sentence):
    report = parse_text(_ending(sample, "\n" + sentence + "\n")).report
    assert report.sections["other"][-1] == sentence
    assert report.closing_date is None


@pytest.mark.parametrize("closing", [
    f"<p>{LAST} {AGENCY}2025年1月27日</p>",
    f"<p>{LAST}</p><p>{AGENCY}</p><p>2025年1月27日</p>",
    f"<p>{LAST}</p><p style=\"text-align:right\">{AGENCY}<br>2025年1月27日</p><p>附件：统计表.xlsx</p>",
])
def test_the_closing_of_a_web_page_is_not_part_of_section_six(tmp_path, closing):
    html = render_text(load_report(SAMPLES / "2024_shiqiaozhen.json"), ".html")
    start = html.index(f"<p>{LAST}</p>")
    end = html.index("</article>")
    path = tmp_path / "report.html"
    path.write_text(html[:start] + closing + html[end:], encoding="utf-8")
    report = import_file(path).report
    assert report.sections["other"][-1] == LAST
    assert report.closing_date == date(2025, 1, 27)


CORPUS_REPORTS = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".pdf")) if CORPUS.is_dir() else []


@pytest.mark.slow
@pytest.mark.parametrize("name", CORPUS_REPORTS)
def test_no_corpus_report_ends_a_section_with_its_closing(name):
    report = import_file(CORPUS / name).report
    for sid in report.format.narrative_sections:
        for paragraph in report.sections.get(sid, []):
            assert not paragraph.rstrip("。").endswith(("日", "附件下载")) or "年" not in paragraph[-12:], (sid, paragraph)
            assert report.agency not in paragraph[-len(report.agency) - 12:] or paragraph.endswith("。"), (sid, paragraph)


@pytest.mark.parametrize("tail", ["。" + " " * 100_000 + "x", "附件" + " " * 100_000, " " * 100_000 + "2025年1月1日",
                                  "。" + " " * 100_000 + "某某局", "附件：" * 30_000],
                         ids=["spaces-then-a-letter", "attachment-then-spaces", "spaces-then-a-date", "spaces-then-a-name",
                              "attachment-heading-repeated"])
def test_a_long_last_paragraph_is_read_at_once(tail):
    import time

    started = time.monotonic()
    parse_text("一、总体情况\n无\n六、其他需要报告的事项\n" + tail)
    assert time.monotonic() - started < 1.5
