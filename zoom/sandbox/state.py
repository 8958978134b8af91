"""The sandbox's in-memory world: apps, users, grants, tokens, meetings and faults."""

from __future__ import annotations

import re
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

DEFAULT_CLIENT_ID = "sandbox-client-id"
DEFAULT_CLIENT_SECRET = "sandbox-client-secret"  # public and fake
SCOPE = "meeting:read:meeting meeting:write:meeting meeting:update:meeting user:read:user"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _zoom_id(size: int = 22) -> str:
    return secrets.token_urlsafe(size)[:size]


@dataclass(frozen=True, slots=True)
class SandboxApp:
    client_id: str
    client_secret: str
    redirect_uris: frozenset[str] | None = None  # None: any redirect_uri (sandbox comfort)
    account_id: str | None = None  # set: a Server-to-Server app of that account


@dataclass(slots=True)
class SandboxUser:
    id: str
    email: str
    display_name: str
    timezone: str
    account_id: str


@dataclass(slots=True)
class AuthCode:
    client_id: str
    redirect_uri: str
    code_challenge: str
    user_id: str
    expires_at: datetime
    used: bool = False


@dataclass(slots=True)
class SandboxGrant:
    """One authorization. Revoking it kills every token issued under it."""

    id: str
    client_id: str
    user_id: str | None  # None: an S2S (account) grant
    account_id: str
    revoked: bool = False


@dataclass(slots=True)
class IssuedToken:
    grant: SandboxGrant
    expires_at: datetime | None  # None: refresh tokens (they die by rotation/revocation)
    used: bool = False


@dataclass(slots=True)
class SandboxMeeting:
    id: int
    uuid: str
    host_id: str
    topic: str
    type: int
    start: datetime | None  # aware UTC
    timezone: str
    duration: int
    created_at: datetime
    password: str
    agenda: str = ""
    recurrence: dict[str, Any] | None = None
    invitees: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Fault:
    """Answer `status` (or delay by `delay_seconds` first) to matching requests, `times` times.

    `path` is a regex searched in the request path. `times=None` means forever.
    """

    method: str
    path: str
    status: int | None = None
    times: int | None = 1
    delay_seconds: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    rate_limit_type: str = "QPS"  # or "Daily-limit" (then Retry-After is an ISO datetime)
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        if self.times is not None and self.hits >= self.times:
            return False
        same_method = self.method.upper() in ("*", method.upper())
        return same_method and re.search(self.path, path) is not None


@dataclass
class SandboxState:
    clock: Callable[[], datetime] = _utc_now
    access_token_seconds: int = 3600
    max_page_size: int = 300
    default_timezone: str = "UTC"
    apps: dict[str, SandboxApp] = field(default_factory=dict)
    users: dict[str, SandboxUser] = field(default_factory=dict)  # by id
    codes: dict[str, AuthCode] = field(default_factory=dict)
    access_tokens: dict[str, IssuedToken] = field(default_factory=dict)
    refresh_tokens: dict[str, IssuedToken] = field(default_factory=dict)
    grants: list[SandboxGrant] = field(default_factory=list)
    meetings: dict[int, SandboxMeeting] = field(default_factory=dict)
    page_tokens: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    token_requests: Counter[str] = field(default_factory=Counter)  # by grant_type
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path)

    def __post_init__(self) -> None:
        self.register_app(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)

    # ---- set-up helpers ------------------------------------------------------------

    def register_app(
        self,
        client_id: str,
        client_secret: str,
        *,
        redirect_uris: frozenset[str] | None = None,
        account_id: str | None = None,
    ) -> SandboxApp:
        app = SandboxApp(client_id, client_secret, redirect_uris, account_id)
        self.apps[client_id] = app
        return app

    def add_user(
        self, email: str, *, timezone: str | None = None, account_id: str | None = None
    ) -> SandboxUser:
        existing = self.user_by_email(email)
        if existing is not None:
            return existing
        user = SandboxUser(
            id=_zoom_id(),
            email=email,
            display_name=email.split("@")[0].replace(".", " ").title(),
            timezone=timezone or self.default_timezone,
            account_id=account_id or _zoom_id(),
        )
        self.users[user.id] = user
        return user

    def user_by_email(self, email: str) -> SandboxUser | None:
        return next((u for u in self.users.values() if u.email.lower() == email.lower()), None)

    def add_fault(self, fault: Fault) -> Fault:
        self.faults.append(fault)
        return fault

    def take_fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.matches(method, path):
                fault.hits += 1
                return fault
        return None

    # ---- token helpers -------------------------------------------------------------

    def new_grant(
        self, *, client_id: str, user: SandboxUser | None, account_id: str
    ) -> SandboxGrant:
        if user is not None:  # re-authorizing invalidates the user's earlier grants (4741)
            for old in self.grants:
                if old.user_id == user.id and old.client_id == client_id:
                    old.revoked = True
        grant = SandboxGrant(_zoom_id(16), client_id, user.id if user else None, account_id)
        self.grants.append(grant)
        return grant

    def issue(self, grant: SandboxGrant, *, with_refresh: bool) -> dict[str, Any]:
        access = "sbx_at_" + secrets.token_urlsafe(32)
        expires = self.clock() + timedelta(seconds=self.access_token_seconds)
        self.access_tokens[access] = IssuedToken(grant, expires)
        body: dict[str, Any] = {
            "access_token": access,
            "token_type": "bearer",
            "expires_in": self.access_token_seconds,
            "scope": SCOPE,
        }
        if with_refresh:
            refresh = "sbx_rt_" + secrets.token_urlsafe(32)
            self.refresh_tokens[refresh] = IssuedToken(grant, None)
            body["refresh_token"] = refresh
        return body

    def valid_access(self, token: str) -> SandboxGrant | None:
        issued = self.access_tokens.get(token)
        if issued is None or issued.grant.revoked:
            return None
        if issued.expires_at is not None and issued.expires_at <= self.clock():
            return None
        return issued.grant

    def expire_access_tokens(self, email: str) -> int:
        """Make every access token of `email` expired now. Returns how many."""
        user = self.user_by_email(email)
        past = self.clock() - timedelta(seconds=1)
        hit = [t for t in self.access_tokens.values() if user and t.grant.user_id == user.id]
        for issued in hit:
            issued.expires_at = past
        return len(hit)

    def revoke(self, email: str) -> int:
        """Revoke every grant of `email` (as if the user removed the app). Returns how many."""
        user = self.user_by_email(email)
        hit = [g for g in self.grants if user and g.user_id == user.id and not g.revoked]
        for grant in hit:
            grant.revoked = True
        return len(hit)

    def revoke_token(self, token: str) -> bool:
        issued = self.access_tokens.get(token) or self.refresh_tokens.get(token)
        if issued is None:
            return False
        issued.grant.revoked = True
        return True

    # ---- meetings ------------------------------------------------------------------

    def new_meeting_id(self) -> int:
        while True:
            candidate = 10**9 + secrets.randbelow(10**11 - 10**9)
            if candidate not in self.meetings:
                return candidate

    def meetings_of(self, email: str) -> list[SandboxMeeting]:
        user = self.user_by_email(email)
        return [m for m in self.meetings.values() if user and m.host_id == user.id]
