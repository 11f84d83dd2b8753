"""The parts of a report a sentence can come from: what `--section` accepts and how a report's narrative
paragraphs fall into them."""

from __future__ import annotations

import re

from gkassist.core.errors import InputError
from gkassist.core.flow import overview_parts, part_words

# The parts of a report a sentence can come from (what --section accepts, besides aliases): 一 as a whole, the parts
# of 一 the question flow asks for (prompts/flow.yaml), 五 and 六.
OVERVIEW_KIND, PROBLEMS_KIND, OTHER_KIND = "总体情况", "问题和改进", "其他事项"


def overview_kinds() -> tuple[str, ...]:
    return (OVERVIEW_KIND,) + tuple(part for part, _ in overview_parts())


def section_kinds() -> tuple[str, ...]:
    return overview_kinds() + (PROBLEMS_KIND, OTHER_KIND)

_SECTION_ALIASES = {
    "一、总体情况": "总体情况", "overview": "总体情况",
    "政府信息公开平台建设": "平台建设", "平台": "平台建设",
    "五、存在的主要问题及改进情况": "问题和改进", "存在的主要问题及改进情况": "问题和改进", "问题": "问题和改进",
    "problems": "问题和改进", "六、其他需要报告的事项": "其他事项", "其他需要报告的事项": "其他事项", "其他": "其他事项",
    "other": "其他事项",
}
_OVERVIEW_PART = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]\s*([^。；，,]{0,16})")


def section_kind(name: str) -> str:
    name = name.strip()
    kind = _SECTION_ALIASES.get(name, name)
    if kind not in section_kinds():
        raise InputError(f"--section：不认识“{name}”（可选：{'、'.join(section_kinds())}）")
    return kind


def paragraph_kinds(report) -> list[tuple[str, str]]:
    """(kind, paragraph) for every narrative paragraph; overview paragraphs take the kind of the
    sub-heading （一）主动公开… they fall under."""
    out = []
    current = OVERVIEW_KIND
    words = part_words()
    for para in report.paragraphs("overview"):
        m = _OVERVIEW_PART.match(para)
        if m:
            current = next((kind for word, kind in words if word in m.group(1)), OVERVIEW_KIND)
        out.append((current, para))
    out += [(PROBLEMS_KIND, p) for p in report.paragraphs("problems")]
    out += [(OTHER_KIND, p) for p in report.paragraphs("other")]
    return out
