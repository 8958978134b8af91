"""Retries, Zoom failures and broken connections: polite replies, nothing lost or doubled."""

from __future__ import annotations

from typing import Any

from tests.factories import command
from tests.fixtures.app_server import AppServer
from zoom.sandbox.state import Fault

CREATE = r"/v2/users/[^/]+/meetings$"
SCHEDULE = "schedule a meeting called Retro tomorrow at 3pm"


async def test_a_retried_request_creates_one_meeting(app_server: AppServer, make_user: Any) -> None:
    dana = await make_user()
    await dana.connect("dana@example.com")
    body = command(SCHEDULE, request_id="req-123")
    first = await dana.client.post("/api/zoom/enhanced/chat/commands", json=body)
    again = await dana.client.post("/api/zoom/enhanced/chat/commands", json=body)
    assert first.json()["response"]["type"] == "meeting_created"
    assert again.json()["response"] == first.json()["response"], "the retry replays the answer"
    assert len(app_server.sandbox.state.meetings) == 1


async def test_zoom_rate_limit_is_explained(app_server: AppServer, make_user: Any) -> None:
    erin = await make_user()
    await erin.connect("erin@example.com")
    app_server.sandbox.state.add_fault(
        Fault(method="POST", path=CREATE, status=429, times=None, headers={"Retry-After": "30"})
    )
    reply = await erin.say(SCHEDULE)
    assert reply["type"] == "error"
    assert "try again" in reply["text"].lower()
    assert not app_server.sandbox.state.meetings


async def test_zoom_server_errors_are_explained(app_server: AppServer, make_user: Any) -> None:
    finn = await make_user()
    await finn.connect("finn@example.com")
    app_server.sandbox.state.add_fault(Fault(method="GET", path=CREATE, status=500, times=None))
    reply = await finn.say("list my meetings")
    assert reply["type"] == "error"
    assert "Zoom isn't answering" in reply["text"]
    assert "Traceback" not in reply["text"]


async def test_a_revoked_connection_offers_a_reconnect_link(
    app_server: AppServer, make_user: Any
) -> None:
    gina = await make_user()
    await gina.connect("gina@example.com")
    app_server.sandbox.state.revoke("gina@example.com")
    app_server.sandbox.state.expire_access_tokens("gina@example.com")
    reply = await gina.say("list my meetings")
    assert reply["type"] == "connect"
    assert "Reconnect" in reply["text"]
    await gina.approve(reply["oauth_url"], "gina@example.com")
    updates = await gina.updates()
    assert [u["type"] for u in updates] == ["notice", "meeting_list"], "the command resumes"


async def test_an_expired_access_token_is_refreshed_silently(
    app_server: AppServer, make_user: Any
) -> None:
    hal = await make_user()
    await hal.connect("hal@example.com")
    app_server.sandbox.state.expire_access_tokens("hal@example.com")
    assert (await hal.say("list my meetings"))["type"] == "meeting_list"


async def test_an_unclear_command_is_confirmed_before_acting(
    app_server: AppServer, make_user: Any
) -> None:
    ivy = await make_user()
    await ivy.connect("ivy@example.com")
    created = await ivy.say("schedule a meeting called Review tomorrow at 4pm")
    assert created["type"] == "meeting_created"
    question = await ivy.say("cancel it")
    assert question["type"] == "clarify", "cancel always asks first"
    assert (await ivy.say("no"))["type"] == "notice"
    assert len(app_server.sandbox.state.meetings) == 1


async def test_a_low_confidence_command_is_asked_then_continued(
    app_server: AppServer, make_user: Any
) -> None:
    jo = await make_user()
    await jo.connect("jo@example.com")
    question = await jo.say("schedule Secret Plan tomorrow at 10am")  # no meeting word
    assert question["type"] == "clarify"
    assert question["text"] == "Do you want me to schedule a meeting?"
    assert not app_server.sandbox.state.meetings
    created = await jo.say("yes")
    assert created["type"] == "meeting_created"
    assert created["meeting"]["topic"] == "Secret Plan"


async def test_declining_a_low_confidence_command_does_nothing(
    app_server: AppServer, make_user: Any
) -> None:
    kai = await make_user()
    await kai.connect("kai@example.com")
    await kai.say("schedule Secret Plan tomorrow at 10am")
    assert (await kai.say("no"))["type"] == "notice"
    assert not app_server.sandbox.state.meetings
