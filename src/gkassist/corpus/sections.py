"""The parts of a report a sentence can come from: what `--section` accepts and how a report's narrative
paragraphs fall into them."""

from __future__ import annotations

import re

from gkassist.core.errors import InputError

SECTION_KINDS = ("总体情况", "主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障", "问题和改进", "其他事项")
OVERVIEW_KINDS = SECTION_KINDS[:6]
_SECTION_ALIASES = {
    "一、总体情况": "总体情况", "overview": "总体情况",
    "政府信息公开平台建设": "平台建设", "平台": "平台建设",
    "五、存在的主要问题及改进情况": "问题和改进", "存在的主要问题及改进情况": "问题和改进", "问题": "问题和改进",
    "problems": "问题和改进", "六、其他需要报告的事项": "其他事项", "其他需要报告的事项": "其他事项", "其他": "其他事项",
    "other": "其他事项",
}
_OVERVIEW_PART = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]\s*([^。；，,]{0,16})")
_PART_WORDS = (("依申请", "依申请公开"), ("主动公开", "主动公开"), ("信息管理", "政府信息管理"),
               ("平台", "平台建设"), ("监督", "监督保障"), ("保障", "监督保障"))


def section_kind(name: str) -> str:
    name = name.strip()
    kind = _SECTION_ALIASES.get(name, name)
    if kind not in SECTION_KINDS:
        raise InputError(f"--section：不认识“{name}”（可选：{'、'.join(SECTION_KINDS)}）")
    return kind


def paragraph_kinds(report) -> list[tuple[str, str]]:
    """(kind, paragraph) for every narrative paragraph; overview paragraphs take the kind of the
    sub-heading （一）主动公开… they fall under."""
    out = []
    current = "总体情况"
    for para in report.paragraphs("overview"):
        m = _OVERVIEW_PART.match(para)
        if m:
            current = next((kind for word, kind in _PART_WORDS if word in m.group(1)), "总体情况")
        out.append((current, para))
    out += [("问题和改进", p) for p in report.paragraphs("problems")]
    out += [("其他事项", p) for p in report.paragraphs("other")]
    return out
