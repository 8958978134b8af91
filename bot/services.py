"""Everything the core needs from the outside world, passed in (never imported as globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from nlu.types import Directory, ParsedCommand
from storage.crypto import TokenCipher
from storage.db import Database
from storage.tokens import ZoomTokenRepository
from zoom.client import ZoomClient
from zoom.oauth import ZoomOAuth

Clock = Callable[[], datetime]


class ParseFn(Protocol):
    def __call__(
        self, text: str, *, now: datetime, tz: str, people: Directory | None = None
    ) -> ParsedCommand: ...


@dataclass(frozen=True, slots=True)
class Services:
    db: Database
    cipher: TokenCipher
    tokens: ZoomTokenRepository
    zoom: ZoomClient
    oauth: ZoomOAuth
    parse: ParseFn
    clock: Clock
    default_timezone: str
