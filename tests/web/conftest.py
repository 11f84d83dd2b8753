"""A web server on a data folder of its own, with two units' clerks and the county office's account."""

import pytest

pytest.importorskip("starlette", reason="网页版的依赖没有安装（pip install -e '.[web]'）")

from webhelp import PASSWORDS, UNITS, client_for  # noqa: E402


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch):
    """scrypt at a cost of 2**8, not 2**14: the same salted hash stored and compared, without 50 ms a login and 150 ms
    a test's accounts (what the cost buys, slowing a stolen users.json's guesses, is no behaviour a test sees)."""
    from gkassist.web import accounts

    monkeypatch.setitem(accounts._SCRYPT, "n", 2 ** 8)


@pytest.fixture
def data(tmp_path):
    from gkassist.web.accounts import Accounts

    folder = tmp_path / "web"
    accounts = Accounts(folder)
    for name, unit in UNITS.items():
        accounts.add(name, PASSWORDS[name], unit)
    accounts.add("office", PASSWORDS["office"], admin=True)
    return folder


@pytest.fixture
def client(data):
    return client_for(data)


@pytest.fixture(scope="session", autouse=True)
def warm_server():
    """What a server does once when it starts, done once for the run, not inside the first test's time: the
    uploads' worker process spawned, the prompts read and checked, a draft's first answer read."""
    import tempfile
    from pathlib import Path

    from gkassist.dialogue.engine import Engine
    from gkassist.dialogue.session import Drafts
    from gkassist.web.uploads import read_last_year_apart
    from support import SEED

    last, _ = read_last_year_apart(SEED)
    Engine.start(last, 2021, drafts=Drafts(Path(tempfile.mkdtemp()))).answer("没有")
