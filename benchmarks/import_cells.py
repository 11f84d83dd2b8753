"""Cells right / wrong / unread when importing the gathered real reports (tests/published/, ../shared/corpus,
../shared/seeds), against benchmarks/import_truth.json: the cells each file holds, as a person reads them.

A cell missing from the truth is one the file does not hold (a copy cut inside a table); "?" marks a cell the
file holds whose value no one can tell (digits run together several ways).  Wrong = read with another value,
or read where the file holds none.  Prints figures; asserts nothing (tests assert cells one by one).

    python benchmarks/import_cells.py [--files]     # --files: one line per file as well
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gkassist.core.errors import InputError  # noqa: E402
from gkassist.importer import import_file  # noqa: E402

PLACES = {"corpus": ROOT.parent / "shared" / "corpus", "seeds": ROOT.parent / "shared" / "seeds", "published": ROOT / "tests" / "published"}


def measure(name: str, held: dict) -> dict:
    place, _, file = name.partition("/")
    path = PLACES[place] / file
    counts = dict(right=0, wrong=0, unread=0, unknown_read=0)
    if not path.exists():
        return {}
    try:
        result = import_file(path)
    except InputError:
        counts["unread"] = len(held)
        return counts
    unread = {".".join(cell) for cell in result.unread}
    report = result.report
    for table_id, rows in report.tables.items():
        for row_id, cols in rows.items():
            for col_id, value in cols.items():
                key = f"{table_id}.{row_id}.{col_id}"
                if key in unread:
                    counts["unread"] += key in held
                elif key not in held:
                    counts["wrong"] += 1  # read a cell the file does not hold
                elif held[key] == "?":
                    counts["unknown_read"] += 1
                else:
                    counts["right" if held[key] == value else "wrong"] += 1
    return counts


def main() -> None:
    truth = json.loads((ROOT / "benchmarks" / "import_truth.json").read_text(encoding="utf-8"))
    totals: dict[str, dict] = {}
    for name in sorted(truth):
        counts = measure(name, truth[name])
        if not counts:
            continue
        if "--files" in sys.argv:
            print(f"{name:45s} " + "  ".join(f"{k} {v:3d}" for k, v in counts.items()))
        group = totals.setdefault(name.split("/")[0], dict.fromkeys(counts, 0) | {"files": 0})
        group["files"] += 1
        for k, v in counts.items():
            group[k] += v
    for group, counts in totals.items():
        print(f"{group:10s} " + "  ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
