"""Fixtures every subject uses: private user folders for each test (so parallel workers never share a HOME or
XDG folder), the shipped sample reports."""

import gc
import itertools
import os
import re
import shutil
import sys

import pytest

# Where PYTHONDONTWRITEBYTECODE is set (it is on the machines this runs on), every process of every run would compile
# again what it imports and rewrite the asserts of every test module (about 3 s of each worker's start): the tests keep
# their bytecode in __pycache__ (ignored by git) like any Python run does by default.
sys.dont_write_bytecode = False

pytest.register_assert_rewrite("support")  # its shared checks (support.understood) say what differed, like a test's

from support import SAMPLES  # noqa: E402, F401 — the data locations live in support.py (imported after the line above)


def _in_memory_temp_root():
    """The tests' folders (each test's HOME, XDG folders, drafts) in memory where the machine has a tmpfs to spare: on
    a disk, each save's rename over the old draft waited on the file system (~3 ms; a conversation saves four times,
    the suite ~15,000 times).  Set in the controller before it names the run's folder; the workers' folders are made
    under it.  PYTEST_DEBUG_TEMPROOT (or --basetemp) set by hand wins."""
    if os.environ.get("PYTEST_XDIST_WORKER") or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    try:
        shm = os.statvfs("/dev/shm")
    except OSError:
        return
    if shm.f_bavail * shm.f_frsize >= 2 * 2 ** 30 and os.access("/dev/shm", os.W_OK | os.X_OK):
        os.environ["PYTEST_DEBUG_TEMPROOT"] = "/dev/shm"


_in_memory_temp_root()


def pytest_configure(config):
    """A run without the slow tests is the inner loop: fuzz tests try fewer examples there (support.examples)."""
    import support

    support.INNER_LOOP = "not slow" in (config.option.markexpr or "")


@pytest.hookimpl(wrapper=True)
def pytest_collection(session):
    """No garbage collection while the tests are collected: collecting makes ~100,000 objects that all live to the end
    of the run, and the collector's passes over them found nothing to free (half a second of each worker's start)."""
    gc.disable()
    try:
        return (yield)
    finally:
        gc.enable()


def pytest_collection_finish(session):
    """What collection made (every module, every test item) lives to the end of the run: kept out of the garbage
    collector's full passes, each of which walked all of it again (and pytest ends with five of them)."""
    gc.freeze()


# Of a family of cases (one test function's parameters: many phrasings of one phenomenon), the inner loop runs this
# many, spread over the family; the whole suite runs every one.  A family that samples itself (some of its cases
# already marked slow, as tests/dialogue/test_answers_dev.py does by file) is left as it is.
INNER_LOOP_PER_FAMILY = 4


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects: the marks added here count
def pytest_collection_modifyitems(config, items):
    families: dict[tuple[str, str], list] = {}
    for item in items:
        if getattr(item, "callspec", None) is not None:
            families.setdefault((item.nodeid.split("::")[0], item.originalname), []).append(item)
    for family in families.values():
        if len(family) <= INNER_LOOP_PER_FAMILY or any(item.get_closest_marker("slow") for item in family):
            continue
        step = -(-len(family) // INNER_LOOP_PER_FAMILY)
        for index, item in enumerate(family):
            if index % step:
                item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory, request):
    """One cache folder for the whole run: the phrasing index is built once, not once a test.  jieba's prefix
    dictionary (~2 s to build, keyed by jieba's version like a user's own cache) is kept between runs in pytest's
    cache folder (.pytest_cache) and copied in, so a worker of the next run starts warm."""
    cache = tmp_path_factory.mktemp("cache")
    kept = request.config.cache.mkdir("jieba") if getattr(request.config, "cache", None) else None
    (cache / "gkassist").mkdir()
    for path in (kept.glob("jieba*") if kept is not None else ()):
        shutil.copyfile(path, cache / "gkassist" / path.name)
    if not any((cache / "gkassist").glob("jieba*")) and os.environ.get("PYTEST_XDIST_WORKER"):
        for path in _jieba_built_for_the_run(tmp_path_factory.getbasetemp().parent).glob("jieba-*"):
            shutil.copyfile(path, cache / "gkassist" / path.name)
    yield cache
    if kept is not None:
        for path in (cache / "gkassist").glob("jieba*"):
            if not (kept / path.name).exists() and _whole_jieba_cache(path):
                part = kept / f".{path.name}.{os.getpid()}"
                shutil.copyfile(path, part)
                os.replace(part, kept / path.name)  # another worker's copy of the same file is as good


def _jieba_built_for_the_run(run):
    """Nothing kept from an earlier run (CI's fresh clone): the first worker builds jieba's caches (~5 s) in the
    run's shared folder while the others wait on a lock, then copy them, instead of each building its own."""
    try:
        import fcntl
    except ImportError:  # Windows: each worker builds its own
        return run / "jieba-caches" / "none"
    built = run / "jieba-caches"
    with open(run / "jieba-caches.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (built / "done").exists():
            from gkassist.corpus import segmentation

            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("XDG_CACHE_HOME", str(built))
                jieba = segmentation._import_jieba()
                full, total = segmentation._full_dictionary(jieba)  # what the product writes on a first use
                segmentation.OnDemandFrequencies.build(
                    segmentation.cache_dir() / f"jieba-{jieba.__version__}-prefix.sqlite", full, total)
                segmentation.place_words.__wrapped__()
            (built / "done").touch()
    return built / "gkassist"


def _whole_jieba_cache(path) -> bool:
    """A cache file the product reads as it is (a damaged one left by a fault test is never kept for the next run)."""
    import marshal
    import sqlite3

    try:
        if path.suffix == ".sqlite":
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                return db.execute("SELECT total FROM meta").fetchone() is not None
        if path.suffix == ".marshal":
            kept = marshal.loads(path.read_bytes())
            if isinstance(kept, list):  # the place names
                return bool(kept) and all(isinstance(word, str) for word in kept)
            freq, total = kept
            return isinstance(freq, dict) and bool(freq) and isinstance(total, int)
    except (OSError, ValueError, EOFError, TypeError, sqlite3.Error):
        return False
    return False  # jieba's own cache (jieba.cache) is rebuilt from the marshal file when missing


@pytest.fixture(scope="session", autouse=True)
def no_flush_to_disk():
    """Files are still written to a temporary name and renamed over the old one (what the tests see), but not forced to
    the disk first: a test's folder is thrown away, and on a shared machine each fsync waited tens of milliseconds."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("os.fsync", lambda fd: None)
        yield


_numbers = itertools.count()


@pytest.fixture
def tmp_path(tmp_path_factory, request):
    """A new empty folder for each test, under the run's base folder (pytest's own, per worker), named after the test.
    Pytest's tmp_path numbers its folders by listing all earlier ones, and every test asks for one (private_dirs):
    over a worker's ~1,300 tests that listing cost more than many of the tests."""
    path = tmp_path_factory.getbasetemp() / f"{re.sub(r'[^A-Za-z0-9_]', '_', request.node.name)[:30]}{next(_numbers)}"
    path.mkdir()
    return path


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch, shared_cache, request):
    """Every test writes its drafts, corpus, config and fallback folder under its own tmp_path, never the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_cache))
    for name in ("GKASSIST_LLM_URL", "GKASSIST_LLM_MODEL", "GKASSIST_LLM_KEY"):
        monkeypatch.delenv(name, raising=False)
    if "private_cache" not in request.fixturenames:  # tests of the index itself build theirs as a clerk's first use does
        from gkassist.corpus import index

        monkeypatch.setattr(index, "_open_index", _from_built_index(index._open_index, shared_cache / "corpus-samples.sqlite"))


def _from_built_index(open_index, built):
    """The phrasing index of the samples is built once a worker (by the product, from the shipped samples) and copied
    to where a test's first suggestion opens its index, which then reads only the test's own reports: building it
    anew in every test that makes a suggestion was a tenth of the inner loop's time."""
    def opened(path, extra, warn):
        if not extra and not path.exists():
            if not built.exists():
                from gkassist.corpus.index import PhrasingIndex, _folder_files
                from gkassist.paths import resource_dir

                making = built.with_name(f".{built.name}.{os.getpid()}")
                index = PhrasingIndex.open(making)
                index.sync(_folder_files(resource_dir("samples"), (".json",), False))
                index.close()  # the last connection: SQLite folds its log into the file
                os.replace(making, built)
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(built, path)
        return open_index(path, extra, warn)
    return opened


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """A cache folder of the test's own (for tests of the cache itself)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def sample_2024():
    from gkassist.core.model import load_report

    return load_report(SAMPLES / "2024_shiqiaozhen.json")


@pytest.fixture
def sample_2023():
    from gkassist.core.model import load_report

    return load_report(SAMPLES / "2023_shiqiaozhen.json")


@pytest.fixture
def seed_report():
    from gkassist.core.model import load_report

    return load_report(SAMPLES / "2020_guojiazhen_seed.json")



def pytest_itemcollected(item):
    """pytest puts the running test's name in the environment (PYTEST_CURRENT_TEST); a name longer than exec takes (a
    parameter's id made of a long value) makes every process started during that test die before it runs, unseen (a
    web worker's first test did: the uploads' process and multiprocessing's tracker with it, and so every later web
    test of that worker).  Said at collection, naming the case, which needs an id of its own."""
    longest = 131072 - len("PYTEST_CURRENT_TEST= (teardown)") - 1  # Linux's MAX_ARG_STRLEN: one NAME=value string
    if len(item.nodeid.encode()) > longest:
        item.warn(pytest.PytestWarning(f"the test's name is {len(item.nodeid.encode())} bytes, longer than a process's "
                                       f"environment takes ({longest}): a process it starts dies unseen; give the case an id"))
