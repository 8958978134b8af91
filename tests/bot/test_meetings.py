from __future__ import annotations

from datetime import UTC, datetime

from bot.meetings import match
from nlu.types import MeetingRef
from zoom.types import Meeting

START = datetime(2026, 11, 27, 15, tzinfo=UTC)


def _m(mid: int, topic: str, start: datetime | None = START) -> Meeting:
    return Meeting(
        id=mid, topic=topic, start=start, timezone="UTC", duration_minutes=30, join_url="u"
    )


MEETINGS = [_m(1, "Team Sync"), _m(2, "Team Sync retro"), _m(3, "Standup", None)]


def test_topic_prefers_an_exact_match() -> None:
    found = match(MEETINGS, MeetingRef(kind="topic", text="the team sync"), last_meeting_id=None)
    assert [m.id for m in found] == [1]


def test_topic_falls_back_to_all_words_contained() -> None:
    found = match(MEETINGS, MeetingRef(kind="topic", text="retro"), last_meeting_id=None)
    assert [m.id for m in found] == [2]


def test_time_matches_the_same_minute_in_any_zone() -> None:
    berlin = START.astimezone().replace()  # same instant, another offset
    found = match(
        MEETINGS, MeetingRef(kind="time", text="my 3pm", start=berlin), last_meeting_id=None
    )
    assert [m.id for m in found] == [1, 2]


def test_context_and_number() -> None:
    assert [
        m.id for m in match(MEETINGS, MeetingRef(kind="context", text="it"), last_meeting_id=3)
    ] == [3]
    number = MeetingRef(kind="number", text="2", meeting_id=2)
    assert [m.id for m in match(MEETINGS, number, last_meeting_id=None)] == [2]


def test_filler_words_alone_match_nothing() -> None:
    assert match(MEETINGS, MeetingRef(kind="topic", text="the meeting"), last_meeting_id=None) == []
