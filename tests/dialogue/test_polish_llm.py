"""The optional wording polish, against a fake OpenAI-compatible server on loopback (no network needed)."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from gkassist import llm
from gkassist.core.errors import InputError
from gkassist.dialogue import Engine
from gkassist.importer import import_file
from support import SEED, settle


class FakeModel(BaseHTTPRequestHandler):
    reply = ""
    status = 200
    delay = 0.0
    requests: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        time.sleep(FakeModel.delay)
        FakeModel.requests.append((self.path, self.headers.get("Authorization"), body))
        self.send_response(FakeModel.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        if FakeModel.status == 200:
            self.wfile.write(json.dumps({"choices": [{"message": {"content": FakeModel.reply}}]},
                                        ensure_ascii=False).encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def model(tmp_path, monkeypatch):
    server = HTTPServer(("127.0.0.1", 0), FakeModel)
    # shutdown() waits for the server's next look at its flag: every 20 ms, not the default half second a test
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    for kind in ("DATA", "CACHE", "CONFIG"):
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / kind.lower()))
    monkeypatch.setenv("GKASSIST_LLM_URL", f"http://127.0.0.1:{server.server_port}/v1")
    monkeypatch.setenv("GKASSIST_LLM_MODEL", "fake")
    monkeypatch.setenv("GKASSIST_LLM_KEY", "secret")
    FakeModel.requests, FakeModel.status, FakeModel.delay = [], 200, 0.0
    yield FakeModel
    server.shutdown()


def engine_at_proactive_text():
    engine = Engine.start(import_file(SEED).report, 2021)
    for a in ["没有", "对", "没有", "对", "规范性文件制发2件，现行有效2件，行政许可5件", "对"]:
        engine.answer(a)
    engine.answer("镇政府网站上全年公开了惠农补贴120条 财政预决算都公开了")
    return engine


def test_off_by_default(tmp_path, monkeypatch):
    for kind in ("DATA", "CACHE", "CONFIG"):
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / kind.lower()))
    monkeypatch.delenv("GKASSIST_LLM_URL", raising=False)
    monkeypatch.delenv("GKASSIST_LLM_MODEL", raising=False)
    assert not llm.load_settings().ready
    replies = engine_at_proactive_text().answer("润色")
    assert replies[0].kind == "error" and replies[0].text.startswith("大模型润色没有打开（默认关闭")


def test_polished_paragraph_is_offered_and_restorable(model):
    model.reply = "<think>…</think>“镇政府网站全年公开惠农补贴信息120条，财政预决算全部按规定公开。”"
    engine = engine_at_proactive_text()
    replies = engine.answer("润色")
    assert replies[0].text == "润色后将写入（数字未变，已通过检查）：（一）主动公开。镇政府网站全年公开惠农补贴信息120条，财政预决算全部按规定公开。"
    path, auth, body = model.requests[0]
    assert path == "/v1/chat/completions" and auth == "Bearer secret" and body["model"] == "fake"
    assert "镇政府网站上全年公开惠农补贴120条，财政预决算均已公开。" in body["messages"][1]["content"]  # in a report's words
    assert engine.answer("还原")[0].text == "已换回润色前的：（一）主动公开。镇政府网站上全年公开惠农补贴120条，财政预决算均已公开。"
    assert engine.answer("还原")[0].text == "已换回您写的：（一）主动公开。镇政府网站上全年公开了惠农补贴120条 财政预决算都公开了。"
    engine.answer("润色")
    engine.answer("对")
    assert engine.report.sections["overview"][-1] == "（一）主动公开。镇政府网站全年公开惠农补贴信息120条，财政预决算全部按规定公开。"


@pytest.mark.parametrize("reply, reason", [
    ("镇政府网站全年公开惠农补贴信息150条，财政预决算全部公开。", "改写里出现了原文没有的数字（150）"),
    ("镇政府网站全年公开惠农补贴信息120条、政策文件三十余条。", "改写里出现了原文没有的数字（30余）"),
    ("XX镇政府网站全年公开惠农补贴信息120条。", "改写没有通过检查：PLACEHOLDER"),
    ("", "大模型没有给出内容"),
    # two of its three sentences are last year's (the seed's) word for word
    ("镇政府网站全年公开惠农补贴信息120条。明确政府信息员，具体负责政府信息公开内容维护。确保了信息公开工作依法、有序的进行。",
     "改写和去年报告的句子重复得更多了（REPEAT）"),
])
def test_a_model_is_never_the_source_of_a_number(model, reply, reason):
    model.reply = reply
    engine = engine_at_proactive_text()
    replies = engine.answer("润色")
    assert replies[0].kind == "error" and replies[0].text.startswith(f"没有采用大模型的改写：{reason}")
    engine.answer("对")
    assert engine.report.sections["overview"][-1] == "（一）主动公开。镇政府网站上全年公开惠农补贴120条，财政预决算均已公开。"


def test_table_numbers_in_text_are_checked(model):
    engine = Engine.start(import_file(SEED).report, 2021)
    for a in ["自然人申请2件，予以公开2件", "对", "没有", "对", "没有", "现行有效0件", "对", "主动公开信息", "对"]:
        engine.answer(a)
    engine.answer("全年收到申请2件，均按期答复")
    model.reply = "全年共收到政府信息公开申请2件，均在法定期限内答复。"
    assert engine.answer("润色")[0].kind == "understood"
    model.reply = "全年共收到政府信息公开申请3件。"  # 3 is new: refused before the checks are even asked
    assert "（3）" in engine.answer("润色")[0].text


def test_service_failures_are_chinese_messages(model, tmp_path, monkeypatch):
    engine = engine_at_proactive_text()
    model.status = 500
    assert engine.answer("润色")[0].text.endswith("返回错误 500，未润色")
    monkeypatch.setenv("GKASSIST_LLM_URL", "http://127.0.0.1:9/v1")
    assert engine.answer("润色")[0].text.startswith("连不上大模型服务 http://127.0.0.1:9/v1/chat/completions")
    assert engine.pending is not None  # the clerk's paragraph is still there to accept
    config = tmp_path / "config" / "gkassist" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[llm\nenabled = yes", encoding="utf-8")
    with pytest.raises(InputError, match="配置文件格式有误"):
        llm.load_settings()
    config.write_text("[llm]\ntimeout_seconds = \"很久\"\n", encoding="utf-8")
    assert "配置项有误（llm.timeout_seconds）" in engine.answer("润色")[0].text


@pytest.mark.slow
async def test_polish_in_the_app_runs_in_a_worker(model):
    from gkassist.tui.app import DraftApp
    from gkassist.tui.widgets import ChatBubble

    model.reply = "镇政府网站全年公开惠农补贴信息120条，财政预决算全部按规定公开。"
    model.delay = 0.5
    app = DraftApp(engine_at_proactive_text())
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one("#answer").value = "润色"
        await pilot.press("enter")
        await pilot.press("ctrl+b")  # moving the dialogue while the model works is refused
        assert app.query_one("#answer").disabled and app.engine.step.id == "overview_proactive"
        import threading

        (polishing,) = [t for t in threading.enumerate() if t.name == "gkassist-polish"]
        assert polishing.daemon  # Ctrl+Q never waits for a slow model
        for _ in range(100):
            await pilot.pause(0.05)
            if not app.query_one("#answer").disabled:
                break
        await settle(pilot)  # focus is handed back on the next turn of the event loop
        shown = [m.text for m in app.query(ChatBubble)]
        assert shown[-2] == "正在请大模型润色，请稍候……"
        assert shown[-1].startswith("润色后将写入（数字未变，已通过检查）：（一）主动公开。镇政府网站全年公开惠农补贴信息120条")
        assert not app.query_one("#answer").disabled and app.focused is app.query_one("#answer")


def test_wants_model_only_when_configured(model, monkeypatch):
    engine = engine_at_proactive_text()
    assert engine.wants_model("润色") and not engine.wants_model("对")
    monkeypatch.delenv("GKASSIST_LLM_URL")
    monkeypatch.delenv("GKASSIST_LLM_MODEL")
    assert not engine.wants_model("润色")  # answered at once, with the “not switched on” message


def test_a_null_reply_is_a_refusal_not_the_word_none(model):
    model.reply = None
    engine = engine_at_proactive_text()
    replies = engine.answer("润色")
    assert replies[0].text.startswith("没有采用大模型的改写：大模型没有给出内容")


def test_a_dripping_server_is_cut_off_by_one_deadline(monkeypatch, tmp_path):
    import socket
    import threading
    import time

    for kind in ("DATA", "CACHE", "CONFIG"):
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / kind.lower()))
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    stop = threading.Event()

    def drip():
        conn, _ = server.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
        while not stop.is_set():  # one byte every 0.2 s: never a read timeout, never an answer
            try:
                conn.sendall(b" ")
            except OSError:
                break
            time.sleep(0.2)
        conn.close()

    threading.Thread(target=drip, daemon=True).start()
    settings = llm.LLMSettings(enabled=True, base_url=f"http://127.0.0.1:{server.getsockname()[1]}/v1", model="m",
                               timeout_seconds=1.0)
    started = time.monotonic()
    with pytest.raises(InputError, match="秒内没有答完"):
        llm.ask_model(settings, "s", "u")
    stop.set()
    assert time.monotonic() - started < 3
