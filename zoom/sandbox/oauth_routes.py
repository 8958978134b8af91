"""The sandbox's OAuth server: /oauth/authorize, /oauth/token, /oauth/revoke."""

from __future__ import annotations

import base64
import binascii
import html
import secrets
from collections.abc import Mapping
from datetime import timedelta

from aiohttp import web
from yarl import URL

from zoom.oauth import pkce_challenge
from zoom.sandbox.keys import absolute, state_of
from zoom.sandbox.state import AuthCode, SandboxApp, SandboxState

DEFAULT_EMAIL = "user@sandbox.zoom.local"
_FORWARDED = ("client_id", "redirect_uri", "response_type", "state", "code_challenge",
              "code_challenge_method")  # fmt: skip


def _oauth_error(status: int, error: str, reason: str) -> web.Response:
    return web.json_response({"reason": reason, "error": error}, status=status)


def _page(title: str, body: str, *, status: int = 200) -> web.Response:
    text = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body>{body}</body></html>"
    )
    return web.Response(text=text, content_type="text/html", status=status)


async def authorize_page(request: web.Request) -> web.Response:
    query = request.query
    app = state_of(request).apps.get(query.get("client_id", ""))
    name = html.escape(app.client_id if app else query.get("client_id", "(unknown app)"))
    hidden = "".join(
        f"<input type='hidden' name='{k}' value='{html.escape(query[k], quote=True)}'>"
        for k in _FORWARDED
        if k in query
    )
    email = html.escape(query.get("login_hint", DEFAULT_EMAIL), quote=True)
    action = html.escape(absolute(request, "oauth_authorize"), quote=True)
    body = (
        "<h1>Zoom SANDBOX — not the real Zoom</h1>"
        f"<p>The app <strong>{name}</strong> asks to manage your sandbox Zoom meetings.</p>"
        f"<form method='post' action='{action}'>{hidden}"
        f"<label>Email <input type='email' name='email' value='{email}'></label> "
        "<button type='submit'>Approve</button></form>"
    )
    return _page("Zoom SANDBOX — authorize app", body)


def _authorize_problem(state: SandboxState, form: Mapping[str, str]) -> str | None:
    app = state.apps.get(form.get("client_id", ""))
    if app is None:
        return "Invalid client_id."
    if form.get("response_type") != "code":
        return "response_type must be code."
    redirect = form.get("redirect_uri", "")
    if not redirect or (app.redirect_uris is not None and redirect not in app.redirect_uris):
        return "Redirect URI mismatch."
    if not form.get("code_challenge") or form.get("code_challenge_method") != "S256":
        return "The sandbox requires PKCE: code_challenge with code_challenge_method=S256."
    return None


async def authorize_approve(request: web.Request) -> web.Response:
    state = state_of(request)
    form = {k: str(v) for k, v in (await request.post()).items()}
    problem = _authorize_problem(state, form)
    if problem is not None:
        return _page("Zoom SANDBOX — error", f"<p>{html.escape(problem)}</p>", status=400)
    user = state.add_user(form.get("email") or DEFAULT_EMAIL)
    code = secrets.token_urlsafe(24)
    state.codes[code] = _new_code(state, form, user.id)
    location = URL(form["redirect_uri"]).update_query(code=code)
    if "state" in form:
        location = location.update_query(state=form["state"])
    raise web.HTTPFound(location=str(location))


def _new_code(state: SandboxState, form: Mapping[str, str], user_id: str) -> AuthCode:
    return AuthCode(
        client_id=form["client_id"],
        redirect_uri=form["redirect_uri"],
        code_challenge=form["code_challenge"],
        user_id=user_id,
        expires_at=state.clock() + timedelta(minutes=5),
    )


def _client(state: SandboxState, request: web.Request) -> SandboxApp | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Basic "):
        return None
    try:
        client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    app = state.apps.get(client_id)
    if app is None or not secrets.compare_digest(app.client_secret, secret):
        return None
    return app


async def _params(request: web.Request) -> dict[str, str]:
    """Zoom takes the parameters in the query string or in a form body."""
    params = {k: v for k, v in request.query.items()}
    params.update({k: str(v) for k, v in (await request.post()).items()})
    return params


async def token(request: web.Request) -> web.Response:
    state = state_of(request)
    params = await _params(request)
    grant_type = params.get("grant_type", "")
    state.token_requests[grant_type] += 1
    app = _client(state, request)
    if app is None:
        return _oauth_error(401, "invalid_client", "Invalid client_id or client_secret")
    if grant_type == "authorization_code":
        return _code_grant(state, app, params)
    if grant_type == "refresh_token":
        return _refresh_grant(state, app, params)
    if grant_type == "account_credentials":
        return _account_grant(state, app, params)
    return _oauth_error(400, "unsupported_grant_type", "Unsupported grant type")


def _code_grant(state: SandboxState, app: SandboxApp, params: dict[str, str]) -> web.Response:
    code = state.codes.get(params.get("code", ""))
    if code is None or code.used or code.client_id != app.client_id:
        return _oauth_error(400, "invalid_grant", "Invalid authorization code.")
    code.used = True  # single use, even when the exchange below fails
    if code.expires_at <= state.clock():
        return _oauth_error(400, "invalid_grant", "Code is expired")
    if params.get("redirect_uri") != code.redirect_uri:
        return _oauth_error(400, "invalid_request", "Redirect URI mismatch.")
    verifier = params.get("code_verifier", "")
    if not verifier or not secrets.compare_digest(pkce_challenge(verifier), code.code_challenge):
        return _oauth_error(400, "invalid_request", "Invalid code_verifier")
    user = state.users[code.user_id]
    grant = state.new_grant(client_id=app.client_id, user=user, account_id=user.account_id)
    return web.json_response(state.issue(grant, with_refresh=True))


def _refresh_grant(state: SandboxState, app: SandboxApp, params: dict[str, str]) -> web.Response:
    issued = state.refresh_tokens.get(params.get("refresh_token", ""))
    if issued is None or issued.used or issued.grant.revoked:
        return _oauth_error(400, "invalid_grant", "Invalid Token!")
    if issued.grant.client_id != app.client_id:
        return _oauth_error(400, "invalid_grant", "Invalid Token!")
    issued.used = True  # rotation: this refresh token is dead from now on
    return web.json_response(state.issue(issued.grant, with_refresh=True))


def _account_grant(state: SandboxState, app: SandboxApp, params: dict[str, str]) -> web.Response:
    account_id = params.get("account_id", "")
    if app.account_id is None:
        return _oauth_error(400, "unsupported_grant_type", "Unsupported grant type")
    if account_id != app.account_id:
        return _oauth_error(400, "invalid_request", "Invalid account_id")
    grant = state.new_grant(client_id=app.client_id, user=None, account_id=account_id)
    return web.json_response(state.issue(grant, with_refresh=False))


async def revoke(request: web.Request) -> web.Response:
    state = state_of(request)
    if _client(state, request) is None:
        return _oauth_error(401, "invalid_client", "Invalid client_id or client_secret")
    if not state.revoke_token((await _params(request)).get("token", "")):
        return _oauth_error(400, "invalid_request", "Invalid Token!")
    return web.json_response({"status": "success"})


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/oauth/authorize", authorize_page, name="oauth_authorize_page")
    router.add_post("/oauth/authorize", authorize_approve, name="oauth_authorize")
    router.add_post("/oauth/token", token, name="oauth_token")
    router.add_post("/oauth/revoke", revoke, name="oauth_revoke")
