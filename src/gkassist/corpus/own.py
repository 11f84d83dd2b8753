"""The clerk's own reports (`gkassist corpus add` / `remove`): copies as report JSON in the user data folder.

The index follows the folder: the next time it is opened it reads the files added and drops those removed,
and nothing else.  A removed copy is moved to `.removed/` beside the others, never deleted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from gkassist.core.errors import InputError
from gkassist.corpus.index import load_index
from gkassist.paths import user_corpus_dir

if TYPE_CHECKING:
    from gkassist.core.model import Report


def add_to_own(files: list[str], warn) -> list[tuple[Report, Path, bool]]:
    """Copy each readable report into the clerk's corpus and index it: (report, copy, partial import) each;
    an unreadable file is skipped with a message."""
    from gkassist.core.files import atomic_write, report_file_name
    from gkassist.importer import load_any

    target = user_corpus_dir()
    target.mkdir(parents=True, exist_ok=True)
    added: list[tuple[Report, Path, bool]] = []
    for name in files:
        try:
            report, result = load_any(name)
        except InputError as e:
            warn(f"跳过 {e}")
            continue
        dest = target / report_file_name(report)
        atomic_write(dest, report.to_json())
        added.append((report, dest, result is not None and result.partial))
    if added:
        load_index([], warn).settle()  # reads the new copies only
    return added


def remove_from_own(items: list[str], warn) -> list[tuple[dict, Path]]:
    """Move the clerk's reports named by `items` — the file they were added from, their copy, or the agency's
    name — out of the corpus: (report, where the copy went) each."""
    from gkassist.core.files import report_file_name
    from gkassist.importer import load_any

    own = user_corpus_dir().resolve() if user_corpus_dir().is_dir() else user_corpus_dir()
    mine = [r for r in load_index([], warn).reports if r["own"]]
    chosen: dict[str, dict] = {}
    for item in items:
        path = Path(item)
        if path.is_file():
            if path.resolve().parent == own:
                source = str(path.resolve())
            else:
                try:
                    report, _ = load_any(path)
                except InputError as e:
                    warn(f"跳过 {e}")
                    continue
                source = str(own / report_file_name(report))
            found = [r for r in mine if r["source"] == source]
        else:
            name = item.strip()
            found = [r for r in mine if r["agency"] == name]
            if not found and name:
                found = [r for r in mine if name in r["agency"]]
                agencies = sorted({r["agency"] for r in found})
                if len(agencies) > 1:
                    warn(f"“{name}”对应多个机关（{'、'.join(agencies)}），请写完整的机关名称")
                    continue
        if not found:
            warn(f"{item}：个人语料库里没有这份报告（gkassist corpus list 列出语料库）")
            continue
        for r in found:
            chosen[r["source"]] = r
    removed = []
    aside = own / ".removed"
    for source, r in chosen.items():
        aside.mkdir(parents=True, exist_ok=True)
        kept = aside / Path(source).name
        Path(source).replace(kept)
        removed.append((r, kept))
    if removed:
        load_index([], warn).settle()  # drops their sentences
    return removed
