"""A faithful local Zoom for tests, benchmarks and `make run` without Zoom credentials."""

from zoom.sandbox.app import build_sandbox_app
from zoom.sandbox.keys import STATE_KEY
from zoom.sandbox.state import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    Fault,
    SandboxMeeting,
    SandboxState,
    SandboxUser,
)

__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "STATE_KEY",
    "Fault",
    "SandboxMeeting",
    "SandboxState",
    "SandboxUser",
    "build_sandbox_app",
]
