"""/zoom over real HTTP: signed slash command -> ack -> NLU -> Zoom sandbox -> Block Kit."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.adapters.slack.conftest import SlackWorkspace, buttons, value_of

ALICE, BOB, MALLORY, DAVE = "U0ALICE01", "U0BOB0001", "U0MALLORY", "U0DAVE001"
SCHEDULE = "schedule a meeting called Team Sync tomorrow at 2pm for 30 minutes"


def _tomorrow_at(hour: int, tz: str) -> datetime:
    day = (datetime.now(ZoneInfo(tz)) + timedelta(days=1)).date()
    return datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo(tz))


async def _card(workspace: SlackWorkspace, user: str, text: str = SCHEDULE) -> tuple[int, dict]:  # type: ignore[type-arg]
    _, (card,) = await workspace.ask(user, text)
    meeting_id = int(value_of(card, "cancel_meeting").rpartition(":")[2])
    return meeting_id, card


async def test_slash_command_creates_a_meeting_with_a_join_button(
    workspace: SlackWorkspace,
) -> None:
    await workspace.connect(ALICE, "alice@example.com")
    answer, key = await workspace.slash(ALICE, SCHEDULE)
    assert answer.status_code == 200
    assert answer.text == ""  # the ack is empty; the card follows through response_url
    (card,) = await workspace.fake.wait_responses(key)
    (meeting,) = workspace.server.sandbox.state.meetings.values()
    assert card["response_type"] == "in_channel"
    assert "Team Sync" in card["text"]
    join = next(b for b in buttons(card) if b.get("text", {}).get("text") == "Join")
    assert join["url"].startswith("http")
    assert value_of(card, "cancel_meeting") == f"{ALICE}|cancel_meeting:{meeting.id}"
    assert value_of(card, "reschedule_meeting") == f"{ALICE}|reschedule_meeting:{meeting.id}"
    assert any("confirm" in b for b in buttons(card)), "Cancel asks before it deletes"
    # the time zone came from users.info (Alice is in Berlin)
    assert meeting.start == _tomorrow_at(14, "Europe/Berlin")
    assert meeting.duration == 30


async def test_cancel_button_after_confirmation_deletes_and_updates_the_card(
    workspace: SlackWorkspace,
) -> None:
    await workspace.connect(ALICE, "alice@example.com")
    meeting_id, card = await _card(workspace, ALICE)
    answer, key = await workspace.click(ALICE, value_of(card, "cancel_meeting"))
    assert answer.status_code == 200
    (update,) = await workspace.fake.wait_responses(key)
    assert update["replace_original"] is True
    assert "Cancelled" in update["text"] and "Team Sync" in update["text"]
    assert meeting_id not in workspace.server.sandbox.state.meetings


async def test_a_stranger_pressing_cancel_changes_nothing(workspace: SlackWorkspace) -> None:
    await workspace.connect(ALICE, "alice@example.com")
    await workspace.connect(MALLORY, "mallory@example.com")
    meeting_id, card = await _card(workspace, ALICE)

    _, key = await workspace.click(MALLORY, value_of(card, "cancel_meeting"))
    (refusal,) = await workspace.fake.wait_responses(key)
    assert refusal["response_type"] == "ephemeral"
    assert refusal.get("replace_original") is False, "the card itself is left alone"
    assert "someone else" in refusal["text"]
    # Even without the owner stamp, Mallory's own Zoom token can't reach Alice's meeting.
    _, key = await workspace.click(MALLORY, f"cancel_meeting:{meeting_id}")
    (refusal,) = await workspace.fake.wait_responses(key)
    assert refusal["response_type"] == "ephemeral"
    assert "Team Sync" not in refusal["text"]
    assert meeting_id in workspace.server.sandbox.state.meetings


async def test_connect_prompt_is_ephemeral_and_the_command_resumes_after_approval(
    workspace: SlackWorkspace,
) -> None:
    key, (prompt,) = await workspace.ask(BOB, SCHEDULE)
    assert prompt["response_type"] == "ephemeral"
    url = next(b["url"] for b in buttons(prompt) if "url" in b)
    assert url.startswith(workspace.server.sandbox.oauth_base + "/authorize")
    assert not workspace.server.sandbox.state.meetings

    location = await workspace.server.sandbox.approve(workspace.http, url, "bob@example.com")
    assert (await workspace.http.get(location)).status_code == 200
    _, notice, card = await workspace.fake.wait_responses(key, 3)  # sent by the delivery task
    assert notice["response_type"] == "ephemeral" and "Zoom is connected" in notice["text"]
    assert card["response_type"] == "in_channel" and "Team Sync" in card["text"]
    (meeting,) = workspace.server.sandbox.state.meetings.values()
    assert meeting.start == _tomorrow_at(14, "America/New_York")
    assert value_of(card, "cancel_meeting") == f"{BOB}|cancel_meeting:{meeting.id}"
    await asyncio.sleep(1.5)  # more than one delivery round
    assert len(workspace.fake.responses[key]) == 3, "each queued reply is sent once"


async def test_queued_private_replies_outlive_an_expired_response_url(
    workspace: SlackWorkspace,
) -> None:
    key, (prompt,) = await workspace.ask(DAVE, "connect my zoom")
    url = next(b["url"] for b in buttons(prompt) if "url" in b)
    workspace.fake.expired_response_urls.add(key)  # Dave took more than 30 minutes

    location = await workspace.server.sandbox.approve(workspace.http, url, "dave@example.com")
    assert (await workspace.http.get(location)).status_code == 200
    (notice,) = await workspace.fake.wait_for(lambda: workspace.fake.calls_to("chat.postEphemeral"))
    assert notice.args["user"] == DAVE
    assert "Zoom is connected" in notice.args["text"]
    assert not workspace.fake.calls_to("chat.postMessage"), "private news never goes public"


async def test_clarify_questions_come_as_buttons(workspace: SlackWorkspace) -> None:
    await workspace.connect(ALICE, "alice@example.com")
    meeting_id, _ = await _card(workspace, ALICE)
    _, (question,) = await workspace.ask(ALICE, "cancel Team Sync")
    assert question["response_type"] == "ephemeral"
    labels = [b["text"]["text"] for b in buttons(question)]
    assert labels == ["Yes, cancel it", "No, keep it"]
    _, key = await workspace.click(ALICE, value_of(question, "keep"), ephemeral=True)
    (kept,) = await workspace.fake.wait_responses(key)
    assert kept["replace_original"] is True
    assert meeting_id in workspace.server.sandbox.state.meetings


async def test_list_is_ephemeral_and_lists_the_meeting(workspace: SlackWorkspace) -> None:
    await workspace.connect(ALICE, "alice@example.com")
    meeting_id, _ = await _card(workspace, ALICE)
    _, (listing,) = await workspace.ask(ALICE, "list my meetings")
    assert listing["response_type"] == "ephemeral"
    assert "Team Sync" in str(listing["blocks"])
    assert value_of(listing, "show_meeting") == f"{ALICE}|show_meeting:{meeting_id}"


async def test_mentions_are_resolved_through_users_info(workspace: SlackWorkspace) -> None:
    await workspace.connect(ALICE, "alice@example.com")
    await _card(workspace, ALICE, f"schedule a sync with <@{DAVE}> tomorrow at 3pm")
    asked = [c.args.get("user") for c in workspace.fake.calls_to("users.info")]
    assert DAVE in asked
    (meeting,) = workspace.server.sandbox.state.meetings.values()
    assert "Dave Lee" in meeting.agenda
    assert meeting.invitees == [workspace.fake.users[DAVE]["profile"]["email"]]


async def test_help_empty_and_unknown_commands_get_a_polite_ephemeral_reply(
    workspace: SlackWorkspace,
) -> None:
    for text in ("", "help", "frobnicate the widgets"):
        _, (reply,) = await workspace.ask(ALICE, text)
        assert reply["response_type"] == "ephemeral", text
        assert "schedule a meeting called Team Sync" in str(reply["blocks"]), "examples shown"
    answer, key = await workspace.slash(ALICE, "hello", command="/meet")
    assert answer.status_code == 200
    assert (await workspace.fake.wait_responses(key))[0]["response_type"] == "ephemeral"


async def test_a_10_kb_command_gets_a_polite_error_not_a_500(workspace: SlackWorkspace) -> None:
    _, (reply,) = await workspace.ask(ALICE, "schedule " + "x" * 10_000)
    assert reply["response_type"] == "ephemeral"
    assert "too long" in reply["text"]
    assert not workspace.server.sandbox.state.meetings
