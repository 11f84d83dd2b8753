"""The phrasing index: every narrative sentence of a corpus, segmented by jieba, in an SQLite FTS5 table.

A corpus is the shipped samples, the clerk's own reports (`gkassist corpus add`) and the folders given with
`--corpus`; each set of folders has an index file of its own in the user data folder (paths.index_dir), so
a clerk alternating between two folders keeps both.  When an index is first used it compares the files it
holds (size, modification time) with the folders, reads only the files added or changed and drops the
sentences of files changed or gone: nothing is rebuilt.  A damaged or foreign index file is set aside and
rebuilt, with a message.

The ranking is the project's BM25 (k1 1.5, b 0.75; the clerk's own reports ×1.5), the same numbers as the
index once held in memory.  FTS5's own bm25() costs ~5 µs for every sentence a query matches, and a common
word matches tens of thousands of sentences in a province's corpus; so FTS5 is asked only for the rowids of
the sentences holding the query's rarer words (of the section kinds and level asked for: both are indexed
columns), SQLite adds up their first scores from the postings and the rowids, and the best of them are
scored exactly.  On a small corpus every word takes part and the ranking is the old one exactly.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from gkassist.core.errors import InputError
from gkassist.core.levels import LEVELS, level_names
from gkassist.core.repetition import SentenceIndex, normalise, split_sentences
from gkassist.corpus.sections import OVERVIEW_KIND, overview_kinds, paragraph_kinds
from gkassist.corpus.segmentation import keywords, load_whole_dictionary, place_words, tokens
from gkassist.corpus.slots import slot
from gkassist.paths import cache_dir, index_dir, resource_dir, user_corpus_dir

SCHEMA_VERSION = 1
APPLICATION_ID = 0x676B6173  # "gkas": another program's SQLite file is never taken for an index
BM25_K1, BM25_B = 1.5, 0.75
OWN_BOOST = 1.5  # the clerk's own past reports rank above strangers'
# the levels and their names: core.levels (prompts/levels.yaml)
# The postings read per query: the candidates are the sentences holding the rarer words, as many words as keep
# the postings read under this count.  On the samples every word fits and the ranking is exact.
CANDIDATE_POSTINGS = 5000
POOL = 150  # the candidates with the best first scores, scored exactly
# Words in more than about one sentence in seven (idf below this) are left out of the first scores: they add
# little and cost most to look up; the exact scores count them.
COMMON_IDF = 2.0
# A reference offered beside a clerk's sentence must be about the same thing: it shares the sentence's content words
# (those in fewer than REGISTER_SHARE of the corpus's sentences — 公开, 信息, 工作 are every sentence's register),
# at least two of them (one, when the sentence has only one), weighing at least SUBJECT_SHARE of the sentence's
# content by idf.  “发布” alone in common with a sentence about 征地 is no reference for one about 保密审查.
REGISTER_SHARE = 0.15
SUBJECT_SHARE = 0.3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,     -- the file's absolute path
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    own INTEGER NOT NULL,
    agency TEXT,                     -- NULL: the file could not be read (problem says why; retried once changed)
    year INTEGER,
    level TEXT,
    first_seq INTEGER NOT NULL DEFAULT 0,  -- its sentences are occurrences first_seq … first_seq + sentences - 1
    sentences INTEGER NOT NULL DEFAULT 0,
    words INTEGER NOT NULL DEFAULT 0,
    problem TEXT
);
-- One row per distinct sentence (its words, section kind, level, own or not): the copies of a sentence — the
-- standard ones, those a unit keeps from year to year, the same sentence with other figures — are one row,
-- found and ranked once.  words: the jieba words, space-separated (the ascii tokenizer keeps every non-ASCII
-- character in a token, so a Chinese word is one token); kind, level and own are indexed so that FTS5 applies
-- the filters to its postings; length (words) is in the rowid too (_rowid).
CREATE VIRTUAL TABLE IF NOT EXISTS sentences USING fts5(
    words, kind, level, own, length UNINDEXED,
    tokenize = 'ascii', detail = 'column'
);
CREATE TABLE IF NOT EXISTS distinct_sentences (row INTEGER PRIMARY KEY, key BLOB NOT NULL UNIQUE, copies INTEGER NOT NULL);
-- every sentence of every file, in the order they were added: which row it is, its text
CREATE TABLE IF NOT EXISTS occurrences (seq INTEGER PRIMARY KEY, row INTEGER NOT NULL, file INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS occurrences_of_row ON occurrences (row, seq);
-- in how many sentences (copies counted, as BM25 counts them) each word is
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS totals (sentences INTEGER NOT NULL, words INTEGER NOT NULL, next_seq INTEGER NOT NULL);
INSERT INTO totals SELECT 0, 0, 1 WHERE NOT EXISTS (SELECT 1 FROM totals);
"""
_TABLES = {"files", "sentences", "distinct_sentences", "occurrences", "terms", "totals"}


# A row's rowid carries what ranking needs besides its words — whether it is the clerk's own and how many words
# it has — so that candidates are scored from FTS5's postings alone (a rowid costs ~0.3 µs to read; a row's
# columns, or FTS5's bm25(), ~5 µs).  Above them, the number of its first occurrence: the order of adding.
_SEQ_SHIFT = 9
_OWN_BIT = 1 << 8
_LENGTH_MASK = 0xFF  # the length, up to 255 words (a longer sentence is ranked by its exact length later)


def _rowid(seq: int, own: bool, length: int) -> int:
    return (seq << _SEQ_SHIFT) | (_OWN_BIT if own else 0) | min(length, _LENGTH_MASK)


def _key(words: str, kind: str, level: str, own: bool) -> bytes:
    import hashlib

    return hashlib.blake2b(f"{kind}\n{level}\n{int(own)}\n{words}".encode(), digest_size=16).digest()


class UnusableIndex(Exception):
    """The index file is damaged, of another program or of another version."""


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
    level: str = ""

    def to_dict(self) -> dict:
        return self.__dict__.copy()


class CorpusFile(NamedTuple):
    source: str  # absolute path
    own: bool
    size: int
    mtime_ns: int


# ------------------------------------------------------------------ the corpus on disk
def _folder_files(folder: Path, suffixes: tuple[str, ...], own: bool) -> list[CorpusFile]:
    """The folder's report files with their sizes and times, from one directory listing."""
    out = []
    base = str(folder.resolve())
    with os.scandir(base) as entries:
        for entry in entries:
            name = entry.name
            if name[name.rfind("."):].lower() not in suffixes:
                continue
            try:
                if not entry.is_file():
                    continue
                st = entry.stat()
            except OSError:
                continue
            out.append(CorpusFile(os.path.join(base, name), own, st.st_size, st.st_mtime_ns))
    out.sort()
    return out


def corpus_entries(extra: Sequence[str | Path] = ()) -> list[CorpusFile]:
    """Every corpus file: the samples, the clerk's own reports, then each folder given."""
    files = _folder_files(resource_dir("samples"), (".json",), False)
    own = user_corpus_dir()
    if own.is_dir():
        files += _folder_files(own, (".json",), True)
    for folder in extra:
        folder = Path(folder)
        if not folder.is_dir():
            raise InputError(f"{folder}：语料文件夹不存在")
        from gkassist.importer import PUBLISHED_SUFFIXES

        files += _folder_files(folder, PUBLISHED_SUFFIXES + (".json",), False)
    seen: set[str] = set()
    unique = []
    for f in files:  # a folder given twice counts once
        if f.source not in seen:
            seen.add(f.source)
            unique.append(f)
    return unique


def corpus_files(extra: Sequence[str | Path] = ()) -> list[tuple[Path, bool]]:
    """(file, is the user's own) for every corpus file."""
    return [(Path(f.source), f.own) for f in corpus_entries(extra)]


def index_path(extra: Sequence[str | Path] = ()) -> Path:
    """The index file of the corpus with these folders (in any order): one file per set of folders."""
    import hashlib

    folders = sorted({str(Path(f).resolve()) for f in extra})
    if not folders:
        return index_dir() / "corpus-default.sqlite"
    digest = hashlib.sha256("\n".join(folders).encode()).hexdigest()[:16]
    return index_dir() / f"corpus-{digest}.sqlite"


def _report_sentences(report) -> list[tuple[str, str, list[str]]]:
    """(kind, sentence, words) for every sentence worth suggesting: sub-headings and fragments left out."""
    out = []
    for kind, para in paragraph_kinds(report):
        if len(para) < 24 and not any(mark in para for mark in "。；"):
            continue  # a sub-heading, not phrasing
        for sentence in split_sentences(para):
            if len(normalise(sentence)) < 12:
                continue
            words = tokens(sentence)
            if words:
                out.append((kind, sentence, words))
    return out


# ------------------------------------------------------------------ the index
class PhrasingIndex:
    """One corpus's sentences in an SQLite file (or in memory).  Thread-safe: the app warms it in a worker
    while the clerk may already be answering."""

    def __init__(self, db: sqlite3.Connection, path: Path | None = None, extra: tuple[str, ...] = ()):
        self.db = db
        self.path = path
        self.extra = extra
        self._lock = threading.RLock()
        self._pending: tuple[threading.Thread, dict, Callable[[str], None]] | None = None

    # -------------------------------------------------------------- opening
    @classmethod
    def in_memory(cls) -> "PhrasingIndex":
        index = cls(sqlite3.connect(":memory:", check_same_thread=False))
        index._create()
        return index

    @classmethod
    def open(cls, path: Path, extra: tuple[str, ...] = ()) -> "PhrasingIndex":
        """The index in `path`, created when missing; UnusableIndex when the file is damaged or not ours."""
        fresh = not path.exists()
        try:
            db = sqlite3.connect(path, check_same_thread=False, timeout=10)
        except sqlite3.Error as e:
            raise UnusableIndex(str(e)) from None
        index = cls(db, path, extra)
        try:
            if fresh or _is_empty(db):
                index._create()
            else:
                index._check()
            try:
                db.execute("PRAGMA journal_mode = WAL")  # the app and a `gkassist suggest` may read it together
                db.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.Error:
                pass  # a file system without WAL: the default journal works too
        except (sqlite3.Error, UnusableIndex) as e:
            db.close()
            raise UnusableIndex(str(e)) from None
        return index

    def _create(self) -> None:
        # one transaction, and nothing created twice: another process may be creating the same file
        self.db.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA application_id = {APPLICATION_ID}; "
                              f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")

    def _check(self) -> None:
        (app,) = self.db.execute("PRAGMA application_id").fetchone()
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if app != APPLICATION_ID:
            raise UnusableIndex("not a gkassist index")
        if version != SCHEMA_VERSION:
            raise UnusableIndex(f"index version {version}")
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master")}
        if not _TABLES <= tables:
            raise UnusableIndex("tables missing")
        if self.db.execute("SELECT count(*) FROM totals").fetchone()[0] != 1:
            raise UnusableIndex("totals")

    def close(self) -> None:
        with self._lock:
            self.db.close()

    # -------------------------------------------------------------- what it holds
    def __len__(self) -> int:
        self.settle()
        with self._lock:
            return self.db.execute("SELECT sentences FROM totals").fetchone()[0]

    @property
    def reports(self) -> list[dict]:
        """What `corpus list` shows: agency, year, level, sentences, source, own for every readable file."""
        self.settle()
        with self._lock:
            rows = self.db.execute("SELECT agency, year, level, sentences, source, own FROM files "
                                   "WHERE agency IS NOT NULL ORDER BY id").fetchall()
        return [{"agency": a, "year": y, "level": lv, "sentences": n, "source": s, "own": bool(o)}
                for a, y, lv, n, s, o in rows]

    # -------------------------------------------------------------- keeping it in step with the folders
    def follow(self, list_files, warn) -> None:
        """Start checking the folders (one stat per file, ~10 µs each here: 0.1 s for 10,000 files) in a thread;
        the first use of the index waits for it and reads what changed.  A command loads jieba meanwhile."""
        box: dict = {}

        def check():
            try:
                box["files"] = list_files()
            except BaseException as e:  # noqa: BLE001 — raised again where the index is used
                box["error"] = e

        thread = threading.Thread(target=check, name="gkassist-corpus-check", daemon=True)
        thread.start()
        with self._lock:
            self._pending = (thread, box, warn)

    def settle(self) -> None:
        """Wait for the check started by follow() and bring the index in step with what it found."""
        with self._lock:
            pending, self._pending = self._pending, None
            if pending is None:
                return
            thread, box, warn = pending
            thread.join()
            if "error" in box:
                raise box["error"]
            try:
                self.sync(box["files"], warn)
            except sqlite3.DatabaseError as e:
                if not _damaged(e):  # busy past the timeout, a full disk, a read-only file: what it holds serves
                    warn(f"参考语料索引 {self.path} 暂时无法更新（{e}），先用已有的内容")
                    return
                self.rebuild(warn, box["files"])

    def rebuild(self, warn, files: list[CorpusFile] | None = None) -> None:
        """The index file found damaged while in use: set aside, and every file indexed again, in place."""
        if self.path is None:
            raise InputError("参考语料索引出错，请重试")
        with self._lock:
            warn(f"参考语料索引 {self.path} 已损坏，已移到 {self.path.name}.damaged，正在重建")
            try:
                self.db.close()
            except sqlite3.Error:
                pass
            _set_aside(self.path)
            self.db = _fresh_connection(self.path)
            self.sync(corpus_entries(list(self.extra)) if files is None else files, warn)

    def sync(self, files: list[CorpusFile], warn=lambda msg: None) -> tuple[int, int]:
        """Read the files added or changed since the index last saw them and drop those changed or gone;
        returns (files read, files dropped)."""
        with self._lock:
            # (source, own, size, time) as the folders show them and as the index saw them
            seen = {(source, bool(own), size, mtime): fid for fid, source, own, size, mtime
                    in self.db.execute("SELECT id, source, own, size, mtime_ns FROM files")}
            now = set(files)
            stale = [fid for state, fid in seen.items() if state not in now]
            fresh = [f for f in files if f not in seen]
            if not stale and not fresh:
                return 0, 0
            with self.db:
                self._write_now()
                for fid in stale:
                    self._drop(fid)
            if len(fresh) > 20:
                load_whole_dictionary()  # per-word lookups in SQLite would be slow over a whole corpus
                warn(f"正在为参考语料建立索引：{len(fresh)} 份报告，请稍候……")
            self._read(fresh, warn)
            return len(fresh), len(stale)

    def add_report(self, report, source: str, own: bool, size: int = 0, mtime_ns: int = 0) -> int:
        """Index a report already read (its file `source`); returns the sentences added."""
        found = _report_sentences(report)
        level, own_token = report.level, "1" if own else "0"
        with self._lock, self.db:
            self._write_now()  # another gkassist adding the same file meanwhile: its row is seen here, not a UNIQUE error
            for (fid,) in self.db.execute("SELECT id FROM files WHERE source = ?", (source,)).fetchall():
                self._drop(fid)
            first = self.db.execute("SELECT next_seq FROM totals").fetchone()[0]
            total_words = sum(len(words) for _, _, words in found)
            fid = self.db.execute(
                "INSERT INTO files (source, size, mtime_ns, own, agency, year, level, first_seq, sentences, words) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (source, size, mtime_ns, int(own), report.agency, report.year, level, first, len(found), total_words)).lastrowid
            occurrences = []
            for seq, (kind, sentence, words) in enumerate(found, first):
                joined = " ".join(words).lower()
                key = _key(joined, kind, level, own)
                row = self.db.execute("SELECT row FROM distinct_sentences WHERE key = ?", (key,)).fetchone()
                if row:
                    row = row[0]
                    self.db.execute("UPDATE distinct_sentences SET copies = copies + 1 WHERE row = ?", (row,))
                else:
                    row = _rowid(seq, own, len(words))
                    self.db.execute("INSERT INTO sentences (rowid, words, kind, level, own, length) VALUES (?, ?, ?, ?, ?, ?)",
                                    (row, joined, kind, level, own_token, len(words)))
                    self.db.execute("INSERT INTO distinct_sentences VALUES (?, ?, 1)", (row, key))
                occurrences.append((seq, row, fid, sentence))
            self.db.executemany("INSERT INTO occurrences VALUES (?, ?, ?, ?)", occurrences)
            self.db.execute("UPDATE totals SET sentences = sentences + ?, words = words + ?, next_seq = next_seq + ?",
                            (len(found), total_words, len(found)))
            counts = Counter(w for _, _, words in found for w in {w.lower() for w in words})
            self.db.executemany("INSERT INTO terms VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
                                counts.items())
        return len(found)

    def _write_now(self) -> None:
        """Take the write lock before reading what a change depends on (a plain transaction starts at its first
        write, after the reads: two processes would both see a file as new and both insert it)."""
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")

    def remove_source(self, source: str) -> bool:
        with self._lock, self.db:
            self._write_now()
            found = self.db.execute("SELECT id FROM files WHERE source = ?", (source,)).fetchall()
            for (fid,) in found:
                self._drop(fid)
        return bool(found)

    def _drop(self, fid: int) -> None:
        found = self.db.execute("SELECT first_seq, sentences, words FROM files WHERE id = ?", (fid,)).fetchone()
        if found is None:
            return  # dropped meanwhile by another gkassist following the same folder
        first, count, words = found
        if count:
            span = (first, first + count - 1)
            rows = Counter(row for (row,) in self.db.execute("SELECT row FROM occurrences WHERE seq BETWEEN ? AND ?", span))
            counts: Counter = Counter()
            for row, n in rows.items():
                (held,) = self.db.execute("SELECT words FROM sentences WHERE rowid = ?", (row,)).fetchone()
                for w in set(held.split()):
                    counts[w] += n
                self.db.execute("UPDATE distinct_sentences SET copies = copies - ? WHERE row = ?", (n, row))
            gone = [(row,) for (row,) in self.db.execute(
                f"SELECT row FROM distinct_sentences WHERE copies <= 0 AND row IN ({','.join('?' * len(rows))})", list(rows))]
            self.db.executemany("DELETE FROM sentences WHERE rowid = ?", gone)
            self.db.executemany("DELETE FROM distinct_sentences WHERE row = ?", gone)
            self.db.execute("DELETE FROM occurrences WHERE seq BETWEEN ? AND ?", span)
            self.db.executemany("UPDATE terms SET df = df - ? WHERE term = ?", [(n, w) for w, n in counts.items()])
            self.db.executemany("DELETE FROM terms WHERE term = ? AND df <= 0", [(w,) for w in counts])
            self.db.execute("UPDATE totals SET sentences = sentences - ?, words = words - ?", (count, words))
        self.db.execute("DELETE FROM files WHERE id = ?", (fid,))

    def _read(self, files: list[CorpusFile], warn) -> None:
        from gkassist.importer import load_any

        for f in files:
            try:
                report, _ = load_any(f.source)
            except InputError as e:
                warn(f"跳过 {e}")
                with self._lock, self.db:
                    self._write_now()
                    self.db.execute("DELETE FROM files WHERE source = ?", (f.source,))
                    self.db.execute("INSERT INTO files (source, size, mtime_ns, own, problem) VALUES (?, ?, ?, ?, ?)",
                                    (f.source, f.size, f.mtime_ns, int(f.own), str(e)))
                continue
            self.add_report(report, f.source, f.own, f.size, f.mtime_ns)

    # -------------------------------------------------------------- searching
    def _document_frequencies(self, words: list[str]) -> dict[str, int]:
        marks = ",".join("?" * len(words))
        return dict(self.db.execute(f"SELECT term, df FROM terms WHERE term IN ({marks})", words).fetchall())

    def search(self, words: list[str], kinds: tuple[str, ...] | None = None, level: str | None = None, top: int = 5,
               exclude_source: str | None = None, for_agency: str | None = None,
               on_subject: bool = False) -> list[Suggestion]:
        """The `top` best sentences for `words`; `on_subject`: only those about the same thing (`_on_subject`)."""
        self.settle()
        with self._lock:
            return self._search(words, kinds, level, top, exclude_source, for_agency, on_subject)

    def _search(self, words, kinds, level, top, exclude_source, for_agency, on_subject=False) -> list[Suggestion]:
        n, total = self.db.execute("SELECT sentences, words FROM totals").fetchone()
        if not n:
            return []
        terms = list(dict.fromkeys(w.lower() for w in words))  # the ascii tokenizer folds Latin letters
        df = self._document_frequencies(terms)
        subject = _content_weights(terms, df, n) if on_subject else None
        terms = [t for t in terms if df.get(t)]
        if not terms:
            return []
        idf = {t: math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5)) for t in terms}
        avg = total / n
        filters = ""
        if kinds:
            filters += " AND kind:(" + " OR ".join(f'"{k}"' for k in kinds) + ")"
        if level:
            filters += f' AND level:"{level}"'
        excluded = None
        if exclude_source:
            row = self.db.execute("SELECT id FROM files WHERE source = ?", (str(Path(exclude_source).resolve()),)).fetchone()
            excluded = row[0] if row else None
        own_rows = bool(self.db.execute("SELECT 1 FROM files WHERE own = 1 LIMIT 1").fetchone())
        budget = CANDIDATE_POSTINGS
        while True:
            # Candidates: the sentences holding the rarer words, rarest first, as many words as keep the postings
            # read within the budget (always one) — all of them on a small corpus, where the ranking is exact.
            chosen: list[str] = []
            spent = 0
            for t in sorted(terms, key=df.__getitem__):
                if chosen and spent + df[t] > budget:
                    break
                chosen.append(t)
                spent += df[t]
            ranked = self._first_scores(terms, chosen, idf, filters, avg, own_rows)
            # The head scored exactly: every word of the query, as often as the sentence holds it.
            scored: dict[int, tuple] = {}
            marks = ",".join("?" * len(ranked))
            for rowid, held, length, kind in self.db.execute(
                    f"SELECT rowid, words, length, kind FROM sentences WHERE rowid IN ({marks})", ranked):
                held = held.split()
                norm = BM25_K1 * (1 - BM25_B + BM25_B * length / avg)
                boost = OWN_BOOST * (BM25_K1 + 1) if rowid & _OWN_BIT else BM25_K1 + 1
                score = 0.0
                for t in terms:  # the query's order, as the in-memory index added the words up
                    if t in held:
                        tf = held.count(t)
                        score += idf[t] * tf * boost / (tf + norm)
                if subject is None or _on_subject(subject, held):
                    scored[rowid] = (score, kind, held)
            out = self._best(scored, words, top, for_agency, excluded)
            if len(out) >= top or len(ranked) >= POOL or len(chosen) == len(terms):
                return out
            # too few candidates (the rarer words only in the report left out, or in other parts): more words
            budget *= 8

    def _first_scores(self, terms, chosen, idf, filters, avg, own_rows) -> list[int]:
        """The POOL candidates with the best first scores, from the postings alone, added up by SQLite: Σ idf of
        the query's words each holds (the commoner words looked up among the candidates only) × what the rowid
        tells (own, length) — BM25 exactly for a sentence holding each word once.  The clerk's own sentences
        (few) are all candidates."""
        among = "words:(" + " OR ".join(f'"{t}"' for t in chosen) + ")"
        rest = [t for t in terms if t not in chosen and idf[t] >= COMMON_IDF]
        parts = [(f'words:"{t}"{filters}', idf[t]) for t in chosen] + [(f'words:"{t}" AND {among}{filters}', idf[t]) for t in rest]
        if rest and own_rows:
            parts += [(f'words:"{t}" AND NOT {among}{filters} AND own:"1"', idf[t]) for t in rest]
        union = " UNION ALL ".join("SELECT rowid AS r, ? AS w FROM sentences WHERE sentences MATCH ?" for _ in parts)
        return [r for (r,) in self.db.execute(
            f"SELECT r FROM ({union}) GROUP BY r "
            f"ORDER BY sum(w) * (CASE WHEN r & {_OWN_BIT} THEN ? ELSE ? END) / (? + ? * (r & {_LENGTH_MASK})) DESC, r LIMIT ?",
            [x for match, weight in parts for x in (weight, match)]
            + [OWN_BOOST * (BM25_K1 + 1), BM25_K1 + 1, 1 + BM25_K1 * (1 - BM25_B), BM25_K1 * BM25_B / avg, POOL])]

    def _best(self, scored: dict[int, tuple], words: list[str], top: int, for_agency, excluded) -> list[Suggestion]:
        """The `top` best sentences, each from its first copy outside the excluded file, a near-duplicate of
        one already taken left out."""
        out: list[Suggestion] = []
        seen = SentenceIndex([])
        taken: set[str] = set()
        files: dict[int, tuple[str, int, str, str] | None] = {}
        # as many as the in-memory index looked at: the rest of a long run of near-duplicates is not worth reading
        walk = sorted(scored, key=lambda r: (-scored[r][0], r))[:top * 20]
        if not walk:
            return out
        firsts = {row: (text, fid) for row, text, fid in self.db.execute(
            f"WITH candidates(row) AS (VALUES {','.join(['(?)'] * len(walk))}) "
            "SELECT candidates.row, o.text, o.file FROM candidates JOIN occurrences o ON o.seq = "
            "(SELECT seq FROM occurrences WHERE row = candidates.row AND file != ? ORDER BY seq LIMIT 1)",
            [*walk, -1 if excluded is None else excluded])}
        for rowid in walk:
            score, kind, held = scored[rowid]
            if rowid not in firsts:
                continue  # only in the excluded file
            text, fid = firsts[rowid]
            if text in taken or seen.contains(text):
                continue  # the same or nearly the same as one already suggested
            taken.add(text)
            if fid not in files:
                files[fid] = self.db.execute("SELECT agency, year, level, source FROM files WHERE id = ?", (fid,)).fetchone()
            row = files[fid]
            if row is None:
                continue
            agency, year, level, source = row
            seen = SentenceIndex([s.original for s in out] + [text])
            slotted, slots = slot(text, agency, same_agency=agency == for_agency, words=held)
            out.append(Suggestion(slotted, text, agency, year, kind, source, round(score, 3),
                                  [w for w in words if w in text], slots, level))
            if len(out) >= top:
                break
        return out


def _content_weights(terms: list[str], df: dict[str, int], sentences: int) -> dict[str, float]:
    """The query's content words (not the register every sentence has) with their idf; a word no sentence holds
    weighs most — content the corpus does not speak of."""
    return {t: math.log(1 + (sentences - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5))
            for t in terms if df.get(t, 0) < REGISTER_SHARE * sentences}


def _on_subject(content: dict[str, float], held: list[str]) -> bool:
    """Whether a sentence holding `held` speaks of the query's subject: enough of its content words in common."""
    if not content:
        return False
    shared = [t for t in content if t in held]
    return len(shared) >= min(2, len(content)) and sum(content[t] for t in shared) >= SUBJECT_SHARE * sum(content.values())


def _is_empty(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0 and \
        db.execute("PRAGMA application_id").fetchone()[0] == 0


# ------------------------------------------------------------------ the indexes of this process
_LOADED: dict[Path, PhrasingIndex] = {}
_LOADING = threading.Lock()


def _set_aside(path: Path) -> None:
    """Keep one copy of an unusable index file beside it (it may be something a person put there)."""
    aside = path.with_name(path.name + ".damaged")
    try:
        path.replace(aside)
    except OSError:
        path.unlink(missing_ok=True)
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)


def _open_index(path: Path, extra: tuple[str, ...], warn) -> PhrasingIndex:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    try:
        return PhrasingIndex.open(path, extra)
    except UnusableIndex:
        if path.exists():
            warn(f"参考语料索引 {path} 已损坏或不是 gkassist 的索引，已移到 {path.name}.damaged，正在重建")
            _set_aside(path)
    return PhrasingIndex(_fresh_connection(path), path, extra)


def _fresh_connection(path: Path) -> sqlite3.Connection:
    """A new index file; in memory (rebuilt each time) when the folder cannot be written."""
    try:
        return PhrasingIndex.open(path).db
    except UnusableIndex:
        return PhrasingIndex.in_memory().db


def _forget_old_caches() -> None:
    """The index before FTS5 was a marshal file in the cache folder: no longer read."""
    try:
        for old in list(cache_dir().glob("index-*.marshal")) + list(cache_dir().glob("index-*.pickle")):
            old.unlink(missing_ok=True)
    except OSError:
        pass


def load_index(extra: Sequence[str | Path] = (), warn=lambda msg: None) -> PhrasingIndex:
    """The index of the corpus with these folders; its first use brings it in step with their files (only
    the files added, changed or removed are read or dropped)."""
    for folder in extra:
        if not Path(folder).is_dir():
            raise InputError(f"{folder}：语料文件夹不存在")
    path = index_path(extra)
    with _LOADING:
        index = _LOADED.get(path)
        if index is None:
            if not path.exists():
                _forget_old_caches()
            index = _LOADED[path] = _open_index(path, tuple(str(Path(f).resolve()) for f in extra), warn)
    index.follow(lambda: corpus_entries(extra), warn)
    return index


def _damaged(e: sqlite3.DatabaseError) -> bool:
    """Whether SQLite says the file is damaged or not a database (not busy, full or read-only)."""
    name = getattr(e, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB" or type(e) is sqlite3.DatabaseError


def build_index(files: list[tuple[Path, bool]], warn=lambda msg: None) -> PhrasingIndex:
    """A fresh index in memory of these files (tests, benchmarks)."""
    index = PhrasingIndex.in_memory()
    entries = []
    for path, own in files:
        st = Path(path).stat()
        entries.append(CorpusFile(str(Path(path).resolve()), own, st.st_size, st.st_mtime_ns))
    index.sync(entries, warn)
    return index


def corpus_reports(extra: Sequence[str | Path] = ()) -> list[dict]:
    """The corpus's reports: agency, year, level, sentences, source (the file), own (added by the clerk)."""
    return load_index(extra).reports


def search(index: PhrasingIndex, query: str, kind: str | None = None, top: int = 5, exclude_source: str | None = None,
           for_agency: str | None = None, level: str | None = None, warn=lambda msg: None,
           on_subject: bool = False) -> list[Suggestion]:
    """The best `top` sentences for `query` in section `kind` (总体情况 covers its five parts; None, every part),
    from reports of `level` only when given; `for_agency` is the drafting agency, whose own sentences keep its
    names."""
    check_level(level)
    words = keywords(query)
    if not words:
        return []
    kinds = overview_kinds() if kind == OVERVIEW_KIND else ((kind,) if kind else None)
    try:
        return index.search(words, kinds, level, top, exclude_source, for_agency, on_subject)
    except sqlite3.DatabaseError as e:
        if not _damaged(e):
            raise InputError(f"参考语料索引暂时无法读取（{e}），请稍后再试") from None
        index.rebuild(warn)
        return index.search(words, kinds, level, top, exclude_source, for_agency, on_subject)


def check_level(level: str | None) -> None:
    """A report's level as `--level` takes it (None: any level)."""
    if level is not None and level not in LEVELS:
        raise InputError(f"--level：不认识“{level}”（可选：{'、'.join(f'{k}（{v}）' for k, v in level_names().items())}）")


def warm_up() -> PhrasingIndex:
    """Load everything a first suggestion needs — jieba, its word tags (~0.4 s), the index — so that the
    app can do it in a worker after the first paint instead of on the clerk's first narrative answer."""
    index = load_index()
    search(index, "政府信息公开", None, 1)
    place_words()
    return index


def is_warm() -> bool:
    """Whether what a first suggestion needs (the word tags and an index) is already in memory."""
    return place_words.cache_info().currsize == 1 and bool(_LOADED)


def cool_down() -> None:
    """Forget what `warm_up` loaded (the next suggestion loads it again)."""
    place_words.cache_clear()
    with _LOADING:
        _LOADED.clear()  # not closed: whoever still holds one may finish with it
