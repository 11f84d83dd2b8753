"""Faults (issue #30): reading untrusted files with the work bounded — a .docx whose zip headers lie about its sizes
(bounded by what is inflated), an HTML page asking for too much work (refused quickly) — while whole files within
the bounds still read."""


import pytest

from gkassist.cli import main
from support import SAMPLES, SEED

SAMPLE = SAMPLES / "2024_shiqiaozhen.json"


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
    import tracemalloc

    from faultfiles import work_seconds
    from gkassist.core.errors import InputError
    from gkassist.importer import import_file

    path = tmp_path / "lie.docx"
    path.write_bytes(lying_docxes[kind])
    tracemalloc.start()
    started = work_seconds()  # the reader's CPU seconds: a loaded machine stretches only the wall clock
    try:
        with pytest.raises(InputError) as e:
            import_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert work_seconds() - started < 3 and peak < 100 << 20, (work_seconds() - started, peak >> 20)
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
    from faultfiles import work_seconds
    from gkassist.core.errors import InputError
    from gkassist.importer import import_file

    path = tmp_path / "page.html"
    path.write_text(BIG_PAGES[page](), encoding="utf-8")
    started = work_seconds()  # the reader's CPU seconds (and its bounded child's): not a loaded machine's wall clock
    with pytest.raises(InputError) as e:
        import_file(path)
    assert work_seconds() - started < 5  # reading the 20 MB file included; it took 46 s and 690 MB
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
