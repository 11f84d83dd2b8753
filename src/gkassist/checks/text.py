"""The text rules: numbers against the tables, placeholders, empty or copied sections, repetition, timeliness."""

from __future__ import annotations

import re
from datetime import date

from gkassist.checks.findings import ERROR, WARNING, Finding, place_finding, section_finding
from gkassist.checks.registry import rule
from gkassist.core import repetition
from gkassist.core.figures import RECKONED_FIGURES, paragraphs, stated_figures
from gkassist.core.model import Report
from gkassist.core.numbers import format_number as _fmt
from gkassist.core.slots import SLOT_MARK


@rule({"TEXT-NUMBERS": "正文写出的数字（收到申请N件、行政复议N件、制发和现行有效规范性文件N件等）须与表格一致"})
def check_text_numbers(report: Report) -> list[Finding]:
    out: list[Finding] = []
    fmt = report.format
    for sid, i, figure, m, stated in stated_figures(report):
        values = [report.number(*cell) for cell in figure.cells]
        cells = [v for v in values if v is not None]
        if len(cells) < len(values):
            continue
        actual = sum(cells)
        single = figure.single
        where = fmt.location(*single) if single else "、".join(fmt.location(*c) for c in figure.cells) + "之和"
        # "收到申请N件" is often written with last year's carried-over ones included
        also = []
        carried = report.number("t3", "carried", "total")
        if single == ("t3", "new", "total") and carried is not None:
            also.append(actual + carried)
        if stated != actual and stated not in also:
            out.append(section_finding(report, "TEXT-NUMBERS", ERROR, sid, f"正文写“{m.group(0)}”，但{where}为{_fmt(actual)}", i))
    return out + _reckoned_differently(report)


def _reckoned_differently(report: Report) -> list[Finding]:
    """Figures units count their own way (“依申请公开177条”) that match none of the table's totals: a reminder at the
    paragraph naming both figures and the cell, since a reviewer will ask."""
    out: list[Finding] = []
    fmt = report.format
    for sid, i, figure, m, stated in stated_figures(report, RECKONED_FIGURES):
        sums = []
        for cells in (figure.cells, *figure.also):
            values = [report.number(*cell) for cell in cells if fmt.has(*cell)]
            if values and None not in values:
                sums.append(sum(v for v in values if v is not None))
        main = report.number(*figure.cells[0])
        if main is None or stated in sums:
            continue
        out.append(section_finding(report, "TEXT-NUMBERS", WARNING, sid,
                                   f"正文写“{m.group(0)}”，但{fmt.location(*figure.cells[0])}为{_fmt(main)}件：两个数对不上，"
                                   "若是按别的口径统计（如公开的信息条数），请在正文说明，免得审核时被问", i))
    return out


_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])[XxＸｘ×]{1,3}(?=[条件个万项次人元镇乡村街年月日%％])"
    r"|[×＊*]{2,}"
    r"|【\s*】|\[\s*\]|【[^】]{0,12}(?:填写|名称|单位|待定|待补)[^】]{0,12}】"
    r"|（(?:单位名称|机关名称|填写|待补充|待填)）"
    r"|20[XxＸｘ]{2}年|[XxＸ]{2}[镇乡街区县市局]"
    r"|(?<![A-Za-z])[XYZ](?:万余?|余)?条"
    r"|" + SLOT_MARK.pattern  # a slot of a reused sentence not yet filled in
)


@rule({"PLACEHOLDER": "正文不得留有占位符（X条、XX镇、××、【】、（单位名称）、20XX年等）"})
def check_placeholders(report: Report) -> list[Finding]:
    out = []
    texts = [("title", None, report.title), ("agency", None, report.agency)]
    for sid, i, p in texts + list(paragraphs(report)):
        m = _PLACEHOLDER.search(p)
        if m:
            out.append(section_finding(report, "PLACEHOLDER", ERROR, sid, f"留有占位符“{m.group(0)}”，请换成实际内容", i))
    return out


_PROBLEM_WORDS = re.compile(r"问题|不足|短板|差距|薄弱|不够|有待|欠缺|滞后|不及时|不充分|不到位|不全面|不高|偏少|较少")


@rule({"SECTION5-EMPTY": "五、存在的主要问题及改进情况不得为空、为“无”或没有具体问题",
       "SECTION6-FEES": "有收费（表二行政事业性收费或正文提到收费）时，六应说明信息处理费收取情况",
       "SECTION-MISSING": "一、总体情况和六、其他需要报告的事项（以及格式规定的其他文字部分）不得为空；导入的报告缺了哪一部分"
                          "（找不到标题），指出是哪一部分"})
def check_sections(report: Report) -> list[Finding]:
    out = []
    problems = "".join(report.paragraphs("problems")).strip()
    printed = report.imported.headings if report.imported else []
    # a part the imported report has no heading for at all is said once, by SECTION-MISSING (checks.imported)
    absent = {s.id for s in report.format.sections if printed and s.id not in {sid for sid, _ in printed}}
    if "problems" in absent:
        pass
    elif not problems:
        out.append(section_finding(report, "SECTION5-EMPTY", ERROR, "problems", "本部分为空，应写明本年度存在的具体问题和改进措施"))
    elif re.fullmatch(r"[无無没有。.\s]*", problems) or problems in ("暂无", "无。", "本年度无"):
        out.append(section_finding(report, "SECTION5-EMPTY", ERROR, "problems", f"本部分只写了“{problems}”，应写明具体问题和改进措施"))
    elif not _PROBLEM_WORDS.search(problems):
        out.append(section_finding(report, "SECTION5-EMPTY", ERROR, "problems", "本部分没有写出任何具体问题（只有成绩或套话）"))
    for sid in report.format.narrative_sections:
        if sid == "problems" or sid in absent:
            continue
        if not "".join(report.paragraphs(sid)).strip():
            out.append(section_finding(report, "SECTION-MISSING", ERROR if sid == "overview" else WARNING, sid, "本部分为空" + (
                "，至少应说明信息处理费收取情况（如“本年度未收取信息处理费”）" if sid == "other" else "")))
    fee_cell = report.format.fee_cell
    fee_amount = report.number(*fee_cell) if fee_cell else None
    mentions_fees = bool(re.search(r"收取[^。]{0,10}(?:费|费用)|信息处理费", "".join(report.paragraphs("overview")) + "".join(report.paragraphs("problems"))))
    other = "".join(report.paragraphs("other"))
    if ((fee_amount or 0) > 0 or mentions_fees) and not re.search(r"信息处理费|收费|收取费用", other):
        why = f"表二行政事业性收费为{_fmt(fee_amount)}万元" if fee_amount else "正文提到收费"
        out.append(section_finding(report, "SECTION6-FEES", WARNING, "other", f"{why}，但六未说明信息处理费收取情况"))
    return out


@rule({"REPEAT": "正文与上年报告逐句比对的重复率：超过30%提醒，超过50%错误（法定套话不计）"}, needs="last")
def check_repeat(report: Report, last: Report) -> list[Finding]:
    result = repetition.compare(report, last)
    out = []
    per_section = "，".join(f"{report.format.section(s).title}{r:.0%}" for s, r in result.per_section.items())
    if result.overall > repetition.ERROR_RATE:
        sev = ERROR
    elif result.overall > repetition.WARNING_RATE:
        sev = WARNING
    else:
        sev = None
    if sev:
        out.append(place_finding(report, "REPEAT", sev, "全文", f"正文与{last.year}年度报告重复率{result.overall:.0%}（{per_section}）"))
    p = result.per_section.get("problems")
    if p is not None and p > repetition.ERROR_RATE:
        out.append(section_finding(report, "SECTION5-EMPTY", ERROR, "problems",
                                   f"与{last.year}年度报告的问题和改进部分重复率{p:.0%}，基本照抄上年"))
    elif p is not None and p > repetition.WARNING_RATE:
        out.append(section_finding(report, "SECTION5-EMPTY", WARNING, "problems",
                                   f"与{last.year}年度报告的问题和改进部分重复率{p:.0%}"))
    return out


# ------------------------------------------------------------------ timeliness
def deadline(report: Report) -> date:
    if report.local_deadline:
        return report.local_deadline
    if report.level == "government":
        return date(report.year + 1, 3, 31)
    return date(report.year + 1, 1, 31)


@rule({"TIMELINESS": "生成日期已过法定公开期限（部门和乡镇次年1月31日，县级以上政府本级次年3月31日，或本地设定日期）"},
      needs="today")
def check_timeliness(report: Report, today: date) -> list[Finding]:
    due = deadline(report)
    if today > due:
        return [place_finding(report, "TIMELINESS", WARNING, "公开期限",
                              f"{report.year}年度报告应于{due:%Y年%m月%d日}前公开，今天（{today:%Y年%m月%d日}）已过期限")]
    return []


_PERIOD = re.compile(r"1\s*月\s*1\s*日[^。]{0,12}12\s*月\s*31\s*日")
_CONTACT = re.compile(r"电话|联系方式|联系人|邮箱|地址")
_BASIS = re.compile(r"政府信息公开条例|《条例》")


@rule({"PREFACE": "正文前的说明段落应写明编制依据（《条例》）、统计期限（1月1日至12月31日）和联系方式"})
def check_preface(report: Report) -> list[Finding]:
    """The opening paragraph evaluators look for: the basis (《条例》), the period (1月1日至12月31日), whom to ask."""
    text = "".join(report.preface)
    if not text.strip():
        return [section_finding(report, "PREFACE", WARNING, "preface", "正文前没有说明段落（编制依据、统计期限、联系方式）")]
    missing = [name for name, pattern in (("编制依据（《条例》）", _BASIS), ("统计期限（1月1日至12月31日）", _PERIOD),
                                          ("联系方式", _CONTACT)) if not pattern.search(text)]
    if missing:
        return [section_finding(report, "PREFACE", WARNING, "preface", f"开头一段没有写{'、'.join(missing)}")]
    return []


# ------------------------------------------------------------------ a sentence of another year
# “2023年，我局……” in a 2024 report: a sentence of an earlier report left in.  Only a year standing as the time of a
# sentence or clause (“2023年，”, “2023年度，”, “2023年我局…”, also run on after a sub-heading: “主要类别2023年，”)
# is taken; a year a word before ties into a sentence (“自2019年以来”, “较2023年，”, “截至2023年，”), a date
# (“2023年12月31日前”), a document number (“〔2023〕5号”) or a title (“2023年度报告提出的问题”) is not.
_DATED = re.compile(r"(?<![\d〔\[（(《“较比与自于在至到从止同及和或、截前后即为是的~～—-])\s*((?:19|20)\d{2})\s*年度?\s*"
                    r"(?:[，,]|(?=我(?:局|委|办|镇|乡|区|县|市|街道|单位|中心|院|厅|们)|全年|本(?:机关|单位|局|镇|乡)|全(?:区|县|市|镇|乡)))")


@rule({"TEXT-YEAR": "正文中以往年年份开头的句子（如2024年度报告里的“2023年，我局……”），可能是沿用了往年报告（五不查）"})
def check_stale_year(report: Report) -> list[Finding]:
    """A sentence dated in a year before the report's, where the report's year belongs.  五 is not looked at: its
    改进情况 part rightly tells what was done about last year's problems."""
    out = []
    for sid, i, para in paragraphs(report):
        if sid == "problems":
            continue
        for m in _DATED.finditer(para):
            year = int(m.group(1))
            if year < report.year:
                sentence = para[m.start(1):].split("。")[0][:30]
                out.append(section_finding(report, "TEXT-YEAR", WARNING, sid,
                                           f"“{sentence}……”写的是{year}年，本报告是{report.year}年度：是否沿用了往年报告的句子？", i))
                break
    return out
