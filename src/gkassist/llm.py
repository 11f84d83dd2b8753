"""Optional wording polish by a language model at an OpenAI-compatible endpoint — off by default.

The model only rewrites a paragraph the clerk wrote.  It is never the source of a number: a polished
paragraph is offered only if every number in it was already in the clerk's paragraph, and only if the
report's checks (numbers against the tables, placeholders, repetition of last year) find nothing new in it.

Settings come from `config.toml` in the user config folder (platformdirs, XDG_CONFIG_HOME honoured):

    [llm]
    enabled = true
    base_url = "http://127.0.0.1:8000/v1"
    model = "qwen2.5-7b-instruct"
    api_key_env = "GKASSIST_LLM_KEY"   # the key is read from this environment variable, never stored

or from the environment: GKASSIST_LLM_URL, GKASSIST_LLM_MODEL (either one enables it), GKASSIST_LLM_KEY.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import repetition
from .checks import check
from .errors import InputError
from .model import Report
from .prompts import polish_prompts
from .resources import user_dir

MAX_REPLY_CHARS = 4000


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


def config_path() -> Path:
    return user_dir("config", "config.toml")


def load_settings(path: Path | None = None) -> LLMSettings:
    path = path or config_path()
    data: dict = {}
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


def ask_model(settings: LLMSettings, system: str, user: str) -> str:
    """One chat completion; every failure becomes an InputError with a Chinese message."""
    body = json.dumps({"model": settings.model, "temperature": settings.temperature,
                       "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}]},
                      ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if key := os.environ.get(settings.api_key_env):
        headers["Authorization"] = f"Bearer {key}"
    url = settings.base_url.rstrip("/") + "/chat/completions"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=settings.timeout_seconds) as response:
            data = json.loads(response.read(2_000_000).decode("utf-8"))
        return str(data["choices"][0]["message"]["content"])
    except urllib.error.HTTPError as e:
        raise InputError(f"大模型服务 {url} 返回错误 {e.code}，未润色") from None
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        raise InputError(f"连不上大模型服务 {url}（{getattr(e, 'reason', e)}），未润色") from None
    except (ValueError, KeyError, IndexError, TypeError):
        raise InputError(f"大模型服务 {url} 的回复看不懂（不是 OpenAI 兼容格式），未润色") from None


_NUMBER = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]{1,8}(?=[件条个项次人名家份期批宗余万元年月日])")


def numbers_in(text: str) -> set[str]:
    from .textnums import parse_number

    out = set()
    for m in _NUMBER.finditer(text.replace(",", "")):  # \d takes full-width digits too; parse_number reads them
        n = parse_number(m.group(0))
        if n is not None:
            out.add(str(n))
    return out


@dataclass
class Polished:
    text: str
    accepted: bool
    reason: str = ""


def polish(paragraph: str, heading: str, part: str, report: Report, last_year: Report | None,
           section: str, settings: LLMSettings) -> Polished:
    """Ask the model to polish `paragraph` (its `heading` kept as is) and judge the answer."""
    body = paragraph.removeprefix(heading)
    prompts = polish_prompts()
    reply = ask_model(settings, prompts["system"],
                      prompts["user"].format(agency=report.agency, year=report.year, part=part or section, text=body))
    text = _clean(reply)
    if not text:
        return Polished(text, False, "大模型没有给出内容")
    if len(text) > max(3 * len(body), 200) or len(text) > MAX_REPLY_CHARS:
        return Polished(text, False, "大模型的改写比原文长得多，可能加了原文没有的内容")
    added = sorted(numbers_in(text) - numbers_in(body) - {str(report.year)})
    if added:
        return Polished(text, False, f"改写里出现了原文没有的数字（{'、'.join(added)}），数字只能来自您和表格")
    candidate = heading + text if heading and not text.startswith(heading) else text
    before = {(f.rule, f.message) for f in _paragraph_findings(report, section, paragraph)}
    new = [f for f in _paragraph_findings(report, section, candidate) if (f.rule, f.message) not in before]
    if new:
        return Polished(candidate, False, "改写没有通过检查：" + "；".join(f"{f.rule} {f.message}" for f in new[:2]))
    if last_year is not None:
        index = repetition.sentence_index(last_year)
        if repetition.repeated_share(candidate, index) > max(repetition.repeated_share(paragraph, index),
                                                             repetition.WARNING_RATE):
            return Polished(candidate, False, "改写和去年报告的句子重复得更多了（REPEAT）")
    return Polished(candidate, True)


def _paragraph_findings(report: Report, section: str, paragraph: str):
    trial = report.model_copy(deep=True)
    trial.sections.setdefault(section, []).append(paragraph)
    return [f for f in check(trial) if f.rule in ("TEXT-NUMBERS", "PLACEHOLDER")]


def _clean(reply: str) -> str:
    """The paragraph out of the model's reply: no think block, no quotes or code fence, one paragraph."""
    text = re.sub(r"<think>.*?</think>", "", reply, flags=re.S).strip()
    text = re.sub(r"^```\w*\s*|\s*```$", "", text).strip()
    text = text.strip("“”\"' \n")
    return re.sub(r"\s*\n\s*", "", text)
