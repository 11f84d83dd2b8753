"""A web server on a data folder of its own, with two units' clerks and the county office's account."""

import pytest

pytest.importorskip("starlette", reason="网页版的依赖没有安装（pip install -e '.[web]'）")

from webhelp import PASSWORDS, UNITS, client_for  # noqa: E402


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
