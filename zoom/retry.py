"""How long Zoom wants us to wait, from a 429's headers (see rate-limits.md). Pure."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime

DEFAULT_QPS_WAIT = 1.0


def rate_limit_wait(headers: Mapping[str, str], *, now: datetime) -> float | None:
    """Seconds to wait before retrying a 429, or None when Zoom gives no usable hint
    for a daily limit (which means: not today, give up).

    Zoom sends `Retry-After` (an ISO 8601 datetime) on a daily limit and
    `X-RateLimit-Reset` (a Unix timestamp) on a per-second limit; `Retry-After` in
    delta-seconds or HTTP-date form is accepted too.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    retry_after = lowered.get("retry-after")
    if retry_after:
        return _retry_after_seconds(retry_after.strip(), now=now)
    reset = lowered.get("x-ratelimit-reset")
    if reset:
        try:
            return max(0.0, float(reset) - now.timestamp())
        except ValueError:
            pass
    if lowered.get("x-ratelimit-type", "").lower() == "daily-limit":
        return None
    return DEFAULT_QPS_WAIT


def _retry_after_seconds(value: str, *, now: datetime) -> float | None:
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


def backoff_seconds(attempt: int, *, base: float = 0.5) -> float:
    """Exponential backoff for 5xx / connect errors: 0.5, 1, 2, 4 … (attempt starts at 1)."""
    return float(base * 2 ** (attempt - 1))
