"""The small ZoomError tree. httpx and HTTP-status errors are mapped into it once, in zoom/."""

from __future__ import annotations


class ZoomError(Exception):
    """Base of every error that comes out of zoom/."""


class ZoomNotConnected(ZoomError):
    """The user has no Zoom connection (never connected, or disconnected)."""


class ZoomAuthError(ZoomError):
    """The connection is broken: refresh token revoked/expired (invalid_grant) or 401.

    The user must reconnect; the connection has been marked broken.
    """


class ZoomRateLimited(ZoomError):
    def __init__(self, message: str, *, retry_after_seconds: float | None) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class ZoomUnavailable(ZoomError):
    """5xx, connection failures and timeouts after bounded retries."""


class ZoomOutcomeUnknown(ZoomUnavailable):
    """A non-idempotent request (create) timed out: it may or may not have happened.

    Never retried blindly; the caller tells the user to check the meeting list.
    """


class ZoomNotFound(ZoomError):
    """404, e.g. the meeting does not exist (any more)."""


class ZoomRejected(ZoomError):
    """4xx other than 401/404/429: Zoom refused the request. `message` is Zoom's text."""

    def __init__(self, message: str, *, status: int, code: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
