"""Where the test suite's CPU goes: runs `python -m pytest ARGS` (the addopts of pyproject.toml apply: parallel
workers) with this file loaded as a plugin in every process, then prints the run's wall and CPU time (user+sys of
every process), each worker's start (collection), the CPU of the tests by file and the costliest tests.  CPU, not
wall, is the figure to compare on a shared machine.  A test's CPU includes the processes it started (a command run
as a clerk runs it, a server); a worker's start is counted from its process's start.  Prints figures; asserts
nothing.

    python benchmarks/bench_suite.py -m "not slow"        # the inner loop
    python benchmarks/bench_suite.py                      # the whole suite (as CI: a clean clone, no .pytest_cache)
    BENCH_TOP=60 python benchmarks/bench_suite.py         # the 60 costliest files and tests (20 and 15 by default)

Measured on the two-core machine shared with other sessions (CPU: user+sys of every process, in seconds; wall under
that load).  Each pair was run back to back, before = main at 5873e8c, after = this branch:

                                              before                  after
  inner loop (-m "not slow"), warm cache      87.2 CPU, 81 s wall     70.1 CPU, 62 s wall   (tests 66.4 → 52.6)
  whole suite, clean clone (as .ci/run)      271.7 CPU, 235 s wall   236.5 CPU, 218 s wall  (tests 191 → 162)

Later (the draft's save, the report's copy and cells; before = main at 089dbfb), each pair run at the same time on a
machine at load 12-18 (wall figures of no use), the whole suite in fresh copies of each tree:

  inner loop (-m "not slow"), warm cache      91.6 CPU (tests 72.2)   87.6 CPU (tests 69.4)
  whole suite, clean copy                    312.0 CPU (tests 274.4) 293.2 CPU (tests 258.6; without the fuzz
                                             tests, whose examples vary from run to run: 227.0 → 221.8)
  tests/dialogue/test_answers_dev.py, whole  36.6 CPU                33.2 CPU

Later (word-list substitutions without re-reading their templates, kinds' alternations built once, the draft's reports
saved by pydantic's serializer; before = 528c795), on the same machine at load 9-15, -p no:cacheprovider (no kept
jieba cache, as a clean clone):

  tests/dialogue -m "not slow", one process  42.4 CPU, 145 s wall     34.7 CPU, 107 s wall (run back to back)
  inner loop (-m "not slow"), bench_suite   108.9 CPU (tests 75.1)    82.9 CPU (tests 64.9)
  whole suite, bench_suite                  291.1 CPU (tests 265.7)  278.4 CPU (tests 253.7; the fuzz tests' examples
                                            vary: 18.9 → 59.3; without them 246.8 → 194.4; test_answers_dev 34.4 → 24.1)
"""

from __future__ import annotations

import collections
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_tests: dict[str, float] = {}
_marks: dict[str, float] = {}


def pytest_collection_finish(session):
    _marks["collected"] = time.process_time()  # since the process started: its imports count


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    started = time.process_time()  # the whole process: a test's threads (the TUI's workers, a server) count
    children = _children()  # and the processes it started (the command run as a clerk runs it, a server)
    yield
    _tests[item.nodeid] = time.process_time() - started + _children() - children


def _children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def pytest_sessionfinish(session):
    out = os.environ.get("BENCH_SUITE_OUT")
    if out:
        _marks["end"] = time.process_time()
        name = os.environ.get("PYTEST_XDIST_WORKER", "main")
        Path(out, f"{name}.json").write_text(json.dumps({"marks": _marks, "tests": _tests}), encoding="utf-8")


def main(args: list[str]) -> None:
    with tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "BENCH_SUITE_OUT": out,
               "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "benchmarks"), os.environ.get("PYTHONPATH", "")])}
        started = time.monotonic()
        code = subprocess.run([sys.executable, "-m", "pytest", "-p", "bench_suite", *args], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL).returncode
        wall = time.monotonic() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        tests: dict[str, float] = {}
        print(f"exit {code}; wall {wall:.1f} s; CPU {usage.ru_utime + usage.ru_stime:.1f} s (user {usage.ru_utime:.1f}, "
              f"sys {usage.ru_stime:.1f})")
        for path in sorted(Path(out).glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            tests.update(data["tests"])
            spent = sum(data["tests"].values())
            print(f"  {path.stem}: collected at {data['marks'].get('collected', 0):.1f} s CPU, ended at "
                  f"{data['marks'].get('end', 0):.1f} s, tests {spent:.1f} s ({len(data['tests'])})")
    by_file: collections.Counter[str] = collections.Counter()
    counts: collections.Counter[str] = collections.Counter()
    for nodeid, spent in tests.items():
        by_file[nodeid.split("::")[0]] += spent
        counts[nodeid.split("::")[0]] += 1
    print(f"tests: {sum(tests.values()):.1f} s CPU in {len(tests)}")
    for name, spent in by_file.most_common(int(os.environ.get("BENCH_TOP", 20))):
        print(f"  {spent:6.1f} {counts[name]:5d}  {name}")
    print("costliest tests:")
    for nodeid, spent in sorted(tests.items(), key=lambda kv: -kv[1])[:int(os.environ.get("BENCH_TOP", 15))]:
        print(f"  {spent:6.2f}  {nodeid[:140]}")


if __name__ == "__main__":
    main(sys.argv[1:])
