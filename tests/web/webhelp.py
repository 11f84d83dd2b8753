"""Helpers of the web tests: a TestClient on a data folder, logging in, the page's form token and conversation."""

import re
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's TestClient asks for httpx2; httpx serves it the same
    from starlette.testclient import TestClient

PASSWORDS = {"shiqiao": "石桥镇密码123", "hexi": "hexi-password", "office": "office-password"}
UNITS = {"shiqiao": "德惠市郭家镇人民政府", "hexi": "青岚县河西镇人民政府"}


def client_for(data, base_url="http://testserver", **options) -> TestClient:
    from gkassist.web.app import create_app

    return TestClient(create_app(data, **options), base_url=base_url, follow_redirects=True)


def csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html)[1]


def login(client, name, password=None):
    page = client.get("/login")
    return client.post("/login", data={"csrf": csrf(page.text), "name": name, "password": password or PASSWORDS[name]})


def transcript(html: str) -> str:
    import html as h

    m = re.search(r'<ol class="transcript">(.*?)</ol>', html, re.S)
    return h.unescape(re.sub(r"<[^>]+>", "", m[1])) if m else ""


def turns(html: str) -> list[tuple[str, str]]:
    """The conversation on the page as (who, text): who is "clerk" or "assistant"."""
    import html as h

    return [(who, h.unescape(re.sub(r"<[^>]+>", "", text)))
            for who, text in re.findall(r'<li class="(clerk|assistant) [a-z]+"><span class="speaker">.*?</span>'
                                        r'<div class="text">(.*?)</div></li>', html, re.S)]


def last_reply(html: str) -> str:
    """What the assistant said after the clerk's last turn."""
    said = turns(html)
    last = max((i for i, (who, _) in enumerate(said) if who == "clerk"), default=-1)
    return "\n".join(text for who, text in said[last + 1:])
