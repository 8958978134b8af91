from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

from zoom.webhooks import sign, url_validation_response, verify_signature

SECRET = "whsec-test"
NOW = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
TS = str(int(NOW.timestamp()))
BODY = b'{"event":"meeting.started","payload":{}}'


def test_signature_is_zoom_v0_hmac() -> None:
    expected = hmac.new(SECRET.encode(), b"v0:" + TS.encode() + b":" + BODY, hashlib.sha256)
    assert sign(secret=SECRET, timestamp=TS, body=BODY) == "v0=" + expected.hexdigest()


def test_valid_signature_passes() -> None:
    signature = sign(secret=SECRET, timestamp=TS, body=BODY)
    assert verify_signature(secret=SECRET, signature=signature, timestamp=TS, body=BODY, now=NOW)


def test_tampered_body_wrong_secret_or_missing_headers_fail() -> None:
    signature = sign(secret=SECRET, timestamp=TS, body=BODY)
    assert not verify_signature(
        secret=SECRET, signature=signature, timestamp=TS, body=BODY + b" ", now=NOW
    )
    assert not verify_signature(
        secret="other", signature=signature, timestamp=TS, body=BODY, now=NOW
    )
    assert not verify_signature(secret=SECRET, signature=None, timestamp=TS, body=BODY, now=NOW)
    assert not verify_signature(
        secret=SECRET, signature=signature, timestamp=None, body=BODY, now=NOW
    )


def test_old_or_future_timestamps_are_replays() -> None:
    for skew in (timedelta(minutes=6), -timedelta(minutes=6)):
        ts = str(int((NOW + skew).timestamp()))
        signature = sign(secret=SECRET, timestamp=ts, body=BODY)
        assert not verify_signature(
            secret=SECRET, signature=signature, timestamp=ts, body=BODY, now=NOW
        )
    ts = str(int((NOW - timedelta(minutes=4)).timestamp()))
    signature = sign(secret=SECRET, timestamp=ts, body=BODY)
    assert verify_signature(secret=SECRET, signature=signature, timestamp=ts, body=BODY, now=NOW)


def test_url_validation_response() -> None:
    answer = url_validation_response("qgg8vlvZRS6UYooatFL8Aw", SECRET)
    digest = hmac.new(SECRET.encode(), b"qgg8vlvZRS6UYooatFL8Aw", hashlib.sha256).hexdigest()
    assert answer == {"plainToken": "qgg8vlvZRS6UYooatFL8Aw", "encryptedToken": digest}
