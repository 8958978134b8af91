"""What a handler gets: the event, who sent it, their zone, and the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.events import CommandEvent
from bot.services import Services
from storage import audit
from storage.accounts import Account


@dataclass(frozen=True, slots=True)
class Context:
    event: CommandEvent
    account: Account
    tz: str  # the viewer's IANA zone
    now: datetime  # aware
    correlation_id: str
    services: Services

    async def audit(
        self,
        action: str,
        *,
        target: str | None = None,
        detail: str | None = None,
        result: str = "ok",
    ) -> None:
        """One row in the audit log: who (this account), what, when (now), and the result."""
        await audit.record(
            self.services.db, account_id=self.account.id, action=action, target=target,
            result=result, detail=detail, at=self.now,
        )  # fmt: skip

    @property
    def channel_key(self) -> str:
        e = self.event
        return f"{e.platform.value}:{e.tenant_id}:{e.channel_id}"
