"""A finding: one broken rule at one cell or paragraph, with its machine address; the Chinese words for the place
are made from the address only where the finding is shown."""

from __future__ import annotations

from dataclasses import dataclass

from gkassist.core import formats
from gkassist.core.formats import CellAddress
from gkassist.core.model import Report

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "提醒"}
# Places that are neither a cell nor a section of the report.
PLACES = {"preface": "报告开头", "title": "标题", "agency": "机关名称"}


@dataclass
class Finding:
    rule: str
    severity: str  # "error" | "warning"
    message: str
    format_version: str = ""  # of the report the finding is about: its cells and headings are that format's
    cell: CellAddress | None = None
    section: str | None = None  # a section id, or “preface”, “title”, “agency”
    paragraph: int | None = None  # counted from 1 within the section
    place: str = ""  # a place that is neither a cell nor a section (“格式版本”, “全文”, “公开期限”)

    @property
    def table(self) -> str | None:
        return self.cell.table if self.cell else None

    @property
    def row(self) -> str | None:
        return self.cell.row if self.cell else None

    @property
    def column(self) -> str | None:
        return self.cell.column if self.cell else None

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]

    @property
    def location(self) -> str:
        """Where the finding is, as a clerk finds it in the printed report."""
        fmt = formats.get_format(self.format_version) if self.format_version else None
        if self.cell is not None and fmt is not None:
            return fmt.location(*self.cell)
        if self.section is not None:
            heading = PLACES.get(self.section) or (fmt.heading(self.section) if fmt else self.section)
            return f"{heading} · 第{self.paragraph}段" if self.paragraph else heading
        return self.place

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "severity": self.severity, "location": self.location, "message": self.message,
                "table": self.table, "row": self.row, "column": self.column, "section": self.section}

    def line(self) -> str:
        return f"[{self.severity_label}] {self.rule} {self.location}：{self.message}"


def cell_finding(report: Report, rule: str, severity: str, t: str, r: str, c: str, message: str) -> Finding:
    return Finding(rule, severity, message, report.format_version, cell=CellAddress(t, r, c))


def section_finding(report: Report, rule: str, severity: str, section: str, message: str,
                    paragraph: int | None = None) -> Finding:
    return Finding(rule, severity, message, report.format_version, section=section, paragraph=paragraph)


def place_finding(report: Report, rule: str, severity: str, place: str, message: str) -> Finding:
    return Finding(rule, severity, message, report.format_version, place=place)
