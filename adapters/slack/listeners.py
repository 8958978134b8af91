"""Bolt listeners: ack at once, then hand the work to the bridge in the background."""

from __future__ import annotations

import re
from typing import Any, cast

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import translate
from adapters.slack.blocks import BUTTON
from adapters.slack.bridge import Bridge


def _from_a_person(event: dict[str, Any]) -> bool:
    return bool(event.get("user")) and not event.get("bot_id") and not event.get("subtype")


def register(bolt: AsyncApp, bridge: Bridge, *, oauth: bool) -> None:
    async def on_command(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        bridge.spawn(bridge.command(cast(translate.SlashCommand, body), client))

    async def on_mention(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        if _from_a_person(body.get("event", {})) and bridge.first_delivery(body["event_id"]):
            event = cast(translate.EventCallback, body)
            bridge.spawn(bridge.message(event, client, context.bot_user_id))

    async def on_message(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await ack()
        event = body.get("event", {})
        if event.get("channel_type") != "im" or not _from_a_person(event):
            return  # channel messages reach us as app_mention; our own posts are ignored
        if bridge.first_delivery(body["event_id"]):
            callback = cast(translate.EventCallback, body)
            bridge.spawn(bridge.message(callback, client, context.bot_user_id))

    async def on_action(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        if not translate.passive_action(body):
            bridge.spawn(bridge.action(cast(translate.BlockActions, body), client))

    bolt.command(re.compile(r"^/"))(on_command)
    bolt.event("app_mention")(on_mention)
    bolt.event("message")(on_message)
    bolt.action(re.compile(rf"^{BUTTON}:"))(on_action)
    if oauth:
        bolt.enable_token_revocation_listeners()  # app_uninstalled, tokens_revoked
