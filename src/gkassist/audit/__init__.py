"""The county office's view: every report in some folders checked at once, against last year's, with totals.

Files are read and checked in worker processes (the work is Python, so threads would not run in parallel);
an unreadable file is one line in the result, never a stop.  The result is plain data that the HTML page,
the .xlsx workbook and --json are made from (audit.output).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from gkassist.core import fileformats, relations
from gkassist.core.errors import InputError

if TYPE_CHECKING:
    from gkassist.core.model import Report
    from gkassist.importer.result import ImportResult

REPORT_SUFFIXES = fileformats.suffixes("published") + fileformats.suffixes("data")


@dataclass
class Unit:
    """One file's result: the report's facts, its findings, or why it could not be read."""

    path: str
    agency: str = ""
    level: str = ""
    year: int | None = None
    format_version: str = ""
    origin: str = ""
    read_cells: int = 0
    unread_cells: int = 0
    repeat_rate: float | None = None  # against last year's report of the same agency, when found
    last_year_file: str = ""
    findings: list[dict] = field(default_factory=list)
    error: str = ""  # the file could not be used at all
    tables: dict = field(default_factory=dict)  # the report's cells, for the region's totals

    @property
    def errors(self) -> int:
        return sum(f["severity"] == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f["severity"] == "warning" for f in self.findings)

    @property
    def tables_hold(self) -> bool:
        table_rules = relations.sum_rules()  # the sums the formats declare (T3-BALANCE, …, T4-SUMS)
        return not self.error and not any(f["rule"] in table_rules for f in self.findings)

    def to_dict(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k != "tables"}
        data.update(errors=self.errors, warnings=self.warnings, tables_hold=self.tables_hold)
        return data


@dataclass
class Audit:
    units: list[Unit]
    missing: list[str] = field(default_factory=list)  # --units names with no report
    duplicates: list[list[str]] = field(default_factory=list)  # files of the same agency and year
    # "2024:2021" (year and format version: only reports of one year and format are summed together)
    # → table → row → column → sum, and how many units each sum counts
    totals: dict = field(default_factory=dict)
    totals_counted: dict = field(default_factory=dict)
    left_out_of_totals: list[str] = field(default_factory=list)  # units whose tables fail or could not be read
    today: date | None = None

    def to_dict(self) -> dict:
        return {"today": self.today.isoformat() if self.today else None,
                "units": [u.to_dict() for u in self.units], "missing": self.missing, "duplicates": self.duplicates,
                "totals": self.totals, "totals_counted": self.totals_counted, "left_out_of_totals": self.left_out_of_totals}


# ------------------------------------------------------------------ reading, in worker processes
def report_files(folders: Sequence[str | Path]) -> list[Path]:
    """The report files in the folders.  A name of a report's kind that is no readable file (a FIFO, a link to
    nothing or to itself) is kept too: it becomes a line “无法读取” of the result, never silently left out."""
    files = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            if not (folder.exists() or folder.is_symlink()):
                raise InputError(f"{folder}：文件夹不存在")
            files.append(folder)  # a file given by name (or a special one: its line says what it is)
            continue
        files += sorted(p for p in folder.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES and not p.is_dir()
                        and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    return files


def _read(path: Path | str) -> tuple[Report, ImportResult | None] | str:
    """(report, import result or None) or the reason it cannot be used."""
    from gkassist.importer import load_any

    try:
        return load_any(path)
    except InputError as e:
        return str(e)
    except Exception as e:  # noqa: BLE001 — one broken file is one line of the audit, never a stop
        return f"{path}：无法读取（{type(e).__name__}）"


@dataclass
class Loaded:
    """A file read in a worker: the report and what its import could not read, or why it cannot be used."""

    path: str
    report: Report | None = None
    result: ImportResult | None = None  # of a published file (None for a saved report)
    error: str = ""


def _load(path: Path | str) -> Loaded:
    found = _read(path)
    if isinstance(found, str):
        return Loaded(str(path), error=found)
    report, result = found
    return Loaded(str(path), report, result)


def _check(job: tuple[Loaded, Loaded | None, str | None]) -> Unit:
    loaded, last, today = job
    unit = Unit(loaded.path)
    if loaded.error:
        unit.error = loaded.error
        return unit
    from gkassist.checks import check
    from gkassist.core.repetition import compare

    report, result = loaded.report, loaded.result
    assert report is not None  # a Loaded without an error holds its report
    unit.agency, unit.level, unit.year = report.agency, report.level, report.year
    unit.format_version, unit.origin = report.format_version, report.origin
    last_report = last.report if last is not None else None
    if result is not None:
        if last_report is not None:
            result.settle_with_last_year(last_report)  # 表二 digits run together, settled by last year's 现行有效
        unit.read_cells = result.read_cells
    unread = report.imported.unread_cells if report.imported else []
    unit.unread_cells = len(unread)
    findings = check(report, last_report, today=date.fromisoformat(today) if today and report.origin == "draft" else None)
    if unread:
        # said once, by row, instead of a line per cell
        findings = [f for f in findings if f.rule != "UNREAD"]
        rows: dict[str, int] = {}
        for t, r, c in unread:
            where = report.format.location_parts(t, r, c)[0]
            rows[where] = rows.get(where, 0) + 1
        places = "；".join(f"{where}（{n}格）" for where, n in list(rows.items())[:5]) + ("等" if len(rows) > 5 else "")
        unit.findings.append({"rule": "UNREAD", "severity": "warning", "location": "表格", "table": None, "row": None,
                              "column": None, "section": None,
                              "message": f"有{unit.unread_cells}个单元格没能从文件中读出（未读出，不是未填写）：{places}"
                                         + ("；" + "；".join(result.problems[:3]) if result and result.problems else "")})
    unit.findings += [f.to_dict() for f in findings]
    if last is not None and last_report is not None:
        unit.last_year_file = last.path
        unit.repeat_rate = round(compare(report, last_report).overall, 3)
    unit.tables = report.tables
    return unit


# Each file is read and checked in a worker within these bounds; a worker that goes past them (or dies any other
# way: the kernel's OOM killer, a crash in a C library) costs that file one line of the result.
FILE_SECONDS = 120  # a report reads in under a second; a web address may take two 30 s downloads (page, attachment)
FILE_MEMORY = 2 * 1024**3  # address space a worker may add to what it maps at its start
LOST = "处理这个文件的进程意外结束：超过{seconds}秒、内存用尽或程序崩溃，已跳过这个文件"


def _start_worker() -> None:
    """In each worker: a memory cap (Python raises MemoryError, a C library that aborts ends only this worker)."""
    try:
        import resource
    except ImportError:  # not a POSIX system: no cap
        return
    from gkassist.core.limits import mapped_bytes

    limit = mapped_bytes() + FILE_MEMORY
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    try:  # the soft limit only: a child of the worker (core.limits) sets its own within the hard one
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    except (ValueError, OSError):
        pass


CHUNK = 8  # files a task: one task per file cost 15% of a 1,000-file audit


def _timed(function: Callable[[object], object], items: list[object]) -> list[tuple[bool, object]]:
    """Each file's work under its own alarm, whose default action ends the worker even inside C code; a Python
    exception is that file's (False, its name), never the other files' of the task."""
    import signal

    timed = hasattr(signal, "setitimer")  # not on every system: there, no time limit
    if timed:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    out = []
    for item in items:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, FILE_SECONDS)
        try:
            out.append((True, function(item)))
        except Exception as e:  # noqa: BLE001 — MemoryError past _read's guard: one line of the audit
            out.append((False, type(e).__name__))
        finally:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, 0)
    return out


class Workers:
    """A process pool that survives its workers: `each` runs a function over items in parallel, a few tasks of
    CHUNK items in flight; when a worker dies, the items of the tasks in flight are run again one at a time in a
    pool of their own, and the one that kills that one too is given up (`lost(item, why)` makes its line).  The
    rest of the audit goes on."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = self._new(workers)

    def _new(self, n: int):
        return ProcessPoolExecutor(max_workers=n, initializer=_start_worker)

    def each(self, function, items: list, lost, progress=None) -> list:
        from concurrent.futures import FIRST_COMPLETED, wait

        results: list = [None] * len(items)
        tasks = [list(range(i, min(i + CHUNK, len(items)))) for i in range(0, len(items), CHUNK)][::-1]
        suspects: list[int] = []  # the items of the tasks in flight when a worker died: run again alone
        running: dict[Future[list[tuple[bool, object]]], list[int]] = {}
        while tasks or running:
            while tasks and not suspects and len(running) < self.workers * 2:
                task = tasks.pop()
                running[self.pool.submit(_timed, function, [items[i] for i in task])] = task
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                task = running.pop(future)
                try:
                    done = future.result()
                except Exception:  # noqa: BLE001 — BrokenProcessPool, or a result that cannot be sent back
                    suspects += task
                    continue
                for i, (ok, value) in zip(task, done):
                    results[i] = value if ok else lost(items[i], value)
                    if progress:
                        progress()
            if suspects and not running:
                self.pool.shutdown(wait=True)
                self._alone(function, items, suspects, results, lost, progress)
                suspects = []
                self.pool = self._new(self.workers)
        return results

    def _alone(self, function, items, suspects, results, lost, progress) -> None:
        """The items in flight when a worker died, each in turn in a one-worker pool: the culprit breaks only its own."""
        from concurrent.futures.process import BrokenProcessPool

        pool = self._new(1)
        for i in sorted(suspects):
            try:
                ((ok, value),) = pool.submit(_timed, function, [items[i]]).result()
                results[i] = value if ok else lost(items[i], value)
            except BrokenProcessPool:
                results[i] = lost(items[i], LOST.format(seconds=FILE_SECONDS))
                pool.shutdown(wait=True)
                pool = self._new(1)
            except Exception as e:  # noqa: BLE001 — a result that cannot be sent back
                results[i] = lost(items[i], type(e).__name__)
            if progress:
                progress()
        pool.shutdown(wait=True)

    def close(self) -> None:
        self.pool.shutdown(wait=True)


def run_audit(folders: Sequence[str | Path], last_year: Sequence[str | Path] = (), units: Sequence[str] = (),
              today: date | None = None, workers: int | None = None, progress: Callable[[int, int], None] | None = None,
              urls: Sequence[str] = ()) -> Audit:
    """Read every file (this year's and last year's) and web address in worker processes, then check each report
    against last year's report of the same agency, also in the workers."""
    files = report_files(folders) + list(urls)
    last_files = report_files(last_year) if last_year else []
    workers = workers or min(os.cpu_count() or 1, 8)
    total, done = len(files) * 2 + len(last_files), 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    pool = Workers(workers)
    try:
        loaded = pool.each(_load, files + last_files, lambda path, why: Loaded(str(path), error=f"{path}：无法读取（{why}）"), step)
        this_year, previous = loaded[:len(files)], loaded[len(files):]
        by_agency: dict[tuple[str, int], Loaded] = {}
        for item in previous:
            if not item.error:
                by_agency.setdefault((item.report.agency, item.report.year), item)
        jobs = [(item, None if item.error else by_agency.get((item.report.agency, item.report.year - 1)),
                 today.isoformat() if today else None) for item in this_year]
        results = pool.each(_check, jobs, lambda job, why: Unit(job[0].path, error=f"{job[0].path}：无法检查（{why}）"), step)
    finally:
        pool.close()
    return summarise(results, units, today)


def summarise(results: list[Unit], required: Sequence[str] = (), today: date | None = None) -> Audit:
    audit = Audit(sorted(results, key=lambda u: (not u.error, -u.errors, -u.warnings, u.agency)), today=today)
    seen: dict[tuple[str, int | None], list[str]] = {}
    for u in results:
        if not u.error:
            seen.setdefault((u.agency, u.year), []).append(u.path)
    audit.duplicates = [paths for paths in seen.values() if len(paths) > 1]
    agencies = [u.agency for u in results if not u.error]
    audit.missing = [name for name in required if not any(_same_unit(name, a) for a in agencies)]
    for u in results:
        if not u.tables_hold or not u.tables:
            audit.left_out_of_totals.append(u.agency or u.path)
            continue
        key = f"{u.year}:{u.format_version}"
        totals = audit.totals.setdefault(key, {})
        audit.totals_counted[key] = audit.totals_counted.get(key, 0) + 1
        for table_id, rows in u.tables.items():
            for row_id, cols in rows.items():
                for col_id, value in cols.items():
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        cell = totals.setdefault(table_id, {}).setdefault(row_id, {})
                        cell[col_id] = round(cell.get(col_id, 0) + value, 4)
    return audit


def _same_unit(name: str, agency: str) -> bool:
    norm = lambda s: re.sub(r"\s+|人民政府$", "", s)  # noqa: E731 — “某某镇” and “某某镇人民政府” are one unit
    return norm(name) == norm(agency) or norm(name) in agency


def read_units(path: str | Path) -> list[str]:
    from gkassist.core.files import read_lines

    return [line.strip() for line in read_lines(Path(path)) if line.strip() and not line.startswith("#")]


def read_urls(path: str | Path) -> list[str]:
    """The web addresses of a list file (one a line, “#” for a comment); a 年报栏目 list page among them stands for
    the reports it links to.  An address that cannot be read stays in the list: its line in the audit says why."""
    from gkassist.core.files import read_lines
    from gkassist.importer import report_addresses
    from gkassist.importer.fetch import is_url

    found: list[str] = []
    for line in read_lines(Path(path)):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise InputError(f"{path}：“{line[:60]}”不是网址（应以 http:// 或 https:// 开头）")
        try:
            addresses = report_addresses(line)
        except InputError:
            addresses = [line]
        found += [a for a in addresses if a not in found]
    return found
