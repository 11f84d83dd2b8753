"""When a model's rewording may replace the clerk's paragraph: the acceptance policy of the optional polish.

The model (gkassist.llm) only rewrites.  It is never the source of a number: a polished paragraph is offered
only if every number in it was already in the clerk's paragraph, and only if the report's checks (numbers
against the tables, placeholders, repetition of last year) find nothing new in it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, field_validator

from gkassist import llm
from gkassist.checks import paragraph_findings
from gkassist.core import repetition
from gkassist.core.model import Report
from gkassist.core.numbers import parse_number
from gkassist.core.yamldata import load_model
from gkassist.paths import resource_dir

MAX_REPLY_CHARS = 4000
_NUMBER = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]{1,8}(?=[件条个项次人名家份期批宗余万元年月日])")


def numbers_in(text: str) -> set[str]:
    out = set()
    for m in _NUMBER.finditer(text.replace(",", "")):  # \d takes full-width digits too; parse_number reads them
        n = parse_number(m.group(0))
        if n is not None:
            out.add(str(n))
    return out


class PolishPrompts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    system: str
    user: str

    @field_validator("user")
    @classmethod
    def _known_fields(cls, user: str) -> str:
        allowed = {"agency", "year", "part", "text"}
        for _, name, _, _ in string.Formatter().parse(user):
            if name is not None and name not in allowed:
                raise ValueError(f"user 里的{{{name}}}不认识（可用：{'、'.join(sorted(allowed))}）")
        return user


@cache
def polish_prompts() -> PolishPrompts:
    """The system and user prompts of the optional wording polish (prompts/polish.yaml)."""
    return load_model(resource_dir("prompts") / "polish.yaml", PolishPrompts)


@dataclass
class Polished:
    text: str
    accepted: bool
    reason: str = ""


def polish(paragraph: str, heading: str, part: str, report: Report, last_year: Report | None,
           section: str, settings: llm.LLMSettings) -> Polished:
    """Ask the model to polish `paragraph` (its `heading` kept as is) and judge the answer."""
    body = paragraph.removeprefix(heading)
    prompts = polish_prompts()
    reply = llm.ask_model(settings, prompts.system,
                          prompts.user.format(agency=report.agency, year=report.year, part=part or section, text=body))
    text = llm.paragraph_of(reply)
    if not text:
        return Polished(text, False, "大模型没有给出内容")
    if len(text) > max(3 * len(body), 200) or len(text) > MAX_REPLY_CHARS:
        return Polished(text, False, "大模型的改写比原文长得多，可能加了原文没有的内容")
    added = sorted(numbers_in(text) - numbers_in(body) - {str(report.year)})
    if added:
        return Polished(text, False, f"改写里出现了原文没有的数字（{'、'.join(added)}），数字只能来自您和表格")
    candidate = heading + text if heading and not text.startswith(heading) else text
    before = {(f.rule, f.message) for f in paragraph_findings(report, section, [paragraph])}
    new = [f for f in paragraph_findings(report, section, [candidate]) if (f.rule, f.message) not in before]
    if new:
        return Polished(candidate, False, "改写没有通过检查：" + "；".join(f"{f.rule} {f.message}" for f in new[:2]))
    if last_year is not None:
        index = repetition.sentence_index(last_year)
        if repetition.repeated_share(candidate, index) > max(repetition.repeated_share(paragraph, index),
                                                             repetition.WARNING_RATE):
            return Polished(candidate, False, "改写和去年报告的句子重复得更多了（REPEAT）")
    return Polished(candidate, True)
