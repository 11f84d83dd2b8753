"""A finding: one broken rule at one cell or paragraph, in Chinese, with its machine address."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from gkassist.core.formats import cell_location
from gkassist.core.model import Report

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "提醒"}


@dataclass
class Finding:
    rule: str
    severity: str  # "error" | "warning"
    location: str
    message: str
    # The machine address of the cell ("t3", "results_total", "natural") or of the section.
    table: str | None = None
    row: str | None = None
    column: str | None = None
    section: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    def line(self) -> str:
        return f"[{SEVERITY_LABELS[self.severity]}] {self.rule} {self.location}：{self.message}"


def cell_finding(report: Report, rule: str, severity: str, t: str, r: str, c: str, message: str) -> Finding:
    return Finding(rule, severity, cell_location(report.format_version, t, r, c), message, t, r, c)


