"""Render, check and import+check times for the samples and ../shared/corpus; share of corpus reports
imported with no unread cell.  Prints figures; asserts nothing (targets live in the README)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gkassist.checks import check  # noqa: E402
from gkassist.core.model import load_report  # noqa: E402
from gkassist.importer import import_file  # noqa: E402
from gkassist.output import render_bytes  # noqa: E402


def timed(fn, repeat=20):
    fn()  # warm caches (templates, compiled patterns)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    samples = sorted((ROOT / "samples").glob("*.json"))
    print("== samples: render and check (median ms)")
    for path in samples:
        report = load_report(path)
        figures = {s: timed(lambda s=s: render_bytes(report, s), 5 if s == ".docx" else 20) for s in (".txt", ".md", ".html", ".docx")}
        figures["check"] = timed(lambda: check(report))
        print(f"{path.name:32s} " + "  ".join(f"{k} {v:6.1f}" for k, v in figures.items()))
    print("== import by format: one sample written in each format, then imported (median ms), against reading the JSON")
    sample = load_report(ROOT / "samples" / "2024_shiqiaozhen.json")
    with tempfile.TemporaryDirectory() as tmp:
        baseline = timed(lambda: load_report(ROOT / "samples" / "2024_shiqiaozhen.json"))
        row = []
        for suffix in (".txt", ".md", ".html", ".docx"):
            path = Path(tmp) / f"report{suffix}"
            path.write_bytes(render_bytes(sample, suffix))
            ms = timed(lambda path=path: import_file(path), 10)
            row.append(f"{suffix} {ms:.1f} ({ms / baseline:.0f}×)")
        pdf = ROOT.parent / "shared" / "corpus" / "2024_huaian_shi.pdf"
        if pdf.exists():
            ms = timed(lambda: import_file(pdf), 5)
            row.append(f".pdf (淮安, pdfium) {ms:.1f} ({ms / baseline:.0f}×)")
        print(f"JSON {baseline:.1f}; " + "; ".join(row))
    corpus = ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        print("(../shared/corpus not found: import figures skipped)")
        return
    print("== corpus: import + check (median ms), unread cells")
    complete = 0
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".pdf"))
    all_times = []
    for path in files:
        ms = timed(lambda: check(import_file(path).report), 5)
        unread = len(import_file(path).unread)
        complete += unread == 0
        all_times.append(ms)
        print(f"{path.name:28s} {ms:7.1f} ms   unread {unread}")
    text_times = [t for p, t in zip(files, all_times) if p.suffix == ".txt"]
    print(f"median import+check: {statistics.median(text_times):.1f} ms (text), max {max(text_times):.1f} ms; target ≤ 50 ms")
    print(f"reports imported with no unread cell: {complete}/{len(files)} ({complete / len(files):.0%})")

    published = ROOT / "tests" / "published"
    print("== gathered reports of other regions (tests/published): import (median ms) against reading the same"
          " report's JSON; cells read / left blank / unread")
    from gkassist.core.model import Report

    saved = import_file(published / "2019_shanghai_szfbgt.html").report.to_json()
    base = timed(lambda: Report.model_validate_json(saved), 20)
    print(f"JSON of the Shanghai report: {base:.2f} ms")
    for path in sorted(p for p in published.iterdir() if p.suffix in (".txt", ".html", ".docx", ".pdf")):
        ms = timed(lambda: import_file(path), 5)
        result = import_file(path)
        print(f"{path.name:34s} {ms:6.1f} ms ({ms / base:4.0f}×)   read {result.read_cells:3d}"
              f"  blank {result.left_blank():3d}  unread {len(result.unread):3d}")


if __name__ == "__main__":
    main()
