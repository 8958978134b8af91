"""Zoom OAuth: authorization code + PKCE, refresh, revoke and Server-to-Server tokens."""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast
from urllib.parse import urlencode

import httpx

from zoom.errors import ZoomAuthError, ZoomUnavailable
from zoom.types import RawToken, ZoomTokens


@dataclass(frozen=True, slots=True)
class OAuthApp:
    """A Zoom Marketplace app. `oauth_base` is e.g. "https://zoom.us/oauth".

    With `account_id` set the app is a Server-to-Server app (grant account_credentials).
    """

    client_id: str
    client_secret: str
    oauth_base: str
    redirect_uri: str
    account_id: str | None = None


class TokenEndpointError(ZoomAuthError):
    """The token endpoint refused us (4xx). `error` is Zoom's OAuth error, e.g. invalid_grant."""

    def __init__(self, message: str, *, status: int, error: str | None) -> None:
        super().__init__(message)
        self.status = status
        self.error = error


def pkce_challenge(verifier: str) -> str:
    """The RFC 7636 S256 challenge of `verifier`."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_pkce_pair() -> tuple[str, str]:
    """(code_verifier, S256 code_challenge); the verifier is 86 unreserved characters."""
    verifier = secrets.token_urlsafe(64)
    return verifier, pkce_challenge(verifier)


class ZoomOAuth:
    def __init__(
        self, *, http: httpx.AsyncClient, app: OAuthApp, clock: Callable[[], datetime]
    ) -> None:
        self._http = http
        self.app = app
        self._clock = clock

    @property
    def server_to_server(self) -> bool:
        return self.app.account_id is not None

    def authorize_url(self, *, state: str, code_challenge: str) -> str:
        query = {
            "response_type": "code",
            "client_id": self.app.client_id,
            "redirect_uri": self.app.redirect_uri,
            "state": state,
            "code_challenge": code_challenge,
            "code_challenge_method": "S256",
        }
        return f"{self.app.oauth_base}/authorize?{urlencode(query)}"

    async def exchange_code(self, *, code: str, code_verifier: str) -> ZoomTokens:
        return await self._token(
            {
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": self.app.redirect_uri,
                "code_verifier": code_verifier,
            }
        )

    async def refresh(self, refresh_token: str) -> ZoomTokens:
        return await self._token({"grant_type": "refresh_token", "refresh_token": refresh_token})

    async def account_credentials(self) -> ZoomTokens:
        if self.app.account_id is None:
            raise ValueError("account_credentials needs OAuthApp.account_id (S2S app)")
        form = {"grant_type": "account_credentials", "account_id": self.app.account_id}
        tokens = await self._token(form)
        return ZoomTokens(
            access_token=tokens.access_token,
            refresh_token=None,
            expires_at=tokens.expires_at,
            scope=tokens.scope,
            zoom_account_id=self.app.account_id,
        )

    async def revoke(self, token: str) -> None:
        await self._post("revoke", {"token": token})

    async def _token(self, form: Mapping[str, str]) -> ZoomTokens:
        raw = cast(RawToken, await self._post("token", form))
        try:
            return ZoomTokens(
                access_token=raw["access_token"],
                refresh_token=raw.get("refresh_token"),
                expires_at=self._clock() + timedelta(seconds=int(raw["expires_in"])),
                scope=raw.get("scope", ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ZoomUnavailable("Zoom's token endpoint sent a malformed answer") from exc

    async def _post(self, endpoint: str, form: Mapping[str, str]) -> dict[str, object]:
        url = f"{self.app.oauth_base}/{endpoint}"
        auth = httpx.BasicAuth(self.app.client_id, self.app.client_secret)
        try:
            response = await self._http.post(url, data=dict(form), auth=auth)
        except httpx.HTTPError as exc:
            raise ZoomUnavailable(f"Zoom OAuth {endpoint} unreachable") from exc
        body = _json_object(response)
        if response.status_code >= 500:
            raise ZoomUnavailable(f"Zoom OAuth {endpoint} answered {response.status_code}")
        if response.status_code >= 400:
            error = body.get("error")
            reason = body.get("reason") or error or response.reason_phrase
            raise TokenEndpointError(
                f"Zoom OAuth {endpoint} refused: {reason}",
                status=response.status_code,
                error=error if isinstance(error, str) else None,
            )
        return body


def _json_object(response: httpx.Response) -> dict[str, object]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return cast(dict[str, object], data) if isinstance(data, dict) else {}
