"""The 勾稽 rules and the defects evaluators punish, each a check with the stable id of the spec.

Every finding names the exact cell (table, row, column) or the paragraph.  The table rules test the relations the
report's format declares; each check function registers the rules it reports (`registry.rule`), so `RULES` is
the README's rule table (tested against it both ways) and `check` runs them all.
"""

from __future__ import annotations

from datetime import date

from gkassist.checks import imported, tables, text  # noqa: F401 — importing them registers their rules
from gkassist.checks.findings import ERROR, SEVERITY_LABELS, WARNING, Finding
from gkassist.checks.registry import CHECKS, RULES
from gkassist.checks.text import check_placeholders, check_text_numbers, deadline
from gkassist.core.model import Report

__all__ = ["ERROR", "WARNING", "SEVERITY_LABELS", "Finding", "RULES", "check", "check_placeholders",
           "check_text_numbers", "deadline", "paragraph_findings"]


def check(report: Report, last_year: Report | None = None, today: date | None = None) -> list[Finding]:
    """All findings, errors first.  `last_year` enables the rules across years, `today` TIMELINESS (drafts, not
    published reports)."""
    given = {"": (), "last": (last_year,), "today": (today,)}
    findings: list[Finding] = []
    for item in sorted(CHECKS, key=lambda c: c.last_in_list):
        args = given[item.needs]
        if None not in args:
            findings += item.run(report, *args)
    # a cell the import could not read is said once, as 未读出 (UNREAD), never as 未填写 (BLANK)
    unread = imported.unread_cells(report)
    findings = [f for f in findings if not (f.rule == "BLANK" and f.cell in unread)]
    return sorted(findings, key=lambda f: f.severity != ERROR)


def paragraph_findings(report: Report, section: str, paragraphs: list[str], placeholders: bool = True) -> list[Finding]:
    """TEXT-NUMBERS (and PLACEHOLDER) findings of paragraphs about to be stored in `section` of the report."""
    trial = report.model_copy(deep=True)
    trial.preface = []
    trial.extra_lines = {}
    trial.sections = {section: list(paragraphs)} if section in trial.format.narrative_sections else {}
    return check_text_numbers(trial) + (check_placeholders(trial) if placeholders else [])
