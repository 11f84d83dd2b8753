"""Figures a report's own text states about its tables (“收到政府信息公开申请5件”, “制发规范性文件88件”).

Declared once: the TEXT-NUMBERS check compares them with the tables; the importer uses them to split a table
row whose digits were published run together (“8855698” with “制发…88件” and “现行有效…698件” in the text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gkassist.core.model import Report

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gkassist.core.numbers import parse_number

_NUM = r"([0-9０-９][0-9０-９,，]*|[零〇一二两三四五六七八九十百千万]+)"


@dataclass(frozen=True)
class StatedFigure:
    pattern: re.Pattern[str]
    what: str
    cells: tuple[tuple[str, str, str], ...]  # the cells whose sum the figure states; stated only of reports whose
    # format has them all
    # other sums of cells the figure may as well be counted as (收到 with last year's carried-over ones, 办结)
    also: tuple[tuple[tuple[str, str, str], ...], ...] = ()

    @property
    def single(self) -> tuple[str, str, str] | None:
        return self.cells[0] if len(self.cells) == 1 else None


_NEW = (("t3", "new", "total"),)
# The patterns run on text with whitespace removed, since PDF text puts spaces around digits ("3119 件").
STATED_FIGURES: tuple[StatedFigure, ...] = (
    StatedFigure(re.compile(r"(?:收到|受理|接收|新收|接到)[^。；，,]{0,16}?政府信息公开申请件?(?:共计|共|合计)?" + _NUM + r"[件条]"),
                 "收到政府信息公开申请", _NEW),
    StatedFigure(re.compile(r"共?(?:收到|收了|新收了?|收)" + _NUM + r"件[^。；，]{0,6}申请"), "收到政府信息公开申请", _NEW),
    StatedFigure(re.compile(r"(?:共?收到|新收)" + _NUM + r"件(?=[，。；]|$)"), "收到政府信息公开申请", _NEW),
    # “收到申请5件” (not 受理: “受理申请41件” is as often 行政许可)
    StatedFigure(re.compile(r"(?:收到|新收|接收)(?:依)?申请(?:共计|共|合计)?" + _NUM + r"件"), "收到政府信息公开申请", _NEW),
    # “上年结转1件”, “上年度结转政府信息公开申请2件”
    StatedFigure(re.compile(r"上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:共计|共)?" + _NUM + r"件"), "上年结转",
                 (("t3", "carried", "total"),)),
    # “2024年结转的1件”: last year's, by its year
    StatedFigure(re.compile(r"(?<!\d)\d{4}年(?:度)?结转(?:来)?(?:的)?(?:政府信息公开)?(?:申请)?" + _NUM + r"件"), "上年结转",
                 (("t3", "carried", "total"),)),
    # “2件转至2026年”, “2件结转下年度”
    StatedFigure(re.compile(r"(?<![\d.])" + _NUM + r"件(?:申请)?(?:转至|转到|结转(?:至|到)?)(?:下一?年度?|\d{4}年)"), "结转下年度",
                 (("t3", "carry_next", "total"),)),
    # “结转下年度继续办理1件”, “结转下一年31件”
    StatedFigure(re.compile(r"结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:共计|共)?" + _NUM + r"件"), "结转下年度",
                 (("t3", "carry_next", "total"),)),
    # “（申请……）办结69件”, “已答复5件” after the applications in the same sentence (= 三（七）总计); not “答复人大建议”
    StatedFigure(re.compile(r"申请(?:(?!办结|答复)[^。；]){0,30}?(?<!公开)(?:办结|答复)(?:了)?(?:依申请|申请)?(?:共计|共)?"
                            + _NUM + r"件"), "办结", (("t3", "results_total", "total"),)),
    StatedFigure(re.compile(r"行政复议(?:案件)?(?:共计|共)?" + _NUM + r"件"), "行政复议", (("t4", "cases", "review.total"),)),
    StatedFigure(re.compile(r"行政诉讼(?:案件)?(?:共计|共)?" + _NUM + r"件"), "行政诉讼",
                 (("t4", "cases", "suit_direct.total"), ("t4", "cases", "suit_after_review.total"))),
    # what 五 states of the results (“不予公开3件，占办结总数的…”, “无法提供的有3件”, “被纠正1件”)
    StatedFigure(re.compile(r"不予公开(?:的)?(?:申请)?(?:共计|共|有)?" + _NUM + r"件"), "不予公开",
                 tuple(("t3", f"deny_{i}", "total") for i in range(1, 9))),
    StatedFigure(re.compile(r"无法提供(?:的)?(?:申请)?(?:共计|共|有)?" + _NUM + r"件"), "无法提供",
                 tuple(("t3", f"unable_{i}", "total") for i in range(1, 4))),
    StatedFigure(re.compile(r"被纠正" + _NUM + r"件"), "被纠正",
                 tuple(("t4", "cases", f"{b}.corrected") for b in ("review", "suit_direct", "suit_after_review"))),
    StatedFigure(re.compile(r"制发(?:的)?(?:行政)?规范性文件" + _NUM + r"件"), "制发规范性文件", (("t2", "normative", "issued"),)),
    StatedFigure(re.compile(r"现行有效(?:的)?(?:行政)?规范性文件(?:共计|共)?" + _NUM + r"件"), "现行有效规范性文件",
                 (("t2", "normative", "in_force"),)),
)


# Figures units count their own way (“依申请公开177条” may count the documents released on request, not the requests;
# “收到申请N条”): one that matches none of 表三's totals is a reminder to look, never an error, and never settles a
# row the importer could not split.
_RECEIVED_OR_DONE = ((("t3", "new", "total"), ("t3", "carried", "total")), (("t3", "results_total", "total"),),
                     (("t3", "open", "total"),), (("t3", "open", "total"), ("t3", "partial", "total")))
RECKONED_FIGURES: tuple[StatedFigure, ...] = (
    StatedFigure(re.compile(r"(?<!不予)依申请公开(?:的)?(?:政府信息|信息|申请|件|办件)?(?:共计|共|合计|有|为)?" + _NUM + r"[件条个]"),
                 "依申请公开", _NEW, _RECEIVED_OR_DONE),
    StatedFigure(re.compile(r"(?:收到|新收|接收|受理)(?:的)?(?:依)?申请(?:共计|共|合计)?" + _NUM + r"条"),
                 "收到申请", _NEW, _RECEIVED_OR_DONE),
)

def paragraphs(report: Report) -> Iterator[tuple[str, int, str]]:
    """(section id, paragraph number from 1, text) of the preface, the narrative sections and the lines a
    table section adds."""
    for i, p in enumerate(report.preface, 1):
        yield "preface", i, p
    for sid in report.format.narrative_sections:
        for i, p in enumerate(report.paragraphs(sid), 1):
            yield sid, i, p
    for sid, lines in report.extra_lines.items():
        for i, p in enumerate(lines, 1):
            yield sid, i, p


def stated_figures(report: Report, declared: tuple[StatedFigure, ...] = STATED_FIGURES
                   ) -> Iterator[tuple[str, int, StatedFigure, re.Match[str], int | float]]:
    """Each figure the text states (of `declared`): (section id, paragraph number, what it states, the match, the
    number)."""
    # “制发规范性文件N件” says nothing of a format without 本年制发件数
    figures = [f for f in declared if all(report.format.has(*cell) for cell in f.cells)]
    for sid, i, para in paragraphs(report):
        flat = re.sub(r"\s+", "", para)
        for figure in figures:
            for m in figure.pattern.finditer(flat):
                stated = parse_number(m.group(1))
                if stated is not None:
                    yield sid, i, figure, m, stated
