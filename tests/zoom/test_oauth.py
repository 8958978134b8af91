from __future__ import annotations

import base64
import hashlib
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.fixtures.zoom_sandbox import ZoomSandbox
from tests.zoom.conftest import REDIRECT_URI, Clock, connect
from zoom.errors import ZoomAuthError, ZoomUnavailable
from zoom.oauth import OAuthApp, TokenEndpointError, ZoomOAuth, new_pkce_pair
from zoom.sandbox import Fault


def test_pkce_pair_is_rfc7636_s256() -> None:
    verifier, challenge = new_pkce_pair()
    assert 43 <= len(verifier) <= 128
    digest = hashlib.sha256(verifier.encode()).digest()
    assert challenge == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert new_pkce_pair()[0] != verifier


def test_authorize_url_carries_pkce_and_state(oauth: ZoomOAuth) -> None:
    url = urlsplit(oauth.authorize_url(state="xyz", code_challenge="abc"))
    query = parse_qs(url.query)
    assert url.path.endswith("/oauth/authorize")
    assert query == {
        "response_type": ["code"],
        "client_id": [oauth.app.client_id],
        "redirect_uri": [REDIRECT_URI],
        "state": ["xyz"],
        "code_challenge": ["abc"],
        "code_challenge_method": ["S256"],
    }


async def test_pkce_round_trip_gives_working_tokens(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth: ZoomOAuth
) -> None:
    tokens = await connect(sandbox=zoom_sandbox, http=http, oauth=oauth, email="bob@example.com")
    assert tokens.refresh_token and tokens.expires_at.tzinfo is not None
    me = await http.get(
        f"{zoom_sandbox.api_base}/users/me",
        headers={"Authorization": f"Bearer {tokens.access_token}"},
    )
    assert me.json()["email"] == "bob@example.com"


async def test_code_is_single_use(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth: ZoomOAuth
) -> None:
    verifier, challenge = new_pkce_pair()
    url = oauth.authorize_url(state="s", code_challenge=challenge)
    location = await zoom_sandbox.approve(http, url, "carol@example.com")
    code = parse_qs(urlsplit(location).query)["code"][0]
    await oauth.exchange_code(code=code, code_verifier=verifier)
    with pytest.raises(TokenEndpointError) as caught:
        await oauth.exchange_code(code=code, code_verifier=verifier)
    assert caught.value.error == "invalid_grant"


async def test_wrong_verifier_is_refused(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth: ZoomOAuth
) -> None:
    _, challenge = new_pkce_pair()
    location = await zoom_sandbox.approve(
        http, oauth.authorize_url(state="s", code_challenge=challenge), "dan@example.com"
    )
    code = parse_qs(urlsplit(location).query)["code"][0]
    with pytest.raises(ZoomAuthError):
        await oauth.exchange_code(code=code, code_verifier=new_pkce_pair()[0])


async def test_refresh_rotates_and_kills_the_old_refresh_token(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth: ZoomOAuth
) -> None:
    first = await connect(sandbox=zoom_sandbox, http=http, oauth=oauth)
    assert first.refresh_token is not None
    second = await oauth.refresh(first.refresh_token)
    assert second.refresh_token not in (None, first.refresh_token)
    with pytest.raises(TokenEndpointError) as caught:
        await oauth.refresh(first.refresh_token)
    assert (caught.value.status, caught.value.error) == (400, "invalid_grant")


async def test_revoke_kills_the_grant(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth: ZoomOAuth
) -> None:
    tokens = await connect(sandbox=zoom_sandbox, http=http, oauth=oauth)
    await oauth.revoke(tokens.access_token)
    assert tokens.refresh_token is not None
    with pytest.raises(TokenEndpointError):
        await oauth.refresh(tokens.refresh_token)


async def test_bad_client_secret_is_an_auth_error(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth_app: OAuthApp, oauth: ZoomOAuth
) -> None:
    tokens = await connect(sandbox=zoom_sandbox, http=http, oauth=oauth)
    assert tokens.refresh_token is not None
    bad = OAuthApp(
        client_id=oauth_app.client_id,
        client_secret="wrong",
        oauth_base=oauth_app.oauth_base,
        redirect_uri=oauth_app.redirect_uri,
    )
    with pytest.raises(TokenEndpointError) as caught:
        await ZoomOAuth(http=http, app=bad, clock=oauth._clock).refresh(tokens.refresh_token)
    assert caught.value.status == 401


async def test_account_credentials(zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient) -> None:
    zoom_sandbox.state.register_app("s2s-id", "s2s-secret", account_id="ACCT9")
    app = OAuthApp("s2s-id", "s2s-secret", zoom_sandbox.oauth_base, "", account_id="ACCT9")
    tokens = await ZoomOAuth(http=http, app=app, clock=Clock()).account_credentials()
    assert tokens.refresh_token is None and tokens.zoom_account_id == "ACCT9"
    assert zoom_sandbox.state.token_requests["account_credentials"] == 1


async def test_server_errors_and_dead_servers_are_unavailable(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, oauth: ZoomOAuth, oauth_app: OAuthApp
) -> None:
    zoom_sandbox.state.add_fault(Fault(method="POST", path="/oauth/token$", status=503))
    with pytest.raises(ZoomUnavailable):
        await oauth.refresh("whatever")
    dead = OAuthApp("x", "y", "http://127.0.0.1:9/oauth", REDIRECT_URI)
    with pytest.raises(ZoomUnavailable) as caught:
        await ZoomOAuth(http=http, app=dead, clock=oauth._clock).refresh("r")
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
