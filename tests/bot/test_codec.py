from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot import codec, replies
from bot.events import Action, CommandEvent, Mention, Platform, ReplyTarget, User
from zoom.types import Meeting

MEETING = Meeting(
    id=81234567890,
    topic="Team Sync",
    start=datetime(2026, 11, 27, 13, tzinfo=UTC),
    timezone="Europe/Berlin",
    duration_minutes=30,
    join_url="https://example.test/j/81234567890",
)


@pytest.mark.parametrize(
    "reply",
    [
        replies.MeetingCreated(meeting=MEETING, viewer_tz="Europe/Berlin"),
        replies.MeetingList(meetings=(MEETING, MEETING), viewer_tz="UTC"),
        replies.Clarify(question="Which?", choices=(replies.Choice("A", "pick:1"),)),
        replies.Error(message="nope", correlation_id="abc"),
        replies.Help(title="t", examples=("a", "b")),
    ],
)
def test_replies_round_trip(reply: replies.Reply) -> None:
    assert codec.reply_from_json(codec.reply_to_json(reply)) == reply


def test_events_round_trip() -> None:
    event = CommandEvent(
        platform=Platform.SLACK,
        tenant_id="T1",
        channel_id="C1",
        user=User("U1", "Alice", "alice@example.com", "Europe/Berlin"),
        text="cancel it",
        received_at=datetime(2026, 11, 26, 9, tzinfo=UTC),
        reply_to=ReplyTarget(channel_id="C1", response_url="https://hooks.example/1"),
        mentions=(Mention("U2", "Bob"),),
        event_id="Ev1",
        action=Action("cancel_meeting", "1", owner_id="U1"),
    )
    assert codec.from_json(CommandEvent, codec.to_json(event)) == event


def test_an_unknown_reply_type_is_refused() -> None:
    with pytest.raises(TypeError):
        codec.reply_from_json({"type": "Nope", "data": {}})
