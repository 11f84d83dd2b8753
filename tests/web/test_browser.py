"""The web pages in a real browser: the system's Chromium driven by Playwright (no browser is downloaded; the
tests skip, saying why, where either is missing).  A real uvicorn server in a thread, on a port of its own."""

import importlib.util
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from webhelp import PASSWORDS, UNITS

from support import SEED

# playwright is looked for, not imported, when the tests are collected (its import is half a second in every worker,
# for tests the inner loop never runs); the browser fixture imports it
HAS_PLAYWRIGHT = importlib.util.find_spec("playwright") is not None
CHROMIUM = next((p for p in ("/usr/lib/chromium/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "",
                             shutil.which("google-chrome") or "") if p and Path(p).is_file()), None)
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not HAS_PLAYWRIGHT, reason="playwright 没有安装（pip install playwright；不需要下载浏览器）"),
              pytest.mark.skipif(CHROMIUM is None, reason="本机没有 Chromium（apt-get install chromium）")]


@pytest.fixture
def server(data):
    import uvicorn

    from gkassist.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(data), host="127.0.0.1", port=port, log_level="warning", ws="none")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    """One Chromium for this file's tests (each test opens contexts of its own: cookies and storage are not shared);
    a browser's start is a second or two of the machine's time."""
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
        yield b
        b.close()


def watched(context, base):
    """A page whose every request is recorded; one to another host would be a defect (and is not let through)."""
    outside = []
    own = urlsplit(base).netloc

    def route(r):
        if urlsplit(r.request.url).netloc != own and not r.request.url.startswith(("data:", "blob:")):
            outside.append(r.request.url)
            return r.abort()
        return r.continue_()

    context.route("**/*", route)
    return context.new_page(), outside


def log_in(page, base, name, password=None):
    page.goto(base + "/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password or PASSWORDS[name])
    page.click("button:has-text('登录')")
    page.wait_for_load_state()


def start_draft(page, base, year="2021"):
    page.goto(base + "/drafts")
    page.fill("input[name=year]", year)
    page.set_input_files("input[name=lastyear]", str(SEED))
    page.click("button:has-text('开始起草')")
    page.wait_for_url("**/d/**")


def send(page, text, how="keys"):
    box = page.locator("#answer")
    box.click()
    if how == "keys":
        box.press_sequentially(text, delay=5)  # one key at a time
    else:
        page.keyboard.insert_text(text)  # one string committed at once, as an input method does
    with page.expect_navigation():
        box.press("Enter")


def clerk_turns(page) -> list[str]:
    return [t.strip() for t in page.locator("li.clerk .text").all_inner_texts()]


def last_reply(page) -> str:
    """What the assistant said after the clerk's last turn."""
    items = page.locator("ol.transcript li").all()
    said = [(li.get_attribute("class").split()[0], li.locator(".text").inner_text()) for li in items]
    last = max(i for i, (who, _) in enumerate(said) if who == "clerk")
    return "\n".join(text for _, text in said[last + 1:])


def test_a_clerk_answers_in_chinese_reloads_downloads_and_logs_out(server, browser, tmp_path):
    context = browser.new_context(accept_downloads=True, locale="zh-CN")
    page, outside = watched(context, server)
    log_in(page, server, "shiqiao")
    start_draft(page, server)
    assert "今年收到和办理政府信息公开申请的情况如何" in page.locator("ol.transcript").inner_text()
    send(page, "个人申请4件，均已答复，其中公开3件", "keys")
    assert "还有1件没有说办理结果" in last_reply(page)
    send(page, "还有1件信息不存在", "commit")
    assert "本机关不掌握相关政府信息：自然人 1，总计 1" in last_reply(page)
    assert clerk_turns(page) == ["个人申请4件，均已答复，其中公开3件", "还有1件信息不存在"]
    # what is being typed survives a reload; the conversation and the pending answer too
    page.locator("#answer").press_sequentially("对", delay=5)
    page.reload()
    assert page.locator("#answer").input_value() == "对"
    assert "本机关不掌握相关政府信息：自然人 1，总计 1" in last_reply(page)
    with page.expect_navigation():
        page.locator("#answer").press("Enter")
    assert last_reply(page).startswith("已保存。") and page.locator("#answer").input_value() == ""
    # Shift+Enter is a new line, not a send
    page.locator("#answer").press_sequentially("没有", delay=5)
    page.locator("#answer").press("Shift+Enter")
    assert page.locator("#answer").input_value() == "没有\n" and clerk_turns(page)[-1] == "对"
    page.screenshot(path=str(tmp_path / "conversation.png"), full_page=False)
    with page.expect_download() as got:
        page.click("text=下载 Word")
    import docx

    saved = tmp_path / got.value.suggested_filename
    got.value.save_as(saved)
    assert saved.suffix == ".docx" and UNITS["shiqiao"] in "\n".join(p.text for p in docx.Document(saved).paragraphs)
    # logout clears what was being typed
    page.locator("#answer").press_sequentially("草稿里的一句", delay=5)
    with page.expect_navigation():
        page.click("button:has-text('退出登录')")
    log_in(page, server, "shiqiao")
    page.click("text=打开")
    page.wait_for_load_state()
    assert page.locator("#answer").input_value() == ""
    assert outside == []
    context.close()


def test_two_clerks_at_once_and_the_office_sees_both(server, browser, tmp_path):
    a_context, b_context = browser.new_context(), browser.new_context()
    a, a_outside = watched(a_context, server)
    b, b_outside = watched(b_context, server)
    log_in(a, server, "shiqiao")
    log_in(b, server, "hexi")
    start_draft(a, server)
    start_draft(b, server)
    send(a, "没有")
    send(b, "个人申请4件，均已答复，其中公开3件")
    send(a, "对")
    assert clerk_turns(a) == ["没有", "对"] and clerk_turns(b) == ["个人申请4件，均已答复，其中公开3件"]
    assert UNITS["shiqiao"] in a.locator("h1").inner_text() and UNITS["hexi"] in b.locator("h1").inner_text()
    office_context = browser.new_context()
    office, o_outside = watched(office_context, server)
    log_in(office, server, "office")
    office.goto(server + "/admin?year=2021")
    rows = {r.locator("td").nth(0).inner_text(): r.locator("td.state").inner_text()
            for r in office.locator("table.units tbody tr").all()}
    assert rows == {UNITS["shiqiao"]: "起草中", UNITS["hexi"]: "起草中"}
    office.screenshot(path=str(tmp_path / "office.png"), full_page=True)
    assert a_outside == b_outside == o_outside == []
    for c in (a_context, b_context, office_context):
        c.close()


def test_a_wrong_password_is_refused(server, browser):
    context = browser.new_context()
    page, outside = watched(context, server)
    log_in(page, server, "shiqiao", "not-the-password")
    assert page.url.endswith("/login") and "账号或密码不对" in page.locator("p.error").inner_text()
    assert page.locator("input[name=name]").input_value() == "shiqiao"
    assert outside == []
    context.close()


def test_a_still_spoken_sentence_is_rewritten_in_its_own_box(server, browser, tmp_path):
    page, outside = watched(browser.new_context(locale="zh-CN"), server)
    log_in(page, server, "shiqiao")
    start_draft(page, server)
    page.select_option("select[name=arg]", "overview_platform")
    with page.expect_navigation():
        page.click("form.jump button")
    send(page, "新做了12块公开栏。网站那个东西咋弄都不好使。", "commit")
    box = page.locator("section.spoken")
    assert box.locator("q").all_inner_texts() == ["网站那个东西咋弄都不好使。"]
    box.locator("input[name=answer][type=text]").click()
    page.keyboard.insert_text("网站运行不够稳定")  # committed at once, as an input method does
    page.screenshot(path=str(tmp_path / "spoken.png"), full_page=True)
    with page.expect_navigation():
        box.locator("button:has-text('改写')").click()
    assert "将写入：（四）平台建设。我镇新建公开栏12块。网站运行不够稳定。" in last_reply(page)
    assert page.locator("section.spoken").count() == 0 and clerk_turns(page)[-1] == "改1：网站运行不够稳定"
    assert outside == []
