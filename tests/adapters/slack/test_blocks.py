"""Every reply type renders to Block Kit that slack_sdk's block models accept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.slack.blocks import render, renderers, split_value, stamp_owner
from bot import replies
from bot.rendering import ALL_REPLY_TYPES
from tests.adapters.slack.fake_slack import block_problems
from zoom.types import Meeting

MEETING = Meeting(
    id=81234567890,
    topic="Budget <review> & *plans*",
    start=datetime(2026, 11, 27, 13, 0, tzinfo=UTC),
    timezone="Europe/Berlin",
    duration_minutes=90,
    join_url="https://zoom.us/j/81234567890",
)
SAMPLES: dict[type[object], replies.Reply] = {
    replies.MeetingCreated: replies.MeetingCreated(MEETING, "Europe/Berlin"),
    replies.MeetingUpdated: replies.MeetingUpdated(MEETING, "Asia/Tokyo"),
    replies.MeetingList: replies.MeetingList(tuple([MEETING] * 20), "UTC"),
    replies.MeetingDetails: replies.MeetingDetails(MEETING, "UTC"),
    replies.MeetingCancelled: replies.MeetingCancelled(MEETING.id, MEETING.topic),
    replies.ConnectPrompt: replies.ConnectPrompt("https://zoom.us/oauth/authorize?x=1", "Connect"),
    replies.Clarify: replies.Clarify(
        "Which one?", tuple(replies.Choice(f"Option {i}" * 20, f"pick:{i}") for i in range(3))
    ),
    replies.Help: replies.Help("What I can do", ("list my meetings", "schedule <x>")),
    replies.Notice: replies.Notice("Zoom is connected."),
    replies.Error: replies.Error("Something went wrong (ref abc123)", "abc123"),
}


def test_every_reply_type_has_a_slack_renderer() -> None:
    assert renderers.missing() == []
    assert set(SAMPLES) == set(ALL_REPLY_TYPES)


@pytest.mark.parametrize("kind", list(SAMPLES), ids=lambda k: k.__name__)
def test_rendered_blocks_are_valid_block_kit(kind: type[object]) -> None:
    message = stamp_owner(render(SAMPLES[kind]), "U0ALICE01")
    assert message.text
    assert block_problems(list(message.blocks)) == []


def test_who_sees_what() -> None:
    in_channel = {k for k, r in SAMPLES.items() if render(r).visibility == "in_channel"}
    assert in_channel == {replies.MeetingCreated, replies.MeetingUpdated, replies.MeetingCancelled}
    assert render(SAMPLES[replies.MeetingCancelled]).replaces_card


def test_topics_are_escaped_and_times_shown_per_reader() -> None:
    card = str(render(SAMPLES[replies.MeetingCreated]).blocks)
    assert "Budget &lt;review&gt; &amp; *plans*" in card
    assert "<!date^1795784400^" in card  # Slack shows it in each reader's zone
    assert "Fri 27 Nov 2026, 14:00 (Europe/Berlin)" in card  # the fallback: the asker's zone
    assert "1 h 30 min" in card


def test_a_long_list_stays_under_slacks_block_limit() -> None:
    blocks = render(SAMPLES[replies.MeetingList]).blocks
    assert len(blocks) <= 50
    assert "5 more" in str(blocks[-1])


def test_owner_stamp_round_trip() -> None:
    stamped = stamp_owner(render(SAMPLES[replies.Clarify]), "U0ALICE01")
    values = [e["value"] for b in stamped.blocks for e in b.get("elements", []) if "value" in e]
    assert values == ["U0ALICE01|pick:0", "U0ALICE01|pick:1", "U0ALICE01|pick:2"]
    assert split_value(values[0]) == ("U0ALICE01", "pick:0")
    assert split_value("dismiss") == (None, "dismiss")
    assert "U0ALICE01" not in str([b.get("text") for b in stamped.blocks])
