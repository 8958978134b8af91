"""Sending a rendered reply: through response_url (slash commands, clicks) or the Web API
(chat.postMessage / chat.postEphemeral for @mentions, DMs and later deliveries)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack.blocks import SlackMessage, render, stamp_owner
from adapters.slack.directory import SLACK_FAILURES, sdk_log
from adapters.slack.translate import Origin
from bot.events import ReplyTarget
from bot.replies import Reply

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Answer:
    """One reply, rendered for the person it was made for, and where it goes."""

    message: SlackMessage
    target: ReplyTarget
    origin: Origin


def prepare(reply: Reply, *, target: ReplyTarget, origin: Origin) -> Answer:
    """Buttons are stamped with the asker's id, when known, so strangers' clicks are refused."""
    message = render(reply)
    if origin.user_id:
        message = stamp_owner(message, origin.user_id)
    return Answer(message, target, origin)


class Sender:
    def __init__(self, *, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def _respond(self, url: str, message: SlackMessage, **flags: Any) -> bool:
        hook = AsyncWebhookClient(url=url, session=self._session, logger=sdk_log)
        body: dict[str, Any] = {"text": message.text, "blocks": list(message.blocks), **flags}
        try:
            answer = await hook.send_dict(body)
        except SLACK_FAILURES as exc:
            log.warning("response_url post failed: %s", type(exc).__name__)
            return False
        if answer.status_code != 200:
            log.warning("response_url answered %s", answer.status_code)
        return answer.status_code == 200

    async def send(self, answer: Answer, *, client: AsyncWebClient) -> bool:
        message, target, origin = answer.message, answer.target, answer.origin
        if origin.source == "action" and target.response_url:
            return await self._after_click(target.response_url, answer)
        if target.response_url:
            sent = await self._respond(
                target.response_url, message, response_type=message.visibility
            )
            # An expired response_url: a private reply can still go by chat.postEphemeral
            # when we know whom it is for; otherwise it is dropped rather than made public.
            private = message.visibility == "ephemeral" and not origin.direct
            if sent or (private and not origin.user_id):
                return sent
        return await self._post(client, answer)

    async def _after_click(self, url: str, answer: Answer) -> bool:
        """A private message (question, list) is replaced by the answer, unless the answer
        is news for the channel (a new meeting): then it goes there instead. In a public
        message, only the card's own fate (cancelled, moved) replaces it; the rest is private."""
        message, origin = answer.message, answer.origin
        if origin.ephemeral_container:
            if message.visibility == "in_channel" and not message.replaces_card:
                await self._respond(url, message, delete_original=True)
                return await self._respond(url, message, response_type="in_channel")
            return await self._respond(url, message, replace_original=True)
        if message.replaces_card:
            return await self._respond(url, message, replace_original=True)
        return await self._respond(url, message, response_type="ephemeral", replace_original=False)

    async def _post(self, client: AsyncWebClient, answer: Answer) -> bool:
        message, target, origin = answer.message, answer.target, answer.origin
        common: dict[str, Any] = {
            "channel": target.channel_id,
            "text": message.text,
            "blocks": list(message.blocks),
        }
        if target.thread_id:
            common["thread_ts"] = target.thread_id
        try:
            if message.visibility == "ephemeral" and not origin.direct and origin.user_id:
                await client.chat_postEphemeral(user=origin.user_id, **common)
            else:
                await client.chat_postMessage(**common)
        except SLACK_FAILURES as exc:
            log.warning("posting to Slack failed: %s", type(exc).__name__)
            return False
        return True
