"""Phrasing from earlier reports: the narrative sentences of a corpus in an SQLite FTS5 index (index),
segmented by jieba (segmentation), by the part of a report they come from (sections), with another
agency's facts marked as slots to fill (slots).

The corpus is the shipped samples, the user's own reports (user data dir) and any folder given.  jieba is
imported only when a query or a build needs it.  The command line prints; this package returns data.
"""

from gkassist.corpus.index import (
    BM25_B,
    BM25_K1,
    OWN_BOOST,
    PhrasingIndex,
    Suggestion,
    build_index,
    check_level,
    cool_down,
    corpus_entries,
    corpus_files,
    corpus_reports,
    index_path,
    is_warm,
    load_index,
    search,
    warm_up,
)
from gkassist.corpus.own import add_to_own, remove_from_own
from gkassist.corpus.sections import (
    OTHER_KIND,
    OVERVIEW_KIND,
    PROBLEMS_KIND,
    overview_kinds,
    paragraph_kinds,
    section_kind,
    section_kinds,
)
from gkassist.corpus.segmentation import keywords, stopwords, tokens
from gkassist.corpus.slots import slot

__all__ = [
    "BM25_B", "BM25_K1", "OTHER_KIND", "OVERVIEW_KIND", "OWN_BOOST", "PROBLEMS_KIND",
    "PhrasingIndex", "overview_kinds", "section_kinds",
    "Suggestion", "add_to_own", "build_index", "check_level", "cool_down", "corpus_entries", "corpus_files", "corpus_reports", "index_path",
    "is_warm", "keywords", "load_index", "paragraph_kinds", "remove_from_own", "search", "section_kind", "slot", "stopwords", "tokens",
    "warm_up",
]
