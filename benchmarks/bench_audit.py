"""`gkassist audit` over 1,000 reports (copies of ../shared/corpus and samples/) end to end from the shell,
against one `gkassist check` process in the same run (the per-file way: 1,000 processes); peak memory.
Prints figures; asserts nothing."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GKASSIST = str(Path(sys.executable).parent / "gkassist")
N = 1000


def main() -> None:
    sources = sorted((ROOT.parent / "shared" / "corpus").glob("*.txt")) + sorted((ROOT.parent / "shared" / "corpus").glob("*.pdf"))
    sources += sorted((ROOT / "samples").glob("*.json"))
    folder = Path(tempfile.mkdtemp()) / "reports"
    folder.mkdir()
    for i in range(N):
        src = sources[i % len(sources)]
        shutil.copy(src, folder / f"{i:04d}_{src.name}")
    t0 = time.perf_counter()
    subprocess.run([GKASSIST, "check", str(sources[0])], capture_output=True)
    one_check = time.perf_counter() - t0
    t0 = time.perf_counter()
    done = subprocess.run([GKASSIST, "audit", str(folder), "--json", "--today", "2026-01-20"], capture_output=True)
    audit = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    kinds = {p.suffix for p in sources}
    print(f"audit of {N} reports ({', '.join(sorted(kinds))}; exit {done.returncode}): {audit:.2f} s end to end (target ≤ 5 s); "
          f"one `gkassist check` process {one_check * 1000:.0f} ms → {N} of them ≈ {one_check * N:.0f} s, "
          f"ratio {audit / (one_check * N):.3f}; peak memory of one process {peak:.0f} MB")
    shutil.rmtree(folder.parent)


if __name__ == "__main__":
    main()
