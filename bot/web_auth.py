"""Who is calling our HTTP API: a browser (signed session cookie) or a service (bearer token)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

COOKIE = "zoombot_session"


@dataclass(frozen=True, slots=True)
class Caller:
    kind: str  # "browser" or "service"
    user_id: str  # the browser's id, or the user_id a service named


@dataclass(frozen=True, slots=True)
class WebAuth:
    session_secret: str
    api_token: str | None

    def _sign(self, value: str) -> str:
        mac = hmac.new(self.session_secret.encode(), value.encode(), hashlib.sha256)
        return mac.hexdigest()

    def new_session(self) -> str:
        browser_id = secrets.token_urlsafe(16)
        return f"{browser_id}.{self._sign(browser_id)}"

    def browser_id(self, cookie: str | None) -> str | None:
        if not cookie or "." not in cookie:
            return None
        value, _, mac = cookie.rpartition(".")
        return value if hmac.compare_digest(mac, self._sign(value)) else None

    def service_ok(self, authorization: str | None) -> bool:
        if self.api_token is None or not authorization:
            return False
        scheme, _, token = authorization.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            token.strip().encode(), self.api_token.encode()
        )
