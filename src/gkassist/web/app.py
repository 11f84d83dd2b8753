"""`gkassist web`: the drafting conversation and the county office's page as plain server-made HTML forms.

No JS framework, no WebSocket, nothing fetched from another host: every page works with scripts off (the little
script there is sends the answer on Enter and keeps what is being typed across a reload).  Each login sees only
its unit's folder; every form carries the login's CSRF token; login attempts are counted per account and address.
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, TypeVar, TypeVarTuple
from urllib.parse import quote, urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gkassist.core.errors import InputError
from gkassist.core.files import safe_name
from gkassist.web.accounts import Account, Accounts, Attempts, read_units_list, unit_dir, write_units_list
from gkassist.web.conversation import DOWNLOADS, Conversation, Conversations, read_last_year
from gkassist.web.office import Audits, Submissions, chart_svg, statuses
from gkassist.web.sessions import Session, Sessions
from gkassist.web.uploads import read_last_year_apart

if TYPE_CHECKING:
    from gkassist.audit import Audit
    from gkassist.core.model import Report
    from gkassist.dialogue.views import Grid

T = TypeVar("T")
Args = TypeVarTuple("Args")

HERE = Path(__file__).resolve().parent
COOKIE, PRE_COOKIE = "gk_session", "gk_login"
MAX_BODY = 20 * 1024 * 1024 + 64 * 1024  # a report file (20 MB, the importer's download limit) and the form around it
MAX_UPLOAD = 20 * 1024 * 1024
UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf", ".json")
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


@dataclass
class Settings:
    data: Path
    public_url: str = ""
    session_lifetime: float = 8 * 3600


class Web:
    """The server's state: accounts, logins, open conversations, submissions; one per data folder."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.data = settings.data
        self.data.mkdir(parents=True, exist_ok=True)
        self.accounts = Accounts(self.data)
        self.sessions = Sessions(self.data, settings.session_lifetime)
        self.attempts = Attempts()
        self.conversations = Conversations()
        self.submissions = Submissions(self.data)
        self.audits = Audits()
        self.templates = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                                            undefined=jinja2.StrictUndefined)
        self.secure = settings.public_url.lower().startswith("https://")
        self.flashes: dict[str, str] = {}  # login → what its next page says (a refusal, “已报送”)

    # ------------------------------------------------------------- helpers
    def page(self, template: str, status: int = 200, /, **values: object) -> HTMLResponse:
        return HTMLResponse(self.templates.get_template(template).render(**values), status_code=status)

    def login_of(self, request: Request) -> tuple[Session, Account] | None:
        session = self.sessions.get(request.cookies.get(COOKIE))
        if session is None:
            return None
        account = self.accounts.get(session.account)
        return (session, account) if account else None

    def origin_ok(self, request: Request) -> bool:
        """A form posted from another site is refused even with a token (the Origin header, where sent)."""
        origin = request.headers.get("origin")
        if not origin or origin == "null":
            return origin is None
        allowed = {f"{request.url.scheme}://{request.headers.get('host', '')}"}
        if self.settings.public_url:
            u = urlsplit(self.settings.public_url)
            allowed.add(f"{u.scheme}://{u.netloc}")
        return origin in allowed


def _form_error(status: int, text: str) -> HTTPException:
    return HTTPException(status, text)


async def _form(web: Web, request: Request, session: Session) -> FormData:
    """The posted form, refused (403) without the login's token or from another site."""
    if not web.origin_ok(request):
        raise _form_error(403, "请求来自别的网站，已拒绝。")
    form = await request.form(max_files=1, max_fields=50)
    token = form.get("csrf")
    if not isinstance(token, str) or not secrets.compare_digest(token, session.csrf):
        raise _form_error(403, "页面已过期或表单不完整（缺少校验码），请刷新页面后再试。")
    return form


def _address(request: Request) -> str:
    return request.client.host if request.client else "?"


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _unit_drafts(web: Web, account: Account) -> list[Path]:
    folder = unit_dir(web.data, account.unit)
    return sorted(folder.glob("*.json"), reverse=True) if folder.is_dir() else []


def _draft(web: Web, account: Account, key: str) -> Path:
    """The unit's draft of that name: looked up among the unit's own files, never built from what was sent."""
    if account.admin and not account.unit:
        raise HTTPException(404, "县政务公开办的账号没有草稿。")
    for path in _unit_drafts(web, account):
        if path.stem == key:
            return path
    raise HTTPException(404, "没有这份草稿。")


def _flash(web: Web, session: Session, url: str, message: str) -> RedirectResponse:
    """Say `message` on the login's next page: kept on the server, never put in the address (where a link
    could plant any text on the page)."""
    for folder in {str(web.data.resolve()), str(web.data)}:  # the server's folders are none of the clerk's business
        message = message.replace(folder + os.sep, "").replace(folder, "")
    web.flashes[session.key] = message[:500]
    return _redirect(url)


def _drafts_url(key: str) -> str:
    return "/d/" + quote(key, safe="")


# ------------------------------------------------------------------ pages
Page = Callable[[Request], Awaitable[Response]]
# a page behind a login: the request, the server, the login and its account
Handler = Callable[[Request, "Web", Session, Account], Awaitable[Response]]


def _web(request: Request) -> Web:
    web: Web = request.app.state.web  # set by create_app
    return web


def _guarded(handler: Handler, office: bool) -> Page:
    """A page behind a login: none → the login page; a clerk's page for a unit's account (the office's accounts go to
    theirs); the office's page for an admin account only (403 for a clerk)."""
    async def wrapped(request: Request) -> Response:
        web = _web(request)
        login = web.login_of(request)
        if login is None:
            return _redirect("/login")
        session, account = login
        if office and not account.admin:
            raise HTTPException(403, "只有县政务公开办的账号可以打开这一页。")
        if not office and not account.unit:
            return _redirect("/admin")
        return await handler(request, web, session, account)
    return wrapped


def clerk(handler: Handler) -> Page:
    return _guarded(handler, office=False)


def admin(handler: Handler) -> Page:
    return _guarded(handler, office=True)


async def home(request: Request) -> Response:
    web = _web(request)
    login = web.login_of(request)
    if login is None:
        return _redirect("/login")
    return _redirect("/drafts" if login[1].unit else "/admin")


async def login_page(request: Request) -> Response:
    web = _web(request)
    token = secrets.token_urlsafe(24)
    response = web.page("login.html", csrf=token, message="", name="")
    response.set_cookie(PRE_COOKIE, token, httponly=True, samesite="strict", secure=web.secure, max_age=3600)
    return response


async def login(request: Request) -> Response:
    web = _web(request)
    if not web.origin_ok(request):
        raise HTTPException(403, "请求来自别的网站，已拒绝。")
    form = await request.form(max_files=0, max_fields=10)
    token, expected = form.get("csrf"), request.cookies.get(PRE_COOKIE)
    if not isinstance(token, str) or not expected or not secrets.compare_digest(token, expected):
        raise HTTPException(403, "页面已过期或表单不完整（缺少校验码），请刷新登录页后再试。")
    name, password = str(form.get("name", "")).strip(), str(form.get("password", ""))
    address = _address(request)
    if why := web.attempts.blocked(name, address):
        return web.page("login.html", 429, csrf=token, message=why, name=name)
    account = await run_in_threadpool(web.accounts.verify, name, password)
    if account is None:
        web.attempts.failed(name, address)
        return web.page("login.html", 401, csrf=token, message="账号或密码不对，请再试一次。", name=name)
    web.attempts.succeeded(name)
    cookie, _ = web.sessions.create(account.name)
    response = _redirect("/drafts" if account.unit else "/admin")
    response.set_cookie(COOKIE, cookie, httponly=True, samesite="lax", secure=web.secure,
                        max_age=int(web.settings.session_lifetime))
    response.delete_cookie(PRE_COOKIE)
    return response


async def logout(request: Request) -> Response:
    web = _web(request)
    login = web.login_of(request)
    if login is None:
        return _redirect("/login")
    await _form(web, request, login[0])
    web.sessions.end(login[0])
    response = _redirect("/login?bye=1")
    response.delete_cookie(COOKIE)
    return response


@clerk
async def drafts(request: Request, web: Web, session: Session, account: Account) -> Response:
    rows = await run_in_threadpool(_draft_rows, web, account)
    years = [r["year"] for r in rows]
    return web.page("drafts.html", account=account, csrf=session.csrf, rows=rows, message=web.flashes.pop(session.key, ""),
                    next_year=max(years) + 1 if years else date.today().year - 1)


@clerk
async def new_draft(request: Request, web: Web, session: Session, account: Account) -> Response:
    form = await _form(web, request, session)
    try:
        year = int(str(form.get("year", "")))
        if not 2008 <= year <= 2100:
            raise ValueError
    except ValueError:
        return _flash(web, session, "/drafts", "年度要写成四位数字，如2025")
    upload, source = form.get("lastyear"), str(form.get("source", ""))
    try:
        last: Report | None = None
        note = ""
        if isinstance(upload, UploadFile) and upload.filename:
            last, note = await _read_upload(upload)
        elif source:
            last, note = await run_in_threadpool(read_last_year, _draft(web, account, source))
        folder = unit_dir(web.data, account.unit)
        path = await run_in_threadpool(web.conversations.start, folder, account.unit, year, last, note)
    except InputError as e:
        return _flash(web, session, "/drafts", str(e)[:300])
    return _redirect(_drafts_url(path.stem))


@clerk
async def conversation(request: Request, web: Web, session: Session, account: Account) -> Response:
    path = _draft(web, account, request.path_params["key"])
    try:
        conv = await run_in_threadpool(web.conversations.get, path, account.unit)
    except InputError as e:
        return web.page("error.html", 409, message=str(e), account=account, csrf=session.csrf)
    values = await run_in_threadpool(_conversation_values, web, conv, account, session.key)
    return web.page("conversation.html", account=account, csrf=session.csrf, key=path.stem,
                    url=_drafts_url(path.stem), **values)


@clerk
async def answer(request: Request, web: Web, session: Session, account: Account) -> Response:
    path = _draft(web, account, request.path_params["key"])
    form = await _form(web, request, session)
    text = str(form.get("answer", "")).strip()
    number = str(form.get("rewrite", ""))
    if number.isdigit() and text:  # a still-spoken sentence rewritten in its own box: the typed “改N：……”
        text = f"改{int(number)}：{text}"
    await run_in_threadpool(_in_draft, web, path, account, "answer", text)
    return _redirect(_drafts_url(path.stem) + "#end")


@clerk
async def command(request: Request, web: Web, session: Session, account: Account) -> Response:
    path = _draft(web, account, request.path_params["key"])
    form = await _form(web, request, session)
    await run_in_threadpool(_in_draft, web, path, account, "command", str(form.get("name", "")), str(form.get("arg", "")))
    return _redirect(_drafts_url(path.stem) + "#end")


@clerk
async def grid(request: Request, web: Web, session: Session, account: Account) -> Response:
    """The table under discussion as a form of cells (the window's Ctrl+T): what changes is proposed, stored on “对”."""
    from gkassist.core.numbers import format_number
    from gkassist.dialogue.views import table_grid

    path = _draft(web, account, request.path_params["key"])
    conv = await run_in_threadpool(web.conversations.get, path, account.unit)
    shown = await run_in_threadpool(_locked, conv, table_grid, conv.engine)
    if request.method == "GET":
        return web.page("grid.html", account=account, csrf=session.csrf, url=_drafts_url(path.stem), grid=shown,
                        shown=format_number, message=web.flashes.pop(session.key, ""))
    form = await _form(web, request, session)
    changed, wrong = _changed_cells(form, shown)
    if wrong:
        return _flash(web, session, _drafts_url(path.stem) + "/grid", wrong)
    if changed:
        await run_in_threadpool(_in_draft, web, path, account, "propose_cells", shown.table, changed)
    return _redirect(_drafts_url(path.stem) + "#end")


def _changed_cells(form: FormData, shown: Grid) -> tuple[dict[tuple[str, str], int | float], str]:
    """The cells the form changes (editable ones only, each a number ≥ 0), or what is wrong with one."""
    from gkassist.core.numbers import parse_number

    changed: dict[tuple[str, str], int | float] = {}
    for (row, col) in shown.editable:
        said = str(form.get(f"c|{row}|{col}", "")).strip()
        if not said:
            continue
        value = parse_number(said)
        if value is None or value < 0:
            return {}, f"“{said[:20]}”不是件数或金额，没有提交；请改正后再提交。"
        if value != shown.values.get((row, col)):
            changed[(row, col)] = value
    return changed, ""


@clerk
async def download(request: Request, web: Web, session: Session, account: Account) -> Response:
    path = _draft(web, account, request.path_params["key"])
    kind = request.path_params["kind"]
    if kind not in DOWNLOADS:
        raise HTTPException(404, "没有这种格式。")
    conv = await run_in_threadpool(web.conversations.get, path, account.unit)
    data, name = await run_in_threadpool(_locked, conv, conv.export, kind)
    types = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8"}
    return Response(data, media_type=types[kind], headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox"})


@clerk
async def submit(request: Request, web: Web, session: Session, account: Account) -> Response:
    path = _draft(web, account, request.path_params["key"])
    form = await _form(web, request, session)
    conv = await run_in_threadpool(web.conversations.get, path, account.unit)
    message = await run_in_threadpool(_locked, conv, _submit, web, conv, account, form.get("action") == "withdraw")
    return _flash(web, session, "/drafts", message)


@admin
async def office(request: Request, web: Web, session: Session, account: Account) -> Response:
    year = _year(request)
    values = await run_in_threadpool(_office_values, web, year)
    return web.page("admin.html", account=account, csrf=session.csrf, year=year,
                    message=web.flashes.pop(session.key, ""), **values)


@admin
async def office_units(request: Request, web: Web, session: Session, account: Account) -> Response:
    form = await _form(web, request, session)
    text = str(form.get("units", ""))
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(MAX_UPLOAD + 1)
        if len(data) > 1024 * 1024:
            return _flash(web, session, "/admin", "单位名单文件太大（上限1 MB）")
        from gkassist.core.files import decode_text

        try:
            text = decode_text(data, Path(upload.filename))
        except InputError as e:
            return _flash(web, session, "/admin", str(e))
    units = list(dict.fromkeys(line.strip() for line in text.splitlines()
                               if line.strip() and not line.startswith("#") and len(line.strip()) <= 100))[:5000]
    write_units_list(web.data, units)
    return _flash(web, session, "/admin", f"单位名单已保存：{len(units)}个单位")


@admin
async def office_accept(request: Request, web: Web, session: Session, account: Account) -> Response:
    form = await _form(web, request, session)
    year = _year_of(str(form.get("year", "")))
    try:
        web.submissions.set_accepted(str(form.get("uid", "")), year, form.get("action") != "return")
    except InputError as e:
        return _flash(web, session, f"/admin?year={year}", str(e))
    return _redirect(f"/admin?year={year}")


@admin
async def office_download(request: Request, web: Web, session: Session, account: Account) -> Response:
    from gkassist.audit.output import to_html, to_xlsx

    year, kind = _year(request), request.path_params["kind"]
    if kind not in ("xlsx", "html"):
        raise HTTPException(404, "没有这种格式。")
    audit = await run_in_threadpool(_audit, web, year)
    data = await run_in_threadpool(to_xlsx if kind == "xlsx" else to_html, audit)
    types = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "html": "text/html; charset=utf-8"}
    return Response(data if isinstance(data, bytes) else str(data).encode("utf-8"), media_type=types[kind], headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(f'{year}年度审核.{kind}')}",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; sandbox allow-scripts"})


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC:
        raise HTTPException(404, "没有这个文件。")
    return Response((HERE / "static" / name).read_bytes(), media_type=STATIC[name],
                    headers={"Cache-Control": "max-age=3600"})


ROUTES = [
    Route("/", home), Route("/login", login_page, methods=["GET"]), Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
    Route("/drafts", drafts), Route("/drafts/new", new_draft, methods=["POST"]),
    Route("/d/{key}", conversation), Route("/d/{key}/answer", answer, methods=["POST"]),
    Route("/d/{key}/command", command, methods=["POST"]), Route("/d/{key}/submit", submit, methods=["POST"]),
    Route("/d/{key}/download/{kind}", download), Route("/d/{key}/grid", grid, methods=["GET", "POST"]),
    Route("/admin", office), Route("/admin/units", office_units, methods=["POST"]),
    Route("/admin/accept", office_accept, methods=["POST"]), Route("/admin/audit.{kind}", office_download),
    Route("/static/{name}", static),
]


def _in_draft(web: Web, path: Path, account: Account, what: str, *args: object) -> object:
    """An answer or a command, in one worker thread from opening the draft to its save (one hop, not two)."""
    conv = web.conversations.get(path, account.unit)
    with conv.lock:
        return getattr(conv, what)(*args)


def _locked(conv: Conversation, function: Callable[[*Args], T], *args: *Args) -> T:
    with conv.lock:
        return function(*args)


def _submit(web: Web, conv: Conversation, account: Account, withdraw: bool) -> str:
    try:
        if withdraw:
            web.submissions.withdraw(account.unit, conv.report.year)
            return "已撤回报送，可以继续修改。"
        if not conv.done:
            raise InputError("报告还没写完，写完所有部分后才能报送")
        conv.engine.save()
        web.submissions.submit(account.unit, conv.report.year, conv.path)
        return "已报送县政务公开办。县政务公开办接收之前可以撤回。"
    except InputError as e:
        return str(e)


def _year_of(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        return date.today().year - 1
    return year if 2008 <= year <= 2100 else date.today().year - 1


def _year(request: Request) -> int:
    return _year_of(request.query_params.get("year", ""))


async def _read_upload(upload: UploadFile) -> tuple[Report | None, str]:
    """Last year's report uploaded: at most MAX_UPLOAD bytes, a kind the importer reads, read with its limits under
    a name of its own in a private temporary folder (the clerk's file name only gives the kind)."""
    suffix = Path(upload.filename or "").suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise InputError(f"{safe_name(upload.filename or '')[:60]}：不支持的文件类型（可用 {'、'.join(UPLOAD_SUFFIXES)}）")
    data = await upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise InputError(f"上传的文件超过{MAX_UPLOAD // 1024 // 1024} MB，不像一份年度报告")
    shown = re.sub(r"[\x00-\x1f\x7f/\\]", "", Path(upload.filename or "").name)[:80]
    with tempfile.TemporaryDirectory(prefix="gkassist-upload-") as folder:
        path = Path(folder) / ("去年的报告" + suffix)
        path.write_bytes(data)
        try:
            report, note = await run_in_threadpool(read_last_year_apart, path)
        except InputError as e:  # said with the clerk's file name, not the server's temporary folder
            raise InputError(str(e).replace(str(path), shown)) from None
        return report, note.replace(str(path), shown)


class DraftRow(TypedDict):
    key: str
    url: str
    year: int
    state: str


def _draft_rows(web: Web, account: Account) -> list[DraftRow]:
    from gkassist.web.office import draft_state

    rows: list[DraftRow] = []
    for path in _unit_drafts(web, account):
        m = re.match(r"(\d{4})_", path.name)
        if not m:
            continue
        year = int(m[1])
        entry = web.submissions.of(account.unit, year)
        state = ("已接收" if entry.get("accepted_at") else "已报送") if entry else None
        rows.append({"key": path.stem, "url": _drafts_url(path.stem), "year": year,
                     "state": state or _file_state(path, draft_state)})
    return rows


def _file_state(path: Path, draft_state: Callable[[Path, int], str]) -> str:
    return draft_state(path.parent, int(path.name[:4])) if path.name[:4].isdigit() else "起草中"


def _conversation_values(web: Web, conv: Conversation, account: Account, login: str) -> dict[str, object]:
    """What the conversation page shows, read under the draft's lock (in a worker thread, never the event loop's)."""
    with conv.lock:
        return _values(web, conv, account, conv.seen_by(login, account.name))


def _values(web: Web, conv: Conversation, account: Account, others: list[str]) -> dict[str, object]:
    from gkassist.checks import ERROR

    findings = conv.findings()
    entry = web.submissions.of(account.unit, conv.report.year)
    blank = [f for f in findings if f.rule == "BLANK"]  # one line for them, not a hundred
    return {"transcript": conv.transcript, "parts": conv.parts(), "done": conv.done, "report": conv.report,
            "findings": [f for f in findings if f.rule != "BLANK"], "blank": blank,
            "errors": sum(f.severity == ERROR for f in findings), "warnings": sum(f.severity != ERROR for f in findings),
            "notice": conv.export_notice() if conv.done else "", "submitted": entry, "others": others,
            "pending": conv.engine.pending is not None and not conv.engine.pending.saved, "spoken": conv.spoken()}


def _audit(web: Web, year: int) -> Audit:
    units = list(dict.fromkeys(read_units_list(web.data) + [a.unit for a in web.accounts.all() if a.unit]))
    return web.audits.of(web.submissions.folder(year), year, units, web.submissions.folder(year - 1))


def _office_values(web: Web, year: int) -> dict[str, object]:
    from gkassist.audit.output import totals_rows, unit_row

    rows = statuses(web.data, web.accounts.all(), read_units_list(web.data), web.submissions, year)
    audit = _audit(web, year)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    return {"rows": rows, "counts": counts, "audit": audit, "audited": [(u, unit_row(u)) for u in audit.units],
            "totals": totals_rows(audit), "chart": chart_svg(audit), "units_text": "\n".join(read_units_list(web.data))}


# ------------------------------------------------------------------ the application
class _Bounded:
    """ASGI middleware: a request body beyond MAX_BODY is refused (413) before it is read into memory, and every
    response gets the security headers."""

    def __init__(self, app: ASGIApp, web: Web) -> None:
        self.app, self.web = app, web

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > MAX_BODY:
            return await _plain(send, 413, f"上传的内容超过{MAX_BODY // 1024 // 1024} MB，已拒绝。")
        received = 0

        async def bounded_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY:
                raise HTTPException(413, "上传的内容太大，已拒绝。")
            return message

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k.lower().encode(), v.encode()) for k, v in HEADERS.items() if k.lower().encode() not in names]
            await send(message)

        await self.app(scope, bounded_receive, with_headers)


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def create_app(data: Path, public_url: str = "", session_lifetime: float = 8 * 3600) -> ASGIApp:
    web = Web(Settings(Path(data), public_url, session_lifetime))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)  # registered for HTTPException only
        if request.url.path.startswith("/static/") or exc.status_code == 413:
            return PlainTextResponse(exc.detail, status_code=exc.status_code)
        return web.page("error.html", exc.status_code, message=exc.detail, account=None, csrf="")

    app = Starlette(routes=ROUTES, exception_handlers={HTTPException: http_error})
    app.state.web = web
    return _Bounded(app, web)


def run(data: Path, host: str = "127.0.0.1", port: int = 8080, public_url: str = "") -> None:
    import uvicorn

    app = create_app(data, public_url)
    where = public_url or f"http://{host}:{port}/"
    print(f"gkassist web：数据在 {Path(data).resolve()}；文书在浏览器里打开 {where}（按 Ctrl+C 停止）", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", ws="none", proxy_headers=bool(public_url),
                forwarded_allow_ips="127.0.0.1" if public_url else None)
