"""Payload builders shared by the tests."""

from __future__ import annotations

import uuid
from typing import Any

BERLIN = "Europe/Berlin"


def command(
    text: str,
    *,
    tz: str = BERLIN,
    request_id: str | None = None,
    action: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "command": text,
        "context": {"timezone": tz},
        "request_id": request_id or uuid.uuid4().hex,
        **extra,
    }
    if action is not None:
        body["action"] = action
    return body
