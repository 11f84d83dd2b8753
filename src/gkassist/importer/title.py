"""What report a text is: its title, agency, year, level and format version, and the preface under the title.

The title may be a line of its own (the agency before the year, or the year first), in a page's heading, on a
“发布机构” line, or only in a preface sentence naming the report; a sentence (“我局…”) is never an agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gkassist.core import formats
from gkassist.core.model import YEAR_MAX, YEAR_MIN

TITLE = re.compile(r"(\d{4})\s*年\s*度?\s*(?:政府信息公开|政务公开)[^\n。]{0,6}?年\s*度\s*报\s*告")
# “2019年上海市人民政府办公厅政府信息公开工作年度报告”: the year first, the agency between
TITLE_YEAR_FIRST = re.compile(r"(\d{4})\s*年\s*度?\s*([^\n。，,；\d]{2,40}?)\s*(?:政府信息公开|政务公开)[^\n。]{0,6}?年\s*度\s*报\s*告")
# “发布机构：青岚县教育局” and the like, on a published page
PUBLISHER = re.compile(r"(?:发布机构|发文机关|发布单位|信息来源|来源单位)\s*[:：]\s*([^\s|，,。；;]{2,40})")
# a preface naming the report: “特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告”, “现公布子长市人民政府
# 2023年度政府信息公开工作报告”
PREFACE_NAMING = re.compile(r"(?:编制|公布|发布)了?([^\s，,。；;、《》“”()（）]{2,40}?)\s*(\d{4})\s*年\s*度?\s*(?:政府信息公开|政务公开)"
                             r"[^\n。]{0,6}?(?:年\s*度\s*)?报\s*告")
# a page's own lines above the article (“发布日期：2020-01-31”, “字号:大 中 小”): no part of the preface
PAGE_META = re.compile(r"^(?:发布日期|发布时间|成文日期|索引号|文号|字号|浏览次数|访问次数)\s*[:：][^。]{0,60}$")
_AGENCY_END = re.compile(r"(?:政府|办公厅|办公室|局|委员会|委|办|院|厅|署|镇|乡|街道|街道办事处|中心|所|处|会|站|管委会|（管委会）|集团|公司)$")
_NOT_AGENCY = re.compile(r"^(?:根据|依据|按照|本报告|我局|我委|我办|我镇|我乡|我区|我县|我市|为|现|特|以下|如对)|[。，；：、]")


def title_line(text: str):
    """The title as a line of its own (“青岚县教育局2024年政府信息公开工作年度报告”), not the same words inside a
    preface sentence (“…编制青岚县教育局2024年政府信息公开工作年度报告。”): a match of either title form that
    the line holds whole."""
    for line in re.finditer(r"[^\n]+", text):
        stripped = line.group(0).strip()
        if len(stripped) > 80 or re.search(r"[。；]", stripped):
            continue
        for pattern in (TITLE_YEAR_FIRST, TITLE):
            m = pattern.search(stripped)
            if m and stripped.endswith(m.group(0)[-4:]):
                return pattern, pattern.search(text, line.start(), line.end())
    return None, None


def looks_like_agency(name: str) -> bool:
    """A title's agency is a name (…人民政府, …局, …街道办事处), never a sentence of the preface."""
    name = name.strip()
    return 2 <= len(name) <= 40 and bool(_AGENCY_END.search(name)) and not _NOT_AGENCY.search(name)


def detect_version(text: str, year: int | None) -> str:
    """The format a published report is in, from its own words: the labels only that format's tables have
    (“本年制发件数” in 2021's, “本年新制作数量” in 2019's); by its year where they do not tell."""
    flat = re.sub(r"\s+", "", text)
    known = formats.all_formats()
    # each label only its format has counts for it where the text has it, against it where the text lacks it
    scores = {f.version: sum(1 if label in flat else -1 for label in f.distinct_labels(known)) for f in known}
    best = max(scores.values())
    leaders = [v for v, score in scores.items() if score == best]
    if len(leaders) == 1:
        return leaders[0]
    by_year = formats.format_for_year(year) if year else None
    return by_year if by_year in leaders else leaders[-1]


def last_year_of(version: str) -> int:
    """A report's year when it states none: the last year its format was in use."""
    fmt = formats.get_format(version)
    return next((f.from_year - 1 for f in formats.all_formats() if f.from_year > fmt.from_year), fmt.from_year)


# ------------------------------------------------------------------ stages of parse_text
_SOURCE_HEADER = re.compile(r"\s*来源[:：][^\n]*\n(?:机关[:：]\s*([^\n]+)\n)?(?:年度[:：]\s*(\d{4})[^\n]*\n)?")


def source_header(text: str) -> tuple[str, str | None, int | None]:
    """The text without a gathered file's header lines (来源 / 机关 / 年度), and the agency and year they give."""
    m = _SOURCE_HEADER.match(text)
    if not m:
        return text, None, None
    return text[m.end():], (m.group(1) or "").strip() or None, int(m.group(2)) if m.group(2) else None


@dataclass
class Title:
    """Where the title is and what it says (agency and year may still be unknown)."""

    agency: str | None
    year: int | None
    match: re.Match | None  # the title (or the title's words inside a preface sentence)
    end: int  # where the preface starts (0: no title line above the first heading)
    in_sentence: bool  # the title's words are inside a preface sentence, which stays whole


def find_title(text: str, head_text: str, agency: str | None, year: int | None) -> Title:
    """Agency and year from the title lines (the agency before the year, or between the year and the title), a
    发布机构 line, a preface sentence naming the report, or the statistics period."""
    title_end = 0
    pattern, tm = title_line(head_text[:5000])
    candidates: list[str] = []
    if tm is not None and pattern is TITLE_YEAR_FIRST:
        if looks_like_agency(tm.group(2)):
            candidates.append(tm.group(2).strip())
        elif TITLE.search(tm.group(0)):
            tm = TITLE.search(text, tm.start(), tm.end())  # “青岚县2024年…”: the agency before the year after all
    in_sentence = False
    if tm is None:
        tm = TITLE.search(head_text) or TITLE.search(text[:3000])
        if tm:
            # the title's words inside a preface sentence (“特编制……2023年政府信息公开工作年度报告。”): the
            # sentence stays whole in the preface
            line_end = text.find("\n", tm.end())
            in_sentence = "。" in text[text.rfind("\n", 0, tm.start()) + 1: line_end if line_end != -1 else len(text)]
    if tm:
        year = year or int(tm.group(1))
        before = head_text[: tm.start()] if tm.start() < len(head_text) else ""
        inline = before.rstrip().split("\n")[-1].strip() if before.strip() else ""
        inline = re.split(r"[\s。：:>]", inline)[-1] if inline else ""
        prev_lines = [ln.strip() for ln in before.split("\n") if ln.strip()]
        candidates += [inline] + prev_lines[::-1][:3]
        if tm.end() <= len(head_text) and not in_sentence:
            title_end = tm.end()
    candidates += [m.group(1) for m in PUBLISHER.finditer(text[:5000])]
    naming = PREFACE_NAMING.search(head_text[:5000])
    if naming:
        candidates.append(naming.group(1))
        year = year or int(naming.group(2))
    if tm and title_end:
        # “2022年政府信息公开工作年度报告 / 桃江县松木塘镇人民政府 / 2022年…”: the agency on the line below the title
        candidates += [ln.strip() for ln in head_text[title_end:].split("\n") if ln.strip()][:1]
    if not agency:
        agency = next((c for c in candidates if c and looks_like_agency(c)), None)
    if year is None:
        ym = re.search(r"(\d{4})\s*年\s*1\s*月\s*1\s*日|(?:截至|截止)?(\d{4})\s*年\s*12\s*月\s*31\s*日", text)
        year = int(ym.group(1) or ym.group(2)) if ym else None
    return Title(agency, year, tm, title_end, in_sentence)


def identify(text: str, title: Title, has_headings: bool) -> tuple[str, str, int, list[str]]:
    """(format version, agency, year, problems): what is missing said, and stand-ins for it."""
    agency, year = title.agency, title.year
    problems = []
    if not has_headings:
        problems.append("没有找到年度报告的章节标题（一、总体情况 … 六、其他需要报告的事项），这可能不是政府信息公开工作年度报告")
    version = detect_version(text, year if year is not None and YEAR_MIN <= year <= YEAR_MAX else None)
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        problems.append(f"标题里的年度“{year}年”不在{YEAR_MIN}—{YEAR_MAX}年之间，未采用")
        year = None
    if year is None:
        problems.append("没有找到报告年度")
        year = last_year_of(version)
    if not agency:
        problems.append("没有找到机关名称（标题行）")
        agency = "未识别的机关"
    return version, agency, year, problems
