"""Table answers in natural Chinese: “自然人申请5件，企业2件；予以公开4件……” → the cells they name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gkassist.core.numbers import parse_number

_NUM = r"([0-9０-９]+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)"
# (words for the row, row id) — longest words first so 部分公开 wins over 公开
T3_ROW_WORDS = [
    ("部分公开", "partial"), ("予以公开", "open"), ("公开", "open"),
    ("国家秘密", "deny_1"), ("法律行政法规禁止", "deny_2"), ("三安全一稳定", "deny_3"), ("第三方", "deny_4"),
    ("内部事务", "deny_5"), ("过程性", "deny_6"), ("执法案卷", "deny_7"), ("行政查询", "deny_8"),
    ("不掌握", "unable_1"), ("另行制作", "unable_2"), ("补正后", "unable_3"), ("仍不明确", "unable_3"),
    ("信访", "reject_1"), ("重复申请", "reject_2"), ("公开出版物", "reject_3"), ("大量反复", "reject_4"),
    ("确认或重新出具", "reject_5"), ("逾期不补正", "other_1"), ("逾期未缴费", "other_2"), ("未按收费通知", "other_2"),
    ("其他处理", "other_3"), ("结转下年", "carry_next"), ("结转", "carry_next"), ("延期", "carry_next"),
]
T3_COLUMN_WORDS = [("自然人", "natural"), ("个人", "natural"), ("群众", "natural"), ("商业企业", "business"),
                   ("企业", "business"), ("公司", "business"), ("科研机构", "research"), ("社会公益组织", "nonprofit"),
                   ("律师", "legal"), ("法律服务机构", "legal"), ("其他组织", "other")]
T4_OUTCOME_WORDS = [("维持", "upheld"), ("纠正", "corrected"), ("其他结果", "other"), ("尚未审结", "pending"), ("未审结", "pending")]
T2_WORDS = [("规章制发", ("rules", "issued")), ("规章废止", ("rules", "repealed")), ("规章现行有效", ("rules", "in_force")),
            ("制发", ("normative", "issued")), ("废止", ("normative", "repealed")), ("现行有效", ("normative", "in_force")),
            ("行政许可", ("licensing", "decisions")), ("行政处罚", ("penalty", "decisions")),
            ("行政强制", ("enforcement", "decisions")), ("收费", ("fees", "fee_amount"))]



def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[，,；;。、\s]+|另|其中|以及|和(?=\D)", text) if c]


@dataclass
class Parsed:
    """What a table answer said: the cells, the clauses not understood, the results whose applicant kind is unclear."""

    cells: dict[tuple[str, str, str], int | float] = field(default_factory=dict)
    not_understood: list[str] = field(default_factory=list)
    kind_unclear: list[str] = field(default_factory=list)


def parse_t3(text: str) -> Parsed:
    """Cells of 表三 from a sentence.

    A result clause that names no applicant kind belongs to the only kind that applied; when several kinds
    applied it is not guessed (the totals would balance by accident) but returned as `kind_unclear`.
    """
    out = Parsed()
    applicant_cols: list[str] = []
    unassigned: list[tuple[str, str, int]] = []
    for clause in _clauses(text):
        m = re.search(_NUM + r"\s*件?", clause)
        if not m:
            continue
        n = parse_number(m.group(1))
        if n is None:
            continue
        col = next((c for w, c in T3_COLUMN_WORDS if w in clause), None)
        row = next((r for w, r in T3_ROW_WORDS if w in clause), None)
        if row is None and ("申请" in clause or "收到" in clause or col):
            row = "new"
        if row is None:
            out.not_understood.append(clause)
            continue
        if row == "new":
            col = col or "natural"
            applicant_cols.append(col)
        elif col is None:
            unassigned.append((clause, row, int(n)))
            continue
        out.cells[("t3", row, col)] = out.cells.get(("t3", row, col), 0) + int(n)
    kinds = set(applicant_cols)
    for clause, row, n in unassigned:
        if len(kinds) > 1:
            out.kind_unclear.append(clause)
        else:
            col = applicant_cols[0] if kinds else "natural"
            out.cells[("t3", row, col)] = out.cells.get(("t3", row, col), 0) + n
    return out


def parse_t4(text: str) -> Parsed:
    cells = {}
    problems = []
    block = "review"
    for clause in _clauses(text):
        if "复议后" in clause:
            block = "suit_after_review"
        elif "诉讼" in clause or "起诉" in clause:
            block = "suit_direct"
        elif "复议" in clause:
            block = "review"
        m = re.search(_NUM, clause)
        outcome = next((o for w, o in T4_OUTCOME_WORDS if w in clause), None)
        n = parse_number(m.group(1)) if m else (1 if outcome else None)
        if n is None:
            continue
        if outcome is None:
            if not any(w in clause for w in ("复议", "诉讼", "起诉")):
                problems.append(clause)
            continue
        cells[("t4", "cases", f"{block}.{outcome}")] = cells.get(("t4", "cases", f"{block}.{outcome}"), 0) + int(n)
    return Parsed(cells, problems)


def parse_t2(text: str) -> Parsed:
    cells = {}
    problems = []
    for clause in _clauses(text):
        m = re.search(_NUM, clause)
        if not m:
            continue
        n = parse_number(m.group(1))
        target = next((t for w, t in T2_WORDS if w in clause), None)
        if target is None or n is None:
            problems.append(clause)
            continue
        cells[("t2",) + target] = n
    return Parsed(cells, problems)
