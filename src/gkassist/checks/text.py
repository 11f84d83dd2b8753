"""The text rules: numbers against the tables, placeholders, empty or copied sections, repetition, timeliness."""

from __future__ import annotations

import re
from datetime import date

from gkassist.checks.findings import ERROR, WARNING, Finding
from gkassist.core import formats, repetition
from gkassist.core.figures import paragraphs, stated_figures
from gkassist.core.formats import cell_location
from gkassist.core.model import Report
from gkassist.core.numbers import format_number as _fmt
from gkassist.core.slots import SLOT_MARK


def _para_location(section_id: str, index: int) -> str:
    heading = "报告开头" if section_id == "preface" else formats.SECTION_HEADINGS[section_id]
    return f"{heading} · 第{index}段"


def check_text_numbers(report: Report) -> list[Finding]:
    out: list[Finding] = []
    for sid, i, figure, m, stated in stated_figures(report):
        if figure.table == "t4_suits":
            cells = [report.number("t4", "cases", f"{b}.total") for b in ("suit_direct", "suit_after_review")]
            if None in cells:
                continue
            actual = sum(cells)
            where = "表四 行政诉讼总计"
        else:
            actual = report.number(figure.table, *figure.address)
            if actual is None:
                continue
            where = cell_location(report.format_version, figure.table, *figure.address)
        # "收到申请N件" is often written with last year's carried-over ones included
        also = []
        if figure.address == ("new", "total") and report.number("t3", "carried", "total") is not None:
            also.append(actual + report.number("t3", "carried", "total"))
        if stated != actual and stated not in also:
            out.append(Finding(
                "TEXT-NUMBERS", ERROR, _para_location(sid, i),
                f"正文写“{m.group(0)}”，但{where}为{_fmt(actual)}", section=sid,
            ))
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


def check_placeholders(report: Report) -> list[Finding]:
    out = []
    texts = [("title", 1, report.title), ("agency", 1, report.agency)]
    for sid, i, p in texts + list(paragraphs(report)):
        m = _PLACEHOLDER.search(p)
        if m:
            loc = {"title": "标题", "agency": "机关名称"}.get(sid) or _para_location(sid, i)
            out.append(Finding("PLACEHOLDER", ERROR, loc, f"留有占位符“{m.group(0)}”，请换成实际内容", section=sid))
    return out


_PROBLEM_WORDS = re.compile(r"问题|不足|短板|差距|薄弱|不够|有待|欠缺|滞后|不及时|不充分|不到位|不全面|不高|偏少|较少")


def check_sections(report: Report) -> list[Finding]:
    out = []
    problems = "".join(report.paragraphs("problems")).strip()
    loc = formats.SECTION_HEADINGS["problems"]
    printed = report.imported.headings if report.imported else []
    absent = {sid for sid in formats.SECTION_HEADINGS if printed and sid not in {s for s, _ in printed}}
    if "problems" in absent:
        pass
    elif not problems:
        out.append(Finding("SECTION5-EMPTY", ERROR, loc, "本部分为空，应写明本年度存在的具体问题和改进措施", section="problems"))
    elif re.fullmatch(r"[无無没有。.\s]*", problems) or problems in ("暂无", "无。", "本年度无"):
        out.append(Finding("SECTION5-EMPTY", ERROR, loc, f"本部分只写了“{problems}”，应写明具体问题和改进措施", section="problems"))
    elif not _PROBLEM_WORDS.search(problems):
        out.append(Finding("SECTION5-EMPTY", ERROR, loc, "本部分没有写出任何具体问题（只有成绩或套话）", section="problems"))
    for sid in ("overview", "other"):
        if sid in absent:
            continue  # no such part at all: SECTION-MISSING (checks.imported) says so once
        if not "".join(report.paragraphs(sid)).strip():
            out.append(Finding("SECTION-MISSING", ERROR if sid == "overview" else WARNING, formats.SECTION_HEADINGS[sid],
                               "本部分为空" + ("，至少应说明信息处理费收取情况（如“本年度未收取信息处理费”）" if sid == "other" else ""),
                               section=sid))
    fee_amount = None
    if report.format_version == "2021":
        fee_amount = report.number("t2", "fees", "fee_amount")
    mentions_fees = bool(re.search(r"收取[^。]{0,10}(?:费|费用)|信息处理费", "".join(report.paragraphs("overview")) + "".join(report.paragraphs("problems"))))
    other = "".join(report.paragraphs("other"))
    if ((fee_amount or 0) > 0 or mentions_fees) and not re.search(r"信息处理费|收费|收取费用", other):
        why = f"表二行政事业性收费为{_fmt(fee_amount)}万元" if (fee_amount or 0) > 0 else "正文提到收费"
        out.append(Finding("SECTION6-FEES", WARNING, formats.SECTION_HEADINGS["other"],
                           f"{why}，但六未说明信息处理费收取情况", section="other"))
    return out


def check_repeat(report: Report, last: Report) -> list[Finding]:
    result = repetition.compare(report, last)
    out = []
    per_section = "，".join(f"{formats.SECTION_HEADINGS[s][2:]}{r:.0%}" for s, r in result.per_section.items())
    if result.overall > repetition.ERROR_RATE:
        sev = ERROR
    elif result.overall > repetition.WARNING_RATE:
        sev = WARNING
    else:
        sev = None
    if sev:
        out.append(Finding("REPEAT", sev, "全文", f"正文与{last.year}年度报告重复率{result.overall:.0%}（{per_section}）"))
    p = result.per_section.get("problems")
    if p is not None and p > repetition.ERROR_RATE:
        out.append(Finding("SECTION5-EMPTY", ERROR, formats.SECTION_HEADINGS["problems"],
                           f"与{last.year}年度报告的问题和改进部分重复率{p:.0%}，基本照抄上年", section="problems"))
    elif p is not None and p > repetition.WARNING_RATE:
        out.append(Finding("SECTION5-EMPTY", WARNING, formats.SECTION_HEADINGS["problems"],
                           f"与{last.year}年度报告的问题和改进部分重复率{p:.0%}", section="problems"))
    return out


# ------------------------------------------------------------------ timeliness
def deadline(report: Report) -> date:
    if report.local_deadline:
        return report.local_deadline
    if report.level == "government":
        return date(report.year + 1, 3, 31)
    return date(report.year + 1, 1, 31)


def check_timeliness(report: Report, today: date) -> list[Finding]:
    due = deadline(report)
    if today > due:
        return [Finding("TIMELINESS", WARNING, "公开期限",
                        f"{report.year}年度报告应于{due:%Y年%m月%d日}前公开，今天（{today:%Y年%m月%d日}）已过期限")]
    return []


_PERIOD = re.compile(r"1\s*月\s*1\s*日[^。]{0,12}12\s*月\s*31\s*日")
_CONTACT = re.compile(r"电话|联系方式|联系人|邮箱|地址")
_BASIS = re.compile(r"政府信息公开条例|《条例》")


def check_preface(report: Report) -> list[Finding]:
    """The opening paragraph evaluators look for: the basis (《条例》), the period (1月1日至12月31日), whom to ask."""
    text = "".join(report.preface)
    if not text.strip():
        return [Finding("PREFACE", WARNING, "报告开头", "正文前没有说明段落（编制依据、统计期限、联系方式）", section="preface")]
    missing = [name for name, pattern in (("编制依据（《条例》）", _BASIS), ("统计期限（1月1日至12月31日）", _PERIOD),
                                          ("联系方式", _CONTACT)) if not pattern.search(text)]
    if missing:
        return [Finding("PREFACE", WARNING, "报告开头", f"开头一段没有写{'、'.join(missing)}", section="preface")]
    return []


# ------------------------------------------------------------------ a sentence of another year
# “2023年，我局……” in a 2024 report: a sentence of an earlier report left in.  Only a year standing as the time of a
# sentence or clause (“2023年，”, “2023年度，”, “2023年我局…”, also run on after a sub-heading: “主要类别2023年，”)
# is taken; a year a word before ties into a sentence (“自2019年以来”, “较2023年，”, “截至2023年，”), a date
# (“2023年12月31日前”), a document number (“〔2023〕5号”) or a title (“2023年度报告提出的问题”) is not.
_DATED = re.compile(r"(?<![\d〔\[（(《“较比与自于在至到从止同及和或、截前后即为是的~～—-])\s*((?:19|20)\d{2})\s*年度?\s*"
                    r"(?:[，,]|(?=我(?:局|委|办|镇|乡|区|县|市|街道|单位|中心|院|厅|们)|全年|本(?:机关|单位|局|镇|乡)|全(?:区|县|市|镇|乡)))")


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
                out.append(Finding("TEXT-YEAR", WARNING, _para_location(sid, i),
                                   f"“{sentence}……”写的是{year}年，本报告是{report.year}年度：是否沿用了往年报告的句子？", section=sid))
                break
    return out
