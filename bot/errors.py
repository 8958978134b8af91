"""Errors whose text is safe to show to the user."""

from __future__ import annotations


class UserFacingError(Exception):
    """Raised by handlers; the dispatcher shows `message` as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
