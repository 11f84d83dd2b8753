"""Reports by web address: `gkassist import URL`, `draft --from URL`, `audit --urls 名单.txt`.

A web address may give the report's page (its text and tables among the site's navigation), an article page whose
report is an attached PDF or Word file (followed), the file itself, or — for the audit — a 年报栏目 list page whose
links lead to the reports.  Fetching is bounded: http(s) only, a few redirects, a size limit, and a total time
limit that also cuts off a server dripping bytes (the whole fetch runs in a thread the caller stops waiting for).
Pages in GBK/GB18030 are decoded by the charset their header or <meta> names.
"""

from __future__ import annotations

import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from gkassist.core.errors import InputError
from gkassist.core.files import MAX_INPUT_BYTES, decode_text, safe_name

TOTAL_SECONDS = 30.0  # the whole fetch of one address, redirects and body included
CONNECT_SECONDS = 10.0
MAX_BYTES = MAX_INPUT_BYTES
MAX_REDIRECTS = 5
MAX_LIST_LINKS = 300  # a 年报栏目 page lists a few dozen reports; more is not such a page
USER_AGENT = "Mozilla/5.0 (compatible; gkassist annual-report importer)"  # headers are ASCII

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")
_ATTACHMENT = re.compile(r"\.(pdf|docx|doc|wps)(?:$|[?#])", re.I)
_REPORT_WORDS = re.compile(r"年度报告|年报|政府信息公开工作")
_ONE_YEARS_REPORT = re.compile(r"(?:19|20)\d{2}\s*年")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


def is_url(name) -> bool:
    """A web address (http, https — or another scheme, which `fetch` then refuses with a message)."""
    return isinstance(name, str) and bool(_SCHEME.match(name.strip())) and not re.match(r"^[a-zA-Z]:[\\/]", name)


@dataclass
class Fetched:
    url: str  # where the content came from, after redirects
    data: bytes
    content_type: str

    def text(self) -> str:
        """The page decoded by the charset its header or <meta> names (GBK/GB18030 pages are common), else guessed."""
        charset = _charset(self.content_type) or _meta_charset(self.data[:4096])
        if charset:
            if charset.lower().replace("-", "") in ("gb2312", "gbk", "gb18030", "hzgb2312"):
                charset = "gb18030"  # the superset: a GB2312 page often holds characters of GBK
            try:
                return self.data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return decode_text(self.data, self.url)


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def _meta_charset(head: bytes) -> str | None:
    m = _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


def fetch(url: str, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """The content at `url`, or an InputError in Chinese naming the address and what went wrong."""
    url = url.strip()
    timeout = TOTAL_SECONDS if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    found = _SCHEME.match(url)
    scheme = found[1].lower() if found else ""
    if scheme not in ("http", "https"):
        raise InputError(f"{url}：只支持 http:// 或 https:// 开头的网址")
    _check_host(url)  # “http://” with no site: said as such, not as a redirect (httpx calls both UnsupportedProtocol)
    outcome: dict = {}

    def run():
        try:
            outcome["fetched"] = _fetch(url, timeout, max_bytes)
        except InputError as e:
            outcome["error"] = e
        except Exception as e:  # noqa: BLE001 — any failure of the network is one message, never a traceback
            outcome["error"] = InputError(f"{url}：无法读取网页（{type(e).__name__}）")

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout + 1)
    if worker.is_alive():  # a server dripping its headers slowly: stop waiting (the thread ends on its own time limits)
        raise InputError(f"{url}：网站在{timeout:g}秒内没有传完网页，已停止读取；请稍后再试，或在浏览器中打开后另存为文件再导入")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["fetched"]


def _check_host(url: str) -> None:
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname
    except ValueError:  # “http://[::1”
        host = None
    if not host:
        raise InputError(f"{url}：网址不完整或格式不对（“//”后面没有网站地址），请检查这个网址")


_TLS: list = []  # the process's TLS context, made on the first fetch
_TLS_MADE = threading.Lock()


def _tls_context():
    """One TLS context a process: reading the certificate authorities (certifi's, or SSL_CERT_FILE's) costs ~20 ms
    of CPU, and an audit of a list page fetches every report it links to, each with a client of its own."""
    import httpx

    with _TLS_MADE:
        if not _TLS:
            _TLS.append(httpx.create_ssl_context(trust_env=True))
        return _TLS[0]


def _fetch(url: str, timeout: float, max_bytes: int) -> Fetched:
    import time

    import httpx

    deadline = time.monotonic() + timeout
    # trust_env: an office behind a proxy sets HTTP(S)_PROXY / NO_PROXY, as for any other program
    limits = httpx.Timeout(min(CONNECT_SECONDS, timeout), read=min(CONNECT_SECONDS, timeout))
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=limits, trust_env=True,
                          verify=_tls_context(), headers={"User-Agent": USER_AGENT}) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(f"{url}：网站回答 {response.status_code}（{_status_words(response.status_code)}），没有读到网页")
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > max_bytes:
                    raise InputError(f"{url}：网页或附件有 {int(length) / 1024 / 1024:.0f} MB，远大于一份年度报告"
                                     f"（上限 {max_bytes // 1024 // 1024} MB），没有下载")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise InputError(f"{url}：网页或附件超过 {max_bytes // 1024 // 1024} MB，远大于一份年度报告，已停止下载")
                    if time.monotonic() > deadline:
                        raise InputError(f"{url}：网站在{timeout:g}秒内没有传完网页，已停止读取；请稍后再试")
                    chunks.append(chunk)
                return Fetched(str(response.url), b"".join(chunks), response.headers.get("content-type", ""))
    except httpx.TooManyRedirects:
        raise InputError(f"{url}：网址跳转超过{MAX_REDIRECTS}次，没有读到网页") from None
    except httpx.UnsupportedProtocol:
        raise InputError(f"{url}：网址跳转到了 http(s) 以外的地址，没有读取") from None
    except httpx.TimeoutException:
        raise InputError(f"{url}：网站响应太慢（{min(CONNECT_SECONDS, timeout):g}秒没有回应），请稍后再试") from None
    except httpx.ConnectError:
        raise InputError(f"{url}：无法连接网站（网址是否正确、网络是否通畅？）") from None
    except httpx.HTTPError as e:
        raise InputError(f"{url}：读取网页失败（{type(e).__name__}）") from None


def _status_words(code: int) -> str:
    return {401: "需要登录", 403: "拒绝访问", 404: "网页不存在", 410: "网页已删除"}.get(code, "网站出错" if code >= 500 else "请求有误")


# ------------------------------------------------------------------ what a page is
@dataclass
class Page:
    """What a fetched HTML page holds besides the report's text: its links, for attachments and list pages."""

    url: str
    html: str

    def links(self) -> list[tuple[str, str]]:
        """(absolute address, link text) of each http(s) link, in order, once each."""
        import lxml.html

        try:
            root = lxml.html.document_fromstring(self.html)
        except Exception:  # noqa: BLE001 — an unparsable page has no links to follow
            return []
        seen, out = set(), []
        for a in root.iter("a"):
            href = (a.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:")):
                continue
            target = urljoin(self.url, href)
            if urlsplit(target).scheme in ("http", "https") and target not in seen:
                seen.add(target)
                out.append((target, re.sub(r"\s+", "", a.text_content() or a.get("title") or "")))
        return out

    def attachments(self) -> list[str]:
        """Attached PDF/Word files, those named as a report first."""
        found = [(url, text) for url, text in self.links() if _ATTACHMENT.search(url) or _ATTACHMENT.search(text)]
        found.sort(key=lambda x: not _REPORT_WORDS.search(x[1] + unquote(x[0])))
        return [url for url, _ in found]

    def report_links(self) -> list[str]:
        """Links of a 年报栏目 list page: those whose text names one year's report (“…2023年政府信息公开工作年度报告”),
        not the column itself (“政府信息公开年报” in the navigation) nor the page's own address."""
        return [url for url, text in self.links() if _ONE_YEARS_REPORT.search(text) and _REPORT_WORDS.search(text)
                and urlsplit(url).path not in ("", "/") and url.split("#")[0] != self.url][:MAX_LIST_LINKS]

    def why_unreadable(self) -> str | None:
        """A page a person sees filled in by JavaScript, or a login form: said plainly."""
        lowered = self.html.lower()
        if re.search(r"<input[^>]+type\s*=\s*[\"']?password", lowered) or re.search(r"<title>[^<]*(登录|登陆)", self.html):
            return "这个网页要求先登录，gkassist 无法替您登录；请在浏览器中登录后把报告另存为文件（网页、Word 或 PDF）再导入"
        body = re.sub(r"(?is)<(script|style|noscript)[^>]*>.*?</\1>", "", self.html)
        body = re.sub(r"(?s)<[^>]+>", "", body)
        if len(re.sub(r"\s+", "", body)) < 200 and "<script" in lowered:
            return ("这个网页的内容由 JavaScript 在浏览器中生成，直接读取只有空壳；请在浏览器中打开后“另存为”网页，"
                    "或把报告全文复制到文本文件再导入")
        return None


def content_kind(fetched: Fetched) -> str:
    """"pdf", "docx", "doc", "html" or "text", by the content first and then by what the server says it is."""
    data, ctype = fetched.data, fetched.content_type.lower()
    path = urlsplit(fetched.url).path.lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if "html" in ctype or re.match(rb"\s*(<!doctype|<html|<head|<body|<meta|<div|<p)", data[:512], re.I) or path.endswith((".htm", ".html", ".shtml")):
        return "html"
    return "text"


def saved_copy(fetched: Fetched, folder: Path, suffix: str) -> Path:
    """The fetched file kept in `folder` under a name from its address (the readers of PDF and Word take files)."""
    stem = safe_name(Path(unquote(urlsplit(fetched.url).path)).stem)[:60] or "report"
    path = folder / f"{stem}{suffix}"
    path.write_bytes(fetched.data)
    return path


def temporary_folder():
    return tempfile.TemporaryDirectory(prefix="gkassist-web-")
