"""Zoom webhook verification (x-zm-signature) and endpoint.url_validation. Pure functions."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from typing import TypedDict

MAX_SKEW = timedelta(minutes=5)


class UrlValidationResponse(TypedDict):
    plainToken: str
    encryptedToken: str


def _hmac_hex(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign(*, secret: str, timestamp: str, body: bytes) -> str:
    """The `x-zm-signature` Zoom would send: "v0=" + hex HMAC-SHA256 of "v0:{ts}:{body}"."""
    return "v0=" + _hmac_hex(secret, b"v0:" + timestamp.encode("ascii") + b":" + body)


def _timestamp_ok(timestamp: str, *, now: datetime, max_skew: timedelta) -> bool:
    try:
        seconds = float(timestamp)
    except ValueError:
        return False
    if seconds > 1e12:  # milliseconds
        seconds /= 1000
    try:
        sent = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return False
    return abs(now - sent) <= max_skew


def verify_signature(
    *,
    secret: str,
    signature: str | None,
    timestamp: str | None,
    body: bytes,
    now: datetime,
    max_skew: timedelta = MAX_SKEW,
) -> bool:
    """True only for a correctly signed request whose timestamp is within `max_skew` of now.

    `body` must be the raw request bytes, exactly as received.
    """
    if not signature or not timestamp or not timestamp.isascii():
        return False
    if not _timestamp_ok(timestamp, now=now, max_skew=max_skew):
        return False
    expected = sign(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8"))


def url_validation_response(plain_token: str, secret: str) -> UrlValidationResponse:
    """The answer to an `endpoint.url_validation` event."""
    return {
        "plainToken": plain_token,
        "encryptedToken": _hmac_hex(secret, plain_token.encode("utf-8")),
    }
