"""Where a fact of a narrative answer lands (prompts/placement.yaml): a correction of a figure said in an earlier
answer (read by dialogue.sentences, applied by kinds.narrative where the figure was printed), a figure said roughly
and then exactly (only the exact one), a remark that carries no fact (never printed), and a problem or a plan told
while answering 一 (handed to 五 with the shortcomings told in passing, never printed in 一)."""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, field_validator

from gkassist.core.yamldata import load_model, pattern, regex_checked, regexes_checked, replacement
from gkassist.dialogue.register import Rule as Rewrite
from gkassist.dialogue.register import _Data
from gkassist.paths import resource_dir


class Plans(_Data):
    lead: str
    wants: str
    rewrites: tuple[Rewrite, ...] = ()

    _valid = field_validator("lead", "wants")(regex_checked)


class Problems(_Data):
    signs: tuple[str, ...]
    rewrites: tuple[Rewrite, ...] = ()

    _valid = field_validator("signs")(regexes_checked)


class Counts(_Data):
    context: str
    rewrites: tuple[Rewrite, ...] = ()

    _valid = field_validator("context")(regex_checked)


def _names_its_figures(correction: str) -> str:
    """A correction's pattern reads what it names, the right figure and its unit (checked item by item, so that a
    mistake is said at its line)."""
    regex_checked(correction)
    missing = {"what", "new", "unit"} - set(pattern(correction).groupindex)
    if missing:
        raise ValueError(f"“{correction}”缺少命名的组：{'、'.join(sorted(missing))}")
    return correction


class Placement(_Data):
    counts: Counts
    homes: dict[str, str]
    corrections: tuple[Annotated[str, AfterValidator(_names_its_figures)], ...]
    exact: str
    remarks: tuple[str, ...]
    plans: Plans
    problems: Problems

    _valid = field_validator("remarks")(regexes_checked)

    @field_validator("homes")
    @classmethod
    def _known_parts(cls, homes: dict[str, str]) -> dict[str, str]:
        from gkassist.core.flow import overview_parts

        parts = [p for p, _ in overview_parts()]
        for part, words in homes.items():
            if part not in parts:
                raise ValueError(f"问答流程里没有“{part}”这一部分（可用：{'、'.join(parts)}）")
            regex_checked(words)
        return homes
    _exact = field_validator("exact")(regex_checked)


@cache
def placement() -> Placement:
    return load_model(resource_dir("prompts") / "placement.yaml", Placement)


_ROUGH = r"(?P<rough>\d+(?:\.\d+)?)(?:余|多|来)?(?P<unit>[条件个次期篇项场份名人家])(?:左右)?"
_EXACT = r"(?P<exact>\d+(?:\.\d+)?)(?P=unit)"


def exact_figures(text: str) -> str:
    """“10400余条，准确说10407条” → “10407条”: a figure said roughly and then exactly is said once, exactly (the rough
    one must be near the exact one: two figures far apart are two facts)."""
    def keep(m: re.Match[str]) -> str:
        rough, exact = float(m["rough"]), float(m["exact"])
        return m["exact"] + m["unit"] if exact and abs(rough - exact) <= exact / 5 else m.group(0)
    return re.sub(_ROUGH + placement().exact + _EXACT, keep, text)


def counted_in_pieces(text: str) -> str:
    """“就那2个申请嘛，1个公开了” → “就那2件申请嘛，1件公开了”: applications counted as the opening counts them."""
    d = placement().counts
    out = []
    for sentence in re.findall(r"[^。；！？]+[。；！？]*", text):
        if pattern(d.context).search(sentence):
            for r in d.rewrites:
                sentence = pattern(r.say).sub(replacement(r.write), sentence)
        out.append(sentence)
    return "".join(out)


def is_remark(clause: str) -> bool:
    """A clause that only points back at what was said or closes the answer (“前面已经说了”, “就这些”)."""
    core = clause.strip("，,。；;！？!? ")
    return bool(core) and not re.search(r"[0-9]", core) and any(pattern(p).search(core) for p in placement().remarks)


def is_problem(clause: str) -> bool:
    """A shortcoming told the everyday way that the shortfall signs of prompts/sentences.yaml do not name."""
    return any(pattern(p).search(clause) for p in placement().problems.signs)


def problem_words(text: str) -> str:
    for r in placement().problems.rewrites:
        text = pattern(r.say).sub(replacement(r.write), text)
    return text.strip("，, ")


def plan_at(clause: str, year: int | None = None) -> bool:
    """Whether a clause opens a plan (“明年想……”, “2026年准备把……”; with the report's `year`, any clause opening
    with a later year, “2026年按月通报” — while “2025年将目录梳理了一遍” is what was done)."""
    clause = clause.strip("，, ")
    m = pattern(placement().plans.lead).match(clause)
    if m is not None and m.end() > 0:
        return True
    later = re.match(r"([0-9]{4})年", clause)
    return year is not None and later is not None and int(later[1]) > year


def as_measure(plan: str) -> str:
    """A plan in a measure's words, without its time and its wanting (“明年我们想多弄点短视频和图解” → “增加短视频
    和图解”): what 五 writes after “下一步将”."""
    d = placement().plans
    out = []
    for clause in re.split(r"[，,；;]", plan.strip().rstrip("。！？!?；;")):
        clause = pattern(d.wants).sub("", clause.strip(), count=1)
        for r in d.rewrites:
            clause = pattern(r.say).sub(replacement(r.write), clause)
        if clause:
            out.append(clause)
    return "，".join(out)


def home_of(sentence: str, part: str) -> str:
    """The other part of 一 a sentence said while answering `part` belongs to (prompts/placement.yaml `homes`): one
    other part's and nothing of `part`'s; "" when it stays."""
    homes = placement().homes
    if part in homes and pattern(homes[part]).search(sentence):
        return ""
    found = [other for other, words in homes.items() if other != part and pattern(words).search(sentence)]
    return found[0] if len(found) == 1 else ""
