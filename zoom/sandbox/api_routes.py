"""The sandbox's REST API under /v2: users and meetings, Bearer auth, Zoom's error JSON."""

from __future__ import annotations

import html
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiohttp import web

from zoom.sandbox.keys import absolute, state_of
from zoom.sandbox.state import SandboxGrant, SandboxMeeting, SandboxState, SandboxUser

Handler = Callable[[web.Request, SandboxGrant], Awaitable[web.Response]]


def zoom_error(status: int, code: int, message: str) -> web.Response:
    return web.json_response({"code": code, "message": message}, status=status)


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def authed(handler: Handler) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def wrapper(request: web.Request) -> web.Response:
        header = request.headers.get("Authorization", "")
        grant = None
        if header.startswith("Bearer "):
            grant = state_of(request).valid_access(header[7:])
        if grant is None:
            return zoom_error(401, 124, "Invalid access token.")
        return await handler(request, grant)

    return wrapper


def _resolve_user(state: SandboxState, grant: SandboxGrant, user_id: str) -> SandboxUser | None:
    if user_id == "me":
        return state.users.get(grant.user_id) if grant.user_id else None
    user = state.users.get(user_id) or state.user_by_email(user_id)
    if user is None:
        return None
    if grant.user_id is None:  # S2S: every user of the account
        return user if user.account_id == grant.account_id else None
    return user if user.id == grant.user_id else None


def _visible_meeting(request: web.Request, grant: SandboxGrant) -> SandboxMeeting | None:
    state = state_of(request)
    meeting = state.meetings.get(int(request.match_info["meetingId"]))
    if meeting is None:
        return None
    host = state.users[meeting.host_id]
    return meeting if _resolve_user(state, grant, host.id) is not None else None


def _user_json(user: SandboxUser) -> dict[str, Any]:
    first, _, last = user.display_name.partition(" ")
    return {
        "id": user.id,
        "email": user.email,
        "first_name": first,
        "last_name": last,
        "display_name": user.display_name,
        "type": 2,
        "timezone": user.timezone,
        "account_id": user.account_id,
        "status": "active",
    }


def meeting_json(request: web.Request, meeting: SandboxMeeting, *, full: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "uuid": meeting.uuid,
        "id": meeting.id,
        "host_id": meeting.host_id,
        "topic": meeting.topic,
        "type": meeting.type,
        "duration": meeting.duration,
        "timezone": meeting.timezone,
        "created_at": _utc_text(meeting.created_at),
        "join_url": absolute(request, "join", meeting_id=str(meeting.id)),
    }
    if meeting.start is not None:
        body["start_time"] = _utc_text(meeting.start)
    if meeting.agenda:
        body["agenda"] = meeting.agenda
    if full:
        state = state_of(request)
        body["host_email"] = state.users[meeting.host_id].email
        body["status"] = "waiting"
        body["password"] = meeting.password
        body["start_url"] = absolute(request, "start", meeting_id=str(meeting.id))
        body["pre_schedule"] = False
        if meeting.recurrence is not None:
            body["recurrence"] = meeting.recurrence
        if meeting.invitees:
            body["settings"] = {"meeting_invitees": [{"email": e} for e in meeting.invitees]}
    return body


def parse_start(text: str, tz: str) -> datetime:
    """Zoom's start_time: "…Z" is GMT; without Z it is wall time in `tz`."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(tz))
    return moment.astimezone(UTC)


async def get_user(request: web.Request, grant: SandboxGrant) -> web.Response:
    user_id = request.match_info["userId"]
    user = _resolve_user(state_of(request), grant, user_id)
    if user is None:
        return zoom_error(404, 1001, f"User does not exist: {user_id}.")
    return web.json_response(_user_json(user))


def _apply(meeting: SandboxMeeting, body: dict[str, Any]) -> str | None:
    """Apply a create/update body. Returns Zoom's validation message, or None."""
    tz = body.get("timezone", meeting.timezone)
    try:
        ZoneInfo(tz)
        start = parse_start(body["start_time"], tz) if "start_time" in body else meeting.start
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return "Invalid field."
    meeting.timezone, meeting.start = tz, start
    meeting.topic = str(body.get("topic", meeting.topic))
    meeting.type = int(body.get("type", meeting.type))
    meeting.duration = int(body.get("duration", meeting.duration))
    meeting.agenda = str(body.get("agenda", meeting.agenda))
    if "recurrence" in body:
        meeting.recurrence = dict(body["recurrence"])
    invitees = (body.get("settings") or {}).get("meeting_invitees")
    if invitees is not None:
        meeting.invitees = [str(i.get("email")) for i in invitees if isinstance(i, dict)]
    if meeting.type in (2, 8) and meeting.start is None:
        return "start_time is required for a scheduled meeting."
    return None


async def _json_body(request: web.Request) -> dict[str, Any] | None:
    try:
        body = await request.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


async def create_meeting(request: web.Request, grant: SandboxGrant) -> web.Response:
    state = state_of(request)
    user_id = request.match_info["userId"]
    user = _resolve_user(state, grant, user_id)
    if user is None:
        return zoom_error(404, 1001, f"User does not exist: {user_id}.")
    body = await _json_body(request)
    if body is None:
        return zoom_error(400, 300, "Request Body should be a valid JSON object.")
    meeting = SandboxMeeting(
        id=state.new_meeting_id(), uuid=secrets.token_urlsafe(16), host_id=user.id,
        topic="Zoom meeting", type=2, start=None, timezone=user.timezone, duration=60,
        created_at=state.clock(), password=f"{secrets.randbelow(10**6):06d}",
    )  # fmt: skip
    problem = _apply(meeting, body)
    if problem is not None:
        return zoom_error(400, 300, problem)
    if meeting.type == 1:
        meeting.start = state.clock()
    state.meetings[meeting.id] = meeting
    return web.json_response(meeting_json(request, meeting, full=True), status=201)


def _listed(state: SandboxState, user: SandboxUser, kind: str) -> list[SandboxMeeting]:
    now = state.clock()
    mine = [m for m in state.meetings.values() if m.host_id == user.id]
    if kind in ("upcoming", "upcoming_meetings"):
        mine = [m for m in mine if m.start is None or m.start + timedelta(minutes=m.duration) > now]
    elif kind in ("live", "previous_meetings"):
        mine = []
    epoch = datetime.min.replace(tzinfo=UTC)
    return sorted(mine, key=lambda m: (m.start or epoch, m.id))


async def list_meetings(request: web.Request, grant: SandboxGrant) -> web.Response:
    state = state_of(request)
    user_id = request.match_info["userId"]
    user = _resolve_user(state, grant, user_id)
    if user is None:
        return zoom_error(404, 1001, f"User does not exist: {user_id}.")
    kind = request.query.get("type", "scheduled")
    size = min(int(request.query.get("page_size", "30")), 300, state.max_page_size)
    offset = 0
    token = request.query.get("next_page_token")
    if token:
        saved = state.page_tokens.get(token)
        if saved is None or saved[:2] != (user.id, kind):
            return zoom_error(400, 300, "Invalid next_page_token.")
        offset = saved[2]
    listed = _listed(state, user, kind)
    page = listed[offset : offset + size]
    next_token = ""
    if offset + size < len(listed):
        next_token = secrets.token_urlsafe(24)
        state.page_tokens[next_token] = (user.id, kind, offset + size)
    return web.json_response(
        {
            "page_size": size,
            "total_records": len(listed),
            "next_page_token": next_token,
            "meetings": [meeting_json(request, m, full=False) for m in page],
        }
    )


async def get_meeting(request: web.Request, grant: SandboxGrant) -> web.Response:
    meeting = _visible_meeting(request, grant)
    if meeting is None:
        return zoom_error(404, 3001, f"Meeting does not exist: {request.match_info['meetingId']}.")
    return web.json_response(meeting_json(request, meeting, full=True))


async def update_meeting(request: web.Request, grant: SandboxGrant) -> web.Response:
    meeting = _visible_meeting(request, grant)
    if meeting is None:
        return zoom_error(404, 3001, f"Meeting does not exist: {request.match_info['meetingId']}.")
    body = await _json_body(request)
    if body is None:
        return zoom_error(400, 300, "Request Body should be a valid JSON object.")
    problem = _apply(meeting, body)
    if problem is not None:
        return zoom_error(400, 300, problem)
    return web.Response(status=204)


async def delete_meeting(request: web.Request, grant: SandboxGrant) -> web.Response:
    meeting = _visible_meeting(request, grant)
    if meeting is None:
        return zoom_error(404, 3001, f"Meeting does not exist: {request.match_info['meetingId']}.")
    del state_of(request).meetings[meeting.id]
    return web.Response(status=204)


async def join_page(request: web.Request) -> web.Response:
    meeting_id = html.escape(request.match_info["meeting_id"])
    text = f"<!doctype html><title>Zoom SANDBOX meeting {meeting_id}</title>"
    text += f"<h1>Zoom SANDBOX meeting {meeting_id}</h1><p>Nothing to join: this is a sandbox.</p>"
    return web.Response(text=text, content_type="text/html")


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/v2/users/{userId}", authed(get_user))
    router.add_get("/v2/users/{userId}/meetings", authed(list_meetings))
    router.add_post("/v2/users/{userId}/meetings", authed(create_meeting))
    meeting = "/v2/meetings/{meetingId:\\d+}"
    router.add_get(meeting, authed(get_meeting))
    router.add_patch(meeting, authed(update_meeting))
    router.add_delete(meeting, authed(delete_meeting))
    router.add_get("/j/{meeting_id:\\d+}", join_page, name="join")
    router.add_get("/s/{meeting_id:\\d+}", join_page, name="start")
