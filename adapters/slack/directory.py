"""Who is who in a workspace: users.info (name, email, tz) and users.list (the people
directory for the NLU), cached briefly in memory and bounded."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypedDict, TypeVar, cast

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.events import Mention, User

log = logging.getLogger(__name__)
# slack_sdk logs whole responses at DEBUG, and oauth.v2.access answers with the bot token:
# our Slack clients log through this logger, which never goes below INFO.
sdk_log = logging.getLogger("adapters.slack.sdk")
sdk_log.setLevel(max(logging.INFO, sdk_log.level))
V = TypeVar("V")
PROFILE_TTL = 600.0
PEOPLE_TTL = 900.0
MAX_PEOPLE = 500  # the directory handed to the NLU is bounded
SLACK_FAILURES = (SlackApiError, aiohttp.ClientError, TimeoutError)


class _Profile(TypedDict, total=False):
    display_name: str
    real_name: str
    email: str


class SlackUser(TypedDict, total=False):
    id: str
    name: str
    real_name: str
    tz: str
    deleted: bool
    is_bot: bool
    profile: _Profile


class TtlCache(Generic[V]):
    def __init__(self, *, ttl: float, size: int, clock: Callable[[], float]) -> None:
        self._ttl, self._size, self._clock = ttl, size, clock
        self._items: OrderedDict[tuple[str, ...], tuple[float, V]] = OrderedDict()

    def get(self, key: tuple[str, ...]) -> V | None:
        hit = self._items.get(key)
        if hit is None or hit[0] < self._clock():
            return None
        self._items.move_to_end(key)
        return hit[1]

    def put(self, key: tuple[str, ...], value: V) -> None:
        self._items[key] = (self._clock() + self._ttl, value)
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)


def _name(user: SlackUser) -> str | None:
    profile = user.get("profile", {})
    return profile.get("display_name") or profile.get("real_name") or user.get("real_name") or None


def to_mention(user: SlackUser) -> Mention:
    email = user.get("profile", {}).get("email")
    return Mention(platform_id=user.get("id", ""), display_name=_name(user), email=email)


class Directory:
    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._users: TtlCache[SlackUser] = TtlCache(ttl=PROFILE_TTL, size=10_000, clock=clock)
        self._people: TtlCache[tuple[Mention, ...]] = TtlCache(
            ttl=PEOPLE_TTL, size=200, clock=clock
        )

    async def _info(self, client: AsyncWebClient, team: str, user_id: str) -> SlackUser | None:
        cached = self._users.get((team, user_id))
        if cached is not None:
            return cached
        try:
            answer = await client.users_info(user=user_id)
        except SLACK_FAILURES as exc:
            log.warning("users.info failed for a user: %s", type(exc).__name__)
            return None
        found = cast(SlackUser, answer.get("user") or {})
        self._users.put((team, user_id), found)
        return found

    async def user(self, client: AsyncWebClient, team: str, user_id: str) -> User:
        info = await self._info(client, team, user_id) or {}
        return User(
            platform_id=user_id,
            display_name=_name(info),
            email=info.get("profile", {}).get("email"),
            timezone=info.get("tz"),
        )

    async def mentions(
        self, client: AsyncWebClient, team: str, ids: tuple[str, ...]
    ) -> tuple[Mention, ...]:
        out = []
        for user_id in ids[:20]:
            info = await self._info(client, team, user_id)
            out.append(to_mention(info) if info else Mention(platform_id=user_id))
        return tuple(out)

    async def people(self, client: AsyncWebClient, team: str) -> tuple[Mention, ...]:
        cached = self._people.get((team,))
        if cached is not None:
            return cached
        try:
            answer = await client.users_list(limit=200)
        except SLACK_FAILURES as exc:
            log.warning("users.list failed: %s", type(exc).__name__)
            return ()
        members: list[Any] = answer.get("members") or []
        people = tuple(
            to_mention(cast(SlackUser, m))
            for m in members[:MAX_PEOPLE]
            if isinstance(m, dict) and not m.get("deleted") and not m.get("is_bot")
        )
        self._people.put((team,), people)
        return people
