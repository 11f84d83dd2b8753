"""The client of the optional language model at an OpenAI-compatible endpoint — off by default.

It only sends a request and returns the reply's paragraph; whether a rewording may be used is decided by
`dialogue.polish`, which never lets the model be the source of a number.

Settings come from `config.toml` in the user config folder (platformdirs, XDG_CONFIG_HOME honoured):

    [llm]
    enabled = true
    base_url = "http://127.0.0.1:8000/v1"
    model = "qwen2.5-7b-instruct"
    api_key_env = "GKASSIST_LLM_KEY"   # the key is read from this environment variable, never stored

or from the environment: GKASSIST_LLM_URL, GKASSIST_LLM_MODEL (either one enables it), GKASSIST_LLM_KEY.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import tomllib
import urllib.parse
from pathlib import Path

from pydantic import BaseModel, ValidationError

from gkassist.core.errors import InputError
from gkassist.paths import config_path as config_path  # re-exported: where the clerk is told to configure it


class LLMSettings(BaseModel):
    enabled: bool = False
    base_url: str = ""
    model: str = ""
    api_key_env: str = "GKASSIST_LLM_KEY"
    timeout_seconds: float = 30.0
    temperature: float = 0.2

    @property
    def ready(self) -> bool:
        return self.enabled and bool(self.base_url) and bool(self.model)

    @property
    def missing(self) -> str:
        """What an enabled configuration still lacks (“model” when only GKASSIST_LLM_URL is set)."""
        return "、".join(name for name, value in (("base_url（GKASSIST_LLM_URL）", self.base_url),
                                                  ("model（GKASSIST_LLM_MODEL）", self.model)) if not value)


def load_settings(path: Path | None = None) -> LLMSettings:
    path = path or config_path()
    data: dict[str, object] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("llm", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"{path}：配置文件格式有误（{e}）") from None
    env = {k: v for k, v in (("base_url", os.environ.get("GKASSIST_LLM_URL")),
                             ("model", os.environ.get("GKASSIST_LLM_MODEL"))) if v}
    if env:
        data = {**data, **env, "enabled": True}
    try:
        return LLMSettings.model_validate(data)
    except ValidationError as e:
        where = "；".join(f"llm.{'.'.join(map(str, err['loc']))}" for err in e.errors())
        raise InputError(f"{path}：配置项有误（{where}）") from None


MAX_REPLY_BYTES = 2_000_000


def ask_model(settings: LLMSettings, system: str, user: str) -> str:
    """One chat completion within `timeout_seconds` in all (connecting, the status line, the headers and the body:
    a server dripping a byte every few seconds anywhere is cut off); a redirect is not followed; every failure
    becomes an InputError with a Chinese message."""
    body = json.dumps({"model": settings.model, "temperature": settings.temperature,
                       "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}]},
                      ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if key := os.environ.get(settings.api_key_env):
        headers["Authorization"] = f"Bearer {key}"
    url = settings.base_url.rstrip("/") + "/chat/completions"
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"大模型服务地址 {settings.base_url} 无效（应以 http:// 或 https:// 开头），未润色")
    try:
        status, reply = _post(parts, body, headers, settings.timeout_seconds)
    except TimeoutError:
        raise InputError(f"大模型服务 {url} 在{settings.timeout_seconds:g}秒内没有答完，未润色") from None
    except http.client.HTTPException:
        raise InputError(f"大模型服务 {url} 的回复看不懂（不是 HTTP 回复），未润色") from None
    except (OSError, ValueError) as e:
        raise InputError(f"连不上大模型服务 {url}（{e.strerror if isinstance(e, OSError) and e.strerror else e}），未润色") from None
    if 300 <= status < 400:
        raise InputError(f"大模型服务 {url} 要求转到另一个地址（{status}），没有跟随，未润色；请在配置里直接写它的最终地址")
    if status != 200:
        raise InputError(f"大模型服务 {url} 返回错误 {status}，未润色")
    try:
        data = json.loads(reply.decode("utf-8"))
        content = data["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError, RecursionError):  # RecursionError: “[[[[…” thousands deep
        raise InputError(f"大模型服务 {url} 的回复看不懂（不是 OpenAI 兼容格式），未润色") from None
    # “content”: null or a number is no text: the caller refuses an empty rewording
    return content if isinstance(content, str) else ""


def _post(parts: urllib.parse.SplitResult, body: bytes, headers: dict[str, str], seconds: float) -> tuple[int, bytes]:
    """(status, body) of one POST within `seconds` in all.  urllib's timeout bounds each read, not the request: a
    watchdog thread shuts the socket at the deadline, which ends whatever read is waiting.  http.client follows no
    redirect."""
    import socket
    import threading

    assert parts.hostname  # an address without one is refused before the request is made
    connection = (http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection)(
        parts.hostname, parts.port, timeout=seconds)
    done, expired = threading.Event(), threading.Event()

    def watch() -> None:
        if done.wait(seconds):
            return
        expired.set()
        while not done.is_set():
            if (sock := connection.sock) is not None:
                try:
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's: also under TLS
                except OSError:
                    pass
                return
            done.wait(0.05)  # still connecting (bounded by its own timeout)

    threading.Thread(target=watch, name="gkassist-llm-deadline", daemon=True).start()
    try:
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("POST", target, body=body, headers=headers)
        response = connection.getresponse()
        chunks, size = [], 0
        while size <= MAX_REPLY_BYTES and (chunk := response.read1(65536)):
            chunks.append(chunk)
            size += len(chunk)
        if expired.is_set():
            raise TimeoutError("deadline")
        return response.status, b"".join(chunks)
    except (OSError, http.client.HTTPException):
        if expired.is_set():
            raise TimeoutError("deadline") from None
        raise
    finally:
        done.set()
        connection.close()


def paragraph_of(reply: str) -> str:
    """The paragraph out of the model's reply: no think block, no quotes or code fence, one paragraph."""
    text = re.sub(r"<think>.*?</think>", "", reply, flags=re.S).strip()
    text = re.sub(r"^```\w*\s*|\s*```$", "", text).strip()
    text = text.strip("“”\"' \n")
    return re.sub(r"\s*\n\s*", "", text)
