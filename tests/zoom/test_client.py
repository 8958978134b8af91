from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.fixtures.zoom_sandbox import ZoomSandbox
from tests.zoom.conftest import MemoryTokenStore, Sleeps
from tests.zoom.factories import PARIS, meeting_spec
from zoom.client import ZoomClient
from zoom.errors import (
    ZoomAuthError,
    ZoomNotFound,
    ZoomOutcomeUnknown,
    ZoomRateLimited,
    ZoomRejected,
    ZoomUnavailable,
)
from zoom.sandbox import Fault
from zoom.tokens import TokenManager
from zoom.types import MeetingChanges, RecurrenceSpec

START = datetime(2031, 3, 30, 14, 0, tzinfo=ZoneInfo(PARIS))  # the day after DST starts


async def test_get_me(client: ZoomClient, connected: str) -> None:
    me = await client.get_me(connected)
    assert me.email == "alice@example.com" and me.id


def _record_bodies(http: httpx.AsyncClient) -> list[bytes]:
    """Every request body the shared client sends (httpx's public event hooks)."""
    seen: list[bytes] = []

    async def spy(request: httpx.Request) -> None:
        seen.append(request.content)

    http.event_hooks["request"].append(spy)
    return seen


async def test_create_sends_local_wall_time_and_zoom_stores_the_right_instant(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, http: httpx.AsyncClient, connected: str
) -> None:
    seen = _record_bodies(http)
    meeting = await client.create_meeting(connected, meeting_spec(start=START))
    body = json.loads(seen[-1])
    assert body["start_time"] == "2031-03-30T14:00:00" and "Z" not in body["start_time"]
    assert (body["timezone"], body["type"]) == (PARIS, 2)
    stored = zoom_sandbox.state.meetings[meeting.id]
    assert stored.start == datetime(2031, 3, 30, 12, 0, tzinfo=UTC)
    assert meeting.start == START and meeting.start.tzinfo is not None
    assert 10**9 <= meeting.id < 10**11 and meeting.join_url.endswith(f"/j/{meeting.id}")


async def test_invitees_go_in_zoom_settings(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, http: httpx.AsyncClient, connected: str
) -> None:
    seen = _record_bodies(http)
    spec = meeting_spec(start=START, invitees=("bob@example.com", "eve@example.com"))
    meeting = await client.create_meeting(connected, spec)
    body = json.loads(seen[-1])
    assert body["settings"] == {
        "meeting_invitees": [{"email": "bob@example.com"}, {"email": "eve@example.com"}]
    }
    assert zoom_sandbox.state.meetings[meeting.id].invitees == [
        "bob@example.com",
        "eve@example.com",
    ]


async def test_recurring_meeting_maps_weekdays_to_zoom_numbering(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, connected: str
) -> None:
    weekly = RecurrenceSpec(frequency="weekly", weekdays=(1, 7), end_date=date(2031, 6, 1))
    meeting = await client.create_meeting(connected, meeting_spec(start=START, recurrence=weekly))
    stored = zoom_sandbox.state.meetings[meeting.id]
    assert stored.type == 8
    assert stored.recurrence == {
        "type": 2,
        "repeat_interval": 1,
        "weekly_days": "1,2",  # Sunday, Monday
        "end_date_time": "2031-06-01T21:59:59Z",
    }


async def test_get_update_delete(client: ZoomClient, connected: str) -> None:
    created = await client.create_meeting(connected, meeting_spec(start=START))
    new_start = datetime(2031, 4, 2, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    await client.update_meeting(
        connected, created.id, MeetingChanges(topic="Moved", start=new_start)
    )
    fetched = await client.get_meeting(connected, created.id)
    assert (fetched.topic, fetched.start) == ("Moved", new_start)
    assert fetched.timezone == PARIS  # a start without a zone goes as UTC, zone unchanged
    await client.delete_meeting(connected, created.id)
    with pytest.raises(ZoomNotFound):
        await client.get_meeting(connected, created.id)


async def test_list_upcoming_follows_every_page(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, connected: str
) -> None:
    zoom_sandbox.state.max_page_size = 3
    ids = {
        (await client.create_meeting(connected, meeting_spec(topic=f"m{i}"))).id for i in range(7)
    }
    listed = await client.list_upcoming(connected)
    assert {m.id for m in listed} == ids and len(listed) == 7
    pages = [r for r in zoom_sandbox.state.requests if r[0] == "GET" and r[1].endswith("/meetings")]
    assert len(pages) == 3


async def test_rate_limit_is_honoured_with_bounded_backoff(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, sleeps: Sleeps, connected: str
) -> None:
    zoom_sandbox.state.add_fault(
        Fault(method="GET", path="/v2/users/me$", status=429, times=2, headers={"Retry-After": "2"})
    )
    assert (await client.get_me(connected)).email == "alice@example.com"
    assert sleeps.waits == [2.0, 2.0]


async def test_rate_limit_longer_than_budget_gives_up_at_once(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, sleeps: Sleeps, connected: str
) -> None:
    daily = Fault(method="POST", path="/meetings$", status=429, rate_limit_type="Daily-limit")
    zoom_sandbox.state.add_fault(daily)
    with pytest.raises(ZoomRateLimited) as caught:
        await client.create_meeting(connected, meeting_spec())
    assert sleeps.waits == []
    assert caught.value.retry_after_seconds is not None
    assert caught.value.retry_after_seconds > 10
    assert zoom_sandbox.state.meetings == {}


async def test_rate_limit_budget_is_total_per_call(
    zoom_sandbox: ZoomSandbox, http: httpx.AsyncClient, tokens: TokenManager, sleeps: Sleeps,
    connected: str,
) -> None:  # fmt: skip
    client = ZoomClient(
        http=http, api_base=zoom_sandbox.api_base, tokens=tokens, sleep=sleeps,
        max_attempts=10, max_backoff_seconds=5.0,
    )  # fmt: skip
    zoom_sandbox.state.add_fault(
        Fault(method="GET", path="/users/me$", status=429, times=None, headers={"Retry-After": "2"})
    )
    with pytest.raises(ZoomRateLimited):
        await client.get_me(connected)
    assert sleeps.waits == [2.0, 2.0] and sum(sleeps.waits) <= 5.0


async def test_server_errors_are_retried_then_unavailable(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, sleeps: Sleeps, connected: str
) -> None:
    zoom_sandbox.state.add_fault(Fault(method="GET", path="/users/me$", status=502, times=2))
    assert (await client.get_me(connected)).email == "alice@example.com"
    assert sleeps.waits == [0.5, 1.0]
    zoom_sandbox.state.add_fault(Fault(method="GET", path="/users/me$", status=503, times=None))
    with pytest.raises(ZoomUnavailable):
        await client.get_me(connected)


async def test_create_is_never_retried_after_a_timeout(
    zoom_sandbox: ZoomSandbox, tokens: TokenManager, store: MemoryTokenStore, connected: str
) -> None:
    zoom_sandbox.state.add_fault(Fault(method="POST", path="/meetings$", delay_seconds=0.5))
    async with httpx.AsyncClient(timeout=0.2) as impatient:
        client = ZoomClient(http=impatient, api_base=zoom_sandbox.api_base, tokens=tokens)
        with pytest.raises(ZoomOutcomeUnknown) as caught:
            await client.create_meeting(connected, meeting_spec())
    assert isinstance(caught.value.__cause__, httpx.TimeoutException)
    posts = [r for r in zoom_sandbox.state.requests if r[0] == "POST" and "/v2/" in r[1]]
    assert len(posts) == 1
    assert len(zoom_sandbox.state.meetings_of("alice@example.com")) <= 1


async def test_create_is_retried_after_a_rate_limit(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, sleeps: Sleeps, connected: str
) -> None:
    zoom_sandbox.state.add_fault(Fault(method="POST", path="/meetings$", status=429))
    await client.create_meeting(connected, meeting_spec())
    assert len(zoom_sandbox.state.meetings) == 1 and len(sleeps.waits) == 1


async def test_expired_access_token_gets_one_refresh_then_works(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, connected: str
) -> None:
    zoom_sandbox.state.expire_access_tokens("alice@example.com")
    assert (await client.get_me(connected)).email == "alice@example.com"
    assert zoom_sandbox.state.token_requests["refresh_token"] == 1


async def test_second_401_is_an_auth_error_and_marks_broken(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, store: MemoryTokenStore, connected: str
) -> None:
    zoom_sandbox.state.add_fault(Fault(method="GET", path="/users/me$", status=401, times=2))
    with pytest.raises(ZoomAuthError):
        await client.get_me(connected)
    assert zoom_sandbox.state.token_requests["refresh_token"] == 1
    assert connected in store.broken


async def test_other_4xx_is_rejected_with_zooms_message(
    zoom_sandbox: ZoomSandbox, client: ZoomClient, connected: str
) -> None:
    zoom_sandbox.state.add_fault(Fault(method="PATCH", path="/meetings/", status=400))
    with pytest.raises(ZoomRejected) as caught:
        await client.update_meeting(connected, 1234567890, MeetingChanges(topic="x"))
    assert (caught.value.status, caught.value.code) == (400, 400)
    assert str(caught.value) == "Sandbox fault injected."


async def test_connect_error_is_unavailable(
    http: httpx.AsyncClient, tokens: TokenManager, sleeps: Sleeps, connected: str
) -> None:
    client = ZoomClient(http=http, api_base="http://127.0.0.1:9/v2", tokens=tokens, sleep=sleeps)
    with pytest.raises(ZoomUnavailable) as caught:
        await client.create_meeting(connected, meeting_spec())
    assert not isinstance(caught.value, ZoomOutcomeUnknown)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert sleeps.waits == [0.5, 1.0]
