"""Suggestion figures on a 1,000-report corpus built by replicating ../shared/corpus and the samples
with perturbations: index build, cache load, query p95, resident memory, and retrieval quality
(held-out paragraphs: first sentence as query → a top-5 hit of the same section kind, never the
query report itself)."""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gkassist import corpus  # noqa: E402
from gkassist.core.repetition import split_sentences  # noqa: E402
from gkassist.importer import load_any  # noqa: E402


def base_reports():
    reports = [load_any(p)[0] for p in sorted((ROOT / "samples").glob("*.json"))]
    shared = ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        reports += [load_any(p)[0] for p in sorted(shared.glob("*.txt"))]
    return reports


def perturb(report, i, rng):
    r = report.model_copy(deep=True)
    r.agency = f"{report.agency}（样本{i}）"
    for sid, paras in r.sections.items():
        new = []
        for p in paras:
            sentences = split_sentences(p)
            rng.shuffle(sentences)
            new.append("".join(sentences).replace("进一步", rng.choice(["进一步", "持续", "不断"])))
        r.sections[sid] = new
    return r


def main(n_reports: int = 1000) -> None:
    rng = random.Random(7)
    base = base_reports()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        for i in range(n_reports):
            (folder / f"r{i:04d}.json").write_text(perturb(base[i % len(base)], i, rng).to_json(), encoding="utf-8")
        t = time.perf_counter()
        index = corpus.load_index([folder])
        build = time.perf_counter() - t
        corpus._LOADED.clear()  # measure a new process's load from the cache file, not the in-memory copy
        t = time.perf_counter()
        index = corpus.load_index([folder])
        load = time.perf_counter() - t
        queries = []
        all_units = index.units
        for unit_source in sorted({u.source for u in all_units})[:200]:
            units = [u for u in all_units if u.source == unit_source]
            if units:
                u = rng.choice(units)
                queries.append((u.text, u.kind, unit_source))
        corpus.search(index, "预热", None)
        times, hits = [], 0
        for text, kind, source in queries:
            t = time.perf_counter()
            found = corpus.search(index, text, kind if kind != "总体情况" else None, 5, exclude_source=source)
            times.append((time.perf_counter() - t) * 1000)
            assert all(s.source != source for s in found)
            hits += any(s.section == kind for s in found)
        times.sort()
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.enable()
            for text, kind, source in queries:
                corpus.search(index, text, kind if kind != "总体情况" else None, 5, exclude_source=source)
            profile.disable()
            pstats.Stats(profile).sort_stats("tottime").print_stats(12)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"reports {n_reports}, sentences {len(index)}")
        print(f"index build {build:.1f} s (target ≤ 60 s); load from cache {load * 1000:.0f} ms (target ≤ 300 ms)")
        print(f"query median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95)]:.1f} ms (target ≤ 20 ms)")
        print(f"top-5 has a sentence of the same section kind: {hits}/{len(queries)} ({hits / len(queries):.0%}, target ≥ 90%); query report itself never returned")
        print(f"max resident memory {rss:.0f} MB (target ≤ 250 MB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
