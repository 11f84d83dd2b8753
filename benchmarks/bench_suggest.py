"""Suggestion figures, the SQLite FTS5 index beside the in-memory BM25 index it replaced (baseline_index.py),
measured in the same run on the same synthetic corpus: the samples and ../shared/corpus replicated with
perturbations (sentences shuffled within their paragraphs, “进一步” varied).

    python benchmarks/bench_suggest.py [REPORTS …] [--distinct]     e.g. 1000 10000 (default 1000)

--distinct makes every report's sentences its own (see perturb): the copies of a sentence, which the new index
keeps as one row, are then no help to it.

For each index, each step in a process of its own (as a clerk's command would run it): build from nothing
(time, peak memory); open the built index — for the new one, checking every file of the folder for changes —
and answer 200 queries (time to open, query median and p95, peak memory); add one report to the folder and
open again (the old index rebuilds, the new one reads that file).  Queries: a sentence of each of the first
200 reports, searched in its section kind with that report left out.  Quality: how often the top five hold
a sentence of the same section kind, and how often the new index's suggestions begin with the old one's (the same
sentences; the same scores, where tied sentences may be shown either way round).

Goals (issue #23): at 10,000 reports query p95 ≤ 15 ms, open ≤ 50 ms, resident memory ≤ 150 MB, adding one
report ≤ 1 s; at 1,000 reports query p95 ≤ 5 ms.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = 200


def base_reports():
    from gkassist.importer import load_any

    reports = [load_any(p)[0] for p in sorted((ROOT / "samples").glob("*.json"))]
    shared = ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        reports += [load_any(p)[0] for p in sorted(shared.glob("*.txt"))]
    return reports


# --distinct: each report's sentences begin with its own place name, as real ones often do (“青松镇……”), so that
# no two reports share a sentence: the worst case for an index that keeps the copies of a sentence as one row.
_NAME_CHARS = "青松石桥河西东城白水柳林红岩清溪马坪梅花金沙凤凰云龙杨柳桃源枫岭玉泉高坡黄土龙潭新华长乐永安太平"


def perturb(report, i, rng, distinct=False):
    from gkassist.core.repetition import split_sentences

    r = report.model_copy(deep=True)
    r.agency = f"{report.agency}（样本{i}）"
    place = "".join(rng.sample(_NAME_CHARS, 2)) + rng.choice(["镇", "乡", "街道"])
    for sid, paras in r.sections.items():
        new = []
        for p in paras:
            sentences = split_sentences(p)
            rng.shuffle(sentences)
            if distinct:
                sentences = [place + s for s in sentences]
            new.append("".join(sentences).replace("进一步", rng.choice(["进一步", "持续", "不断"])))
        r.sections[sid] = new
    return r


def make_corpus(folder: Path, n_reports: int, distinct: bool = False) -> list[dict]:
    """Write the reports; return the queries: one sentence of each of the first 200 reports."""
    from gkassist.core.repetition import normalise, split_sentences
    from gkassist.corpus import paragraph_kinds

    rng = random.Random(7)
    base = base_reports()
    queries = []
    for i in range(n_reports):
        report = perturb(base[i % len(base)], i, rng, distinct)
        path = folder / f"r{i:05d}.json"
        path.write_text(report.to_json(), encoding="utf-8")
        if len(queries) < QUERIES:
            candidates = [(kind, s) for kind, p in paragraph_kinds(report) if len(p) >= 24
                          for s in split_sentences(p) if len(normalise(s)) >= 12]
            if candidates:
                kind, text = rng.choice(candidates)
                queries.append({"text": text, "kind": kind, "source": str(path.resolve())})
    return queries


# ------------------------------------------------------------------ one step, in its own process
def _engine(name: str):
    if name == "old":
        import baseline_index as engine
    else:
        from gkassist import corpus as engine
    return engine


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step(name: str, what: str, folder: str, queries_file: str) -> dict:
    engine = _engine(name)
    import gkassist.importer  # noqa: F401 — what every command has imported by then, not the index's time

    t = time.perf_counter()
    index = engine.load_index([folder])
    opened = time.perf_counter() - t
    if name == "new":
        index.settle()  # the check of every file for changes (a command runs it while jieba loads)
    took = time.perf_counter() - t
    out = {"seconds": took, "opened": opened, "sentences": len(index)}
    if name == "new":
        out["rows"] = index.db.execute("SELECT count(*) FROM distinct_sentences").fetchone()[0]
    if what == "query":
        queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
        for q in queries[:5]:  # jieba's first words and SQLite's first pages
            engine.search(index, q["text"], q["kind"] if q["kind"] != "总体情况" else None, 5, exclude_source=q["source"])
        times, tops, hits = [], [], 0
        for q in queries:
            kind = q["kind"] if q["kind"] != "总体情况" else None
            t = time.perf_counter()
            found = engine.search(index, q["text"], kind, 5, exclude_source=q["source"])
            times.append((time.perf_counter() - t) * 1000)
            assert all(s.source != q["source"] for s in found)
            hits += any(s.section == q["kind"] for s in found)
            tops.append([[s.original, s.score] for s in found])
        times.sort()
        out.update(median=statistics.median(times), p95=times[int(len(times) * 0.95)], hits=hits, tops=tops)
    out["rss"] = _rss_mb()
    return out


def run_step(name: str, what: str, folder: Path, queries_file: Path, home: Path) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(home / "cache"), "XDG_DATA_HOME": str(home / "data"), "HOME": str(home)}
    done = subprocess.run([sys.executable, __file__, "--step", name, what, str(folder), str(queries_file)],
                          env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{name} {what} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


# ------------------------------------------------------------------ the comparison
def compare(n_reports: int, distinct: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = tmp / "corpus"
        folder.mkdir()
        queries = make_corpus(folder, n_reports, distinct)
        queries_file = tmp / "queries.json"
        queries_file.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        extra = next(folder.glob("r*.json"))
        results = {}
        for name in ("old", "new"):
            home = tmp / name
            home.mkdir()
            build = run_step(name, "build", folder, queries_file, home)
            query = run_step(name, "query", folder, queries_file, home)
            added = folder / "added.json"
            shutil.copy(extra, added)
            add = run_step(name, "build", folder, queries_file, home)
            added.unlink()
            results[name] = {"build": build, "query": query, "add": add}
    old, new = results["old"], results["new"]
    pairs = list(zip(old["query"]["tops"], new["query"]["tops"]))
    # the old suggestions first (the new index may find more: it keeps a sentence's copies as one candidate, the
    # old one spent its 100 candidates on them), compared by sentence, and by score where sentences tie
    same = sum(a == b[: len(a)] for a, b in pairs)
    same_scores = sum([x[1] for x in a] == [y[1] for y in b][: len(a)] for a, b in pairs)
    more = sum(len(b) > len(a) for a, b in pairs)
    nq = len(old["query"]["tops"])

    def row(label, key, fmt, goal=""):
        o, n = key(old), key(new)
        ratio = f"{n / o:6.2f}×" if o else "     –"
        print(f"  {label:<34}{fmt.format(o):>12}{fmt.format(n):>12}  {ratio}  {goal}")

    print(f"== {n_reports} reports{' (every sentence distinct)' if distinct else ''}, {new['build']['sentences']} sentences "
          f"({new['build']['rows']} distinct rows in the new index)")
    print(f"  {'':<34}{'old (memory)':>12}{'new (FTS5)':>12}  new/old")
    row("build (s)", lambda r: r["build"]["seconds"], "{:.1f}")
    row("build peak memory (MB)", lambda r: r["build"]["rss"], "{:.0f}")
    row("open, files checked (ms)", lambda r: r["query"]["seconds"] * 1000, "{:.0f}", "goal ≤ 50 ms at 10,000")
    row("  of which the index ready (ms)", lambda r: r["query"]["opened"] * 1000, "{:.0f}",
        "the rest: one stat per file, alongside jieba's start in a command")
    row("query median (ms)", lambda r: r["query"]["median"], "{:.1f}")
    row("query p95 (ms)", lambda r: r["query"]["p95"], "{:.1f}", "goal ≤ 5 ms at 1,000, ≤ 15 ms at 10,000")
    row("open + 200 queries peak memory (MB)", lambda r: r["query"]["rss"], "{:.0f}", "goal ≤ 150 MB")
    row("add one report (s)", lambda r: r["add"]["seconds"], "{:.2f}", "goal ≤ 1 s")
    row("top 5 holds the section kind", lambda r: r["query"]["hits"], "{}/" + str(nq))
    print(f"  new suggestions begin with the old ones: the same sentences {same}/{nq}, the same scores {same_scores}/{nq}; "
          f"more suggestions than the old {more}/{nq}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--step"]:
        print(json.dumps(step(*sys.argv[2:6])))
    else:
        distinct = "--distinct" in sys.argv
        for n in [int(a) for a in sys.argv[1:] if a != "--distinct"] or [1000]:
            compare(n, distinct)
