"""The county office's side: reports submitted by the units (DIR/submitted/<year>/<unit>.json, a copy of the
finished draft), their state (DIR/submissions.json), every unit's filing status, and the audit of what was
submitted (gkassist.audit) with a chart of the units' figures."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from gkassist.core.errors import InputError
from gkassist.core.files import atomic_write
from gkassist.web.accounts import Account, unit_dir, unit_id

if TYPE_CHECKING:
    from gkassist.audit import Audit, Unit

# submissions.json: year → unit id → {unit, draft, submitted_at, accepted_at}
Saved = dict[str, dict[str, dict[str, str]]]
NOT_STARTED, DRAFTING, FINISHED, SUBMITTED, ACCEPTED = "未开始", "起草中", "已写完", "已报送", "已接收"


@dataclass
class UnitStatus:
    unit: str
    uid: str
    status: str
    accounts: list[str]
    submitted_at: str = ""
    accepted_at: str = ""
    listed: bool = False  # in the office's units list


class Submissions:
    def __init__(self, data: Path) -> None:
        self.data = data
        self.path = data / "submissions.json"
        self._lock = threading.Lock()

    def _read(self) -> Saved:
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
            return saved if isinstance(saved, dict) else {}
        except (OSError, ValueError):
            return {}

    def _write(self, saved: Saved) -> None:
        atomic_write(self.path, json.dumps(saved, ensure_ascii=False, indent=1))

    def folder(self, year: int) -> Path:
        return self.data / "submitted" / str(int(year))

    def of(self, unit: str, year: int) -> dict[str, str] | None:
        return self._read().get(str(year), {}).get(unit_id(unit))

    def submit(self, unit: str, year: int, draft: Path) -> None:
        with self._lock:
            saved = self._read()
            entry = saved.setdefault(str(year), {}).get(unit_id(unit))
            if entry and entry.get("accepted_at"):
                raise InputError("县政务公开办已经接收了这份报告，不能再报送；要修改请联系县政务公开办退回")
            target = self.folder(year) / f"{unit_id(unit)}.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(draft, target)
            saved[str(year)][unit_id(unit)] = {"unit": unit, "draft": draft.name,
                                               "submitted_at": f"{datetime.now():%Y-%m-%d %H:%M}", "accepted_at": ""}
            self._write(saved)

    def withdraw(self, unit: str, year: int) -> None:
        with self._lock:
            saved = self._read()
            entry = saved.get(str(year), {}).get(unit_id(unit))
            if not entry:
                raise InputError("这份报告还没有报送")
            if entry.get("accepted_at"):
                raise InputError("县政务公开办已经接收了这份报告，不能撤回；要修改请联系县政务公开办退回")
            del saved[str(year)][unit_id(unit)]
            (self.folder(year) / f"{unit_id(unit)}.json").unlink(missing_ok=True)
            self._write(saved)

    def set_accepted(self, uid: str, year: int, accepted: bool) -> None:
        with self._lock:
            saved = self._read()
            entry = saved.get(str(year), {}).get(uid)
            if not entry:
                raise InputError("这个单位还没有报送这一年度的报告")
            entry["accepted_at"] = f"{datetime.now():%Y-%m-%d %H:%M}" if accepted else ""
            self._write(saved)

    def year(self, year: int) -> dict[str, dict[str, str]]:
        return self._read().get(str(year), {})


def draft_state(folder: Path, year: int) -> str:
    """未开始 / 起草中 / 已写完 for a unit's draft of the year (read from its file, not from an open engine)."""
    from gkassist.dialogue.session import DONE

    best = NOT_STARTED
    if not folder.is_dir():
        return best
    for path in folder.glob(f"{int(year)}_*.json"):
        try:
            step = json.loads(path.read_text(encoding="utf-8")).get("step")
        except (OSError, ValueError, AttributeError):
            continue
        if step == DONE:
            return FINISHED
        best = DRAFTING
    return best


def statuses(data: Path, accounts: Iterable[Account], units_list: list[str], submissions: Submissions, year: int) -> list[UnitStatus]:
    by_unit: dict[str, list[str]] = {}
    for a in accounts:
        if a.unit:
            by_unit.setdefault(a.unit, []).append(a.name)
    for unit in units_list:
        by_unit.setdefault(unit, [])
    submitted = submissions.year(year)
    rows = []
    for unit, names in by_unit.items():
        entry = submitted.get(unit_id(unit))
        if entry:
            status = ACCEPTED if entry.get("accepted_at") else SUBMITTED
        else:
            status = draft_state(unit_dir(data, unit), year)
        rows.append(UnitStatus(unit, unit_id(unit), status, names, (entry or {}).get("submitted_at", ""),
                               (entry or {}).get("accepted_at", ""), unit in units_list))
    order = [NOT_STARTED, DRAFTING, FINISHED, SUBMITTED, ACCEPTED]
    return sorted(rows, key=lambda r: (order.index(r.status), r.unit))


class Audits:
    """The audit of a year's submitted reports, made again only when what was submitted changes."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[tuple[object, ...], Audit]] = {}
        self._lock = threading.Lock()

    def of(self, folder: Path, year: int, required: list[str], last_folder: Path | None = None) -> Audit:
        """`last_folder`: last year's submitted reports, for the checks against last year and the repeat rate."""
        from gkassist.audit import run_audit

        files = sorted(folder.glob("*.json")) if folder.is_dir() else []
        last = sorted(last_folder.glob("*.json")) if last_folder and last_folder.is_dir() else []
        key = (tuple((p.name, p.stat().st_mtime_ns) for p in files + last), tuple(required))
        with self._lock:
            cached = self._cache.get(year)
            if cached and cached[0] == key:
                return cached[1]
            audit = run_audit([folder] if files else [], [last_folder] if last_folder and last else [], units=required,
                              today=date.today(), workers=1)
            self._cache[year] = (key, audit)
            return audit


def applications(unit: Unit) -> int | None:
    """A unit's new applications (表三 一、本年新收 总计) from the audit's cells."""
    value = unit.tables.get("t3", {}).get("new", {}).get("total")
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None  # counts are whole


def chart_svg(audit: Audit) -> str:
    """Units' applications and error counts side by side, as inline SVG (no script, no network)."""
    units = [u for u in audit.units if not u.error][:40]
    if not units:
        return ""
    row, label_w, bar_w = 22, 220, 200
    most_apps = max([applications(u) or 0 for u in units] + [1])
    most_errors = max([u.errors for u in units] + [1])
    height = row * len(units) + 40
    width = label_w + 2 * bar_w + 120
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" aria-label="各单位申请数和错误数">',
           f'<text x="{label_w}" y="16" font-size="13">本年新收申请（件）</text>',
           f'<text x="{label_w + bar_w + 60}" y="16" font-size="13">检查错误（个）</text>']
    for i, u in enumerate(units):
        y = 30 + i * row
        apps = applications(u)
        name = u.agency if len(u.agency) <= 16 else u.agency[:15] + "…"
        out.append(f'<text x="{label_w - 6}" y="{y + 14}" font-size="12" text-anchor="end">{escape(name)}</text>')
        w = 0 if not apps else max(2, int(bar_w * apps / most_apps))
        out.append(f'<rect class="apps" x="{label_w}" y="{y + 3}" width="{w}" height="14" fill="#3b6ea5"/>'
                   f'<text x="{label_w + w + 4}" y="{y + 14}" font-size="12">{"未读出" if apps is None else apps}</text>')
        x2 = label_w + bar_w + 60
        w = 0 if not u.errors else max(2, int(bar_w * u.errors / most_errors))
        out.append(f'<rect class="errors" x="{x2}" y="{y + 3}" width="{w}" height="14" fill="#b5412f"/>'
                   f'<text x="{x2 + w + 4}" y="{y + 14}" font-size="12">{u.errors}</text>')
    out.append("</svg>")
    return "".join(out)
