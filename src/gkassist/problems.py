"""五、存在的主要问题及改进情况: problem areas proposed from this year's figures and the clerk's own answers.

The areas, their signals and wording are data (prompts/problems.yaml); the figures are the report's own.
"""

from __future__ import annotations

import re

from . import formats
from .model import Report
from .prompts import flow, problem_areas


def propose_problems(report: Report, last_year: Report | None = None) -> list[dict]:
    """2–4 problem areas whose signals hold for this year's figures or the clerk's own answers, filled from them.

    A problem last year's report already stated in the same words is not proposed again: 五 must not be a copy.
    """
    from .repetition import SentenceIndex

    figures = figures_of(report)
    said_last_year = SentenceIndex(re.split(r"[；。]", "".join(last_year.paragraphs("problems"))) if last_year else [])
    out = []
    for area in problem_areas():
        fallback = str(area.get("signal")).strip() == "True"
        values = dict(figures)
        if "said" in area:
            clause = _said(report, area["said"])
            if clause is None:
                continue
            values["said"] = clause
        if (fallback and len(out) < 2) or (not fallback and ("said" in area or _signal(area["signal"], figures))):
            problem = area["problem"].format(**values)
            if said_last_year.contains(problem):
                continue
            out.append({"id": area["id"], "problem": problem, "improvement": area["improvement"].format(**values)})
        if len(out) == 4:
            break
    return out


def _said(report: Report, said: dict) -> str | None:
    """The clause of the clerk's answer for `said.part` that names a gap (e.g. “依申请公开栏目尚未开通”)."""
    heading = next((s.get("heading") for s in flow() if s.get("part") == said["part"]), None)
    for paragraph in report.paragraphs("overview"):
        if heading and paragraph.startswith(heading):
            for clause in re.split(r"[，,；;。！？]", paragraph.removeprefix(heading)):
                if any(w in clause for w in said["words"]):
                    return clause.strip()
    return None


def problems_paragraph(proposals: list[dict]) -> str:
    return "本年度存在的问题和改进措施：" + "；".join(
        f"{'一二三四'[i]}是{p['problem']}" + (f"，下一步将{p['improvement']}" if p["improvement"] else "")
        for i, p in enumerate(proposals)) + "。"


def figures_of(report: Report) -> dict:
    n = report.number
    results_total = n("t3", "results_total", "total") or 0
    unable = sum(n("t3", f"unable_{i}", "total") or 0 for i in (1, 2, 3))
    corrected = sum(n("t4", "cases", f"{b}.corrected") or 0 for b, _ in formats.T4_BLOCKS)
    fee = n("t2", "fees", "fee_amount") if report.format_version == "2021" else 0
    return {
        "requests_total": (n("t3", "new", "total") or 0),
        "results_total": results_total,
        "unable_total": unable,
        "unable_share": f"{unable / results_total:.0%}" if results_total else "0%",
        "deny_total": sum(n("t3", f"deny_{i}", "total") or 0 for i in range(1, 9)),
        "corrected_total": corrected,
        "appeals_total": sum(n("t4", "cases", f"{b}.total") or 0 for b, _ in formats.T4_BLOCKS),
        "carry_next_total": n("t3", "carry_next", "total") or 0,
        "fee_amount": fee or 0,
    }


_COMPARISON = re.compile(r"^\s*(\w+)(?:\s*\*\s*(\d+))?\s*(==|>=|<=|>|<)\s*(\w+)\s*$")


def _signal(expression: str, figures: dict) -> bool:
    """A tiny, safe evaluator for the signals in prompts/problems.yaml: comparisons joined by `and`
    (the fallback areas' signal "True" is handled by the caller, which uses them only to reach two)."""
    for part in str(expression).split(" and "):
        m = _COMPARISON.match(part)
        if not m:
            raise ValueError(f"prompts/problems.yaml：无法理解的条件“{part}”")
        name, factor, op, other = m.groups()
        left = figures[name] * (int(factor) if factor else 1)
        right = figures[other] if other in figures else float(other)
        if not {"==": left == right, ">=": left >= right, "<=": left <= right, ">": left > right, "<": left < right}[op]:
            return False
    return True
