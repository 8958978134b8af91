"""Slack payloads -> CommandEvent."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from adapters.slack import translate
from bot.events import Platform, User
from tests.adapters.slack import factories
from tests.adapters.slack.fake_slack import BOT_USER, TEAM

NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)
ALICE = User(platform_id="U0ALICE01", display_name="Alice", timezone="Europe/Berlin")


def test_mentions_exclude_the_bot_and_repeat_once() -> None:
    text = f"<@{BOT_USER}> sync with <@U0DAVE001|dave> and <@U0DAVE001> and <@W0BOB>"
    assert translate.mention_ids(text, bot_user_id=BOT_USER) == ("U0DAVE001", "W0BOB")
    assert translate.strip_bot(text, BOT_USER).startswith("sync with")


def test_slash_command_is_the_typing_users_command() -> None:
    body = factories.slash_command("list my meetings", user="U0ALICE01", response_url="http://r/1")
    event, origin = translate.from_command(
        cast(translate.SlashCommand, body), user=ALICE, mentions=(), people=(), now=NOW
    )
    assert event.platform is Platform.SLACK
    assert (event.tenant_id, event.channel_id, event.user) == (TEAM, factories.CHANNEL, ALICE)
    assert event.reply_to.response_url == "http://r/1"
    assert event.event_id == f"cmd-{body['trigger_id']}"
    assert origin.source == "command" and not origin.direct


def test_a_click_carries_the_cards_owner_and_the_message_to_update() -> None:
    body = factories.block_actions(
        "U0ALICE01|cancel_meeting:42", user="U0MALLORY", response_url="http://r/2", ephemeral=True
    )
    event, origin = translate.from_action(cast(translate.BlockActions, body), user=ALICE, now=NOW)
    assert event.action is not None
    assert (event.action.name, event.action.value) == ("cancel_meeting", "42")
    assert event.action.owner_id == "U0ALICE01"
    assert event.reply_to.message_id == body["container"]["message_ts"]
    assert origin.ephemeral_container


def test_a_dm_has_no_thread_and_a_mention_answers_in_its_thread() -> None:
    dm = factories.event_callback(factories.direct_message("help", user="U0ALICE01"))
    event, origin = translate.from_message(
        cast(translate.EventCallback, dm), text="help", user=ALICE, mentions=(), people=(), now=NOW
    )
    assert origin.direct and event.reply_to.thread_id is None
    assert event.event_id == dm["event_id"]
    at = factories.event_callback(factories.mention("hi", user="U0ALICE01", ts="5.6"))
    event, origin = translate.from_message(
        cast(translate.EventCallback, at), text="hi", user=ALICE, mentions=(), people=(), now=NOW
    )
    assert not origin.direct and event.reply_to.thread_id == "5.6"


def test_link_buttons_are_passive() -> None:
    join = factories.block_actions("U1|join:42", user="U1", response_url="http://r")
    cancel = factories.block_actions("U1|cancel_meeting:42", user="U1", response_url="http://r")
    assert translate.passive_action(join)
    assert not translate.passive_action(cancel)
