from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
EXPECTED = Path(__file__).resolve().parent / "expected"
SEED = SAMPLES / "000_7a4690d65c5df8d4.txt"


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


def needs_shared():
    return pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
