"""The phrasing index before issue #23, kept only as the benchmark's baseline (benchmarks/bench_suggest.py):
a BM25 written by hand and held in Python memory, cached as one marshal file keyed by the corpus's file list,
rebuilt whole whenever a file changes.  Copied from src/gkassist/corpus/__init__.py as it was; the helpers
it shares with the new index (words, sections, slots) come from the package."""

from __future__ import annotations

import hashlib
import heapq
import marshal
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.repetition import SentenceIndex, normalise, split_sentences
from gkassist.corpus import keywords, overview_kinds, paragraph_kinds, slot, tokens
from gkassist.corpus.segmentation import load_whole_dictionary
from gkassist.paths import cache_dir, resource_dir, user_corpus_dir

CACHE_VERSION = 7
BM25_K1, BM25_B = 1.5, 0.75
OWN_BOOST = 1.5


# ------------------------------------------------------------------ the index
@dataclass
class Unit:
    text: str
    agency: str
    year: int
    kind: str
    source: str  # the file it came from
    own: bool


COLUMNS = ("texts", "agencies", "years", "kinds", "sources", "owns")


class Index:
    """The corpus sentences column by column (what a query touches: sources and owns for every candidate, the
    rest only for the few shown) and their postings, term → section kind → [unit, tf, unit, tf, …] flat, so
    that the cache file is plain marshal data read in one call, with nothing to rebuild."""

    def __init__(self, columns: dict | None = None, postings: dict | None = None, lengths: list | None = None,
                 reports: list | None = None, norms: list | None = None):
        self.columns: dict[str, list] = columns or {name: [] for name in COLUMNS}
        self.postings: dict[str, dict[str, list[int]]] = postings or {}
        self.lengths: list[int] = lengths or []
        self.reports: list[dict] = reports or []  # what `corpus list` shows
        self.norms: list[float] = norms or []  # BM25 length normalisation per unit, set by finish()

    def __len__(self) -> int:
        return len(self.columns["texts"])

    def unit(self, i: int) -> Unit:
        c = self.columns
        return Unit(c["texts"][i], c["agencies"][i], c["years"][i], c["kinds"][i], c["sources"][i], c["owns"][i])

    @property
    def units(self) -> list[Unit]:
        return [self.unit(i) for i in range(len(self))]

    def add_report(self, report, source: str, own: bool) -> None:
        count = 0
        for kind, para in paragraph_kinds(report):
            if len(para) < 24 and not re.search(r"[。；]", para):
                continue  # a sub-heading, not phrasing
            for sentence in split_sentences(para):
                if len(normalise(sentence)) < 12:
                    continue
                terms = Counter(tokens(sentence))
                if not terms:
                    continue
                idx = len(self)
                for name, value in zip(COLUMNS, (sentence, report.agency, report.year, kind, source, own)):
                    self.columns[name].append(value)
                self.lengths.append(sum(terms.values()))
                for term, tf in terms.items():
                    self.postings.setdefault(term, {}).setdefault(kind, []).extend((idx, tf))
                count += 1
        self.reports.append({"agency": report.agency, "year": report.year, "sentences": count, "source": source, "own": own})

    def finish(self) -> "Index":
        """Precompute what every query would otherwise recompute: each unit's BM25 length normalisation."""
        avg = sum(self.lengths) / len(self.lengths) if self.lengths else 1.0
        self.norms = [BM25_K1 * (1 - BM25_B + BM25_B * length / avg) for length in self.lengths]
        return self


@dataclass
class Suggestion:
    text: str  # with slots marked 〔年份：2024年〕 etc.
    original: str
    agency: str
    year: int
    section: str
    source: str
    score: float
    matched: list[str]
    slots: list[str]

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def _scores(index: Index, words: list[str], allowed) -> dict[int, float]:
    """BM25 of every sentence sharing a word with the query, in the allowed section kinds.  The own-report boost
    multiplies a sentence's whole score, so it is applied term by term as scores add up: the ranking then
    needs no per-candidate key function."""
    n, norms, owns = len(index), index.norms, index.columns["owns"]
    scores: dict[int, float] = defaultdict(float)
    for w in words:
        by_kind = index.postings.get(w)
        if not by_kind:
            continue
        df = sum(len(p) for p in by_kind.values()) // 2
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        for k in allowed or by_kind:
            flat = iter(by_kind.get(k, ()))
            for idx, tf in zip(flat, flat):
                scores[idx] += idf * tf * (OWN_BOOST * (BM25_K1 + 1) if owns[idx] else BM25_K1 + 1) / (tf + norms[idx])
    return scores


def search(index: Index, query: str, kind: str | None = None, top: int = 5,
           exclude_source: str | None = None, for_agency: str | None = None) -> list[Suggestion]:
    """The best `top` sentences for `query`; `for_agency` is the drafting agency, whose own sentences keep its names."""
    words = keywords(query)
    if not words:
        return []
    # 总体情况 covers its five parts; any other kind only itself; no kind, everything
    allowed = overview_kinds() if kind == "总体情况" else ((kind,) if kind else None)
    try:
        scores = _scores(index, words, allowed)
    except (IndexError, TypeError):
        raise InputError(f"索引缓存与语料不一致，请删除 {cache_dir()} 里的 index-*.marshal 后重试") from None
    sources = index.columns["sources"]
    if exclude_source:
        for idx in [i for i in scores if sources[i] == exclude_source]:
            del scores[idx]
    # only the head of the ranking is ever shown: no need to sort every scored sentence
    ranked = heapq.nlargest(top * 20, scores, key=scores.__getitem__)
    out: list[Suggestion] = []
    seen = SentenceIndex([])
    for idx in ranked:
        unit = index.unit(idx)
        if seen.contains(unit.text):
            continue  # near-duplicate of one already suggested
        seen = SentenceIndex([s.original for s in out] + [unit.text])
        text, slots = slot(unit.text, unit.agency, same_agency=unit.agency == for_agency)
        out.append(Suggestion(text, unit.text, unit.agency, unit.year, unit.kind, unit.source,
                              round(scores[idx], 3),
                              [w for w in words if w in unit.text], slots))
        if len(out) >= top:
            break
    return out


# ------------------------------------------------------------------ corpus files and the cache
def corpus_files(extra: list[str | Path] = ()) -> list[tuple[Path, bool]]:
    """(file, is the user's own) for every corpus file."""
    files = [(p, False) for p in sorted(resource_dir("samples").glob("*.json"))]
    own = user_corpus_dir()
    if own.is_dir():
        files += [(p, True) for p in sorted(own.glob("*.json"))]
    for folder in extra:
        folder = Path(folder)
        if not folder.is_dir():
            raise InputError(f"{folder}：语料文件夹不存在")
        from gkassist.importer import PUBLISHED_SUFFIXES

        files += [(p, False) for p in sorted(folder.iterdir()) if p.suffix.lower() in PUBLISHED_SUFFIXES + (".json",)]
    return files


def _fingerprint(files: list[tuple[Path, bool]]) -> str:
    h = hashlib.sha256(str(CACHE_VERSION).encode())
    for p, own in files:
        st = p.stat()
        h.update(f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}|{own}\n".encode())
    return h.hexdigest()[:24]


def build_index(files: list[tuple[Path, bool]], warn=lambda msg: None) -> Index:
    from gkassist.importer import load_any

    load_whole_dictionary()
    index = Index()
    for path, own in files:
        try:
            report, _ = load_any(path)
        except InputError as e:
            warn(f"跳过 {e}")
            continue
        index.add_report(report, str(path), own)
    return index.finish()


# Indexes already loaded in this process, by cache file (the file name carries the corpus fingerprint).
_LOADED: dict[Path, Index] = {}


def _to_plain(index: Index) -> bytes:
    """The index as marshal data (plain lists, dicts and numbers, nothing that can run code) behind the SHA-256
    of that data, so that a damaged or half-written file is known before anything reads it."""
    data = marshal.dumps({"version": CACHE_VERSION, **index.columns, "lengths": index.lengths, "norms": index.norms,
                          "reports": index.reports, "postings": index.postings})
    return hashlib.sha256(data).digest() + data


def _from_plain(blob: bytes) -> Index:
    """The index back from its cache file in one `marshal.loads`, checked (digest, shape, lengths): any
    inconsistency is a ValueError and the caller rebuilds."""
    digest, data = blob[:32], blob[32:]
    if hashlib.sha256(data).digest() != digest:
        raise ValueError("the cache file is damaged")
    plain = marshal.loads(data)
    if not isinstance(plain, dict) or plain.get("version") != CACHE_VERSION:
        raise ValueError("not this version's index")
    columns = {name: plain[name] for name in COLUMNS}
    n = len(columns["texts"])
    if any(not isinstance(c, list) or len(c) != n for c in [*columns.values(), plain["lengths"], plain["norms"]]):
        raise ValueError("columns of different lengths")
    if not isinstance(plain["postings"], dict):
        raise ValueError("no postings")
    if not all(isinstance(r, dict) and {"agency", "year", "source", "own"} <= r.keys() for r in plain["reports"]):
        raise ValueError("reports without their fields")
    return Index(columns, plain["postings"], plain["lengths"], plain["reports"], plain["norms"])


def load_index(extra: list[str | Path] = (), warn=lambda msg: None) -> Index:
    """The index for the current corpus: from the cache when the corpus has not changed."""
    from gkassist.core.files import atomic_write

    files = corpus_files(extra)
    path = cache_dir() / f"index-{_fingerprint(files)}.marshal"
    if path in _LOADED:
        return _LOADED[path]  # the dialogue asks for the index on every narrative answer
    if path.exists():
        try:
            index = _from_plain(path.read_bytes())
            _LOADED[path] = index
            return index
        except (ValueError, EOFError, TypeError, KeyError, OSError):  # a corrupt or foreign cache file: rebuild below
            warn(f"索引缓存 {path} 已损坏，正在重建")
    index = build_index(files, warn)
    _LOADED[path] = index
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in list(path.parent.glob("index-*.pickle")) + list(path.parent.glob("index-*.marshal")):
            old.unlink(missing_ok=True)
        atomic_write(path, _to_plain(index))
    except (OSError, InputError):
        pass  # an unwritable cache only costs a rebuild next time
    return index
