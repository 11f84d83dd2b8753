"""jieba, loaded the fast way, and the place names of its dictionary.

Plain `jieba.initialize()` imports pkg_resources (~0.1 s) and reads its 9 MB prefix-dictionary cache with
`marshal.load(file)` (0.7–0.9 s); the place-name tags need `jieba.posseg`, which reads dict.txt again
(0.3–0.6 s).  Here the prefix dictionary is one `marshal.loads` of our own cache file, pkg_resources is never
imported, and the place names (tag ns) are a small cache of their own.  The segmentation is jieba's own, the
same word for word (tests/test_corpus.py compares them on the corpus sentences).
"""

from __future__ import annotations

import logging
import marshal
import sys
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
        sys.modules["pkg_resources"] = None  # jieba's _compat then opens its files directly
    try:
        import jieba
    finally:
        if saved is missing:
            del sys.modules["pkg_resources"]
    return jieba


@cache
def jieba_module():
    """jieba with its prefix dictionary loaded and the domain dictionary added."""
    jieba = _import_jieba()
    jieba.setLogLevel(logging.ERROR)
    tokenizer = jieba.dt
    path = cache_dir() / f"jieba-{jieba.__version__}-prefix.marshal"
    try:
        freq, total = marshal.loads(path.read_bytes())
        if not isinstance(freq, dict) or not isinstance(total, int) or not freq:
            raise ValueError("not a prefix dictionary")
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    except (OSError, ValueError, EOFError, TypeError):
        tokenizer.initialize()
        _write_quietly(path, marshal.dumps((tokenizer.FREQ, tokenizer.total)))
    jieba.load_userdict(str(resource_dir("data") / "domain_dict.txt"))
    return jieba


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
