"""Events API and request verification over real HTTP: @mentions, DMs, retries, signatures."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import pytest

from tests.adapters.slack import factories
from tests.adapters.slack.conftest import SlackWorkspace, slack_env
from tests.adapters.slack.fake_slack import BOT_TOKEN, BOT_USER
from tests.fixtures.app_server import serve_app

ALICE = "U0ALICE01"
SCHEDULE = "schedule a meeting called Retro tomorrow at 4pm"


async def test_url_verification_challenge(workspace: SlackWorkspace) -> None:
    body = {"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification"}  # fmt: skip
    answer = await workspace.send(*factories.json_body(body))
    assert answer.status_code == 200
    assert answer.json() == {"challenge": body["challenge"]}


async def test_bad_signature_and_stale_timestamp_get_401(workspace: SlackWorkspace) -> None:
    body, headers = factories.form(
        factories.slash_command("list my meetings", user=ALICE, response_url="http://x/")
    )
    forged = factories.sign(body, secret="not-the-secret")
    assert (await workspace.send(body, headers, signed=forged)).status_code == 401
    stale = factories.sign(body, ts=int(time.time()) - 6 * 60)
    assert (await workspace.send(body, headers, signed=stale)).status_code == 401
    tampered = factories.sign(body)
    assert (await workspace.send(body + b"x", headers, signed=tampered)).status_code == 401
    assert (await workspace.send(body, headers, signed={})).status_code == 401
    assert workspace.fake.calls_to("users.info") == [], "nothing ran"


async def test_a_mention_in_a_channel_answers_in_the_thread(workspace: SlackWorkspace) -> None:
    await workspace.connect(ALICE, "alice@example.com")
    event = factories.mention(f"<@{BOT_USER}> {SCHEDULE}", user=ALICE)
    assert (await workspace.event(event)).status_code == 200
    (post,) = await workspace.fake.wait_for(lambda: workspace.fake.calls_to("chat.postMessage"))
    assert post.token == BOT_TOKEN
    assert post.args["channel"] == factories.CHANNEL
    assert post.args["thread_ts"] == event["ts"]
    assert "Retro" in post.args["text"]
    (meeting,) = workspace.server.sandbox.state.meetings.values()
    assert meeting.topic == "Retro"


async def test_personal_answers_to_a_mention_are_ephemeral(workspace: SlackWorkspace) -> None:
    event = factories.mention(f"<@{BOT_USER}> help", user=ALICE)
    await workspace.event(event)
    (post,) = await workspace.fake.wait_for(lambda: workspace.fake.calls_to("chat.postEphemeral"))
    assert post.args["user"] == ALICE
    assert workspace.fake.calls_to("chat.postMessage") == []


async def test_a_direct_message_works_like_a_command(workspace: SlackWorkspace) -> None:
    await workspace.event(factories.direct_message("help", user=ALICE))
    (post,) = await workspace.fake.wait_for(lambda: workspace.fake.calls_to("chat.postMessage"))
    assert post.args["channel"] == "D0ALICE01"
    assert "thread_ts" not in post.args


async def test_the_bots_own_messages_are_ignored(workspace: SlackWorkspace) -> None:
    own = {**factories.direct_message("Scheduled: x", user=BOT_USER), "bot_id": "B0BOT0001"}
    assert (await workspace.event(own)).status_code == 200
    await workspace.event(factories.direct_message("help", user=ALICE))
    await workspace.fake.wait_for(lambda: workspace.fake.calls_to("chat.postMessage"))
    assert len(workspace.fake.calls_to("chat.postMessage")) == 1


async def test_a_slack_retry_creates_no_duplicate(workspace: SlackWorkspace) -> None:
    await workspace.connect(ALICE, "alice@example.com")
    payload = factories.event_callback(factories.mention(f"<@{BOT_USER}> {SCHEDULE}", user=ALICE))
    body = json.dumps(payload).encode()
    headers = {"Content-Type": "application/json"}
    assert (await workspace.send(body, headers)).status_code == 200
    for attempt in ("1", "2"):
        retry = {"X-Slack-Retry-Num": attempt, "X-Slack-Retry-Reason": "http_timeout"}
        answer = await workspace.send(body, headers, signed=factories.sign(body), extra=retry)
        assert answer.status_code == 200
    await workspace.fake.wait_for(lambda: workspace.fake.calls_to("chat.postMessage"))
    assert len(workspace.server.sandbox.state.meetings) == 1
    assert len(workspace.fake.calls_to("chat.postMessage")) == 1


async def test_a_retry_reaching_another_replica_creates_no_duplicate(
    workspace: SlackWorkspace, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Replica B never saw the event; the shared database's idempotency key stops it."""
    caplog.set_level(logging.INFO, logger="bot.dispatcher")
    await workspace.connect(ALICE, "alice@example.com")
    payload = factories.event_callback(factories.mention(f"<@{BOT_USER}> {SCHEDULE}", user=ALICE))
    body, headers = factories.json_body(payload)
    assert (await workspace.send(body, headers)).status_code == 200
    await workspace.fake.wait_for(lambda: workspace.fake.calls_to("chat.postMessage"))
    async for replica in serve_app(
        tmp_path=tmp_path,  # the same var dir: the same development encryption key
        sandbox=workspace.server.sandbox,
        database_url=workspace.server.config.database_url,
        extra_env=slack_env(workspace.fake),
    ):
        async with replica.client() as http:
            retry = {**headers, **factories.sign(body), "X-Slack-Retry-Num": "1"}
            answer = await http.post("/slack/events", content=body, headers=retry)
            assert answer.status_code == 200
            await workspace.fake.wait_for(lambda: "duplicate delivery" in caplog.text)
    assert len(workspace.server.sandbox.state.meetings) == 1
    assert len(workspace.fake.calls_to("chat.postMessage")) == 1, "the answer is not re-posted"
