"""Messages that are not about our meetings never come out as an action."""

from __future__ import annotations

import pytest

from nlu import ACTION_INTENTS, CONFIDENCE_THRESHOLD, Intent
from tests.nlu.conftest import Parse

NOT_MEETINGS = [
    "set a 5 minute timer",
    "what's the weather",
    "book the big conference room",
    "what's the weather tomorrow",
    "tell me a joke",
    "play some music",
    "order a pizza at 7pm",
    "book a flight to Berlin next friday",
    "book a table for 4 at 8pm",
    "set an alarm for 7am",
    "remind me to pay rent tomorrow",
    "cancel my gym membership",
    "delete the photo",
    "move the file to the shared folder",
    "thanks!",
    "good morning",
    "I'll be late tomorrow",
    "the meeting was great",
    "call mom at 5",
    "reserve a room for friday at 2",
    "can you find me a meeting room for 10 people tomorrow",
    "never mind",
    "stop",
    "decline the invite from Tom",
    "accept the meeting tomorrow",
    "I can't make it",
    "change my password",
    "don't change it",
    "notify all attendees that I am running late",
]


@pytest.mark.parametrize("text", NOT_MEETINGS)
def test_never_an_action(p: Parse, text: str) -> None:
    assert p(text).intent not in ACTION_INTENTS


@pytest.mark.parametrize("text", ["hello", "lol", "how are you", "asdf qwerty"])
def test_chatter_is_unknown_and_unsure(p: Parse, text: str) -> None:
    r = p(text)
    assert r.intent is Intent.UNKNOWN
    assert r.confidence < CONFIDENCE_THRESHOLD


def test_a_time_alone_is_not_a_command(p: Parse) -> None:
    r = p("tomorrow at 3pm")
    assert r.intent is Intent.UNKNOWN
    assert r.start is not None  # the time is still filled in


def test_a_meeting_noun_and_a_time_asks_first(p: Parse) -> None:
    r = p("lunch with sam tomorrow 1pm")
    assert r.intent is Intent.SCHEDULE
    assert r.confidence < CONFIDENCE_THRESHOLD


@pytest.mark.parametrize(
    "text",
    ["schedule a sync tomorrow at 2pm", "cancel the standup", "move my 3pm to 4pm"],
)
def test_clear_commands_are_confident(p: Parse, text: str) -> None:
    assert p(text).confidence >= CONFIDENCE_THRESHOLD


@pytest.mark.parametrize("text", ["", "   ", "?!", "12345", "<@U1>", "x" * 2000])
def test_odd_input_does_not_crash(p: Parse, text: str) -> None:
    assert p(text).intent in set(Intent)
