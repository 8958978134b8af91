"""The sentences the issue lists, with exact expected values (clock: Thu 26 Nov 09:00 NY)."""

from __future__ import annotations

from datetime import timedelta

from nlu import CONFIDENCE_THRESHOLD, Intent, MeetingRef, Person, Recurrence
from tests.nlu.conftest import NOW, Parse, at


def test_schedule_with_topic_time_and_duration(p: Parse) -> None:
    r = p("schedule a meeting called Team Sync tomorrow at 2pm for 30 minutes")
    assert r.intent is Intent.SCHEDULE and r.confidence >= CONFIDENCE_THRESHOLD
    assert r.topic == "Team Sync"
    assert r.start == at(27, 14)
    assert r.duration == timedelta(minutes=30)
    assert r.end == at(27, 14, 30)
    assert r.grain == "hour"


def test_simple_commands(p: Parse) -> None:
    assert p("list my meetings").intent is Intent.LIST
    assert p("help").intent is Intent.HELP
    assert p("connect my zoom").intent is Intent.CONNECT
    assert p("connect").intent is Intent.CONNECT
    assert p("disconnect zoom").intent is Intent.DISCONNECT
    assert p("start a meeting now").intent is Intent.START_NOW


def test_yes_and_no_are_not_commands(p: Parse) -> None:
    for word in ("yes", "no", "ok", "nope"):
        r = p(word)
        assert r.intent is Intent.UNKNOWN
        assert r.confidence < CONFIDENCE_THRESHOLD


def test_cancel_by_topic_and_by_context(p: Parse) -> None:
    r = p("cancel Team Sync")
    assert r.intent is Intent.CANCEL
    assert r.meeting_ref == MeetingRef(kind="topic", text="Team Sync")
    ctx = p("cancel it")
    assert ctx.intent is Intent.CANCEL
    assert ctx.meeting_ref is not None and ctx.meeting_ref.kind == "context"


def test_sync_with_mention_and_email_next_friday(p: Parse) -> None:
    r = p("schedule a 30 minute sync with @alice and bob@example.com next friday at 10am")
    assert r.intent is Intent.SCHEDULE and r.confidence >= CONFIDENCE_THRESHOLD
    assert r.start == at(4, 10, month=12)  # Friday of next week
    assert r.duration == timedelta(minutes=30)
    assert r.participants == (Person(name="alice"), Person(email="bob@example.com"))


def test_zoom_with_dave_for_an_hour_has_no_time(p: Parse) -> None:
    r = p("zoom with dave for an hour")
    assert r.intent is Intent.SCHEDULE
    assert r.duration == timedelta(hours=1)
    assert r.start is None  # the bot asks for a time; it never guesses
    assert r.participants == (Person(name="dave"),)


def test_move_the_standup_to_friday_morning(p: Parse) -> None:
    r = p("move the standup to Friday morning")
    assert r.intent is Intent.RESCHEDULE
    assert r.meeting_ref == MeetingRef(kind="topic", text="standup")
    assert r.start == at(27, 9)


def test_cancel_my_3pm(p: Parse) -> None:
    r = p("cancel my 3pm")
    assert r.intent is Intent.CANCEL
    assert r.meeting_ref == MeetingRef(kind="time", text="my 3pm", start=at(26, 15))


def test_recurring_weekly_starting_next_week(p: Parse) -> None:
    r = p("every monday at 9am for 45 minutes starting next week")
    assert r.intent is Intent.SCHEDULE
    assert r.recurrence == Recurrence(frequency="weekly", weekdays=(1,))
    assert r.start == at(30, 9)
    assert r.duration == timedelta(minutes=45)


def test_range_from_2_to_330pm_tomorrow(p: Parse) -> None:
    r = p("from 2 to 3:30pm tomorrow")
    assert (r.start, r.end) == (at(27, 14), at(27, 15, 30))
    assert r.duration == timedelta(minutes=90)


def test_noon_berlin_time(p: Parse) -> None:
    r = p("at noon Berlin time")
    assert r.timezone == "Europe/Berlin"
    assert r.start is not None
    assert r.start.utcoffset() == timedelta(hours=1)
    assert (r.start.hour, r.start.minute) == (12, 0)
    assert r.start.date() == NOW.date()


def test_in_2_hours(p: Parse) -> None:
    assert p("in 2 hours").start == at(26, 11)


def test_start_a_meeting_now(p: Parse) -> None:
    r = p("start a meeting now")
    assert r.intent is Intent.START_NOW
    assert r.start == NOW


def test_whats_on_my_calendar_next_week(p: Parse) -> None:
    r = p("what's on my calendar next week")
    assert r.intent is Intent.LIST
    assert r.start == at(30)
    assert r.grain == "week"


def test_join_by_number(p: Parse) -> None:
    r = p("join 123 456 7890")
    assert r.intent is Intent.JOIN
    assert r.meeting_ref is not None
    assert (r.meeting_ref.kind, r.meeting_ref.meeting_id) == ("number", 1234567890)


def test_summarize_yesterdays_standup(p: Parse) -> None:
    r = p("summarize yesterday's standup")
    assert r.intent is Intent.SUMMARY
    assert r.start == at(25) and r.grain == "day"
    assert r.meeting_ref == MeetingRef(kind="topic", text="standup")


def test_who_attended_the_design_review(p: Parse) -> None:
    r = p("who attended the design review")
    assert r.intent is Intent.PARTICIPANTS
    assert r.meeting_ref == MeetingRef(kind="topic", text="design review")


def test_am_i_free_thursday_afternoon(p: Parse) -> None:
    r = p("am I free thursday afternoon")
    assert r.intent is Intent.FIND_TIME
    assert (r.start, r.end) == (at(26, 13), at(26, 17))


def test_find_a_time_with_alice_and_bob_next_week(p: Parse) -> None:
    r = p("find a time with alice and bob next week")
    assert r.intent is Intent.FIND_TIME
    assert [x.name for x in r.participants] == ["alice", "bob"]
    assert r.start == at(30)


def test_set_my_timezone(p: Parse) -> None:
    r = p("set my timezone to Europe/Berlin")
    assert r.intent is Intent.SETTINGS
    assert r.timezone == "Europe/Berlin"


def test_directory_fills_in_emails_and_mentions(p: Parse, directory: tuple[Person, ...]) -> None:
    r = p("schedule a sync with <@U01ALICE> and Priya tomorrow at 10", people=directory)
    assert r.participants == (directory[0], directory[1])
    invite = p("invite maría to the standup", people=directory)
    assert invite.participants == (directory[2],)


def test_platform_mentions(p: Parse) -> None:
    r = p("meet with <@123456789012> and <at>Bob Smith</at> tomorrow at 3pm")
    assert r.participants == (Person(mention_id="123456789012"), Person(name="Bob Smith"))


def test_quoted_topic_and_spans(p: Parse) -> None:
    text = 'schedule "Quarterly planning" friday 11am'
    r = p(text)
    assert r.topic == "Quarterly planning"
    assert r.start == at(27, 11)
    labels = {s.label: text[s.start : s.end] for s in r.spans}
    assert labels["TOPIC"] == "Quarterly planning"
    assert labels["TIME"] == "friday 11am"


def test_recurrence_with_count_and_two_weekdays(p: Parse) -> None:
    r = p("schedule a sync every tuesday and thursday at 4pm for 6 weeks")
    assert r.recurrence == Recurrence(frequency="weekly", weekdays=(2, 4), count=6)
    assert r.start == at(26, 16)  # today is Thursday and 4pm is still ahead


def test_monthly_and_daily_recurrence(p: Parse) -> None:
    monthly = p("schedule monthly sync on the 5th at 10am")
    assert monthly.recurrence == Recurrence(frequency="monthly", month_day=5)
    assert monthly.start == at(5, 10, month=12)
    daily = p("schedule daily standup at 9:30 for 15 minutes")
    assert daily.recurrence == Recurrence(frequency="daily")
    assert daily.start == at(26, 9, 30)


def test_one_on_one_is_a_meeting_not_a_time(p: Parse) -> None:
    r = p("move the 1:1 to next tuesday at 11")
    assert r.intent is Intent.RESCHEDULE
    assert r.start == at(1, 11, month=12)
    assert r.meeting_ref == MeetingRef(kind="topic", text="1:1")


def test_naive_now_is_rejected(p: Parse) -> None:
    import pytest

    with pytest.raises(ValueError, match="timezone-aware"):
        p("list my meetings", now=NOW.replace(tzinfo=None))


def test_reschedule_to_a_new_time_names_the_old_one(p: Parse) -> None:
    r = p("push my 2pm to 4pm")
    assert r.intent is Intent.RESCHEDULE
    assert r.start == at(26, 16)
    assert r.meeting_ref == MeetingRef(kind="time", text="my 2pm", start=at(26, 14))
    moved = p("move tomorrow's sync to 3pm")
    assert moved.start == at(27, 15)


def test_reschedule_by_a_length_is_a_shift(p: Parse) -> None:
    later = p("postpone the retro by an hour")
    assert (later.shift, later.duration, later.start) == (timedelta(hours=1), None, None)
    earlier = p("bring the standup forward by 15 minutes")
    assert earlier.shift == timedelta(minutes=-15)
    relative = p("move it 30 minutes later")
    assert (relative.shift, relative.start) == (timedelta(minutes=30), None)
    assert relative.meeting_ref is not None and relative.meeting_ref.kind == "context"
