"""After the ack: resolve who is asking, translate, dispatch, answer. Runs as tracked
background tasks so the 3-second ack never waits for the NLU, Zoom or the database."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import translate
from adapters.slack.directory import Directory
from adapters.slack.sender import Sender, prepare
from bot.dispatcher import Dispatcher
from bot.events import CommandEvent, Mention

log = logging.getLogger(__name__)
MAX_PARALLEL = 16  # commands worked on at once; the rest wait their turn after their ack
SEEN_EVENTS = 5000


def _merge(mentions: tuple[Mention, ...], people: tuple[Mention, ...]) -> tuple[Mention, ...]:
    known = {m.platform_id for m in mentions}
    return mentions + tuple(p for p in people if p.platform_id not in known)


class Bridge:
    def __init__(
        self,
        *,
        dispatcher: Dispatcher,
        directory: Directory,
        sender: Sender,
        clock: Callable[[], datetime],
    ) -> None:
        self._dispatcher = dispatcher
        self._directory = directory
        self._sender = sender
        self._clock = clock
        self._slots = asyncio.Semaphore(MAX_PARALLEL)
        self._tasks: set[asyncio.Task[None]] = set()
        self._seen: OrderedDict[str, None] = OrderedDict()

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("Slack work failed", exc_info=task.exception())

    async def drain(self, seconds: float) -> None:
        """Let work in flight finish (shutdown), then cancel what is left."""
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=seconds)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    def first_delivery(self, event_id: str) -> bool:
        """False for an event id this process already took (Slack retries re-send it)."""
        if event_id in self._seen:
            return False
        self._seen[event_id] = None
        while len(self._seen) > SEEN_EVENTS:
            self._seen.popitem(last=False)
        return True

    async def _people(
        self, client: AsyncWebClient, team: str, text: str, bot_user_id: str | None
    ) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
        ids = translate.mention_ids(text, bot_user_id=bot_user_id)
        mentions = await self._directory.mentions(client, team, ids)
        people = await self._directory.people(client, team)
        return mentions, _merge(mentions, people)

    async def command(self, body: translate.SlashCommand, client: AsyncWebClient) -> None:
        async with self._slots:
            team, text = body["team_id"], body.get("text", "")
            user = await self._directory.user(client, team, body["user_id"])
            mentions, people = await self._people(client, team, text, None)
            event, origin = translate.from_command(
                body, user=user, mentions=mentions, people=people, now=self._clock()
            )
            await self._run(event, origin, client)

    async def message(
        self, body: translate.EventCallback, client: AsyncWebClient, bot_user_id: str | None
    ) -> None:
        async with self._slots:
            msg, team = body["event"], body["team_id"]
            text = translate.strip_bot(msg.get("text", ""), bot_user_id)
            user = await self._directory.user(client, team, msg["user"])
            mentions, people = await self._people(client, team, text, bot_user_id)
            event, origin = translate.from_message(
                body, text=text, user=user, mentions=mentions, people=people, now=self._clock()
            )
            await self._run(event, origin, client)

    async def action(self, body: translate.BlockActions, client: AsyncWebClient) -> None:
        async with self._slots:
            user = await self._directory.user(client, body["team"]["id"], body["user"]["id"])
            event, origin = translate.from_action(body, user=user, now=self._clock())
            await self._run(event, origin, client)

    async def _run(
        self, event: CommandEvent, origin: translate.Origin, client: AsyncWebClient
    ) -> None:
        reply = await self._dispatcher.dispatch_new(event)
        if reply is None:  # a retry of something already answered (maybe by another replica)
            return
        answer = prepare(reply, target=event.reply_to, origin=origin)
        if not await self._sender.send(answer, client=client):
            log.warning("a %s reply could not be delivered to Slack", type(reply).__name__)
