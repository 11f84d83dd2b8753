"""HTML pages: find the article among the CMS navigation, and give its text with tables as rows."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from gkassist.core.errors import InputError

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "br", "tr", "table",
          "ul", "ol", "blockquote", "pre", "header", "footer", "center"}
_SKIP = {"script", "style", "noscript", "nav", "head", "iframe", "select", "button", "form"}
# The six parts' heading words (a page may lack one part, or print a heading otherwise).
_REPORT_MARKS = ("总体情况", "主动公开政府信息", "收到和处理政府信息公开申请", "行政复议", "存在的主要问题", "其他需要报告的事项")


# The work a page may ask for, counted as it is done: a report's page has about a thousand elements, 10 to 20
# levels deep, and reads in well under a second.  A crafted page (millions of <td>, divs nested hundreds deep) is refused
# as soon as it passes one of these, before it costs minutes or gigabytes.
MAX_ELEMENTS = 50_000  # fifty times a report's page
MAX_DEPTH = 100
MAX_TEXT_SCANNED = 10_000_000  # characters looked through while finding the article (a page: about half a million)
SECONDS = 10.0


class _Budget:
    """What reading one page may still spend; past any of it, one Chinese line naming the page."""

    def __init__(self, path: Path | str):
        import time

        self.path, self.deadline, self.scanned = path, time.monotonic() + SECONDS, 0

    def check_time(self) -> None:
        import time

        if time.monotonic() > self.deadline:
            raise InputError(f"{self.path}：网页过于复杂，读取超过{SECONDS:g}秒仍未完成，不像一份年度报告，没有读取")

    def scan(self, chars: int) -> None:
        self.scanned += chars
        if self.scanned > MAX_TEXT_SCANNED:
            raise InputError(f"{self.path}：网页过于复杂（层层嵌套的大量文字），不像一份年度报告，没有读取")


def _parse(html: str, budget: _Budget):
    """The page's tree, parsed a piece at a time; its elements and their depth counted as they are made."""
    from lxml import etree

    parser = etree.HTMLPullParser(events=("start", "end"))
    elements = depth = 0
    for at in range(0, len(html), 1 << 16):
        parser.feed(html[at:at + (1 << 16)])
        for event, _ in parser.read_events():
            if event == "end":
                depth -= 1
                continue
            elements, depth = elements + 1, depth + 1
            if elements > MAX_ELEMENTS:
                raise InputError(f"{budget.path}：网页有超过{MAX_ELEMENTS}个元素（标签），远多于一份年度报告，没有读取")
            if depth > MAX_DEPTH:
                raise InputError(f"{budget.path}：网页的标签嵌套超过{MAX_DEPTH}层，不是一份年度报告的结构，没有读取")
        budget.check_time()
    return parser.close()


def html_text(html: str, path: Path | str) -> str:
    from lxml import etree

    budget = _Budget(path)
    try:
        root = _parse(html, budget)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise InputError(f"{path}：无法解析 HTML（{e}）") from None
    if root is None:
        raise InputError(f"{path}：网页是空的，不是政府信息公开工作年度报告")
    article = _find_article(root, budget)
    if article is None:
        title = (root.findtext(".//title") or "").strip()
        raise InputError(f"{path}：这个网页{f'（{title}）' if title else ''}不是政府信息公开工作年度报告（找不到“收到和处理政府信息公开申请情况”等章节）")
    out: list[str] = []
    _walk(article, out)
    text = "".join(out)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return _page_heading(root, text) + text


def _page_heading(root, article: str) -> str:
    """Lines the page puts outside the article: its title (in an <h1> or <title>) when the article has none,
    and a “发布机构” line, so that the agency and year are found wherever the page puts them."""
    from gkassist.importer.title import PUBLISHER, TITLE, TITLE_YEAR_FIRST, title_line

    lines = []
    if title_line(article[:1500])[1] is None:
        for el in list(root.iter("h1", "h2", "h3")) + list(root.iter("title")):
            title = re.sub(r"\s+", "", _text(el))
            title = re.split(r"[-_|—]{1,2}(?=[^-_|—]*(?:网|政府|门户)[^-_|—]*$)", title)[0]  # “…报告_某某区政府网”
            if TITLE.search(title) or TITLE_YEAR_FIRST.search(title):
                lines.append(title)
                break
    if not PUBLISHER.search(article[:5000]):
        page = re.sub(r"[ \t\xa0]+", " ", _text(root))
        if m := PUBLISHER.search(page):
            lines.append(m.group(0).replace(" ", ""))
    return "".join(line + "\n" for line in lines)


def _text(el) -> str:
    """An element's text, its children's included (lxml.html's text_content(), without lxml.html's element classes:
    looking up a class per element cost a second for 100,000 elements)."""
    return _string_of()(el)


@cache
def _string_of():
    from lxml import etree

    return etree.XPath("string()", smart_strings=False)


def _find_article(root, budget: _Budget):
    """The deepest element holding as many of the six parts' heading words as the page holds (at least three, so a
    report missing one part is still found) and, where one does, its tables: a preface paragraph that lists the six
    parts holds the words too, but no table.  Each element's text is looked through: the characters are counted
    (`budget`), since nested elements repeat their children's."""
    best = best_without_table = None
    most = 2
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        text = _text(el)
        budget.scan(len(text))
        budget.check_time()
        text = re.sub(r"\s+", "", text)
        marks = sum(m in text for m in _REPORT_MARKS)
        if marks < most:
            continue
        if marks > most:
            most, best, best_without_table = marks, None, None
        best_without_table = el  # iter() is depth-first: later matches are deeper
        if el.tag == "table" or el.find(".//table") is not None:
            best = el
    best = best if best is not None else best_without_table
    if best is None:
        return None
    # the deepest element holding the marks may be a single table cell; keep the whole article
    while best.getparent() is not None and best.tag in ("td", "th", "tr", "tbody", "table"):
        best = best.getparent()
    return best


def _cell_text(cell) -> str:
    return re.sub(r"\s+", "", _text(cell))


def _walk(el, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIP:
        if el.tail:
            out.append(el.tail)
        return
    if tag == "table" and el.find(".//table") is None:
        out.append("\n")
        for tr in el.iter("tr"):
            cells = [_cell_text(c) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
            out.append(" | ".join(cells) + "\n")
        out.append("\n")
    else:
        if tag in _BLOCK:
            out.append("\n")
        if el.text and tag:
            out.append(el.text)
        for child in el:
            _walk(child, out)
        if tag in _BLOCK:
            out.append("\n")
    if el.tail:
        out.append(el.tail)
