"""Reports by web address, served from saved pages by a local server on 127.0.0.1: a 年报栏目 list page, a real
article page with the site's navigation, an article whose report is an attached PDF, a redirect, a slow server,
a page too large, a GBK page, a page that is only JavaScript, a login page."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gkassist.cli import main
from gkassist.core.errors import InputError
from gkassist.importer import fetch as web
from gkassist.importer import import_url
from support import PUBLISHED

ARTICLE = (PUBLISHED / "2023_shuyang_fgj.html").read_text(encoding="utf-8")
PDF = (PUBLISHED / "2024_qinglanxian_zfb_blanks.pdf").read_bytes()
LIST = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/list.html">政府信息公开年报</a></div>
<div class="side"><a href="/xxgk/gknb/">政府信息公开工作年度报告</a><a href="/xxgk/zcwj/">政策文件</a></div>
<ul class="list">
<li><a href="/gknb/2024/article.html">沭阳县发展和改革局2023年政府信息公开年度报告</a><span>2024-01-17</span></li>
<li><a href="gknb/2024/attached.html" title="青岚县人民政府2024年政府信息公开工作年度报告">青岚县人民政府2024年政府信息公开工作年度报告</a></li>
<li><a href="/xxgk/zn.html">政府信息公开指南</a></li>
</ul><div class="page"><a href="?page=2">下一页</a></div></body></html>"""
ATTACHED = """<html><head><meta charset="utf-8"><title>青岚县人民政府2024年政府信息公开工作年度报告</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/xxgk/">信息公开</a></div>
<h1>青岚县人民政府2024年政府信息公开工作年度报告</h1><p>发布日期：2025-03-20</p>
<p>现将青岚县人民政府2024年政府信息公开工作年度报告予以公布，详见附件。</p>
<p>附件：<a href="/files/%E5%B9%B4%E6%8A%A5.pdf">青岚县人民政府2024年政府信息公开工作年度报告.pdf</a></p>
<p><a href="/files/other.docx">其他文件.docx</a></p></body></html>"""
JS_ONLY = """<html><head><meta charset="utf-8"><title>年度报告</title><script src="/app.js"></script></head>
<body><div id="app"></div><script>window.__load("/api/article/123")</script></body></html>"""
LOGIN = """<html><head><meta charset="utf-8"><title>统一身份认证 - 用户登录</title></head><body>
<form action="/login" method="post"><input name="user"><input type="password" name="pw"><button>登录</button></form></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def send(self, body: bytes, ctype="text/html; charset=utf-8", status=200, length=True):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 — the name http.server calls
        path = self.path.split("?")[0]
        if path == "/list.html":
            self.send(LIST.encode())
        elif path == "/gknb/2024/article.html":
            self.send(ARTICLE.encode())
        elif path == "/gknb/2024/attached.html":
            self.send(ATTACHED.encode())
        elif path == "/files/%E5%B9%B4%E6%8A%A5.pdf":
            self.send(PDF, "application/octet-stream")
        elif path == "/gbk.html":  # the charset only in the page's <meta>
            self.send(ARTICLE.replace('<meta charset="utf-8" />', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
                      .encode("gbk"), "text/html")
        elif path == "/gbk-header.html":  # the charset only in the header
            self.send(ARTICLE.replace('<meta charset="utf-8" />', "").encode("gb18030"), "text/html; charset=GBK")
        elif path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/gknb/2024/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(301)
            self.send_header("Location", "ftp://127.0.0.1/report.pdf")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/slow":  # headers at once, then a byte now and then, forever
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif path == "/huge":  # says its size at once
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(500 * 1024 * 1024))
            self.end_headers()
        elif path == "/endless":  # no length given: cut off at the limit
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"<p>" + b"x" * 8192 + b"</p>")
            except OSError:
                pass
        elif path == "/js.html":
            self.send(JS_ONLY.encode())
        elif path == "/login.html":
            self.send(LOGIN.encode())
        else:
            self.send("<html><body>404 Not Found</body></html>".encode(), status=404)


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with pytest.MonkeyPatch.context() as env:
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
            env.delenv(name, raising=False)  # the local server is reached directly, whatever proxy the machine sets
        yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_an_article_page_among_the_sites_navigation(site):
    result = import_url(f"{site}/gknb/2024/article.html")
    r = result.report
    assert (r.agency, r.year, r.origin, result.read_cells) == ("沭阳县发展和改革局", 2023, "published", 200)
    assert [r.cell("t2", "normative", c) for c in ("issued", "repealed", "in_force")] == [8, 0, 18]
    assert result.source == f"{site}/gknb/2024/article.html" and "首页" not in "".join(r.preface)


@pytest.mark.parametrize("page", ["/gbk.html", "/gbk-header.html"])
def test_a_gbk_page_by_its_meta_or_its_header(site, page):
    result = import_url(site + page)
    assert (result.report.agency, result.read_cells) == ("沭阳县发展和改革局", 200)
    assert result.report.sections["other"][0] == "2023年度，县发展和改革局政府信息公开未发生收费情况。"


def test_an_article_whose_report_is_an_attached_pdf(site):
    result = import_url(f"{site}/gknb/2024/attached.html")
    assert result.report.format_version == "2021" and result.read_cells == 200 and not result.unread
    assert "附件" in result.source and result.source.endswith("/files/%E5%B9%B4%E6%8A%A5.pdf）")


def test_a_redirect_is_followed_and_a_loop_is_not(site):
    assert import_url(f"{site}/moved").read_cells == 200
    with pytest.raises(InputError, match="跳转超过5次"):
        import_url(f"{site}/loop")
    with pytest.raises(InputError, match="http\\(s\\) 以外"):
        import_url(f"{site}/to-ftp")


def test_a_slow_server_is_cut_off(site, monkeypatch):
    monkeypatch.setattr(web, "TOTAL_SECONDS", 1.0)
    started = time.monotonic()
    with pytest.raises(InputError, match="秒内没有传完"):
        import_url(f"{site}/slow")
    assert time.monotonic() - started < 3


def test_a_page_too_large_is_not_downloaded(site, monkeypatch):
    with pytest.raises(InputError, match="500 MB"):
        import_url(f"{site}/huge")
    monkeypatch.setattr(web, "MAX_BYTES", 200 * 1024)
    with pytest.raises(InputError, match="已停止下载"):
        import_url(f"{site}/endless")


@pytest.mark.parametrize("page, words", [
    ("/js.html", "由 JavaScript 在浏览器中生成"),
    ("/login.html", "要求先登录"),
    ("/list.html", "这是年报栏目页（列出了2份报告）"),
    ("/nothing-here.html", "404（网页不存在）"),
])
def test_pages_that_are_no_report_say_why(site, page, words):
    with pytest.raises(InputError, match=words.replace("(", "\\(").replace(")", "\\)")) as e:
        import_url(site + page)
    assert str(e.value).startswith(site + page)


@pytest.mark.parametrize("address", ["ftp://127.0.0.1/report.pdf", "file:///etc/passwd"])
def test_only_http_addresses(address):
    with pytest.raises(InputError, match="只支持 http"):
        import_url(address)


def test_unreachable_server_is_one_message():
    with pytest.raises(InputError, match="无法连接网站"):
        import_url("http://127.0.0.1:9/report.html")


def test_import_by_web_address_from_the_command_line(site, tmp_path, capsys):
    out = tmp_path / "去年.json"
    assert main(["import", f"{site}/gknb/2024/article.html", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["agency"] == "沭阳县发展和改革局"
    assert "行政规范性文件（原文“规范性文件”）" in capsys.readouterr().err
    assert main(["import", f"{site}/js.html"]) == 2
    assert "JavaScript" in capsys.readouterr().err


def test_draft_from_a_web_address(site, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    answers = tmp_path / "回答.txt"
    answers.write_text("对\n", encoding="utf-8")
    assert main(["draft", "--from", f"{site}/gknb/2024/article.html", "--answers", str(answers)]) == 0
    said = capsys.readouterr().out
    assert "已导入去年的报告" in said and "沭阳县发展和改革局" in said


def test_audit_of_a_list_page_reads_the_reports_it_links_to(site, tmp_path, capsys):
    names = tmp_path / "网址.txt"
    names.write_text(f"# 年报栏目\n{site}/list.html\n{site}/gknb/2024/article.html\n{site}/js.html\n", encoding="utf-8")
    assert main(["audit", "--urls", str(names), "--json", "--workers", "1"]) == 1
    units = json.loads(capsys.readouterr().out)["units"]
    by_path = {u["path"]: u for u in units}
    assert set(by_path) == {f"{site}/gknb/2024/article.html", f"{site}/gknb/2024/attached.html", f"{site}/js.html"}
    assert by_path[f"{site}/gknb/2024/article.html"]["agency"] == "沭阳县发展和改革局"
    assert by_path[f"{site}/gknb/2024/attached.html"]["read_cells"] == 200, by_path[f"{site}/gknb/2024/attached.html"]
    assert "JavaScript" in by_path[f"{site}/js.html"]["error"]
    names.write_text("not a web address\n", encoding="utf-8")
    assert main(["audit", "--urls", str(names), "--json"]) == 2
