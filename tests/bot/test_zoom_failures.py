from __future__ import annotations

import pytest

from bot.zoom_failures import message_for
from zoom import errors as zerr


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (zerr.ZoomRateLimited("429", retry_after_seconds=30.4), "try again in about 30 seconds"),
        (zerr.ZoomRateLimited("429", retry_after_seconds=None), "Please try again."),
        (zerr.ZoomOutcomeUnknown("timeout"), "list my meetings"),
        (zerr.ZoomUnavailable("503"), "try again in a few minutes"),
        (zerr.ZoomNotFound("gone"), "doesn't exist any more"),
        (zerr.ZoomRejected("Invalid field.", status=400, code=300), "Zoom refused that: Invalid"),
    ],
)
def test_every_zoom_failure_says_what_to_do_next(error: zerr.ZoomError, says: str) -> None:
    message = message_for(error)
    assert says in message
    assert "Traceback" not in message and "httpx" not in message
