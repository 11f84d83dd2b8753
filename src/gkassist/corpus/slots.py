"""A reused sentence's slots: another agency's name, places, years and numbers marked 〔机关：…〕〔地名：…〕
〔年份：…〕〔数字：…〕 for the clerk to replace (the checks catch a slot left in a report, core/slots.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from gkassist.corpus.segmentation import jieba_module, place_words

_YEAR = re.compile(r"20\d{2}\s*年(?:度)?")
_NUMBER = re.compile(r"\d[\d,.]*\s*(?:%|％|余?(?:件|条|个|次|期|篇|场|人次|人|万元|元|家|项|批|宗|份|处|部|栏|户|小时|天|日|个工作日)|余)")
_ADMIN_PART = re.compile(r"[\u4e00-\u9fff]+?(?:自治州|自治县|省|市|县|区|镇|乡|街道|旗)")
# Another unit's level words: “县政府门户网站” in a 市 department's report is the wrong site.
_LEVEL_WORDS = re.compile(r"(?:省|市|县|区|州|旗|镇|乡)(?:级)?(?:人民)?(?:政府(?:门户网站|网站|网|官网|信息公开专栏)"
                          r"|政务服务(?:中心|网)|政务公开专栏|融媒体中心)")
_GENERIC_PLACE = {"我镇", "全镇", "本镇", "我乡", "全乡", "我区", "全区", "我县", "全县", "我市", "全市", "各村", "全省"}
# words jieba's dictionary tags as place names (ns) that are not another agency's place in these reports
_NOT_PLACES = {"中国", "中华人民共和国", "之日起", "上岗", "上门", "以利", "和县", "各县区", "长三角"}


def slot(text: str, agency: str, same_agency: bool = False, words: Iterable[str] | None = None) -> tuple[str, list[str]]:
    """Mark another agency's facts — its name, places, years, numbers — as slots to fill or confirm.

    For the clerk's own agency (`same_agency`) its name and places stay: only years and numbers change.
    `words`: the sentence's jieba words when the caller has them (the index stores them), to spare segmenting
    it again — a place name is a word of two or more Chinese characters, which the index keeps.
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
        places |= {w for w in (jieba_module().lcut(text) if words is None else words)
                   if len(w) >= 2 and w in place_words() and w not in _NOT_PLACES and not w.endswith("度")
                   and not w.startswith(("各", "全", "我", "本", "该"))}
        for place in sorted(places - _GENERIC_PLACE, key=len, reverse=True):
            out = outside_slots(out, literal("地名", place))
        out = outside_slots(out, lambda p: _LEVEL_WORDS.sub(mark("机关"), p))
    out = outside_slots(out, lambda p: _YEAR.sub(mark("年份"), p))
    out = outside_slots(out, lambda p: _NUMBER.sub(mark("数字"), p))
    return out, found
