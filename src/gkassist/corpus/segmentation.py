"""jieba, loaded the fast way, and the place names of its dictionary.

Plain `jieba.initialize()` imports pkg_resources (~0.1 s) and reads its 9 MB prefix-dictionary cache with
`marshal.load(file)` (0.7–0.9 s); the place-name tags need `jieba.posseg`, which reads dict.txt again
(0.3–0.6 s).  Here pkg_resources is never imported and the place names (tag ns) are a small cache of their
own.  The prefix dictionary is looked up on demand in an SQLite file built once (a query or the sentences
shown to the clerk touch a few hundred entries of its 580,000); building an index, which segments every
sentence of the corpus, loads it whole with one `marshal.loads`.  The segmentation is jieba's own, the same
word for word either way (tests/corpus/test_corpus.py compares them on the corpus sentences).
"""

from __future__ import annotations

import logging
import marshal
import re
import sqlite3
import sys
import threading
from collections import Counter
from functools import cache
from pathlib import Path

from gkassist.paths import cache_dir, resource_dir


def _write_quietly(path: Path, data: bytes) -> None:
    from gkassist.core.errors import InputError
    from gkassist.core.files import atomic_write

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except (OSError, InputError):
        pass  # an unwritable cache only costs the slow load next time


def _import_jieba():
    missing = object()
    saved = sys.modules.get("pkg_resources", missing)
    if saved is missing:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # a None entry makes the import fail: jieba's _compat then opens its files directly
    try:
        import jieba
    finally:
        if saved is missing:
            del sys.modules["pkg_resources"]
    return jieba


class OnDemandFrequencies:
    """jieba's prefix dictionary (word → frequency, 0 for a prefix) read entry by entry from SQLite and kept once
    read; words added afterwards (the domain dictionary) live in memory.  Has what jieba uses of a dict."""

    def __init__(self, path: Path):
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()  # the TUI's worker and the UI thread may both segment
        self._known: dict[str, int | None] = {}

    def _lookup(self, word: str) -> int | None:
        try:
            return self._known[word]
        except KeyError:
            pass
        with self._lock:
            row = self._db.execute("SELECT f FROM freq WHERE w = ?", (word,)).fetchone()
        self._known[word] = value = row[0] if row else None
        return value

    def get(self, word, default=None):
        value = self._lookup(word)
        return default if value is None else value

    def __contains__(self, word) -> bool:
        return self._lookup(word) is not None

    def __getitem__(self, word) -> int:
        value = self._lookup(word)
        if value is None:
            raise KeyError(word)
        return value

    def __setitem__(self, word, value) -> None:
        self._known[word] = value

    @staticmethod
    def build(path: Path, freq: dict, total: int) -> None:
        tmp = path.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, f INTEGER) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (total INTEGER)")
        db.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
        db.execute("INSERT INTO meta VALUES (?)", (total,))
        db.commit()
        db.close()
        tmp.replace(path)


def _full_dictionary(jieba) -> tuple[dict, int]:
    """The whole prefix dictionary, from our marshal cache (one read) or jieba's own loading."""
    path = cache_dir() / f"jieba-{jieba.__version__}-prefix.marshal"
    try:
        freq, total = marshal.loads(path.read_bytes())
        if isinstance(freq, dict) and isinstance(total, int) and freq:
            return freq, total
    except (OSError, ValueError, EOFError, TypeError):
        pass
    tokenizer = jieba.Tokenizer()
    # jieba's own cache goes to the user's cache folder: by default it reads and trusts /tmp/jieba.cache, which
    # any user of the machine can plant
    tokenizer.tmp_dir = str(cache_dir())
    try:
        cache_dir().mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # jieba then only fails to save its cache
    tokenizer.initialize()
    _write_quietly(path, marshal.dumps((tokenizer.FREQ, tokenizer.total)))
    return tokenizer.FREQ, tokenizer.total


def _add_domain_words(jieba) -> None:
    jieba.load_userdict(str(resource_dir("data") / "domain_dict.txt"))


@cache
def jieba_module():
    """jieba with its prefix dictionary on demand (SQLite) and the domain dictionary added."""
    jieba = _import_jieba()
    jieba.setLogLevel(logging.ERROR)
    tokenizer = jieba.dt
    tokenizer.tmp_dir = str(cache_dir())  # never /tmp/jieba.cache (see _full_dictionary)
    path = cache_dir() / f"jieba-{jieba.__version__}-prefix.sqlite"
    freq: OnDemandFrequencies | dict[str, int]
    try:
        freq = OnDemandFrequencies(path)
        (total,) = freq._db.execute("SELECT total FROM meta").fetchone()
    except (sqlite3.Error, TypeError, ValueError):
        full, total = _full_dictionary(jieba)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            OnDemandFrequencies.build(path, full, total)
            freq = OnDemandFrequencies(path)
        except (OSError, sqlite3.Error):
            freq = full  # no cache folder: the whole dictionary in memory, as jieba itself does
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    _add_domain_words(jieba)
    return jieba


def load_whole_dictionary() -> None:
    """Before segmenting a whole corpus: the prefix dictionary in memory (SQLite per lookup would be slow)."""
    jieba = jieba_module()
    if isinstance(jieba.dt.FREQ, dict):
        return
    jieba.dt.FREQ, jieba.dt.total = _full_dictionary(jieba)
    _add_domain_words(jieba)


@cache
def place_words() -> frozenset[str]:
    """The words jieba's dictionary tags as place names (ns), from a cache of their own."""
    jieba = _import_jieba()
    path = cache_dir() / f"jieba-{jieba.__version__}-places.marshal"
    try:
        words = marshal.loads(path.read_bytes())
        if isinstance(words, list) and words and all(isinstance(w, str) for w in words[:10]):
            return frozenset(words)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    words = []
    with open(dictionary, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "ns":
                words.append(parts[0])
    _write_quietly(path, marshal.dumps(words))
    return frozenset(words)


# ------------------------------------------------------------------ the words a sentence is indexed and found by
@cache
def stopwords() -> frozenset[str]:
    return frozenset((resource_dir("data") / "stopwords.txt").read_text(encoding="utf-8").split())


_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{3,}")


def tokens(text: str) -> list[str]:
    """The words of `text` that carry meaning: two or more Chinese characters or three or more Latin letters,
    stop words left out."""
    stop = stopwords()
    return [w for w in jieba_module().lcut(text) if _WORD.fullmatch(w) and w not in stop]


def keywords(query: str, limit: int = 12) -> list[str]:
    """The clerk's words that carry meaning, most frequent first (stop words and punctuation dropped)."""
    counts = Counter(tokens(query[:2000]))
    return [w for w, _ in counts.most_common(limit)]
