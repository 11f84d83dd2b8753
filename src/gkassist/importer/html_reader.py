"""HTML pages: find the article among the CMS navigation, and give its text with tables as rows."""

from __future__ import annotations

import re
from pathlib import Path

from gkassist.core.errors import InputError

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "br", "tr", "table",
          "ul", "ol", "blockquote", "pre", "header", "footer", "center"}
_SKIP = {"script", "style", "noscript", "nav", "head", "iframe", "select", "button", "form"}
# The six parts' heading words (a page may lack one part, or print a heading otherwise).
_REPORT_MARKS = ("总体情况", "主动公开政府信息", "收到和处理政府信息公开申请", "行政复议", "存在的主要问题", "其他需要报告的事项")


def html_text(html: str, path: Path) -> str:
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as e:
        raise InputError(f"{path}：无法解析 HTML（{e}）") from None
    article = _find_article(root)
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
            title = re.sub(r"\s+", "", el.text_content())
            title = re.split(r"[-_|—]{1,2}(?=[^-_|—]*(?:网|政府|门户)[^-_|—]*$)", title)[0]  # “…报告_某某区政府网”
            if TITLE.search(title) or TITLE_YEAR_FIRST.search(title):
                lines.append(title)
                break
    if not PUBLISHER.search(article[:5000]):
        page = re.sub(r"[ \t\xa0]+", " ", root.text_content())
        if m := PUBLISHER.search(page):
            lines.append(m.group(0).replace(" ", ""))
    return "".join(line + "\n" for line in lines)


def _find_article(root):
    """The deepest element holding as many of the six parts' heading words as the page holds (at least three, so a
    report missing one part is still found) and, where one does, its tables: a preface paragraph that lists the six
    parts holds the words too, but no table."""
    best = best_without_table = None
    most = 2
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        text = re.sub(r"\s+", "", el.text_content())
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
    return re.sub(r"\s+", "", cell.text_content())


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
