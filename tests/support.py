"""Where the tests' data lives, importable by any test module (`from support import SEED`)."""

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
EXPECTED = TESTS / "expected"
PUBLISHED = TESTS / "published"
OWN_ANSWERS = TESTS / "answers"
OWN_PROSE = TESTS / "prose"
SEED = SAMPLES / "000_7a4690d65c5df8d4.txt"


def needs_shared():
    return pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
