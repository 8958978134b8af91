"""What zoom/ needs from storage to keep a user's tokens. storage/ implements it."""

from __future__ import annotations

from typing import Protocol

from zoom.types import ZoomTokens


class TokenStore(Protocol):
    async def load(self, account_id: str) -> ZoomTokens | None:
        """The stored tokens, or None when not connected or the connection is broken."""

    async def save(self, account_id: str, tokens: ZoomTokens) -> None:
        """Insert or replace, and clear any broken mark. Must be durable before returning."""

    async def mark_broken(self, account_id: str, reason: str) -> None:
        """invalid_grant / revoked: the next command must offer a reconnect link."""

    async def delete(self, account_id: str) -> None:
        """Disconnect."""
