"""ZoomClient: the meetings and users we need from Zoom's REST API v2."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, cast

import httpx

from zoom.convert import changes_body, create_body, parse_meeting, parse_user
from zoom.errors import ZoomAuthError, ZoomUnavailable
from zoom.tokens import Grant, TokenManager
from zoom.transport import Call, Transport
from zoom.types import (
    Meeting,
    MeetingChanges,
    MeetingSpec,
    RawMeeting,
    RawMeetingList,
    RawUser,
    ZoomUser,
)

PAGE_SIZE = 300


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ZoomClient:
    def __init__(
        self,
        *,
        http: httpx.AsyncClient,
        api_base: str,
        tokens: TokenManager,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        max_attempts: int = 3,
        max_backoff_seconds: float = 10.0,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._base = api_base.rstrip("/")
        self._tokens = tokens
        self._transport = Transport(
            http=http,
            sleep=sleep,
            clock=clock,
            max_attempts=max_attempts,
            max_backoff_seconds=max_backoff_seconds,
        )

    async def get_me(self, account_id: str) -> ZoomUser:
        raw = await self._json(account_id, "GET", lambda g: f"/users/{g.user_path}")
        return parse_user(cast(RawUser, raw))

    async def create_meeting(self, account_id: str, spec: MeetingSpec) -> Meeting:
        body = create_body(spec)
        raw = await self._json(
            account_id, "POST", lambda g: f"/users/{g.user_path}/meetings", json=body
        )
        return parse_meeting(cast(RawMeeting, raw))

    async def get_meeting(self, account_id: str, meeting_id: int) -> Meeting:
        raw = await self._json(account_id, "GET", lambda g: f"/meetings/{int(meeting_id)}")
        return parse_meeting(cast(RawMeeting, raw))

    async def update_meeting(
        self, account_id: str, meeting_id: int, changes: MeetingChanges
    ) -> None:
        body = changes_body(changes)
        await self._request(account_id, "PATCH", lambda g: f"/meetings/{int(meeting_id)}", body)

    async def delete_meeting(self, account_id: str, meeting_id: int) -> None:
        await self._request(account_id, "DELETE", lambda g: f"/meetings/{int(meeting_id)}")

    async def list_upcoming(self, account_id: str) -> list[Meeting]:
        meetings: list[Meeting] = []
        page_token = ""
        while True:
            params: dict[str, str | int] = {"type": "upcoming", "page_size": PAGE_SIZE}
            if page_token:
                params["next_page_token"] = page_token
            raw = cast(
                RawMeetingList,
                await self._json(
                    account_id, "GET", lambda g: f"/users/{g.user_path}/meetings", params=params
                ),
            )
            meetings.extend(parse_meeting(m) for m in raw.get("meetings", []))
            page_token = raw.get("next_page_token", "")
            if not page_token:
                return meetings

    async def _json(
        self,
        account_id: str,
        method: str,
        path: Callable[[Grant], str],
        *,
        json: Any = None,
        params: dict[str, str | int] | None = None,
    ) -> dict[str, Any]:
        response = await self._request(account_id, method, path, json, params)
        try:
            data = response.json()
        except ValueError as exc:
            raise ZoomUnavailable(f"Zoom sent a non-JSON answer to {method}") from exc
        if not isinstance(data, dict):
            raise ZoomUnavailable(f"Zoom sent an unexpected answer to {method}")
        return data

    async def _request(
        self,
        account_id: str,
        method: str,
        path: Callable[[Grant], str],
        json: Any = None,
        params: dict[str, str | int] | None = None,
    ) -> httpx.Response:
        """Send once with the current token; on 401 refresh once and retry; then give up."""
        grant = await self._tokens.grant(account_id)
        call = Call(method=method, url=self._base + path(grant), params=params, json=json)
        response = await self._transport.send(call, token=grant.access_token)
        if response.status_code != 401:
            return response
        grant = await self._tokens.force_refresh(account_id, rejected_token=grant.access_token)
        call = Call(method=method, url=self._base + path(grant), params=params, json=json)
        response = await self._transport.send(call, token=grant.access_token)
        if response.status_code != 401:
            return response
        await self._tokens.mark_broken(account_id, "Zoom refused a freshly refreshed token")
        raise ZoomAuthError("Zoom refused the access token even after a refresh")
