"""Phrasing from earlier reports: a jieba + BM25 index over the narrative sentences of a corpus.

The corpus is the shipped samples, the user's own reports (user data dir) and any folder given.
The index is built once and cached on disk (user cache dir), keyed by the corpus files' names, sizes and
times; a corrupt cache is rebuilt.  jieba is imported only when a query or a build needs it.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import marshal
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gkassist.core.errors import InputError
from gkassist.core.flow import overview_parts, part_words
from gkassist.core.repetition import SentenceIndex, normalise, split_sentences

# segmentation imports only the standard library here: jieba itself loads on the first segmentation
from gkassist.corpus.segmentation import jieba_module, load_whole_dictionary, place_words
from gkassist.paths import cache_dir, resource_dir, user_corpus_dir

CACHE_VERSION = 7  # 7: digest + marshal, column by column, flat postings (4 was a pickle)
# The parts of a report a sentence can come from (what --section accepts, besides aliases): 一 as a whole, the parts
# of 一 the question flow asks for (prompts/flow.yaml), 五 and 六.
OVERVIEW_KIND, PROBLEMS_KIND, OTHER_KIND = "总体情况", "问题和改进", "其他事项"


def overview_kinds() -> tuple[str, ...]:
    return (OVERVIEW_KIND,) + tuple(part for part, _ in overview_parts())


def section_kinds() -> tuple[str, ...]:
    return overview_kinds() + (PROBLEMS_KIND, OTHER_KIND)


_SECTION_ALIASES = {
    "一、总体情况": "总体情况", "overview": "总体情况",
    "政府信息公开平台建设": "平台建设", "平台": "平台建设",
    "五、存在的主要问题及改进情况": "问题和改进", "存在的主要问题及改进情况": "问题和改进", "问题": "问题和改进",
    "problems": "问题和改进", "六、其他需要报告的事项": "其他事项", "其他需要报告的事项": "其他事项", "其他": "其他事项",
    "other": "其他事项",
}
_OVERVIEW_PART = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]\s*([^。；，,]{0,16})")
BM25_K1, BM25_B = 1.5, 0.75
OWN_BOOST = 1.5  # the clerk's own past reports rank above strangers'


def section_kind(name: str) -> str:
    name = name.strip()
    kind = _SECTION_ALIASES.get(name, name)
    if kind not in section_kinds():
        raise InputError(f"--section：不认识“{name}”（可选：{'、'.join(section_kinds())}）")
    return kind


def paragraph_kinds(report) -> list[tuple[str, str]]:
    """(kind, paragraph) for every narrative paragraph; overview paragraphs take the kind of the
    sub-heading （一）主动公开… they fall under."""
    out = []
    current = OVERVIEW_KIND
    words = part_words()
    for para in report.paragraphs("overview"):
        m = _OVERVIEW_PART.match(para)
        if m:
            current = next((kind for word, kind in words if word in m.group(1)), OVERVIEW_KIND)
        out.append((current, para))
    out += [(PROBLEMS_KIND, p) for p in report.paragraphs("problems")]
    out += [(OTHER_KIND, p) for p in report.paragraphs("other")]
    return out


# ------------------------------------------------------------------ segmentation
@cache
def stopwords() -> frozenset[str]:
    return frozenset((resource_dir("data") / "stopwords.txt").read_text(encoding="utf-8").split())


_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{3,}")


def tokens(text: str) -> list[str]:
    stop = stopwords()
    return [w for w in jieba_module().lcut(text) if _WORD.fullmatch(w) and w not in stop]


def keywords(query: str, limit: int = 12) -> list[str]:
    """The clerk's words that carry meaning, most frequent first (stop words and punctuation dropped)."""
    counts = Counter(tokens(query[:2000]))
    return [w for w, _ in counts.most_common(limit)]


# ------------------------------------------------------------------ slots
_YEAR = re.compile(r"20\d{2}\s*年(?:度)?")
_NUMBER = re.compile(r"\d[\d,.]*\s*(?:%|％|余?(?:件|条|个|次|期|篇|场|人次|人|万元|元|家|项|批|宗|份|处|部|栏|户|小时|天|日|个工作日)|余)")
_ADMIN_PART = re.compile(r"[\u4e00-\u9fff]+?(?:自治州|自治县|省|市|县|区|镇|乡|街道|旗)")
# Another unit's level words: “县政府门户网站” in a 市 department's report is the wrong site.
_LEVEL_WORDS = re.compile(r"(?:省|市|县|区|州|旗|镇|乡)(?:级)?(?:人民)?(?:政府(?:门户网站|网站|网|官网|信息公开专栏)"
                          r"|政务服务(?:中心|网)|政务公开专栏|融媒体中心)")
_GENERIC_PLACE = {"我镇", "全镇", "本镇", "我乡", "全乡", "我区", "全区", "我县", "全县", "我市", "全市", "各村", "全省"}
# words jieba's dictionary tags as place names (ns) that are not another agency's place in these reports
_NOT_PLACES = {"中国", "中华人民共和国", "之日起", "上岗", "上门", "以利", "和县", "各县区", "长三角"}



def slot(text: str, agency: str, same_agency: bool = False) -> tuple[str, list[str]]:
    """Mark another agency's facts — its name, places, years, numbers — as slots to fill or confirm.

    For the clerk's own agency (`same_agency`) its name and places stay: only years and numbers change.
    """
    found: list[str] = []

    def mark(kind):
        def sub(m):
            found.append(m.group(0))
            return f"〔{kind}：{m.group(0)}〕"
        return sub

    def outside_slots(out: str, change) -> str:
        pieces = re.split(r"(〔[^〕]*〕)", out)
        return "".join(p if p.startswith("〔") else change(p) for p in pieces)

    def literal(kind, word):
        def change(piece):
            if word in piece:
                found.append(word)
            return piece.replace(word, f"〔{kind}：{word}〕")
        return change

    out = text
    if not same_agency:
        names = {agency, agency.replace("人民政府", ""), re.sub(r"^.*?(?:县|市|区)", "", agency)}
        for name in sorted((n for n in names if len(n) >= 3), key=len, reverse=True):
            out = outside_slots(out, literal("机关", name))
        # places: the parts of the source agency's name (青岚县, 石桥镇) and what jieba tags as a place name
        places = {m.group(0) for m in _ADMIN_PART.finditer(agency)}
        places |= {w for w in jieba_module().lcut(text)
                   if len(w) >= 2 and w in place_words() and w not in _NOT_PLACES and not w.endswith("度")
                   and not w.startswith(("各", "全", "我", "本", "该"))}
        for place in sorted(places - _GENERIC_PLACE, key=len, reverse=True):
            out = outside_slots(out, literal("地名", place))
        out = outside_slots(out, lambda p: _LEVEL_WORDS.sub(mark("机关"), p))
    out = outside_slots(out, lambda p: _YEAR.sub(mark("年份"), p))
    out = outside_slots(out, lambda p: _NUMBER.sub(mark("数字"), p))
    return out, found


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
    allowed = overview_kinds() if kind == OVERVIEW_KIND else ((kind,) if kind else None)
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


def warm_up() -> Index:
    """Load everything a first suggestion needs — jieba, its word tags (~0.4 s), the index — so that the
    app can do it in a worker after the first paint instead of on the clerk's first narrative answer."""
    index = load_index()
    keywords("政府信息公开")
    place_words()
    return index


def is_warm() -> bool:
    """Whether what a first suggestion needs (the word tags and an index) is already in memory."""
    return place_words.cache_info().currsize == 1 and bool(_LOADED)


def cool_down() -> None:
    """Forget what `warm_up` loaded (the next suggestion loads it again)."""
    place_words.cache_clear()
    _LOADED.clear()


# ------------------------------------------------------------------ commands
def _warn(msg: str) -> None:
    print(msg, file=sys.stderr)


def suggest_command(args) -> int:
    kind = section_kind(args.section)
    query = args.query.strip()
    if not query:
        raise InputError("请写几句今年做了什么（例如：“今年重点公开了财政预决算和惠民补贴”）")
    if len(query) > 20000:
        query = query[:20000]
    if not re.search(r"[\u4e00-\u9fff]", query):
        raise InputError("请用中文描述今年的工作，语料库里是中文报告")
    index = load_index(args.corpus, _warn)
    results = search(index, query, kind, max(1, args.top))
    words = keywords(query)
    if args.json:
        print(json.dumps({"keywords": words, "suggestions": [s.to_dict() for s in results]}, ensure_ascii=False, indent=2))
        return 0
    if not words:
        print("没有从这句话里找到关键词（只有常用字词或标点），请多写一些具体内容")
        return 0
    if not results:
        print(f"关键词：{'、'.join(words)}；语料库里没有找到合适的句子")
        return 0
    print(f"关键词：{'、'.join(words)}")
    for i, s in enumerate(results, 1):
        print(f"{i}. {s.text}")
        print(f"   出处：{s.agency} {s.year}年度报告 · {s.section}；匹配：{'、'.join(dict.fromkeys(s.matched))}")
    print("〔…〕 处是原报告的机关、地名、年份和数字，请换成本单位今年的实际情况")
    return 0


def corpus_command(args) -> int:
    from gkassist.core.files import atomic_write, report_file_name
    from gkassist.importer import load_any

    if args.corpus_command == "add":
        target = user_corpus_dir()
        target.mkdir(parents=True, exist_ok=True)
        added = 0
        for name in args.files:
            try:
                report, result = load_any(name)
            except InputError as e:
                _warn(f"跳过 {e}")
                continue
            dest = target / report_file_name(report)
            atomic_write(dest, report.to_json())
            added += 1
            note = "（部分结果）" if result is not None and result.partial else ""
            print(f"已加入：{report.agency} {report.year}年度{note} → {dest}")
        if not added:
            return 2
        return 0
    index = load_index([], _warn)
    print(f"{'机关':<24}{'年度':<8}{'句子':<6}来源")
    for r in index.reports:
        where = "我的报告" if r["own"] else ("随附样例" if "samples" in r["source"] else r["source"])
        print(f"{r['agency']:<24}{r['year']:<8}{r['sentences']:<6}{where}")
    return 0
