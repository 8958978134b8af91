"""slack_sdk's AsyncInstallationStore over storage.slack_installations (encrypted rows),
and a stateless OAuth state store (signed, expiring; bolt also binds it to a browser cookie)."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from storage.slack_installations import SlackInstallation, SlackInstallationRepository

log = logging.getLogger(__name__)
STATE_TTL_SECONDS = 600


def _json_safe(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in data.items()}


def to_record(installation: Installation) -> SlackInstallation:
    return SlackInstallation(
        enterprise_id=installation.enterprise_id,
        team_id=installation.team_id,
        user_id=installation.user_id,
        is_enterprise_install=installation.is_enterprise_install,
        has_bot=installation.bot_token is not None,
        installed_at=datetime.fromtimestamp(installation.installed_at, tz=UTC),
        data=_json_safe(installation.to_dict_for_copying()),
    )


def to_installation(record: SlackInstallation) -> Installation:
    data = {k: v for k, v in record.data.items() if k != "custom_values"}
    return Installation(**data, custom_values=record.data.get("custom_values") or {})


class SlackInstallationStore(AsyncInstallationStore):
    def __init__(self, repo: SlackInstallationRepository) -> None:
        self._repo = repo

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        await self._repo.save(to_record(installation))

    async def async_save_bot(self, bot: Bot) -> None:
        raise NotImplementedError("bots are saved with their installation")

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        record = await self._repo.find(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=bool(is_enterprise_install),
            bot_only=True,
        )
        return None if record is None else to_installation(record).to_bot()

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        record = await self._repo.find(
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=bool(is_enterprise_install),
        )
        return None if record is None else to_installation(record)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        # Every row carries the bot token: without the bot, the workspace's rows go.
        await self._repo.delete(enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        await self._repo.delete(enterprise_id=enterprise_id, team_id=team_id, user_id=user_id)


class SignedStateStore(AsyncOAuthStateStore):
    """`<nonce>.<expiry>.<hmac>`: valid once per browser (bolt checks its cookie) and expiring."""

    def __init__(self, *, secret: str, clock: Callable[[], float] = time.time) -> None:
        self._key = hashlib.sha256(b"slack-oauth-state:" + secret.encode()).digest()
        self._clock = clock

    @property
    def logger(self) -> logging.Logger:
        return log

    def _sign(self, body: str) -> str:
        return hmac.new(self._key, body.encode(), hashlib.sha256).hexdigest()

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        body = f"{secrets.token_urlsafe(16)}.{int(self._clock()) + STATE_TTL_SECONDS}"
        return f"{body}.{self._sign(body)}"

    async def async_consume(self, state: str) -> bool:
        body, _, signature = state.rpartition(".")
        expiry = body.rpartition(".")[2]
        if not (signature and expiry.isdigit()):
            return False
        if not hmac.compare_digest(signature, self._sign(body)):
            return False
        return int(expiry) >= self._clock()
