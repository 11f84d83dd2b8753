"""The web front end through Starlette's TestClient: the conversation, the units apart, the county office, and what
an intranet expects of its security."""

import io
import re
from urllib.parse import unquote

import pytest
from webhelp import PASSWORDS, UNITS, client_for, csrf, last_reply, login, transcript, turns

from support import SEED

# Every question of a 2021 draft from the seed report (the same answers as the dialogue's tests).
WHOLE_REPORT = ["没有", "对", "没有", "对", "规范性文件制发0件，现行有效0件，行政许可5件", "对",
                "公开信息86条", "对", "均按期答复", "对", "逐条审查", "对", "新建公开栏5块", "对", "每季度检查一次", "对",
                "去年的问题已整改", "对", "没有", "对", "党政办，电话0431-12345678", "对"]

# the year after: its figures show no problem of their own, so 五 names one (五 never holds only last year's follow-up)
NEXT_YEAR_REPORT = [a if a != "去年的问题已整改" else "去年的问题已整改。今年的问题是村里公开栏更新不及时"
                    for a in WHOLE_REPORT]


def start_from_seed(client, year="2021"):
    page = client.get("/drafts")
    with open(SEED, "rb") as f:
        return client.post("/drafts/new", data={"csrf": csrf(page.text), "year": year},
                           files={"lastyear": ("去年的年报.txt", f, "text/plain")})


def answer(client, page, text):
    url = str(page.url).split("#")[0]
    return client.post(url + "/answer", data={"csrf": csrf(page.text), "answer": text})


def answer_all(client, page, answers):
    for a in answers:
        page = answer(client, page, a)
    return page


# ------------------------------------------------------------------ the conversation
@pytest.mark.slow
def test_a_clerk_drafts_a_whole_report_and_downloads_it(client):
    assert login(client, "shiqiao").url.path == "/drafts"
    page = start_from_seed(client)
    assert page.url.path.startswith("/d/2021_")
    said = transcript(page.text)
    assert "已导入去年的报告" in said and "今年收到和办理政府信息公开申请的情况如何" in said
    assert "请告诉我本机关的全称" not in said  # the agency is the account's unit, never asked
    page = answer(client, page, "自然人申请5件，企业2件；予以公开4件，部分公开1件，本机关不掌握2件，结转下年0件")
    said = transcript(page.text)
    assert "我理解为：" in said and "表三 · 一、本年新收政府信息公开申请数量：自然人 5，商业企业 2，总计 7" in said
    assert "分别是哪类申请人的？" in said.split("结转下年0件")[-1]
    assert "/tmp" not in said and "去年的年报.txt" in said  # the clerk's file name, not the server's folder
    page = answer(client, page, "不对")
    page = answer_all(client, page, WHOLE_REPORT)
    # the phrasing suggestions are shown with their sources, as in the terminal
    assert re.search(r'<li class="assistant suggestion">.*?参考1：.*?（出处：[^<]+年度）', page.text, re.S)
    said = transcript(page.text)
    assert "报告已经起草完成" in said and "Ctrl+E" not in said and "下载 Word" in said
    assert "报送县政务公开办" in page.text
    url = str(page.url).split("#")[0]
    docx = client.get(url + "/download/docx")
    assert docx.status_code == 200 and docx.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert unquote(docx.headers["content-disposition"]).endswith(".docx")
    import docx as python_docx

    text = "\n".join(p.text for p in python_docx.Document(io.BytesIO(docx.content)).paragraphs)
    assert UNITS["shiqiao"] in text and "党政办" in text
    md = client.get(url + "/download/md").text
    assert "新建公开栏5块" in md and UNITS["shiqiao"] in md
    assert "<table" in client.get(url + "/download/html").text
    assert client.get(url + "/download/exe").status_code == 404


def test_side_panel_commands_and_findings(client):
    login(client, "shiqiao")
    page = start_from_seed(client)
    page = answer_all(client, page, ["没有", "对"])
    url = str(page.url).split("#")[0]
    for name, expect in [("back", "今年收到和办理政府信息公开申请的情况如何"), ("skip", "先空着"),
                         ("undo", "已撤销对“表三 依申请公开”的修改"), ("help", "“改表二”")]:
        page = client.post(url + "/command", data={"csrf": csrf(page.text), "name": name})
        assert expect in last_reply(page.text), name
    page = client.post(url + "/command", data={"csrf": csrf(page.text), "name": "jump", "arg": "proactive"})
    assert [t for who, t in turns(page.text) if who == "clerk"][-1] == "改表二 主动公开"
    assert last_reply(page.text).startswith("表二：今年制发、废止行政规范性文件各几件")
    for typed, expect in [("上一题", "今年因政府信息公开被申请行政复议"), ("帮助", "“上一题” 回到上一题"), ("？", "“跳过”"),
                          ("改表三", "今年收到和办理政府信息公开申请的情况如何")]:
        page = answer(client, page, typed)
        assert expect in last_reply(page.text), typed
    # back from the first question onto the agency's: the account's unit, moved past
    page = client.post(url + "/command", data={"csrf": csrf(page.text), "name": "back"})
    last = last_reply(page.text)
    assert "机关名称就是账号的单位“德惠市郭家镇人民政府”" in last and "今年收到和办理" in last
    assert '<ul class="findings">' in page.text and "个单元格还没填" in page.text


@pytest.mark.parametrize("back", ["button", "typed"])
def test_back_onto_the_agency_then_an_answer_goes_on_to_the_next_question(client, back):
    """“上一题” at the first question lands on the agency's, which the web moves past (the account's unit): the
    answer confirmed there goes on to the next question, not back to the one it was given at."""
    login(client, "hexi")
    page = client.get("/drafts")
    page = client.post("/drafts/new", data={"csrf": csrf(page.text), "year": "2024"})
    assert "今年收到和办理政府信息公开申请的情况如何" in last_reply(page.text)
    url = str(page.url).split("#")[0]
    if back == "button":
        page = client.post(url + "/command", data={"csrf": csrf(page.text), "name": "back"})
    else:
        page = answer(client, page, "上一题")
    assert "机关名称就是账号的单位“青岚县河西镇人民政府”" in last_reply(page.text)
    page = answer_all(client, page, ["没有", "对"])
    assert "今年因政府信息公开被申请行政复议" in last_reply(page.text)
    assert "已保存的是" not in last_reply(page.text)


def test_reload_and_restart_keep_the_conversation_and_the_pending_answer(data):
    client = client_for(data)
    login(client, "shiqiao")
    page = start_from_seed(client)
    page = answer(client, page, "个人申请4件，均已答复，其中公开3件")
    assert "还有1件没有说办理结果" in last_reply(page.text)
    url = str(page.url).split("#")[0]
    before = transcript(page.text)
    assert before == transcript(client.get(url).text)  # a reload
    log = next((data / "units").glob("*/.web/*.jsonl"))
    with open(log, "a", encoding="utf-8") as f:
        f.write('{"turn": {"who": "clerk", "te')  # the server killed mid-write: a torn last line
    restarted = client_for(data)  # a new server process on the same folder: the login cookie carries over too
    restarted.cookies = client.cookies
    page = restarted.get(url)
    assert page.url.path.startswith("/d/") and transcript(page.text) == before
    page = answer(restarted, page, "还有1件信息不存在")  # the pending answer is continued, not lost
    said = last_reply(page.text)
    assert "（一）予以公开：自然人 3，总计 3" in said and "本机关不掌握相关政府信息：自然人 1，总计 1" in said
    page = answer(restarted, page, "对")
    assert last_reply(page.text).startswith("已保存。")
    again = client_for(data)  # and once more: nothing said after the torn line is lost
    again.cookies = client.cookies
    assert transcript(again.get(url).text) == transcript(page.text)


def test_two_logins_of_one_unit_share_the_draft_and_are_told(data):
    from starlette.testclient import TestClient

    first = client_for(data)
    second = TestClient(first.app, base_url="http://testserver")  # the same server, another browser
    login(first, "shiqiao")
    page = start_from_seed(first)
    url = str(page.url)
    assert "也在另一处打开" not in first.get(url).text
    login(second, "shiqiao")
    other = second.get(url)
    assert "这份草稿也在另一处打开（shiqiao）" in other.text
    answer(first, first.get(url), "没有")
    other = answer(second, second.get(url), "对")
    said = turns(other.text)
    assert [t for who, t in said if who == "clerk"] == ["没有", "对"] and last_reply(other.text).startswith("已保存。")


@pytest.mark.slow
def test_last_years_draft_of_the_same_unit_starts_the_next(client):
    login(client, "shiqiao")
    page = answer_all(client, start_from_seed(client), WHOLE_REPORT)
    drafts = client.get("/drafts")
    assert "2021年度" in drafts.text and "已写完" in drafts.text
    key = re.search(r'<option value="([^"]+)" selected>2021年度的草稿', drafts.text)[1]
    page = client.post("/drafts/new", data={"csrf": csrf(drafts.text), "year": "2022", "source": key})
    assert page.url.path.startswith("/d/2022_") and "已读入去年的草稿" in transcript(page.text)
    again = client.post("/drafts/new", data={"csrf": csrf(drafts.text), "year": "2022", "source": key})
    assert "已经有一份草稿了" in again.text


@pytest.mark.parametrize("name, content, expect", [
    ("报告.exe", b"MZ....", "不支持的文件类型"),
    ("报告.txt", b"", "文件是空的"),
    ("报告.txt", b"1\n" * 120_000, "远多于一份年度报告"),
    ("报告.pdf", b"%PDF-1.4 not really", "PDF"),
], ids=["exe", "empty", "120000-lines", "pdf"])  # named: an id made of the 240 KB content was the test's name in the
# environment (PYTEST_CURRENT_TEST), too long for exec: every process started during the test died unseen
def test_an_upload_that_is_no_report_is_said_in_chinese(client, name, content, expect):
    login(client, "shiqiao")
    page = client.get("/drafts")
    page = client.post("/drafts/new", data={"csrf": csrf(page.text), "year": "2025"},
                       files={"lastyear": (name, content, "application/octet-stream")})
    assert page.url.path == "/drafts" and expect in page.text and "Traceback" not in page.text


def test_a_year_that_is_no_year_is_refused(client):
    login(client, "shiqiao")
    page = client.get("/drafts")
    for year in ("abc", "1999", "../../etc"):
        page = client.post("/drafts/new", data={"csrf": csrf(page.text), "year": year})
        assert "年度要写成四位数字" in page.text


# ------------------------------------------------------------------ submission and the county office
@pytest.mark.slow
def test_submit_withdraw_accept_and_the_office_page(client, data):
    login(client, "shiqiao")
    page = start_from_seed(client)
    url = str(page.url).split("#")[0]
    refused = client.post(url + "/submit", data={"csrf": csrf(page.text), "action": "submit"})
    assert "报告还没写完" in refused.text
    page = answer_all(client, client.get(url), WHOLE_REPORT)
    done = client.post(url + "/submit", data={"csrf": csrf(page.text), "action": "submit"})
    assert "已报送县政务公开办" in done.text and "已报送" in done.text
    back = client.post(url + "/submit", data={"csrf": csrf(page.text), "action": "withdraw"})
    assert "已撤回报送" in back.text
    client.post(url + "/submit", data={"csrf": csrf(page.text), "action": "submit"})

    hexi = client_for(data)
    login(hexi, "hexi")
    start_from_seed(hexi)  # a 2021 draft being written

    office = client_for(data)
    assert login(office, "office").url.path == "/admin"
    page = office.get("/admin?year=2021")
    units = page.text.replace("\n", "")
    assert re.search(r"德惠市郭家镇人民政府</td><td>shiqiao</td><td class=\"state\">已报送", units)
    assert re.search(r"青岚县河西镇人民政府</td><td>hexi</td><td class=\"state\">起草中", units)
    assert "<svg" in page.text and 'class="apps"' in page.text and "各单位本年新收申请数与检查错误数" in page.text
    assert "缺报：青岚县河西镇人民政府" in page.text  # the audit of what was submitted names who has not
    xlsx = office.get("/admin/audit.xlsx?year=2021")
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames[:2] == ["单位", "问题"] and any("德惠市郭家镇" in str(c.value) for c in book["单位"]["A"])
    assert "德惠市郭家镇人民政府" in office.get("/admin/audit.html?year=2021").text
    # next year's report is audited against this one: the repeat rate is there
    nxt = client.post("/drafts/new", data={"csrf": csrf(client.get("/drafts").text), "year": "2022",
                                            "source": unquote(url.rsplit("/", 1)[-1])})
    nxt = answer_all(client, nxt, NEXT_YEAR_REPORT)
    client.post(str(nxt.url).split("#")[0] + "/submit", data={"csrf": csrf(nxt.text), "action": "submit"})
    row = re.search(r"<tr class=\"[a-z]*\"><td>德惠市郭家镇人民政府</td>(.*?)</tr>", office.get("/admin?year=2022").text, re.S)[1]
    assert re.search(r"<td>\d+%</td>", row)
    # units list: a unit with no account yet is 未开始
    page = office.post("/admin/units", data={"csrf": csrf(page.text), "units": "# 应报单位\n青岚县白水乡人民政府\n德惠市郭家镇人民政府\n"})
    assert "单位名单已保存：2个单位" in page.text
    page = office.get("/admin?year=2021")
    assert re.search(r"青岚县白水乡人民政府</td><td>（无账号）</td><td class=\"state\">未开始", page.text.replace("\n", ""))
    uid = re.search(r'name="uid" value="([^"]+)"', page.text)[1]
    page = office.post("/admin/accept", data={"csrf": csrf(page.text), "uid": uid, "year": "2021", "action": "accept"})
    assert "已接收" in page.text
    refused = client.post(url + "/submit", data={"csrf": csrf(client.get(url).text), "action": "withdraw"})
    assert "不能撤回" in refused.text
    assert office.get("/drafts").url.path == "/admin"
    assert client.get("/admin").status_code == 403  # a clerk is no office


# ------------------------------------------------------------------ security
@pytest.mark.slow
def test_a_wrong_password_is_refused_and_logins_are_rate_limited(client):
    page = login(client, "shiqiao", "wrong-password")
    assert page.status_code == 401 and "账号或密码不对" in page.text
    assert login(client, "nobody", "whatever1").status_code == 401
    for _ in range(4):
        login(client, "shiqiao", "wrong-again")
    page = login(client, "shiqiao")  # the right password, but too late
    assert page.status_code == 429 and "连续输错密码5次" in page.text
    assert login(client, "hexi").url.path == "/drafts"  # another account from the same address still may


@pytest.mark.slow
def test_logins_from_one_address_are_limited_above_one_account(client):
    for i in range(30):
        login(client, f"guess{i}", "wrong-password")
    page = login(client, "hexi")
    assert page.status_code == 429 and "登录失败次数太多" in page.text


def test_the_session_cookie(client, data):
    page = client.get("/login")
    response = client.post("/login", data={"csrf": csrf(page.text), "name": "shiqiao", "password": PASSWORDS["shiqiao"]},
                           follow_redirects=False)
    cookie = response.headers["set-cookie"]
    assert "gk_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=28800" in cookie
    assert "secure" not in cookie.lower()
    secure = client_for(data, "https://testserver", public_url="https://gkassist.example.gov.cn/")
    page = secure.get("/login")
    response = secure.post("/login", data={"csrf": csrf(page.text), "name": "shiqiao", "password": PASSWORDS["shiqiao"]},
                           follow_redirects=False)
    assert "Secure" in response.headers["set-cookie"]
    stored = (data / "sessions.json").read_text(encoding="utf-8")
    token = re.search(r"gk_session=([^;]+)", cookie)[1]
    assert token not in stored  # only its digest is kept


def test_a_session_ends_after_its_lifetime(data, monkeypatch):
    """The server's clock moved past the session's lifetime, not waited for (a one-second session failed its first
    page when the machine was busy); the browser still sends the cookie, the server no longer takes it."""
    import time
    from types import SimpleNamespace

    from gkassist.web import sessions

    client = client_for(data, session_lifetime=600)
    login(client, "shiqiao")
    assert client.get("/drafts").url.path == "/drafts"
    later = time.time() + 599
    monkeypatch.setattr(sessions, "time", SimpleNamespace(time=lambda: later))
    assert client.get("/drafts").url.path == "/drafts"
    later += 2
    assert client.get("/drafts").url.path == "/login"


def test_logout_ends_the_session(client):
    page = login(client, "shiqiao")
    cookie = client.cookies.get("gk_session")
    client.post("/logout", data={"csrf": csrf(page.text)})
    client.cookies.set("gk_session", cookie)
    assert client.get("/drafts").url.path == "/login"


def test_every_form_without_its_token_is_forbidden(client):
    page = login(client, "shiqiao")
    page = start_from_seed(client)
    key = page.url.path
    forms = re.findall(r'<form method="post" action="([^"]+)"', page.text) + ["/drafts/new"]
    assert len(set(forms)) >= 4
    for action in set(forms):
        for token in ({}, {"csrf": "forged"}):
            r = client.post(action, data={"name": "undo", "answer": "没有", "action": "submit", **token})
            assert r.status_code == 403 and "校验码" in r.text, action
    assert client.post("/login", data={"name": "shiqiao", "password": PASSWORDS["shiqiao"]}).status_code == 403
    r = client.post(key + "/answer", data={"csrf": csrf(page.text), "answer": "没有"}, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "别的网站" in r.text


def test_the_office_forms_need_their_token(data):
    office = client_for(data)
    login(office, "office")
    for action in ("/admin/units", "/admin/accept", "/logout"):
        assert office.post(action, data={"units": "x"}).status_code == 403


def test_one_units_files_are_unreachable_from_another(data):
    a, b = client_for(data), client_for(data)
    login(a, "shiqiao")
    page = start_from_seed(a)
    key = page.url.path
    login(b, "hexi")
    assert b.get(key).status_code == 404
    assert b.get(key + "/download/docx").status_code == 404
    assert b.post(key + "/answer", data={"csrf": csrf(b.get("/drafts").text), "answer": "没有"}).status_code == 404
    assert "2021年度" not in b.get("/drafts").text
    for probe in ["/d/..%2F..%2Fusers", "/d/..%2Fsubmissions", "/d/%2e%2e/download/docx", "/d/....//....//users.json",
                  "/static/..%2F..%2Fusers.json", "/static/%2e%2e/app.py", "/units/", "/static/", "/d/", "/users.json",
                  "/sessions.json", "/d/..%5C..%5Cusers"]:
        r = b.get(probe)
        assert r.status_code in (404, 405) and "scrypt" not in r.text and "salt" not in r.text, probe
    assert b.get("/static/app.css").status_code == 200
    # a draft of the other unit named as last year's source
    page = b.get("/drafts")
    for source in (key.rsplit("/", 1)[-1], "https://www.example.gov.cn/gknb/2021.html", "../../users"):
        r = b.post("/drafts/new", data={"csrf": csrf(page.text), "year": "2022", "source": source})
        assert r.status_code == 404, source  # a draft of its own unit only, never a web address


def test_uploads_are_bounded(client, monkeypatch):
    import gkassist.web.app as web_app

    login(client, "shiqiao")
    page = client.get("/drafts")
    big = b"x" * (web_app.MAX_BODY + 10)
    r = client.post("/drafts/new", data={"csrf": csrf(page.text), "year": "2025"},
                    files={"lastyear": ("r.txt", big, "text/plain")})
    assert r.status_code == 413 and "已拒绝" in r.text
    monkeypatch.setattr(web_app, "MAX_UPLOAD", 1000)
    r = client.post("/drafts/new", data={"csrf": csrf(page.text), "year": "2025"},
                    files={"lastyear": ("r.txt", b"y" * 2000, "text/plain")})
    assert "不像一份年度报告" in r.text


def test_pages_fetch_nothing_from_another_host(client):
    pages = [client.get("/login").text]
    login(client, "shiqiao")
    page = start_from_seed(client)
    pages += [page.text, client.get("/drafts").text]
    for html in pages:
        for ref in re.findall(r'(?:src|href|action)="([^"]*)"', html):
            assert ref.startswith(("/", "#")), ref
        assert "websocket" not in html.lower() and "ws://" not in html
    headers = page.headers
    assert "default-src 'self'" in headers["content-security-policy"] and headers["x-content-type-options"] == "nosniff"
    js = client.get("/static/app.js").text
    assert "http" not in js and "WebSocket" not in js and "fetch(" not in js


def test_the_conversation_works_without_javascript(client):
    """Every action is a plain form: the answer box is a textarea in a form with a submit button."""
    login(client, "shiqiao")
    page = start_from_seed(client)
    assert re.search(r'<form method="post" action="[^"]+/answer"[^>]*>.*<textarea id="answer" name="answer".*<button type="submit">发送',
                     page.text, re.S)


# ------------------------------------------------------------------ accounts
def test_adduser_from_stdin_stores_a_salted_scrypt_hash(tmp_path, monkeypatch, capsys):
    import json

    from gkassist.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("一个好密码abc\n"))
    assert main(["web", "adduser", "clerk1", "--unit", "青岚县石桥镇人民政府", "--data", str(tmp_path)]) == 0
    assert "已保存账号 clerk1：青岚县石桥镇人民政府" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("一个好密码abc\n"))
    main(["web", "adduser", "clerk2", "--unit", "青岚县河西镇人民政府", "--data", str(tmp_path)])
    users = json.loads((tmp_path / "users.json").read_text(encoding="utf-8"))
    assert "一个好密码abc" not in json.dumps(users, ensure_ascii=False)
    assert users["clerk1"]["salt"] != users["clerk2"]["salt"] and users["clerk1"]["hash"] != users["clerk2"]["hash"]
    from gkassist.web.accounts import Accounts

    assert Accounts(tmp_path).verify("clerk1", "一个好密码abc").unit == "青岚县石桥镇人民政府"
    assert Accounts(tmp_path).verify("clerk1", "一个好密码abd") is None


@pytest.mark.parametrize("args, expect", [
    (["web", "adduser", "x"], "请用 --unit"),
    (["web", "adduser", "../x", "--unit", "某镇"], "账号名"),
    (["web", "adduser", "short", "--unit", "某镇"], "密码至少8个字符"),
])
def test_adduser_refuses_in_chinese(tmp_path, monkeypatch, capsys, args, expect):
    from gkassist.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("short\n" if "short" in args else "long-enough-1\n"))
    assert main(args + ["--data", str(tmp_path)]) == 2
    assert expect in capsys.readouterr().err


def test_unit_folders_are_apart_and_safe(tmp_path):
    from gkassist.web.accounts import unit_dir, unit_id

    names = ["青岚县石桥镇人民政府", "../../etc", "CON", "a/b\\c", "青岚县石桥镇人民政府 "]
    ids = [unit_id(n) for n in names]
    assert all(re.fullmatch(r"u[0-9a-f]{20}", i) for i in ids) and len(set(ids[:4])) == 4 and ids[0] == ids[4]
    assert all(unit_dir(tmp_path, n).parent == tmp_path / "units" for n in names)


def test_the_web_command_says_a_missing_extra(monkeypatch, capsys):
    import builtins

    from gkassist.cli import main

    real = builtins.__import__

    def no_web(name, *args, **kwargs):
        if name == "gkassist.web.app":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_web)
    assert main(["web", "--data", "x"]) == 2
    assert "pip install 'gkassist[web]'" in capsys.readouterr().err



def test_answers_sent_at_once_from_two_browsers_are_all_kept(data):
    """Two logins of one unit answering at the same moment: every answer goes through the draft's lock, none lost."""
    import json
    import threading

    from webhelp import TestClient

    first = client_for(data)
    login(first, "shiqiao")
    page = start_from_seed(first)
    url = str(page.url).split("#")[0]
    second = TestClient(first.app, base_url="http://testserver")
    login(second, "shiqiao")
    errors = []

    def send(client, texts):
        try:
            for t in texts:
                r = client.post(url + "/answer", data={"csrf": csrf(client.get(url).text), "answer": t})
                assert r.status_code == 200
        except Exception as e:  # noqa: BLE001 — reported below, in the test's own thread
            errors.append(e)

    texts = {first: ["帮助"] * 6, second: ["？"] * 6}
    threads = [threading.Thread(target=send, args=(c, t)) for c, t in texts.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    said = [t for who, t in turns(first.get(url).text) if who == "clerk"]
    assert sorted(said) == sorted(["帮助"] * 6 + ["？"] * 6)
    state = next((data / "units").glob("*/.web/*.jsonl"))
    logged = [json.loads(line)["turn"] for line in state.read_text(encoding="utf-8").splitlines() if '"turn"' in line]
    assert [t["text"] for t in logged if t["who"] == "clerk"] == said


@pytest.mark.slow
def test_an_upload_that_takes_too_long_costs_only_itself():
    """The upload's worker is stopped past its time; the next upload gets a fresh one."""
    import time

    from gkassist.core.errors import InputError
    from gkassist.web.uploads import read_report, run_apart

    with pytest.raises(InputError, match="读取时间超过"):
        run_apart(time.sleep, 30, seconds=3)
    data, note = run_apart(read_report, SEED)
    assert "德惠市郭家镇人民政府" in data and "已导入去年的报告" in note


@pytest.mark.slow
def test_gkassist_web_starts_a_server(tmp_path):
    """The command itself: `gkassist web --data … --port …` serves the login page until stopped."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    server = subprocess.Popen([sys.executable, "-m", "gkassist.cli", "web", "--data", str(tmp_path / "web"), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True, encoding="utf-8")
    try:
        deadline, page = time.monotonic() + 30, ""
        while time.monotonic() < deadline and not page:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2).read().decode("utf-8")
            except OSError:
                time.sleep(0.2)
        assert '<form method="post" action="/login">' in page
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=20)
    assert f"文书在浏览器里打开 http://127.0.0.1:{port}/" in out and "Traceback" not in out


def test_a_link_cannot_put_words_on_the_page(client):
    login(client, "shiqiao")
    page = client.get("/drafts?m=" + "您的密码已过期，请把密码发到某某邮箱")
    assert "密码已过期" not in page.text


# ------------------------------------------------------------------ the table as a grid (the window's Ctrl+T)
@pytest.mark.parametrize("typed, cell, stored", [("2", "c|open|natural", 2), ("３", "c|open|business", 3),
                                                 ("1.0", "c|unable_1|natural", 1)])
def test_the_grid_proposes_the_changed_cells_and_yes_stores_them(client, typed, cell, stored):
    login(client, "shiqiao")
    page = start_from_seed(client)
    url = str(page.url).split("#")[0]
    grid = client.get(url + "/grid")
    assert grid.status_code == 200 and "表三" in grid.text and f'name="{cell}"' in grid.text
    assert 'name="c|new|total"' not in grid.text  # a total is computed, never an input
    page = client.post(url + "/grid", data={"csrf": csrf(grid.text), cell: typed})
    said = last_reply(page.text)
    assert "我理解为" in said and f"{stored}" in said
    page = answer(client, page, "对")
    assert "已保存" in last_reply(page.text)
    row, col = cell.split("|")[1:]
    conv = client.get(url).text
    client.post(url + "/command", data={"csrf": csrf(conv), "name": "jump", "arg": "requests"})  # 改表三
    again = client.get(url + "/grid").text  # what the grid holds now is what was stored
    assert re.search(rf'name="c\|{row}\|{col}" value="{stored}"', again)


def test_the_grid_refuses_what_is_no_figure_and_needs_its_token(client):
    login(client, "shiqiao")
    page = start_from_seed(client)
    url = str(page.url).split("#")[0]
    grid = client.get(url + "/grid")
    refused = client.post(url + "/grid", data={"csrf": csrf(grid.text), "c|open|natural": "两三件"})
    assert "不是件数或金额" in refused.text and "我理解为" not in last_reply(refused.text)
    assert client.post(url + "/grid", data={"c|open|natural": "2"}).status_code == 403


# ------------------------------------------------------------------ sentences still as the clerk said them
def _spoken_items(html: str) -> list[str]:
    box = re.search(r'<section class="spoken".*?</section>', html, re.S)
    return [unquote(q) for q in re.findall(r"<q>(.*?)</q>", box[0], re.S)] if box else []


@pytest.mark.parametrize("action, expect_written", [
    ({"answer": "删1"}, "（四）平台建设。我镇新建公开栏12块。"),
    ({"rewrite": "1", "answer": "网站运行不够稳定"}, "（四）平台建设。我镇新建公开栏12块。网站运行不够稳定。"),
])
def test_a_still_spoken_sentence_has_its_buttons_on_the_page(client, action, expect_written):
    login(client, "shiqiao")
    page = start_from_seed(client)
    url = str(page.url).split("#")[0]
    page = client.post(url + "/command", data={"csrf": csrf(page.text), "name": "jump", "arg": "overview_platform"})
    page = answer(client, page, "新做了12块公开栏。网站那个东西咋弄都不好使。")
    assert _spoken_items(page.text) == ["网站那个东西咋弄都不好使。"]
    assert 'name="answer" value="删1"' in page.text and 'name="rewrite" value="1"' in page.text
    page = client.post(url + "/answer", data={"csrf": csrf(page.text), **action})
    said = [t for who, t in turns(page.text) if who == "assistant"]
    assert f"将写入：{expect_written}" in said[-2:]
    assert _spoken_items(page.text) == []  # nothing left to decide: the box is gone
    page = answer(client, page, "对")
    assert "已保存" in transcript(page.text).split("将写入")[-1]
