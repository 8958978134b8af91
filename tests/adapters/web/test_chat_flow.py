"""The foundation dialogue, over real HTTP: web chat -> NLU -> dispatcher -> Zoom sandbox."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from bot.appkeys import SERVICES
from tests.factories import BERLIN
from tests.fixtures.app_server import AppServer

SCHEDULE = "schedule a meeting called Team Sync tomorrow at 2pm for 30 minutes"


def _tomorrow_at(hour: int, tz: str) -> datetime:
    local_now = datetime.now(ZoneInfo(tz))
    day = (local_now + timedelta(days=1)).date()
    return datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo(tz))


def _utc_z(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("app_server", ["sqlite", "postgres"], indirect=True)
async def test_schedule_connect_list_cancel(app_server: AppServer, make_user) -> None:  # type: ignore[no-untyped-def]
    alice = await make_user(BERLIN)

    prompt = await alice.say(SCHEDULE)
    assert prompt["type"] == "connect"
    assert prompt["oauth_url"].startswith(app_server.sandbox.oauth_base + "/authorize")
    assert not app_server.sandbox.state.meetings, "nothing is created before Zoom is connected"

    page = await alice.approve(prompt["oauth_url"], "alice@example.com")
    assert page.status_code == 200
    assert "Connected — you can close this tab" in page.text

    updates = await alice.updates()
    assert [u["type"] for u in updates] == ["notice", "meeting_created"]
    meeting = updates[1]["meeting"]
    assert meeting["topic"] == "Team Sync"
    assert meeting["timezone"] == BERLIN
    assert meeting["duration"] == 30
    assert meeting["start_time"] == _utc_z(_tomorrow_at(14, BERLIN))
    assert meeting["join_url"].startswith("http")
    assert len(app_server.sandbox.state.meetings) == 1
    assert await alice.updates() == [], "an update is delivered once"

    listing = await alice.say("list my meetings")
    assert listing["type"] == "meeting_list"
    assert [m["id"] for m in listing["meetings"]] == [meeting["id"]]
    assert listing["meetings"][0]["join_url"] == meeting["join_url"]

    question = await alice.say("cancel Team Sync")
    assert question["type"] == "clarify"
    assert "Team Sync" in question["text"]
    assert [c["label"] for c in question["choices"]] == ["Yes, cancel it", "No, keep it"]
    assert len(app_server.sandbox.state.meetings) == 1, "asking is not cancelling"

    done = await alice.say("yes")
    assert done["type"] == "meeting_cancelled"
    assert not app_server.sandbox.state.meetings
    assert (await alice.say("list my meetings"))["meetings"] == []

    async with app_server.app[SERVICES].db.engine.connect() as conn:
        rows = (await conn.execute(text("SELECT action, result FROM audit_log ORDER BY id"))).all()
    assert [tuple(r) for r in rows] == [
        ("zoom_call", "ZoomNotConnected"),  # the first command, before Zoom was connected
        ("connect", "ok"),
        ("create_meeting", "ok"),
        ("list_meetings", "ok"),
        ("delete_meeting", "ok"),
        ("list_meetings", "ok"),
    ]


async def test_keep_answer_leaves_the_meeting(app_server: AppServer, make_user) -> None:  # type: ignore[no-untyped-def]
    bob = await make_user("America/New_York")
    await bob.connect("bob@example.com")
    created = await bob.say("schedule a meeting called standup tomorrow at 9am")
    assert created["type"] == "meeting_created"
    assert created["meeting"]["start_time"] == _utc_z(_tomorrow_at(9, "America/New_York"))
    question = await bob.say("cancel standup")
    keep = question["choices"][1]
    answer = await bob.say(keep["label"], action=keep["value"])
    assert answer["type"] == "notice"
    assert len(app_server.sandbox.state.meetings) == 1


async def test_missing_time_is_asked_for_not_guessed(app_server: AppServer, make_user) -> None:  # type: ignore[no-untyped-def]
    carol = await make_user(BERLIN)
    await carol.connect("carol@example.com")
    question = await carol.say("schedule a meeting called Planning")
    assert question["type"] == "clarify"
    assert "When" in question["text"]
    assert not app_server.sandbox.state.meetings
    created = await carol.say("tomorrow at 2pm")
    assert created["type"] == "meeting_created"
    assert created["meeting"]["topic"] == "Planning"
    assert created["meeting"]["start_time"] == _utc_z(_tomorrow_at(14, BERLIN))


async def test_users_never_see_each_others_meetings(app_server: AppServer, make_user) -> None:  # type: ignore[no-untyped-def]
    alice, mallory = await make_user(), await make_user()
    await alice.connect("alice@example.com")
    await mallory.connect("mallory@example.com")
    created = await alice.say("schedule a meeting called Secret Plan tomorrow at 10am")
    meeting_id = created["meeting"]["id"]

    assert (await mallory.say("list my meetings"))["meetings"] == []
    spoof = await mallory.say("Yes, cancel it", action=f"cancel_meeting:{meeting_id}")
    assert spoof["type"] == "error"
    assert "Secret Plan" not in spoof["text"]
    assert meeting_id in app_server.sandbox.state.meetings


async def test_a_date_without_a_time_is_asked_for(app_server: AppServer, make_user) -> None:  # type: ignore[no-untyped-def]
    dora = await make_user(BERLIN)
    await dora.connect("dora@example.com")
    question = await dora.say("schedule a meeting called Planning tomorrow")
    assert question["type"] == "clarify"
    assert question["text"].startswith("What time on")
    assert not app_server.sandbox.state.meetings, "midnight is never guessed"
    created = await dora.say("2pm")
    assert created["meeting"]["start_time"] == _utc_z(_tomorrow_at(14, BERLIN))


async def test_moving_a_meeting(app_server: AppServer, make_user) -> None:  # type: ignore[no-untyped-def]
    eve = await make_user(BERLIN)
    await eve.connect("eve@example.com")
    await eve.say("schedule a meeting called Sync tomorrow at 9am")
    moved = await eve.say("move it to 11am tomorrow")
    assert moved["type"] == "meeting_updated"
    assert moved["meeting"]["start_time"] == _utc_z(_tomorrow_at(11, BERLIN))
    later = await eve.say("push it 30 minutes later")
    assert later["meeting"]["start_time"] == _utc_z(
        _tomorrow_at(11, BERLIN) + timedelta(minutes=30)
    )

    today = datetime.now(ZoneInfo(BERLIN)).date()
    target = date(today.year + (today >= date(today.year, 12, 10)), 12, 10)
    new_day = await eve.say("move Sync to December 10")
    expected = datetime(target.year, 12, 10, 11, 30, tzinfo=ZoneInfo(BERLIN))
    assert new_day["meeting"]["start_time"] == _utc_z(expected), "a date alone keeps the time"
    assert len(app_server.sandbox.state.meetings) == 1


async def test_people_named_by_email_are_invited(app_server: AppServer, make_user) -> None:  # type: ignore[no-untyped-def]
    fay = await make_user(BERLIN)
    await fay.connect("fay@example.com")
    created = await fay.say("schedule a design review with bob@example.com tomorrow at 10am")
    assert created["type"] == "meeting_created"
    (meeting,) = app_server.sandbox.state.meetings.values()
    assert meeting.invitees == ["bob@example.com"]
    assert meeting.topic == "Design review"
